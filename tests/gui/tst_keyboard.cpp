// The main flow from the keyboard alone, against a real sshd fleet: Tab to the host tree, check
// the hosts with Space, Tab to the command box and type, Ctrl+Enter to run, Tab to the status
// table and Enter to read a host's output, then Ctrl+. to cancel a long run. No mouse event is sent.
#include "app/guiapp.h"
#include "model/profiles/hostmodel.h"
#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"
#include "sshworker/fleet/localfleet.h"
#include "widgets/mainwindow/commandbar.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/session/outputview.h"
#include "widgets/session/sessionview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Chorus;

namespace {

// Presses Tab (as a person would, on whatever has the focus) until `wanted` has it.
bool tabTo(QWidget *wanted, int limit = 60)
{
    for (int i = 0; i < limit; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (focus == wanted || (focus && wanted->isAncestorOf(focus)))
            return true;
        QTest::keyClick(focus ? focus : QApplication::activeWindow(), Qt::Key_Tab);
    }
    return false;
}

QString focusName()
{
    QWidget *w = QApplication::focusWidget();
    return w ? QStringLiteral("%1 (%2)").arg(w->objectName(), QString::fromLatin1(w->metaObject()->className()))
             : QStringLiteral("nothing");
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT
private:
    LocalFleet m_fleet;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(m_fleet.start(2, &error), qPrintable(error));
        QVERIFY2(QSettings().fileName().startsWith(QDir::homePath()), "run through tests/testenv.sh");
    }
    void cleanupTestCase() { m_fleet.stop(); }

    void mainFlowWithoutMouse()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        QList<HostTarget> hosts;
        for (const FleetHost &h : m_fleet.hosts())
            hosts.append(m_fleet.target(h));
        window.setHosts(QStringLiteral("Fleet"), hosts);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QTRY_VERIFY(QApplication::focusWidget());

        // Hosts: Tab to the tree, Home to the group row, Space checks the group (all its hosts).
        QTreeView *tree = window.hostTree();
        QVERIFY2(tabTo(tree), qPrintable(focusName()));
        QTest::keyClick(tree, Qt::Key_Home);
        QVERIFY(tree->currentIndex().isValid());
        QTest::keyClick(tree, Qt::Key_Space);
        QTRY_COMPARE(window.hostModel()->checkedProfiles().size(), hosts.size());

        // Command: Tab to the box, type, Ctrl+Enter.
        auto *command = window.commandBar()->findChild<QWidget *>(QStringLiteral("commandEdit"));
        QVERIFY(command);
        QVERIFY2(tabTo(command), qPrintable(focusName()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3"));
        QCOMPARE(window.commandBar()->command(), QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window.sessionTabs()->count(), 1);
        SessionView *session = window.currentSession();
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);

        // Output: Tab to the status table, Down to a host, Enter opens its output.
        auto *table = session->findChild<QTableView *>(QStringLiteral("statusTable"));
        QVERIFY(table);
        QVERIFY2(tabTo(table), qPrintable(focusName()));
        QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClick(table, Qt::Key_Down);
        const int host = table->currentIndex().data(SessionStatusModel::HostIndexRole).toInt();
        const int before = session->outputTabs()->count();
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_COMPARE(session->outputTabs()->count(), before + 1);
        auto *output = qobject_cast<OutputView *>(session->outputTabs()->currentWidget());
        QVERIFY(output);
        QString address;
        for (const FleetHost &h : m_fleet.hosts()) {
            if (h.name == session->session()->hostName(host))
                address = h.address;
        }
        QVERIFY(!address.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(output->plainText().trimmed(), address, 5000);
        // The text itself should be reachable too, to select and copy from the keyboard.
        QVERIFY2(tabTo(output->textEdit(), 20), qPrintable(focusName()));

        // Cancel: Ctrl+L back to the command box from wherever the focus is, a long command, Ctrl+.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY2(QApplication::focusWidget() == command || command->isAncestorOf(QApplication::focusWidget()),
                 qPrintable(focusName()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("sleep 30"));
        QCOMPARE(window.commandBar()->command(), QStringLiteral("sleep 30"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window.sessionTabs()->count(), 2);
        SessionView *longRun = window.currentSession();
        QVERIFY(longRun != session);
        // Ctrl+. once the command is really running on the hosts, not just queued.
        QTRY_COMPARE_WITH_TIMEOUT(
            longRun->statusModel()->index(0, SessionStatusModel::StateColumn).data().toString(),
            QStringLiteral("running"), 15000);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Period, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!longRun->isRunning(), 15000);
        for (int i = 0; i < longRun->session()->hostCount(); ++i)
            QCOMPARE(longRun->session()->result(i).outcome, HostOutcome::Cancelled);
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
