#include "widgets/charts/plotexport.h"

#include "widgets/charts/customplot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

namespace Chorus {

bool PlotExport::save(QCustomPlot *plot, const QString &path)
{
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return plot->savePdf(path, Width, Height);
    return plot->savePng(path, Width, Height);
}

void PlotExport::withDialog(QWidget *parent, QCustomPlot *plot, const QString &suggestedName)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("PlotExport", "Export chart"), suggestedName,
        QCoreApplication::translate("PlotExport", "PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!save(plot, path))
        QMessageBox::warning(parent, QCoreApplication::translate("PlotExport", "Export chart"),
                             QCoreApplication::translate("PlotExport", "Could not write %1.")
                                 .arg(QDir::toNativeSeparators(path)));
}

} // namespace Chorus
