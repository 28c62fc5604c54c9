#include "model/profiles/hostfilterproxy.h"

#include "model/core/naturalcompare.h"
#include "model/profiles/hostmodel.h"
#include "model/profiles/profile.h"
#include "model/ssh/hostset.h"

namespace Chorus {

HostFilterProxy::HostFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void HostFilterProxy::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words = text.toLower().split(u' ', Qt::SkipEmptyParts);
    m_ranges.clear();
    for (const QString &word : std::as_const(m_words)) {
        QStringList names;
        QString why;
        if (word.contains(u'[') && HostSet::expand(word, &names, &why))
            m_ranges.insert(word, QSet<QString>(names.cbegin(), names.cend()));
    }
    invalidateFilter();
}

void HostFilterProxy::setTag(const QString &tag)
{
    if (tag.trimmed() == m_tag)
        return;
    m_tag = tag.trimmed();
    invalidateFilter();
}

void HostFilterProxy::setGroup(const QString &path)
{
    const QString normalized = Profile::normalizeGroup(path);
    if (normalized == m_group)
        return;
    m_group = normalized;
    invalidateFilter();
}

bool HostFilterProxy::isFiltering() const
{
    return !m_words.isEmpty() || !m_tag.isEmpty() || !m_group.isEmpty();
}

bool HostFilterProxy::inFilterGroup(const QString &path) const
{
    return m_group.isEmpty() || path == m_group ||
           (path.size() > m_group.size() && path.startsWith(m_group) && path.at(m_group.size()) == u'/');
}

bool HostFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString path = i.data(HostModel::GroupPathRole).toString();
    if (i.data(HostModel::IsGroupRole).toBool())
        return m_words.isEmpty() && m_tag.isEmpty() && inFilterGroup(path);
    if (!inFilterGroup(path))
        return false;
    if (!m_tag.isEmpty() && !i.data(HostModel::TagsRole).toStringList().contains(m_tag, Qt::CaseInsensitive))
        return false;
    for (const QString &word : m_words) {
        if (!matchesWord(word, i, path))
            return false;
    }
    return true;
}

bool HostFilterProxy::matchesWord(const QString &word, const QModelIndex &host, const QString &path) const
{
    if (word.startsWith(QStringLiteral("@tag:")))
        return host.data(HostModel::TagsRole).toStringList().contains(word.mid(5), Qt::CaseInsensitive);
    if (word.size() > 1 && word.startsWith(u'@')) {
        const QString group = word.mid(1);
        const QString lower = path.toLower();
        return lower == group || lower.startsWith(group + u'/') || lower.endsWith(u'/' + group)
            || lower.contains(u'/' + group + u'/');
    }
    if (const auto range = m_ranges.constFind(word); range != m_ranges.cend())
        return range->contains(host.data(Qt::DisplayRole).toString().toLower());
    return host.data(HostModel::SearchTextRole).toString().contains(word);
}

bool HostFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftGroup = left.data(HostModel::IsGroupRole).toBool();
    const bool rightGroup = right.data(HostModel::IsGroupRole).toBool();
    if (leftGroup != rightGroup)
        return sortOrder() == Qt::AscendingOrder ? leftGroup : rightGroup; // groups stay on top
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::Int && r.typeId() == QMetaType::Int)
        return l.toInt() < r.toInt();
    return naturalCompare(l.toString(), r.toString()) < 0;
}

} // namespace Chorus
