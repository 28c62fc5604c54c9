#include "widgets/session/sessionview.h"

#include "model/session/sessionstatusmodel.h"
#include "model/session/sessionstatusproxy.h"
#include "sshworker/workerpool.h"
#include "widgets/charts/durationchart.h"
#include "widgets/compare/compareview.h"
#include "widgets/session/exportmenu.h"
#include "widgets/session/outputview.h"
#include "widgets/session/progressdelegate.h"
#include "widgets/style/theme.h"
#include "widgets/style/uilog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelection>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Chorus {

namespace {

// The theme's icon where there is a theme, else the style's.
QIcon statusIcon(const QStyle *style, RunSession::HostStatus status)
{
    using S = RunSession::HostStatus;
    struct Choice
    {
        const char *theme;
        QStyle::StandardPixmap fallback;
    };
    Choice choice{"", QStyle::SP_CustomBase};
    switch (status) {
    case S::Queued:
        choice = {"media-playback-pause", QStyle::SP_MediaPause};
        break;
    case S::Connecting:
    case S::Authenticating:
        choice = {"network-transmit-receive", QStyle::SP_DriveNetIcon};
        break;
    case S::AwaitingHostKey:
    case S::AwaitingSecret:
        choice = {"dialog-question", QStyle::SP_MessageBoxQuestion};
        break;
    case S::Running:
        choice = {"media-playback-start", QStyle::SP_MediaPlay};
        break;
    case S::Ok:
        choice = {"emblem-ok", QStyle::SP_DialogApplyButton};
        break;
    case S::NonZeroExit:
        choice = {"dialog-warning", QStyle::SP_MessageBoxWarning};
        break;
    case S::Failed:
        choice = {"dialog-error", QStyle::SP_MessageBoxCritical};
        break;
    case S::TimedOut:
        choice = {"appointment-missed", QStyle::SP_BrowserStop};
        break;
    case S::Cancelled:
        choice = {"process-stop", QStyle::SP_DialogCancelButton};
        break;
    }
    // Running is the state most watched: Chorus's own green arrow where the desktop has no icon, as
    // Fusion's is black and disappears on a dark palette.
    if (status == S::Running)
        return Theme::icon(QString::fromLatin1(choice.theme));
    return QIcon::fromTheme(QString::fromLatin1(choice.theme), style->standardIcon(choice.fallback));
}

} // namespace

SessionView::SessionView(WorkerPool *pool, const RunRequest &request, const QByteArray &input, QWidget *parent)
    : QWidget(parent), m_pool(pool), m_session(new RunSession(request, this))
{
    connect(pool, &WorkerPool::hostStateChanged, m_session, &RunSession::handleHostState);
    connect(pool, &WorkerPool::outputReceived, m_session, &RunSession::handleOutput);
    connect(pool, &WorkerPool::hostFinished, m_session, &RunSession::handleHostFinished);
    connect(pool, &WorkerPool::runFinished, m_session, &RunSession::handleRunFinished);
    connect(pool, &WorkerPool::transferProgress, m_session, &RunSession::handleTransferProgress);
    connect(m_session, &RunSession::cancelRequested, pool, &WorkerPool::cancelRun);
    connect(m_session, &RunSession::hostCancelRequested, pool, &WorkerPool::cancelHost);
    build();
    // The pool reports from its event loop, so nothing is missed between start() and the id.
    m_session->start(pool->start(request));
    if (request.input) {
        pool->writeInput(m_session->runId(), input);
        pool->closeInput(m_session->runId());
    }
    updateSummary();
    updateActions();
}

SessionView::SessionView(RunSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    session->setParent(this);
    build();
    updateSummary();
    updateActions();
}

SessionView::~SessionView()
{
    // Nobody is left to read the output of a run whose tab is closed.
    if (m_pool && isRunning()) {
        qCDebug(lcUi) << "closing the tab of run" << runId() << "cancels it";
        m_session->cancel();
    }
}

void SessionView::setHistoryId(qint64 id)
{
    m_historyId = id;
    updateActions();
}

RunId SessionView::runId() const
{
    return m_session->runId();
}

bool SessionView::isRunning() const
{
    return m_session->isStarted() && !m_session->isFinished();
}

QString SessionView::title() const
{
    // A script run is known by its file, not by its interpreter ("bash -s --").
    const QString script = m_session->request().script;
    QString command = script.isEmpty() ? m_session->request().command.simplified()
                                       : tr("%1 (script)").arg(QFileInfo(script).fileName());
    if (command.size() > 40)
        command = command.left(39) + QChar(0x2026);
    return command;
}

