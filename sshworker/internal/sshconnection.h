#pragma once

#include "model/core/hostresult.h"
#include "model/core/hosttarget.h"
#include "sshworker/internal/agentrelay.h"
#include "sshworker/internal/enginebuild.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <libssh/libssh.h>

#include <memory>


namespace Chorus {

class HostJob;
class ProxyProcess;
class SshWorker;
class Tunnel;

// One SSH connection (a libssh session) owned by a worker: resolve, TCP connect, key exchange,
// host key check against known_hosts, authentication, then a carrier for any number of
// command channels. Every call returns at once; step() is called again when the worker's
// poll says something may have moved.
//
// A host behind jump hosts (ProxyJump) runs its session through a Tunnel on the connection to the
// last jump host, which is a connection like any other in the same worker (reached through the
// hops before it in turn), shared by every host behind it. While it is not ready the host waits
// (WaitingForJump); its questions (host key, secrets) are asked for the first host waiting on it;
// its failure fails every host behind it, naming it.
class SshConnection
{
public:
    enum class Phase
    {
        WaitingForSlot, // the pool-wide handshake cap is reached
        WaitingForJump, // the jump host's connection is not ready, or its cap on handshakes is reached
        Resolving,
        WaitingForServer, // the cap on handshakes in flight to this server address is reached
        RetryWaiting,     // the server dropped the connection before it was authenticated: back off
        TcpConnecting,
        Handshaking,
        AwaitingHostKey,
        Authenticating,
        AwaitingSecret,
        Ready,
        Dead,
    };

    SshConnection(SshWorker *worker, const HostTarget &target, quint64 serial);
    ~SshConnection();

    void step();
    // The socket the worker's poll should watch, and the events wanted; -1 when there is none.
    int pollFd(short *events) const;
    // The worker's poll saw these events on pollFd(): processes this session's packets.
    void onSocketEvent(short revents);
    void addWaiter(HostJob *command);
    void removeWaiter(HostJob *command);
    void onResolved(const QList<QHostAddress> &addresses, const QString &error);
    void onTcpReady();
    void answerHostKey(bool accept);
    void provideSecret(const QByteArray &secret, bool given);
    void checkDeadline(qint64 now);
    void keepalive(qint64 now, int intervalMs);
    void close(); // sends a disconnect and frees the session

    // Jump hosts: the hosts whose sessions go through this connection.
    // Hosts in their handshake at once through one jump host, unless its target says otherwise
    // (HostTarget::jumpHandshakes, from its profile). Each host's own sshd is capped apart.
    static constexpr int DefaultHandshakesPerJump = 32;
    void addDependant(SshConnection *connection);
    void removeDependant(SshConnection *connection);
    bool hasDependants() const { return !m_dependants.isEmpty(); }
    int handshakesThrough() const;
    // The socket pair end this connection's tunnel pumps, if it has one.
    int tunnelFd(short *events) const;
    void onTunnelEvent(short revents);

    Phase phase() const { return m_phase; }
    bool isDead() const { return m_phase == Phase::Dead; }
    bool isUsable(); // Ready and the socket still up
    const QString &key() const { return m_key; }
    quint64 serial() const { return m_serial; }
    ssh_session_struct *session() const { return m_session; }
    const HostTarget &target() const { return m_target; }
    const QList<HostJob *> &waiters() const { return m_waiters; }
    int activeChannels() const { return m_channels; }
    // The server refused a new channel while the connection was fine (sshd's MaxSessions): it takes no
    // more than the ones open now, and jobs go to another connection to the same host, as with
    // OpenSSH's ControlMaster.
    void noteChannelRefused();
    bool isFull() const { return m_channelLimit > 0 && m_channels >= m_channelLimit; }
    void channelOpened() { ++m_channels; m_lastUsedUs = 0; }
    void channelClosed(qint64 now);
    qint64 idleSinceUs() const { return m_lastUsedUs; }
    qint64 nextDeadlineUs() const;
    // Packets libssh has processed for this session so far, whoever's call processed them.
    quint64 packetsIn() const { return m_packets.in_packets; }

