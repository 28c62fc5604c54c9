#include "model/session/runsession.h"

#include "model/core/modellog.h"

#include <QSaveFile>

#include <algorithm>

namespace Chorus {

namespace {

constexpr QChar kEscape(0x1b);
// Buffers are split into pieces of about this many characters, cut at line ends, so that dropping
// old text mostly drops whole pieces; a line longer than the hard size is cut anyway.
constexpr qsizetype kPieceChars = 32 * 1024;
constexpr qsizetype kHardPieceChars = 256 * 1024;
// An escape sequence longer than this is not one a terminal would wait for: it is let through.
constexpr qsizetype kMaxEscape = 256;
// A line without its newline after this many characters is put into "All hosts" anyway.
constexpr qsizetype kMaxPartialLine = 64 * 1024;

qint64 utf8Length(QStringView text)
{
    // Without branches, so the compiler vectorises it: 1 byte, +1 from U+0080, +1 from U+0800;
    // a surrogate pair is 4 bytes, 2 for each half.
    qint64 bytes = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        bytes += 1 + (u >= 0x80) + (u >= 0x800) - ((u & 0xf800) == 0xd800);
    }
    return bytes;
}

// Where an escape sequence at the end of `text` starts that needs more characters to be complete;
// -1 when the text does not end inside one.
qsizetype incompleteEscapeStart(QStringView text)
{
    const qsizetype esc = text.lastIndexOf(kEscape);
    if (esc < 0 || esc < text.size() - kMaxEscape)
        return -1;
    const qsizetype n = text.size();
    if (esc + 1 >= n)
        return esc;
    const char16_t kind = text[esc + 1].unicode();
    qsizetype i = esc + 2;
    switch (kind) {
    case u'[': // CSI: parameters and intermediates, then a final byte
        while (i < n && text[i].unicode() >= 0x20 && text[i].unicode() <= 0x3f)
            ++i;
        return i < n ? -1 : esc;
    case u']': // OSC and the other string sequences end with BEL or ESC backslash
    case u'P':
    case u'X':
    case u'^':
    case u'_':
        // The last ESC starts the string, so there can be no ESC backslash after it.
        return text.indexOf(QChar(0x07), i) >= 0 ? -1 : esc;
    default:
        if (kind >= 0x20 && kind <= 0x2f) { // e.g. ESC ( B: intermediates, then a final byte
            while (i < n && text[i].unicode() >= 0x20 && text[i].unicode() <= 0x2f)
                ++i;
            return i < n ? -1 : esc;
        }
        return -1;
    }
}

} // namespace

RunSession::RunSession(const RunRequest &request, QObject *parent)
    : QObject(parent), m_request(request), m_hosts(request.hosts.size()),
      m_hostDirty(request.hosts.size(), false), m_outputDirty(request.hosts.size() + 1, false)
{
    m_counts.total = hostCount();
    m_counts.queued = hostCount();
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(UpdateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &RunSession::update);
}

RunSession::~RunSession() = default;

void RunSession::start(RunId run)
{
    m_run = run;
    m_clock.start();
    qCDebug(lcModel) << "session for run" << run << "on" << hostCount() << "hosts";
}

void RunSession::replay(RunId run, const QList<HostResult> &results, qint64 durationMs)
{
    start(run);
    for (int host = 0; host < hostCount() && host < results.size(); ++host) {
        const HostResult &result = results.at(host);
        handleHostState(run, host, HostState::Running);
        handleOutput(OutputChunk{run, host, false, result.stdoutData});
        handleOutput(OutputChunk{run, host, true, result.stderrData});
        handleHostFinished(run, host, result);
    }
    handleRunFinished(run);
    m_finishedMs = durationMs;
}

qint64 RunSession::elapsedMs() const
{
    if (!m_clock.isValid())
        return 0;
    return m_finished ? m_finishedMs : m_clock.elapsed();
}

QString RunSession::hostName(int host) const
{
    const HostTarget &t = target(host);
    return t.name.isEmpty() ? t.address() : t.name;
}

QList<int> RunSession::failedHosts() const
{
    QList<int> hosts;
    for (int host = 0; host < hostCount(); ++host) {
        const HostStatus s = status(host);
        if (isHostFinished(host) && (s == HostStatus::NonZeroExit || s == HostStatus::Failed || s == HostStatus::TimedOut))
            hosts.append(host);
    }
    return hosts;
}