void SessionView::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buildTopBar());

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("sessionSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildTable());
    createActions();
    splitter->addWidget(buildOutputs());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // The split between table and output is the user's: the last one moved is used again.
    splitter->restoreState(QSettings().value(QStringLiteral("SessionView/splitter")).toByteArray());
    connect(splitter, &QSplitter::splitterMoved, this, [splitter] {
        QSettings().setValue(QStringLiteral("SessionView/splitter"), splitter->saveState());
    });
    layout->addWidget(splitter, 1);

    connect(m_session, &RunSession::countsChanged, this, &SessionView::updateSummary);
    connect(m_session, &RunSession::hostsChanged, this, &SessionView::updateActions);
    connect(m_session, &RunSession::finished, this, [this] {
        m_clock.stop();
        updateSummary();
        updateActions();
        Q_EMIT finished();
    });
    m_clock.setInterval(SummaryRefreshMs);
    connect(&m_clock, &QTimer::timeout, this, &SessionView::updateSummary);
    m_clock.start();
}

// The summary line, Cancel and Export.
QLayout *SessionView::buildTopBar()
{
    auto *top = new QHBoxLayout;
    top->setContentsMargins(6, 4, 6, 0);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setToolTip(m_session->request().command);
    top->addWidget(m_summary, 1);
    m_cancel = new QPushButton(style()->standardIcon(QStyle::SP_BrowserStop), tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Cancel the run on every host that has not finished (Ctrl+.)"));
    connect(m_cancel, &QPushButton::clicked, this, &SessionView::requestCancel);
    top->addWidget(m_cancel);
    // Made here, filled in createActions(): the button sits left of Export.
    m_checkHosts = new QPushButton(tr("Chec&k Hosts"));
    m_checkHosts->setObjectName(QStringLiteral("checkHostsButton"));
    m_checkHosts->setToolTip(tr("Check some of this run's hosts in the host panel, for the next command"));
    top->addWidget(m_checkHosts);
    m_export = new QPushButton(tr("E&xport"));
    m_export->setObjectName(QStringLiteral("exportRunButton"));
    m_export->setToolTip(tr("Save every host's output and exit status, once the run has finished"));
    m_exportMenu = new ExportMenu(QStringLiteral("chorus-run"), [this]() -> std::optional<RunExport> {
        if (!m_session->isFinished())
            return std::nullopt;
        return RunExport::fromSession(*m_session);
    }, this);
    m_export->setMenu(m_exportMenu);
    top->addWidget(m_export);
    return top;
}

// The status table with its filters: one row per host.
QWidget *SessionView::buildTable()
{
    auto *tablePane = new QWidget;
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(6, 4, 6, 0);
    auto *filters = new QHBoxLayout;
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("hostFilter"));
    m_filter->setPlaceholderText(tr("Filter by host or error"));
    m_filter->setAccessibleName(tr("Filter hosts"));
    m_filter->setClearButtonEnabled(true);
    filters->addWidget(m_filter, 1);
    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("All hosts"), int(SessionStatusProxy::StatusFilter::All));
    m_statusFilter->addItem(tr("Not finished"), int(SessionStatusProxy::StatusFilter::Unfinished));
    m_statusFilter->addItem(tr("Ok"), int(SessionStatusProxy::StatusFilter::Ok));
    m_statusFilter->addItem(tr("Failed or cancelled"), int(SessionStatusProxy::StatusFilter::Problems));
    filters->addWidget(m_statusFilter);
    tableLayout->addLayout(filters);

    m_model = new SessionStatusModel(m_session, this);
    for (int s = 0; s < RunSession::HostStatusCount; ++s) {
        const auto status = RunSession::HostStatus(s);
        m_model->setStatusDecoration(status, statusIcon(style(), status));
    }
    m_proxy = new SessionStatusProxy(this);
    m_proxy->setSourceModel(m_model);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &SessionStatusProxy::setTextFilter);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(SessionStatusProxy::StatusFilter(m_statusFilter->currentData().toInt()));
    });
    // "All hosts" shows the hosts the table shows: filtering for the failed ones and then reading
    // every host's lines would defeat the filter.
    m_outputFilter.setSingleShot(true);
    m_outputFilter.setInterval(SummaryRefreshMs);
    connect(&m_outputFilter, &QTimer::timeout, this, &SessionView::filterAllHostsOutput);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, &m_outputFilter, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::modelReset, &m_outputFilter, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::layoutChanged, &m_outputFilter, qOverload<>(&QTimer::start));

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("statusTable"));
    m_table->setAccessibleName(tr("Host status"));
    m_table->setAccessibleDescription(tr("One row per host: state, exit status, duration, bytes and error. Enter opens the host's output."));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    // Tab leaves the table for the output, as keyboard users expect; arrows move between rows.
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // Fixed row height and column widths: measuring 500 changing rows on every update is what
    // would make the window stutter.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const int em = m_table->fontMetrics().horizontalAdvance(u'M');
    header->resizeSection(SessionStatusModel::HostColumn, 14 * em);
    // The State column fits its longest word in this language, icon included.
    int stateWidth = m_table->fontMetrics().horizontalAdvance(SessionStatusModel::cancellingText());
    for (int s = 0; s < RunSession::HostStatusCount; ++s)
        stateWidth = qMax(stateWidth, m_table->fontMetrics().horizontalAdvance(
                                          SessionStatusModel::statusText(RunSession::HostStatus(s))));
    const int iconAndMargins = m_table->iconSize().isValid() ? m_table->iconSize().width() : 0;
    header->resizeSection(SessionStatusModel::StateColumn,
                          stateWidth + qMax(iconAndMargins, style()->pixelMetric(QStyle::PM_SmallIconSize)) + 2 * em);
    header->resizeSection(SessionStatusModel::ExitColumn, 6 * em);
    header->resizeSection(SessionStatusModel::DurationColumn, 6 * em);
    header->resizeSection(SessionStatusModel::BytesColumn, 7 * em);
    if (m_session->isTransfer()) {
        m_table->setItemDelegateForColumn(SessionStatusModel::BytesColumn,
                                          new ProgressDelegate(SessionStatusModel::ProgressRole, m_table));
        header->resizeSection(SessionStatusModel::BytesColumn, 16 * em);
    }
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SessionStatusModel::HostColumn, Qt::AscendingOrder);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, &SessionView::showTableMenu);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        openOutput(index.data(SessionStatusModel::HostIndexRole).toInt());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SessionView::updateActions);
    tableLayout->addWidget(m_table);
    return tablePane;
}

