#include "widgets/mainwindow/mainwindow.h"

#include "model/core/appsettings.h"
#include "model/core/scriptrun.h"
#include "model/history/runhistory.h"
#include "model/profiles/hostfilterproxy.h"
#include "model/profiles/hostmodel.h"
#include "model/profiles/profileimporter.h"
#include "model/profiles/profilestore.h"
#include "model/session/runsession.h"
#include "model/ssh/knownhosts.h"
#include "model/ssh/sshconfig.h"
#include "model/ssh/targetresolver.h"
#include "sshworker/workerpool.h"
#include "widgets/compare/runcomparedialog.h"
#include "widgets/dialogs/credentialdialog.h"
#include "widgets/dialogs/hostkeydialog.h"
#include "widgets/dialogs/profiledialog.h"
#include "widgets/dialogs/settingsdialog.h"
#include "widgets/dialogs/transferdialog.h"
#include "widgets/history/historypanel.h"
#include "widgets/mainwindow/commandbar.h"
#include "widgets/session/sessionview.h"
#include "widgets/terminal/terminalgroup.h"
#include "widgets/style/theme.h"
#include "widgets/style/uilog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMap>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTabBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace Chorus {

namespace {

const QString kSettingsGroup = QStringLiteral("MainWindow");
} // namespace

MainWindow::MainWindow(const GuiServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    setWindowTitle(tr("Chorus"));
    m_hostModel = new HostModel(this);
    m_services.secrets->forgetRemovedProfiles(m_hostModel);
    connectEngine();
    createActions();
    createHostDock();
    createCentralArea();

    m_hostKeyDialog = new HostKeyDialog(this);
    connect(m_hostKeyDialog, &HostKeyDialog::answered, this, [this](const HostKeyQuestion &q, bool accept) {
        m_services.pool->answerHostKey(q.run, q.host, accept);
    });
    m_credentialDialog = new CredentialDialog(this);
    m_credentialDialog->setKeychainAvailable(SecretStore::probeBackend());
    connect(m_credentialDialog, &CredentialDialog::provided, this,
            [this](const SecretRequest &r, const QByteArray &secret, bool save) {
                m_services.pool->provideSecret(r.run, r.host, secret);
                if (save && !r.profile.isNull())
                    storeSecrets(r.profile, {{SecretStore::kindOf(r.kind), QString::fromUtf8(secret)}});
            });
    connect(m_credentialDialog, &CredentialDialog::refused, this,
            [this](const SecretRequest &r) { m_services.pool->provideSecret(r.run, r.host, {}, false); });

    statusBar()->setObjectName(QStringLiteral("statusBar"));
    m_hostCount = new QLabel(statusBar());
    m_hostCount->setObjectName(QStringLiteral("hostCount"));
    statusBar()->addPermanentWidget(m_hostCount);

    createHistoryDock();

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(300);
    connect(&m_saveTimer, &QTimer::timeout, this, &MainWindow::saveProfiles);
    loadProfiles();
    // The filters and the count look at every host: once per burst of edits, not once per host added.
    m_filtersTimer.setSingleShot(true);
    m_filtersTimer.setInterval(0);
    connect(&m_filtersTimer, &QTimer::timeout, this, [this] {
        updateFilters();
        updateHostCount();
    });
    connect(m_hostModel, &HostModel::modified, this, [this] {
        m_saveTimer.start();
        m_filtersTimer.start();
    });
    // The Run button counts the hosts it will run on: once per burst of checks, edits or filtering.
    m_runButtonTimer.setSingleShot(true);
    m_runButtonTimer.setInterval(0);
    connect(&m_runButtonTimer, &QTimer::timeout, this, &MainWindow::updateRunButton);
    const auto runButtonSoon = [this] { m_runButtonTimer.start(); };
    connect(m_hostModel, &QAbstractItemModel::dataChanged, this, runButtonSoon);
    connect(m_hostModel, &QAbstractItemModel::rowsInserted, this, runButtonSoon);
    connect(m_hostModel, &QAbstractItemModel::rowsRemoved, this, runButtonSoon);
    connect(m_hostModel, &QAbstractItemModel::modelReset, this, runButtonSoon);
    connect(m_hostProxy, &QAbstractItemModel::layoutChanged, this, runButtonSoon);
    connect(m_hostProxy, &QAbstractItemModel::rowsInserted, this, runButtonSoon);
    connect(m_hostProxy, &QAbstractItemModel::rowsRemoved, this, runButtonSoon);
    connect(m_hostProxy, &QAbstractItemModel::modelReset, this, runButtonSoon);
    connect(m_hostTree->selectionModel(), &QItemSelectionModel::selectionChanged, this, runButtonSoon);
    updateRunButton();
    updateFilters();
    updateHostCount();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    if (m_saveTimer.isActive())
        saveProfiles();
    // Sessions cancel their runs on the pool, which outlives the window.
    while (m_sessionTabs->count() > 0)
        delete m_sessionTabs->widget(0);
}

