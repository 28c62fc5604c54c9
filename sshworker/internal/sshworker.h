#pragma once

#include "model/core/hosttarget.h"
#include "sshworker/internal/enginebuild.h"
#include "sshworker/internal/workerbatch.h"
#include "sshworker/internal/workercommand.h"

#include <QHash>
#include <QMutex>
#include <QThread>

#include <deque>
#include <poll.h>
#include <memory>
#include <vector>

struct ssh_key_struct;

namespace Chorus {

class AgentRelay;
class HostJob;
class SshConnection;
class WorkerPool;

// One worker thread of the pool. It owns its libssh sessions and channels from creation to
// free and drives them all without blocking.
//
// Why our own poll loop rather than a Qt event loop with QSocketNotifiers: libssh decides itself
// when a session needs to read or write (key re-exchange, window adjusts, buffered writes); each
// connection reports the directions it needs (from ssh_get_poll_flags) when the poll set is built.
// Each session has an ssh_event of its own, so a libssh call for one session never handles, or is
// failed by, another session's socket. The loop is: poll every connection's socket + a wake-up
// eventfd, let each ready connection process its packets, drain the command queue, step every
// connection and command whose state may have moved, enforce deadlines, and flush coalesced output
// to the pool. Channel callbacks only record what arrived.
class SshWorker : public QThread
{
public:
    SshWorker(WorkerPool *pool, int index);
    ~SshWorker() override;

    void enqueue(const WorkerCommand &command); // any thread
    void wake();                                // any thread

    // For SshConnection and the host jobs (worker thread only).
    static qint64 nowUs();
    WorkerPool *pool() const { return m_pool; }
    void reportState(HostJob *command, HostState state);
    void reportOutput(HostJob *command, qint64 bytes);
    // How many more bytes of output the job may take from its host now: what is left of the
    // per-host and pool-wide room for output not yet delivered to the caller (PoolSettings).
    qint64 outputCredit(const HostJob *job) const;
    void noteThrottled(int delta);
    void reportProgress(HostJob *job, qint64 done, qint64 total);
    void reportInputWritten() { m_batch.inputWritten = true; }
    void dropChannels(SshConnection *connection);
    void reportFinished(HostJob *command);
    void ask(const HostKeyQuestion &question);
    void ask(const SecretRequest &request);
    bool acquireHandshakeSlot();
    void releaseHandshakeSlot();
    // A place among the open connections (PoolSettings::maxConnections), cost descriptors' worth;
    // when there is none, an idle connection somewhere is asked to close, and the caller tries again.
    bool acquireConnectionSlot(int cost);
    void releaseConnectionSlot(int cost);
    // A slot among the handshakes in flight to one server ("address port"), shared by all workers.
    // dropped: the server closed the connection before authenticating it; fewer go at once for a while.
    AgentRelay &agentRelay(); // the pool's, made on first use
    bool acquireServerSlot(const QString &server);
    void releaseServerSlot(const QString &server, bool dropped);
    // Private keys are parsed once per worker and reused: re-reading key files per session costs
    // more than the whole handshake.
    // With a certificate: a key of its own that carries it, or nullptr when they do not go together.
    ssh_key_struct *privateKey(const QString &path, const QByteArray &passphrase, const QString &certificate,
                               bool *needsPassphrase);
    // The name's addresses come back through the queue (WorkerCommand::Resolved); returns a ticket for
    // cancelResolve, which takes a lookup that has not started off the resolver's queue.
    quint64 resolveLater(quint64 connectionSerial, const QString &hostname);
    void cancelResolve(quint64 ticket);
    // A ProxyCommand child that was sent SIGTERM: collected without blocking, SIGKILLed (with its
    // process group) if it is still there after two seconds.
    void reap(pid_t pid);
    // SHA-256 of a local file, computed off this thread and handed to the job through
    // HostJob::localChecksumReady; shared: cached in the run for every host (a file that is sent).
    void hashLater(const HostJob *job, quint64 ticket, const QString &path, bool shared);
    void attach(HostJob *command); // to an open connection, or a new one
    // The connection to the last jump host of target's ProxyJump (resolved with target's
    // ssh_config, the hops before it as its own ProxyJump): the open one, or a new one. Null with
    // *error when the jump host cannot be resolved.
    SshConnection *jumpConnection(const HostTarget &target, QString *error);

protected:
    void run() override;

private:
    void poll(int timeoutMs);
    void takeCommands();
    void handle(const WorkerCommand &command);
    void startQueued();
    void endUnstarted(const std::shared_ptr<RunShared> &run, int host);
    void step();
    void maintainConnections(qint64 now);
    bool closeLeastRecentlyUsedIdle();
    void flush();
    int pollTimeoutMs(qint64 now) const;
    quint64 packetsIn() const;
    SshConnection *connectionFor(const HostTarget &target);
    HostJob *findCommand(RunId run, int host) const;
    void finishShutdown();
    void flushHostOutput(HostJob *command);
    void cutAtShutdown(qint64 now);
    void reapChildren(qint64 now, bool final);

    // Name resolution and hashing run on Qt's thread pool and may outlive this worker (a slow
    // DNS answer after shutdown): they post through this box, emptied by the destructor.
    struct Mailbox
    {
        QMutex mutex;
        SshWorker *worker = nullptr;
    };
    std::shared_ptr<Mailbox> m_mailbox = std::make_shared<Mailbox>();

    WorkerPool *m_pool;
    int m_index;
    int m_wakeFd = -1;
    std::vector<pollfd> m_pollFds;           // rebuilt every pass: [0] is the wake-up eventfd
    struct PollOwner
    {
        SshConnection *connection;
        bool tunnel; // its tunnel's socket pair end, not its session's socket
    };
    std::vector<PollOwner> m_pollOwners; // the owner of m_pollFds[i + 1]

    QMutex m_queueMutex;
    QList<WorkerCommand> m_queue;

    std::deque<std::pair<std::shared_ptr<RunShared>, int>> m_waiting; // not yet started: fanout full
    std::vector<std::unique_ptr<SshConnection>> m_connections;
    QHash<QString, HostTarget> m_jumpTargets; // resolved jump hosts, by config file, hop and the hops before
    std::vector<std::unique_ptr<HostJob>> m_commands; // commands and transfers
    QHash<QString, ssh_key_struct *> m_keys;
    std::vector<std::pair<pid_t, qint64>> m_children; // ProxyCommand children ending: pid, when to SIGKILL

    WorkerBatch m_batch;
    QList<HostJob *> m_withPendingOutput;
    qint64 m_pendingBytes = 0;
    bool m_interactivePending = false; // some of the pending output is a terminal's
    qint64 m_lastInteractiveFlushUs = 0;
    qint64 m_lastFlushUs = 0;
    int m_lastReportedConnections = 0;
    quint64 m_nextSerial = 1;
    bool m_stopping = false;
    qint64 m_shutdownDeadlineUs = 0;  // commands still running then are cut
    qint64 m_transferDeadlineUs = 0;  // transfers get longer (PoolSettings::transferGraceMs)
};

} // namespace Chorus
