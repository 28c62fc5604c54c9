// Exporting a finished run as users do from the session tab or the history: a folder of
// HOST.out/.err/.exit byte-identical to what `chorus run -o` writes for the same run, JSON Lines with
// the objects `chorus run --json` prints, and a CSV summary; failures leave nothing half-written.
#include "model/history/runexport.h"
#include "model/session/runsession.h"
#include "sshworker/fleet/localfleet.h"
#include "tests/support/enginerun.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;

namespace {

// Each host prints its own address, a line with a NUL and invalid UTF-8, a stderr line, and exits
// with its address's last octet modulo 3, so hosts differ in every field an export carries.
const QString Command = QStringLiteral(
    "a=$(echo $SSH_CONNECTION | cut -d' ' -f3); echo \"$a\"; printf 'bin \\000\\377\\n'; echo \"warn $a\" >&2; "
    "exit $(( ${a##*.} % 3 ))");

QMap<QString, QByteArray> readFolder(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(it.fileName(), f.readAll());
    }
    return files;
}

HostResult crafted(HostOutcome outcome, int exitStatus, const QByteArray &out, const QString &error = {})
{
    HostResult r;
    r.outcome = outcome;
    r.exitStatus = exitStatus;
    r.stdoutData = out;
    r.stdoutBytes = out.size();
    r.error = error;
    r.times.started = 1000;
    r.times.authenticated = 41000;
    r.times.finished = 251000;
    return r;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

    LocalFleet m_fleet;
    FleetHost m_refusing;
    QTemporaryDir m_tmp;
    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<RunSession> m_session; // the run, as the GUI holds it
    QString m_cliDir;                      // what `chorus run -o` wrote for the same hosts

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(m_fleet.start(4, &error), qPrintable(error));
        m_refusing = m_fleet.addRefusingHost();
        QVERIFY(!m_refusing.name.isEmpty());

        m_pool = std::make_unique<WorkerPool>();
        RunRequest request;
        request.command = Command;
        for (const FleetHost &h : m_fleet.hosts())
            request.hosts += m_fleet.target(h);
        request.hosts += m_fleet.target(m_refusing);
        m_session = std::make_unique<RunSession>(request);
        EngineRun run(m_pool.get(), request);
        connect(m_pool.get(), &WorkerPool::outputReceived, m_session.get(), &RunSession::handleOutput);
        connect(m_pool.get(), &WorkerPool::hostFinished, m_session.get(), &RunSession::handleHostFinished);
        connect(m_pool.get(), &WorkerPool::runFinished, m_session.get(), &RunSession::handleRunFinished);
        m_session->start(run.start());
        QVERIFY(run.wait());
        QTRY_VERIFY(m_session->isFinished());
        QCOMPARE(m_session->counts().failed, 1);

        // The same hosts through the command line, writing every byte to files.
        m_cliDir = m_tmp.filePath(QStringLiteral("cli"));
        QProcess p;
        QStringList hosts;
        for (const FleetHost &h : m_fleet.hosts())
            hosts += h.name;
        hosts += m_refusing.name;
        p.start(QStringLiteral(CHORUS_EXECUTABLE),
                {QStringLiteral("run"), QStringLiteral("-F"), m_fleet.sshConfigPath(), QStringLiteral("-w"),
                 hosts.join(u','), QStringLiteral("-o"), m_cliDir, Command});
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_fleet.stop();
    }

    void folderIsByteIdenticalToChorusRunOutputDir()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("export"));
        const Result<void> written = RunExport::fromSession(*m_session).toFolder(dir);
        QVERIFY2(written.ok(), qPrintable(written.message()));
        const QMap<QString, QByteArray> cli = readFolder(m_cliDir);
        const QMap<QString, QByteArray> exported = readFolder(dir);
        // Three files for every host, the one that never ran included; every one the same in the export.
        QCOMPARE(cli.size(), 3 * (m_fleet.hosts().size() + 1));
        QCOMPARE(exported.keys(), cli.keys());
        for (auto it = cli.begin(); it != cli.end(); ++it)
            QVERIFY2(exported.value(it.key()) == it.value(), qPrintable(it.key()));
        const FleetHost first = m_fleet.hosts().first();
        QVERIFY(exported.value(first.name + QStringLiteral(".out")).startsWith(first.address.toUtf8() + QByteArrayLiteral("\nbin \0\xff\n")));
        QCOMPARE(exported.value(first.name + QStringLiteral(".err")), "warn " + first.address.toUtf8() + '\n');
        QCOMPARE(exported.value(first.name + QStringLiteral(".exit")),
                 QByteArray::number(first.address.section(u'.', 3).toInt() % 3) + '\n');
        // The host that never ran gets its reason, where pssh would leave nothing.
        QVERIFY(exported.value(m_refusing.name + QStringLiteral(".out")).isEmpty());
        QVERIFY2(exported.value(m_refusing.name + QStringLiteral(".exit")).startsWith("error: "),
                 exported.value(m_refusing.name + QStringLiteral(".exit")).constData());
    }

    void jsonHasTheObjectsOfChorusRunJson()
    {
        // The same hosts through the command line, for the reference objects.
        QProcess p;
        QStringList hosts;
        for (const FleetHost &h : m_fleet.hosts())
            hosts += h.name;
        hosts += m_refusing.name;
        p.start(QStringLiteral(CHORUS_EXECUTABLE),
                {QStringLiteral("run"), QStringLiteral("-F"), m_fleet.sshConfigPath(), QStringLiteral("-w"),
                 hosts.join(u','), QStringLiteral("--json"), Command});
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QHash<QString, QJsonObject> reference;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(u"host")) // not the groups object that ends the run
                reference.insert(o.value(u"host").toString(), o);
        }
        QCOMPARE(reference.size(), hosts.size());

        const QString path = m_tmp.filePath(QStringLiteral("run.json"));
        const Result<void> written = RunExport::fromSession(*m_session).toJson(path);
        QVERIFY2(written.ok(), qPrintable(written.message()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), hosts.size() + 1); // one object per line, a newline after the last
        QVERIFY(lines.last().isEmpty());
        for (int i = 0; i < hosts.size(); ++i) {
            QJsonParseError parseError;
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i), &parseError).object();
            QVERIFY2(parseError.error == QJsonParseError::NoError, lines.at(i).constData());
            QCOMPARE(o.value(u"host").toString(), hosts.at(i));
            const QJsonObject ref = reference.value(hosts.at(i));
            QCOMPARE(o.keys(), ref.keys());
            // Timings differ between the two runs; everything else is the same.
            for (const QString &key : o.keys()) {
                if (key != u"duration_ms" && key != u"phases_ms" && key != u"error")
                    QVERIFY2(o.value(key) == ref.value(key), qPrintable(hosts.at(i) + QLatin1Char(' ') + key));
            }
            QCOMPARE(o.value(u"error").isNull(), ref.value(u"error").isNull());
        }
        // Invalid UTF-8 goes out as base64, byte-exact.
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QVERIFY(QByteArray::fromBase64(first.value(u"stdout_b64").toString().toLatin1()).contains(QByteArrayLiteral("bin \0\xff\n")));
    }

    void csvSummary()
    {
        const QList<RunHistory::HostRecord> hosts{
            {QStringLiteral("web,1"), QStringLiteral("root@10.0.0.1"), crafted(HostOutcome::Ok, 0, "fine\n")},
            {QStringLiteral("db \"main\""), QStringLiteral("10.0.0.2:2222"), crafted(HostOutcome::NonZeroExit, 3, {})},
            {QStringLiteral("cache"), QStringLiteral("10.0.0.3"),
             crafted(HostOutcome::Failed, -1, {}, QStringLiteral("Connection refused,\nport 22"))},
        };
        const QString path = m_tmp.filePath(QStringLiteral("summary.csv"));
        const Result<void> written = RunExport(hosts).toCsv(path);
        QVERIFY2(written.ok(), qPrintable(written.message()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray csv = f.readAll();
        QCOMPARE(csv,
                 QByteArray("host,address,outcome,exit_status,signal,duration_ms,connect_ms,stdout_bytes,stderr_bytes,"
                            "truncated,error\r\n"
                            "\"web,1\",root@10.0.0.1,ok,0,,250.000,40.000,5,0,false,\r\n"
                            "\"db \"\"main\"\"\",10.0.0.2:2222,non-zero exit,3,,250.000,40.000,0,0,false,\r\n"
                            "cache,10.0.0.3,failed,,,250.000,40.000,0,0,false,\"Connection refused,\nport 22\"\r\n"));
    }

    void failuresLeaveNothingHalfWritten()
    {
        const RunExport run = RunExport::fromSession(*m_session);
        // A folder inside a file cannot be made: the message names it.
        const QString file = m_tmp.filePath(QStringLiteral("plain-file"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep me");
        }
        Result<void> written = run.toFolder(file + QStringLiteral("/out"));
        QVERIFY(!written.ok());
        QVERIFY2(written.message().contains(file), qPrintable(written.message()));

        // JSON over an existing file into a missing folder fails without touching anything.
        written = run.toJson(m_tmp.filePath(QStringLiteral("missing/run.json")));
        QVERIFY(!written.ok());
        QVERIFY2(written.message().contains(QStringLiteral("missing")), qPrintable(written.message()));
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("missing"))));

        // Two hosts that would write the same files are refused before anything is written.
        const QList<RunHistory::HostRecord> clash{{QStringLiteral("a/b"), {}, crafted(HostOutcome::Ok, 0, "1")},
                                                 {QStringLiteral("a_b"), {}, crafted(HostOutcome::Ok, 0, "2")}};
        const QString dir = m_tmp.filePath(QStringLiteral("clash"));
        written = RunExport(clash).toFolder(dir);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, Error::Kind::Conflict);
        QVERIFY2(written.message().contains(QStringLiteral("a_b")), qPrintable(written.message()));
        QVERIFY(readFolder(dir).isEmpty());
    }

    void truncatedOutputIsToldNotHidden()
    {
        HostResult cut = crafted(HostOutcome::Ok, 0, "first part");
        cut.stdoutBytes = 5'000'000;
        const RunExport run({{QStringLiteral("big"), {}, cut}, {QStringLiteral("small"), {}, crafted(HostOutcome::Ok, 0, "x")}});
        QCOMPARE(run.truncatedHosts(), QStringList{QStringLiteral("big")});
        QVERIFY(run.csv().contains(",5000000,0,true,"));
        QVERIFY(run.json().contains("\"truncated\":true"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
