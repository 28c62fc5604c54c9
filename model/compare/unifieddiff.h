#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Chorus {

// A line-based unified diff of two outputs, the way `diff -u` writes it, so a user comparing hosts
// sees what differs in a format they (and `patch`) already read. Works on raw bytes: lines may hold
// any byte, including NUL and invalid UTF-8, and are compared exactly (a "\r\n" line differs from a
// "\n" one). A last line without a newline is marked "\ No newline at end of file" as diff does.
//
// The edit script is minimal (Myers' O(ND) algorithm in linear space, after setting aside lines that
// occur in only one of the inputs, which cannot be matched anyway and would otherwise make D large),
// so 10,000-line outputs with scattered changes diff in milliseconds. Hunks are not shifted to
// prettier positions the way GNU diff does, so where several minimal diffs exist the one chosen may
// differ from GNU diff's; applying it with `patch` gives the same result.
class UnifiedDiff
{
public:
    static constexpr int DefaultContext = 3;

    // "--- fromLabel", "+++ toLabel" and the hunks; empty when the inputs are equal.
    static QByteArray diff(const QByteArray &from, const QByteArray &to, const QString &fromLabel,
                           const QString &toLabel, int context = DefaultContext);
    // Only the hunks ("@@ -1,3 +1,4 @@" and their lines); empty when the inputs are equal.
    static QByteArray hunks(const QByteArray &from, const QByteArray &to, int context = DefaultContext);

    // The same edit script as data, for views that lay the two sides out themselves: each change
    // removes from[fromStart, fromEnd) and puts to[toStart, toEnd) in its place; whatever lies
    // between changes is equal on both sides. Indexes count lines as lines() splits them.
    struct Change
    {
        int fromStart = 0;
        int fromEnd = 0;
        int toStart = 0;
        int toEnd = 0;
        bool operator==(const Change &other) const = default;
    };
    static QList<Change> changes(const QByteArray &from, const QByteArray &to);
    // The same for any two sequences of tokens given as ids (equal ids: equal tokens), so word
    // diffs use the same minimal matching as line diffs.
    static QList<Change> changes(const QList<int> &fromIds, const QList<int> &toIds);
    // Lines as the diff sees them: each keeps its '\n'; a last line without one is a line too.
    static QList<QByteArrayView> lines(const QByteArray &data);
};

} // namespace Chorus