RunSession::HostStatus RunSession::status(int host) const
{
    const Host &h = m_hosts.at(host);
    if (h.finished) {
        switch (h.result.outcome) {
        case HostOutcome::Ok:
            return HostStatus::Ok;
        case HostOutcome::NonZeroExit:
            return HostStatus::NonZeroExit;
        case HostOutcome::Failed:
            return HostStatus::Failed;
        case HostOutcome::TimedOut:
            return HostStatus::TimedOut;
        case HostOutcome::Cancelled:
            return HostStatus::Cancelled;
        }
        return HostStatus::Failed;
    }
    switch (h.state) {
    case HostState::Queued:
        return HostStatus::Queued;
    case HostState::Connecting:
        return HostStatus::Connecting;
    case HostState::AwaitingHostKey:
        return HostStatus::AwaitingHostKey;
    case HostState::Authenticating:
        return HostStatus::Authenticating;
    case HostState::AwaitingSecret:
        return HostStatus::AwaitingSecret;
    case HostState::Running:
    case HostState::Finished: // the result is on its way
        return HostStatus::Running;
    }
    return HostStatus::Queued;
}

HostState RunSession::state(int host) const
{
    return m_hosts.at(host).state;
}

bool RunSession::isHostFinished(int host) const
{
    return m_hosts.at(host).finished;
}

const HostResult &RunSession::result(int host) const
{
    return m_hosts.at(host).result;
}

qint64 RunSession::bytesReceived(int host) const
{
    const Host &h = m_hosts.at(host);
    return h.bytes[0] + h.bytes[1];
}

qint64 RunSession::durationMs(int host) const
{
    const Host &h = m_hosts.at(host);
    if (h.finished && h.result.durationUs() > 0)
        return h.result.durationUs() / 1000;
    if (h.startedMs < 0)
        return -1;
    return (h.finished ? h.finishedMs : elapsedMs()) - h.startedMs;
}

void RunSession::setDisplayLimit(qint64 bytes)
{
    m_displayLimit = qMax<qint64>(0, bytes);
}

void RunSession::setAllHostsDisplayLimit(qint64 bytes)
{
    m_allHostsLimit = qMax<qint64>(0, bytes);
}

RunSession::Buffer *RunSession::buffer(int host)
{
    if (host == AllHosts)
        return &m_all;
    return host >= 0 && host < hostCount() ? &m_hosts[host].display : nullptr;
}

const RunSession::Buffer *RunSession::buffer(int host) const
{
    return const_cast<RunSession *>(this)->buffer(host);
}

qint64 RunSession::outputStart(int host) const
{
    const Buffer *b = buffer(host);
    return b ? b->start : 0;
}

qint64 RunSession::outputEnd(int host) const
{
    const Buffer *b = buffer(host);
    return b ? b->end : 0;
}

QList<RunSession::Segment> RunSession::output(int host, qint64 from, qint64 maxChars) const
{
    QList<Segment> result;
    const Buffer *b = buffer(host);
    if (!b || from >= b->end)
        return result;
    from = qMax(from, b->start);
    // The last piece starting at or before `from`.
    auto begin = b->pieces.begin() + qsizetype(b->first);
    auto it = std::upper_bound(begin, b->pieces.end(), from,
                               [](qint64 pos, const Buffer::Piece &piece) { return pos < piece.start; });
    if (it != begin)
        --it;
    qint64 budget = maxChars < 0 ? b->end - from : maxChars;
    for (; it != b->pieces.end() && budget > 0; ++it) {
        const qsizetype offset = qMax<qint64>(0, from - it->start);
        qsizetype length = it->segment.text.size() - offset;
        if (length <= 0)
            continue;
        if (length > budget) {
            length = budget;
            if (it->segment.text[offset + length - 1].isHighSurrogate())
                --length;
            budget = 0;
            if (length <= 0)
                break;
        } else {
            budget -= length;
        }
        if (offset == 0 && length == it->segment.text.size()) {
            result.append(it->segment);
        } else {
            Segment part = it->segment;
            part.text = part.text.mid(offset, length);
            result.append(part);
        }
    }
    return result;
}

QString RunSession::outputText(int host) const
{
    QString text;
    for (const Segment &segment : output(host))
        text += segment.text;
    return text;
}

