#include "sshworker/fleet/localfleet.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <errno.h>
#include <functional>
#include <memory>
#include <signal.h>
#include <unistd.h>

using namespace Chorus;

namespace {

struct SshResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString sshProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("ssh"));
}

QStringList sshArguments(const LocalFleet &fleet, const QString &host, const QStringList &command,
                         const QStringList &options)
{
    QStringList args{QStringLiteral("-F"), fleet.sshConfigPath()};
    for (const QString &option : options)
        args << QStringLiteral("-o") << option;
    return args << host << command;
}

// OpenSSH's own client against many hosts, at most `parallel` at a time.
QList<SshResult> sshAll(const LocalFleet &fleet, const QStringList &hosts, const QStringList &command,
                        const QStringList &options = {}, int parallel = 16, int timeoutMs = 45000)
{
    QList<SshResult> results(hosts.size());
    std::vector<std::unique_ptr<QProcess>> processes(hosts.size());
    QEventLoop loop;
    qsizetype next = 0;
    qsizetype finished = 0;
    std::function<void()> startNext = [&] {
        if (next >= hosts.size())
            return;
        const qsizetype i = next++;
        auto *p = new QProcess;
        processes[i].reset(p);
        p->setProgram(sshProgram());
        p->setArguments(sshArguments(fleet, hosts.at(i), command, options));
        p->setStandardInputFile(QProcess::nullDevice());
        QObject::connect(p, &QProcess::finished, &loop, [&, i, p](int code, QProcess::ExitStatus status) {
            results[i] = {status == QProcess::NormalExit ? code : -1,
                          QString::fromLocal8Bit(p->readAllStandardOutput()),
                          QString::fromLocal8Bit(p->readAllStandardError())};
            if (++finished == hosts.size())
                loop.quit();
            else
                startNext();
        });
        QObject::connect(p, &QProcess::errorOccurred, &loop, [&, i, p](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return;
            results[i].err = p->errorString();
            if (++finished == hosts.size())
                loop.quit();
            else
                startNext();
        });
        p->start();
    };
    for (int i = 0; i < parallel; ++i)
        startNext();
    if (finished < hosts.size()) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    for (auto &p : processes) {
        if (p && p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(1000);
        }
    }
    return results;
}

SshResult ssh(const LocalFleet &fleet, const QString &host, const QStringList &command,
              const QStringList &options = {})
{
    return sshAll(fleet, {host}, command, options).constFirst();
}

QStringList names(const QList<FleetHost> &hosts)
{
    QStringList list;
    for (const FleetHost &h : hosts)
        list.append(h.name);
    return list;
}

// A zombie has ended; it merely waits for a parent (maybe an init that never reaps).
bool processAlive(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const int close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z";
}

QString machineName()
{
    return QSysInfo::machineHostName();
}

} // namespace

