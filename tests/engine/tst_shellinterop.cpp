// Interactive shells (RunRequest::shell) on servers other than OpenSSH's sshd: dropbear and tinysshd
// as a user meets them, and the hostile asyncssh server (tests/hostile/hostileserver.py) refusing the
// terminal or the shell, lying about window changes, flooding, and sending garbage before it hangs up
// without an exit status. Every server is a real process on 127.0.0.1, reached through an ssh_config
// it was given, as `ssh -F` would; the pool is driven directly.
#include "model/ssh/sshconfig.h"
#include "sshworker/workerpool.h"
#include "tests/support/enginerun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <csignal>
#include <functional>
#include <memory>
#include <unistd.h>

using namespace Chorus;

namespace {

constexpr int startMs = 20000; // a server listening, a shell answering, a run ending
const QByteArray upTo = QByteArrayLiteral("echo hi-$((1+1))\n");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// Runs a helper (ssh-keygen, useradd, ...) to its end, bounded; empty on success, else what it said.
QString runTool(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                QByteArray *output = nullptr)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForStarted(10000))
        return QStringLiteral("%1 did not start").arg(program);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(5000);
        return QStringLiteral("%1 took more than 30 s").arg(program);
    }
    if (output)
        *output = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 %2 failed: %3")
            .arg(program, arguments.join(QLatin1Char(' ')),
                 QString::fromUtf8(p.readAllStandardError()).trimmed());
    return {};
}

QString findTool(const QString &name)
{
    const QString found = QStandardPaths::findExecutable(name);
    if (!found.isEmpty())
        return found;
    return QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Whether something listens on 127.0.0.1:port (in /proc/net/tcp: state 0A), without connecting:
// a probe connection would start a tinysshd that only logs a broken handshake.
bool listening(quint16 port)
{
    const QByteArray want = "0100007F:" + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QByteArray &line : readFile(QStringLiteral("/proc/net/tcp")).split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && fields.at(1) == want && fields.at(3) == "0A")
            return true;
    }
    return false;
}

qint64 residentKiB()
{
    static const QRegularExpression rss(QStringLiteral("VmRSS:\\s+(\\d+)"));
    return rss.match(QString::fromLatin1(readFile(QStringLiteral("/proc/self/status"))))
        .captured(1)
        .toLongLong();
}

// Control characters in an error text: it must be printable however the server worded things.
bool printableText(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0))
            return false;
    }
    return true;
}

// A server started for a test: how to reach it (through the ssh_config it was given), its folder,
// or why it could not be started (error: a failure; skip: a missing tool or root).
struct Started
{
    HostTarget target;
    QString dir;
    QString error;
    QString skip;
    static Started failed(const QString &error)
    {
        Started s;
        s.error = error;
        return s;
    }
    static Started skipped(const QString &why)
    {
        Started s;
        s.skip = why;
        return s;
    }
};

// One server process in a process group of its own, so that stopping it stops what it forked too.
class ServerProcess
{
public:
    ~ServerProcess() { stop(); }
    bool start(const QString &program, const QStringList &arguments, const QString &logPath)
    {
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        if (!logPath.isEmpty())
            m_process.setStandardErrorFile(logPath, QIODevice::Append);
        m_process.setChildProcessModifier([] { ::setsid(); });
        m_process.start();
        return m_process.waitForStarted(10000);
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    QProcess &process() { return m_process; }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        const pid_t group = pid_t(m_process.processId());
        if (group <= 1) // never kill(0) or kill(-1): our own group, or everything
            return;
        ::kill(-group, SIGTERM);
        if (!m_process.waitForFinished(5000)) {
            ::kill(-group, SIGKILL);
            m_process.waitForFinished(5000);
        }
        ::kill(-group, SIGKILL); // what the server forked and left behind
    }

private:
    QProcess m_process;
};