qint64 RunSession::bytesShown(int host) const
{
    const Buffer *b = buffer(host);
    return b ? b->bytes : 0;
}

qint64 RunSession::bytesNotShown(int host) const
{
    const Buffer *b = buffer(host);
    return b ? b->dropped : 0;
}

bool RunSession::saveOutput(int host, bool isStderr, const QString &path, QString *error) const
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (host < 0 || host >= hostCount())
        return fail(tr("There is no host %1 in this run.").arg(host));
    if (!isHostFinished(host))
        return fail(tr("%1 has not finished yet.").arg(hostName(host)));
    const HostResult &r = result(host);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    file.write(isStderr ? r.stderrData : r.stdoutData);
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

void RunSession::cancel()
{
    if (!isStarted() || m_finished)
        return;
    for (int host = 0; host < hostCount(); ++host)
        noteCancelling(host);
    emitChanges();
    Q_EMIT cancelRequested(m_run);
}

void RunSession::cancelHost(int host)
{
    if (isStarted() && host >= 0 && host < hostCount() && !m_hosts[host].finished) {
        noteCancelling(host);
        emitChanges();
        Q_EMIT hostCancelRequested(m_run, host);
    }
}

void RunSession::noteCancelling(int host)
{
    if (!m_hosts[host].finished && !m_hosts[host].cancelling) {
        m_hosts[host].cancelling = true;
        markHost(host);
    }
}

void RunSession::handleHostState(RunId run, int host, HostState state)
{
    if (run != m_run || host < 0 || host >= hostCount())
        return;
    Host &h = m_hosts[host];
    // Finished comes just before the result, which says how it finished.
    if (h.finished || state == HostState::Finished || state == h.state)
        return;
    h.state = state;
    if (h.startedMs < 0 && state != HostState::Queued)
        h.startedMs = elapsedMs();
    markHost(host);
    m_countsDirty = true;
}

void RunSession::handleOutput(const OutputChunk &chunk)
{
    if (chunk.run != m_run || chunk.host < 0 || chunk.host >= hostCount() || chunk.data.isEmpty())
        return;
    m_hosts[chunk.host].bytes[chunk.isStderr ? 1 : 0] += chunk.data.size();
    m_queue.push_back({chunk.host, chunk.isStderr ? Queued::Stderr : Queued::Stdout, false, chunk.data});
    m_queuedBytes += chunk.data.size();
    markHost(chunk.host);
}

void RunSession::processChunk(int host, bool isStderr, QByteArrayView data)
{
    Host &h = m_hosts[host];
    Stream &stream = h.streams[isStderr ? 1 : 0];
    if (stream.skipToNewline) {
        // The line that began in skipped output is not shown either.
        const auto *newline = static_cast<const char *>(memchr(data.data(), '\n', size_t(data.size())));
        const qsizetype skipped = newline ? newline - data.data() + 1 : data.size();
        h.display.dropped += skipped;
        m_all.dropped += skipped;
        data = data.sliced(skipped);
        stream.skipToNewline = !newline;
        if (data.isEmpty())
            return;
    }
    QString text = stream.decoder.decode(data);
    if (!stream.heldEscape.isEmpty()) {
        text.prepend(stream.heldEscape);
        stream.heldEscape.clear();
    }
    const qsizetype held = incompleteEscapeStart(text);
    if (held >= 0) {
        stream.heldEscape = text.mid(held);
        text.truncate(held);
    }
    if (text.isEmpty())
        return;
    append(h.display, m_displayLimit, host, isStderr, text);
    markOutput(host);
    appendLines(host, isStderr, text, false);
}

void RunSession::skipChunk(int host, bool isStderr, QByteArrayView data)
{
    Host &h = m_hosts[host];
    Stream &stream = h.streams[isStderr ? 1 : 0];
    // Newer output fills both limits, so what the buffers hold goes too, now rather than later:
    // a view never shows old text joined to new with the skipped part missing in between.
    clear(h.display);
    clear(m_all);
    const qint64 prefixBytes = utf8Length(hostName(host)) + 2;
    const qint64 lines = std::count(data.begin(), data.end(), '\n');
    h.display.dropped += data.size() + utf8Length(stream.heldEscape);
    m_all.dropped +=
        data.size() + lines * prefixBytes + utf8Length(stream.partialLine) + utf8Length(stream.heldEscape);
    stream.decoder.resetState();
    stream.heldEscape.clear();
    stream.partialLine.clear();
    stream.skipToNewline = true;
    markOutput(host);
    markOutput(AllHosts);
}

