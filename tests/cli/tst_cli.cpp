// `chorus run` as a user runs it: the built binary, started with QProcess, against a real sshd fleet.
#include "model/ssh/hostset.h"
#include "sshworker/fleet/localfleet.h"
#include "tests/support/chorusprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Chorus;

namespace {

using Ran = ChorusRun;

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> list = text.split('\n');
    if (!list.isEmpty() && list.last().isEmpty())
        list.removeLast();
    return list;
}

// clush -b style output: "---------------", a header, "---------------", then the group's lines.
QList<QPair<QByteArray, QByteArray>> parseGroups(const QByteArray &text)
{
    QList<QPair<QByteArray, QByteArray>> groups;
    const QList<QByteArray> all = lines(text);
    const QByteArray rule("---------------");
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all[i] == rule && i + 2 < all.size() && all[i + 2] == rule) {
            groups.append({all[i + 1], QByteArray()});
            i += 2;
        } else if (!groups.isEmpty()) {
            groups.last().second += all[i] + '\n';
        }
    }
    return groups;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    LocalFleet m_fleet;
    FleetHost m_refusing;
    QString m_chorus;
    QTemporaryDir m_tmp;

    // A command printing 1 on hosts with an odd last address octet and 0 on the others.
    static QString parityCommand()
    {
        return QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3 | cut -d. -f4 | awk '{print $1 % 2}'");
    }
    bool isOdd(int host) const { return m_fleet.hosts().at(host).address.section(u'.', 3).toInt() % 2 == 1; }
    QString hostNames(int from, int to, int parity = -1) const
    {
        QStringList names;
        for (int i = from; i <= to; ++i) {
            if (parity < 0 || int(isOdd(i)) == parity)
                names.append(m_fleet.hosts().at(i).name);
        }
        return HostSet::fold(names);
    }

    QStringList fleetArgs(const QString &hosts = QStringLiteral("node[01-06]")) const
    {
        return {QStringLiteral("-F"), m_fleet.sshConfigPath(), QStringLiteral("-w"), hosts};
    }

    Ran chorus(const QStringList &args, int timeoutMs = 60000) const
    {
        return runChorus(m_chorus, QStringList{QStringLiteral("run")} + args, std::nullopt, timeoutMs);
    }

    int totalConnections() const
    {
        int total = 0;
        for (int i = 0; i < m_fleet.hosts().size(); ++i)
            total += m_fleet.connectionCount(i);
        return total;
    }

    QString write(const QString &name, const QByteArray &data) const
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
    }

    // An ssh_config of our own for the fleet: any host, the fleet's key, the given known_hosts.
    QString ownConfig(const QString &name, const QString &knownHosts, const QString &extra = {}) const
    {
        return write(name, QStringLiteral("Host *\n    IdentityFile %1\n    IdentitiesOnly yes\n"
                                          "    UserKnownHostsFile %2\n%3")
                               .arg(m_fleet.identityFile(), knownHosts, extra)
                               .toUtf8());
    }

    QString spec(int host) const
    {
        const FleetHost &h = m_fleet.hosts().at(host);
        return QStringLiteral("%1@%2:%3").arg(m_fleet.user(), h.address).arg(h.port);
    }

