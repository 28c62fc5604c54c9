#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <functional>

namespace Chorus {

class MainWindow;

// `chorus --demo --screenshots DIR` (and `make screenshots`): checks every demo host, runs a
// command whose answer differs per host, then runs it again for the history, copies a file, runs
// two commands for the Compare tab's Lines and Key Values tables, opens a terminal on every host
// typing to all, and saves the main views as PNG files, so the README
// and reviews show the real program rather than a mock-up. In another language or on a dark
// palette the files get a suffix (hosts-zh_CN.png, hosts-dark.png).
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void done(bool ok);

private:
    void shoot(const QString &name);
    void showHistory();
    void showTransfer();
    void showCompareTable(const QString &command, int viewTab, const QString &name,
                          std::function<void()> next);
    void showCompareTables();
    void showTerminals();
    void fail(); // a step could not run: the tour ends, reporting failure
    void finish();

    MainWindow *m_window;
    QString m_directory;
    QString m_suffix;
    bool m_ok = true;
    QTemporaryDir m_files; // what the transfer picture copies, and where to
};

} // namespace Chorus
