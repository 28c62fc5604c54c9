#include "model/profiles/sshconfigimporter.h"

#include "model/ssh/sshconfig.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Chorus {

namespace {

// Values no config can produce: tell "the config says nothing" from "the config says the default".
const QString kUnsetUser = QStringLiteral("\u0001unset");
const QString kUnsetFile = QStringLiteral("\u0001unset");
constexpr int kUnsetTimeout = -4242;

} // namespace

ProfileImporter::Result SshConfigImporter::import(const QString &path)
{
    ProfileImporter::Result result;
    QFileInfo info(path);
    if (!info.exists() || !info.isReadable() || info.isDir()) {
        result.readable = false;
        result.problems.append(ProfileImporter::problem(
            path, 0,
            info.exists() ? QCoreApplication::translate("SshConfigImporter", "cannot be read")
                          : QCoreApplication::translate("SshConfigImporter", "no such file")));
        return result;
    }
    QStringList warnings;
    const SshConfig config = SshConfig::load(path, &warnings);
    result.problems = warnings;

    HostTarget defaults;
    defaults.user = kUnsetUser;
    defaults.identityFiles = {kUnsetFile};
    defaults.connectTimeoutMs = kUnsetTimeout;
    for (const QString &alias : config.concreteHosts()) {
        HostTarget t;
        QString error;
        if (!config.resolve(alias, defaults, &t, &error)) {
            result.problems.append(ProfileImporter::problem(
                path, 0, QCoreApplication::translate("SshConfigImporter", "Host %1: %2").arg(alias, error)));
            continue;
        }
        Profile p = Profile::create();
        p.name = alias;
        p.hostname = t.hostname;
        p.port = t.port;
        if (t.user != kUnsetUser)
            p.user = t.user;
        if (!t.identityFiles.isEmpty() && t.identityFiles.constFirst() != kUnsetFile) {
            p.auth = AuthMethod::KeyFile;
            p.keyFile = t.identityFiles.constFirst();
        }
        p.jumpHost = t.proxyJump;
        if (t.connectTimeoutMs != kUnsetTimeout)
            p.connectTimeoutMs = t.connectTimeoutMs;
        if (t.hostKeyPolicy != HostKeyPolicy::Strict)
            p.hostKeyPolicy = t.hostKeyPolicy;
        if (!t.proxyCommand.isEmpty()) {
            result.problems.append(ProfileImporter::problem(
                path, 0,
                QCoreApplication::translate(
                    "SshConfigImporter",
                    "Host %1: ProxyCommand is not kept in profiles (a ProxyJump is); it was "
                    "imported without it")
                    .arg(alias)));
        }
        result.profiles.append(p);
    }
    return result;
}

} // namespace Chorus
