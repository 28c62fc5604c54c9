#include "app/cli/command.h"
#include "app/cli/configcli.h"
#include "app/cli/historycli.h"
#include "app/cli/hostscli.h"
#include "app/cli/runcli.h"
#include "app/cli/transfercli.h"
#include "app/demo/demosession.h"
#include "app/demo/screenshottour.h"
#include "app/guiapp.h"
#include "app/interrupthandler.h"
#include "model/core/appsettings.h"
#include "model/core/translation.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/style/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

#include <memory>
#include <sys/resource.h>

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

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {32, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/chorus-%1.png").arg(size), QSize(size, size));
    return icon;
}

// Every host holds a connection open, so the default soft limit (often 1,024, or 256) would end a
// large run early; raise it to the hard limit, as servers do. The engine keeps its connections within
// what the limit allows (WorkerPool::connectionBudget).
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    raiseDescriptorLimit();
    // Every application object made below, the subcommands' too, speaks the chosen language.
    Translation::installOnStartup();
    // Subcommands work without a display and own their options and exit statuses.
    if (argc > 1) {
        const QByteArray command(argv[1]);
        // One line per subcommand: if (command == "name") return NameCli::main(argc, argv);
        if (command == "run") return RunCli::main(argc, argv);
        if (command == "hosts") return HostsCli::main(argc, argv);
        if (command == "history") return HistoryCli::main(argc, argv);
        if (command == "config") return ConfigCli::main(argc, argv);
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
    Command::describe(app.get());

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

    // Ctrl+C, kill or a closed terminal close the windows the normal way, so the window layout is
    // saved and the demo fleet is stopped by its destructor.
    InterruptHandler interrupts;
    GuiApp gui(&interrupts);
    MainWindow &window = *gui.window();
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
