#pragma once

#include "model/core/hostevents.h"
#include "model/core/hostresult.h"
#include "model/core/runrequest.h"
#include "model/session/transferprogress.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringDecoder>
#include <QTimer>

#include <array>
#include <deque>
#include <vector>

namespace Chorus {

// The state of one run as the GUI sees it: the request, where every host is, its result, the
// counters, and what the output views show. Fed by the engine's signals (connect WorkerPool's
// hostStateChanged, outputReceived, hostFinished and runFinished to the handle* slots; events of
// other runs are ignored), or directly by tests.
//
// Output is decoded as UTF-8 incrementally per host and stream, so a character split between two
// chunks comes out whole. It is kept for display in capped buffers: one per host (stdout and
// stderr in arrival order) and one for "All hosts", where complete lines only are appended,
// prefixed with the host's name as `pssh -P` does; a host's unfinished line waits until its
// newline or the host's end, so lines of different hosts never mix. A buffer over its limit
// drops its oldest text and counts the bytes no longer shown. An escape sequence cut by a chunk
// boundary is held back until it is complete, so no buffer ends in half of one. The full output
// (up to the request's outputLimit) stays in each host's HostResult for saving.
//
// Views are told about changes in batches, at most every UpdateIntervalMs: thousands of engine
// events a second become a few signals. Output is only queued when it arrives and worked through
// at those times, at most ProcessBudgetMs at a go (the rest soon after, with the event loop running
// in between); queued output that the display limits would drop anyway is skipped without being
// decoded, and counted as not shown. So a flood costs the GUI thread little more than the limits'
// worth of text, however far the thread falls behind. flush() works through everything at once.
class RunSession : public QObject
{
    Q_OBJECT
public:
    // What the status table shows for a host: its live state, then how it ended.
    enum class HostStatus
    {
        Queued,
        Connecting,
        AwaitingHostKey,
        Authenticating,
        AwaitingSecret,
        Running,
        Ok,
        NonZeroExit,
        Failed,
        TimedOut,
        Cancelled,
    };
    Q_ENUM(HostStatus)
    static constexpr int HostStatusCount = int(HostStatus::Cancelled) + 1;

    // Stands for the "All hosts" buffer where a host index is asked for.
    static constexpr int AllHosts = -1;
    static constexpr int UpdateIntervalMs = 50;
    static constexpr int ProcessBudgetMs = 10;
    static constexpr qint64 DefaultDisplayLimit = 1024 * 1024;
    static constexpr qint64 DefaultAllHostsDisplayLimit = 2 * 1024 * 1024;

    // A piece of displayed text from one host and stream. Read them in order with one reader per
    // host and stream: an escape sequence may go on in the next one of the same host and stream.
    struct Segment
    {
        int host = -1;
        bool isStderr = false;
        QString text;
    };

    struct Counts
    {
        int total = 0;
        int queued = 0;
        int active = 0; // left the queue, not finished: connecting to running
        int ok = 0;
        int nonZeroExit = 0;
        int failed = 0;
        int timedOut = 0;
        int cancelled = 0;
        int finished() const { return ok + nonZeroExit + failed + timedOut + cancelled; }
        int problems() const { return nonZeroExit + failed + timedOut; } // what the summary calls failed
        bool operator==(const Counts &other) const = default;
    };

    explicit RunSession(const RunRequest &request, QObject *parent = nullptr);
    ~RunSession() override;

    // Binds the session to the engine's id for the run and starts its clock.
    void start(RunId run);
    // Fills the session with a run that has already ended (one from the history): each host's kept
    // output, stdout before stderr, and its result; the run took durationMs. Nothing drives the
    // session afterwards. results is parallel to the request's hosts.
    void replay(RunId run, const QList<HostResult> &results, qint64 durationMs);
    RunId runId() const { return m_run; }
    const RunRequest &request() const { return m_request; }
    bool isStarted() const { return m_run != 0; }
    bool isFinished() const { return m_finished; }
    // Cancel was asked for this unfinished host (or the whole run): shown at once, before the
    // engine has stopped it (which takes up to a second or two).
    bool isCancelling(int host) const { return host >= 0 && host < hostCount() && m_hosts[host].cancelling; }
    qint64 elapsedMs() const; // since start(), frozen at the run's end

    int hostCount() const { return int(m_hosts.size()); }
    QString hostName(int host) const; // the target's name, its address if it has none
    const HostTarget &target(int host) const { return m_request.hosts.at(host); }
    HostStatus status(int host) const;
    HostState state(int host) const;
    bool isHostFinished(int host) const;
    // Empty (HostResult's defaults) until the host finished.
    const HostResult &result(int host) const;
    qint64 bytesReceived(int host) const; // stdout + stderr, what the host sent
    // Since the host left the queue; -1 while queued. Keeps counting while it runs.
    qint64 durationMs(int host) const;
    Counts counts() const { return m_counts; }
    // The finished hosts that exited non-zero, failed or timed out (not the cancelled), in run order.
    QList<int> failedHosts() const;

    // Display limits in bytes of UTF-8 text, for each host's buffer and for "All hosts". Applies
    // to what arrives next; 0 means no limit.
    void setDisplayLimit(qint64 bytes);
    qint64 displayLimit() const { return m_displayLimit; }
    void setAllHostsDisplayLimit(qint64 bytes);
    qint64 allHostsDisplayLimit() const { return m_allHostsLimit; }

