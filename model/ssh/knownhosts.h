#pragma once

#include "model/core/result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

namespace Chorus {

namespace KnownHostsDetail {
struct Snapshot; // knownhosts.cpp: one file as last read, never changed once published
}

// OpenSSH known_hosts files held in memory and shared by every worker thread (all methods are
// thread-safe). Lines are read as ssh reads them (hostfile.c, match.c, sshconnect.c's check_host_key):
// host patterns know only '*' and '?' ('[' and ']' are themselves, so "[10.0.0.*]:2222" works), '!'
// negates, commas separate, names are compared in lower case; hashed |1|salt|hash names; the @revoked
// and @cert-authority markers. A line ssh would ignore as malformed is ignored here too.
//
// Chorus is stricter than ssh in three places, on purpose:
// - Revocation is absolute: a key marked @revoked under any name checked (lookupName or fallbackName),
//   in any of the files, is Revoked whatever other lines say, and append() refuses to record it. ssh
//   refuses such a key only when StrictHostKeyChecking is not "no" and may add it under accept-new;
//   Chorus never accepts a revoked key under any policy.
// - A marker ends at its first blank: ssh ends it at the line's first space even after a tab, and so
//   silently ignores "@revoked<TAB>host type key"; reading that line as a revocation only refuses more.
// - @cert-authority lines never make a key Ok: libssh 0.10 negotiates no *-cert-v01 host key
//   algorithms, so Chorus is never shown a host certificate it could check against the authority. The
//   verdict says when such a line covers an unknown host, so the engine can say why it is unknown.
//
// A file is parsed once and then followed: when it only grew, just the new lines are read; when it
// shrank or was replaced, it is parsed again. append() takes the cross-process lock, re-reads what
// others appended meanwhile and adds its own line to the entries in memory.
class KnownHosts
{
public:
    enum class Match
    {
        Ok,
        Unknown, // no entry for this host (or only entries under the fallback name with other keys)
        Changed, // entries for this host, none with this key: a changed key or another key type
        Revoked, // the key is marked @revoked
    };

    struct Verdict
    {
        Match match = Match::Unknown;
        QString matchedName;  // for Ok, Changed, Revoked: the name the entry was found under
        QString knownKeyType; // for Changed: the key known before; for Revoked: the revoked key
        QString knownFingerprint;
        QString file; // for Ok, Changed and Revoked: where the entry is
        int line = 0;
        QString lineText;
        // For Unknown: a @cert-authority line covers the host (under either name). Chorus cannot check
        // host certificates, so the engine can say that rather than just "unknown".
        bool certAuthority = false;
        QString certAuthorityFile;
        int certAuthorityLine = 0;
    };

    KnownHosts();
    ~KnownHosts();
    Q_DISABLE_COPY(KnownHosts)

    static KnownHosts &instance();

    // lookupName: what lookupName() gives, or the HostKeyAlias. fallbackName: the bare lower-case host
    // name when the port is not 22 and there is no alias, else empty. As ssh does ("checking without
    // port identifier"), a key listed under fallbackName is accepted when nothing is listed under
    // lookupName, and a different key listed there only makes the host Unknown, never Changed.
    Verdict check(const QStringList &files, const QString &lookupName, const QString &fallbackName,
                  const QString &keyType, const QByteArray &keyBase64);
    // Key types known for a host under either name (lookupName's first), to be preferred in the key
    // exchange as OpenSSH does. @revoked and @cert-authority lines do not count.
    QStringList keyTypesFor(const QStringList &files, const QString &lookupName, const QString &fallbackName);
    // Appends "lookupName keyType key" under the file's flock, so that other threads and other Chorus
    // processes cannot interleave or duplicate lines. Under the lock it first reads what others
    // appended since: the same key now listed for the name writes nothing and succeeds; another key,
    // or this key marked @revoked, writes nothing and fails with Error::Kind::Conflict. A name, type
    // or key that would not read back as written (blanks, commas, '*', a key of another type) is
    // Error::Kind::BadInput. Creates the file (0600) and its folder (0700) as ssh does.
    Result<void> append(const QString &file, const QString &lookupName, const QString &keyType,
                        const QByteArray &keyBase64);

    // Removes every entry for the host (hashed ones too), as `ssh-keygen -R` does: the file is
    // rewritten atomically and the previous one kept as FILE.old. @revoked and @cert-authority lines
    // stay, as ssh-keygen keeps them. The only way Chorus drops a key.
    bool remove(const QString &file, const QString &lookupName, int *removed, QString *error);

    // "host" for port 22, "[host]:port" otherwise, as OpenSSH writes it.
    static QString lookupName(const QString &host, quint16 port);
    // "SHA256:..." of a key given as base64 (as in known_hosts), as `ssh-keygen -l` prints it.
    static QString fingerprint(const QByteArray &keyBase64);

private:
    using Snapshot = KnownHostsDetail::Snapshot;
    std::shared_ptr<const Snapshot> snapshot(const QString &path);
    std::shared_ptr<QMutex> loaderFor(const QString &path);
    std::shared_ptr<const Snapshot> current(const QString &path);
    void install(const QString &path, const std::shared_ptr<const Snapshot> &snapshot);
    void forget(const QString &path);

    // Guards only the two tables below, and is held only to look up or swap a pointer: parsing,
    // reading and matching happen outside it, on snapshots that are never changed once published.
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<const Snapshot>> m_files;
    // One per file: whoever brings a file's snapshot up to date holds it, so eight threads meeting a
    // changed file parse it once, while checks against other files, or against an up-to-date
    // snapshot of this one, go on.
    QHash<QString, std::shared_ptr<QMutex>> m_loaders;
};

} // namespace Chorus
