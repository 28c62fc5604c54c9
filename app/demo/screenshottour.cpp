#include "app/demo/screenshottour.h"

#include "model/core/translation.h"
#include "model/profiles/hostmodel.h"
#include "model/session/runsession.h"
#include "widgets/compare/compareview.h"
#include "widgets/history/historypanel.h"
#include "widgets/mainwindow/commandbar.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/session/sessionview.h"
#include "widgets/style/theme.h"
#include "widgets/terminal/terminalgroup.h"
#include "widgets/terminal/terminalinput.h"
#include "widgets/terminal/terminaltile.h"
#include "widgets/terminal/terminalview.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace Chorus {

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(directory)
{
    // English on the system palette keeps the plain names the README links to; other languages
    // and the dark palette get their own files next to them (session-zh_CN.png, session-dark.png).
    if (Translation::current() != u"en")
        m_suffix += u'-' + Translation::current();
    if (Theme::isDark(QApplication::palette()))
        m_suffix += QStringLiteral("-dark");
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    m_window->resize(1280, 720);
    m_window->hostModel()->setAllChecked(true);
    QTimer::singleShot(500, this, [this] {
        shoot(QStringLiteral("hosts"));
        // One host answers differently, so the views have something to show.
        m_window->commandBar()->setCommand(
            QStringLiteral("uname -sr; [ \"$(echo $SSH_CONNECTION | cut -d' ' -f3 | cut -d. -f4)\" = 3 ] && "
                           "printf '\\033[31mdisk /var at 91%%\\033[0m\\n' >&2; df -h / | tail -1"));
        SessionView *session = m_window->runCommand();
        if (!session) {
            fail();
            return;
        }
        connect(session, &SessionView::finished, this, [this, session] {
            QTimer::singleShot(400, this, [this, session] {
                shoot(QStringLiteral("session"));
                session->openOutput(RunSession::AllHosts);
                QTimer::singleShot(300, this, [this, session] {
                    shoot(QStringLiteral("all-hosts"));
                    session->openOutput(2);
                    QTimer::singleShot(300, this, [this, session] {
                        shoot(QStringLiteral("host-output"));
                        session->outputTabs()->setCurrentIndex(SessionView::CompareTab);
                        QTimer::singleShot(300, this, [this, session] {
                            shoot(QStringLiteral("compare"));
                            session->outputTabs()->setCurrentIndex(SessionView::DurationsTab);
                            QTimer::singleShot(500, this, [this] {
                                shoot(QStringLiteral("durations"));
                                showHistory();
                            });
                        });
                    });
                });
            });
        });
    });
}

// The same command again, so the history has two runs to list and chart.
void ScreenshotTour::showHistory()
{
    SessionView *session = m_window->runCommand();
    if (!session) {
        fail();
        return;
    }
    connect(session, &SessionView::finished, this, [this, session] {
        QTimer::singleShot(300, this, [this, session] {
            if (auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("historyDock")))
                dock->show();
            m_window->historyPanel()->refresh();
            m_window->historyPanel()->selectRun(session->historyId());
            QTimer::singleShot(500, this, [this] {
                shoot(QStringLiteral("history"));
                if (auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("historyDock")))
                    dock->hide();
                showTransfer();
            });
        });
    });
}

// A file pushed to every demo host: the progress column and the copied bytes.
void ScreenshotTour::showTransfer()
{
    const QString local = m_files.filePath(QStringLiteral("app.conf"));
    const QString remote = m_files.filePath(QStringLiteral("etc"));
    QFile file(local);
    if (!file.open(QIODevice::WriteOnly) || !QDir().mkpath(remote)) {
        fail();
        return;
    }
    file.write(QByteArray("# demo configuration\n").repeated(100000));
    file.close();
    TransferSpec spec;
    spec.localPaths = {local};
    spec.remotePath = remote;
    spec.verifyChecksum = true;
    SessionView *session = m_window->transferOn(m_window->hostModel()->checkedProfiles(), spec);
    if (!session) {
        fail();
        return;
    }
    connect(session, &SessionView::finished, this, [this] {
        QTimer::singleShot(400, this, [this] {
            shoot(QStringLiteral("transfer"));
            showCompareTables();
        });
    });
}

