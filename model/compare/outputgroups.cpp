#include "model/compare/outputgroups.h"

#include <QHashFunctions>

#include <algorithm>

namespace Chorus {

namespace {

// Creation indices of groups, largest first; stable, so ties keep their creation order.
QList<int> sortedOrder(const QList<OutputGroups::Group> &groups)
{
    QList<int> order(groups.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&groups](int l, int r) { return groups[l].members.size() > groups[r].members.size(); });
    return order;
}

} // namespace

void OutputGroups::add(int id, const QByteArray &stdoutData, const QByteArray &stderrData,
                       const QString &status)
{
    ++m_hostCount;
    const size_t hash = qHashMulti(0, stdoutData, stderrData, status);
    for (auto it = m_byHash.constFind(hash); it != m_byHash.cend() && it.key() == hash; ++it) {
        Group &group = m_groups[it.value()];
        // Sizes first: a collision between outputs of different lengths costs nothing.
        if (group.stdoutData.size() == stdoutData.size() && group.stderrData.size() == stderrData.size() &&
            group.status == status && group.stdoutData == stdoutData && group.stderrData == stderrData) {
            group.members.append(id);
            m_groupOfId.insert(id, it.value());
            return;
        }
    }
    const int index = int(m_groups.size());
    m_groups.append(Group{{id}, stdoutData, stderrData, status});
    m_byHash.insert(hash, index);
    m_groupOfId.insert(id, index);
}

void OutputGroups::clear()
{
    m_groups.clear();
    m_byHash.clear();
    m_groupOfId.clear();
    m_hostCount = 0;
}

QList<OutputGroups::Group> OutputGroups::groups() const
{
    QList<Group> sorted;
    sorted.reserve(m_groups.size());
    for (int index : sortedOrder(m_groups))
        sorted.append(m_groups[index]);
    return sorted;
}

int OutputGroups::groupOf(int id) const
{
    const auto it = m_groupOfId.constFind(id);
    if (it == m_groupOfId.cend())
        return -1;
    return int(sortedOrder(m_groups).indexOf(it.value()));
}

} // namespace Chorus
