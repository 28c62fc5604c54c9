#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <atomic>

namespace Chorus {

// The line matrix of a run: every distinct line of output across the hosts is a row, every output
// group (hosts that answered alike) a column, and a cell says whether that group printed that line.
// It answers what a diff against one reference cannot: which packages are missing where, which
// lines only two hosts have. Rows sort by how many hosts have them, so "on all" comes first and
// "only on 1" last; a 10,000-line `rpm -qa` on 200 hosts leaves only the rows that differ once the
// rows present everywhere are hidden.
//
// Lines are split at '\n'; a '\r' before it is dropped (CRLF and LF output agree), and the empty
// piece after a final newline is not a line. A line printed twice by one group counts once: a cell
// is present or absent. Lines are bytes: invalid UTF-8 is kept as it came and only the views
// decode it. The outputs are read in place (the caller's QByteArrays are shared, not copied); only
// one copy of each distinct line is kept, so memory grows with the distinct lines, not the hosts.
class LineMatrix
{
public:
    struct Column
    {
        QList<int> hosts;  // ids of the hosts of this group
        QByteArray output; // their (normalised) output
    };
    struct Row
    {
        QByteArray line;
        QList<int> columns; // indexes into columns() of the groups that printed it, ascending
        int hosts = 0;      // how many hosts that is
    };

    LineMatrix() = default;
    // Builds the matrix. Safe to call off the GUI thread (it touches nothing shared). When cancel
    // becomes true it stops early and returns an empty matrix.
    static LineMatrix build(const QList<Column> &columns, const std::atomic<bool> *cancel = nullptr);

    const QList<Column> &columns() const { return m_columns; }
    // Most hosts first; rows with as many hosts in the order of their first appearance, reading
    // the columns left to right.
    const QList<Row> &rows() const { return m_rows; }
    int hostCount() const { return m_hostCount; }
    // Rows not printed by every host.
    qsizetype differingRowCount() const;
    // The hosts (ids, ascending) of the given columns.
    QList<int> hostsOf(const QList<int> &columns) const;

    // RFC 4180 CSV: a header of "line", "hosts" and one name per column (columnNames, e.g. the
    // folded host sets), then one row per matrix row (all of them, or only those that differ) with
    // the line, its host count and "1" or "" per column. A line that a spreadsheet would take for a
    // formula (starting with = + - @, tab or CR) is prefixed with a single quote: the text comes
    // from servers (column names get the same care). Lines go out as the bytes they are, invalid
    // UTF-8 included, so the file holds exactly what the hosts printed; records end in CRLF.
    QByteArray toCsv(const QStringList &columnNames, bool differingOnly) const;

private:
    QList<Column> m_columns;
    QList<Row> m_rows;
    int m_hostCount = 0;
};

} // namespace Chorus
