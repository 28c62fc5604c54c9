#include "sshworker/internal/sshworker.h"

#include "model/ssh/sshconfig.h"
#include "sshworker/internal/agentrelay.h"
#include "sshworker/internal/hostjob.h"
#include "sshworker/internal/resolver.h"
#include "sshworker/internal/sshconnection.h"
#include "sshworker/internal/sshlog.h"
#include "sshworker/workerpool.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>
#include <QThreadPool>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <csignal>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Chorus {

namespace {

constexpr qint64 flushIntervalUs = 30'000;     // coalesce output for this long
constexpr qint64 flushThreshold = 1024 * 1024; // or until this much is pending
// A terminal's output is coalesced for less, counted from the last flush that carried a terminal's
// output: a keystroke's echo goes at once, a flood in batches every 4 ms.
constexpr qint64 interactiveFlushIntervalUs = 4'000;

// libssh calls ordinary events warnings ("Access denied for 'none'"); what matters reaches
// the caller through results, so its log is only for debugging (QT_LOGGING_RULES=chorus.ssh.debug=true).
void logCallback(int, const char *function, const char *buffer, void *)
{
    qCDebug(lcSsh) << function << buffer;
}

} // namespace

SshWorker::SshWorker(WorkerPool *pool, int index)
    : m_pool(pool)
    , m_index(index)
{
    m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    m_mailbox->worker = this;
    setObjectName(QStringLiteral("ssh-worker-%1").arg(index));
}

SshWorker::~SshWorker()
{
    {
        QMutexLocker lock(&m_mailbox->mutex);
        m_mailbox->worker = nullptr;
    }
    wait();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

qint64 SshWorker::nowUs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed() / 1000 + 1; // never 0: 0 means "no deadline"
}

void SshWorker::enqueue(const WorkerCommand &command)
{
    {
        QMutexLocker lock(&m_queueMutex);
        m_queue.append(command);
    }
    wake();
}

void SshWorker::wake()
{
    eventfd_write(m_wakeFd, 1);
}

void SshWorker::run()
{
    if (m_pool->settings().yieldToCaller) {
        const auto tid = id_t(::syscall(SYS_gettid));
        ::setpriority(PRIO_PROCESS, tid, ::getpriority(PRIO_PROCESS, tid) + 10);
    }
    ssh_set_log_callback(logCallback);
    ssh_set_log_level(lcSsh().isDebugEnabled() ? SSH_LOG_PROTOCOL : SSH_LOG_NOLOG);
    m_lastFlushUs = nowUs();

    bool again = false;
    for (;;) {
        poll(again ? 0 : pollTimeoutMs(nowUs()));
        takeCommands();
        startQueued();
        // A libssh call in a job's step may process packets (of its own session) that another job
        // stepped earlier in this pass waits for, with no socket event left to wake us: then go
        // round again without sleeping.
        const quint64 before = packetsIn();
        step();
        again = packetsIn() != before;
        const qint64 now = nowUs();
        maintainConnections(now);
        reapChildren(now, false);
        if (m_pendingBytes >= flushThreshold || now - m_lastFlushUs >= flushIntervalUs || !m_batch.events.isEmpty()
            || m_batch.inputWritten || (m_interactivePending && now - m_lastInteractiveFlushUs >= interactiveFlushIntervalUs))
            flush();
        if (m_stopping) {
            cutAtShutdown(now);
            if (m_commands.empty() || now >= m_transferDeadlineUs)
                break;
        }
    }
    finishShutdown();
    // Release OpenSSL's state for this thread now, while the process is still whole. Left to the
    // thread's exit, it runs after QThread::wait() has returned and can race the process's own exit,
    // whose OpenSSL clean-up has freed the locks it takes: a crash in about one run in 600.
    OPENSSL_thread_stop();
}

