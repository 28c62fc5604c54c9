#pragma once

#include "model/core/hosttarget.h"

#include <QString>
#include <QStringList>

namespace Chorus {

// Everything SshConfig::resolveHost() worked out for one host: the HostTarget the engine connects
// with, the ssh_config options that are read but not (yet) acted on by the engine, kept so that
// `chorus config` can show them next to `ssh -G`, and the problems met on the way that did not stop
// the resolution (a Match exec that ran out of time). Values are spelled as `ssh -G` prints them.
struct SshResolution
{
    HostTarget target;

    QString addressFamily = QStringLiteral("any"); // any, inet or inet6
    bool batchMode = false;
    int numberOfPasswordPrompts = 3;
    QString preferredAuthentications;                      // empty: OpenSSH's own order
    QString pubkeyAuthentication = QStringLiteral("true"); // true, false, unbound or host-bound
    bool passwordAuthentication = true;
    bool kbdInteractiveAuthentication = true;

    QString canonicalizeHostname = QStringLiteral("false"); // false, true or always
    QStringList canonicalDomains;                           // as written, lower-cased
    int canonicalizeMaxDots = 1;
    bool canonicalizeFallbackLocal = true;
    QStringList canonicalizePermittedCNAMEs; // "source:target" pairs; read but not applied

    // "FILE:LINE: what", one line each, for the caller to show; the target is usable all the same.
    QStringList warnings;
};

} // namespace Chorus
