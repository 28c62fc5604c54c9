#include "widgets/history/historypanel.h"

#include "model/history/historymodel.h"
#include "model/session/sessionstatusmodel.h"
#include "widgets/charts/historychart.h"
#include "widgets/session/exportmenu.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Chorus {

HistoryPanel::HistoryPanel(RunHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_model(new HistoryModel(history, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_command(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_sinceCheck(new QCheckBox(tr("Sinc&e"), this))
    , m_since(new QDateEdit(QDate::currentDate().addDays(-7), this))
    , m_table(new QTableView(this))
    , m_chart(new HistoryChart(history, this))
    , m_status(new QLabel(this))
    , m_open(new QPushButton(tr("O&pen"), this))
    , m_rerun(new QPushButton(tr("Run &again"), this))
    , m_compare(new QPushButton(tr("Co&mpare..."), this))
    , m_export(new QPushButton(tr("Export"), this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_command->setObjectName(QStringLiteral("historyCommandFilter"));
    m_command->setPlaceholderText(tr("Command contains..."));
    m_command->setAccessibleName(tr("Filter by command"));
    m_command->setClearButtonEnabled(true);
    m_host->setObjectName(QStringLiteral("historyHostFilter"));
    m_host->setPlaceholderText(tr("Host"));
    m_host->setAccessibleName(tr("Filter by host"));
    m_host->setToolTip(tr("Runs that had this host (its name or address); the chart then shows this host's durations."));
    m_host->setClearButtonEnabled(true);
    m_outcome->setObjectName(QStringLiteral("historyOutcomeFilter"));
    m_outcome->setAccessibleName(tr("Filter by outcome"));
    m_outcome->addItem(tr("Any outcome"), -1);
    for (const HostOutcome o : {HostOutcome::Ok, HostOutcome::NonZeroExit, HostOutcome::Failed, HostOutcome::TimedOut,
                                HostOutcome::Cancelled})
        m_outcome->addItem(tr("Some host: %1").arg(SessionStatusModel::outcomeText(o)), int(o));
    m_sinceCheck->setObjectName(QStringLiteral("historySinceCheck"));
    m_since->setObjectName(QStringLiteral("historySinceDate"));
    m_since->setAccessibleName(tr("Started since"));
    m_since->setCalendarPopup(true);
    m_since->setEnabled(false);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(HistoryModel::SortRole);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Past runs"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryModel::StartedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Widths from the font, not from the rows: measuring thousands of runs would stall the panel.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(HistoryModel::CommandColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = m_table->fontMetrics();
    const QString sampleDate = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59)), QLocale::ShortFormat);
    header->resizeSection(HistoryModel::StartedColumn, metrics.horizontalAdvance(sampleDate) + 3 * metrics.averageCharWidth());
    for (const int column : {int(HistoryModel::HostsColumn), int(HistoryModel::OkColumn), int(HistoryModel::ProblemsColumn),
                             int(HistoryModel::CancelledColumn)})
        header->resizeSection(column, metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()
                                                                  + QStringLiteral("00000")));
    header->resizeSection(HistoryModel::DurationColumn,
                          metrics.horizontalAdvance(m_model->headerData(HistoryModel::DurationColumn, Qt::Horizontal).toString()
                                                    + QStringLiteral("00000")));
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + 6);
    m_table->setWordWrap(false);

    m_open->setObjectName(QStringLiteral("historyOpenButton"));
    m_open->setToolTip(tr("Show the run in a read-only session tab"));
    m_rerun->setObjectName(QStringLiteral("historyRerunButton"));
    m_rerun->setToolTip(tr("Run the same command again on the same hosts"));
    m_compare->setObjectName(QStringLiteral("historyCompareButton"));
    m_compare->setToolTip(tr("Select two runs to compare a host's output between them"));
    m_export->setObjectName(QStringLiteral("historyExportButton"));
    m_exportMenu = new ExportMenu(QStringLiteral("chorus-run"), [this]() -> std::optional<RunExport> {
        const QList<qint64> runs = selectedRuns();
        if (runs.size() != 1)
            return std::nullopt;
        const std::optional<RunHistory::Run> run = m_history->run(runs.first());
        if (!run)
            return std::nullopt;
        return RunExport(run->hosts);
    }, this);
    m_export->setMenu(m_exportMenu);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_command, 3);
    filters->addWidget(m_host, 2);
    filters->addWidget(m_outcome, 2);
    filters->addWidget(m_sinceCheck);
    filters->addWidget(m_since);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    for (QPushButton *b : {m_open, m_rerun, m_compare, m_export})
        buttons->addWidget(b);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(filters);
    topLayout->addWidget(m_table, 1);
    topLayout->addLayout(buttons);
    // Side by side: the dock is wide and short, and the list should show more than a few runs.
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("historySplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(FilterDelayMs);
    connect(&m_filterTimer, &QTimer::timeout, this, &HistoryPanel::applyFilter);
    const auto later = [this] { m_filterTimer.start(); };
    connect(m_command, &QLineEdit::textChanged, this, later);
    connect(m_host, &QLineEdit::textChanged, this, later);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilter);
    connect(m_sinceCheck, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_sinceCheck, &QCheckBox::toggled, this, &HistoryPanel::applyFilter);
    connect(m_since, &QDateEdit::dateChanged, this, &HistoryPanel::applyFilter);
    connect(m_table, &QTableView::activated, this, [this] {
        const QList<qint64> runs = selectedRuns();
        if (runs.size() == 1)
            Q_EMIT openRequested(runs.first());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        updateChart();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateButtons);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const QList<qint64> runs = selectedRuns(); runs.size() == 1)
            Q_EMIT openRequested(runs.first());
    });
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        if (const QList<qint64> runs = selectedRuns(); runs.size() == 1)
            Q_EMIT rerunRequested(runs.first());
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QList<qint64> runs = selectedRuns();
        if (runs.size() == 2)
            Q_EMIT compareRequested(runs.at(1), runs.at(0), m_host->text().trimmed());
    });
    connect(m_chart, &HistoryChart::runClicked, this, [this](qint64 run) {
        selectRun(run);
        Q_EMIT openRequested(run);
    });
    updateButtons();
}

