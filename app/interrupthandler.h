#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace Chorus {

class WorkerPool;
struct PoolSettings;

// Ctrl+C, SIGTERM and SIGHUP for the subcommands that reach hosts (RunCli, TransferCli): the signal
// handler only writes a byte to a socket pair, and interrupted() is emitted from the event loop, where
// cancelling is safe. One-shot: a second Ctrl+C ends the program the hard way if cancelling hangs. No
// SA_RESTART, so a password prompt waiting for input gives up on Ctrl+C.
class InterruptHandler : public QObject
{
    Q_OBJECT
public:
    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

    // Creates the pool with the signals blocked, so its worker threads (which inherit the mask) never
    // get them and never have a poll() interrupted, then starts catching them in this thread.
    std::unique_ptr<WorkerPool> startPool(const PoolSettings &settings);

Q_SIGNALS:
    void interrupted();

private:
    void install();
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Chorus
