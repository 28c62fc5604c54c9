#pragma once

#include <QSortFilterProxyModel>

namespace Chorus {

// Sorting and filtering for a SessionStatusModel: sorts by the model's SortRole (numbers as
// numbers, names naturally: node2 before node10; ties in run order) and shows the hosts whose name or error
// contains the filter text and whose status is in the chosen group.
class SessionStatusProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StatusFilter
    {
        All,
        Unfinished, // queued, connecting, running
        Ok,
        Problems, // non-zero exit, failed, timed out, cancelled
    };
    Q_ENUM(StatusFilter)

    explicit SessionStatusProxy(QObject *parent = nullptr);

    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_statusFilter; }
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_textFilter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    StatusFilter m_statusFilter = StatusFilter::All;
    QString m_textFilter;
};

} // namespace Chorus