// A shell run that acknowledges its output as it arrives (as a terminal that has shown it) while
// `acking` is true.
struct Shell
{
    Shell(WorkerPool *pool, const HostTarget &target, int columns = 80, int rows = 24) : pool(pool)
    {
        RunRequest r;
        r.hosts = {target};
        r.shell = true;
        r.columns = columns;
        r.rows = rows;
        run = std::make_unique<EngineRun>(pool, r);
        QObject::connect(pool, &WorkerPool::outputReceived, run.get(), [this](const OutputChunk &chunk) {
            if (chunk.run != run->id())
                return;
            received += chunk.data.size();
            if (acking) {
                this->pool->outputConsumed(chunk.run, chunk.host, chunk.data.size() + unacked);
                unacked = 0;
            } else {
                unacked += chunk.data.size();
            }
        });
        id = run->start();
    }
    void type(const QByteArray &keys) { pool->writeInput(id, keys); }
    void ackAll()
    {
        acking = true;
        pool->outputConsumed(id, 0, unacked);
        unacked = 0;
    }
    QByteArray &out() { return run->out[0]; }
    const HostResult result() const { return run->results.value(0); }

    WorkerPool *pool;
    std::unique_ptr<EngineRun> run;
    RunId id = 0;
    bool acking = true;
    qint64 unacked = 0;
    qint64 received = 0;
};

} // namespace

