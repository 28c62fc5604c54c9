#include "sshworker/internal/filetransfer.h"

#include "model/core/printable.h"
#include "model/core/shellquote.h"
#include "sshworker/internal/closechannel.h"
#include "sshworker/internal/sshconnection.h"
#include "sshworker/internal/sshlog.h"
#include "sshworker/internal/sshworker.h"
#include "sshworker/sftp/sftpclient.h"
#include "sshworker/workerpool.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStringDecoder>

#include <libssh/libssh.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

namespace Chorus {

namespace {

constexpr qint64 ChunkSize = 64 * 1024;
// 32 x 64 KiB keeps OpenSSH's 2 MiB channel window full on the way out and libssh's 1.28 MB one
// on the way in; more only queues in memory.
constexpr int MaxRequests = 32;
constexpr qint64 MaxUnsent = 512 * 1024;
constexpr qint64 ProgressIntervalUs = 100'000;
constexpr qint64 CleanupGraceUs = 3'000'000; // removing a temporary file after a failure

QByteArray joinRemote(const QByteArray &dir, const QByteArray &name)
{
    if (dir.isEmpty())
        return name;
    return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

QByteArray remoteBaseName(QByteArray path)
{
    while (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArray base = slash < 0 ? path : path.mid(slash + 1);
    return base.isEmpty() || base == "." || base == ".." ? QByteArrayLiteral("_") : base;
}

// The process's umask, read without changing it (other threads may be creating files).
mode_t currentUmask()
{
    static const mode_t mask = [] {
        QFile status(QStringLiteral("/proc/self/status"));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("Umask:"))
                    return mode_t(line.mid(6).trimmed().toUInt(nullptr, 8));
            }
        }
        return mode_t(022);
    }();
    return mask;
}

// A pulled file's mode: what the umask allows, never setuid/setgid, and always readable and
// writable by the user (a remote 0000 file would otherwise be useless here).
mode_t pulledMode(quint32 remote, mode_t keep)
{
    return (mode_t(remote) & 0777 & ~currentUmask()) | keep;
}

bool validName(const QByteArray &name)
{
    if (name.isEmpty() || name.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(name);
    return !decoder.hasError() && !text.isEmpty();
}

// A remote path in a message: the server chose part of it, so it is made printable.
QString remoteText(const QByteArray &path)
{
    return printable(QByteArrayView(path), 300);
}

// What a failed write means. OpenSSH's sftp-server reports ENOSPC and EDQUOT as a bare
// SSH_FX_FAILURE; nothing else makes a write fail that way on an open file.
QString writeFailure(const SftpPacket::Reply &reply)
{
    if (reply.type == SftpPacket::Status && reply.status == SftpPacket::Failure)
        return QCoreApplication::translate("FileTransfer", "disk full or quota exceeded");
    return SftpPacket::statusText(reply.status, reply.message);
}

// Added to an error when the copy's temporary file could not be removed from the host.
QString partialMayRemain(const QString &error, const QByteArray &remoteTemp)
{
    return QCoreApplication::translate("FileTransfer", "%1; the partial file may remain as %2")
        .arg(error, remoteText(remoteTemp));
}

QString replyError(const SftpPacket::Reply &reply)
{
    if (reply.type != SftpPacket::Status)
        return QCoreApplication::translate("FileTransfer", "unexpected answer from the server");
    return SftpPacket::statusText(reply.status, reply.message);
}

} // namespace

FileTransfer::FileTransfer(SshWorker *worker, std::shared_ptr<RunShared> run, int host)
    : HostJob(worker, std::move(run), host)
{
    memset(&m_sumCallbacks, 0, sizeof m_sumCallbacks);
    m_sumCallbacks.userdata = this;
    m_sumCallbacks.channel_data_function = &FileTransfer::onSumData;
    m_sumCallbacks.channel_close_function = &FileTransfer::onSumClose;
    m_sumCallbacks.channel_exit_status_function = &FileTransfer::onSumExitStatus;
    ssh_callbacks_init(&m_sumCallbacks);
}

FileTransfer::~FileTransfer()
{
    freeChannels();
    removeLocalTemp();
    stopWaiting();
}

void FileTransfer::start()
{
    m_phase = Phase::WaitingForConnection;
    noteStarted();
}

void FileTransfer::connectionReady(SshConnection *connection, bool fresh)
{
    if (m_phase != Phase::WaitingForConnection)
        return;
    m_connection = connection;
    noteConnectionReady(*connection, fresh);
    if (m_run->cancelled || m_cancelRequested) {
        finish(HostOutcome::Cancelled, FailureKind::None,
               QCoreApplication::translate("FileTransfer", "cancelled"));
        return;
    }
    m_sftp = std::make_unique<SftpClient>(connection->session());
    m_seenActivity = m_sftp->activity();
    m_lastMoveUs = SshWorker::nowUs();
    connection->channelOpened();
    m_sftpCounted = true;
    m_phase = Phase::Opening;
    step();
}

void FileTransfer::connectionFailed(const SshConnection &connection)
{
    if (m_phase != Phase::WaitingForConnection)
        return;
    finish(noteConnectionFailed(connection), connection.failure, connection.error);
}

bool FileTransfer::needsStep() const
{
    return m_phase == Phase::Opening || m_phase == Phase::Working || m_phase == Phase::Cleaning;
}

qint64 FileTransfer::nextDeadlineUs() const
{
    return m_phase == Phase::Cleaning ? m_cleanDeadlineUs : stallDeadlineUs();
}

qint64 FileTransfer::stallDeadlineUs() const
{
    const int stallMs = m_worker->pool()->settings().transferStallMs;
    if (stallMs <= 0 || (m_phase != Phase::Opening && m_phase != Phase::Working))
        return 0;
    // Hashing here and the checksum command there take as long as they take (sha256sum prints
    // only at the end); cancel still ends them.
    if (m_hashing || m_sumStage == 3)
        return 0;
    return m_lastMoveUs + qint64(stallMs) * 1000;
}

void FileTransfer::noteActivity()
{
    if (m_sftp && m_sftp->activity() != m_seenActivity) {
        m_seenActivity = m_sftp->activity();
        m_lastMoveUs = SshWorker::nowUs();
    }
}

void FileTransfer::step()
{
    if (!m_sftp || m_phase == Phase::Done)
        return;
    m_sftp->step();
    noteActivity();
    if (m_phase == Phase::Done)
        return;
    if (m_sftp->state() == SftpClient::State::Failed) {
        if (m_phase == Phase::Opening) {
            // Nothing has been copied yet: a refused channel goes to another connection, a reused
            // connection found dead (a restarted server) is replaced, transparently.
            const bool refused = m_sftp->channelRefused();
            const bool stale = !refused && !m_sftp->channelClosedByServer();
            freeChannels();
            if (refused ? takeRefusalRetry() : stale && takeStaleRetry()) {
                m_sftp.reset();
                m_phase = Phase::WaitingForConnection;
                retryOnNewConnection();
                return;
            }
        }
        if (m_phase == Phase::Cleaning) {
            finish(m_endOutcome, m_endFailure, endError());
            return;
        }
        if (m_phase == Phase::Opening) {
            finish(HostOutcome::Failed, FailureKind::Channel, m_sftp->error());
            return;
        }
        cut(m_sftp->error());
        return;
    }
    if (m_phase == Phase::Opening) {
        if (m_sftp->state() != SftpClient::State::Ready)
            return;
        const qint64 now = SshWorker::nowUs();
        m_result.times.channelOpened = rel(now);
        m_result.times.execStarted = rel(now);
        m_phase = Phase::Working;
        m_worker->reportState(this, HostState::Running);
        const TransferSpec &spec = *m_run->request.transfer;
        if (spec.direction == TransferDirection::Push) {
            QString error;
            if (!planPush(&error)) {
                finish(HostOutcome::Failed, FailureKind::Channel, error);
                return;
            }
            const QByteArray dir = SftpPacket::path(spec.remotePath);
            m_sftp->stat(dir, [this, dir](const SftpPacket::Reply &r) {
                if (r.type != SftpPacket::Attrs)
                    fail(QStringLiteral("%1: %2").arg(remoteText(dir), replyError(r)));
                else if (!r.attrs.isDirectory())
                    fail(QCoreApplication::translate("FileTransfer", "%1: not a directory")
                             .arg(remoteText(dir)));
                else
                    pushNext();
            });
        } else {
            const QString localRoot =
                QDir(spec.localPaths.value(0)).filePath(hostFileStem(target().name));
            if (!QDir().mkpath(localRoot)) {
                finish(HostOutcome::Failed, FailureKind::Channel,
                       QCoreApplication::translate("FileTransfer", "cannot create the local folder %1")
                           .arg(localRoot));
                return;
            }
            const QByteArray path = SftpPacket::path(spec.remotePath);
            m_sftp->stat(path, [this, path, localRoot](const SftpPacket::Reply &r) {
                if (r.type != SftpPacket::Attrs) {
                    fail(QStringLiteral("%1: %2").arg(remoteText(path), replyError(r)));
                    return;
                }
                Item item;
                item.isDir = r.attrs.isDirectory();
                item.remote = path;
                item.local = QDir(localRoot).filePath(QString::fromUtf8(remoteBaseName(path)));
                item.size = qint64(r.attrs.size);
                item.mode = (r.attrs.flags & SftpPacket::Attributes::Permissions) ? r.attrs.permissions & 07777
                                                                                   : 0644;
                item.mtime = (r.attrs.flags & SftpPacket::Attributes::Times) ? qint64(r.attrs.mtime) : -1;
                if (!item.isDir && !r.attrs.isRegular()) {
                    fail(QCoreApplication::translate("FileTransfer", "%1: not a regular file or folder")
                             .arg(remoteText(path)));
                    return;
                }
                m_items.append(item);
                if (item.isDir)
                    m_dirsToList.append({item.remote, item.local, 1});
                else
                    m_bytesTotal += item.size;
                progress(true);
                listNext();
            });
        }
    }
    if (m_phase == Phase::Working && m_current >= 0 && !m_completing) {
        if (m_run->request.transfer->direction == TransferDirection::Push)
            pumpWrites();
        else
            pumpReads();
    }
    if (m_sumStage > 0)
        stepChecksum();
    if (m_sftp && m_sftp->isOpen()) {
        m_sftp->step(); // send what this pass queued
        noteActivity();
    }
}

// ---------------------------------------------------------------------------------------------
// Push

bool FileTransfer::planPush(QString *error)
{
    const TransferSpec &spec = *m_run->request.transfer;
    const QByteArray remoteDir = SftpPacket::path(spec.remotePath);
    QString statError;
    const auto itemFor = [&](const QFileInfo &info, const QString &relative) {
        Item item;
        item.isDir = info.isDir();
        item.local = info.filePath();
        item.remote = joinRemote(remoteDir, relative.toUtf8());
        item.size = item.isDir ? 0 : info.size();
        struct stat st;
        if (::stat(QFile::encodeName(info.filePath()).constData(), &st) == 0) {
            item.mode = st.st_mode & 07777;
            item.mtime = st.st_mtime;
        } else if (statError.isEmpty()) {
            // Sending it with mode 0 would leave a file nobody can use.
            statError = QStringLiteral("%1: %2").arg(info.filePath(), QString::fromLocal8Bit(strerror(errno)));
        }
        return item;
    };
    for (const QString &path : spec.localPaths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            *error = QCoreApplication::translate("FileTransfer", "%1: no such file or directory").arg(path);
            return false;
        }
        if (!info.isDir() && !info.isFile()) {
            *error =
                QCoreApplication::translate("FileTransfer", "%1: not a regular file or folder").arg(path);
            return false;
        }
        // "dir/", "." and "a/.." name the folder they resolve to; "/" has no name.
        QString base = QFileInfo(QDir::cleanPath(info.absoluteFilePath())).fileName();
        if (base.isEmpty())
            base = QStringLiteral("_");
        QList<Item> items{itemFor(info, base)};
        if (info.isDir()) {
            const QDir root(info.absoluteFilePath());
            QDirIterator it(info.absoluteFilePath(),
                            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                it.next();
                const QFileInfo entry = it.fileInfo();
                // Links to folders could loop; anything but files and folders has no content to copy.
                if ((entry.isSymLink() && entry.isDir()) || (!entry.isDir() && !entry.isFile()))
                    continue;
                items.append(itemFor(entry, base + u'/' + root.relativeFilePath(entry.absoluteFilePath())));
            }
        }
        // A folder sorts before everything in it.
        std::sort(items.begin(), items.end(),
                  [](const Item &a, const Item &b) { return a.remote < b.remote; });
        m_items += items;
        if (!statError.isEmpty()) {
            *error = statError;
            return false;
        }
    }
    for (const Item &item : std::as_const(m_items))
        m_bytesTotal += item.size;
    progress(true);
    return true;
}

