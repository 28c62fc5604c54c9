#include "mainwindow.h"

namespace Chorus {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Chorus"));
    resize(1100, 700);
}

} // namespace Chorus