// One poll over the wake-up eventfd and every connection's socket. Each connection then processes
// its own packets in its own libssh event: libssh marks the *calling* session failed when another
// session's socket fails inside a shared poll, which made one server dropping a connection (sshd's
// MaxStartups, a restart) fail other hosts' handshakes and commands.
void SshWorker::poll(int timeoutMs)
{
    m_pollFds.clear();
    m_pollOwners.clear();
    m_pollFds.push_back({m_wakeFd, POLLIN, 0});
    for (const auto &c : m_connections) {
        short events = 0;
        const int fd = c->pollFd(&events);
        if (fd >= 0) {
            m_pollFds.push_back({fd, events, 0});
            m_pollOwners.push_back({c.get(), false});
        }
        const int tunnel = c->tunnelFd(&events);
        if (tunnel >= 0) {
            m_pollFds.push_back({tunnel, events, 0});
            m_pollOwners.push_back({c.get(), true});
        }
    }
    const int ready = ::poll(m_pollFds.data(), nfds_t(m_pollFds.size()), timeoutMs);
    if (ready <= 0)
        return;
    if (m_pollFds[0].revents) {
        eventfd_t value;
        eventfd_read(m_wakeFd, &value);
    }
    // Owners may close (not free) their sockets while handling events; the list is not touched.
    for (size_t i = 1; i < m_pollFds.size(); ++i) {
        if (!m_pollFds[i].revents)
            continue;
        const PollOwner &owner = m_pollOwners[i - 1];
        if (owner.tunnel)
            owner.connection->onTunnelEvent(m_pollFds[i].revents);
        else
            owner.connection->onSocketEvent(m_pollFds[i].revents);
    }
}

quint64 SshWorker::packetsIn() const
{
    quint64 sum = 0;
    for (const auto &c : m_connections)
        sum += c->packetsIn();
    return sum;
}

int SshWorker::pollTimeoutMs(qint64 now) const
{
    qint64 next = now + 1'000'000;
    if (m_pendingBytes > 0)
        next = std::min(next, m_interactivePending ? m_lastInteractiveFlushUs + interactiveFlushIntervalUs
                                                   : m_lastFlushUs + flushIntervalUs);
    for (const auto &c : m_connections) {
        if (const qint64 d = c->nextDeadlineUs())
            next = std::min(next, d);
    }
    for (const auto &c : m_commands) {
        if (const qint64 d = c->nextDeadlineUs())
            next = std::min(next, d);
    }
    if (m_stopping)
        next = std::min(next, now < m_shutdownDeadlineUs ? m_shutdownDeadlineUs : m_transferDeadlineUs);
    if (!m_children.empty())
        next = std::min(next, now + 100'000);
    return int(std::max<qint64>(0, (next - now + 999) / 1000));
}

void SshWorker::takeCommands()
{
    QList<WorkerCommand> queue;
    {
        QMutexLocker lock(&m_queueMutex);
        queue.swap(m_queue);
    }
    for (const WorkerCommand &command : std::as_const(queue))
        handle(command);
}

HostJob *SshWorker::findCommand(RunId run, int host) const
{
    for (const auto &c : m_commands) {
        if (c->runId() == run && c->host() == host && !c->isDone())
            return c.get();
    }
    return nullptr;
}

void SshWorker::handle(const WorkerCommand &command)
{
    switch (command.type) {
    case WorkerCommand::Type::StartHost:
        m_waiting.emplace_back(command.run, command.host);
        return;
    case WorkerCommand::Type::CancelRun:
    case WorkerCommand::Type::CancelHost: {
        const bool all = command.type == WorkerCommand::Type::CancelRun;
        // Hosts still waiting for a fanout slot end at once.
        for (auto it = m_waiting.begin(); it != m_waiting.end();) {
            if (it->first->id == command.runId && (all || it->second == command.host)) {
                auto rc = HostJob::create(this, it->first, it->second);
                rc->result().times.started = -1;
                HostJob *raw = rc.get();
                m_commands.push_back(std::move(rc));
                raw->cancel();
                it = m_waiting.erase(it);
            } else {
                ++it;
            }
        }
        for (const auto &c : m_commands) {
            if (c->runId() == command.runId && (all || c->host() == command.host))
                c->cancel();
        }
        return;
    }
    case WorkerCommand::Type::Resize:
        if (HostJob *c = findCommand(command.runId, command.host))
            c->terminalResized();
        return;
    case WorkerCommand::Type::HostKeyAnswer:
    case WorkerCommand::Type::Secret: {
        HostJob *c = findCommand(command.runId, command.host);
        if (!c)
            return;
        if (command.type == WorkerCommand::Type::Secret && !c->isWaitingForConnection()) {
            c->provideSudoPassword(command.secret, command.flag);
            return;
        }
        for (const auto &connection : m_connections) {
            if (!connection->waiters().contains(c))
                continue;
            if (command.type == WorkerCommand::Type::HostKeyAnswer)
                connection->answerHostKey(command.flag);
            else
                connection->provideSecret(command.secret, command.flag);
        }
        return;
    }
    case WorkerCommand::Type::Resolved:
        for (const auto &connection : m_connections) {
            if (connection->serial() == command.connectionSerial)
                connection->onResolved(command.addresses, command.error);
        }
        return;
    case WorkerCommand::Type::Hashed:
        if (HostJob *c = findCommand(command.runId, command.host))
            c->localChecksumReady(command.ticket, command.checksum, command.error);
        return;
    case WorkerCommand::Type::Shutdown:
        if (!m_stopping) {
            m_stopping = true;
            m_shutdownDeadlineUs = nowUs() + qint64(m_pool->settings().shutdownGraceMs) * 1000;
            m_transferDeadlineUs =
                std::max(m_shutdownDeadlineUs, nowUs() + qint64(m_pool->settings().transferGraceMs) * 1000);
            // Nothing new starts; what waits for a slot is cancelled.
            while (!m_waiting.empty()) {
                auto [run, host] = m_waiting.front();
                m_waiting.pop_front();
                endUnstarted(run, host);
            }
        }
        return;
    }
}

// Starts waiting hosts while their run has free fanout slots.
void SshWorker::startQueued()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        RunShared &run = *it->first;
        if (run.stopStarting.load()) {
            endUnstarted(it->first, it->second);
            it = m_waiting.erase(it);
            continue;
        }
        int slots = run.freeSlots.load();
        bool got = false;
        while (slots > 0 && !(got = run.freeSlots.compare_exchange_weak(slots, slots - 1))) {
        }
        if (!got) {
            ++it;
            continue;
        }
        auto command = HostJob::create(this, it->first, it->second);
        HostJob *raw = command.get();
        m_commands.push_back(std::move(command));
        it = m_waiting.erase(it);
        raw->start();
        attach(raw);
    }
}

