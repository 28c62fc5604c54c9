#include "model/session/transferprogress.h"

#include <QCoreApplication>

#include <cmath>

namespace Chorus {

namespace {

// Long enough to smooth the bursts of a pipelined copy, short enough to follow a change of pace.
constexpr qint64 RateWindowMs = 3000;

} // namespace

void TransferProgress::update(int host, qint64 done, qint64 total, qint64 nowMs)
{
    Host &h = m_hosts[host];
    m_done += done - h.done;
    m_total += total - h.total;
    h.done = done;
    h.total = total;
    sample(nowMs);
}

void TransferProgress::finish(int host, qint64 nowMs)
{
    auto it = m_hosts.find(host);
    if (it == m_hosts.end())
        return;
    m_total -= it->total - it->done;
    it->total = it->done;
    sample(nowMs);
}

void TransferProgress::clear()
{
    m_hosts.clear();
    m_samples.clear();
    m_done = 0;
    m_total = 0;
}

void TransferProgress::sample(qint64 nowMs)
{
    if (!m_samples.isEmpty() && m_samples.last().first == nowMs)
        m_samples.last().second = m_done;
    else
        m_samples.append({nowMs, m_done});
    // Keep one sample older than the window, so the rate always spans the whole window.
    while (m_samples.size() > 2 && m_samples.at(1).first <= nowMs - RateWindowMs)
        m_samples.removeFirst();
}

double TransferProgress::bytesPerSecond() const
{
    if (m_samples.size() < 2)
        return 0;
    const auto &first = m_samples.first();
    const auto &last = m_samples.last();
    const qint64 ms = last.first - first.first;
    return ms <= 0 ? 0 : double(last.second - first.second) * 1000.0 / double(ms);
}

qint64 TransferProgress::etaMs() const
{
    const double rate = bytesPerSecond();
    if (m_done >= m_total)
        return 0;
    if (rate <= 0)
        return -1;
    return qint64(std::ceil(double(m_total - m_done) * 1000.0 / rate));
}

QString TransferProgress::formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return QCoreApplication::translate("TransferProgress", "%1 B").arg(bytes);
    // Number and unit in one string: some languages put the unit first, or no space between.
    static const char *const units[] = {
        QT_TRANSLATE_NOOP("TransferProgress", "%1 KiB"), QT_TRANSLATE_NOOP("TransferProgress", "%1 MiB"),
        QT_TRANSLATE_NOOP("TransferProgress", "%1 GiB"), QT_TRANSLATE_NOOP("TransferProgress", "%1 TiB")};
    double value = double(bytes) / 1024.0;
    int unit = 0;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return QCoreApplication::translate("TransferProgress", units[unit])
        .arg(value, 0, 'f', value < 10 ? 1 : 0);
}

QString TransferProgress::formatRate(double bytesPerSecond)
{
    return QCoreApplication::translate("TransferProgress", "%1/s").arg(formatBytes(qint64(bytesPerSecond)));
}

QString TransferProgress::formatDuration(qint64 ms)
{
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return QCoreApplication::translate("TransferProgress", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("TransferProgress", "%1 min %2 s")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("TransferProgress", "%1 h %2 min")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
}

} // namespace Chorus
