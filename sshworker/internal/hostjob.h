#pragma once

#include "model/core/hostevents.h"
#include "model/core/hostresult.h"
#include "sshworker/internal/enginebuild.h"
#include "sshworker/internal/runshared.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Chorus {

class SshConnection;
class SshWorker;

// One host's part in a run, as the worker and the host's connection see it: a command
// (RemoteCommand) or a file transfer (FileTransfer). It waits for the host's connection through
// SshWorker::attach, then works on channels of its own and ends with a HostResult.
class HostJob
{
public:
    HostJob(SshWorker *worker, std::shared_ptr<RunShared> run, int host);
    virtual ~HostJob();
    HostJob(const HostJob &) = delete;
    HostJob &operator=(const HostJob &) = delete;

    // The job the run asks for: a transfer when the request has one, else a command.
    static std::unique_ptr<HostJob> create(SshWorker *worker, std::shared_ptr<RunShared> run, int host);

    virtual void start() = 0; // queued -> waiting for a connection
    // The connection it waits on: finishing must take the job off that connection's list.
    void waitFor(SshConnection *connection) { m_connection = connection; }
    virtual void connectionReady(SshConnection *connection, bool fresh) = 0;
    virtual void connectionFailed(const SshConnection &connection) = 0;
    virtual void step() = 0;
    virtual void cancel() = 0;
    virtual void provideSudoPassword(const QByteArray &secret, bool given);
    // SshWorker::hashLater's answer (checksum empty and error set when the file could not be read).
    virtual void localChecksumReady(quint64 ticket, const QByteArray &checksum, const QString &error);
    virtual void checkDeadline(qint64 now) = 0;
    virtual void terminalResized(); // a shell's terminal changed size (RunShared::terminalColumns)
    virtual void connectionLost() = 0;
    // The worker is closing and the grace period is over: end now.
    virtual void cutForShutdown();
    // Transfers get their own, longer grace period when the pool shuts down.
    virtual bool isTransfer() const { return false; }

    virtual bool isDone() const = 0;
    virtual bool isWaitingForConnection() const = 0;
    virtual bool needsStep() const = 0;
    virtual qint64 nextDeadlineUs() const = 0;
    virtual QByteArray takePending(bool isStderr);
    virtual bool hasPending() const { return false; }

    RunId runId() const { return m_run->id; }
    int host() const { return m_host; }
    const HostTarget &target() const;
    SshConnection *connection() const { return m_connection; }
    const std::shared_ptr<RunShared> &run() const { return m_run; }
    HostResult &result() { return m_result; }
    // True when the state differs from the last one reported (and records it).
    bool noteState(HostState state)
    {
        const bool changed = state != m_reported;
        m_reported = state;
        return changed;
    }

protected:
    qint64 rel(qint64 us) const { return us < 0 ? -1 : us - m_run->startUs; }
    // Why a job that had not started yet ends cancelled: the caller's cancel, or the run's fail-fast.
    QString unstartedReason() const;
    // Left the queue: from now on it waits for its connection (the phase is the caller's to set).
    void noteStarted();
    // Copies the connection's phase times into the result (only when this job waited for them).
    void noteConnectionReady(const SshConnection &connection, bool fresh);
    // Copies what the failed connection reached; returns how the job ends: TimedOut when the
    // connect deadline passed, else Failed.
    HostOutcome noteConnectionFailed(const SshConnection &connection);
    // The open connection it was given turned out dead before anything ran: waits for a new one
    // (the caller has freed its channels and is waiting for a connection again).
    void retryOnNewConnection();
    // After its channel failed to open (the caller has freed it), whether to wait for a connection
    // again (then the caller calls retryOnNewConnection): when the server refused the channel on a
    // working connection, that connection is full and another one is used (at most 3 times); when the
    // reused connection turned out dead (a restarted server), a new one, once.
    bool takeRefusalRetry();
    bool takeStaleRetry();
    // Takes the job off the waiting list of its connection, if it is on one.
    void stopWaiting();

    SshWorker *m_worker;
    std::shared_ptr<RunShared> m_run;
    int m_host;
    SshConnection *m_connection = nullptr;
    HostResult m_result;
    int m_refusals = 0;
    bool m_retriedStale = false;

private:
    HostState m_reported = HostState::Queued;
};

} // namespace Chorus
