// The compare view: output normalisation and word diffs on crafted inputs, the side-by-side diff,
// and CompareView fed by a RunSession (by its handle* slots, and by a real run on a local fleet).
#include "model/compare/outputnormalizer.h"
#include "model/compare/unifieddiff.h"
#include "model/compare/worddiff.h"
#include "model/session/runsession.h"
#include "model/ssh/hostset.h"
#include "sshworker/fleet/localfleet.h"
#include "sshworker/workerpool.h"
#include "widgets/compare/compareview.h"
#include "widgets/compare/diffview.h"
#include "widgets/compare/keyvalueview.h"
#include "widgets/compare/linematrixview.h"
#include "model/compare/keyvaluemodel.h"
#include "model/compare/linematrixmodel.h"

#include <QCheckBox>
#include <QFile>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableView>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextFragment>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace Chorus;

namespace {

// The text of the ranges, for readable comparisons.
QStringList texts(const QString &line, const QList<WordDiff::Range> &ranges)
{
    QStringList out;
    for (const WordDiff::Range &range : ranges)
        out.append(line.mid(range.start, range.length));
    return out;
}

HostResult exited(int status, const QByteArray &out, const QByteArray &err = {})
{
    HostResult result;
    result.outcome = status == 0 ? HostOutcome::Ok : HostOutcome::NonZeroExit;
    result.exitStatus = status;
    result.stdoutData = out;
    result.stderrData = err;
    result.stdoutBytes = out.size();
    result.stderrBytes = err.size();
    return result;
}

HostResult refused()
{
    HostResult result;
    result.outcome = HostOutcome::Failed;
    result.failure = FailureKind::Connect;
    result.error = QStringLiteral("connection refused");
    return result;
}

// Hosts that are never connected to: the session is fed by hand.
RunRequest namedRequest(const QStringList &names)
{
    RunRequest request;
    request.command = QStringLiteral("uname -r");
    for (qsizetype i = 0; i < names.size(); ++i) {
        HostTarget target;
        target.name = names.at(i);
        target.hostname = QStringLiteral("127.0.0.%1").arg(i + 2);
        request.hosts.append(target);
    }
    return request;
}

QByteArray numberedLines(int count, int changeEvery = 0)
{
    QByteArray out;
    for (int i = 1; i <= count; ++i) {
        out += "line " + QByteArray::number(i) + " of the output";
        if (changeEvery > 0 && i % changeEvery == 0)
            out += " (changed)";
        out += '\n';
    }
    return out;
}

QStringList column(const QTreeWidget *tree, int column)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out.append(tree->topLevelItem(i)->text(column));
    return out;
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ---- OutputNormalizer ----

    void normalizerWithoutOptionsChangesNothing()
    {
        const OutputNormalizer normalizer;
        QVERIFY(normalizer.isIdentity());
        const QByteArray data("a  b\r\n\n\0\xff\n", 10);
        const QByteArray out = normalizer.normalize(data);
        QCOMPARE(out, data);
        QCOMPARE(out.constData(), data.constData()); // shared, not copied
        QCOMPARE(normalizer.normalizeStderr(data), data);
    }

    void ignoringWhitespace()
    {
        OutputNormalizer normalizer;
        normalizer.setIgnoreWhitespace(true);
        const QByteArray a = normalizer.normalize("  total 12\r\n\nfoo\t\tbar  \nlast");
        QCOMPARE(a, QByteArray("total 12\nfoo bar\nlast\n"));
        QCOMPARE(normalizer.normalize("total   12\nfoo bar\n\n\nlast\n"), a);
        // Space that separates words from none is a real change, not a white space change.
        QVERIFY(normalizer.normalize("foobar\n") != normalizer.normalize("foo bar\n"));
        QCOMPARE(normalizer.normalize(" \n\t\n"), QByteArray());
    }

    void ignoringLinesMatchingAPattern()
    {
        OutputNormalizer normalizer;
        QVERIFY(normalizer.setIgnorePattern(QStringLiteral("^Date: |took \\d+ ms")));
        QVERIFY(!normalizer.isIdentity());
        QCOMPARE(normalizer.normalize("Date: Mon\nok\nbuild took 12 ms\n"), QByteArray("ok\n"));
        QCOMPARE(normalizer.normalize("Date: Tue\r\nok\n"), QByteArray("ok\n"));
        // Lines are kept as they are, the last one without a newline too.
        QCOMPARE(normalizer.normalize("a  b\nDate: x\nend"), QByteArray("a  b\nend"));

        QString error;
        QVERIFY(!normalizer.setIgnorePattern(QStringLiteral("(unclosed"), &error));
        QVERIFY2(!error.isEmpty(), "an invalid pattern says why");
        QCOMPARE(normalizer.ignorePattern(), QStringLiteral("^Date: |took \\d+ ms")); // still in force
        QVERIFY(normalizer.setIgnorePattern(QString()));
        QVERIFY(normalizer.isIdentity());
    }

    void comparingStdoutOnlyDropsStderr()
    {
        OutputNormalizer normalizer;
        normalizer.setStdoutOnly(true);
        QCOMPARE(normalizer.normalizeStderr("warning: disk 91% full\n"), QByteArray());
        QCOMPARE(normalizer.normalizeStdout("out\n"), QByteArray("out\n"));
    }

