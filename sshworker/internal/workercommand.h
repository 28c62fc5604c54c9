#pragma once

#include "sshworker/internal/enginebuild.h"
#include "sshworker/internal/runshared.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <memory>

namespace Chorus {

// A request handed to a worker thread through its queue. Value type.
struct WorkerCommand
{
    enum class Type
    {
        StartHost,
        CancelRun,
        CancelHost,
        HostKeyAnswer,
        Secret,
        Resize,    // a terminal's new size (RunRequest::shell)
        Resolved,  // a name resolution finished (from the resolver thread pool)
        Hashed,    // a local file's SHA-256 is known (from the thread pool)
        Shutdown,
    };
    Type type = Type::StartHost;
    std::shared_ptr<RunShared> run; // StartHost
    RunId runId = 0;
    int host = -1;
    bool flag = false;              // HostKeyAnswer: accepted; Secret: given
    QByteArray secret;
    quint64 connectionSerial = 0;   // Resolved
    QList<QHostAddress> addresses;  // Resolved
    QString error;                  // Resolved, Hashed
    quint64 ticket = 0;             // Hashed: which request of the job it answers
    QByteArray checksum;            // Hashed: hex SHA-256, empty on error
};

} // namespace Chorus
