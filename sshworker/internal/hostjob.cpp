#include "sshworker/internal/hostjob.h"

#include "sshworker/internal/filetransfer.h"
#include "sshworker/internal/remotecommand.h"
#include "sshworker/internal/sshconnection.h"
#include "sshworker/internal/sshworker.h"

#include <QCoreApplication>

namespace Chorus {

HostJob::HostJob(SshWorker *worker, std::shared_ptr<RunShared> run, int host)
    : m_worker(worker), m_run(std::move(run)), m_host(host)
{}

HostJob::~HostJob() = default;

std::unique_ptr<HostJob> HostJob::create(SshWorker *worker, std::shared_ptr<RunShared> run, int host)
{
    if (run->request.transfer)
        return std::make_unique<FileTransfer>(worker, std::move(run), host);
    return std::make_unique<RemoteCommand>(worker, std::move(run), host);
}

const HostTarget &HostJob::target() const
{
    return m_run->request.hosts.at(m_host);
}

void HostJob::provideSudoPassword(const QByteArray &, bool) {}

void HostJob::terminalResized() {}

void HostJob::localChecksumReady(quint64, const QByteArray &, const QString &) {}

void HostJob::cutForShutdown()
{
    cancel();
    if (!isDone())
        connectionLost();
}

QString HostJob::unstartedReason() const
{
    return m_run->stopStarting.load()
        ? QCoreApplication::translate("HostJob", "not started: another host failed first (fail-fast)")
        : QCoreApplication::translate("HostJob", "cancelled");
}

QByteArray HostJob::takePending(bool)
{
    return {};
}

void HostJob::noteConnectionReady(const SshConnection &connection, bool fresh)
{
    PhaseTimes &t = m_result.times;
    // A job that waited for the handshake reports its phases; one that found the connection
    // open reports none of them.
    if (fresh) {
        m_result.connectAttempts = connection.attempts;
        m_result.log += connection.log;
        t.resolved = rel(connection.resolvedUs);
        t.tcpConnected = rel(connection.tcpUs);
        t.jumpReady = rel(connection.jumpReadyUs);
        t.tunnelOpened = rel(connection.tunnelUs);
        t.kexDone = rel(connection.kexUs);
        t.hostKeyChecked = rel(connection.hostKeyUs);
        t.authenticated = rel(connection.authUs);
    } else {
        m_result.reusedConnection = true;
    }
}

HostOutcome HostJob::noteConnectionFailed(const SshConnection &connection)
{
    m_result.connectAttempts = connection.attempts;
    m_result.log += connection.log;
    m_result.times.resolved = rel(connection.resolvedUs);
    m_result.times.tcpConnected = rel(connection.tcpUs);
    m_result.times.jumpReady = rel(connection.jumpReadyUs);
    m_result.times.tunnelOpened = rel(connection.tunnelUs);
    m_result.times.kexDone = rel(connection.kexUs);
    m_result.times.hostKeyChecked = rel(connection.hostKeyUs);
    return connection.timedOut ? HostOutcome::TimedOut : HostOutcome::Failed;
}

void HostJob::noteStarted()
{
    m_result.times.started = rel(SshWorker::nowUs());
    m_worker->reportState(this, HostState::Connecting);
}

void HostJob::retryOnNewConnection()
{
    m_connection = nullptr;
    m_result.reusedConnection = false;
    m_worker->attach(this);
}

bool HostJob::takeRefusalRetry()
{
    if (m_refusals >= 3 || !m_connection)
        return false;
    ++m_refusals;
    m_connection->noteChannelRefused();
    return true;
}

bool HostJob::takeStaleRetry()
{
    if (!m_result.reusedConnection || m_retriedStale)
        return false;
    m_retriedStale = true;
    return true;
}

void HostJob::stopWaiting()
{
    if (m_connection && isWaitingForConnection())
        m_connection->removeWaiter(this);
}

} // namespace Chorus
