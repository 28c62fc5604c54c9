#include "sshworker/workerpool.h"

#include "sshworker/internal/agentrelay.h"
#include "sshworker/internal/resolver.h"
#include "sshworker/internal/sshlog.h"
#include "sshworker/internal/sshworker.h"
#include "sshworker/internal/workerbatch.h"
#include "sshworker/internal/workercommand.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>
#include <sys/resource.h>

#include <libssh/libssh.h>

namespace Chorus {

WorkerPool::WorkerPool(const PoolSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_handshakeSlots(qMax(1, settings.maxHandshakes))
{
    static const bool initialised = [] {
        ssh_init(); // also done by the library constructor; explicit before any thread starts
        qRegisterMetaType<Chorus::OutputChunk>();
        qRegisterMetaType<Chorus::HostResult>();
        qRegisterMetaType<Chorus::HostKeyQuestion>();
        qRegisterMetaType<Chorus::SecretRequest>();
        qRegisterMetaType<Chorus::RunId>("Chorus::RunId");
        qRegisterMetaType<Chorus::HostState>();
        return true;
    }();
    Q_UNUSED(initialised);
    if (m_settings.threads <= 0)
        m_settings.threads = qMax(1, QThread::idealThreadCount());
    m_connectionBudget =
        m_settings.maxConnections > 0 ? m_settings.maxConnections : connectionBudgetFor(descriptorLimit());
    m_connectionSlots = m_connectionBudget;
    qCDebug(lcSsh) << "connection budget" << m_connectionBudget << "of" << descriptorLimit() << "descriptors";
    m_resolver = std::make_unique<Resolver>();
    for (int i = 0; i < m_settings.threads; ++i) {
        m_workers.push_back(std::make_unique<SshWorker>(this, i));
        m_workers.back()->start();
    }
}

WorkerPool::~WorkerPool()
{
    shutdown();
}

int WorkerPool::threadCount() const
{
    return int(m_workers.size());
}

qint64 WorkerPool::descriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 1 << 20;
    return qint64(limit.rlim_cur);
}

int WorkerPool::connectionBudgetFor(qint64 descriptorLimit)
{
    // A connection holds one socket (a ProxyCommand three pipes instead); the rest is the reserve.
    const qint64 reserve = 64 + descriptorLimit / 8;
    return int(std::clamp<qint64>(descriptorLimit - reserve, 8, 1 << 20));
}

int WorkerPool::openConnections() const
{
    return m_openConnections.load();
}

bool WorkerPool::isRunning(RunId run) const
{
    return m_runs.contains(run);
}

// Hosts are spread over the workers by their connection key, so a later run on the same
// host lands on the worker that holds its open connection.
int WorkerPool::workerFor(const HostTarget &target) const
{
    // Hosts behind the same jump hosts share one worker, where the jump host's connection is.
    if (target.proxyCommand.isEmpty() && !target.proxyJump.isEmpty())
        return int(qHash(target.proxyJump + u'|' + target.configFile) % m_workers.size());
    return int(qHash(target.connectionKey()) % m_workers.size());
}

RunId WorkerPool::start(const RunRequest &request)
{
    const RunId id = m_nextRun++;
    auto run = std::make_shared<RunShared>();
    run->id = id;
    run->request = request;
    if (request.shell)
        run->request.input = true; // the keystrokes
    run->terminalColumns = request.columns;
    run->terminalRows = request.rows;
    run->startUs = SshWorker::nowUs();
    run->freeSlots = qMax(1, request.fanout);
    run->undelivered = std::make_unique<std::atomic<qint64>[]>(size_t(qMax(1, int(request.hosts.size()))));
    run->inputOffsets = std::make_unique<std::atomic<qint64>[]>(size_t(qMax(1, int(request.hosts.size()))));
    if (request.hosts.isEmpty() || m_shutDown) {
        QMetaObject::invokeMethod(this, [this, id] { Q_EMIT runFinished(id); }, Qt::QueuedConnection);
        return id;
    }
    m_runs.insert(id, RunBook{int(request.hosts.size()), 0, run});
    for (int i = 0; i < request.hosts.size(); ++i) {
        WorkerCommand command;
        command.type = WorkerCommand::Type::StartHost;
        command.run = run;
        command.runId = id;
        command.host = i;
        post(workerFor(request.hosts.at(i)), command);
    }
    return id;
}

void WorkerPool::writeInput(RunId run, const QByteArray &data)
{
    const auto it = m_runs.constFind(run);
    if (it == m_runs.cend() || data.isEmpty())
        return;
    RunShared::Input &input = it->shared->input;
    {
        QMutexLocker lock(&input.mutex);
        if (input.closed)
            return;
        input.chunks.push_back(data);
        input.end += data.size();
    }
    wakeAll();
}

void WorkerPool::closeInput(RunId run)
{
    const auto it = m_runs.constFind(run);
    if (it == m_runs.cend())
        return;
    {
        QMutexLocker lock(&it->shared->input.mutex);
        it->shared->input.closed = true;
    }
    wakeAll();
}

qint64 WorkerPool::inputBacklog(RunId run) const
{
    const auto it = m_runs.constFind(run);
    if (it == m_runs.cend())
        return 0;
    RunShared::Input &input = it->shared->input;
    QMutexLocker lock(&input.mutex);
    return input.end - input.base;
}

// Drops the chunks every host still taking input has written.
void WorkerPool::trimInput(RunShared &run)
{
    const int hosts = int(run.request.hosts.size());
    QMutexLocker lock(&run.input.mutex);
    qint64 slowest = run.input.end;
    for (int i = 0; i < hosts; ++i) {
        const qint64 offset = run.inputOffsets[size_t(i)].load();
        if (offset >= 0)
            slowest = qMin(slowest, offset);
    }
    while (!run.input.chunks.empty() && run.input.base + run.input.chunks.front().size() <= slowest) {
        run.input.base += run.input.chunks.front().size();
        run.input.chunks.pop_front();
    }
}

void WorkerPool::post(int worker, const WorkerCommand &command)
{
    m_workers.at(size_t(worker))->enqueue(command);
}

void WorkerPool::broadcast(const WorkerCommand &command)
{
    for (const auto &w : m_workers)
        w->enqueue(command);
}

void WorkerPool::wakeAll()
{
    for (const auto &w : m_workers)
        w->wake();
}

void WorkerPool::cancelRun(RunId run)
{
    WorkerCommand command;
    command.type = WorkerCommand::Type::CancelRun;
    command.runId = run;
    broadcast(command);
}

void WorkerPool::cancelHost(RunId run, int host)
{
    WorkerCommand command;
    command.type = WorkerCommand::Type::CancelHost;
    command.runId = run;
    command.host = host;
    broadcast(command);
}

void WorkerPool::answerHostKey(RunId run, int host, bool accept)
{
    WorkerCommand command;
    command.type = WorkerCommand::Type::HostKeyAnswer;
    command.runId = run;
    command.host = host;
    command.flag = accept;
    broadcast(command);
}

void WorkerPool::provideSecret(RunId run, int host, const QByteArray &secret, bool given)
{
    WorkerCommand command;
    command.type = WorkerCommand::Type::Secret;
    command.runId = run;
    command.host = host;
    command.flag = given;
    command.secret = secret;
    broadcast(command);
}

void WorkerPool::resizeTerminal(RunId run, int host, int columns, int rows)
{
    const auto it = m_runs.constFind(run);
    if (it == m_runs.cend() || !it->shared->request.shell || host < 0 || host >= it->hosts || columns <= 0 || rows <= 0)
        return;
    it->shared->terminalColumns = columns;
    it->shared->terminalRows = rows;
    WorkerCommand command;
    command.type = WorkerCommand::Type::Resize;
    command.runId = run;
    command.host = host;
    post(workerFor(it->shared->request.hosts.at(host)), command);
}

void WorkerPool::outputConsumed(RunId run, int host, qint64 bytes)
{
    const auto it = m_runs.constFind(run);
    if (it == m_runs.cend() || !it->shared->request.shell || host < 0 || host >= it->hosts || bytes <= 0)
        return;
    it->shared->undelivered[size_t(host)].fetch_sub(bytes);
    if (m_throttled.load() > 0)
        wakeAll();
}

void WorkerPool::deliver(const WorkerBatch &batch)
{
    qint64 delivered = 0;
    for (const WorkerBatch::Event &event : batch.events) {
        if (const auto *chunk = std::get_if<OutputChunk>(&event)) {
            Q_EMIT outputReceived(*chunk);
            // Taken: the credit goes back to the host (see SshWorker::outputCredit); a shell's only once
            // the caller has shown it (outputConsumed).
            const auto run = m_runs.constFind(chunk->run);
            if (run != m_runs.cend() && chunk->host >= 0 && chunk->host < run->hosts && !run->shared->request.shell)
                run->shared->undelivered[size_t(chunk->host)].fetch_sub(chunk->data.size());
            delivered += chunk->data.size();
        } else if (const auto *state = std::get_if<WorkerBatch::StateChange>(&event)) {
            Q_EMIT hostStateChanged(state->run, state->host, state->state);
        } else if (const auto *finished = std::get_if<WorkerBatch::Finished>(&event)) {
            Q_EMIT hostStateChanged(finished->run, finished->host, HostState::Finished);
            Q_EMIT hostFinished(finished->run, finished->host, finished->result);
            // Counted here, in the caller's thread, so runFinished always comes after every
            // host's result whichever worker reported it.
            auto it = m_runs.find(finished->run);
            if (it != m_runs.end() && it->shared->request.input) {
                // A host that ended holds nobody back, however it ended.
                it->shared->inputOffsets[size_t(finished->host)].store(-1);
                trimInput(*it->shared);
                Q_EMIT inputWritten(finished->run);
            }
            if (it != m_runs.end() && ++it->finished == it->hosts) {
                m_runs.erase(it);
                Q_EMIT runFinished(finished->run);
            }
        } else if (const auto *question = std::get_if<HostKeyQuestion>(&event)) {
            Q_EMIT hostKeyQuestion(*question);
        } else if (const auto *request = std::get_if<SecretRequest>(&event)) {
            Q_EMIT secretRequested(*request);
        } else if (const auto *progress = std::get_if<WorkerBatch::Progress>(&event)) {
            Q_EMIT transferProgress(progress->run, progress->host, progress->done, progress->total);
        }
    }
    if (batch.inputWritten) {
        for (auto it = m_runs.begin(); it != m_runs.end(); ++it) {
            if (it->shared->request.input) {
                trimInput(*it->shared);
                Q_EMIT inputWritten(it.key());
            }
        }
    }
    if (delivered > 0) {
        m_undelivered.fetch_sub(delivered);
        if (m_throttled.load() > 0)
            wakeAll(); // a job waiting for credit can read again
    }
    // Each worker reports its own count; the pool keeps the sum.
    m_workerConnections[batch.worker] = batch.openConnections;
    int total = 0;
    for (int n : std::as_const(m_workerConnections))
        total += n;
    m_openConnections = total;
}

void WorkerPool::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    WorkerCommand command;
    command.type = WorkerCommand::Type::Shutdown;
    broadcast(command);
    for (const auto &w : m_workers)
        w->wait();
    // Results the workers reported on their way out.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    m_workers.clear();
}

} // namespace Chorus