// What the table's context menu offers for the selected hosts.
void SessionView::createActions()
{
    m_openAction = new QAction(tr("Open Output"), this);
    m_openAction->setObjectName(QStringLiteral("openOutputAction"));
    connect(m_openAction, &QAction::triggered, this, [this] {
        for (int host : selectedHosts())
            openOutput(host);
    });
    m_cancelHostAction = new QAction(style()->standardIcon(QStyle::SP_BrowserStop), tr("Cancel Host"), this);
    m_cancelHostAction->setObjectName(QStringLiteral("cancelHostAction"));
    connect(m_cancelHostAction, &QAction::triggered, this, [this] {
        for (int host : selectedHosts())
            cancelHost(host);
    });
    m_copyNameAction = new QAction(tr("Copy Host Name"), this);
    m_copyNameAction->setObjectName(QStringLiteral("copyHostNameAction"));
    connect(m_copyNameAction, &QAction::triggered, this, &SessionView::copySelectedHostNames);
    m_checkSelectedAction = new QAction(tr("Check These Hosts"), this);
    m_checkSelectedAction->setObjectName(QStringLiteral("checkSelectedAction"));
    m_checkSelectedAction->setToolTip(tr("Check exactly the selected rows' hosts in the host panel"));
    connect(m_checkSelectedAction, &QAction::triggered, this, [this] { Q_EMIT checkHostsRequested(selectedHosts()); });
    m_terminalAction = new QAction(Theme::icon(QStringLiteral("utilities-terminal")), tr("Open Terminal"), this);
    m_terminalAction->setObjectName(QStringLiteral("openTerminalOnRowAction"));
    m_terminalAction->setToolTip(tr("Open a terminal on the selected rows' hosts"));
    connect(m_terminalAction, &QAction::triggered, this, [this] { Q_EMIT terminalRequested(selectedHosts()); });
    m_checkFailedAction = new QAction(tr("Only the Failed Hosts"), this);
    m_checkFailedAction->setObjectName(QStringLiteral("checkFailedAction"));
    connect(m_checkFailedAction, &QAction::triggered, this,
            [this] { Q_EMIT checkHostsRequested(m_session->failedHosts()); });
    m_checkOutliersAction = new QAction(tr("Only the Outliers"), this);
    m_checkOutliersAction->setObjectName(QStringLiteral("checkOutliersAction"));
    m_checkOutliersAction->setToolTip(tr("The hosts whose output differs from the largest group's"));
    connect(m_checkOutliersAction, &QAction::triggered, this,
            [this] { Q_EMIT checkHostsRequested(compareView()->outliers()); });
    auto *checkMenu = new QMenu(m_checkHosts);
    checkMenu->addAction(m_checkFailedAction);
    checkMenu->addAction(m_checkOutliersAction);
    checkMenu->addAction(m_checkSelectedAction);
    checkMenu->setToolTipsVisible(true);
    m_checkHosts->setMenu(checkMenu);
    // Whether there are failed hosts or outliers is known when the menu opens.
    connect(checkMenu, &QMenu::aboutToShow, this, [this] {
        m_checkFailedAction->setEnabled(!m_session->failedHosts().isEmpty());
        m_checkOutliersAction->setEnabled(m_session->isFinished() && !compareView()->outliers().isEmpty());
    });
    m_comparePreviousAction = new QAction(tr("What Changed Since the Previous Run"), this);
    m_comparePreviousAction->setObjectName(QStringLiteral("comparePreviousRunAction"));
    m_comparePreviousAction->setToolTip(tr("Compare this host's output with its previous run of any command in the history"));
    connect(m_comparePreviousAction, &QAction::triggered, this, [this] {
        if (const QList<int> hosts = selectedHosts(); hosts.size() == 1)
            Q_EMIT compareWithPreviousRequested(hosts.first());
    });
}

