// What turns into the command a host runs: snippet {{parameters}} and local scripts sent on stdin.
#include "model/core/scriptrun.h"
#include "model/core/snippettemplate.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;
using namespace Qt::StringLiterals;

class TestCommandText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void snippetParameters()
    {
        const QString text = u"systemctl restart {{service}} && journalctl -u {{ service }} -n {{lines}}"_s;
        QCOMPARE(SnippetTemplate::parameters(text), (QStringList{u"service"_s, u"lines"_s}));
        QCOMPARE(SnippetTemplate::fill(text, {{u"service"_s, u"nginx"_s}, {u"lines"_s, u"20"_s}}),
                 u"systemctl restart nginx && journalctl -u nginx -n 20"_s);
        // A name without a value stays, so nothing is run half-filled unnoticed.
        QCOMPARE(SnippetTemplate::fill(text, {{u"service"_s, u"sshd"_s}}),
                 u"systemctl restart sshd && journalctl -u sshd -n {{lines}}"_s);
        // Values go in as typed, even when they look like placeholders themselves.
        QCOMPARE(SnippetTemplate::fill(u"{{a}} {{b}}"_s, {{u"a"_s, u"{{b}}"_s}, {u"b"_s, u"x"_s}}), u"{{b}} x"_s);
        // Go templates and other braces are not parameters.
        for (const QString &literal : {u"docker inspect -f '{{.State.Running}}' web"_s,
                                       u"docker inspect -f '{{json .Config}}' web"_s, u"echo {{1x}} {x} {{}}"_s})
            QVERIFY2(SnippetTemplate::parameters(literal).isEmpty(), qPrintable(literal));
        QCOMPARE(SnippetTemplate::parameters(u"时间 {{服务}} {{svc_2-b}}"_s), QStringList{u"svc_2-b"_s});
    }

    void scriptCommands()
    {
        QTemporaryDir dir;
        auto write = [&dir](const QString &name, const QByteArray &content) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly))
                return QString();
            f.write(content);
            return f.fileName();
        };
        QString error;
        const QString plain = write(u"plain.sh"_s, "echo hi\n");
        auto run = ScriptRun::load(plain, {u"it's"_s, u"two words"_s}, 1024, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->command, u"bash -s -- 'it'\\''s' 'two words'"_s);
        QCOMPARE(ScriptRun::load(plain, {u"--host=web1"_s, u"a,b"_s, u"$HOME"_s, u""_s}, 1024, &error)->command,
                 u"bash -s -- --host=web1 a,b '$HOME' ''"_s);
        QCOMPARE(run->content, QByteArray("echo hi\n"));
        const QString python = write(u"tool.py"_s, "#!/usr/bin/env python3\nprint(1)\n");
        run = ScriptRun::load(python, {}, 1024, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->command, u"/usr/bin/env python3 -"_s);
        const QString sh = write(u"s"_s, "#!/bin/sh -e\ntrue\n");
        QCOMPARE(ScriptRun::load(sh, {u"a"_s}, 1024, &error)->command, u"/bin/sh -e -s -- a"_s);
        const QString envBash = write(u"e"_s, "#!/usr/bin/env -S bash -eu\ntrue\n");
        QCOMPARE(ScriptRun::load(envBash, {}, 1024, &error)->command, u"/usr/bin/env -S bash -eu -s --"_s);

        QVERIFY(!ScriptRun::load(dir.filePath(u"missing.sh"_s), {}, 1024, &error));
        QVERIFY2(error.contains(u"missing.sh"_s), qPrintable(error));
        const QString big = write(u"big.sh"_s, QByteArray(2 * 1024 * 1024 + 1, '#'));
        QVERIFY(!ScriptRun::load(big, {}, 2 * 1024 * 1024, &error));
        QVERIFY2(error.contains(u"big.sh"_s) && error.contains(u"2 MiB"_s), qPrintable(error));

        const QString recorded = ScriptRun::recordedCommand(u"bash -s --"_s, u"/tmp/my script.sh"_s);
        QCOMPARE(recorded, u"bash -s -- < '/tmp/my script.sh'"_s);
        QCOMPARE(ScriptRun::commandFromRecord(recorded, u"/tmp/my script.sh"_s), std::optional<QString>(u"bash -s --"_s));
        QCOMPARE(ScriptRun::commandFromRecord(recorded, u"/tmp/other.sh"_s), std::nullopt);
        QCOMPARE(ScriptRun::commandFromRecord(recorded, QString()), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestCommandText)
#include "tst_commandtext.moc"
