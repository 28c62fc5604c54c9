#pragma once

#include "model/compare/linematrix.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace Chorus {

// A LineMatrix as a table: how many hosts have the line ("on all but 3", "only on 2"), the line, then
// one column per output group with a mark where the group printed it. Rows present on every host
// are hidden unless asked for, and a filter narrows the rest; both only change which matrix rows
// are visible, so a 10,000-row matrix filters as fast as it can be typed into.
class LineMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        HostsColumn,
        LineColumn,
        FirstGroupColumn,
    };
    // The hosts a cell stands for (QList<int>): for the line, the hosts that printed it; for a
    // group's cell, that group's hosts.
    static constexpr int HostsRole = Qt::UserRole + 1;
    // On a group's cell: whether the group printed the line (bool).
    static constexpr int PresentRole = Qt::UserRole + 2;

    explicit LineMatrixModel(QObject *parent = nullptr);

    // groupNames: one per matrix column, e.g. the folded host sets.
    void setMatrix(const LineMatrix &matrix, const QStringList &groupNames);
    const LineMatrix &matrix() const { return m_matrix; }
    const QStringList &groupNames() const { return m_names; }
    void setFilter(const QString &text); // case-insensitive, anywhere in the line
    void setDifferingOnly(bool on);
    bool differingOnly() const { return m_differingOnly; }
    // The matrix row shown at a table row.
    const LineMatrix::Row &matrixRow(int row) const { return m_matrix.rows().at(m_visible.at(size_t(row))); }
    // "on all 200", "on all but 3", "only on 2", "on 120 of 200".
    static QString presence(int hosts, int total);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refilter();

    LineMatrix m_matrix;
    QStringList m_names;
    QString m_filter;
    bool m_differingOnly = true;
    std::vector<qsizetype> m_visible; // matrix row indexes
};

} // namespace Chorus