    void binaryOutputSurvivesNormalisation()
    {
        OutputNormalizer normalizer;
        normalizer.setIgnoreWhitespace(true);
        QVERIFY(normalizer.setIgnorePattern(QStringLiteral("^skip")));
        const QByteArray binary("\x00\x01\xfe\xff  \x80z\nskip\xff\n\x00\n", 17);
        QCOMPARE(normalizer.normalize(binary), QByteArray("\x00\x01\xfe\xff \x80z\n\x00\n", 10));
    }

    // ---- WordDiff and the structured line diff ----

    void wordDiffFindsAnInLineChange()
    {
        const QString from = QStringLiteral("kernel 6.1.0-13-amd64 installed");
        const QString to = QStringLiteral("kernel 6.1.0-17-amd64 installed");
        const WordDiff::Result result = WordDiff::diff(from, to);
        QCOMPARE(texts(from, result.removed), QStringList{QStringLiteral("13")});
        QCOMPARE(texts(to, result.added), QStringList{QStringLiteral("17")});
        QCOMPARE(result.removed.first().start, 13);
    }

    void wordDiffInsertionsAndDeletions()
    {
        const QString shorter = QStringLiteral("Active: active (running)");
        const QString longer = QStringLiteral("Active: active (running) since Mon");
        WordDiff::Result result = WordDiff::diff(shorter, longer);
        QVERIFY(result.removed.isEmpty());
        QCOMPARE(texts(longer, result.added).join(QString()).trimmed(), QStringLiteral("since Mon"));
        QCOMPARE(result.added.size(), 1); // one phrase, one highlight

        result = WordDiff::diff(longer, shorter);
        QVERIFY(result.added.isEmpty());
        QCOMPARE(texts(longer, result.removed).join(QString()).trimmed(), QStringLiteral("since Mon"));

        // Two changes apart from each other stay two highlights.
        const QString a = QStringLiteral("a 1 b c d 2 e");
        const QString b = QStringLiteral("a 9 b c d 8 e");
        result = WordDiff::diff(a, b);
        QCOMPARE(texts(b, result.added), (QStringList{QStringLiteral("9"), QStringLiteral("8")}));
    }

    void wordDiffEmptyAndEqualLines()
    {
        QCOMPARE(WordDiff::diff(QStringLiteral("same line"), QStringLiteral("same line")),
                 WordDiff::Result());
        const QString text = QStringLiteral("now there is text");
        WordDiff::Result result = WordDiff::diff(QString(), text);
        QVERIFY(result.removed.isEmpty());
        QCOMPARE(result.added, (QList<WordDiff::Range>{{0, int(text.size())}}));
        result = WordDiff::diff(text, QString());
        QCOMPARE(result.removed, (QList<WordDiff::Range>{{0, int(text.size())}}));
        QVERIFY(result.added.isEmpty());
    }

    void wordDiffOnBinaryAndHugeLines()
    {
        // Invalid UTF-8 decodes to U+FFFD; NUL is a character like any other.
        const QString from = QString::fromUtf8(QByteArray("\x00\x01 ab \xff\xfe", 7));
        const QString to = QString::fromUtf8(QByteArray("\x00\x01 ac \xff\xfe", 7));
        const WordDiff::Result result = WordDiff::diff(from, to);
        QCOMPARE(texts(from, result.removed), QStringList{QStringLiteral("ab")});
        QCOMPARE(texts(to, result.added), QStringList{QStringLiteral("ac")});

        const QString huge(WordDiff::MaxLineChars + 1, u'x');
        const QString other = huge + u'y';
        QElapsedTimer clock;
        clock.start();
        const WordDiff::Result whole = WordDiff::diff(huge, other);
        QVERIFY(clock.elapsed() < 1000);
        QCOMPARE(whole.removed, (QList<WordDiff::Range>{{0, int(huge.size())}}));
        QCOMPARE(whole.added, (QList<WordDiff::Range>{{0, int(other.size())}}));
    }

    void lineChangesAsData()
    {
        using C = UnifiedDiff::Change;
        QCOMPARE(UnifiedDiff::changes(QByteArray("a\nb\n"), QByteArray("a\nb\n")), QList<C>());
        QCOMPARE(UnifiedDiff::changes(QByteArray("a\nc\n"), QByteArray("a\nb\nc\n")),
                 (QList<C>{{1, 1, 1, 2}}));
        QCOMPARE(UnifiedDiff::changes(QByteArray("a\nb\nc\n"), QByteArray("a\nc\n")),
                 (QList<C>{{1, 2, 1, 1}}));
        QCOMPARE(UnifiedDiff::changes(QByteArray("a\nb\nc\n"), QByteArray("a\nB\nc\n")),
                 (QList<C>{{1, 2, 1, 2}}));
        QCOMPARE(UnifiedDiff::changes(QByteArray(), QByteArray("x\ny\n")), (QList<C>{{0, 0, 0, 2}}));
        // A last line without its newline differs from the same line with one.
        QCOMPARE(UnifiedDiff::changes(QByteArray("a\nb"), QByteArray("a\nb\n")), (QList<C>{{1, 2, 1, 2}}));
        QCOMPARE(UnifiedDiff::lines("a\nb"), (QList<QByteArrayView>{"a\n", "b"}));
        // And the text diff still says the same as the data.
        QCOMPARE(UnifiedDiff::hunks("a\nb\nc\n", "a\nB\nc\n"),
                 QByteArray("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"));
    }

    // ---- DiffView ----

