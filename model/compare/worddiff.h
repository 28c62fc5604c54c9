#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Chorus {

// Which parts of a changed line changed: the side-by-side diff highlights these words inside the
// line so "3.2.1" against "3.2.4" stands out in a long line. Lines are cut into words (letters,
// digits and '_'), runs of white space, and single other characters, and the two token lists are
// matched with the same minimal diff as lines (UnifiedDiff::changes).
//
// Lines longer than MaxLineChars are not cut up: the whole line counts as changed, which keeps a
// megabyte-long line of base64 from stalling the view.
class WordDiff
{
public:
    static constexpr int MaxLineChars = 20000;

    struct Range
    {
        int start = 0; // in QChars of the line
        int length = 0;
        bool operator==(const Range &other) const = default;
    };
    struct Result
    {
        QList<Range> removed; // in `from`
        QList<Range> added;   // in `to`
        bool operator==(const Result &other) const = default;
    };

    // Adjacent changed tokens are merged into one range; white space between two changed words is
    // part of the range, so a changed phrase is one highlight. Equal lines give an empty result.
    static Result diff(const QString &from, const QString &to);
    static QStringList tokens(const QString &line);
};

} // namespace Chorus
