#include "widgets/style/theme.h"

#include "widgets/style/contraststyle.h"

#include <QApplication>
#include <QFontDatabase>
#include <QFontInfo>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>

namespace Chorus {

namespace {

double channel(float value)
{
    return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor mixed(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x7a, 0xc6);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0c));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

} // namespace

Theme::Mode Theme::parse(const QString &name)
{
    if (name == u"dark")
        return Mode::Dark;
    if (name == u"light")
        return Mode::Light;
    return Mode::System;
}

QString Theme::name(Mode mode)
{
    switch (mode) {
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::System:
        break;
    }
    return QString();
}

QPalette Theme::palette(Mode mode)
{
    if (mode == Mode::Dark)
        return darkPalette();
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        const QPalette light = fusion->standardPalette();
        delete fusion;
        return light;
    }
    return QPalette();
}

void Theme::apply(QApplication *app, Mode mode)
{
    if (!app || mode == Mode::System)
        return;
    // Fusion draws everything from the palette; platform styles may keep light parts in dark mode.
    app->setStyle(new ContrastStyle);
    QApplication::setPalette(palette(mode));
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

double Theme::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor Theme::readable(const QColor &color, const QColor &background, double ratio)
{
    if (!color.isValid() || !background.isValid() || contrast(color, background) >= ratio)
        return color;
    const QColor target = luminance(background) > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
    // Towards black or white in small steps keeps as much of the hue as the ratio allows.
    for (int step = 1; step <= 20; ++step) {
        QColor candidate = mixed(color, target, step / 20.0);
        candidate.setAlpha(color.alpha());
        if (contrast(candidate, background) >= ratio)
            return candidate;
    }
    return target;
}

QColor Theme::warningText(const QPalette &palette)
{
    return readable(QColor(0xe6, 0x7e, 0x22), palette.color(QPalette::Base));
}

QColor Theme::errorText(const QPalette &palette)
{
    return readable(isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28),
                    palette.color(QPalette::Window));
}

QColor Theme::successText(const QPalette &palette)
{
    return readable(isDark(palette) ? QColor(0x66, 0xcc, 0x66) : QColor(0x2e, 0x7d, 0x32),
                    palette.color(QPalette::Window));
}

QColor Theme::removedBackground(const QPalette &palette, bool word)
{
    const double amount = word ? 0.5 : isDark(palette) ? 0.3 : 0.2;
    return mixed(palette.color(QPalette::Base), QColor(0xe0, 0x30, 0x30), amount);
}

QColor Theme::addedBackground(const QPalette &palette, bool word)
{
    const double amount = word ? 0.5 : isDark(palette) ? 0.3 : 0.2;
    return mixed(palette.color(QPalette::Base), QColor(0x20, 0xb0, 0x40), amount);
}

QColor Theme::fillerBackground(const QPalette &palette)
{
    return mixed(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.08);
}

QColor Theme::warningBackground(const QPalette &palette)
{
    return mixed(palette.color(QPalette::Base), QColor(0xe6, 0x7e, 0x22), isDark(palette) ? 0.3 : 0.2);
}

QIcon Theme::icon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(name)));
}

QFont Theme::fixedFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (QFontInfo(font).fixedPitch())
        return font;
    for (const char *family : {"DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", "Noto Sans Mono CJK SC",
                               "Noto Sans Mono CJK TC", "Source Code Pro", "Courier New"}) {
        QFont candidate = font;
        candidate.setFamilies({QString::fromLatin1(family)});
        candidate.setStyleHint(QFont::Monospace);
        if (QFontInfo(candidate).fixedPitch() && QFontInfo(candidate).family() == QString::fromLatin1(family))
            return candidate;
    }
    return font;
}

} // namespace Chorus
