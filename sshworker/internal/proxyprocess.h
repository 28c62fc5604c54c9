#pragma once

#include "sshworker/internal/enginebuild.h"

#include <QString>

#include <sys/types.h>

namespace Chorus {

// An ssh_config ProxyCommand, run as OpenSSH runs it (`exec COMMAND` under the user's $SHELL, or
// /bin/sh), with its stdin and stdout on one end of a socket pair whose other end carries the SSH
// session. Chorus starts it itself rather than through libssh, whose child inherits the worker
// thread's signal mask (SIGTERM and SIGINT blocked, so a proxy such as `nc` could never be stopped)
// and whose disconnect then waits for it without bound. Here the child gets an empty signal mask
// and a process group of its own, and ending it never blocks: terminate() signals the group, and
// the worker reaps it later (SshWorker::reap), killing what is still there after a grace period.
class ProxyProcess
{
public:
    ProxyProcess() = default;
    ~ProxyProcess();
    ProxyProcess(const ProxyProcess &) = delete;
    ProxyProcess &operator=(const ProxyProcess &) = delete;

    // Returns the descriptor for the session (SshConnection::closeSession closes it, or libssh after
    // a failure), or -1 with *error.
    int start(const QString &command, QString *error);
    // SIGTERM to the process group; returns the pid for the worker to reap (0 when none).
    pid_t terminate();

private:
    pid_t m_pid = 0;
};

} // namespace Chorus
