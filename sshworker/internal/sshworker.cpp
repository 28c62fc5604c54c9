#include "sshworker/internal/sshworker.h"

#include "sshworker/internal/hostjob.h"
#include "sshworker/internal/sshconnection.h"
#include "sshworker/internal/sshlog.h"
#include "sshworker/workerpool.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QMutexLocker>
#include <QThreadPool>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <algorithm>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace Chorus {

namespace {

constexpr qint64 flushIntervalUs = 30'000;     // coalesce output for this long
constexpr qint64 flushThreshold = 1024 * 1024; // or until this much is pending

int wakeCallback(socket_t fd, int, void *)
{
    eventfd_t value;
    eventfd_read(fd, &value);
    return 0;
}

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
    m_event = ssh_event_new();
    ssh_event_add_fd(m_event, m_wakeFd, POLLIN, wakeCallback, this);
    m_lastFlushUs = nowUs();

    bool again = false;
    for (;;) {
        ssh_event_dopoll(m_event, again ? 0 : pollTimeoutMs(nowUs()));
        takeCommands();
        startQueued();
        // Any libssh call may process packets of every session in the event (it polls them
        // all). A packet handled for a session after that session's turn in this pass leaves
        // it with news but no socket event to wake us: then go round again without sleeping.
        const quint64 before = packetsIn();
        step();
        again = packetsIn() != before;
        const qint64 now = nowUs();
        maintainConnections(now);
        if (m_pendingBytes >= flushThreshold || now - m_lastFlushUs >= flushIntervalUs || !m_batch.events.isEmpty())
            flush();
        if (m_stopping) {
            cutAtShutdown(now);
            if (m_commands.empty() || now >= m_transferDeadlineUs)
                break;
        }
    }
    finishShutdown();
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
        next = std::min(next, m_lastFlushUs + flushIntervalUs);
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
                auto rc = HostJob::create(this, run, host);
                HostJob *raw = rc.get();
                m_commands.push_back(std::move(rc));
                raw->cancel();
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

SshConnection *SshWorker::connectionFor(const HostTarget &target)
{
    const QString key = target.connectionKey();
    for (const auto &c : m_connections) {
        if (c->key() == key && !c->isDead())
            return c.get();
    }
    return nullptr;
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
        return c->isDead() && c->activeChannels() == 0 && c->waiters().isEmpty();
    });
}

void SshWorker::reportState(HostJob *command, HostState state)
{
    if (!command->noteState(state))
        return; // already reported
    flushHostOutput(command);
    m_batch.events.append(WorkerBatch::StateChange{command->runId(), command->host(), state});
}

void SshWorker::reportOutput(HostJob *command, qint64 bytes)
{
    if (!m_withPendingOutput.contains(command))
        m_withPendingOutput.append(command);
    m_pendingBytes += bytes;
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

ssh_key SshWorker::privateKey(const QString &path, const QByteArray &passphrase, bool *needsPassphrase)
{
    *needsPassphrase = false;
    if (ssh_key key = m_keys.value(path))
        return key;
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

void SshWorker::resolveLater(quint64 connectionSerial, const QString &hostname)
{
    QThreadPool::globalInstance()->start([mailbox = m_mailbox, connectionSerial, hostname] {
        const QHostInfo info = QHostInfo::fromName(hostname);
        WorkerCommand command;
        command.type = WorkerCommand::Type::Resolved;
        command.connectionSerial = connectionSerial;
        command.addresses = info.addresses();
        command.error = info.errorString();
        QMutexLocker lock(&mailbox->mutex);
        if (mailbox->worker)
            mailbox->worker->enqueue(command);
    });
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
    m_batch.openConnections = int(m_connections.size());
    if (m_batch.events.isEmpty() && m_batch.openConnections == m_lastReportedConnections)
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
    flush();
    for (ssh_key key : std::as_const(m_keys))
        ssh_key_free(key);
    m_keys.clear();
    ssh_event_remove_fd(m_event, m_wakeFd);
    ssh_event_free(m_event);
    m_event = nullptr;
}

} // namespace Chorus
