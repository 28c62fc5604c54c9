#pragma once

#include "model/core/hosttarget.h"
#include "model/core/transferspec.h"

#include <QList>
#include <QMetaType>
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
    // When set, the run copies files over SFTP instead of running the command.
    std::optional<TransferSpec> transfer;
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::RunRequest)
