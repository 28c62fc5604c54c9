#include "sshworker/internal/agentrelay.h"

#include "sshworker/internal/sshlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutexLocker>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

namespace Chorus {

namespace {

// The ssh-agent protocol (draft-miller-ssh-agent): a uint32 length, then a message whose first byte
// is its type.
constexpr char Failure = 5;
constexpr char RequestIdentities = 11;
constexpr char IdentitiesAnswer = 12;
constexpr char SignRequest = 13;
constexpr quint32 MaxMessage = 256 * 1024; // an agent message is a few KiB; anything bigger is broken
constexpr int RequestTimeoutMs = 5000;
constexpr int SignTimeoutMs = 60000; // an agent may ask its user to confirm (ssh-add -c)

// Exactly n bytes, or false (error, end of stream, or no progress within timeoutMs).
bool transfer(int fd, char *data, size_t n, bool reading, int timeoutMs)
{
    size_t done = 0;
    while (done < n) {
        pollfd p{fd, short(reading ? POLLIN : POLLOUT), 0};
        const int ready = ::poll(&p, 1, timeoutMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return false;
        const ssize_t got = reading ? ::recv(fd, data + done, n - done, 0)
                                    : ::send(fd, data + done, n - done, MSG_NOSIGNAL);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got <= 0)
            return false;
        done += size_t(got);
    }
    return true;
}

bool readMessage(int fd, QByteArray *payload, int timeoutMs)
{
    unsigned char length[4];
    if (!transfer(fd, reinterpret_cast<char *>(length), 4, true, timeoutMs))
        return false;
    const quint32 n = quint32(length[0]) << 24 | quint32(length[1]) << 16 | quint32(length[2]) << 8 | length[3];
    if (n == 0 || n > MaxMessage)
        return false;
    payload->resize(qsizetype(n));
    return transfer(fd, payload->data(), n, true, timeoutMs);
}

bool writeMessage(int fd, const QByteArray &payload, int timeoutMs)
{
    QByteArray out(4, Qt::Uninitialized);
    const quint32 n = quint32(payload.size());
    out[0] = char(n >> 24);
    out[1] = char(n >> 16);
    out[2] = char(n >> 8);
    out[3] = char(n);
    out += payload;
    return transfer(fd, out.data(), size_t(out.size()), false, timeoutMs);
}

void appendUint32(QByteArray *out, quint32 n)
{
    out->append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
}

void appendString(QByteArray *out, const QByteArray &s)
{
    appendUint32(out, quint32(s.size()));
    out->append(s);
}

bool takeUint32(const QByteArray &in, qsizetype *at, quint32 *value)
{
    if (in.size() - *at < 4)
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(in.constData() + *at);
    *value = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
    *at += 4;
    return true;
}

bool takeString(const QByteArray &in, qsizetype *at, QByteArray *s)
{
    quint32 n = 0;
    if (!takeUint32(in, at, &n) || quint64(in.size() - *at) < n)
        return false;
    *s = in.mid(*at, qsizetype(n));
    *at += qsizetype(n);
    return true;
}

int connectAgent(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (native.isEmpty() || size_t(native.size()) >= sizeof address.sun_path) {
        *error = QCoreApplication::translate("AgentRelay", "no usable agent socket path");
        return -1;
    }
    memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        *error = QCoreApplication::translate("AgentRelay", "cannot reach the agent at %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

AgentRelay::AgentRelay() : m_wakeFd(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
    m_thread = std::thread([this] { run(); });
}

AgentRelay::~AgentRelay()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    eventfd_write(m_wakeFd, 1);
    m_thread.join();
    for (const Link &link : std::as_const(m_links)) {
        ::close(link.fd);
        if (link.agentFd >= 0)
            ::close(link.agentFd);
    }
    ::close(m_wakeFd);
}

QList<AgentKey> AgentRelay::listKeys(const QString &socketPath, QString *error)
{
    QList<AgentKey> keys;
    const int fd = connectAgent(socketPath, error);
    if (fd < 0)
        return keys;
    QByteArray answer;
    if (!writeMessage(fd, QByteArray(1, RequestIdentities), 2000) || !readMessage(fd, &answer, 2000)
        || answer.at(0) != IdentitiesAnswer) {
        *error = QCoreApplication::translate("AgentRelay", "the agent at %1 did not list its keys").arg(socketPath);
        ::close(fd);
        return keys;
    }
    ::close(fd);
    qsizetype at = 1;
    quint32 count = 0;
    if (!takeUint32(answer, &at, &count))
        return keys;
    for (quint32 i = 0; i < count && i < 1024; ++i) {
        AgentKey key;
        QByteArray comment;
        if (!takeString(answer, &at, &key.blob) || !takeString(answer, &at, &comment))
            break;
        key.comment = QString::fromUtf8(comment);
        keys.append(key);
    }
    return keys;
}

int AgentRelay::open(const QString &socketPath, quint64 *link)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return -1;
    {
        QMutexLocker lock(&m_mutex);
        *link = m_nextLink++;
        m_links.insert(*link, Link{pair[1], -1, socketPath, {}});
    }
    eventfd_write(m_wakeFd, 1); // poll the new link
    return pair[0];
}

void AgentRelay::show(quint64 link, const QList<AgentKey> &keys)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_links.find(link);
    if (it != m_links.end())
        it->shown = keys;
}

void AgentRelay::run()
{
    std::vector<pollfd> fds;
    std::vector<quint64> ids;
    for (;;) {
        fds.assign(1, pollfd{m_wakeFd, POLLIN, 0});
        ids.clear();
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping)
                return;
            for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
                fds.push_back({it->fd, POLLIN, 0});
                ids.push_back(it.key());
            }
        }
        if (::poll(fds.data(), nfds_t(fds.size()), -1) < 0 && errno != EINTR)
            return;
        if (fds[0].revents) {
            eventfd_t value;
            eventfd_read(m_wakeFd, &value);
        }
        for (size_t i = 1; i < fds.size(); ++i) {
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR))
                serve(ids[i - 1]);
        }
    }
}

