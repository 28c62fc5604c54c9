#include "model/compare/keyvaluetable.h"

#include "model/compare/outputlines.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace Chorus {

namespace {

using Format = KeyValueTable::Format;

// As in LineMatrix: a look at the flag every few thousand lines costs nothing next to the parsing.
constexpr int CancelCheckLines = 4096;

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

// line is trimmed, not empty and not a comment. key and value come back trimmed.
bool parseEquals(QByteArrayView line, QByteArrayView &key, QByteArrayView &value)
{
    const qsizetype at = line.indexOf('=');
    if (at <= 0)
        return false;
    key = line.first(at).trimmed();
    // A colon in the key means "Key: a=b", a colon line whose value happens to hold '='.
    if (key.isEmpty() || key.contains(':'))
        return false;
    value = line.sliced(at + 1).trimmed();
    return true;
}

bool parseColon(QByteArrayView line, QByteArrayView &key, QByteArrayView &value)
{
    const qsizetype at = line.indexOf(':');
    // "Key: value" has a blank after the colon; "12:30:00", "host:22", "root:x:0:0" do not.
    if (at <= 0 || at + 1 == line.size() || !isBlank(line[at + 1]))
        return false;
    key = line.first(at).trimmed();
    // Blanks are allowed ("Model name:" in lscpu, "Operating System:" in hostnamectl), '=' is not:
    // "dev.cdrom.info = CD-ROM information, Id: cdrom.c" is a sysctl line.
    if (key.isEmpty() || key.contains('='))
        return false;
    value = line.sliced(at + 1).trimmed();
    // "Caches (sum of all):" with nothing after is a heading, not a setting.
    return !value.isEmpty();
}

bool parseWhitespace(QByteArrayView line, QByteArrayView &key, QByteArrayView &value)
{
    qsizetype end = 0;
    while (end < line.size() && !isBlank(line[end]))
        ++end;
    if (end == line.size())
        return false; // one word: a heading or a bare flag, nothing to compare
    key = line.first(end);
    value = line.sliced(end).trimmed();
    // Leave "key = value", "key: value" and "key=value" lines to the formats they belong to, so that
    // sysctl and YAML-ish output are not read as "key" and "= value".
    if (key.contains('=') || key.endsWith(':') || value.startsWith('=') || value.startsWith(':'))
        return false;
    return true;
}

bool parse(Format format, QByteArrayView line, QByteArrayView &key, QByteArrayView &value)
{
    switch (format) {
    case Format::Equals:
        return parseEquals(line, key, value);
    case Format::Colon:
        return parseColon(line, key, value);
    case Format::Whitespace:
        return parseWhitespace(line, key, value);
    case Format::Detect:
        break;
    }
    return false;
}

// Calls f(line) for every line of output that is neither blank nor a comment, trimmed; false when
// cancelled.
template <typename F>
bool forEachContentLine(const QByteArray &output, const std::atomic<bool> *cancel, int &sinceCheck, F f)
{
    OutputLines lines(output);
    QByteArrayView line;
    while (lines.next(line)) {
        if (++sinceCheck == CancelCheckLines) {
            sinceCheck = 0;
            if (cancelled(cancel))
                return false;
        }
        line = line.trimmed();
        if (!line.isEmpty() && line.front() != '#')
            f(line);
    }
    return true;
}

// The format that reads the most lines, each output weighted by its hosts so that one odd host
// cannot outvote the fleet. Ties go to the earlier format in this list.
Format detect(const QList<LineMatrix::Column> &columns, const std::atomic<bool> *cancel, bool *ok)
{
    constexpr std::array<Format, 3> formats{Format::Equals, Format::Colon, Format::Whitespace};
    std::array<qint64, 3> parsed{};
    int sinceCheck = 0;
    for (const LineMatrix::Column &column : columns) {
        const qint64 weight = column.hosts.size();
        *ok = forEachContentLine(column.output, cancel, sinceCheck, [&](QByteArrayView line) {
            QByteArrayView key, value;
            for (size_t i = 0; i < formats.size(); ++i) {
                if (parse(formats[i], line, key, value))
                    parsed[i] += weight;
            }
        });
        if (!*ok)
            return Format::Detect;
    }
    return formats[std::max_element(parsed.cbegin(), parsed.cend()) - parsed.cbegin()];
}

// One distinct value of one key while building; the texts are views into the columns' outputs.
struct PendingValue
{
    QByteArrayView text;
    QList<int> hosts;
};

struct PendingRow
{
    QByteArrayView key;
    QList<int> columns;     // that printed the key, ascending
    QList<int> values;      // indexes into the pending values, in order of appearance
    QByteArrayView current; // the value in the column being read: the last one printed counts
    int currentColumn = -1;
    // The value the last column that printed the key gave it. Most hosts agree, so comparing with it
    // usually saves hashing the value and probing the table.
    int lastValue = -1;
    // The key that followed this one the last time: outputs list their keys in the same order, so
    // the same saving for the keys.
    int next = -1;
};

struct ValueKey
{
    int row;
    QByteArrayView text;
    friend bool operator==(const ValueKey &l, const ValueKey &r)
    {
        return l.row == r.row && l.text == r.text;
    }
};

size_t qHash(const ValueKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.row, key.text);
}

} // namespace

