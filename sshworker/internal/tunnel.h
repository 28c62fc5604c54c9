#pragma once

#include "sshworker/internal/enginebuild.h"

#include <QByteArray>
#include <QString>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

namespace Chorus {

// A jump host's hop without a process: a direct-tcpip channel on the jump host's own connection,
// and a socket pair whose one end the inner SSH session runs on (SSH_OPTIONS_FD) while the worker
// pumps the other end to and from the channel. Everything is non-blocking; the worker polls
// pumpFd() and calls pump() on each pass. The jump host's session must outlive the tunnel.
class Tunnel
{
public:
    enum class State
    {
        Opening,
        Open,
        Failed,
    };
    // Holds this many bytes each way before it stops reading: the SSH window (or the socket)
    // then makes the other side wait.
    static constexpr qsizetype MaxBuffered = 1024 * 1024;

    Tunnel(ssh_session jumpSession, const QString &host, quint16 port);
    ~Tunnel();
    Tunnel(const Tunnel &) = delete;
    Tunnel &operator=(const Tunnel &) = delete;

    // Drives the channel open.
    State open();
    // The inner session's end, handed over once (the caller closes it).
    int takeInnerFd();
    QString error() const { return m_error; }

    int pumpFd(short *events) const;
    void onPumpEvent(short revents);
    // Moves what is buffered either way and what the channel holds.
    void pump();

private:
    static int onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *self);
    static void onEof(ssh_session, ssh_channel, void *self);
    static void onClose(ssh_session, ssh_channel, void *self);
    void flushToSocket();
    void flushToChannel();
    void endToSocket();

    ssh_session m_jump;
    ssh_channel m_channel = nullptr;
    ssh_channel_callbacks_struct m_callbacks{};
    QByteArray m_host;
    quint16 m_port;
    State m_state = State::Opening;
    QString m_error;
    int m_pumpFd = -1;
    int m_innerFd = -1;
    QByteArray m_toSocket;  // from the channel, for the inner session
    QByteArray m_toChannel; // from the inner session, for the channel
    bool m_channelEof = false;   // the far end sent EOF or closed: nothing more comes
    bool m_socketEof = false;    // the inner session closed its end
    bool m_socketShut = false;   // EOF passed on to the inner session
    bool m_eofSent = false;
};

} // namespace Chorus
