#pragma once

#include "sshworker/internal/enginebuild.h"
#include "sshworker/internal/hostjob.h"
#include "sshworker/sftp/sftpclient.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <libssh/callbacks.h>

#include <functional>
#include <memory>

struct ssh_channel_struct;

namespace Chorus {

// One host's part in a file transfer (RunRequest::transfer), the sibling of RemoteCommand: waits for
// the host's connection like a command does, then copies over its own SFTP channel with many reads
// or writes in flight. Push sends local files and folders into a remote folder; pull fetches a
// remote file or folder into LOCAL/HOST/. A file is written under a temporary name
// (.NAME.chorus-XXXXXXXX.part) and renamed once complete (and checked, with verifyChecksum), so a
// partly written file never appears under its final name; after a failure or cancel the temporary
// file is removed when the connection still allows it. Reports bytes as it goes (WorkerBatch::Progress).
class FileTransfer : public HostJob
{
public:
    FileTransfer(SshWorker *worker, std::shared_ptr<RunShared> run, int host);
    ~FileTransfer() override;

    void start() override;
    void connectionReady(SshConnection *connection, bool fresh) override;
    void connectionFailed(const SshConnection &connection) override;
    void step() override;
    void cancel() override;
    void checkDeadline(qint64 now) override;
    void connectionLost() override;
    void cutForShutdown() override;
    bool isTransfer() const override { return true; }
    void localChecksumReady(quint64 ticket, const QByteArray &checksum, const QString &error) override;

    bool isDone() const override { return m_phase == Phase::Done; }
    bool isWaitingForConnection() const override { return m_phase == Phase::WaitingForConnection; }
    bool needsStep() const override;
    qint64 nextDeadlineUs() const override;

private:
    struct Folder
    {
        QByteArray remote;
        QString local;
        int depth = 0; // below the folder being pulled
    };
    void readDirectory(const QByteArray &handle, const Folder &folder, qint64 listed);
    enum class Phase
    {
        Queued,
        WaitingForConnection,
        Opening, // SFTP channel and greeting
        Working,
        Cleaning, // removing a temporary file after a failure or cancel, then done
        Done,
    };
    // One file or folder to copy; folders come before what they hold.
    struct Item
    {
        bool isDir = false;
        QString local;     // push: source; pull: final destination
        QByteArray remote; // push: final destination; pull: source
        qint64 size = 0;
        quint32 mode = 0;  // permission bits
        qint64 mtime = -1; // seconds since the epoch
    };

    // Push
    bool planPush(QString *error);
    void pushNext();
    void pushFile(const Item &item);
    void openRemoteTemp(const Item &item);
    void pumpWrites();
    void completeRemoteFile();
    void renameIntoPlace();
    // Push and pull: the current file's SHA-256 here and on the host; `next` when they match.
    void checkSums(const QByteArray &local, const QByteArray &remote, const QString &error,
                   const std::function<void()> &next);
    // Pull
    void listNext();
    void pullNext();
    void pumpReads();
    void requestRead(qint64 offset, qint64 length);
    void readAnswered(qint64 offset, qint64 length, const SftpPacket::Reply &reply);
    void completeLocalFile();

    void itemDone();
    bool keepExisting(const Item &item, bool exists, qint64 size, qint64 mtime) const;
    void startChecksum(const QByteArray &remotePath,
                       std::function<void(const QByteArray &, const QString &)> done);
    void stepChecksum();
    // Hashes off the worker thread (SshWorker::hashLater); done runs here, unless the copy ended.
    void hashLocal(const QString &path, bool shared,
                   std::function<void(const QByteArray &, const QString &)> done);
    void freeSumChannel();
    static QByteArray tempName(const QByteArray &finalPath);
    QString currentName() const;
    void fail(const QString &error, HostOutcome outcome = HostOutcome::Failed,
              FailureKind failure = FailureKind::Channel);
    void cut(const QString &why);
    void noteActivity();
    qint64 stallDeadlineUs() const; // 0: none
    // "FILE (n of m bytes)" when a file is being copied, else empty.
    QString whileCopying() const;
    QString endError() const; // m_endError, and where the partial file was left if it was
    void finish(HostOutcome outcome, FailureKind failure, const QString &error);
    void removeLocalTemp();
    void freeChannels();
    void progress(bool force);

    static int onSumData(ssh_session session, ssh_channel channel, void *data, uint32_t len, int isStderr,
                         void *self);
    static void onSumClose(ssh_session session, ssh_channel channel, void *self);
    static void onSumExitStatus(ssh_session session, ssh_channel channel, int status, void *self);

    Phase m_phase = Phase::Queued;
    std::unique_ptr<SftpClient> m_sftp;
    bool m_sftpCounted = false; // its channel counts on the connection
    bool m_cancelRequested = false;
    qint64 m_cleanDeadlineUs = 0;
    qint64 m_lastMoveUs = 0;      // when the copy last moved (PoolSettings::transferStallMs)
    quint64 m_seenActivity = 0;   // SftpClient::activity() then
    HostOutcome m_endOutcome = HostOutcome::Failed;
    FailureKind m_endFailure = FailureKind::None;
    QString m_endError;

    QList<Item> m_items;
    int m_next = 0;
    int m_current = -1;                             // index in m_items of the file being copied
    QList<Folder> m_dirsToList; // pull
    qint64 m_bytesDone = 0;
    qint64 m_bytesTotal = 0;
    qint64 m_lastProgressUs = 0;

    // The file being copied.
    QByteArray m_handle;
    QByteArray m_remoteTemp; // push: exists remotely until renamed or removed
    QString m_localTemp;     // pull: exists locally until renamed or removed
    QFile m_file;
    qint64 m_offset = 0;       // next byte to request or send
    qint64 m_fileDone = 0;     // bytes acknowledged or received
    qint64 m_fileEnd = 0;      // pull: where the remote file ends (EOF), until then the largest qint64
    qint64 m_fileSeen = 0;     // pull: the file's size as counted in m_bytesTotal
    int m_requests = 0;        // reads or writes in flight for this file
    bool m_completing = false; // no reads or writes to start now (opening, closing or deciding)

    // The remote checksum command, on an exec channel of its own.
    ssh_channel_struct *m_sumChannel = nullptr;
    struct ssh_channel_callbacks_struct m_sumCallbacks;
    int m_sumStage = 0; // 0 none, 1 opening, 2 exec, 3 running
    QByteArray m_sumCommand;
    QByteArray m_sumOut, m_sumErr;
    bool m_sumClosed = false;
    int m_sumExit = -1;
    std::function<void(const QByteArray &, const QString &)> m_sumDone;

    // The local file's hash, on the thread pool.
    bool m_hashing = false;
    quint64 m_hashTicket = 0;
    std::function<void(const QByteArray &, const QString &)> m_hashDone;
};

} // namespace Chorus
