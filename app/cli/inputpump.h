#pragma once

#include "model/core/runrequest.h"

#include <QObject>

class QSocketNotifier;
class QTimer;

namespace Chorus {

class WorkerPool;

// Feeds `chorus run`'s own stdin to every host's command while a run goes on: read in 64 KiB pieces
// only while the engine holds less than the backlog limit for the slowest host still taking input
// (WorkerPool::inputBacklog), so a stream of any size passes with bounded memory. A host that is not
// reading (yet) holds nobody back while the input is within the limit; past it, the reading waits for
// the slowest host rather than filling memory. The end of stdin closes the input.
class InputPump : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 BacklogLimit = 16 * 1024 * 1024;

    InputPump(WorkerPool *pool, RunId run, QObject *parent = nullptr);
    // Starts reading fd (stdin); done() once it has reached its end (or failed: error set).
    void start(int fd);

Q_SIGNALS:
    void done(const QString &error);

private:
    void pump();

    WorkerPool *m_pool;
    RunId m_run;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr; // pipes, sockets, terminals
    QTimer *m_timer = nullptr;             // regular files, which are always ready
    bool m_finished = false;
};

} // namespace Chorus
