#include "sshworker/internal/sshconnection.h"

#include "model/core/hostevents.h"
#include "model/ssh/knownhosts.h"
#include "sshworker/internal/hostjob.h"
#include "sshworker/internal/shellquote.h"
#include "sshworker/internal/sshlog.h"
#include "sshworker/internal/sshworker.h"
#include "sshworker/workerpool.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <libssh/libssh.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Chorus {

namespace {

// Only notes readiness: removing the fd from the event inside its own callback would free
// the poll handle libssh is still iterating over. step() finishes the connect.
int tcpReadyCallback(socket_t, int, void *userdata)
{
    *static_cast<bool *>(userdata) = true;
    return 0;
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
}

void SshConnection::addWaiter(HostJob *command)
{
    m_waiters.append(command);
    m_lastUsedUs = 0;
}

void SshConnection::removeWaiter(HostJob *command)
{
    m_waiters.removeAll(command);
    if (m_waiters.isEmpty() && m_phase != Phase::Ready && m_channels == 0) {
        // Nobody wants this connection any more: give the handshake up.
        fail(FailureKind::Connect, QCoreApplication::translate("SshConnection", "connection abandoned"));
    }
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
    default:
        return 0;
    }
}

void SshConnection::checkDeadline(qint64 now)
{
    const qint64 deadline = nextDeadlineUs();
    if (deadline == 0 || now < deadline)
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
    default:
        message = QT_TRANSLATE_NOOP("SshConnection", "connect timeout (%1 s) while authenticating");
        break;
    }
    timedOut = true;
    fail(FailureKind::Connect,
         QCoreApplication::translate("SshConnection", message).arg(m_target.connectTimeoutMs / 1000.0));
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