// Runs command on every checked host; then, once it has finished and the Compare tab's table at
// viewTab is shown, shoots it as name and goes on with next.
void ScreenshotTour::showCompareTable(const QString &command, int viewTab, const QString &name,
                                      std::function<void()> next)
{
    m_window->commandBar()->setCommand(command);
    SessionView *session = m_window->runCommand();
    if (!session) {
        fail();
        return;
    }
    connect(session, &SessionView::finished, this, [this, session, viewTab, name, next] {
        session->outputTabs()->setCurrentIndex(SessionView::CompareTab);
        session->compareView()->viewTabs()->setCurrentIndex(viewTab);
        // The table is built off the GUI thread a moment after the tab is shown.
        QTimer::singleShot(1200, this, [this, name, next] {
            shoot(name);
            next();
        });
    });
}

// A package list with a few lines missing or different on some hosts (the Lines tab), then
// sysctl-like settings with a few deviating values (the Key Values tab).
void ScreenshotTour::showCompareTables()
{
    const QString host = QStringLiteral("n=$(echo $SSH_CONNECTION | cut -d' ' -f3 | cut -d. -f4); ");
    const QString packages =
        host +
        QStringLiteral("for p in bash-5.2.15 coreutils-9.1 curl-7.88.1 nginx-1.22.1 openssl-3.0.11 "
                       "python3-3.11.2 rsync-3.2.7 vim-9.0.1378; do case \"$n$p\" in "
                       "3openssl*) p=openssl-3.0.9;; [56]nginx*|8rsync*) continue;; esac; echo $p; done");
    const QString settings =
        host +
        QStringLiteral("echo \"vm.swappiness = $([ $n = 3 ] && echo 10 || echo 60)\"; "
                       "echo 'net.core.somaxconn = 4096'; "
                       "echo \"kernel.pid_max = $([ $n -gt 6 ] && echo 32768 || echo 4194304)\"; "
                       "echo \"net.ipv4.tcp_congestion_control = $([ $n = 5 ] && echo cubic || echo bbr)\"; "
                       "echo 'fs.inotify.max_user_watches = 65536'");
    showCompareTable(packages, CompareView::LinesTab, QStringLiteral("compare-lines"), [this, settings] {
        showCompareTable(settings, CompareView::KeyValuesTab, QStringLiteral("compare-keys"),
                         [this] { showTerminals(); });
    });
}

// A terminal on every demo host, typing to all of them but one.
void ScreenshotTour::showTerminals()
{
    TerminalGroup *group = m_window->openTerminalsOn(m_window->hostModel()->checkedProfiles());
    if (!group) {
        fail();
        return;
    }
    group->setBroadcasting(true);
    const QList<TerminalTile *> tiles = group->tiles();
    if (tiles.size() > 2)
        tiles.constLast()->setReceives(false);
    auto *waited = new QElapsedTimer;
    waited->start();
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this, group, tiles, poll, waited] {
        const bool open = std::all_of(tiles.cbegin(), tiles.cend(),
                                      [](TerminalTile *t) { return t->state() == TerminalTile::State::Open; });
        if (!open && waited->elapsed() < 20000)
            return;
        poll->deleteLater();
        delete waited;
        TerminalView *view = tiles.constFirst()->view();
        view->setFocus();
        const QString command = QStringLiteral("uptime; ls --color=always /");
        for (const QChar c : command)
            Q_EMIT view->inputTyped({TerminalInput::Kind::Key, 0, Qt::NoModifier, QString(c)});
        Q_EMIT view->inputTyped({TerminalInput::Kind::Key, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r")});
        QTimer::singleShot(1500, this, [this, group] {
            shoot(QStringLiteral("terminals"));
            group->closeAll();
            finish();
        });
    });
    poll->start(100);
}

void ScreenshotTour::shoot(const QString &name)
{
    const QString path = QDir(m_directory).filePath(name + m_suffix + QStringLiteral(".png"));
    if (!m_window->grab().save(path)) {
        m_ok = false;
        QTextStream(stderr) << QCoreApplication::translate("ScreenshotTour", "chorus: cannot write %1").arg(path)
                            << Qt::endl;
        return;
    }
    QTextStream(stdout) << path << Qt::endl;
}

void ScreenshotTour::fail()
{
    m_ok = false;
    finish();
}

void ScreenshotTour::finish()
{
    Q_EMIT done(m_ok);
}

} // namespace Chorus
