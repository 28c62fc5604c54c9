#include "sshworker/internal/remotecommand.h"

#include "model/core/hostevents.h"
#include "model/core/printable.h"
#include "model/core/shellquote.h"
#include "sshworker/internal/closechannel.h"
#include "sshworker/internal/sshconnection.h"
#include "sshworker/internal/sshlog.h"
#include "sshworker/internal/sshworker.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QRandomGenerator>

#include <libssh/libssh.h>

namespace Chorus {

namespace {

constexpr qint64 killGraceUs = 1'000'000; // after a TERM signal, how long before the channel is closed (under a flood too: within a second)

} // namespace

RemoteCommand::RemoteCommand(SshWorker *worker, std::shared_ptr<RunShared> run, int host)
    : HostJob(worker, std::move(run), host)
{
    memset(&m_callbacks, 0, sizeof m_callbacks);
    m_callbacks.userdata = this;
    m_callbacks.channel_data_function = &RemoteCommand::onData;
    m_callbacks.channel_eof_function = &RemoteCommand::onEof;
    m_callbacks.channel_close_function = &RemoteCommand::onClose;
    m_callbacks.channel_exit_status_function = &RemoteCommand::onExitStatus;
    m_callbacks.channel_exit_signal_function = &RemoteCommand::onExitSignal;
    ssh_callbacks_init(&m_callbacks);
}

RemoteCommand::~RemoteCommand()
{
    freeChannel();
    stopWaiting();
}

void RemoteCommand::start()
{
    m_phase = Phase::WaitingForConnection;
    noteStarted();
}

void RemoteCommand::connectionReady(SshConnection *connection, bool fresh)
{
    if (m_phase != Phase::WaitingForConnection)
        return;
    m_connection = connection;
    noteConnectionReady(*connection, fresh);
    if (m_run->cancelled || m_stopOutcome == HostOutcome::Cancelled) {
        finish(HostOutcome::Cancelled, FailureKind::None,
               QCoreApplication::translate("RemoteCommand", "cancelled"));
        return;
    }
    m_channel = ssh_channel_new(connection->session());
    if (!m_channel) {
        connectionLost();
        return;
    }
    ssh_set_channel_callbacks(m_channel, &m_callbacks);
    connection->channelOpened();
    m_phase = Phase::Opening;
    step();
}

void RemoteCommand::connectionFailed(const SshConnection &connection)
{
    if (m_phase != Phase::WaitingForConnection)
        return;
    finish(noteConnectionFailed(connection), connection.failure, connection.error);
}

bool RemoteCommand::needsStep() const
{
    return m_phase == Phase::Opening || m_phase == Phase::Executing || m_phase == Phase::Running
           || m_phase == Phase::Closing;
}

void RemoteCommand::step()
{
    switch (m_phase) {
    case Phase::Opening: {
        const int rc = ssh_channel_open_session(m_channel);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            const QString why = QString::fromUtf8(ssh_get_error(m_connection->session()));
            const bool alive = ssh_is_connected(m_connection->session());
            freeChannel();
            if (alive ? takeRefusalRetry() : takeStaleRetry()) {
                m_phase = Phase::WaitingForConnection;
                retryOnNewConnection();
                return;
            }
            if (alive)
                finish(HostOutcome::Failed, FailureKind::Channel,
                       QCoreApplication::translate("RemoteCommand", "the server refused a session channel: %1")
                           .arg(printable(why)));
            else
                connectionLost();
            return;
        }
        m_result.times.channelOpened = rel(SshWorker::nowUs());
        if (m_run->request.sudo) {
            m_sudoMarker = "[chorus-sudo:" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + "]";
            m_sudoRunning = "[chorus-run:" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + "]";
        }
        m_phase = Phase::Executing;
        [[fallthrough]];
    }
    case Phase::Executing: {
        // When the request went out: its answer, the output and even the exit status may all be
        // handled inside a later call before this one returns SSH_OK.
        if (m_result.times.execStarted < 0)
            m_result.times.execStarted = rel(SshWorker::nowUs());
        if (!prepareChannel())
            return;
        const bool shell = m_run->request.shell;
        const int rc = shell ? ssh_channel_request_shell(m_channel)
                             : ssh_channel_request_exec(m_channel, wrappedCommand().toUtf8().constData());
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            const QString why = printable(QString::fromUtf8(ssh_get_error(m_connection->session())));
            // Seen from sshd on a connection whose earlier shell was just closed: a fresh connection
            // gets the shell, as a new `ssh` would.
            if (shell && m_result.reusedConnection && ssh_is_connected(m_connection->session()) && takeRefusalRetry()) {
                qCDebug(lcSsh) << "shell refused on a reused connection, retrying on a new one:" << why;
                freeChannel();
                m_requestsDone = 0;
                m_columns = m_rows = 0;
                m_phase = Phase::WaitingForConnection;
                retryOnNewConnection();
                return;
            }
            finish(HostOutcome::Failed, FailureKind::Channel,
                   shell ? QCoreApplication::translate("RemoteCommand", "the server refused a shell: %1").arg(why)
                         : QCoreApplication::translate("RemoteCommand", "the server refused to run the command: %1")
                               .arg(why));
            return;
        }
        const qint64 now = SshWorker::nowUs();
        if (m_run->request.commandTimeoutMs > 0)
            m_commandDeadlineUs = now + qint64(m_run->request.commandTimeoutMs) * 1000;
        m_phase = Phase::Running;
        terminalResized();
        m_worker->reportState(this, HostState::Running);
        // Without input, commands get an empty stdin, as with `ssh host cmd < /dev/null`; under sudo,
        // stdin stays open until sudo has had its password.
        if (!m_run->request.sudo && !m_run->request.input && !shell)
            sendStdinEof();
        if (m_stopOutcome != HostOutcome::Ok)
            stopRemote(m_stopOutcome, m_stopReason);
        return;
    }
    case Phase::Running:
    case Phase::Closing:
        if (m_throttled)
            drainBuffered();
        if (m_phase == Phase::Running)
            feedInput();
        if (m_remoteClosed && !m_throttled) {
            if (m_stopOutcome != HostOutcome::Ok)
                finish(m_stopOutcome, m_stopFailure, m_stopReason);
            else if (m_result.exitStatus == 0 && m_result.exitSignal.isEmpty())
                finish(HostOutcome::Ok, FailureKind::None, QString());
            else if (m_result.exitStatus < 0 && m_result.exitSignal.isEmpty())
                finish(HostOutcome::Failed, FailureKind::Channel,
                       QCoreApplication::translate("RemoteCommand",
                                                   "the channel closed without an exit status"));
            else
                finish(HostOutcome::NonZeroExit, FailureKind::None, QString());
        }
        return;
    default:
        return;
    }
}

