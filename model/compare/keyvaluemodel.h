#pragma once

#include "model/compare/keyvaluetable.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <array>

namespace Chorus {

// A key/value table (KeyValueTable) as a table view shows it: one row per key, the key first, then
// its majority value and its deviations, each cell the value with the hosts that have it folded
// ("yes — web[01-40,43] (41)"). Filters itself (a substring of a key or a value, keys that differ
// only) over a list of the visible rows rather than through a proxy, so that narrowing 2,000 keys of
// 200 hosts costs one pass over decoded strings and nothing is decoded again per keystroke.
//
// QtCore only: what a cell is (KindRole) is data, and the colours for each kind are handed in
// (setKindBackground) by the widgets that know the palette.
class KeyValueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        KeyColumn,
        MajorityColumn,
        FirstDeviationColumn,
    };
    // A row shows at most this many deviation columns. A key with more values (a boot id: one per
    // host) has the rest in its last one, "187 more values", with their hosts, so that one key does
    // not make the whole table 200 columns wide.
    static constexpr int MaxDeviationColumns = 8;
    enum Role
    {
        HostsRole = Qt::UserRole + 1, // QList<int>: the hosts of a value; on a key, every host of the table
        KindRole,                     // QString on a value: "majority", "deviation" or "absent"
    };
    enum class Kind
    {
        Majority,
        Deviation,
        Absent, // the hosts that lack the key, in whichever column
        Count
    };
    Q_ENUM(Column)
    Q_ENUM(Role)

    explicit KeyValueModel(QObject *parent = nullptr);

    // hostNames are indexed by host id; an id without a name shows as "#id".
    void setTable(const KeyValueTable &table, const QStringList &hostNames);
    const KeyValueTable &table() const { return m_table; }
    const QStringList &hostNames() const { return m_hostNames; }
    // Ids of every host the table covers, ascending.
    const QList<int> &allHosts() const { return m_allHosts; }

    // Case-insensitive substring of the key or of any value as shown; empty: every key.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    // On by default: keys on which every host agrees are hidden.
    void setDifferingOnly(bool on);
    bool differingOnly() const { return m_differingOnly; }
    // The index into table().rows() of a visible row.
    int tableRow(int row) const { return m_visible.at(row); }

    // BackgroundRole of the value cells of that kind (normally a QColor); none by default.
    void setKindBackground(Kind kind, const QVariant &background);
    static QString kindName(Kind kind);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refilter();
    const KeyValueTable::Value *value(const QModelIndex &index) const;
    // Whether the cell stands for the values past MaxDeviationColumns - 1 of its row.
    bool isRest(const QModelIndex &index) const;
    QVariant restData(const QModelIndex &index, int role) const;
    Kind kind(const QModelIndex &index) const;
    QString hostNamesText(const QList<int> &hosts) const;
    QStringList namesOf(const QList<int> &hosts) const;

    KeyValueTable m_table;
    QStringList m_hostNames;
    QList<int> m_allHosts;
    // Per table row: the key, then its values, decoded once; what the filter searches and the
    // cells show.
    QList<QStringList> m_texts;
    QList<int> m_visible;
    int m_columns = FirstDeviationColumn;
    bool m_anyRest = false; // a visible row folds values into its last column
    QString m_filter;
    bool m_differingOnly = true;
    std::array<QVariant, size_t(Kind::Count)> m_backgrounds;
};

} // namespace Chorus
