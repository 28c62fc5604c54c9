#include "sshworker/sftp/sftppacket.h"

#include "model/core/printable.h"

#include <QCoreApplication>
#include <QtEndian>

namespace Chorus {

namespace {

// OpenSSH's sftp-server refuses packets over 256 KiB; a reply far beyond that is garbage.
constexpr quint32 MaxPacket = 1024 * 1024;

// Reads the big-endian fields of one packet; reading past its end clears ok() and yields zeros.
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
    SftpPacket::Attributes attributes()
    {
        SftpPacket::Attributes a;
        a.flags = u32();
        if (a.flags & SftpPacket::Attributes::Size)
            a.size = u64();
        if (a.flags & SftpPacket::Attributes::UidGid) {
            a.uid = u32();
            a.gid = u32();
        }
        if (a.flags & SftpPacket::Attributes::Permissions)
            a.permissions = u32();
        if (a.flags & SftpPacket::Attributes::Times) {
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

bool SftpPacket::decode(const QByteArray &data, qsizetype *pos, Reply *reply, bool *malformed,
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

QString SftpPacket::statusText(quint32 code, const QString &serverMessage)
{
    switch (code) {
    case Ok:
        return QCoreApplication::translate("SftpPacket", "success");
    case Eof:
        return QCoreApplication::translate("SftpPacket", "end of file");
    case NoSuchFile:
        return QCoreApplication::translate("SftpPacket", "no such file or directory");
    case PermissionDenied:
        return QCoreApplication::translate("SftpPacket", "permission denied");
    case Failure:
        return serverMessage.isEmpty() || serverMessage == u"Failure"
                   ? QCoreApplication::translate("SftpPacket", "failed")
                   : printable(serverMessage);
    case BadMessage:
        return QCoreApplication::translate("SftpPacket", "the server did not understand the request");
    case NoConnection:
    case ConnectionLost:
        return QCoreApplication::translate("SftpPacket", "connection lost");
    case OpUnsupported:
        return QCoreApplication::translate("SftpPacket", "the server does not support this operation");
    }
    // The server's own words are shown made printable: they end up in Chorus's messages.
    return serverMessage.isEmpty() ? QCoreApplication::translate("SftpPacket", "SFTP error %1").arg(code)
                                   : printable(serverMessage);
}

void SftpPacket::appendUint32(QByteArray *out, quint32 value)
{
    uchar b[4];
    qToBigEndian(value, b);
    out->append(reinterpret_cast<const char *>(b), 4);
}

void SftpPacket::appendUint64(QByteArray *out, quint64 value)
{
    uchar b[8];
    qToBigEndian(value, b);
    out->append(reinterpret_cast<const char *>(b), 8);
}

void SftpPacket::appendString(QByteArray *out, QByteArrayView value)
{
    appendUint32(out, quint32(value.size()));
    out->append(value.data(), value.size());
}

void SftpPacket::appendAttributes(QByteArray *out, const Attributes &a)
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

qsizetype SftpPacket::begin(QByteArray *out, quint8 type)
{
    const qsizetype start = out->size();
    appendUint32(out, 0); // the length, filled in by end()
    out->append(char(type));
    return start;
}

qsizetype SftpPacket::begin(QByteArray *out, quint8 type, quint32 id)
{
    const qsizetype start = begin(out, type);
    appendUint32(out, id);
    return start;
}

void SftpPacket::end(QByteArray *out, qsizetype start)
{
    const quint32 length = quint32(out->size() - start - 4);
    qToBigEndian(length, out->data() + start);
}

QByteArray SftpPacket::path(const QString &path)
{
    if (path == u"~" || path == u"~/")
        return QByteArrayLiteral(".");
    if (path.startsWith(u"~/")) {
        QString rest = path.mid(2);
        while (rest.startsWith(u'/'))
            rest.remove(0, 1);
        return rest.isEmpty() ? QByteArrayLiteral(".") : rest.toUtf8();
    }
    return path.toUtf8();
}

} // namespace Chorus
