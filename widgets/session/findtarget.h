#pragma once

#include <QColor>
#include <QString>
#include <Qt>

class QWidget;

namespace Chorus {

// What a FindBar searches: an output view's text (PlainTextFindTarget) or a terminal's scrollback
// and screen (TerminalView). The bar owns the field and the buttons; the target knows its text.
class FindTarget
{
public:
    // Behind the matches a target marks (gold, readable under black text on any palette).
    static constexpr QRgb MatchColor = 0xffffd700;

    virtual ~FindTarget() = default;
    // Selects the first match after the start of the selection (backward: the last one before
    // it), going around the end once, and shows it; false if there is none.
    virtual bool findMatch(const QString &needle, Qt::CaseSensitivity cs, bool backward) = 0;
    // Marks at most `marks` matches and returns how many there are, counting no further than
    // `limit`; an empty needle clears the marks.
    virtual int markMatches(const QString &needle, Qt::CaseSensitivity cs, int marks, int limit) = 0;
    // The next findMatch may find the match the selection starts at again: search as you type
    // keeps the match it has while the text grows.
    virtual void findFromSelectionStart() = 0;
    // The selected text if it is on one line, what people mean to look for; else empty.
    virtual QString selectedLine() const = 0;
    // Where the focus goes back to when the bar closes.
    virtual QWidget *findWidget() = 0;
};

} // namespace Chorus
