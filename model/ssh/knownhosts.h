#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace Chorus {

// OpenSSH known_hosts files held in memory: parsed once, re-read only when a file changes
// on disk, and shared by every worker thread (all methods are thread-safe). Plain, hashed
// (|1|salt|hash), wildcard, negated and @revoked entries are understood.
class KnownHosts
{
public:
    enum class Match
    {
        Ok,
        Unknown, // no entry for this host
        Changed, // entries for this host, none with this key: a changed key or another key type
        Revoked, // the key is marked @revoked
    };

    struct Verdict
    {
        Match match = Match::Unknown;
        QString knownKeyType;      // for Changed: the key known before
        QString knownFingerprint;
        QString file;              // for Changed and Revoked: where the entry is
        int line = 0;
        QString lineText;
    };

    static KnownHosts &instance();

    Verdict check(const QStringList &files, const QString &lookupName, const QString &keyType,
                  const QByteArray &keyBase64);
    // Key types known for a host, to be preferred in the key exchange as OpenSSH does.
    QStringList keyTypesFor(const QStringList &files, const QString &lookupName);
    // Appends "lookupName keyType key" under an exclusive lock so that concurrent writers
    // (other threads, other Chorus or ssh processes) cannot interleave lines.
    bool append(const QString &file, const QString &lookupName, const QString &keyType,
                const QByteArray &keyBase64, QString *error);

    // Removes every entry for the host (hashed ones too), as `ssh-keygen -R` does: the file is
    // rewritten atomically and the previous one kept as FILE.old. The only way Chorus drops a key.
    bool remove(const QString &file, const QString &lookupName, int *removed, QString *error);

    // "host" for port 22, "[host]:port" otherwise, as OpenSSH writes it.
    static QString lookupName(const QString &host, quint16 port);
    // "SHA256:..." of a key given as base64 (as in known_hosts), as `ssh-keygen -l` prints it.
    static QString fingerprint(const QByteArray &keyBase64);

private:
    struct Pattern
    {
        QString text; // lower case
        bool negated = false;
        QRegularExpression wildcard; // set only when text has * or ?
    };
    struct Entry
    {
        QList<Pattern> patterns;
        QByteArray hashSalt;  // for |1|salt|hash entries
        QByteArray hashValue;
        QString keyType;
        QByteArray key;       // base64
        bool revoked = false;
        int line = 0;
        QString text;
        bool matches(const QString &name) const;
    };
    struct File
    {
        qint64 modifiedNs = 0;
        qint64 size = -1;
        quint64 inode = 0;
        QList<Entry> entries;
        QHash<QString, QList<int>> matchesByName; // lookup cache: indices into entries
    };
    const QList<int> &matching(File &file, const QString &name);

    File &load(const QString &path); // m_mutex held
    QMutex m_mutex;
    QHash<QString, File> m_files;
};

} // namespace Chorus
