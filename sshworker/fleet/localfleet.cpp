#include "sshworker/fleet/localfleet.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <arpa/inet.h>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFleet, "chorus.fleet", QtInfoMsg)

namespace Chorus {

namespace {

constexpr int kReadyTimeoutMs = 30000;
constexpr int kTermGraceMs = 3000;
constexpr int kMaxProbesInFlight = 128;
constexpr int kProbeRetryMs = 50;
// The lock socket sits on 127.R.255.254, an address no host ever gets, so this port only has
// to be unprivileged and outside the hosts' range.
constexpr quint16 kLockPort = 19999;
constexpr quint16 kFirstPort = 20000; // hosts' ports: below Linux's ephemeral range (32768-)
constexpr quint16 kPortSpan = 12000;
constexpr int kFaultThirdOctet = 254;

QString sshdProgram()
{
    // sshd re-executes itself for every connection and insists on an absolute path.
    const QString standard = QStringLiteral("/usr/sbin/sshd");
    if (QFileInfo(standard).isExecutable())
        return standard;
    return QStandardPaths::findExecutable(QStringLiteral("sshd"),
                                          {QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin")});
}

QString keygenProgram()
{
    QString path = QStandardPaths::findExecutable(QStringLiteral("ssh-keygen"));
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(QStringLiteral("ssh-keygen"), {QStringLiteral("/usr/bin")});
    return path;
}

bool toSockaddr(const QString &address, quint16 port, sockaddr_in *sa)
{
    *sa = {};
    sa->sin_family = AF_INET;
    sa->sin_port = htons(port);
    const QByteArray a = address.toLatin1();
    // Guard: the fleet never binds or connects outside loopback.
    return inet_pton(AF_INET, a.constData(), &sa->sin_addr) == 1 && a.startsWith("127.");
}

// A bound socket (no SO_REUSEADDR) or -1: proves nobody else holds address:port.
int bindSocket(const QString &address, quint16 port)
{
    sockaddr_in sa;
    if (!toSockaddr(address, port, &sa))
        return -1;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool canBind(const QString &address, quint16 port)
{
    const int fd = bindSocket(address, port);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
}

// ssh_config expands %-tokens in file names and splits on blanks unless quoted.
QString clientPath(const QString &path)
{
    QString p = path;
    p.replace(u'%', QStringLiteral("%%"));
    return u'"' + p + u'"';
}

QString quoted(const QString &path)
{
    return u'"' + path + u'"';
}

QString knownHostsName(const FleetHost &host)
{
    return u'[' + host.address + QStringLiteral("]:") + QString::number(host.port);
}

QString logTail(const QString &path, int lines = 8)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList all = QString::fromUtf8(f.readAll()).remove(u'\r').split(u'\n', Qt::SkipEmptyParts);
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(QStringLiteral(" | "));
}

bool runTool(const QString &program, const QStringList &args, QByteArray *out, QString *error)
{
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start();
    if (!p.waitForFinished(15000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error) {
            *error = QStringLiteral("%1 %2 failed: %3 %4")
                         .arg(program, args.join(u' '), p.errorString(),
                              QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        }
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(1000);
        }
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

// Parent pid of every process we can see, from /proc/<pid>/stat.
QHash<pid_t, pid_t> parentsOfAll()
{
    QHash<pid_t, pid_t> parents;
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return parents;
    while (dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (pid <= 0 || *end != '\0')
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        const int close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1)
            parents.insert(pid_t(pid), pid_t(fields.at(1).toLong()));
    }
    ::closedir(proc);
    return parents;
}

QSet<pid_t> descendantsOf(const QSet<pid_t> &roots, const QHash<pid_t, pid_t> &parents)
{
    QSet<pid_t> found;
    bool grew = true;
    while (grew) {
        grew = false;
        for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
            if (!found.contains(it.key()) && (roots.contains(it.value()) || found.contains(it.value()))) {
                found.insert(it.key());
                grew = true;
            }
        }
    }
    return found;
}

// Stops the listeners, then everything below them. Stopped processes can neither fork nor reap,
// so the tree holds still and no pid in it can be reused by the time we signal it again. Returns
// the processes below the listeners.
QSet<pid_t> freezeTree(const QSet<pid_t> &listeners)
{
    for (pid_t pid : listeners)
        ::kill(pid, SIGSTOP);
    QSet<pid_t> frozen;
    for (int round = 0; round < 50; ++round) {
        const QSet<pid_t> fresh = descendantsOf(listeners, parentsOfAll()) - frozen;
        if (fresh.isEmpty())
            break;
        for (pid_t pid : fresh)
            ::kill(pid, SIGSTOP);
        frozen += fresh;
    }
    return frozen;
}

} // namespace

struct LocalFleet::Server
{
    int number = 0; // names its files: sshd-<number>.*
    QStringList addresses;
    quint16 port = 0;
    QString hostKey; // private key file
    bool password = false;
    bool keyboardInteractive = true; // with password: offer keyboard-interactive too
    bool logForwardings = false;     // LogLevel DEBUG1: direct-tcpip channels show in the log
    QString configPath;
    QString logPath;
    QString pidPath;
    qint64 logStart = 0; // where the current run's log begins
    std::unique_ptr<QProcess> process;

    bool running() const { return process && process->state() != QProcess::NotRunning; }
};

LocalFleet::LocalFleet() = default;

LocalFleet::~LocalFleet()
{
    stop();
}

bool LocalFleet::isAvailable(QString *why)
{
    QString reason;
    if (sshdProgram().isEmpty())
        reason = QStringLiteral("OpenSSH server (sshd) is not installed");
    else if (keygenProgram().isEmpty())
        reason = QStringLiteral("ssh-keygen is not installed");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

bool LocalFleet::start(int hostCount, QString *error)
{
    stop();
    QString err;
    if (hostCount < 1 || hostCount > MaxHosts) {
        err = QStringLiteral("a local fleet has 1 to %1 hosts, not %2").arg(MaxHosts).arg(hostCount);
    } else if (isAvailable(&err)) {
        // A foreign program can grab a port between our check and sshd's bind; another
        // address block and port then does it.
        for (int attempt = 0; attempt < 3; ++attempt) {
            if (startOnce(hostCount, &err))
                return true;
            stop();
            if (!err.contains(QStringLiteral("already in use")))
                break;
            qCDebug(lcFleet) << "local fleet: retrying elsewhere after" << err;
        }
    }
    qCWarning(lcFleet).noquote() << "local fleet did not start:" << err;
    if (error)
        *error = err;
    return false;
}

bool LocalFleet::startOnce(int hostCount, QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/chorus-fleet-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString();
        return false;
    }
    QDir(m_dir->path()).mkdir(QStringLiteral("home"));
    if (const passwd *pw = ::getpwuid(::geteuid()))
        m_user = QString::fromLocal8Bit(pw->pw_name);
    else
        m_user = qEnvironmentVariable("USER");

    if (::geteuid() == 0) {
        // Privilege separation chroots into this directory; only root's sshd needs it.
        struct stat st;
        if (::stat("/run/sshd", &st) != 0) {
            if (::mkdir("/run/sshd", 0755) != 0 && errno != EEXIST) {
                *error =
                    QStringLiteral("cannot create /run/sshd: ") + QString::fromLocal8Bit(strerror(errno));
                return false;
            }
            ::chmod("/run/sshd", 0755);
        }
    }

    if (!makeKeys(error) || !reserveAddresses(hostCount, error))
        return false;

    const int width = std::max(2, int(QString::number(hostCount).size()));
    for (int i = 0; i < hostCount; ++i) {
        m_hosts.append({QStringLiteral("node%1").arg(i + 1, width, 10, QLatin1Char('0')),
                        addressFor(i / 250, i % 250 + 1), m_port});
    }

    QList<Server *> started;
    for (int first = 0; first < hostCount; first += HostsPerServer) {
        auto server = std::make_unique<Server>();
        server->number = int(m_servers.size()) + 1;
        for (int i = first; i < std::min(hostCount, first + HostsPerServer); ++i)
            server->addresses.append(m_hosts.at(i).address);
        server->port = m_port;
        server->hostKey = m_dir->filePath(QStringLiteral("host_ed25519"));
        if (!writeServerConfig(*server, error))
            return false;
        const bool ok = launch(*server, error);
        started.append(server.get());
        m_servers.push_back(std::move(server));
        if (!ok)
            return false;
    }
    m_fleetServerCount = int(m_servers.size());

    if (!writeClientFiles(error) || !waitForBanners(started, error))
        return false;
    qCDebug(lcFleet).noquote() << "local fleet:" << hostCount << "hosts on" << addressFor(0, 1) << "... port"
                             << m_port << "in" << m_dir->path();
    return true;
}

bool LocalFleet::makeKeys(QString *error)
{
    const QString keygen = keygenProgram();
    const auto generate = [&](const QString &file, const QString &comment) {
        return runTool(keygen,
                       {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                        QStringLiteral("-N"), QString(), QStringLiteral("-C"), comment, QStringLiteral("-f"),
                        m_dir->filePath(file)},
                       nullptr, error);
    };
    const auto publicLine = [&](const QString &file) {
        QFile f(m_dir->filePath(file + QStringLiteral(".pub")));
        if (!f.open(QIODevice::ReadOnly))
            return QString();
        // Type and key only: known_hosts lines carry no comment.
        return QString::fromLatin1(f.readAll()).trimmed().section(u' ', 0, 1);
    };
    const auto fingerprint = [&](const QString &file, QString *out) {
        QByteArray text;
        if (!runTool(
                keygen,
                {QStringLiteral("-l"), QStringLiteral("-f"), m_dir->filePath(file + QStringLiteral(".pub"))},
                &text, error)) {
            return false;
        }
        // "256 SHA256:... comment (ED25519)"
        *out = QString::fromLatin1(text).section(u' ', 1, 1);
        return out->startsWith(QStringLiteral("SHA256:"));
    };

    if (!generate(QStringLiteral("host_ed25519"), QStringLiteral("chorus-fleet-host")) ||
        !generate(QStringLiteral("other_host_ed25519"), QStringLiteral("chorus-fleet-other-host")) ||
        !generate(QStringLiteral("id_ed25519"), QStringLiteral("chorus-fleet-user")) ||
        !fingerprint(QStringLiteral("host_ed25519"), &m_fingerprint) ||
        !fingerprint(QStringLiteral("other_host_ed25519"), &m_otherFingerprint)) {
        if (error->isEmpty())
            *error = QStringLiteral("ssh-keygen gave no fingerprint");
        return false;
    }
    m_hostKeyLine = publicLine(QStringLiteral("host_ed25519"));
    m_otherKeyLine = publicLine(QStringLiteral("other_host_ed25519"));

    QFile::remove(m_dir->filePath(QStringLiteral("authorized_keys")));
    if (!QFile::copy(m_dir->filePath(QStringLiteral("id_ed25519.pub")),
                     m_dir->filePath(QStringLiteral("authorized_keys"))) ||
        m_hostKeyLine.isEmpty() || m_otherKeyLine.isEmpty()) {
        *error = QStringLiteral("cannot set up the fleet's keys in ") + m_dir->path();
        return false;
    }
    return true;
}

QString LocalFleet::addressFor(int third, int fourth) const
{
    return QStringLiteral("127.%1.%2.%3").arg(m_octet).arg(third).arg(fourth);
}

bool LocalFleet::reserveAddresses(int hostCount, QString *error)
{
    auto *random = QRandomGenerator::global();
    for (int attempt = 0; attempt < 64; ++attempt) {
        m_octet = int(random->bounded(16, 251));
        // Whoever binds 127.R.255.254 owns 127.R.0.0/16 for as long as it keeps the socket.
        const int lock = bindSocket(addressFor(255, 254), kLockPort);
        if (lock < 0)
            continue;
        for (int portAttempt = 0; portAttempt < 8; ++portAttempt) {
            const auto port = quint16(kFirstPort + random->bounded(int(kPortSpan)));
            bool free = true;
            for (int i = 0; i < hostCount && free; ++i)
                free = canBind(addressFor(i / 250, i % 250 + 1), port);
            if (free) {
                m_lockFd = lock;
                m_port = port;
                return true;
            }
        }
        ::close(lock);
    }
    m_octet = 0;
    *error = QStringLiteral("no free loopback address block (127.16-250.x.y) with a free port");
    return false;
}

bool LocalFleet::writeServerConfig(Server &server, QString *error) const
{
    const QString base =
        m_dir->filePath(QStringLiteral("sshd-%1").arg(server.number, 2, 10, QLatin1Char('0')));
    server.configPath = base + QStringLiteral(".conf");
    server.logPath = base + QStringLiteral(".log");
    server.pidPath = base + QStringLiteral(".pid");

    QString authorizedKeys = m_dir->filePath(QStringLiteral("authorized_keys"));
    authorizedKeys.replace(u'%', QStringLiteral("%%"));
    const QString sftp = QFileInfo(QStringLiteral("/usr/lib/openssh/sftp-server")).isExecutable()
                             ? QStringLiteral("/usr/lib/openssh/sftp-server")
                             : QStringLiteral("internal-sftp");
    const QString yesNo = server.password ? QStringLiteral("yes") : QStringLiteral("no");

    QString text =
        QStringLiteral("# Chorus LocalFleet server %1\nPort %2\n").arg(server.number).arg(server.port);
    for (const QString &address : std::as_const(server.addresses))
        text += QStringLiteral("ListenAddress %1\n").arg(address);
    text += QStringLiteral("HostKey %1\n").arg(quoted(server.hostKey));
    text += QStringLiteral("PidFile %1\n").arg(quoted(server.pidPath));
    text += QStringLiteral("AuthorizedKeysFile %1\n").arg(quoted(authorizedKeys));
    text += QStringLiteral("UsePAM %1\nPasswordAuthentication %1\nKbdInteractiveAuthentication %2\n")
                .arg(yesNo, server.password && server.keyboardInteractive ? QStringLiteral("yes") : QStringLiteral("no"));
    text += QStringLiteral("PubkeyAuthentication yes\n"
                           "PermitRootLogin yes\n"
                           "StrictModes no\n"
                           "Compression no\n"
                           // Benchmarks open hundreds of connections at once; sshd's default
                           // (10:30:100) would drop most of them before authentication.
                           "MaxStartups 1000:30:2000\n"
                           "MaxSessions 100\n"
                           "UseDNS no\n"
                           // As Debian ships it, plus our own: tests of `chorus run --env`.
                           "AcceptEnv LANG LC_* CHORUS_*\n"
                           "PrintMotd no\n"
                           "PrintLastLog no\n");
    // VERBOSE logs every accepted connection: connectionCount() reads it. DEBUG1 adds the
    // direct-tcpip channels a jump host opens: forwardings() reads those.
    text += server.logForwardings ? QStringLiteral("LogLevel DEBUG1\n") : QStringLiteral("LogLevel VERBOSE\n");
    text += QStringLiteral("Subsystem sftp %1\n").arg(sftp);
    // Sessions get a HOME of their own, so the machine's dotfiles (bash reads ~/.bashrc for
    // every ssh command) cannot add their noise to what tests and benchmarks compare.
    text += QStringLiteral("SetEnv HOME=%1\n").arg(m_dir->filePath(QStringLiteral("home")));

    QSaveFile file(server.configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write ") + server.configPath;
        return false;
    }
    return true;
}

bool LocalFleet::launch(Server &server, QString *error)
{
    server.logStart = QFileInfo(server.logPath).size();
    auto process = std::make_unique<QProcess>();
    process->setProgram(sshdProgram());
    process->setArguments({QStringLiteral("-D"), QStringLiteral("-f"), server.configPath,
                           QStringLiteral("-E"), server.logPath});
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(QProcess::nullDevice());
    // Whatever sshd says before it opens its log lands in the same file.
    process->setStandardErrorFile(server.logPath, QIODevice::Append);
    process->setChildProcessModifier([] {
        // Ctrl+C in a terminal goes to the foreground process group; the servers stay out of
        // it, so their owner's stop() can end them with their connections, in order.
        ::setpgid(0, 0);
        // A test killed by its timeout must not leave servers behind.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    process->start();
    if (!process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(process->program(), process->errorString());
        return false;
    }
    server.process = std::move(process);
    return true;
}

bool LocalFleet::waitForBanners(const QList<Server *> &servers, QString *error) const
{
    struct Target
    {
        sockaddr_in sa;
        QString label;
        Server *server;
        bool done = false;
        bool inFlight = false;
        qint64 notBefore = 0;
    };
    struct Probe
    {
        int fd;
        int target;
        bool connected = false;
        QByteArray received;
    };

    QList<Target> targets;
    for (Server *server : servers) {
        for (const QString &address : std::as_const(server->addresses)) {
            Target t{};
            if (!toSockaddr(address, server->port, &t.sa)) {
                *error = QStringLiteral("not a loopback address: ") + address;
                return false;
            }
            t.label = address + u':' + QString::number(server->port);
            t.server = server;
            targets.append(t);
        }
    }

    QElapsedTimer clock;
    clock.start();
    QList<Probe> probes;
    qsizetype done = 0;
    qint64 nextLivenessCheck = 0;
    const auto closeProbe = [&](qsizetype i, bool finished) {
        Probe &p = probes[i];
        // Reset instead of a normal close: thousands of probes must not pile up in TIME_WAIT.
        const linger abort{1, 0};
        ::setsockopt(p.fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
        ::close(p.fd);
        Target &t = targets[p.target];
        t.inFlight = false;
        if (finished) {
            t.done = true;
            ++done;
        } else {
            t.notBefore = clock.elapsed() + kProbeRetryMs;
        }
        probes.removeAt(i);
    };
    const auto fail = [&](const QString &message) {
        while (!probes.isEmpty())
            closeProbe(probes.size() - 1, false);
        *error = message;
        return false;
    };

    while (done < targets.size()) {
        const qint64 now = clock.elapsed();
        if (now > kReadyTimeoutMs) {
            QStringList silent;
            for (const Target &t : std::as_const(targets)) {
                if (!t.done && silent.size() < 5)
                    silent.append(t.label);
            }
            return fail(
                QStringLiteral("%1 of %2 hosts sent no SSH banner within %3 s (%4); log: %5")
                    .arg(targets.size() - done)
                    .arg(targets.size())
                    .arg(kReadyTimeoutMs / 1000)
                    .arg(silent.join(QStringLiteral(", ")), logTail(targets.first().server->logPath)));
        }
        if (now >= nextLivenessCheck) {
            nextLivenessCheck = now + 100;
            for (Server *server : servers) {
                if (!server->process || server->process->waitForFinished(0) ||
                    server->process->state() == QProcess::NotRunning) {
                    const QString how =
                        !server->process ? QStringLiteral("never started")
                        : server->process->exitStatus() == QProcess::CrashExit
                            ? QStringLiteral("was killed by a signal")
                            : QStringLiteral("exited with status %1").arg(server->process->exitCode());
                    return fail(QStringLiteral("sshd for %1 %2: %3")
                                    .arg(server->addresses.value(0), how, logTail(server->logPath)));
                }
            }
        }

        for (qsizetype i = 0; i < targets.size() && probes.size() < kMaxProbesInFlight; ++i) {
            Target &t = targets[i];
            if (t.done || t.inFlight || t.notBefore > now)
                continue;
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0)
                return fail(QStringLiteral("socket: ") + QString::fromLocal8Bit(strerror(errno)));
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&t.sa), sizeof t.sa) != 0 &&
                errno != EINPROGRESS) {
                ::close(fd); // refused: sshd has not bound yet
                t.notBefore = now + kProbeRetryMs;
                continue;
            }
            t.inFlight = true;
            probes.append({fd, int(i)});
        }

        QList<pollfd> fds;
        fds.reserve(probes.size());
        for (const Probe &p : std::as_const(probes))
            fds.append({p.fd, short(p.connected ? POLLIN : POLLOUT), 0});
        ::poll(fds.data(), nfds_t(fds.size()), 20);

        for (qsizetype i = fds.size() - 1; i >= 0; --i) {
            if (!fds[i].revents)
                continue;
            Probe &p = probes[i];
            if (!p.connected) {
                int soError = 0;
                socklen_t len = sizeof soError;
                ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &soError, &len);
                if (soError != 0 || (fds[i].revents & (POLLERR | POLLHUP))) {
                    closeProbe(i, false);
                    continue;
                }
                p.connected = true;
                continue;
            }
            char buffer[256];
            const ssize_t n = ::recv(p.fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                if (n < 0 && (errno == EAGAIN || errno == EINTR))
                    continue;
                closeProbe(i, false);
                continue;
            }
            p.received.append(buffer, n);
            if (p.received.contains('\n') || p.received.size() >= 8) {
                if (!p.received.startsWith("SSH-2.0")) {
                    const QString label = targets[p.target].label;
                    return fail(
                        QStringLiteral("%1 answered something other than SSH: %2")
                            .arg(label, QString::fromLatin1(p.received.left(40).toPercentEncoding())));
                }
                closeProbe(i, true);
            }
        }
    }
    // sshd carries on when only some of its addresses bind, and whatever holds the others
    // may well speak SSH too.
    for (Server *server : servers) {
        QFile log(server->logPath);
        if (log.open(QIODevice::ReadOnly) && log.seek(server->logStart)) {
            const QByteArray text = log.readAll();
            if (text.contains("Address already in use")) {
                *error = QStringLiteral("sshd for %1: address already in use: %2")
                             .arg(server->addresses.value(0), logTail(server->logPath));
                return false;
            }
        }
    }
    return true;
}

void LocalFleet::stopProcesses(const QList<Server *> &servers)
{
    QSet<pid_t> listeners;
    for (Server *server : servers) {
        if (server->running() && !server->process->waitForFinished(0))
            listeners.insert(pid_t(server->process->processId()));
    }
    if (!listeners.isEmpty()) {
        // sshd leaves its connections running when the listener ends, so end them too.
        const QSet<pid_t> frozen = freezeTree(listeners);
        for (pid_t pid : std::as_const(frozen))
            ::kill(pid, SIGKILL);
        for (pid_t pid : std::as_const(listeners)) {
            ::kill(pid, SIGTERM);
            ::kill(pid, SIGCONT);
        }
        if (!frozen.isEmpty())
            qCDebug(lcFleet) << "local fleet: ended" << frozen.size() << "connection processes";
    }

    QElapsedTimer clock;
    clock.start();
    for (Server *server : servers) {
        if (!server->process)
            continue;
        if (server->process->state() != QProcess::NotRunning &&
            !server->process->waitForFinished(int(std::max<qint64>(1, kTermGraceMs - clock.elapsed())))) {
            qCWarning(lcFleet) << "local fleet: sshd" << server->process->processId()
                             << "ignored SIGTERM; killing it";
            server->process->kill();
            server->process->waitForFinished(2000);
        }
        server->process.reset();
        QFile::remove(server->pidPath); // sshd leaves it behind when killed
    }
}

void LocalFleet::stop()
{
    QList<Server *> all;
    for (const auto &server : m_servers)
        all.append(server.get());
    stopProcesses(all);
    m_servers.clear();
    m_fleetServerCount = 0;
    for (int fd : std::as_const(m_blackHoleFds))
        ::close(fd);
    m_blackHoleFds.clear();
    if (m_lockFd >= 0)
        ::close(m_lockFd);
    m_lockFd = -1;
    m_hosts.clear();
    m_faults.clear();
    m_faultAddressCount = 0;
    m_octet = 0;
    m_port = 0;
    m_fingerprint.clear();
    m_otherFingerprint.clear();
    m_hostKeyLine.clear();
    m_otherKeyLine.clear();
    if (m_dir) {
        if (!m_dir->remove())
            qCWarning(lcFleet) << "local fleet: cannot remove" << m_dir->path();
        m_dir.reset();
    }
}

bool LocalFleet::isRunning() const
{
    return m_dir != nullptr;
}

bool LocalFleet::writeClientFiles(QString *error) const
{
    QString config =
        QStringLiteral("# Chorus LocalFleet: ssh -F %1 %2 uname -n\n\n")
            .arg(sshConfigPath(), m_hosts.isEmpty() ? QStringLiteral("node01") : m_hosts.first().name);
    QString known;
    const auto add = [&](const FleetHost &host) {
        config += QStringLiteral("Host %1\n").arg(host.name);
        config += QStringLiteral("    HostName %1\n    Port %2\n    User %3\n")
                      .arg(host.address)
                      .arg(host.port)
                      .arg(m_user);
        config +=
            QStringLiteral("    IdentityFile %1\n    IdentitiesOnly yes\n").arg(clientPath(identityFile()));
        config += QStringLiteral("    UserKnownHostsFile %1\n").arg(clientPath(knownHostsPath()));
        config += QStringLiteral("    GlobalKnownHostsFile /dev/null\n"
                                 "    StrictHostKeyChecking yes\n"
                                 "    ControlMaster no\n"
                                 "    Compression no\n"
                                 "    BatchMode yes\n"
                                 "    LogLevel ERROR\n\n");
    };
    for (const FleetHost &host : m_hosts) {
        add(host);
        known += knownHostsName(host) + u' ' + m_hostKeyLine + u'\n';
    }
    for (const FaultHost &fault : m_faults) {
        add(fault.host);
        // The wrong-key host is listed with the fleet key while it serves the other one.
        if (fault.inKnownHosts)
            known += knownHostsName(fault.host) + u' ' + m_hostKeyLine + u'\n';
    }

    const auto write = [&](const QString &path, const QString &text) {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit())
            return true;
        if (error)
            *error = QStringLiteral("cannot write ") + path;
        return false;
    };
    return write(sshConfigPath(), config) && write(knownHostsPath(), known);
}

