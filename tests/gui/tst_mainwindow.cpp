#include "app/demo/demosession.h"
#include "app/guiapp.h"
#include "model/core/hosttarget.h"
#include "model/profiles/hostmodel.h"
#include "model/profiles/profile.h"
#include "model/profiles/profilestore.h"
#include "sshworker/fleet/localfleet.h"
#include "widgets/mainwindow/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <memory>

using namespace Chorus;

namespace {

HostTarget target(const QString &name, const QString &host, quint16 port = 22, const QString &user = {})
{
    HostTarget t;
    t.name = name;
    t.hostname = host;
    t.port = port;
    t.user = user;
    return t;
}

// The visible rows of the host tree: group name -> [(name, address)] in display order.
QList<QPair<QString, QList<QPair<QString, QString>>>> shownHosts(const QTreeView *tree)
{
    QList<QPair<QString, QList<QPair<QString, QString>>>> result;
    const QAbstractItemModel *model = tree->model();
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        QList<QPair<QString, QString>> rows;
        for (int h = 0; h < model->rowCount(group); ++h) {
            rows.append({model->index(h, 0, group).data().toString(),
                         model->index(h, 0, group).data(HostModel::AddressRole).toString()});
        }
        result.append({group.data().toString(), rows});
    }
    return result;
}

QModelIndex groupIndex(const QTreeView *tree, const QString &group)
{
    const QAbstractItemModel *model = tree->model();
    for (int g = 0; g < model->rowCount(); ++g) {
        if (model->index(g, 0).data().toString() == group)
            return model->index(g, 0);
    }
    return {};
}

// The first bytes an SSH server sends, or empty if nothing answers there.
QByteArray sshBanner(const QString &address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(address), port);
    if (!socket.waitForConnected(5000))
        return {};
    while (!socket.canReadLine() && socket.waitForReadyRead(5000)) {
    }
    return socket.readLine().trimmed();
}

