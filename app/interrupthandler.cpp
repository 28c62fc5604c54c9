#include "interrupthandler.h"

#include "workerpool.h"

#include <QSocketNotifier>

#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Chorus {

namespace {

// [0] is written by the signal handler, [1] read by the event loop.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[0], &byte, 1);
}

constexpr int HandledSignals[] = {SIGINT, SIGTERM, SIGHUP};

} // namespace

InterruptHandler::InterruptHandler(QObject *parent) : QObject(parent) {}

InterruptHandler::~InterruptHandler() = default;

std::unique_ptr<WorkerPool> InterruptHandler::startPool(const PoolSettings &settings)
{
    sigset_t signals;
    sigemptyset(&signals);
    for (const int signal : HandledSignals)
        sigaddset(&signals, signal);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    auto pool = std::make_unique<WorkerPool>(settings);
    install();
    pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    return pool;
}

void InterruptHandler::install()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_signalPipe) != 0)
        return;
    m_notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptHandler::drain);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (const int signal : HandledSignals)
        ::sigaction(signal, &action, nullptr);
}

void InterruptHandler::drain()
{
    char byte;
    while (::read(g_signalPipe[1], &byte, 1) > 0) {
    }
    Q_EMIT interrupted();
}

} // namespace Chorus