void MainWindow::connectEngine()
{
    WorkerPool *pool = m_services.pool;
    connect(pool, &WorkerPool::hostKeyQuestion, this, &MainWindow::onHostKeyQuestion);
    connect(pool, &WorkerPool::hostFinished, this, &MainWindow::onHostFinished);
    connect(pool, &WorkerPool::runFinished, this, &MainWindow::updateCancel);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import = file->addAction(Theme::icon(QStringLiteral("document-open")), tr("&Import hosts..."), this,
                                      &MainWindow::importHosts);
    import->setObjectName(QStringLiteral("importAction"));
    file->addAction(Theme::icon(QStringLiteral("document-save")), tr("&Export hosts..."), this, &MainWindow::exportHosts);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    // Spelled out: QKeySequence::Quit is empty on some desktops, and Ctrl+Q is what people expect.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // close() rather than quit(): the window saves its layout on the way out.
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *hosts = menuBar()->addMenu(tr("H&osts"));
    QAction *add = hosts->addAction(tr("&New host..."), this, &MainWindow::newProfile);
    add->setObjectName(QStringLiteral("newHostAction"));
    add->setShortcut(QKeySequence::New);
    hosts->addAction(tr("New &group..."), this, [this] {
        const QString name = QInputDialog::getText(this, tr("New group"), tr("Group path (use / for subgroups):"));
        if (!Profile::normalizeGroup(name).isEmpty())
            m_hostModel->addGroup(Profile::normalizeGroup(name));
    });
    QAction *copy = hosts->addAction(Theme::icon(QStringLiteral("document-save")), tr("&Copy Files..."), this,
                                     [this] { showTransferDialog(profilesForRun()); });
    copy->setObjectName(QStringLiteral("copyFilesAction"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *script = hosts->addAction(tr("Run &Script..."), this, &MainWindow::chooseAndRunScript);
    script->setObjectName(QStringLiteral("runScriptAction"));
    script->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    script->setToolTip(tr("Run a local script on the checked hosts, sent on stdin: nothing is copied to them"));
    QAction *terminal = hosts->addAction(Theme::icon(QStringLiteral("utilities-terminal")), tr("Open &Terminal"), this,
                                         [this] { openTerminalsOn(profilesForRun()); });
    terminal->setObjectName(QStringLiteral("openTerminalAction"));
    terminal->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    terminal->setToolTip(tr("Open a terminal on each checked host, in one tab, to type into one or all of them"));
    hosts->addSeparator();
    hosts->addAction(tr("Check &all"), this, [this] { m_hostModel->setAllChecked(true); });
    hosts->addAction(tr("&Uncheck all"), this, [this] { m_hostModel->setAllChecked(false); });

    m_viewMenu = menuBar()->addMenu(tr("&View"));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *forget = tools->addAction(tr("&Forget host key..."), this, &MainWindow::forgetHostKey);
    forget->setObjectName(QStringLiteral("forgetHostKeyAction"));
    QAction *settings = tools->addAction(Theme::icon(QStringLiteral("preferences-system")), tr("&Settings..."), this,
                                         &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setMenuRole(QAction::PreferencesRole);
    settings->setShortcut(QKeySequence::Preferences);

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
    m_hostProxy = new HostFilterProxy(this);
    m_hostProxy->setSourceModel(m_hostModel);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("hostSearch"));
    m_search->setPlaceholderText(tr("Search: words, web[01-20], @group, @tag:name"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search hosts"));
    connect(m_search, &QLineEdit::textChanged, m_hostProxy, &HostFilterProxy::setText);
    auto *clearSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_search, m_search, &QLineEdit::clear);
    clearSearch->setContext(Qt::WidgetShortcut);
    m_tagFilter = new QComboBox;
    m_tagFilter->setObjectName(QStringLiteral("tagFilter"));
    m_tagFilter->setAccessibleName(tr("Filter by tag"));
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_hostProxy->setTag(m_tagFilter->currentData().toString()); });
    m_groupFilter = new QComboBox;
    m_groupFilter->setObjectName(QStringLiteral("groupFilter"));
    m_groupFilter->setAccessibleName(tr("Filter by group"));
    connect(m_groupFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_hostProxy->setGroup(m_groupFilter->currentData().toString()); });

    m_hostTree = new QTreeView;
    m_hostTree->setObjectName(QStringLiteral("hostTree"));
    m_hostTree->setModel(m_hostProxy);
    m_hostTree->setAccessibleName(tr("Hosts"));
    m_hostTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hostTree->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_hostTree->setDragDropMode(QAbstractItemView::InternalMove);
    m_hostTree->setDefaultDropAction(Qt::MoveAction);
    m_hostTree->setUniformRowHeights(true);
    m_hostTree->setAllColumnsShowFocus(true);
    m_hostTree->setSortingEnabled(true);
    m_hostTree->sortByColumn(HostModel::NameColumn, Qt::AscendingOrder);
    m_hostTree->setContextMenuPolicy(Qt::CustomContextMenu);
    for (int column : {HostModel::PortColumn, HostModel::AuthColumn, HostModel::NotesColumn})
        m_hostTree->setColumnHidden(column, true);
    m_hostTree->header()->setSectionResizeMode(HostModel::NameColumn, QHeaderView::ResizeToContents);
    // Sized from the rows on screen: measuring all of them on every change made adding or checking
    // a thousand hosts take seconds (each change measured every row).
    m_hostTree->header()->setResizeContentsPrecision(0);
    connect(m_hostTree, &QTreeView::customContextMenuRequested, this, &MainWindow::showHostMenu);
    connect(m_hostTree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_hostProxy->mapToSource(index);
        if (!m_hostModel->isGroup(source))
            editProfile(source);
    });
    // Once per burst of changes (an import adds rows one by one, and expandAll() walks every row).
    m_expandTimer.setSingleShot(true);
    m_expandTimer.setInterval(0);
    connect(&m_expandTimer, &QTimer::timeout, m_hostTree, &QTreeView::expandAll);
    const auto expandSoon = [this] { m_expandTimer.start(); };
    connect(m_hostProxy, &QAbstractItemModel::rowsInserted, m_hostTree, expandSoon);
    connect(m_hostProxy, &QAbstractItemModel::modelReset, m_hostTree, expandSoon);
    connect(m_hostProxy, &QAbstractItemModel::layoutChanged, m_hostTree, expandSoon);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_tagFilter);
    filters->addWidget(m_groupFilter);
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_hostTree);

    auto *dock = new QDockWidget(tr("Hosts"), this);
    dock->setObjectName(QStringLiteral("hostDock")); // saveState() needs it
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(panel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {360}, Qt::Horizontal);
}

void MainWindow::createHistoryDock()
{
    m_historyPanel = new HistoryPanel(m_services.history);
    auto *dock = new QDockWidget(tr("Run History"), this);
    dock->setObjectName(QStringLiteral("historyDock")); // saveState() needs it
    dock->setWidget(m_historyPanel);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("historyAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_viewMenu->addAction(toggle);
    connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_historyPanel->refresh();
    });
    connect(m_historyPanel, &HistoryPanel::openRequested, this, &MainWindow::openFromHistory);
    connect(m_historyPanel, &HistoryPanel::rerunRequested, this, &MainWindow::rerunFromHistory);
    connect(m_historyPanel, &HistoryPanel::compareRequested, this, &MainWindow::compareRuns);
}

SessionView *MainWindow::openFromHistory(qint64 id)
{
    const std::optional<RunHistory::Run> run = m_services.history->run(id);
    if (!run) {
        statusBar()->showMessage(tr("Run %1 is no longer in the history.").arg(id), 5000);
        return nullptr;
    }
    RunRequest request;
    request.command = run->command;
    if (!run->script.isEmpty()) {
        request.command = ScriptRun::commandFromRecord(run->command, run->script).value_or(run->command);
        request.script = run->script;
    }
    QList<HostResult> results;
    for (const RunHistory::HostRecord &host : run->hosts) {
        HostTarget target;
        target.name = host.name;
        target.hostname = host.address; // shown as recorded; never connected to
        request.hosts += target;
        results += host.result;
    }
    // Not tied to the engine: the view only reads it.
    auto *replayed = new RunSession(request);
    replayed->replay(RunId(id), results, run->durationMs);
    auto *session = new SessionView(replayed);
    session->setHistoryId(id);
    const QString started = QLocale().toString(run->started, QLocale::ShortFormat);
    const int tab = m_sessionTabs->addTab(
        session, tr("%1 (%2)").arg(session->title(), started).replace(u'&', QStringLiteral("&&")));
    m_sessionTabs->setTabToolTip(tab, tr("%1\nRun of %2, from the history (read-only)").arg(run->command, started));
    m_sessionTabs->setCurrentIndex(tab);
    connect(session, &SessionView::rerunRequested, this, [this](const RunRequest &again, const QList<int> &) {
        QStringList names;
        for (const HostTarget &target : again.hosts)
            names += target.name;
        runAgainOn(names, again.command, again.script);
    });
    connect(session, &SessionView::compareWithPreviousRequested, this,
            [this, session](int host) { compareWithPrevious(session, host); });
    connectSessionTab(session);
    return session;
}

