#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace Chorus {

class WorkerPool;
struct PoolSettings;

// Ctrl+C, SIGTERM and SIGHUP, for the GUI and for the subcommands that reach hosts. The signal handler
// only writes a byte to a socket pair; interrupted() is emitted from the event loop, where cancelling
// and closing windows is safe. The first and second signal both arrive there, so a second Ctrl+C (or
// `timeout` sending TERM twice) never skips the cleanup that removes half-copied files and prints what
// was gathered; a third ends the program at once from the handler, saying so. No SA_RESTART, so a
// password prompt waiting for input gives up on Ctrl+C.
class InterruptHandler : public QObject
{
    Q_OBJECT
public:
    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

    // Creates the pool with the signals blocked, so its worker threads (which inherit the mask) never
    // get them and never have a poll() interrupted, then starts catching them in this thread.
    std::unique_ptr<WorkerPool> startPool(const PoolSettings &settings);
    // Starts catching them, for a program that has made its threads already.
    void install();

Q_SIGNALS:
    // count: 1 for the first signal, 2 for the second.
    void interrupted(int count);

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace Chorus
