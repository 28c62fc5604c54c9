#pragma once

#include "model/core/hostevents.h"
#include "model/core/hostresult.h"
#include "sshworker/internal/enginebuild.h"

#include <QList>

#include <variant>

namespace Chorus {

// What a worker reports in one go, in the order things happened for each host.
struct WorkerBatch
{
    struct StateChange
    {
        RunId run;
        int host;
        HostState state;
    };
    struct Finished
    {
        RunId run;
        int host;
        HostResult result;
    };
    // A transfer's bytes so far, at most every ~100 ms per host.
    struct Progress
    {
        RunId run;
        int host;
        qint64 done;
        qint64 total;
    };
    using Event = std::variant<OutputChunk, StateChange, Finished, HostKeyQuestion, SecretRequest, Progress>;
    QList<Event> events;
    int worker = 0;
    int openConnections = 0;
    qint64 outputBytes = 0;
    bool inputWritten = false; // some host wrote some of its run's input

};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::WorkerBatch)
