// The run history in the main window, as a person uses it against a real sshd fleet: runs appear in
// the history panel, filters narrow them, the chart shows a command's durations over time, a past
// run reopens read-only, runs again, exports, and one host's output compares between two runs.
#include "app/guiapp.h"
#include "model/history/historymodel.h"
#include "model/history/runhistory.h"
#include "model/profiles/hostmodel.h"
#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"
#include "sshworker/fleet/localfleet.h"
#include "widgets/charts/historychart.h"
#include "widgets/charts/plotexport.h"
#include "widgets/compare/diffview.h"
#include "widgets/compare/runcomparedialog.h"
#include "widgets/history/historypanel.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/session/exportmenu.h"
#include "widgets/session/outputview.h"
#include "widgets/session/sessionview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;

class TestHistoryPanel : public QObject
{
    Q_OBJECT

    LocalFleet m_fleet;
    QTemporaryDir m_tmp;
    std::unique_ptr<GuiApp> m_gui;
    MainWindow *m_window = nullptr;
    QString m_stateFile;
    QString m_command;
    qint64 m_first = 0;
    qint64 m_second = 0;

    void setState(const QByteArray &text)
    {
        QFile f(m_stateFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
    SessionView *runAndWait(const QString &command)
    {
        m_window->hostModel()->setAllChecked(true);
        SessionView *session = m_window->runOn(m_window->hostModel()->checkedProfiles(), command);
        if (!session)
            return nullptr;
        const bool ended = QTest::qWaitFor([session] { return !session->isRunning() && session->historyId() > 0; }, 30000);
        return ended ? session : nullptr;
    }
    HistoryPanel *panel() const { return m_window->historyPanel(); }
    int hostIndex(RunSession *session, const QString &name) const
    {
        for (int i = 0; i < session->hostCount(); ++i) {
            if (session->hostName(i) == name)
                return i;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(why));
        QVERIFY2(QSettings().fileName().startsWith(QDir::homePath()), "run through tests/testenv.sh");
        QString error;
        QVERIFY2(m_fleet.start(3, &error), qPrintable(error));
        m_stateFile = m_tmp.filePath(QStringLiteral("state"));
        m_command = QStringLiteral("cat ") + m_stateFile;
        m_gui = std::make_unique<GuiApp>();
        m_window = m_gui->window();
        QList<HostTarget> targets;
        for (const FleetHost &h : m_fleet.hosts())
            targets += m_fleet.target(h);
        m_window->setHosts(QStringLiteral("Fleet"), targets);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }
    void cleanupTestCase()
    {
        m_gui.reset();
        m_fleet.stop();
    }

    void finishedRunsAppearInThePanel()
    {
        QVERIFY(m_window->history()->isOpen());
        const int before = panel()->model()->rowCount();
        setState("version 1\nsame line\n");
        SessionView *first = runAndWait(m_command);
        QVERIFY(first);
        QVERIFY(first->historyId() > 0);
        setState("version 2\nsame line\n");
        SessionView *second = runAndWait(m_command);
        QVERIFY(second);
        QVERIFY(runAndWait(QStringLiteral("exit 3")));
        m_first = first->historyId();
        m_second = second->historyId();
        // The panel was hidden: it reads the history when it is shown, and follows new runs while shown.
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("historyDock"));
        QVERIFY(dock && !dock->isVisible());
        dock->show();
        QCOMPARE(panel()->model()->rowCount(), before + 3);
        QVERIFY(runAndWait(QStringLiteral("true")));
        QCOMPARE(panel()->model()->rowCount(), before + 4);
        // Newest first.
        QAbstractItemModel *rows = panel()->table()->model();
        QCOMPARE(rows->index(0, HistoryModel::CommandColumn).data().toString(), QStringLiteral("true"));
        QCOMPARE(rows->index(1, HistoryModel::CommandColumn).data().toString(), QStringLiteral("exit 3"));
        QCOMPARE(rows->index(1, HistoryModel::ProblemsColumn).data().toInt(), 3);
        QCOMPARE(rows->index(2, HistoryModel::OkColumn).data().toInt(), 3);
    }

    void filtersNarrowTheList()
    {
        panel()->commandFilter()->setText(QStringLiteral("cat "));
        panel()->applyFilter();
        QCOMPARE(panel()->model()->rowCount(), 2);
        panel()->commandFilter()->setText(QStringLiteral("no such command"));
        panel()->applyFilter();
        QCOMPARE(panel()->model()->rowCount(), 0);
        panel()->commandFilter()->clear();

        panel()->hostFilter()->setText(m_fleet.hosts().at(1).name);
        panel()->applyFilter();
        QCOMPARE(panel()->model()->rowCount(), 4);
        panel()->hostFilter()->setText(QStringLiteral("nowhere"));
        panel()->applyFilter();
        QCOMPARE(panel()->model()->rowCount(), 0);
        panel()->hostFilter()->clear();

        QComboBox *outcome = panel()->outcomeFilter();
        outcome->setCurrentIndex(outcome->findData(int(HostOutcome::NonZeroExit)));
        QCOMPARE(panel()->model()->rowCount(), 1);
        outcome->setCurrentIndex(outcome->findData(int(HostOutcome::Failed)));
        QCOMPARE(panel()->model()->rowCount(), 0);
        outcome->setCurrentIndex(0);

        panel()->sinceDate()->setDate(QDate::currentDate().addDays(1));
        panel()->sinceCheck()->setChecked(true);
        QCOMPARE(panel()->model()->rowCount(), 0);
        panel()->sinceDate()->setDate(QDate::currentDate());
        QCOMPARE(panel()->model()->rowCount(), 4);
        panel()->sinceCheck()->setChecked(false);
    }

    void chartShowsTheCommandOverTime()
    {
        panel()->table()->clearSelection();
        panel()->selectRun(m_second);
        HistoryChart *chart = panel()->chart();
        QCOMPARE(chart->command(), m_command);
        QCOMPARE(chart->points().size(), 2);
        QCOMPARE(chart->points().at(0).run, m_first);
        QCOMPARE(chart->points().at(1).run, m_second);
        // With a host filtered on, that host's own durations.
        const QString host = m_fleet.hosts().at(0).name;
        panel()->hostFilter()->setText(host);
        panel()->applyFilter();
        QCOMPARE(chart->host(), host);
        QCOMPARE(chart->points().size(), 2);
        const RunHistory::HostRecord record = *m_window->history()->hostResult(m_second, host);
        QCOMPARE(chart->points().at(1).durationMs, record.result.durationUs() / 1000);
        panel()->hostFilter()->clear();
        panel()->applyFilter();

        const QString png = m_tmp.filePath(QStringLiteral("over-time.png"));
        QVERIFY(PlotExport::save(chart->plot(), png));
        QVERIFY(QFileInfo(png).size() > 1000);
    }

    void aPastRunReopensReadOnly()
    {
        const int tabs = m_window->sessionTabs()->count();
        // Enter on the selected row opens it, as a double-click does.
        panel()->table()->clearSelection();
        panel()->selectRun(m_first);
        const QModelIndex current = panel()->table()->selectionModel()->selectedRows().value(0);
        panel()->table()->setCurrentIndex(current);
        panel()->table()->setFocus();
        QTest::keyClick(panel()->table(), Qt::Key_Return);
        QCOMPARE(m_window->sessionTabs()->count(), tabs + 1);
        auto *view = qobject_cast<SessionView *>(m_window->sessionTabs()->currentWidget());
        QVERIFY(view);
        QCOMPARE(view->historyId(), m_first);
        QVERIFY(!view->isRunning());
        QVERIFY(!view->findChild<QPushButton *>(QStringLiteral("cancelButton"))->isEnabled());
        QCOMPARE(view->session()->counts().ok, 3);
        const int host = hostIndex(view->session(), m_fleet.hosts().at(2).name);
        QVERIFY(host >= 0);
        OutputView *output = view->openOutput(host);
        QTRY_COMPARE(output->plainText(), QStringLiteral("version 1\nsame line\n"));
        QCOMPARE(view->session()->result(host).exitStatus, 0);
    }

    void comparesAHostBetweenTwoRuns()
    {
        const QString host = m_fleet.hosts().at(0).name;
        RunCompareDialog *dialog = m_window->compareRuns(m_first, m_second, host);
        QVERIFY(dialog);
        QCOMPARE(dialog->currentHost(), host);
        QCOMPARE(dialog->hosts().size(), 3);
        DiffView *diff = dialog->diffView();
        QCOMPARE(diff->changeCount(), 1);
        QCOMPARE(diff->rowText(false, diff->changeRow(0)), QStringLiteral("version 1"));
        QCOMPARE(diff->rowText(true, diff->changeRow(0)), QStringLiteral("version 2"));
        QVERIFY2(dialog->summary()->text().contains(QStringLiteral("output changed")), qPrintable(dialog->summary()->text()));
        dialog->close();

        // From a session's status table: "what changed since the previous run" of that host.
        m_window->sessionTabs()->setCurrentIndex(m_window->sessionTabs()->count() - 1);
        panel()->table()->clearSelection();
        SessionView *latest = m_window->openFromHistory(m_second);
        QVERIFY(latest);
        const int row = hostIndex(latest->session(), host);
        latest->selectHosts({row});
        auto *action = latest->findChild<QAction *>(QStringLiteral("comparePreviousRunAction"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        action->trigger();
        RunCompareDialog *fromSession = nullptr;
        for (RunCompareDialog *d : m_window->findChildren<RunCompareDialog *>()) {
            if (d->isVisible())
                fromSession = d;
        }
        QVERIFY(fromSession);
        QCOMPARE(fromSession->currentHost(), host);
        QCOMPARE(fromSession->diffView()->changeCount(), 1);
        fromSession->close();
    }

    void aPastRunRunsAgain()
    {
        setState("version 3\n");
        const int tabs = m_window->sessionTabs()->count();
        m_window->rerunFromHistory(m_first);
        QCOMPARE(m_window->sessionTabs()->count(), tabs + 1);
        SessionView *again = m_window->currentSession();
        QVERIFY(again);
        QCOMPARE(again->session()->request().command, m_command);
        QCOMPARE(again->session()->hostCount(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(!again->isRunning(), 30000);
        QCOMPARE(again->session()->counts().ok, 3);
        QCOMPARE(again->session()->result(0).stdoutData, QByteArray("version 3\n"));
    }

    void exportsFromTheSessionTab()
    {
        SessionView *session = m_window->currentSession();
        QVERIFY(session && !session->isRunning());
        QVERIFY(session->findChild<QPushButton *>(QStringLiteral("exportRunButton"))->isEnabled());
        const QString dir = m_tmp.filePath(QStringLiteral("exported"));
        QString message;
        QVERIFY2(session->exportMenu()->exportTo(RunExport::Format::Folder, dir, &message), qPrintable(message));
        QVERIFY(message.isEmpty());
        for (const FleetHost &h : m_fleet.hosts()) {
            QFile out(QDir(dir).filePath(h.name + QStringLiteral(".out")));
            QVERIFY(out.open(QIODevice::ReadOnly));
            QCOMPARE(out.readAll(), QByteArray("version 3\n"));
            QFile exit(QDir(dir).filePath(h.name + QStringLiteral(".exit")));
            QVERIFY(exit.open(QIODevice::ReadOnly));
            QCOMPARE(exit.readAll(), QByteArray("0\n"));
        }
        // The history panel exports its selected run the same way.
        panel()->table()->clearSelection();
        panel()->selectRun(m_first);
        const QString csv = m_tmp.filePath(QStringLiteral("first.csv"));
        QVERIFY2(panel()->exportMenu()->exportTo(RunExport::Format::Csv, csv, &message), qPrintable(message));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count("\r\n"), 4); // header and three hosts
    }

    // A cancelled run is listed with how many hosts it stopped, not as 0 ok and 0 failed.
    void aCancelledRunShowsItsCounts()
    {
        m_window->hostModel()->setAllChecked(true);
        SessionView *session = m_window->runOn(m_window->hostModel()->checkedProfiles(), QStringLiteral("sleep 60"));
        QVERIFY(session);
        QTRY_COMPARE_WITH_TIMEOUT(session->session()->counts().active, 3, 20000);
        session->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning() && session->historyId() > 0, 30000);
        QAbstractItemModel *rows = panel()->table()->model();
        QTRY_COMPARE(rows->index(0, HistoryModel::CommandColumn).data().toString(), QStringLiteral("sleep 60"));
        QCOMPARE(rows->index(0, HistoryModel::CancelledColumn).data().toInt(), 3);
        QCOMPARE(rows->index(0, HistoryModel::OkColumn).data().toInt(), 0);
        QCOMPARE(rows->headerData(HistoryModel::CancelledColumn, Qt::Horizontal).toString(), QStringLiteral("Cancelled"));
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