// Under sudo, two random markers: sudo prints the first as its prompt, and the wrapper prints the
// second on stderr once sudo has let it run, before the command starts. The password goes out only
// for a prompt that comes before the second marker: a command (NOPASSWD, or one that found the
// marker in the process list) that prints the prompt marker itself never gets it.
// The PTY and the variables are asked for before the command, one request at a time (a channel has one
// pending request in libssh). True once all are answered; a refused variable is only a warning.
bool RemoteCommand::prepareChannel()
{
    const RunRequest &request = m_run->request;
    while (m_requestsDone <= request.environment.size()) {
        int rc = SSH_OK;
        if (m_requestsDone == 0) {
            if (request.shell) {
                // The size goes out with the first call; later calls (SSH_AGAIN) only wait for the
                // answer, so a resize meanwhile is sent once the shell runs (terminalResized()).
                if (m_columns == 0) {
                    m_columns = m_run->terminalColumns.load();
                    m_rows = m_run->terminalRows.load();
                }
                rc = ssh_channel_request_pty_size(m_channel, "xterm-256color", m_columns, m_rows);
            }
            else if (request.pty)
                rc = ssh_channel_request_pty_size(m_channel, "xterm", 80, 24);
        } else {
            const QPair<QString, QString> &variable = request.environment.at(m_requestsDone - 1);
            rc = ssh_channel_request_env(m_channel, variable.first.toUtf8().constData(),
                                         variable.second.toUtf8().constData());
        }
        if (rc == SSH_AGAIN)
            return false;
        if (rc != SSH_OK && !ssh_is_connected(m_connection->session())) {
            connectionLost();
            return false;
        }
        if (rc != SSH_OK && m_requestsDone == 0) {
            finish(HostOutcome::Failed, FailureKind::Channel,
                   QCoreApplication::translate("RemoteCommand", "the server refused a terminal (PTY): %1")
                       .arg(printable(QString::fromUtf8(ssh_get_error(m_connection->session())))));
            return false;
        }
        if (rc != SSH_OK) {
            const QString warning =
                QCoreApplication::translate("RemoteCommand",
                                            "the server did not accept the variable %1 (see AcceptEnv in its sshd_config)")
                    .arg(request.environment.at(m_requestsDone - 1).first);
            m_result.warnings.append(warning);
            m_result.log.append(warning);
        }
        ++m_requestsDone;
    }
    return true;
}

