#pragma once

#include "sshworker/internal/enginebuild.h"
#include "sshworker/internal/hostjob.h"

#include <QByteArray>
#include <QString>

#include <libssh/callbacks.h>

#include <memory>

struct ssh_channel_struct;

namespace Chorus {

// One host's part in a run: waits for its connection, then runs the command on its own
// channel, streams stdout and stderr apart as raw bytes, answers sudo's prompt, enforces the
// command timeout and cancellation, and builds the HostResult.
class RemoteCommand : public HostJob
{
public:
    RemoteCommand(SshWorker *worker, std::shared_ptr<RunShared> run, int host);
    ~RemoteCommand() override;

    void start() override;
    void connectionReady(SshConnection *connection, bool fresh) override;
    void connectionFailed(const SshConnection &connection) override;
    void step() override;
    void cancel() override;
    void provideSudoPassword(const QByteArray &secret, bool given) override;
    void checkDeadline(qint64 now) override;
    void terminalResized() override;
    void connectionLost() override;

    bool isDone() const override { return m_phase == Phase::Done; }
    bool isWaitingForConnection() const override { return m_phase == Phase::WaitingForConnection; }
    bool needsStep() const override;
    qint64 nextDeadlineUs() const override;
    QByteArray takePending(bool isStderr) override;
    bool hasPending() const override { return !m_pendingOut.isEmpty() || !m_pendingErr.isEmpty(); }

private:
    enum class Phase
    {
        Queued,
        WaitingForConnection,
        Opening,
        Executing,
        Running,
        Closing, // signalled (timeout or cancel); closing after a grace period
        Done,
    };

    static int onData(ssh_session session, ssh_channel channel, void *data, uint32_t len, int isStderr,
                      void *self);
    static void onEof(ssh_session session, ssh_channel channel, void *self);
    static void onClose(ssh_session session, ssh_channel channel, void *self);
    static void onExitStatus(ssh_session session, ssh_channel channel, int status, void *self);
    static void onExitSignal(ssh_session session, ssh_channel channel, const char *signal, int core,
                             const char *errmsg, const char *lang, void *self);

    qint64 take(bool isStderr, const char *data, qint64 length);
    void drainBuffered();
    bool prepareChannel();
    void feedInput();
    void doneWithInput();
    void setThrottled(bool throttled);
    void received(bool isStderr, const QByteArray &data);
    void keep(bool isStderr, const QByteArray &data);
    void handleSudoOutput(bool isStderr, const QByteArray &data);
    void sendStdinEof();
    void stopRemote(HostOutcome outcome, const QString &why);
    void finish(HostOutcome outcome, FailureKind failure, const QString &error);
    void freeChannel();
    QString wrappedCommand() const;

    Phase m_phase = Phase::Queued;
    ssh_channel_struct *m_channel = nullptr;
    struct ssh_channel_callbacks_struct m_callbacks;
    QByteArray m_pendingOut, m_pendingErr;
    bool m_remoteClosed = false;
    bool m_eofSent = false;
    qint64 m_commandDeadlineUs = 0;
    qint64 m_killDeadlineUs = 0;
    HostOutcome m_stopOutcome = HostOutcome::Ok; // set when we stopped the command ourselves
    QString m_stopReason;
    FailureKind m_stopFailure = FailureKind::None;

    // sudo -S with a unique prompt marker.
    bool m_throttled = false; // stopped reading for want of credit: libssh holds the rest
    qint64 m_inputOffset = 0; // how much of the run's input this host has written
    char m_lastInputByte = '\n';
    int m_requestsDone = 0;   // prepareChannel(): the PTY request, then one per variable
    int m_columns = 0;        // the terminal's size (RunRequest::shell), as last sent to the host
    int m_rows = 0;
    QByteArray m_sudoMarker;  // sudo's prompt
    QByteArray m_sudoRunning; // printed once sudo lets the command run
    bool m_sudoDone = false;  // the second marker came: stderr is the command's
    QByteArray m_sudoCarry;  // stderr held back while it could be the start of the marker
    int m_sudoPrompts = 0;
    bool m_sudoPasswordSent = false;
    bool m_sudoAsking = false;
};

} // namespace Chorus