void RunSession::clear(Buffer &buffer)
{
    buffer.dropped += buffer.bytes;
    buffer.bytes = 0;
    buffer.pieces.clear();
    buffer.first = 0;
    buffer.start = buffer.end;
}

void RunSession::markUnshowable()
{
    if (m_displayLimit <= 0 || m_allHostsLimit <= 0 || m_queuedBytes <= m_allHostsLimit)
        return;
    // From the newest back: output with at least the limit's worth of newer output both from its
    // host and from all hosts would be dropped from both buffers before anyone saw it.
    std::vector<qint64> newerFromHost(m_hosts.size(), 0);
    qint64 newer = 0;
    for (auto it = m_queue.rbegin(); it != m_queue.rend(); ++it) {
        if (it->kind == Queued::HostEnd)
            continue;
        if (newer >= m_allHostsLimit && newerFromHost[it->host] >= m_displayLimit)
            it->skip = true;
        newer += it->data.size();
        newerFromHost[it->host] += it->data.size();
    }
}

void RunSession::process(qint64 budgetMs)
{
    if (m_queue.empty())
        return;
    markUnshowable();
    QElapsedTimer clock;
    clock.start();
    while (!m_queue.empty()) {
        const Queued item = m_queue.front();
        m_queue.pop_front();
        m_queuedBytes -= item.data.size();
        if (item.kind == Queued::HostEnd)
            finishStreams(item.host);
        else if (item.skip)
            skipChunk(item.host, item.kind == Queued::Stderr, item.data);
        else
            processChunk(item.host, item.kind == Queued::Stderr, item.data);
        if (budgetMs >= 0 && clock.elapsed() >= budgetMs)
            break;
    }
}

void RunSession::handleHostFinished(RunId run, int host, const HostResult &result)
{
    if (run != m_run || host < 0 || host >= hostCount())
        return;
    Host &h = m_hosts[host];
    if (h.finished)
        return;
    h.finished = true;
    h.state = HostState::Finished;
    h.result = result;
    h.finishedMs = elapsedMs();
    if (isTransfer())
        m_progress.finish(host, h.finishedMs);
    // What the host really sent, also where output went to files and no chunk came.
    h.bytes[0] = qMax(h.bytes[0], result.stdoutBytes);
    h.bytes[1] = qMax(h.bytes[1], result.stderrBytes);
    m_queue.push_back({host, Queued::HostEnd, false, {}});
    markHost(host);
    m_countsDirty = true;
}

void RunSession::handleTransferProgress(RunId run, int host, qint64 done, qint64 total)
{
    if (run != m_run || host < 0 || host >= hostCount())
        return;
    Host &h = m_hosts[host];
    h.transferDone = done;
    h.transferTotal = total;
    m_progress.update(host, done, total, elapsedMs());
    markHost(host);
}

void RunSession::handleRunFinished(RunId run)
{
    if (run != m_run || m_finished)
        return;
    for (int host = 0; host < hostCount(); ++host) {
        if (!m_hosts[host].finished)
            m_queue.push_back({host, Queued::HostEnd, false, {}});
    }
    m_finishedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_finished = true;
    m_countsDirty = true;
    flush();
    qCDebug(lcModel) << "run" << run << "finished after" << m_finishedMs << "ms:" << m_counts.ok << "ok,"
                     << m_counts.problems() << "failed," << m_counts.cancelled << "cancelled";
    Q_EMIT finished();
}

void RunSession::finishStreams(int host)
{
    Host &h = m_hosts[host];
    for (int s = 0; s < 2; ++s) {
        Stream &stream = h.streams[s];
        // A sequence cut off by the end is passed on; the views drop what they cannot read.
        const QString rest = stream.heldEscape;
        stream.heldEscape.clear();
        if (!rest.isEmpty()) {
            append(h.display, m_displayLimit, host, s == 1, rest);
            markOutput(host);
        }
        appendLines(host, s == 1, rest, true);
    }
}

