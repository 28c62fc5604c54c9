#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace Chorus {

// Saves a chart as PNG or PDF, chosen by the file name's extension; with a file dialog for the
// charts' Export buttons. Errors are told to the user, never dropped.
class PlotExport
{
public:
    static constexpr int Width = 1200;
    static constexpr int Height = 600;

    static bool save(QCustomPlot *plot, const QString &path);
    static void withDialog(QWidget *parent, QCustomPlot *plot, const QString &suggestedName);
};

} // namespace Chorus
