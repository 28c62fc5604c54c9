#pragma once

#include "model/profiles/profileimporter.h"

namespace Chorus {

// Imports the concrete Host aliases of an OpenSSH client config (and the files it Includes) as
// profiles: the alias becomes the name, and HostName, User, Port, IdentityFile (the first one; it
// makes the login "key"), ProxyJump, ConnectTimeout and StrictHostKeyChecking as ssh resolves them
// for that alias, Host * blocks included. Host lines made only of wildcards or negations name no
// host and are skipped. ProxyCommand cannot be kept in a profile and is reported. Reading is
// SshConfig's, so its warnings ("FILE:LINE: what") are the problems reported.
class SshConfigImporter
{
public:
    static ProfileImporter::Result import(const QString &path);
};

} // namespace Chorus