QString RemoteCommand::wrappedCommand() const
{
    const QString &command = m_run->request.command;
    // On a terminal the output would come with "\r\n" line ends (ONLCR): the same command's output
    // must read the same with --tty as without. (libssh 0.10 cannot send terminal modes.)
    const QString terminal = m_run->request.pty ? QStringLiteral("stty -onlcr 2>/dev/null; ") : QString();
    if (m_sudoMarker.isEmpty())
        return terminal + command;
    return terminal
        + QStringLiteral("sudo -S -p %1 -- sh -c %2 %3 %4")
              .arg(shellQuote(QString::fromLatin1(m_sudoMarker)),
                   shellQuote(QStringLiteral("printf %s \"$0\" >&2; exec sh -c \"$1\"")),
                   shellQuote(QString::fromLatin1(m_sudoRunning)), shellQuote(command));
}

int RemoteCommand::onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *self)
{
    auto *command = static_cast<RemoteCommand *>(self);
    return int(command->take(isStderr != 0, static_cast<const char *>(data), len));
}

// Takes what the caller has room for (SshWorker::outputCredit); the rest stays in libssh's buffer,
// which keeps the SSH window shut until the caller has caught up, so a flood costs no memory. While
// the command is being stopped everything is taken, and what does not fit is only counted, so the
// channel can drain and close at once.
qint64 RemoteCommand::take(bool isStderr, const char *data, qint64 length)
{
    const qint64 credit = m_worker->outputCredit(this);
    const qint64 kept = qMin(length, credit);
    if (kept > 0)
        received(isStderr, QByteArray(data, qsizetype(kept)));
    if (kept == length)
        return length;
    if (m_phase == Phase::Closing) {
        (isStderr ? m_result.stderrBytes : m_result.stdoutBytes) += length - kept;
        return length;
    }
    setThrottled(true);
    return kept;
}

// Credit came back: what libssh holds for this channel is read now (libssh offers it again only
// when the next packet arrives, and none will while the window is shut). Only all of it at once:
// every ssh_channel_read reopens the window by up to 1.28 MB ("some buffering while the application
// is busy"), so reading less than is buffered would let the buffer grow without end.
void RemoteCommand::drainBuffered()
{
    setThrottled(false);
    for (const bool isStderr : {false, true}) {
        if (!m_channel || m_throttled)
            return;
        const int buffered = ssh_channel_poll(m_channel, isStderr);
        if (buffered <= 0)
            continue;
        if (m_phase != Phase::Closing && m_worker->outputCredit(this) < buffered) {
            setThrottled(true);
            return;
        }
        QByteArray data(buffered, Qt::Uninitialized);
        qsizetype got = 0;
        while (got < buffered && m_channel) {
            const int n = ssh_channel_read_nonblocking(m_channel, data.data() + got, uint32_t(buffered - got), isStderr);
            if (n <= 0)
                break;
            got += n;
        }
        if (got > 0)
            take(isStderr, data.constData(), got);
    }
}

