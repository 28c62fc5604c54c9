#pragma once

#include "model/core/hosttarget.h"
#include "model/core/result.h"
#include "model/ssh/sshresolution.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Chorus {

// The user's OpenSSH client configuration, so that whatever a user types to reach a host with `ssh`
// reaches the same host, as the same user, with the same keys, through the same jump host, in Chorus:
// for any host, Chorus connects if and only if `ssh -F <same config> host` does, or it says which
// OpenSSH feature it lacks (the table below). Read once with loadDefault() (~/.ssh/config, then
// /etc/ssh/ssh_config, as plain `ssh`) or load() (one file, as `ssh -F`), then asked about any number
// of hosts; an immutable value, cheap to copy and safe to share between threads.
//
// Follows ssh 9.2's rules (readconf.c, ssh.c): Host blocks with several patterns per line (*, ?,
// !negation; matched case-sensitively against the host as typed), Match blocks (below), the first
// value obtained for a keyword wins (IdentityFile and CertificateFile accumulate, without repeats),
// keywords are case-insensitive, "key value" and "key=value", quotes, '#' comments, Include (globs;
// relative paths are under ~/.ssh, or /etc/ssh in the system file; nested up to 16 deep; a file
// already being read is skipped with a warning). The final host name is lower-cased as ssh does;
// a numeric address is written in its canonical form ("127.1" -> "127.0.0.1").
//
// Match, evaluated in ssh's order: the criteria all, canonical, final, exec, host, originalhost,
// user and localuser, each negatable with '!', words split as ssh's strdelim() splits them; all must
// hold. "host" sees the HostName-expanded name known so far, "originalhost" the name as typed, both
// case-insensitively; "user" the User so far (or the local user), "localuser" the local user.
// "exec" runs the command with $SHELL -c (/bin/sh when SHELL is unset), stdin and stdout on /dev/null,
// stderr passed through; it matches on exit status 0, runs only if the criteria before it hold, and
// gets at most 10 s (then it does not match, with a warning). Each distinct command runs once per
// resolve. "final" asks for a second pass; "canonical" and "final" match only in that pass. As in
// ssh 9.2, "!final" asks for the second pass too.
//
// Two passes, as ssh.c: the first with the host as typed; then HostName is expanded, the name
// lower-cased and, if CanonicalizeHostname says so, canonicalised; a second pass runs when a Match
// said "final" or canonicalisation is on, matching Host and Match host against that final name.
// Values set in the first pass keep priority; HostName is fixed after the first.
//
// Canonicalisation (CanonicalizeHostname no|yes|always, CanonicalDomains, CanonicalizeMaxDots,
// CanonicalizeFallbackLocal): a name with at most MaxDots dots and no trailing dot becomes the first
// NAME.DOMAIN that resolves; "yes" applies only without ProxyJump and ProxyCommand, "always" to
// proxied hosts too. When no domain resolves and CanonicalizeFallbackLocal is no, resolving fails
// naming the host and the domains. CanonicalizePermittedCNAMEs is read and shown but not applied.
//
// Keywords and their % tokens (tokens are checked at load; a line with an unknown one is skipped):
//   HostName (%h = host as typed, %%), User, Port, IdentityFile (several; "none" = no key files, not
//   even the default ones; without any, the existing ones of ~/.ssh/id_rsa, id_ecdsa, id_ecdsa_sk,
//   id_ed25519, id_ed25519_sk, id_xmss, id_dsa), CertificateFile (several), IdentitiesOnly,
//   IdentityAgent (SSH_AUTH_SOCK = the environment's socket, stored as ""; "none"; "$VAR"; or a path),
//   ProxyJump ("none"), ProxyCommand ("none"), ConnectTimeout (seconds or ssh time format like
//   1m30s; "none" or 0 -> connectTimeoutMs 0, meaning no timeout of our own; as in ssh, "none" does
//   not stop a later ConnectTimeout line), StrictHostKeyChecking (yes/true, no/false/off, ask,
//   accept-new; see parseHostKeyPolicy), UserKnownHostsFile (several names on one line; "none" -> an
//   empty list), GlobalKnownHostsFile (the same; default /etc/ssh/ssh_known_hosts and
//   ssh_known_hosts2; ~ only, as ssh), HostKeyAlias (lower-cased). AddressFamily, BatchMode,
//   NumberOfPasswordPrompts, PreferredAuthentications, PubkeyAuthentication, PasswordAuthentication,
//   KbdInteractiveAuthentication and the Canonicalize* keywords are read into SshResolution.
//   IdentityFile, CertificateFile, IdentityAgent and UserKnownHostsFile take ~, ${ENV} and
//   %% %C %d %h %i %k %L %l %n %p %r %u; ProxyCommand takes %% %h %n %p %r; Match exec takes
//   %% %C %d %h %i %k %L %l %n %p %r %u with the values known at that point. ProxyJump and
//   ProxyCommand exclude each other as in ssh: whichever comes first wins, and "ProxyJump none" only
//   stops later ProxyJump lines.
//
// Where it knowingly differs from ssh:
//   - "~", %d and the default ~/.ssh/config are $HOME (ssh takes the passwd entry), and the local
//     user (%u, localuser, the default User) is $USER, then $LOGNAME, then the passwd entry, so a
//     sandboxed HOME and USER are honoured.
//   - A bad line is warned about and skipped instead of stopping everything (a bad Match line makes
//     its block match no host); a file that is group or world writable or owned by someone else is
//     skipped with a warning (ssh refuses it outright, because it may carry a ProxyCommand).
//   - Include loops: besides ssh's 16 levels, a file already on the include chain is skipped, and one
//     load reads at most 512 files and keeps at most 100,000 settings; past that the rest is skipped
//     with one warning naming the Include line (ssh stops with a fatal error).
//   - A Match exec that runs longer than 10 s does not match (ssh waits for ever); one that cannot
//     be started or dies of a signal does not match, with a warning (ssh stops).
//   - IgnoreUnknown applies to the whole load (ssh: from the first active one onwards).
//   - Without UserKnownHostsFile only ~/.ssh/known_hosts is read (ssh also reads known_hosts2).
//
// The OpenSSH keywords Chorus reads but does not honour, and what happens instead, are listed in one
// place: README.md, "OpenSSH configuration". Valid keywords not listed there or above are accepted
// silently (as deprecated ones are by ssh); unknown ones are warned about unless IgnoreUnknown lists
// them.
class SshConfig
{
public:
    // One file and what it includes, as `ssh -F path`. A missing file is an empty config, not an
    // error. An unreadable file or a bad line adds a warning "FILE:LINE: what" ("FILE: what" for the
    // file as a whole) and loading goes on.
    static SshConfig load(const QString &path, QStringList *warnings = nullptr);
    // What plain `ssh` reads: defaultPath(), then systemFile (and what each includes), the user's
    // file first so that its values win. Tests name their own system file.
    static SshConfig loadDefault(QStringList *warnings = nullptr, const QString &systemFile = systemPath());
    // ~/.ssh/config
    static QString defaultPath();
    // /etc/ssh/ssh_config
    static QString systemPath();