void MainWindow::rerunFromHistory(qint64 id)
{
    const std::optional<RunHistory::Run> run = m_services.history->run(id);
    if (!run)
        return;
    QStringList names;
    for (const RunHistory::HostRecord &host : run->hosts)
        names += host.name;
    // A script run reads the local file again: its recorded text is never run as a command.
    if (!run->script.isEmpty()) {
        const std::optional<QString> command = ScriptRun::commandFromRecord(run->command, run->script);
        if (!command) {
            QMessageBox::warning(this, tr("Cannot run again"), tr("The history's record of this script run is not "
                                                                  "one Chorus wrote: %1")
                                                                   .arg(run->command));
            return;
        }
        runAgainOn(names, *command, run->script);
        return;
    }
    runAgainOn(names, run->command);
}

SessionView *MainWindow::runAgainOn(const QStringList &hostNames, const QString &command, const QString &script)
{
    // Only hosts that are still in the host list, as they are configured now: a recorded address is
    // never connected to on its own.
    QList<Profile> profiles;
    QStringList missing;
    const QList<Profile> all = m_hostModel->profiles();
    for (const QString &name : hostNames) {
        const auto it = std::find_if(all.begin(), all.end(), [&name](const Profile &p) { return p.name == name; });
        if (it == all.end())
            missing += name;
        else
            profiles += *it;
    }
    if (profiles.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot run again"),
                             tr("None of the run's hosts is in the host list any more: %1").arg(missing.join(QStringLiteral(", "))));
        return nullptr;
    }
    SessionView *session = script.isEmpty() ? runOn(profiles, command) : runScriptOn(profiles, script, {}, command);
    if (session && !missing.isEmpty())
        statusBar()->showMessage(tr("Not run on %n host(s) no longer in the host list: %1", nullptr, int(missing.size()))
                                     .arg(missing.join(QStringLiteral(", "))),
                                 15000);
    return session;
}

void MainWindow::connectSessionTab(SessionView *session)
{
    // The tab shows how the run stands (running, all ok, some failed), seen from any other tab.
    const auto showState = [this, session] {
        const int tab = m_sessionTabs->indexOf(session);
        m_sessionTabs->setTabIcon(tab, session->stateIcon());
        m_sessionTabs->tabBar()->setTabData(tab, QVariant::fromValue(session->state()));
    };
    connect(session, &SessionView::stateChanged, this, showState);
    showState();
    connect(session, &SessionView::checkHostsRequested, this, [this, session](const QList<int> &hosts) {
        QStringList names;
        for (int host : hosts)
            names.append(session->session()->target(host).name);
        checkOnly(names);
    });
    connect(session, &SessionView::terminalRequested, this, [this, session](const QList<int> &hosts) {
        QList<HostTarget> targets;
        for (int host : hosts)
            targets.append(session->session()->target(host));
        openTerminals(targets);
    });
}

TerminalGroup *MainWindow::openTerminalsOn(const QList<Profile> &profiles)
{
    if (profiles.isEmpty()) {
        statusBar()->showMessage(tr("Check or select the hosts to open terminals on."), 10000);
        return nullptr;
    }
    QList<HostTarget> targets;
    QString error;
    if (!resolveTargets(profiles, &targets, &error)) {
        statusBar()->showMessage(error, 15000);
        return nullptr;
    }
    return openTerminals(targets);
}

TerminalGroup *MainWindow::openTerminals(const QList<HostTarget> &targets)
{
    if (targets.isEmpty())
        return nullptr;
    QList<TerminalGroup::Host> hosts;
    for (const HostTarget &target : targets)
        hosts.append({target.name, target});
    auto *group = new TerminalGroup(m_services.pool, hosts);
    applyTerminalSettings(group);
    const int tab = m_sessionTabs->addTab(group, Theme::icon(QStringLiteral("utilities-terminal")),
                                          group->title().replace(u'&', QStringLiteral("&&")));
    QStringList names;
    for (const HostTarget &target : targets)
        names.append(target.name);
    m_sessionTabs->setTabToolTip(tab, names.join(QStringLiteral(", ")));
    m_sessionTabs->setCurrentIndex(tab);
    group->setFocus();
    return group;
}

int MainWindow::checkOnly(const QStringList &hostNames)
{
    const QSet<QString> wanted(hostNames.begin(), hostNames.end());
    QSet<QString> found;
    m_hostModel->setAllChecked(false);
    int checked = 0;
    for (const Profile &p : m_hostModel->profiles()) {
        if (!wanted.contains(p.name))
            continue;
        m_hostModel->setData(m_hostModel->indexOf(p.id), Qt::Checked, Qt::CheckStateRole);
        found.insert(p.name);
        ++checked;
    }
    QStringList missing;
    for (const QString &name : hostNames) {
        if (!found.contains(name))
            missing.append(name);
    }
    QString message = tr("Checked %n host(s) for the next command.", nullptr, checked);
    if (!missing.isEmpty()) {
        constexpr int Named = 5; // the status bar is one line
        QString names = missing.mid(0, Named).join(QStringLiteral(", "));
        if (missing.size() > Named)
            names += QStringLiteral(", ") + tr("and %1 more").arg(missing.size() - Named);
        message += u' ' + tr("Not in the host list any more: %1").arg(names);
    }
    statusBar()->showMessage(message, 15000);
    return checked;
}

void MainWindow::compareWithPrevious(SessionView *session, int host)
{
    const QString name = session->session()->hostName(host);
    const qint64 previous = m_services.history->previousRunWith(session->historyId(), name);
    if (previous == 0) {
        statusBar()->showMessage(tr("The history has no earlier run on %1.").arg(name), 5000);
        return;
    }
    compareRuns(previous, session->historyId(), name);
}

