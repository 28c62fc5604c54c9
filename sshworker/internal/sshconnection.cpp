#include "sshworker/internal/sshconnection.h"

#include "model/core/hostevents.h"
#include "model/core/printable.h"
#include "model/ssh/knownhosts.h"
#include "sshworker/internal/agentrelay.h"
#include "sshworker/internal/hostjob.h"
#include "sshworker/internal/proxyprocess.h"
#include "sshworker/internal/sshlog.h"
#include "sshworker/internal/sshworker.h"
#include "sshworker/internal/tunnel.h"
#include "sshworker/workerpool.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <libssh/libssh.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace Chorus {

namespace {

// A server that drops connections before authenticating them (sshd's MaxStartups, a restart) gets
// this many TCP connections per host, with growing, jittered pauses between them.
constexpr int MaxConnectAttempts = 5;
constexpr quint64 MaxBytesBeforeBanner = 256 * 1024;

qint64 backoffUs(int attempt)
{
    const qint64 base = qMin<qint64>(250'000LL << qMin(attempt - 1, 4), 4'000'000);
    return base / 2 + qint64(QRandomGenerator::global()->bounded(quint64(base)));
}


// libssh's host key algorithm names for a known_hosts key type.
QStringList algorithmsFor(const QString &keyType)
{
    if (keyType == u"ssh-rsa")
        return {QStringLiteral("rsa-sha2-512"), QStringLiteral("rsa-sha2-256")};
    return {keyType};
}

const QStringList &defaultHostKeyAlgorithms()
{
    static const QStringList list = {
        QStringLiteral("ssh-ed25519"),        QStringLiteral("ecdsa-sha2-nistp521"),
        QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp256"),
        QStringLiteral("rsa-sha2-512"),        QStringLiteral("rsa-sha2-256"),
    };
    return list;
}

} // namespace

namespace {

// A key's public blob, as agents and servers compare keys.
QByteArray blobOf(ssh_key key)
{
    char *base64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key, &base64) != SSH_OK)
        return {};
    const QByteArray blob = QByteArray::fromBase64(base64);
    ssh_string_free_char(base64);
    return blob;
}

// The public key blob an identity file stands for: FILE.pub, or FILE itself when it is a public key
// or an OpenSSH-format private key (which carries its public half unencrypted). Empty when neither
// can be read.
QByteArray publicBlob(const QString &path)
{
    const QString pub = path.endsWith(u".pub") ? path : path + QStringLiteral(".pub");
    for (const QString &candidate : {pub, path}) {
        ssh_key key = nullptr;
        if (ssh_pki_import_pubkey_file(QFile::encodeName(candidate).constData(), &key) != SSH_OK)
            continue;
        const QByteArray out = blobOf(key);
        ssh_key_free(key);
        if (!out.isEmpty())
            return out;
    }
    return {};
}

QByteArray certificateBlob(const QString &path)
{
    ssh_key cert = nullptr;
    QByteArray out;
    if (ssh_pki_import_cert_file(QFile::encodeName(path).constData(), &cert) == SSH_OK) {
        out = blobOf(cert);
        ssh_key_free(cert);
    }
    return out;
}

// "SHA256:... (comment)", as ssh -v names a key.
QString keyLabel(const QByteArray &blob, const QString &comment)
{
    const QString fingerprint = KnownHosts::fingerprint(blob.toBase64());
    return comment.isEmpty() ? fingerprint : QStringLiteral("%1 (%2)").arg(fingerprint, printable(comment, 80));
}

} // namespace

SshConnection::SshConnection(SshWorker *worker, const HostTarget &target, quint64 serial)
    : m_worker(worker)
    , m_target(target)
    , m_key(target.connectionKey())
    , m_serial(serial)
{
    resetDeadline();
}

// ConnectTimeout none (0) means no deadline of our own; TCP's own timeouts still apply.
void SshConnection::resetDeadline()
{
    m_deadlineUs = m_target.connectTimeoutMs > 0 ? SshWorker::nowUs() + qint64(m_target.connectTimeoutMs) * 1000 : 0;
}

SshConnection::~SshConnection()
{
    close();
    wipeSecret();
}

void SshConnection::setPhase(Phase phase)
{
    m_phase = phase;
    HostState state = HostState::Connecting;
    switch (phase) {
    case Phase::AwaitingHostKey:
        state = HostState::AwaitingHostKey;
        break;
    case Phase::Authenticating:
        state = HostState::Authenticating;
        break;
    case Phase::AwaitingSecret:
        state = HostState::AwaitingSecret;
        break;
    case Phase::Ready:
    case Phase::Dead:
        return;
    default:
        break;
    }
    for (HostJob *c : std::as_const(m_waiters))
        m_worker->reportState(c, state);
    // The hosts behind a jump host see what holds them up.
    for (SshConnection *behind : std::as_const(m_dependants)) {
        for (HostJob *c : std::as_const(behind->m_waiters))
            m_worker->reportState(c, state);
    }
}

void SshConnection::addWaiter(HostJob *command)
{
    m_waiters.append(command);
    m_lastUsedUs = 0;
}

void SshConnection::removeWaiter(HostJob *command)
{
    m_waiters.removeAll(command);
    if (m_waiters.isEmpty() && m_dependants.isEmpty() && m_phase != Phase::Ready && m_channels == 0) {
        // Nobody wants this connection any more: give the handshake up.
        fail(FailureKind::Connect, QCoreApplication::translate("SshConnection", "connection abandoned"));
    }
}

void SshConnection::noteChannelRefused()
{
    if (m_channels > 0) {
        m_channelLimit = m_channels;
        note(QStringLiteral("the server refused channel %1 on this connection; more go to a new connection")
                 .arg(m_channels + 1));
    }
}

void SshConnection::addDependant(SshConnection *connection)
{
    m_dependants.append(connection);
    m_lastUsedUs = 0;
}

void SshConnection::removeDependant(SshConnection *connection)
{
    m_dependants.removeAll(connection);
    if (m_dependants.isEmpty() && m_waiters.isEmpty() && m_phase != Phase::Ready && m_phase != Phase::Dead
        && m_channels == 0)
        fail(FailureKind::Connect, QCoreApplication::translate("SshConnection", "connection abandoned"));
}

int SshConnection::handshakesThrough() const
{
    int count = 0;
    for (const SshConnection *behind : m_dependants) {
        if (behind->m_tunnel && behind->m_phase != Phase::Ready && behind->m_phase != Phase::Dead)
            ++count;
    }
    return count;
}

int SshConnection::tunnelFd(short *events) const
{
    return m_tunnel ? m_tunnel->pumpFd(events) : -1;
}

