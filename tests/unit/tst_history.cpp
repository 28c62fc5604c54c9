#include "model/core/scriptrun.h"
#include "model/history/resultjson.h"
#include "model/history/runhistory.h"
#include "tests/support/historysamples.h"
#include "model/session/runsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;
using namespace Chorus::HistorySamples;
using namespace Qt::StringLiterals;

// The run history as users meet it: runs stored and read back whole, the filters of the history
// list, retention, an old file migrated and a broken file set aside. `chorus history` itself is
// tests/cli/tst_historycli.cpp.

class TestHistory : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    QString dbPath() const { return m_dir->filePath(u"history.sqlite"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        // The names `chorus` uses, so QStandardPaths gives both the same history.sqlite.
        QCoreApplication::setOrganizationName(u"chorus"_s);
        QCoreApplication::setApplicationName(u"chorus"_s);
        QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()),
                 "run through testenv.sh: it gives a throwaway HOME");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void storesAndReadsBackARun()
    {
        RunHistory history(dbPath());
        QCOMPARE(history.open(), RunHistory::OpenResult::Created);
        const QDateTime started = QDateTime::currentDateTime().addSecs(-5);
        HostTarget t1 = target(u"web1"_s, 1);
        t1.port = 2222;
        HostResult killed = result(HostOutcome::NonZeroExit, -1, "partial", {});
        killed.exitSignal = u"KILL"_s;
        killed.coreDumped = true;
        killed.reusedConnection = true;
        killed.failure = FailureKind::None;
        const HostResult refused = result(HostOutcome::Failed, -1, {}, {}, u"Connection refused"_s);
        const qint64 id =
            history.addRun(u"uname -a"_s, started, 4321, {t1, target(u"db1"_s, 3)}, {killed, refused});
        QVERIFY2(id > 0, qPrintable(history.lastError()));

        const std::optional<RunHistory::Run> run = history.run(id);
        QVERIFY(run);
        QCOMPARE(run->command, u"uname -a"_s);
        QCOMPARE(run->started.toMSecsSinceEpoch(), started.toMSecsSinceEpoch());
        QCOMPARE(run->durationMs, 4321);
        QCOMPARE(run->hosts.size(), 2);
        const RunHistory::HostRecord &h = run->hosts.at(0);
        QCOMPARE(h.name, u"web1"_s);
        QCOMPARE(h.address, u"root@127.0.0.1:2222"_s);
        QCOMPARE(h.result.outcome, HostOutcome::NonZeroExit);
        QCOMPARE(h.result.exitSignal, u"KILL"_s);
        QVERIFY(h.result.coreDumped);
        QVERIFY(h.result.reusedConnection);
        QCOMPARE(h.result.stdoutData, QByteArray("partial"));
        QVERIFY(!h.result.truncated());
        QCOMPARE(h.result.times.tcpConnected, 300);
        QCOMPARE(h.result.times.exited, 5000);
        QCOMPARE(h.result.times.kexDone, -1);
        QCOMPARE(h.result.durationUs(), 5000);
        QCOMPARE(run->hosts.at(1).result.outcome, HostOutcome::Failed);
        QCOMPARE(run->hosts.at(1).result.error, u"Connection refused"_s);
        QVERIFY(!run->hosts.at(1).result.hasExitStatus());

        QVERIFY(!history.run(id + 100));
        // Kept across a reopen: it is on disk, not in memory.
        RunHistory again(dbPath());
        QCOMPARE(again.open(), RunHistory::OpenResult::Opened);
        QCOMPARE(again.runs().size(), 1);
    }

    // What the GUI hands over when a run ends: the session's request and results, nothing more.
    void storesAFinishedSession()
    {
        RunHistory history(dbPath());
        QVERIFY(history.open() != RunHistory::OpenResult::Failed);
        RunRequest request;
        request.command = u"hostname"_s;
        request.hosts = {target(u"web1"_s, 1), target(QString(), 2)};
        request.sudo = true;
        RunSession session(request);
        session.start(7);
        session.handleHostFinished(7, 0, result(HostOutcome::Ok, 0, "web1\n"));
        session.handleHostFinished(7, 1, result(HostOutcome::TimedOut, -1, {}, {}, u"no answer"_s));
        session.handleRunFinished(7);
        const qint64 id = history.addRun(session);
        QVERIFY2(id > 0, qPrintable(history.lastError()));
        const auto run = history.run(id);
        QCOMPARE(run->command, u"hostname"_s);
        QVERIFY(qAbs(run->started.msecsTo(QDateTime::currentDateTime())) < 60000);
        QCOMPARE(run->hosts.size(), 2);
        QCOMPARE(run->hosts.at(0).result.stdoutData, QByteArray("web1\n"));
        QCOMPARE(run->hosts.at(1).name, u"root@127.0.0.2"_s); // no name: its address, as the GUI shows it
        QCOMPARE(run->hosts.at(1).result.outcome, HostOutcome::TimedOut);
    }

    void capsAndCompressesOutput()
    {
        RunHistory history(dbPath());
        QVERIFY(history.open() != RunHistory::OpenResult::Failed);
        history.setOutputCap(1024);
        const QByteArray big(5000, 'x');
        const qint64 id = history.addRun(u"yes"_s, QDateTime::currentDateTime(), 1, {target(u"web1"_s, 1)},
                                         {result(HostOutcome::Ok, 0, big, "err\n")});
        const auto host = history.hostResult(id, u"web1"_s);
        QVERIFY(host);
        QCOMPARE(host->result.stdoutData, big.first(1024));
        QCOMPARE(host->result.stdoutBytes, 5000);
        QVERIFY(host->result.truncated());
        QCOMPARE(host->result.stderrData, QByteArray("err\n"));

        // A cut the engine made already (outputLimit) shows too.
        HostResult engineCut = result(HostOutcome::Ok, 0, "abc");
        engineCut.stdoutBytes = 1'000'000;
        const qint64 id2 = history.addRun(u"cat big"_s, QDateTime::currentDateTime(), 1,
                                          {target(u"web1"_s, 1)}, {engineCut});
        QVERIFY(history.hostResult(id2, u"web1"_s)->result.truncated());

        // 20 hosts x 256 KiB of repetitive output: compressed, the file stays far below the 5 MiB sent.
        history.setOutputCap(RunHistory::DefaultOutputCap);
        QList<HostTarget> hosts;
        QList<HostResult> results;
        for (int i = 0; i < 20; ++i) {
            hosts += target(u"h%1"_s.arg(i), i + 1);
            results += result(HostOutcome::Ok, 0, QByteArray("line of log output\n").repeated(20000));
        }
        const qint64 id3 = history.addRun(u"journalctl"_s, QDateTime::currentDateTime(), 1, hosts, results);
        QVERIFY(id3 > 0);
        const auto h7 = history.hostResult(id3, u"h7"_s);
        QCOMPARE(h7->result.stdoutData.size(), RunHistory::DefaultOutputCap);
        QVERIFY(h7->result.truncated());
        QVERIFY2(QFileInfo(dbPath()).size() < 1024 * 1024,
                 qPrintable(QString::number(QFileInfo(dbPath()).size())));
    }

    void filtersRuns()
    {
        RunHistory history(dbPath());
        QVERIFY(history.open() != RunHistory::OpenResult::Failed);
        const QDateTime now = QDateTime::currentDateTime();
        const qint64 old = addSampleRun(history, u"uptime"_s, now.addDays(-10));
        const qint64 allOk = history.addRun(u"df -h /var"_s, now.addDays(-1), 10, {target(u"web1"_s, 1)},
                                            {result(HostOutcome::Ok, 0, "ok\n")});
        const qint64 timedOut = history.addRun(u"sleep 100"_s, now, 10, {target(u"cache9"_s, 9)},
                                               {result(HostOutcome::TimedOut, -1, {})});
        auto ids = [&](const RunHistory::Filter &f) {
            QList<qint64> list;
            for (const auto &s : history.runs(f))
                list += s.id;
            return list;
        };
        QCOMPARE(ids({}), (QList<qint64>{timedOut, allOk, old}));

        RunHistory::Filter f;
        f.command = u"DF"_s;
        QCOMPARE(ids(f), QList<qint64>{allOk});
        f.command = u"100%"_s; // LIKE's wildcards are plain text here
        QCOMPARE(ids(f), QList<qint64>{});

        f = {};
        f.host = u"db1"_s;
        QCOMPARE(ids(f), QList<qint64>{old});
        f.host = u"root@127.0.0.9"_s;
        QCOMPARE(ids(f), QList<qint64>{timedOut});
        f.host = u"127.0.0.9"_s;
        QCOMPARE(ids(f), QList<qint64>{timedOut});
        f.host = u"127.0.0"_s;
        QCOMPARE(ids(f), QList<qint64>{});

        f = {};
        f.outcome = HostOutcome::Failed;
        QCOMPARE(ids(f), QList<qint64>{old});
        f.outcome = HostOutcome::Ok;
        QCOMPARE(ids(f), (QList<qint64>{allOk, old}));

        f = {};
        f.since = now.addDays(-2);
        QCOMPARE(ids(f), (QList<qint64>{timedOut, allOk}));
        f.limit = 1;
        QCOMPARE(ids(f), QList<qint64>{timedOut});

        const RunHistory::RunSummary s = history.runs({}).constLast();
        QCOMPARE(s.command, u"uptime"_s);
        QCOMPARE(s.hosts, 3);
        QCOMPARE(s.ok, 1);
        QCOMPARE(s.nonZeroExit, 1);
        QCOMPARE(s.failed, 1);
        QCOMPARE(s.timedOut, 0);
    }

    void comparesAHostAcrossRuns()
    {
        RunHistory history(dbPath());
        QVERIFY(history.open() != RunHistory::OpenResult::Failed);
        const QDateTime now = QDateTime::currentDateTime();
        const qint64 first = history.addRun(
            u"cat /etc/motd"_s, now.addSecs(-60), 1, {target(u"web1"_s, 1), target(u"web2"_s, 2)},
            {result(HostOutcome::Ok, 0, "v1\n"), result(HostOutcome::Ok, 0, "x\n")});
        const qint64 other = history.addRun(u"true"_s, now.addSecs(-30), 1, {target(u"web2"_s, 2)},
                                            {result(HostOutcome::Ok, 0, {})});
        const qint64 second = history.addRun(u"cat /etc/motd"_s, now, 1, {target(u"web1"_s, 1)},
                                             {result(HostOutcome::Ok, 0, "v2\n")});
        QCOMPARE(history.previousRunWith(second, u"web1"_s), first);
        QCOMPARE(history.previousRunWith(second, u"web2"_s), other);
        QCOMPARE(history.previousRunWith(first, u"web1"_s), 0);
        QCOMPARE(history.hostResult(first, u"web1"_s)->result.stdoutData, QByteArray("v1\n"));
        QCOMPARE(history.hostResult(second, u"web1"_s)->result.stdoutData, QByteArray("v2\n"));
        QVERIFY(!history.hostResult(second, u"web2"_s));
    }

    void timelineOfACommandAndOfOneHost()
    {
        RunHistory history(dbPath());
        QVERIFY(history.open() != RunHistory::OpenResult::Failed);
        const QDateTime now = QDateTime::currentDateTime();
        HostResult slow = result(HostOutcome::Ok, 0, "a\n");
        slow.times.finished = 2'000'100; // 2 s after it started
        const qint64 first = history.addRun(u"uptime"_s, now.addSecs(-120), 2500, {target(u"web1"_s, 1), target(u"web2"_s, 2)},
                                            {slow, result(HostOutcome::Ok, 0, "b\n")});
        history.addRun(u"uptime -p"_s, now.addSecs(-90), 700, {target(u"web1"_s, 1)}, {result(HostOutcome::Ok, 0, {})});
        const qint64 second = history.addRun(u"uptime"_s, now.addSecs(-60), 900, {target(u"web2"_s, 2)},
                                             {result(HostOutcome::NonZeroExit, 1, {})});
        const qint64 third = history.addRun(u"uptime"_s, now, 1200, {target(u"web1"_s, 1), target(u"web2"_s, 2)},
                                            {result(HostOutcome::Failed, -1, {}, {}, u"refused"_s), result(HostOutcome::Ok, 0, {})});

        // The command exactly ("uptime -p" is another command), oldest first, the run's worst outcome.
        const QList<RunHistory::TimelinePoint> runs = history.timeline(u"uptime"_s);
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs.at(0).run, first);
        QCOMPARE(runs.at(0).durationMs, 2500);
        QCOMPARE(runs.at(0).outcome, HostOutcome::Ok);
        QCOMPARE(runs.at(1).run, second);
        QCOMPARE(runs.at(1).outcome, HostOutcome::NonZeroExit);
        QCOMPARE(runs.at(2).run, third);
        QCOMPARE(runs.at(2).outcome, HostOutcome::Failed);
        QCOMPARE(runs.at(2).started.toMSecsSinceEpoch(), now.toMSecsSinceEpoch());

        // One host: only the runs it was in, with its own duration and outcome.
        const QList<RunHistory::TimelinePoint> web1 = history.timeline(u"uptime"_s, u"web1"_s);
        QCOMPARE(web1.size(), 2);
        QCOMPARE(web1.at(0).run, first);
        QCOMPARE(web1.at(0).durationMs, 2000);
        QCOMPARE(web1.at(1).run, third);
        QCOMPARE(web1.at(1).outcome, HostOutcome::Failed);
        QCOMPARE(web1.at(1).durationMs, 5);

        // A limit keeps the newest.
        const QList<RunHistory::TimelinePoint> newest = history.timeline(u"uptime"_s, {}, 2);
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest.at(0).run, second);
        QVERIFY(history.timeline(u"no such command"_s).isEmpty());
    }

    void keepsRunsByAgeAndCount()
    {
        RunHistory history(dbPath());
        QVERIFY(history.open() != RunHistory::OpenResult::Failed);
        const QDateTime now = QDateTime::currentDateTime();
        QList<qint64> ids;
        for (int day = 9; day >= 0; --day)
            ids += addSampleRun(history, u"run %1"_s.arg(day), now.addDays(-day));
        QCOMPARE(history.prune(5, 0, now), 4); // 9..6 days old
        QCOMPARE(history.runs().size(), 6);
        QCOMPARE(history.prune(0, 2, now), 4);
        QCOMPARE(history.runs().size(), 2);
        QCOMPARE(history.runs().constFirst().id, ids.constLast());
        QVERIFY(!history.run(ids.constFirst()));
        // Their hosts went with them.
        QSqlQuery q(QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s));
        {
            QSqlDatabase db = QSqlDatabase::database(u"check"_s, false);
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery count(db);
            QVERIFY(count.exec(u"SELECT COUNT(*) FROM hosts"_s) && count.next());
            QCOMPARE(count.value(0).toInt(), 6);
            db.close();
        }
        q = QSqlQuery();
        QSqlDatabase::removeDatabase(u"check"_s);

        // Retention set by the caller applies as runs are added.
        history.setRetention(0, 3);
        for (int i = 0; i < 3; ++i)
            addSampleRun(history, u"more"_s, now);
        QCOMPARE(history.runs().size(), 3);
    }

    void storesAThousandHostsQuickly()
    {
        RunHistory history(dbPath());
        QVERIFY(history.open() != RunHistory::OpenResult::Failed);
        QList<HostTarget> hosts;
        QList<HostResult> results;
        for (int i = 0; i < 1000; ++i) {
            hosts += target(u"host%1"_s.arg(i, 4, 10, QChar(u'0')), i % 250 + 1);
            results +=
                result(i % 10 ? HostOutcome::Ok : HostOutcome::NonZeroExit, i % 10 ? 0 : 1,
                       u" %1 up 12 days, load average: 0.%2\n"_s.arg(i).arg(i % 97).toUtf8().repeated(20),
                       i % 10 ? QByteArray() : QByteArray("warning\n"));
        }
        QElapsedTimer clock;
        clock.start();
        const qint64 id = history.addRun(u"uptime"_s, QDateTime::currentDateTime(), 900, hosts, results);
        const qint64 ms = clock.elapsed();
        QVERIFY(id > 0);
        qInfo("history: stored a run of 1000 hosts in %lld ms", ms);
        QVERIFY2(ms < 2000, qPrintable(u"%1 ms"_s.arg(ms)));
        clock.restart();
        const auto run = history.run(id);
        qInfo("history: read it back in %lld ms", qint64(clock.elapsed()));
        QCOMPARE(run->hosts.size(), 1000);
        QCOMPARE(run->hosts.at(999).name, u"host0999"_s);
        QCOMPARE(run->hosts.at(999).result.stdoutData, results.at(999).stdoutData);
        QCOMPARE(history.runs().constFirst().nonZeroExit, 100);
    }

    void migratesVersion1()
    {
        const QString fixture = QFINDTESTDATA(u"../data/history/history-v1.sqlite"_s);
        QVERIFY(!fixture.isEmpty());
        QVERIFY(QFile::copy(fixture, dbPath()));
        QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::WriteOwner);
        {
            RunHistory history(dbPath());
            QString notice;
            QCOMPARE(history.open(&notice), RunHistory::OpenResult::Migrated);
            QVERIFY(notice.isEmpty());
            const QList<RunHistory::RunSummary> runs = history.runs();
            QCOMPARE(runs.size(), 2);
            QCOMPARE(runs.at(0).command, u"cat /etc/os-release"_s);
            QCOMPARE(runs.at(0).started, QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC));
            const auto first = history.run(1);
            QVERIFY(first);
            QCOMPARE(first->hosts.size(), 3);
            QCOMPARE(first->hosts.at(0).result.stdoutData, QByteArray("up 3 days\n"));
            QCOMPARE(first->hosts.at(1).result.outcome, HostOutcome::NonZeroExit);
            QCOMPARE(first->hosts.at(1).result.exitStatus, 3);
            QCOMPARE(first->hosts.at(1).result.stderrData, QByteArray("uptime: oops\n"));
            QCOMPARE(first->hosts.at(2).result.error, u"connection refused"_s);
            QVERIFY(!first->hosts.at(2).result.hasExitStatus());
            QCOMPARE(first->hosts.at(2).result.times.authenticated, 50);
            const auto web1 = history.hostResult(2, u"web1"_s);
            QCOMPARE(web1->result.stdoutData, QByteArray("ID=debian\n").repeated(1000));
            QVERIFY(!web1->result.truncated());
            QCOMPARE(history.hostResult(2, u"web2"_s)->result.stdoutData, QByteArray("\xff\xfe"
                                                                                     "binary"));
            QCOMPARE(history.hostResult(2, u"web2"_s)->result.exitSignal, u"TERM"_s);
            QCOMPARE(history.previousRunWith(2, u"web1"_s), 1);
            // And it takes new runs in the new layout.
            QVERIFY(addSampleRun(history, u"after"_s, QDateTime::currentDateTime()) > 0);
        }
        RunHistory again(dbPath());
        QCOMPARE(again.open(), RunHistory::OpenResult::Opened);
        QCOMPARE(again.runs().size(), 3);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"version"_s);
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), RunHistory::SchemaVersion);
        }
        QSqlDatabase::removeDatabase(u"version"_s);
    }

    // A run that sent a local script is stored with the script's path and the command written as
    // what it was; a version 2 file (no script column) is brought up to date keeping its runs.
    void storesScriptRunsAndMigratesVersion2()
    {
        {
            RunHistory history(dbPath());
            QCOMPARE(history.open(), RunHistory::OpenResult::Created);
            QVERIFY(addSampleRun(history, u"uptime"_s, QDateTime::currentDateTime().addSecs(-60)) > 0);
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(u"ALTER TABLE runs DROP COLUMN script"_s), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(u"PRAGMA user_version = 2"_s));
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);
        RunHistory history(dbPath());
        QCOMPARE(history.open(), RunHistory::OpenResult::Migrated);
        QCOMPARE(history.runs().size(), 1);
        QCOMPARE(history.runs().constFirst().command, u"uptime"_s);
        QVERIFY(history.runs().constFirst().script.isEmpty());

        RunRequest request;
        request.command = u"bash -s -- 'a b'"_s;
        request.script = u"/home/ops/deploy it.sh"_s;
        request.input = true;
        HostTarget host;
        host.name = u"web1"_s;
        host.hostname = u"127.0.0.1"_s;
        request.hosts = {host};
        RunSession session(request);
        session.start(5);
        HostResult ok;
        ok.outcome = HostOutcome::Ok;
        ok.exitStatus = 0;
        session.handleHostFinished(5, 0, ok);
        session.handleRunFinished(5);
        const qint64 id = history.addRun(session);
        QVERIFY(id > 0);
        const auto run = history.run(id);
        QCOMPARE(run->script, u"/home/ops/deploy it.sh"_s);
        QCOMPARE(run->command, u"bash -s -- 'a b' < '/home/ops/deploy it.sh'"_s);
        QCOMPARE(ScriptRun::commandFromRecord(run->command, run->script), std::optional<QString>(request.command));
        QCOMPARE(ScriptRun::commandFromRecord(u"cat < /etc/hosts"_s, u"/other"_s), std::nullopt);
        QCOMPARE(history.runs().constFirst().script, run->script);
        // Found by the script's name as by a command's words.
        RunHistory::Filter filter;
        filter.command = u"deploy it"_s;
        QCOMPARE(history.runs(filter).size(), 1);
        // The phases through a jump host are kept with the others.
        HostResult behind;
        behind.outcome = HostOutcome::Ok;
        behind.times.started = 1000;
        behind.times.jumpReady = 5000;
        behind.times.tunnelOpened = 7000;
        behind.times.finished = 9000;
        const qint64 jumped = history.addRun(u"uptime"_s, QDateTime::currentDateTime(), 9, {host}, {behind});
        QCOMPARE(history.run(jumped)->hosts.at(0).result.times.jumpReady, 5000);
        QCOMPARE(history.run(jumped)->hosts.at(0).result.times.tunnelOpened, 7000);
    }

    void setsAsideABrokenFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("garbage bytes") << u"garbage"_s;
        QTest::newRow("truncated") << u"truncated"_s;
    }

    void setsAsideABrokenFile()
    {
        QFETCH(QString, kind);
        QByteArray bytes;
        if (kind == u"garbage") {
            bytes = QByteArray("this is not a database at all\n").repeated(500);
        } else {
            {
                RunHistory history(dbPath());
                QVERIFY(history.open() != RunHistory::OpenResult::Failed);
                for (int i = 0; i < 20; ++i)
                    addSampleRun(history, u"run %1"_s.arg(i), QDateTime::currentDateTime());
                history.setOutputCap(0);
                // Bytes that do not compress, so the file is large enough to cut in half.
                QByteArray noise;
                quint32 x = 12345;
                for (int i = 0; i < 200000; ++i) {
                    x = x * 1103515245u + 12345u;
                    noise += char(x >> 24);
                }
                history.addRun(u"noise"_s, QDateTime::currentDateTime(), 1, {target(u"n"_s, 1)},
                               {result(HostOutcome::Ok, 0, noise)});
            }
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            bytes = file.readAll();
            QVERIFY(bytes.size() > 64 * 1024);
            bytes.truncate(bytes.size() / 2);
            file.close();
            QVERIFY(file.remove());
        }
        {
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }

        RunHistory history(dbPath());
        QString notice;
        QCOMPARE(history.open(&notice), RunHistory::OpenResult::SetAside);
        const QStringList aside = QDir(m_dir->path()).entryList({u"history.sqlite.corrupt-*"_s});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(notice.contains(aside.constFirst()), qPrintable(notice));
        QFile kept(m_dir->filePath(aside.constFirst()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), bytes);
        // A fresh history that works.
        QVERIFY(history.runs().isEmpty());
        QVERIFY(addSampleRun(history, u"uptime"_s, QDateTime::currentDateTime()) > 0);
        QCOMPARE(history.runs().size(), 1);
    }

    // Another program holding the file (the GUI writing a run) is no reason to throw the history away.
    void leavesALockedFileAlone()
    {
        {
            RunHistory history(dbPath());
            QVERIFY(history.open() != RunHistory::OpenResult::Failed);
            addSampleRun(history, u"uptime"_s, QDateTime::currentDateTime());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"BEGIN EXCLUSIVE"_s));
            RunHistory history(dbPath());
            QString notice;
            QCOMPARE(history.open(&notice), RunHistory::OpenResult::Failed); // after the 5 s busy timeout
            QVERIFY2(notice.contains(u"left as it is"_s), qPrintable(notice));
            QVERIFY(q.exec(u"ROLLBACK"_s));
        }
        QSqlDatabase::removeDatabase(u"locker"_s);
        QCOMPARE(QDir(m_dir->path()).entryList({u"history.sqlite.*"_s}), QStringList());
        RunHistory history(dbPath());
        QCOMPARE(history.open(), RunHistory::OpenResult::Opened);
        QCOMPARE(history.runs().size(), 1);
    }

    void leavesANewerFileAlone()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE future (x)"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 99"_s));
        }
        QSqlDatabase::removeDatabase(u"newer"_s);
        const QByteArray before = [this] {
            QFile f(dbPath());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        RunHistory history(dbPath());
        QString notice;
        QCOMPARE(history.open(&notice), RunHistory::OpenResult::Failed);
        QVERIFY2(notice.contains(u"newer version"_s), qPrintable(notice));
        QCOMPARE(history.addRun(u"x"_s, QDateTime::currentDateTime(), 1, {}, {}), 0);
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QDir(m_dir->path()).entryList({u"history.sqlite.*"_s}), QStringList());
    }

};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