// A host that will not start still gets its result: cancelled.
void SshWorker::endUnstarted(const std::shared_ptr<RunShared> &run, int host)
{
    auto job = HostJob::create(this, run, host);
    HostJob *raw = job.get();
    m_commands.push_back(std::move(job));
    raw->cancel();
}

SshConnection *SshWorker::connectionFor(const HostTarget &target)
{
    const QString key = target.connectionKey();
    for (const auto &c : m_connections) {
        if (c->key() == key && !c->isDead() && !c->isFull())
            return c.get();
    }
    return nullptr;
}

SshConnection *SshWorker::jumpConnection(const HostTarget &target, QString *error)
{
    if (target.jump) {
        if (SshConnection *open = connectionFor(*target.jump))
            return open;
        m_connections.push_back(std::make_unique<SshConnection>(this, *target.jump, m_nextSerial++));
        return m_connections.back().get();
    }
    QStringList hops;
    for (const QString &hop : target.proxyJump.split(u',', Qt::SkipEmptyParts))
        hops.append(hop.trimmed());
    QString last = hops.takeLast();
    if (last.startsWith(QStringLiteral("ssh://")))
        last = last.mid(6);
    // As `ssh -J a,b host` does: b is resolved with the same ssh_config and reached through a (its
    // own ProxyJump when it is the only hop). Jump hosts follow the host's key policy where their
    // config says nothing.
    const QString cacheKey = target.configFile + u'\n' + last + u'\n' + hops.join(u',') + u'\n'
                             + QString::number(int(target.hostKeyPolicy)) + u'\n'
                             + QString::number(target.connectTimeoutMs);
    auto cached = m_jumpTargets.constFind(cacheKey);
    if (cached == m_jumpTargets.constEnd()) {
        const SshConfig config = target.configFile.isEmpty() ? SshConfig::loadDefault() : SshConfig::load(target.configFile);
        HostTarget defaults;
        defaults.hostKeyPolicy = target.hostKeyPolicy;
        defaults.connectTimeoutMs = target.connectTimeoutMs;
        const Result<SshResolution> resolved = config.resolveHost(last, defaults);
        if (!resolved) {
            *error = QCoreApplication::translate("SshConnection", "jump host %1: %2").arg(last, resolved.message());
            return nullptr;
        }
        HostTarget jump = resolved.value().target;
        jump.configFile = target.configFile;
        if (!hops.isEmpty()) {
            jump.proxyJump = hops.join(u',');
            jump.proxyCommand.clear();
        }
        cached = m_jumpTargets.insert(cacheKey, jump);
    }
    if (SshConnection *open = connectionFor(*cached))
        return open;
    m_connections.push_back(std::make_unique<SshConnection>(this, *cached, m_nextSerial++));
    return m_connections.back().get();
}