void SshConnection::onTunnelEvent(short revents)
{
    if (m_tunnel)
        m_tunnel->onPumpEvent(revents);
}

const HostJob *SshConnection::askingJob() const
{
    if (!m_waiters.isEmpty())
        return m_waiters.first();
    for (const SshConnection *behind : m_dependants) {
        if (const HostJob *job = behind->askingJob())
            return job;
    }
    return nullptr;
}

void SshConnection::channelClosed(qint64 now)
{
    if (--m_channels == 0 && m_waiters.isEmpty())
        m_lastUsedUs = now;
}

bool SshConnection::isUsable()
{
    if (m_phase != Phase::Ready)
        return false;
    if (!ssh_is_connected(m_session)) {
        fail(FailureKind::Connect, QCoreApplication::translate("SshConnection", "connection lost"));
        return false;
    }
    return true;
}

qint64 SshConnection::nextDeadlineUs() const
{
    switch (m_phase) {
    case Phase::Resolving:
    case Phase::TcpConnecting:
    case Phase::Handshaking:
    case Phase::Authenticating:
        return m_deadlineUs;
    case Phase::WaitingForJump:
        return m_tunnel ? m_deadlineUs : 0;
    case Phase::RetryWaiting:
        return m_retryAtUs;
    default:
        return 0;
    }
}

int SshConnection::pollFd(short *events) const
{
    if (m_phase == Phase::TcpConnecting && m_tcpFd >= 0) {
        *events = POLLOUT;
        return m_tcpFd;
    }
    if (!m_session || !m_event)
        return -1;
    const int fd = ssh_get_fd(m_session);
    if (fd < 0)
        return -1;
    *events = POLLIN;
    if (ssh_get_poll_flags(m_session) & SSH_WRITE_PENDING)
        *events |= POLLOUT;
    return fd;
}

void SshConnection::onSocketEvent(short)
{
    if (m_phase == Phase::TcpConnecting) {
        m_tcpReady = true;
        return;
    }
    if (m_event)
        ssh_event_dopoll(m_event, 0);
}

void SshConnection::checkDeadline(qint64 now)
{
    const qint64 deadline = nextDeadlineUs();
    if (deadline == 0 || now < deadline || m_phase == Phase::RetryWaiting)
        return;
    const char *message = nullptr;
    switch (m_phase) {
    case Phase::Resolving:
        message = QT_TRANSLATE_NOOP("SshConnection", "connect timeout (%1 s) while resolving the name");
        break;
    case Phase::TcpConnecting:
        message = QT_TRANSLATE_NOOP("SshConnection", "connect timeout (%1 s) while connecting");
        break;
    case Phase::Handshaking:
        message = QT_TRANSLATE_NOOP("SshConnection", "connect timeout (%1 s) while waiting for the SSH handshake");
        break;
    case Phase::WaitingForJump:
        message = QT_TRANSLATE_NOOP("SshConnection", "connect timeout (%1 s) while opening a channel through the jump host");
        break;
    default:
        message = QT_TRANSLATE_NOOP("SshConnection", "connect timeout (%1 s) while authenticating");
        break;
    }
    timedOut = true;
    fail(FailureKind::Connect,
         QCoreApplication::translate("SshConnection", message).arg(m_target.connectTimeoutMs / 1000.0));
}

void SshConnection::note(const QString &line)
{
    // Bounded: a server that keeps talking cannot grow it.
    if (log.size() < 200)
        log.append(line);
    qCDebug(lcSsh).noquote() << m_target.name << line;
}

void SshConnection::fail(FailureKind kind, const QString &message)
{
    if (m_phase == Phase::Dead)
        return;
    qCDebug(lcSsh) << m_target.name << "failed:" << message;
    failure = kind;
    error = message;
    m_phase = Phase::Dead;
    // Commands with a channel on this session must let go of it before the session is freed.
    m_worker->dropChannels(this);
    close();
    const QList<HostJob *> waiters = m_waiters;
    m_waiters.clear();
    for (HostJob *c : waiters)
        c->connectionFailed(*this);
}

void SshConnection::releaseSlots(bool dropped)
{
    if (m_haveSlot) {
        m_haveSlot = false;
        m_worker->releaseHandshakeSlot();
    }
    if (!m_serverSlot.isEmpty()) {
        m_worker->releaseServerSlot(m_serverSlot, dropped);
        m_serverSlot.clear();
    }
}

void SshConnection::closeSession()
{
    if (m_connectionSlot)
        m_worker->releaseConnectionSlot(std::exchange(m_connectionSlot, 0));
    if (m_tcpFd >= 0) {
        ::close(m_tcpFd);
        m_tcpFd = -1;
    }
    if (m_session) {
        // libssh closes the socket it was given itself when the connection fails (end of file,
        // a failed write, the server's DISCONNECT), though never on ssh_disconnect. Closing it
        // again here would close whatever another thread has opened under the same number
        // meanwhile (a QProcess's pipe, a database file): only a socket libssh still holds is ours
        // to close.
        if (m_sessionFd >= 0 && ssh_get_fd(m_session) != m_sessionFd)
            m_sessionFd = -1;
        if (m_event) {
            ssh_event_remove_session(m_event, m_session);
            ssh_event_free(m_event);
            m_event = nullptr;
        }
        ssh_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
    if (m_sessionFd >= 0)
        ::close(std::exchange(m_sessionFd, -1));
    if (m_tunnel) {
        m_tunnel.reset();
        m_jump->channelClosed(SshWorker::nowUs());
    }
    if (m_jump)
        std::exchange(m_jump, nullptr)->removeDependant(this);
    if (m_proxy) {
        m_worker->reap(m_proxy->terminate());
        m_proxy.reset();
    }
}

void SshConnection::close()
{
    if (m_resolveTicket) // nobody waits for the name any more
        m_worker->cancelResolve(std::exchange(m_resolveTicket, 0));
    // The hosts behind this one let go of their channels on it before its session goes.
    if (!m_dependants.isEmpty()) {
        if (error.isEmpty())
            error = QCoreApplication::translate("SshConnection", "connection closed");
        const QList<SshConnection *> behind = m_dependants;
        for (SshConnection *c : behind)
            c->jumpLost(*this);
    }
    releaseSlots(false);
    closeSession();
    if (m_phase != Phase::Dead) {
        m_phase = Phase::Dead;
        if (error.isEmpty())
            error = QCoreApplication::translate("SshConnection", "connection closed");
    }
}

void SshConnection::step()
{
    if (m_tunnel)
        m_tunnel->pump();
    switch (m_phase) {
    case Phase::RetryWaiting:
        if (SshWorker::nowUs() < m_retryAtUs)
            return;
        m_phase = Phase::WaitingForSlot;
        [[fallthrough]];
    case Phase::WaitingForSlot:
        if (throughJump()) {
            // Slots are taken once the jump host is ready: hosts waiting for it must not hold the
            // ones it needs itself.
            setPhase(Phase::WaitingForJump);
            m_deadlineUs = 0;
            stepJump();
            return;
        }
        if (!m_connectionSlot) {
            // A proxy's pipes take three descriptors where a socket takes one.
            const int cost = m_target.proxyCommand.isEmpty() ? 1 : 3;
            if (!m_worker->acquireConnectionSlot(cost))
                return;
            m_connectionSlot = cost;
        }
        if (!m_worker->acquireHandshakeSlot())
            return;
        m_haveSlot = true;
        resetDeadline(); // the connect timeout runs from the moment we really start connecting
        if (m_addresses.isEmpty()) {
            beginHandshake();
        } else { // a retry: the name is resolved already
            m_addressIndex = -1;
            tryNextAddress();
        }
        return;
    case Phase::WaitingForServer:
        tryNextAddress();
        return;
    case Phase::WaitingForJump:
        stepJump();
        return;
    case Phase::TcpConnecting:
        if (m_tcpReady)
            onTcpReady();
        return;
    case Phase::Handshaking: {
        // A server may send lines before its banner; ssh gives up after 1024 of them. Without a
        // connect timeout (ConnectTimeout none) this is what ends a server that never stops.
        if (!ssh_get_serverbanner(m_session) && m_bytes.in_bytes > MaxBytesBeforeBanner) {
            note(QStringLiteral("%1 bytes and no SSH banner").arg(m_bytes.in_bytes));
            fail(FailureKind::Protocol,
                 QCoreApplication::translate("SshConnection", "the server sent %1 KiB without an SSH banner")
                     .arg(m_bytes.in_bytes / 1024));
            return;
        }
        const int rc = ssh_connect(m_session);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            handshakeFailed();
            return;
        }
        kexUs = SshWorker::nowUs();
        checkHostKey();
        return;
    }
    case Phase::Authenticating:
        stepAuth();
        return;
    default:
        return;
    }
}

