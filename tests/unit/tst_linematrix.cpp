// LineMatrix: every distinct line across the output groups, with the groups that printed it.
#include "model/compare/linematrix.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace Chorus;

class TestLineMatrix : public QObject
{
    Q_OBJECT

    using Column = LineMatrix::Column;

    static QList<QByteArray> lines(const LineMatrix &matrix)
    {
        QList<QByteArray> result;
        for (const LineMatrix::Row &row : matrix.rows())
            result.append(row.line);
        return result;
    }

    static const LineMatrix::Row *find(const LineMatrix &matrix, const QByteArray &line)
    {
        for (const LineMatrix::Row &row : matrix.rows()) {
            if (row.line == line)
                return &row;
        }
        return nullptr;
    }

private Q_SLOTS:
    void linesOnAllSomeAndOneHost()
    {
        const LineMatrix matrix = LineMatrix::build({
            Column{{0, 1}, "all\nsome\nonly01\n"},
            Column{{2}, "all\nsome\n"},
            Column{{3, 4, 5}, "all\nthree\n"},
        });
        QCOMPARE(matrix.hostCount(), 6);
        QCOMPARE(matrix.columns().size(), 3);
        QCOMPARE(lines(matrix), (QList<QByteArray>{"all", "some", "three", "only01"}));
        const QList<LineMatrix::Row> &rows = matrix.rows();
        QCOMPARE(rows[0].columns, (QList<int>{0, 1, 2}));
        QCOMPARE(rows[0].hosts, 6);
        QCOMPARE(rows[1].columns, (QList<int>{0, 1}));
        QCOMPARE(rows[1].hosts, 3);
        QCOMPARE(rows[2].columns, (QList<int>{2}));
        QCOMPARE(rows[2].hosts, 3);
        QCOMPARE(rows[3].columns, (QList<int>{0}));
        QCOMPARE(rows[3].hosts, 2);
        QCOMPARE(matrix.differingRowCount(), 3);
    }

    // Most hosts first; among equals, the order in which the lines first appear reading the
    // columns left to right, not the alphabet and not the order within a later column.
    void rowOrderAndTieBreak()
    {
        const LineMatrix matrix = LineMatrix::build({
            Column{{10}, "zeta\ncommon\nalpha\n"},
            Column{{11}, "mid\ncommon\nbeta\n"},
            Column{{12}, "beta\ncommon\nzeta\n"},
        });
        QCOMPARE(lines(matrix), (QList<QByteArray>{"common", "zeta", "beta", "alpha", "mid"}));
        QCOMPARE(matrix.rows()[1].columns, (QList<int>{0, 2}));
        QCOMPARE(matrix.rows()[2].columns, (QList<int>{1, 2}));
    }

    // Outputs that print the same lines in other orders, or repeat them, agree all the same.
    void lineOrderDoesNotMatter()
    {
        const LineMatrix matrix = LineMatrix::build({
            Column{{0}, "a\nb\nc\n"},
            Column{{1}, "c\nb\na\n"},
            Column{{2}, "b\na\nc\nb\n"},
            Column{{3}, "a\na\nb\nc\n"},
            Column{{4}, "a\nb\nc\n"},
        });
        QCOMPARE(lines(matrix), (QList<QByteArray>{"a", "b", "c"}));
        for (const LineMatrix::Row &row : matrix.rows()) {
            QCOMPARE(row.columns, (QList<int>{0, 1, 2, 3, 4}));
            QCOMPARE(row.hosts, 5);
        }
    }

    void duplicateLinesInOneOutputCountOnce()
    {
        const LineMatrix matrix = LineMatrix::build({
            Column{{7}, "x\nx\ny\nx\n"},
            Column{{8, 9}, "x\n"},
        });
        QCOMPARE(lines(matrix), (QList<QByteArray>{"x", "y"}));
        QCOMPARE(matrix.rows()[0].columns, (QList<int>{0, 1}));
        QCOMPARE(matrix.rows()[0].hosts, 3);
        QCOMPARE(matrix.rows()[1].columns, (QList<int>{0}));
        QCOMPARE(matrix.rows()[1].hosts, 1);
    }

    void crlfAndLfAgree()
    {
        const LineMatrix matrix = LineMatrix::build({
            Column{{0}, "a\r\nb\r\n\r\n"},
            Column{{1}, "a\nb\n\n"},
            Column{{2}, "a\nb\n\n"},
        });
        QCOMPARE(lines(matrix), (QList<QByteArray>{"a", "b", ""}));
        QCOMPARE(matrix.differingRowCount(), 0);
        for (const LineMatrix::Row &row : matrix.rows())
            QCOMPARE(row.hosts, 3);
    }

    // Only the '\r' right before '\n' is line ending; one elsewhere is part of the line.
    void otherCarriageReturnsStay()
    {
        const LineMatrix matrix = LineMatrix::build({Column{{0}, "a\r\r\nmid\rdle\ntail\r"}});
        QCOMPARE(lines(matrix), (QList<QByteArray>{"a\r", "mid\rdle", "tail\r"}));
    }

