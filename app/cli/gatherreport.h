#pragma once

#include "model/compare/linematrix.h"
#include "model/compare/outputgroups.h"
#include "model/core/hostresult.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Chorus {

// A finished round of `chorus run` seen whole: the groups of hosts that answered alike and, with
// --matrix, the line matrix of their stdout. It says so in two shapes: rows for people and grep
// (`--matrix`), and the one JSON object that ends a round of `--json`. Hosts are ids: indexes into
// the labels and results it is given.
//
// Only hosts whose command ran to its end with all of its stdout kept are in the matrix: a host that
// could not connect, timed out, was cancelled or had its output cut would otherwise show as "not on"
// for every line it never got to print, burying the rows that really differ.
class GatherReport
{
public:
    // endings: what each group's status is in words, as -b prints it (index as in groups).
    GatherReport(const QStringList &labels, const QList<HostResult> &results,
                 const QList<OutputGroups::Group> &groups, const QStringList &endings);

    const QList<OutputGroups::Group> &groups() const { return m_groups; }
    // How group g ended, in words.
    QString ending(qsizetype g) const { return m_endings.value(g); }

    void buildMatrix();
    const LineMatrix &matrix() const { return m_matrix; }
    // Hosts left out of the matrix (see above), ids ascending.
    const QList<int> &leftOut() const { return m_leftOut; }

    // The rows not printed by every host, most hosts first, then a summary line. See rowText().
    QByteArray matrixText() const;
    // The object after the host objects of --json: groups, and the matrix once built. round < 0
    // leaves the round field out. Ends with a newline.
    QByteArray jsonLine(int round) const;

    // A matrix line made safe to print amid Chorus's own columns: the line is taken out of its
    // output and put next to a count and host names, so a carriage return or an escape sequence in
    // it could overwrite them and tell a different story. Control characters are escaped as
    // printable() does; any other text, Chinese included, is kept; nothing is cut.
    static QString printableLine(const QByteArray &line);

private:
    QString hostSet(const QList<int> &ids) const;
    // The hosts of the matrix that do not have the row, ids ascending.
    QList<int> hostsWithout(const LineMatrix::Row &row) const;
    void appendHosts(QByteArray *out, const QList<int> &ids) const;

    QStringList m_labels;
    QList<HostResult> m_results;
    QList<OutputGroups::Group> m_groups;
    QStringList m_endings;
    bool m_matrixBuilt = false;
    LineMatrix m_matrix;
    QList<int> m_leftOut;
};

} // namespace Chorus