private Q_SLOTS:
    // Hosts saved with `chorus hosts add` are run on by group with `chorus run -w @group`.
    void savedGroups()
    {
        // The throwaway HOME's known_hosts is the fleet's: profiles use the user's own files.
        QDir().mkpath(QDir::homePath() + QStringLiteral("/.ssh"));
        const QString knownHosts = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
        QFile::remove(knownHosts);
        QVERIFY(QFile::copy(m_fleet.knownHostsPath(), knownHosts));
        for (int i : {0, 1, 2}) {
            const FleetHost &h = m_fleet.hosts().at(i);
            QProcess add;
            add.start(m_chorus, {QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("saved-") + h.name,
                                 QStringLiteral("--host"), h.address, QStringLiteral("--port"), QString::number(h.port),
                                 QStringLiteral("--user"), m_fleet.user(), QStringLiteral("--auth"), QStringLiteral("key"),
                                 QStringLiteral("--key"), m_fleet.identityFile(), QStringLiteral("--group"),
                                 i < 2 ? QStringLiteral("prod/web") : QStringLiteral("prod/db")});
            QVERIFY(add.waitForFinished() && add.exitCode() == 0);
        }
        Ran web = chorus({QStringLiteral("-w"), QStringLiteral("@web"), QStringLiteral("-b"),
                          QStringLiteral("echo saved")});
        QVERIFY2(web.status == 0, web.err.constData());
        QVERIFY2(web.out.contains("saved-node[01-02] (2)") && !web.out.contains("node03"), web.out.constData());
        Ran prod = chorus({QStringLiteral("-w"), QStringLiteral("@prod"), QStringLiteral("--json"), QStringLiteral("true")});
        QCOMPARE(prod.status, 0);
        QCOMPARE(prod.out.count('\n'), 3);
        Ran none = chorus({QStringLiteral("-w"), QStringLiteral("@nosuchgroup"), QStringLiteral("true")});
        QCOMPARE(none.status, 64);
        QVERIFY2(none.err.contains("nosuchgroup"), none.err.constData());
    }

    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        m_chorus = QStringLiteral(CHORUS_EXECUTABLE);
        QVERIFY2(QFileInfo(m_chorus).isExecutable(),
                 qPrintable(m_chorus + QStringLiteral(" is missing: build the chorus target")));
        QString error;
        QVERIFY2(m_fleet.start(6, &error), qPrintable(error));
        m_refusing = m_fleet.addRefusingHost();
        QVERIFY(!m_refusing.address.isEmpty());
        // The parity tests need both kinds among the first hosts.
        QVERIFY(isOdd(0) != isOdd(1));
    }

    void cleanupTestCase() { m_fleet.stop(); }

    void help()
    {
        const Ran ran = chorus({QStringLiteral("--help")});
        QCOMPARE(ran.status, 0);
        QVERIFY2(ran.out.startsWith("Usage: chorus run [options] [--] COMMAND"), ran.out.constData());
        for (const char *word : {"--hosts", "--hosts-file", "--ssh-config", "--fanout", "--timeout",
                                 "--connect-timeout", "--threads", "--host-keys", "--output-dir", "--json",
                                 "--gather", "--diff", "--repeat", "--sudo", "Exit status"})
            QVERIFY2(ran.out.contains(word), word);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named"); // what the message must name

        const QString cfg = m_fleet.sshConfigPath();
        const QString all = QStringLiteral("node[01-06]");
        const QString file = write(QStringLiteral("plain-file"), "x\n");
        const auto row = [&](const char *name, QStringList args, const QString &named) {
            QTest::newRow(name) << args << named;
        };
        const QString F = QStringLiteral("-F"), w = QStringLiteral("-w"), t = QStringLiteral("true");
        row("unknown option", {F, cfg, w, all, QStringLiteral("--bogus"), t}, QStringLiteral("bogus"));
        row("missing value", {F, cfg, t, w}, QStringLiteral("-w"));
        row("no command", {F, cfg, w, all}, QStringLiteral("no command"));
        row("no hosts", {F, cfg, t}, QStringLiteral("no hosts"));
        row("blank host list", {F, cfg, w, QStringLiteral("  "), t}, QStringLiteral("no hosts"));
        row("empty item", {F, cfg, w, QStringLiteral("node01,,node02"), t}, QStringLiteral("empty item"));
        row("malformed range", {F, cfg, w, QStringLiteral("node[01-06],node[3-1]"), t},
            QStringLiteral("[3-1]"));
        row("unclosed bracket", {F, cfg, w, QStringLiteral("node[01-06"), t}, QStringLiteral("node[01-06"));
        row("bad port", {F, cfg, w, all + QStringLiteral(",node01:70000"), t}, QStringLiteral("70000"));
        row("unknown group", {F, cfg, w, all + QStringLiteral(",@nosuchgroup"), t}, QStringLiteral("nosuchgroup"));
        row("missing hosts file",
            {F, cfg, w, all, QStringLiteral("-H"), QStringLiteral("/nonexistent/hosts"), t},
            QStringLiteral("/nonexistent/hosts"));
        row("hosts file is a directory", {F, cfg, w, all, QStringLiteral("-H"), m_tmp.path(), t},
            QStringLiteral("directory"));
        row("two words on a hosts line",
            {F, cfg, w, all, QStringLiteral("-H"),
             write(QStringLiteral("hosts-two"), "node01\nnode02 root\n"), t},
            QStringLiteral("hosts-two:2"));
        row("bad range in hosts file",
            {F, cfg, w, all, QStringLiteral("-H"), write(QStringLiteral("hosts-range"), "# c\nnode[5-x]\n"),
             t},
            QStringLiteral("hosts-range:2"));
        row("missing ssh config", {F, QStringLiteral("/nonexistent/ssh_config"), w, all, t},
            QStringLiteral("/nonexistent/ssh_config"));
        row("fanout zero", {F, cfg, w, all, QStringLiteral("-f"), QStringLiteral("0"), t},
            QStringLiteral("--fanout"));
        row("fanout not a number", {F, cfg, w, all, QStringLiteral("--fanout"), QStringLiteral("many"), t},
            QStringLiteral("many"));
        row("negative timeout", {F, cfg, w, all, QStringLiteral("-t"), QStringLiteral("-1"), t},
            QStringLiteral("--timeout"));
        row("bad connect timeout",
            {F, cfg, w, all, QStringLiteral("--connect-timeout"), QStringLiteral("soon"), t},
            QStringLiteral("--connect-timeout"));
        row("zero threads", {F, cfg, w, all, QStringLiteral("--threads"), QStringLiteral("0"), t},
            QStringLiteral("--threads"));
        row("bad repeat", {F, cfg, w, all, QStringLiteral("--repeat"), QStringLiteral("x"), t},
            QStringLiteral("--repeat"));
        row("bad host key policy", {F, cfg, w, all, QStringLiteral("--host-keys"), QStringLiteral("ask"), t},
            QStringLiteral("--host-keys"));
        row("json with gather", {F, cfg, w, all, QStringLiteral("--json"), QStringLiteral("-b"), t},
            QStringLiteral("--json"));
        row("output dir is a file", {F, cfg, w, all, QStringLiteral("-o"), file, t},
            QStringLiteral("not a directory"));
        row("output dir under a file",
            {F, cfg, w, all, QStringLiteral("-o"), file + QStringLiteral("/sub"), t},
            file + QStringLiteral("/sub"));
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        const int before = totalConnections();
        const Ran ran = chorus(args);
        QVERIFY(ran.finished);
        QCOMPARE(ran.status, 64);
        const QList<QByteArray> errLines = lines(ran.err);
        QVERIFY2(errLines.size() == 1 && errLines[0].startsWith("chorus run: ") &&
                     errLines[0].contains(named.toUtf8()),
                 ran.err.constData());
        QVERIFY(ran.out.isEmpty());
        QCOMPARE(totalConnections(), before); // refused before connecting anywhere
    }

    void streamsLinesPrefixedWithTheirHost()
    {
        const Ran ran =
            chorus(fleetArgs() << QStringLiteral(
                       "echo one; echo oops >&2; printf par; sleep 0.3; printf 'tial\\n'; printf end"));
        QCOMPARE(ran.status, 0);
        QList<QByteArray> out = lines(ran.out);
        QList<QByteArray> err = lines(ran.err);
        QCOMPARE(out.size(), 18);
        for (const FleetHost &host : m_fleet.hosts()) {
            const QByteArray prefix = host.name.toUtf8() + ": ";
            QList<QByteArray> mine;
            for (const QByteArray &line : out) {
                if (line.startsWith(prefix))
                    mine.append(line.mid(prefix.size()));
            }
            // A line printed in two pieces comes out whole; a last line without newline still comes out.
            QCOMPARE(mine, (QList<QByteArray>{"one", "partial", "end"}));
            QVERIFY(err.contains(prefix + "oops"));
        }
        QCOMPARE(err.size(), 6);
        QVERIFY(!ran.err.contains('\r')); // no progress line when stderr is not a terminal
    }

    void jsonHasEveryField()
    {
        const Ran ran =
            chorus(fleetArgs(QStringLiteral("node01,node02,") + m_refusing.name)
                   << QStringLiteral("--json")
                   << QStringLiteral("printf 'say \"hi\"\\ttab\\n'; printf '\\377\\376' >&2; exit 3"));
        QCOMPARE(ran.status, 2); // the refusing host
        const QList<QByteArray> out = lines(ran.out);
        QCOMPARE(out.size(), 3);
        QHash<QString, QJsonObject> byHost;
        for (const QByteArray &line : out) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(doc.isObject(), qPrintable(error.errorString() + QString::fromUtf8(": " + line)));
            byHost.insert(doc.object().value(QStringLiteral("host")).toString(), doc.object());
        }
        const QStringList phases{QStringLiteral("resolved"),      QStringLiteral("tcp_connected"),
                                 QStringLiteral("kex_done"),      QStringLiteral("host_key_checked"),
                                 QStringLiteral("authenticated"), QStringLiteral("channel_opened"),
                                 QStringLiteral("exec_started"),  QStringLiteral("first_byte"),
                                 QStringLiteral("exited")};
        for (const QString &name : {QStringLiteral("node01"), QStringLiteral("node02")}) {
            QVERIFY(byHost.contains(name));
            const QJsonObject o = byHost[name];
            QStringList keys = o.keys();
            keys.sort();
            QCOMPARE(keys.join(u' '),
                     QStringLiteral("connect_attempts duration_ms error exit_status host phases_ms reused_connection "
                                    "signal stderr_b64 stdout truncated"));
            QCOMPARE(o[QStringLiteral("exit_status")].toInt(-1), 3);
            // A fleet host lets every connection in at the first try.
            QCOMPARE(o[QStringLiteral("connect_attempts")].toInt(-1), 1);
            QVERIFY(o[QStringLiteral("signal")].isNull());
            QCOMPARE(o[QStringLiteral("stdout")].toString(), QStringLiteral("say \"hi\"\ttab\n"));
            // Not UTF-8: base64 instead, byte for byte.
            QCOMPARE(QByteArray::fromBase64(o[QStringLiteral("stderr_b64")].toString().toLatin1()),
                     QByteArray("\xff\xfe"));
            QCOMPARE(o[QStringLiteral("truncated")].toBool(true), false);
            QVERIFY(o[QStringLiteral("error")].isNull());
            QVERIFY(o[QStringLiteral("duration_ms")].toDouble() > 0);
            QCOMPARE(o[QStringLiteral("reused_connection")].toBool(true), false);
            const QJsonObject p = o[QStringLiteral("phases_ms")].toObject();
            // Plus the two a host behind a jump host has, null for a direct one.
            QCOMPARE(p.size(), phases.size() + 2);
            QVERIFY(p[QStringLiteral("jump_ready")].isNull() && p[QStringLiteral("tunnel_opened")].isNull());
            double last = 0;
            for (const QString &phase : phases) {
                QVERIFY2(p[phase].isDouble(), qPrintable(phase));
                QVERIFY2(p[phase].toDouble() >= last, qPrintable(phase)); // in the order they happen
                last = p[phase].toDouble();
            }
        }
        const QJsonObject refused = byHost.value(m_refusing.name);
        QVERIFY(refused[QStringLiteral("exit_status")].isNull());
        QVERIFY2(refused[QStringLiteral("error")].toString().contains(QStringLiteral("refused")),
                 qPrintable(refused[QStringLiteral("error")].toString()));
        QCOMPARE(refused[QStringLiteral("stdout")].toString(QStringLiteral("<none>")), QString());
        QCOMPARE(refused[QStringLiteral("stderr")].toString(QStringLiteral("<none>")), QString());
        const QJsonObject p = refused[QStringLiteral("phases_ms")].toObject();
        QVERIFY(p[QStringLiteral("resolved")].isDouble());
        QVERIFY(p[QStringLiteral("exec_started")].isNull());
        QVERIFY(p[QStringLiteral("exited")].isNull());

        const Ran killed = chorus(fleetArgs(QStringLiteral("node03"))
                                  << QStringLiteral("--json") << QStringLiteral("kill -TERM $$"));
        QCOMPARE(killed.status, 1);
        const QJsonObject k = QJsonDocument::fromJson(killed.out).object();
        QCOMPARE(k[QStringLiteral("signal")].toString(), QStringLiteral("TERM"));
        QVERIFY(k[QStringLiteral("exit_status")].isNull());
        QVERIFY(k[QStringLiteral("error")].isNull());
    }

    void gatherAgreesWithClush()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("clush")).isEmpty())
            QSKIP("clush (Debian package clustershell) is not installed to compare with");
        const Ran ours = chorus(fleetArgs() << QStringLiteral("-b") << parityCommand());
        QCOMPARE(ours.status, 0);
        QProcess clush;
        clush.start(QStringLiteral("clush"),
                    {QStringLiteral("-w"), QStringLiteral("node[01-06]"), QStringLiteral("-b"),
                     QStringLiteral("-o"), QStringLiteral("-F ") + m_fleet.sshConfigPath(), parityCommand()});
        QVERIFY(clush.waitForFinished(60000));
        const QByteArray theirs = clush.readAllStandardOutput();
        QCOMPARE(clush.exitCode(), 0);
        auto ourGroups = parseGroups(ours.out);
        auto clushGroups = parseGroups(theirs);
        QCOMPARE(ourGroups.size(), 2);
        std::sort(ourGroups.begin(), ourGroups.end());
        std::sort(clushGroups.begin(), clushGroups.end());
        QCOMPARE(ourGroups, clushGroups);
        QVERIFY(ourGroups.contains({hostNames(0, 5, 1).toUtf8() + " (3)", "1\n"}));

        // The exit status is part of the answer, and the header says it.
        const Ran exits = chorus(fleetArgs() << QStringLiteral("-b")
                                             << QStringLiteral("echo same; exit $(%1)").arg(parityCommand()));
        QCOMPARE(exits.status, 1);
        const auto groups = parseGroups(exits.out);
        QCOMPARE(groups.size(), 2);
        QVERIFY2(groups.contains({hostNames(0, 5, 1).toUtf8() + " (3): exit status 1", "same\n"}),
                 exits.out.constData());
        QVERIFY2(groups.contains({hostNames(0, 5, 0).toUtf8() + " (3)", "same\n"}), exits.out.constData());
    }

    void gatherShowsStderrAndFailures()
    {
        const Ran ran = chorus(fleetArgs(QStringLiteral("node[01-03],") + m_refusing.name)
                               << QStringLiteral("--gather") << QStringLiteral("echo out; echo err >&2"));
        QCOMPARE(ran.status, 2);
        const auto groups = parseGroups(ran.out);
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups[0], (QPair<QByteArray, QByteArray>{"node[01-03] (3)", "out\n[stderr]\nerr\n"}));
        QVERIFY2(groups[1].first.startsWith(m_refusing.name.toUtf8() + " (1): ") &&
                     groups[1].first.contains("refused"),
                 groups[1].first.constData());
    }

    void diffAgainstTheLargestGroup()
    {
        // Five hosts: three of one parity, two of the other.
        const QString hosts = QStringLiteral("node[01-05]");
        int odd = 0;
        for (int i = 0; i < 5; ++i)
            odd += int(isOdd(i));
        QVERIFY(odd == 2 || odd == 3);
        const int big = odd == 3 ? 1 : 0; // the parity of the larger group
        const QString command = QStringLiteral("echo common; %1; echo tail").arg(parityCommand());
        const Ran ran = chorus(fleetArgs(hosts) << QStringLiteral("--diff") << command);
        QCOMPARE(ran.status, 0);
        const QString bigSet = hostNames(0, 4, big);
        const QString smallSet = hostNames(0, 4, 1 - big);
        const QByteArray expected =
            QStringLiteral("--- %1 (3)\n+++ %2 (2)\n@@ -1,3 +1,3 @@\n common\n-%3\n+%4\n tail\n")
                .arg(bigSet, smallSet)
                .arg(big)
                .arg(1 - big)
                .toUtf8();
        QCOMPARE(ran.out, expected);
        if (!QStandardPaths::findExecutable(QStringLiteral("clush")).isEmpty()) {
            QProcess clush;
            clush.start(QStringLiteral("clush"),
                        {QStringLiteral("-w"), hosts, QStringLiteral("--diff"), QStringLiteral("-o"),
                         QStringLiteral("-F ") + m_fleet.sshConfigPath(), command});
            QVERIFY(clush.waitForFinished(60000));
            QCOMPARE(ran.out, clush.readAllStandardOutput()); // same text as clush --diff
        }

        // Only the exit status differs: the headers say how.
        const Ran exits = chorus(fleetArgs(hosts) << QStringLiteral("--diff")
                                                  << QStringLiteral("exit $(%1)").arg(parityCommand()));
        QCOMPARE(exits.status, 1);
        const auto ending = [](int parity) {
            return parity ? QStringLiteral("exit status 1") : QStringLiteral("exit status 0");
        };
        QCOMPARE(exits.out, QStringLiteral("--- %1 (3): %2\n+++ %3 (2): %4\n")
                                .arg(bigSet, ending(big), smallSet, ending(1 - big))
                                .toUtf8());

        const Ran same = chorus(fleetArgs(hosts) << QStringLiteral("--diff") << QStringLiteral("echo same"));
        QCOMPARE(same.status, 0);
        QVERIFY(same.out.isEmpty());
        QVERIFY2(same.err.contains("all 5 hosts answered alike"), same.err.constData());
    }

    void outputDirIsByteExact()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("out/nested"));
        const Ran ran = chorus(
            fleetArgs(QStringLiteral("node01,node02,") + m_refusing.name)
            << QStringLiteral("-o") << dir
            << QStringLiteral("printf 'bin\\000\\377\\376x'; seq 1 100000; printf 'e\\001' >&2; exit 3"));
        QCOMPARE(ran.status, 2);
        QByteArray expected("bin\0\xff\xfex", 7);
        for (int i = 1; i <= 100000; ++i)
            expected += QByteArray::number(i) + '\n';
        for (const char *host : {"node01", "node02"}) {
            const QString stem = dir + u'/' + QString::fromLatin1(host);
            QVERIFY(readFile(stem + QStringLiteral(".out")) == expected);
            QCOMPARE(readFile(stem + QStringLiteral(".err")), QByteArray("e\x01"));
            QCOMPARE(readFile(stem + QStringLiteral(".exit")), QByteArray("3\n"));
        }
        // A host that never ran the command has its files too, with the reason.
        const QString stem = dir + u'/' + m_refusing.name;
        QCOMPARE(readFile(stem + QStringLiteral(".out")), QByteArray());
        QCOMPARE(readFile(stem + QStringLiteral(".err")), QByteArray());
        const QByteArray exit = readFile(stem + QStringLiteral(".exit"));
        QVERIFY2(exit.startsWith("error: ") && exit.contains("refused"), exit.constData());
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), 9); // and nothing else
        // Printed as usual too, the binary bytes as they are.
        QVERIFY(ran.out.startsWith(QByteArray("node0", 5)));
        QVERIFY(ran.out.contains(QByteArray(": bin\0\xff\xfex1\n", 11)));
    }

    void exitStatuses()
    {
        QCOMPARE(chorus(fleetArgs() << QStringLiteral("true")).status, 0);
        QCOMPARE(chorus(fleetArgs() << QStringLiteral("exit $(%1)").arg(parityCommand())).status, 1);
        const Ran refused =
            chorus(fleetArgs(QStringLiteral("node01,") + m_refusing.name) << QStringLiteral("exit 1"));
        QCOMPARE(refused.status, 2); // a failed host outweighs a failed command
        QVERIFY2(refused.err.contains(m_refusing.name.toUtf8() + ": ") && refused.err.contains("refused"),
                 refused.err.constData());
        QVERIFY2(refused.err.contains("node01: exit status 1"), refused.err.constData());
        const Ran slow = chorus(fleetArgs(QStringLiteral("node02"))
                                << QStringLiteral("-t") << QStringLiteral("1") << QStringLiteral("sleep 20"));
        QCOMPARE(slow.status, 2);
        QVERIFY2(slow.err.contains("node02: timed out"), slow.err.constData());
        QVERIFY2(slow.ms < 15000, qPrintable(QString::number(slow.ms)));
    }

    void connectTimeoutOption()
    {
        const FleetHost hole = m_fleet.addBlackHole();
        QVERIFY(!hole.address.isEmpty());
        const Ran ran = chorus(fleetArgs(hole.name) << QStringLiteral("--connect-timeout")
                                                    << QStringLiteral("1") << QStringLiteral("true"));
        QCOMPARE(ran.status, 2);
        QVERIFY2(ran.err.contains("timed out"), ran.err.constData());
        QVERIFY2(ran.ms < 8000, qPrintable(QString::number(ran.ms))); // not the default 10 s
    }

    void repeatReusesConnections()
    {
        QList<int> before;
        for (int i = 0; i < 6; ++i)
            before.append(m_fleet.connectionCount(i));
        const Ran ran = chorus(fleetArgs() << QStringLiteral("--repeat") << QStringLiteral("3")
                                           << QStringLiteral("echo r"));
        QCOMPARE(ran.status, 0);
        QCOMPARE(lines(ran.out).size(), 18);
        const QRegularExpression round(QStringLiteral("^chorus run: round (\\d)/3: \\d+\\.\\d{3} s"));
        QList<int> rounds;
        for (const QByteArray &line : lines(ran.err)) {
            const QRegularExpressionMatch m = round.match(QString::fromUtf8(line));
            if (m.hasMatch())
                rounds.append(m.captured(1).toInt());
        }
        QCOMPARE(rounds, (QList<int>{1, 2, 3}));
        for (int i = 0; i < 6; ++i)
            QCOMPARE(m_fleet.connectionCount(i) - before[i], 1); // one connection per host for all rounds

        const Ran json = chorus(fleetArgs(QStringLiteral("node[01-02]"))
                                << QStringLiteral("--json") << QStringLiteral("--repeat")
                                << QStringLiteral("2") << QStringLiteral("echo r"));
        QCOMPARE(json.status, 0);
        const QList<QByteArray> out = lines(json.out);
        QCOMPARE(out.size(), 4);
        for (const QByteArray &line : out) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const int r = o[QStringLiteral("round")].toInt();
            QVERIFY(r == 1 || r == 2);
            QCOMPARE(o[QStringLiteral("reused_connection")].toBool(), r == 2);
            QCOMPARE(o[QStringLiteral("phases_ms")].toObject()[QStringLiteral("tcp_connected")].isNull(),
                     r == 2);
        }
    }

    void hostsFileAndPlainAddresses()
    {
        const QString hostsFile =
            write(QStringLiteral("hosts"), "# the fleet\nnode01\nnode02   # the second\n\n  node[03-04]\n");
        const Ran ran = chorus({QStringLiteral("-F"), m_fleet.sshConfigPath(), QStringLiteral("-H"),
                                hostsFile, QStringLiteral("echo ok")});
        QCOMPARE(ran.status, 0);
        QList<QByteArray> out = lines(ran.out);
        std::sort(out.begin(), out.end());
        QCOMPARE(out, (QList<QByteArray>{"node01: ok", "node02: ok", "node03: ok", "node04: ok"}));

        // user@address:port with a config that knows no host by name.
        const QString config = ownConfig(QStringLiteral("plain_config"), m_fleet.knownHostsPath());
        const Ran plain =
            chorus({QStringLiteral("-F"), config, QStringLiteral("-w"), spec(0), QStringLiteral("echo ok")});
        QCOMPARE(plain.status, 0);
        QCOMPARE(plain.out, m_fleet.hosts().at(0).address.toUtf8() + ": ok\n");
    }

    void hostKeyPolicy()
    {
        // A known_hosts that lists nobody: strict refuses, accept-new records the key and goes on.
        const QString known = write(QStringLiteral("known_hosts_empty"), QByteArray());
        const QString config = ownConfig(QStringLiteral("policy_config"), known);
        const QStringList args{QStringLiteral("-F"), config, QStringLiteral("-w"), spec(1)};
        const Ran strict = chorus(QStringList(args) << QStringLiteral("true"));
        QCOMPARE(strict.status, 2);
        QVERIFY2(strict.err.contains("not known"), strict.err.constData());
        QCOMPARE(readFile(known), QByteArray());
        const Ran acceptNew =
            chorus(QStringList(args) << QStringLiteral("--host-keys") << QStringLiteral("accept-new")
                                     << QStringLiteral("echo in"));
        QCOMPARE(acceptNew.status, 0);
        const FleetHost &h = m_fleet.hosts().at(1);
        QVERIFY(readFile(known).startsWith(QStringLiteral("[%1]:%2 ").arg(h.address).arg(h.port).toUtf8()));

        // The ssh config has the last word where it speaks (SshConfig's precedence for caller defaults).
        const QString known2 = write(QStringLiteral("known_hosts_empty2"), QByteArray());
        const QString strictConfig = ownConfig(QStringLiteral("strict_config"), known2,
                                               QStringLiteral("    StrictHostKeyChecking yes\n"));
        const Ran configWins =
            chorus({QStringLiteral("-F"), strictConfig, QStringLiteral("-w"), spec(1),
                    QStringLiteral("--host-keys"), QStringLiteral("accept-new"), QStringLiteral("true")});
        QCOMPARE(configWins.status, 2);
        QCOMPARE(readFile(known2), QByteArray());
    }

    void ctrlCCancelsAndReports_data()
    {
        QTest::addColumn<bool>("gather");
        QTest::newRow("streaming") << false;
        QTest::newRow("gather") << true;
    }

    void ctrlCCancelsAndReports()
    {
        QFETCH(bool, gather);
        // The hosts run on this machine, so their commands can leave a mark we can wait for.
        QTemporaryDir marks;
        QStringList args = fleetArgs(QStringLiteral("node[01-03]"));
        if (gather)
            args << QStringLiteral("-b");
        args << QStringLiteral("echo started; touch %1/$$; sleep 30").arg(marks.path());
        QProcess p;
        p.start(m_chorus, QStringList{QStringLiteral("run")} + args);
        QVERIFY(p.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(QDir(marks.path()).entryList(QDir::Files).size(), 3, 30000);
        QElapsedTimer timer;
        timer.start();
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        if (gather) {
            // What was gathered before the interruption is still printed.
            QCOMPARE(parseGroups(out),
                     (QList<QPair<QByteArray, QByteArray>>{{"node[01-03] (3): cancelled", "started\n"}}));
        } else {
            for (const char *host : {"node01", "node02", "node03"}) {
                QVERIFY2(out.contains(QByteArray(host) + ": started\n"), out.constData());
                QVERIFY2(err.contains(QByteArray(host) + ": cancelled\n"), err.constData());
            }
        }
    }

    void progressLineOnATerminal()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("script (util-linux) is needed to give chorus a terminal");
        QStringList quotedArgs{m_chorus, QStringLiteral("run")};
        quotedArgs += fleetArgs(QStringLiteral("node[01-02]"));
        quotedArgs << QStringLiteral("sleep 0.5; echo done");
        for (QString &arg : quotedArgs)
            arg = u'\'' + arg.replace(u'\'', QStringLiteral("'\\''")) + u'\'';
        QProcess p;
        p.start(QStringLiteral("script"),
                {QStringLiteral("-qec"), quotedArgs.join(u' '), QStringLiteral("/dev/null")});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray all = p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(all.contains("\r\033[Kchorus run: 0/2 done, 2 in flight: 0 ok"), all.constData());
        QVERIFY2(all.contains("chorus run: 2 hosts in "), all.constData());
        QVERIFY(all.contains("node01: done"));
    }

    void passwordRefusedWithoutATerminal()
    {
        const FleetHost host = m_fleet.addPasswordHost();
        if (host.address.isEmpty())
            QSKIP("the fleet could not set up its password host (see the log above)");
        // No key at all: the server's password methods are all that is left, and stdin is no terminal.
        const QString config =
            write(QStringLiteral("password_config"),
                  QStringLiteral("Host *\n    IdentityFile none\n    UserKnownHostsFile %1\n")
                      .arg(m_fleet.knownHostsPath())
                      .toUtf8());
        const Ran ran =
            chorus({QStringLiteral("-F"), config, QStringLiteral("-w"),
                    QStringLiteral("%1:%2").arg(host.address).arg(host.port), QStringLiteral("true")},
                   30000);
        QVERIFY(ran.finished);
        QCOMPARE(ran.status, 2);
        QVERIFY2(
            ran.err.contains("a password is needed and none was given (stdin is not a terminal to ask on)"),
            ran.err.constData());
        QCOMPARE(ran.err.count("a password is needed"), 1); // asked about once, not once per method
    }

    void sudo()
    {
        QSKIP(
            "--sudo needs a remote user with a sudo password; the engine's own tests cover sudo against the "
            "password host, and this fleet logs in without one");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
