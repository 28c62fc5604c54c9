#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
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
// answer goes to the callback given with its request. The packet codec is static and needs no network.
class SftpClient
{
public:
    enum PacketType : quint8
    {
        Init = 1,
        Version = 2,
        Open = 3,
        Close = 4,
        Read = 5,
        Write = 6,
        Lstat = 7,
        Fstat = 8,
        Setstat = 9,
        Fsetstat = 10,
        Opendir = 11,
        Readdir = 12,
        Remove = 13,
        Mkdir = 14,
        Rmdir = 15,
        Realpath = 16,
        Stat = 17,
        Rename = 18,
        Status = 101,
        Handle = 102,
        Data = 103,
        Name = 104,
        Attrs = 105,
        Extended = 200,
        ExtendedReply = 201,
    };
    enum StatusCode : quint32
    {
        Ok = 0,
        Eof = 1,
        NoSuchFile = 2,
        PermissionDenied = 3,
        Failure = 4,
        BadMessage = 5,
        NoConnection = 6,
        ConnectionLost = 7,
        OpUnsupported = 8,
    };
    enum OpenFlag : quint32
    {
        OpenRead = 0x01,
        OpenWrite = 0x02,
        OpenAppend = 0x04,
        OpenCreate = 0x08,
        OpenTruncate = 0x10,
        OpenExclusive = 0x20,
    };

    struct Attributes
    {
        enum Flag : quint32
        {
            Size = 0x1,
            UidGid = 0x2,
            Permissions = 0x4,
            Times = 0x8
        };
        quint32 flags = 0;
        quint64 size = 0;
        quint32 uid = 0, gid = 0;
        quint32 permissions = 0; // st_mode, file type bits included
        quint32 atime = 0, mtime = 0;
        bool isDirectory() const { return (flags & Permissions) && (permissions & 0170000) == 0040000; }
        bool isRegular() const { return (flags & Permissions) && (permissions & 0170000) == 0100000; }
    };
    struct Entry
    {
        QByteArray name;
        Attributes attrs;
    };
    struct Reply
    {
        quint8 type = 0;
        quint32 id = 0;
        quint32 status = Ok;  // STATUS replies
        QString message;      // STATUS replies: the server's words
        QByteArray handle;    // HANDLE
        QByteArray data;      // DATA
        Attributes attrs;     // ATTRS
        QList<Entry> entries; // NAME
        bool isOk() const { return type == Status && status == Ok; }
    };
    using Callback = std::function<void(const Reply &)>;

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
    bool hasPosixRename() const { return m_extensions.contains("posix-rename@openssh.com"); }
    int inFlight() const { return int(m_pending.size()); }
    qint64 unsentBytes() const { return m_out.size() - m_outPos; }

    void open(const QByteArray &path, quint32 flags, const Attributes &attrs, Callback callback);
    void closeHandle(const QByteArray &handle, Callback callback);
    void read(const QByteArray &handle, quint64 offset, quint32 length, Callback callback);
    void write(const QByteArray &handle, quint64 offset, const char *data, qsizetype size, Callback callback);
    void stat(const QByteArray &path, Callback callback);
    void lstat(const QByteArray &path, Callback callback);
    void fsetstat(const QByteArray &handle, const Attributes &attrs, Callback callback);
    void opendir(const QByteArray &path, Callback callback);
    void readdir(const QByteArray &handle, Callback callback);
    void mkdir(const QByteArray &path, const Attributes &attrs, Callback callback);
    void remove(const QByteArray &path, Callback callback);
    // Replaces an existing target atomically where the server has posix-rename@openssh.com; plain
    // SFTP v3 RENAME refuses an existing target.
    void rename(const QByteArray &from, const QByteArray &to, Callback callback);

    // Codec. encode* append one whole packet (length included) to *out.
    static void appendUint32(QByteArray *out, quint32 value);
    static void appendUint64(QByteArray *out, quint64 value);
    static void appendString(QByteArray *out, QByteArrayView value);
    static void appendAttributes(QByteArray *out, const Attributes &attrs);
    // Takes one complete packet from data at *pos; false when more bytes are needed. A malformed
    // packet sets *malformed.
    static bool decode(const QByteArray &data, qsizetype *pos, Reply *reply, bool *malformed,
                       QHash<QByteArray, QByteArray> *extensions = nullptr);
    // "no such file or directory", "permission denied", ...; the server's message when the code
    // says nothing more than "failure".
    static QString statusText(quint32 code, const QString &serverMessage = QString());

private:
    static int onData(ssh_session_struct *session, ssh_channel_struct *channel, void *data, uint32_t len,
                      int isStderr, void *self);
    static void onClose(ssh_session_struct *session, ssh_channel_struct *channel, void *self);
    static void onEof(ssh_session_struct *session, ssh_channel_struct *channel, void *self);
    quint32 begin(quint8 type, Callback callback); // starts a request packet in m_out
    void end();                                    // fills in its length
    void fail(const QString &why);
    void flush();
    void dispatch();

    ssh_session_struct *m_session;
    ssh_channel_struct *m_channel = nullptr;
    struct ssh_channel_callbacks_struct m_callbacks;
    State m_state = State::OpeningChannel;
    QString m_error;
    bool m_remoteClosed = false;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    QByteArray m_out;
    qsizetype m_outPos = 0;
    qsizetype m_packetStart = 0;
    quint32 m_nextId = 1;
    QHash<quint32, Callback> m_pending;
    QHash<QByteArray, QByteArray> m_extensions;
};

} // namespace Chorus
