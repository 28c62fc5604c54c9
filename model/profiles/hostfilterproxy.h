#pragma once

#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace Chorus {

// What the host list shows of a HostModel: the hosts that match a search text, a tag and a group,
// inside the groups that hold them, sorted groups first and then "naturally" (web2 before web10).
//
//   text   every word must occur (case-insensitively) in the host's name, address, user, group path,
//          tags or notes; so a group's name finds all of its hosts. Words written as on the command
//          line select as it does: "node[01-20]" the hosts of that range by name, "@prod" the hosts of
//          that group and its subgroups (or of the one group whose path ends in "/prod"), "@tag:x"
//          the hosts tagged x.
//   tag    the host carries this tag (case-insensitive).
//   group  the host is in this group or one of its subgroups.
// With no filter set every row shows, empty groups included; with one, a group shows only when
// something in it matches (or, with only a group filter, when it is that group or inside it).
class HostFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HostFilterProxy(QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    QString tag() const { return m_tag; }
    void setTag(const QString &tag);
    QString group() const { return m_group; }
    void setGroup(const QString &path);
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool inFilterGroup(const QString &path) const;

    bool matchesWord(const QString &word, const QModelIndex &host, const QString &path) const;

    QString m_text;
    QStringList m_words;
    QHash<QString, QSet<QString>> m_ranges; // a word with [..] -> the host names it expands to
    QString m_tag;
    QString m_group;
};

} // namespace Chorus