    // Positions count characters appended to a buffer since the run began, so a view can remember
    // how far it has shown and ask for the rest. outputStart() moves on as old text is dropped.
    qint64 outputStart(int host) const;
    qint64 outputEnd(int host) const;
    // The buffer's text from position `from` (at least outputStart()) to outputEnd(), or only the
    // first maxChars characters of it (a few less rather than half a surrogate pair).
    QList<Segment> output(int host, qint64 from = 0, qint64 maxChars = -1) const;
    QString outputText(int host) const;   // all of it, escapes and all, for tests and copying
    qint64 bytesShown(int host) const;    // UTF-8 bytes in the buffer
    qint64 bytesNotShown(int host) const; // dropped from the buffer's front

    // Transfers (request().transfer): a host's bytes copied and to copy, as last reported; the
    // whole run's sums, rate and time left.
    bool isTransfer() const { return m_request.transfer.has_value(); }
    qint64 transferDone(int host) const { return m_hosts.at(host).transferDone; }
    qint64 transferTotal(int host) const { return m_hosts.at(host).transferTotal; }
    const TransferProgress &transferProgress() const { return m_progress; }

    // Writes the host's stdout or stderr exactly as kept in its result (the request's outputLimit
    // caps it; HostResult::truncated() tells). Only once the host has finished.
    bool saveOutput(int host, bool isStderr, const QString &path, QString *error = nullptr) const;

    // Asks whoever drives the engine to cancel; the outcome arrives through the handle* slots.
    void cancel();
    void cancelHost(int host);

public Q_SLOTS:
    void handleHostState(Chorus::RunId run, int host, Chorus::HostState state);
    void handleOutput(const Chorus::OutputChunk &chunk);
    void handleHostFinished(Chorus::RunId run, int host, const Chorus::HostResult &result);
    void handleRunFinished(Chorus::RunId run);
    void handleTransferProgress(Chorus::RunId run, int host, qint64 done, qint64 total);
    // Works through all queued output and sends the pending change signals now instead of at the
    // next interval.
    void flush();

Q_SIGNALS:
    // Coalesced: these hosts' state, bytes or result changed (host indexes, ascending).
    void hostsChanged(const QList<int> &hosts);
    // Coalesced: these buffers grew (host indexes, AllHosts for "All hosts").
    void outputChanged(const QList<int> &buffers);
    void countsChanged();
    void finished();
    void cancelRequested(Chorus::RunId run);
    void hostCancelRequested(Chorus::RunId run, int host);

private:
    struct Buffer
    {
        struct Piece
        {
            Segment segment;
            qint64 start = 0; // position of segment.text's first character
            qint64 bytes = 0; // UTF-8 length of segment.text
        };
        std::vector<Piece> pieces; // oldest first; pieces before `first` are dropped
        size_t first = 0;
        qint64 start = 0; // position of the oldest character kept
        qint64 end = 0;
        qint64 bytes = 0;   // kept
        qint64 dropped = 0; // bytes dropped from the front
    };
    struct Stream
    {
        QStringDecoder decoder{QStringDecoder::Utf8};
        QString heldEscape;         // an escape sequence not complete yet
        QString partialLine;        // for All hosts: text after the last newline
        bool skipToNewline = false; // output was skipped: what follows starts mid-line
    };
    // Output as it arrived, or a host's end (so its unfinished lines are completed in order).
    struct Queued
    {
        int host = -1;
        enum Kind : quint8
        {
            Stdout,
            Stderr,
            HostEnd
        } kind = Stdout;
        bool skip = false;
        QByteArray data;
    };
    struct Host
    {
        HostState state = HostState::Queued;
        bool finished = false;
        bool cancelling = false; // cancel asked, the engine's answer not in yet
        HostResult result;
        qint64 startedMs = -1; // session clock
        qint64 finishedMs = -1;
        qint64 bytes[2] = {0, 0};
        qint64 transferDone = 0;
        qint64 transferTotal = 0;
        std::array<Stream, 2> streams;
        Buffer display;
    };

    Buffer *buffer(int host);
    const Buffer *buffer(int host) const;
    void append(Buffer &buffer, qint64 limit, int host, bool isStderr, const QString &text);
    static void clear(Buffer &buffer);
    void process(qint64 budgetMs);
    void markUnshowable();
    void processChunk(int host, bool isStderr, QByteArrayView data);
    void skipChunk(int host, bool isStderr, QByteArrayView data);
    void update();
    void emitChanges();
    void appendLines(int host, bool isStderr, const QString &text, bool flushPartial);
    void finishStreams(int host);
    void noteCancelling(int host);
    void markHost(int host);
    void markOutput(int buffer);
    void recount();
    void scheduleUpdate();

    RunRequest m_request;
    RunId m_run = 0;
    bool m_finished = false;
    QElapsedTimer m_clock;
    qint64 m_finishedMs = -1;
    std::vector<Host> m_hosts;
    Buffer m_all;
    std::deque<Queued> m_queue;
    qint64 m_queuedBytes = 0;
    qint64 m_displayLimit = DefaultDisplayLimit;
    qint64 m_allHostsLimit = DefaultAllHostsDisplayLimit;
    Counts m_counts;
    TransferProgress m_progress;
    bool m_countsDirty = false;
    std::vector<bool> m_hostDirty;
    QList<int> m_dirtyHosts;
    std::vector<bool> m_outputDirty; // index host + 1; 0 is All hosts
    QList<int> m_dirtyOutput;
    QTimer m_updateTimer;
};

} // namespace Chorus
