// The duration chart's data and the chart itself (QCustomPlot), from results with every outcome.
#include "model/session/durationseries.h"
#include "model/session/runsession.h"
#include "widgets/charts/customplot.h"
#include "widgets/charts/durationchart.h"
#include "widgets/charts/durationticker.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;

namespace {

// A result whose phases are given in milliseconds since the run started.
HostResult result(HostOutcome outcome, int startedMs, int authenticatedMs, int finishedMs, bool reused = false)
{
    HostResult r;
    r.outcome = outcome;
    r.reusedConnection = reused;
    r.times.started = startedMs * 1000;
    r.times.authenticated = reused ? -1 : authenticatedMs * 1000;
    r.times.channelOpened = authenticatedMs * 1000 + 500;
    r.times.finished = finishedMs * 1000;
    r.exitStatus = outcome == HostOutcome::Ok ? 0 : outcome == HostOutcome::NonZeroExit ? 3 : -1;
    return r;
}

} // namespace

class TestDurations : public QObject
{
    Q_OBJECT
private:
    // A session whose hosts finished with each outcome, fed as the engine would feed it.
    std::unique_ptr<RunSession> finishedSession()
    {
        RunRequest request;
        request.command = QStringLiteral("uptime");
        for (const char *name : {"ok1", "exit3", "refused", "slow", "stopped", "reused"}) {
            HostTarget t;
            t.name = QString::fromLatin1(name);
            t.hostname = QStringLiteral("127.0.0.1");
            request.hosts.append(t);
        }
        auto session = std::make_unique<RunSession>(request);
        session->start(7);
        const QList<HostResult> results = {
            result(HostOutcome::Ok, 0, 40, 100),
            result(HostOutcome::NonZeroExit, 0, 50, 300),
            result(HostOutcome::Failed, 0, 20, 20),
            result(HostOutcome::TimedOut, 0, 60, 1060),
            result(HostOutcome::Cancelled, 0, 30, 530),
            result(HostOutcome::Ok, 5, 0, 55, true),
        };
        for (int host = 0; host < results.size(); ++host)
            session->handleHostFinished(7, host, results.at(host));
        session->handleRunFinished(7);
        return session;
    }

private Q_SLOTS:
    void barsSplitPhasesAndSortLongestFirst()
    {
        const auto session = finishedSession();
        const QList<DurationSeries::Bar> bars = DurationSeries::fromSession(*session);
        QCOMPARE(bars.size(), 6);
        QStringList order;
        for (const auto &bar : bars)
            order.append(bar.name);
        QCOMPARE(order, (QStringList{QStringLiteral("slow"), QStringLiteral("stopped"), QStringLiteral("exit3"),
                                     QStringLiteral("ok1"), QStringLiteral("reused"), QStringLiteral("refused")}));
        QCOMPARE(bars[0].outcome, HostOutcome::TimedOut);
        QCOMPARE(bars[0].connectMs, 60.0);
        QCOMPARE(bars[0].commandMs, 1000.0);
        // A reused connection spends nothing on connecting.
        QCOMPARE(bars[4].connectMs, 0.0);
        QCOMPARE(bars[4].commandMs, 50.0);
        // A host that failed while connecting has no command part.
        QCOMPARE(bars[5].outcome, HostOutcome::Failed);
        QCOMPARE(bars[5].commandMs, 0.0);
        QCOMPARE(bars[5].connectMs, 20.0);
    }

    // Through a jump host the bar shows the wait for it and the channel through it apart from the
    // host's own connecting; a reused connection shows none of them.
    void jumpHostPhasesStandApart()
    {
        HostResult r = result(HostOutcome::Ok, 10, 90, 200);
        r.times.jumpReady = 40 * 1000;
        r.times.tunnelOpened = 45 * 1000;
        const DurationSeries::Bar bar = DurationSeries::barFor(0, QStringLiteral("behind"), r);
        QCOMPARE(bar.jumpMs, 30.0);
        QCOMPARE(bar.tunnelMs, 5.0);
        QCOMPARE(bar.connectMs, 45.0);
        QCOMPARE(bar.commandMs, 110.0);
        QCOMPARE(bar.totalMs(), 190.0);
        r.reusedConnection = true;
        const DurationSeries::Bar reused = DurationSeries::barFor(0, QStringLiteral("behind"), r);
        QCOMPARE(reused.jumpMs + reused.tunnelMs + reused.connectMs, 0.0);
    }

