#pragma once

#include "model/core/hosttarget.h"
#include "model/core/transferspec.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>

namespace Chorus {

using RunId = quint64;

// One command (or file transfer) to run on a set of hosts, and how. A value type handed to the engine.
struct RunRequest
{
    QString command;
    QList<HostTarget> hosts;
    int fanout = 64;             // hosts in flight at once
    int commandTimeoutMs = 0;    // 0: no limit
    bool sudo = false;           // run under `sudo -S`; the password is asked for through the engine's secret requests
    qint64 outputLimit = 8 * 1024 * 1024; // bytes kept in the result per host and stream; every byte is delivered
    // The caller streams input to every host's command (WorkerPool::writeInput, then closeInput);
    // without it each command gets an empty stdin, as with `ssh host cmd < /dev/null`. Input is kept
    // until every host has written it, hosts not started yet included: a caller with more hosts than
    // fanout gives the whole input before it waits for room (WorkerPool::inputBacklog).
    bool input = false;
    // The local script whose bytes are the input (ScriptRun): kept for the record, so the history
    // shows the run as what it was and running it again reads the file again.
    QString script;
    bool pty = false; // run the command on a terminal (stderr then comes with stdout)
    // An interactive login shell instead of the command: a terminal (xterm-256color, columns x rows,
    // WorkerPool::resizeTerminal) with the caller's input as its keystrokes (as with `input`, never
    // closed by the engine). Its output is held against the host's credit until the caller says it has
    // consumed it (WorkerPool::outputConsumed), so a slow terminal slows the host instead of growing
    // a queue: `cat` of a huge file waits for the screen, as in any terminal.
    bool shell = false;
    int columns = 80;
    int rows = 24;
    // Variables for the command, sent with SetEnv before it starts; the server's AcceptEnv decides, and a
    // refusal is a warning in the host's result.
    QList<QPair<QString, QString>> environment;
    // Once a host has not succeeded, hosts not yet started end cancelled instead (pdsh's -k).
    bool failFast = false;
    // When set, the run copies files over SFTP instead of running the command.
    std::optional<TransferSpec> transfer;
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::RunRequest)
