#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QTextCharFormat>

namespace Chorus {

// Reads terminal output for display: SGR escape sequences (colours: 16, 256 and 24-bit; bold,
// faint, italic, underline, inverse, strike-through) become character formats on top of a base
// format, and every other escape sequence (cursor movement, titles, charsets) and control
// character except newline and tab is dropped, so no escape ever shows as text. The SGR state
// carries over from one parse() to the next as in a terminal, and a sequence cut at the end of
// one input is completed by the next. Use one instance per host and stream.
class AnsiText
{
public:
    struct Run
    {
        QString text;
        QTextCharFormat format;
    };

    // Longer unfinished sequences are not waited for: their ESC is dropped and the rest shown.
    static constexpr qsizetype MaxSequence = 256;

    explicit AnsiText(const QTextCharFormat &base = QTextCharFormat());

    void setBaseFormat(const QTextCharFormat &base);
    // Colours a program picks for text on the default background are made readable on this one
    // (black on a dark view, yellow on a light one); invalid: taken as given.
    void setContrastBackground(const QColor &background);
    const QTextCharFormat &baseFormat() const { return m_base; }
    // Text runs in order; neighbouring runs have different formats.
    QList<Run> parse(QStringView text);
    // Back to the base format, forgetting an unfinished sequence.
    void reset();

    // The text without any escape sequence or control character (but newline and tab).
    static QString stripped(QStringView text);
    // The xterm colour for index 0..255 (0-15 the standard and bright colours).
    static QColor paletteColor(int index);

private:
    void applySgr(QStringView parameters);
    void updateFormat();

    QTextCharFormat m_base;
    QTextCharFormat m_format; // m_base with the SGR state applied
    QString m_pending;        // an unfinished escape sequence from the last input
    QColor m_foreground;      // invalid: the base format's
    QColor m_background;
    QColor m_contrastBackground;
    bool m_bold = false;
    bool m_faint = false;
    bool m_italic = false;
    bool m_underline = false;
    bool m_inverse = false;
    bool m_strike = false;
};

} // namespace Chorus