    void chartDrawsExportsAndClicksThrough()
    {
        const auto session = finishedSession();
        DurationChart chart(session.get());
        chart.resize(900, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.rebuild();
        QCOMPARE(chart.bars().size(), 6);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("d.png"));
        const QString pdf = dir.filePath(QStringLiteral("d.pdf"));
        QVERIFY(chart.exportPng(png));
        QVERIFY(chart.exportPdf(pdf));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1200, 600));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly) && pdfFile.read(5) == "%PDF-");
        // The middle of the tallest bar belongs to the slowest host; a click there opens it.
        QCustomPlot *plot = chart.plot();
        plot->replot();
        const QPoint middle(int(plot->xAxis->coordToPixel(0)), int(plot->yAxis->coordToPixel(500)));
        QCOMPARE(chart.barAt(middle), 0);
        // The vertical axis speaks the unit the run calls for: milliseconds here, seconds or minutes
        // for long runs (not "14000").
        QCOMPARE(chart.unitText(), QStringLiteral("milliseconds"));
        // The unit is written level above the axis, not as a rotated axis title.
        QVERIFY(plot->yAxis->label().isEmpty());
        // The legend names the outcomes that occurred, once each, and stays off the bars.
        QStringList named;
        for (int i = 0; i < plot->legend->itemCount(); ++i)
            named.append(static_cast<QCPPlottableLegendItem *>(plot->legend->item(i))->plottable()->name());
        QCOMPARE(named, (QStringList{QStringLiteral("ok"), QStringLiteral("non-zero exit"), QStringLiteral("failed"),
                                     QStringLiteral("timed out"), QStringLiteral("cancelled")}));
        QVERIFY(!plot->legend->outerRect().intersects(plot->axisRect()->outerRect()));
        QVERIFY2(plot->yAxis->tickVectorLabels().contains(QStringLiteral("1,000")) ||
                     plot->yAxis->tickVectorLabels().contains(QStringLiteral("1000")),
                 qPrintable(plot->yAxis->tickVectorLabels().join(u' ')));
        plot->yAxis->setRange(0, 15000);
        plot->replot();
        QVERIFY2(plot->yAxis->tickVectorLabels().contains(QStringLiteral("10")), qPrintable(plot->yAxis->tickVectorLabels().join(u' ')));
        QCOMPARE(DurationTicker::unitLabel(15000), QStringLiteral("seconds"));
        QCOMPARE(DurationTicker::unitLabel(10 * 60 * 1000), QStringLiteral("minutes"));
        plot->yAxis->setRange(0, 10 * 60 * 1000);
        plot->replot();
        QCOMPARE(plot->yAxis->tickVectorLabels().last(), QStringLiteral("10")); // minutes
        chart.rebuild(); // back to this run's own range
        plot->replot();
        QSignalSpy clicked(&chart, &DurationChart::hostClicked);
        QTest::mouseClick(plot, Qt::LeftButton, {}, middle);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked[0][0].toInt(), 3); // "slow" is host 3 of the run
        // Above a bar is no bar.
        QCOMPARE(chart.barAt(QPoint(middle.x(), int(plot->yAxis->coordToPixel(1150)))), -1);
    }

    void followsTheRunAsHostsFinish()
    {
        RunRequest request;
        request.command = QStringLiteral("true");
        for (int i = 0; i < 3; ++i) {
            HostTarget t;
            t.name = QStringLiteral("h%1").arg(i);
            request.hosts.append(t);
        }
        RunSession session(request);
        session.start(9);
        DurationChart chart(&session);
        QCOMPARE(chart.bars().size(), 0);
        QCOMPARE(chart.plot()->legend->itemCount(), 0);
        session.handleHostFinished(9, 1, result(HostOutcome::Ok, 0, 10, 20));
        QTRY_COMPARE(chart.bars().size(), 1);
        // Only what occurred is in the legend.
        QCOMPARE(chart.plot()->legend->itemCount(), 1);
        session.handleHostFinished(9, 0, result(HostOutcome::Failed, 0, 5, 5));
        session.handleHostFinished(9, 2, result(HostOutcome::Ok, 0, 10, 40));
        QTRY_COMPARE(chart.bars().size(), 3);
        QCOMPARE(chart.plot()->legend->itemCount(), 2);
    }
};

QTEST_MAIN(TestDurations)
#include "tst_durations.moc"
