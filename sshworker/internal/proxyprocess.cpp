#include "sshworker/internal/proxyprocess.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <spawn.h>
#include <sys/socket.h>
#include <unistd.h>

extern char **environ;

namespace Chorus {

ProxyProcess::~ProxyProcess()
{
    terminate();
}

int ProxyProcess::start(const QString &command, QString *error)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        *error = QCoreApplication::translate("ProxyProcess", "cannot start the ProxyCommand: %1")
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        return -1;
    }
    QByteArray shell = qgetenv("SHELL");
    if (shell.isEmpty())
        shell = "/bin/sh";
    const QByteArray script = "exec " + command.toUtf8();
    char *argv[] = {shell.data(), const_cast<char *>("-c"), const_cast<char *>(script.constData()), nullptr};

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_adddup2(&files, pair[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&files, pair[1], STDOUT_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD})
        sigaddset(&defaults, signal);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    const int rc = posix_spawn(&m_pid, shell.constData(), &files, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attributes);
    ::close(pair[1]);
    if (rc != 0) {
        m_pid = 0;
        ::close(pair[0]);
        *error = QCoreApplication::translate("ProxyProcess", "cannot start the ProxyCommand with %1: %2")
                     .arg(QString::fromLocal8Bit(shell), QString::fromLocal8Bit(strerror(rc)));
        return -1;
    }
    return pair[0];
}

pid_t ProxyProcess::terminate()
{
    const pid_t pid = m_pid;
    if (pid > 0)
        ::kill(-pid, SIGTERM);
    m_pid = 0;
    return pid;
}

} // namespace Chorus
