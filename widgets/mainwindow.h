#pragma once

#include <QMainWindow>

namespace Chorus {

// The main window: host panel, command bar and session tabs.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace Chorus
