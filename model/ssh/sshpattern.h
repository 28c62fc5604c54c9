#pragma once

#include <QStringView>

namespace Chorus {

// OpenSSH's host patterns (match.c), for ssh_config's Host and Match lines and known_hosts names:
// '*' is any run of characters, '?' any one; everything else, '[' and ']' included, is itself. The
// caller decides about case (known_hosts names are lower-cased, ssh_config's Host is case-sensitive).
bool sshPatternMatch(QStringView text, QStringView pattern);

// A comma-separated list of patterns, each maybe negated with '!' (match_pattern_list): 1 when a
// pattern matches and no negated one does, -1 when a negated one matches, 0 when none does.
int sshPatternListMatch(QStringView text, QStringView list);

} // namespace Chorus