void FileTransfer::pushNext()
{
    if (m_phase != Phase::Working)
        return;
    if (m_next >= m_items.size()) {
        finish(HostOutcome::Ok, FailureKind::None, QString());
        return;
    }
    const Item &item = m_items.at(m_next++);
    if (!item.isDir) {
        pushFile(item);
        return;
    }
    SftpPacket::Attributes attrs;
    attrs.flags = SftpPacket::Attributes::Permissions;
    attrs.permissions = item.mode ? item.mode : 0755;
    const QByteArray remote = item.remote;
    m_sftp->mkdir(remote, attrs, [this, remote](const SftpPacket::Reply &r) {
        if (r.isOk()) {
            pushNext();
            return;
        }
        // Already there is fine, as long as it is a folder.
        const QString why = replyError(r);
        m_sftp->stat(remote, [this, remote, why](const SftpPacket::Reply &s) {
            if (s.type == SftpPacket::Attrs && s.attrs.isDirectory())
                pushNext();
            else if (s.type == SftpPacket::Attrs)
                fail(QCoreApplication::translate("FileTransfer", "%1: exists and is not a folder")
                         .arg(remoteText(remote)));
            else
                fail(QCoreApplication::translate("FileTransfer", "%1: cannot create the folder: %2")
                         .arg(remoteText(remote), why));
        });
    });
}