class TestFleet : public QObject
{
    Q_OBJECT

private:
    // 17 hosts: two servers, so one can stop while the other keeps serving.
    LocalFleet m_fleet;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(why));
        if (sshProgram().isEmpty())
            QSKIP("the OpenSSH client (ssh) is not installed");
        QString error;
        QVERIFY2(m_fleet.start(17, &error), qPrintable(error));
    }

    void rejectsImpossibleSizes()
    {
        LocalFleet fleet;
        QString error;
        QVERIFY(!fleet.start(0, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!fleet.start(LocalFleet::MaxHosts + 1, &error));
        QVERIFY(fleet.hosts().isEmpty());
        QVERIFY(fleet.serverPids().isEmpty());
        QVERIFY(fleet.directory().isEmpty());
    }

    void oneHostAnswers()
    {
        LocalFleet fleet;
        QString error;
        QVERIFY2(fleet.start(1, &error), qPrintable(error));
        QCOMPARE(fleet.hosts().size(), 1);
        const FleetHost host = fleet.hosts().constFirst();
        QCOMPARE(host.name, QStringLiteral("node01"));
        QVERIFY(host.address.startsWith(QStringLiteral("127.")));
        QVERIFY(!host.address.startsWith(QStringLiteral("127.0.")));
        QVERIFY(host.port >= 1024);
        QCOMPARE(fleet.serverPids().size(), 1);
        QVERIFY(fleet.hostKeyFingerprint().startsWith(QStringLiteral("SHA256:")));
        QVERIFY(QFile::exists(fleet.identityFile() + QStringLiteral(".pub")));

        QFile known(fleet.knownHostsPath());
        QVERIFY(known.open(QIODevice::ReadOnly));
        QVERIFY(known.readAll().startsWith(
            QStringLiteral("[%1]:%2 ssh-ed25519 ").arg(host.address).arg(host.port).toLatin1()));

        const SshResult r = ssh(fleet, host.name, {QStringLiteral("uname"), QStringLiteral("-n")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), machineName());
        // The fleet lets in exactly the user running it.
        const SshResult who = ssh(fleet, host.name, {QStringLiteral("id"), QStringLiteral("-un")});
        QCOMPARE(who.out.trimmed(), fleet.user());
    }

    void hundredHostsAnswer()
    {
        LocalFleet fleet;
        QString error;
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(fleet.start(100, &error), qPrintable(error));
        qInfo("100 hosts answered after %lld ms", clock.elapsed());

        const QList<FleetHost> hosts = fleet.hosts();
        QCOMPARE(hosts.size(), 100);
        QCOMPARE(hosts.first().name, QStringLiteral("node001"));
        QCOMPARE(hosts.last().name, QStringLiteral("node100"));
        QSet<QString> addresses;
        for (const FleetHost &h : hosts)
            addresses.insert(h.address);
        QCOMPARE(addresses.size(), 100);
        QCOMPARE(fleet.serverPids().size(), 7); // 16 addresses per sshd

        clock.restart();
        const QList<SshResult> results =
            sshAll(fleet, names(hosts), {QStringLiteral("uname"), QStringLiteral("-n")});
        qInfo("ssh uname -n on 100 hosts took %lld ms", clock.elapsed());
        for (int i = 0; i < results.size(); ++i) {
            QVERIFY2(results[i].exitCode == 0,
                     qPrintable(hosts[i].name + QStringLiteral(": ") + results[i].err));
            QCOMPARE(results[i].out.trimmed(), machineName());
        }
    }

    void refusingHost()
    {
        const FleetHost host = m_fleet.addRefusingHost();
        QVERIFY(!host.name.isEmpty());
        QVERIFY(!m_fleet.hosts().contains(host));
        const SshResult r = ssh(m_fleet, host.name, {QStringLiteral("true")});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.err.contains(QStringLiteral("Connection refused")), qPrintable(r.err));
    }

    void blackHole()
    {
        const FleetHost host = m_fleet.addBlackHole();
        QVERIFY(!host.name.isEmpty());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress(host.address), host.port);
        QVERIFY2(socket.waitForConnected(2000), qPrintable(socket.errorString()));
        QVERIFY(!socket.waitForReadyRead(2000));
        QCOMPARE(socket.bytesAvailable(), 0);

        // What a user sees: ssh gives up waiting for the banner.
        const SshResult r =
            ssh(m_fleet, host.name, {QStringLiteral("true")}, {QStringLiteral("ConnectTimeout=1")});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.err.contains(QStringLiteral("banner exchange")), qPrintable(r.err));
    }

    void wrongKeyHost()
    {
        const FleetHost host = m_fleet.addWrongKeyHost();
        QVERIFY(!host.name.isEmpty());
        const SshResult r = ssh(m_fleet, host.name, {QStringLiteral("true")});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.err.contains(QStringLiteral("REMOTE HOST IDENTIFICATION HAS CHANGED")), qPrintable(r.err));
        QVERIFY2(r.err.contains(m_fleet.otherHostKeyFingerprint()), qPrintable(r.err));
    }

    void unknownKeyHost()
    {
        const FleetHost host = m_fleet.addUnknownKeyHost();
        QVERIFY(!host.name.isEmpty());
        const SshResult strict = ssh(m_fleet, host.name, {QStringLiteral("true")});
        QCOMPARE(strict.exitCode, 255);
        QVERIFY2(strict.err.contains(QStringLiteral("No ED25519 host key is known for")),
                 qPrintable(strict.err));

        // Otherwise a working server: accepting its key (into a copy) lets us in.
        QTemporaryDir scratch;
        const QString copy = scratch.filePath(QStringLiteral("known_hosts"));
        QVERIFY(QFile::copy(m_fleet.knownHostsPath(), copy));
        const SshResult accepted = ssh(m_fleet, host.name, {QStringLiteral("uname"), QStringLiteral("-n")},
                                       {QStringLiteral("StrictHostKeyChecking=accept-new"),
                                        QStringLiteral("UserKnownHostsFile=") + copy});
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
        QCOMPARE(accepted.out.trimmed(), machineName());
    }

    void passwordHost()
    {
        const FleetHost host = m_fleet.addPasswordHost();
        QVERIFY(!host.name.isEmpty());
        // Offering no method makes the server list the ones it would take.
        const SshResult none = ssh(m_fleet, host.name, {QStringLiteral("true")},
                                   {QStringLiteral("PreferredAuthentications=none")});
        QCOMPARE(none.exitCode, 255);
        QVERIFY2(none.err.contains(QStringLiteral("publickey,password,keyboard-interactive")),
                 qPrintable(none.err));
        const SshResult key = ssh(m_fleet, host.name, {QStringLiteral("uname"), QStringLiteral("-n")});
        QVERIFY2(key.exitCode == 0, qPrintable(key.err));
    }

    void faultHostsInConfigOnly()
    {
        QFile config(m_fleet.sshConfigPath());
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(config.readAll());
        QVERIFY(text.contains(QStringLiteral("Host refusing01\n")));
        QVERIFY(text.contains(QStringLiteral("Host blackhole01\n")));
        QVERIFY(text.contains(QStringLiteral("Host node17\n")));
        QCOMPARE(m_fleet.hosts().size(), 17);
    }

    void stopAndRestartServer()
    {
        // A session that outlives the stop must be cut, as if the machine went away.
        QProcess session;
        session.setProgram(sshProgram());
        session.setArguments(sshArguments(m_fleet, QStringLiteral("node02"),
                                          {QStringLiteral("echo ready; exec sleep 60")}, {}));
        session.start();
        QVERIFY(session.waitForReadyRead(10000));

        const QList<qint64> before = m_fleet.serverPids();
        QVERIFY(m_fleet.stopServer(0));
        QVERIFY(!m_fleet.stopServer(0)); // already stopped
        QVERIFY(session.waitForFinished(5000));
        QVERIFY(session.exitCode() != 0);

        const SshResult down = ssh(m_fleet, QStringLiteral("node01"), {QStringLiteral("true")});
        QCOMPARE(down.exitCode, 255);
        QVERIFY2(down.err.contains(QStringLiteral("Connection refused")), qPrintable(down.err));
        // node17 lives on the second sshd.
        QCOMPARE(ssh(m_fleet, QStringLiteral("node17"), {QStringLiteral("true")}).exitCode, 0);
        QCOMPARE(m_fleet.serverPids(), before.mid(1));
        QVERIFY(!processAlive(before.first()));
        QCOMPARE(m_fleet.hosts().size(), 17);

        QVERIFY(m_fleet.restartServer(0));
        const SshResult up =
            ssh(m_fleet, QStringLiteral("node01"), {QStringLiteral("uname"), QStringLiteral("-n")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QCOMPARE(up.out.trimmed(), machineName());
    }

    void countsConnections()
    {
        const int before = m_fleet.connectionCount(1);
        const int neighbour = m_fleet.connectionCount(0); // same sshd, same log
        QVERIFY(before >= 1);                             // at least the readiness probe
        for (int i = 1; i <= 3; ++i) {
            QCOMPARE(ssh(m_fleet, QStringLiteral("node02"), {QStringLiteral("true")}).exitCode, 0);
            QCOMPARE(m_fleet.connectionCount(1), before + i);
        }
        QCOMPARE(m_fleet.connectionCount(0), neighbour);
    }

    void fleetsSideBySide()
    {
        LocalFleet a;
        LocalFleet b;
        QString error;
        QVERIFY2(a.start(2, &error), qPrintable(error));
        QVERIFY2(b.start(2, &error), qPrintable(error));
        QVERIFY(a.hosts().constFirst().address != b.hosts().constFirst().address);
        QVERIFY(a.directory() != b.directory());
        QCOMPARE(ssh(a, QStringLiteral("node02"), {QStringLiteral("true")}).exitCode, 0);
        QCOMPARE(ssh(b, QStringLiteral("node02"), {QStringLiteral("true")}).exitCode, 0);
        // Each fleet has its own host key: b's key is not a's.
        QVERIFY(a.hostKeyFingerprint() != b.hostKeyFingerprint());
    }

    void stopLeavesNothing()
    {
        LocalFleet fleet;
        QString error;
        QVERIFY2(fleet.start(2, &error), qPrintable(error));
        QVERIFY(!fleet.addWrongKeyHost().name.isEmpty());
        QVERIFY(!fleet.addBlackHole().name.isEmpty());
        const QList<qint64> pids = fleet.serverPids();
        QCOMPARE(pids.size(), 2);
        const QString dir = fleet.directory();
        QVERIFY(QDir(dir).exists());

        // The remote command runs here too, so its pid is ours to check.
        QProcess session;
        session.setProgram(sshProgram());
        session.setArguments(
            sshArguments(fleet, QStringLiteral("node01"), {QStringLiteral("echo $$; exec sleep 60")}, {}));
        session.start();
        QVERIFY(session.waitForReadyRead(10000));
        const qint64 remotePid = session.readLine().trimmed().toLongLong();
        QVERIFY(remotePid > 0);
        QVERIFY(processAlive(remotePid));

        QElapsedTimer clock;
        clock.start();
        fleet.stop();
        QVERIFY(clock.elapsed() < 5000);
        for (qint64 pid : pids) {
            QCOMPARE(::kill(pid_t(pid), 0), -1);
            QCOMPARE(errno, ESRCH);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(remotePid), 3000);
        QVERIFY(session.waitForFinished(5000));
        QVERIFY(!QDir(dir).exists());
        QVERIFY(fleet.hosts().isEmpty());
        QVERIFY(fleet.serverPids().isEmpty());
        fleet.stop(); // twice is harmless
    }

    void cleanupTestCase()
    {
        const QList<qint64> pids = m_fleet.serverPids();
        const QString dir = m_fleet.directory();
        m_fleet.stop();
        for (qint64 pid : pids)
            QVERIFY(!processAlive(pid));
        QVERIFY(dir.isEmpty() || !QDir(dir).exists());
    }
};

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
