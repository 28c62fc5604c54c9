#pragma once

#include "model/history/runhistory.h"

#include <QAbstractTableModel>

namespace Chorus {

// The history panel's table: one row per stored run matching a filter, newest first, with when it
// started, the command, how many hosts took part and how they ended, and how long it took.
// refresh() queries the history again (after a run is recorded, or the filter changed).
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        StartedColumn,
        CommandColumn,
        HostsColumn,
        OkColumn,
        ProblemsColumn, // non-zero exit, failed or timed out
        CancelledColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role
    {
        RunIdRole = Qt::UserRole + 1, // qint64: the run's id in the history
        SortRole,
    };
    Q_ENUM(Column)

    explicit HistoryModel(RunHistory *history, QObject *parent = nullptr);

    void setFilter(const RunHistory::Filter &filter);
    const RunHistory::Filter &filter() const { return m_filter; }
    void refresh();

    const RunHistory::RunSummary &summary(int row) const { return m_runs.at(row); }
    int rowOf(qint64 runId) const; // -1 if not listed

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    RunHistory *m_history;
    RunHistory::Filter m_filter;
    QList<RunHistory::RunSummary> m_runs;
};

} // namespace Chorus