    void missingFinalNewline()
    {
        const LineMatrix matrix = LineMatrix::build({
            Column{{0}, "one\ntwo"},
            Column{{1}, "one\ntwo\n"},
        });
        QCOMPARE(lines(matrix), (QList<QByteArray>{"one", "two"}));
        QCOMPARE(matrix.differingRowCount(), 0);

        // A blank line is a line; only the piece after the final newline is not.
        const LineMatrix blank = LineMatrix::build({Column{{0}, "\n"}, Column{{1}, "x\n\n"}});
        QCOMPARE(lines(blank), (QList<QByteArray>{"", "x"}));
        QCOMPARE(blank.rows()[0].hosts, 2);
    }

    void invalidUtf8IsKeptAsBytes()
    {
        const QByteArray latin1("caf\xe9");
        const QByteArray junk("\xff\xfe\x80 x");
        const QByteArray output = latin1 + '\n' + junk + '\n';
        const LineMatrix matrix = LineMatrix::build({Column{{0}, output}, Column{{1}, latin1 + '\n'}});
        QCOMPARE(lines(matrix), (QList<QByteArray>{latin1, junk}));
        const QByteArray csv = matrix.toCsv({QStringLiteral("a"), QStringLiteral("b")}, false);
        QVERIFY(csv.contains("\r\ncaf\xe9,2,1,1\r\n"));
        QVERIFY(csv.contains("\r\n\xff\xfe\x80 x,1,1,\r\n"));
    }

    void emptyOutputs()
    {
        const LineMatrix none = LineMatrix::build({});
        QVERIFY(none.rows().isEmpty());
        QCOMPARE(none.hostCount(), 0);
        QCOMPARE(none.differingRowCount(), 0);

        const LineMatrix matrix = LineMatrix::build({
            Column{{0, 1}, {}},
            Column{{2}, QByteArray("")},
            Column{{3}, "x\n"},
        });
        QCOMPARE(matrix.hostCount(), 4);
        QCOMPARE(lines(matrix), (QList<QByteArray>{"x"}));
        QCOMPARE(matrix.rows()[0].columns, (QList<int>{2}));
        QCOMPARE(matrix.rows()[0].hosts, 1);
        QCOMPARE(matrix.differingRowCount(), 1);
    }

    void hostsOfColumns()
    {
        const LineMatrix matrix = LineMatrix::build({
            Column{{9, 3}, "a\n"},
            Column{{5}, "b\n"},
            Column{{1, 7}, "a\n"},
        });
        QCOMPARE(matrix.hostsOf({2, 0}), (QList<int>{1, 3, 7, 9}));
        QCOMPARE(matrix.hostsOf({1}), (QList<int>{5}));
        QCOMPARE(matrix.hostsOf({}), QList<int>{});
        QCOMPARE(matrix.hostsOf({1, 99, -1}), (QList<int>{5})); // out of range: ignored
        QCOMPARE(matrix.hostsOf(find(matrix, "a")->columns), (QList<int>{1, 3, 7, 9}));
    }

    void differingRowCount()
    {
        const LineMatrix matrix = LineMatrix::build({
            Column{{0}, "same\nonly0\n"},
            Column{{1}, "same\nonly1\n"},
            Column{{2}, "same\n"},
        });
        QCOMPARE(matrix.rows().size(), 3);
        QCOMPARE(matrix.differingRowCount(), 2);
    }

    void csvQuotingAndFormulas()
    {
        const QByteArray output = "plain\n"
                                  "a,b\n"
                                  "say \"hi\"\n"
                                  "=SUM(A1:A9)\n"
                                  "+1\n"
                                  "-rf /\n"
                                  "@cmd\n"
                                  "\tindented\n"
                                  "\rreturn\n"
                                  "=x,y\n"
                                  "in\rside\n";
        const LineMatrix matrix = LineMatrix::build({Column{{0, 1}, output}, Column{{2}, "plain\n"}});
        const QByteArray csv =
            matrix.toCsv({QStringLiteral("web[01-02]"), QStringLiteral("db,\"x\"")}, false);
        const QByteArray expected = "line,hosts,web[01-02],\"db,\"\"x\"\"\"\r\n"
                                    "plain,3,1,1\r\n"
                                    "\"a,b\",2,1,\r\n"
                                    "\"say \"\"hi\"\"\",2,1,\r\n"
                                    "'=SUM(A1:A9),2,1,\r\n"
                                    "'+1,2,1,\r\n"
                                    "'-rf /,2,1,\r\n"
                                    "'@cmd,2,1,\r\n"
                                    "'\tindented,2,1,\r\n"
                                    "\"'\rreturn\",2,1,\r\n"
                                    "\"'=x,y\",2,1,\r\n"
                                    "\"in\rside\",2,1,\r\n";
        QCOMPARE(csv, expected);

        const QByteArray differing = matrix.toCsv({QStringLiteral("a"), QStringLiteral("b")}, true);
        QVERIFY(differing.startsWith("line,hosts,a,b\r\n\"a,b\",2,1,\r\n"));
        QVERIFY(!differing.contains("plain"));
        QCOMPARE(differing.count("\r\n"), 1 + 10);
    }