void SshConnection::beginHandshake()
{
    setPhase(Phase::Resolving);
    if (!m_target.proxyCommand.isEmpty()) {
        // A proxy command carries the stream.
        ++attempts;
        resolvedUs = tcpUs = SshWorker::nowUs();
        startSsh(-1);
        return;
    }
    QHostAddress address;
    if (address.setAddress(m_target.hostname)) {
        m_addresses = {address};
        resolvedUs = SshWorker::nowUs();
        tryNextAddress();
        return;
    }
    // getaddrinfo blocks: it runs on another thread and the answer comes back through the queue.
    m_resolveTicket = m_worker->resolveLater(m_serial, m_target.hostname);
}

void SshConnection::onResolved(const QList<QHostAddress> &addresses, const QString &message)
{
    if (m_phase != Phase::Resolving)
        return;
    m_resolveTicket = 0;
    resolvedUs = SshWorker::nowUs();
    if (addresses.isEmpty()) {
        fail(FailureKind::Resolve, QCoreApplication::translate("SshConnection", "cannot resolve %1: %2")
                                       .arg(m_target.hostname, message));
        return;
    }
    m_addresses = addresses;
    tryNextAddress();
}

// Connects TCP to the host's next address (ssh tries them in order), within the cap on handshakes
// in flight to that server.
void SshConnection::tryNextAddress()
{
    if (m_phase != Phase::WaitingForServer)
        ++m_addressIndex;
    for (; m_addressIndex < m_addresses.size(); ++m_addressIndex) {
        const QHostAddress &address = m_addresses.at(m_addressIndex);
        const QString server = address.toString() + u' ' + QString::number(m_target.port);
        if (m_serverSlot != server) {
            if (!m_serverSlot.isEmpty())
                m_worker->releaseServerSlot(std::exchange(m_serverSlot, QString()), false);
            if (!m_worker->acquireServerSlot(server)) {
                m_phase = Phase::WaitingForServer; // stepped again when a slot frees up
                return;
            }
            m_serverSlot = server;
        }
        setPhase(Phase::TcpConnecting);
        const auto tcpError = [&](int error) {
            m_tcpErrors = QCoreApplication::translate("SshConnection", "%1 port %2: %3")
                              .arg(address.toString(), QString::number(m_target.port),
                                   QString::fromLocal8Bit(strerror(error)));
        };
        sockaddr_storage storage{};
        socklen_t length = 0;
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
            sa->sin6_family = AF_INET6;
            sa->sin6_port = htons(m_target.port);
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            memcpy(&sa->sin6_addr, bytes.c, 16);
            length = sizeof(sockaddr_in6);
        } else {
            auto *sa = reinterpret_cast<sockaddr_in *>(&storage);
            sa->sin_family = AF_INET;
            sa->sin_port = htons(m_target.port);
            sa->sin_addr.s_addr = htonl(address.toIPv4Address());
            length = sizeof(sockaddr_in);
        }
        const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0 && (errno == EMFILE || errno == ENFILE)) {
            // The budget keeps connections well inside the limit; something else took the rest.
            fail(FailureKind::Connect,
                 QCoreApplication::translate("SshConnection", "too many open files (limit %1); raise it with ulimit -n")
                     .arg(WorkerPool::descriptorLimit()));
            return;
        }
        if (fd < 0) {
            tcpError(errno);
            continue;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ++attempts;
        if (::connect(fd, reinterpret_cast<sockaddr *>(&storage), length) == 0) {
            tcpUs = SshWorker::nowUs();
            startSsh(fd);
            return;
        }
        if (errno != EINPROGRESS) {
            tcpError(errno);
            ::close(fd);
            continue;
        }
        m_tcpFd = fd;
        m_tcpReady = false;
        return;
    }
    fail(FailureKind::Connect,
         QCoreApplication::translate("SshConnection", "cannot connect to %1").arg(m_tcpErrors));
}

void SshConnection::onTcpReady()
{
    if (m_tcpFd < 0)
        return;
    const int fd = m_tcpFd;
    m_tcpFd = -1;
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
        m_tcpErrors = QCoreApplication::translate("SshConnection", "%1 port %2: %3")
                          .arg(m_addresses.at(m_addressIndex).toString(), QString::number(m_target.port),
                               QString::fromLocal8Bit(strerror(err)));
        ::close(fd);
        tryNextAddress();
        return;
    }
    tcpUs = SshWorker::nowUs();
    startSsh(fd);
}

