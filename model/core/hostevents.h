#pragma once

#include "model/core/runrequest.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QUuid>

namespace Chorus {

// Where a host is in its run; reported as it moves on.
enum class HostState
{
    Queued,
    Connecting,      // resolve, TCP, key exchange
    AwaitingHostKey, // parked until the caller accepts or rejects an unknown key
    Authenticating,
    AwaitingSecret,  // parked until the caller supplies a password or passphrase
    Running,         // the command runs
    Finished,
};

// A batch of a host's output, in arrival order.
struct OutputChunk
{
    RunId run = 0;
    int host = -1;
    bool isStderr = false;
    QByteArray data;
};

// An unknown host key the caller is asked about (policy "ask").
struct HostKeyQuestion
{
    RunId run = 0;
    int host = -1;
    QString hostName;    // target name
    QString lookupName;  // as known_hosts would list it: "host" or "[host]:port"
    QString keyType;     // "ssh-ed25519"
    QString fingerprint; // "SHA256:..."
    QString knownHostsFile; // where an accepted key is written
};

// What kind of secret the engine asks the caller for.
enum class SecretKind
{
    Password,   // password or keyboard-interactive password prompt
    Passphrase, // to unlock a private key file
    Sudo,       // the sudo password
};

struct SecretRequest
{
    RunId run = 0;
    int host = -1;
    QString hostName;
    QString user;
    SecretKind kind = SecretKind::Password;
    QString detail;  // the key file for a passphrase, the server's prompt for keyboard-interactive
    bool retry = false; // the previous answer was refused
    QUuid profile;      // HostTarget::profile: where the keychain keeps this host's secrets
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::OutputChunk)
Q_DECLARE_METATYPE(Chorus::HostKeyQuestion)
Q_DECLARE_METATYPE(Chorus::SecretRequest)