    void csvWithoutNamesKeepsTheColumns()
    {
        const LineMatrix matrix = LineMatrix::build({Column{{0}, "x\n"}, Column{{1}, "y\n"}});
        QCOMPARE(matrix.toCsv({}, false), QByteArray("line,hosts,,\r\nx,1,1,\r\ny,1,,1\r\n"));
    }

    void cancelReturnsEmpty()
    {
        const std::atomic<bool> cancel{true};
        const LineMatrix small = LineMatrix::build({Column{{0}, "a\nb\n"}}, &cancel);
        QVERIFY(small.rows().isEmpty());
        QVERIFY(small.columns().isEmpty());
        QCOMPARE(small.hostCount(), 0);

        QByteArray big;
        for (int i = 0; i < 20000; ++i)
            big += QByteArray::number(i) + '\n';
        const LineMatrix large = LineMatrix::build({Column{{0}, big}, Column{{1}, big}}, &cancel);
        QVERIFY(large.rows().isEmpty());

        const std::atomic<bool> go{false};
        QCOMPARE(LineMatrix::build({Column{{0}, big}}, &go).rows().size(), 20000);
    }

    // The size the matrix is made for (an `rpm -qa` on 200 hosts): every host lacks one or two
    // packages, some of them the same ones. The expectation is worked out here from the same rule
    // that made the outputs, without the matrix.
    void twoHundredHostsTenThousandLines()
    {
        const int hostCount = 200;
        const int lineCount = 10000;
        const auto lineText = [](int i) {
            return QByteArray("pkg") + QByteArray::number(i).rightJustified(5, '0') + "-1.0.x86_64";
        };
        const auto dropped = [](int host) {
            QList<int> drops{(host % 150) * 61}; // hosts h and h + 150 lack the same line
            if (host % 3 == 0)
                drops.append(5000 + host); // and every third host one of its own
            return drops;
        };

        QList<LineMatrix::Column> columns;
        QHash<int, QSet<int>> lackedBy; // line index -> host ids
        for (int host = 0; host < hostCount; ++host) {
            const int id = 1000 + host;
            const QList<int> drops = dropped(host);
            QByteArray output;
            output.reserve(lineCount * 20);
            for (int i = 0; i < lineCount; ++i) {
                if (drops.contains(i))
                    lackedBy[i].insert(id);
                else
                    output += lineText(i) + '\n';
            }
            columns.append(Column{{id}, output});
        }

        const LineMatrix matrix = LineMatrix::build(columns);
        QCOMPARE(matrix.hostCount(), hostCount);
        QCOMPARE(matrix.rows().size(), lineCount);
        QCOMPARE(matrix.differingRowCount(), lackedBy.size());
        QSet<int> seen;
        int previousHosts = hostCount;
        for (const LineMatrix::Row &row : matrix.rows()) {
            QVERIFY(row.line.startsWith("pkg"));
            const int i = row.line.mid(3, 5).toInt();
            QCOMPARE(row.line, lineText(i));
            QVERIFY(!seen.contains(i));
            seen.insert(i);

            const QSet<int> lacking = lackedBy.value(i);
            QList<int> expected;
            for (int host = 0; host < hostCount; ++host) {
                if (!lacking.contains(1000 + host))
                    expected.append(1000 + host);
            }
            QCOMPARE(row.hosts, expected.size());
            QCOMPARE(matrix.hostsOf(row.columns), expected);
            QVERIFY(row.hosts <= previousHosts);
            previousHosts = row.hosts;
        }
        // Spot checks of the rule itself, so that a mistake in it cannot hide behind the loop.
        QCOMPARE(lackedBy.value(0), (QSet<int>{1000, 1150}));
        QCOMPARE(lackedBy.value(61), (QSet<int>{1001, 1151}));
        QCOMPARE(lackedBy.value(5003), (QSet<int>{1003}));
        QCOMPARE(lackedBy.value(5063), (QSet<int>{1063, 1083})); // 83 * 61 = 5000 + 63: both rules
        QCOMPARE(find(matrix, lineText(0))->hosts, 198);
        QCOMPARE(find(matrix, lineText(5003))->hosts, 199);
        QCOMPARE(find(matrix, lineText(1))->hosts, 200);
        QCOMPARE(matrix.differingRowCount(), 150 + 67 - 1);
    }
};

QTEST_GUILESS_MAIN(TestLineMatrix)
#include "tst_linematrix.moc"