void SshConnection::startSsh(int fd)
{
    m_session = ssh_new();
    ssh_set_counters(m_session, &m_bytes, &m_packets);
    const QByteArray host = m_target.hostname.toUtf8();
    const QByteArray user = m_target.user.toUtf8();
    unsigned int port = m_target.port;
    int no = 0, yes = 1;
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    if (!user.isEmpty())
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    // Configuration was resolved by the caller; known_hosts is checked by us, in memory.
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    ssh_options_set(m_session, SSH_OPTIONS_NODELAY, &yes);
    ssh_options_set(m_session, SSH_OPTIONS_COMPRESSION, "no");

    m_lookupName = m_target.hostKeyAlias.isEmpty() ? KnownHosts::lookupName(m_target.hostname, m_target.port)
                                                   : m_target.hostKeyAlias;
    // For a port other than 22, ssh also accepts the key listed under the bare name.
    m_fallbackName = m_target.hostKeyAlias.isEmpty() && m_target.port != 22 && m_target.port != 0
                         ? m_target.hostname.toLower()
                         : QString();
    const QStringList known =
        KnownHosts::instance().keyTypesFor(knownHostsFiles(), m_lookupName, m_fallbackName);
    if (!known.isEmpty()) {
        // Ask for the key type we already know, as OpenSSH does, so a host with several keys
        // does not look changed.
        QStringList algorithms;
        for (const QString &type : known)
            algorithms += algorithmsFor(type);
        for (const QString &a : defaultHostKeyAlgorithms()) {
            if (!algorithms.contains(a))
                algorithms.append(a);
        }
        ssh_options_set(m_session, SSH_OPTIONS_HOSTKEYS, algorithms.join(u',').toUtf8().constData());
    }

    if (fd < 0) {
        // A proxy command carries the stream: a child of our own on a socket pair.
        QString why;
        m_proxy = std::make_unique<ProxyProcess>();
        fd = m_proxy->start(m_target.proxyCommand, &why);
        if (fd < 0) {
            fail(FailureKind::Connect, why);
            return;
        }
    }
    // ssh_disconnect leaves a socket it was given open, so closeSession() closes it, unless libssh
    // has closed it already after a failure.
    m_sessionFd = fd;
    ssh_options_set(m_session, SSH_OPTIONS_FD, &fd);
    ssh_set_blocking(m_session, 0);
    setPhase(Phase::Handshaking);
    const int rc = ssh_connect(m_session);
    if (rc == SSH_ERROR) {
        handshakeFailed();
        return;
    }
    // The session's socket now exists: its own event processes its packets when the worker's
    // poll sees it ready.
    m_event = ssh_event_new();
    ssh_event_add_session(m_event, m_session);
    if (rc == SSH_OK) {
        kexUs = SshWorker::nowUs();
        checkHostKey();
    }
}

bool SshConnection::throughJump() const
{
    return m_target.proxyCommand.isEmpty() && !m_target.proxyJump.isEmpty()
           && m_target.proxyJump.compare(u"none", Qt::CaseInsensitive) != 0;
}

// Waits for the jump host's connection, then opens a channel through it to this host and starts
// the SSH session on the tunnel.
void SshConnection::stepJump()
{
    if (!m_jump) {
        QString why;
        m_jump = m_worker->jumpConnection(m_target, &why);
        if (!m_jump) {
            fail(FailureKind::Connect, why);
            return;
        }
        m_jump->addDependant(this);
        m_jump->step();
        if (m_phase == Phase::Dead)
            return; // the jump host failed at once, and this with it
    }
    if (m_jump->phase() != Phase::Ready)
        return;
    if (!m_tunnel) {
        if (!m_jump->isUsable())
            return; // found dead: its failure reaches this one through jumpLost()
        const int cap = m_jump->target().jumpHandshakes > 0 ? m_jump->target().jumpHandshakes : DefaultHandshakesPerJump;
        if (m_jump->handshakesThrough() >= cap)
            return;
        // The host's own sshd drops unauthenticated connections beyond MaxStartups, whichever way
        // they come: the same cap per server as for a direct connection.
        const QString server = m_target.hostname + u' ' + QString::number(m_target.port);
        if (m_serverSlot != server) {
            if (!m_worker->acquireServerSlot(server))
                return;
            m_serverSlot = server;
        }
        if (!m_connectionSlot) {
            if (!m_worker->acquireConnectionSlot(2)) // the socket pair
                return;
            m_connectionSlot = 2;
        }
        if (!m_haveSlot) {
            if (!m_worker->acquireHandshakeSlot())
                return;
            m_haveSlot = true;
        }
        resetDeadline();
        ++attempts;
        jumpReadyUs = SshWorker::nowUs();
        m_tunnel = std::make_unique<Tunnel>(m_jump->session(), m_target.hostname, m_target.port);
        m_jump->channelOpened();
        note(QStringLiteral("opening a channel to %1 port %2 through %3")
                 .arg(m_target.hostname).arg(m_target.port).arg(m_jump->target().name));
    }
    switch (m_tunnel->open()) {
    case Tunnel::State::Opening:
        return;
    case Tunnel::State::Failed:
        fail(FailureKind::Connect,
             QCoreApplication::translate("SshConnection", "the jump host %1 could not open a channel to %2 port %3: %4")
                 .arg(m_jump->target().name, m_target.hostname)
                 .arg(m_target.port)
                 .arg(m_tunnel->error()));
        return;
    case Tunnel::State::Open:
        tunnelUs = SshWorker::nowUs();
        startSsh(m_tunnel->takeInnerFd());
        return;
    }
}

// The jump host's connection failed or closed: this host cannot go on, and says which hop failed.
void SshConnection::jumpLost(const SshConnection &jump)
{
    if (m_tunnel) {
        m_tunnel.reset(); // before the jump host's session is freed
        m_jump->channelClosed(SshWorker::nowUs());
    }
    if (m_phase == Phase::Dead)
        return;
    if (jump.timedOut)
        timedOut = true;
    fail(jump.failure == FailureKind::None ? FailureKind::Connect : jump.failure,
         QCoreApplication::translate("SshConnection", "jump host %1: %2").arg(jump.target().name, jump.error));
}

