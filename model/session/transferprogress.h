#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace Chorus {

// Overall progress of a transfer over many hosts, from the engine's per-host (done, total)
// reports: sums, a rate over the last few seconds and the time left. Shared by the command line's
// progress line and the GUI, so both say the same thing. Times are the caller's clock in ms.
class TransferProgress
{
public:
    void update(int host, qint64 done, qint64 total, qint64 nowMs);
    // A finished host counts what it did; its unsent remainder (a failure) no longer counts as left.
    void finish(int host, qint64 nowMs);
    void clear();

    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }
    double bytesPerSecond() const; // over the last few seconds; 0 until there are two samples
    qint64 etaMs() const;          // -1 while unknown

    static QString formatBytes(qint64 bytes); // "512 B", "3.4 MiB"
    static QString formatRate(double bytesPerSecond);
    static QString formatDuration(qint64 ms); // "42 s", "3 min 05 s", "1 h 02 min"

private:
    void sample(qint64 nowMs);

    struct Host
    {
        qint64 done = 0;
        qint64 total = 0;
    };
    QHash<int, Host> m_hosts;
    qint64 m_done = 0;
    qint64 m_total = 0;
    QList<QPair<qint64, qint64>> m_samples; // (ms, done), oldest first
};

} // namespace Chorus
