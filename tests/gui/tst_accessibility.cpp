// Every control a keyboard or screen-reader user can reach says what it is: an accessible name
// of its own, its text (buttons, check boxes) or the label it is the buddy of. Checked on the main
// window with a finished session, the history panel and the compare view open, and on every dialog.
// In English, Simplified and Traditional Chinese, Alt+letter keys never clash and every '&' shown
// is a mnemonic; and the window fits a 1280x720 screen with every panel shown.
#include "app/guiapp.h"
#include "model/core/translation.h"
#include "model/core/appsettings.h"
#include "model/profiles/hostmodel.h"
#include "model/profiles/profile.h"
#include "sshworker/fleet/localfleet.h"
#include "widgets/dialogs/credentialdialog.h"
#include "widgets/dialogs/hostkeydialog.h"
#include "widgets/dialogs/profiledialog.h"
#include "widgets/dialogs/settingsdialog.h"
#include "widgets/dialogs/snippetdialog.h"
#include "widgets/dialogs/snippetparameterdialog.h"
#include "widgets/dialogs/transferdialog.h"
#include "widgets/history/historypanel.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/compare/compareview.h"
#include "widgets/session/sessionview.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QScopeGuard>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QHeaderView>
#include <QTabWidget>
#include <QTest>

using namespace Chorus;

namespace {

// The controls under `root` that take focus and are shown, whose accessible name is empty.
QStringList unnamed(QWidget *root)
{
    QStringList missing;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root->window()) || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        // Viewports and inner editors of composite widgets are reached through their owner.
        if (w->objectName().startsWith(u"qt_"))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            missing += QStringLiteral("%1 \"%2\" in %3")
                           .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className())
                                                  : QString());
    }
    return missing;
}

// The Alt key of a label: the character after a single '&' ("&&" is a literal '&'). *count is how
// many single '&' there are.
QChar mnemonic(const QString &text, int *count)
{
    QChar key;
    *count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        ++*count;
        key = text.at(i + 1).toUpper();
    }
    return key;
}

// Alt keys that clash or cannot be typed, and '&' shown as text, among what is visible under root
// (and in its menu bar, if it has one). Menus are checked item by item, each menu on its own.
class MnemonicCheck
{
public:
    QStringList problems;

