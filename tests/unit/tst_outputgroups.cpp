// OutputGroups: which hosts answered exactly alike.
#include "model/compare/outputgroups.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Chorus;

class TestOutputGroups : public QObject
{
    Q_OBJECT

    static QList<QList<int>> members(const OutputGroups &groups)
    {
        QList<QList<int>> result;
        for (const OutputGroups::Group &group : groups.groups())
            result.append(group.members);
        return result;
    }

    static const QString ok() { return QStringLiteral("exit status 0"); }

private Q_SLOTS:
    void largestGroupFirst()
    {
        OutputGroups groups;
        groups.add(0, "a\n", {}, ok());
        groups.add(1, "b\n", {}, ok());
        groups.add(2, "b\n", {}, ok());
        groups.add(3, "c\n", {}, ok());
        groups.add(4, "b\n", {}, ok());
        groups.add(5, "c\n", {}, ok());
        QCOMPARE(groups.hostCount(), 6);
        QCOMPARE(groups.groupCount(), 3);
        QCOMPARE(members(groups), (QList<QList<int>>{{1, 2, 4}, {3, 5}, {0}}));
        const QList<OutputGroups::Group> list = groups.groups();
        QCOMPARE(list[0].stdoutData, QByteArray("b\n"));
        QCOMPARE(list[1].stdoutData, QByteArray("c\n"));
        QCOMPARE(list[2].stdoutData, QByteArray("a\n"));
        QCOMPARE(groups.groupOf(4), 0);
        QCOMPARE(groups.groupOf(5), 1);
        QCOMPARE(groups.groupOf(0), 2);
        QCOMPARE(groups.groupOf(99), -1);
    }

    void tiesKeepTheOrderOfFirstAppearance()
    {
        OutputGroups groups;
        groups.add(10, "z\n", {}, ok());
        groups.add(11, "y\n", {}, ok());
        groups.add(12, "y\n", {}, ok());
        groups.add(13, "z\n", {}, ok());
        groups.add(14, "x\n", {}, ok());
        QCOMPARE(members(groups), (QList<QList<int>>{{10, 13}, {11, 12}, {14}}));
    }

    void stdoutStderrAndStatusAllCount()
    {
        OutputGroups groups;
        groups.add(0, "same\n", "warn\n", ok());
        groups.add(1, "same\n", "warn\n", ok());
        groups.add(2, "same\n", "other\n", ok());                           // stderr differs
        groups.add(3, "same\n", "warn\n", QStringLiteral("exit status 1")); // status differs
        groups.add(4, "same\n", {}, ok());
        groups.add(5, {}, "same\n", ok()); // the same bytes on the other stream are not the same answer
        QCOMPARE(groups.groupCount(), 5);
        QCOMPARE(members(groups).first(), (QList<int>{0, 1}));
        QCOMPARE(groups.groups().first().stderrData, QByteArray("warn\n"));
    }

    void emptyOutputsAndTrailingNewlines()
    {
        OutputGroups groups;
        groups.add(0, {}, {}, ok());
        groups.add(1, QByteArray(""), QByteArray(""), ok()); // empty and null are both nothing
        groups.add(2, "\n", {}, ok());
        groups.add(3, "x", {}, ok());
        groups.add(4, "x\n", {}, ok());
        QCOMPARE(members(groups), (QList<QList<int>>{{0, 1}, {2}, {3}, {4}}));
    }

    void binaryBytes()
    {
        OutputGroups groups;
        const QByteArray a("a\0b\xff", 4);
        const QByteArray b("a\0c\xff", 4);
        groups.add(0, a, {}, ok());
        groups.add(1, b, {}, ok());
        groups.add(2, QByteArray("a\0b\xff", 4), {}, ok());
        groups.add(3, QByteArray("a", 1), {}, ok()); // what a C string of a would be
        QCOMPARE(members(groups), (QList<QList<int>>{{0, 2}, {1}, {3}}));
    }

    void clearStartsOver()
    {
        OutputGroups groups;
        groups.add(0, "a", {}, ok());
        groups.clear();
        QCOMPARE(groups.hostCount(), 0);
        QVERIFY(groups.groups().isEmpty());
        groups.add(0, "b", {}, ok());
        QCOMPARE(groups.groups().first().stdoutData, QByteArray("b"));
    }

    // 1000 hosts with 256 KiB each, in three answers that differ only in their last byte, so
    // nothing short of reading everything tells them apart. Every host's bytes are its own copy.
    void thousandHostsWithLargeOutput()
    {
        QByteArray base(256 * 1024, 'x');
        for (qsizetype i = 0; i < base.size(); i += 80)
            base[i] = '\n';
        QList<QByteArray> outputs;
        outputs.reserve(1000);
        for (int i = 0; i < 1000; ++i) {
            QByteArray copy(base.constData(), base.size());
            copy[copy.size() - 1] = char('a' + i % 3);
            outputs.append(copy);
        }
        QElapsedTimer timer;
        timer.start();
        OutputGroups groups;
        for (int i = 0; i < 1000; ++i)
            groups.add(i, outputs[i], {}, ok());
        const QList<OutputGroups::Group> list = groups.groups();
        const qint64 ms = timer.elapsed();
        qInfo("1000 hosts x 256 KiB grouped in %lld ms", ms);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].members.size(), 334);
        QCOMPARE(list[1].members.size(), 333);
        QCOMPARE(list[2].members.size(), 333);
        for (const OutputGroups::Group &group : list) {
            for (int id : group.members)
                QCOMPARE(id % 3, group.members.first() % 3);
        }
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(TestOutputGroups)
#include "tst_outputgroups.moc"