class TestShellInterop : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<WorkerPool> m_pool;
    QTemporaryDir m_tmp;
    std::vector<std::unique_ptr<ServerProcess>> m_servers; // stopped after each test function
    QString m_clientKey;
    QString m_user; // the throwaway user dropbear and tinysshd log in; empty until made
    uid_t m_uid = 0;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    // The ssh_config entry for a server, resolved as `ssh -F FILE NAME` would.
    static bool resolve(const QString &config, const QString &name, HostTarget *target, QString *error)
    {
        return SshConfig::load(config).resolve(name, target, error);
    }

    QString writeConfig(const QString &name, quint16 port, const QString &user, const QString &knownHostsLine,
                        HostTarget *target)
    {
        const QString knownHosts = path(name + QStringLiteral("_known_hosts"));
        const QString config = path(name + QStringLiteral("_ssh_config"));
        const QByteArray text = QStringLiteral("Host %1\n    HostName 127.0.0.1\n    Port %2\n    User %3\n"
                                               "    IdentityFile %4\n    UserKnownHostsFile %5\n"
                                               "    StrictHostKeyChecking yes\n    IdentitiesOnly yes\n")
                                    .arg(name)
                                    .arg(port)
                                    .arg(user, m_clientKey, knownHosts)
                                    .toUtf8();
        if (!writeFile(knownHosts,
                       QStringLiteral("[127.0.0.1]:%1 %2\n").arg(port).arg(knownHostsLine).toUtf8()) ||
            !writeFile(config, text))
            return QStringLiteral("cannot write %1").arg(config);
        QString error;
        resolve(config, name, target, &error);
        return error;
    }

    // dropbear and tinysshd read only ~/.ssh/authorized_keys: a user of our own, made once.
    QString makeUser()
    {
        if (!m_user.isEmpty())
            return {};
        if (::getuid() != 0)
            return QStringLiteral(
                "needs root: the server reads only ~/.ssh/authorized_keys, so the test logs in "
                "a throwaway user it creates");
        const QString name = QStringLiteral("chorus-sh%1").arg(::getpid());
        // Not under /tmp: tinysshd refuses an authorized_keys below a folder others can write to.
        const QString home = QStringLiteral("/home/") + name;
        if (QFileInfo::exists(home))
            return QStringLiteral("%1 already exists").arg(home);
        QString error =
            runTool(QStringLiteral("useradd"), {QStringLiteral("-M"), QStringLiteral("-d"), home,
                                                QStringLiteral("-s"), QStringLiteral("/bin/sh"), name});
        if (!error.isEmpty())
            return error;
        m_user = name;
        QByteArray id;
        if (!(error = runTool(QStringLiteral("id"), {QStringLiteral("-u"), name}, {}, &id)).isEmpty())
            return error;
        m_uid = uid_t(id.trimmed().toUInt());
        // A password of its own, so no server takes the account for a locked one.
        if (!(error = runTool(QStringLiteral("chpasswd"), {},
                              name.toUtf8() + ":Sh-" + QByteArray::number(quint64(::getpid()) * 7919u, 36) +
                                  "x\n"))
                 .isEmpty())
            return error;
        if (!QDir().mkpath(home + QStringLiteral("/.ssh")) ||
            !writeFile(home + QStringLiteral("/.ssh/authorized_keys"),
                       readFile(m_clientKey + QStringLiteral(".pub"))))
            return QStringLiteral("cannot write %1/.ssh/authorized_keys").arg(home);
        if (!(error =
                  runTool(QStringLiteral("chown"), {QStringLiteral("-R"), name + QStringLiteral(":"), home}))
                 .isEmpty())
            return error;
        QFile::setPermissions(home, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                        QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                        QFile::ExeOther);
        QFile::setPermissions(home + QStringLiteral("/.ssh"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(home + QStringLiteral("/.ssh/authorized_keys"),
                              QFile::ReadOwner | QFile::WriteOwner);
        return {};
    }

    void removeUser()
    {
        if (m_user.isEmpty())
            return;
        // The servers are gone; a shell they started may still be on its way out.
        for (int i = 0; i < 50 && userProcesses().size() > 0; ++i)
            QTest::qWait(100);
        for (const int pid : userProcesses())
            ::kill(pid, SIGKILL);
        QDir(QStringLiteral("/home/") + m_user).removeRecursively();
        const QString error = runTool(QStringLiteral("userdel"), {m_user});
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        m_user.clear();
    }

    // Processes of the throwaway user: only shells our servers started for it.
    QList<int> userProcesses() const
    {
        QList<int> pids;
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool number = false;
            const int pid = entry.toInt(&number);
            if (!number)
                continue;
            static const QRegularExpression uidLine(QStringLiteral("^Uid:\\s+(\\d+)"),
                                                    QRegularExpression::MultilineOption);
            const QRegularExpressionMatch m =
                uidLine.match(QString::fromLatin1(readFile(QStringLiteral("/proc/%1/status").arg(pid))));
            if (m.hasMatch() && uid_t(m.captured(1).toUInt()) == m_uid)
                pids.append(pid);
        }
        return pids;
    }

    // Starts a server on a free port, up to five ports; true once it listens.
    bool startListening(const std::function<QStringList(quint16)> &argumentsFor, const QString &program,
                        const QString &log, quint16 *port)
    {
        for (int attempt = 0; attempt < 5; ++attempt) {
            *port = freePort();
            auto server = std::make_unique<ServerProcess>();
            if (!server->start(program, argumentsFor(*port), log))
                continue;
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 10000 && server->running() && !listening(*port))
                QTest::qWait(50);
            if (server->running() && listening(*port)) {
                m_servers.push_back(std::move(server));
                return true;
            }
        }
        return false;
    }

    // The key dropbear prints for its host key file, "ssh-ed25519 BASE64".
    static Started dropbearHostKey(const QString &dropbearkey, const QString &hostKey, QString *publicKey)
    {
        QFile::remove(hostKey);
        QByteArray printed;
        QString error = runTool(
            dropbearkey, {QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-f"), hostKey});
        if (error.isEmpty())
            error = runTool(dropbearkey, {QStringLiteral("-y"), QStringLiteral("-f"), hostKey}, {}, &printed);
        for (const QByteArray &line : printed.split('\n')) {
            if (line.startsWith("ssh-"))
                *publicKey = QString::fromLatin1(line.split(' ').mid(0, 2).join(' '));
        }
        if (error.isEmpty() && publicKey->isEmpty())
            error = QStringLiteral("dropbearkey -y printed no key: ") + QString::fromUtf8(printed);
        return Started::failed(error);
    }

    // tinysshd keeps the raw 32-byte key: the known_hosts blob is string "ssh-ed25519", string key.
    static Started tinysshdHostKey(const QString &makekey, const QString &keys, QString *publicKey)
    {
        QDir(keys).removeRecursively();
        const QString error = runTool(makekey, {keys});
        const QByteArray raw = readFile(keys + QStringLiteral("/ed25519.pk"));
        if (!error.isEmpty() || raw.size() != 32)
            return Started::failed(error.isEmpty() ? QStringLiteral("tinysshd-makekey wrote no ed25519.pk")
                                                   : error);
        auto sshString = [](const QByteArray &text) {
            QByteArray b(4, '\0');
            qToBigEndian(quint32(text.size()), b.data());
            return b + text;
        };
        *publicKey = QStringLiteral("ssh-ed25519 ") +
                     QString::fromLatin1((sshString("ssh-ed25519") + sshString(raw)).toBase64());
        return {};
    }

    // dropbear, or tinysshd under tcpserver, on a free port, logging in the throwaway user.
    Started startServer(const QString &kind)
    {
        const bool dropbear = kind == QLatin1String("dropbear");
        const QStringList tools =
            dropbear ? QStringList{QStringLiteral("dropbear"), QStringLiteral("dropbearkey")}
                     : QStringList{QStringLiteral("tinysshd"), QStringLiteral("tinysshd-makekey"),
                                   QStringLiteral("tcpserver")};
        QStringList found;
        for (const QString &tool : tools) {
            found.append(findTool(tool));
            if (found.last().isEmpty())
                return Started::skipped(QStringLiteral("%1 is not installed (apt-get install %2)")
                                            .arg(tool, dropbear ? QStringLiteral("dropbear-bin")
                                                                : QStringLiteral("tinysshd ucspi-tcp")));
        }
        const QString why = makeUser();
        if (!why.isEmpty())
            return Started::skipped(why);
        const QString hostKey = path(kind + QStringLiteral("-host-key"));
        QString publicKey;
        Started started = dropbear ? dropbearHostKey(found[1], hostKey, &publicKey)
                                   : tinysshdHostKey(found[1], hostKey, &publicKey);
        if (!started.error.isEmpty())
            return started;
        const QString log = path(kind + QStringLiteral(".log"));
        // dropbear -F -E -s: foreground, log to stderr, no passwords. tcpserver -H -R -D -l0: no DNS or
        // ident look-ups, no Nagle; tinysshd -v logs to stderr.
        auto arguments = [&](quint16 port) {
            return dropbear ? QStringList{QStringLiteral("-F"),
                                          QStringLiteral("-E"),
                                          QStringLiteral("-s"),
                                          QStringLiteral("-P"),
                                          path(QStringLiteral("dropbear.pid")),
                                          QStringLiteral("-r"),
                                          hostKey,
                                          QStringLiteral("-p"),
                                          QStringLiteral("127.0.0.1:%1").arg(port)}
                            : QStringList{QStringLiteral("-HRDl0"), QStringLiteral("127.0.0.1"),
                                          QString::number(port),    found[0],
                                          QStringLiteral("-v"),     hostKey};
        };
        quint16 port = 0;
        if (!startListening(arguments, dropbear ? found[0] : found[2], log, &port))
            return Started::failed(
                QStringLiteral("%1 did not start: %2").arg(kind, QString::fromUtf8(readFile(log))));
        started.error = writeConfig(kind, port, m_user, publicKey, &started.target);
        return started;
    }

    // hostileserver.py in one mode, in a folder of its own (Started::dir; server.log is there).
    Started startHostile(const QString &mode, const QStringList &options = {})
    {
        Started started;
        started.dir =
            path(QStringLiteral("hostile-") + mode + options.join(QString()).remove(QLatin1Char('-')));
        QDir().mkpath(started.dir);
        auto server = std::make_unique<ServerProcess>();
        if (!server->start(QStringLiteral(CHORUS_PYTHON),
                           QStringList{QStringLiteral(HOSTILE_SERVER), QStringLiteral("--dir"), started.dir,
                                       QStringLiteral("--mode"), mode} +
                               options,
                           started.dir + QStringLiteral("/stderr.log")))
            return Started::failed(QStringLiteral("%1 %2 did not start: %3")
                                       .arg(QStringLiteral(CHORUS_PYTHON), QStringLiteral(HOSTILE_SERVER),
                                            server->process().errorString()));
        QProcess &p = server->process();
        QElapsedTimer waited;
        waited.start();
        QByteArray line;
        while (!line.endsWith('\n') && waited.elapsed() < startMs && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            line += p.readAllStandardOutput();
        }
        m_servers.push_back(std::move(server));
        if (!line.startsWith("PORT "))
            return Started::failed(
                QStringLiteral("hostileserver.py --mode %1 printed no port: %2 %3")
                    .arg(mode, QString::fromUtf8(line),
                         QString::fromUtf8(readFile(started.dir + QStringLiteral("/stderr.log")))));
        if (!resolve(started.dir + QStringLiteral("/ssh_config"), QStringLiteral("hostile"), &started.target,
                     &started.error))
            return started;
        return started;
    }

    static QByteArray serverLog(const QString &dir) { return readFile(dir + QStringLiteral("/server.log")); }

    // Keys typed into a shell, and the answer they must bring.
    static void answers(Shell &shell, const QByteArray &keys, const QByteArray &answer)
    {
        shell.type(keys);
        QTRY_VERIFY2_WITH_TIMEOUT(shell.out().contains(answer), shell.out().right(400).constData(), startMs);
    }

    // A shell that ends on its own, within the limit: it must not hang.
    static void verifyEnds(Shell &shell)
    {
        QVERIFY2(shell.run->wait(startMs), "the shell run did not end");
        QVERIFY(shell.run->results.contains(0));
    }

    // What a user checks on any server: typed keys come back as the shell's answer, TERM is there,
    // a resize is taken (where the server does window changes) or at least harmless, and `exit 3` is
    // the run's exit status.
    void checkShell(const HostTarget &target, bool windowChange)
    {
        Shell shell(m_pool.get(), target);
        answers(shell, upTo, "hi-2");
        answers(shell, "echo T=$TERM.; echo S1=$(stty size).\n", "S1=24 80.");
        QVERIFY2(shell.out().contains("T=xterm-256color."), shell.out().right(400).constData());
        m_pool->resizeTerminal(shell.id, 0, 100, 30);
        answers(shell, "echo S2=$(stty size).\n", windowChange ? "S2=30 100." : "S2=");
        answers(shell, "echo after-$((40+2))\n", "after-42");
        exitsWith3(shell);
    }

    static void exitsWith3(Shell &shell)
    {
        QVERIFY(!shell.run->finished);
        shell.type("exit 3\n");
        verifyEnds(shell);
        const HostResult r = shell.result();
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.outcome, HostOutcome::NonZeroExit);
        QCOMPARE(r.exitStatus, 3);
    }

    // A channel closed by the server with no exit status or signal: the run ends failed, and says so.
    static void endsWithoutStatus(Shell &shell)
    {
        verifyEnds(shell);
        const HostResult r = shell.result();
        QCOMPARE(r.outcome, HostOutcome::Failed);
        QCOMPARE(r.failure, FailureKind::Channel);
        QCOMPARE(r.exitStatus, -1);
        QVERIFY(r.exitSignal.isEmpty());
        QVERIFY2(r.error.contains(QStringLiteral("without an exit status")), qPrintable(r.error));
        QVERIFY2(printableText(r.error), qPrintable(r.error));
    }

    // Whatever the last shell went through, its connection still runs a command.
    void connectionStillWorks(const HostTarget &target)
    {
        RunRequest r;
        r.command = QStringLiteral("echo still-$((6*7))");
        r.hosts = {target};
        EngineRun run(m_pool.get(), r);
        QVERIFY(run.run(startMs));
        QCOMPARE(run.results[0].outcome, HostOutcome::Ok);
        QCOMPARE(run.results[0].stdoutData, QByteArray("still-42\n"));
        QVERIFY(run.results[0].reusedConnection);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // The throwaway user's servers read its key and their host keys from here.
        QFile::setPermissions(m_tmp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                QFile::ExeOther);
        m_clientKey = path(QStringLiteral("id_ed25519"));
        const QString error = runTool(QStringLiteral("ssh-keygen"),
                                      {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                       QStringLiteral("-N"), QString(), QStringLiteral("-f"), m_clientKey});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        PoolSettings settings;
        settings.threads = 1;
        m_pool = std::make_unique<WorkerPool>(settings);
    }

    void cleanup() { m_servers.clear(); }

    void cleanupTestCase()
    {
        m_pool.reset(); // closes the connections, so the servers' session processes end
        m_servers.clear();
        removeUser();
    }

    void otherServer_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("dropbear") << QStringLiteral("dropbear");
        QTest::newRow("tinysshd") << QStringLiteral("tinysshd");
    }
    void otherServer()
    {
        QFETCH(QString, kind);
        const Started server = startServer(kind);
        if (!server.skip.isEmpty())
            QSKIP(qPrintable(server.skip));
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        checkShell(server.target, true);
    }

    // The hostile server's honest shell (sh on pipes, no terminal behind it): the baseline for the
    // modes below.
    void hostileNormalShell()
    {
        const Started server = startHostile(QStringLiteral("normal"));
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        Shell shell(m_pool.get(), server.target);
        answers(shell, upTo, "hi-2");
        exitsWith3(shell);
        QVERIFY(serverLog(server.dir).contains("pty-req term='xterm-256color' size='80x24'"));
    }

    // A refused pty-req ends the host at once with a clear, printable error naming the terminal.
    void ptyRefused()
    {
        const Started server = startHostile(QStringLiteral("pty-refused"));
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        Shell shell(m_pool.get(), server.target);
        verifyEnds(shell);
        const HostResult r = shell.result();
        QCOMPARE(r.outcome, HostOutcome::Failed);
        QCOMPARE(r.failure, FailureKind::Channel);
        QVERIFY2(r.error.contains(QStringLiteral("refused a terminal")) &&
                     r.error.contains(QStringLiteral("pty-req")),
                 qPrintable(r.error));
        QVERIFY2(printableText(r.error), qPrintable(r.error));
        QVERIFY(serverLog(server.dir).contains("refused request='pty-req'"));
        QVERIFY(!serverLog(server.dir).contains(" shell "));
        connectionStillWorks(server.target);
    }

    // A refused shell request: the same, on a fresh connection and on the reused one (where the
    // engine tries a new connection once, as it does after sshd's own refusals).
    void shellRefused()
    {
        const Started server = startHostile(QStringLiteral("shell-refused"));
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        for (int round = 0; round < 2; ++round) {
            Shell shell(m_pool.get(), server.target);
            verifyEnds(shell);
            const HostResult r = shell.result();
            QCOMPARE(r.outcome, HostOutcome::Failed);
            QCOMPARE(r.failure, FailureKind::Channel);
            QVERIFY2(r.error.contains(QStringLiteral("refused a shell")), qPrintable(r.error));
            QVERIFY2(printableText(r.error), qPrintable(r.error));
        }
        QVERIFY(serverLog(server.dir).count("refused request='shell'") >= 2);
    }

    // Window changes answered with a failure nobody asked for: the size is not applied, but the
    // session goes on and ends with its own exit status.
    void windowChangeFailureKeepsTheShell()
    {
        const Started server = startHostile(QStringLiteral("window-change-liar"));
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        Shell shell(m_pool.get(), server.target);
        answers(shell, upTo, "hi-2");
        for (int i = 0; i < 3; ++i) {
            m_pool->resizeTerminal(shell.id, 0, 100 + i, 30 + i);
            QTRY_VERIFY_WITH_TIMEOUT(serverLog(server.dir).count("window-change size=") == i + 1, startMs);
            answers(shell, "echo alive-$((" + QByteArray::number(i) + "+5))\n",
                    "alive-" + QByteArray::number(i + 5));
        }
        exitsWith3(shell);
    }

    // A server that closes the channel on a window change: the shell ends, promptly and saying the
    // channel closed without an exit status.
    void windowChangeClosesTheChannel()
    {
        const Started server = startHostile(QStringLiteral("window-change-liar"),
                                            {QStringLiteral("--window-change"), QStringLiteral("close")});
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        Shell shell(m_pool.get(), server.target);
        answers(shell, upTo, "hi-2");
        m_pool->resizeTerminal(shell.id, 0, 120, 40);
        endsWithoutStatus(shell);
        QVERIFY(serverLog(server.dir).contains("window-change size='120x40' action='close'"));
        connectionStillWorks(server.target);
    }

    // A shell that floods forever, shown by nobody: what reaches the caller stops at the host's
    // credit and memory stays flat; acknowledged, it flows again; closing it ends it at once.
    void shellFloodIsHeldAtTheCredit()
    {
        const Started server = startHostile(QStringLiteral("shell-flood"));
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        const qint64 credit = m_pool->settings().undeliveredPerHost;
        Shell shell(m_pool.get(), server.target);
        shell.acking = false;
        QTRY_VERIFY_WITH_TIMEOUT(shell.received >= credit / 2, startMs);
        QTest::qWait(1500);
        const qint64 held = shell.received;
        const qint64 rss = residentKiB();
        QVERIFY2(held <= credit + 2 * 1024 * 1024, qPrintable(QString::number(held)));
        QTest::qWait(3000);
        QCOMPARE(shell.received, held); // nothing more while nothing is shown
        QVERIFY2(residentKiB() - rss < 8 * 1024,
                 qPrintable(QStringLiteral("%1 KiB -> %2 KiB").arg(rss).arg(residentKiB())));
        QVERIFY(!shell.run->finished);

        shell.ackAll();
        QTRY_VERIFY_WITH_TIMEOUT(shell.received > held + 2 * credit, startMs);
        shell.acking = false;
        m_pool->cancelHost(shell.id, 0);
        verifyEnds(shell);
        QCOMPARE(shell.result().outcome, HostOutcome::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(serverLog(server.dir).contains("flood-ended"), startMs);
        connectionStillWorks(server.target);
    }

    // Escapes, a 5,000-digit CSI, invalid UTF-8 and a 3 MiB line, then a close with no exit status:
    // every byte reaches the caller as sent (a terminal's business to render), and the run ends
    // saying how it ended. Once shown as it comes, once held until the server has hung up.
    void shellGarbageThenCloseWithoutStatus_data()
    {
        QTest::addColumn<bool>("held");
        QTest::newRow("shown as it comes") << false;
        QTest::newRow("held until the server closed") << true;
    }
    void shellGarbageThenCloseWithoutStatus()
    {
        QFETCH(bool, held);
        const Started server = startHostile(QStringLiteral("shell-garbage"));
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        // Held: a credit smaller than the garbage, so the rest and the close come while the caller
        // has not shown what it was given.
        PoolSettings small = m_pool->settings();
        small.undeliveredPerHost = 2 * 1024 * 1024;
        WorkerPool heldPool(small);
        Shell shell(held ? &heldPool : m_pool.get(), server.target);
        shell.acking = !held;
        if (held) {
            QTRY_VERIFY_WITH_TIMEOUT(shell.received >= small.undeliveredPerHost, startMs);
            // The rest fits in the SSH window: the server sends it all and closes the channel
            // (right after it logs garbage-sent) while the caller still holds its credit's worth.
            QTRY_VERIFY_WITH_TIMEOUT(serverLog(server.dir).contains("garbage-sent"), startMs);
            QTest::qWait(500);
            QVERIFY(!shell.run->finished);
            QCOMPARE(shell.received, small.undeliveredPerHost);
            shell.ackAll();
        }
        endsWithoutStatus(shell);
        const HostResult r = shell.result();
        const QByteArray &out = shell.out();
        static const QRegularExpression header(QStringLiteral("^garbage: (\\d+) bytes follow\r\n"));
        const QRegularExpressionMatch m = header.match(QString::fromLatin1(out.left(64)));
        QVERIFY2(m.hasMatch(), out.left(64).constData());
        QCOMPARE(out.size(), qsizetype(m.capturedLength(0) + m.captured(1).toLongLong()));
        QCOMPARE(r.stdoutBytes, qint64(out.size()));
        QVERIFY(out.contains("\x1b]0;owned\x07"));
        QVERIFY(out.contains("\xff\xfe \xc3\x28"));
        // The 3 MiB line, whole, right before the end.
        const QByteArray end = QByteArrayLiteral("\r\nend of garbage\x1b[");
        QVERIFY(out.endsWith(end));
        const qsizetype line = out.size() - end.size() - (3 << 20);
        QVERIFY(out.mid(line - 2, 2) == "\r\n" && out.mid(line, 3 << 20).count('x') == 3 << 20);
        QVERIFY(serverLog(server.dir).contains("garbage-sent"));
        if (!held)
            connectionStillWorks(server.target);
    }
};

QTEST_GUILESS_MAIN(TestShellInterop)
#include "tst_shellinterop.moc"
