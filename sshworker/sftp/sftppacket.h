#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace Chorus {

// The SFTP version 3 wire format (draft-ietf-secsh-filexfer-02, as OpenSSH's sftp-server speaks it):
// packet and status codes, file attributes, and the encoding of requests and decoding of answers.
// Pure functions on bytes, no network and no libssh, so SftpClient's codec can be tested alone.
class SftpPacket
{
public:
    enum Type : quint8
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

    static void appendUint32(QByteArray *out, quint32 value);
    static void appendUint64(QByteArray *out, quint64 value);
    static void appendString(QByteArray *out, QByteArrayView value);
    static void appendAttributes(QByteArray *out, const Attributes &attrs);
    // A packet is built in place at the end of *out: begin() writes a placeholder length, the type
    // and (but for INIT) the request id and returns where the packet starts; end() fills in its length.
    static qsizetype begin(QByteArray *out, quint8 type);
    static qsizetype begin(QByteArray *out, quint8 type, quint32 id);
    static void end(QByteArray *out, qsizetype start);
    // Takes one complete packet from data at *pos; false when more bytes are needed. A malformed
    // packet sets *malformed. A VERSION packet's extensions go to *extensions.
    static bool decode(const QByteArray &data, qsizetype *pos, Reply *reply, bool *malformed,
                       QHash<QByteArray, QByteArray> *extensions = nullptr);
    // A path as the SFTP server takes it: "~" and "~/x" mean the login folder, which is where
    // relative paths start (sftp-server does not expand a tilde).
    static QByteArray path(const QString &path);
    // "no such file or directory", "permission denied", ...; the server's message when the code
    // says nothing more than "failure".
    static QString statusText(quint32 code, const QString &serverMessage = QString());
};

} // namespace Chorus