RunCompareDialog *MainWindow::compareRuns(qint64 older, qint64 newer, const QString &host)
{
    auto *dialog = new RunCompareDialog(m_services.history, older, newer, host, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);

    // A toolbar across the whole window, above the docks: the command gets the width the host
    // panel would otherwise take, which is what lets the window fit a 1280 px screen.
    auto *toolBar = addToolBar(tr("Command"));
    toolBar->setObjectName(QStringLiteral("commandToolBar")); // saveState() needs it
    toolBar->setMovable(false);
    toolBar->setFloatable(false);
    toolBar->toggleViewAction()->setVisible(false);
    m_commandBar = new CommandBar(toolBar);
    toolBar->addWidget(m_commandBar);
    connect(m_commandBar, &CommandBar::runRequested, this, &MainWindow::runCommand);
    connect(m_commandBar, &CommandBar::copyFilesRequested, this, [this] { showTransferDialog(profilesForRun()); });
    connect(m_commandBar, &CommandBar::cancelRequested, this, [this] {
        if (SessionView *session = currentSession())
            session->cancel();
    });
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *run = new QShortcut(keys, this);
        connect(run, &QShortcut::activated, this, &MainWindow::runCommand);
    }
    // Not Esc: Esc clears and closes what has the focus (the search box, the find bar), and a key
    // pressed for that must never stop a run.
    auto *cancel = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period), this);
    connect(cancel, &QShortcut::activated, this, [this] {
        if (SessionView *session = currentSession())
            session->requestCancel();
    });

    m_sessionHint = new QLabel(tr("Check hosts on the left, type a command above and press Ctrl+Enter.\n"
                                  "Each run opens here in its own tab."));
    m_sessionHint->setObjectName(QStringLiteral("sessionHint"));
    m_sessionHint->setAlignment(Qt::AlignCenter);
    m_sessionHint->setWordWrap(true);
    m_sessionHint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_sessionHint, 1);

    m_sessionTabs = new QTabWidget;
    m_sessionTabs->setObjectName(QStringLiteral("sessionTabs"));
    m_sessionTabs->setDocumentMode(true);
    m_sessionTabs->setTabsClosable(true);
    m_sessionTabs->setMovable(true);
    connect(m_sessionTabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeSessionTab);
    auto *closeTab = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_W), this);
    connect(closeTab, &QShortcut::activated, this, [this] {
        if (m_sessionTabs->currentIndex() >= 0)
            closeSessionTab(m_sessionTabs->currentIndex());
    });
    m_sessionTabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_sessionTabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const int index = m_sessionTabs->tabBar()->tabAt(position);
        if (index < 0)
            return;
        QMenu menu(this);
        menu.addAction(tr("&Close Tab"), this, [this, index] { closeSessionTab(index); });
        menu.addAction(tr("Close &Other Tabs"), this, [this, index] { closeOtherSessionTabs(index); });
        menu.exec(m_sessionTabs->tabBar()->mapToGlobal(position));
    });
    connect(m_sessionTabs, &QTabWidget::currentChanged, this, [this] {
        updateSessionHint();
        updateCancel();
    });
    layout->addWidget(m_sessionTabs, 1);
    setCentralWidget(central);
    updateSessionHint();
}

void MainWindow::loadProfiles()
{
    const ProfileStore::Contents &contents = m_services.profiles->contents();
    m_hostModel->setContents(contents.profiles, contents.groups);
    m_hostTree->expandAll();
    QSettings settings;
    const QStringList checked = settings.value(kSettingsGroup + QStringLiteral("/checkedHosts")).toStringList();
    for (const QString &id : checked) {
        const QModelIndex index = m_hostModel->indexOf(QUuid::fromString(id));
        if (index.isValid())
            m_hostModel->setData(index, Qt::Checked, Qt::CheckStateRole);
    }
}

void MainWindow::saveProfiles()
{
    m_saveTimer.stop();
    if (!m_services.profiles->canSave())
        return; // a file we could not read is never overwritten; the user was told at load
    QList<Profile> saved;
    QSet<QString> usedGroups;
    // Hosts given as fixed targets (the demo) are shown but never saved, nor are the groups made
    // for them: after a language switch "Demo" would stay behind, empty, next to "演示".
    for (const Profile &p : m_hostModel->profiles()) {
        if (!m_fixedTargets.contains(p.id)) {
            saved.append(p);
            usedGroups.insert(p.group);
        }
    }
    QStringList groups = m_hostModel->groups();
    groups.removeIf([this, &usedGroups](const QString &group) {
        return m_fixedGroups.contains(group) && !usedGroups.contains(group);
    });
    m_services.profiles->setProfiles(saved, groups);
    QString error;
    if (!m_services.profiles->save(&error))
        statusBar()->showMessage(tr("Could not save the host profiles: %1").arg(error));
}

void MainWindow::setHosts(const QString &group, const QList<HostTarget> &hosts)
{
    QList<QUuid> old;
    for (const Profile &p : m_hostModel->profiles()) {
        if (p.group == group)
            old.append(p.id);
    }
    for (const QUuid &id : std::as_const(old))
        m_fixedTargets.remove(id);
    m_hostModel->removeProfiles(old);
    for (const HostTarget &target : hosts) {
        Profile p = Profile::create();
        p.name = target.name;
        p.hostname = target.hostname;
        p.port = target.port;
        p.user = target.user;
        p.group = group;
        const QModelIndex index = m_hostModel->addProfile(p);
        m_fixedTargets.insert(m_hostModel->data(index, HostModel::ProfileIdRole).toUuid(), target);
    }
    if (hosts.isEmpty())
        m_fixedGroups.remove(group);
    else
        m_fixedGroups.insert(group);
    if (hosts.isEmpty()) {
        const QModelIndex groupIndex = m_hostModel->groupIndex(group);
        if (groupIndex.isValid())
            m_hostModel->remove({groupIndex});
    }
    m_hostTree->expandAll();
}

QList<HostTarget> MainWindow::hosts(const QString &group) const
{
    QList<HostTarget> result;
    for (const Profile &p : m_hostModel->profiles()) {
        if (p.group == group && m_fixedTargets.contains(p.id))
            result.append(m_fixedTargets.value(p.id));
    }
    return result;
}

QModelIndexList MainWindow::selectedSourceRows() const
{
    QModelIndexList rows;
    for (const QModelIndex &index : m_hostTree->selectionModel()->selectedRows())
        rows.append(m_hostProxy->mapToSource(index));
    return rows;
}

QList<Profile> MainWindow::profilesForRun() const
{
    const QList<Profile> checked = m_hostModel->checkedProfiles();
    return checked.isEmpty() ? m_hostModel->profilesIn(selectedSourceRows()) : checked;
}

bool MainWindow::resolveTargets(const QList<Profile> &profiles, QList<HostTarget> *targets, QString *error) const
{
    TargetResolver resolver(m_hostModel->profiles(), m_hostModel->groups(), SshConfig::loadDefault());
    HostKeyPolicy defaultPolicy = HostKeyPolicy::Ask;
    parseHostKeyPolicy(AppSettings::value(AppSettings::HostKeyPolicy).toString(), &defaultPolicy);
    resolver.setProfileDefaults(defaultPolicy, AppSettings::intValue(AppSettings::ConnectTimeoutSec) * 1000);
    for (const Profile &profile : profiles) {
        HostTarget target;
        if (m_fixedTargets.contains(profile.id))
            target = m_fixedTargets.value(profile.id);
        else if (!resolver.target(profile, &target, error))
            return false;
        targets->append(target);
    }
    return true;
}

SessionView *MainWindow::runCommand()
{
    const QList<Profile> profiles = profilesForRun();
    const QString command = m_commandBar->command();
    if (!command.isEmpty() && !profiles.isEmpty() && !confirmRun(profiles, command))
        return nullptr;
    return runOn(profiles, command);
}