void SshConnection::checkHostKey()
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK) {
        fail(FailureKind::Protocol,
             QCoreApplication::translate("SshConnection", "the server sent no host key"));
        return;
    }
    char *b64 = nullptr;
    ssh_pki_export_pubkey_base64(key, &b64);
    m_hostKeyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    m_hostKeyBase64 = QByteArray(b64);
    ssh_string_free_char(b64);
    ssh_key_free(key);
    if (m_hostKeyType == u"ssh-rsa1" || m_hostKeyType.isEmpty()) {
        fail(FailureKind::Protocol,
             QCoreApplication::translate("SshConnection", "unsupported host key type"));
        return;
    }

    const QString offered = KnownHosts::fingerprint(m_hostKeyBase64);
    const KnownHosts::Verdict verdict = KnownHosts::instance().check(knownHostsFiles(), m_lookupName, m_fallbackName,
                                                                     m_hostKeyType, m_hostKeyBase64);
    switch (verdict.match) {
    case KnownHosts::Match::Ok:
        note(QStringLiteral("host key %1 %2 found in %3 line %4 (as %5)")
                 .arg(m_hostKeyType, offered, verdict.file)
                 .arg(verdict.line)
                 .arg(verdict.matchedName));
        hostKeyUs = SshWorker::nowUs();
        startAuth();
        return;
    case KnownHosts::Match::Changed:
        fail(FailureKind::HostKeyChanged,
             QCoreApplication::translate("SshConnection",
                                         "HOST KEY CHANGED for %1 (%2): the server offers %3 %4, but %5 line "
                                         "%6 lists %7 %8. Refused. If the change is expected, remove the old "
                                         "key with `ssh-keygen -R '%2' -f %5` and connect again.")
                 .arg(m_target.name, m_lookupName, m_hostKeyType, offered, verdict.file,
                      QString::number(verdict.line), verdict.knownKeyType, verdict.knownFingerprint));
        return;
    case KnownHosts::Match::Revoked:
        fail(FailureKind::HostKeyChanged,
             QCoreApplication::translate(
                 "SshConnection", "the host key of %1 (%2 %3) is marked @revoked in %4 line %5; refused")
                 .arg(m_target.name, m_hostKeyType, offered, verdict.file, QString::number(verdict.line)));
        return;
    case KnownHosts::Match::Unknown:
        break;
    }
    const QString knownHostsFile = m_target.knownHostsFiles.value(0);
    // A CA trusted for the host, but no plain key: libssh 0.10 negotiates no host certificates, so
    // the key can only be taken as an unknown one, under the user's policy, and the user is told why.
    const QString certAuthority =
        verdict.certAuthority
            ? QCoreApplication::translate("SshConnection",
                                          "known_hosts trusts a certificate authority for %1 (%2 line %3); Chorus "
                                          "cannot check host certificates with libssh 0.10. Accept this key by its "
                                          "fingerprint (%4 %5), or add it to known_hosts.")
                  .arg(m_lookupName, verdict.certAuthorityFile)
                  .arg(verdict.certAuthorityLine)
                  .arg(m_hostKeyType, offered)
            : QString();
    if (!certAuthority.isEmpty())
        note(certAuthority);
    switch (m_target.hostKeyPolicy) {
    case HostKeyPolicy::Strict:
        fail(FailureKind::HostKeyUnknown,
             !certAuthority.isEmpty()
                 ? certAuthority
                 : QCoreApplication::translate("SshConnection", "the host key of %1 (%2) is not known: %3 %4; refused "
                                                                "by strict host key checking")
                       .arg(m_target.name, m_lookupName, m_hostKeyType, offered));
        return;
    case HostKeyPolicy::AcceptNew:
        answerHostKey(true);
        return;
    case HostKeyPolicy::Ask: {
        setPhase(Phase::AwaitingHostKey);
        const HostJob *first = askingJob();
        if (!first) {
            fail(FailureKind::HostKeyUnknown,
                 QCoreApplication::translate("SshConnection", "host key not confirmed"));
            return;
        }
        m_worker->ask(HostKeyQuestion{first->runId(), first->host(), m_target.name, m_lookupName, m_hostKeyType,
                                      offered, knownHostsFile});
        return;
    }
    }
}

void SshConnection::answerHostKey(bool accept)
{
    if (m_phase == Phase::WaitingForJump && m_jump) {
        m_jump->answerHostKey(accept); // the question was the jump host's
        return;
    }
    if (m_phase != Phase::AwaitingHostKey && !(m_phase == Phase::Handshaking && accept))
        return;
    if (!accept) {
        fail(FailureKind::HostKeyUnknown,
             QCoreApplication::translate("SshConnection", "the host key of %1 (%2 %3) was rejected")
                 .arg(m_target.name, m_hostKeyType, KnownHosts::fingerprint(m_hostKeyBase64)));
        return;
    }
    const QString file = m_target.knownHostsFiles.value(0);
    if (file.isEmpty()) {
        fail(FailureKind::HostKeyUnknown,
             QCoreApplication::translate("SshConnection", "cannot record the host key of %1: no known_hosts file")
                 .arg(m_target.name));
        return;
    }
    const Result<void> recorded = KnownHosts::instance().append(file, m_lookupName, m_hostKeyType, m_hostKeyBase64);
    if (!recorded) {
        // Another process recorded another (or revoked this) key meanwhile: as good as a changed key.
        fail(recorded.error().kind == Error::Kind::Conflict ? FailureKind::HostKeyChanged : FailureKind::HostKeyUnknown,
             QCoreApplication::translate("SshConnection", "cannot record the host key of %1: %2")
                 .arg(m_target.name, recorded.message()));
        return;
    }
    qCInfo(lcSsh) << "recorded the host key of" << m_lookupName << m_hostKeyType
                  << KnownHosts::fingerprint(m_hostKeyBase64) << "in" << file;
    hostKeyUs = SshWorker::nowUs();
    resetDeadline(); // waiting for a person does not count against the connect timeout
    startAuth();
}

void SshConnection::startAuth()
{
    setPhase(Phase::Authenticating);
    m_authStep = AuthStep::None;
    m_authCallPending = true;
    stepAuth();
}

