#include "sshworker/sftp/sftpclient.h"

#include "model/core/printable.h"
#include "sshworker/internal/closechannel.h"
#include "sshworker/internal/sshlog.h"

#include <QCoreApplication>

#include <libssh/libssh.h>

namespace Chorus {

namespace {

// Bytes handed to libssh per call; the channel window bounds what it really sends.
constexpr qsizetype MaxWriteCall = 1024 * 1024;

} // namespace

SftpClient::SftpClient(ssh_session session) : m_session(session)
{
    memset(&m_callbacks, 0, sizeof m_callbacks);
    m_callbacks.userdata = this;
    m_callbacks.channel_data_function = &SftpClient::onData;
    m_callbacks.channel_close_function = &SftpClient::onClose;
    m_callbacks.channel_eof_function = &SftpClient::onEof;
    ssh_callbacks_init(&m_callbacks);
    m_channel = ssh_channel_new(session);
    if (!m_channel) {
        m_state = State::Failed;
        m_error = QCoreApplication::translate("SftpClient", "connection lost");
        return;
    }
    ssh_set_channel_callbacks(m_channel, &m_callbacks);
}

SftpClient::~SftpClient()
{
    close();
}

void SftpClient::close()
{
    m_pending.clear();
    if (!m_channel)
        return;
    ssh_remove_channel_callbacks(m_channel, &m_callbacks);
    closeAndFreeChannel(m_channel);
    m_channel = nullptr;
}

void SftpClient::fail(const QString &why)
{
    if (m_state == State::Failed)
        return;
    qCDebug(lcSsh) << "sftp:" << why;
    m_state = State::Failed;
    m_error = why;
    close();
}

int SftpClient::onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *self)
{
    auto *client = static_cast<SftpClient *>(self);
    if (isStderr) // sftp-server's own log lines, if any
        qCDebug(lcSsh) << "sftp-server:" << QByteArray(static_cast<const char *>(data), qsizetype(len));
    else
        client->m_in.append(static_cast<const char *>(data), qsizetype(len));
    ++client->m_activity;
    return int(len);
}

void SftpClient::onClose(ssh_session, ssh_channel, void *self)
{
    static_cast<SftpClient *>(self)->m_remoteClosed = true;
}

void SftpClient::onEof(ssh_session, ssh_channel, void *self)
{
    static_cast<SftpClient *>(self)->m_remoteClosed = true;
}

