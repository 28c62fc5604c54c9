#pragma once

#include "model/core/hosttarget.h"
#include "model/profiles/profile.h"
#include "model/ssh/sshconfig.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Chorus {

// Turns what the user picked (profiles, or an expression typed in the GUI or after `chorus run -w`)
// into the HostTargets the engine connects to. The one place where profile names, groups and tags
// mean something, so the GUI and the command line agree.
//
// Expressions:
//   @PATH      every profile in group PATH and its subgroups ("@prod" includes "prod/web"). PATH is
//              matched exactly (case-sensitive); if no group has that path, a unique group whose path
//              ends in "/PATH" is taken ("@web" for "prod/web"), and several such groups are an error.
//   @tag:NAME  every profile tagged NAME (case-insensitive).
//   @*         every profile.
//   NAME | ID  the profile with that name (exact) or id; a name shared by several profiles is an error.
// Results come in the order of the profile list, without repeats.
//
// A profile becomes a target the way `ssh user@host -p port` would: through the user's ssh_config
// (given to the constructor) for whatever the profile leaves open (user, keys, known_hosts), with the
// profile's own values winning. Its jump host, a profile id or "[user@]host[:port]", becomes proxyJump;
// a jump host that itself has a jump host makes a chain ("outer,inner").
class TargetResolver
{
public:
    explicit TargetResolver(const QList<Profile> &profiles, const QStringList &groups = {},
                            const SshConfig &config = SshConfig());

    // What a profile that says nothing gets, in place of ssh_config's (the window's settings): for
    // the hosts and for the jump hosts they go through alike.
    void setProfileDefaults(HostKeyPolicy policy, int connectTimeoutMs);

    // The profiles an expression names (see above). Unknown name or group: false and *error says so.
    bool match(const QString &expression, QList<Profile> *profiles, QString *error) const;
    // match(), then target() for each.
    bool resolve(const QString &expression, QList<HostTarget> *targets, QString *error) const;
    // One profile as the engine connects to it. Fails only on a jump host that cannot be resolved
    // (a profile id that no longer exists, or a loop).
    bool target(const Profile &profile, HostTarget *target, QString *error) const;
    bool targets(const QList<Profile> &profiles, QList<HostTarget> *targets, QString *error) const;

    // For `chorus run -w @web`: resolves "@group"/"@tag:NAME"/"@*" (the '@' may be left out) against
    // the user's saved profiles (ProfileStore::defaultPath()) and the ssh config the command reads. A
    // store that cannot be read is reported in *error.
    static bool resolveGroup(const QString &name, const SshConfig &config, QList<HostTarget> *targets,
                             QString *error);

private:
    bool jumpChain(const Profile &profile, QList<QUuid> *visiting, QString *chain, QString *error) const;

    QList<Profile> m_profiles;
    QStringList m_groups; // every group path with its ancestors, sorted
    QHash<QUuid, qsizetype> m_byId;
    SshConfig m_config;
    std::optional<HostKeyPolicy> m_defaultPolicy;
    std::optional<int> m_defaultConnectTimeoutMs;
};

} // namespace Chorus