void SshWorker::attach(HostJob *command)
{
    const HostTarget &target = command->target();
    SshConnection *connection = connectionFor(target);
    if (connection && connection->phase() == SshConnection::Phase::Ready && !connection->isUsable())
        connection = nullptr; // found dead: a new one is made below, transparently
    if (connection && connection->phase() == SshConnection::Phase::Ready) {
        command->connectionReady(connection, false);
        return;
    }
    if (!connection) {
        m_connections.push_back(std::make_unique<SshConnection>(this, target, m_nextSerial++));
        connection = m_connections.back().get();
    }
    command->waitFor(connection);
    connection->addWaiter(command);
    connection->step();
}

void SshWorker::step()
{
    // Indexes, not iterators: stepping may append connections or commands.
    for (size_t i = 0; i < m_connections.size(); ++i)
        m_connections[i]->step();
    for (size_t i = 0; i < m_commands.size(); ++i) {
        HostJob *c = m_commands[i].get();
        if (c->needsStep())
            c->step();
    }
    const qint64 now = nowUs();
    for (size_t i = 0; i < m_connections.size(); ++i)
        m_connections[i]->checkDeadline(now);
    for (size_t i = 0; i < m_commands.size(); ++i)
        m_commands[i]->checkDeadline(now);

    std::erase_if(m_commands, [](const std::unique_ptr<HostJob> &c) { return c->isDone() && !c->hasPending(); });
}

void SshWorker::dropChannels(SshConnection *connection)
{
    for (const auto &c : m_commands) {
        if (c->connection() == connection && !c->isDone() && !c->isWaitingForConnection())
            c->connectionLost();
    }
}

void SshWorker::maintainConnections(qint64 now)
{
    const PoolSettings &settings = m_pool->settings();
    if (m_pool->m_idleCloseWanted.load() && closeLeastRecentlyUsedIdle())
        m_pool->m_idleCloseWanted.store(false);
    for (const auto &c : m_connections) {
        if (c->phase() != SshConnection::Phase::Ready)
            continue;
        if (!c->isUsable())
            continue; // now dead: reaped below
        c->keepalive(now, settings.keepaliveIntervalMs);
        const qint64 idleSince = c->idleSinceUs();
        if (c->activeChannels() == 0 && idleSince > 0
            && (m_stopping || now - idleSince >= qint64(settings.idleTimeoutMs) * 1000)) {
            qCDebug(lcSsh) << "closing idle connection to" << c->target().name;
            c->close();
        }
    }
    std::erase_if(m_connections, [](const std::unique_ptr<SshConnection> &c) {
        return c->isDead() && c->activeChannels() == 0 && c->waiters().isEmpty() && !c->hasDependants();
    });
}

void SshWorker::reportState(HostJob *command, HostState state)
{
    if (!command->noteState(state))
        return; // already reported
    flushHostOutput(command);
    m_batch.events.append(WorkerBatch::StateChange{command->runId(), command->host(), state});
}

qint64 SshWorker::outputCredit(const HostJob *job) const
{
    const PoolSettings &settings = m_pool->settings();
    const qint64 host = settings.undeliveredPerHost - job->run()->undelivered[size_t(job->host())].load();
    const qint64 pool = settings.undeliveredTotal - m_pool->m_undelivered.load();
    return std::max<qint64>(0, std::min(host, pool));
}

