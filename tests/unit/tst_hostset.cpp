#include "model/ssh/hostset.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Chorus;
using namespace Qt::StringLiterals;

namespace {

QStringList split(const QString &s)
{
    return s.isEmpty() ? QStringList() : s.split(u' ');
}

// A name of the kinds a fleet has: plain and padded numbers, domains, user@ and :port decorations,
// IPv4 and IPv6 addresses, group references and names without digits.
QString randomName(QRandomGenerator &rng)
{
    static const QStringList prefixes{u"web"_s, u"db-"_s, u"n"_s, u"rack2-node"_s, u""_s, u"a1b"_s};
    static const QStringList suffixes{u""_s, u".example.com"_s, u"-mgmt"_s, u"x"_s};
    const int kind = rng.bounded(10);
    if (kind == 0)
        return QStringLiteral("127.0.%1.%2").arg(rng.bounded(3)).arg(rng.bounded(12));
    if (kind == 1)
        return rng.bounded(2) ? QStringLiteral("::%1").arg(rng.bounded(5))
                              : QStringLiteral("root@[::%1]:22").arg(rng.bounded(5));
    if (kind == 2)
        return QStringLiteral("@group%1").arg(rng.bounded(4));
    if (kind == 3)
        return QStringList{u"gateway"_s, u"bastion"_s, u"db-main"_s}.at(rng.bounded(3));
    QString number = QString::number(rng.bounded(kind == 4 ? 1200 : 25));
    if (rng.bounded(3) == 0)
        number = number.rightJustified(number.size() + rng.bounded(1, 3), u'0');
    QString name =
        prefixes.at(rng.bounded(prefixes.size())) + number + suffixes.at(rng.bounded(suffixes.size()));
    if (rng.bounded(5) == 0)
        name = QStringLiteral("user%1@").arg(rng.bounded(3)) + name;
    if (rng.bounded(5) == 0)
        name += QStringLiteral(":%1").arg(2200 + rng.bounded(3));
    return name;
}

} // namespace

class TestHostSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expandValid_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected"); // space separated

        QTest::newRow("example") << u"web[01-03,07].example.com,db1,@group"_s
                                 << u"web01.example.com web02.example.com web03.example.com "
                                    "web07.example.com db1 @group"_s;
        QTest::newRow("padding kept") << u"n[08-10]"_s << u"n08 n09 n10"_s;
        QTest::newRow("padding grows past width") << u"n[098-101]"_s << u"n098 n099 n100 n101"_s;
        QTest::newRow("no padding") << u"n[8-10]"_s << u"n8 n9 n10"_s;
        QTest::newRow("single padded") << u"n[007]"_s << u"n007"_s;
        QTest::newRow("cartesian") << u"r[1-2]n[1-3]"_s << u"r1n1 r1n2 r1n3 r2n1 r2n2 r2n3"_s;
        QTest::newRow("cartesian with suffix")
            << u"x[1-2]-[5,7].lab"_s << u"x1-5.lab x1-7.lab x2-5.lab x2-7.lab"_s;
        QTest::newRow("ansible") << u"web[01:03]"_s << u"web01 web02 web03"_s;
        QTest::newRow("ansible step") << u"n[1:9:4]"_s << u"n1 n5 n9"_s;
        QTest::newRow("clustershell step") << u"n[1-9/4]"_s << u"n1 n5 n9"_s;
        QTest::newRow("list order kept") << u"n[3,1,2]"_s << u"n3 n1 n2"_s;
        QTest::newRow("dedupe keeps first") << u"c,a1,n[1-2],a[1-2],c"_s << u"c a1 n1 n2 a2"_s;
        QTest::newRow("spaces separate too") << u"a1 a2,  a3\tb"_s << u"a1 a2 a3 b"_s;
        QTest::newRow("spaces inside brackets") << u"n[1, 3 ]"_s << u"n1 n3"_s;
        QTest::newRow("numbers only") << u"[1-3]"_s << u"1 2 3"_s;
        QTest::newRow("group untouched") << u"@rack[1-2],@all,@all"_s << u"@rack[1-2] @all"_s;
        QTest::newRow("ipv6 literal") << u"root@[::1]:2222,[fe80::1%eth0],[2001:db8:0:0:0:0:0:1]"_s
                                      << u"root@[::1]:2222 [fe80::1%eth0] [2001:db8:0:0:0:0:0:1]"_s;
        QTest::newRow("ipv4") << u"127.0.0.[2-4]"_s << u"127.0.0.2 127.0.0.3 127.0.0.4"_s;
        QTest::newRow("decorated") << u"root@n[1-2]:2222"_s << u"root@n1:2222 root@n2:2222"_s;
        QTest::newRow("blank") << u"  "_s << u""_s;
        QTest::newRow("empty") << u""_s << u""_s;
    }

    void expandValid()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        QStringList hosts{u"stale"_s};
        QString error;
        QVERIFY2(HostSet::expand(spec, &hosts, &error), qPrintable(error));
        QCOMPARE(hosts, split(expected));
    }

    void expandErrors_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QStringList>("fragments"); // each must appear in the message

        QTest::newRow("reversed") << u"web[3-1]"_s
                                  << QStringList{u"malformed range \"[3-1]\" in \"web[3-1]\": "
                                                 "start is greater than end"_s};
        QTest::newRow("missing ]") << u"a1,web[1-3,db1"_s
                                   << QStringList{u"unbalanced \"[\""_s, u"\"web[1-3,db1\""_s,
                                                  u"missing \"]\""_s};
        QTest::newRow("stray ]") << u"web1-3]"_s
                                 << QStringList{u"unbalanced \"]\""_s, u"character 7"_s, u"\"web1-3]\""_s};
        QTest::newRow("nested") << u"n[[1]]"_s << QStringList{u"nested \"[\""_s, u"\"n[[1]]\""_s};
        QTest::newRow("empty item middle")
            << u"a,,b"_s << QStringList{u"empty item"_s, u"character 3"_s, u"\"a,,b\""_s};
        QTest::newRow("empty item end") << u"a,"_s << QStringList{u"empty item"_s, u"character 2"_s};
        QTest::newRow("empty item start") << u" ,a"_s << QStringList{u"empty item"_s, u"character 2"_s};
        QTest::newRow("letters") << u"web[a-c]"_s
                                 << QStringList{u"malformed range \"[a-c]\" in \"web[a-c]\""_s,
                                                u"\"a\" is not a number"_s};
        QTest::newRow("letter end") << u"web[1-x]"_s << QStringList{u"\"x\" is not a number"_s};
        QTest::newRow("ansible letters") << u"db-[a:f]"_s << QStringList{u"\"a\" is not a number"_s};
        QTest::newRow("empty range") << u"n[]"_s << QStringList{u"\"[]\""_s, u"empty range"_s};
        QTest::newRow("empty element") << u"n[1,,2]"_s << QStringList{u"\"[1,,2]\""_s, u"empty element"_s};
        QTest::newRow("no start") << u"n[-3]"_s << QStringList{u"\"-3\" has no start"_s};
        QTest::newRow("no end") << u"n[3-]"_s << QStringList{u"\"3-\" has no end"_s};
        QTest::newRow("three bounds") << u"n[1-2-3]"_s << QStringList{u"\"1-2-3\" has too many bounds"_s};
        QTest::newRow("padding mismatch")
            << u"n[8-010]"_s << QStringList{u"\"8\" and \"010\" are zero-padded to different"_s};
        QTest::newRow("zero step") << u"n[1-9/0]"_s << QStringList{u"step \"0\""_s};
        QTest::newRow("not ipv6 inside a name")
            << u"web[1::3]"_s << QStringList{u"malformed range \"[1::3]\""_s};
        QTest::newRow("huge number") << u"n[1-1234567890123456789]"_s
                                     << QStringList{u"\"1234567890123456789\" is too long a number"_s};
        QTest::newRow("too many in a range")
            << u"n[1-100001]"_s
            << QStringList{u"range \"[1-100001]\" in \"n[1-100001]\" gives 100001 names"_s, u"100000"_s};
        QTest::newRow("too many in a product")
            << u"r[1-1000]n[1-1000]"_s << QStringList{u"\"r[1-1000]n[1-1000]\" gives 1000000 names"_s};
        QTest::newRow("too many in all")
            << u"a[1-60000],b[1-60000]"_s << QStringList{u"\"a[1-60000],b[1-60000]\" gives more than"_s};
    }

    void expandErrors()
    {
        QFETCH(QString, spec);
        QFETCH(QStringList, fragments);
        QStringList hosts{u"stale"_s};
        QString error;
        QVERIFY(!HostSet::expand(spec, &hosts, &error));
        QVERIFY(hosts.isEmpty());
        for (const QString &fragment : fragments)
            QVERIFY2(error.contains(fragment), qPrintable(u"\""_s + error + u"\" lacks: "_s + fragment));
    }

    void fold_data()
    {
        QTest::addColumn<QString>("names"); // space separated
        QTest::addColumn<QString>("folded");

        QTest::newRow("example") << u"web01 web02 web03 web07 db1"_s << u"db1,web[01-03,07]"_s;
        QTest::newRow("empty") << u""_s << u""_s;
        QTest::newRow("one") << u"web7"_s << u"web7"_s;
        QTest::newRow("no digits sorted") << u"x y a"_s << u"a,x,y"_s;
        QTest::newRow("dedupe") << u"a1 a2 a1"_s << u"a[1-2]"_s;
        QTest::newRow("zero") << u"n0 n1 n2"_s << u"n[0-2]"_s;
        QTest::newRow("padding widths apart") << u"a1 a01 a2 a02 a3"_s << u"a[1-3,01-02]"_s;
        QTest::newRow("unpadded joins same width") << u"a9 a10 a08 a09"_s << u"a[9,08-10]"_s;
        QTest::newRow("wider stays apart") << u"a001 a002 a1000"_s << u"a[001-002,1000]"_s;
        QTest::newRow("last field only") << u"a1b2 a1b3 a2b2"_s << u"a1b[2-3],a2b2"_s;
        QTest::newRow("patterns sorted")
            << u"b a1 a2 c a a10b a11b b1.x b2.x b1.y"_s << u"a,a[1-2],a[10-11]b,b,b[1-2].x,b1.y,c"_s;
        QTest::newRow("ipv4 last octet") << u"127.0.0.2 127.0.0.3 127.0.0.5"_s << u"127.0.0.[2-3,5]"_s;
        QTest::newRow("user and port carried") << u"root@n1:2222 root@n2:2222"_s << u"root@n[1-2]:2222"_s;
        QTest::newRow("port never folded") << u"h:22 h:23"_s << u"h:22,h:23"_s;
        QTest::newRow("user never folded") << u"u1@h u2@h"_s << u"u1@h,u2@h"_s;
        QTest::newRow("ipv6 untouched") << u"::2 ::1 [::3]:22"_s << u"::1,::2,[::3]:22"_s;
        QTest::newRow("groups untouched") << u"@g1 @g2"_s << u"@g1,@g2"_s;
        QTest::newRow("long digit run untouched") << u"n1234567890123456789 n1234567890123456788"_s
                                                  << u"n1234567890123456788,n1234567890123456789"_s;
    }

    void fold()
    {
        QFETCH(QString, names);
        QFETCH(QString, folded);
        QCOMPARE(HostSet::fold(split(names)), folded);
    }

    // ClusterShell's nodeset is the reference for folding; where both agree on the grammar
    // (no user@, :port or IPv6 decorations, which ClusterShell folds differently) the text must match.
    void foldLikeClusterShell_data()
    {
        QTest::addColumn<QString>("names");
        const QStringList cases{u"web01,web02,web03,web07,db1"_s,
                                u"a9,a10,a08,a09"_s,
                                u"a1,a01,a2,a02,a3"_s,
                                u"b,a1,a2,c,a,a10b,a11b,b1.x,b2.x,b1.y"_s,
                                u"127.0.0.2,127.0.0.3"_s,
                                u"n0,n1,n2,n5,n7,n8"_s,
                                u"a001,a002,a1000"_s,
                                u"x-0,x-1,x-3"_s};
        for (const QString &c : cases)
            QTest::newRow(qPrintable(c)) << c;
    }

    void foldLikeClusterShell()
    {
        QFETCH(QString, names);
        const QString nodeset = QStandardPaths::findExecutable(u"nodeset"_s);
        if (nodeset.isEmpty())
            QSKIP("ClusterShell's nodeset is not installed (apt-get install clustershell)");
        QProcess p;
        p.start(nodeset, {u"-f"_s, names});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString reference = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        QCOMPARE(HostSet::fold(names.split(u',')), reference);
    }

    void roundTrip()
    {
        QRandomGenerator rng(20240611);
        for (int round = 0; round < 400; ++round) {
            QStringList names;
            const int count = rng.bounded(1, 80);
            for (int i = 0; i < count; ++i)
                names.append(randomName(rng));
            const QString folded = HostSet::fold(names);
            QStringList back;
            QString error;
            QVERIFY2(HostSet::expand(folded, &back, &error), qPrintable(folded + u": "_s + error));
            const QSet<QString> want(names.begin(), names.end());
            const QSet<QString> got(back.begin(), back.end());
            QVERIFY2(got == want, qPrintable(u"round "_s + QString::number(round) + u": "_s + folded));
            QCOMPARE(back.size(), want.size());
            // Folding what it expands to gives the same text: fold is canonical.
            QCOMPARE(HostSet::fold(back), folded);
        }
    }

    void foldShortens()
    {
        QStringList names;
        for (int i = 1; i <= 500; ++i)
            names.append(QStringLiteral("node%1.example.com").arg(i, 3, 10, QLatin1Char('0')));
        QCOMPARE(HostSet::fold(names), u"node[001-500].example.com"_s);
    }
};

QTEST_GUILESS_MAIN(TestHostSet)
#include "tst_hostset.moc"