QList<FleetHost> LocalFleet::hosts() const
{
    return m_hosts;
}

QString LocalFleet::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

QString LocalFleet::sshConfigPath() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("ssh_config")) : QString();
}

QString LocalFleet::knownHostsPath() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("known_hosts")) : QString();
}

QString LocalFleet::identityFile() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("id_ed25519")) : QString();
}

QString LocalFleet::user() const
{
    return m_user;
}

QString LocalFleet::hostKeyFingerprint() const
{
    return m_fingerprint;
}

QString LocalFleet::otherHostKeyFingerprint() const
{
    return m_otherFingerprint;
}

QString LocalFleet::faultName(const QString &prefix)
{
    int same = 1;
    for (const FaultHost &fault : std::as_const(m_faults)) {
        if (fault.host.name.startsWith(prefix))
            ++same;
    }
    return prefix + QStringLiteral("%1").arg(same, 2, 10, QLatin1Char('0'));
}

FleetHost LocalFleet::reserveFaultHost(const QString &prefix)
{
    if (!m_dir) {
        qCWarning(lcFleet) << "local fleet: fault hosts need a started fleet";
        return {};
    }
    if (m_faultAddressCount >= 250) {
        qCWarning(lcFleet) << "local fleet: no addresses left for fault hosts";
        return {};
    }
    const QString address = addressFor(kFaultThirdOctet, ++m_faultAddressCount);
    quint16 port = m_port;
    for (int attempt = 0; attempt < 16 && !canBind(address, port); ++attempt)
        port = quint16(kFirstPort + QRandomGenerator::global()->bounded(int(kPortSpan)));
    if (!canBind(address, port)) {
        qCWarning(lcFleet) << "local fleet: no free port on" << address;
        return {};
    }
    return {faultName(prefix), address, port};
}