// The run's input, from this host's offset, as far as the channel's window lets it; its end sends EOF.
// Under sudo it waits until sudo has had its password and let the command run.
void RemoteCommand::feedInput()
{
    if (!m_run->request.input || m_eofSent || (!m_sudoMarker.isEmpty() && !m_sudoDone))
        return;
    RunShared::Input &input = m_run->input;
    bool wrote = false;
    for (;;) {
        QByteArray chunk;
        qint64 chunkStart = 0;
        bool ended = false;
        {
            QMutexLocker lock(&input.mutex);
            qint64 start = input.base;
            for (const QByteArray &c : input.chunks) {
                if (m_inputOffset < start + c.size()) {
                    chunk = c; // shared, not copied
                    chunkStart = start;
                    break;
                }
                start += c.size();
            }
            ended = chunk.isNull() && input.closed && m_inputOffset >= input.end;
        }
        if (ended) {
            sendStdinEof();
            doneWithInput();
            break;
        }
        if (chunk.isNull())
            break; // nothing new yet
        const qint64 at = m_inputOffset - chunkStart;
        const int n = ssh_channel_write(m_channel, chunk.constData() + at, uint32_t(chunk.size() - at));
        if (n <= 0)
            break; // the window is full: on again when the server opens it
        m_inputOffset += n;
        m_lastInputByte = chunk.at(at + n - 1);
        m_run->inputOffsets[size_t(m_host)].store(m_inputOffset);
        wrote = true;
    }
    if (wrote)
        m_worker->reportInputWritten();
}

// This host takes no more input (all of it written, or the command ended): it no longer holds the
// others back.
void RemoteCommand::doneWithInput()
{
    if (!m_run->request.input || m_run->inputOffsets[size_t(m_host)].load() < 0)
        return;
    m_run->inputOffsets[size_t(m_host)].store(-1);
    m_worker->reportInputWritten();
}

void RemoteCommand::setThrottled(bool throttled)
{
    if (throttled != m_throttled) {
        m_throttled = throttled;
        m_worker->noteThrottled(throttled ? 1 : -1);
    }
}

void RemoteCommand::onEof(ssh_session, ssh_channel, void *) {}

void RemoteCommand::onClose(ssh_session, ssh_channel, void *self)
{
    static_cast<RemoteCommand *>(self)->m_remoteClosed = true;
}

// The first status counts: a server (or whatever sits in its place) that sends another one, or one
// after it closed the channel, does not get to change how the command ended.
void RemoteCommand::onExitStatus(ssh_session, ssh_channel, int status, void *self)
{
    auto *command = static_cast<RemoteCommand *>(self);
    if (command->m_remoteClosed || command->m_result.exitStatus >= 0 || !command->m_result.exitSignal.isEmpty())
        return;
    command->m_result.exitStatus = status;
    command->m_result.times.exited = command->rel(SshWorker::nowUs());
}

void RemoteCommand::onExitSignal(ssh_session, ssh_channel, const char *signal, int core, const char *, const char *,
                                 void *self)
{
    auto *command = static_cast<RemoteCommand *>(self);
    if (command->m_remoteClosed || command->m_result.exitStatus >= 0 || !command->m_result.exitSignal.isEmpty())
        return;
    // A signal name is a short word ("TERM"); anything else from the server is shown made printable.
    command->m_result.exitSignal = printable(QByteArrayView(signal ? signal : ""), 32);
    command->m_result.coreDumped = core != 0;
    command->m_result.times.exited = command->rel(SshWorker::nowUs());
}

void RemoteCommand::received(bool isStderr, const QByteArray &data)
{
    if (m_result.times.firstByte < 0)
        m_result.times.firstByte = rel(SshWorker::nowUs());
    // On a terminal sudo's prompt comes with stdout.
    if (!m_sudoMarker.isEmpty() && !m_sudoDone && (isStderr || m_run->request.pty)) {
        handleSudoOutput(isStderr, data);
        return;
    }
    keep(isStderr, data);
}

// Every byte goes to the caller; the result keeps up to the limit and counts the rest, so
// truncation is always visible.
void RemoteCommand::keep(bool isStderr, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    QByteArray &stored = isStderr ? m_result.stderrData : m_result.stdoutData;
    qint64 &total = isStderr ? m_result.stderrBytes : m_result.stdoutBytes;
    total += data.size();
    const qint64 room = m_run->request.outputLimit - stored.size();
    if (room > 0)
        stored.append(data.constData(), qsizetype(qMin<qint64>(room, data.size())));
    (isStderr ? m_pendingErr : m_pendingOut).append(data);
    m_worker->reportOutput(this, data.size());
}

