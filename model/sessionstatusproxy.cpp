#include "sessionstatusproxy.h"

#include "runsession.h"
#include "sessionstatusmodel.h"

namespace Chorus {

namespace {

// node2 before node10, case-insensitively. Not QCollator: it ignores numeric mode in the C locale.
int naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Numbers compare by value: without leading zeros, the longer one is bigger.
            QStringView na = a.mid(i, ei - i);
            QStringView nb = b.mid(j, ej - j);
            while (na.size() > 1 && na.front() == u'0')
                na = na.mid(1);
            while (nb.size() > 1 && nb.front() == u'0')
                nb = nb.mid(1);
            if (na.size() != nb.size())
                return na.size() < nb.size() ? -1 : 1;
            if (const int order = na.compare(nb); order != 0)
                return order;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded();
        const QChar cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return a.compare(b); // equal but for case or leading zeros: still a fixed order
}

} // namespace

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