void SshWorker::noteThrottled(int delta)
{
    m_pool->m_throttled.fetch_add(delta);
}

void SshWorker::reportOutput(HostJob *command, qint64 bytes)
{
    command->run()->undelivered[size_t(command->host())].fetch_add(bytes);
    m_pool->m_undelivered.fetch_add(bytes);
    if (!m_withPendingOutput.contains(command))
        m_withPendingOutput.append(command);
    m_pendingBytes += bytes;
    if (command->run()->request.shell)
        m_interactivePending = true;
}

void SshWorker::reportProgress(HostJob *job, qint64 done, qint64 total)
{
    m_batch.events.append(WorkerBatch::Progress{job->runId(), job->host(), done, total});
}

void SshWorker::flushHostOutput(HostJob *command)
{
    if (!command->hasPending())
        return;
    for (bool isStderr : {false, true}) {
        QByteArray data = command->takePending(isStderr);
        if (!data.isEmpty()) {
            m_pendingBytes -= data.size();
            m_batch.outputBytes += data.size();
            m_batch.events.append(OutputChunk{command->runId(), command->host(), isStderr, std::move(data)});
        }
    }
    m_withPendingOutput.removeOne(command);
}

void SshWorker::reportFinished(HostJob *command)
{
    flushHostOutput(command);
    m_batch.events.append(WorkerBatch::Finished{command->runId(), command->host(), command->result()});
    if (command->run()->request.failFast && command->result().outcome != HostOutcome::Ok)
        command->run()->stopStarting.store(true);
    // The fanout slot goes back to the run; other workers may be waiting for it.
    if (command->result().times.started >= 0) {
        command->run()->freeSlots.fetch_add(1);
        m_pool->wakeAll();
    }
}

void SshWorker::ask(const HostKeyQuestion &question)
{
    m_batch.events.append(question);
}

void SshWorker::ask(const SecretRequest &request)
{
    m_batch.events.append(request);
}

bool SshWorker::acquireHandshakeSlot()
{
    int slots = m_pool->m_handshakeSlots.load();
    while (slots > 0) {
        if (m_pool->m_handshakeSlots.compare_exchange_weak(slots, slots - 1))
            return true;
    }
    return false;
}

void SshWorker::releaseHandshakeSlot()
{
    m_pool->m_handshakeSlots.fetch_add(1);
    m_pool->wakeAll();
}

bool SshWorker::acquireConnectionSlot(int cost)
{
    std::atomic<int> &slots = m_pool->m_connectionSlots;
    for (int attempt = 0; attempt < 2; ++attempt) {
        int free = slots.load();
        while (free >= cost) {
            if (slots.compare_exchange_weak(free, free - cost))
                return true;
        }
        // Full: an idle connection of ours makes room at once; else one of another worker's.
        if (attempt == 0 && !closeLeastRecentlyUsedIdle())
            break;
    }
    if (!m_pool->m_idleCloseWanted.exchange(true))
        m_pool->wakeAll();
    return false;
}

void SshWorker::releaseConnectionSlot(int cost)
{
    m_pool->m_connectionSlots.fetch_add(cost);
    m_pool->wakeAll();
}

bool SshWorker::closeLeastRecentlyUsedIdle()
{
    SshConnection *oldest = nullptr;
    for (const auto &c : m_connections) {
        if (c->phase() == SshConnection::Phase::Ready && c->activeChannels() == 0 && c->waiters().isEmpty()
            && c->idleSinceUs() > 0 && (!oldest || c->idleSinceUs() < oldest->idleSinceUs()))
            oldest = c.get();
    }
    if (!oldest)
        return false;
    qCDebug(lcSsh) << "closing idle connection to" << oldest->target().name << "to stay within"
                   << m_pool->connectionBudget() << "connections";
    oldest->close();
    return true;
}

AgentRelay &SshWorker::agentRelay()
{
    QMutexLocker lock(&m_pool->m_agentRelayMutex);
    if (!m_pool->m_agentRelay)
        m_pool->m_agentRelay = std::make_unique<AgentRelay>();
    return *m_pool->m_agentRelay;
}