// Until the second marker (the command starts), stderr is sudo's (on a terminal, stdout too): its prompt marker asks for the
// password, a second prompt means the password was wrong. Both markers are removed from what the user
// sees; what follows the second marker is the command's own stderr, passed through as it is.
void RemoteCommand::handleSudoOutput(bool isStderr, const QByteArray &data)
{
    m_sudoCarry += data;
    for (;;) {
        const qsizetype prompt = m_sudoCarry.indexOf(m_sudoMarker);
        const qsizetype running = m_sudoCarry.indexOf(m_sudoRunning);
        if (running >= 0 && (prompt < 0 || running < prompt)) {
            keep(isStderr, m_sudoCarry.left(running));
            const QByteArray rest = m_sudoCarry.mid(running + m_sudoRunning.size());
            m_sudoCarry.clear();
            m_sudoDone = true;
            m_sudoAsking = false; // a question still open is moot: the command runs
            if (!m_run->request.input)
                sendStdinEof(); // else feedInput() goes on from here
            keep(isStderr, rest);
            return;
        }
        if (prompt < 0)
            break;
        keep(isStderr, m_sudoCarry.left(prompt));
        m_sudoCarry.remove(0, prompt + m_sudoMarker.size());
        ++m_sudoPrompts;
        if (m_sudoPrompts > 1 || m_sudoPasswordSent) {
            m_stopFailure = FailureKind::Sudo;
            stopRemote(HostOutcome::Failed,
                       QCoreApplication::translate("RemoteCommand", "sudo refused the password"));
            m_sudoCarry.clear();
            return;
        }
        m_sudoAsking = true;
        m_worker->ask(SecretRequest{m_run->id, m_host, target().name, target().user, SecretKind::Sudo, QString(),
                                    false, target().profile});
    }
    // Keep back only what could still become one of the markers.
    qsizetype keepBack = 0;
    for (const QByteArray &marker : {m_sudoMarker, m_sudoRunning}) {
        for (qsizetype n = qMin(m_sudoCarry.size(), marker.size() - 1); n > keepBack; --n) {
            if (m_sudoCarry.endsWith(marker.left(n))) {
                keepBack = n;
                break;
            }
        }
    }
    keep(isStderr, m_sudoCarry.left(m_sudoCarry.size() - keepBack));
    m_sudoCarry.remove(0, m_sudoCarry.size() - keepBack);
}

void RemoteCommand::provideSudoPassword(const QByteArray &secret, bool given)
{
    if (!m_sudoAsking || m_sudoDone || m_phase != Phase::Running)
        return;
    m_sudoAsking = false;
    if (!given) {
        m_stopFailure = FailureKind::Sudo;
        stopRemote(HostOutcome::Failed,
                   QCoreApplication::translate("RemoteCommand", "no sudo password given"));
        return;
    }
    QByteArray line = secret + '\n';
    ssh_channel_write(m_channel, line.constData(), uint32_t(line.size()));
    memset(line.data(), 0, size_t(line.size()));
    m_sudoPasswordSent = true;
}

void RemoteCommand::sendStdinEof()
{
    if (m_eofSent || !m_channel)
        return;
    m_eofSent = true;
    if (m_run->request.pty) {
        // On a terminal the end of input is the EOF character read at the start of a line, not the
        // channel's EOF (which sshd does not pass to a terminal): one more first ends a partial line.
        const QByteArray eof = m_lastInputByte == '\n' ? QByteArray("\x04") : QByteArray("\x04\x04");
        ssh_channel_write(m_channel, eof.constData(), uint32_t(eof.size()));
    }
    ssh_channel_send_eof(m_channel);
}

QByteArray RemoteCommand::takePending(bool isStderr)
{
    QByteArray &pending = isStderr ? m_pendingErr : m_pendingOut;
    QByteArray taken;
    taken.swap(pending);
    return taken;
}

qint64 RemoteCommand::nextDeadlineUs() const
{
    if (m_phase == Phase::Closing)
        return m_killDeadlineUs;
    if (m_phase == Phase::Running && !m_sudoAsking)
        return m_commandDeadlineUs;
    return 0;
}

void RemoteCommand::checkDeadline(qint64 now)
{
    const qint64 deadline = nextDeadlineUs();
    if (deadline == 0 || now < deadline)
        return;
    if (m_phase == Phase::Closing) {
        // The command ignored the signal: close the channel; sshd then hangs up on it.
        finish(m_stopOutcome, m_stopFailure, m_stopReason);
        return;
    }
    stopRemote(HostOutcome::TimedOut, QCoreApplication::translate("RemoteCommand", "command timeout (%1 s)")
                                          .arg(m_run->request.commandTimeoutMs / 1000.0));
}