// "All hosts", Compare, Durations, then one tab per host opened.
QTabWidget *SessionView::buildOutputs()
{
    m_outputs = new QTabWidget;
    m_outputs->setObjectName(QStringLiteral("outputTabs"));
    m_outputs->setDocumentMode(true);
    m_outputs->setTabsClosable(true);
    m_outputs->setMovable(true);
    auto *all = new OutputView(m_session, RunSession::AllHosts);
    m_views.insert(RunSession::AllHosts, all);
    m_outputs->addTab(all, tr("All hosts"));
    // Which hosts answered differently: groups of identical output, and a diff against the
    // largest. Made when first looked at: grouping and diffing big outputs is not free, and a
    // run nobody compares should not pay for it.
    m_outputs->addTab(new QWidget, tr("Compare"));
    // How long each host took, by phase and outcome (QCustomPlot), also made when first looked at.
    m_outputs->addTab(new QWidget, tr("Durations"));
    connect(m_outputs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == CompareTab && !m_compare)
            createCompareView();
        if (index == DurationsTab && !m_chart)
            durationChart();
    });
    // "All hosts", "Compare" and "Durations" stay: only host tabs can be closed.
    for (int tab : {0, CompareTab, DurationsTab}) {
        m_outputs->tabBar()->setTabButton(tab, QTabBar::RightSide, nullptr);
        m_outputs->tabBar()->setTabButton(tab, QTabBar::LeftSide, nullptr);
    }
    connect(m_outputs, &QTabWidget::tabCloseRequested, this, &SessionView::closeOutputTab);
    return m_outputs;
}

QString SessionView::summaryText() const
{
    const RunSession::Counts c = m_session->counts();
    // No %n plurals: without a loaded translation they would read "host(s)".
    // A command that ran and said no is not a host that could not be reached: kept apart, as the
    // table keeps them.
    QStringList parts{tr("%1 ok").arg(c.ok)};
    if (c.nonZeroExit > 0)
        parts.append(tr("%1 exited non-zero").arg(c.nonZeroExit));
    if (c.failed + c.timedOut > 0)
        parts.append(tr("%1 failed to connect or finish").arg(c.failed + c.timedOut));
    if (c.active > 0 || !m_session->isFinished())
        parts.append(tr("%1 running").arg(c.active));
    if (c.queued > 0)
        parts.append(tr("%1 queued").arg(c.queued));
    if (c.cancelled > 0)
        parts.append(tr("%1 cancelled").arg(c.cancelled));
    if (m_session->isTransfer())
        parts.append(transferText());
    const QString counts = parts.join(QStringLiteral(", "));
    if (!m_session->isStarted())
        return counts;
    // A finished run says its time as precisely as it is short ("0.4 s", not "0:00").
    return m_session->isFinished()
        ? tr("%1 — finished in %2").arg(counts, SessionStatusModel::durationText(m_session->elapsedMs()))
        : tr("%1 — %2 elapsed").arg(counts, SessionStatusModel::clockText(m_session->elapsedMs()));
}

