#include <QApplication>
#include <QCommandLineParser>

#include <memory>

#include "mainwindow.h"

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
    app.setApplicationName(QStringLiteral("chorus"));
    app.setApplicationVersion(QStringLiteral(CHORUS_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (wantsGui(argc, argv)) {
        app = std::make_unique<QApplication>(argc, argv);
        QApplication::setApplicationDisplayName(QStringLiteral("Chorus"));
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    describe(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Run one command on many hosts over SSH and compare the answers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(*app);

    MainWindow window;
    window.show();
    return app->exec();
}