FleetHost LocalFleet::addRefusingHost()
{
    // Free just now, and nothing of ours will ever listen there: connecting is refused.
    const FleetHost host = reserveFaultHost(QStringLiteral("refusing"));
    if (host.address.isEmpty())
        return {};
    m_faults.append({host, false, false});
    writeClientFiles(nullptr);
    return host;
}

FleetHost LocalFleet::addBlackHole()
{
    const FleetHost host = reserveFaultHost(QStringLiteral("blackhole"));
    if (host.address.isEmpty())
        return {};
    // The kernel completes handshakes into the backlog; nobody ever accepts or writes.
    const int fd = bindSocket(host.address, host.port);
    if (fd < 0 || ::listen(fd, SOMAXCONN) != 0) {
        if (fd >= 0)
            ::close(fd);
        qCWarning(lcFleet) << "local fleet: cannot listen on" << host.address;
        return {};
    }
    m_blackHoleFds.append(fd);
    m_faults.append({host, false, false});
    writeClientFiles(nullptr);
    return host;
}

FleetHost LocalFleet::addWrongKeyHost()
{
    return addFaultServer(Fault::WrongKey);
}

FleetHost LocalFleet::addUnknownKeyHost()
{
    return addFaultServer(Fault::UnknownKey);
}

FleetHost LocalFleet::addPasswordHost(bool keyboardInteractive)
{
    return addFaultServer(Fault::Password, keyboardInteractive);
}

