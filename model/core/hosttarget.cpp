#include "model/core/hosttarget.h"

namespace Chorus {

QString hostKeyPolicyName(HostKeyPolicy policy)
{
    switch (policy) {
    case HostKeyPolicy::Strict:
        return QStringLiteral("strict");
    case HostKeyPolicy::AcceptNew:
        return QStringLiteral("accept-new");
    case HostKeyPolicy::Ask:
        return QStringLiteral("ask");
    }
    return {};
}

bool parseHostKeyPolicy(const QString &text, HostKeyPolicy *policy)
{
    const QString t = text.trimmed().toLower();
    if (t == u"strict" || t == u"yes") {
        *policy = HostKeyPolicy::Strict;
    } else if (t == u"accept-new" || t == u"no" || t == u"off") {
        // OpenSSH's "no" also accepts changed keys; we never do, so it means accept-new here.
        *policy = HostKeyPolicy::AcceptNew;
    } else if (t == u"ask") {
        *policy = HostKeyPolicy::Ask;
    } else {
        return false;
    }
    return true;
}

QString hostFileStem(const QString &hostName)
{
    QString stem = hostName;
    for (QChar &c : stem) {
        if (c == u'/' || c == u'\0')
            c = u'_';
    }
    return stem == u"." || stem == u".." ? u'_' + stem : stem;
}

QString HostTarget::connectionKey() const
{
    return user + u'@' + hostname + u':' + QString::number(port) + u'|' + proxyJump + u'|' + proxyCommand
           + u'|' + identityFiles.join(u',') + u'|' + certificateFiles.join(u',') + u'|' + identityAgent + u'|'
           + knownHostsFiles.join(u',') + u'|' + globalKnownHostsFiles.join(u',') + u'|' + hostKeyAlias
           + (jump ? QStringLiteral("|via ") + jump->connectionKey() : QString());
}

QString HostTarget::address() const
{
    QString host = hostname.contains(u':') ? u'[' + hostname + u']' : hostname;
    QString s = user.isEmpty() ? host : user + u'@' + host;
    if (port != 22)
        s += u':' + QString::number(port);
    return s;
}

} // namespace Chorus