QAction *findAction(const QWidget *window, const QString &objectName)
{
    return window->findChild<QAction *>(objectName);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // As app/main.cpp names the application; testenv.sh gives a throwaway HOME.
        QCoreApplication::setOrganizationName(QStringLiteral("chorus"));
        QCoreApplication::setApplicationName(QStringLiteral("chorus"));
        QVERIFY2(QSettings().fileName().startsWith(QDir::homePath()),
                 "settings would not go to the throwaway HOME; run through tests/testenv.sh");
        QSettings().clear();
    }

    void init() { QCoreApplication::setOrganizationName(QStringLiteral("chorus")); }

    void opensEmpty()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *tree = window.findChild<QTreeView *>(QStringLiteral("hostTree"));
        QVERIFY(tree);
        QVERIFY(tree->isVisible());
        QCOMPARE(tree->model()->rowCount(), 0);
        QCOMPARE(tree->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
        QCOMPARE(tree->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Host"));

        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("hostDock"));
        QVERIFY(dock && dock->isAncestorOf(tree));
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), QStringLiteral("Hosts"));
        QCOMPARE(window.dockWidgetArea(dock), Qt::LeftDockWidgetArea);

        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sessionTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 0);
        auto *hint = window.findChild<QLabel *>(QStringLiteral("sessionHint"));
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QVERIFY(!hint->text().isEmpty());

        QVERIFY(window.statusBar()->isVisible());
        QCOMPARE(window.windowTitle(), QStringLiteral("Chorus"));

        QStringList menus;
        for (QAction *menu : window.menuBar()->actions())
            menus.append(menu->text().remove(u'&'));
        QCOMPARE(menus, (QStringList{QStringLiteral("File"), QStringLiteral("Hosts"), QStringLiteral("View"),
                                     QStringLiteral("Tools"), QStringLiteral("Help")}));
    }

    void sessionTabsReplaceHint()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sessionTabs"));
        auto *hint = window.findChild<QLabel *>(QStringLiteral("sessionHint"));
        tabs->addTab(new QWidget, QStringLiteral("uptime"));
        QVERIFY(tabs->isVisible());
        QVERIFY(!hint->isVisible());
        Q_EMIT tabs->tabCloseRequested(0);
        QCOMPARE(tabs->count(), 0);
        QVERIFY(hint->isVisible());
    }

    void showsHostsUnderGroups()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tree = window.findChild<QTreeView *>(QStringLiteral("hostTree"));

        const HostTarget web1 =
            target(QStringLiteral("web1"), QStringLiteral("127.0.0.11"), 2222, QStringLiteral("deploy"));
        const HostTarget web2 = target(QStringLiteral("web2"), QStringLiteral("127.0.0.12"));
        const HostTarget db =
            target(QStringLiteral("db"), QStringLiteral("127.0.0.20"), 22, QStringLiteral("postgres"));
        window.setHosts(QStringLiteral("Web"), {web1, web2});
        window.setHosts(QStringLiteral("Databases"), {db});

        using Rows = QList<QPair<QString, QString>>;
        // Groups and hosts are sorted by name.
        QCOMPARE(shownHosts(tree), (QList<QPair<QString, Rows>>{
                                       {QStringLiteral("Databases"),
                                        {{QStringLiteral("db"), QStringLiteral("postgres@127.0.0.20")}}},
                                       {QStringLiteral("Web"),
                                        {{QStringLiteral("web1"), QStringLiteral("deploy@127.0.0.11:2222")},
                                         {QStringLiteral("web2"), QStringLiteral("127.0.0.12")}}},
                                   }));
        // Hosts are visible without clicking groups open.
        QVERIFY(tree->isExpanded(groupIndex(tree, QStringLiteral("Web"))));
        QVERIFY(tree->isExpanded(groupIndex(tree, QStringLiteral("Databases"))));
        QCOMPARE(window.hosts(QStringLiteral("Web")), (QList<HostTarget>{web1, web2}));
        auto *count = window.findChild<QLabel *>(QStringLiteral("hostCount"));
        QVERIFY(count);
        QTRY_VERIFY2(count->text().contains(u'3'), qPrintable(count->text())); // once the burst of edits is over

        // Setting a group again replaces its hosts and leaves other groups alone.
        window.setHosts(QStringLiteral("Web"), {web2});
        QCOMPARE(window.hosts(QStringLiteral("Web")), QList<HostTarget>{web2});
        QCOMPARE(window.hosts(QStringLiteral("Databases")), QList<HostTarget>{db});
        QCOMPARE(tree->model()->rowCount(), 2);

        window.setHosts(QStringLiteral("Databases"), {});
        QCOMPARE(tree->model()->rowCount(), 1);
        QVERIFY(!groupIndex(tree, QStringLiteral("Databases")).isValid());
    }

    void quitClosesWindow()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *quit = findAction(&window, QStringLiteral("quitAction"));
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));

        QSettings().remove(QStringLiteral("MainWindow"));
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!window.isVisible());
        // Quitting goes through closing, so the layout is kept for next time.
        QVERIFY(QSettings().contains(QStringLiteral("MainWindow/geometry")));
    }

    void aboutNamesVersion()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *about = findAction(&window, QStringLiteral("aboutAction"));
        QVERIFY(about);
        QString shown;
        // The about box is modal: read and close it from inside its event loop.
        QTimer::singleShot(0, this, [&shown] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            shown = box->text();
            box->accept();
        });
        about->trigger();
        QVERIFY2(shown.contains(QStringLiteral(CHORUS_VERSION)), qPrintable(shown));
    }

    void geometryIsRestored()
    {
        QSize size;
        {
            GuiApp gui;
            MainWindow &window = *gui.window();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            // An unusual size above the window's minimum (the command bar sets its width).
            size = QSize(qMax(1113, window.minimumSizeHint().width() + 17), 677);
            window.resize(size);
            QTRY_COMPARE(window.size(), size);
            window.close();
        }
        GuiApp guiAgain;
        MainWindow &again = *guiAgain.window();
        QCOMPARE(again.size(), size);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), size);
    }

    // What `chorus --demo` does: a local fleet, listed under "Demo", reachable with the
    // targets' own settings, and none of the user's settings touched.
    void demoListsFleet()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet for the demo: ") + why));

        const QString userSettingsPath = QSettings().fileName();
        {
            QSettings user;
            user.setValue(QStringLiteral("marker"), QStringLiteral("the user's own"));
        }
        QFile userFile(userSettingsPath);
        QVERIFY(userFile.open(QIODevice::ReadOnly));
        const QByteArray userSettingsBefore = userFile.readAll();
        userFile.close();

        DemoSession::isolateSettings();
        const QString demoSettingsPath = QSettings().fileName();
        QVERIFY2(demoSettingsPath != userSettingsPath, qPrintable(demoSettingsPath));
        QVERIFY(!QSettings().contains(QStringLiteral("marker")));

        auto demo = std::make_unique<DemoSession>();
        QString error;
        QVERIFY2(demo->start(3, &error), qPrintable(error));
        const QList<HostTarget> targets = demo->targets();
        QCOMPARE(targets.size(), 3);

        GuiApp gui;

        MainWindow &window = *gui.window();
        demo->showIn(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tree = window.findChild<QTreeView *>(QStringLiteral("hostTree"));
        const QModelIndex group = groupIndex(tree, QStringLiteral("Demo"));
        QVERIFY(group.isValid());
        QVERIFY(tree->isExpanded(group));
        QCOMPARE(tree->model()->rowCount(group), 3);
        for (int i = 0; i < targets.size(); ++i) {
            const HostTarget &t = targets.at(i);
            QCOMPARE(tree->model()->index(i, 0, group).data().toString(), t.name);
            QCOMPARE(tree->model()->index(i, 0, group).data(HostModel::AddressRole).toString(), t.address());

            QVERIFY2(
                QHostAddress(t.hostname).isInSubnet(QHostAddress::parseSubnet(QStringLiteral("127.0.0.0/8"))),
                qPrintable(t.hostname));
            QVERIFY(!t.user.isEmpty());
            QCOMPARE(t.hostKeyPolicy, HostKeyPolicy::Strict);
            QVERIFY(t.identitiesOnly);
            QCOMPARE(t.identityFiles.size(), 1);
            QVERIFY2(QFileInfo(t.identityFiles.first()).isFile(), qPrintable(t.identityFiles.first()));
            QCOMPARE(t.knownHostsFiles.size(), 1);
            QFile knownHosts(t.knownHostsFiles.first());
            QVERIFY2(knownHosts.open(QIODevice::ReadOnly), qPrintable(knownHosts.fileName()));
            QVERIFY2(knownHosts.readAll().contains(t.hostname.toUtf8()),
                     "known_hosts does not list the host");

            // A real SSH server answers where the target points.
            const QByteArray banner = sshBanner(t.hostname, t.port);
            QVERIFY2(banner.startsWith("SSH-2.0-"), banner.constData());
        }

        window.close();
        QVERIFY(QSettings().contains(QStringLiteral("MainWindow/geometry")));
        // The demo's hosts and its group are shown, never saved: a later language switch would
        // leave an empty "Demo" group next to the translated one.
        ProfileStore saved;
        QVERIFY(QFileInfo::exists(saved.path()));
        QCOMPARE(saved.load(), ProfileStore::LoadResult::Loaded);
        QVERIFY(saved.profiles().isEmpty());
        QVERIFY2(!saved.contents().groups.contains(QStringLiteral("Demo")),
                 qPrintable(saved.contents().groups.join(u',')));
        QVERIFY(userFile.open(QIODevice::ReadOnly));
        QCOMPARE(userFile.readAll(), userSettingsBefore);

        // Quitting the demo ends its servers.
        demo.reset();
        for (const HostTarget &t : targets)
            QVERIFY2(sshBanner(t.hostname, t.port).isEmpty(), qPrintable(t.address()));
    }

    // The host panel says which hosts sit behind which jump host, in a "Via" column shown only once
    // some host has one.
    void jumpHostsShowInTheHostPanel()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTreeView *tree = window.hostTree();
        QTRY_VERIFY(tree->isColumnHidden(HostModel::JumpColumn));
        Profile bastion = Profile::create();
        bastion.name = QStringLiteral("bastion");
        bastion.hostname = QStringLiteral("127.0.0.9");
        const QModelIndex added = window.hostModel()->addProfile(bastion);
        Profile leaf = Profile::create();
        leaf.name = QStringLiteral("leaf");
        leaf.hostname = QStringLiteral("127.0.0.10");
        leaf.jumpHost = added.data(HostModel::ProfileIdRole).toUuid().toString();
        window.hostModel()->addProfile(leaf);
        QTRY_VERIFY(!tree->isColumnHidden(HostModel::JumpColumn));
        QCOMPARE(tree->model()->headerData(HostModel::JumpColumn, Qt::Horizontal).toString(), QStringLiteral("Via"));
        QStringList via;
        for (int row = 0; row < tree->model()->rowCount(); ++row) {
            const QModelIndex name = tree->model()->index(row, HostModel::NameColumn);
            via.append(name.data().toString() + u'=' + name.siblingAtColumn(HostModel::JumpColumn).data().toString());
        }
        QCOMPARE(via, (QStringList{QStringLiteral("bastion="), QStringLiteral("leaf=bastion")}));
        // Left as found: the next test opens an empty window.
        window.hostModel()->remove({window.hostModel()->indexOf(leaf.id), window.hostModel()->indexOf(bastion.id)});
        QTRY_VERIFY(tree->isColumnHidden(HostModel::JumpColumn));
    }

    void cleanupTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("chorus")); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