FleetHost LocalFleet::addJumpHost()
{
    return addFaultServer(Fault::Jump);
}

FleetHost LocalFleet::addFaultServer(Fault fault, bool keyboardInteractive)
{
    const QString prefix = fault == Fault::WrongKey     ? QStringLiteral("wrongkey")
                           : fault == Fault::UnknownKey ? QStringLiteral("unknownkey")
                           : fault == Fault::Jump       ? QStringLiteral("jump")
                                                        : QStringLiteral("password");
    const FleetHost host = reserveFaultHost(prefix);
    if (host.address.isEmpty())
        return {};
    auto server = std::make_unique<Server>();
    server->number = int(m_servers.size()) + 1;
    server->addresses = {host.address};
    server->port = host.port;
    const bool fleetKey = fault == Fault::Password || fault == Fault::Jump;
    server->hostKey = m_dir->filePath(fleetKey ? QStringLiteral("host_ed25519") : QStringLiteral("other_host_ed25519"));
    server->logForwardings = fault == Fault::Jump;
    server->password = fault == Fault::Password;
    server->keyboardInteractive = keyboardInteractive;
    QString error;
    if (!writeServerConfig(*server, &error) || !launch(*server, &error) ||
        !waitForBanners({server.get()}, &error)) {
        stopProcesses({server.get()});
        qCWarning(lcFleet).noquote() << "local fleet: cannot start" << host.name << error;
        return {};
    }
    m_servers.push_back(std::move(server));
    m_faults.append({host, fault != Fault::UnknownKey, fault != Fault::Password});
    writeClientFiles(nullptr);
    return host;
}