KeyValueTable KeyValueTable::build(const QList<LineMatrix::Column> &columns, Format format,
                                   const std::atomic<bool> *cancel)
{
    KeyValueTable table;
    if (format == Format::Detect) {
        bool ok = true;
        format = detect(columns, cancel, &ok);
        if (!ok)
            return {};
    }
    table.m_format = format;

    QList<PendingRow> rows;
    QHash<QByteArrayView, int> rowOf; // key -> index into rows + 1 (0: not seen yet)
    QList<PendingValue> values;
    QHash<ValueKey, int> valueOf;
    qint64 contentLines = 0, parsedLines = 0;
    int sinceCheck = 0;
    QList<int> touched; // the rows the column being read printed, in its order
    for (int column = 0; column < columns.size(); ++column) {
        const QList<int> &hosts = columns[column].hosts;
        table.m_hostCount += int(hosts.size());
        // A group without hosts has nobody to attribute a value to.
        if (hosts.isEmpty())
            continue;
        touched.clear();
        // Outputs mostly start with the same key as the first one did.
        int predicted = rows.isEmpty() ? -1 : 0;
        int previous = -1;
        const bool ok =
            forEachContentLine(columns[column].output, cancel, sinceCheck, [&](QByteArrayView line) {
                contentLines += hosts.size();
                QByteArrayView key, value;
                if (!parse(format, line, key, value))
                    return;
                parsedLines += hosts.size();
                int index = predicted;
                if (index < 0 || rows[index].key != key) {
                    int &slot = rowOf[key];
                    if (slot == 0) {
                        rows.append(PendingRow{key});
                        slot = int(rows.size());
                    }
                    index = slot - 1;
                    if (previous >= 0)
                        rows[previous].next = index;
                }
                PendingRow &row = rows[index];
                if (row.currentColumn != column) {
                    row.currentColumn = column;
                    touched.append(index);
                }
                row.current = value;
                previous = index;
                predicted = row.next;
            });
        if (!ok)
            return {};
        for (int index : std::as_const(touched)) {
            PendingRow &row = rows[index];
            row.columns.append(column);
            int value = row.lastValue;
            if (value < 0 || values[value].text != row.current) {
                int &slot = valueOf[ValueKey{index, row.current}];
                if (slot == 0) {
                    values.append(PendingValue{row.current, {}});
                    slot = int(values.size());
                    row.values.append(slot - 1);
                }
                value = slot - 1;
                row.lastValue = value;
            }
            values[value].hosts += hosts;
        }
    }
    if (cancelled(cancel))
        return {};
    table.m_parsedShare = contentLines ? double(parsedLines) / double(contentLines) : 0.0;

    table.m_rows.reserve(rows.size());
    for (const PendingRow &pending : std::as_const(rows)) {
        Row row{pending.key.toByteArray(), {}};
        for (int index : pending.values) {
            PendingValue &value = values[index];
            std::sort(value.hosts.begin(), value.hosts.end());
            row.values.append(Value{value.text.toByteArray(), false, std::move(value.hosts)});
        }
        // The hosts of the columns that never printed the key; both lists are ascending.
        Value absent{{}, true, {}};
        qsizetype next = 0;
        for (int column = 0; column < columns.size(); ++column) {
            if (next < pending.columns.size() && pending.columns[next] == column)
                ++next;
            else
                absent.hosts += columns[column].hosts;
        }
        if (!absent.hosts.isEmpty()) {
            std::sort(absent.hosts.begin(), absent.hosts.end());
            row.values.append(std::move(absent));
        }
        std::stable_sort(row.values.begin(), row.values.end(),
                         [](const Value &l, const Value &r) { return l.hosts.size() > r.hosts.size(); });
        table.m_rows.append(std::move(row));
    }
    return table;
}

qsizetype KeyValueTable::differingRowCount() const
{
    return std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.differs(); });
}

} // namespace Chorus
