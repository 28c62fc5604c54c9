#pragma once

#include "model/compare/linematrix.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>

namespace Chorus {

// Output shaped like settings (`sysctl -a`: "key = value", `sshd -T`: "key value", YAML-ish
// "key: value") as one row per key and one cell per distinct value, each with the hosts that have
// it. The value most hosts have is the majority; the others are deviations. A host that does not
// print a key at all has the value "absent" for it (Value::absent), which counts like any other value.
//
// Lines that do not parse in the chosen format (blank lines, comments, headings) are left out; a
// line whose first non-blank is '#' is a comment in every format. When a key appears twice in one
// output, the last value counts, as for a config file. Lines are split as LineMatrix splits them.
class KeyValueTable
{
public:
    enum class Format
    {
        Detect,     // whichever of the three parses the most lines (ties: Equals, Colon, Whitespace),
                    // each output counted once per host of its column
        Equals,     // key=value at the first '=', blanks around it ignored; the key holds no ':'
                    // ("net.ipv4.ip_forward = 1", "ID=debian")
        Colon,      // key: value at the first ':', which a blank must follow ("12:30", "host:22" and
                    // "root:x:0:0" are not keys); the key may hold blanks ("Model name:") but no
                    // '=', and "Heading:" with nothing after is not a setting
        Whitespace, // key value: the first word, then the rest ("port 22"); not when the key holds
                    // '=' or ends in ':', nor when the rest starts with '=' or ':'
    };
    struct Value
    {
        QByteArray text;     // the value, blanks at its ends trimmed
        bool absent = false; // the key is missing on these hosts
        QList<int> hosts;    // ids, ascending
    };
    struct Row
    {
        QByteArray key;
        // Most hosts first (the majority at 0); ties in order of appearance, reading the columns left
        // to right. The absent value sorts with the others by its hosts (after them on a tie), so a
        // key most hosts lack has "absent" as its majority.
        QList<Value> values;
        bool differs() const { return values.size() > 1; }
    };

    KeyValueTable() = default;
    // Uses the columns of a line matrix (hosts and their outputs). Safe off the GUI thread; stops
    // early and returns an empty table when cancel becomes true.
    static KeyValueTable build(const QList<LineMatrix::Column> &columns, Format format = Format::Detect,
                               const std::atomic<bool> *cancel = nullptr);

    // What Detect chose (or what was asked for).
    Format format() const { return m_format; }
    // Keys in order of first appearance, reading the columns left to right.
    const QList<Row> &rows() const { return m_rows; }
    qsizetype differingRowCount() const;
    int hostCount() const { return m_hostCount; }
    // Share of non-blank lines that parsed, 0..1, weighted by hosts; comments count as neither: a
    // caller can say "this does not look like key/value output" below, say, one half.
    double parsedShare() const { return m_parsedShare; }

private:
    Format m_format = Format::Detect;
    QList<Row> m_rows;
    int m_hostCount = 0;
    double m_parsedShare = 0;
};

} // namespace Chorus
