#include "model/ssh/knownhosts.h"

#include "model/core/modellog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Chorus {

KnownHosts &KnownHosts::instance()
{
    static KnownHosts hosts;
    return hosts;
}

bool KnownHosts::remove(const QString &path, const QString &lookupName, int *removed, QString *error)
{
    QMutexLocker lock(&m_mutex);
    *removed = 0;
    File &file = load(path);
    const QList<int> &gone = matching(file, lookupName.toLower());
    if (gone.isEmpty())
        return true;
    QSet<int> goneLines;
    for (int i : gone)
        goneLines.insert(file.entries.at(i).line);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("KnownHosts", "cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    const QByteArray original = in.readAll();
    in.close();
    QList<QByteArray> lines = original.split('\n');
    const bool endedWithNewline = original.endsWith('\n');
    if (endedWithNewline)
        lines.removeLast();
    QList<QByteArray> keptLines;
    for (int i = 0; i < lines.size(); ++i) {
        if (!goneLines.contains(i + 1))
            keptLines.append(lines.at(i));
    }
    QByteArray kept = keptLines.join('\n');
    if (endedWithNewline && !keptLines.isEmpty())
        kept += '\n';
    QFile::remove(path + QStringLiteral(".old"));
    if (!QFile::copy(path, path + QStringLiteral(".old"))) {
        *error = QCoreApplication::translate("KnownHosts", "cannot keep a copy of %1 as %1.old").arg(path);
        return false;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(kept) != kept.size() || !out.commit()) {
        *error =
            QCoreApplication::translate("KnownHosts", "cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    *removed = int(goneLines.size());
    m_files.remove(path);
    return true;
}

QString KnownHosts::lookupName(const QString &host, quint16 port)
{
    if (port == 22 || port == 0)
        return host.toLower();
    return QStringLiteral("[%1]:%2").arg(host.toLower()).arg(port);
}

QString KnownHosts::fingerprint(const QByteArray &keyBase64)
{
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray::fromBase64(keyBase64), QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

bool KnownHosts::Entry::matches(const QString &name) const
{
    if (!hashValue.isEmpty()) {
        return QMessageAuthenticationCode::hash(name.toUtf8(), hashSalt, QCryptographicHash::Sha1)
               == hashValue;
    }
    bool matched = false;
    for (const Pattern &p : patterns) {
        const bool hit = p.wildcard.pattern().isEmpty() ? p.text == name : p.wildcard.match(name).hasMatch();
        if (hit && p.negated)
            return false; // a negated match overrides every positive one
        matched = matched || hit;
    }
    return matched;
}

KnownHosts::File &KnownHosts::load(const QString &path)
{
    // stat() rather than QFileInfo: no time zone conversion (glibc's tzset is not safe beside
    // setenv in other threads), and the inode catches a file replaced by rename.
    struct stat st{};
    const bool exists = ::stat(QFile::encodeName(path).constData(), &st) == 0;
    const qint64 size = exists ? qint64(st.st_size) : -1;
    const qint64 modified = exists ? qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec : 0;
    const quint64 inode = exists ? quint64(st.st_ino) : 0;
    File &file = m_files[path];
    if (exists && file.size == size && file.modifiedNs == modified && file.inode == inode)
        return file;
    file = File{modified, size, inode, {}, {}};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return file;
    int lineNo = 0;
    while (!f.atEnd()) {
        const QString text = QString::fromUtf8(f.readLine()).trimmed();
        ++lineNo;
        if (text.isEmpty() || text.startsWith(u'#'))
            continue;
        QStringList fields = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        Entry e;
        e.line = lineNo;
        e.text = text;
        if (fields.first().startsWith(u'@')) {
            if (fields.first() == u"@revoked")
                e.revoked = true;
            else
                continue; // @cert-authority: certificates are not used by Chorus
            fields.removeFirst();
        }
        if (fields.size() < 3) {
            qCWarning(lcModel) << "known_hosts" << path << "line" << lineNo << "is malformed; ignored";
            continue;
        }
        const QString hosts = fields.at(0);
        if (hosts.startsWith(u"|1|")) {
            const QStringList parts = hosts.split(u'|');
            if (parts.size() != 4)
                continue;
            e.hashSalt = QByteArray::fromBase64(parts.at(2).toLatin1());
            e.hashValue = QByteArray::fromBase64(parts.at(3).toLatin1());
        } else {
            for (QString text : hosts.toLower().split(u',', Qt::SkipEmptyParts)) {
                Pattern p;
                p.negated = text.startsWith(u'!');
                p.text = p.negated ? text.mid(1) : text;
                if (p.text.contains(u'*') || p.text.contains(u'?')) {
                    p.wildcard.setPattern(QRegularExpression::wildcardToRegularExpression(
                        p.text));
                }
                e.patterns.append(p);
            }
        }
        e.keyType = fields.at(1);
        e.key = fields.at(2).toLatin1();
        file.entries.append(e);
    }
    return file;
}

const QList<int> &KnownHosts::matching(File &file, const QString &name)
{
    auto it = file.matchesByName.find(name);
    if (it == file.matchesByName.end()) {
        QList<int> indices;
        for (int i = 0; i < file.entries.size(); ++i) {
            if (file.entries.at(i).matches(name))
                indices.append(i);
        }
        it = file.matchesByName.insert(name, indices);
    }
    return *it;
}

KnownHosts::Verdict KnownHosts::check(const QStringList &files, const QString &lookupName,
                                      const QString &keyType, const QByteArray &keyBase64)
{
    QMutexLocker lock(&m_mutex);
    Verdict verdict;
    Verdict other;
    bool sawOther = false;
    for (const QString &path : files) {
        File &file = load(path);
        for (int i : matching(file, lookupName.toLower())) {
            const Entry &e = file.entries.at(i);
            const bool sameKey = e.keyType == keyType && e.key == keyBase64;
            if (e.revoked) {
                if (sameKey)
                    return Verdict{Match::Revoked, e.keyType, fingerprint(e.key), path, e.line, e.text};
                continue;
            }
            if (sameKey) {
                verdict.match = Match::Ok;
            } else if (!sawOther || (other.knownKeyType != keyType && e.keyType == keyType)) {
                // Report the entry of the same key type when there is one: that is the changed key.
                other = Verdict{Match::Changed, e.keyType, fingerprint(e.key), path, e.line, e.text};
                sawOther = true;
            }
        }
    }
    if (verdict.match == Match::Ok)
        return verdict;
    return sawOther ? other : verdict;
}

QStringList KnownHosts::keyTypesFor(const QStringList &files, const QString &lookupName)
{
    QMutexLocker lock(&m_mutex);
    QStringList types;
    for (const QString &path : files) {
        File &file = load(path);
        for (int i : matching(file, lookupName.toLower())) {
            const Entry &e = file.entries.at(i);
            if (!e.revoked && !types.contains(e.keyType))
                types.append(e.keyType);
        }
    }
    return types;
}

bool KnownHosts::append(const QString &path, const QString &lookupName, const QString &keyType,
                        const QByteArray &keyBase64, QString *error)
{
    QMutexLocker lock(&m_mutex);
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QCoreApplication::translate("KnownHosts", "cannot open %1 for writing: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    ::flock(fd, LOCK_EX);
    // Never glue our line onto a last line that lacks its newline.
    QByteArray line;
    const off_t end = ::lseek(fd, 0, SEEK_END);
    if (end > 0) {
        char last = '\n';
        const int rfd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
        if (rfd >= 0) {
            if (::pread(rfd, &last, 1, end - 1) != 1)
                last = '\n';
            ::close(rfd);
        }
        if (last != '\n')
            line += '\n';
    }
    line += lookupName.toUtf8() + ' ' + keyType.toUtf8() + ' ' + keyBase64 + '\n';
    const bool ok = ::write(fd, line.constData(), size_t(line.size())) == line.size();
    if (!ok)
        *error = QCoreApplication::translate("KnownHosts", "cannot write to %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
    ::flock(fd, LOCK_UN);
    ::close(fd);
    m_files.remove(path);
    return ok;
}

} // namespace Chorus