// Asks the server to send TERM to the remote command, then closes the channel after a grace
// period if it is still there.
void RemoteCommand::stopRemote(HostOutcome outcome, const QString &why)
{
    if (m_phase == Phase::Done)
        return;
    if (m_stopOutcome == HostOutcome::Ok) {
        m_stopOutcome = outcome;
        m_stopReason = why;
    }
    if (m_phase != Phase::Running)
        return; // applied once the command runs (or never, if it never does)
    ssh_channel_request_send_signal(m_channel, "TERM");
    sendStdinEof();
    m_phase = Phase::Closing;
    m_killDeadlineUs = SshWorker::nowUs() + killGraceUs;
}

// A window-change request when the run's size (RunShared::terminalColumns) is not the one the host
// has: no answer is asked for, so it never waits. A resize that came while the PTY request was still
// out is sent once it is answered (step()).
void RemoteCommand::terminalResized()
{
    if (!m_run->request.shell || !m_channel || m_requestsDone == 0
        || (m_phase != Phase::Executing && m_phase != Phase::Running))
        return;
    const int columns = m_run->terminalColumns.load();
    const int rows = m_run->terminalRows.load();
    if (columns == m_columns && rows == m_rows)
        return;
    // While another request (env, shell) waits for its answer libssh sends nothing and says
    // SSH_AGAIN: the size is kept as unsent and goes out when the shell runs.
    if (ssh_channel_change_pty_size(m_channel, columns, rows) != SSH_OK)
        return;
    m_columns = columns;
    m_rows = rows;
}

void RemoteCommand::cancel()
{
    switch (m_phase) {
    case Phase::Queued:
    case Phase::WaitingForConnection:
        finish(HostOutcome::Cancelled, FailureKind::None, unstartedReason());
        return;
    case Phase::Opening:
    case Phase::Executing:
        m_stopOutcome = HostOutcome::Cancelled;
        m_stopReason = QCoreApplication::translate("RemoteCommand", "cancelled");
        return;
    case Phase::Running:
        // Closing a terminal hangs up at once, as closing an ssh window does: sshd sends the shell SIGHUP.
        if (m_run->request.shell)
            finish(HostOutcome::Cancelled, FailureKind::None, QCoreApplication::translate("RemoteCommand", "closed"));
        else
            stopRemote(HostOutcome::Cancelled, QCoreApplication::translate("RemoteCommand", "cancelled"));
        return;
    case Phase::Closing:
    case Phase::Done:
        return;
    }
}

void RemoteCommand::connectionLost()
{
    if (m_phase == Phase::Done)
        return;
    // The connection's own account when it has one: through a jump host it names the hop that failed.
    const SshConnection *lost = connection();
    const QString why = lost && lost->isDead() && !lost->error.isEmpty()
                            ? lost->error
                            : QCoreApplication::translate("RemoteCommand", "connection lost");
    finish(m_stopOutcome != HostOutcome::Ok ? m_stopOutcome : HostOutcome::Failed, FailureKind::Connect,
           m_stopOutcome != HostOutcome::Ok ? m_stopReason : why);
}

void RemoteCommand::finish(HostOutcome outcome, FailureKind failure, const QString &error)
{
    if (m_phase == Phase::Done)
        return;
    stopWaiting();
    // Whatever sudo held back that was not its marker belongs to the user.
    if (!m_sudoCarry.isEmpty()) {
        keep(true, m_sudoCarry);
        m_sudoCarry.clear();
    }
    freeChannel();
    setThrottled(false);
    doneWithInput();
    m_phase = Phase::Done;
    m_result.outcome = outcome;
    m_result.failure = failure;
    m_result.error = error;
    m_result.times.finished = rel(SshWorker::nowUs());
    m_worker->reportFinished(this);
}

void RemoteCommand::freeChannel()
{
    if (!m_channel)
        return;
    ssh_remove_channel_callbacks(m_channel, &m_callbacks);
    closeAndFreeChannel(m_channel);
    m_channel = nullptr;
    if (m_connection)
        m_connection->channelClosed(SshWorker::nowUs());
}

} // namespace Chorus