bool FileTransfer::keepExisting(const Item &item, bool exists, qint64 size, qint64 mtime) const
{
    if (!exists)
        return false;
    switch (m_run->request.transfer->overwrite) {
    case OverwritePolicy::Always:
        return false;
    case OverwritePolicy::Never:
        return true;
    case OverwritePolicy::IfDifferent:
        return size == item.size && mtime == item.mtime;
    }
    return false;
}

void FileTransfer::pushFile(const Item &item)
{
    m_current = m_next - 1;
    m_completing = true; // nothing to send before the temporary file is open
    if (m_run->request.transfer->overwrite == OverwritePolicy::Always) {
        openRemoteTemp(item);
        return;
    }
    const int index = m_current;
    m_sftp->stat(item.remote, [this, index](const SftpPacket::Reply &r) {
        const Item &item = m_items.at(index);
        if (r.type == SftpPacket::Status && r.status != SftpPacket::NoSuchFile) {
            fail(QStringLiteral("%1: %2").arg(remoteText(item.remote), replyError(r)));
            return;
        }
        const bool exists = r.type == SftpPacket::Attrs;
        if (keepExisting(item, exists, qint64(r.attrs.size),
                         (r.attrs.flags & SftpPacket::Attributes::Times) ? qint64(r.attrs.mtime) : -2)) {
            ++m_result.filesSkipped;
            m_bytesTotal -= item.size;
            progress(true);
            m_current = -1;
            pushNext();
            return;
        }
        openRemoteTemp(item);
    });
}

void FileTransfer::openRemoteTemp(const Item &item)
{
    m_file.setFileName(item.local);
    if (!m_file.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("%1: %2").arg(item.local, m_file.errorString()));
        return;
    }
    m_offset = 0;
    m_fileDone = 0;
    m_requests = 0;
    m_completing = true; // until the temporary file is open
    const QByteArray temp = tempName(item.remote);
    SftpPacket::Attributes attrs;
    attrs.flags = SftpPacket::Attributes::Permissions;
    attrs.permissions = 0600; // nobody else reads a half-written file; the real mode comes at the end
    // Known before the answer: a copy that ends while OPEN is in flight still removes the file (the
    // removal queues behind the OPEN; removing a file that never came counts as done).
    m_remoteTemp = temp;
    m_sftp->open(temp,
                 SftpPacket::OpenWrite | SftpPacket::OpenCreate | SftpPacket::OpenTruncate |
                     SftpPacket::OpenExclusive,
                 attrs, [this](const SftpPacket::Reply &r) {
                     if (m_phase != Phase::Working) {
                         if (r.type == SftpPacket::Handle && m_sftp->isOpen())
                             m_sftp->closeHandle(r.handle, [](const SftpPacket::Reply &) {});
                         return;
                     }
                     const Item &item = m_items.at(m_current);
                     if (r.type != SftpPacket::Handle) {
                         // Nothing was created (OPEN is exclusive): nothing to remove.
                         m_remoteTemp.clear();
                         fail(QStringLiteral("%1: %2").arg(remoteText(item.remote), replyError(r)));
                         return;
                     }
                     m_handle = r.handle;
                     m_completing = false;
                     pumpWrites();
                 });
}

