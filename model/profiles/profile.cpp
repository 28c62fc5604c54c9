#include "model/profiles/profile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace Chorus {

namespace {

// The names of the fields this version understands; every other key goes to Profile::extra.
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kHostname = QStringLiteral("hostname");
const QString kPort = QStringLiteral("port");
const QString kUser = QStringLiteral("user");
const QString kAuth = QStringLiteral("auth");
const QString kKeyFile = QStringLiteral("keyFile");
const QString kJumpHost = QStringLiteral("jumpHost");
const QString kTags = QStringLiteral("tags");
const QString kGroup = QStringLiteral("group");
const QString kNotes = QStringLiteral("notes");
const QString kUseSudo = QStringLiteral("useSudo");
const QString kConnectTimeout = QStringLiteral("connectTimeoutMs");
const QString kHostKeyPolicy = QStringLiteral("hostKeyPolicy");
const QString kJumpHandshakes = QStringLiteral("jumpHandshakes");

const QSet<QString> &knownKeys()
{
    static const QSet<QString> keys{kId,    kName,    kHostname,       kPort,         kUser,
                                    kAuth,  kKeyFile, kJumpHost,       kTags,         kGroup,
                                    kNotes, kUseSudo, kConnectTimeout, kHostKeyPolicy, kJumpHandshakes};
    return keys;
}

bool readString(const QJsonObject &json, const QString &key, QString *out, QString *error)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = QCoreApplication::translate("Profile", "\"%1\" is not a string").arg(key);
        return false;
    }
    *out = v.toString();
    return true;
}

} // namespace

QString authMethodName(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Agent:
        return QStringLiteral("agent");
    case AuthMethod::KeyFile:
        return QStringLiteral("key");
    case AuthMethod::Password:
        return QStringLiteral("password");
    case AuthMethod::KeyboardInteractive:
        return QStringLiteral("keyboard-interactive");
    }
    return {};
}

bool parseAuthMethod(const QString &text, AuthMethod *method)
{
    const QString t = text.trimmed().toLower();
    if (t == u"agent")
        *method = AuthMethod::Agent;
    else if (t == u"key" || t == u"key-file" || t == u"keyfile")
        *method = AuthMethod::KeyFile;
    else if (t == u"password")
        *method = AuthMethod::Password;
    else if (t == u"keyboard-interactive" || t == u"kbd")
        *method = AuthMethod::KeyboardInteractive;
    else
        return false;
    return true;
}

Profile Profile::create()
{
    Profile p;
    p.id = QUuid::createUuid();
    return p;
}

QString Profile::address() const
{
    HostTarget t;
    t.hostname = hostname;
    t.user = user;
    t.port = port;
    return t.address();
}

QString Profile::mergeKey() const
{
    return user + u'@' + hostname.toLower() + u':' + QString::number(port);
}

bool Profile::absorb(const Profile &other)
{
    bool changed = false;
    auto take = [&changed](QString &mine, const QString &theirs) {
        if (mine.isEmpty() && !theirs.isEmpty()) {
            mine = theirs;
            changed = true;
        }
    };
    take(name, other.name);
    take(keyFile, other.keyFile);
    take(jumpHost, other.jumpHost);
    take(group, other.group);
    take(notes, other.notes);
    if (auth == AuthMethod::Agent && other.auth != AuthMethod::Agent) {
        auth = other.auth;
        changed = true;
    }
    const QStringList joined = normalizeTags(tags + other.tags);
    if (joined != tags) {
        tags = joined;
        changed = true;
    }
    if (!connectTimeoutMs && other.connectTimeoutMs) {
        connectTimeoutMs = other.connectTimeoutMs;
        changed = true;
    }
    if (!hostKeyPolicy && other.hostKeyPolicy) {
        hostKeyPolicy = other.hostKeyPolicy;
        changed = true;
    }
    if (!jumpHandshakes && other.jumpHandshakes) {
        jumpHandshakes = other.jumpHandshakes;
        changed = true;
    }
    return changed;
}

QString Profile::searchText() const
{
    return (name + u'\n' + hostname + u'\n' + user + u'\n' + group + u'\n' + tags.join(u'\n') + u'\n' + notes)
        .toLower();
}

QJsonObject Profile::toJson() const
{
    // Unknown fields first, so ours win if a newer file reused a name with another meaning.
    QJsonObject o = extra;
    o.insert(kId, id.toString(QUuid::WithoutBraces));
    o.insert(kName, name);
    o.insert(kHostname, hostname);
    o.insert(kPort, int(port));
    if (!user.isEmpty())
        o.insert(kUser, user);
    o.insert(kAuth, authMethodName(auth));
    if (!keyFile.isEmpty())
        o.insert(kKeyFile, keyFile);
    if (!jumpHost.isEmpty())
        o.insert(kJumpHost, jumpHost);
    if (!tags.isEmpty())
        o.insert(kTags, QJsonArray::fromStringList(tags));
    if (!group.isEmpty())
        o.insert(kGroup, group);
    if (!notes.isEmpty())
        o.insert(kNotes, notes);
    if (useSudo)
        o.insert(kUseSudo, true);
    if (connectTimeoutMs)
        o.insert(kConnectTimeout, *connectTimeoutMs);
    if (hostKeyPolicy)
        o.insert(kHostKeyPolicy, hostKeyPolicyName(*hostKeyPolicy));
    if (jumpHandshakes)
        o.insert(kJumpHandshakes, *jumpHandshakes);
    return o;
}

