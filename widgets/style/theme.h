#pragma once

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QString>

class QApplication;

namespace Chorus {

// Light and dark: the application palette a setting asks for (Qt 6.4 cannot ask the desktop
// whether it is dark, so "dark" is a choice the user makes), and the colours Chorus draws with
// on top of a palette (stderr, warnings, diff highlights, ANSI colours), kept readable on both
// (WCAG contrast of 4.5 for text).
class Theme
{
public:
    enum class Mode
    {
        System,
        Light,
        Dark
    };
    static Mode parse(const QString &name); // "", "system", "light", "dark"
    static QString name(Mode mode);

    // Fusion with a light or dark palette; System leaves the platform's style and palette alone.
    static void apply(QApplication *app, Mode mode);
    static QPalette palette(Mode mode);
    static bool isDark(const QPalette &palette);

    // WCAG 2 contrast ratio of two colours, 1 to 21.
    static double contrast(const QColor &a, const QColor &b);
    static constexpr double MinimumContrast = 4.5;
    // The colour itself if it reads on the background, else the same hue made darker (light
    // background) or lighter (dark background) until it does.
    static QColor readable(const QColor &color, const QColor &background, double ratio = MinimumContrast);

    // Text that must stand out without meaning failure (stderr, outliers): orange.
    static QColor warningText(const QPalette &palette);
    // Text that says something failed: red. And success: green.
    static QColor errorText(const QPalette &palette);
    static QColor successText(const QPalette &palette);
    // Background of a removed or added line in a diff (word: the changed words within it).
    static QColor removedBackground(const QPalette &palette, bool word);
    static QColor addedBackground(const QPalette &palette, bool word);
    // Background of a row with no counterpart on the other side of a diff.
    static QColor fillerBackground(const QPalette &palette);
    // Background of what stands out without meaning failure (a value only some hosts have): the
    // warning orange, faint enough for the palette's text to read on it.
    static QColor warningBackground(const QPalette &palette);

    // The font for output, diffs and fingerprints: the system's fixed font when it really is fixed
    // pitch, else the first fixed-pitch font installed. Under a Chinese locale fontconfig may answer
    // "monospace" with a proportional CJK font, and columns of `df` or `ps` output would not line up.
    static QFont fixedFont();

    // The desktop icon theme's icon of that freedesktop name, else Chorus's bundled one.
    static QIcon icon(const QString &name);
};

} // namespace Chorus
