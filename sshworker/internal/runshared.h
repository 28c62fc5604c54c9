#pragma once

#include "model/core/runrequest.h"
#include "sshworker/internal/enginebuild.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>

namespace Chorus {

// What every worker knows about one run. Shared (std::shared_ptr) between the workers
// that serve its hosts; the request is immutable, the counters are atomic.
struct RunShared
{
    RunId id = 0;
    RunRequest request;
    qint64 startUs = 0;                // steady clock
    std::atomic<int> freeSlots{0};     // fanout not in use
    std::atomic<bool> cancelled{false};
    // Per host: output taken from the host and not yet delivered to the caller (SshWorker::outputCredit).
    std::unique_ptr<std::atomic<qint64>[]> undelivered;
    // Transfers: SHA-256 of local files, cached per run by whichever worker hashes it first (the mutex guards the cache only).
    QMutex checksumMutex;
    QHash<QString, QByteArray> localChecksums;
};

} // namespace Chorus
