// The SSH engine against a real OpenSSH fleet on loopback: no mocked SSH anywhere.
#include "model/ssh/knownhosts.h"
#include "sshworker/fleet/localfleet.h"
#include "sshworker/workerpool.h"
#include "tests/support/enginerun.h"
#include "tests/support/passworduser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace Chorus;

namespace {

// The numbers of this process's open sockets.
QSet<int> openSockets()
{
    QSet<int> sockets;
    for (const QString &name :
         QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char target[64] = {};
        const QByteArray path = "/proc/self/fd/" + name.toLatin1();
        if (::readlink(path.constData(), target, sizeof target - 1) > 0 &&
            qstrncmp(target, "socket:", 7) == 0)
            sockets.insert(name.toInt());
    }
    return sockets;
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private:
    LocalFleet m_fleet;
    std::unique_ptr<WorkerPool> m_pool;
    QTemporaryDir m_tmp;

    HostTarget target(const FleetHost &host) const { return m_fleet.target(host); }
    HostTarget target(int i) const { return target(m_fleet.hosts().at(i)); }
    RunRequest request(const QString &command, const QList<HostTarget> &hosts) const
    {
        RunRequest r;
        r.command = command;
        r.hosts = hosts;
        return r;
    }
    PasswordUser m_passwordUser;
    static QString passwordUserName() { return PasswordUser::name(); }
    static QByteArray passwordUserSecret() { return PasswordUser::secret(); }
    void requirePasswordUser()
    {
        if (!PasswordUser::canCreate())
            QSKIP(qPrintable(PasswordUser::whyNot()));
        const QString error = m_passwordUser.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    HostTarget passwordTarget(const FleetHost &host, int variant = 0) const
    {
        HostTarget t = target(host);
        t.user = passwordUserName();
        t.identityFiles.clear();
        t.identitiesOnly = true;
        t.name = host.name + (variant ? QStringLiteral("-%1").arg(variant) : QString());
        t.hostKeyAlias = KnownHosts::lookupName(host.address, host.port);
        if (variant) // a distinct connection key, so the open authenticated connection is not reused
            t.identityFiles = {QStringLiteral("/nonexistent-%1").arg(variant)};
        return t;
    }
    // Fleet hosts [from, to) reached through a jump host given in full, as a profile gives it.
    QList<HostTarget> behindJump(const HostTarget &jump, int from, int to) const
    {
        QList<HostTarget> targets;
        for (int i = from; i < to; ++i) {
            HostTarget t = target(i);
            t.proxyJump = jump.address();
            t.jump = JumpTarget(jump);
            targets.append(t);
        }
        return targets;
    }
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        QString error;
        QVERIFY2(m_fleet.start(200, &error), qPrintable(error));
        PoolSettings settings;
        settings.threads = 2;
        m_pool = std::make_unique<WorkerPool>(settings);
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_fleet.stop(); // ends the user's sessions, so the user can be removed
        m_passwordUser.remove();
    }

    void exitStatuses()
    {
        EngineRun run(m_pool.get(), request(QStringLiteral("exit 0"), {target(0)}));
        QVERIFY(run.run());
        QCOMPARE(run.results[0].outcome, HostOutcome::Ok);
        QCOMPARE(run.results[0].exitStatus, 0);
        EngineRun failing(m_pool.get(), request(QStringLiteral("exit 1"), {target(1)}));
        QVERIFY(failing.run());
        QCOMPARE(failing.results[0].outcome, HostOutcome::NonZeroExit);
        QCOMPARE(failing.results[0].exitStatus, 1);
        EngineRun high(m_pool.get(), request(QStringLiteral("exit 255"), {target(2)}));
        QVERIFY(high.run());
        QCOMPARE(high.results[0].exitStatus, 255);
        QCOMPARE(high.results[0].outcome, HostOutcome::NonZeroExit);
        QVERIFY(high.results[0].error.isEmpty());
    }

    void deathBySignal()
    {
        EngineRun run(m_pool.get(), request(QStringLiteral("kill -KILL $$"), {target(0)}));
        QVERIFY(run.run());
        const HostResult &r = run.results[0];
        QCOMPARE(r.outcome, HostOutcome::NonZeroExit);
        QCOMPARE(r.exitSignal, QStringLiteral("KILL"));
        QVERIFY(!r.hasExitStatus());
    }

    void streamsKeptApart()
    {
        EngineRun run(m_pool.get(), request(QStringLiteral("echo out; echo err >&2; echo out2"), {target(0), target(1)}));
        QVERIFY(run.run());
        for (int h : {0, 1}) {
            QCOMPARE(run.results[h].stdoutData, QByteArray("out\nout2\n"));
            QCOMPARE(run.results[h].stderrData, QByteArray("err\n"));
            QCOMPARE(run.out[h], QByteArray("out\nout2\n")); // streamed chunks say the same
            QCOMPARE(run.err[h], QByteArray("err\n"));
        }
    }

    void binaryBytesExact()
    {
        EngineRun run(m_pool.get(), request(QStringLiteral("printf 'a\\000b\\377\\376c\\n'; printf '\\000\\351' >&2"), {target(3)}));
        QVERIFY(run.run());
        QCOMPARE(run.results[0].stdoutData, QByteArray("a\0b\xff\xfe" "c\n", 7));
        QCOMPARE(run.results[0].stderrData, QByteArray("\0\xe9", 2));
    }

    void largeOutputExact()
    {
        QByteArray expected;
        for (int i = 1; i <= 3000000; ++i)
            expected += QByteArray::number(i) + '\n';
        QVERIFY(expected.size() > 20 * 1024 * 1024);
        RunRequest r = request(QStringLiteral("seq 1 3000000"), {target(4)});
        r.outputLimit = 64 * 1024 * 1024;
        EngineRun run(m_pool.get(), r);
        QVERIFY(run.run(120000));
        QCOMPARE(run.results[0].stdoutBytes, qint64(expected.size()));
        QVERIFY(run.results[0].stdoutData == expected);
        QVERIFY(run.out[0] == expected);
        QVERIFY(!run.results[0].truncated());
    }

    // The result keeps up to the limit and says it is cut; the caller still gets every byte (it is what
    // `chorus run -o` writes to disk).
    void truncationIsVisibleAndCallerGetsEverything()
    {
        RunRequest r = request(QStringLiteral("seq 1 300000; echo tail >&2"), {target(5)});
        r.outputLimit = 100000;
        EngineRun run(m_pool.get(), r);
        QVERIFY(run.run());
        const HostResult &res = run.results[0];
        QCOMPARE(res.stdoutData.size(), 100000);
        QVERIFY(res.truncated());
        QByteArray expected;
        for (int i = 1; i <= 300000; ++i)
            expected += QByteArray::number(i) + '\n';
        QCOMPARE(res.stdoutBytes, qint64(expected.size()));
        QVERIFY(run.out[0] == expected);
        QCOMPARE(run.err[0], QByteArray("tail\n"));
        QCOMPARE(res.exitStatus, 0);
    }

    void streamsWhileRunning()
    {
        EngineRun run(m_pool.get(), request(QStringLiteral("echo a; sleep 2; echo b"), {target(6)}));
        QVERIFY(run.run());
        const auto &chunks = run.chunks[0];
        QVERIFY(chunks.size() >= 2);
        QCOMPARE(chunks.first().second.data, QByteArray("a\n"));
        QCOMPARE(chunks.last().second.data, QByteArray("b\n"));
        // "a" reached us while the command was still sleeping.
        QVERIFY2(chunks.last().first - chunks.first().first >= 1500,
                 qPrintable(QStringLiteral("a at %1 ms, b at %2 ms").arg(chunks.first().first).arg(chunks.last().first)));
    }

    void deadHostsDoNotDelayOthers()
    {
        const FleetHost refusing = m_fleet.addRefusingHost();
        const FleetHost hole = m_fleet.addBlackHole();
        QVERIFY(!hole.address.isEmpty() && !refusing.address.isEmpty());
        HostTarget holeTarget = target(hole);
        holeTarget.connectTimeoutMs = 10000;
        RunRequest r = request(QStringLiteral("echo fine"), {target(7), target(8), target(refusing), holeTarget});
        EngineRun run(m_pool.get(), r);
        QElapsedTimer good;
        qint64 goodDone = -1;
        QObject::connect(m_pool.get(), &WorkerPool::hostFinished, &run, [&](RunId id, int host, const HostResult &) {
            if (id == run.id() && host <= 1 && run.results.contains(0) && run.results.contains(1))
                goodDone = run.clock.elapsed();
        });
        QVERIFY(run.run());
        QCOMPARE(run.results[0].outcome, HostOutcome::Ok);
        QCOMPARE(run.results[1].outcome, HostOutcome::Ok);
        QCOMPARE(run.results[2].outcome, HostOutcome::Failed);
        QVERIFY2(run.results[2].error.contains(QStringLiteral("refused")), qPrintable(run.results[2].error));
        QCOMPARE(run.results[3].outcome, HostOutcome::TimedOut);
        QVERIFY2(run.results[3].error.contains(QStringLiteral("connect timeout")), qPrintable(run.results[3].error));
        // The good hosts did not wait for the black hole's 10 s timeout.
        QVERIFY2(goodDone >= 0 && goodDone < run.results[3].times.finished / 1000,
                 qPrintable(QStringLiteral("good hosts done at %1 ms, black hole at %2 ms")
                                .arg(goodDone).arg(run.results[3].times.finished / 1000)));
    }

    void commandTimeout()
    {
        RunRequest r = request(QStringLiteral("sleep 100"), {target(9)});
        r.commandTimeoutMs = 1000;
        RunRequest quick = request(QStringLiteral("echo quick"), {target(10)});
        EngineRun slow(m_pool.get(), r);
        EngineRun fast(m_pool.get(), quick);
        slow.start();
        QVERIFY(fast.run());
        QCOMPARE(fast.results[0].outcome, HostOutcome::Ok);
        QVERIFY(!slow.finished); // the hung command does not hold the other run back
        QVERIFY(slow.wait(20000));
        QCOMPARE(slow.results[0].outcome, HostOutcome::TimedOut);
        QVERIFY(slow.results[0].error.contains(QStringLiteral("command timeout")));
        QVERIFY(slow.results[0].durationUs() < 10'000'000);
    }

    void wrongKeyIsRefused()
    {
        const QString keyPath = m_tmp.filePath(QStringLiteral("stranger"));
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                   {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                    QStringLiteral("-N"), QString(), QStringLiteral("-f"), keyPath}),
                 0);
        HostTarget t = target(11);
        t.identityFiles = {keyPath};
        EngineRun run(m_pool.get(), request(QStringLiteral("true"), {t}));
        QVERIFY(run.run());
        QCOMPARE(run.results[0].outcome, HostOutcome::Failed);
        QCOMPARE(run.results[0].failure, FailureKind::Auth);
        QVERIFY2(run.results[0].error.contains(QStringLiteral("permission denied")) && run.results[0].error.contains(keyPath),
                 qPrintable(run.results[0].error));
    }

    void unknownHostKeyPolicies()
    {
        const FleetHost host = m_fleet.addUnknownKeyHost();
        QVERIFY(!host.address.isEmpty());
        // Each policy gets its own copy of known_hosts, so one test does not feed the next.
        auto copyKnownHosts = [&](const QString &name) {
            const QString path = m_tmp.filePath(name);
            QFile::remove(path);
            QFile::copy(m_fleet.knownHostsPath(), path);
            return path;
        };
        HostTarget t = target(host);

        t.knownHostsFiles = {copyKnownHosts(QStringLiteral("kh-strict"))};
        t.hostKeyPolicy = HostKeyPolicy::Strict;
        EngineRun strict(m_pool.get(), request(QStringLiteral("true"), {t}));
        QVERIFY(strict.run());
        QCOMPARE(strict.results[0].failure, FailureKind::HostKeyUnknown);
        QVERIFY2(strict.results[0].error.contains(m_fleet.otherHostKeyFingerprint()), qPrintable(strict.results[0].error));

        const QString acceptNewFile = copyKnownHosts(QStringLiteral("kh-accept-new"));
        t.knownHostsFiles = {acceptNewFile};
        t.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        const QByteArray before = readFile(acceptNewFile);
        EngineRun acceptNew(m_pool.get(), request(QStringLiteral("echo in"), {t}));
        QVERIFY(acceptNew.run());
        QCOMPARE(acceptNew.results[0].outcome, HostOutcome::Ok);
        const QByteArray after = readFile(acceptNewFile);
        QVERIFY(after.startsWith(before));
        const QByteArray added = after.mid(before.size());
        QVERIFY2(added.startsWith(KnownHosts::lookupName(host.address, host.port).toUtf8() + " ssh-ed25519 "),
                 added.constData());
        QCOMPARE(added.count('\n'), 1);

        t.knownHostsFiles = {copyKnownHosts(QStringLiteral("kh-ask"))};
        t.hostKeyPolicy = HostKeyPolicy::Ask;
        EngineRun ask(m_pool.get(), request(QStringLiteral("echo asked"), {t}));
        ask.onQuestion = [&](const HostKeyQuestion &q) { m_pool->answerHostKey(q.run, q.host, true); };
        QVERIFY(ask.run());
        QCOMPARE(ask.questions.size(), 1);
        QCOMPARE(ask.questions[0].fingerprint, m_fleet.otherHostKeyFingerprint());
        QCOMPARE(ask.questions[0].keyType, QStringLiteral("ssh-ed25519"));
        QVERIFY(ask.states[0].contains(HostState::AwaitingHostKey));
        QCOMPARE(ask.results[0].stdoutData, QByteArray("asked\n"));

        t.knownHostsFiles = {copyKnownHosts(QStringLiteral("kh-reject"))};
        EngineRun reject(m_pool.get(), request(QStringLiteral("echo never"), {t}));
        reject.onQuestion = [&](const HostKeyQuestion &q) { m_pool->answerHostKey(q.run, q.host, false); };
        QVERIFY(reject.run());
        QCOMPARE(reject.results[0].failure, FailureKind::HostKeyUnknown);
        QVERIFY(reject.results[0].stdoutData.isEmpty());
    }

    void changedHostKeyIsRefused()
    {
        const FleetHost host = m_fleet.addWrongKeyHost();
        QVERIFY(!host.address.isEmpty());
        for (HostKeyPolicy policy : {HostKeyPolicy::Strict, HostKeyPolicy::AcceptNew, HostKeyPolicy::Ask}) {
            const QByteArray before = readFile(m_fleet.knownHostsPath());
            HostTarget t = target(host);
            t.hostKeyPolicy = policy;
            EngineRun run(m_pool.get(), request(QStringLiteral("echo never"), {t}));
            QVERIFY(run.run());
            const HostResult &r = run.results[0];
            QCOMPARE(r.failure, FailureKind::HostKeyChanged);
            QVERIFY(run.questions.isEmpty()); // never offered for acceptance
            QVERIFY2(r.error.contains(m_fleet.otherHostKeyFingerprint()) && r.error.contains(m_fleet.hostKeyFingerprint())
                         && r.error.contains(m_fleet.knownHostsPath()) && r.error.contains(host.name),
                     qPrintable(r.error));
            QCOMPARE(readFile(m_fleet.knownHostsPath()), before);
        }
    }

    void agentAuth()
    {
        const QString socket = m_tmp.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 5000);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), socket);
        QProcess add;
        add.setProcessEnvironment(env);
        add.start(QStringLiteral("ssh-add"), {m_fleet.identityFile()});
        QVERIFY(add.waitForFinished() && add.exitCode() == 0);
        qputenv("SSH_AUTH_SOCK", socket.toLocal8Bit());
        HostTarget t = target(12);
        t.identityFiles.clear(); // the agent is the only way in
        t.identitiesOnly = false;
        EngineRun run(m_pool.get(), request(QStringLiteral("echo agent"), {t}));
        const bool ok = run.run();
        qunsetenv("SSH_AUTH_SOCK");
        agent.kill();
        agent.waitForFinished();
        QVERIFY(ok);
        QVERIFY2(run.results[0].outcome == HostOutcome::Ok, qPrintable(run.results[0].error));
        QCOMPARE(run.results[0].stdoutData, QByteArray("agent\n"));
    }

    void secondRunReusesTheConnection()
    {
        const int before = m_fleet.connectionCount(13);
        EngineRun first(m_pool.get(), request(QStringLiteral("echo one"), {target(13)}));
        QVERIFY(first.run());
        EngineRun second(m_pool.get(), request(QStringLiteral("echo two"), {target(13)}));
        QVERIFY(second.run());
        QCOMPARE(second.results[0].stdoutData, QByteArray("two\n"));
        QVERIFY(second.results[0].reusedConnection);
        QCOMPARE(second.results[0].times.tcpConnected, -1);
        // The server saw one TCP connection for both runs.
        QCOMPARE(m_fleet.connectionCount(13) - before, 1);
    }

    // A login shell on a terminal: TERM and the size reach the host, a resize is a window change,
    // the exit status comes back, and the next shell opens on the same connection.
    void interactiveShellOnThePooledConnection()
    {
        const int before = m_fleet.connectionCount(21);
        RunRequest r = request(QString(), {target(21)});
        r.shell = true;
        r.columns = 80;
        r.rows = 24;
        EngineRun shell(m_pool.get(), r);
        connect(m_pool.get(), &WorkerPool::outputReceived, &shell, [this, &shell](const OutputChunk &chunk) {
            if (chunk.run == shell.id())
                m_pool->outputConsumed(chunk.run, chunk.host, chunk.data.size());
        });
        const RunId id = shell.start();
        m_pool->writeInput(id, "echo T=$TERM; stty size\n");
        QTRY_VERIFY_WITH_TIMEOUT(shell.out[0].contains("T=xterm-256color") && shell.out[0].contains("24 80"), 20000);
        m_pool->resizeTerminal(id, 0, 100, 30);
        m_pool->writeInput(id, "stty size\n");
        QTRY_VERIFY_WITH_TIMEOUT(shell.out[0].contains("30 100"), 20000);
        m_pool->writeInput(id, "exit 3\n");
        QVERIFY(shell.wait(20000));
        QCOMPARE(shell.results[0].outcome, HostOutcome::NonZeroExit);
        QCOMPARE(shell.results[0].exitStatus, 3);

        EngineRun again(m_pool.get(), r);
        const RunId second = again.start();
        m_pool->writeInput(second, "exit\n");
        QVERIFY(again.wait(20000));
        QCOMPARE(again.results[0].outcome, HostOutcome::Ok);
        QVERIFY(again.results[0].reusedConnection);
        QCOMPARE(m_fleet.connectionCount(21) - before, 1);
    }

    // A shell closed while in use and a new one opened at once on the same connection: the new one works.
    void shellAfterAClosedShell()
    {
        RunRequest r = request(QString(), {target(23)});
        r.shell = true;
        r.environment = {{QStringLiteral("LANG"), QStringLiteral("C.UTF-8")}};
        for (int round = 0; round < 10; ++round) {
            EngineRun first(m_pool.get(), r);
            const RunId id = first.start();
            m_pool->writeInput(id, "abc");
            QTRY_VERIFY_WITH_TIMEOUT(first.out[0].contains("abc"), 20000);
            m_pool->cancelHost(id, 0);
            EngineRun second(m_pool.get(), r);
            connect(m_pool.get(), &WorkerPool::outputReceived, &second, [this, &second](const OutputChunk &chunk) {
                if (chunk.run == second.id())
                    m_pool->outputConsumed(chunk.run, chunk.host, chunk.data.size());
            });
            const RunId next = second.start();
            m_pool->writeInput(next, "echo SECOND-$((1+1))\n");
            QTRY_VERIFY2_WITH_TIMEOUT(second.out[0].contains("SECOND-2"), qPrintable(QString::number(round)), 20000);
            QVERIFY(first.wait(20000));
            m_pool->cancelHost(next, 0);
            QVERIFY(second.wait(20000));
        }
    }

    // A shell's output waits for the caller to say it has shown it: a flood it does not take stops at
    // the host's credit, and flows again once it does.
    void shellOutputWaitsForTheCaller()
    {
        RunRequest r = request(QString(), {target(22)});
        r.shell = true;
        EngineRun shell(m_pool.get(), r);
        const RunId id = shell.start();
        m_pool->writeInput(id, "head -c 30000000 /dev/zero | tr '\\0' a; echo; echo FLOOD-$((1+1))\n");
        const qint64 credit = m_pool->settings().undeliveredPerHost;
        QTest::qWait(2000);
        QVERIFY2(shell.out[0].size() >= credit / 2 && shell.out[0].size() <= credit + 2 * 1024 * 1024,
                 qPrintable(QString::number(shell.out[0].size())));
        QVERIFY(!shell.out[0].contains("FLOOD-2"));
        qint64 acked = shell.out[0].size();
        m_pool->outputConsumed(id, 0, acked);
        connect(m_pool.get(), &WorkerPool::outputReceived, &shell, [this, id](const OutputChunk &chunk) {
            if (chunk.run == id)
                m_pool->outputConsumed(chunk.run, chunk.host, chunk.data.size());
        });
        QTRY_VERIFY_WITH_TIMEOUT(shell.out[0].contains("FLOOD-2\r\n"), 60000);
        QVERIFY(shell.out[0].count('a') >= 30000000);
        m_pool->cancelHost(id, 0);
        QVERIFY(shell.wait(20000));
        QCOMPARE(shell.results[0].outcome, HostOutcome::Cancelled);
    }

    void fourCommandsOnOneConnection()
    {
        const int before = m_fleet.connectionCount(14);
        QList<EngineRun *> runs;
        for (int i = 0; i < 4; ++i) {
            runs.append(new EngineRun(m_pool.get(), request(QStringLiteral("sleep 1; echo %1").arg(i), {target(14)})));
            runs.last()->start();
        }
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 4; ++i) {
            QVERIFY(runs[i]->wait());
            QCOMPARE(runs[i]->results[0].stdoutData, QByteArray::number(i) + '\n');
        }
        QCOMPARE(m_fleet.connectionCount(14) - before, 1);
        qDeleteAll(runs);
    }

    void reconnectsAfterServerRestart()
    {
        const int host = 16 * 5; // first host of the sixth sshd, used by no other test
        EngineRun first(m_pool.get(), request(QStringLiteral("echo before"), {target(host)}));
        QVERIFY(first.run());
        QCOMPARE(first.results[0].outcome, HostOutcome::Ok);
        QVERIFY(m_fleet.stopServer(host));
        QVERIFY(m_fleet.restartServer(host));
        const int before = m_fleet.connectionCount(host);
        EngineRun second(m_pool.get(), request(QStringLiteral("echo after"), {target(host)}));
        QVERIFY(second.run());
        QVERIFY2(second.results[0].outcome == HostOutcome::Ok, qPrintable(second.results[0].error));
        QCOMPARE(second.results[0].stdoutData, QByteArray("after\n"));
        QVERIFY(!second.results[0].reusedConnection);
        QCOMPARE(m_fleet.connectionCount(host) - before, 1);
    }

    // When a server dies under pooled connections, libssh closes their sockets itself, and the
    // engine must not close those numbers again: by then they may be another file's (in the GUI,
    // the history database or a child process's pipe; here, ours). Another thread takes each
    // number the moment it is free, as QProcess did when this failed in a full run.
    void deadConnectionsCloseNothingElse()
    {
        const int first = 16 * 5; // the sixth sshd: stopped and started again here, as above
        QList<HostTarget> hosts;
        for (int i = first; i < first + 16; ++i)
            hosts.append(target(i));
        const QSet<int> before = openSockets();
        EngineRun run(m_pool.get(), request(QStringLiteral("echo pooled"), hosts));
        QVERIFY(run.run());
        const QList<int> theirs = (openSockets() - before).values();
        QVERIFY2(theirs.size() >= 8, qPrintable(QString::number(theirs.size())));

        // Holds every one of those numbers as soon as it is free: F_DUPFD gives the lowest free
        // number at or above the one asked for, so it is that number exactly once it is free.
        const int holder = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        QVERIFY(holder >= 0);
        std::atomic<bool> stop{false};
        QList<int> held;
        std::thread taker([&] {
            QSet<int> wanted(theirs.cbegin(), theirs.cend());
            QElapsedTimer clock;
            clock.start();
            while (!stop.load() && !wanted.isEmpty() && clock.elapsed() < 10000) {
                for (auto it = wanted.begin(); it != wanted.end();) {
                    const int fd = ::fcntl(holder, F_DUPFD_CLOEXEC, *it);
                    if (fd == *it) {
                        held.append(fd);
                        it = wanted.erase(it);
                        continue;
                    }
                    if (fd >= 0)
                        ::close(fd);
                    ++it;
                }
            }
        });
        auto cleanup = qScopeGuard([&] {
            stop.store(true);
            if (taker.joinable())
                taker.join();
            for (int fd : std::as_const(held))
                ::close(fd);
            ::close(holder);
            m_fleet.restartServer(first);
        });
        QVERIFY(m_fleet.stopServer(first));
        QTest::qWait(1000); // the engine sees the connections end and lets go of them
        stop.store(true);
        taker.join();
        QVERIFY2(!held.isEmpty(), "no socket number came free within 10 s");
        for (int fd : std::as_const(held))
            QVERIFY2(::fcntl(fd, F_GETFD) != -1,
                     qPrintable(QStringLiteral("the engine closed fd %1, not its own").arg(fd)));
        qInfo("took %lld of %lld socket numbers as they came free; none was closed again",
              qlonglong(held.size()), qlonglong(theirs.size()));
    }

    void cancelRun()
    {
        EngineRun run(m_pool.get(), request(QStringLiteral("sleep 30"), {target(15), target(16)}));
        int running = 0;
        run.onState = [&](int, HostState s) {
            if (s == HostState::Running && ++running == 2)
                m_pool->cancelRun(run.id());
        };
        QElapsedTimer timer;
        timer.start();
        QVERIFY(run.run(20000));
        QVERIFY(timer.elapsed() < 15000);
        QCOMPARE(run.results[0].outcome, HostOutcome::Cancelled);
        QCOMPARE(run.results[1].outcome, HostOutcome::Cancelled);
    }

    void cancelOneHost()
    {
        EngineRun run(m_pool.get(), request(QStringLiteral("sleep 3; echo done"), {target(17), target(18)}));
        run.onState = [&](int host, HostState s) {
            if (s == HostState::Running && host == 0)
                m_pool->cancelHost(run.id(), 0);
        };
        QVERIFY(run.run(20000));
        QCOMPARE(run.results[0].outcome, HostOutcome::Cancelled);
        QCOMPARE(run.results[1].outcome, HostOutcome::Ok);
        QCOMPARE(run.results[1].stdoutData, QByteArray("done\n"));
    }

    void fanoutIsRespected()
    {
        QList<HostTarget> hosts;
        for (int i = 20; i < 40; ++i)
            hosts.append(target(i));
        RunRequest r = request(QStringLiteral("sleep 0.2"), hosts);
        r.fanout = 3;
        EngineRun run(m_pool.get(), r);
        QVERIFY(run.run());
        QCOMPARE(run.results.size(), 20);
        // From the engine's own timestamps: how many hosts were between leaving the queue and
        // finishing at the same moment. (Signals from different workers may arrive out of
        // order, so counting them would not prove anything.)
        QList<QPair<qint64, int>> edges;
        for (const HostResult &res : std::as_const(run.results)) {
            edges.append({res.times.started, +1});
            edges.append({res.times.finished, -1});
        }
        std::sort(edges.begin(), edges.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first < b.first : a.second < b.second;
        });
        int inFlight = 0, most = 0;
        for (const auto &edge : edges)
            most = qMax(most, inFlight += edge.second);
        QVERIFY2(most <= 3 && most >= 2, qPrintable(QString::number(most)));
    }

    void twoHundredHostsOnTwoThreads()
    {
        QList<HostTarget> hosts;
        for (const FleetHost &h : m_fleet.hosts())
            hosts.append(target(h));
        QCOMPARE(hosts.size(), 200);
        QCOMPARE(m_pool->threadCount(), 2);
        RunRequest r = request(QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3"), hosts);
        EngineRun run(m_pool.get(), r);
        QVERIFY(run.run(180000));
        QCOMPARE(run.results.size(), 200);
        for (int i = 0; i < 200; ++i) {
            QVERIFY2(run.results[i].outcome == HostOutcome::Ok,
                     qPrintable(QStringLiteral("%1: %2").arg(hosts[i].name, run.results[i].error)));
            // Each host answered from its own address: output is not mixed up between hosts.
            QCOMPARE(run.results[i].stdoutData, hosts[i].hostname.toUtf8() + '\n');
        }
    }

    // A command cancelled while it waits for a shared connection's handshake leaves the
    // connection's list of waiters: the handshake goes on for the other command alone.
    void cancelWhileWaitingForAConnection()
    {
        const FleetHost host = m_fleet.addUnknownKeyHost();
        QVERIFY(!host.address.isEmpty());
        const QString knownHosts = m_tmp.filePath(QStringLiteral("kh-waiting"));
        QFile::copy(m_fleet.knownHostsPath(), knownHosts);
        HostTarget t = target(host);
        t.knownHostsFiles = {knownHosts};
        t.hostKeyPolicy = HostKeyPolicy::Ask;
        EngineRun first(m_pool.get(), request(QStringLiteral("echo first"), {t}));
        EngineRun second(m_pool.get(), request(QStringLiteral("echo second"), {t}));
        first.start();
        second.start();
        // The handshake parks at the host key question; then the first run is cancelled.
        QTRY_VERIFY_WITH_TIMEOUT(first.questions.size() + second.questions.size() == 1, 20000);
        m_pool->cancelRun(first.id());
        QVERIFY(first.wait(10000));
        QCOMPARE(first.results[0].outcome, HostOutcome::Cancelled);
        // Whichever run was asked, an answer for the second reaches the connection it waits on.
        m_pool->answerHostKey(second.id(), 0, true);
        QVERIFY(second.wait(20000));
        QVERIFY2(second.results[0].outcome == HostOutcome::Ok, qPrintable(second.results[0].error));
        QCOMPARE(second.results[0].stdoutData, QByteArray("second\n"));
    }

    void jumpHost()
    {
        const int jump = 31;
        HostTarget t = target(30);
        t.proxyJump = m_fleet.hosts().at(jump).name; // an alias of the fleet's ssh_config
        t.configFile = m_fleet.sshConfigPath();
        const int jumpBefore = m_fleet.connectionCount(jump);
        const int targetBefore = m_fleet.connectionCount(30);
        EngineRun run(m_pool.get(), request(QStringLiteral("echo through"), {t}));
        QVERIFY(run.run());
        QVERIFY2(run.results[0].outcome == HostOutcome::Ok, qPrintable(run.results[0].error));
        QCOMPARE(run.results[0].stdoutData, QByteArray("through\n"));
        // Both servers saw the connection: the jump host's sshd carried it to the target.
        QCOMPARE(m_fleet.connectionCount(jump) - jumpBefore, 1);
        QCOMPARE(m_fleet.connectionCount(30) - targetBefore, 1);
    }

    // ProxyJump "a,b" goes a, then b, then the target, as OpenSSH goes: proven from the bastions'
    // own logs of the channels they opened. The reverse order would skip a bastion wherever the
    // hops can reach each other.
    void jumpHostsInOpenSshOrder()
    {
        const FleetHost first = m_fleet.addJumpHost();
        const FleetHost second = m_fleet.addJumpHost();
        QVERIFY(!first.address.isEmpty() && !second.address.isEmpty());
        HostTarget t = target(29);
        t.proxyJump = first.name + u',' + second.name; // aliases of the fleet's ssh_config
        t.configFile = m_fleet.sshConfigPath();
        EngineRun run(m_pool.get(), request(QStringLiteral("echo through two"), {t}));
        QVERIFY(run.run());
        QVERIFY2(run.results[0].outcome == HostOutcome::Ok, qPrintable(run.results[0].error));
        QCOMPARE(run.results[0].stdoutData, QByteArray("through two\n"));
        const FleetHost last = m_fleet.hosts().at(29);
        QCOMPARE(m_fleet.forwardings(first), QStringList{second.address + u':' + QString::number(second.port)});
        QCOMPARE(m_fleet.forwardings(second), QStringList{last.address + u':' + QString::number(last.port)});
    }

    // The jump host is the engine's own connection: no `ssh` process (PATH has none), one session
    // on the jump host for all the hosts behind it, one direct-tcpip channel each (its sshd's log).
    void manyHostsShareOneJumpConnection()
    {
        const FleetHost jump = m_fleet.addJumpHost();
        QVERIFY(!jump.address.isEmpty());
        // Every host of the fleet, on a pool of its own so the shared one keeps its connections.
        PoolSettings settings;
        settings.threads = 2;
        WorkerPool pool(settings);
        QList<HostTarget> targets;
        QStringList expected;
        for (int i = 0; i < m_fleet.hosts().size(); ++i) {
            HostTarget t = target(i);
            t.proxyJump = jump.name;
            t.configFile = m_fleet.sshConfigPath();
            targets.append(t);
            expected.append(m_fleet.hosts().at(i).address + u':' + QString::number(m_fleet.hosts().at(i).port));
        }
        const int before = m_fleet.connectionCount(jump);
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        const auto restore = qScopeGuard([&path] { qputenv("PATH", path); });
        EngineRun run(&pool, request(QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3"), targets));
        QVERIFY(run.run(120000));
        for (int i = 0; i < targets.size(); ++i) {
            QVERIFY2(run.results[i].outcome == HostOutcome::Ok, qPrintable(run.results[i].error));
            QCOMPARE(run.results[i].stdoutData, m_fleet.hosts().at(i).address.toUtf8() + '\n');
            // The phases through the jump host, in order, in place of resolving and TCP.
            const PhaseTimes &t = run.results[i].times;
            QVERIFY(t.started >= 0 && t.jumpReady >= t.started && t.tunnelOpened >= t.jumpReady);
            QVERIFY(t.kexDone >= t.tunnelOpened && t.authenticated >= t.kexDone);
            QCOMPARE(t.tcpConnected, -1);
        }
        // One session on the jump host for all 200, one direct-tcpip channel each (its sshd's log).
        QCOMPARE(m_fleet.connectionCount(jump) - before, 1);
        QStringList forwarded = m_fleet.forwardings(jump);
        forwarded.sort();
        expected.sort();
        QCOMPARE(forwarded, expected);

        // A second round goes over the same connections: no new session, no new channel.
        EngineRun again(&pool, request(QStringLiteral("true"), targets));
        QVERIFY(again.run(120000));
        for (const HostResult &r : std::as_const(again.results))
            QVERIFY2(r.outcome == HostOutcome::Ok, qPrintable(r.error));
        QCOMPARE(m_fleet.connectionCount(jump) - before, 1);
        QCOMPARE(m_fleet.forwardings(jump).size(), expected.size());
    }

    // A jump host that cannot be reached fails every host behind it at once, naming it; hosts not
    // behind it are not held up.
    void jumpHostFailureNamesIt()
    {
        QList<HostTarget> targets;
        for (int i = 172; i < 176; ++i) {
            HostTarget t = target(i);
            t.proxyJump = QStringLiteral("root@127.0.0.1:1"); // nothing listens there
            t.configFile = m_fleet.sshConfigPath();
            targets.append(t);
        }
        targets.append(target(176));
        QElapsedTimer clock;
        clock.start();
        EngineRun run(m_pool.get(), request(QStringLiteral("echo direct"), targets));
        QVERIFY(run.run());
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(run.results[i].outcome, HostOutcome::Failed);
            QVERIFY2(run.results[i].error.contains(QStringLiteral("jump host 127.0.0.1")), qPrintable(run.results[i].error));
        }
        QCOMPARE(run.results[4].outcome, HostOutcome::Ok);
        QCOMPARE(run.results[4].stdoutData, QByteArray("direct\n"));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed()))); // not one connect timeout per host
    }

    // The jump host goes away mid-run: every host behind it fails at once, naming it, and a host
    // not behind it finishes. A host the jump host cannot reach fails alone, saying so.
    void jumpHostStoppedMidRun()
    {
        const int jumpIndex = 192; // its sshd serves hosts 192 to 199, used by no other test
        HostTarget jump = target(jumpIndex);
        QList<HostTarget> targets = behindJump(jump, 185, 189);
        HostTarget unreachable = target(189);
        unreachable.hostname = QStringLiteral("127.0.0.1");
        unreachable.port = 1; // nothing listens there
        unreachable.proxyJump = jump.address();
        unreachable.jump = JumpTarget(jump);
        targets.append(unreachable);
        targets.append(target(190)); // direct
        EngineRun run(m_pool.get(), request(QStringLiteral("sleep 3; echo done"), targets));
        int running = 0;
        run.onState = [&](int, HostState state) {
            if (state == HostState::Running && ++running == 5)
                m_fleet.stopServer(jumpIndex);
        };
        QVERIFY(run.run());
        const auto restart = qScopeGuard([&] { m_fleet.restartServer(jumpIndex); });
        QCOMPARE(running, 5);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(run.results[i].outcome, HostOutcome::Failed);
            QVERIFY2(run.results[i].error.startsWith(QStringLiteral("jump host ") + jump.name + u':'),
                     qPrintable(run.results[i].error));
            QVERIFY(run.results[i].stdoutData.isEmpty());
        }
        QCOMPARE(run.results[4].outcome, HostOutcome::Failed);
        QVERIFY2(run.results[4].error.contains(QStringLiteral("could not open a channel to 127.0.0.1 port 1")),
                 qPrintable(run.results[4].error));
        QCOMPARE(run.results[5].outcome, HostOutcome::Ok);
        QCOMPARE(run.results[5].stdoutData, QByteArray("done\n"));
    }

    // Cancelling a run behind a jump host stops every host at once and leaves the jump host's
    // connection for the next run; once nothing uses it, it closes on the idle timeout like any other.
    void jumpHostCancelAndIdle()
    {
        PoolSettings settings;
        settings.threads = 1;
        settings.idleTimeoutMs = 1500;
        WorkerPool pool(settings);
        const FleetHost jump = m_fleet.addJumpHost();
        QVERIFY(!jump.address.isEmpty());
        HostTarget via = target(jump);
        const QList<HostTarget> targets = behindJump(via, 191, 192) + behindJump(via, 184, 185);
        EngineRun run(&pool, request(QStringLiteral("sleep 30"), targets));
        int running = 0;
        run.onState = [&](int, HostState state) {
            if (state == HostState::Running && ++running == 2)
                pool.cancelRun(run.id());
        };
        QElapsedTimer clock;
        clock.start();
        QVERIFY(run.run());
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        for (const HostResult &r : std::as_const(run.results))
            QCOMPARE(r.outcome, HostOutcome::Cancelled);
        // The jump host and the two hosts behind it are still open, and used again.
        const int before = m_fleet.connectionCount(jump);
        EngineRun again(&pool, request(QStringLiteral("echo again"), targets));
        QVERIFY(again.run());
        for (const HostResult &r : std::as_const(again.results)) {
            QVERIFY2(r.outcome == HostOutcome::Ok, qPrintable(r.error));
            QVERIFY(r.reusedConnection);
        }
        QCOMPARE(m_fleet.connectionCount(jump), before);
        QTRY_COMPARE_WITH_TIMEOUT(pool.openConnections(), 3, 2000);
        // Idle: the hosts' connections close, then the jump host's, nothing left behind.
        QTRY_COMPARE_WITH_TIMEOUT(pool.openConnections(), 0, 10000);
    }

    // A jump host's profile caps how many hosts behind it are in their handshake at once: with the
    // hosts' sshd frozen (every handshake hangs), only that many channels are opened through it.
    void jumpHostCapsHandshakes()
    {
        const FleetHost jump = m_fleet.addJumpHost();
        QVERIFY(!jump.address.isEmpty());
        HostTarget via = target(jump);
        via.jumpHandshakes = 2;
        const QList<HostTarget> targets = behindJump(via, 193, 199); // one sshd serves them all
        QVERIFY(m_fleet.pauseServer(193));
        auto resume = qScopeGuard([&] { m_fleet.resumeServer(193); });
        EngineRun run(m_pool.get(), request(QStringLiteral("echo capped"), targets));
        run.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_fleet.forwardings(jump).size(), 2, 10000);
        QTest::qWait(1000);
        QCOMPARE(m_fleet.forwardings(jump).size(), 2);
        m_fleet.resumeServer(193);
        resume.dismiss();
        QVERIFY(run.wait());
        for (const HostResult &r : std::as_const(run.results))
            QVERIFY2(r.outcome == HostOutcome::Ok, qPrintable(r.error));
        QCOMPARE(m_fleet.forwardings(jump).size(), targets.size());
    }

    // A jump host's unknown key is asked about once, in its own name, for every host behind it; a
    // changed one is refused, failing the hosts behind it with the jump host named.
    void jumpHostKeysFollowThePolicy()
    {
        const FleetHost unknown = m_fleet.addUnknownKeyHost();
        const FleetHost wrong = m_fleet.addWrongKeyHost();
        QVERIFY(!unknown.address.isEmpty() && !wrong.address.isEmpty());
        const QString knownHosts = m_tmp.filePath(QStringLiteral("kh-jump"));
        QFile::remove(knownHosts);
        QVERIFY(QFile::copy(m_fleet.knownHostsPath(), knownHosts));
        HostTarget via = target(unknown);
        via.knownHostsFiles = {knownHosts};
        via.hostKeyPolicy = HostKeyPolicy::Ask;
        const QList<HostTarget> targets = behindJump(via, 177, 180);
        EngineRun ask(m_pool.get(), request(QStringLiteral("echo behind"), targets));
        ask.onQuestion = [&](const HostKeyQuestion &q) { m_pool->answerHostKey(q.run, q.host, true); };
        QVERIFY(ask.run());
        QCOMPARE(ask.questions.size(), 1);
        QCOMPARE(ask.questions[0].hostName, via.name);
        QCOMPARE(ask.questions[0].fingerprint, m_fleet.otherHostKeyFingerprint());
        for (const HostResult &r : std::as_const(ask.results)) {
            QVERIFY2(r.outcome == HostOutcome::Ok, qPrintable(r.error));
            QCOMPARE(r.stdoutData, QByteArray("behind\n"));
        }

        HostTarget changed = target(wrong);
        changed.hostKeyPolicy = HostKeyPolicy::AcceptNew; // no policy accepts a changed key
        HostTarget behind = target(180);
        behind.proxyJump = changed.address();
        behind.jump = JumpTarget(changed);
        EngineRun refused(m_pool.get(), request(QStringLiteral("echo never"), {behind}));
        QVERIFY(refused.run());
        QCOMPARE(refused.results[0].failure, FailureKind::HostKeyChanged);
        QVERIFY2(refused.results[0].error.startsWith(QStringLiteral("jump host ") + changed.name),
                 qPrintable(refused.results[0].error));
        QVERIFY(refused.results[0].stdoutData.isEmpty());
    }

    // A jump host that takes only a password: asked for once, in the jump host's name, for all the
    // hosts behind it (OpenSSH's ssh -W path ran in BatchMode and could not do this at all).
    void jumpHostWithAPassword()
    {
        requirePasswordUser();
        const FleetHost bastion = m_fleet.addPasswordHost(false);
        QVERIFY(!bastion.address.isEmpty());
        const HostTarget via = passwordTarget(bastion, 7);
        const QList<HostTarget> targets = behindJump(via, 181, 184);
        EngineRun run(m_pool.get(), request(QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3"), targets));
        run.onSecret = [&](const SecretRequest &r) { m_pool->provideSecret(r.run, r.host, passwordUserSecret()); };
        QVERIFY(run.run());
        QCOMPARE(run.secretRequests.size(), 1);
        QCOMPARE(run.secretRequests[0].hostName, via.name);
        for (int i = 0; i < targets.size(); ++i) {
            QVERIFY2(run.results[i].outcome == HostOutcome::Ok, qPrintable(run.results[i].error));
            QCOMPARE(run.results[i].stdoutData, m_fleet.hosts().at(181 + i).address.toUtf8() + '\n');
        }
    }

    void passwordAuthentication()
    {
        requirePasswordUser();
        const FleetHost host = m_fleet.addPasswordHost(false);
        QVERIFY(!host.address.isEmpty());
        HostTarget t = passwordTarget(host);
        EngineRun run(m_pool.get(), request(QStringLiteral("id -un"), {t}));
        int asked = 0;
        run.onSecret = [&](const SecretRequest &r) {
            QCOMPARE(r.kind, SecretKind::Password);
            // A wrong password first: the engine must ask again, saying so.
            m_pool->provideSecret(r.run, r.host, ++asked == 1 ? QByteArray("wrong") : passwordUserSecret());
        };
        QVERIFY(run.run());
        QVERIFY2(run.results[0].outcome == HostOutcome::Ok, qPrintable(run.results[0].error));
        QCOMPARE(run.results[0].stdoutData, passwordUserName().toUtf8() + '\n');
        QCOMPARE(run.secretRequests.size(), 2);
        QVERIFY(!run.secretRequests[0].retry);
        QVERIFY(run.secretRequests[1].retry);

        EngineRun refused(m_pool.get(), request(QStringLiteral("true"), {passwordTarget(host, 1)}));
        refused.onSecret = [&](const SecretRequest &r) { m_pool->provideSecret(r.run, r.host, {}, false); };
        QVERIFY(refused.run());
        QCOMPARE(refused.results[0].failure, FailureKind::Auth);
        QVERIFY2(refused.results[0].error.contains(QStringLiteral("password")), qPrintable(refused.results[0].error));
    }

    void keyboardInteractiveAuthentication()
    {
        requirePasswordUser();
        const FleetHost host = m_fleet.addPasswordHost(true);
        QVERIFY(!host.address.isEmpty());
        EngineRun run(m_pool.get(), request(QStringLiteral("id -un"), {passwordTarget(host)}));
        run.onSecret = [&](const SecretRequest &r) {
            QCOMPARE(r.kind, SecretKind::Password);
            m_pool->provideSecret(r.run, r.host, passwordUserSecret());
        };
        QVERIFY(run.run());
        QVERIFY2(run.results[0].outcome == HostOutcome::Ok, qPrintable(run.results[0].error));
        QCOMPARE(run.secretRequests.size(), 1);
        // PAM's prompt reached the caller: it came through keyboard-interactive.
        QVERIFY2(run.secretRequests[0].detail.contains(QStringLiteral("assword")), qPrintable(run.secretRequests[0].detail));
    }

    void sudoWithPassword()
    {
        requirePasswordUser();
        if (!QFile::exists(QStringLiteral("/usr/bin/sudo")))
            QSKIP("sudo is not installed (make deps installs it)");
        const FleetHost host = m_fleet.addPasswordHost(false);
        QVERIFY(!host.address.isEmpty());
        RunRequest r = request(QStringLiteral("id -u; echo to-stderr >&2"), {passwordTarget(host)});
        r.sudo = true;
        EngineRun run(m_pool.get(), r);
        run.onSecret = [&](const SecretRequest &s) { m_pool->provideSecret(s.run, s.host, passwordUserSecret()); };
        QVERIFY(run.run());
        const HostResult &res = run.results[0];
        QVERIFY2(res.outcome == HostOutcome::Ok, qPrintable(res.error + QString::fromUtf8(res.stderrData)));
        QCOMPARE(res.stdoutData, QByteArray("0\n"));
        QCOMPARE(res.stderrData, QByteArray("to-stderr\n")); // the prompt marker is gone
        QCOMPARE(run.secretRequests.last().kind, SecretKind::Sudo);
        QVERIFY(!run.out[0].contains(passwordUserSecret()) && !run.err[0].contains(passwordUserSecret()));

        EngineRun wrong(m_pool.get(), r);
        wrong.onSecret = [&](const SecretRequest &s) {
            m_pool->provideSecret(s.run, s.host, s.kind == SecretKind::Sudo ? QByteArray("nope") : passwordUserSecret());
        };
        QVERIFY(wrong.run());
        QCOMPARE(wrong.results[0].failure, FailureKind::Sudo);
        QCOMPARE(wrong.results[0].outcome, HostOutcome::Failed);
        QVERIFY2(wrong.results[0].error.contains(QStringLiteral("sudo")), qPrintable(wrong.results[0].error));
        QVERIFY(wrong.results[0].stdoutData.isEmpty());
    }

    void idleConnectionsClose()
    {
        PoolSettings settings;
        settings.threads = 1;
        settings.idleTimeoutMs = 300;
        WorkerPool pool(settings);
        EngineRun run(&pool, request(QStringLiteral("true"), {target(40), target(41)}));
        QVERIFY(run.run());
        // Open right after the run, closed once idle for the timeout.
        QTRY_VERIFY_WITH_TIMEOUT(pool.openConnections() == 2 || pool.openConnections() == 0, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(pool.openConnections(), 0, 5000);
        const int before = m_fleet.connectionCount(40);
        EngineRun again(&pool, request(QStringLiteral("echo again"), {target(40)}));
        QVERIFY(again.run());
        QCOMPARE(again.results[0].stdoutData, QByteArray("again\n"));
        QVERIFY(!again.results[0].reusedConnection);
        QCOMPARE(m_fleet.connectionCount(40) - before, 1);
    }

    void shutdownWithOpenConnections()
    {
        // A separate pool, so the shared one keeps its connections.
        auto pool = std::make_unique<WorkerPool>(PoolSettings{2, 32, 30000, 600000, 3000});
        QList<HostTarget> hosts;
        for (int i = 100; i < 150; ++i)
            hosts.append(target(i));
        EngineRun run(pool.get(), request(QStringLiteral("true"), hosts));
        QVERIFY(run.run());
        QTRY_COMPARE_WITH_TIMEOUT(pool->openConnections(), 50, 5000);
        EngineRun hanging(pool.get(), request(QStringLiteral("sleep 60"), {hosts.first()}));
        hanging.start();
        QTRY_VERIFY_WITH_TIMEOUT(hanging.states[0].contains(HostState::Running), 10000);
        QElapsedTimer timer;
        timer.start();
        pool.reset();
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(hanging.finished);
        QCOMPARE(hanging.results[0].outcome, HostOutcome::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