// One call of the current auth method; SSH_AUTH_AGAIN means call again on the next step.
void SshConnection::stepAuth()
{
    int rc = SSH_AUTH_DENIED;
    switch (m_authStep) {
    case AuthStep::None:
        rc = ssh_userauth_none(m_session, nullptr);
        break;
    case AuthStep::Agent:
        rc = ssh_userauth_agent(m_session, nullptr);
        if (rc != SSH_AUTH_AGAIN && rc != SSH_AUTH_SUCCESS && rc != SSH_AUTH_PARTIAL) {
            for (const AgentKey &key : std::as_const(currentIdentity().agentKeys))
                m_tried << QCoreApplication::translate("SshConnection", "publickey %1 from the agent")
                               .arg(keyLabel(key.blob, key.comment));
        }
        break;
    case AuthStep::Key: {
        const Identity &identity = currentIdentity();
        bool needsPassphrase = false;
        ssh_key key = m_worker->privateKey(identity.file,
                                           m_haveSecret && m_secretKind == int(SecretKind::Passphrase) ? m_secret
                                                                                                        : QByteArray(),
                                           identity.certificate, &needsPassphrase);
        if (!key && needsPassphrase) {
            if (m_passphraseAttempts >= 3) {
                wipeSecret();
                m_tried << QCoreApplication::translate("SshConnection", "publickey %1 (no passphrase)")
                               .arg(identity.file);
                advanceAuth();
                return;
            }
            askSecret(int(SecretKind::Passphrase), identity.file, m_passphraseAttempts++ > 0);
            return;
        }
        if (!key) {
            if (!identity.certificate.isEmpty())
                note(QStringLiteral("certificate %1 does not go with %2 (or cannot be read); skipped")
                         .arg(identity.certificate, identity.file));
            advanceAuth();
            return;
        }
        if (m_secretKind == int(SecretKind::Passphrase))
            wipeSecret();
        rc = ssh_userauth_publickey(m_session, nullptr, key);
        if (rc != SSH_AUTH_AGAIN && rc != SSH_AUTH_SUCCESS && rc != SSH_AUTH_PARTIAL) {
            m_tried << (identity.certificate.isEmpty()
                            ? QStringLiteral("publickey %1").arg(identity.file)
                            : QCoreApplication::translate("SshConnection", "certificate %1").arg(identity.certificate));
        }
        break;
    }
    case AuthStep::KbdInt: {
        if (m_kbdintInfo) {
            // The server's questions are pending: answer the hidden ones with the password.
            const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
            bool needSecret = false;
            QString firstPrompt;
            for (int i = 0; i < prompts; ++i) {
                char echo = 0;
                const char *prompt = ssh_userauth_kbdint_getprompt(m_session, unsigned(i), &echo);
                if (!echo && !needSecret) {
                    needSecret = true;
                    firstPrompt = QString::fromUtf8(prompt).trimmed();
                }
            }
            if (needSecret && !m_haveSecret) {
                askSecret(int(SecretKind::Password), firstPrompt, m_passwordAttempts > 0);
                return;
            }
            for (int i = 0; i < prompts; ++i) {
                char echo = 0;
                ssh_userauth_kbdint_getprompt(m_session, unsigned(i), &echo);
                ssh_userauth_kbdint_setanswer(m_session, unsigned(i), echo ? "" : m_secret.constData());
            }
            if (needSecret) {
                m_kbdintAnswered = true;
                ++m_passwordAttempts;
            }
            m_kbdintInfo = false;
        }
        rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
        if (rc == SSH_AUTH_INFO) {
            m_kbdintInfo = true;
            stepAuth();
            return;
        }
        break;
    }
    case AuthStep::Password:
        if (!m_haveSecret) {
            askSecret(int(SecretKind::Password), QString(), m_passwordAttempts > 0);
            return;
        }
        rc = ssh_userauth_password(m_session, nullptr, m_secret.constData());
        if (rc != SSH_AUTH_AGAIN)
            ++m_passwordAttempts;
        break;
    }

    switch (rc) {
    case SSH_AUTH_AGAIN:
        // libssh keeps answering AGAIN after the server has hung up (a DISCONNECT for too many
        // authentication failures): without this the host would wait for the connect timeout,
        // or for ever with ConnectTimeout none.
        if (!ssh_is_connected(m_session))
            authLost();
        return;
    case SSH_AUTH_SUCCESS:
        authenticated();
        return;
    case SSH_AUTH_PARTIAL:
        // More methods are required: what the server accepts now may differ.
        m_methods = ssh_userauth_list(m_session, nullptr);
        m_authStep = AuthStep::None;
        m_kbdintDone = m_passwordDone = false;
        m_identityIndex = -1;
        advanceAuth();
        return;
    case SSH_AUTH_ERROR:
        authLost();
        return;
    default: // denied
        break;
    }
    if (m_authStep == AuthStep::None) {
        m_methods = ssh_userauth_list(m_session, nullptr);
    } else if (m_authStep == AuthStep::KbdInt || m_authStep == AuthStep::Password) {
        const bool used = m_authStep == AuthStep::Password || m_kbdintAnswered;
        if (used && m_passwordAttempts < 3 && m_haveSecret) {
            // A wrong password: ask again, as ssh does, up to three times.
            wipeSecret();
            askSecret(int(SecretKind::Password), QString(), true);
            return;
        }
        m_tried << (m_authStep == AuthStep::Password ? QStringLiteral("password") : QStringLiteral("keyboard-interactive"));
    }
    advanceAuth();
}

// Moves on to the next method at once: waiting for the next poll would leave the connection
// idle until some unrelated socket event (up to a second).
void SshConnection::advanceAuth()
{
    if (nextAuthStep())
        stepAuth();
    else
        fail(FailureKind::Auth, describeTried());
}

// Chooses the next method the server accepts, in the order careful clients use: public keys in
// OpenSSH's order (planIdentities), keyboard-interactive, password.
bool SshConnection::nextAuthStep()
{
    if (m_methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (!m_identitiesPlanned)
            planIdentities();
        if (++m_identityIndex < m_identities.size()) {
            const Identity &identity = m_identities.at(m_identityIndex);
            if (identity.agentKeys.isEmpty()) {
                m_authStep = AuthStep::Key;
                m_passphraseAttempts = 0;
            } else {
                m_authStep = AuthStep::Agent;
                showAgentKeys(identity.agentKeys);
            }
            return true;
        }
    }
    if ((m_methods & SSH_AUTH_METHOD_INTERACTIVE) && !m_kbdintDone) {
        m_kbdintDone = true;
        m_kbdintAnswered = false;
        m_authStep = AuthStep::KbdInt;
        return true;
    }
    if ((m_methods & SSH_AUTH_METHOD_PASSWORD) && !m_passwordDone) {
        m_passwordDone = true;
        m_authStep = AuthStep::Password;
        return true;
    }
    return false;
}

