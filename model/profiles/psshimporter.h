#pragma once

#include "model/profiles/profileimporter.h"

namespace Chorus {

// Imports a pssh/parallel-ssh host file: one host per line as "[user@]host[:port]", optionally
// followed by a user name (pssh's older "host[:port] user" form); blank lines and '#' comments are
// skipped. The profile name is the host as written. Host ranges are not part of this format.
class PsshImporter
{
public:
    static ProfileImporter::Result import(const QString &path);
};

} // namespace Chorus
