#include "sftpclient.h"

#include "sshlog.h"

#include <QtEndian>

#include <libssh/libssh.h>

namespace Chorus {

namespace {

// OpenSSH's sftp-server refuses packets over 256 KiB; a reply far beyond that is garbage.
constexpr quint32 MaxPacket = 1024 * 1024;
// Bytes handed to libssh per call; the channel window bounds what it really sends.
constexpr qsizetype MaxWriteCall = 1024 * 1024;

class Reader
{
public:
    Reader(const char *data, qsizetype size) : m_p(reinterpret_cast<const uchar *>(data)), m_end(m_p + size)
    {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p >= m_end; }
    quint8 byte()
    {
        if (!need(1))
            return 0;
        return *m_p++;
    }
    quint32 u32()
    {
        if (!need(4))
            return 0;
        const quint32 v = qFromBigEndian<quint32>(m_p);
        m_p += 4;
        return v;
    }
    quint64 u64()
    {
        if (!need(8))
            return 0;
        const quint64 v = qFromBigEndian<quint64>(m_p);
        m_p += 8;
        return v;
    }
    QByteArray string()
    {
        const quint32 n = u32();
        if (!need(n))
            return {};
        QByteArray s(reinterpret_cast<const char *>(m_p), qsizetype(n));
        m_p += n;
        return s;
    }
    SftpClient::Attributes attributes()
    {
        SftpClient::Attributes a;
        a.flags = u32();
        if (a.flags & SftpClient::Attributes::Size)
            a.size = u64();
        if (a.flags & SftpClient::Attributes::UidGid) {
            a.uid = u32();
            a.gid = u32();
        }
        if (a.flags & SftpClient::Attributes::Permissions)
            a.permissions = u32();
        if (a.flags & SftpClient::Attributes::Times) {
            a.atime = u32();
            a.mtime = u32();
        }
        if (a.flags & 0x80000000u) { // extended pairs: read and ignored
            const quint32 count = u32();
            for (quint32 i = 0; i < count && m_ok; ++i) {
                string();
                string();
            }
        }
        return a;
    }

private:
    bool need(quint64 n)
    {
        if (!m_ok || quint64(m_end - m_p) < n) {
            m_ok = false;
            return false;
        }
        return true;
    }
    const uchar *m_p;
    const uchar *m_end;
    bool m_ok = true;
};

} // namespace

SftpClient::SftpClient(ssh_session session) : m_session(session)
{
    memset(&m_callbacks, 0, sizeof m_callbacks);
    m_callbacks.userdata = this;
    m_callbacks.channel_data_function = &SftpClient::onData;
    m_callbacks.channel_close_function = &SftpClient::onClose;
    m_callbacks.channel_eof_function = &SftpClient::onEof;
    ssh_callbacks_init(&m_callbacks);
    m_channel = ssh_channel_new(session);
    if (!m_channel) {
        m_state = State::Failed;
        m_error = QStringLiteral("connection lost");
        return;
    }
    ssh_set_channel_callbacks(m_channel, &m_callbacks);
}

SftpClient::~SftpClient()
{
    close();
}

void SftpClient::close()
{
    m_pending.clear();
    if (!m_channel)
        return;
    ssh_remove_channel_callbacks(m_channel, &m_callbacks);
    if (ssh_is_connected(m_session))
        ssh_channel_close(m_channel);
    ssh_channel_free(m_channel);
    m_channel = nullptr;
}

void SftpClient::fail(const QString &why)
{
    if (m_state == State::Failed)
        return;
    qCDebug(lcSsh) << "sftp:" << why;
    m_state = State::Failed;
    m_error = why;
    close();
}

int SftpClient::onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *self)
{
    auto *client = static_cast<SftpClient *>(self);
    if (isStderr) // sftp-server's own log lines, if any
        qCDebug(lcSsh) << "sftp-server:" << QByteArray(static_cast<const char *>(data), qsizetype(len));
    else
        client->m_in.append(static_cast<const char *>(data), qsizetype(len));
    return int(len);
}

void SftpClient::onClose(ssh_session, ssh_channel, void *self)
{
    static_cast<SftpClient *>(self)->m_remoteClosed = true;
}

void SftpClient::onEof(ssh_session, ssh_channel, void *self)
{
    static_cast<SftpClient *>(self)->m_remoteClosed = true;
}

