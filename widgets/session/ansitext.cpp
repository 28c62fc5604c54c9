#include "widgets/session/ansitext.h"

#include "widgets/style/theme.h"

#include <QGuiApplication>
#include <QPalette>

namespace Chorus {

namespace {

constexpr char16_t kEscape = 0x1b;
constexpr char16_t kBell = 0x07;

bool isControl(char16_t c)
{
    return (c < 0x20 && c != u'\n' && c != u'\t') || c == 0x7f;
}

// Where the escape sequence starting at `i` ends (one past it), or -1 if the text ends first.
qsizetype sequenceEnd(QStringView t, qsizetype i)
{
    const qsizetype n = t.size();
    if (i + 1 >= n)
        return -1;
    const char16_t kind = t[i + 1].unicode();
    qsizetype j = i + 2;
    switch (kind) {
    case u'[': // CSI: parameters and intermediates, then a final byte
        while (j < n && t[j].unicode() >= 0x20 && t[j].unicode() <= 0x3f)
            ++j;
        // A byte that cannot end it ends it anyway: it is not a sequence anyone can read.
        return j < n ? j + 1 : -1;
    case u']': // OSC and the other string sequences: up to BEL or ESC backslash
    case u'P':
    case u'X':
    case u'^':
    case u'_':
        for (; j < n; ++j) {
            if (t[j].unicode() == kBell)
                return j + 1;
            if (t[j].unicode() == kEscape) {
                if (j + 1 >= n)
                    return -1;
                if (t[j + 1] == u'\\')
                    return j + 2;
            }
        }
        return -1;
    default:
        if (kind >= 0x20 && kind <= 0x2f) { // ESC ( B and friends
            while (j < n && t[j].unicode() >= 0x20 && t[j].unicode() <= 0x2f)
                ++j;
            return j < n ? j + 1 : -1;
        }
        return i + 2;
    }
}

} // namespace

AnsiText::AnsiText(const QTextCharFormat &base) : m_base(base), m_format(base) {}

void AnsiText::setBaseFormat(const QTextCharFormat &base)
{
    m_base = base;
    updateFormat();
}

void AnsiText::reset()
{
    m_pending.clear();
    m_foreground = QColor();
    m_background = QColor();
    m_bold = m_faint = m_italic = m_underline = m_inverse = m_strike = false;
    updateFormat();
}

QList<AnsiText::Run> AnsiText::parse(QStringView text)
{
    QString joined;
    QStringView t = text;
    if (!m_pending.isEmpty()) {
        joined = m_pending;
        joined += text;
        m_pending.clear();
        t = joined;
    }
    QList<Run> runs;
    QString current;
    auto flushRun = [&] {
        if (current.isEmpty())
            return;
        if (!runs.isEmpty() && runs.last().format == m_format)
            runs.last().text += current;
        else
            runs.append({current, m_format});
        current.clear();
    };

    const qsizetype n = t.size();
    qsizetype i = 0;
    while (i < n) {
        // Plain text goes in as a whole span.
        qsizetype j = i;
        while (j < n && !isControl(t[j].unicode()))
            ++j;
        if (j > i) {
            current += t.mid(i, j - i);
            i = j;
            continue;
        }
        const char16_t c = t[i].unicode();
        if (c != kEscape) {
            if (c == u'\b' && !current.isEmpty())
                current.chop(1);
            ++i; // CR, BEL and the rest have no place in a text view
            continue;
        }
        const qsizetype end = sequenceEnd(t, i);
        if (end < 0) {
            if (n - i <= MaxSequence) {
                m_pending = t.mid(i).toString();
                break;
            }
            ++i; // not a sequence anyone waits for
            continue;
        }
        if (t[i + 1] == u'[' && t[end - 1] == u'm') {
            const QStringView parameters = t.mid(i + 2, end - i - 3);
            bool plain = true; // private (CSI ? ... m) and intermediate forms are not SGR
            for (const QChar p : parameters)
                plain = plain && (p.isDigit() || p == u';' || p == u':');
            if (plain) {
                flushRun();
                applySgr(parameters);
            }
        }
        i = end;
    }
    flushRun();
    return runs;
}

QString AnsiText::stripped(QStringView text)
{
    AnsiText reader;
    QString plain;
    for (const Run &run : reader.parse(text))
        plain += run.text;
    return plain;
}

QColor AnsiText::paletteColor(int index)
{
    static const QRgb basic[16] = {
        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
    };
    if (index < 0 || index > 255)
        return {};
    if (index < 16)
        return QColor(basic[index]);
    if (index < 232) {
        static const int levels[6] = {0, 95, 135, 175, 215, 255};
        const int cube = index - 16;
        return QColor(levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6]);
    }
    const int grey = 8 + 10 * (index - 232);
    return QColor(grey, grey, grey);
}