bool SshWorker::acquireServerSlot(const QString &server)
{
    QMutexLocker lock(&m_pool->m_serverGatesMutex);
    WorkerPool::ServerGate &gate = m_pool->m_serverGates[server];
    if (gate.limit == 0)
        gate.limit = qMax(1, m_pool->settings().handshakesPerServer);
    if (gate.inFlight >= gate.limit)
        return false;
    ++gate.inFlight;
    return true;
}

// Additive increase, multiplicative decrease, as TCP does: a server that drops handshakes gets
// fewer at once, and more again as they succeed.
void SshWorker::releaseServerSlot(const QString &server, bool dropped)
{
    {
        QMutexLocker lock(&m_pool->m_serverGatesMutex);
        auto it = m_pool->m_serverGates.find(server);
        if (it == m_pool->m_serverGates.end())
            return;
        it->inFlight = qMax(0, it->inFlight - 1);
        if (dropped)
            it->limit = qMax(1, it->limit / 2);
        else
            it->limit = qMin(qMax(1, m_pool->settings().handshakesPerServer), it->limit + 1);
        if (it->inFlight == 0 && it->limit == qMax(1, m_pool->settings().handshakesPerServer))
            m_pool->m_serverGates.erase(it); // back to normal: nothing to remember
    }
    m_pool->wakeAll();
}

ssh_key SshWorker::privateKey(const QString &path, const QByteArray &passphrase, const QString &certificate,
                              bool *needsPassphrase)
{
    *needsPassphrase = false;
    const QString cacheKey = certificate.isEmpty() ? path : path + u'\n' + certificate;
    if (ssh_key key = m_keys.value(cacheKey))
        return key;
    if (!certificate.isEmpty()) {
        // The plain key first (it may need its passphrase), then a copy of it that carries the
        // certificate: the cached plain key stays plain for the attempts that want it so.
        if (!privateKey(path, passphrase, QString(), needsPassphrase))
            return nullptr;
        ssh_key key = nullptr;
        ssh_key cert = nullptr;
        const QByteArray file = QFile::encodeName(path);
        const bool ok = ssh_pki_import_privkey_file(file.constData(), passphrase.isEmpty() ? nullptr : passphrase.constData(),
                                                    nullptr, nullptr, &key) == SSH_OK
                        && ssh_pki_import_cert_file(QFile::encodeName(certificate).constData(), &cert) == SSH_OK
                        && ssh_pki_copy_cert_to_privkey(cert, key) == SSH_OK;
        ssh_key_free(cert);
        if (!ok) {
            ssh_key_free(key);
            return nullptr;
        }
        m_keys.insert(cacheKey, key);
        return key;
    }
    ssh_key key = nullptr;
    const QByteArray file = QFile::encodeName(path);
    const int rc = ssh_pki_import_privkey_file(file.constData(), passphrase.isEmpty() ? nullptr : passphrase.constData(),
                                               nullptr, nullptr, &key);
    if (rc == SSH_OK) {
        m_keys.insert(path, key);
        return key;
    }
    // An unreadable or missing file is skipped; a readable one that would not load is taken
    // to be encrypted (libssh does not tell the two apart).
    QFile f(path);
    if (f.open(QIODevice::ReadOnly) && f.size() > 0)
        *needsPassphrase = true;
    return nullptr;
}

void SshWorker::reap(pid_t pid)
{
    if (pid > 0)
        m_children.emplace_back(pid, nowUs() + 2'000'000);
}