// Checked hosts that the host filter hides: they run too, so the user must know about them.
int MainWindow::hiddenCount(const QList<Profile> &profiles) const
{
    if (!m_hostProxy->isFiltering())
        return 0;
    int hidden = 0;
    for (const Profile &p : profiles) {
        if (!m_hostProxy->mapFromSource(m_hostModel->indexOf(p.id)).isValid())
            ++hidden;
    }
    return hidden;
}

void MainWindow::updateRunButton()
{
    const QList<Profile> profiles = profilesForRun();
    const int count = int(profiles.size());
    const int hidden = hiddenCount(profiles);
    m_commandBar->setRunText(hidden > 0 ? tr("&Run on %n host(s) (%1 not shown)", nullptr, count).arg(hidden)
                                        : tr("&Run on %n host(s)", nullptr, count));
}

// Many hosts, or hosts the filter hides: says how many and in which groups before anything runs.
bool MainWindow::confirmRun(const QList<Profile> &profiles, const QString &command)
{
    const int above = AppSettings::intValue(AppSettings::ConfirmRunAbove);
    const int hidden = hiddenCount(profiles);
    if (hidden == 0 && (above <= 0 || profiles.size() <= above))
        return true;
    QMap<QString, int> groups;
    for (const Profile &p : profiles)
        ++groups[p.group.isEmpty() ? tr("(no group)") : p.group];
    QStringList parts;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        parts.append(tr("%1 (%2)").arg(it.key()).arg(it.value()));
    QStringList text{tr("Run “%1” on %n host(s)?", nullptr, int(profiles.size())).arg(command),
                     tr("Groups: %1").arg(parts.join(QStringLiteral(", ")))};
    if (hidden > 0)
        text.append(tr("%n of them are hidden by the host filter.", nullptr, hidden));
    QMessageBox box(QMessageBox::Question, tr("Run on many hosts?"), text.join(u'\n'), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmRunBox"));
    QPushButton *run = box.addButton(tr("&Run on %n Host(s)", nullptr, int(profiles.size())), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == run;
}

SessionView *MainWindow::runOn(const QList<Profile> &profiles, const QString &command)
{
    if (command.isEmpty()) {
        statusBar()->showMessage(tr("Type a command to run first."), 5000);
        m_commandBar->focusCommand();
        return nullptr;
    }
    if (profiles.isEmpty()) {
        statusBar()->showMessage(tr("Check or select the hosts to run on first."), 5000);
        return nullptr;
    }
    RunRequest request;
    request.command = command;
    if (!prepareRequest(profiles, &request))
        return nullptr;
    m_commandBar->remember(command);
    return startSession(request);
}

// The command bar's options and the hosts as targets; false (the user told why) if a host cannot be.
bool MainWindow::prepareRequest(const QList<Profile> &profiles, RunRequest *request)
{
    request->fanout = m_commandBar->fanout();
    request->commandTimeoutMs = m_commandBar->timeoutSec() * 1000;
    request->sudo = m_commandBar->sudo();
    request->outputLimit = qint64(AppSettings::intValue(AppSettings::OutputLimitMiB)) * 1024 * 1024;
    QString error;
    if (!resolveTargets(profiles, &request->hosts, &error)) {
        QMessageBox::warning(this, tr("Cannot run"), error);
        return false;
    }
    return true;
}

void MainWindow::chooseAndRunScript()
{
    const QList<Profile> profiles = profilesForRun();
    if (profiles.isEmpty()) {
        statusBar()->showMessage(tr("Check or select the hosts to run on first."), 5000);
        return;
    }
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Run a local script on %n host(s)", nullptr, int(profiles.size())),
        settings.value(QStringLiteral("MainWindow/scriptFolder"), QDir::homePath()).toString());
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("MainWindow/scriptFolder"), QFileInfo(path).absolutePath());
    bool ok = false;
    const QString arguments = QInputDialog::getText(
        this, tr("Run Script"), tr("Arguments for %1 (optional, as in a shell):").arg(QFileInfo(path).fileName()),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    const QStringList words = QProcess::splitCommand(arguments);
    if (!confirmRun(profiles, QFileInfo(path).fileName() + (words.isEmpty() ? QString() : u' ' + arguments)))
        return;
    runScriptOn(profiles, path, words);
}

SessionView *MainWindow::runScriptOn(const QList<Profile> &profiles, const QString &path,
                                     const QStringList &arguments, const QString &command)
{
    QString error;
    std::optional<ScriptRun> script = ScriptRun::load(path, arguments, ScriptRun::MaxBytes, &error);
    if (!script) {
        QMessageBox::warning(this, tr("Cannot run the script"), error);
        return nullptr;
    }
    RunRequest request;
    request.command = command.isEmpty() ? script->command : command;
    request.script = script->path;
    request.input = true;
    if (!prepareRequest(profiles, &request))
        return nullptr;
    return startSession(request, script->content);
}

TransferDialog *MainWindow::showTransferDialog(const QList<Profile> &profiles)
{
    if (profiles.isEmpty()) {
        statusBar()->showMessage(tr("Check or select the hosts to copy files on first."), 5000);
        return nullptr;
    }
    auto *dialog = new TransferDialog(int(profiles.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_lastTransfer)
        dialog->setSpec(*m_lastTransfer);
    connect(dialog, &QDialog::accepted, this, [this, dialog, profiles] {
        m_lastTransfer = dialog->spec();
        transferOn(profiles, *m_lastTransfer);
    });
    dialog->open();
    return dialog;
}

SessionView *MainWindow::transferOn(const QList<Profile> &profiles, const TransferSpec &spec)
{
    RunRequest request;
    request.transfer = spec;
    QStringList names;
    for (const QString &path : spec.localPaths)
        names += QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName();
    // What the tab and the summary call the run.
    request.command = spec.direction == TransferDirection::Push
                          ? tr("push %1 to %2").arg(names.join(QStringLiteral(", ")), spec.remotePath)
                          : tr("pull %1 into %2").arg(spec.remotePath, spec.localPaths.value(0));
    request.fanout = m_commandBar->fanout();
    request.commandTimeoutMs = m_commandBar->timeoutSec() * 1000;
    QString error;
    if (!resolveTargets(profiles, &request.hosts, &error)) {
        QMessageBox::warning(this, tr("Cannot copy"), error);
        return nullptr;
    }
    return startSession(request);
}

SessionView *MainWindow::startSession(const RunRequest &request, const QByteArray &input)
{
    auto *session = new SessionView(m_services.pool, request, input);
    session->session()->setDisplayLimit(qint64(AppSettings::intValue(AppSettings::DisplayLimitKiB)) * 1024);
    // Numbered, so two runs of one command can be told apart; '&' doubled, or the tab bar would read
    // it as a mnemonic ("R&D" showing as "RD").
    const QString title = tr("%1 #%2").arg(session->title(), QString::number(++m_runsStarted));
    const int tab = m_sessionTabs->addTab(session, QString(title).replace(u'&', QStringLiteral("&&")));
    m_sessionTabs->setTabToolTip(tab, request.command);
    m_sessionTabs->setCurrentIndex(tab);
    connect(session, &SessionView::finished, this, [this, session] {
        updateCancel();
        recordInHistory(session);
        notifyIfUnseen(session);
    });
    connect(session, &SessionView::compareWithPreviousRequested, this,
            [this, session](int host) { compareWithPrevious(session, host); });
    connect(session, &SessionView::rerunRequested, this, [this](const RunRequest &again, const QList<int> &) {
        if (again.script.isEmpty()) {
            startSession(again);
            return;
        }
        // The script as it is now, on the same targets with the same interpreter line.
        QString error;
        const std::optional<ScriptRun> script = ScriptRun::load(again.script, {}, ScriptRun::MaxBytes, &error);
        if (script)
            startSession(again, script->content);
        else
            QMessageBox::warning(this, tr("Cannot run the script"), error);
    });
    connectSessionTab(session);
    updateCancel();
    return session;
}

void MainWindow::notifyIfUnseen(SessionView *session)
{
    if (isActiveWindow() || session->session()->elapsedMs() < NotifyAfterMs)
        return;
    const RunSession::Counts c = session->session()->counts();
    const QString title = c.problems() + c.cancelled == 0
        ? tr("Run finished: all %n host(s) ok", nullptr, c.total)
        : tr("Run finished: %1 of %n host(s) not ok", nullptr, c.total).arg(c.problems() + c.cancelled);
    const QString body = session->session()->request().command.left(200);
    Q_EMIT runEndedUnseen(title, body);
    // Sent without waiting for an answer (and without introspection, which can block): a desktop
    // without the service simply shows nothing.
    QDBusMessage notify = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    notify << QStringLiteral("Chorus") << 0u << QStringLiteral("chorus") << title << body << QStringList()
           << QVariantMap() << -1;
    QDBusConnection::sessionBus().send(notify);
}

void MainWindow::recordInHistory(SessionView *session)
{
    // The history keeps commands: a copy is not one, and "run again" must never run its description.
    if (!m_services.history->isOpen() || session->session()->isTransfer())
        return;
    m_services.history->setRetention(AppSettings::intValue(AppSettings::HistoryDays), AppSettings::intValue(AppSettings::HistoryRuns));
    const qint64 id = m_services.history->addRun(*session->session());
    if (id == 0) {
        statusBar()->showMessage(tr("The run was not saved to the history: %1").arg(m_services.history->lastError()), 10000);
        return;
    }
    session->setHistoryId(id);
    // A hidden panel reads the history when it is shown again.
    if (m_historyPanel->isVisible())
        m_historyPanel->refresh();
}

SessionView *MainWindow::currentSession() const
{
    return qobject_cast<SessionView *>(m_sessionTabs->currentWidget());
}

void MainWindow::updateCancel()
{
    const SessionView *session = currentSession();
    m_commandBar->setCancelEnabled(session && session->isRunning());
}

void MainWindow::onHostKeyQuestion(const HostKeyQuestion &question)
{
    m_hostKeyDialog->addQuestion(question);
    m_hostKeyDialog->show();
    m_hostKeyDialog->raise();
}

void MainWindow::askForSecret(const SecretRequest &request)
{
    m_credentialDialog->addRequest(request);
}

SessionView *MainWindow::sessionOf(RunId run) const
{
    for (int i = 0; i < m_sessionTabs->count(); ++i) {
        auto *session = qobject_cast<SessionView *>(m_sessionTabs->widget(i));
        if (session && session->runId() == run)
            return session;
    }
    return nullptr;
}

// A changed key is named in the dialog by the host of its session, never by reading the (translated)
// message. A connection test has no session: its own dialog shows the error.
void MainWindow::onHostFinished(RunId run, int host, const HostResult &result)
{
    if (result.failure != FailureKind::HostKeyChanged)
        return;
    const SessionView *session = sessionOf(run);
    if (!session)
        return;
    m_hostKeyDialog->addChangedKey(session->session()->hostName(host), result.error);
    m_hostKeyDialog->show();
    m_hostKeyDialog->raise();
}

void MainWindow::storeSecrets(const QUuid &id, const QHash<SecretStore::Kind, QString> &secrets)
{
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        m_services.secrets->write(id, it.key(), it.value(), [this](const SecretStore::Result &result) {
            if (result.status != SecretStore::Status::Ok)
                statusBar()->showMessage(tr("The secret was not saved: %1").arg(result.error), 10000);
        });
    }
}

void MainWindow::showHostMenu(const QPoint &position)
{
    const QModelIndexList rows = selectedSourceRows();
    const QModelIndex clicked = m_hostProxy->mapToSource(m_hostTree->indexAt(position));
    QMenu menu(this);
    QAction *run = menu.addAction(tr("&Run here"), this, [this, rows] { runOn(m_hostModel->profilesIn(rows), m_commandBar->command()); });
    run->setEnabled(!rows.isEmpty());
    menu.addAction(tr("&Copy Files..."), this, [this, rows] { showTransferDialog(m_hostModel->profilesIn(rows)); })
        ->setEnabled(!rows.isEmpty());
    menu.addAction(tr("Open Ter&minal"), this, [this, rows] { openTerminalsOn(m_hostModel->profilesIn(rows)); })
        ->setEnabled(!rows.isEmpty());
    QAction *edit = menu.addAction(tr("&Edit..."), this, [this, clicked] { editProfile(clicked); });
    edit->setEnabled(clicked.isValid() && !m_hostModel->isGroup(clicked));
    menu.addAction(tr("&Duplicate"), this, [this, rows] { m_hostModel->duplicate(rows); })->setEnabled(!rows.isEmpty());
    menu.addAction(tr("De&lete"), this, [this, rows] {
        const QList<Profile> profiles = m_hostModel->profilesIn(rows);
        if (QMessageBox::question(this, tr("Delete hosts"),
                                  tr("Delete %n host(s) and their saved secrets?", nullptr, int(profiles.size())))
            == QMessageBox::Yes)
            m_hostModel->remove(rows);
    })->setEnabled(!rows.isEmpty());
    menu.addSeparator();
    QAction *test = menu.addAction(tr("&Test connection"), this,
                                   [this, rows] { testHosts(m_hostModel->profilesIn(rows)); });
    test->setEnabled(!rows.isEmpty());
    menu.addAction(tr("&Copy address"), this, [this, rows] {
        QStringList addresses;
        for (const Profile &p : m_hostModel->profilesIn(rows))
            addresses.append(p.address());
        QGuiApplication::clipboard()->setText(addresses.join(u'\n'));
    })->setEnabled(!rows.isEmpty());
    menu.addSeparator();
    menu.addAction(tr("&New host..."), this, &MainWindow::newProfile);
    menu.exec(m_hostTree->viewport()->mapToGlobal(position));
}

void MainWindow::newProfile()
{
    Profile profile = Profile::create();
    const QModelIndex current = m_hostProxy->mapToSource(m_hostTree->currentIndex());
    if (current.isValid())
        profile.group = m_hostModel->data(current, HostModel::GroupPathRole).toString();
    ProfileDialog dialog(profile, m_hostModel->groups(), this);
    connect(&dialog, &ProfileDialog::testRequested, this, [this, &dialog](const Profile &p) { testConnection(p, &dialog); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QModelIndex index = m_hostModel->addProfile(dialog.profile());
    if (dialog.saveSecrets())
        storeSecrets(m_hostModel->data(index, HostModel::ProfileIdRole).toUuid(), dialog.secrets());
}

void MainWindow::editProfile(const QModelIndex &index)
{
    if (!index.isValid() || m_hostModel->isGroup(index))
        return;
    const Profile profile = m_hostModel->data(index, HostModel::ProfileRole).value<Profile>();
    ProfileDialog dialog(profile, m_hostModel->groups(), this);
    connect(&dialog, &ProfileDialog::testRequested, this, [this, &dialog](const Profile &p) { testConnection(p, &dialog); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_hostModel->updateProfile(dialog.profile());
    if (dialog.saveSecrets())
        storeSecrets(profile.id, dialog.secrets());
}

// A connection test is a run of `true` that no session tab shows; its answer goes to the dialog.
void MainWindow::testConnection(const Profile &profile, ProfileDialog *dialog)
{
    RunRequest request;
    request.command = QStringLiteral("true");
    QString error;
    if (!resolveTargets({profile}, &request.hosts, &error)) {
        dialog->showTestResult(false, error);
        return;
    }
    const RunId run = m_services.pool->start(request);
    auto *context = new QObject(this);
    QPointer<ProfileDialog> guard(dialog);
    connect(m_services.pool, &WorkerPool::hostFinished, context, [guard, run, context](RunId id, int, const HostResult &r) {
        if (id != run)
            return;
        if (guard) {
            const bool ok = r.outcome == HostOutcome::Ok;
            guard->showTestResult(ok, ok ? tr("Connected and ran a command in %1 ms.").arg(r.durationUs() / 1000) : r.error);
        }
        context->deleteLater();
    });
}

// A test is not a run: no session tab, nothing in the run or command history. The answer comes
// back where it was asked, in a box saying which hosts connected and why the others did not.
void MainWindow::testHosts(const QList<Profile> &profiles)
{
    if (profiles.isEmpty())
        return;
    RunRequest request;
    request.command = QStringLiteral("true");
    request.fanout = m_commandBar->fanout();
    QString error;
    if (!resolveTargets(profiles, &request.hosts, &error)) {
        QMessageBox::warning(this, tr("Test connection"), error);
        return;
    }
    const RunId run = m_services.pool->start(request);
    statusBar()->showMessage(tr("Testing the connection to %n host(s)...", nullptr, int(request.hosts.size())));
    auto *context = new QObject(this);
    auto failures = std::make_shared<QStringList>();
    const QList<HostTarget> hosts = request.hosts;
    connect(m_services.pool, &WorkerPool::hostFinished, context,
            [run, failures, hosts](RunId id, int host, const HostResult &r) {
                if (id == run && r.outcome != HostOutcome::Ok)
                    failures->append(tr("%1: %2").arg(hosts.value(host).name, r.endingText()));
            });
    connect(m_services.pool, &WorkerPool::runFinished, context, [this, run, failures, hosts, context](RunId id) {
        if (id != run)
            return;
        context->deleteLater();
        statusBar()->clearMessage();
        const int total = int(hosts.size());
        const int ok = total - int(failures->size());
        QStringList text{tr("%1 of %n host(s) connected and ran a command.", nullptr, total).arg(ok)};
        constexpr int MaxListed = 20;
        text += failures->mid(0, MaxListed);
        if (failures->size() > MaxListed)
            text.append(tr("... and %n more.", nullptr, int(failures->size()) - MaxListed));
        QMessageBox box(failures->isEmpty() ? QMessageBox::Information : QMessageBox::Warning, tr("Test connection"),
                        text.join(u'\n'), QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("connectionTestBox"));
        box.exec();
    });
}

void MainWindow::importHosts()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import hosts"), QDir::homePath());
    if (file.isEmpty())
        return;
    ProfileImporter::Format format;
    if (!ProfileImporter::guessFormat(file, &format)) {
        QMessageBox::warning(this, tr("Import hosts"),
                             tr("Cannot tell what kind of host list %1 is (ssh_config, pssh, ClusterShell, Ansible "
                                "or a Chorus export). Use `chorus hosts import --format` to say.")
                                 .arg(file));
        return;
    }
    const ProfileImporter::Result report = ProfileImporter::importFile(file, format);
    if (!report.readable) {
        QMessageBox::warning(this, tr("Import hosts"), report.problems.join(u'\n'));
        return;
    }
    const HostModel::MergeStats stats = m_hostModel->importProfiles(report.profiles, report.groups);
    QString text = tr("Added %1 hosts, merged %2 with hosts already here.").arg(stats.added).arg(stats.merged);
    if (!report.problems.isEmpty())
        text += u'\n' + tr("Not imported:") + u'\n' + report.problems.join(u'\n');
    QMessageBox::information(this, tr("Import hosts"), text);
}

void MainWindow::exportHosts()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export hosts"), QDir::homePath() + QStringLiteral("/chorus-hosts.json"));
    if (file.isEmpty())
        return;
    saveProfiles();
    QString error;
    if (!m_services.profiles->exportTo(file, &error))
        QMessageBox::warning(this, tr("Export hosts"), error);
}

void MainWindow::forgetHostKey()
{
    const QString host = QInputDialog::getText(this, tr("Forget host key"),
                                               tr("Host as known_hosts lists it (name, or [address]:port):"));
    if (host.trimmed().isEmpty())
        return;
    const QString file = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    int removed = 0;
    QString error;
    if (!KnownHosts::instance().remove(file, host.trimmed(), &removed, &error))
        QMessageBox::warning(this, tr("Forget host key"), error);
    else
        statusBar()->showMessage(tr("Removed %1 key(s) of %2 from %3; the old file is kept as %3.old.")
                                     .arg(removed).arg(host.trimmed(), file), 10000);
}

void MainWindow::showSettings()
{
    const int scrollback = AppSettings::intValue(AppSettings::TerminalScrollback);
    const int textSize = AppSettings::intValue(AppSettings::TerminalFontPoints);
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The terminals already open follow what changed, and keep a text size zoomed with Ctrl+wheel
    // when the setting did not change.
    for (int i = 0; i < m_sessionTabs->count(); ++i) {
        if (auto *group = qobject_cast<TerminalGroup *>(m_sessionTabs->widget(i)))
            applyTerminalSettings(group, scrollback != AppSettings::intValue(AppSettings::TerminalScrollback),
                                  textSize != AppSettings::intValue(AppSettings::TerminalFontPoints));
    }
    statusBar()->showMessage(tr("Settings saved. Engine settings apply to new connections."), 5000);
}

void MainWindow::applyTerminalSettings(TerminalGroup *group, bool scrollback, bool textSize)
{
    if (scrollback)
        group->setScrollbackLimit(AppSettings::intValue(AppSettings::TerminalScrollback));
    if (textSize)
        group->setFontPointSize(AppSettings::intValue(AppSettings::TerminalFontPoints));
}

void MainWindow::updateFilters()
{
    QStringList tags;
    bool anyJump = false;
    for (const Profile &p : m_hostModel->profiles()) {
        anyJump = anyJump || !p.jumpHost.isEmpty();
        for (const QString &tag : p.tags)
            if (!tags.contains(tag))
                tags.append(tag);
    }
    // "Via" says which hosts sit behind which jump host; without any it would only take room.
    m_hostTree->setColumnHidden(HostModel::JumpColumn, !anyJump);
    tags.sort(Qt::CaseInsensitive);
    const QString currentTag = m_tagFilter->currentData().toString();
    const QString currentGroup = m_groupFilter->currentData().toString();
    const QSignalBlocker blockTags(m_tagFilter), blockGroups(m_groupFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All tags"), QString());
    for (const QString &tag : std::as_const(tags))
        m_tagFilter->addItem(tag, tag);
    m_tagFilter->setCurrentIndex(qMax(0, m_tagFilter->findData(currentTag)));
    m_groupFilter->clear();
    m_groupFilter->addItem(tr("All groups"), QString());
    for (const QString &group : m_hostModel->groups())
        m_groupFilter->addItem(group, group);
    m_groupFilter->setCurrentIndex(qMax(0, m_groupFilter->findData(currentGroup)));
}

// Closing a tab cancels its run if it still goes: asked first as the Cancel button asks.
bool MainWindow::closeSessionTab(int index)
{
    auto *page = m_sessionTabs->widget(index);
    if (!page)
        return false;
    if (auto *session = qobject_cast<SessionView *>(page); session && session->isRunning() && !session->requestCancel())
        return false;
    if (auto *group = qobject_cast<TerminalGroup *>(page); group && group->openCount() > 0 && !confirmHangUp(group->openCount()))
        return false;
    m_sessionTabs->removeTab(m_sessionTabs->indexOf(page));
    delete page;
    updateCancel();
    return true;
}

void MainWindow::closeOtherSessionTabs(int index)
{
    QWidget *keep = m_sessionTabs->widget(index);
    for (int i = m_sessionTabs->count() - 1; i >= 0; --i) {
        if (m_sessionTabs->widget(i) != keep)
            closeSessionTab(i);
    }
}

void MainWindow::updateSessionHint()
{
    const bool empty = m_sessionTabs->count() == 0;
    m_sessionHint->setVisible(empty);
    m_sessionTabs->setVisible(!empty);
}

void MainWindow::updateHostCount()
{
    const int hosts = m_hostModel->profileCount();
    const int groups = int(m_hostModel->groups().size());
    m_hostCount->setText(hosts == 0 ? tr("No hosts") : tr("Hosts: %1  Groups: %2").arg(hosts).arg(groups));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1200, 760);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_hostTree->header()->restoreState(settings.value(QStringLiteral("hostColumns")).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("hostColumns"), m_hostTree->header()->saveState());
    QStringList checked;
    for (const Profile &p : m_hostModel->checkedProfiles()) {
        if (!m_fixedTargets.contains(p.id))
            checked.append(p.id.toString());
    }
    settings.setValue(QStringLiteral("checkedHosts"), checked);
}

int MainWindow::runningTransfers() const
{
    int running = 0;
    for (int i = 0; i < m_sessionTabs->count(); ++i) {
        const auto *session = qobject_cast<SessionView *>(m_sessionTabs->widget(i));
        if (session && session->isRunning() && session->session()->isTransfer())
            ++running;
    }
    return running;
}

bool MainWindow::confirmClose()
{
    // Asked to end by a signal (Ctrl+C in the terminal, kill): nobody is there to answer.
    if (qApp->property(TerminatingProperty).toBool())
        return true;
    const int copies = runningTransfers();
    if (copies == 0)
        return confirmStopCommands();
    return askBeforeStopping(QStringLiteral("confirmQuitBox"), tr("Copies still running"),
                             tr("%n file copy run(s) still going. Quitting stops them: the files being written are "
                                "removed, and no file is left half-written under its real name.",
                                nullptr, copies),
                             tr("&Quit and Stop the Copies"), tr("&Keep Copying"));
}

// Commands still running on hosts: quitting stops them, so it is asked, as for copies.
bool MainWindow::confirmStopCommands()
{
    int hosts = 0;
    for (int i = 0; i < m_sessionTabs->count(); ++i) {
        const auto *session = qobject_cast<SessionView *>(m_sessionTabs->widget(i));
        if (session && session->isRunning() && !session->session()->isTransfer()) {
            const RunSession::Counts counts = session->session()->counts();
            hosts += counts.total - counts.finished();
        }
    }
    if (hosts == 0) {
        int shells = 0;
        for (int i = 0; i < m_sessionTabs->count(); ++i) {
            if (const auto *group = qobject_cast<TerminalGroup *>(m_sessionTabs->widget(i)))
                shells += group->openCount();
        }
        return shells == 0 || confirmHangUp(shells);
    }
    return askBeforeStopping(QStringLiteral("confirmQuitBox"), tr("Commands still running"),
                             tr("Commands are still running on %n host(s). Quitting stops them.", nullptr, hosts),
                             tr("&Quit and Stop Them"), tr("&Keep Running"));
}

// Open shells: closing hangs them up (what runs in them gets SIGHUP), so it is asked, as terminal
// emulators ask before closing a tab with something running.
bool MainWindow::confirmHangUp(int shells)
{
    return askBeforeStopping(QStringLiteral("confirmHangUpBox"), tr("Terminals still open"),
                             tr("%n shell(s) still open. Closing hangs them up; what runs in them gets SIGHUP.",
                                nullptr, shells),
                             tr("&Close Them"), tr("&Keep Them Open"));
}

// A warning with a destructive button and a safe default; true when the destructive one was chosen.
bool MainWindow::askBeforeStopping(const QString &name, const QString &title, const QString &text,
                                   const QString &stopText, const QString &keepText)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
    box.setObjectName(name);
    QPushButton *stop = box.addButton(stopText, QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(keepText, QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == stop;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmClose()) {
        event->ignore();
        return;
    }
    saveLayout();
    if (m_saveTimer.isActive())
        saveProfiles();
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
