// The session tab on real runs against a local sshd fleet: status table, per-host and
// "All hosts" output with ANSI colours and stderr colour, search, cancel, summary.
#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"
#include "model/session/sessionstatusproxy.h"
#include "sshworker/fleet/localfleet.h"
#include "sshworker/workerpool.h"
#include "widgets/session/ansitext.h"
#include "widgets/session/findbar.h"
#include "widgets/session/outputview.h"
#include "widgets/session/sessionview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>
#include <memory>
#include <time.h>

using namespace Chorus;

namespace {

// The format of the first character of `needle` in the view's document; invalid if not found.
QTextCharFormat formatOf(const QPlainTextEdit *edit, const QString &needle)
{
    QTextCursor found = edit->document()->find(needle);
    if (found.isNull())
        return {};
    QTextCursor at(edit->document());
    at.setPosition(found.selectionStart() + 1); // charFormat() is the format left of the cursor
    return at.charFormat();
}

// Counts paint events of the widget it watches.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(int *count) : m_count(count) {}
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++*m_count;
        return false;
    }

private:
    int *m_count;
};

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

} // namespace

class TestSessionView : public QObject
{
    Q_OBJECT
private:
    LocalFleet m_fleet;
    std::unique_ptr<WorkerPool> m_pool;

    HostTarget target(int i) const { return m_fleet.target(m_fleet.hosts().at(i)); }
    RunRequest request(const QString &command, int hosts) const
    {
        RunRequest r;
        r.command = command;
        for (int i = 0; i < hosts; ++i)
            r.hosts.append(target(i));
        return r;
    }
    static bool waitFinished(SessionView *view, int timeoutMs = 60000)
    {
        QSignalSpy finished(view, &SessionView::finished);
        return !view->isRunning() || finished.wait(timeoutMs);
    }
    // The table row (view order) showing that host.
    static int rowOf(const SessionView *view, int host)
    {
        const QAbstractItemModel *model = view->statusTable()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(SessionStatusModel::HostIndexRole).toInt() == host)
                return row;
        }
        return -1;
    }
    static QString cell(const SessionView *view, int host, int column)
    {
        const QAbstractItemModel *model = view->statusTable()->model();
        return model->index(rowOf(view, host), column).data().toString();
    }
    std::unique_ptr<SessionView> showView(const RunRequest &r)
    {
        auto view = std::make_unique<SessionView>(m_pool.get(), r);
        view->resize(1000, 700);
        view->show();
        return view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        QString error;
        QVERIFY2(m_fleet.start(3, &error), qPrintable(error));
        PoolSettings settings;
        settings.threads = 2;
        m_pool = std::make_unique<WorkerPool>(settings);
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_fleet.stop();
    }

    void showsEachHostsOwnAnswer()
    {
        const QString command =
            QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3; printf '\\033[31mred\\033[0m\\n'; "
                           "echo oops >&2; echo after");
        auto view = showView(request(command, 3));
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QAbstractItemModelTester modelTester(view->statusModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view->statusProxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view->title(), command.left(39) + QChar(0x2026));
        QVERIFY(view->isRunning());
        QVERIFY(waitFinished(view.get()));

        // One row per host, each ended with exit 0.
        QTableView *table = view->statusTable();
        QCOMPARE(table->model()->rowCount(), 3);
        for (int host = 0; host < 3; ++host) {
            QVERIFY(rowOf(view.get(), host) >= 0);
            QCOMPARE(cell(view.get(), host, SessionStatusModel::HostColumn), m_fleet.hosts().at(host).name);
            QCOMPARE(cell(view.get(), host, SessionStatusModel::StateColumn), QStringLiteral("ok"));
            QCOMPARE(cell(view.get(), host, SessionStatusModel::ExitColumn), QStringLiteral("0"));
            const QModelIndex state =
                table->model()->index(rowOf(view.get(), host), SessionStatusModel::StateColumn);
            QVERIFY(!state.data(Qt::DecorationRole).value<QIcon>().isNull());
        }
        auto *summary = view->findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY(summary);
        QVERIFY2(summary->text().startsWith(QStringLiteral("3 ok — finished in ")),
                 qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("finished")), qPrintable(summary->text()));
        QVERIFY(!view->findChild<QPushButton *>(QStringLiteral("cancelButton"))->isEnabled());

        // Only "All hosts", "Compare" and "Durations" exist until a host is asked for.
        QTabWidget *tabs = view->outputTabs();
        QCOMPARE(tabs->count(), 3);
        QVERIFY(!view->outputView(1));

        // Double-click opens that host's tab, showing its own answer.
        const int host = 1;
        const QRect rect = table->visualRect(table->model()->index(rowOf(view.get(), host), 0));
        // As a mouse sends it: QTest::mouseDClick alone lacks the first click the view expects.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(tabs->count(), 4);
        auto *output = qobject_cast<OutputView *>(tabs->currentWidget());
        QVERIFY(output);
        QCOMPARE(output->host(), host);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), m_fleet.hosts().at(host).name);
        QTRY_VERIFY(!output->plainText().isEmpty());
        const QString text = output->plainText();
        QCOMPARE(text.split(u'\n').first(), m_fleet.hosts().at(host).address);
        for (int other : {0, 2})
            QVERIFY2(!text.contains(m_fleet.hosts().at(other).address), qPrintable(text));
        // Opening it again finds the same tab.
        QCOMPARE(view->openOutput(host), output);
        QCOMPARE(tabs->count(), 4);

        // The ANSI line shows "red", in red, without the escape sequence.
        QVERIFY2(text.contains(QStringLiteral("\nred\n")), qPrintable(text));
        QVERIFY(!text.contains(QChar(0x1b)));
        QVERIFY(!text.contains(QStringLiteral("[31m")));
        const QTextCharFormat red = formatOf(output->textEdit(), QStringLiteral("red"));
        QCOMPARE(red.foreground().color(), AnsiText::paletteColor(1));
        // The reset after it: "after" is in the default colour, stderr in the stderr colour.
        QVERIFY(
            !formatOf(output->textEdit(), QStringLiteral("after")).hasProperty(QTextFormat::ForegroundBrush));
        QCOMPARE(formatOf(output->textEdit(), QStringLiteral("oops")).foreground().color(),
                 OutputView::stderrColor());

        // Search: Ctrl+F opens the bar, the match is selected and highlighted.
        QVERIFY(output->findBar()->isHidden());
        view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(view.get()));
        output->textEdit()->setFocus();
        QTest::keyClick(output->textEdit(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(output->findBar()->isVisible());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("OOPS"));
        QCOMPARE(output->textEdit()->textCursor().selectedText(), QStringLiteral("oops"));
        QCOMPARE(output->findBar()->matchCount(), 1);
        QCOMPARE(output->textEdit()->extraSelections().size(), 1);
        QVERIFY(output->findBar()->findNext()); // wraps around to the one match
        output->findBar()->setText(QStringLiteral("no such text"));
        QVERIFY(!output->findBar()->findNext());
        QCOMPARE(output->findBar()->matchCount(), 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(output->findBar()->isHidden());
        QVERIFY(output->textEdit()->extraSelections().isEmpty());

        // Wrap toggle and copy.
        QVERIFY(output->wrap());
        auto *wrap = output->findChild<QToolButton *>(QStringLiteral("wrapButton"));
        QTest::mouseClick(wrap, Qt::LeftButton);
        QCOMPARE(output->textEdit()->lineWrapMode(), QPlainTextEdit::NoWrap);
        QTextCursor noSelection = output->textEdit()->textCursor();
        noSelection.clearSelection();
        output->textEdit()->setTextCursor(noSelection);
        output->copy();
        QCOMPARE(QApplication::clipboard()->text(), text);

        // Save writes the bytes as received, escape sequences included.
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(QStringLiteral("out"));
        QVERIFY2(output->saveStream(false, path, &error), qPrintable(error));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(),
                 m_fleet.hosts().at(host).address.toUtf8() + "\n\x1b[31mred\x1b[0m\nafter\n");
        QVERIFY2(output->saveStream(true, path, &error), qPrintable(error));
        saved.close();
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArray("oops\n"));

        // "All hosts": every line prefixed with its own host.
        tabs->setCurrentIndex(0);
        OutputView *all = view->outputView(RunSession::AllHosts);
        QCOMPARE(tabs->currentWidget(), all);
        QTRY_VERIFY(!all->plainText().isEmpty());
        const QStringList lines = all->plainText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3 * 4);
        for (int h = 0; h < 3; ++h) {
            const QString prefix = m_fleet.hosts().at(h).name + QStringLiteral(": ");
            QVERIFY(lines.contains(prefix + m_fleet.hosts().at(h).address));
            QVERIFY(lines.contains(prefix + QStringLiteral("red")));
            QVERIFY(lines.contains(prefix + QStringLiteral("oops")));
        }
        QVERIFY(all->saveAll(dir.path(), &error));
        QFile allSaved(dir.filePath(m_fleet.hosts().at(2).name + QStringLiteral(".err")));
        QVERIFY(allSaved.open(QIODevice::ReadOnly));
        QCOMPARE(allSaved.readAll(), QByteArray("oops\n"));

        // Host tabs close; "All hosts", "Compare" and "Durations" do not.
        Q_EMIT tabs->tabCloseRequested(tabs->indexOf(output));
        QCOMPARE(tabs->count(), 3);
        QVERIFY(!view->outputView(host));
        for (int tab : {0, 1, 2})
            Q_EMIT tabs->tabCloseRequested(tab);
        QCOMPARE(tabs->count(), 3);
    }

    // The status filter narrows "All hosts" too: picking the failed hosts and then reading every
    // host's lines would defeat it. Host 1 fails, hosts 0 and 2 succeed.
    void problemFilterNarrowsAllHostsOutput()
    {
        const QString command = QStringLiteral("a=$(echo $SSH_CONNECTION | cut -d' ' -f3); echo \"line-$a\"; "
                                               "[ \"$a\" != %1 ]").arg(m_fleet.hosts().at(1).address);
        auto view = showView(request(command, 3));
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QVERIFY(waitFinished(view.get()));
        OutputView *all = view->outputView(RunSession::AllHosts);
        QTRY_COMPARE(all->plainText().split(u'\n', Qt::SkipEmptyParts).size(), 3);

        auto *statusFilter = view->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        statusFilter->setCurrentIndex(statusFilter->findData(int(SessionStatusProxy::StatusFilter::Problems)));
        QCOMPARE(view->statusTable()->model()->rowCount(), 1);
        const QString failedLine =
            m_fleet.hosts().at(1).name + QStringLiteral(": line-") + m_fleet.hosts().at(1).address;
        QTRY_COMPARE(all->plainText().split(u'\n', Qt::SkipEmptyParts), QStringList{failedLine});
        QTabWidget *tabs = view->outputTabs();
        QCOMPARE(tabs->tabText(tabs->indexOf(all)), QStringLiteral("All hosts (filtered)"));

        // The name filter too, and "All hosts" again shows everything.
        statusFilter->setCurrentIndex(0);
        auto *nameFilter = view->findChild<QLineEdit *>(QStringLiteral("hostFilter"));
        nameFilter->setText(m_fleet.hosts().at(2).name);
        QTRY_VERIFY(all->plainText().split(u'\n', Qt::SkipEmptyParts) ==
                    QStringList{m_fleet.hosts().at(2).name + QStringLiteral(": line-") + m_fleet.hosts().at(2).address});
        nameFilter->clear();
        QTRY_COMPARE(all->plainText().split(u'\n', Qt::SkipEmptyParts).size(), 3);
        QCOMPARE(tabs->tabText(tabs->indexOf(all)), QStringLiteral("All hosts"));

        // The State column is wide enough for its longest word, icon included.
        QTableView *table = view->statusTable();
        int longest = 0;
        for (int s = 0; s < RunSession::HostStatusCount; ++s)
            longest = qMax(longest, table->fontMetrics().horizontalAdvance(
                                        SessionStatusModel::statusText(RunSession::HostStatus(s))));
        QVERIFY2(table->columnWidth(SessionStatusModel::StateColumn) >= longest + 16,
                 qPrintable(QStringLiteral("%1 < %2 + icon").arg(table->columnWidth(SessionStatusModel::StateColumn)).arg(longest)));
    }

    void cancelEndsWithCancelledRows()
    {
        auto view = showView(request(QStringLiteral("sleep 30"), 3));
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QAbstractItemModelTester proxyTester(view->statusProxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        RunSession *session = view->session();
        QTRY_COMPARE_WITH_TIMEOUT(session->counts().active, 3, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(view.get(), 0, SessionStatusModel::StateColumn) == QStringLiteral("running") &&
                cell(view.get(), 2, SessionStatusModel::StateColumn) == QStringLiteral("running"),
            20000);
        auto *summary = view->findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY2(summary->text().startsWith(QStringLiteral("0 ok, 3 running")),
                 qPrintable(summary->text()));
        // The elapsed time moves while the run goes on.
        const QString before = summary->text();
        QTRY_VERIFY_WITH_TIMEOUT(summary->text() != before, 3000);
        QVERIFY(summary->text().contains(QStringLiteral("elapsed")));

        // One host through the table's context menu action.
        QTableView *table = view->statusTable();
        table->selectRow(rowOf(view.get(), 0));
        auto *cancelHost = view->findChild<QAction *>(QStringLiteral("cancelHostAction"));
        QVERIFY(cancelHost && cancelHost->isEnabled());
        cancelHost->trigger();
        // Said at once, before the engine has stopped it; the other hosts are untouched.
        QCOMPARE(cell(view.get(), 0, SessionStatusModel::StateColumn), QStringLiteral("cancelling…"));
        QCOMPARE(cell(view.get(), 1, SessionStatusModel::StateColumn), QStringLiteral("running"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(view.get(), 0, SessionStatusModel::StateColumn),
                                  QStringLiteral("cancelled"), 10000);
        QCOMPARE(cell(view.get(), 1, SessionStatusModel::StateColumn), QStringLiteral("running"));
        QTRY_VERIFY(!cancelHost->isEnabled());
        auto *copyName = view->findChild<QAction *>(QStringLiteral("copyHostNameAction"));
        copyName->trigger();
        QCOMPARE(QApplication::clipboard()->text(), m_fleet.hosts().at(0).name);

        // The rest with the Cancel button.
        QElapsedTimer clock;
        clock.start();
        auto *cancel = view->findChild<QPushButton *>(QStringLiteral("cancelButton"));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        for (int host = 1; host < 3; ++host)
            QCOMPARE(cell(view.get(), host, SessionStatusModel::StateColumn), QStringLiteral("cancelling…"));
        QVERIFY(waitFinished(view.get(), 15000));
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        for (int host = 0; host < 3; ++host)
            QCOMPARE(cell(view.get(), host, SessionStatusModel::StateColumn), QStringLiteral("cancelled"));
        QVERIFY2(summary->text().startsWith(QStringLiteral("0 ok, 3 cancelled")),
                 qPrintable(summary->text()));
        QVERIFY(!cancel->isEnabled());

        // Filters: nothing unfinished, three cancelled.
        view->statusProxy()->setStatusFilter(SessionStatusProxy::StatusFilter::Unfinished);
        QCOMPARE(table->model()->rowCount(), 0);
        view->statusProxy()->setStatusFilter(SessionStatusProxy::StatusFilter::Problems);
        QCOMPARE(table->model()->rowCount(), 3);
    }

    void closingARunningTabCancelsIt()
    {
        auto view = showView(request(QStringLiteral("sleep 30"), 1));
        const RunId run = view->runId();
        QTRY_COMPARE_WITH_TIMEOUT(view->session()->counts().active, 1, 20000);
        QSignalSpy finished(m_pool.get(), &WorkerPool::runFinished);
        view.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!m_pool->isRunning(run), 15000);
        QCOMPARE(finished.size(), 1);
    }

    void largeOutputShowsWhatIsNotShown()
    {
        auto view = showView(request(QStringLiteral("seq 1 300000"), 1));
        const qint64 limit = 64 * 1024;
        view->session()->setDisplayLimit(limit); // before any output: it arrives through the event loop
        OutputView *output = view->openOutput(0);
        QVERIFY(waitFinished(view.get()));
        QTRY_VERIFY(output->plainText().endsWith(QStringLiteral("299999\n300000\n")));
        auto *note = output->findChild<QLabel *>(QStringLiteral("notShownLabel"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLocale().toString(view->session()->bytesNotShown(0)) +
                                       QStringLiteral(" bytes not shown")),
                 qPrintable(note->text()));
        // The view holds about the limit, whole lines from the start.
        const int held = output->textEdit()->document()->characterCount();
        QVERIFY2(held <= limit + limit / 4 + 8, qPrintable(QString::number(held)));
        const QStringList lines = output->plainText().split(u'\n', Qt::SkipEmptyParts);
        int previous = lines.first().toInt() - 1;
        for (const QString &line : lines)
            QCOMPARE(line.toInt(), ++previous);
        QCOMPARE(previous, 300000);
    }

    void splitterPositionIsKept()
    {
        QList<int> moved;
        {
            SessionView view(new RunSession(request(QStringLiteral("true"), 1)));
            view.resize(800, 600);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            auto *splitter = view.findChild<QSplitter *>(QStringLiteral("sessionSplitter"));
            QVERIFY(splitter);
            splitter->setSizes({150, 400});
            moved = splitter->sizes();
            Q_EMIT splitter->splitterMoved(150, 1); // what a drag of the handle announces
        }
        SessionView again(new RunSession(request(QStringLiteral("true"), 1)));
        again.resize(800, 600);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("sessionSplitter"))->sizes(), moved);
    }

    void floodKeepsTheWindowResponsive()
    {
        // 3 hosts printing ~39 MB each as fast as they can, "All hosts" on screen. The GUI thread's
        // own CPU time between two ticks of a 10 ms timer is what it cannot answer in; unlike wall
        // time it does not depend on how busy the rest of the machine is.
        auto threadCpuUs = [] {
            timespec ts;
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
        };
        const qint64 rssBefore = peakRssKiB();
        QList<qint64> busy;
        qint64 lastCpu = threadCpuUs();
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 cpu = threadCpuUs();
            busy.append(cpu - lastCpu);
            lastCpu = cpu;
        });
        tick.start();
        auto view = showView(request(QStringLiteral("seq 1 5000000"), 3));
        OutputView *all = view->outputView(RunSession::AllHosts);
        int paints = 0;
        PaintCounter counter(&paints);
        all->textEdit()->viewport()->installEventFilter(&counter);
        QVERIFY(waitFinished(view.get(), 120000));
        tick.stop();
        const int paintsWhileRunning = paints;

        QCOMPARE(view->session()->counts().ok, 3);
        QCOMPARE(view->session()->bytesReceived(0), 38888896); // what `seq 1 5000000 | wc -c` says
        std::sort(busy.begin(), busy.end());
        const qint64 worstMs = busy.last() / 1000;
        qInfo() << "GUI thread busy between ticks: median" << busy.at(busy.size() / 2) / 1000.0 << "ms, worst"
                << busy.last() / 1000.0 << "ms;" << paintsWhileRunning << "repaints; peak RSS" << rssBefore
                << "->" << peakRssKiB() << "KiB";
        QVERIFY2(worstMs < 150, qPrintable(QString::number(worstMs)));
        QVERIFY2(paintsWhileRunning >= 5, qPrintable(QString::number(paintsWhileRunning)));
        // Kept decoded, 117 MB of output would take several times that; the limits keep a few MiB.
        QVERIFY2(peakRssKiB() - rssBefore < 250 * 1024,
                 qPrintable(QString::number(peakRssKiB() - rssBefore)));
        QTRY_VERIFY(all->plainText().endsWith(QStringLiteral(": 5000000\n")));
    }

    void ansiColours()
    {
        AnsiText reader;
        // Split in the middle of a sequence, colours carried over, cursor movement dropped.
        QList<AnsiText::Run> runs = reader.parse(u"a\x1b[1;3");
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].text, QStringLiteral("a"));
        runs = reader.parse(u"2mgreen\x1b[2K\x1b[Hstill\r\n\x1b[0mplain\x1b]0;title\x07\x1b(B.");
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].text, QStringLiteral("greenstill\n"));
        QCOMPARE(runs[0].format.foreground().color(), AnsiText::paletteColor(2));
        QCOMPARE(runs[0].format.fontWeight(), int(QFont::Bold));
        QCOMPARE(runs[1].text, QStringLiteral("plain."));
        QVERIFY(!runs[1].format.hasProperty(QTextFormat::ForegroundBrush));
        runs = reader.parse(u"\x1b[38;5;196mx\x1b[38;2;1;2;3;48;5;21my\x1b[7;39;49mz");
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs[0].format.foreground().color(), QColor(255, 0, 0));
        QCOMPARE(runs[1].format.foreground().color(), QColor(1, 2, 3));
        QCOMPARE(runs[1].format.background().color(), QColor(0, 0, 255));
        QVERIFY(runs[2].format.hasProperty(QTextFormat::BackgroundBrush)); // inverse of the defaults
        QCOMPARE(AnsiText::stripped(u"\x1b[31mred\x1b[0m and \x1b[?25lhidden cursor\x1b[?25h\n"),
                 QStringLiteral("red and hidden cursor\n"));
    }
};

QTEST_MAIN(TestSessionView)
#include "tst_sessionview.moc"