void RunSession::append(Buffer &buffer, qint64 limit, int host, bool isStderr, const QString &text)
{
    const qsizetype n = text.size();
    qsizetype pos = 0;
    while (pos < n) {
        Buffer::Piece *last = buffer.pieces.size() > buffer.first ? &buffer.pieces.back() : nullptr;
        if (last && (last->segment.host != host || last->segment.isStderr != isStderr))
            last = nullptr;
        const qsizetype size = last ? last->segment.text.size() : 0;
        // Fill the piece to its size, then to the end of the line it is in.
        qsizetype cut = pos;
        if (!(size >= kPieceChars && last->segment.text.endsWith(u'\n'))) {
            const qsizetype softEnd = pos + qMax<qsizetype>(0, kPieceChars - size);
            const qsizetype hardEnd = pos + (kHardPieceChars - size);
            if (softEnd >= n && hardEnd >= n) {
                cut = n;
            } else {
                const qsizetype newline = text.indexOf(u'\n', qMax(pos, softEnd - 1));
                cut = newline >= 0 && newline < hardEnd ? newline + 1 : qMin(n, hardEnd);
                if (cut < n && cut > pos && text[cut - 1].isHighSurrogate())
                    --cut;
            }
        }
        if (cut <= pos) {
            buffer.pieces.push_back({Segment{host, isStderr, QString()}, buffer.end, 0});
            continue;
        }
        const QStringView part = QStringView(text).mid(pos, cut - pos);
        const qint64 bytes = utf8Length(part);
        if (last) {
            last->segment.text += part;
            last->bytes += bytes;
        } else {
            buffer.pieces.push_back({Segment{host, isStderr, part.toString()}, buffer.end, bytes});
        }
        buffer.end += part.size();
        buffer.bytes += bytes;
        pos = cut;
    }

    if (limit <= 0 || buffer.bytes <= limit)
        return;
    // Whole pieces first, while what remains is still over the limit.
    while (buffer.pieces.size() - buffer.first > 1 &&
           buffer.bytes - buffer.pieces[buffer.first].bytes >= limit) {
        Buffer::Piece &piece = buffer.pieces[buffer.first];
        buffer.bytes -= piece.bytes;
        buffer.dropped += piece.bytes;
        piece.segment.text = QString(); // frees it now; compacted below
        ++buffer.first;
    }
    // Then the oldest lines of the oldest piece.
    Buffer::Piece &front = buffer.pieces[buffer.first];
    const qint64 excess = buffer.bytes - limit;
    if (excess > 0) {
        const QString &t = front.segment.text;
        qsizetype i = 0;
        qint64 counted = 0;
        while (i < t.size() && counted < excess) {
            counted += utf8Length(QStringView(t).mid(i, t[i].isHighSurrogate() ? 2 : 1));
            i += t[i].isHighSurrogate() ? 2 : 1;
        }
        // To the end of that line, so the view starts with a whole one; a line that does not end
        // in this piece is cut where the limit says.
        const qsizetype newline = i > 0 && t[i - 1] == u'\n' ? i - 1 : t.indexOf(u'\n', i);
        const qsizetype removed = newline >= 0 ? newline + 1 : i;
        const qint64 removedBytes = utf8Length(QStringView(t).left(removed));
        front.segment.text.remove(0, removed);
        front.start += removed;
        front.bytes -= removedBytes;
        buffer.bytes -= removedBytes;
        buffer.dropped += removedBytes;
        if (front.segment.text.isEmpty() && buffer.pieces.size() - buffer.first > 1)
            ++buffer.first;
    }
    buffer.start = buffer.pieces[buffer.first].start;
    if (buffer.first > 64 && buffer.first * 2 > buffer.pieces.size()) {
        buffer.pieces.erase(buffer.pieces.begin(), buffer.pieces.begin() + qsizetype(buffer.first));
        buffer.first = 0;
    }
}