void AnsiText::applySgr(QStringView parameters)
{
    QList<int> codes;
    // Colon sub-parameters (38:2::r:g:b) are read like semicolons; an empty one is 0.
    qsizetype start = 0;
    for (qsizetype i = 0; i <= parameters.size(); ++i) {
        if (i == parameters.size() || parameters[i] == u';' || parameters[i] == u':') {
            codes.append(parameters.mid(start, i - start).toInt());
            start = i + 1;
        }
    }
    auto extendedColor = [&](qsizetype &k) -> QColor {
        // k is at 38 or 48: 5;n or 2;r;g;b follow.
        if (k + 2 < codes.size() && codes[k + 1] == 5) {
            k += 2;
            return paletteColor(codes[k]);
        }
        if (k + 4 < codes.size() && codes[k + 1] == 2) {
            QColor color(qBound(0, codes[k + 2], 255), qBound(0, codes[k + 3], 255),
                         qBound(0, codes[k + 4], 255));
            k += 4;
            return color;
        }
        // 38:2::r:g:b has an extra (colour space) field.
        if (k + 5 < codes.size() && codes[k + 1] == 2) {
            QColor color(qBound(0, codes[k + 3], 255), qBound(0, codes[k + 4], 255),
                         qBound(0, codes[k + 5], 255));
            k += 5;
            return color;
        }
        k = codes.size();
        return {};
    };
    for (qsizetype k = 0; k < codes.size(); ++k) {
        const int code = codes[k];
        if (code == 0) {
            m_foreground = m_background = QColor();
            m_bold = m_faint = m_italic = m_underline = m_inverse = m_strike = false;
        } else if (code == 1) {
            m_bold = true;
        } else if (code == 2) {
            m_faint = true;
        } else if (code == 3) {
            m_italic = true;
        } else if (code == 4 || code == 21) {
            m_underline = true;
        } else if (code == 7) {
            m_inverse = true;
        } else if (code == 9) {
            m_strike = true;
        } else if (code == 22) {
            m_bold = m_faint = false;
        } else if (code == 23) {
            m_italic = false;
        } else if (code == 24) {
            m_underline = false;
        } else if (code == 27) {
            m_inverse = false;
        } else if (code == 29) {
            m_strike = false;
        } else if (code >= 30 && code <= 37) {
            m_foreground = paletteColor(code - 30);
        } else if (code == 38) {
            m_foreground = extendedColor(k);
        } else if (code == 39) {
            m_foreground = QColor();
        } else if (code >= 40 && code <= 47) {
            m_background = paletteColor(code - 40);
        } else if (code == 48) {
            m_background = extendedColor(k);
        } else if (code == 49) {
            m_background = QColor();
        } else if (code >= 90 && code <= 97) {
            m_foreground = paletteColor(code - 90 + 8);
        } else if (code >= 100 && code <= 107) {
            m_background = paletteColor(code - 100 + 8);
        }
    }
    updateFormat();
}

void AnsiText::setContrastBackground(const QColor &background)
{
    m_contrastBackground = background;
    updateFormat();
}

void AnsiText::updateFormat()
{
    QTextCharFormat f = m_base;
    QColor foreground = m_foreground;
    QColor background = m_background;
    if (m_inverse) {
        // Inverse of the defaults needs real colours: the base format's, else the palette's.
        const QPalette palette = QGuiApplication::palette();
        if (!foreground.isValid())
            foreground = m_base.hasProperty(QTextFormat::ForegroundBrush) ? m_base.foreground().color()
                                                                          : palette.color(QPalette::Text);
        if (!background.isValid())
            background = m_base.hasProperty(QTextFormat::BackgroundBrush) ? m_base.background().color()
                                                                          : palette.color(QPalette::Base);
        std::swap(foreground, background);
    }
    if (m_contrastBackground.isValid() && m_foreground.isValid() && !m_background.isValid() && !m_inverse)
        foreground = Theme::readable(foreground, m_contrastBackground);
    if (m_faint) {
        if (!foreground.isValid())
            foreground = m_base.hasProperty(QTextFormat::ForegroundBrush)
                             ? m_base.foreground().color()
                             : QGuiApplication::palette().color(QPalette::Text);
        foreground.setAlpha(150);
    }
    if (foreground.isValid())
        f.setForeground(foreground);
    if (background.isValid())
        f.setBackground(background);
    if (m_bold)
        f.setFontWeight(QFont::Bold);
    if (m_italic)
        f.setFontItalic(true);
    if (m_underline)
        f.setFontUnderline(true);
    if (m_strike)
        f.setFontStrikeOut(true);
    m_format = f;
}

} // namespace Chorus