void FileTransfer::pumpWrites()
{
    if (m_phase != Phase::Working || m_completing || m_current < 0 || !m_sftp->isOpen())
        return;
    const Item &item = m_items.at(m_current);
    while (m_offset < item.size && m_requests < MaxRequests && m_sftp->unsentBytes() < MaxUnsent) {
        const QByteArray chunk = m_file.read(qMin(ChunkSize, item.size - m_offset));
        if (chunk.isEmpty()) {
            fail(m_file.error() != QFileDevice::NoError
                     ? QStringLiteral("%1: %2").arg(item.local, m_file.errorString())
                     : QCoreApplication::translate("FileTransfer",
                                                   "%1: the file shrank while it was being sent")
                           .arg(item.local));
            return;
        }
        const qint64 length = chunk.size();
        m_sftp->write(m_handle, quint64(m_offset), chunk.constData(), chunk.size(),
                      [this, length](const SftpPacket::Reply &r) {
                          --m_requests;
                          if (m_phase != Phase::Working)
                              return;
                          if (!r.isOk()) {
                              fail(QCoreApplication::translate("FileTransfer", "writing %1: %2")
                                       .arg(remoteText(m_items.at(m_current).remote), writeFailure(r)));
                              return;
                          }
                          m_fileDone += length;
                          m_bytesDone += length;
                          m_result.bytesTransferred += length;
                          progress(false);
                          if (m_fileDone == m_items.at(m_current).size)
                              completeRemoteFile();
                          else
                              pumpWrites();
                      });
        ++m_requests;
        m_offset += length;
    }
    if (item.size == 0 && !m_completing)
        completeRemoteFile();
}

void FileTransfer::completeRemoteFile()
{
    m_completing = true;
    m_file.close();
    const Item &item = m_items.at(m_current);
    SftpPacket::Attributes attrs;
    attrs.flags = SftpPacket::Attributes::Permissions;
    attrs.permissions = item.mode;
    if (item.mtime >= 0) {
        attrs.flags |= SftpPacket::Attributes::Times;
        attrs.atime = attrs.mtime = quint32(item.mtime);
    }
    // Mode and time are set through the handle, before the file has its name: once it has it, it is whole.
    m_sftp->fsetstat(m_handle, attrs, [this](const SftpPacket::Reply &r) {
        if (!r.isOk())
            fail(QCoreApplication::translate("FileTransfer", "%1: cannot set mode and time: %2")
                     .arg(remoteText(m_items.at(m_current).remote), replyError(r)));
    });
    m_sftp->closeHandle(m_handle, [this](const SftpPacket::Reply &r) {
        if (m_phase != Phase::Working)
            return;
        m_handle.clear();
        const Item &item = m_items.at(m_current);
        if (!r.isOk()) {
            fail(QCoreApplication::translate("FileTransfer", "writing %1: %2")
                     .arg(remoteText(item.remote), writeFailure(r)));
            return;
        }
        if (!m_run->request.transfer->verifyChecksum) {
            renameIntoPlace();
            return;
        }
        hashLocal(item.local, true, [this](const QByteArray &local, const QString &error) {
            if (local.isEmpty())
                fail(error);
            else
                startChecksum(m_remoteTemp, [this, local](const QByteArray &remote, const QString &error) {
                    checkSums(local, remote, error, [this] { renameIntoPlace(); });
                });
        });
    });
}

void FileTransfer::checkSums(const QByteArray &local, const QByteArray &remote, const QString &error,
                             const std::function<void()> &next)
{
    const Item &item = m_items.at(m_current);
    if (!error.isEmpty()) {
        fail(QCoreApplication::translate("FileTransfer", "%1: checksum check failed: %2")
                 .arg(remoteText(item.remote), error));
    } else if (remote == local) {
        next();
    } else if (m_run->request.transfer->direction == TransferDirection::Push) {
        fail(QCoreApplication::translate(
                 "FileTransfer",
                 "%1: checksum mismatch after writing (SHA-256 here %2, there %3); the file "
                 "was not put in place")
                 .arg(remoteText(item.remote), QString::fromLatin1(local), QString::fromLatin1(remote)));
    } else {
        fail(QCoreApplication::translate(
                 "FileTransfer",
                 "%1: checksum mismatch after copying (SHA-256 there %2, here %3); the "
                 "file was not put in place")
                 .arg(remoteText(item.remote), QString::fromLatin1(remote), QString::fromLatin1(local)));
    }
}

void FileTransfer::renameIntoPlace()
{
    // After a failure or cancel the temporary file is being removed: never rename (or, without
    // posix-rename, remove the user's file to make room).
    if (m_phase != Phase::Working)
        return;
    const Item &item = m_items.at(m_current);
    const QByteArray finalPath = item.remote;
    const auto renamed = [this](const SftpPacket::Reply &r) {
        if (m_phase != Phase::Working)
            return;
        if (!r.isOk()) {
            fail(QCoreApplication::translate("FileTransfer", "%1: cannot put the file in place: %2")
                     .arg(remoteText(m_items.at(m_current).remote), replyError(r)));
            return;
        }
        m_remoteTemp.clear();
        itemDone();
        pushNext();
    };
    if (m_sftp->hasPosixRename()) {
        m_sftp->rename(m_remoteTemp, finalPath, renamed);
        return;
    }
    // Plain SFTP v3 renames only onto a free name: the old file goes first (not atomic).
    m_sftp->remove(finalPath, [this, finalPath, renamed](const SftpPacket::Reply &) {
        if (m_phase == Phase::Working)
            m_sftp->rename(m_remoteTemp, finalPath, renamed);
    });
}

// ---------------------------------------------------------------------------------------------
// Pull

void FileTransfer::listNext()
{
    if (m_phase != Phase::Working)
        return;
    if (m_dirsToList.isEmpty()) {
        std::sort(m_items.begin(), m_items.end(),
                  [](const Item &a, const Item &b) { return a.local < b.local; });
        pullNext();
        return;
    }
    const Folder folder = m_dirsToList.takeFirst();
    const TransferSpec &spec = *m_run->request.transfer;
    if (folder.depth > spec.maxDepth) {
        fail(QCoreApplication::translate("FileTransfer",
                                         "%1: folders nested more than %2 deep (the limit); stopped, as a server "
                                         "that lists a folder inside itself would never end")
                 .arg(remoteText(folder.remote))
                 .arg(spec.maxDepth));
        return;
    }
    m_sftp->opendir(folder.remote, [this, folder](const SftpPacket::Reply &r) {
        if (r.type != SftpPacket::Handle) {
            fail(QStringLiteral("%1: %2").arg(remoteText(folder.remote), replyError(r)));
            return;
        }
        readDirectory(r.handle, folder, 0);
    });
}

