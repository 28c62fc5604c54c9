#include "model/ssh/targetresolver.h"

#include "model/profiles/profilestore.h"

#include <QCoreApplication>
#include <QSet>

namespace Chorus {

namespace {

bool inGroup(const QString &profileGroup, const QString &path)
{
    return profileGroup == path || (profileGroup.size() > path.size() && profileGroup.startsWith(path) &&
                                    profileGroup.at(path.size()) == u'/');
}

} // namespace

TargetResolver::TargetResolver(const QList<Profile> &profiles, const QStringList &groups,
                               const SshConfig &config)
    : m_profiles(profiles), m_config(config)
{
    QSet<QString> all;
    auto addGroup = [&all](const QString &path) {
        const QStringList parts = Profile::normalizeGroup(path).split(u'/', Qt::SkipEmptyParts);
        for (qsizetype i = 1; i <= parts.size(); ++i)
            all.insert(parts.mid(0, i).join(u'/'));
    };
    for (const QString &g : groups)
        addGroup(g);
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        addGroup(m_profiles.at(i).group);
        m_byId.insert(m_profiles.at(i).id, i);
    }
    m_groups = QStringList(all.begin(), all.end());
    m_groups.sort();
}

bool TargetResolver::match(const QString &expression, QList<Profile> *profiles, QString *error) const
{
    const QString e = expression.trimmed();
    QList<Profile> found;
    if (e == u"@*") {
        found = m_profiles;
    } else if (e.startsWith(u"@tag:")) {
        const QString tag = e.mid(5).trimmed();
        if (tag.isEmpty()) {
            *error = QCoreApplication::translate("TargetResolver", "no tag name after \"@tag:\"");
            return false;
        }
        for (const Profile &p : m_profiles) {
            if (p.tags.contains(tag, Qt::CaseInsensitive))
                found.append(p);
        }
    } else if (e.startsWith(u'@')) {
        const QString wanted = Profile::normalizeGroup(e.mid(1));
        if (wanted.isEmpty()) {
            *error = QCoreApplication::translate("TargetResolver", "no group name after \"@\"");
            return false;
        }
        QString path;
        if (m_groups.contains(wanted)) {
            path = wanted;
        } else {
            const QString suffix = u'/' + wanted;
            QStringList candidates;
            for (const QString &g : m_groups) {
                if (g.endsWith(suffix))
                    candidates.append(g);
            }
            if (candidates.isEmpty()) {
                *error = QCoreApplication::translate("TargetResolver", "no group \"%1\"").arg(wanted);
                return false;
            }
            if (candidates.size() > 1) {
                *error = QCoreApplication::translate("TargetResolver",
                                                     "group \"%1\" is ambiguous: %2 (write the whole path)")
                             .arg(wanted, candidates.join(QStringLiteral(", ")));
                return false;
            }
            path = candidates.constFirst();
        }
        for (const Profile &p : m_profiles) {
            if (inGroup(p.group, path))
                found.append(p);
        }
    } else {
        if (e.isEmpty()) {
            *error = QCoreApplication::translate("TargetResolver", "empty host name");
            return false;
        }
        const QUuid id = QUuid::fromString(e);
        if (!id.isNull() && m_byId.contains(id)) {
            found.append(m_profiles.at(m_byId.value(id)));
        } else {
            for (const Profile &p : m_profiles) {
                if (p.name == e)
                    found.append(p);
            }
            if (found.isEmpty()) {
                *error = QCoreApplication::translate("TargetResolver", "no host profile named \"%1\"").arg(e);
                return false;
            }
            if (found.size() > 1) {
                QStringList ids;
                for (const Profile &p : std::as_const(found))
                    ids.append(p.id.toString(QUuid::WithoutBraces));
                *error = QCoreApplication::translate("TargetResolver",
                                                     "%n host profiles are named \"%1\"; use an id: %2",
                                                     nullptr, int(found.size()))
                             .arg(e, ids.join(QStringLiteral(", ")));
                return false;
            }
        }
    }
    *profiles = found;
    return true;
}

bool TargetResolver::resolve(const QString &expression, QList<HostTarget> *targets, QString *error) const
{
    QList<Profile> profiles;
    return match(expression, &profiles, error) && this->targets(profiles, targets, error);
}

bool TargetResolver::targets(const QList<Profile> &profiles, QList<HostTarget> *targets, QString *error) const
{
    QList<HostTarget> out;
    out.reserve(profiles.size());
    for (const Profile &p : profiles) {
        HostTarget t;
        if (!target(p, &t, error))
            return false;
        out.append(t);
    }
    *targets = out;
    return true;
}