    // Phase timestamps (steady clock µs), copied into each command that waited for them.
    qint64 resolvedUs = -1, tcpUs = -1, kexUs = -1, hostKeyUs = -1, authUs = -1;
    qint64 jumpReadyUs = -1, tunnelUs = -1; // through a jump host, in place of resolvedUs and tcpUs
    FailureKind failure = FailureKind::None;
    bool timedOut = false; // the connect deadline passed (the error says so in the user's language)
    QString error;
    int attempts = 0;      // TCP connections made so far: more than one after the server dropped some
    // What it tried and what the library said, for `chorus run -v` and the host's details.
    QStringList log;

private:
    enum class AuthStep
    {
        None,
        Agent,
        Key,
        KbdInt,
        Password,
    };
    void setPhase(Phase phase);
    void fail(FailureKind kind, const QString &message);
    void note(const QString &line);
    // A handshake that failed after the TCP connection was made: retried with back-off when the
    // server dropped it before its banner (sshd's MaxStartups), else failed with what happened.
    void handshakeFailed();
    void releaseSlots(bool dropped);
    void closeSession();
    void resetDeadline();
    bool throughJump() const;
    void stepJump();
    void jumpLost(const SshConnection &jump);
    // The host to ask the user on behalf of: the first waiting here, else of the hosts behind this one.
    const HostJob *askingJob() const;
    void beginHandshake();
    void tryNextAddress();
    void startSsh(int fd);
    void checkHostKey();
    void startAuth();
    void stepAuth();
    void planIdentities();
    QString agentSocket() const;
    QStringList knownHostsFiles() const;
    void showAgentKeys(const QList<AgentKey> &keys);
    bool nextAuthStep();
    void advanceAuth();
    void authenticated();
    void authLost();
    void askSecret(int kind, const QString &detail, bool retry);
    QString describeTried() const;
    QString libsshError() const;
    QString serverDisconnectReason() const;
    QString kexFailure(const QString &library) const;
    void wipeSecret();

    SshWorker *m_worker;
    HostTarget m_target;
    QString m_key;
    quint64 m_serial;
    ssh_session_struct *m_session = nullptr;
    ssh_event_struct *m_event = nullptr; // this session's own: see SshWorker::poll
    std::unique_ptr<ProxyProcess> m_proxy;
    SshConnection *m_jump = nullptr; // the last jump host's connection, while this one goes through it
    std::unique_ptr<Tunnel> m_tunnel;
    QList<SshConnection *> m_dependants;
    ssh_counter_struct m_packets{};
    ssh_counter_struct m_bytes{};
    Phase m_phase = Phase::WaitingForSlot;
    bool m_haveSlot = false;
    int m_sessionFd = -1;     // the socket (or proxy's socket pair end) the session runs on
    int m_connectionSlot = 0; // descriptors' worth of the pool's connection budget this one holds
    QString m_serverSlot; // "address port" while it holds a slot of that server's handshake cap
    qint64 m_retryAtUs = 0;
    qint64 m_deadlineUs = 0;
    qint64 m_lastUsedUs = 0;     // 0 while in use
    qint64 m_lastKeepaliveUs = 0;
    int m_channels = 0;
    int m_channelLimit = 0; // 0: as many as the server gives
    QList<HostJob *> m_waiters;

    quint64 m_resolveTicket = 0;
    QList<QHostAddress> m_addresses;
    int m_addressIndex = -1;
    int m_tcpFd = -1;
    bool m_tcpReady = false;
    QString m_tcpErrors;

    // Host key waiting for an answer.
    QString m_hostKeyType;
    QByteArray m_hostKeyBase64;
    QString m_lookupName;
    QString m_fallbackName; // the bare host name, for a port other than 22

    // Authentication. A public key attempt is a group of agent keys (offered by libssh one after
    // the other) or one key file, maybe with a certificate.
    struct Identity
    {
        QList<AgentKey> agentKeys;
        QString file;
        QString certificate;
    };
    const Identity &currentIdentity() const;
    int m_methods = 0;
    AuthStep m_authStep = AuthStep::None;
    QList<Identity> m_identities;
    int m_identityIndex = -1;
    bool m_identitiesPlanned = false;
    quint64 m_agentLink = 0;
    bool m_authCallPending = false;
    QStringList m_tried;
    QByteArray m_secret;         // a password or passphrase while auth needs it; wiped after
    bool m_haveSecret = false;
    int m_secretKind = -1;       // SecretKind while AwaitingSecret
    int m_passwordAttempts = 0;
    int m_passphraseAttempts = 0;
    bool m_kbdintAnswered = false;
    bool m_kbdintInfo = false;  // questions received, answers not sent yet
    bool m_kbdintDone = false, m_passwordDone = false;
};

} // namespace Chorus
