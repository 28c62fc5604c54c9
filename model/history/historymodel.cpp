#include "model/history/historymodel.h"

#include "model/session/sessionstatusmodel.h"

namespace Chorus {

HistoryModel::HistoryModel(RunHistory *history, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
{
    refresh();
}

void HistoryModel::setFilter(const RunHistory::Filter &filter)
{
    m_filter = filter;
    refresh();
}

void HistoryModel::refresh()
{
    beginResetModel();
    m_runs = m_history && m_history->isOpen() ? m_history->runs(m_filter) : QList<RunHistory::RunSummary>();
    endResetModel();
}

int HistoryModel::rowOf(qint64 runId) const
{
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row).id == runId)
            return row;
    }
    return -1;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const RunHistory::RunSummary &run = m_runs.at(index.row());
    const int problems = run.nonZeroExit + run.failed + run.timedOut;
    if (role == RunIdRole)
        return run.id;
    if (role == SortRole || role == Qt::DisplayRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case StartedColumn:
            return sort ? QVariant(run.started.toMSecsSinceEpoch()) : QLocale().toString(run.started, QLocale::ShortFormat);
        case CommandColumn:
            return run.command;
        case HostsColumn:
            return run.hosts;
        case OkColumn:
            return run.ok;
        case ProblemsColumn:
            return problems;
        case CancelledColumn:
            return run.cancelled;
        case DurationColumn:
            return sort ? QVariant(run.durationMs) : SessionStatusModel::durationText(run.durationMs);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == CommandColumn)
        return run.command;
    if (role == Qt::ToolTipRole && index.column() == ProblemsColumn && problems > 0)
        return tr("%1 non-zero exit, %2 failed, %3 timed out").arg(run.nonZeroExit).arg(run.failed).arg(run.timedOut);
    if (role == Qt::TextAlignmentRole && index.column() != CommandColumn && index.column() != StartedColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case CommandColumn:
        return tr("Command");
    case HostsColumn:
        return tr("Hosts");
    case OkColumn:
        return tr("OK");
    case ProblemsColumn:
        return tr("Failed");
    case CancelledColumn:
        return tr("Cancelled");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

} // namespace Chorus