QString SessionView::transferText() const
{
    const TransferProgress &p = m_session->transferProgress();
    const QLocale locale;
    QString text = tr("%1 of %2 copied").arg(locale.formattedDataSize(p.done(), 1), locale.formattedDataSize(p.total(), 1));
    if (m_session->isFinished() || p.bytesPerSecond() <= 0)
        return text;
    text += QStringLiteral(", ") + tr("%1/s").arg(locale.formattedDataSize(qint64(p.bytesPerSecond()), 1));
    if (p.etaMs() >= 0)
        text += QStringLiteral(", ") + tr("%1 left").arg(SessionStatusModel::durationText(p.etaMs()));
    return text;
}

SessionView::State SessionView::state() const
{
    if (!m_session->isFinished())
        return State::Running;
    const RunSession::Counts c = m_session->counts();
    if (c.problems() > 0)
        return State::SomeFailed;
    return c.cancelled > 0 ? State::Cancelled : State::AllOk;
}

QIcon SessionView::stateIcon() const
{
    using S = RunSession::HostStatus;
    switch (state()) {
    case State::Running:
        return statusIcon(style(), S::Running);
    case State::AllOk:
        return statusIcon(style(), S::Ok);
    case State::SomeFailed:
        return statusIcon(style(), S::Failed);
    case State::Cancelled:
        return statusIcon(style(), S::Cancelled);
    }
    return {};
}

void SessionView::updateSummary()
{
    if (const State now = state(); now != m_state) {
        m_state = now;
        Q_EMIT stateChanged(now);
    }
    const QString text = summaryText();
    if (text == m_summary->text())
        return;
    m_summary->setText(text);
    const RunSession::Counts c = m_session->counts();
    m_summary->setToolTip(tr("%1\n\n%2 hosts: %3 ok, %4 non-zero exit, %5 failed, %6 timed out, "
                             "%7 cancelled, %8 running, %9 queued")
                              .arg(m_session->request().command)
                              .arg(c.total)
                              .arg(c.ok)
                              .arg(c.nonZeroExit)
                              .arg(c.failed)
                              .arg(c.timedOut)
                              .arg(c.cancelled)
                              .arg(c.active)
                              .arg(c.queued));
}

void SessionView::updateActions()
{
    const bool canCancel = m_pool && isRunning();
    m_cancel->setEnabled(canCancel);
    const QList<int> hosts = selectedHosts();
    m_openAction->setEnabled(!hosts.isEmpty());
    m_copyNameAction->setEnabled(!hosts.isEmpty());
    m_checkSelectedAction->setEnabled(!hosts.isEmpty());
    m_terminalAction->setEnabled(!hosts.isEmpty() && !m_session->request().hosts.isEmpty());
    m_comparePreviousAction->setEnabled(m_historyId > 0 && hosts.size() == 1);
    m_export->setEnabled(m_session->isFinished());
    m_cancelHostAction->setEnabled(canCancel && std::any_of(hosts.begin(), hosts.end(), [this](int host) {
                                       return !m_session->isHostFinished(host);
                                   }));
}

QList<int> SessionView::selectedHosts() const
{
    QList<int> hosts;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        hosts.append(row.data(SessionStatusModel::HostIndexRole).toInt());
    std::sort(hosts.begin(), hosts.end());
    return hosts;
}

void SessionView::showTableMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    // A right click outside the selection acts on that row alone, as file managers do.
    if (!m_table->selectionModel()->isRowSelected(index.row(), index.parent()))
        m_table->selectRow(index.row());
    updateActions();
    QMenu menu(this);
    menu.addAction(m_openAction);
    menu.addAction(m_cancelHostAction);
    menu.addAction(m_terminalAction);
    menu.addSeparator();
    menu.addAction(m_checkSelectedAction);
    menu.addAction(m_copyNameAction);
    menu.addAction(m_comparePreviousAction);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void SessionView::copySelectedHostNames()
{
    QStringList names;
    for (int host : selectedHosts())
        names.append(m_session->hostName(host));
    if (!names.isEmpty())
        QApplication::clipboard()->setText(names.join(u'\n'));
}