// Public keys in OpenSSH's order (sshconnect2.c, pubkey_prepare): first the agent's keys that
// IdentityFile or CertificateFile name, in the agent's order; then the agent's other keys, unless
// IdentitiesOnly; then the named key files the agent does not hold, each with its certificate
// (KEY-cert.pub beside it, or a CertificateFile) before the plain key. A key named only by its .pub
// file must be in the agent.
void SshConnection::planIdentities()
{
    m_identitiesPlanned = true;
    m_identities.clear();
    m_identityIndex = -1;
    QList<AgentKey> agentKeys;
    const QString agent = agentSocket();
    if (!agent.isEmpty()) {
        QString error;
        agentKeys = AgentRelay::listKeys(agent, &error);
        note(error.isEmpty() ? QStringLiteral("the agent at %1 holds %2 key(s)").arg(agent).arg(agentKeys.size())
                             : error);
    }
    QSet<QByteArray> named;
    QHash<QString, QByteArray> certificateBlobs;
    for (const QString &certificate : m_target.certificateFiles) {
        certificateBlobs.insert(certificate, certificateBlob(certificate));
        named.insert(certificateBlobs.value(certificate));
    }
    struct FileKey
    {
        QString file;
        QByteArray blob;
        QStringList certificates;
    };
    QList<FileKey> files;
    QSet<QString> seen;
    for (const QString &file : m_target.identityFiles) {
        if (seen.contains(file))
            continue;
        seen.insert(file);
        FileKey key{file, publicBlob(file), {}};
        const QString stem = file.endsWith(u".pub") ? file.chopped(4) : file;
        if (QFileInfo::exists(stem + QStringLiteral("-cert.pub"))) {
            key.certificates << stem + QStringLiteral("-cert.pub");
            certificateBlobs.insert(key.certificates.last(), certificateBlob(key.certificates.last()));
            named.insert(certificateBlobs.value(key.certificates.last()));
        }
        key.certificates << m_target.certificateFiles; // paired with the key if it goes with it
        named.insert(key.blob);
        files.append(key);
    }
    named.remove(QByteArray());

    QList<AgentKey> preferred, others;
    QSet<QByteArray> inAgent;
    for (const AgentKey &key : std::as_const(agentKeys)) {
        inAgent.insert(key.blob);
        (named.contains(key.blob) ? preferred : others).append(key);
    }
    if (!preferred.isEmpty())
        m_identities.append(Identity{preferred, {}, {}});
    if (!others.isEmpty() && !m_target.identitiesOnly)
        m_identities.append(Identity{others, {}, {}});
    for (const FileKey &key : std::as_const(files)) {
        if (!key.blob.isEmpty() && inAgent.contains(key.blob))
            continue; // offered through the agent
        const QString privateFile = key.file.endsWith(u".pub") ? key.file.chopped(4) : key.file;
        if (!QFileInfo::exists(privateFile)) {
            note(QStringLiteral("%1: no private key there, and the agent does not hold it").arg(key.file));
            continue;
        }
        for (const QString &certificate : key.certificates) {
            if (!inAgent.contains(certificateBlobs.value(certificate)))
                m_identities.append(Identity{{}, privateFile, certificate});
        }
        m_identities.append(Identity{{}, privateFile, {}});
    }
    QStringList plan;
    for (const Identity &identity : std::as_const(m_identities)) {
        if (identity.agentKeys.isEmpty()) {
            plan << (identity.certificate.isEmpty() ? identity.file : identity.certificate);
        } else {
            for (const AgentKey &key : identity.agentKeys)
                plan << QStringLiteral("agent ") + keyLabel(key.blob, key.comment);
        }
    }
    note(QStringLiteral("public keys to offer, in order: %1").arg(plan.isEmpty() ? QStringLiteral("none") : plan.join(QStringLiteral(", "))));
}

const SshConnection::Identity &SshConnection::currentIdentity() const
{
    return m_identities.at(m_identityIndex);
}

// UserKnownHostsFile then GlobalKnownHostsFile, as ssh reads them; keys are only ever written to the
// first of the user's.
QStringList SshConnection::knownHostsFiles() const
{
    return m_target.knownHostsFiles + m_target.globalKnownHostsFiles;
}

// IdentityAgent: a socket path, "none", or (empty, "SSH_AUTH_SOCK") the environment's agent.
QString SshConnection::agentSocket() const
{
    const QString &configured = m_target.identityAgent;
    if (configured == u"none")
        return {};
    if (!configured.isEmpty() && configured != u"SSH_AUTH_SOCK")
        return configured;
    return qEnvironmentVariable("SSH_AUTH_SOCK");
}

void SshConnection::showAgentKeys(const QList<AgentKey> &keys)
{
    AgentRelay &relay = m_worker->agentRelay();
    if (m_agentLink == 0) {
        const int fd = relay.open(agentSocket(), &m_agentLink);
        if (fd < 0 || ssh_set_agent_socket(m_session, fd) != SSH_OK) {
            if (fd >= 0)
                ::close(fd);
            m_agentLink = 0;
            note(QStringLiteral("cannot relay the agent; its keys are skipped"));
            return;
        }
    }
    relay.show(m_agentLink, keys);
}

void SshConnection::askSecret(int kind, const QString &detail, bool retry)
{
    m_secretKind = kind;
    setPhase(Phase::AwaitingSecret);
    const HostJob *first = askingJob();
    if (!first) {
        fail(FailureKind::Auth, QCoreApplication::translate("SshConnection", "authentication abandoned"));
        return;
    }
    // A jump host's secret is asked for in its own name and kept under its own profile, if it has one.
    const bool own = m_waiters.contains(first);
    m_worker->ask(SecretRequest{first->runId(), first->host(), own ? first->target().name : m_target.name, m_target.user,
                                SecretKind(kind), detail, retry, own ? first->target().profile : m_target.profile});
}

void SshConnection::provideSecret(const QByteArray &secret, bool given)
{
    if (m_phase == Phase::WaitingForJump && m_jump) {
        m_jump->provideSecret(secret, given);
        return;
    }
    if (m_phase != Phase::AwaitingSecret)
        return;
    setPhase(Phase::Authenticating);
    resetDeadline(); // waiting for a person does not count against the connect timeout
    if (!given) {
        wipeSecret();
        if (m_secretKind == int(SecretKind::Passphrase)) {
            m_tried << QCoreApplication::translate("SshConnection", "publickey %1 (no passphrase given)")
                           .arg(currentIdentity().file);
        } else {
            m_tried << (m_authStep == AuthStep::KbdInt
                            ? QCoreApplication::translate("SshConnection",
                                                          "keyboard-interactive (no password given)")
                            : QCoreApplication::translate("SshConnection", "password (none given)"));
        }
        advanceAuth();
        return;
    }
    m_secret = secret;
    m_secret.detach();
    m_haveSecret = true;
    if (m_authStep == AuthStep::KbdInt)
        m_kbdintDone = true;
    stepAuth();
}

// The connection ended while authenticating: the server's own reason when it gave one ("Too many
// authentication failures"), with what was tried.
void SshConnection::authLost()
{
    note(QStringLiteral("libssh: ") + printable(libsshError()));
    const QString reason = serverDisconnectReason();
    fail(FailureKind::Auth,
         reason.isEmpty()
             ? QCoreApplication::translate("SshConnection", "the connection closed during authentication (tried: %1)")
                   .arg(m_tried.isEmpty() ? QCoreApplication::translate("SshConnection", "nothing yet")
                                          : m_tried.join(QStringLiteral(", ")))
             : QCoreApplication::translate("SshConnection", "the server ended the connection during authentication: "
                                                            "%1 (tried: %2)")
                   .arg(reason, m_tried.isEmpty() ? QCoreApplication::translate("SshConnection", "nothing yet")
                                                  : m_tried.join(QStringLiteral(", "))));
}