void SshWorker::reapChildren(qint64 now, bool final)
{
    for (int round = 0; !m_children.empty() && round < (final ? 50 : 1); ++round) {
        if (round > 0)
            ::usleep(20'000); // at the very end only: give SIGKILL a moment to land
        std::erase_if(m_children, [now, final](std::pair<pid_t, qint64> &child) {
            int status = 0;
            if (::waitpid(child.first, &status, WNOHANG) != 0)
                return true; // gone (or not ours to wait for)
            if (final || now >= child.second) {
                ::kill(-child.first, SIGKILL);
                ::kill(child.first, SIGKILL);
            }
            return false;
        });
    }
}

quint64 SshWorker::resolveLater(quint64 connectionSerial, const QString &hostname)
{
    return m_pool->m_resolver->lookUp(hostname, [mailbox = m_mailbox, connectionSerial](const QList<QHostAddress> &addresses,
                                                                                       const QString &error) {
        WorkerCommand command;
        command.type = WorkerCommand::Type::Resolved;
        command.connectionSerial = connectionSerial;
        command.addresses = addresses;
        command.error = error;
        QMutexLocker lock(&mailbox->mutex);
        if (mailbox->worker)
            mailbox->worker->enqueue(command);
    });
}

void SshWorker::cancelResolve(quint64 ticket)
{
    m_pool->m_resolver->cancel(ticket);
}

void SshWorker::hashLater(const HostJob *job, quint64 ticket, const QString &path, bool shared)
{
    QThreadPool::globalInstance()->start(
        [mailbox = m_mailbox, run = job->run(), host = job->host(), ticket, path, shared] {
            WorkerCommand command;
            command.type = WorkerCommand::Type::Hashed;
            command.runId = run->id;
            command.host = host;
            command.ticket = ticket;
            {
                // The lock covers the cache only: other hosts must not wait for a long hash.
                QMutexLocker lock(&run->checksumMutex);
                command.checksum = shared ? run->localChecksums.value(path) : QByteArray();
            }
            if (command.checksum.isEmpty()) {
                QFile file(path);
                QCryptographicHash hash(QCryptographicHash::Sha256);
                if (file.open(QIODevice::ReadOnly) && hash.addData(&file)) {
                    command.checksum = hash.result().toHex();
                    if (shared) {
                        QMutexLocker lock(&run->checksumMutex);
                        run->localChecksums.insert(path, command.checksum);
                    }
                } else {
                    command.error = QStringLiteral("%1: %2").arg(path, file.errorString());
                }
            }
            QMutexLocker lock(&mailbox->mutex);
            if (mailbox->worker)
                mailbox->worker->enqueue(command);
        });
}

void SshWorker::flush()
{
    const QList<HostJob *> pending = m_withPendingOutput;
    for (HostJob *c : pending)
        flushHostOutput(c);
    m_lastFlushUs = nowUs();
    if (m_interactivePending)
        m_lastInteractiveFlushUs = m_lastFlushUs;
    m_interactivePending = false;
    m_batch.openConnections = int(m_connections.size());
    if (m_batch.events.isEmpty() && !m_batch.inputWritten && m_batch.openConnections == m_lastReportedConnections)
        return;
    m_lastReportedConnections = m_batch.openConnections;
    WorkerBatch batch;
    std::swap(batch, m_batch);
    batch.worker = m_index;
    WorkerPool *pool = m_pool;
    QMetaObject::invokeMethod(pool, [pool, batch = std::move(batch)] { pool->deliver(batch); }, Qt::QueuedConnection);
}

// Once the shutdown grace period is over, commands still running are cut as at the end; only
// transfers may go on, up to their own bound, so a copy is not cut in half without need.
void SshWorker::cutAtShutdown(qint64 now)
{
    if (now < m_shutdownDeadlineUs)
        return;
    bool transfers = false;
    for (size_t i = 0; i < m_commands.size(); ++i) {
        HostJob *job = m_commands[i].get();
        if (job->isDone())
            continue;
        if (job->isTransfer() && now < m_transferDeadlineUs)
            transfers = true;
        else
            job->cutForShutdown();
    }
    if (!transfers)
        m_transferDeadlineUs = now; // nothing left to wait for
    std::erase_if(m_commands, [](const std::unique_ptr<HostJob> &c) { return c->isDone() && !c->hasPending(); });
}

void SshWorker::finishShutdown()
{
    for (const auto &c : m_commands)
        c->cutForShutdown();
    m_commands.clear();
    for (const auto &c : m_connections)
        c->close();
    m_connections.clear();
    reapChildren(nowUs(), true);
    flush();
    for (ssh_key key : std::as_const(m_keys))
        ssh_key_free(key);
    m_keys.clear();
}

} // namespace Chorus
