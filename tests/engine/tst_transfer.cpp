// File transfers over SFTP (the engine under `chorus push` / `chorus pull`) against a real
// OpenSSH fleet on loopback. The fleet's hosts are this machine, so remote paths are local folders.
#include "model/session/transferprogress.h"
#include "sshworker/fleet/localfleet.h"
#include "sshworker/sftp/sftppacket.h"
#include "sshworker/workerpool.h"
#include "tests/support/enginerun.h"
#include "tests/support/testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Chorus;
using namespace Chorus::TestFiles;

class TestTransfer : public QObject
{
    Q_OBJECT

    LocalFleet m_fleet;
    std::unique_ptr<WorkerPool> m_pool;
    QTemporaryDir m_tmp;
    int m_dirs = 0;

    HostTarget target(int i) const { return m_fleet.target(m_fleet.hosts().at(i)); }
    QString freshDir()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("d%1").arg(++m_dirs));
        QDir().mkpath(dir);
        return dir;
    }
    static RunRequest push(const QStringList &local, const QString &remoteDir, const QList<HostTarget> &hosts)
    {
        RunRequest r;
        r.hosts = hosts;
        TransferSpec spec;
        spec.direction = TransferDirection::Push;
        spec.localPaths = local;
        spec.remotePath = remoteDir;
        r.transfer = spec;
        return r;
    }
    static RunRequest pull(const QString &remote, const QString &localDir, const QList<HostTarget> &hosts)
    {
        RunRequest r = push({localDir}, remote, hosts);
        r.transfer->direction = TransferDirection::Pull;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        QString error;
        QVERIFY2(m_fleet.start(20, &error), qPrintable(error));
        PoolSettings settings;
        settings.threads = 2;
        m_pool = std::make_unique<WorkerPool>(settings);
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_fleet.stop();
    }

    // The codec alone, no network: what the server sends decodes to what it means.
    void sftpCodec()
    {
        QByteArray body;
        body.append(char(SftpPacket::Name));
        SftpPacket::appendUint32(&body, 7); // id
        SftpPacket::appendUint32(&body, 1); // count
        SftpPacket::appendString(&body, "file.txt");
        SftpPacket::appendString(&body, "-rw-r--r-- 1 u g 5 Jan 1 file.txt");
        SftpPacket::Attributes attrs;
        attrs.flags = SftpPacket::Attributes::Size | SftpPacket::Attributes::Permissions |
                      SftpPacket::Attributes::Times;
        attrs.size = 5'000'000'000ULL;
        attrs.permissions = 0100640;
        attrs.mtime = 1234567890;
        SftpPacket::appendAttributes(&body, attrs);
        QByteArray packet;
        SftpPacket::appendString(&packet, body);
        QByteArray status;
        status.append(char(SftpPacket::Status));
        SftpPacket::appendUint32(&status, 8);
        SftpPacket::appendUint32(&status, SftpPacket::PermissionDenied);
        SftpPacket::appendString(&status, "Permission denied");
        SftpPacket::appendString(&status, "");
        SftpPacket::appendString(&packet, status);

        qsizetype pos = 0;
        SftpPacket::Reply reply;
        bool malformed = false;
        // Cut short, nothing comes out; whole, both packets do.
        QVERIFY(!SftpPacket::decode(packet.left(20), &pos, &reply, &malformed));
        QVERIFY(!malformed);
        QCOMPARE(pos, 0);
        QVERIFY(SftpPacket::decode(packet, &pos, &reply, &malformed));
        QCOMPARE(reply.id, 7u);
        QCOMPARE(reply.entries.size(), 1);
        QCOMPARE(reply.entries[0].name, QByteArray("file.txt"));
        QCOMPARE(reply.entries[0].attrs.size, 5'000'000'000ULL);
        QVERIFY(reply.entries[0].attrs.isRegular());
        QCOMPARE(reply.entries[0].attrs.mtime, 1234567890u);
        SftpPacket::Reply second;
        QVERIFY(SftpPacket::decode(packet, &pos, &second, &malformed));
        QCOMPARE(second.status, quint32(SftpPacket::PermissionDenied));
        QCOMPARE(SftpPacket::statusText(second.status), QStringLiteral("permission denied"));
        QCOMPARE(pos, packet.size());

        QByteArray garbage;
        SftpPacket::appendUint32(&garbage, 0x7fffffff);
        garbage.append("xxxx");
        pos = 0;
        QVERIFY(!SftpPacket::decode(garbage, &pos, &reply, &malformed));
        QVERIFY(malformed);

        // A packet built in place gets its length filled in, whatever came before it.
        QByteArray built("leading bytes");
        const qsizetype start = SftpPacket::begin(&built, SftpPacket::Handle, 42);
        SftpPacket::appendString(&built, "h1");
        SftpPacket::end(&built, start);
        pos = start;
        SftpPacket::Reply handle;
        QVERIFY(SftpPacket::decode(built, &pos, &handle, &malformed));
        QCOMPARE(handle.type, quint8(SftpPacket::Handle));
        QCOMPARE(handle.id, 42u);
        QCOMPARE(handle.handle, QByteArray("h1"));
        QCOMPARE(pos, built.size());
    }

    void progressArithmetic()
    {
        TransferProgress p;
        p.update(0, 0, 1000, 0);
        p.update(1, 0, 1000, 0);
        p.update(0, 500, 1000, 1000);
        QCOMPARE(p.done(), 500);
        QCOMPARE(p.total(), 2000);
        QCOMPARE(p.bytesPerSecond(), 500.0);
        QCOMPARE(p.etaMs(), 3000);
        p.finish(1, 1000); // a failed host's remainder is no longer waited for
        QCOMPARE(p.total(), 1000);
        QCOMPARE(TransferProgress::formatBytes(3 * 1024 * 1024 + 400 * 1024), QStringLiteral("3.4 MiB"));
        QCOMPARE(TransferProgress::formatDuration(185000), QStringLiteral("3 min 05 s"));
    }

    void roundTripsExact()
    {
        const QString src = freshDir();
        const QString remote = freshDir();
        const QString back = freshDir();
        const QList<QPair<QString, QByteArray>> files = {
            {QStringLiteral("empty"), QByteArray()},
            {QStringLiteral("one"), QByteArray("x")},
            {QStringLiteral("binary"), randomBytes(1024 * 1024 + 77)},
            {QStringLiteral("large"), randomBytes(100 * 1024 * 1024)},
        };
        QStringList paths;
        qint64 total = 0;
        for (const auto &[name, data] : files) {
            QVERIFY(writeFile(QDir(src).filePath(name), data));
            paths.append(QDir(src).filePath(name));
            total += data.size();
        }
        EngineRun up(m_pool.get(), push(paths, remote, {target(0)}));
        QList<QPair<qint64, qint64>> progress;
        connect(m_pool.get(), &WorkerPool::transferProgress, &up,
                [&](RunId run, int, qint64 done, qint64 all) {
                    if (run == up.id())
                        progress.append({done, all});
                });
        QVERIFY(up.run(120000));
        const HostResult &r = up.results[0];
        QVERIFY2(r.outcome == HostOutcome::Ok, qPrintable(r.error));
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(r.filesTransferred, 4);
        QCOMPARE(r.bytesTransferred, total);
        for (const auto &[name, data] : files)
            QVERIFY2(readFile(QDir(remote).filePath(name)) == data, qPrintable(name));
        // Progress only grows and ends at the whole.
        QVERIFY(!progress.isEmpty());
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress[i].first >= progress[i - 1].first);
        QCOMPARE(progress.last(), qMakePair(total, total));

        EngineRun down(m_pool.get(), pull(remote, back, {target(1)}));
        QVERIFY(down.run(120000));
        QVERIFY2(down.results[0].outcome == HostOutcome::Ok, qPrintable(down.results[0].error));
        const QString host = m_fleet.hosts().at(1).name;
        const QString got = QDir(back).filePath(host + u'/' + QFileInfo(remote).fileName());
        for (const auto &[name, data] : files)
            QVERIFY2(readFile(QDir(got).filePath(name)) == data, qPrintable(name));
        QVERIFY(!hasPartFiles(back));
        QVERIFY(!hasPartFiles(remote));
    }

    void foldersKeepModes()
    {
        const QString src = freshDir();
        const QString tool = QDir(src).filePath(QStringLiteral("tool"));
        QVERIFY(QDir().mkpath(tool + QStringLiteral("/bin/deep")));
        QVERIFY(writeFile(tool + QStringLiteral("/bin/run.sh"), "#!/bin/sh\necho hi\n", 0751));
        QVERIFY(writeFile(tool + QStringLiteral("/secret"), "s", 0600));
        QVERIFY(writeFile(tool + QStringLiteral("/bin/deep/ro"), "r", 0444));
        QVERIFY(writeFile(tool + QStringLiteral("/.hidden"), "h", 0640));
        const QString remote = freshDir();
        EngineRun up(m_pool.get(), push({tool}, remote, {target(2)}));
        QVERIFY(up.run());
        QVERIFY2(up.results[0].outcome == HostOutcome::Ok, qPrintable(up.results[0].error));
        QCOMPARE(up.results[0].filesTransferred, 4);
        const QString copy = QDir(remote).filePath(QStringLiteral("tool"));
        QCOMPARE(tree(copy), tree(tool));
        for (const QString &name : tree(tool)) {
            QCOMPARE(modeOf(QDir(copy).filePath(name)), modeOf(QDir(tool).filePath(name)));
            if (QFileInfo(QDir(tool).filePath(name)).isFile())
                QCOMPARE(QFileInfo(QDir(copy).filePath(name)).lastModified().toSecsSinceEpoch(),
                         QFileInfo(QDir(tool).filePath(name)).lastModified().toSecsSinceEpoch());
        }

        // Pulled from two hosts: one folder each, modes kept.
        const QString back = freshDir();
        EngineRun down(m_pool.get(), pull(copy, back, {target(3), target(4)}));
        QVERIFY(down.run());
        for (int h : {0, 1}) {
            QVERIFY2(down.results[h].outcome == HostOutcome::Ok, qPrintable(down.results[h].error));
            const QString got = QDir(back).filePath(m_fleet.hosts().at(3 + h).name + QStringLiteral("/tool"));
            QCOMPARE(tree(got), tree(tool));
            QCOMPARE(modeOf(got + QStringLiteral("/bin/run.sh")), 0751);
            // A pulled file always stays readable and writable for the user.
            QCOMPARE(modeOf(got + QStringLiteral("/bin/deep/ro")), 0644);
            QCOMPARE(readFile(got + QStringLiteral("/bin/run.sh")), QByteArray("#!/bin/sh\necho hi\n"));
        }
    }

    void overwritePolicies()
    {
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("conf"));
        QVERIFY(writeFile(file, "new contents\n"));
        const QString remote = freshDir();
        const QString there = QDir(remote).filePath(QStringLiteral("conf"));
        const auto run = [&](OverwritePolicy policy) {
            RunRequest r = push({file}, remote, {target(5)});
            r.transfer->overwrite = policy;
            EngineRun e(m_pool.get(), r);
            e.run();
            return e.results.value(0);
        };
        QVERIFY(writeFile(there, "old\n"));
        HostResult r = run(OverwritePolicy::Never);
        QCOMPARE(r.outcome, HostOutcome::Ok);
        QCOMPARE(r.filesSkipped, 1);
        QCOMPARE(r.filesTransferred, 0);
        QCOMPARE(readFile(there), QByteArray("old\n"));

        r = run(OverwritePolicy::IfDifferent); // sizes differ
        QCOMPARE(r.outcome, HostOutcome::Ok);
        QCOMPARE(r.filesTransferred, 1);
        QCOMPARE(readFile(there), QByteArray("new contents\n"));

        // Same size and time (the push kept the time): left alone, even when the bytes differ.
        QVERIFY(writeFile(there, "NEW CONTENTS\n"));
        QFile f(there);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QFileInfo(file).lastModified(), QFileDevice::FileModificationTime));
        f.close();
        r = run(OverwritePolicy::IfDifferent);
        QCOMPARE(r.filesSkipped, 1);
        QCOMPARE(readFile(there), QByteArray("NEW CONTENTS\n"));

        r = run(OverwritePolicy::Always);
        QCOMPARE(r.filesTransferred, 1);
        QCOMPARE(readFile(there), QByteArray("new contents\n"));
        QVERIFY(!hasPartFiles(remote));

        // Pulling applies the policy on this side.
        const QString back = freshDir();
        const QString local = QDir(back).filePath(m_fleet.hosts().at(5).name + QStringLiteral("/conf"));
        QVERIFY(QDir().mkpath(QFileInfo(local).path()));
        QVERIFY(writeFile(local, "mine\n"));
        RunRequest p = pull(there, back, {target(5)});
        p.transfer->overwrite = OverwritePolicy::Never;
        EngineRun e(m_pool.get(), p);
        QVERIFY(e.run());
        QCOMPARE(e.results[0].filesSkipped, 1);
        QCOMPARE(readFile(local), QByteArray("mine\n"));
    }

    void checksumChecked()
    {
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("payload"));
        QVERIFY(writeFile(file, randomBytes(300000)));
        const QString remote = freshDir();
        RunRequest good = push({file}, remote, {target(6)});
        good.transfer->verifyChecksum = true;
        EngineRun ok(m_pool.get(), good);
        QVERIFY(ok.run());
        QVERIFY2(ok.results[0].outcome == HostOutcome::Ok, qPrintable(ok.results[0].error));

        // A host whose checksum program disagrees: the copy is refused and never takes its name.
        const QString liar = m_tmp.filePath(QStringLiteral("liar.sh"));
        QVERIFY(writeFile(
            liar, "#!/bin/sh\necho 0000000000000000000000000000000000000000000000000000000000000000 \"$2\"\n",
            0755));
        const QString remote2 = freshDir();
        RunRequest bad = push({file}, remote2, {target(6)});
        bad.transfer->verifyChecksum = true;
        bad.transfer->checksumCommand = liar;
        EngineRun mismatch(m_pool.get(), bad);
        QVERIFY(mismatch.run());
        const HostResult &r = mismatch.results[0];
        QCOMPARE(r.outcome, HostOutcome::Failed);
        QVERIFY2(r.error.contains(u"checksum mismatch") && r.error.contains(u"payload"), qPrintable(r.error));
        QCOMPARE(tree(remote2), QStringList());

        // Pull checks too.
        RunRequest pulled = pull(QDir(remote).filePath(QStringLiteral("payload")), freshDir(), {target(7)});
        pulled.transfer->verifyChecksum = true;
        pulled.transfer->checksumCommand = liar;
        EngineRun down(m_pool.get(), pulled);
        QVERIFY(down.run());
        QVERIFY2(down.results[0].error.contains(u"checksum mismatch"), qPrintable(down.results[0].error));
        QVERIFY(!hasPartFiles(pulled.transfer->localPaths.first()));
    }

    void errorsPerHost()
    {
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("f"));
        QVERIFY(writeFile(file, "data"));
        const QString good = freshDir();
        // /sys refuses new files even to root.
        RunRequest denied = push({file}, QStringLiteral("/sys/kernel"), {target(8)});
        EngineRun d(m_pool.get(), denied);
        QVERIFY(d.run());
        QCOMPARE(d.results[0].outcome, HostOutcome::Failed);
        QVERIFY2(d.results[0].error.contains(u"permission denied") &&
                     d.results[0].error.contains(u"/sys/kernel/f"),
                 qPrintable(d.results[0].error));

        // One host with a missing folder fails; the others in the run go on.
        EngineRun m(m_pool.get(), push({file}, good, {target(9), target(10)}));
        RunRequest missing = push({file}, m_tmp.filePath(QStringLiteral("no/such/dir")), {target(9)});
        EngineRun mm(m_pool.get(), missing);
        mm.start();
        QVERIFY(m.run());
        QVERIFY(mm.wait());
        QCOMPARE(mm.results[0].outcome, HostOutcome::Failed);
        QVERIFY2(mm.results[0].error.contains(u"no/such/dir: no such file or directory"),
                 qPrintable(mm.results[0].error));
        QCOMPARE(m.results[0].outcome, HostOutcome::Ok);
        QCOMPARE(m.results[1].outcome, HostOutcome::Ok);

        EngineRun p(m_pool.get(),
                    pull(m_tmp.filePath(QStringLiteral("nothing-here")), freshDir(), {target(9)}));
        QVERIFY(p.run());
        QVERIFY2(p.results[0].error.endsWith(u"nothing-here: no such file or directory"),
                 qPrintable(p.results[0].error));
    }

    void diskFull()
    {
        const QString small = freshDir();
        if (::mount("chorus-test", QFile::encodeName(small).constData(), "tmpfs", 0, "size=1m") != 0)
            QSKIP(qPrintable(QStringLiteral("cannot mount a small tmpfs (needs root): %1")
                                 .arg(QString::fromLocal8Bit(strerror(errno)))));
        const auto unmount =
            qScopeGuard([&] { ::umount2(QFile::encodeName(small).constData(), MNT_DETACH); });
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("big"));
        QVERIFY(writeFile(file, randomBytes(3 * 1024 * 1024)));
        EngineRun e(m_pool.get(), push({file}, small, {target(11)}));
        QVERIFY(e.run());
        QCOMPARE(e.results[0].outcome, HostOutcome::Failed);
        QVERIFY2(e.results[0].error.contains(u"disk full or quota exceeded"), qPrintable(e.results[0].error));
        QCOMPARE(tree(small), QStringList()); // the partial file was removed
    }

    void cancelLeavesNothing()
    {
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("sparse"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(80 * 1024 * 1024));
        f.close();
        const QString remote = freshDir();
        EngineRun e(m_pool.get(), push({file}, remote, {target(12)}));
        bool cancelled = false;
        connect(m_pool.get(), &WorkerPool::transferProgress, &e,
                [&](RunId run, int host, qint64 done, qint64) {
                    if (run == e.id() && done > 0 && !cancelled) {
                        cancelled = true;
                        m_pool->cancelHost(run, host);
                    }
                });
        QVERIFY(e.run());
        QVERIFY(cancelled);
        QCOMPARE(e.results[0].outcome, HostOutcome::Cancelled);
        QCOMPARE(tree(remote), QStringList());
    }

    void serverGoneMidTransfer()
    {
        const int host = 16; // the second server's hosts: the first keeps serving the others
        QVERIFY(m_fleet.serverIndex(host) != m_fleet.serverIndex(0));
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("sparse"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(80 * 1024 * 1024));
        f.close();
        const QString remote = freshDir();
        EngineRun e(m_pool.get(), push({file}, remote, {target(host)}));
        bool stopped = false;
        connect(m_pool.get(), &WorkerPool::transferProgress, &e, [&](RunId run, int, qint64 done, qint64) {
            if (run == e.id() && done > 0 && !stopped) {
                stopped = true;
                m_fleet.stopServer(host);
            }
        });
        QVERIFY(e.run());
        QVERIFY(stopped);
        const HostResult &r = e.results[0];
        QCOMPARE(r.outcome, HostOutcome::Failed);
        QVERIFY2(r.error.startsWith(u"transfer cut: "), qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(QDir(remote).filePath(QStringLiteral("sparse"))));
        QVERIFY(m_fleet.restartServer(host));
    }

    // A host that stops answering mid-copy (frozen: its connection stays open, no byte comes back)
    // ends TimedOut once the stall limit passes instead of holding the run for ever, and no file
    // appears under its final name on either side.
    void stalledHostTimesOut()
    {
        const int host = 17; // the second server's hosts: the first keeps serving the others
        QVERIFY(m_fleet.serverIndex(host) != m_fleet.serverIndex(0));
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("sparse"));
        const qint64 size = 256 * 1024 * 1024;
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(size));
        f.close();
        PoolSettings settings;
        settings.threads = 1;
        settings.transferStallMs = 1000;
        WorkerPool pool(settings);
        const auto resume = qScopeGuard([&] { m_fleet.resumeServer(host); });
        for (const bool pushing : {true, false}) {
            const QString dir = freshDir();
            EngineRun e(&pool, pushing ? push({file}, dir, {target(host)}) : pull(file, dir, {target(host)}));
            QElapsedTimer sincePause;
            connect(&pool, &WorkerPool::transferProgress, &e, [&](RunId run, int, qint64 done, qint64) {
                if (run == e.id() && done > 0 && !sincePause.isValid()) {
                    QVERIFY(m_fleet.pauseServer(host));
                    sincePause.start();
                }
            });
            QVERIFY(e.run(30000));
            QVERIFY(sincePause.isValid());
            const qint64 waited = sincePause.elapsed();
            const HostResult &r = e.results[0];
            QCOMPARE(r.outcome, HostOutcome::TimedOut);
            QVERIFY2(r.error.startsWith(u"transfer stalled: no progress for 1 s while copying ") &&
                         r.error.contains(u"sparse (") &&
                         r.error.contains(QStringLiteral(" of %1 bytes)").arg(size)),
                     qPrintable(r.error));
            // The limit, plus at most the 3 s given to removing the temporary file.
            QVERIFY2(waited >= 900 && waited < 6000, qPrintable(QString::number(waited)));
            if (pushing) {
                QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("sparse"))));
                // The frozen server could not remove its temporary file: then the error says so.
                const QString left =
                    QStringLiteral("the partial file may remain as %1/.sparse.chorus-").arg(dir);
                if (!tree(dir).isEmpty())
                    QVERIFY2(r.error.contains(left), qPrintable(r.error));
            } else {
                const QString got = QDir(dir).filePath(m_fleet.hosts().at(host).name);
                QCOMPARE(tree(got), QStringList()); // the local temporary file is removed
            }
            QVERIFY(m_fleet.resumeServer(host));
        }
    }

    void shutdownLetsTransfersFinish()
    {
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("data"));
        const QByteArray data = randomBytes(40 * 1024 * 1024);
        QVERIFY(writeFile(file, data));
        for (bool generous : {true, false}) {
            PoolSettings settings;
            settings.threads = 1;
            settings.shutdownGraceMs = 0;
            settings.transferGraceMs = generous ? 60000 : 0;
            WorkerPool pool(settings);
            const QString remote = freshDir();
            EngineRun e(&pool, push({file}, remote, {target(13)}));
            bool closing = false;
            connect(&pool, &WorkerPool::transferProgress, &e, [&](RunId, int, qint64 done, qint64) {
                if (done > 0 && !closing) {
                    closing = true;
                    QMetaObject::invokeMethod(
                        &pool, [&pool] { pool.shutdown(); }, Qt::QueuedConnection);
                }
            });
            QVERIFY(e.run());
            QVERIFY(closing);
            const HostResult &r = e.results[0];
            if (generous) {
                QVERIFY2(r.outcome == HostOutcome::Ok, qPrintable(r.error));
                QVERIFY(readFile(QDir(remote).filePath(QStringLiteral("data"))) == data);
            } else {
                QCOMPARE(r.outcome, HostOutcome::Failed);
                QVERIFY2(r.error.startsWith(u"transfer cut: "), qPrintable(r.error));
                QVERIFY(!QFileInfo::exists(QDir(remote).filePath(QStringLiteral("data"))));
            }
        }
    }

    // What the user names is what arrives: "~" is the login folder, "dir/." and "dir/sub/.." are
    // the folder they resolve to (not REMOTE/. or REMOTE/..).
    void pathsAsNamed()
    {
        QCOMPARE(SftpPacket::path(QStringLiteral("~")), QByteArray("."));
        QCOMPARE(SftpPacket::path(QStringLiteral("~/")), QByteArray("."));
        QCOMPARE(SftpPacket::path(QStringLiteral("~/logs/app")), QByteArray("logs/app"));
        QCOMPARE(SftpPacket::path(QStringLiteral("~user/x")), QByteArray("~user/x"));
        QCOMPARE(SftpPacket::path(QStringLiteral("/srv/~/x")), QByteArray("/srv/~/x"));

        const QString src = freshDir();
        const QString tool = QDir(src).filePath(QStringLiteral("tool"));
        QVERIFY(QDir().mkpath(tool + QStringLiteral("/sub")));
        QVERIFY(writeFile(tool + QStringLiteral("/a.txt"), "a\n"));
        for (const QString &given : {tool + QStringLiteral("/."), tool + QStringLiteral("/sub/..")}) {
            const QString remote = freshDir();
            EngineRun up(m_pool.get(), push({given}, remote, {target(14)}));
            QVERIFY(up.run());
            QVERIFY2(up.results[0].outcome == HostOutcome::Ok, qPrintable(up.results[0].error));
            QCOMPARE(tree(remote), (QStringList{QStringLiteral("tool"), QStringLiteral("tool/a.txt"),
                                                QStringLiteral("tool/sub")}));
        }
    }

    // A name near the 255-byte limit (80 CJK characters, 240 bytes of UTF-8) copies both ways: the
    // temporary name is shortened, the final one kept.
    void longNames()
    {
        const QString name = QString(80, QChar(0x65E5)); // 日
        QCOMPARE(name.toUtf8().size(), 240);
        const QString src = freshDir();
        QVERIFY(writeFile(QDir(src).filePath(name), "long\n"));
        const QString remote = freshDir();
        EngineRun up(m_pool.get(), push({QDir(src).filePath(name)}, remote, {target(15)}));
        QVERIFY(up.run());
        QVERIFY2(up.results[0].outcome == HostOutcome::Ok, qPrintable(up.results[0].error));
        QCOMPARE(readFile(QDir(remote).filePath(name)), QByteArray("long\n"));
        const QString back = freshDir();
        EngineRun down(m_pool.get(), pull(QDir(remote).filePath(name), back, {target(15)}));
        QVERIFY(down.run());
        QVERIFY2(down.results[0].outcome == HostOutcome::Ok, qPrintable(down.results[0].error));
        QCOMPARE(readFile(QDir(back).filePath(m_fleet.hosts().at(15).name + u'/' + name)), QByteArray("long\n"));
    }

    // A file whose size the server lists as 0 (/proc) is read until the server says it ended.
    void pullReadsToTheEnd()
    {
        const QByteArray version = readFile(QStringLiteral("/proc/version"));
        QVERIFY(!version.isEmpty());
        QCOMPARE(QFileInfo(QStringLiteral("/proc/version")).size(), 0);
        const QString back = freshDir();
        EngineRun down(m_pool.get(), pull(QStringLiteral("/proc/version"), back, {target(15)}));
        QVERIFY(down.run());
        const HostResult &r = down.results[0];
        QVERIFY2(r.outcome == HostOutcome::Ok, qPrintable(r.error));
        QCOMPARE(readFile(QDir(back).filePath(m_fleet.hosts().at(15).name + QStringLiteral("/version"))),
                 version);
        QCOMPARE(r.bytesTransferred, version.size());
    }

    // Pulled files are usable here: no setuid, never unreadable to the user; names that cannot be
    // written here as they are, and links, are skipped and counted.
    void pullModesAndOddNames()
    {
        const QString remote = freshDir();
        QVERIFY(writeFile(QDir(remote).filePath(QStringLiteral("locked")), "l", 0000));
        QVERIFY(writeFile(QDir(remote).filePath(QStringLiteral("suid")), "s", 04755));
        QVERIFY(writeFile(QDir(remote).filePath(QStringLiteral("plain")), "p", 0640));
        const QByteArray bad = QFile::encodeName(remote) + "/bad\xff\xfe name";
        const int fd = ::open(bad.constData(), O_CREAT | O_WRONLY, 0644);
        QVERIFY(fd >= 0);
        ::close(fd);
        QVERIFY(QFile::link(QStringLiteral("plain"), QDir(remote).filePath(QStringLiteral("link"))));
        const QString back = freshDir();
        EngineRun down(m_pool.get(), pull(remote, back, {target(16)}));
        QVERIFY(down.run());
        const HostResult &r = down.results[0];
        QVERIFY2(r.outcome == HostOutcome::Ok, qPrintable(r.error));
        QCOMPARE(r.filesTransferred, 3);
        QCOMPARE(r.filesSkipped, 2); // the odd name and the link
        const QString got =
            QDir(back).filePath(m_fleet.hosts().at(16).name + u'/' + QFileInfo(remote).fileName());
        QCOMPARE(tree(got), (QStringList{QStringLiteral("locked"), QStringLiteral("plain"),
                                         QStringLiteral("suid")}));
        const mode_t mask = ::umask(0);
        ::umask(mask);
        QCOMPARE(modeOf(got + QStringLiteral("/locked")), 0600);
        QCOMPARE(modeOf(got + QStringLiteral("/suid")), int((0755 & ~mask) | 0600));
        QCOMPARE(modeOf(got + QStringLiteral("/plain")), int((0640 & ~mask) | 0600));
        QCOMPARE(readFile(got + QStringLiteral("/locked")), QByteArray("l"));
    }

    // The remote checksum prints only at its end: taking longer than the stall limit is not a stall.
    // Cancelled while it runs, the copy never takes its name and the file already there is kept.
    void slowChecksum()
    {
        const QString src = freshDir();
        const QString file = QDir(src).filePath(QStringLiteral("payload"));
        QVERIFY(writeFile(file, randomBytes(200000)));
        const QString marker = m_tmp.filePath(QStringLiteral("sum-started"));
        const QString slow = m_tmp.filePath(QStringLiteral("slow-sum.sh"));
        QVERIFY(writeFile(slow,
                          QStringLiteral("#!/bin/sh\ntouch '%1'\nsleep 2\nexec sha256sum \"$@\"\n")
                              .arg(marker)
                              .toUtf8(),
                          0755));
        PoolSettings settings;
        settings.threads = 1;
        settings.transferStallMs = 1000;
        WorkerPool pool(settings);
        const QString remote = freshDir();
        RunRequest request = push({file}, remote, {target(18)});
        request.transfer->verifyChecksum = true;
        request.transfer->checksumCommand = slow;
        EngineRun ok(&pool, request);
        QVERIFY(ok.run(20000));
        QVERIFY2(ok.results[0].outcome == HostOutcome::Ok, qPrintable(ok.results[0].error));
        QCOMPARE(readFile(QDir(remote).filePath(QStringLiteral("payload"))), readFile(file));

        const QString remote2 = freshDir();
        const QString there = QDir(remote2).filePath(QStringLiteral("payload"));
        QVERIFY(writeFile(there, "old\n"));
        QFile::remove(marker);
        RunRequest again = push({file}, remote2, {target(18)});
        again.transfer->verifyChecksum = true;
        again.transfer->checksumCommand = slow;
        EngineRun cancelled(&pool, again);
        QTimer poll;
        connect(&poll, &QTimer::timeout, &cancelled, [&] {
            if (QFileInfo::exists(marker)) {
                poll.stop();
                pool.cancelHost(cancelled.id(), 0);
            }
        });
        poll.start(20);
        QVERIFY(cancelled.run(20000));
        QVERIFY(QFileInfo::exists(marker));
        QCOMPARE(cancelled.results[0].outcome, HostOutcome::Cancelled);
        QCOMPARE(readFile(there), QByteArray("old\n"));
        QCOMPARE(tree(remote2), QStringList{QStringLiteral("payload")});
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