void FileTransfer::readDirectory(const QByteArray &handle, const Folder &folder, qint64 listed)
{
    const QByteArray &remoteDir = folder.remote;
    const QString &localDir = folder.local;
    m_sftp->readdir(handle, [this, handle, folder, listed, remoteDir, localDir](const SftpPacket::Reply &r) {
        if (r.type == SftpPacket::Status) {
            m_sftp->closeHandle(handle, [](const SftpPacket::Reply &) {});
            if (r.status != SftpPacket::Eof)
                fail(QStringLiteral("%1: %2").arg(remoteText(remoteDir), replyError(r)));
            else
                listNext();
            return;
        }
        const TransferSpec &spec = *m_run->request.transfer;
        if (listed + r.entries.size() > spec.maxFolderEntries || m_items.size() + r.entries.size() > spec.maxEntries) {
            m_sftp->closeHandle(handle, [](const SftpPacket::Reply &) {});
            fail(listed + r.entries.size() > spec.maxFolderEntries
                     ? QCoreApplication::translate("FileTransfer", "%1: more than %2 entries in one folder (the limit); "
                                                                   "stopped")
                           .arg(remoteText(remoteDir))
                           .arg(spec.maxFolderEntries)
                     : QCoreApplication::translate("FileTransfer", "%1: more than %2 files and folders in all (the "
                                                                   "limit); stopped")
                           .arg(remoteText(remoteDir))
                           .arg(spec.maxEntries));
            return;
        }
        for (const SftpPacket::Entry &e : r.entries) {
            if (e.name == "." || e.name == "..")
                continue;
            // Links and special files are left out (a link to a folder could loop), and so are
            // names that cannot be written here as they are (a NUL or bytes that are not UTF-8 would
            // come out cut short or under another file's name).
            if ((!e.attrs.isDirectory() && !e.attrs.isRegular()) || e.name.contains('/') ||
                !validName(e.name)) {
                ++m_result.filesSkipped;
                continue;
            }
            Item item;
            item.isDir = e.attrs.isDirectory();
            item.remote = joinRemote(remoteDir, e.name);
            item.local = QDir(localDir).filePath(QString::fromUtf8(e.name));
            item.size = item.isDir ? 0 : qint64(e.attrs.size);
            item.mode = (e.attrs.flags & SftpPacket::Attributes::Permissions) ? e.attrs.permissions & 07777
                                                                              : (item.isDir ? 0755 : 0644);
            item.mtime = (e.attrs.flags & SftpPacket::Attributes::Times) ? qint64(e.attrs.mtime) : -1;
            m_items.append(item);
            if (item.isDir)
                m_dirsToList.append({item.remote, item.local, folder.depth + 1});
            m_bytesTotal += item.size;
        }
        progress(false);
        readDirectory(handle, folder, listed + r.entries.size());
    });
}

void FileTransfer::pullNext()
{
    if (m_phase != Phase::Working)
        return;
    m_current = -1;
    while (m_next < m_items.size()) {
        const Item &item = m_items.at(m_next++);
        if (item.isDir) {
            if (!QDir().mkpath(item.local)) {
                fail(QCoreApplication::translate("FileTransfer", "cannot create the local folder %1")
                         .arg(item.local));
                return;
            }
            // The folder keeps its mode, but stays writable for us while it fills.
            if (item.mode)
                ::chmod(QFile::encodeName(item.local).constData(), pulledMode(item.mode, 0700));
            continue;
        }
        const QFileInfo existing(item.local);
        if (existing.isDir()) {
            fail(QCoreApplication::translate("FileTransfer", "%1: a folder is in the way").arg(item.local));
            return;
        }
        if (keepExisting(item, existing.exists(), existing.size(),
                         existing.exists() ? existing.lastModified().toSecsSinceEpoch() : -2)) {
            ++m_result.filesSkipped;
            m_bytesTotal -= item.size;
            progress(true);
            continue;
        }
        m_current = m_next - 1;
        break;
    }
    if (m_current < 0) {
        finish(HostOutcome::Ok, FailureKind::None, QString());
        return;
    }
    const Item &item = m_items.at(m_current);
    m_localTemp = QFile::decodeName(tempName(QFile::encodeName(item.local)));
    m_file.setFileName(m_localTemp);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        const QString why = m_file.errorString();
        m_localTemp.clear();
        fail(QStringLiteral("%1: %2").arg(QFileInfo(item.local).path(), why));
        return;
    }
    ::fchmod(m_file.handle(), 0600);
    m_offset = 0;
    m_fileDone = 0;
    m_fileEnd = std::numeric_limits<qint64>::max(); // until the server says EOF
    m_fileSeen = item.size;
    m_requests = 0;
    m_completing = true; // until the remote file is open
    m_sftp->open(item.remote, SftpPacket::OpenRead, {}, [this](const SftpPacket::Reply &r) {
        if (m_phase != Phase::Working) {
            if (r.type == SftpPacket::Handle && m_sftp->isOpen())
                m_sftp->closeHandle(r.handle, [](const SftpPacket::Reply &) {});
            return;
        }
        if (r.type != SftpPacket::Handle) {
            fail(QStringLiteral("%1: %2").arg(remoteText(m_items.at(m_current).remote), replyError(r)));
            return;
        }
        m_handle = r.handle;
        m_completing = false;
        pumpReads();
    });
}

