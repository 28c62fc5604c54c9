#include "model/core/hosttarget.h"

#include <QTest>

using namespace Chorus;

class TestSmoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void policyNames()
    {
        HostKeyPolicy p;
        QVERIFY(parseHostKeyPolicy(QStringLiteral("accept-new"), &p));
        QCOMPARE(p, HostKeyPolicy::AcceptNew);
        QVERIFY(!parseHostKeyPolicy(QStringLiteral("maybe"), &p));
    }
};

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"
