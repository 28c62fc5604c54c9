// `chorus push` and `chorus pull` as a user runs them, against a real OpenSSH fleet on loopback (the
// fleet's hosts are this machine, so remote paths are local folders). The engine under them is
// tests/engine/tst_transfer.cpp.
#include "sshworker/fleet/localfleet.h"
#include "tests/support/testfiles.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;
using namespace Chorus::TestFiles;

class TestTransferCli : public QObject
{
    Q_OBJECT

    LocalFleet m_fleet;
    QTemporaryDir m_tmp;
    int m_dirs = 0;

    QString freshDir()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("d%1").arg(++m_dirs));
        QDir().mkpath(dir);
        return dir;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        QString error;
        QVERIFY2(m_fleet.start(2, &error), qPrintable(error));
    }

    void cleanupTestCase() { m_fleet.stop(); }

    void commandLine()
    {
        const QString src = freshDir();
        QVERIFY(writeFile(QDir(src).filePath(QStringLiteral("a.txt")), "alpha\n", 0640));
        const QString remote = freshDir();
        const QStringList hosts = {m_fleet.hosts().at(0).name, m_fleet.hosts().at(1).name};
        const auto chorusRun = [&](const QStringList &args, QByteArray *out, QByteArray *err) {
            QProcess p;
            p.start(QStringLiteral(CHORUS_EXECUTABLE), args);
            if (!p.waitForFinished(60000))
                return -1;
            *out = p.readAllStandardOutput();
            *err = p.readAllStandardError();
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QByteArray out, err;
        int status = chorusRun({QStringLiteral("push"), QStringLiteral("-F"), m_fleet.sshConfigPath(),
                                QStringLiteral("-w"), hosts.join(u','),
                                QDir(src).filePath(QStringLiteral("a.txt")), remote},
                               &out, &err);
        QVERIFY2(status == 0, err.constData());
        QCOMPARE(readFile(QDir(remote).filePath(QStringLiteral("a.txt"))), QByteArray("alpha\n"));
        QCOMPARE(out.count('\n'), 2); // a line per host
        QVERIFY(out.contains(hosts[0].toUtf8() + ": 1 file"));

        const QString back = freshDir();
        status = chorusRun({QStringLiteral("pull"), QStringLiteral("--json"), QStringLiteral("-F"),
                            m_fleet.sshConfigPath(), QStringLiteral("-w"), hosts.join(u','),
                            QDir(remote).filePath(QStringLiteral("a.txt")), back},
                           &out, &err);
        QVERIFY2(status == 0, err.constData());
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY(hosts.contains(o.value(u"host").toString()));
            QVERIFY(o.value(u"error").isNull());
            QCOMPARE(o.value(u"files").toInt(), 1);
            QCOMPARE(o.value(u"bytes").toInt(), 6);
        }
        for (const QString &h : hosts) {
            QCOMPARE(readFile(QDir(back).filePath(h + QStringLiteral("/a.txt"))), QByteArray("alpha\n"));
            QCOMPARE(modeOf(QDir(back).filePath(h + QStringLiteral("/a.txt"))), 0640);
        }

        // A failing host: status 2 and its reason on stderr; bad usage: 64 before any connection.
        status = chorusRun({QStringLiteral("pull"), QStringLiteral("-F"), m_fleet.sshConfigPath(),
                            QStringLiteral("-w"), hosts[0], m_tmp.filePath(QStringLiteral("missing")), back},
                           &out, &err);
        QCOMPARE(status, 2);
        QVERIFY2(err.contains("missing: no such file or directory"), err.constData());
        status = chorusRun({QStringLiteral("push"), QStringLiteral("-w"), hosts[0],
                            QStringLiteral("/no/such/local"), remote},
                           &out, &err);
        QCOMPARE(status, 64);
        QVERIFY2(err.contains("no such file or directory"), err.constData());
        status = chorusRun({QStringLiteral("push"), QStringLiteral("--overwrite"),
                            QStringLiteral("sometimes"), QStringLiteral("-w"), hosts[0], src, remote},
                           &out, &err);
        QCOMPARE(status, 64);
        status = chorusRun({QStringLiteral("push"), QStringLiteral("--stall-timeout"), QStringLiteral("soon"),
                            QStringLiteral("-w"), hosts[0], src, remote},
                           &out, &err);
        QCOMPARE(status, 64);
        QVERIFY2(err.contains("--stall-timeout"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTransferCli)
#include "tst_transfercli.moc"
