// `chorus run` for scripts: its stdin sent to every host, --script, the options people bring from
// clush, pssh and pdsh, and runs on more hosts than the process has file descriptors for. The built
// binary against a real sshd fleet, as a user runs it.
#include "sshworker/fleet/localfleet.h"
#include "tests/support/chorusprocess.h"
#include "tests/support/testfiles.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;

namespace {

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> list = text.split('\n');
    if (!list.isEmpty() && list.last().isEmpty())
        list.removeLast();
    return list;
}

// Peak resident memory of a running process, in KiB (VmHWM only grows, so the last reading is the peak).
qint64 peakKib(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestRunOptions : public QObject
{
    Q_OBJECT

    LocalFleet m_fleet;
    QString m_chorus;
    QTemporaryDir m_tmp;

    QStringList fleetArgs(const QString &hosts = QStringLiteral("node[01-10]")) const
    {
        return {QStringLiteral("run"), QStringLiteral("-F"), m_fleet.sshConfigPath(), QStringLiteral("-w"), hosts};
    }
    ChorusRun run(const QStringList &args, const std::optional<QByteArray> &input = std::nullopt,
                  int timeoutMs = 60000) const
    {
        return runChorus(m_chorus, fleetArgs() + args, input, timeoutMs);
    }
    ChorusRun runOn(const QString &hosts, const QStringList &args,
                    const std::optional<QByteArray> &input = std::nullopt) const
    {
        return runChorus(m_chorus, fleetArgs(hosts) + args, input);
    }
    QString write(const QString &name, const QByteArray &data, int mode = 0644) const
    {
        const QString path = m_tmp.filePath(name);
        if (!TestFiles::writeFile(path, data, mode))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    // clush -b's groups: the header line of each ("node[01-10] (10)") and its text.
    static QMap<QByteArray, QByteArray> groups(const QByteArray &out)
    {
        QMap<QByteArray, QByteArray> found;
        const QList<QByteArray> all = lines(out);
        const QByteArray rule("---------------");
        QByteArray current;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all[i] == rule && i + 2 < all.size() && all[i + 2] == rule) {
                current = all[i + 1];
                found[current];
                i += 2;
            } else if (!current.isEmpty()) {
                found[current] += all[i] + '\n';
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        m_chorus = QStringLiteral(CHORUS_EXECUTABLE);
        QString error;
        QVERIFY2(m_fleet.start(10, &error), qPrintable(error));
    }

    void cleanupTestCase() { m_fleet.stop(); }

    // The clush habit: `echo hi | chorus run -w ... cat`.
    void stdinReachesEveryHost()
    {
        const ChorusRun ran = runOn(QStringLiteral("node[01-04]"), {QStringLiteral("cat")}, QByteArray("hi\n"));
        QCOMPARE(ran.status, 0);
        QList<QByteArray> got = lines(ran.out);
        std::sort(got.begin(), got.end());
        QCOMPARE(got, (QList<QByteArray>{"node01: hi", "node02: hi", "node03: hi", "node04: hi"}));
    }

    // 1 MiB of binary data, byte-exact on 10 hosts; with fanout below the host count too, where the
    // hosts that start later need the input from its beginning.
    void binaryInputByteExact_data()
    {
        QTest::addColumn<QString>("fanout");
        QTest::newRow("all at once") << QStringLiteral("64");
        QTest::newRow("three at a time") << QStringLiteral("3");
    }
    void binaryInputByteExact()
    {
        QFETCH(QString, fanout);
        const QByteArray data = TestFiles::randomBytes(1024 * 1024);
        const QByteArray sum = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
        const ChorusRun ran =
            run({QStringLiteral("-f"), fanout, QStringLiteral("-b"), QStringLiteral("sha256sum")}, data);
        QVERIFY2(ran.status == 0, ran.err.constData());
        const auto found = groups(ran.out);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.firstKey(), QByteArray("node[01-10] (10)"));
        QCOMPARE(found.first(), sum + "  -\n");
    }

    // Hosts beyond the fanout need all of the input: kept up to 64 MiB, refused beyond with a message
    // that says how to stream it instead.
    void inputTooLargeToKeep()
    {
        const ChorusRun ran = run({QStringLiteral("-f"), QStringLiteral("3"), QStringLiteral("wc -c")},
                                  QByteArray(65 * 1024 * 1024, 'x'));
        QVERIFY2(ran.finished, qPrintable(QString::number(ran.ms)));
        QCOMPARE(ran.status, 64);
        QVERIFY2(ran.err.contains("stdin is larger than 64 MiB") && ran.err.contains("--fanout 3")
                     && ran.err.contains("raise it to 10"),
                 ran.err.constData());
        QCOMPARE(ran.out, QByteArray());
    }

    void noStdin()
    {
        const ChorusRun ran =
            runOn(QStringLiteral("node[01-02]"), {QStringLiteral("-n"), QStringLiteral("cat; echo end")},
                  QByteArray("not for the hosts\n"));
        QCOMPARE(ran.status, 0);
        QVERIFY2(!ran.out.contains("not for the hosts"), ran.out.constData());
        QCOMPARE(ran.out.count("end\n"), 2);
    }

    // A stream larger than any buffer passes in bounded memory: read as the hosts take it.
    void largeStreamBoundedMemory()
    {
        QProcess generator;
        QProcess chorus;
        generator.setStandardOutputProcess(&chorus);
        generator.start(QStringLiteral("head"), {QStringLiteral("-c"), QStringLiteral("200M"), QStringLiteral("/dev/zero")});
        chorus.start(m_chorus, fleetArgs(QStringLiteral("node[01-02]")) << QStringLiteral("-b") << QStringLiteral("wc -c"));
        QVERIFY(chorus.waitForStarted());
        qint64 peak = 0;
        QElapsedTimer timer;
        timer.start();
        while (!chorus.waitForFinished(50) && timer.elapsed() < 120000)
            peak = qMax(peak, peakKib(chorus.processId()));
        QVERIFY2(chorus.state() == QProcess::NotRunning, "chorus did not finish within 120 s");
        generator.waitForFinished();
        QCOMPARE(chorus.exitCode(), 0);
        const auto found = groups(chorus.readAllStandardOutput());
        QCOMPARE(found.value("node[01-02] (2)"), QByteArray("209715200\n"));
        QVERIFY(peak > 0);
        // The input is held at most 16 MiB ahead of the slowest host, whatever its size.
        QVERIFY2(peak < 150 * 1024, qPrintable(QStringLiteral("peak RSS %1 MiB").arg(peak / 1024)));
        qInfo("200 MiB through chorus run to 2 hosts: peak RSS %lld MiB, %.1f s", peak / 1024,
              double(timer.elapsed()) / 1000);
    }

    // node01 does not read its stdin for a while; the others get theirs and finish first.
    void hostNotReadingDoesNotBlockOthers()
    {
        const QByteArray data = TestFiles::randomBytes(3 * 1024 * 1024);
        const QByteArray sum = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
        const ChorusRun ran = run({QStringLiteral("case $(echo $SSH_CONNECTION | cut -d' ' -f3) in "
                                                  "*.1) sleep 4; echo slept ;; *) sha256sum ;; esac")},
                                  data);
        QCOMPARE(ran.status, 0);
        const QList<QByteArray> got = lines(ran.out);
        QCOMPARE(got.size(), 10);
        QCOMPARE(got.last(), QByteArray("node01: slept"));
        for (qsizetype i = 0; i < 9; ++i)
            QVERIFY2(got[i].endsWith(": " + sum + "  -"), got[i].constData());
    }

    void script()
    {
        const QString shell = write(QStringLiteral("args.sh"),
                                    "#!/bin/sh\nprintf '%s|' \"$#\" \"$@\"; echo\n");
        ChorusRun ran = runOn(QStringLiteral("node[01-02]"),
                              {QStringLiteral("--script"), shell, QStringLiteral("--"), QStringLiteral("a b"),
                               QStringLiteral("c;d"), QStringLiteral("$HOME")});
        QVERIFY2(ran.status == 0, ran.err.constData());
        QCOMPARE(ran.out.count(": 3|a b|c;d|$HOME|\n"), 2);
        // Another interpreter from the shebang, through env.
        const QString python = write(QStringLiteral("args.py"),
                                     "#!/usr/bin/env python3\nimport sys\nprint('python', sys.argv[1:])\n");
        ran = runOn(QStringLiteral("node01"), {QStringLiteral("--script"), python, QStringLiteral("--"),
                                               QStringLiteral("x y")});
        QVERIFY2(ran.status == 0, ran.err.constData());
        QCOMPARE(ran.out, QByteArray("node01: python ['x y']\n"));
        ran = runOn(QStringLiteral("node01"), {QStringLiteral("--script"), m_tmp.filePath(QStringLiteral("missing.sh"))});
        QCOMPARE(ran.status, 64);
        QVERIFY2(ran.err.contains("missing.sh"), ran.err.constData());
    }

    void excludeAndPick()
    {
        ChorusRun ran = run({QStringLiteral("-x"), QStringLiteral("node[02-05],node0[7-9]"), QStringLiteral("-x"),
                             QStringLiteral("nodeX"), QStringLiteral("-x"), QStringLiteral("node?6"),
                             QStringLiteral("-b"), QStringLiteral("echo hi")});
        QCOMPARE(ran.status, 0);
        QCOMPARE(groups(ran.out).firstKey(), QByteArray("node[01,10] (2)"));
        QVERIFY2(ran.err.contains("warning: --exclude: nodeX matched none of the hosts"), ran.err.constData());
        ran = run({QStringLiteral("-x"), QStringLiteral("node*"), QStringLiteral("true")});
        QCOMPARE(ran.status, 64);
        QVERIFY2(ran.err.contains("no hosts left to run on after --exclude"), ran.err.constData());

        QSet<QByteArray> seen;
        for (int round = 0; round < 5; ++round) {
            ran = run({QStringLiteral("--pick"), QStringLiteral("3"), QStringLiteral("echo picked")});
            QCOMPARE(ran.status, 0);
            const QList<QByteArray> got = lines(ran.out);
            QCOMPARE(got.size(), 3);
            QCOMPARE(QSet<QByteArray>(got.begin(), got.end()).size(), 3);
            seen.unite(QSet<QByteArray>(got.begin(), got.end()));
        }
        QVERIFY2(seen.size() > 3, "five picks of 3 in 10 hosts were all the same hosts: not random");
        ran = run({QStringLiteral("--pick"), QStringLiteral("0"), QStringLiteral("true")});
        QCOMPARE(ran.status, 64);
        QVERIFY2(ran.err.contains("--pick"), ran.err.constData());
    }

    // -l and -O are ssh's -l and -o: they win over user@ and over the config.
    void userAndSshOptions()
    {
        ChorusRun ran = runOn(QStringLiteral("node01"), {QStringLiteral("-l"), QStringLiteral("nobody"),
                                                         QStringLiteral("true")});
        QCOMPARE(ran.status, 2);
        QVERIFY2(ran.err.contains("nobody@node01"), ran.err.constData());
        ran = runOn(QStringLiteral("nobody@node01"), {QStringLiteral("-l"), m_fleet.user(), QStringLiteral("id -un")});
        QVERIFY2(ran.status == 0, ran.err.constData());
        QCOMPARE(ran.out, "node01: " + m_fleet.user().toUtf8() + '\n');
        ran = runOn(QStringLiteral("node01"), {QStringLiteral("-O"), QStringLiteral("Port=1"), QStringLiteral("true")});
        QCOMPARE(ran.status, 2);
        QVERIFY2(ran.err.contains("port 1:"), ran.err.constData());
        ran = runOn(QStringLiteral("node01"), {QStringLiteral("-O"), QStringLiteral("Host=x"), QStringLiteral("true")});
        QCOMPARE(ran.status, 64);
        QVERIFY2(ran.err.contains("-O: ") && ran.err.contains("Host"), ran.err.constData());
        ran = runChorus(m_chorus, {QStringLiteral("run"), QStringLiteral("--help")});
        QVERIFY2(ran.out.simplified().contains("There is no -p"), ran.out.constData());
    }

    void noPrefix()
    {
        const ChorusRun ran = runOn(QStringLiteral("node[01-02]"), {QStringLiteral("-N"), QStringLiteral("echo plain")});
        QCOMPARE(ran.status, 0);
        QCOMPARE(ran.out, QByteArray("plain\nplain\n"));
    }

    void quietHasNoProgress()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("script (util-linux) is needed to give chorus a terminal");
        for (const bool quiet : {false, true}) {
            QStringList args{m_chorus};
            args += fleetArgs(QStringLiteral("node[01-02]"));
            if (quiet)
                args << QStringLiteral("-q");
            args << QStringLiteral("sleep 0.5; echo done");
            for (QString &arg : args)
                arg = u'\'' + arg.replace(u'\'', QStringLiteral("'\\''")) + u'\'';
            QProcess p;
            p.start(QStringLiteral("script"), {QStringLiteral("-qec"), args.join(u' '), QStringLiteral("/dev/null")});
            QVERIFY(p.waitForFinished(60000));
            const QByteArray all = p.readAllStandardOutput();
            QCOMPARE(p.exitCode(), 0);
            QVERIFY(all.contains("node01: done"));
            QCOMPARE(all.contains("in flight"), !quiet);
        }
    }

    // A terminal for commands that want one; the end of the input is ^D there.
    void tty()
    {
        ChorusRun ran = runOn(QStringLiteral("node01"), {QStringLiteral("--tty"), QStringLiteral("test -t 0 && echo on a tty")});
        QCOMPARE(ran.status, 0);
        QCOMPARE(ran.out, QByteArray("node01: on a tty\n"));
        ran = runChorus(m_chorus, fleetArgs(QStringLiteral("node01")) << QStringLiteral("--tty") << QStringLiteral("wc -c"),
                        QByteArray("partial"), 20000);
        QVERIFY2(ran.finished, "the command never saw the end of its input");
        QCOMPARE(ran.status, 0);
        QVERIFY2(ran.out.trimmed().endsWith("7"), ran.out.constData());
    }

    void environment()
    {
        ChorusRun ran = runOn(QStringLiteral("node[01-02]"),
                              {QStringLiteral("--env"), QStringLiteral("CHORUS_STAGE=blue green"), QStringLiteral("--env"),
                               QStringLiteral("NOT_ACCEPTED=1"), QStringLiteral("echo \"[$CHORUS_STAGE][$NOT_ACCEPTED]\"")});
        QCOMPARE(ran.status, 0);
        QCOMPARE(ran.out.count("[blue green][]\n"), 2);
        QVERIFY2(ran.err.contains("warning: node[01-02]: the server did not accept the variable NOT_ACCEPTED"),
                 ran.err.constData());
        QCOMPARE(ran.err.count("NOT_ACCEPTED"), 1); // once for all the hosts
        ran = runOn(QStringLiteral("node01"), {QStringLiteral("--env"), QStringLiteral("1BAD=x"), QStringLiteral("true")});
        QCOMPARE(ran.status, 64);
        QVERIFY2(ran.err.contains("1BAD"), ran.err.constData());
    }

    void failFast()
    {
        const ChorusRun ran =
            run({QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("--fail-fast"), QStringLiteral("exit 3")});
        QCOMPARE(ran.status, 2);
        QCOMPARE(ran.err.count("exit status 3"), 1);
        QCOMPARE(ran.err.count("not started: another host failed first (fail-fast)"), 9);
    }

    // More hosts than file descriptors: the soft limit is raised where it can be, and within a hard
    // limit of 256 idle connections are closed to make room, so every host succeeds.
    void moreHostsThanDescriptors()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("prlimit")).isEmpty())
            QSKIP("prlimit (util-linux) is needed to lower the descriptor limit");
        LocalFleet many;
        QString error;
        QVERIFY2(many.start(300, &error), qPrintable(error));
        for (const QString &fanout : {QStringLiteral("64"), QStringLiteral("300")}) {
            const ChorusRun ran = runChorus(
                QStringLiteral("prlimit"),
                {QStringLiteral("--nofile=256:256"), m_chorus, QStringLiteral("run"), QStringLiteral("-F"),
                 many.sshConfigPath(), QStringLiteral("-w"), QStringLiteral("node[001-300]"), QStringLiteral("-f"),
                 fanout, QStringLiteral("-b"), QStringLiteral("echo ok")},
                std::nullopt, 180000);
            QVERIFY2(ran.status == 0, ran.err.right(2000).constData());
            QCOMPARE(groups(ran.out).value("node[001-300] (300)"), QByteArray("ok\n"));
        }
        many.stop();
    }
};

QTEST_GUILESS_MAIN(TestRunOptions)
#include "tst_runoptions.moc"