HostTarget LocalFleet::target(const FleetHost &host) const
{
    HostTarget t;
    t.name = host.name;
    t.hostname = host.address;
    t.port = host.port;
    t.user = user();
    t.identityFiles = {identityFile()};
    t.identitiesOnly = true;
    t.knownHostsFiles = {knownHostsPath()};
    t.hostKeyPolicy = HostKeyPolicy::Strict;
    return t;
}

int LocalFleet::serverIndex(int hostIndex) const
{
    if (hostIndex < 0 || hostIndex >= m_hosts.size())
        return -1;
    return hostIndex / HostsPerServer;
}

bool LocalFleet::stopServer(int hostIndex)
{
    const int index = serverIndex(hostIndex);
    if (index < 0 || !m_servers[index]->running())
        return false;
    stopProcesses({m_servers[index].get()});
    return true;
}

bool LocalFleet::pauseServer(int hostIndex)
{
    const int index = serverIndex(hostIndex);
    if (index < 0 || !m_servers[index]->running())
        return false;
    freezeTree({pid_t(m_servers[index]->process->processId())});
    return true;
}

bool LocalFleet::resumeServer(int hostIndex)
{
    const int index = serverIndex(hostIndex);
    if (index < 0 || !m_servers[index]->running())
        return false;
    const QSet<pid_t> listener = {pid_t(m_servers[index]->process->processId())};
    for (pid_t pid : descendantsOf(listener, parentsOfAll()))
        ::kill(pid, SIGCONT);
    ::kill(*listener.begin(), SIGCONT);
    return true;
}

