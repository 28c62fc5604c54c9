#include "app/interrupthandler.h"

#include "sshworker/workerpool.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <atomic>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Chorus {

namespace {

// [0] is written by the signal handler, [1] read by the event loop.
int g_signalPipe[2] = {-1, -1};
std::atomic<int> g_signals{0};
// Translated when the handler is installed: a signal handler may only write(), not translate.
QByteArray g_lastWords;

void onSignal(int signal)
{
    if (g_signals.fetch_add(1) >= 2) {
        [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, g_lastWords.constData(), size_t(g_lastWords.size()));
        ::_exit(128 + signal);
    }
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
    if (m_notifier || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_signalPipe) != 0)
        return;
    g_lastWords = QCoreApplication::translate("InterruptHandler",
                                              "chorus: a third signal: stopping at once, without cleaning up\n")
                      .toLocal8Bit();
    m_notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptHandler::drain);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    for (const int signal : HandledSignals)
        ::sigaction(signal, &action, nullptr);
}

void InterruptHandler::drain()
{
    char byte;
    while (::read(g_signalPipe[1], &byte, 1) > 0) {
        if (m_count < 2)
            Q_EMIT interrupted(++m_count);
    }
}

} // namespace Chorus