void FileTransfer::pumpReads()
{
    if (m_phase != Phase::Working || m_completing || m_current < 0 || !m_sftp->isOpen())
        return;
    const Item &item = m_items.at(m_current);
    // Reads go on past the listed size until the server says EOF, like sftp's get: /proc files list
    // as empty and logs grow. Past that size only a few are in flight, most of them answered EOF.
    while (m_offset < m_fileEnd && m_requests < (m_offset < item.size ? MaxRequests : 4)) {
        const qint64 offset = m_offset;
        const qint64 length = offset < item.size ? qMin(ChunkSize, item.size - offset) : ChunkSize;
        m_offset += length;
        ++m_requests;
        requestRead(offset, length);
    }
    if (m_requests == 0 && m_offset >= m_fileEnd)
        completeLocalFile();
}

void FileTransfer::requestRead(qint64 offset, qint64 length)
{
    m_sftp->read(m_handle, quint64(offset), quint32(length),
                 [this, offset, length](const SftpPacket::Reply &r) { readAnswered(offset, length, r); });
}

void FileTransfer::readAnswered(qint64 offset, qint64 length, const SftpPacket::Reply &r)
{
    if (m_phase != Phase::Working)
        return;
    if (r.type == SftpPacket::Status && r.status == SftpPacket::Eof) {
        m_fileEnd = qMin(m_fileEnd, offset); // the file shrank since it was listed
    } else if (r.type != SftpPacket::Data) {
        fail(QCoreApplication::translate("FileTransfer", "reading %1: %2")
                 .arg(remoteText(m_items.at(m_current).remote), replyError(r)));
        return;
    } else {
        const qint64 got = qMin<qint64>(r.data.size(), length);
        if (!m_file.seek(offset) || m_file.write(r.data.constData(), got) != got) {
            const QString why =
                errno == ENOSPC || errno == EDQUOT
                    ? QCoreApplication::translate("FileTransfer", "disk full or quota exceeded")
                    : m_file.errorString();
            fail(QCoreApplication::translate("FileTransfer", "writing %1: %2")
                     .arg(m_items.at(m_current).local, why));
            return;
        }
        m_fileDone += got;
        m_bytesDone += got;
        m_result.bytesTransferred += got;
        if (offset + got > m_fileSeen) { // the file is longer than it was listed
            m_bytesTotal += offset + got - m_fileSeen;
            m_fileSeen = offset + got;
        }
        progress(false);
        if (got > 0 && got < length) {
            // A short answer: ask again for the rest, under the same request count.
            requestRead(offset + got, length - got);
            return;
        }
        if (got == 0)
            m_fileEnd = qMin(m_fileEnd, offset);
    }
    --m_requests;
    if (m_requests == 0 && m_offset >= m_fileEnd)
        completeLocalFile();
    else
        pumpReads();
}

void FileTransfer::completeLocalFile()
{
    m_completing = true;
    const Item &item = m_items.at(m_current);
    m_sftp->closeHandle(m_handle, [](const SftpPacket::Reply &) {});
    m_handle.clear();
    if (m_fileEnd < m_fileSeen) {
        // Whatever was announced or read past the end (a file that shrank meanwhile) is not counted.
        m_bytesTotal -= m_fileSeen - m_fileEnd;
        m_fileSeen = m_fileEnd;
        m_file.resize(m_fileEnd);
    }
    if (!m_file.flush()) {
        fail(QCoreApplication::translate("FileTransfer", "writing %1: %2")
                 .arg(item.local, m_file.errorString()));
        return;
    }
    ::fchmod(m_file.handle(), pulledMode(item.mode, 0600));
    if (item.mtime >= 0)
        m_file.setFileTime(QDateTime::fromSecsSinceEpoch(item.mtime), QFileDevice::FileModificationTime);
    const bool synced = ::fsync(m_file.handle()) == 0 || errno == EINVAL;
    m_file.close();
    if (!synced || m_file.error() != QFileDevice::NoError) {
        fail(QCoreApplication::translate("FileTransfer", "writing %1: %2")
                 .arg(item.local, errno == ENOSPC ? QCoreApplication::translate("FileTransfer",
                                                                                "disk full or quota exceeded")
                                                  : m_file.errorString()));
        return;
    }
    const auto putInPlace = [this] {
        if (m_phase != Phase::Working)
            return;
        const Item &item = m_items.at(m_current);
        if (::rename(QFile::encodeName(m_localTemp).constData(), QFile::encodeName(item.local).constData()) !=
            0) {
            fail(QCoreApplication::translate("FileTransfer", "%1: cannot put the file in place: %2")
                     .arg(item.local, QString::fromLocal8Bit(strerror(errno))));
            return;
        }
        m_localTemp.clear();
        itemDone();
        pullNext();
    };
    if (!m_run->request.transfer->verifyChecksum) {
        putInPlace();
        return;
    }
    hashLocal(m_localTemp, false, [this, putInPlace](const QByteArray &local, const QString &error) {
        if (local.isEmpty()) {
            fail(error);
            return;
        }
        startChecksum(m_items.at(m_current).remote,
                      [this, local, putInPlace](const QByteArray &remote, const QString &error) {
                          checkSums(local, remote, error, putInPlace);
                      });
    });
}

// ---------------------------------------------------------------------------------------------
// Common

void FileTransfer::itemDone()
{
    ++m_result.filesTransferred;
    m_completing = false;
    m_current = -1;
    progress(true);
}

QByteArray FileTransfer::tempName(const QByteArray &finalPath)
{
    const qsizetype slash = finalPath.lastIndexOf('/');
    const QByteArray dir = slash < 0 ? QByteArray() : finalPath.left(slash + 1);
    QByteArray base = finalPath.mid(slash + 1);
    const QByteArray tag =
        QByteArray::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, '0');
    // A name may have 255 bytes (NAME_MAX): a long final name gets a shortened temp name, cut at a
    // UTF-8 character boundary, rather than failing the copy.
    const qsizetype room = 255 - qsizetype(sizeof(".") - 1 + sizeof(".chorus-") - 1 + 8 + sizeof(".part") - 1);
    if (base.size() > room) {
        qsizetype cut = room;
        while (cut > 0 && (uchar(base.at(cut)) & 0xC0) == 0x80)
            --cut;
        base.truncate(cut);
    }
    return dir + '.' + base + ".chorus-" + tag + ".part";
}