void SshConnection::authenticated()
{
    wipeSecret();
    authUs = SshWorker::nowUs();
    releaseSlots(false);
    m_phase = Phase::Ready;
    m_lastKeepaliveUs = authUs;
    const QList<HostJob *> waiters = m_waiters;
    m_waiters.clear();
    for (HostJob *c : waiters)
        c->connectionReady(this, true);
    if (m_channels == 0)
        m_lastUsedUs = authUs;
}

void SshConnection::keepalive(qint64 now, int intervalMs)
{
    if (m_phase != Phase::Ready || intervalMs <= 0 || now - m_lastKeepaliveUs < qint64(intervalMs) * 1000)
        return;
    m_lastKeepaliveUs = now;
    ssh_send_ignore(m_session, "");
}

QString SshConnection::describeTried() const
{
    const QString tried = m_tried.isEmpty()
                              ? QCoreApplication::translate("SshConnection", "nothing the server accepts")
                              : m_tried.join(QStringLiteral(", "));
    QStringList offered;
    if (m_methods & SSH_AUTH_METHOD_PUBLICKEY)
        offered << QStringLiteral("publickey");
    if (m_methods & SSH_AUTH_METHOD_INTERACTIVE)
        offered << QStringLiteral("keyboard-interactive");
    if (m_methods & SSH_AUTH_METHOD_PASSWORD)
        offered << QStringLiteral("password");
    return QCoreApplication::translate("SshConnection",
                                       "permission denied for %1@%2 (server offers: %3; tried: %4)")
        .arg(m_target.user, m_target.name, offered.join(u','), tried);
}

// The server's reason when it sent SSH_MSG_DISCONNECT, else empty. libssh 0.10's
// ssh_get_disconnect_message() only answers after a graceful close, so the reason is read from the
// error text libssh itself formats, never from a translated message.
QString SshConnection::serverDisconnectReason() const
{
    static const QString prefix = QStringLiteral("Received SSH_MSG_DISCONNECT: ");
    const QString text = m_session ? QString::fromUtf8(ssh_get_error(m_session)) : QString();
    if (!text.startsWith(prefix))
        return {};
    const QString rest = text.mid(prefix.size());
    return printable(rest.section(u':', 1)); // after "CODE:"
}

void SshConnection::handshakeFailed()
{
    const QString library = libsshError();
    note(QStringLiteral("libssh: ") + printable(library));
    const QString reason = serverDisconnectReason();
    const bool gotBanner = m_session && ssh_get_serverbanner(m_session);
    if (!reason.isEmpty()) {
        fail(FailureKind::Connect,
             QCoreApplication::translate("SshConnection", "the server ended the connection: %1").arg(reason));
        return;
    }
    if (!gotBanner) {
        // sshd drops what is beyond MaxStartups before its banner (after "Exceeded MaxStartups"):
        // try again later, and let fewer handshakes at once reach that server.
        const qint64 now = SshWorker::nowUs();
        const qint64 pause = backoffUs(attempts);
        if (attempts < MaxConnectAttempts && (m_deadlineUs == 0 || now + pause < m_deadlineUs)) {
            note(QStringLiteral("the server closed connection %1 before its SSH banner; trying again in %2 ms")
                     .arg(attempts).arg(pause / 1000));
            closeSession();
            releaseSlots(true);
            m_retryAtUs = now + pause;
            m_phase = Phase::RetryWaiting;
            return;
        }
        fail(FailureKind::Connect,
             QCoreApplication::translate("SshConnection",
                                         "the server closed the connection before it sent its SSH banner "
                                         "(%n attempt(s))",
                                         nullptr, attempts));
        return;
    }
    if (kexUs < 0) {
        if (!ssh_is_connected(m_session) && !library.contains(QStringLiteral("no match for method")))
            fail(FailureKind::Connect,
                 QCoreApplication::translate("SshConnection", "the server closed the connection during key exchange"));
        else
            fail(FailureKind::Protocol, kexFailure(library));
        return;
    }
    fail(FailureKind::Connect, printable(library));
}

// A key exchange that found nothing in common, said in one sentence. The server's list is read from
// libssh's own (untranslated) error, "kex error : no match for method M: server [A,B], client [C]":
// libssh 0.10 offers no other way to learn what the server proposed.
QString SshConnection::kexFailure(const QString &library) const
{
    const qsizetype method = library.indexOf(QStringLiteral("no match for method "));
    const qsizetype server = library.indexOf(QStringLiteral("server ["));
    const qsizetype end = server < 0 ? -1 : library.indexOf(u']', server);
    if (method < 0 || end < 0)
        return QCoreApplication::translate("SshConnection", "the connection failed during key exchange: %1")
            .arg(printable(library));
    const QString offered = printable(library.mid(server + 8, end - server - 8), 300);
    if (library.contains(QStringLiteral("kex algos"))
        && (offered.contains(QStringLiteral("sntrup761")) || offered.contains(QStringLiteral("mlkem768")))) {
        return QCoreApplication::translate("SshConnection",
                                           "the server offers only key exchange methods that libssh 0.10 does not "
                                           "have (%1); post-quantum sntrup761 and mlkem768 arrive in libssh 0.12")
            .arg(offered);
    }
    if (library.contains(QStringLiteral("host key algo")) && offered.contains(QStringLiteral("-cert-v01@openssh.com"))) {
        return QCoreApplication::translate("SshConnection",
                                           "the server offers only host certificates (%1), which Chorus cannot "
                                           "check with libssh 0.10")
            .arg(offered);
    }
    return QCoreApplication::translate("SshConnection",
                                       "no algorithm in common with the server for %1 (the server offers %2)")
        .arg(printable(library.mid(method + 20, library.indexOf(u':', method + 20) - method - 20), 60), offered);
}

QString SshConnection::libsshError() const
{
    const QString message = m_session ? QString::fromUtf8(ssh_get_error(m_session)) : QString();
    return message.isEmpty() ? QCoreApplication::translate("SshConnection", "SSH error") : message;
}

void SshConnection::wipeSecret()
{
    if (!m_secret.isEmpty())
        memset(m_secret.data(), 0, size_t(m_secret.size()));
    m_secret.clear();
    m_haveSecret = false;
}

} // namespace Chorus
