// UnifiedDiff against hand-checked answers, GNU diff and GNU patch.
#include "model/compare/unifieddiff.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;

class TestUnifiedDiff : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    QString write(const QString &name, const QByteArray &data) const
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray numbered(int from, int to)
    {
        QByteArray s;
        for (int i = from; i <= to; ++i)
            s += QByteArray::number(i) + '\n';
        return s;
    }

    // GNU diff's unified diff with the same labels; --text so NUL bytes are diffed as lines too.
    QByteArray gnuDiff(const QByteArray &a, const QByteArray &b, bool minimal = false) const
    {
        QProcess p;
        QStringList args{QStringLiteral("-u"),   QStringLiteral("--text"),  QStringLiteral("--label"),
                         QStringLiteral("from"), QStringLiteral("--label"), QStringLiteral("to")};
        if (minimal)
            args << QStringLiteral("--minimal");
        p.start(QStringLiteral("diff"),
                args << write(QStringLiteral("a"), a) << write(QStringLiteral("b"), b));
        if (!p.waitForFinished(30000) || p.exitCode() > 1)
            qFatal("diff failed: %s", p.readAllStandardError().constData());
        return p.readAllStandardOutput();
    }

    // What GNU patch makes of a with our diff applied.
    QByteArray patched(const QByteArray &a, const QByteArray &diff, QString *problem) const
    {
        const QString target = write(QStringLiteral("target"), a);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("patch"), {QStringLiteral("--quiet"), QStringLiteral("--force"),
                                          QStringLiteral("--no-backup-if-mismatch"), QStringLiteral("-r"),
                                          QStringLiteral("-"), target, write(QStringLiteral("patch"), diff)});
        p.waitForFinished(30000);
        if (p.exitCode() != 0)
            *problem = QString::fromUtf8(p.readAll());
        QFile f(target);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

    static int changedLines(const QByteArray &diff)
    {
        int count = 0;
        for (const QByteArray &line : diff.split('\n')) {
            if ((line.startsWith('+') && !line.startsWith("+++ ")) ||
                (line.startsWith('-') && !line.startsWith("--- ")))
                ++count;
        }
        return count;
    }

    // A literal with NUL bytes in it, all of it.
    template <qsizetype N> static QByteArray bytes(const char (&literal)[N])
    {
        return QByteArray(literal, N - 1);
    }

    static QByteArray ours(const QByteArray &a, const QByteArray &b)
    {
        return UnifiedDiff::diff(a, b, QStringLiteral("from"), QStringLiteral("to"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("diff")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("patch")).isEmpty())
            QSKIP("GNU diff and patch are needed to check the diffs (Debian packages diffutils, patch)");
    }

    void identicalInputsGiveNothing()
    {
        QVERIFY(ours(QByteArray(), QByteArray()).isEmpty());
        QVERIFY(ours(numbered(1, 50), numbered(1, 50)).isEmpty());
        QVERIFY(ours("no newline", "no newline").isEmpty());
    }

    void emptyAgainstNonEmpty()
    {
        QCOMPARE(ours(QByteArray(), "a\nb\n"), QByteArray("--- from\n+++ to\n@@ -0,0 +1,2 @@\n+a\n+b\n"));
        QCOMPARE(ours("a\n", QByteArray()), QByteArray("--- from\n+++ to\n@@ -1 +0,0 @@\n-a\n"));
        QCOMPARE(ours(QByteArray(), "a\nb\n"), gnuDiff(QByteArray(), "a\nb\n"));
        QCOMPARE(ours("a\n", QByteArray()), gnuDiff("a\n", QByteArray()));
    }

    void insertionDeletionChange()
    {
        const QByteArray base = numbered(1, 10);
        QByteArray inserted = base;
        inserted.replace("5\n", "5\nx\n");
        QCOMPARE(ours(base, inserted),
                 QByteArray("--- from\n+++ to\n@@ -3,6 +3,7 @@\n 3\n 4\n 5\n+x\n 6\n 7\n 8\n"));
        QCOMPARE(ours(base, numbered(2, 10)),
                 QByteArray("--- from\n+++ to\n@@ -1,4 +1,3 @@\n-1\n 2\n 3\n 4\n"));
        QByteArray changed = numbered(1, 9) + "ten\n";
        QCOMPARE(ours(base, changed),
                 QByteArray("--- from\n+++ to\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+ten\n"));
        for (const QByteArray &other : {inserted, numbered(2, 10), changed})
            QCOMPARE(ours(base, other), gnuDiff(base, other));
    }

    void hunksMergeWithinTwiceTheContext()
    {
        const QByteArray base = numbered(1, 30);
        // Changes at lines 5 and 12 leave 6 equal lines between them: one hunk, as diff makes it.
        QByteArray near = base;
        near.replace("\n5\n", "\nfive\n").replace("\n12\n", "\ntwelve\n");
        QCOMPARE(ours(base, near).count("@@ -"), 1);
        QCOMPARE(ours(base, near), gnuDiff(base, near));
        // Lines 5 and 13: 7 equal lines between them, two hunks.
        QByteArray far = base;
        far.replace("\n5\n", "\nfive\n").replace("\n13\n", "\nthirteen\n");
        QCOMPARE(ours(base, far).count("@@ -"), 2);
        QCOMPARE(ours(base, far), gnuDiff(base, far));
        QCOMPARE(UnifiedDiff::hunks(base, far, 0).count("@@ -"), 2);
        QCOMPARE(UnifiedDiff::hunks(base, far, 0),
                 QByteArray("@@ -5 +5 @@\n-5\n+five\n@@ -13 +13 @@\n-13\n+thirteen\n"));
    }

    void missingTrailingNewline()
    {
        QCOMPARE(ours("a\nb", "a\nc"),
                 QByteArray("--- from\n+++ to\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
                            "+c\n\\ No newline at end of file\n"));
        // The same text with and without a newline are different last lines.
        QCOMPARE(ours("a\nb", "a\nb\n"),
                 QByteArray("--- from\n+++ to\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"));
        // Also marked when the unterminated line is only context.
        QCOMPARE(
            ours("x\nb\nc", "y\nb\nc"),
            QByteArray("--- from\n+++ to\n@@ -1,3 +1,3 @@\n-x\n+y\n b\n c\n\\ No newline at end of file\n"));
        for (const auto &pair : {std::pair<QByteArray, QByteArray>{"a\nb", "a\nc"},
                                 {"a\nb", "a\nb\n"},
                                 {"x\nb\nc", "y\nb\nc"},
                                 {"a", QByteArray()},
                                 {QByteArray(), "a"}})
            QCOMPARE(ours(pair.first, pair.second), gnuDiff(pair.first, pair.second));
    }

    void binaryBytesAreLines()
    {
        const QByteArray a = bytes("text\n\0nul\xff\xfe\nsame\r\nend\n");
        const QByteArray b = bytes("text\n\0nul\xff\xfd\nsame\r\nend\n");
        const QByteArray d = ours(a, b);
        QCOMPARE(
            d,
            bytes(
                "--- from\n+++ to\n@@ -1,4 +1,4 @@\n text\n-\0nul\xff\xfe\n+\0nul\xff\xfd\n same\r\n end\n"));
        QCOMPARE(d, gnuDiff(a, b));
        // "\r\n" and "\n" endings differ.
        QCOMPARE(changedLines(ours("a\r\nb\n", "a\nb\n")), 2);
    }

    void labelsAreUtf8()
    {
        const QByteArray d =
            UnifiedDiff::diff("1\n", "2\n", QStringLiteral("node[01-03] (3) ü"), QStringLiteral("node04"));
        QVERIFY(d.startsWith("--- node[01-03] (3) \xc3\xbc\n+++ node04\n@@ -1 +1 @@\n"));
    }

    // Random edits of random texts: patch turns a into b with our diff, and our diff changes as
    // few lines as GNU diff --minimal does.
    void randomDiffsApplyAndAreMinimal()
    {
        QRandomGenerator rng(20240611);
        for (int round = 0; round < 40; ++round) {
            const auto text = [&rng](int lines) {
                QByteArray s;
                for (int i = 0; i < lines; ++i)
                    s += "l" + QByteArray::number(rng.bounded(8)) + '\n';
                if (rng.bounded(4) == 0 && !s.isEmpty())
                    s.chop(1);
                return s;
            };
            const QByteArray a = text(rng.bounded(40));
            QByteArray b;
            // b: a with some lines dropped, changed and inserted, so they share a lot.
            const QList<QByteArray> lines = a.split('\n');
            for (const QByteArray &line : lines) {
                const int r = rng.bounded(10);
                if (r == 0)
                    continue;
                if (r == 1)
                    b += "new" + QByteArray::number(rng.bounded(3)) + '\n';
                b += line + '\n';
            }
            if (rng.bounded(2))
                b.chop(1);
            const QByteArray d = ours(a, b);
            if (a == b) {
                QVERIFY(d.isEmpty());
                continue;
            }
            QString problem;
            const QByteArray result = patched(a, d, &problem);
            QVERIFY2(problem.isEmpty(), qPrintable(problem + QString::fromUtf8("\n" + d)));
            QVERIFY2(result == b, d.constData());
            QCOMPARE(changedLines(d), changedLines(gnuDiff(a, b, true)));
        }
    }

    void tenThousandLines()
    {
        QRandomGenerator rng(7);
        QByteArray a;
        QByteArray b;
        for (int i = 0; i < 10000; ++i) {
            const QByteArray line = "line " + QByteArray::number(i) + " of the output\n";
            a += line;
            const int r = rng.bounded(100);
            if (r == 0)
                continue; // removed
            if (r == 1)
                b += "changed " + QByteArray::number(i) + '\n';
            else
                b += line;
            if (r == 2)
                b += "inserted\n";
        }
        QElapsedTimer timer;
        timer.start();
        const QByteArray d = ours(a, b);
        const qint64 scattered = timer.restart();
        QString problem;
        QVERIFY2(patched(a, d, &problem) == b, qPrintable(problem));
        QCOMPARE(changedLines(d), changedLines(gnuDiff(a, b, true)));

        // Nothing in common at all, and a file of few distinct lines shuffled: the hard cases.
        QByteArray unrelated;
        for (int i = 0; i < 10000; ++i)
            unrelated += "other " + QByteArray::number(i) + '\n';
        timer.restart();
        QCOMPARE(changedLines(ours(a, unrelated)), 20000);
        const qint64 disjoint = timer.restart();
        QByteArray x;
        QByteArray y;
        for (int i = 0; i < 10000; ++i) {
            x += QByteArray::number(rng.bounded(4)) + '\n';
            y += QByteArray::number(rng.bounded(4)) + '\n';
        }
        timer.restart();
        const QByteArray shuffled = ours(x, y);
        const qint64 similar = timer.elapsed();
        QVERIFY2(patched(x, shuffled, &problem) == y, qPrintable(problem));
        qInfo("10,000 lines: scattered changes %lld ms, unrelated %lld ms, 4 distinct lines %lld ms",
              scattered, disjoint, similar);
        QVERIFY2(scattered < 1000 && disjoint < 1000 && similar < 5000,
                 qPrintable(QStringLiteral("%1 / %2 / %3 ms").arg(scattered).arg(disjoint).arg(similar)));
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