void SftpClient::step()
{
    if (!m_channel)
        return;
    switch (m_state) {
    case State::OpeningChannel: {
        const int rc = ssh_channel_open_session(m_channel);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            m_refused = ssh_is_connected(m_session);
            fail(QCoreApplication::translate("SftpClient", "could not open a channel: %1")
                     .arg(printable(QString::fromUtf8(ssh_get_error(m_session)))));
            return;
        }
        m_state = State::StartingSubsystem;
        [[fallthrough]];
    }
    case State::StartingSubsystem: {
        const int rc = ssh_channel_request_subsystem(m_channel, "sftp");
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            fail(QCoreApplication::translate("SftpClient", "the server refused the SFTP subsystem: %1")
                     .arg(QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        const qsizetype init = SftpPacket::begin(&m_out, SftpPacket::Init);
        SftpPacket::appendUint32(&m_out, 3);
        SftpPacket::end(&m_out, init);
        m_state = State::Greeting;
        break;
    }
    default:
        break;
    }
    flush();
    dispatch();
    if (m_channel)
        flush();
    if (m_channel && m_remoteClosed && m_inPos >= m_in.size())
        fail(m_state == State::Greeting
                 ? QCoreApplication::translate("SftpClient", "the server's SFTP subsystem ended at once")
                 : QCoreApplication::translate("SftpClient", "the SFTP channel closed"));
}

void SftpClient::flush()
{
    while (m_channel && m_outPos < m_out.size()) {
        const qsizetype n = qMin(m_out.size() - m_outPos, MaxWriteCall);
        const int rc = ssh_channel_write(m_channel, m_out.constData() + m_outPos, uint32_t(n));
        if (rc < 0) {
            fail(QCoreApplication::translate("SftpClient", "connection lost"));
            return;
        }
        m_outPos += rc;
        if (rc > 0)
            ++m_activity;
        if (rc < n)
            break; // the window is full: the server's window adjust wakes us
    }
    if (m_outPos == m_out.size()) {
        m_out.clear();
        m_outPos = 0;
    } else if (m_outPos > 4 * 1024 * 1024) {
        m_out.remove(0, m_outPos);
        m_outPos = 0;
    }
}

void SftpClient::dispatch()
{
    while (m_channel) {
        SftpPacket::Reply reply;
        bool malformed = false;
        if (!SftpPacket::decode(m_in, &m_inPos, &reply, &malformed, &m_extensions)) {
            if (malformed)
                fail(QCoreApplication::translate("SftpClient", "the server sent a malformed SFTP packet"));
            break;
        }
        if (reply.type == SftpPacket::Version) {
            if (m_state != State::Greeting) {
                fail(
                    QCoreApplication::translate("SftpClient", "the server sent an unexpected SFTP greeting"));
                break;
            }
            m_state = State::Ready;
            continue;
        }
        const auto it = m_pending.find(reply.id);
        if (it == m_pending.end()) {
            qCDebug(lcSsh) << "sftp: answer to no request" << reply.id;
            continue;
        }
        const Callback callback = std::move(*it);
        m_pending.erase(it);
        callback(reply);
    }
    if (m_inPos >= m_in.size()) {
        m_in.clear();
        m_inPos = 0;
    } else if (m_inPos > 1024 * 1024) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
}

void SftpClient::begin(quint8 type, Callback callback)
{
    const quint32 id = m_nextId++;
    m_packetStart = SftpPacket::begin(&m_out, type, id);
    if (m_channel)
        m_pending.insert(id, std::move(callback));
}

void SftpClient::end()
{
    SftpPacket::end(&m_out, m_packetStart);
}

void SftpClient::open(const QByteArray &path, quint32 flags, const SftpPacket::Attributes &attrs,
                      Callback callback)
{
    begin(SftpPacket::Open, std::move(callback));
    SftpPacket::appendString(&m_out, path);
    SftpPacket::appendUint32(&m_out, flags);
    SftpPacket::appendAttributes(&m_out, attrs);
    end();
}

void SftpClient::closeHandle(const QByteArray &handle, Callback callback)
{
    begin(SftpPacket::Close, std::move(callback));
    SftpPacket::appendString(&m_out, handle);
    end();
}

void SftpClient::read(const QByteArray &handle, quint64 offset, quint32 length, Callback callback)
{
    begin(SftpPacket::Read, std::move(callback));
    SftpPacket::appendString(&m_out, handle);
    SftpPacket::appendUint64(&m_out, offset);
    SftpPacket::appendUint32(&m_out, length);
    end();
}

void SftpClient::write(const QByteArray &handle, quint64 offset, const char *data, qsizetype size,
                       Callback callback)
{
    begin(SftpPacket::Write, std::move(callback));
    SftpPacket::appendString(&m_out, handle);
    SftpPacket::appendUint64(&m_out, offset);
    SftpPacket::appendString(&m_out, QByteArrayView(data, size));
    end();
}

void SftpClient::stat(const QByteArray &path, Callback callback)
{
    begin(SftpPacket::Stat, std::move(callback));
    SftpPacket::appendString(&m_out, path);
    end();
}

void SftpClient::fsetstat(const QByteArray &handle, const SftpPacket::Attributes &attrs, Callback callback)
{
    begin(SftpPacket::Fsetstat, std::move(callback));
    SftpPacket::appendString(&m_out, handle);
    SftpPacket::appendAttributes(&m_out, attrs);
    end();
}

void SftpClient::opendir(const QByteArray &path, Callback callback)
{
    begin(SftpPacket::Opendir, std::move(callback));
    SftpPacket::appendString(&m_out, path);
    end();
}

void SftpClient::readdir(const QByteArray &handle, Callback callback)
{
    begin(SftpPacket::Readdir, std::move(callback));
    SftpPacket::appendString(&m_out, handle);
    end();
}

void SftpClient::mkdir(const QByteArray &path, const SftpPacket::Attributes &attrs, Callback callback)
{
    begin(SftpPacket::Mkdir, std::move(callback));
    SftpPacket::appendString(&m_out, path);
    SftpPacket::appendAttributes(&m_out, attrs);
    end();
}

void SftpClient::remove(const QByteArray &path, Callback callback)
{
    begin(SftpPacket::Remove, std::move(callback));
    SftpPacket::appendString(&m_out, path);
    end();
}

void SftpClient::rename(const QByteArray &from, const QByteArray &to, Callback callback)
{
    if (hasPosixRename()) {
        begin(SftpPacket::Extended, std::move(callback));
        SftpPacket::appendString(&m_out, "posix-rename@openssh.com");
    } else {
        begin(SftpPacket::Rename, std::move(callback));
    }
    SftpPacket::appendString(&m_out, from);
    SftpPacket::appendString(&m_out, to);
    end();
}

} // namespace Chorus