void RunSession::appendLines(int host, bool isStderr, const QString &text, bool flushPartial)
{
    QString &partial = m_hosts[host].streams[isStderr ? 1 : 0].partialLine;
    const qsizetype lastNewline = text.lastIndexOf(u'\n');
    QStringView complete; // ends with its newline
    QStringView rest = text;
    if (lastNewline >= 0) {
        complete = QStringView(text).left(lastNewline + 1);
        rest = QStringView(text).mid(lastNewline + 1);
    }
    const bool tooLong = partial.size() + rest.size() > kMaxPartialLine;
    if (complete.isEmpty() && !flushPartial && !tooLong) {
        partial += rest;
        return;
    }

    const QString prefix = hostName(host) + QStringLiteral(": ");
    // The unfinished line after this text, and whether it goes out now anyway.
    const qsizetype tail = (complete.isEmpty() ? partial.size() : 0) + rest.size();
    const bool flushRest = tail > 0 && (flushPartial || tail > kMaxPartialLine);
    // Sized once and filled with memcpy: this runs for every line of every host.
    const qsizetype lineCount = std::count(complete.begin(), complete.end(), u'\n') + (flushRest ? 1 : 0);
    const qsizetype size = (complete.isEmpty() ? 0 : partial.size() + complete.size()) +
                           (flushRest ? tail + 1 : 0) + lineCount * prefix.size();
    QString lines(size, Qt::Uninitialized);
    QChar *out = lines.data();
    auto put = [&out](QStringView text) {
        memcpy(static_cast<void *>(out), text.data(), size_t(text.size()) * sizeof(QChar));
        out += text.size();
    };
    qsizetype lineStart = 0;
    while (lineStart < complete.size()) {
        const qsizetype newline = complete.indexOf(u'\n', lineStart);
        put(prefix);
        if (lineStart == 0) {
            put(partial);
            partial.clear();
        }
        put(complete.mid(lineStart, newline + 1 - lineStart));
        lineStart = newline + 1;
    }
    if (flushRest) {
        put(prefix);
        put(partial);
        put(rest);
        put(u"\n");
        partial.clear();
    } else {
        partial += rest;
    }
    Q_ASSERT(out == lines.constData() + lines.size());
    if (!lines.isEmpty()) {
        append(m_all, m_allHostsLimit, host, isStderr, lines);
        markOutput(AllHosts);
    }
}

void RunSession::markHost(int host)
{
    if (!m_hostDirty[host]) {
        m_hostDirty[host] = true;
        m_dirtyHosts.append(host);
    }
    scheduleUpdate();
}

void RunSession::markOutput(int buffer)
{
    if (!m_outputDirty[buffer + 1]) {
        m_outputDirty[buffer + 1] = true;
        m_dirtyOutput.append(buffer);
    }
    scheduleUpdate();
}

void RunSession::scheduleUpdate()
{
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void RunSession::recount()
{
    Counts counts;
    counts.total = hostCount();
    for (int host = 0; host < hostCount(); ++host) {
        switch (status(host)) {
        case HostStatus::Queued:
            ++counts.queued;
            break;
        case HostStatus::Connecting:
        case HostStatus::AwaitingHostKey:
        case HostStatus::Authenticating:
        case HostStatus::AwaitingSecret:
        case HostStatus::Running:
            ++counts.active;
            break;
        case HostStatus::Ok:
            ++counts.ok;
            break;
        case HostStatus::NonZeroExit:
            ++counts.nonZeroExit;
            break;
        case HostStatus::Failed:
            ++counts.failed;
            break;
        case HostStatus::TimedOut:
            ++counts.timedOut;
            break;
        case HostStatus::Cancelled:
            ++counts.cancelled;
            break;
        }
    }
    m_counts = counts;
}

void RunSession::update()
{
    process(ProcessBudgetMs);
    emitChanges();
    // Output left over: go on soon, after whatever else waits in the event loop.
    if (!m_queue.empty())
        m_updateTimer.start(0);
}

void RunSession::flush()
{
    process(-1);
    emitChanges();
}

void RunSession::emitChanges()
{
    m_updateTimer.stop();
    m_updateTimer.setInterval(UpdateIntervalMs);
    if (!m_dirtyHosts.isEmpty()) {
        QList<int> hosts;
        hosts.swap(m_dirtyHosts);
        for (int host : hosts)
            m_hostDirty[host] = false;
        std::sort(hosts.begin(), hosts.end());
        Q_EMIT hostsChanged(hosts);
    }
    if (!m_dirtyOutput.isEmpty()) {
        QList<int> buffers;
        buffers.swap(m_dirtyOutput);
        for (int b : buffers)
            m_outputDirty[b + 1] = false;
        std::sort(buffers.begin(), buffers.end());
        Q_EMIT outputChanged(buffers);
    }
    if (m_countsDirty) {
        m_countsDirty = false;
        const Counts before = m_counts;
        recount();
        if (!(m_counts == before))
            Q_EMIT countsChanged();
    }
}

} // namespace Chorus