// One request from libssh on a link: answered from the shown keys, or passed to the real agent.
void AgentRelay::serve(quint64 id)
{
    int fd = -1;
    int agentFd = -1;
    QString socketPath;
    QList<AgentKey> shown;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_links.constFind(id);
        if (it == m_links.cend())
            return;
        fd = it->fd;
        agentFd = it->agentFd;
        socketPath = it->socketPath;
        shown = it->shown;
    }
    QByteArray request;
    if (!readMessage(fd, &request, RequestTimeoutMs)) {
        drop(id); // libssh closed its end (the session was freed), or spoke nonsense
        return;
    }
    QByteArray answer;
    switch (request.at(0)) {
    case RequestIdentities:
        answer = QByteArray(1, IdentitiesAnswer);
        appendUint32(&answer, quint32(shown.size()));
        for (const AgentKey &key : std::as_const(shown)) {
            appendString(&answer, key.blob);
            appendString(&answer, key.comment.toUtf8());
        }
        break;
    case SignRequest: {
        QString error;
        if (agentFd < 0) {
            agentFd = connectAgent(socketPath, &error);
            QMutexLocker lock(&m_mutex);
            if (m_links.contains(id))
                m_links[id].agentFd = agentFd;
        }
        if (agentFd < 0 || !writeMessage(agentFd, request, RequestTimeoutMs)
            || !readMessage(agentFd, &answer, SignTimeoutMs)) {
            qCDebug(lcSsh).noquote() << "agent relay: signing failed" << error;
            answer = QByteArray(1, Failure);
        }
        break;
    }
    default:
        answer = QByteArray(1, Failure); // libssh asks for nothing else during authentication
        break;
    }
    if (!writeMessage(fd, answer, RequestTimeoutMs))
        drop(id);
}

void AgentRelay::drop(quint64 id)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_links.constFind(id);
    if (it == m_links.cend())
        return;
    ::close(it->fd);
    if (it->agentFd >= 0)
        ::close(it->agentFd);
    m_links.erase(it);
}

} // namespace Chorus
