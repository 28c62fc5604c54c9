#include "model/compare/linematrix.h"

#include "model/compare/outputlines.h"

#include <QHash>

#include <algorithm>

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
// that 200 hosts print costs one hash entry, not 200 copies. Everything the inner loop touches per
// line is here, in one contiguous array; which columns printed it is written column by column to
// one long list instead, and only turned into per-row lists at the end (at their exact size).
struct PendingRow
{
    QByteArrayView line;
    int hosts = 0;
    int columnCount = 0;
    int lastColumn = -1; // a line printed twice by one column counts once
    // The row that followed this one the last time it was printed. Hosts mostly print the same lines
    // in the same order, so the next line is usually this one: a comparison with a line read just
    // before (in cache) instead of hashing it and probing the table.
    int next = -1;
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
    QList<int> printed;              // the rows each column printed, column after column
    QList<qsizetype> columnStart{0}; // where each column's rows begin in printed
    int firstOfPrevious = -1;        // the first row of the last column that had lines
    int sinceCheck = 0;
    for (int column = 0; column < kept.size(); ++column) {
        const int hosts = int(kept[column].hosts.size());
        matrix.m_hostCount += hosts;
        OutputLines lines(kept[column].output);
        QByteArrayView line;
        int predicted = firstOfPrevious;
        int previous = -1;
        while (lines.next(line)) {
            if (++sinceCheck == CancelCheckLines) {
                sinceCheck = 0;
                if (cancelled(cancel))
                    return {};
            }
            int index = predicted;
            if (index < 0 || pending[index].line != line) {
                int &slot = rowOf[line];
                if (slot == 0) {
                    pending.append(PendingRow{line});
                    slot = int(pending.size());
                }
                index = slot - 1;
            }
            PendingRow &row = pending[index];
            if (row.lastColumn != column) {
                row.lastColumn = column;
                row.hosts += hosts;
                ++row.columnCount;
                printed.append(index);
            }
            if (previous < 0)
                firstOfPrevious = index;
            else
                pending[previous].next = index;
            previous = index;
            predicted = row.next;
        }
        columnStart.append(printed.size());
    }
    if (cancelled(cancel))
        return {};
    rowOf = {};

    QList<Row> rows;
    rows.reserve(pending.size());
    for (const PendingRow &row : std::as_const(pending)) {
        rows.append(Row{row.line.toByteArray(), {}, row.hosts});
        rows.last().columns.reserve(row.columnCount);
    }
    pending = {};
    // Column by column, so every row's list comes out ascending.
    for (int column = 0; column < kept.size(); ++column) {
        for (qsizetype i = columnStart[column]; i < columnStart[column + 1]; ++i)
            rows[printed[i]].columns.append(column);
    }
    printed = {};
    std::stable_sort(rows.begin(), rows.end(), [](const Row &l, const Row &r) { return l.hosts > r.hosts; });
    matrix.m_rows = std::move(rows);
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
