#pragma once

#include <QByteArray>
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
};

} // namespace Chorus