void HistoryPanel::applyFilter()
{
    m_filterTimer.stop();
    RunHistory::Filter filter;
    filter.command = m_command->text().trimmed();
    filter.host = m_host->text().trimmed();
    if (const int outcome = m_outcome->currentData().toInt(); outcome >= 0)
        filter.outcome = HostOutcome(outcome);
    if (m_sinceCheck->isChecked())
        filter.since = m_since->date().startOfDay();
    const QList<qint64> selected = selectedRuns();
    m_model->setFilter(filter);
    for (const qint64 run : selected)
        selectRun(run);
    updateChart();
}

void HistoryPanel::refresh()
{
    const QList<qint64> selected = selectedRuns();
    m_model->refresh();
    for (const qint64 run : selected)
        selectRun(run);
    updateChart();
}

QList<qint64> HistoryPanel::selectedRuns() const
{
    QList<std::pair<qint64, qint64>> runs; // (started, id): newest first whatever the sort column
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const int row = m_sorted->mapToSource(index).row();
        const RunHistory::RunSummary &summary = m_model->summary(row);
        runs.append({summary.started.toMSecsSinceEpoch(), summary.id});
    }
    std::sort(runs.begin(), runs.end(), std::greater<>());
    QList<qint64> ids;
    for (const auto &run : runs)
        ids += run.second;
    return ids;
}

void HistoryPanel::selectRun(qint64 run)
{
    const int row = m_model->rowOf(run);
    if (row < 0)
        return;
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void HistoryPanel::updateButtons()
{
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    m_open->setEnabled(selected == 1);
    m_rerun->setEnabled(selected == 1);
    m_export->setEnabled(selected == 1);
    m_compare->setEnabled(selected == 2);
    if (!m_history->isOpen())
        m_status->setText(tr("The history is not available."));
    else
        m_status->setText(tr("%n run(s)", nullptr, m_model->rowCount()));
}

void HistoryPanel::updateChart()
{
    const QList<qint64> runs = selectedRuns();
    if (runs.isEmpty()) {
        m_chart->clear();
        return;
    }
    const int row = m_model->rowOf(runs.first());
    m_chart->showRuns(m_model->summary(row).command, m_host->text().trimmed());
}

} // namespace Chorus