    void sideBySideRows()
    {
        DiffView view;
        view.resize(800, 400);
        view.setTexts("same\nold value 1\nkept\ngone\nend\n", "same\nnew value 1\nkept\nend\nadded\n",
                      QStringLiteral("left"), QStringLiteral("right"));
        using K = DiffView::RowKind;
        QCOMPARE(view.rowCount(), 6);
        const QList<std::pair<K, K>> expected{{K::Same, K::Same}, {K::Changed, K::Changed},
                                              {K::Same, K::Same}, {K::Removed, K::Filler},
                                              {K::Same, K::Same}, {K::Filler, K::Added}};
        for (int row = 0; row < view.rowCount(); ++row) {
            QCOMPARE(view.rowKind(false, row), expected[row].first);
            QCOMPARE(view.rowKind(true, row), expected[row].second);
        }
        // Both sides have as many rows, so equal lines sit side by side.
        QCOMPARE(view.leftEdit()->document()->blockCount(), 6);
        QCOMPARE(view.rightEdit()->document()->blockCount(), 6);
        QCOMPARE(view.rightEdit()->document()->findBlockByNumber(4).text(), QStringLiteral("end"));
        QCOMPARE(view.leftEdit()->document()->findBlockByNumber(5).text(), QString());
        QCOMPARE(view.wordHighlights(false, 1), (QList<std::pair<int, int>>{{0, 3}}));
        QCOMPARE(view.wordHighlights(true, 1), (QList<std::pair<int, int>>{{0, 3}}));

        // The changed line is coloured, an equal one is not, and the words stand out more.
        const QTextBlock changed = view.rightEdit()->document()->findBlockByNumber(1);
        const QTextBlock same = view.rightEdit()->document()->findBlockByNumber(0);
        QVERIFY(changed.blockFormat().hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(!same.blockFormat().hasProperty(QTextFormat::BackgroundBrush));
        const QColor line = changed.blockFormat().background().color();
        const QColor word = changed.begin().fragment().charFormat().background().color();
        QVERIFY(word.isValid());
        QVERIFY(line != word);
        QVERIFY(word.green() > word.red()); // added is green on the right

        // Navigation: three changes, stepped through in order.
        QCOMPARE(view.changeCount(), 3);
        auto *label = view.findChild<QLabel *>(QStringLiteral("changePositionLabel"));
        QCOMPARE(label->text(), QStringLiteral("3 changes"));
        QVERIFY(!view.previousButton()->isEnabled());
        view.nextButton()->click();
        QCOMPARE(view.currentChange(), 0);
        QCOMPARE(label->text(), QStringLiteral("Change 1 of 3"));
        view.nextButton()->click();
        view.nextButton()->click();
        QCOMPARE(view.currentChange(), 2);
        QVERIFY(!view.nextButton()->isEnabled());
        view.previousButton()->click();
        QCOMPARE(view.currentChange(), 1);
        QCOMPARE(view.leftEdit()->textCursor().blockNumber(), view.changeRow(1));
    }

    void coloursFollowThePalette()
    {
        DiffView view;
        view.setTexts("a\n", "b\n", QString(), QString());
        for (const auto &[base, text] : {std::pair{QColor(Qt::white), QColor(Qt::black)},
                                         std::pair{QColor(0x20, 0x20, 0x20), QColor(0xee, 0xee, 0xee)}}) {
            QPalette palette = view.palette();
            palette.setColor(QPalette::Base, base);
            palette.setColor(QPalette::Text, text);
            view.setPalette(palette);
            for (QPlainTextEdit *edit : {view.leftEdit(), view.rightEdit()}) {
                const QTextBlock block = edit->document()->firstBlock();
                const QColor line = block.blockFormat().background().color();
                const QColor word = block.begin().fragment().charFormat().background().color();
                // Tinted, but still on the palette's side of light or dark, so its text stays readable.
                QVERIFY(line != base);
                for (const QColor &c : {line, word}) {
                    QVERIFY2(qAbs(c.lightnessF() - text.lightnessF()) > 0.35,
                             qPrintable(QStringLiteral("%1 on %2").arg(text.name(), c.name())));
                }
            }
        }
    }

    void identicalAndEmptyOutputs()
    {
        DiffView view;
        view.setTexts("x\n", "x\n", QString(), QString());
        QCOMPARE(view.changeCount(), 0);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("changePositionLabel"))->text(),
                 QStringLiteral("No differences"));
        QVERIFY(!view.nextButton()->isEnabled());

        view.setTexts("x\ny", "x\ny\n", QString(), QString());
        QCOMPARE(view.rowKind(true, 1), DiffView::RowKind::Changed);
        QVERIFY(view.rowText(false, 1).contains(QStringLiteral("no newline")));
        QCOMPARE(view.rowText(true, 1), QStringLiteral("y"));