QString FileTransfer::currentName() const
{
    if (m_current < 0)
        return {};
    const Item &item = m_items.at(m_current);
    return m_run->request.transfer->direction == TransferDirection::Push ? remoteText(item.remote)
                                                                         : item.local;
}

void FileTransfer::hashLocal(const QString &path, bool shared,
                             std::function<void(const QByteArray &, const QString &)> done)
{
    m_hashing = true;
    m_hashDone = std::move(done);
    m_worker->hashLater(this, ++m_hashTicket, path, shared);
}

void FileTransfer::localChecksumReady(quint64 ticket, const QByteArray &checksum, const QString &error)
{
    if (!m_hashing || ticket != m_hashTicket)
        return;
    m_hashing = false;
    const auto done = std::move(m_hashDone);
    m_hashDone = nullptr;
    if (m_phase != Phase::Working)
        return;
    m_lastMoveUs = SshWorker::nowUs(); // the stall clock rests while hashing
    done(checksum, error);
}

void FileTransfer::startChecksum(const QByteArray &remotePath,
                                 std::function<void(const QByteArray &, const QString &)> done)
{
    m_sumChannel = ssh_channel_new(m_connection->session());
    if (!m_sumChannel) {
        cut(QCoreApplication::translate("FileTransfer", "connection lost"));
        return;
    }
    ssh_set_channel_callbacks(m_sumChannel, &m_sumCallbacks);
    m_connection->channelOpened();
    m_sumCommand = (m_run->request.transfer->checksumCommand + QStringLiteral(" -- ") +
                    shellQuote(QString::fromUtf8(remotePath)))
                       .toUtf8();
    m_sumOut.clear();
    m_sumErr.clear();
    m_sumClosed = false;
    m_sumExit = -1;
    m_sumDone = std::move(done);
    m_sumStage = 1;
    m_lastMoveUs = SshWorker::nowUs();
    stepChecksum();
}

void FileTransfer::stepChecksum()
{
    if (m_sumStage == 1) {
        const int rc = ssh_channel_open_session(m_sumChannel);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            cut(QCoreApplication::translate("FileTransfer", "connection lost"));
            return;
        }
        m_sumStage = 2;
    }
    if (m_sumStage == 2) {
        const int rc = ssh_channel_request_exec(m_sumChannel, m_sumCommand.constData());
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            fail(QCoreApplication::translate("FileTransfer",
                                             "the server refused to run the checksum command"));
            return;
        }
        ssh_channel_send_eof(m_sumChannel);
        m_sumStage = 3;
    }
    if (m_sumStage == 3 && m_sumClosed) {
        const auto done = std::move(m_sumDone);
        m_sumDone = nullptr;
        const QByteArray hash = m_sumOut.trimmed().split(' ').value(0).toLower();
        const QByteArray err = m_sumErr.trimmed();
        const int exit = m_sumExit;
        freeSumChannel();
        m_lastMoveUs = SshWorker::nowUs(); // the stall clock rested while the command ran
        if (m_phase != Phase::Working || !done)
            return;
        const bool valid = hash.size() == 64 && std::all_of(hash.begin(), hash.end(),
                                                            [](char c) { return std::isxdigit(uchar(c)); });
        if (exit != 0 || !valid) {
            QString why = !err.isEmpty() ? QString::fromUtf8(err.split('\n').constLast())
                          : exit != 0
                              ? QCoreApplication::translate("FileTransfer", "%1 exited with status %2")
                                    .arg(m_run->request.transfer->checksumCommand)
                                    .arg(exit)
                              : QCoreApplication::translate("FileTransfer", "%1 printed no SHA-256")
                                    .arg(m_run->request.transfer->checksumCommand);
            done(QByteArray(), why);
            return;
        }
        done(hash, QString());
    }
}

int FileTransfer::onSumData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *self)
{
    auto *t = static_cast<FileTransfer *>(self);
    t->m_lastMoveUs = SshWorker::nowUs();
    QByteArray &to = isStderr ? t->m_sumErr : t->m_sumOut;
    if (to.size() < 64 * 1024)
        to.append(static_cast<const char *>(data), qsizetype(len));
    return int(len);
}

void FileTransfer::onSumClose(ssh_session, ssh_channel, void *self)
{
    static_cast<FileTransfer *>(self)->m_sumClosed = true;
}

void FileTransfer::onSumExitStatus(ssh_session, ssh_channel, int status, void *self)
{
    static_cast<FileTransfer *>(self)->m_sumExit = status;
}

void FileTransfer::progress(bool force)
{
    const qint64 now = SshWorker::nowUs();
    if (!force && now - m_lastProgressUs < ProgressIntervalUs)
        return;
    m_lastProgressUs = now;
    m_worker->reportProgress(this, m_bytesDone, m_bytesTotal);
}

void FileTransfer::cancel()
{
    m_cancelRequested = true;
    switch (m_phase) {
    case Phase::Queued:
    case Phase::WaitingForConnection:
    case Phase::Opening:
        finish(HostOutcome::Cancelled, FailureKind::None, unstartedReason());
        return;
    case Phase::Working:
        fail(QCoreApplication::translate("FileTransfer", "cancelled"), HostOutcome::Cancelled,
             FailureKind::None);
        return;
    case Phase::Cleaning:
    case Phase::Done:
        return;
    }
}

// Ends the transfer; a temporary file it left is removed first, when the connection allows.
void FileTransfer::fail(const QString &error, HostOutcome outcome, FailureKind failure)
{
    if (m_phase == Phase::Done || m_phase == Phase::Cleaning)
        return;
    // A checksum still running must not lead to a rename once the temporary file is going away.
    freeSumChannel();
    m_hashing = false;
    m_hashDone = nullptr;
    removeLocalTemp();
    m_file.close();
    if (m_remoteTemp.isEmpty() || !m_sftp || !m_sftp->isOpen()) {
        finish(outcome, failure, error);
        return;
    }
    m_endOutcome = outcome;
    m_endFailure = failure;
    m_endError = error;
    m_phase = Phase::Cleaning;
    m_cleanDeadlineUs = SshWorker::nowUs() + CleanupGraceUs;
    if (!m_handle.isEmpty())
        m_sftp->closeHandle(m_handle, [](const SftpPacket::Reply &) {});
    m_sftp->remove(m_remoteTemp, [this](const SftpPacket::Reply &r) {
        if (r.isOk() || (r.type == SftpPacket::Status && r.status == SftpPacket::NoSuchFile))
            m_remoteTemp.clear();
        finish(m_endOutcome, m_endFailure, endError());
    });
}