void SessionView::filterAllHostsOutput()
{
    std::optional<QSet<int>> shown;
    if (m_proxy->statusFilter() != SessionStatusProxy::StatusFilter::All || !m_proxy->textFilter().isEmpty()) {
        shown.emplace();
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            shown->insert(m_proxy->index(row, 0).data(SessionStatusModel::HostIndexRole).toInt());
    }
    OutputView *all = m_views.value(RunSession::AllHosts);
    all->setHostFilter(shown);
    m_outputs->setTabText(m_outputs->indexOf(all), shown ? tr("All hosts (filtered)") : tr("All hosts"));
}

OutputView *SessionView::outputView(int host) const
{
    return m_views.value(host, nullptr);
}

OutputView *SessionView::openOutput(int host)
{
    if (host != RunSession::AllHosts && (host < 0 || host >= m_session->hostCount()))
        return nullptr;
    OutputView *view = m_views.value(host, nullptr);
    if (!view) {
        view = new OutputView(m_session, host);
        m_views.insert(host, view);
        const int tab = m_outputs->addTab(view, m_session->hostName(host));
        m_outputs->setTabToolTip(tab, m_session->target(host).address());
    }
    m_outputs->setCurrentWidget(view);
    return view;
}

CompareView *SessionView::compareView()
{
    if (!m_compare)
        createCompareView();
    return m_compare;
}

void SessionView::createCompareView()
{
    m_compare = new CompareView(m_session);
    connect(m_compare, &CompareView::hostsSelected, this, &SessionView::selectHosts);
    connect(m_compare, &CompareView::checkRequested, this, &SessionView::checkHostsRequested);
    connect(m_compare, &CompareView::rerunRequested, this, [this](const QList<int> &hosts) {
        RunRequest request = m_session->request();
        request.hosts.clear();
        for (int host : hosts)
            request.hosts.append(m_session->target(host));
        if (!request.hosts.isEmpty())
            Q_EMIT rerunRequested(request, hosts);
    });
    replacePlaceholder(CompareTab, m_compare, tr("Compare"));
}

DurationChart *SessionView::durationChart()
{
    if (!m_chart) {
        m_chart = new DurationChart(m_session);
        connect(m_chart, &DurationChart::hostClicked, this, &SessionView::openOutput);
        replacePlaceholder(DurationsTab, m_chart, tr("Durations"));
    }
    return m_chart;
}

void SessionView::replacePlaceholder(int tab, QWidget *page, const QString &title)
{
    const bool current = m_outputs->currentIndex() == tab;
    const QSignalBlocker blocker(m_outputs);
    QWidget *placeholder = m_outputs->widget(tab);
    m_outputs->removeTab(tab);
    delete placeholder;
    m_outputs->insertTab(tab, page, title);
    for (QTabBar::ButtonPosition side : {QTabBar::RightSide, QTabBar::LeftSide})
        m_outputs->tabBar()->setTabButton(tab, side, nullptr);
    if (current)
        m_outputs->setCurrentIndex(tab);
}

void SessionView::selectHosts(const QList<int> &hosts)
{
    QItemSelection selection;
    QAbstractItemModel *model = m_table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (hosts.contains(index.data(SessionStatusModel::HostIndexRole).toInt()))
            selection.select(index, model->index(row, model->columnCount() - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void SessionView::closeOutputTab(int index)
{
    auto *view = qobject_cast<OutputView *>(m_outputs->widget(index));
    if (!view || view->host() == RunSession::AllHosts)
        return;
    m_views.remove(view->host());
    m_outputs->removeTab(index);
    delete view;
}

void SessionView::cancel()
{
    m_session->cancel();
}

bool SessionView::requestCancel()
{
    if (!isRunning())
        return false;
    const RunSession::Counts counts = m_session->counts();
    const int unfinished = counts.total - counts.finished();
    if (unfinished > CancelWithoutAsking) {
        QMessageBox box(QMessageBox::Warning, tr("Cancel the run?"),
                        tr("%n host(s) have not finished. Cancelling stops the command on them.", nullptr,
                           unfinished),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("confirmCancelBox"));
        QPushButton *stop = box.addButton(tr("&Cancel %n Host(s)", nullptr, unfinished), QMessageBox::DestructiveRole);
        QPushButton *keep = box.addButton(tr("&Keep Running"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() != stop)
            return false;
    }
    cancel();
    return true;
}

void SessionView::cancelHost(int host)
{
    m_session->cancelHost(host);
}

} // namespace Chorus
