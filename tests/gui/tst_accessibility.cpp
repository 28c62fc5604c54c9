// Every control a keyboard or screen-reader user can reach says what it is: an accessible name
// of its own, its text (buttons, check boxes) or the label it is the buddy of. Checked on the main
// window with a finished session, the history panel and the compare view open, and on every dialog.
#include "app/guiapp.h"
#include "model/core/appsettings.h"
#include "model/profiles/hostmodel.h"
#include "model/profiles/profile.h"
#include "sshworker/fleet/localfleet.h"
#include "widgets/dialogs/credentialdialog.h"
#include "widgets/dialogs/hostkeydialog.h"
#include "widgets/dialogs/profiledialog.h"
#include "widgets/dialogs/settingsdialog.h"
#include "widgets/dialogs/transferdialog.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/session/sessionview.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QDockWidget>
#include <QSettings>
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
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
