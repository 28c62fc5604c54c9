#include "sshworker/internal/tunnel.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Chorus {

Tunnel::Tunnel(ssh_session jumpSession, const QString &host, quint16 port)
    : m_jump(jumpSession), m_host(host.toUtf8()), m_port(port)
{
    m_channel = ssh_channel_new(m_jump);
    if (!m_channel) {
        m_state = State::Failed;
        m_error = QString::fromUtf8(ssh_get_error(m_jump));
        return;
    }
    // Made before the channel opens: the packet that confirms it can come with the server's first
    // bytes (its banner), handled in the same pass, before open() returns.
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0) {
        m_state = State::Failed;
        m_error = QString::fromLocal8Bit(strerror(errno));
        return;
    }
    m_pumpFd = fds[0];
    m_innerFd = fds[1];
    m_callbacks.userdata = this;
    m_callbacks.channel_data_function = &Tunnel::onData;
    m_callbacks.channel_eof_function = &Tunnel::onEof;
    m_callbacks.channel_close_function = &Tunnel::onClose;
    ssh_callbacks_init(&m_callbacks);
    ssh_set_channel_callbacks(m_channel, &m_callbacks);
}

Tunnel::~Tunnel()
{
    if (m_channel) {
        ssh_remove_channel_callbacks(m_channel, &m_callbacks);
        // A channel that never opened is freed, never closed: its CLOSE would name another channel.
        if (m_state == State::Open && ssh_channel_is_open(m_channel))
            ssh_channel_close(m_channel);
        ssh_channel_free(m_channel);
    }
    if (m_pumpFd >= 0)
        ::close(m_pumpFd);
    if (m_innerFd >= 0)
        ::close(m_innerFd);
}

Tunnel::State Tunnel::open()
{
    if (m_state != State::Opening)
        return m_state;
    // The originator is what OpenSSH's ssh -W sends too: nothing listens there.
    const int rc = ssh_channel_open_forward(m_channel, m_host.constData(), m_port, "127.0.0.1", 0);
    if (rc == SSH_AGAIN)
        return m_state;
    if (rc != SSH_OK) {
        m_state = State::Failed;
        m_error = QString::fromUtf8(ssh_get_error(m_jump));
        return m_state;
    }
    m_state = State::Open;
    return m_state;
}

int Tunnel::takeInnerFd()
{
    return std::exchange(m_innerFd, -1);
}

int Tunnel::pumpFd(short *events) const
{
    if (m_state != State::Open || m_pumpFd < 0)
        return -1;
    *events = 0;
    if (!m_socketEof && m_toChannel.size() < MaxBuffered)
        *events |= POLLIN;
    if (!m_toSocket.isEmpty())
        *events |= POLLOUT;
    return *events ? m_pumpFd : -1;
}

void Tunnel::onPumpEvent(short revents)
{
    if (m_state != State::Open)
        return;
    if (revents & (POLLIN | POLLHUP | POLLERR)) {
        char buffer[32 * 1024];
        while (!m_socketEof && m_toChannel.size() < MaxBuffered) {
            const ssize_t n = ::recv(m_pumpFd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0) {
                m_toChannel.append(buffer, n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                break;
            m_socketEof = true; // the inner session is gone (0) or its end broke
        }
    }
    pump();
}

void Tunnel::pump()
{
    if (m_state != State::Open)
        return;
    flushToSocket();
    // What the channel kept while the buffer was full (onData returned 0) is offered again only when
    // another packet arrives: take it now that there is room.
    while (m_toSocket.size() < MaxBuffered && ssh_channel_is_open(m_channel)) {
        char buffer[32 * 1024];
        const int n = ssh_channel_read_nonblocking(m_channel, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        m_toSocket.append(buffer, n);
        flushToSocket();
    }
    flushToChannel();
    if (m_channelEof && m_toSocket.isEmpty())
        endToSocket();
}

void Tunnel::flushToSocket()
{
    while (!m_toSocket.isEmpty() && !m_socketShut) {
        const ssize_t n = ::send(m_pumpFd, m_toSocket.constData(), size_t(m_toSocket.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            m_toSocket.remove(0, n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        m_toSocket.clear(); // the inner session is gone: nobody reads this
        m_socketEof = true;
        return;
    }
}

void Tunnel::flushToChannel()
{
    while (!m_toChannel.isEmpty() && ssh_channel_is_open(m_channel) && !m_eofSent) {
        const int n = ssh_channel_write(m_channel, m_toChannel.constData(),
                                        uint32_t(qMin<qsizetype>(m_toChannel.size(), 32 * 1024)));
        if (n <= 0)
            return; // the window is full (0) or the channel failed: the session reports that
        m_toChannel.remove(0, n);
    }
    if (m_socketEof && m_toChannel.isEmpty() && !m_eofSent && ssh_channel_is_open(m_channel)) {
        m_eofSent = true;
        ssh_channel_send_eof(m_channel);
    }
}

void Tunnel::endToSocket()
{
    if (m_socketShut)
        return;
    m_socketShut = true;
    ::shutdown(m_pumpFd, SHUT_WR);
}

int Tunnel::onData(ssh_session, ssh_channel, void *data, uint32_t len, int, void *self)
{
    auto *tunnel = static_cast<Tunnel *>(self);
    if (tunnel->m_toSocket.size() >= MaxBuffered)
        return 0; // kept by the channel; pump() takes it when there is room
    tunnel->m_toSocket.append(static_cast<const char *>(data), qsizetype(len));
    tunnel->flushToSocket();
    return int(len);
}

void Tunnel::onEof(ssh_session, ssh_channel, void *self)
{
    static_cast<Tunnel *>(self)->m_channelEof = true;
}

void Tunnel::onClose(ssh_session, ssh_channel, void *self)
{
    static_cast<Tunnel *>(self)->m_channelEof = true;
}

} // namespace Chorus
