#include "model/compare/linematrixmodel.h"

#include "model/core/printable.h"

#include <algorithm>

namespace Chorus {

namespace {

// Long enough for a package name or a config line; a longer line is cut with "…" (the whole line is
// in the tooltip and the CSV).
constexpr qsizetype ShownChars = 400;

} // namespace

LineMatrixModel::LineMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void LineMatrixModel::setMatrix(const LineMatrix &matrix, const QStringList &groupNames)
{
    beginResetModel();
    m_matrix = matrix;
    m_names = groupNames;
    m_visible.clear();
    refilter();
    endResetModel();
}

void LineMatrixModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    beginResetModel();
    m_filter = text;
    refilter();
    endResetModel();
}

void LineMatrixModel::setDifferingOnly(bool on)
{
    if (on == m_differingOnly)
        return;
    beginResetModel();
    m_differingOnly = on;
    refilter();
    endResetModel();
}

void LineMatrixModel::refilter()
{
    m_visible.clear();
    const QList<LineMatrix::Row> &rows = m_matrix.rows();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const LineMatrix::Row &row = rows.at(i);
        if (m_differingOnly && row.hosts == m_matrix.hostCount())
            continue;
        if (!m_filter.isEmpty() && !QString::fromUtf8(row.line).contains(m_filter, Qt::CaseInsensitive))
            continue;
        m_visible.push_back(i);
    }
}

QString LineMatrixModel::presence(int hosts, int total)
{
    if (hosts == total)
        return tr("on all %n", nullptr, total);
    if (total - hosts <= hosts)
        return tr("on all but %n", nullptr, total - hosts);
    return tr("only on %n", nullptr, hosts);
}

int LineMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int LineMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstGroupColumn + int(m_matrix.columns().size());
}

QVariant LineMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LineMatrix::Row &row = matrixRow(index.row());
    const int group = index.column() - FirstGroupColumn;
    if (group >= 0) {
        const bool present = std::binary_search(row.columns.cbegin(), row.columns.cend(), group);
        switch (role) {
        case Qt::DisplayRole:
            return present ? QStringLiteral("\u25cf") : QString();
        case Qt::ToolTipRole:
            return present ? tr("%1 printed this line").arg(m_names.value(group))
                           : tr("%1 did not print this line").arg(m_names.value(group));
        case Qt::TextAlignmentRole:
            return int(Qt::AlignCenter);
        case HostsRole:
            return QVariant::fromValue(m_matrix.columns().at(group).hosts);
        case PresentRole:
            return present;
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        // Server bytes: control characters shown, not obeyed; invalid UTF-8 as U+FFFD.
        return index.column() == HostsColumn ? presence(row.hosts, m_matrix.hostCount())
                                             : printable(QByteArrayView(row.line), ShownChars);
    case Qt::ToolTipRole:
        return index.column() == LineColumn ? printable(QByteArrayView(row.line), 4 * ShownChars)
                                            : tr("%n host(s) printed this line", nullptr, row.hosts);
    case Qt::TextAlignmentRole:
        return int(index.column() == HostsColumn ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    case HostsRole:
        return QVariant::fromValue(m_matrix.hostsOf(row.columns));
    default:
        return {};
    }
}

QVariant LineMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const int group = section - FirstGroupColumn;
    if (role == Qt::DisplayRole) {
        if (section == HostsColumn)
            return tr("Hosts");
        if (section == LineColumn)
            return tr("Line");
        return m_names.value(group);
    }
    if (role == Qt::ToolTipRole && group >= 0 && group < m_matrix.columns().size())
        return tr("%1: %n host(s)", nullptr, int(m_matrix.columns().at(group).hosts.size())).arg(m_names.value(group));
    return {};
}

} // namespace Chorus