void SshConnection::close()
{
    if (m_haveSlot) {
        m_haveSlot = false;
        m_worker->releaseHandshakeSlot();
    }
    if (m_tcpFd >= 0) {
        ssh_event_remove_fd(m_worker->event(), m_tcpFd);
        ::close(m_tcpFd);
        m_tcpFd = -1;
    }
    if (m_session) {
        if (m_inEvent)
            ssh_event_remove_session(m_worker->event(), m_session);
        m_inEvent = false;
        ssh_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
    if (m_phase != Phase::Dead) {
        m_phase = Phase::Dead;
        if (error.isEmpty())
            error = QCoreApplication::translate("SshConnection", "connection closed");
    }
}

void SshConnection::step()
{
    switch (m_phase) {
    case Phase::WaitingForSlot:
        if (!m_worker->acquireHandshakeSlot())
            return;
        m_haveSlot = true;
        resetDeadline(); // the connect timeout runs from the moment we really start connecting
        beginHandshake();
        return;
    case Phase::TcpConnecting:
        if (m_tcpReady)
            onTcpReady();
        return;
    case Phase::Handshaking: {
        const int rc = ssh_connect(m_session);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            fail(FailureKind::Connect, libsshError());
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
    if (!m_target.proxyCommand.isEmpty() || !m_target.proxyJump.isEmpty()) {
        // A proxy (or jump host) carries the stream; libssh runs the command itself.
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
    m_worker->resolveLater(m_serial, m_target.hostname);
}

void SshConnection::onResolved(const QList<QHostAddress> &addresses, const QString &message)
{
    if (m_phase != Phase::Resolving)
        return;
    resolvedUs = SshWorker::nowUs();
    if (addresses.isEmpty()) {
        fail(FailureKind::Resolve, QCoreApplication::translate("SshConnection", "cannot resolve %1: %2")
                                       .arg(m_target.hostname, message));
        return;
    }
    m_addresses = addresses;
    tryNextAddress();
}

void SshConnection::tryNextAddress()
{
    setPhase(Phase::TcpConnecting);
    while (++m_addressIndex < m_addresses.size()) {
        const QHostAddress &address = m_addresses.at(m_addressIndex);
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
        if (fd < 0) {
            m_tcpErrors += QString::fromLocal8Bit(strerror(errno));
            continue;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&storage), length) == 0) {
            tcpUs = SshWorker::nowUs();
            startSsh(fd);
            return;
        }
        if (errno != EINPROGRESS) {
            m_tcpErrors = QCoreApplication::translate("SshConnection", "%1 port %2: %3")
                              .arg(address.toString(), QString::number(m_target.port),
                                   QString::fromLocal8Bit(strerror(errno)));
            ::close(fd);
            continue;
        }
        m_tcpFd = fd;
        m_tcpReady = false;
        ssh_event_add_fd(m_worker->event(), fd, POLLOUT, tcpReadyCallback, &m_tcpReady);
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
    ssh_event_remove_fd(m_worker->event(), fd);
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
    ssh_set_counters(m_session, nullptr, &m_packets);
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
    const QStringList known = KnownHosts::instance().keyTypesFor(m_target.knownHostsFiles, m_lookupName);
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

    if (fd >= 0) {
        ssh_options_set(m_session, SSH_OPTIONS_FD, &fd);
    } else {
        QString command = m_target.proxyCommand;
        if (command.isEmpty())
            command = jumpCommand();
        ssh_options_set(m_session, SSH_OPTIONS_PROXYCOMMAND, command.toUtf8().constData());
    }
    ssh_set_blocking(m_session, 0);
    setPhase(Phase::Handshaking);
    const int rc = ssh_connect(m_session);
    if (rc == SSH_ERROR) {
        fail(FailureKind::Connect, libsshError());
        return;
    }
    // The session's socket now exists: let the worker's poll watch it.
    ssh_event_add_session(m_worker->event(), m_session);
    m_inEvent = true;
    if (rc == SSH_OK) {
        kexUs = SshWorker::nowUs();
        checkHostKey();
    }
}

// ProxyJump as OpenSSH itself implements it: `ssh -W host:port` through the LAST jump host,
// which ssh reaches through the ones before it (-J), all resolved with the same ssh_config. For
// "a,b" the path is a, then b, then the target: dialling b first would skip a bastion.
QString SshConnection::jumpCommand() const
{
    QStringList jumps = m_target.proxyJump.split(u',', Qt::SkipEmptyParts);
    QString first = jumps.takeLast().trimmed();
    QString command = QStringLiteral("exec ssh -o BatchMode=yes");
    if (!m_target.configFile.isEmpty())
        command += QStringLiteral(" -F ") + shellQuote(m_target.configFile);
    if (first.startsWith(QStringLiteral("ssh://")))
        first = first.mid(6);
    const qsizetype at = first.lastIndexOf(u'@');
    if (at > 0) {
        command += QStringLiteral(" -l ") + shellQuote(first.left(at));
        first = first.mid(at + 1);
    }
    const qsizetype colon = first.lastIndexOf(u':');
    if (colon > 0 && first.indexOf(u':') == colon && !first.startsWith(u'[')) {
        command += QStringLiteral(" -p ") + shellQuote(first.mid(colon + 1));
        first = first.left(colon);
    } else if (first.startsWith(u'[') && first.contains(QStringLiteral("]:"))) {
        const qsizetype close = first.indexOf(QStringLiteral("]:"));
        command += QStringLiteral(" -p ") + shellQuote(first.mid(close + 2));
        first = first.mid(1, close - 1);
    }
    if (!jumps.isEmpty())
        command += QStringLiteral(" -J ") + shellQuote(jumps.join(u','));
    command += QStringLiteral(" -W ") + shellQuote(QStringLiteral("[%1]:%2").arg(m_target.hostname).arg(m_target.port));
    return command + QStringLiteral(" -- ") + shellQuote(first);
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
    const KnownHosts::Verdict verdict =
        KnownHosts::instance().check(m_target.knownHostsFiles, m_lookupName, m_hostKeyType, m_hostKeyBase64);
    switch (verdict.match) {
    case KnownHosts::Match::Ok:
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
    switch (m_target.hostKeyPolicy) {
    case HostKeyPolicy::Strict:
        fail(FailureKind::HostKeyUnknown,
             QCoreApplication::translate(
                 "SshConnection", "the host key of %1 (%2) is not known: %3 %4; refused by strict host "
                                  "key checking")
                 .arg(m_target.name, m_lookupName, m_hostKeyType, offered));
        return;
    case HostKeyPolicy::AcceptNew:
        answerHostKey(true);
        return;
    case HostKeyPolicy::Ask: {
        setPhase(Phase::AwaitingHostKey);
        if (m_waiters.isEmpty()) {
            fail(FailureKind::HostKeyUnknown,
                 QCoreApplication::translate("SshConnection", "host key not confirmed"));
            return;
        }
        const HostJob *first = m_waiters.first();
        m_worker->ask(HostKeyQuestion{first->runId(), first->host(), m_target.name, m_lookupName, m_hostKeyType,
                                      offered, knownHostsFile});
        return;
    }
    }
}

void SshConnection::answerHostKey(bool accept)
{
    if (m_phase != Phase::AwaitingHostKey && !(m_phase == Phase::Handshaking && accept))
        return;
    if (!accept) {
        fail(FailureKind::HostKeyUnknown,
             QCoreApplication::translate("SshConnection", "the host key of %1 (%2 %3) was rejected")
                 .arg(m_target.name, m_hostKeyType, KnownHosts::fingerprint(m_hostKeyBase64)));
        return;
    }
    const QString file = m_target.knownHostsFiles.value(0);
    QString why;
    if (file.isEmpty() || !KnownHosts::instance().append(file, m_lookupName, m_hostKeyType, m_hostKeyBase64, &why)) {
        fail(FailureKind::HostKeyUnknown,
             file.isEmpty()
                 ? QCoreApplication::translate("SshConnection",
                                               "cannot record the host key of %1: no known_hosts file")
                       .arg(m_target.name)
                 : QCoreApplication::translate("SshConnection", "cannot record the host key of %1: %2")
                       .arg(m_target.name, why));
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
        break;
    case AuthStep::Key: {
        bool needsPassphrase = false;
        const QString path = m_target.identityFiles.at(m_keyIndex);
        ssh_key key = m_worker->privateKey(path, m_haveSecret && m_secretKind == int(SecretKind::Passphrase)
                                                     ? m_secret
                                                     : QByteArray(),
                                           &needsPassphrase);
        if (!key && needsPassphrase) {
            if (m_passphraseAttempts >= 3) {
                wipeSecret();
                m_tried
                    << QCoreApplication::translate("SshConnection", "publickey %1 (no passphrase)").arg(path);
                advanceAuth();
                return;
            }
            askSecret(int(SecretKind::Passphrase), path, m_passphraseAttempts++ > 0);
            return;
        }
        if (!key) {
            advanceAuth();
            return;
        }
        if (m_secretKind == int(SecretKind::Passphrase))
            wipeSecret();
        rc = ssh_userauth_publickey(m_session, nullptr, key);
        if (rc != SSH_AUTH_AGAIN && rc != SSH_AUTH_SUCCESS && rc != SSH_AUTH_PARTIAL)
            m_tried << QStringLiteral("publickey %1").arg(path);
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
        return;
    case SSH_AUTH_SUCCESS:
        authenticated();
        return;
    case SSH_AUTH_PARTIAL:
        // More methods are required: what the server accepts now may differ.
        m_methods = ssh_userauth_list(m_session, nullptr);
        m_authStep = AuthStep::None;
        m_agentDone = m_kbdintDone = m_passwordDone = false;
        m_keyIndex = -1;
        advanceAuth();
        return;
    case SSH_AUTH_ERROR:
        fail(FailureKind::Auth, libsshError());
        return;
    default: // denied
        break;
    }
    if (m_authStep == AuthStep::None) {
        m_methods = ssh_userauth_list(m_session, nullptr);
    } else if (m_authStep == AuthStep::Agent) {
        m_tried << QCoreApplication::translate("SshConnection", "publickey from ssh-agent");
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

// Chooses the next method the server accepts, in the order careful clients use:
// agent, key files, keyboard-interactive, password.
bool SshConnection::nextAuthStep()
{
    if (m_methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (!m_agentDone && m_keyIndex < 0) {
            m_agentDone = true;
            if (!m_target.identitiesOnly && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
                m_authStep = AuthStep::Agent;
                return true;
            }
        }
        while (++m_keyIndex < m_target.identityFiles.size()) {
            if (QFileInfo::exists(m_target.identityFiles.at(m_keyIndex))) {
                m_authStep = AuthStep::Key;
                m_passphraseAttempts = 0;
                return true;
            }
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

void SshConnection::askSecret(int kind, const QString &detail, bool retry)
{
    m_secretKind = kind;
    setPhase(Phase::AwaitingSecret);
    if (m_waiters.isEmpty()) {
        fail(FailureKind::Auth, QCoreApplication::translate("SshConnection", "authentication abandoned"));
        return;
    }
    const HostJob *first = m_waiters.first();
    m_worker->ask(SecretRequest{first->runId(), first->host(), first->target().name, m_target.user,
                                SecretKind(kind), detail, retry, first->target().profile});
}

void SshConnection::provideSecret(const QByteArray &secret, bool given)
{
    if (m_phase != Phase::AwaitingSecret)
        return;
    setPhase(Phase::Authenticating);
    resetDeadline(); // waiting for a person does not count against the connect timeout
    if (!given) {
        wipeSecret();
        if (m_secretKind == int(SecretKind::Passphrase)) {
            m_tried << QCoreApplication::translate("SshConnection", "publickey %1 (no passphrase given)")
                           .arg(m_target.identityFiles.at(m_keyIndex));
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

void SshConnection::authenticated()
{
    wipeSecret();
    authUs = SshWorker::nowUs();
    if (m_haveSlot) {
        m_haveSlot = false;
        m_worker->releaseHandshakeSlot();
    }
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
