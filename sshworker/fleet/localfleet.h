#pragma once

#include "model/core/hosttarget.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

class QTemporaryDir;

namespace Chorus {

// One host of a LocalFleet as a client reaches it.
struct FleetHost
{
    QString name;    // the ssh_config Host alias, e.g. "node01"
    QString address; // a loopback address in 127.0.0.0/8
    quint16 port = 0;
    bool operator==(const FleetHost &other) const = default;
};

// A fleet of real OpenSSH servers on loopback for tests, benchmarks and `chorus --demo`.
// Every host gets its own address in 127.R.0.0/16, R random per fleet and held by a lock
// socket, so fleets started at the same time never collide. Up to 16 hosts share one
// `sshd -D` process (sshd's ListenAddress limit). Everything lives in one temporary
// directory: keys, known_hosts, authorized_keys and an ssh_config that OpenSSH ssh, pssh,
// clush and Ansible can use with `-F`.
//
// Works as root (logs in as root) and as an ordinary user (logs in as that user only).
// Not thread-safe; call it from one long-lived thread: the servers are told to end when
// the thread that started them ends (PR_SET_PDEATHSIG), so a crashed test leaves no servers.
class LocalFleet
{
public:
    static constexpr int MaxHosts = 500;
    static constexpr int HostsPerServer = 16;

    LocalFleet();
    ~LocalFleet(); // stop()
    LocalFleet(const LocalFleet &) = delete;
    LocalFleet &operator=(const LocalFleet &) = delete;

    // True when sshd and ssh-keygen are installed; otherwise why not.
    static bool isAvailable(QString *why = nullptr);

    // Starts hostCount (1..MaxHosts) hosts and returns once every one of them has sent its
    // SSH banner (at most ~30 s). On failure returns false with *error set and leaves
    // nothing running. A running fleet is stopped first.
    bool start(int hostCount, QString *error = nullptr);
    // Ends exactly the processes this fleet started, by pid (SIGTERM, SIGKILL after 3 s),
    // including the servers' per-connection processes and the commands they run, then
    // removes the directory. Safe to call twice.
    void stop();
    bool isRunning() const;

    // The fleet's hosts in order, whether or not their server is stopped; no fault hosts.
    QList<FleetHost> hosts() const;
    QString directory() const;
    QString sshConfigPath() const;           // one Host entry per host, fault hosts included
    QString knownHostsPath() const;          // every host whose key a client should accept
    QString identityFile() const;            // unencrypted ed25519 private key; ".pub" beside it
    QString user() const;                    // the local user; the only one the servers let in
    QString hostKeyFingerprint() const;      // "SHA256:..." of the fleet's host key
    // How the engine reaches a fleet host: the fleet's key only (agent keys mean nothing to
    // these servers) and strict checking against the fleet's known_hosts.
    HostTarget target(const FleetHost &host) const;
    QString otherHostKeyFingerprint() const; // of the key the wrong- and unknown-key hosts use

    // Fault hosts, each on its own loopback address with its own Host entry in ssh_config.
    // They do not appear in hosts(). An empty FleetHost means it could not be set up (see log).
    FleetHost addRefusingHost();   // nothing listens: connection refused
    FleetHost addBlackHole();      // TCP connects, but no byte is ever sent
    FleetHost addWrongKeyHost();   // known_hosts lists a different key than the server has
    FleetHost addUnknownKeyHost(); // known_hosts does not list the address at all
    // Offers password and keyboard-interactive authentication through PAM, public keys too;
    // its key is in known_hosts. Only meaningful as root: an unprivileged sshd starts and
    // offers the methods, but PAM can at best check the running user's own password.
    // keyboardInteractive=false offers password authentication without keyboard-interactive.
    FleetHost addPasswordHost(bool keyboardInteractive = true);
    // A host that serves as a jump host (bastion): an ordinary fleet host whose sshd also logs, at
    // DEBUG1, every direct-tcpip channel it opens, so tests can see the path a connection took.
    FleetHost addJumpHost();
    // Where a jump host's sshd forwarded connections to, in order: "ADDRESS:PORT" per direct-tcpip
    // channel, from its log.
    QStringList forwardings(const FleetHost &jumpHost) const;

    // Stops the sshd serving hosts()[hostIndex] (and up to 15 neighbours sharing it), with
    // its open connections, as if the machine went away. restartServer() brings it back
    // with the same addresses and keys and returns once it answers.
    bool stopServer(int hostIndex);
    bool restartServer(int hostIndex);
    // Freezes the sshd serving hosts()[hostIndex] (and its neighbours) with its connection processes
    // (SIGSTOP), as a machine that stopped answering without closing anything: connections stay
    // open and no byte comes back. resumeServer() lets them go on (SIGCONT); stop() ends paused
    // servers too.
    bool pauseServer(int hostIndex);
    bool resumeServer(int hostIndex);
    // Index of the sshd serving hosts()[hostIndex]; hosts sharing a server share the index.
    int serverIndex(int hostIndex) const;

    // TCP connections the server has accepted on that host's address since start(),
    // from its log; the readiness probes of start()/restartServer() count too, so compare
    // differences. -1 for a host no sshd of this fleet serves.
    int connectionCount(int hostIndex) const;
    int connectionCount(const FleetHost &host) const;

    // Pids of the running sshd listeners: the fleet's servers in order, then fault hosts'.
    // The listeners reap their connection processes, so their CPU time ends up in the
    // listeners' cutime/cstime.
    QList<qint64> serverPids() const;

private:
    struct Server;
    enum class Fault
    {
        WrongKey,
        UnknownKey,
        Password,
        Jump,
    };

    const Server *serverOf(const FleetHost &host) const;
    bool startOnce(int hostCount, QString *error);
    bool makeKeys(QString *error);
    bool reserveAddresses(int hostCount, QString *error);
    QString addressFor(int third, int fourth) const;
    bool writeServerConfig(Server &server, QString *error) const;
    bool launch(Server &server, QString *error);
    bool waitForBanners(const QList<Server *> &servers, QString *error) const;
    void stopProcesses(const QList<Server *> &servers);
    bool writeClientFiles(QString *error) const;
    FleetHost addFaultServer(Fault fault, bool keyboardInteractive = true);
    FleetHost reserveFaultHost(const QString &prefix);
    QString faultName(const QString &prefix);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_user;
    QString m_hostKeyLine;
    QString m_otherKeyLine;
    QString m_fingerprint;
    QString m_otherFingerprint;
    int m_octet = 0;    // R in 127.R.x.y
    quint16 m_port = 0; // shared by every host that can have it
    int m_lockFd = -1;  // bound to 127.R.255.254 so no other fleet takes R
    QList<FleetHost> m_hosts;
    std::vector<std::unique_ptr<Server>> m_servers; // fleet servers first, then fault hosts'
    int m_fleetServerCount = 0;

    struct FaultHost
    {
        FleetHost host;
        bool inKnownHosts = false;
        bool otherKey = false; // listed with the fleet key while serving the other one
    };
    QList<FaultHost> m_faults;
    QList<int> m_blackHoleFds;
    int m_faultAddressCount = 0;
};

} // namespace Chorus
