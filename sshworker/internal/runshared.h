#pragma once

#include "model/core/runrequest.h"
#include "sshworker/internal/enginebuild.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <deque>
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
    std::atomic<bool> stopStarting{false}; // RunRequest::failFast, once a host has not succeeded
    std::atomic<bool> cancelled{false};
    // A shell's terminal size as the caller last gave it (WorkerPool::resizeTerminal): read when the
    // PTY is asked for, so a resize that comes while the host still waits for its turn is not lost.
    std::atomic<int> terminalColumns{80};
    std::atomic<int> terminalRows{24};
    // Per host: output taken from the host and not yet delivered to the caller (SshWorker::outputCredit).
    std::unique_ptr<std::atomic<qint64>[]> undelivered;

    // The caller's input for every host's command (RunRequest::input). The pool appends chunks and
    // drops the ones every host has written; each host's job writes from its own offset.
    struct Input
    {
        QMutex mutex;
        std::deque<QByteArray> chunks;
        qint64 base = 0; // stream offset of chunks.front()
        qint64 end = 0;  // stream offset after the last chunk
        bool closed = false;
    };
    Input input;
    // Per host: how much of the input it has written; -1 once it takes no more (done, or failed).
    std::unique_ptr<std::atomic<qint64>[]> inputOffsets;
    // Transfers: SHA-256 of local files, cached per run by whichever worker hashes it first (the mutex guards the cache only).
    QMutex checksumMutex;
    QHash<QString, QByteArray> localChecksums;
};

} // namespace Chorus