    // This config with option lines that come before every file, as `ssh -o` ("Port=2222",
    // "User bob"): they win over the files and are seen by Match user. Host, Match and Include are
    // refused, and so is any line the files would only have warned about. Fails (BadInput) on the
    // first bad line, naming it.
    Result<SshConfig> withOptions(const QStringList &optionLines) const;

    // Resolves "[user@]host[:port]", "[user@][v6addr][:port]", a bare IPv6 address (no port then) or
    // an ssh_config alias, as `ssh [user@]host [-p port]`: user and port in the spec act as -l and -p
    // (only withOptions() lines win over them) and are what Match user sees. Values the config leaves
    // open come from defaults (below), then built-in defaults: user $USER (or $LOGNAME, or the
    // passwd entry), port 22, the default identity files, known hosts ~/.ssh/known_hosts, global known
    // hosts as ssh, and HostTarget's own defaults for the rest (10 s connect timeout, Strict host keys).
    // target.name is the host as typed, without user@ and :port (an IPv6 address without brackets),
    // so "db" and "root@db:2222" share a name; use HostTarget::address() where they must differ.
    // Fails (BadInput) on a malformed spec ("bad port \"70000\" in \"db:70000\"") and (NotFound) when
    // canonicalisation finds no name and CanonicalizeFallbackLocal is no. May run Match exec commands
    // and, only when the config asks for canonicalisation, blocking DNS lookups.
    //
    // defaults: the caller's own values (say, from a --host-keys option) applying where the config is
    // silent. Precedence: options > spec > config > defaults > built-in defaults. A field of defaults
    // left at its HostTarget{} value counts as silent (an empty string or list, identitiesOnly false);
    // name and hostname are not read. Values in defaults are used as they are: no ~ or % expansion.
    // A config "none" (ProxyJump, ProxyCommand, IdentityFile, UserKnownHostsFile,
    // GlobalKnownHostsFile, IdentityAgent) is a value, and overrides the caller's default.
    Result<SshResolution> resolveHost(const QString &spec, const HostTarget &defaults = HostTarget()) const;

    // resolveHost()'s target; its warnings go to the chorus.model log. On failure returns false,
    // *error says what is wrong and *target is left alone.
    bool resolve(const QString &spec, HostTarget *target, QString *error) const;
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