bool LocalFleet::restartServer(int hostIndex)
{
    const int index = serverIndex(hostIndex);
    if (index < 0)
        return false;
    Server &server = *m_servers[index];
    if (server.running())
        return true;
    QString error;
    if (launch(server, &error) && waitForBanners({&server}, &error))
        return true;
    qCWarning(lcFleet).noquote() << "local fleet: cannot restart server" << server.number << error;
    stopProcesses({&server});
    return false;
}

int LocalFleet::connectionCount(int hostIndex) const
{
    if (hostIndex < 0 || hostIndex >= m_hosts.size())
        return -1;
    return connectionCount(m_hosts.at(hostIndex));
}

const LocalFleet::Server *LocalFleet::serverOf(const FleetHost &host) const
{
    const Server *server = nullptr;
    for (const auto &s : m_servers) {
        if (s->port == host.port && s->addresses.contains(host.address))
            server = s.get();
    }
    return server;
}

QStringList LocalFleet::forwardings(const FleetHost &jumpHost) const
{
    QStringList targets;
    const Server *server = serverOf(jumpHost);
    QFile log(server ? server->logPath : QString());
    if (!server || !log.open(QIODevice::ReadOnly))
        return targets;
    // sshd 9.2 at DEBUG1: "server_request_direct_tcpip: originator A port N, target B port P"
    static const QRegularExpression line(QStringLiteral("server_request_direct_tcpip: originator \\S+ port \\d+, "
                                                        "target (\\S+) port (\\d+)"));
    while (!log.atEnd()) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(log.readLine()));
        if (m.hasMatch())
            targets.append(m.captured(1) + u':' + m.captured(2));
    }
    return targets;
}

int LocalFleet::connectionCount(const FleetHost &host) const
{
    const Server *server = serverOf(host);
    if (!server)
        return -1;
    QFile log(server->logPath);
    if (!log.open(QIODevice::ReadOnly))
        return 0;
    // sshd 9.2 at VERBOSE: "Connection from A port N on B port P[ rdomain ...]"
    const QRegularExpression accepted(QStringLiteral("Connection from \\S+ port \\d+ on %1 port %2(?!\\d)")
                                          .arg(QRegularExpression::escape(host.address))
                                          .arg(host.port));
    int count = 0;
    while (!log.atEnd()) {
        const QString line = QString::fromUtf8(log.readLine());
        if (line.contains(u"Connection from") && accepted.match(line).hasMatch())
            ++count;
    }
    return count;
}

QList<qint64> LocalFleet::serverPids() const
{
    QList<qint64> pids;
    for (const auto &server : m_servers) {
        if (server->running())
            pids.append(server->process->processId());
    }
    return pids;
}

} // namespace Chorus
