#include "mainwindow.h"

#include "uilog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Chorus {

namespace {

enum Column
{
    NameColumn,
    AddressColumn,
    ColumnCount
};

const QString kSettingsGroup = QStringLiteral("MainWindow");

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Chorus"));
    createActions();
    createHostDock();
    createCentralArea();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    m_hostCount = new QLabel(statusBar());
    m_hostCount->setObjectName(QStringLiteral("hostCount"));
    statusBar()->addPermanentWidget(m_hostCount);
    updateHostCount();
    restoreLayout();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    // Spelled out: QKeySequence::Quit is empty on some desktops, and Ctrl+Q is what people expect.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // close() rather than quit(): the window saves its layout on the way out.
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Chorus"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createHostDock()
{
    m_hostModel = new QStandardItemModel(0, ColumnCount, this);
    m_hostModel->setHorizontalHeaderLabels({tr("Name"), tr("Address")});

    m_hostTree = new QTreeView;
    m_hostTree->setObjectName(QStringLiteral("hostTree"));
    m_hostTree->setModel(m_hostModel);
    m_hostTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hostTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hostTree->setUniformRowHeights(true);
    m_hostTree->setAllColumnsShowFocus(true);
    m_hostTree->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_hostTree->header()->setStretchLastSection(true);

    auto *dock = new QDockWidget(tr("Hosts"), this);
    dock->setObjectName(QStringLiteral("hostDock")); // saveState() needs it
    // Not closable: there is no menu yet to bring a closed panel back.
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_hostTree);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {340}, Qt::Horizontal);
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);

    m_sessionHint = new QLabel(tr("Select hosts on the left and run a command on them.\n"
                                  "Each run opens here in its own tab."));
    m_sessionHint->setObjectName(QStringLiteral("sessionHint"));
    m_sessionHint->setAlignment(Qt::AlignCenter);
    m_sessionHint->setWordWrap(true);
    m_sessionHint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_sessionHint);

    m_sessionTabs = new QTabWidget;
    m_sessionTabs->setObjectName(QStringLiteral("sessionTabs"));
    m_sessionTabs->setDocumentMode(true);
    m_sessionTabs->setTabsClosable(true);
    m_sessionTabs->setMovable(true);
    connect(m_sessionTabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *page = m_sessionTabs->widget(index);
        m_sessionTabs->removeTab(index);
        delete page;
    });
    // currentChanged fires when the first tab arrives and when the last one goes.
    connect(m_sessionTabs, &QTabWidget::currentChanged, this, &MainWindow::updateSessionHint);
    layout->addWidget(m_sessionTabs);

    setCentralWidget(central);
    updateSessionHint();
}

void MainWindow::updateSessionHint()
{
    const bool empty = m_sessionTabs->count() == 0;
    m_sessionHint->setVisible(empty);
    m_sessionTabs->setVisible(!empty);
}

QStandardItem *MainWindow::groupItem(const QString &group) const
{
    for (int row = 0; row < m_hostModel->rowCount(); ++row) {
        QStandardItem *item = m_hostModel->item(row, NameColumn);
        if (item->text() == group)
            return item;
    }
    return nullptr;
}

void MainWindow::setHosts(const QString &group, const QList<HostTarget> &hosts)
{
    QStandardItem *groupNode = groupItem(group);
    if (hosts.isEmpty()) {
        if (groupNode)
            m_hostModel->removeRow(groupNode->row());
        updateHostCount();
        return;
    }
    if (!groupNode) {
        groupNode = new QStandardItem(group);
        QFont bold = groupNode->font();
        bold.setBold(true);
        groupNode->setFont(bold);
        m_hostModel->appendRow({groupNode, new QStandardItem});
    }
    groupNode->removeRows(0, groupNode->rowCount());
    groupNode->setToolTip(tr("Hosts: %1").arg(hosts.size()));

    for (const HostTarget &target : hosts) {
        auto *name = new QStandardItem(target.name);
        name->setData(QVariant::fromValue(target), HostTargetRole);
        auto *address = new QStandardItem(target.address());
        name->setToolTip(target.address());
        address->setToolTip(target.address());
        groupNode->appendRow({name, address});
    }
    m_hostTree->expand(groupNode->index());
    updateHostCount();
    qCDebug(lcUi) << "group" << group << "now lists" << hosts.size() << "hosts";
}

QList<HostTarget> MainWindow::hosts(const QString &group) const
{
    QList<HostTarget> result;
    if (const QStandardItem *groupNode = groupItem(group)) {
        for (int row = 0; row < groupNode->rowCount(); ++row)
            result.append(groupNode->child(row, NameColumn)->data(HostTargetRole).value<HostTarget>());
    }
    return result;
}

void MainWindow::updateHostCount()
{
    int hosts = 0;
    for (int row = 0; row < m_hostModel->rowCount(); ++row)
        hosts += m_hostModel->item(row, NameColumn)->rowCount();
    const int groups = m_hostModel->rowCount();
    // No %n plurals: without a loaded translation they would read "host(s)".
    m_hostCount->setText(groups == 0 ? tr("No hosts") : tr("Hosts: %1  Groups: %2").arg(hosts).arg(groups));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1100, 700);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    qCDebug(lcUi) << "window layout from" << settings.fileName()
                  << (geometry.isEmpty() ? "(none saved)" : "");
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Chorus"),
                       tr("<h3>Chorus %1</h3>"
                          "<p>Run one command on many hosts over SSH at once and compare the answers.</p>"
                          "<p>Built with Qt %2 and libssh.</p>")
                           .arg(QStringLiteral(CHORUS_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace Chorus
