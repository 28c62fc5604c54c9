#pragma once

#include "model/core/hosttarget.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace Chorus {

// How a profile logs in. The secrets some of them need (password, key passphrase) are never part
// of a profile: they live in the OS keychain under the profile's id (see SecretStore).
enum class AuthMethod
{
    Agent,               // keys offered by ssh-agent (and ssh_config's IdentityFile)
    KeyFile,             // the profile's own key file
    Password,            // a password from the keychain or typed in
    KeyboardInteractive, // whatever the server asks
};

QString authMethodName(AuthMethod method);
// Accepts our names ("agent", "key", "password", "keyboard-interactive") and "key-file", "kbd".
bool parseAuthMethod(const QString &text, AuthMethod *method);

// One host as the user keeps it: everything needed to connect to it except secrets, plus how it is
// organised (group path, tags) and described. A value type; resolves into a HostTarget through
// TargetResolver.
//
// Group paths are '/'-separated ("prod/web"); normalizeGroup() is the one spelling. Fields this
// version does not know (written by a newer Chorus) are kept in `extra` and written back unchanged.
struct Profile
{
    QUuid id;
    QString name;     // what the user calls it; labels output
    QString hostname; // address or DNS name
    quint16 port = 22;
    QString user; // empty: ssh_config's User, or the local user name
    AuthMethod auth = AuthMethod::Agent;
    QString keyFile;  // for AuthMethod::KeyFile; "~" allowed
    QString jumpHost; // another profile's id, or "[user@]host[:port]" as OpenSSH's ProxyJump
    QStringList tags;
    QString group; // normalised path, empty for top level
    QString notes;
    bool useSudo = false;
    // Per-host overrides of options that do not depend on the fan-out; unset: the run's own values.
    std::optional<int> connectTimeoutMs;
    std::optional<HostKeyPolicy> hostKeyPolicy;
    // As a jump host: how many hosts behind it may be in their handshake at once; unset: the engine's
    // default. Lower it for a bastion with a small MaxStartups or little CPU.
    std::optional<int> jumpHandshakes;
    QJsonObject extra; // unknown fields, kept for a round trip

    // A profile with a fresh id.
    static Profile create();

    // user@host:port as a person types it; ":port" only when it is not 22.
    QString address() const;
    // Imports merge profiles with equal keys: same user, same host name (case-insensitive), same port.
    QString mergeKey() const;
    // Takes from other what this profile does not have yet (empty fields; tags are joined), so an
    // import enriches an existing host and never overwrites what the user set. True if anything changed.
    bool absorb(const Profile &other);
    // Lower-case text the host list's search matches against.
    QString searchText() const;

    QJsonObject toJson() const;
    // Strict about types and values: a field we know with a value we cannot use is an error, so a file
    // is never half understood and then overwritten.
    static bool fromJson(const QJsonObject &json, Profile *profile, QString *error);

    // "/ prod // web /" -> "prod/web".
    static QString normalizeGroup(const QString &path);
    // A tag list trimmed, without empty entries and without case-insensitive repeats.
    static QStringList normalizeTags(const QStringList &tags);

    bool operator==(const Profile &other) const = default;
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::Profile)
