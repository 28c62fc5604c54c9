#include "app/cli/terminalprompt.h"

#include "app/cli/clioutput.h"

#include <QProcess>

#include <cerrno>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace Chorus {

namespace {

// Byte by byte, so nothing after the newline is taken from the stream. EINTR ends the reading:
// the signal handlers are installed without SA_RESTART so that Ctrl+C reaches here.
bool readLineFrom(int fd, QByteArray *line)
{
    line->clear();
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0)
            return false;
        if (n == 0)
            return !line->isEmpty();
        if (c == '\n')
            return true;
        line->append(c);
    }
}

} // namespace

bool TerminalPrompt::isInteractive()
{
    return ::isatty(STDIN_FILENO) == 1;
}

bool TerminalPrompt::readSecret(const QString &prompt, QByteArray *secret)
{
    return ask(prompt, false, secret);
}

bool TerminalPrompt::readAnswer(const QString &prompt, QByteArray *answer)
{
    return ask(prompt, true, answer);
}

bool TerminalPrompt::ask(const QString &prompt, bool echo, QByteArray *secret)
{
    secret->clear();
    int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    const bool ownFd = fd >= 0;
    if (!ownFd) {
        if (!isInteractive())
            return false;
        fd = STDIN_FILENO;
    }
    termios saved = {};
    const bool isTerminal = !echo && ::tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL; // the newline still shows, so the next output starts on its own line
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    CliOutput::writeAll(ownFd ? fd : STDERR_FILENO, prompt.toLocal8Bit());
    QByteArray line;
    const bool ok = readLineFrom(fd, &line);
    if (isTerminal)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    if (!ok)
        CliOutput::writeAll(ownFd ? fd : STDERR_FILENO, QByteArrayLiteral("\n"));
    if (ownFd)
        ::close(fd);
    if (!ok) {
        line.fill(0);
        return false;
    }
    *secret = line;
    line.fill(0);
    return true;
}

bool TerminalPrompt::readLine(QByteArray *line)
{
    return readLineFrom(STDIN_FILENO, line);
}

bool TerminalPrompt::useAskPass()
{
    const QByteArray program = qgetenv("SSH_ASKPASS");
    const QByteArray require = qgetenv("SSH_ASKPASS_REQUIRE").toLower();
    if (program.isEmpty() || require == "never")
        return false;
    if (require == "force")
        return true;
    return !isInteractive() && (qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY"));
}

bool TerminalPrompt::askPass(const QString &prompt, QByteArray *answer)
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QString::fromLocal8Bit(qgetenv("SSH_ASKPASS")), {prompt});
    // A person is answering: no time limit, as ssh has none.
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return false;
    QByteArray out = process.readAllStandardOutput();
    const qsizetype end = out.indexOf('\n');
    *answer = end < 0 ? out : out.left(end);
    if (answer->endsWith('\r'))
        answer->chop(1);
    out.fill(0);
    return true;
}

} // namespace Chorus
