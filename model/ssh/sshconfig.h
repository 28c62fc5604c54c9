#pragma once

#include "model/core/hosttarget.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Chorus {

// The user's OpenSSH client configuration (~/.ssh/config), so that whatever a user types to reach a
// host with `ssh` reaches the same host, as the same user, with the same keys, through the same
// jump host, in Chorus. Read once with load(), then asked about any number of hosts; an immutable
// value, cheap to copy and safe to share between threads.
//
// Follows ssh's rules: Host blocks with several patterns per line (*, ?, !negation; matched
// case-sensitively against the host as typed), the first value obtained for a keyword wins (except
// IdentityFile, which accumulates), keywords are case-insensitive, "key value" and "key=value", quotes,
// '#' comments, Include (globs; relative paths are under ~/.ssh; nested up to 16 deep; a file that
// includes itself is skipped with a warning). The final host name is lower-cased as ssh does.
//
// Where it knowingly differs from ssh:
//   - Match blocks are not supported: warned about at load and their body is skipped.
//   - /etc/ssh/ssh_config is not read; only the file given to load() and what it includes.
//   - "~" and %d are $HOME (ssh takes the passwd entry), so a sandboxed HOME is honoured.
//   - A bad line is warned about and skipped instead of stopping everything; a file that is group or
//     world writable or owned by someone else is skipped with a warning (ssh refuses it outright,
//     because it may carry a ProxyCommand).
//   - Only the keywords below change the result; other valid OpenSSH keywords are accepted silently,
//     unknown ones are warned about (unless listed in IgnoreUnknown).
//
// Keywords and their % tokens (tokens are checked at load; a line with an unknown one is skipped):
//   HostName (%h = host as typed, %%), User, Port, IdentityFile (several; "none" = no key files, not
//   even the default ones), IdentitiesOnly, ProxyJump ("none"), ProxyCommand ("none"),
//   ConnectTimeout (seconds or ssh time format like 1m30s; "none" or 0 -> connectTimeoutMs 0, meaning
//   no timeout of our own), StrictHostKeyChecking (yes/true, no/false/off, ask, accept-new; see
//   parseHostKeyPolicy), UserKnownHostsFile (several names on one line; "none" -> an empty list),
//   HostKeyAlias. IdentityFile and UserKnownHostsFile take ~, ${ENV} and %% %d %h %i %k %L %l %n %p %r
//   %u; ProxyCommand takes %% %h %n %p %r. ProxyJump and ProxyCommand exclude each other as in ssh:
//   whichever comes first wins, and "ProxyJump none" only stops later ProxyJump lines.
class SshConfig
{
public:
    // A missing file is an empty config, not an error. An unreadable file or a bad line adds a
    // warning "FILE:LINE: what" ("FILE: what" for the file as a whole) and loading goes on.
    static SshConfig load(const QString &path, QStringList *warnings = nullptr);
    // ~/.ssh/config
    static QString defaultPath();

    // Resolves "[user@]host[:port]", "[user@][v6addr][:port]", a bare IPv6 address (no port then) or
    // an ssh_config alias. User and port given in the spec win over the config. Unset values get
    // built-in defaults: user $USER (or $LOGNAME, or the passwd entry), port 22, identity files the
    // existing ones of ~/.ssh/id_rsa, id_ecdsa, id_ed25519, known hosts ~/.ssh/known_hosts, and
    // HostTarget's own defaults for the rest (10 s connect timeout, Strict host keys).
    // target->name is the host as typed, without user@ and :port (an IPv6 address without brackets),
    // so "db" and "root@db:2222" share a name; use HostTarget::address() where they must differ.
    // On a malformed spec returns false and *error says what is wrong ("bad port \"70000\" in
    // \"db:70000\"") and *target is left alone.
    bool resolve(const QString &spec, HostTarget *target, QString *error) const;

    // Same, but with the caller's own defaults (say, from a --host-keys option) applying where the
    // config is silent. Precedence: spec > config > defaults > built-in defaults. A field of defaults
    // left at its HostTarget{} value counts as silent (an empty string or list, identitiesOnly false);
    // name and hostname are not read. Values in defaults are used as they are: no ~ or % expansion.
    // A config "none" (ProxyJump, ProxyCommand, IdentityFile, UserKnownHostsFile) is a value, and
    // overrides the caller's default.
    bool resolve(const QString &spec, const HostTarget &defaults, HostTarget *target, QString *error) const;

    // Concrete Host names (no wildcard, not negated), in file order without repeats, for importing
    // into profiles. Includes the files pulled in with Include.
    QStringList concreteHosts() const;

    // Splits a spec as resolve() reads it. *port is 0 when the spec names none.
    static bool parseSpec(const QString &spec, QString *user, QString *host, int *port, QString *error);

private:
    struct Data;
    std::shared_ptr<const Data> m_data;
};

} // namespace Chorus