        view.setTexts(QByteArray(), "only here\n", QString(), QString());
        QCOMPARE(view.rowCount(), 1);
        QCOMPARE(view.rowKind(false, 0), DiffView::RowKind::Filler);
        QCOMPARE(view.rowKind(true, 0), DiffView::RowKind::Added);
    }

    void binaryIsShownVisibly()
    {
        DiffView view;
        view.setTexts(QByteArray("a\x00"
                                 "b\r\n",
                                 5),
                      QByteArray("a\x01"
                                 "b\r\n",
                                 5),
                      QString(), QString());
        QCOMPARE(view.rowCount(), 1);
        QCOMPARE(view.rowText(false, 0), QStringLiteral("a\u2400b\u240d"));
        QCOMPARE(view.rowText(true, 0), QStringLiteral("a\u2401b\u240d"));
        QCOMPARE(view.rowKind(true, 0), DiffView::RowKind::Changed);
    }

    void largeOutputsAndSynchronisedScrolling()
    {
        DiffView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QByteArray from = numberedLines(10000);
        const QByteArray to = numberedLines(10000, 97);
        QElapsedTimer clock;
        clock.start();
        view.setTexts(from, to, QStringLiteral("reference"), QStringLiteral("outlier"));
        const qint64 ms = clock.elapsed();
        qInfo("10,000 lines with %d changed ones shown in %lld ms", int(10000 / 97), ms);
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
        QCOMPARE(view.changeCount(), 10000 / 97);
        QCOMPARE(view.rowCount(), 10000);

        view.goToChange(view.changeCount() / 2);
        QCOMPARE(view.topRow(), view.changeRow(view.changeCount() / 2) - 3); // a little context above
        QCOMPARE(view.rightEdit()->verticalScrollBar()->value(),
                 view.leftEdit()->verticalScrollBar()->value());
        view.rightEdit()->verticalScrollBar()->setValue(1234);
        QCOMPARE(view.leftEdit()->verticalScrollBar()->value(), 1234);
        view.leftEdit()->horizontalScrollBar()->setValue(view.leftEdit()->horizontalScrollBar()->maximum());
        QCOMPARE(view.rightEdit()->horizontalScrollBar()->value(),
                 view.leftEdit()->horizontalScrollBar()->value());

        // Unrelated outputs: every line differs.
        clock.restart();
        view.setTexts(numberedLines(10000), numberedLines(10000, 1), QString(), QString());
        qInfo("10,000 lines all changed shown in %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(view.rowKind(true, 9999), DiffView::RowKind::Changed);
    }

    // ---- CompareView fed by RunSession's slots ----

    void groupsFromResults()
    {
        RunSession session(
            namedRequest({QStringLiteral("web01"), QStringLiteral("web02"), QStringLiteral("web03"),
                          QStringLiteral("web07"), QStringLiteral("db1"), QStringLiteral("db2")}));
        session.start(1);
        CompareView view(&session);
        view.resize(1000, 600);
        QCOMPARE(view.groupList()->topLevelItemCount(), 0);

        // Hosts join as they finish.
        session.handleHostFinished(1, 0, exited(0, "6.1.0-13-amd64\n"));
        session.handleHostFinished(1, 4, exited(0, "6.1.0-17-amd64\n"));
        session.flush();
        QCOMPARE(column(view.groupList(), CompareView::CountColumn),
                 (QStringList{QStringLiteral("1"), QStringLiteral("1")}));
        session.handleHostFinished(1, 1, exited(0, "6.1.0-13-amd64\n"));
        session.handleHostFinished(1, 2, exited(0, "6.1.0-13-amd64\n"));
        session.handleHostFinished(1, 3, exited(0, "6.1.0-13-amd64\n"));
        session.handleHostFinished(1, 5, refused());
        session.flush();

        QTreeWidget *tree = view.groupList();
        QCOMPARE(column(tree, CompareView::CountColumn),
                 (QStringList{QStringLiteral("4"), QStringLiteral("1"), QStringLiteral("1")}));
        QCOMPARE(
            column(tree, CompareView::HostsColumn),
            (QStringList{QStringLiteral("web[01-03,07]"), QStringLiteral("db1"), QStringLiteral("db2")}));
        QCOMPARE(
            column(tree, CompareView::RoleColumn),
            (QStringList{QStringLiteral("Reference"), QStringLiteral("Outlier"), QStringLiteral("Outlier")}));
        QCOMPARE(tree->topLevelItem(0)->text(CompareView::EndingColumn), QStringLiteral("exit status 0"));
        QCOMPARE(tree->topLevelItem(2)->text(CompareView::EndingColumn),
                 QStringLiteral("connection refused"));
        QCOMPARE(tree->topLevelItem(1)->text(CompareView::OutputColumn), QStringLiteral("6.1.0-17-amd64"));
        QCOMPARE(view.outliers(), (QList<int>{4, 5}));
        QCOMPARE(view.failedHosts(), QList<int>{5});

        // The diff shows the reference against the largest outlier until a group is chosen.
        QCOMPARE(view.diffView()->rowText(false, 0), QStringLiteral("6.1.0-13-amd64"));
        QCOMPARE(view.diffView()->rowText(true, 0), QStringLiteral("6.1.0-17-amd64"));
        QCOMPARE(view.diffView()->wordHighlights(true, 0), (QList<std::pair<int, int>>{{6, 2}}));

        // Clicking a group selects its hosts.
        QSignalSpy selected(&view, &CompareView::hostsSelected);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRect first = tree->visualItemRect(tree->topLevelItem(0));
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, first.center());
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().first().value<QList<int>>(), (QList<int>{0, 1, 2, 3}));
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, first.center(), 500); // not a double click
        QCOMPARE(selected.size(), 2); // clicked again: selected again
        view.selectGroup(2);
        QCOMPARE(selected.last().first().value<QList<int>>(), QList<int>{5});
        QVERIFY(view.diffView()->findChild<QLabel *>(QStringLiteral("rightLabel"))->text().contains(u"db2"));

        // The rerun buttons ask for exactly those hosts.
        QSignalSpy rerun(&view, &CompareView::rerunRequested);
        view.rerunOutliersButton()->click();
        view.rerunFailedButton()->click();
        QCOMPARE(rerun.size(), 2);
        QCOMPARE(rerun.at(0).first().value<QList<int>>(), (QList<int>{4, 5}));
        QCOMPARE(rerun.at(1).first().value<QList<int>>(), QList<int>{5});
    }

    void normalisationChangesGroupingNotOutput()
    {
        RunSession session(namedRequest(
            {QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3"), QStringLiteral("n4")}));
        session.start(1);
        session.handleHostFinished(1, 0, exited(0, "load 0.1\nDate: Mon 10:00\n"));
        session.handleHostFinished(1, 1, exited(0, "load   0.1  \nDate: Mon 10:00\n"));
        session.handleHostFinished(1, 2, exited(0, "load 0.1\nDate: Mon 10:01\n"));
        session.handleHostFinished(1, 3, exited(0, "load 0.1\nDate: Mon 10:00\n", "warning: low disk\n"));
        session.flush();
        CompareView view(&session);
        QCOMPARE(view.groups().size(), 4);
        QVERIFY(view.rerunOutliersButton()->isEnabled());
        QVERIFY(!view.rerunFailedButton()->isEnabled());

        view.ignoreWhitespaceBox()->setChecked(true); // as a user clicks it
        QCOMPARE(view.groups().size(), 3);
        QCOMPARE(view.groups().first().members, (QList<int>{0, 1}));

        view.ignorePatternEdit()->setText(QStringLiteral("^Date:"));
        QTRY_COMPARE(view.groups().size(), 2); // applied after typing pauses
        QCOMPARE(view.groups().first().members, (QList<int>{0, 1, 2}));

        view.stdoutOnlyBox()->setChecked(true);
        QCOMPARE(view.groups().size(), 1);
        QCOMPARE(view.groups().first().members.size(), 4);
        QVERIFY(!view.rerunOutliersButton()->isEnabled());
        QVERIFY(view.outliers().isEmpty());

        // An invalid pattern is refused and said so; the grouping stays.
        QVERIFY(!view.setIgnorePattern(QStringLiteral("([")));
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("patternErrorLabel"))->isHidden());
        QCOMPARE(view.groups().size(), 1);

        // The stored output is untouched.
        QCOMPARE(session.result(1).stdoutData, QByteArray("load   0.1  \nDate: Mon 10:00\n"));
        view.stdoutOnlyBox()->setChecked(false);
        view.ignoreWhitespaceBox()->setChecked(false);
        QVERIFY(view.setIgnorePattern(QString()));
        QCOMPARE(view.groups().size(), 4);
    }

    void emptyAndBinaryOutputsGroup()
    {
        RunSession session(namedRequest({QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}));
        session.start(1);
        CompareView view(&session);
        session.handleHostFinished(1, 0, exited(0, QByteArray("\x00\xff\x01", 3)));
        session.handleHostFinished(1, 1, exited(0, QByteArray("\x00\xff\x01", 3)));
        session.handleHostFinished(1, 2, exited(1, QByteArray()));
        session.flush();
        QCOMPARE(view.groups().size(), 2);
        QCOMPARE(view.groupList()->topLevelItem(1)->text(CompareView::OutputColumn),
                 QStringLiteral("(no output)"));
        QCOMPARE(view.groupList()->topLevelItem(1)->text(CompareView::EndingColumn),
                 QStringLiteral("exit status 1"));
        QCOMPARE(view.failedHosts(), QList<int>{2});
        QCOMPARE(view.diffView()->rowKind(false, 0), DiffView::RowKind::Changed); // against "exit status 1"
        QVERIFY(view.diffView()->rowText(false, 0).startsWith(QStringLiteral("\u2400\ufffd\u2401")));
    }

    // Hosts that printed the same but exited differently are two groups, and the diff says how
    // they differ; on a tie the group that succeeded is the reference, whichever finished first.
    void exitStatusIsADifference()
    {
        RunSession session(namedRequest({QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3"),
                                         QStringLiteral("n4"), QStringLiteral("n5"), QStringLiteral("n6"),
                                         QStringLiteral("n7"), QStringLiteral("n8")}));
        session.start(1);
        CompareView view(&session);
        for (int host = 0; host < 8; ++host)
            session.handleHostFinished(1, host, exited(host < 4 ? 1 : 0, "same output\n"));
        session.flush();
        QCOMPARE(view.groups().size(), 2);
        QCOMPARE(column(view.groupList(), CompareView::RoleColumn),
                 (QStringList{QStringLiteral("Reference"), QStringLiteral("Outlier")}));
        QCOMPARE(view.groups().first().members, (QList<int>{4, 5, 6, 7}));
        QCOMPARE(view.groupList()->topLevelItem(0)->text(CompareView::EndingColumn), QStringLiteral("exit status 0"));
        QCOMPARE(view.outliers(), (QList<int>{0, 1, 2, 3}));
        QCOMPARE(view.groupList()->topLevelItem(1)->text(CompareView::OutputColumn),
                 QStringLiteral("(same output, exit status 1)"));

        DiffView *diff = view.diffView();
        QCOMPARE(diff->changeCount(), 1);
        QCOMPARE(diff->findChild<QLabel *>(QStringLiteral("changePositionLabel"))->text(), QStringLiteral("1 change"));
        const int row = diff->changeRow(0);
        QCOMPARE(diff->rowKind(true, row), DiffView::RowKind::Changed);
        QVERIFY2(diff->rowText(false, row).contains(u"exit status 0"), qPrintable(diff->rowText(false, row)));
        QVERIFY2(diff->rowText(true, row).contains(u"exit status 1"), qPrintable(diff->rowText(true, row)));
        QCOMPARE(diff->rowKind(true, 0), DiffView::RowKind::Same); // the output itself
    }

    // The reference is the largest group that succeeded, even when a failing group is larger; a
    // failing group only when none succeeded.
    void referencePrefersSuccess()
    {
        RunSession session(namedRequest({QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"),
                                         QStringLiteral("a4"), QStringLiteral("a5")}));
        session.start(1);
        CompareView view(&session);
        session.handleHostFinished(1, 0, exited(2, "", "no such file\n"));
        session.handleHostFinished(1, 1, exited(2, "", "no such file\n"));
        session.handleHostFinished(1, 2, exited(2, "", "no such file\n"));
        session.flush();
        QCOMPARE(view.groups().size(), 1);
        QCOMPARE(view.groupList()->topLevelItem(0)->text(CompareView::RoleColumn), QStringLiteral("Reference"));
        session.handleHostFinished(1, 3, exited(0, "ok\n"));
        session.handleHostFinished(1, 4, exited(0, "ok, but other\n"));
        session.flush();
        QCOMPARE(column(view.groupList(), CompareView::CountColumn),
                 (QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("1")}));
        QCOMPARE(view.groups().first().members, QList<int>{3}); // succeeded, first in the run's order
        QCOMPARE(view.outliers(), (QList<int>{0, 1, 2, 4}));
    }

    // Lines the user ignores are greyed in the diff, not counted as changes.
    void ignoredLinesAreGreyed()
    {
        RunSession session(namedRequest({QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3")}));
        session.start(1);
        CompareView view(&session);
        session.handleHostFinished(1, 0, exited(0, "Date: Mon 10:00\nversion 1\n"));
        session.handleHostFinished(1, 1, exited(0, "Date: Mon 10:00\nversion 1\n"));
        session.handleHostFinished(1, 2, exited(0, "Date: Tue 11:30\nversion 2\n"));
        session.flush();
        DiffView *diff = view.diffView();
        QCOMPARE(diff->changeCount(), 1);
        QCOMPARE(diff->rowKind(true, 0), DiffView::RowKind::Changed);

        QVERIFY(view.setIgnorePattern(QStringLiteral("^Date:")));
        QCOMPARE(view.groups().size(), 2); // version still differs
        QCOMPARE(diff->rowKind(true, 0), DiffView::RowKind::Ignored);
        QCOMPARE(diff->rowKind(false, 0), DiffView::RowKind::Ignored);
        QCOMPARE(diff->rowKind(true, 1), DiffView::RowKind::Changed);
        QCOMPARE(diff->changeCount(), 1);
        QCOMPARE(diff->changeRow(0), 1);
        // Greyed: the palette's placeholder colour, no red or green background.
        const QTextBlock greyed = diff->rightEdit()->document()->findBlockByNumber(0);
        QCOMPARE(greyed.begin().fragment().charFormat().foreground().color(),
                 diff->palette().color(QPalette::PlaceholderText));
        QVERIFY(!greyed.blockFormat().hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(diff->rightEdit()->document()->findBlockByNumber(1).blockFormat().hasProperty(QTextFormat::BackgroundBrush));
        // The list shows where they part, past the ignored line.
        QCOMPARE(view.groupList()->topLevelItem(1)->text(CompareView::OutputColumn), QStringLiteral("version 2"));

        // Only ignored lines differ: no change to step to, and the label says why.
        RunSession other(namedRequest({QStringLiteral("m1"), QStringLiteral("m2")}));
        other.start(1);
        CompareView second(&other);
        other.handleHostFinished(1, 0, exited(0, "Date: Mon\nsame\n"));
        other.handleHostFinished(1, 1, exited(1, "Date: Tue\nsame\n"));
        other.flush();
        QVERIFY(second.setIgnorePattern(QStringLiteral("^Date:|exit status")));
        QCOMPARE(second.diffView()->changeCount(), 0);
        QCOMPARE(second.diffView()->findChild<QLabel *>(QStringLiteral("changePositionLabel"))->text(),
                 QStringLiteral("No differences but in ignored lines"));
    }

    // Groups that begin alike are told apart by the first line where they part.
    void outputColumnShowsTheFirstDifferingLine()
    {
        RunSession session(namedRequest({QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3"),
                                         QStringLiteral("n4")}));
        session.start(1);
        CompareView view(&session);
        const QByteArray head = "Package: openssl\nStatus: install ok installed\n";
        session.handleHostFinished(1, 0, exited(0, head + "Version: 3.0.11\n"));
        session.handleHostFinished(1, 1, exited(0, head + "Version: 3.0.11\n"));
        session.handleHostFinished(1, 2, exited(0, head + "Version: 3.0.9\n"));
        session.handleHostFinished(1, 3, exited(0, head));
        session.flush();
        QCOMPARE(column(view.groupList(), CompareView::OutputColumn),
                 (QStringList{QStringLiteral("Version: 3.0.11"), QStringLiteral("Version: 3.0.9"),
                              QStringLiteral("(ends after line 2)")}));
    }

    // The Lines view on a real run: every host prints 1..30 less a line or two chosen by its
    // address; the matrix shows exactly those lines, each with exactly the hosts that printed it.
    void lineMatrixOnTheFleet()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        LocalFleet fleet;
        QString error;
        QVERIFY2(fleet.start(6, &error), qPrintable(error));
        WorkerPool pool;
        RunRequest request;
        // Host i leaves out line i+1, and the even ones line 20 as well.
        QString cases;
        for (int i = 0; i < 6; ++i)
            cases += QStringLiteral("%1) seq 1 30 | grep -vx -e %2 %3;; ")
                         .arg(fleet.hosts().at(i).address)
                         .arg(i + 1)
                         .arg(i % 2 == 0 ? QStringLiteral("-e 20") : QString());
        request.command = QStringLiteral("case $(echo $SSH_CONNECTION | cut -d' ' -f3) in %1esac").arg(cases);
        for (const FleetHost &host : fleet.hosts())
            request.hosts.append(fleet.target(host));
        RunSession session(request);
        connect(&pool, &WorkerPool::outputReceived, &session, &RunSession::handleOutput);
        connect(&pool, &WorkerPool::hostFinished, &session, &RunSession::handleHostFinished);
        connect(&pool, &WorkerPool::runFinished, &session, &RunSession::handleRunFinished);
        CompareView view(&session);
        view.resize(1000, 600);
        view.show();
        view.viewTabs()->setCurrentWidget(view.lineMatrixView()); // as a click on "Lines" does
        session.start(pool.start(session.request()));
        QTRY_VERIFY_WITH_TIMEOUT(session.isFinished(), 60000);
        session.flush();
        LineMatrixView *lines = view.lineMatrixView();
        QTRY_VERIFY(!lines->isBuilding() && lines->model()->matrix().hostCount() == 6);
        QCOMPARE(view.groups().size(), 6);

        // Which line, which hosts: worked out here, not by the matrix.
        QMap<QString, QList<int>> expected;
        for (int line = 1; line <= 30; ++line) {
            QList<int> hosts;
            for (int i = 0; i < 6; ++i) {
                if (line != i + 1 && !(line == 20 && i % 2 == 0))
                    hosts.append(i);
            }
            if (hosts.size() < 6)
                expected.insert(QString::number(line), hosts);
        }
        LineMatrixModel *model = lines->model();
        QMap<QString, QList<int>> shown;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString line = model->index(row, LineMatrixModel::LineColumn).data().toString();
            shown.insert(line, model->index(row, LineMatrixModel::LineColumn).data(LineMatrixModel::HostsRole).value<QList<int>>());
        }
        QCOMPARE(shown, expected);
        QCOMPARE(model->index(0, LineMatrixModel::HostsColumn).data().toString(), QStringLiteral("on all but 1"));
        QCOMPARE(model->index(model->rowCount() - 1, LineMatrixModel::HostsColumn).data().toString(),
                 QStringLiteral("on all but 3")); // line 20, the fewest hosts, last
        QCOMPARE(model->index(model->rowCount() - 1, LineMatrixModel::LineColumn).data().toString(), QStringLiteral("20"));
        QVERIFY2(lines->summaryLabel()->text().startsWith(u"7 of 30 line"), qPrintable(lines->summaryLabel()->text()));

        // A click on a line selects the hosts that printed it; on a group's cell, that group.
        QSignalSpy selected(&view, &CompareView::hostsSelected);
        const QModelIndex last = model->index(model->rowCount() - 1, LineMatrixModel::LineColumn);
        QTest::mouseClick(lines->table()->viewport(), Qt::LeftButton, {}, lines->table()->visualRect(last).center());
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.last().first().value<QList<int>>(), (QList<int>{1, 3, 5}));
        const QModelIndex cell = model->index(0, LineMatrixModel::FirstGroupColumn + 2);
        lines->table()->scrollTo(cell);
        QTest::mouseClick(lines->table()->viewport(), Qt::LeftButton, {}, lines->table()->visualRect(cell).center());
        QCOMPARE(selected.size(), 2);
        QCOMPARE(selected.last().first().value<QList<int>>(), view.groups().at(2).members);

        // The filter narrows; with every line shown there are 30.
        lines->filterEdit()->setText(QStringLiteral("2"));
        QCOMPARE(model->rowCount(), 2); // 2 and 20
        lines->filterEdit()->clear();
        lines->differingOnlyBox()->setChecked(false);
        QCOMPARE(model->rowCount(), 30);
        lines->differingOnlyBox()->setChecked(true);

        // CSV: the differing lines, one column per group, written whole.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lines.csv"));
        QVERIFY(lines->exportCsv(path).ok());
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> records = csv.readAll().split('\n');
        QCOMPARE(records.size(), 1 + 7 + 1); // header, 7 lines, the empty piece after the last CRLF
        QVERIFY2(records.first().startsWith("line,hosts,"), records.first().constData());
        QVERIFY(records.at(7).startsWith("20,3,"));
        QVERIFY(!lines->exportCsv(dir.filePath(QStringLiteral("no/such/folder/lines.csv"))).ok());
        fleet.stop();
    }

    // The Keys tab: settings-shaped output, one row per key with the hosts of each value.
    void keysTabShowsEachKeysHosts()
    {
        RunSession session(namedRequest({QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3"),
                                         QStringLiteral("n4")}));
        session.start(1);
        CompareView view(&session);
        session.handleHostFinished(1, 0, exited(0, "vm.swappiness = 60\nnet.ipv4.ip_forward = 0\n"));
        session.handleHostFinished(1, 1, exited(0, "vm.swappiness = 60\nnet.ipv4.ip_forward = 0\n"));
        session.handleHostFinished(1, 2, exited(0, "vm.swappiness = 10\nnet.ipv4.ip_forward = 0\n"));
        session.handleHostFinished(1, 3, exited(0, "vm.swappiness = 60\n"));
        session.flush();
        QSignalSpy built(view.keyValueView(), &KeyValueView::built);
        view.viewTabs()->setCurrentWidget(view.keyValueView());
        QVERIFY(built.wait(10000));
        KeyValueModel *model = view.keyValueView()->model();
        QCOMPARE(model->rowCount(), 2); // both keys differ somewhere
        QMap<QString, QList<QList<int>>> hosts;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString key = model->index(row, KeyValueModel::KeyColumn).data().toString();
            for (int c = KeyValueModel::MajorityColumn; c < model->columnCount(); ++c) {
                const QModelIndex cell = model->index(row, c);
                if (cell.data().isValid() && !cell.data().toString().isEmpty())
                    hosts[key].append(cell.data(KeyValueModel::HostsRole).value<QList<int>>());
            }
        }
        QCOMPARE(hosts.value(QStringLiteral("vm.swappiness")), (QList<QList<int>>{{0, 1, 3}, {2}}));
        QCOMPARE(hosts.value(QStringLiteral("net.ipv4.ip_forward")), (QList<QList<int>>{{0, 1, 2}, {3}}));
        QVERIFY(model->index(0, KeyValueModel::MajorityColumn).data().toString().contains(u"n["));

        // A host finishing later makes the shown table again.
        RunSession later(namedRequest({QStringLiteral("m1"), QStringLiteral("m2")}));
        later.start(1);
        CompareView second(&later);
        second.viewTabs()->setCurrentWidget(second.keyValueView());
        later.handleHostFinished(1, 0, exited(0, "a=1\n"));
        later.handleHostFinished(1, 1, exited(0, "a=2\n"));
        later.flush();
        QTRY_COMPARE_WITH_TIMEOUT(second.keyValueView()->model()->rowCount(), 1, 10000);
    }

    // ---- CompareView on a real run ----

    void realFleetRun()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        LocalFleet fleet;
        QString error;
        QVERIFY2(fleet.start(4, &error), qPrintable(error));
        const FleetHost refusing = fleet.addRefusingHost();
        QVERIFY(!refusing.address.isEmpty());
        PoolSettings settings;
        settings.threads = 2;
        WorkerPool pool(settings);

        RunRequest request;
        // Host 2 answers differently from the others.
        request.command =
            QStringLiteral("[ \"$(echo $SSH_CONNECTION | cut -d' ' -f3)\" = %1 ] && echo odd || "
                           "echo same; echo common line")
                .arg(fleet.hosts().at(2).address);
        for (const FleetHost &host : fleet.hosts())
            request.hosts.append(fleet.target(host));
        request.hosts.append(fleet.target(refusing));
        RunSession session(request);
        connect(&pool, &WorkerPool::hostStateChanged, &session, &RunSession::handleHostState);
        connect(&pool, &WorkerPool::outputReceived, &session, &RunSession::handleOutput);
        connect(&pool, &WorkerPool::hostFinished, &session, &RunSession::handleHostFinished);
        connect(&pool, &WorkerPool::runFinished, &session, &RunSession::handleRunFinished);
        CompareView view(&session); // before the run, as the session tab makes it
        session.start(pool.start(session.request()));
        if (!session.isFinished()) {
            QEventLoop loop;
            connect(&session, &RunSession::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        QVERIFY(session.isFinished());
        session.flush();

        const QList<OutputGroups::Group> groups = view.groups();
        QCOMPARE(groups.size(), 3);
        QList<int> members = groups.at(0).members; // in the order they finished
        std::sort(members.begin(), members.end());
        QCOMPARE(members, (QList<int>{0, 1, 3}));
        QCOMPARE(groups.at(0).stdoutData, QByteArray("same\ncommon line\n"));
        QCOMPARE(view.outliers(), (QList<int>{2, 4}));
        QCOMPARE(view.failedHosts(), QList<int>{4});
        const QStringList names{session.hostName(0), session.hostName(1), session.hostName(3)};
        QCOMPARE(view.groupList()->topLevelItem(0)->text(CompareView::HostsColumn), HostSet::fold(names));
        // The diff of the odd host against the reference: the first line changed, the common one not.
        view.selectGroup(view.groupList()->indexOfTopLevelItem(
            view.groupList()
                ->findItems(session.hostName(2), Qt::MatchExactly, CompareView::HostsColumn)
                .value(0)));
        DiffView *diff = view.diffView();
        QCOMPARE(diff->rowKind(true, 0), DiffView::RowKind::Changed);
        QCOMPARE(diff->rowText(true, 0), QStringLiteral("odd"));
        QCOMPARE(diff->rowKind(true, 1), DiffView::RowKind::Same);
        fleet.stop();
    }
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
