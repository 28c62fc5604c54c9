#pragma once

#include "model/core/jumptarget.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace Chorus {

// What to do with a host key that known_hosts does not list. A key that differs
// from a listed one is always refused, whatever the policy.
enum class HostKeyPolicy
{
    Strict,    // refuse unknown keys
    AcceptNew, // record unknown keys in known_hosts and go on
    Ask,       // park the host and ask the caller (who may accept many at once)
};

QString hostKeyPolicyName(HostKeyPolicy policy);
// A host's name as a file or folder name, for HOST.out of `chorus run -o` and LOCAL/HOST/ of a pull:
// '/' and NUL made '_', and "." or ".." given a leading '_'.
QString hostFileStem(const QString &hostName);
// Accepts our names and OpenSSH's StrictHostKeyChecking values (yes, no, ask, accept-new).
bool parseHostKeyPolicy(const QString &text, HostKeyPolicy *policy);

// One host as the engine connects to it, fully resolved: an ssh_config alias or a
// profile has already been turned into these values. A value type, safe to copy
// across threads.
struct HostTarget
{
    QString name;      // what the user calls it (alias, profile name, or as typed); labels output
    QString hostname;  // the address or DNS name connected to
    quint16 port = 22;
    QString user;
    // OpenSSH IdentityFile, in order. Each is offered first (from the agent when it holds that key,
    // else from the file; a ".pub" file names a key that only the agent has), then the agent's other
    // keys unless identitiesOnly.
    QStringList identityFiles;
    bool identitiesOnly = false; // OpenSSH IdentitiesOnly: skip agent keys not listed
    QStringList certificateFiles; // OpenSSH CertificateFile; "KEY-cert.pub" beside a key is found without it
    QString identityAgent;        // OpenSSH IdentityAgent: a socket path; empty: $SSH_AUTH_SOCK; "none": no agent
    QString proxyJump;          // OpenSSH ProxyJump value, empty for a direct connection
    // The last jump host when it comes from a host profile, resolved; otherwise the engine resolves
    // proxyJump's hops with configFile, as ssh -J does.
    JumpTarget jump;
    // When this host is a jump host: at most this many hosts behind it in their handshake at once;
    // 0: the engine's default. Not part of the connection.
    int jumpHandshakes = 0;
    QString proxyCommand;       // OpenSSH ProxyCommand, %h %p %r already expanded
    QString configFile;         // the ssh_config the jump hosts are resolved with (empty: ssh's default)
    int connectTimeoutMs = 10000; // 0: no limit of our own (ConnectTimeout none)
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Strict;
    QStringList knownHostsFiles; // OpenSSH UserKnownHostsFile: the first one is where accepted keys are written
    QStringList globalKnownHostsFiles; // OpenSSH GlobalKnownHostsFile: read, never written
    QString hostKeyAlias;        // OpenSSH HostKeyAlias: the name looked up in known_hosts
    // The saved host profile this target was made from, under which the keychain keeps its secrets;
    // null for hosts from ssh_config or the command line. Not part of the connection.
    QUuid profile;

    // Hosts with equal keys share one SSH connection. The known_hosts files are part of it:
    // a connection verified against one set of files is not reused for another.
    QString connectionKey() const;
    // user@host:port as a person would type it to reach this target.
    QString address() const;
    bool operator==(const HostTarget &other) const = default;
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::HostTarget)