bool Profile::fromJson(const QJsonObject &json, Profile *profile, QString *error)
{
    Profile p;
    const QUuid id = QUuid::fromString(json.value(kId).toString());
    if (id.isNull()) {
        *error = QCoreApplication::translate("Profile", "missing or malformed \"id\"");
        return false;
    }
    p.id = id;
    QString group;
    QString auth;
    if (!readString(json, kName, &p.name, error) || !readString(json, kHostname, &p.hostname, error) ||
        !readString(json, kUser, &p.user, error) || !readString(json, kKeyFile, &p.keyFile, error) ||
        !readString(json, kJumpHost, &p.jumpHost, error) || !readString(json, kGroup, &group, error) ||
        !readString(json, kNotes, &p.notes, error) || !readString(json, kAuth, &auth, error)) {
        return false;
    }
    if (p.hostname.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("Profile", "no \"hostname\"");
        return false;
    }
    p.group = normalizeGroup(group);
    if (!auth.isEmpty() && !parseAuthMethod(auth, &p.auth)) {
        *error = QCoreApplication::translate("Profile", "unknown \"auth\" value \"%1\"").arg(auth);
        return false;
    }

    const QJsonValue port = json.value(kPort);
    if (!port.isUndefined()) {
        const double d = port.toDouble(-1);
        if (!port.isDouble() || d != int(d) || d < 1 || d > 65535) {
            *error = QCoreApplication::translate("Profile", "\"port\" is not a number from 1 to 65535");
            return false;
        }
        p.port = quint16(d);
    }

    const QJsonValue tags = json.value(kTags);
    if (!tags.isUndefined()) {
        if (!tags.isArray()) {
            *error = QCoreApplication::translate("Profile", "\"tags\" is not a list");
            return false;
        }
        for (const QJsonValue &t : tags.toArray()) {
            if (!t.isString()) {
                *error =
                    QCoreApplication::translate("Profile", "\"tags\" holds something that is not a string");
                return false;
            }
            p.tags.append(t.toString());
        }
        p.tags = normalizeTags(p.tags);
    }

    const QJsonValue sudo = json.value(kUseSudo);
    if (!sudo.isUndefined()) {
        if (!sudo.isBool()) {
            *error = QCoreApplication::translate("Profile", "\"useSudo\" is not true or false");
            return false;
        }
        p.useSudo = sudo.toBool();
    }

    const QJsonValue timeout = json.value(kConnectTimeout);
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const double d = timeout.toDouble(-1);
        if (!timeout.isDouble() || d != int(d) || d < 0) {
            *error = QCoreApplication::translate("Profile",
                                                 "\"connectTimeoutMs\" is not a number of milliseconds");
            return false;
        }
        p.connectTimeoutMs = int(d);
    }

    const QJsonValue handshakes = json.value(kJumpHandshakes);
    if (!handshakes.isUndefined() && !handshakes.isNull()) {
        const double d = handshakes.toDouble(-1);
        if (!handshakes.isDouble() || d != int(d) || d < 1 || d > 1000) {
            *error = QCoreApplication::translate("Profile", "\"jumpHandshakes\" is not a number from 1 to 1000");
            return false;
        }
        p.jumpHandshakes = int(d);
    }

    const QJsonValue policy = json.value(kHostKeyPolicy);
    if (!policy.isUndefined() && !policy.isNull()) {
        HostKeyPolicy hk;
        if (!policy.isString() || !parseHostKeyPolicy(policy.toString(), &hk)) {
            *error = QCoreApplication::translate("Profile", "unknown \"hostKeyPolicy\" value");
            return false;
        }
        p.hostKeyPolicy = hk;
    }

    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!knownKeys().contains(it.key()))
            p.extra.insert(it.key(), it.value());
    }
    *profile = p;
    return true;
}

QString Profile::normalizeGroup(const QString &path)
{
    QStringList parts;
    for (const QString &part : path.split(u'/')) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            parts.append(t);
    }
    return parts.join(u'/');
}

QStringList Profile::normalizeTags(const QStringList &tags)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        const QString t = tag.trimmed();
        if (t.isEmpty() || seen.contains(t.toLower()))
            continue;
        seen.insert(t.toLower());
        out.append(t);
    }
    return out;
}

} // namespace Chorus
