#pragma once

#include <QProxyStyle>

namespace Chorus {

// Fusion, with check boxes that can be seen on any palette: Fusion outlines them in a darker shade
// of the window colour, which on a dark palette is nearly the colour of the box itself, so an
// unchecked host could not be told from a blank. The outline is drawn again in a colour between
// the box and the text.
class ContrastStyle : public QProxyStyle
{
    Q_OBJECT
public:
    ContrastStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;

    // The outline colour used on that palette: half way from Base to Text.
    static QColor outline(const QPalette &palette);
};

} // namespace Chorus