void SftpClient::step()
{
    if (!m_channel)
        return;
    switch (m_state) {
    case State::OpeningChannel: {
        const int rc = ssh_channel_open_session(m_channel);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            fail(QStringLiteral("could not open a channel: %1")
                     .arg(QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        m_state = State::StartingSubsystem;
        [[fallthrough]];
    }
    case State::StartingSubsystem: {
        const int rc = ssh_channel_request_subsystem(m_channel, "sftp");
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            fail(QStringLiteral("the server refused the SFTP subsystem: %1")
                     .arg(QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        appendUint32(&m_out, 5);
        m_out.append(char(Init));
        appendUint32(&m_out, 3);
        m_state = State::Greeting;
        break;
    }
    default:
        break;
    }
    flush();
    dispatch();
    if (m_channel)
        flush();
    if (m_channel && m_remoteClosed && m_inPos >= m_in.size())
        fail(m_state == State::Greeting ? QStringLiteral("the server's SFTP subsystem ended at once")
                                        : QStringLiteral("the SFTP channel closed"));
}

void SftpClient::flush()
{
    while (m_channel && m_outPos < m_out.size()) {
        const qsizetype n = qMin(m_out.size() - m_outPos, MaxWriteCall);
        const int rc = ssh_channel_write(m_channel, m_out.constData() + m_outPos, uint32_t(n));
        if (rc < 0) {
            fail(QStringLiteral("connection lost"));
            return;
        }
        m_outPos += rc;
        if (rc < n)
            break; // the window is full: the server's window adjust wakes us
    }
    if (m_outPos == m_out.size()) {
        m_out.clear();
        m_outPos = 0;
    } else if (m_outPos > 4 * 1024 * 1024) {
        m_out.remove(0, m_outPos);
        m_outPos = 0;
    }
}

void SftpClient::dispatch()
{
    while (m_channel) {
        Reply reply;
        bool malformed = false;
        if (!decode(m_in, &m_inPos, &reply, &malformed, &m_extensions)) {
            if (malformed)
                fail(QStringLiteral("the server sent a malformed SFTP packet"));
            break;
        }
        if (reply.type == Version) {
            if (m_state != State::Greeting) {
                fail(QStringLiteral("the server sent an unexpected SFTP greeting"));
                break;
            }
            m_state = State::Ready;
            continue;
        }
        const auto it = m_pending.find(reply.id);
        if (it == m_pending.end()) {
            qCDebug(lcSsh) << "sftp: answer to no request" << reply.id;
            continue;
        }
        const Callback callback = std::move(*it);
        m_pending.erase(it);
        callback(reply);
    }
    if (m_inPos >= m_in.size()) {
        m_in.clear();
        m_inPos = 0;
    } else if (m_inPos > 1024 * 1024) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
}

bool SftpClient::decode(const QByteArray &data, qsizetype *pos, Reply *reply, bool *malformed,
                        QHash<QByteArray, QByteArray> *extensions)
{
    *malformed = false;
    const qsizetype available = data.size() - *pos;
    if (available < 5)
        return false;
    const quint32 length = qFromBigEndian<quint32>(data.constData() + *pos);
    if (length < 1 || length > MaxPacket) {
        *malformed = true;
        return false;
    }
    if (available < 4 + qsizetype(length))
        return false;
    Reader r(data.constData() + *pos + 4, length);
    *pos += 4 + length;
    reply->type = r.byte();
    if (reply->type == Version) {
        r.u32(); // the server's version; we speak 3, which every server does
        while (r.ok() && !r.atEnd()) {
            const QByteArray name = r.string();
            const QByteArray value = r.string();
            if (r.ok() && extensions)
                extensions->insert(name, value);
        }
        *malformed = !r.ok();
        return r.ok();
    }
    reply->id = r.u32();
    switch (reply->type) {
    case Status:
        reply->status = r.u32();
        // The message and language tag are optional in practice (very old servers omit them).
        if (!r.atEnd())
            reply->message = QString::fromUtf8(r.string());
        break;
    case Handle:
        reply->handle = r.string();
        break;
    case Data:
        reply->data = r.string();
        break;
    case Name: {
        const quint32 count = r.u32();
        for (quint32 i = 0; i < count && r.ok(); ++i) {
            Entry e;
            e.name = r.string();
            r.string(); // long name, for people only
            e.attrs = r.attributes();
            reply->entries.append(e);
        }
        break;
    }
    case Attrs:
        reply->attrs = r.attributes();
        break;
    case ExtendedReply:
        break;
    default:
        *malformed = true;
        return false;
    }
    *malformed = !r.ok();
    return r.ok();
}

QString SftpClient::statusText(quint32 code, const QString &serverMessage)
{
    switch (code) {
    case Ok:
        return QStringLiteral("success");
    case Eof:
        return QStringLiteral("end of file");
    case NoSuchFile:
        return QStringLiteral("no such file or directory");
    case PermissionDenied:
        return QStringLiteral("permission denied");
    case Failure:
        return serverMessage.isEmpty() || serverMessage == u"Failure" ? QStringLiteral("failed")
                                                                      : serverMessage;
    case BadMessage:
        return QStringLiteral("the server did not understand the request");
    case NoConnection:
    case ConnectionLost:
        return QStringLiteral("connection lost");
    case OpUnsupported:
        return QStringLiteral("the server does not support this operation");
    }
    return serverMessage.isEmpty() ? QStringLiteral("SFTP error %1").arg(code) : serverMessage;
}

void SftpClient::appendUint32(QByteArray *out, quint32 value)
{
    uchar b[4];
    qToBigEndian(value, b);
    out->append(reinterpret_cast<const char *>(b), 4);
}

void SftpClient::appendUint64(QByteArray *out, quint64 value)
{
    uchar b[8];
    qToBigEndian(value, b);
    out->append(reinterpret_cast<const char *>(b), 8);
}

void SftpClient::appendString(QByteArray *out, QByteArrayView value)
{
    appendUint32(out, quint32(value.size()));
    out->append(value.data(), value.size());
}

void SftpClient::appendAttributes(QByteArray *out, const Attributes &a)
{
    appendUint32(
        out, a.flags & (Attributes::Size | Attributes::UidGid | Attributes::Permissions | Attributes::Times));
    if (a.flags & Attributes::Size)
        appendUint64(out, a.size);
    if (a.flags & Attributes::UidGid) {
        appendUint32(out, a.uid);
        appendUint32(out, a.gid);
    }
    if (a.flags & Attributes::Permissions)
        appendUint32(out, a.permissions);
    if (a.flags & Attributes::Times) {
        appendUint32(out, a.atime);
        appendUint32(out, a.mtime);
    }
}

quint32 SftpClient::begin(quint8 type, Callback callback)
{
    const quint32 id = m_nextId++;
    m_packetStart = m_out.size();
    appendUint32(&m_out, 0); // length, filled in by end()
    m_out.append(char(type));
    appendUint32(&m_out, id);
    if (m_channel)
        m_pending.insert(id, std::move(callback));
    return id;
}

void SftpClient::end()
{
    const quint32 length = quint32(m_out.size() - m_packetStart - 4);
    qToBigEndian(length, m_out.data() + m_packetStart);
}

void SftpClient::open(const QByteArray &path, quint32 flags, const Attributes &attrs, Callback callback)
{
    begin(Open, std::move(callback));
    appendString(&m_out, path);
    appendUint32(&m_out, flags);
    appendAttributes(&m_out, attrs);
    end();
}

void SftpClient::closeHandle(const QByteArray &handle, Callback callback)
{
    begin(Close, std::move(callback));
    appendString(&m_out, handle);
    end();
}

void SftpClient::read(const QByteArray &handle, quint64 offset, quint32 length, Callback callback)
{
    begin(Read, std::move(callback));
    appendString(&m_out, handle);
    appendUint64(&m_out, offset);
    appendUint32(&m_out, length);
    end();
}

void SftpClient::write(const QByteArray &handle, quint64 offset, const char *data, qsizetype size,
                       Callback callback)
{
    begin(Write, std::move(callback));
    appendString(&m_out, handle);
    appendUint64(&m_out, offset);
    appendString(&m_out, QByteArrayView(data, size));
    end();
}

void SftpClient::stat(const QByteArray &path, Callback callback)
{
    begin(Stat, std::move(callback));
    appendString(&m_out, path);
    end();
}

void SftpClient::lstat(const QByteArray &path, Callback callback)
{
    begin(Lstat, std::move(callback));
    appendString(&m_out, path);
    end();
}

void SftpClient::fsetstat(const QByteArray &handle, const Attributes &attrs, Callback callback)
{
    begin(Fsetstat, std::move(callback));
    appendString(&m_out, handle);
    appendAttributes(&m_out, attrs);
    end();
}

void SftpClient::opendir(const QByteArray &path, Callback callback)
{
    begin(Opendir, std::move(callback));
    appendString(&m_out, path);
    end();
}

void SftpClient::readdir(const QByteArray &handle, Callback callback)
{
    begin(Readdir, std::move(callback));
    appendString(&m_out, handle);
    end();
}

void SftpClient::mkdir(const QByteArray &path, const Attributes &attrs, Callback callback)
{
    begin(Mkdir, std::move(callback));
    appendString(&m_out, path);
    appendAttributes(&m_out, attrs);
    end();
}

void SftpClient::remove(const QByteArray &path, Callback callback)
{
    begin(Remove, std::move(callback));
    appendString(&m_out, path);
    end();
}

void SftpClient::rename(const QByteArray &from, const QByteArray &to, Callback callback)
{
    if (hasPosixRename()) {
        begin(Extended, std::move(callback));
        appendString(&m_out, "posix-rename@openssh.com");
    } else {
        begin(Rename, std::move(callback));
    }
    appendString(&m_out, from);
    appendString(&m_out, to);
    end();
}

} // namespace Chorus
