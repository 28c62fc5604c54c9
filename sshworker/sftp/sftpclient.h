#pragma once

#include "sshworker/internal/enginebuild.h"
#include "sshworker/sftp/sftppacket.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <libssh/callbacks.h>

#include <functional>

struct ssh_channel_struct;
struct ssh_session_struct;

namespace Chorus {

// A small SFTP version 3 client (draft-ietf-secsh-filexfer-02, as OpenSSH's sftp-server speaks it)
// on a non-blocking libssh channel, driven by the worker's loop like RemoteCommand. libssh's own
// sftp_* calls block until their answer arrives, which would stall every other host on the worker,
// and its sftp_write keeps one write in flight; here any number of requests are in flight and each
// answer goes to the callback given with its request. The bytes on the wire are SftpPacket's.
class SftpClient
{
public:
    using Callback = std::function<void(const SftpPacket::Reply &)>;

    enum class State
    {
        OpeningChannel,
        StartingSubsystem,
        Greeting, // INIT sent, waiting for VERSION
        Ready,
        Failed, // error() says why; the channel is gone
    };

    explicit SftpClient(ssh_session_struct *session);
    ~SftpClient();
    SftpClient(const SftpClient &) = delete;
    SftpClient &operator=(const SftpClient &) = delete;

    // Moves the channel setup on, sends what the window allows, and hands every complete answer
    // to its callback. Callbacks may issue new requests or call close().
    void step();
    // Frees the channel; pending callbacks are dropped. The object stays usable as a dead one.
    void close();
    State state() const { return m_state; }
    QString error() const { return m_error; }
    bool isOpen() const { return m_channel != nullptr; }
    bool channelClosedByServer() const { return m_remoteClosed; }
    // The server refused the channel while the connection stayed up (sshd's MaxSessions).
    bool channelRefused() const { return m_refused; }
    bool hasPosixRename() const { return m_extensions.contains("posix-rename@openssh.com"); }
    int inFlight() const { return int(m_pending.size()); }
    qint64 unsentBytes() const { return m_out.size() - m_outPos; }
    // Grows whenever the server sends something or its window lets bytes out: unchanged between
    // two looks, nothing moved (FileTransfer's stall limit).
    quint64 activity() const { return m_activity; }

    void open(const QByteArray &path, quint32 flags, const SftpPacket::Attributes &attrs, Callback callback);
    void closeHandle(const QByteArray &handle, Callback callback);
    void read(const QByteArray &handle, quint64 offset, quint32 length, Callback callback);
    void write(const QByteArray &handle, quint64 offset, const char *data, qsizetype size, Callback callback);
    void stat(const QByteArray &path, Callback callback);
    void fsetstat(const QByteArray &handle, const SftpPacket::Attributes &attrs, Callback callback);
    void opendir(const QByteArray &path, Callback callback);
    void readdir(const QByteArray &handle, Callback callback);
    void mkdir(const QByteArray &path, const SftpPacket::Attributes &attrs, Callback callback);
    void remove(const QByteArray &path, Callback callback);
    // Replaces an existing target atomically where the server has posix-rename@openssh.com; plain
    // SFTP v3 RENAME refuses an existing target.
    void rename(const QByteArray &from, const QByteArray &to, Callback callback);

private:
    static int onData(ssh_session_struct *session, ssh_channel_struct *channel, void *data, uint32_t len,
                      int isStderr, void *self);
    static void onClose(ssh_session_struct *session, ssh_channel_struct *channel, void *self);
    static void onEof(ssh_session_struct *session, ssh_channel_struct *channel, void *self);
    void begin(quint8 type, Callback callback); // starts a request packet in m_out
    void end();                                 // fills in its length
    void fail(const QString &why);
    void flush();
    void dispatch();

    ssh_session_struct *m_session;
    ssh_channel_struct *m_channel = nullptr;
    struct ssh_channel_callbacks_struct m_callbacks;
    State m_state = State::OpeningChannel;
    QString m_error;
    bool m_remoteClosed = false;
    bool m_refused = false;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    QByteArray m_out;
    qsizetype m_outPos = 0;
    qsizetype m_packetStart = 0;
    quint32 m_nextId = 1;
    quint64 m_activity = 0;
    QHash<quint32, Callback> m_pending;
    QHash<QByteArray, QByteArray> m_extensions;
};

} // namespace Chorus
