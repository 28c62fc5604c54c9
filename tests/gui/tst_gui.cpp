// The main window driven as a person would, offscreen, against a real sshd fleet.
#include "app/guiapp.h"
#include "model/core/appsettings.h"
#include "model/core/translation.h"
#include "model/history/runhistory.h"
#include "model/profiles/hostmodel.h"
#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"
#include "model/ssh/knownhosts.h"
#include "sshworker/fleet/localfleet.h"
#include "tests/support/passworduser.h"
#include "widgets/compare/compareview.h"
#include "widgets/dialogs/credentialdialog.h"
#include "widgets/dialogs/hostkeydialog.h"
#include "widgets/mainwindow/commandbar.h"
#include "widgets/mainwindow/commandedit.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/session/outputview.h"
#include "widgets/session/sessionview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace Chorus;

class TestGui : public QObject
{
    Q_OBJECT
private:
    LocalFleet m_fleet;
    QTemporaryDir m_tmp;
    PasswordUser m_passwordUser;

    HostTarget target(const FleetHost &host) const { return m_fleet.target(host); }
    QList<HostTarget> targets(int from, int to) const
    {
        QList<HostTarget> list;
        for (int i = from; i <= to; ++i)
            list.append(target(m_fleet.hosts().at(i)));
        return list;
    }
    // Answers the next message box named box by the button whose text starts with button, and
    // keeps its text in *asked.
    static void answerBox(const QString &box, const QString &button, QString *asked)
    {
        QTimer::singleShot(0, [asked, box, button] {
            auto *dialog = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != box)
                return;
            *asked = dialog->text();
            for (QAbstractButton *b : dialog->buttons()) {
                if (b->text().remove(u'&').startsWith(button))
                    b->click();
            }
        });
    }
    // Checks exactly the hosts of a group in the host panel, as a click on the group's box would.
    static void checkGroup(MainWindow &window, const QString &group)
    {
        window.hostModel()->setAllChecked(false);
        const QModelIndex index = window.hostModel()->groupIndex(group);
        QVERIFY(index.isValid());
        QVERIFY(window.hostModel()->setData(index, Qt::Checked, Qt::CheckStateRole));
    }
    static SessionView *runWithKeys(MainWindow &window, const QString &command)
    {
        // Shortcuts only reach the active window, as for a person.
        if (!window.isVisible()) {
            window.show();
            if (!QTest::qWaitForWindowExposed(&window))
                return nullptr;
        }
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        window.commandBar()->setCommand(command);
        const int before = window.sessionTabs()->count();
        QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier);
        return window.sessionTabs()->count() == before + 1 ? window.currentSession() : nullptr;
    }
    static int row(SessionView *session, const QString &host)
    {
        RunSession *s = session->session();
        for (int i = 0; i < s->hostCount(); ++i) {
            if (s->hostName(i) == host)
                return i;
        }
        return -1;
    }
    static QString cell(SessionView *session, int host, int column)
    {
        SessionStatusModel *model = session->statusModel();
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex index = model->index(r, 0);
            if (index.data(SessionStatusModel::HostIndexRole).toInt() == host)
                return model->index(r, column).data().toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(m_fleet.start(8, &error), qPrintable(error));
        QVERIFY2(QSettings().fileName().startsWith(QDir::homePath()), "run through tests/testenv.sh");
    }
    void cleanupTestCase()
    {
        m_fleet.stop();
        m_passwordUser.remove();
    }

    void runOnCheckedHostsWithCtrlEnter()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        QAbstractItemModelTester tester(window.hostModel());
        window.setHosts(QStringLiteral("Fleet"), targets(0, 2));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        checkGroup(window, QStringLiteral("Fleet"));
        // Every fleet host is this machine: the server address tells them apart.
        SessionView *session = runWithKeys(window, QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3"));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        for (int i = 0; i < 3; ++i) {
            const FleetHost &h = m_fleet.hosts().at(i);
            const int host = row(session, h.name);
            QVERIFY(host >= 0);
            QCOMPARE(cell(session, host, SessionStatusModel::ExitColumn), QStringLiteral("0"));
            OutputView *view = session->openOutput(host);
            QVERIFY(view);
            QTRY_COMPARE_WITH_TIMEOUT(view->plainText().trimmed(), h.address, 5000);
        }
        QVERIFY2(session->summaryText().contains(QStringLiteral("3 ok")), qPrintable(session->summaryText()));
    }

    void failingHostShowsItsError()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        QList<HostTarget> hosts = targets(3, 4);
        hosts.append(target(m_fleet.addRefusingHost()));
        window.setHosts(QStringLiteral("Mixed"), hosts);
        checkGroup(window, QStringLiteral("Mixed"));
        SessionView *session = runWithKeys(window, QStringLiteral("echo fine"));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        const int refused = row(session, hosts.last().name);
        QCOMPARE(cell(session, refused, SessionStatusModel::StateColumn).toLower(), QStringLiteral("failed"));
        QVERIFY2(cell(session, refused, SessionStatusModel::ErrorColumn).contains(QStringLiteral("refused")),
                 qPrintable(cell(session, refused, SessionStatusModel::ErrorColumn)));
        QCOMPARE(cell(session, row(session, hosts.first().name), SessionStatusModel::ExitColumn), QStringLiteral("0"));
        // The summary keeps a host that could not be reached apart from a command that said no, and
        // says a short run's time as it is.
        const QString summary = session->summaryText();
        QVERIFY2(summary.startsWith(QStringLiteral("2 ok, 1 failed to connect or finish — finished in ")), qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("0:0")), qPrintable(summary));
        SessionView *nonZero = runWithKeys(window, QStringLiteral("exit 3"));
        QVERIFY(nonZero);
        QTRY_VERIFY_WITH_TIMEOUT(!nonZero->isRunning(), 30000);
        QVERIFY2(nonZero->summaryText().startsWith(QStringLiteral("0 ok, 2 exited non-zero, 1 failed to connect or finish")),
                 qPrintable(nonZero->summaryText()));
    }

    void cancelAndTwoSessionsAtOnce()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Fleet"), targets(5, 6));
        checkGroup(window, QStringLiteral("Fleet"));
        SessionView *sleeper = runWithKeys(window, QStringLiteral("sleep 30"));
        QVERIFY(sleeper);
        SessionView *quick = runWithKeys(window, QStringLiteral("echo second"));
        QVERIFY(quick);
        QCOMPARE(window.sessionTabs()->count(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!quick->isRunning(), 30000); // finished while the other still runs
        QVERIFY(sleeper->isRunning());
        window.sessionTabs()->setCurrentWidget(sleeper);
        QTRY_VERIFY_WITH_TIMEOUT(cell(sleeper, 0, SessionStatusModel::StateColumn).toLower() == QStringLiteral("running")
                                     && cell(sleeper, 1, SessionStatusModel::StateColumn).toLower() == QStringLiteral("running"),
                                 30000);
        QTest::keyClick(&window, Qt::Key_Period, Qt::ControlModifier); // two hosts: no question asked
        QTRY_VERIFY_WITH_TIMEOUT(!sleeper->isRunning(), 15000);
        for (int host = 0; host < 2; ++host)
            QCOMPARE(cell(sleeper, host, SessionStatusModel::StateColumn).toLower(), QStringLiteral("cancelled"));
    }

    // A multi-host tool is a loaded gun: Esc (pressed to clear the search) stops nothing, stopping
    // many hosts is asked first, and so is quitting while commands run.
    void stoppingIsAlwaysMeant()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Fleet"), targets(0, 7));
        checkGroup(window, QStringLiteral("Fleet"));
        SessionView *run = runWithKeys(window, QStringLiteral("sleep 30"));
        QVERIFY(run);
        QTRY_VERIFY_WITH_TIMEOUT(run->session()->counts().active == 8, 30000);

        auto *search = window.findChild<QLineEdit *>(QStringLiteral("hostSearch"));
        QVERIFY(search);
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("node"));
        QTest::keyClick(search, Qt::Key_Escape);
        QCOMPARE(search->text(), QString());
        QTest::keyClick(&window, Qt::Key_Escape);
        QTest::qWait(300);
        QVERIFY(run->isRunning());
        QCOMPARE(run->session()->counts().cancelled, 0);

        QString asked;
        const auto answer = [&asked](const QString &box, const QString &button) { answerBox(box, button, &asked); };
        answer(QStringLiteral("confirmCancelBox"), QStringLiteral("Keep"));
        QTest::keyClick(&window, Qt::Key_Period, Qt::ControlModifier);
        QVERIFY2(asked.contains(QStringLiteral("8 host")) && asked.contains(QStringLiteral("not finished")), qPrintable(asked));
        QVERIFY(run->isRunning());

        asked.clear();
        answer(QStringLiteral("confirmQuitBox"), QStringLiteral("Keep"));
        QVERIFY(!window.close());
        QVERIFY2(asked.contains(QStringLiteral("running on 8 host")), qPrintable(asked));
        QVERIFY(run->isRunning());

        answer(QStringLiteral("confirmCancelBox"), QStringLiteral("Cancel 8"));
        run->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 15000);
        QCOMPARE(run->session()->counts().cancelled, 8);
        QVERIFY(window.close()); // nothing runs: no question
    }

    // The Run button says how many hosts it will hit, hidden ones included; hidden hosts or many hosts
    // are confirmed with the count and the groups before anything runs.
    void runButtonSaysWhatItWillDo()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Fleet"), targets(0, 7));
        checkGroup(window, QStringLiteral("Fleet"));
        auto *runButton = window.findChild<QPushButton *>(QStringLiteral("runButton"));
        QVERIFY(runButton);
        QTRY_VERIFY2(runButton->text().remove(u'&').startsWith(QStringLiteral("Run on 8 host")), qPrintable(runButton->text()));
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("hostSearch"));
        search->setText(m_fleet.hosts().at(0).name);
        QTRY_VERIFY2(runButton->text().contains(QStringLiteral("(7 not shown)")), qPrintable(runButton->text()));

        QString asked;
        const auto answer = [&asked](const QString &button) {
            answerBox(QStringLiteral("confirmRunBox"), button, &asked);
        };
        window.commandBar()->setCommand(QStringLiteral("echo hi"));
        answer(QStringLiteral("Cancel"));
        QVERIFY(!window.runCommand());
        QCOMPARE(window.sessionTabs()->count(), 0);
        QVERIFY2(asked.contains(QStringLiteral("“echo hi”")) && asked.contains(QStringLiteral("Fleet (8)"))
                     && asked.contains(QStringLiteral("7 of them are hidden")),
                 qPrintable(asked));

        search->clear();
        QTRY_VERIFY(!runButton->text().contains(QStringLiteral("not shown")));
        AppSettings::setValue(AppSettings::ConfirmRunAbove, 5);
        asked.clear();
        answer(QStringLiteral("Run on 8"));
        SessionView *session = window.runCommand();
        AppSettings::setValue(AppSettings::ConfirmRunAbove, AppSettings::defaultValue(AppSettings::ConfirmRunAbove));
        QVERIFY2(session, qPrintable(asked));
        QVERIFY(!asked.contains(QStringLiteral("hidden")));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        QCOMPARE(session->session()->counts().ok, 8);
    }

    // "Test connection" from the host menu answers in a box and leaves no trace: no session tab, no
    // run in the history, no command in the command history.
    void testConnectionLeavesNoTrace()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        QList<HostTarget> hosts = targets(0, 1);
        const FleetHost refusing = m_fleet.addRefusingHost();
        hosts.append(target(refusing));
        window.setHosts(QStringLiteral("Tested"), hosts);
        const QStringList commandsBefore = AppSettings::commandHistory();
        RunHistory history;
        QCOMPARE(history.open(), RunHistory::OpenResult::Opened);
        const qsizetype runsBefore = history.runs().size();

        QString asked;
        QTimer poll; // the box runs its own event loop: look for it from a timer
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, &poll, [&asked, &poll] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box && box->objectName() == QStringLiteral("connectionTestBox")) {
                asked = box->text();
                poll.stop();
                box->accept();
            }
        });
        poll.start();
        QList<Profile> tested;
        for (const Profile &p : window.hostModel()->profiles()) {
            if (p.group == QStringLiteral("Tested"))
                tested.append(p);
        }
        window.testHosts(tested);
        QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 30000);
        QVERIFY2(asked.startsWith(QStringLiteral("2 of 3 host")), qPrintable(asked));
        QVERIFY2(asked.contains(hosts.last().name + QStringLiteral(": ")) && asked.contains(QStringLiteral("refused")),
                 qPrintable(asked));
        QCOMPARE(window.sessionTabs()->count(), 0);
        QCOMPARE(AppSettings::commandHistory(), commandsBefore);
        QTest::qWait(200);
        QCOMPARE(history.runs().size(), runsBefore);
    }

    // Tab titles show user text as it is ('&' included) and tell two runs of one command apart;
    // Ctrl+W closes a tab; Up in the command box gives the newest command first, as a shell does.
    void tabsAndCommandHistory()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Fleet"), targets(0, 1));
        checkGroup(window, QStringLiteral("Fleet"));
        const QString command = QStringLiteral("true && echo \"R&D\" >&2");
        SessionView *first = runWithKeys(window, command);
        SessionView *second = runWithKeys(window, command);
        QVERIFY(first && second);
        QTabWidget *tabs = window.sessionTabs();
        const QString firstTitle = tabs->tabText(tabs->indexOf(first));
        const QString secondTitle = tabs->tabText(tabs->indexOf(second));
        QVERIFY2(firstTitle != secondTitle, qPrintable(firstTitle));
        // What the tab bar shows: "&&" is a literal '&', a lone '&' would underline the next letter.
        QString shown = firstTitle;
        shown.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
        QVERIFY2(!shown.contains(u'&'), qPrintable(firstTitle));
        QVERIFY2(shown.replace(u'\x01', u'&').startsWith(command), qPrintable(firstTitle));
        QTRY_VERIFY_WITH_TIMEOUT(!first->isRunning() && !second->isRunning(), 30000);
        // Each tab's icon says how its run stands: running, all ok, some failed.
        SessionView *failing = runWithKeys(window, QStringLiteral("sleep 1; exit 3"));
        QVERIFY(failing);
        // The state the tab shows, with a non-empty icon.
        const auto tabState = [tabs](SessionView *s) {
            const int tab = tabs->indexOf(s);
            return tabs->tabIcon(tab).isNull() ? -1 : int(tabs->tabBar()->tabData(tab).value<SessionView::State>());
        };
        QCOMPARE(tabState(failing), int(SessionView::State::Running));
        QTRY_VERIFY_WITH_TIMEOUT(!failing->isRunning(), 30000);
        QCOMPARE(tabState(failing), int(SessionView::State::SomeFailed));
        QCOMPARE(tabState(first), int(SessionView::State::AllOk));
        QVERIFY(tabs->tabIcon(tabs->indexOf(first)).pixmap(16).toImage() !=
                tabs->tabIcon(tabs->indexOf(failing)).pixmap(16).toImage());
        delete failing;
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(tabs->count(), 1);
        QCOMPARE(tabs->widget(0), first);

        window.commandBar()->remember(QStringLiteral("echo older"));
        window.commandBar()->remember(QStringLiteral("echo newest"));
        window.commandBar()->setCommand(QStringLiteral("draft"));
        QWidget *edit = window.findChild<QWidget *>(QStringLiteral("commandEdit"));
        QTest::keyClick(edit, Qt::Key_Up);
        QCOMPARE(window.commandBar()->command(), QStringLiteral("echo newest"));
        QTest::keyClick(edit, Qt::Key_Up);
        QCOMPARE(window.commandBar()->command(), QStringLiteral("echo older"));
        QTest::keyClick(edit, Qt::Key_Down);
        QCOMPARE(window.commandBar()->command(), QStringLiteral("echo newest"));
        QTest::keyClick(edit, Qt::Key_Down);
        QCOMPARE(window.commandBar()->command(), QStringLiteral("draft"));
    }

    // A run that takes a while and ends while the window is not active says so on the desktop.
    void notifiesWhenARunEndsUnseen()
    {
        GuiApp gui;
        MainWindow &window = *gui.window(); // never shown: never the active window
        window.setHosts(QStringLiteral("Fleet"), targets(0, 1));
        window.hostModel()->setAllChecked(true);
        QSignalSpy notified(&window, &MainWindow::runEndedUnseen);
        window.commandBar()->setCommand(QStringLiteral("true"));
        SessionView *quick = window.runCommand();
        QVERIFY(quick);
        QTRY_VERIFY_WITH_TIMEOUT(!quick->isRunning(), 30000);
        QCOMPARE(notified.size(), 0); // short: the user is still looking
        window.commandBar()->setCommand(QStringLiteral("sleep %1").arg(MainWindow::NotifyAfterMs / 1000.0 + 0.5));
        SessionView *slow = window.runCommand();
        QVERIFY(slow);
        QTRY_VERIFY_WITH_TIMEOUT(!slow->isRunning(), 30000);
        QCOMPARE(notified.size(), 1);
        QVERIFY2(notified.first().at(0).toString().startsWith(QStringLiteral("Run finished: all 2 host")),
                 qPrintable(notified.first().at(0).toString()));
        QVERIFY(notified.first().at(1).toString().startsWith(QStringLiteral("sleep ")));
    }

    void hostKeyDialogAcceptsOnlyTheChecked()
    {
        const QString knownHosts = m_tmp.filePath(QStringLiteral("known_hosts_ask"));
        QFile::copy(m_fleet.knownHostsPath(), knownHosts);
        QList<HostTarget> hosts;
        for (int i = 0; i < 5; ++i) {
            HostTarget t = target(m_fleet.addUnknownKeyHost());
            QVERIFY(!t.hostname.isEmpty());
            t.hostKeyPolicy = HostKeyPolicy::Ask;
            t.knownHostsFiles = {knownHosts};
            hosts.append(t);
        }
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("New"), hosts);
        checkGroup(window, QStringLiteral("New"));
        SessionView *session = runWithKeys(window, QStringLiteral("echo accepted"));
        QVERIFY(session);
        HostKeyDialog *dialog = window.hostKeyDialog();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->pendingCount(), 5, 30000);
        QVERIFY(dialog->isVisible());
        dialog->setChecked(hosts[1].name, false);
        dialog->setChecked(hosts[3].name, false);
        dialog->findChild<QPushButton *>(QStringLiteral("acceptSelected"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        for (int i = 0; i < 5; ++i) {
            const int host = row(session, hosts[i].name);
            const bool accepted = i != 1 && i != 3;
            QCOMPARE(session->session()->result(host).outcome, accepted ? HostOutcome::Ok : HostOutcome::Failed);
            QCOMPARE(session->session()->result(host).stdoutData, accepted ? QByteArray("accepted\n") : QByteArray());
        }
        QFile file(knownHosts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        for (int i = 0; i < 5; ++i) {
            const QByteArray name = KnownHosts::lookupName(hosts[i].hostname, hosts[i].port).toUtf8();
            QCOMPARE(text.contains(name + ' '), i != 1 && i != 3);
        }
    }

    void changedKeyIsRefusedWithAWarning()
    {
        HostTarget t = target(m_fleet.addWrongKeyHost());
        t.hostKeyPolicy = HostKeyPolicy::Ask;
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Changed"), {t});
        checkGroup(window, QStringLiteral("Changed"));
        SessionView *session = runWithKeys(window, QStringLiteral("echo never"));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        QCOMPARE(session->session()->result(0).failure, FailureKind::HostKeyChanged);
        HostKeyDialog *dialog = window.hostKeyDialog();
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->pendingCount(), 0); // nothing to accept
        const QString warning = dialog->findChild<QLabel *>(QStringLiteral("changedKeyWarning"))->text();
        QVERIFY2(warning.contains(m_fleet.hostKeyFingerprint()) && warning.contains(m_fleet.otherHostKeyFingerprint()),
                 qPrintable(warning));
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("acceptSelected"))->isEnabled());
    }

    // Under zh_CN the dialog names each refused host by its own name: the name comes from the run,
    // never from cutting up the (translated) message.
    void changedKeysNamedInChinese()
    {
        QCOMPARE(Translation::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        const auto english = qScopeGuard([] { Translation::install(QStringLiteral("en")); });
        QList<HostTarget> targets;
        for (int i = 0; i < 2; ++i) {
            HostTarget t = target(m_fleet.addWrongKeyHost());
            t.hostKeyPolicy = HostKeyPolicy::Ask;
            targets += t;
        }
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Changed2"), targets);
        checkGroup(window, QStringLiteral("Changed2"));
        SessionView *session = runWithKeys(window, QStringLiteral("echo never"));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        const QString warning =
            window.hostKeyDialog()->findChild<QLabel *>(QStringLiteral("changedKeyWarning"))->text();
        QVERIFY2(warning.contains(QStringLiteral("主机密钥已更改")), qPrintable(warning)); // really Chinese
        const QStringList lines = warning.split(u'\n');
        for (const HostTarget &t : std::as_const(targets)) {
            const auto named = std::count_if(lines.begin(), lines.end(),
                                             [&t](const QString &line) { return line.startsWith(t.name); });
            QVERIFY2(named == 1, qPrintable(t.name + QStringLiteral(" in:\n") + warning));
        }
    }

    void credentialPromptWhileOthersRun()
    {
        if (!PasswordUser::canCreate())
            QSKIP(qPrintable(PasswordUser::whyNot()));
        const QString error = m_passwordUser.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const FleetHost host = m_fleet.addPasswordHost(false);
        HostTarget t = target(host);
        t.user = PasswordUser::name();
        t.identityFiles.clear();
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Password"), {t, target(m_fleet.hosts().at(7))});
        checkGroup(window, QStringLiteral("Password"));
        SessionView *session = runWithKeys(window, QStringLiteral("id -un"));
        QVERIFY(session);
        CredentialDialog *dialog = window.credentialDialog();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->pendingCount(), 1, 30000);
        QVERIFY(dialog->isVisible());
        // The key host did not wait for the person at the prompt.
        const int other = row(session, m_fleet.hosts().at(7).name);
        QTRY_VERIFY_WITH_TIMEOUT(session->session()->isHostFinished(other), 30000);
        QCOMPARE(session->session()->result(other).outcome, HostOutcome::Ok);
        dialog->answer(PasswordUser::secret(), false, true);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        const int pw = row(session, t.name);
        QCOMPARE(session->session()->result(pw).stdoutData, PasswordUser::name().toUtf8() + '\n');
    }

    void historyAndSnippetsSurviveARestart()
    {
        {
            GuiApp gui;
            MainWindow &window = *gui.window();
            window.setHosts(QStringLiteral("Fleet"), targets(0, 0));
            checkGroup(window, QStringLiteral("Fleet"));
            QVERIFY(runWithKeys(window, QStringLiteral("uptime")));
            QVERIFY(runWithKeys(window, QStringLiteral("df -h")));
            QVERIFY(runWithKeys(window, QStringLiteral("uptime")));
            AppSettings::setSnippets({{QStringLiteral("Disk"), QStringLiteral("df -h /")}});
        }
        GuiApp guiAgain;
        MainWindow &again = *guiAgain.window();
        const QStringList items = again.commandBar()->findChild<CommandEdit *>(QStringLiteral("commandEdit"))->history();
        QCOMPARE(items.mid(0, 2), (QStringList{QStringLiteral("uptime"), QStringLiteral("df -h")}));
        QCOMPARE(items.count(QStringLiteral("uptime")), 1); // deduplicated
        auto *snippets = again.commandBar()->findChild<QToolButton *>(QStringLiteral("snippetsButton"));
        QAction *disk = nullptr;
        for (QAction *a : snippets->menu()->actions())
            if (a->text() == QStringLiteral("Disk"))
                disk = a;
        QVERIFY(disk);
        disk->trigger();
        QCOMPARE(again.commandBar()->command(), QStringLiteral("df -h /"));
    }

    // Commands as people write them: several lines typed with Shift+Enter, a local script sent on
    // stdin, a snippet whose {{parameters}} are asked for once.
    void multiLineScriptsAndSnippetParameters()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Fleet"), targets(0, 1));
        checkGroup(window, QStringLiteral("Fleet"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QApplication::setActiveWindow(&window);

        // Shift+Enter adds a line and the box grows; Enter runs all of it.
        auto *edit = window.commandBar()->findChild<CommandEdit *>(QStringLiteral("commandEdit"));
        QVERIFY(edit);
        const int oneLine = edit->height();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("echo first"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(edit, QStringLiteral("echo second"));
        QCOMPARE(window.commandBar()->command(), QStringLiteral("echo first\necho second"));
        QVERIFY2(edit->height() > oneLine, qPrintable(QStringLiteral("%1 -> %2").arg(oneLine).arg(edit->height())));
        const int tabs = window.sessionTabs()->count();
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(window.sessionTabs()->count(), tabs + 1);
        SessionView *multi = window.currentSession();
        QTRY_VERIFY_WITH_TIMEOUT(!multi->isRunning(), 30000);
        QCOMPARE(multi->session()->result(0).stdoutData, QByteArray("first\nsecond\n"));
        QCOMPARE(edit->history().first(), QStringLiteral("echo first\necho second"));

        // A script: its bytes reach the interpreter's stdin exactly (cat shows them back), and a
        // shell script gets its arguments as words.
        const QByteArray catScript = "#!/bin/cat\nline one\n\xe4\xb8\xad\xe6\x96\x87 and 'quotes' $HOME\n";
        const QString catPath = m_tmp.filePath(QStringLiteral("show me.txt"));
        {
            QFile f(catPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(catScript);
        }
        const QList<Profile> profiles = window.hostModel()->checkedProfiles();
        SessionView *cat = window.runScriptOn(profiles, catPath, {});
        QVERIFY(cat);
        QCOMPARE(cat->title(), QStringLiteral("show me.txt (script)"));
        QTRY_VERIFY_WITH_TIMEOUT(!cat->isRunning(), 30000);
        for (int host = 0; host < 2; ++host) {
            QCOMPARE(cat->session()->result(host).exitStatus, 0);
            QCOMPARE(cat->session()->result(host).stdoutData, catScript);
        }
        const QString shPath = m_tmp.filePath(QStringLiteral("args.sh"));
        {
            QFile f(shPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("echo \"n=$# first=$1\"\n");
        }
        SessionView *sh = window.runScriptOn(profiles, shPath, {QStringLiteral("a b"), QStringLiteral("c")});
        QVERIFY(sh);
        QTRY_VERIFY_WITH_TIMEOUT(!sh->isRunning() && sh->historyId() > 0, 30000);
        QCOMPARE(sh->session()->result(0).stdoutData, QByteArray("n=2 first=a b\n"));
        // In the history as what it was, and run again from there the file is read again.
        const auto recorded = window.history()->run(sh->historyId());
        QVERIFY(recorded);
        QCOMPARE(recorded->script, shPath);
        QCOMPARE(recorded->command, QStringLiteral("bash -s -- 'a b' c < ") + shPath);
        {
            QFile f(shPath);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("echo \"again n=$#\"\n");
        }
        window.rerunFromHistory(sh->historyId());
        SessionView *again = window.currentSession();
        QVERIFY(again != sh);
        QCOMPARE(again->session()->request().script, shPath);
        QTRY_VERIFY_WITH_TIMEOUT(!again->isRunning(), 30000);
        QCOMPARE(again->session()->result(1).stdoutData, QByteArray("again n=2\n"));

        // A snippet with parameters: one field per name however often it appears, the last values
        // offered again.
        AppSettings::setSnippets({{QStringLiteral("Restart"),
                                   QStringLiteral("echo restart {{service}}; echo {{service}} x{{count}}")}});
        auto *snippets = window.commandBar()->findChild<QToolButton *>(QStringLiteral("snippetsButton"));
        Q_EMIT snippets->menu()->aboutToShow(); // the menu is rebuilt from the settings when opened
        QAction *restart = nullptr;
        for (QAction *a : snippets->menu()->actions())
            if (a->text() == QStringLiteral("Restart"))
                restart = a;
        QVERIFY(restart);
        QStringList offered;
        int fields = -1;
        auto answer = [&offered, &fields](const QStringList &values) {
            QTimer::singleShot(0, [&offered, &fields, values] {
                auto *dialog = QApplication::activeModalWidget();
                QVERIFY(dialog && dialog->objectName() == QStringLiteral("snippetParameterDialog"));
                const QList<QLineEdit *> edits = dialog->findChildren<QLineEdit *>();
                fields = int(edits.size());
                offered.clear();
                for (QLineEdit *e : edits)
                    offered.append(e->text());
                for (int i = 0; i < edits.size() && i < values.size(); ++i)
                    edits.at(i)->setText(values.at(i));
                qobject_cast<QDialog *>(dialog)->accept();
            });
        };
        answer({QStringLiteral("nginx"), QStringLiteral("3")});
        restart->trigger();
        QCOMPARE(fields, 2);
        QCOMPARE(offered, (QStringList{QString(), QString()}));
        QCOMPARE(window.commandBar()->command(), QStringLiteral("echo restart nginx; echo nginx x3"));
        answer({});
        restart->trigger();
        QCOMPARE(offered, (QStringList{QStringLiteral("nginx"), QStringLiteral("3")}));
        QCOMPARE(window.commandBar()->command(), QStringLiteral("echo restart nginx; echo nginx x3"));
    }

    void outliersRunAgainAndRunsAreKept()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Parity"), targets(0, 3));
        checkGroup(window, QStringLiteral("Parity"));
        // Hosts with an odd last address octet print 1, the others 0.
        SessionView *session = runWithKeys(
            window, QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3 | cut -d. -f4 | awk '{print $1 % 2}'"));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        CompareView *compare = session->compareView();
        QVERIFY(compare);
        const QList<int> outliers = compare->outliers();
        QVERIFY(!outliers.isEmpty() && outliers.size() < 4);
        // Every outlier printed something other than the largest group.
        QSet<int> outlierSet(outliers.begin(), outliers.end());
        QByteArray reference;
        for (int host = 0; host < 4; ++host)
            if (!outlierSet.contains(host))
                reference = session->session()->result(host).stdoutData;
        for (int host : outliers)
            QVERIFY(session->session()->result(host).stdoutData != reference);
        compare->findChild<QPushButton *>(QStringLiteral("rerunOutliersButton"))->click();
        QCOMPARE(window.sessionTabs()->count(), 2);
        SessionView *again = window.currentSession();
        QVERIFY(again != session);
        QCOMPARE(again->session()->hostCount(), int(outliers.size()));
        for (int i = 0; i < outliers.size(); ++i)
            QCOMPARE(again->session()->hostName(i), session->session()->hostName(outliers[i]));
        QTRY_VERIFY_WITH_TIMEOUT(!again->isRunning(), 30000);
        // Both runs are in the history, newest first.
        RunHistory history;
        QCOMPARE(history.open(), RunHistory::OpenResult::Opened);
        const QList<RunHistory::RunSummary> runs = history.runs();
        QVERIFY(runs.size() >= 2);
        QCOMPARE(runs.first().hosts, int(outliers.size()));
    }

    // From a finished run, the host panel checks exactly the failed hosts, the outliers, the
    // selected rows, or a Compare group ("hosts like these"), ready for the next command.
    void checkOnlyWhatTheRunPointsAt()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Parity"), targets(0, 4));
        window.setHosts(QStringLiteral("Others"), targets(5, 6));
        checkGroup(window, QStringLiteral("Parity"));
        // Odd last octets print "odd" and exit 1.
        SessionView *session = runWithKeys(
            window, QStringLiteral("n=$(echo $SSH_CONNECTION | cut -d' ' -f3 | cut -d. -f4); "
                                   "if [ $((n % 2)) = 1 ]; then echo odd; exit 1; else echo even; fi"));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        RunSession *run = session->session();
        auto names = [run](const QList<int> &hosts) {
            QStringList list;
            for (int host : hosts)
                list.append(run->hostName(host));
            list.sort();
            return list;
        };
        auto checked = [&window] {
            QStringList list;
            for (const Profile &p : window.hostModel()->checkedProfiles())
                list.append(p.name);
            list.sort();
            return list;
        };
        QStringList odd;
        for (int host = 0; host < run->hostCount(); ++host) {
            if (run->result(host).stdoutData == "odd\n")
                odd.append(run->hostName(host));
        }
        odd.sort();
        QVERIFY(!odd.isEmpty() && odd.size() < 5);

        window.hostModel()->setAllChecked(true);
        auto *failed = session->findChild<QAction *>(QStringLiteral("checkFailedAction"));
        QVERIFY(failed);
        auto *button = session->findChild<QPushButton *>(QStringLiteral("checkHostsButton"));
        QVERIFY(button && button->menu()->actions().contains(failed));
        Q_EMIT button->menu()->aboutToShow();
        QVERIFY(failed->isEnabled());
        failed->trigger();
        QCOMPARE(checked(), odd);
        auto *runButton = window.commandBar()->findChild<QPushButton *>(QStringLiteral("runButton"));
        QTRY_VERIFY2(runButton->text().contains(QStringLiteral("%1 host").arg(odd.size())), qPrintable(runButton->text()));

        session->findChild<QAction *>(QStringLiteral("checkOutliersAction"))->trigger();
        QCOMPARE(checked(), names(session->compareView()->outliers()));

        // The selected rows of the status table.
        session->selectHosts({0, 2});
        auto *selected = session->findChild<QAction *>(QStringLiteral("checkSelectedAction"));
        QVERIFY(selected->isEnabled());
        selected->trigger();
        QCOMPARE(checked(), names({0, 2}));

        // A Compare group: hosts like these.
        CompareView *compare = session->compareView();
        QCOMPARE(compare->groups().size(), 2);
        auto *groupList = compare->findChild<QTreeWidget *>(QStringLiteral("groupList"));
        const QRect second = groupList->visualItemRect(groupList->topLevelItem(1));
        QTimer::singleShot(0, [] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            QVERIFY(menu);
            QAction *like = menu->findChild<QAction *>(QStringLiteral("checkGroupAction"));
            QVERIFY(like);
            like->trigger();
            menu->close();
        });
        Q_EMIT groupList->customContextMenuRequested(second.center());
        QCOMPARE(checked(), names(compare->groups().at(1).members));
        QVERIFY(!checked().contains(target(m_fleet.hosts().at(5)).name));
    }

    void responsiveWhileManyHostsPrint()
    {
        // Generous bound only (the sshd fleet shares the two cores): `make bench` measures.
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Fleet"), targets(0, 7));
        checkGroup(window, QStringLiteral("Fleet"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QElapsedTimer clock;
        qint64 worst = 0, last = 0;
        QTimer heartbeat;
        heartbeat.setInterval(10);
        clock.start();
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = qMax(worst, now - last - 10);
            last = now;
        });
        heartbeat.start();
        SessionView *session = runWithKeys(window, QStringLiteral("seq 1 200000"));
        QVERIFY(session);
        session->openOutput(RunSession::AllHosts);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 60000);
        heartbeat.stop();
        qInfo("worst heartbeat delay with 8 hosts printing 1.3 MB each: %lld ms", worst);
        QVERIFY2(worst < 2000, qPrintable(QString::number(worst)));
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
