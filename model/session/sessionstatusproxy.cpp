#include "model/session/sessionstatusproxy.h"

#include "model/core/naturalcompare.h"
#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"

namespace Chorus {

SessionStatusProxy::SessionStatusProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SessionStatusModel::SortRole);
    // States change under the filter while the run goes on.
    setDynamicSortFilter(true);
}

void SessionStatusProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_statusFilter)
        return;
    m_statusFilter = filter;
    invalidateFilter();
}

void SessionStatusProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_textFilter)
        return;
    m_textFilter = trimmed;
    invalidateFilter();
}

bool SessionStatusProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_textFilter.isEmpty()) {
        const QString host =
            model->index(sourceRow, SessionStatusModel::HostColumn, sourceParent).data().toString();
        const QString error =
            model->index(sourceRow, SessionStatusModel::ErrorColumn, sourceParent).data().toString();
        if (!host.contains(m_textFilter, Qt::CaseInsensitive) &&
            !error.contains(m_textFilter, Qt::CaseInsensitive))
            return false;
    }
    if (m_statusFilter == StatusFilter::All)
        return true;
    using S = RunSession::HostStatus;
    const auto status =
        S(model->index(sourceRow, 0, sourceParent).data(SessionStatusModel::StatusRole).toInt());
    switch (m_statusFilter) {
    case StatusFilter::All:
        return true;
    case StatusFilter::Unfinished:
        return status < S::Ok;
    case StatusFilter::Ok:
        return status == S::Ok;
    case StatusFilter::Problems:
        return status > S::Ok;
    }
    return true;
}

bool SessionStatusProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString) {
        const int order = naturalCompare(a.toString(), b.toString());
        if (order != 0)
            return order < 0;
    } else {
        const QPartialOrdering order = QVariant::compare(a, b);
        if (order == QPartialOrdering::Less)
            return true;
        if (order == QPartialOrdering::Greater)
            return false;
    }
    return left.row() < right.row();
}

} // namespace Chorus
