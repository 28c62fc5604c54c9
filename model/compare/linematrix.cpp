#include "model/compare/linematrix.h"

#include "model/compare/outputlines.h"

#include <QHash>

#include <algorithm>
#include <numeric>

namespace Chorus {

namespace {

// How many lines go by between two looks at the cancel flag: often enough to stop within a few
// milliseconds, rarely enough that the atomic load costs nothing next to the hashing.
constexpr int CancelCheckLines = 4096;

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// A row while the matrix is being built: the line is still a view into a column's output, so a line
// that 200 hosts print costs one hash entry and one list of columns, not 200 copies.
struct PendingRow
{
    QByteArrayView line;
    QList<int> columns;
    int hosts = 0;
};

// A spreadsheet evaluates a field starting with these; server output must never become a formula.
bool looksLikeFormula(QByteArrayView field)
{
    if (field.isEmpty())
        return false;
    switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

// RFC 4180, after the formula guard. The bytes go out as they came, invalid UTF-8 included: the
// file is then the hosts' output exactly, and a reader that decodes leniently shows the same
// replacement characters the views do.
void appendCsvField(QByteArray &out, QByteArrayView field)
{
    const bool formula = looksLikeFormula(field);
    bool quote = false;
    for (char c : field) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (quote)
        out += '"';
    if (formula)
        out += '\'';
    if (quote) {
        for (char c : field) {
            if (c == '"')
                out += '"';
            out += c;
        }
        out += '"';
    } else {
        out += field;
    }
}

} // namespace

LineMatrix LineMatrix::build(const QList<Column> &columns, const std::atomic<bool> *cancel)
{
    LineMatrix matrix;
    // Shared, not copied: the views in the hash below point into these outputs, and holding the list
    // keeps them alive even if the caller drops its copy while we work.
    matrix.m_columns = columns;
    const QList<Column> &kept = matrix.m_columns;

    QList<PendingRow> pending;
    // line -> index into pending + 1, so that a default-constructed 0 means "new line" and one
    // lookup both finds and inserts.
    QHash<QByteArrayView, int> rowOf;
    int sinceCheck = 0;
    for (int column = 0; column < kept.size(); ++column) {
        const int hosts = int(kept[column].hosts.size());
        matrix.m_hostCount += hosts;
        OutputLines lines(kept[column].output);
        QByteArrayView line;
        while (lines.next(line)) {
            if (++sinceCheck == CancelCheckLines) {
                sinceCheck = 0;
                if (cancelled(cancel))
                    return {};
            }
            int &slot = rowOf[line];
            if (slot == 0) {
                pending.append(PendingRow{line, {column}, hosts});
                slot = int(pending.size());
                continue;
            }
            PendingRow &row = pending[slot - 1];
            // Columns are read in order, so a line seen before in this column is the last one listed.
            if (row.columns.last() != column) {
                row.columns.append(column);
                row.hosts += hosts;
            }
        }
    }
    if (cancelled(cancel))
        return {};
    rowOf = {};

    QList<int> order(pending.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&pending](int l, int r) { return pending[l].hosts > pending[r].hosts; });
    matrix.m_rows.reserve(pending.size());
    for (int index : order) {
        PendingRow &row = pending[index];
        row.columns.squeeze(); // appends left up to twice the room needed, on every row
        matrix.m_rows.append(Row{row.line.toByteArray(), std::move(row.columns), row.hosts});
    }
    return matrix;
}

qsizetype LineMatrix::differingRowCount() const
{
    return std::count_if(m_rows.cbegin(), m_rows.cend(),
                         [this](const Row &row) { return row.hosts < m_hostCount; });
}

QList<int> LineMatrix::hostsOf(const QList<int> &columns) const
{
    QList<int> hosts;
    for (int column : columns) {
        if (column >= 0 && column < m_columns.size())
            hosts += m_columns[column].hosts;
    }
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    return hosts;
}

QByteArray LineMatrix::toCsv(const QStringList &columnNames, bool differingOnly) const
{
    QByteArray out;
    qsizetype estimate = 0;
    for (const Row &row : m_rows)
        estimate += row.line.size() + 8 + 2 * m_columns.size();
    out.reserve(estimate + 64);

    out += "line,hosts";
    for (int column = 0; column < m_columns.size(); ++column) {
        out += ',';
        appendCsvField(out, columnNames.value(column).toUtf8());
    }
    out += "\r\n";
    for (const Row &row : m_rows) {
        if (differingOnly && row.hosts >= m_hostCount)
            continue;
        appendCsvField(out, row.line);
        out += ',';
        out += QByteArray::number(row.hosts);
        // row.columns is ascending: one pass marks the cells.
        qsizetype next = 0;
        for (int column = 0; column < m_columns.size(); ++column) {
            out += ',';
            if (next < row.columns.size() && row.columns[next] == column) {
                out += '1';
                ++next;
            }
        }
        out += "\r\n";
    }
    return out;
}

} // namespace Chorus