    void window(QWidget *root)
    {
        QHash<QChar, QStringList> keys;
        auto add = [this, &keys](const QString &text, const QString &where) {
            int count = 0;
            const QChar key = mnemonic(text, &count);
            if (count > 1)
                problems += QStringLiteral("%1: more than one '&' in \"%2\"").arg(where, text);
            if (count == 0)
                return;
            // Chinese labels put the key after the text, "主机(&O)": an ASCII letter a keyboard has.
            if (key.unicode() > 127 || !key.isLetterOrNumber())
                problems += QStringLiteral("%1: Alt key '%2' cannot be typed, in \"%3\"").arg(where, key, text);
            keys[key].append(QStringLiteral("%1 \"%2\"").arg(where, text));
        };
        if (auto *mainWindow = qobject_cast<QMainWindow *>(root)) {
            for (QAction *menu : mainWindow->menuBar()->actions()) {
                add(menu->text(), QStringLiteral("menu"));
                if (menu->menu())
                    this->menu(menu->menu());
            }
        }
        for (QWidget *w : root->findChildren<QWidget *>()) {
            const QString where = QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
            // A label without a buddy shows its '&' as text, on pages not shown yet as well.
            if (auto *label = qobject_cast<QLabel *>(w)) {
                int count = 0;
                mnemonic(label->text(), &count);
                if (count > 0 && !label->buddy() && label->textFormat() != Qt::RichText)
                    problems += QStringLiteral("%1: '&' shown as text (no buddy) in \"%2\"").arg(where, label->text());
            }
            if (!w->isVisibleTo(root) || qobject_cast<QMenu *>(w))
                continue;
            if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                add(button->text(), where);
            } else if (auto *label = qobject_cast<QLabel *>(w)) {
                if (label->buddy() && label->buddy()->isVisibleTo(root))
                    add(label->text(), where);
            } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
                if (box->isCheckable())
                    add(box->title(), where);
            } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < tabs->count(); ++i)
                    add(tabs->tabText(i), where + QStringLiteral(" tab"));
            }
        }
        for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
            if (it.value().size() > 1)
                problems += QStringLiteral("Alt+%1 in %2: %3").arg(it.key(), root->objectName(), it.value().join(QStringLiteral(", ")));
        }
    }

    void menu(QMenu *menu)
    {
        QHash<QChar, QStringList> keys;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            int count = 0;
            const QChar key = mnemonic(action->text(), &count);
            if (count > 1)
                problems += QStringLiteral("menu %1: more than one '&' in \"%2\"").arg(menu->title(), action->text());
            if (count == 1 && (key.unicode() > 127 || !key.isLetterOrNumber()))
                problems += QStringLiteral("menu %1: Alt key '%2' cannot be typed, in \"%3\"").arg(menu->title(), key, action->text());
            if (count == 1)
                keys[key].append(action->text());
            if (action->menu())
                this->menu(action->menu());
        }
        for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
            if (it.value().size() > 1)
                problems += QStringLiteral("menu %1, key %2: %3").arg(menu->title(), it.key(), it.value().join(QStringLiteral(", ")));
        }
    }
};

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

    LocalFleet m_fleet;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(why));
        QVERIFY2(QSettings().fileName().startsWith(QDir::homePath()), "run through tests/testenv.sh");
        QString error;
        QVERIFY2(m_fleet.start(2, &error), qPrintable(error));
    }
    void cleanupTestCase() { m_fleet.stop(); }

    void mainWindowControlsAreNamed()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        QList<HostTarget> targets;
        for (const FleetHost &h : m_fleet.hosts())
            targets += m_fleet.target(h);
        window.setHosts(QStringLiteral("Fleet"), targets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.hostModel()->setAllChecked(true);
        SessionView *session = window.runOn(window.hostModel()->checkedProfiles(), QStringLiteral("echo hi"));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
        session->openOutput(0);
        window.findChild<QDockWidget *>(QStringLiteral("historyDock"))->show();
        const QStringList missing = unnamed(&window);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
        session->outputTabs()->setCurrentIndex(SessionView::CompareTab);
        QStringList compare = unnamed(session);
        QVERIFY2(compare.isEmpty(), qPrintable(compare.join(u'\n')));
        session->outputTabs()->setCurrentIndex(SessionView::DurationsTab);
        compare = unnamed(session);
        QVERIFY2(compare.isEmpty(), qPrintable(compare.join(u'\n')));
    }

    void dialogControlsAreNamed()
    {
        Profile profile;
        profile.name = QStringLiteral("web01");
        profile.hostname = QStringLiteral("127.0.0.1");
        QList<QDialog *> dialogs{new SettingsDialog, new ProfileDialog(profile, {QStringLiteral("prod")}),
                                 new TransferDialog(2), new HostKeyDialog, new CredentialDialog};
        for (QDialog *dialog : std::as_const(dialogs)) {
            dialog->show();
            const QStringList missing = unnamed(dialog);
            QVERIFY2(missing.isEmpty(), qPrintable(QString::fromLatin1(dialog->metaObject()->className()) + u'\n'
                                                   + missing.join(u'\n')));
            delete dialog;
        }
    }

    void mnemonicsAreUniqueAndTypable_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : Translation::languages())
            QTest::newRow(qPrintable(language)) << language;
    }

    void mnemonicsAreUniqueAndTypable()
    {
        QFETCH(QString, language);
        QCOMPARE(Translation::install(language), language);
        const auto restore = qScopeGuard([] { Translation::install(QStringLiteral("en")); });
        MnemonicCheck check;
        {
            GuiApp gui;
            MainWindow &window = *gui.window();
            window.setObjectName(QStringLiteral("mainWindow"));
            QList<HostTarget> targets;
            for (const FleetHost &h : m_fleet.hosts())
                targets += m_fleet.target(h);
            window.setHosts(QStringLiteral("Fleet"), targets);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.hostModel()->setAllChecked(true);
            SessionView *session = window.runOn(window.hostModel()->checkedProfiles(), QStringLiteral("echo hi"));
            QVERIFY(session);
            QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning(), 30000);
            window.findChild<QDockWidget *>(QStringLiteral("historyDock"))->show();
            check.window(&window);
            // The session's other pages, one at a time as they are shown, with all the rest.
            for (int tab : {SessionView::CompareTab, SessionView::DurationsTab}) {
                session->outputTabs()->setCurrentIndex(tab);
                check.window(&window);
            }
        }
        Profile profile;
        profile.name = QStringLiteral("web01");
        profile.hostname = QStringLiteral("127.0.0.1");
        const QList<QDialog *> dialogs{new SettingsDialog, new ProfileDialog(profile, {QStringLiteral("prod")}),
                                       new TransferDialog(2), new HostKeyDialog, new CredentialDialog,
                                       new SnippetDialog({{QStringLiteral("Disk"), QStringLiteral("df -h")}}),
                                       new SnippetParameterDialog(QStringLiteral("systemctl restart {{service}}"))};
        for (QDialog *dialog : dialogs) {
            dialog->setObjectName(QString::fromLatin1(dialog->metaObject()->className()));
            dialog->show();
            check.window(dialog);
            delete dialog;
        }
        check.problems.removeDuplicates();
        for (const QString &problem : std::as_const(check.problems))
            qWarning("%s", qPrintable(problem));
        QVERIFY2(check.problems.isEmpty(), "Alt keys clash or cannot be typed: see the warnings above");
    }

    // Everything works on a 1280x720 screen: the window can be that small with the host panel, the
    // run history and a session shown, and the history list then shows more than a few runs.
    void fitsA1280x720Screen()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        QList<HostTarget> targets;
        for (const FleetHost &h : m_fleet.hosts())
            targets += m_fleet.target(h);
        window.setHosts(QStringLiteral("Fleet"), targets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.hostModel()->setAllChecked(true);
        qint64 last = 0;
        for (int i = 0; i < 6; ++i) {
            // Long commands, as people's are: titles and lists must not grow with them.
            SessionView *session = window.runOn(window.hostModel()->checkedProfiles(),
                                                QStringLiteral("echo %1 $SSH_CONNECTION; ").arg(i) + QStringLiteral("uptime; df -h /var /tmp; ").repeated(8));
            QVERIFY(session);
            QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning() && session->historyId() > 0, 30000);
            last = session->historyId();
            // Every page of a session has been looked at: each one's minimum counts.
            session->openOutput(0);
            for (int tab : {SessionView::CompareTab, SessionView::DurationsTab})
                session->outputTabs()->setCurrentIndex(tab);
            session->compareView()->selectGroup(1); // the hosts differ: a diff is shown
        }
        auto *history = window.findChild<QDockWidget *>(QStringLiteral("historyDock"));
        history->show();
        // A run selected: its chart and title are shown too.
        window.historyPanel()->refresh();
        window.historyPanel()->selectRun(last);
        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        qInfo("minimum window size with every panel: %dx%d", minimum.width(), minimum.height());
        QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 720,
                 qPrintable(QStringLiteral("minimum %1x%2; host panel %3, history %4, central %5")
                                .arg(minimum.width())
                                .arg(minimum.height())
                                .arg(window.findChild<QDockWidget *>(QStringLiteral("hostDock"))->minimumSizeHint().width())
                                .arg(history->minimumSizeHint().height())
                                .arg(window.centralWidget()->minimumSizeHint().height())));
        window.resize(1280, 720);
        QTRY_COMPARE(window.size(), QSize(1280, 720));
        QVERIFY(window.statusBar()->geometry().bottom() < 720);
        // The history list shows at least three full rows, the host panel whole addresses.
        QTableView *runs = window.historyPanel()->table();
        QVERIFY2(runs->viewport()->height() >= 3 * runs->verticalHeader()->defaultSectionSize(),
                 qPrintable(QStringLiteral("%1 px for rows of %2").arg(runs->viewport()->height()).arg(runs->verticalHeader()->defaultSectionSize())));
        QTreeView *hosts = window.hostTree();
        const QModelIndex group = hosts->model()->index(0, 0);
        const QModelIndex address = hosts->model()->index(0, HostModel::HostnameColumn, group);
        QVERIFY(address.isValid());
        QVERIFY2(hosts->visualRect(address).right() <= hosts->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(hosts->visualRect(address).right()).arg(hosts->viewport()->width())));
        QVERIFY(hosts->header()->sectionSize(HostModel::HostnameColumn) >=
                hosts->fontMetrics().horizontalAdvance(address.data().toString()));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