void TargetResolver::setProfileDefaults(HostKeyPolicy policy, int connectTimeoutMs)
{
    m_defaultPolicy = policy;
    m_defaultConnectTimeoutMs = connectTimeoutMs;
}

bool TargetResolver::jumpChain(const Profile &profile, QList<QUuid> *visiting, QString *chain,
                               QString *error) const
{
    const QString jump = profile.jumpHost.trimmed();
    if (jump.isEmpty()) {
        chain->clear();
        return true;
    }
    const QUuid id = QUuid::fromString(jump);
    if (id.isNull()) {
        *chain = jump; // already in ProxyJump's own syntax
        return true;
    }
    if (!m_byId.contains(id)) {
        *error = QCoreApplication::translate(
                     "TargetResolver", "the jump host of \"%1\" is a host profile that no longer exists (%2)")
                     .arg(profile.name, jump);
        return false;
    }
    if (visiting->contains(id)) {
        *error = QCoreApplication::translate("TargetResolver", "the jump hosts of \"%1\" go round in a loop")
                     .arg(profile.name);
        return false;
    }
    visiting->append(id);
    const Profile &via = m_profiles.at(m_byId.value(id));
    QString outer;
    if (!jumpChain(via, visiting, &outer, error))
        return false;
    *chain = outer.isEmpty() ? via.address() : outer + u',' + via.address();
    return true;
}

bool TargetResolver::target(const Profile &profile, HostTarget *target, QString *error) const
{
    QString host = profile.hostname.trimmed();
    if (host.contains(u':') && !host.startsWith(u'['))
        host = u'[' + host + u']';
    QString spec = host + u':' + QString::number(profile.port);
    if (!profile.user.isEmpty())
        spec = profile.user + u'@' + spec;

    HostTarget t;
    QString why;
    if (!m_config.resolve(spec, HostTarget(), &t, &why)) {
        *error =
            QCoreApplication::translate("TargetResolver", "host profile \"%1\": %2").arg(profile.name, why);
        return false;
    }
    t.name = profile.name.isEmpty() ? profile.hostname : profile.name;
    t.profile = profile.id;
    if (profile.auth == AuthMethod::KeyFile && !profile.keyFile.isEmpty()) {
        QString key = profile.keyFile;
        if (key == u"~" || key.startsWith(u"~/"))
            key = qEnvironmentVariable("HOME") + key.mid(1);
        t.identityFiles = {key};
        t.identitiesOnly = true;
    }
    QList<QUuid> visiting{profile.id};
    QString chain;
    if (!jumpChain(profile, &visiting, &chain, error))
        return false;
    if (!chain.isEmpty()) {
        t.proxyJump = chain;
        t.proxyCommand.clear();
        // A jump host that is a profile goes with its own settings (key, password, host key policy),
        // which a ProxyJump spec cannot carry. The chain was checked for loops above.
        const QUuid via = QUuid::fromString(profile.jumpHost.trimmed());
        if (!via.isNull()) {
            HostTarget jump;
            if (!this->target(m_profiles.at(m_byId.value(via)), &jump, error))
                return false;
            t.jump = JumpTarget(jump);
        }
    }
    if (profile.connectTimeoutMs)
        t.connectTimeoutMs = *profile.connectTimeoutMs;
    else if (m_defaultConnectTimeoutMs)
        t.connectTimeoutMs = *m_defaultConnectTimeoutMs;
    if (profile.jumpHandshakes)
        t.jumpHandshakes = *profile.jumpHandshakes;
    if (profile.hostKeyPolicy)
        t.hostKeyPolicy = *profile.hostKeyPolicy;
    else if (m_defaultPolicy)
        t.hostKeyPolicy = *m_defaultPolicy;
    *target = t;
    return true;
}

bool TargetResolver::resolveGroup(const QString &name, const SshConfig &config, QList<HostTarget> *targets,
                                  QString *error)
{
    ProfileStore store;
    QString notice;
    // Resolving a name must not move files around: that is for the programs that edit the list.
    const ProfileStore::LoadResult loaded = store.load(&notice, ProfileStore::LoadMode::ReadOnly);
    if (loaded == ProfileStore::LoadResult::StartedEmpty) {
        *error = notice;
        return false;
    }
    const QString expression = name.startsWith(u'@') ? name : u'@' + name;
    const TargetResolver resolver(store.profiles(), store.contents().groups, config);
    return resolver.resolve(expression, targets, error);
}

} // namespace Chorus
