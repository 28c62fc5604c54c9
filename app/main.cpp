#include "appsettings.h"
#include "demosession.h"
#include "historycli.h"
#include "hostscli.h"
#include "mainwindow.h"
#include "screenshottour.h"
#include "runcli.h"
#include "transfercli.h"
#include "theme.h"
#include "translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QSocketNotifier>
#include <QTextStream>

#include <memory>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Chorus;

namespace {

// --help, --version and the subcommands must work on a machine without a display,
// so the GUI application object is only made when the GUI is wanted.
bool wantsGui(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-v" || arg == "--version" || arg == "--help-all")
            return false;
    }
    return true;
}

void describe(QCoreApplication &app)
{
    // Settings live in ~/.config/chorus/chorus.conf; --demo moves them aside (DemoSession).
    app.setOrganizationName(QStringLiteral("chorus"));
    app.setApplicationName(QStringLiteral("chorus"));
    app.setApplicationVersion(QStringLiteral(CHORUS_VERSION));
}

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}

// Ctrl+C, kill or a closed terminal close the windows the normal way, so the window
// layout is saved and the demo fleet is stopped by its destructor. The handler is
// one-shot (SA_RESETHAND): a second signal kills as usual if shutting down hangs.
void closeWindowsOnTerminationSignals(QApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier, app] {
        char byte;
        [[maybe_unused]] const ssize_t got = ::read(g_signalPipe[1], &byte, 1);
        notifier->setEnabled(false);
        app->setProperty(MainWindow::TerminatingProperty, true);
        QApplication::closeAllWindows();
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(signal, &action, nullptr);
}

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {32, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/chorus-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace

int main(int argc, char *argv[])
{
    // Every application object made below, the subcommands' too, speaks the chosen language.
    Translation::installOnStartup();
    // Subcommands work without a display and own their options and exit statuses.
    if (argc > 1) {
        const QByteArray command(argv[1]);
        // One line per subcommand: if (command == "name") return NameCli::main(argc, argv);
        if (command == "run") return RunCli::main(argc, argv);
        if (command == "hosts") return HostsCli::main(argc, argv);
        if (command == "history") return HistoryCli::main(argc, argv);
        if (command == "push" || command == "pull") return TransferCli::main(argc, argv);
    }

    std::unique_ptr<QCoreApplication> app;
    if (wantsGui(argc, argv)) {
        app = std::make_unique<QApplication>(argc, argv);
        QApplication::setApplicationDisplayName(QStringLiteral("Chorus"));
        QApplication::setWindowIcon(appIcon());
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.chorus.Chorus"));
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    describe(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Run one command on many hosts over SSH and compare the answers.\n"
                "On the command line: chorus run -w HOSTS COMMAND (see chorus run --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start %1 local SSH servers and show them as hosts to try Chorus "
                                            "on. Your own settings and profiles are not used.")
            .arg(DemoSession::DefaultHostCount));
    parser.addOption(demoOption);
    const QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"),
        QCoreApplication::translate("main", "With --demo: run a command on every demo host, save pictures of "
                                            "the main views as PNG files in DIR, and quit."),
        QStringLiteral("DIR"));
    parser.addOption(screenshotsOption);
    const QCommandLineOption themeOption(
        QStringLiteral("theme"),
        QCoreApplication::translate("main", "Colours: system, light or dark (default: as in the settings)."),
        QStringLiteral("THEME"));
    parser.addOption(themeOption);
    parser.process(*app);

    auto *guiApp = qobject_cast<QApplication *>(app.get());
    if (!guiApp)
        return 0; // process() has already answered --help or --version
    closeWindowsOnTerminationSignals(guiApp);
    // Before --demo moves the settings aside: the user's choice of colours holds in the demo too.
    Theme::apply(guiApp, Theme::parse(parser.isSet(themeOption) ? parser.value(themeOption)
                                                                 : AppSettings::value(AppSettings::Theme).toString()));

    // Lives until after exec() returns, so the fleet stops once the window has closed.
    std::unique_ptr<DemoSession> demo;
    if (parser.isSet(demoOption)) {
        DemoSession::isolateSettings(); // before MainWindow reads its layout
        demo = std::make_unique<DemoSession>();
        QString error;
        if (!demo->start(DemoSession::DefaultHostCount, &error)) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Chorus demo"), error);
            return 1;
        }
    }

    MainWindow window;
    if (demo)
        demo->showIn(&window);
    window.show();
    if (parser.isSet(screenshotsOption)) {
        if (!demo) {
            QTextStream(stderr) << QCoreApplication::translate("main", "chorus: --screenshots needs --demo") << Qt::endl;
            return 64;
        }
        auto *tour = new ScreenshotTour(&window, parser.value(screenshotsOption), &window);
        QObject::connect(tour, &ScreenshotTour::done, app.get(), [&app](bool ok) { app->exit(ok ? 0 : 1); });
        tour->start();
    }
    const int status = app->exec();
    if (demo)
        demo->stop();
    return status;
}
