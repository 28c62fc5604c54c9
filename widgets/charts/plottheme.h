#pragma once

class QCustomPlot;

namespace Chorus {

// QCustomPlot draws on white with black axes whatever the palette: this gives a plot the colours
// of its widget's palette (base behind the data, text for axes, labels and legend), so charts read
// on the dark palette as on the light one.
class PlotTheme
{
public:
    static void apply(QCustomPlot *plot);
};

} // namespace Chorus
