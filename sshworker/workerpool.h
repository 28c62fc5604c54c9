#pragma once

#include "model/core/hostevents.h"
#include "model/core/hostresult.h"
#include "model/core/runrequest.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

namespace Chorus {

class AgentRelay;
class Resolver;
class SshWorker;
struct RunShared;
struct WorkerBatch;
struct WorkerCommand;

// Settings that hold for every run of a pool.
struct PoolSettings
{
    int threads = 0;              // 0: QThread::idealThreadCount()
    int maxHandshakes = 32;       // connections between TCP connect and authenticated, pool-wide
    // The same, per server address and port: sshd (MaxStartups, default 10:30:100) starts dropping
    // unauthenticated connections at 10. Halved for a while when a server drops one anyway.
    int handshakesPerServer = 8;
    int keepaliveIntervalMs = 30000;
    int idleTimeoutMs = 10 * 60 * 1000; // an open connection with nothing to do is closed after this
    int shutdownGraceMs = 3000;   // how long closing waits for running commands
    int transferGraceMs = 30000;  // how long closing waits for file transfers; then they end "transfer cut"
    // Back-pressure: output a host has sent that the caller has not yet taken (outputReceived) is held
    // to this much per host and this much for the pool; beyond it the engine stops reading, the SSH
    // window closes and the server waits, so memory stays bounded at any output rate.
    // At least what libssh may hold for one channel (its 1.28 MB window), so a paused channel can
    // always be read whole.
    qint64 undeliveredPerHost = 4 * 1024 * 1024;
    qint64 undeliveredTotal = 32 * 1024 * 1024;
    // A transfer that moves nothing this long (no answer from the SFTP server, no window to send
    // into) ends TimedOut, "transfer stalled"; 0: no limit.
    int transferStallMs = 60000;
    // Workers yield the CPU to the caller's threads (nice +10): a GUI shares the cores with
    // them and must stay responsive while hundreds of handshakes run.
    bool yieldToCaller = false;
    // Open connections at once, pool-wide, so the process never runs out of file descriptors: at the
    // cap, idle connections are closed (least recently used first) and new ones wait for room.
    // 0: derived from the soft RLIMIT_NOFILE (connectionBudget()).
    int maxConnections = 0;
};

// The SSH engine's front door. Lives in the caller's thread and owns a fixed set of worker
// threads; each worker owns and multiplexes many non-blocking libssh connections. Callers talk
// to it with plain method calls and hear back through signals, always in the caller's thread,
// carrying value types only. Output is coalesced per host by the workers (one batch per worker
// every ~30 ms), so thousands of chatty hosts cannot flood the caller's event loop. A run either
// runs a command or copies files over SFTP (RunRequest::transfer); both report the same way.
//
// Connections outlive runs: a later run on the same host (same user, address, port and keys)
// opens a new channel on the open connection.
class WorkerPool : public QObject
{
    Q_OBJECT
public:
    explicit WorkerPool(const PoolSettings &settings = {}, QObject *parent = nullptr);
    ~WorkerPool() override; // shutdown()

    RunId start(const RunRequest &request);
    void cancelRun(RunId run);
    void cancelHost(RunId run, int host);
    // Answers a hostKeyQuestion. Accepted keys are appended to the question's known_hosts file.
    void answerHostKey(RunId run, int host, bool accept);
    // A run started with RunRequest::input: more input for every host's command, and its end. The pool
    // keeps what the slowest host still taking input has not written: inputBacklog() says how much,
    // and inputWritten is emitted as hosts catch up, so a caller reads only as fast as they take it.
    void writeInput(RunId run, const QByteArray &data);
    void closeInput(RunId run);
    qint64 inputBacklog(RunId run) const;
    // Answers a secretRequested; given=false refuses (the host then fails or tries its next method).
    void provideSecret(RunId run, int host, const QByteArray &secret, bool given = true);
    // A shell (RunRequest::shell): its terminal's new size, sent to the host as a window change.
    void resizeTerminal(RunId run, int host, int columns, int rows);
    // A shell's output the caller has now shown: the host may send that much more (see RunRequest::shell).
    void outputConsumed(RunId run, int host, qint64 bytes);

    // Waits up to the grace period for running commands, then closes every connection and
    // stops the threads. Idempotent; pending results are still delivered before it returns.
    void shutdown();

    int threadCount() const;
    int openConnections() const;  // across all workers, as last reported
    int connectionBudget() const { return m_connectionBudget; }
    // The budget the soft RLIMIT_NOFILE allows: the limit less a reserve for everything else the
    // process opens (files being copied, the history database, pipes, Qt's own descriptors).
    static int connectionBudgetFor(qint64 descriptorLimit);
    static qint64 descriptorLimit(); // the soft RLIMIT_NOFILE
    bool isRunning(RunId run) const;
    const PoolSettings &settings() const { return m_settings; }

Q_SIGNALS:
    void hostStateChanged(Chorus::RunId run, int host, Chorus::HostState state);
    void outputReceived(const Chorus::OutputChunk &chunk);
    void hostFinished(Chorus::RunId run, int host, const Chorus::HostResult &result);
    void runFinished(Chorus::RunId run);
    void hostKeyQuestion(const Chorus::HostKeyQuestion &question);
    void secretRequested(const Chorus::SecretRequest &request);
    // A transfer's progress on one host: bytes copied so far and the bytes it has to copy (the
    // total can grow while a pulled folder is still being listed). At most every ~100 ms per host,
    // and once more before hostFinished.
    void transferProgress(Chorus::RunId run, int host, qint64 done, qint64 total);
    // Hosts have written some of the run's input (see writeInput).
    void inputWritten(Chorus::RunId run);

private:
    friend class SshWorker;
    void post(int worker, const WorkerCommand &command);
    void broadcast(const WorkerCommand &command);
    void wakeAll();                        // any thread
    void deliver(const WorkerBatch &batch); // caller's thread
    int workerFor(const HostTarget &target) const;
    void trimInput(RunShared &run);

    struct RunBook
    {
        int hosts = 0;
        int finished = 0;
        std::shared_ptr<RunShared> shared;
    };

    PoolSettings m_settings;
    std::vector<std::unique_ptr<SshWorker>> m_workers;
    QHash<RunId, RunBook> m_runs;
    RunId m_nextRun = 1;
    std::atomic<int> m_handshakeSlots;
    int m_connectionBudget = 0;
    std::atomic<int> m_connectionSlots{0};
    // A connection waits for a slot: a worker with an idle connection closes its least recently used one.
    std::atomic<bool> m_idleCloseWanted{false};
    std::atomic<int> m_openConnections{0};
    std::atomic<qint64> m_undelivered{0}; // output taken from hosts, not yet delivered, all runs
    std::atomic<int> m_throttled{0};      // jobs that stopped reading for want of credit
    QHash<int, int> m_workerConnections;
    bool m_shutDown = false;

    // Handshakes in flight per server ("address port"), across workers (SshWorker::acquireServerSlot).
    struct ServerGate
    {
        int inFlight = 0;
        int limit = 0;
    };
    QMutex m_serverGatesMutex;
    QHash<QString, ServerGate> m_serverGates;

    std::unique_ptr<Resolver> m_resolver; // name lookups, bounded, never waited for at shutdown

    // Made when a host first authenticates with an agent (SshWorker::agentRelay).
    QMutex m_agentRelayMutex;
    std::unique_ptr<AgentRelay> m_agentRelay;
};

} // namespace Chorus
