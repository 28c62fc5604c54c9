#include "model/history/resultjson.h"
#include "model/history/runhistory.h"
#include "tests/support/historysamples.h"
#include "model/session/runsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Chorus;
using namespace Chorus::HistorySamples;
using namespace Qt::StringLiterals;

// `chorus history` run as a real process on the history the GUI writes: list, show, --json, bad
// usage, and a broken file set aside.

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class TestHistoryCli : public QObject
{
    Q_OBJECT

    CliRun chorus(const QStringList &args)
    {
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(CHORUS_EXECUTABLE),
                QStringList{u"history"_s} + args);
        CliRun r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The names `chorus` uses, so QStandardPaths gives both the same history.sqlite.
        QCoreApplication::setOrganizationName(u"chorus"_s);
        QCoreApplication::setApplicationName(u"chorus"_s);
        QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()),
                 "run through testenv.sh: it gives a throwaway HOME");
    }

    void cliListsAndShowsRuns()
    {
        QFile::remove(RunHistory::defaultPath());
        RunHistory history; // the default place, where `chorus history` looks
        QVERIFY(history.open() != RunHistory::OpenResult::Failed);
        const QDateTime now = QDateTime::currentDateTime();
        const qint64 old = addSampleRun(history, u"uptime"_s, now.addDays(-3));
        HostResult binary = result(HostOutcome::Ok, 0, "\x01\xff\n");
        const qint64 recent =
            history.addRun(u"cat /bin/true | head -c 2"_s, now, 50, {target(u"web1"_s, 1)}, {binary});

        CliRun r = chorus({u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(u"cat /bin/true"_s), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).contains(u"uptime"_s) && lines.at(1).contains(u"3 hosts"_s),
                 qPrintable(lines.at(1)));

        r = chorus({u"list"_s, u"--json"_s, u"--outcome"_s, u"failed"_s});
        QCOMPARE(r.exitCode, 0);
        lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QJsonObject summary = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
        QCOMPARE(summary.value(u"run"_s).toInteger(), old);
        QCOMPARE(summary.value(u"command"_s).toString(), u"uptime"_s);
        QCOMPARE(summary.value(u"hosts"_s).toInt(), 3);
        QCOMPARE(summary.value(u"failed"_s).toInt(), 1);

        r = chorus({u"list"_s, u"--since"_s, now.date().toString(Qt::ISODate), u"--host"_s, u"web1"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out).count(u'\n'), 1);

        r = chorus({u"show"_s, QString::number(old)});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(u"uptime"_s) && text.contains(u"hello"_s) &&
                     text.contains(u"no such file"_s) && text.contains(u"Connection refused"_s) &&
                     text.contains(u"exit status 2"_s),
                 qPrintable(text));

        // The same lines `chorus run --json` prints for these results.
        r = chorus({u"show"_s, QString::number(old), u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const auto stored = history.run(old);
        QByteArray expected;
        for (const auto &h : stored->hosts)
            expected += ResultJson::hostLine(h.name.toUtf8(), h.result);
        QCOMPARE(r.out, expected);
        const QJsonObject web2 = QJsonDocument::fromJson(r.out.split('\n').at(1)).object();
        QCOMPARE(web2.value(u"host"_s).toString(), u"web2"_s);
        QCOMPARE(web2.value(u"exit_status"_s).toInt(), 2);
        QCOMPARE(web2.value(u"stderr"_s).toString(), u"no such file\n"_s);
        QVERIFY(web2.contains(u"phases_ms"_s));

        r = chorus({u"show"_s, QString::number(recent), u"--json"_s});
        const QJsonObject bin = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(QByteArray::fromBase64(bin.value(u"stdout_b64"_s).toString().toLatin1()),
                 QByteArray("\x01\xff\n"));
    }

    void cliBadUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::newRow("no action") << QStringList() << 64;
        QTest::newRow("unknown action") << QStringList{u"erase"_s} << 64;
        QTest::newRow("bad outcome") << QStringList{u"list"_s, u"--outcome"_s, u"great"_s} << 64;
        QTest::newRow("bad date") << QStringList{u"list"_s, u"--since"_s, u"yesterday"_s} << 64;
        QTest::newRow("bad limit") << QStringList{u"list"_s, u"--limit"_s, u"0"_s} << 64;
        QTest::newRow("unknown option") << QStringList{u"list"_s, u"--colour"_s} << 64;
        QTest::newRow("show without run") << QStringList{u"show"_s} << 64;
        QTest::newRow("show not a number") << QStringList{u"show"_s, u"latest"_s} << 64;
        QTest::newRow("no such run") << QStringList{u"show"_s, u"987654"_s} << 1;
    }

    void cliBadUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        const CliRun r = chorus(args);
        QCOMPARE(r.exitCode, status);
        QVERIFY(r.out.isEmpty());
        const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.at(0).startsWith(u"chorus history: "_s), qPrintable(lines.at(0)));
    }

    void cliSetsAsideABrokenFile()
    {
        QDir().mkpath(QFileInfo(RunHistory::defaultPath()).absolutePath());
        QFile::remove(RunHistory::defaultPath());
        {
            QFile file(RunHistory::defaultPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, '\x5a'));
        }
        const CliRun r = chorus({u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"kept unchanged as"_s), qPrintable(r.err));
        QCOMPARE(chorus({u"list"_s}).err, QString()); // the new one is fine
        const QStringList aside =
            QFileInfo(RunHistory::defaultPath()).dir().entryList({u"history.sqlite.corrupt-*"_s});
        QCOMPARE(aside.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
