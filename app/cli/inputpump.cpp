#include "app/cli/inputpump.h"

#include "sshworker/workerpool.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Chorus {

InputPump::InputPump(WorkerPool *pool, RunId run, QObject *parent) : QObject(parent), m_pool(pool), m_run(run)
{
    connect(pool, &WorkerPool::inputWritten, this, [this](RunId run) {
        if (run == m_run && !m_finished)
            pump();
    });
}

void InputPump::start(int fd)
{
    m_fd = fd;
    struct stat st{};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        m_timer = new QTimer(this);
        m_timer->setInterval(0);
        connect(m_timer, &QTimer::timeout, this, &InputPump::pump);
    } else {
        m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &InputPump::pump);
    }
    pump();
}

void InputPump::pump()
{
    if (m_finished)
        return;
    const bool room = m_pool->inputBacklog(m_run) < BacklogLimit;
    // Without room, wait for inputWritten: the hosts are still writing what they have.
    if (m_notifier)
        m_notifier->setEnabled(room);
    if (m_timer) {
        if (room)
            m_timer->start();
        else
            m_timer->stop();
    }
    if (!room)
        return;
    // Called for room as well as for data: never block the event loop on a pipe with nothing in it
    // (stdin stays blocking; it may be shared with other processes).
    pollfd ready{m_fd, POLLIN, 0};
    if (m_notifier && ::poll(&ready, 1, 0) == 0)
        return;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    const ssize_t n = ::read(m_fd, buffer.data(), size_t(buffer.size()));
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n > 0) {
        buffer.truncate(n);
        m_pool->writeInput(m_run, buffer);
        return;
    }
    m_finished = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (m_timer)
        m_timer->stop();
    m_pool->closeInput(m_run);
    Q_EMIT done(n < 0 ? QCoreApplication::translate("InputPump", "cannot read stdin: %1")
                            .arg(QString::fromLocal8Bit(strerror(errno)))
                      : QString());
}

} // namespace Chorus