// The copy was interrupted from outside: lost connection or channel, or shutdown.
void FileTransfer::cut(const QString &why)
{
    if (m_phase == Phase::Done)
        return;
    if (m_phase == Phase::Cleaning) {
        finish(m_endOutcome, m_endFailure, endError());
        return;
    }
    const QString where = whileCopying();
    QString error = where.isEmpty()
                        ? QCoreApplication::translate("FileTransfer", "transfer cut: %1").arg(why)
                        : QCoreApplication::translate("FileTransfer", "transfer cut: %1 while copying %2")
                              .arg(why, where);
    if (!m_remoteTemp.isEmpty())
        error = partialMayRemain(error, m_remoteTemp);
    removeLocalTemp();
    finish(HostOutcome::Failed, FailureKind::Connect, error);
}

// The file being copied and how far it got, for the sentences that say what stopped it.
QString FileTransfer::whileCopying() const
{
    const QString name = currentName();
    if (name.isEmpty())
        return {};
    return QCoreApplication::translate("FileTransfer", "%1 (%2 of %3 bytes)")
        .arg(name, QString::number(m_fileDone), QString::number(m_items.at(m_current).size));
}

QString FileTransfer::endError() const
{
    if (m_remoteTemp.isEmpty())
        return m_endError;
    return partialMayRemain(m_endError, m_remoteTemp);
}

void FileTransfer::checkDeadline(qint64 now)
{
    if (m_phase == Phase::Cleaning && now >= m_cleanDeadlineUs) {
        finish(m_endOutcome, m_endFailure, endError());
        return;
    }
    const qint64 stall = stallDeadlineUs();
    if (stall > 0 && now >= stall) {
        // A server that stopped answering (frozen, or its network gone without a reset) would
        // otherwise hold the host for ever; the temporary file is removed if it still answers.
        const double seconds = m_worker->pool()->settings().transferStallMs / 1000.0;
        const QString where = whileCopying();
        fail(where.isEmpty()
                 ? QCoreApplication::translate("FileTransfer", "transfer stalled: no progress for %1 s")
                       .arg(seconds)
                 : QCoreApplication::translate("FileTransfer",
                                               "transfer stalled: no progress for %1 s while copying %2")
                       .arg(QString::number(seconds), where),
             HostOutcome::TimedOut, FailureKind::Channel);
    }
}

void FileTransfer::connectionLost()
{
    if (m_phase == Phase::Done)
        return;
    if (m_phase == Phase::Working && !m_cancelRequested)
        cut(QCoreApplication::translate("FileTransfer", "connection lost"));
    else if (m_phase == Phase::Cleaning)
        finish(m_endOutcome, m_endFailure, endError());
    else
        finish(m_cancelRequested ? HostOutcome::Cancelled : HostOutcome::Failed, FailureKind::Connect,
               m_cancelRequested ? QCoreApplication::translate("FileTransfer", "cancelled")
                                 : QCoreApplication::translate("FileTransfer", "connection lost"));
}

void FileTransfer::cutForShutdown()
{
    if (m_phase == Phase::Done)
        return;
    if (m_phase != Phase::Working && m_phase != Phase::Cleaning) {
        cancel();
        return;
    }
    // No time to wait for answers: ask for the temporary file's removal and go.
    if (!m_remoteTemp.isEmpty() && m_sftp && m_sftp->isOpen()) {
        if (!m_handle.isEmpty())
            m_sftp->closeHandle(m_handle, [](const SftpPacket::Reply &) {});
        m_sftp->remove(m_remoteTemp, [](const SftpPacket::Reply &) {});
        m_sftp->step();
        m_remoteTemp.clear();
    }
    cut(QCoreApplication::translate("FileTransfer", "closing before the copy was complete"));
}

void FileTransfer::removeLocalTemp()
{
    if (m_localTemp.isEmpty())
        return;
    m_file.close();
    QFile::remove(m_localTemp);
    m_localTemp.clear();
}

void FileTransfer::freeSumChannel()
{
    m_sumStage = 0;
    m_sumDone = nullptr;
    if (!m_sumChannel)
        return;
    ssh_remove_channel_callbacks(m_sumChannel, &m_sumCallbacks);
    closeAndFreeChannel(m_sumChannel);
    m_sumChannel = nullptr;
    if (m_connection)
        m_connection->channelClosed(SshWorker::nowUs());
}

// Callbacks of the SFTP client may be on the stack: it is closed here (the session may go away
// right after) but freed with this object.
void FileTransfer::freeChannels()
{
    freeSumChannel();
    if (m_sftp)
        m_sftp->close();
    if (m_sftpCounted) {
        m_sftpCounted = false;
        if (m_connection)
            m_connection->channelClosed(SshWorker::nowUs());
    }
}

void FileTransfer::finish(HostOutcome outcome, FailureKind failure, const QString &error)
{
    if (m_phase == Phase::Done)
        return;
    stopWaiting();
    freeChannels();
    removeLocalTemp();
    m_file.close();
    m_phase = Phase::Done;
    m_result.outcome = outcome;
    m_result.failure = failure;
    m_result.error = error;
    m_result.exitStatus = outcome == HostOutcome::Ok ? 0 : -1;
    m_result.times.finished = rel(SshWorker::nowUs());
    if (m_result.times.started >= 0)
        m_worker->reportProgress(this, m_bytesDone, m_bytesTotal);
    m_worker->reportFinished(this);
}

} // namespace Chorus
