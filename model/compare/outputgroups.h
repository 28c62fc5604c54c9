#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Chorus {

// Sorts hosts into groups that answered exactly alike: the same stdout, the same stderr and the
// same status, byte for byte. This is how a thousand answers become the three that matter (the
// `chorus run -b` report, and the compare view). Hosts are plain ids to it, so any caller can use
// it; the status is the caller's text ("exit status 0", "connection refused", ...), so the caller
// decides what counts as the same ending.
//
// Each answer is hashed once and compared in full only against the group its hash points to, so
// 1000 hosts with megabytes of output each cost about two passes over the bytes. Outputs are kept
// as implicitly shared QByteArrays: grouping copies no output.
class OutputGroups
{
public:
    struct Group
    {
        QList<int> members; // ids, in the order they were added
        QByteArray stdoutData;
        QByteArray stderrData;
        QString status;
    };

    // Hosts can be added as they finish; an id added twice counts twice.
    void add(int id, const QByteArray &stdoutData, const QByteArray &stderrData, const QString &status);
    void clear();
    int hostCount() const { return m_hostCount; }
    qsizetype groupCount() const { return m_groups.size(); }

    // Largest group first; groups of equal size in the order their first member was added.
    QList<Group> groups() const;
    // Index into groups() of the group holding id, or -1.
    int groupOf(int id) const;

private:
    QList<Group> m_groups;            // in order of creation
    QMultiHash<size_t, int> m_byHash; // answer hash -> index into m_groups
    QHash<int, int> m_groupOfId;      // id -> index into m_groups
    int m_hostCount = 0;
};

} // namespace Chorus
