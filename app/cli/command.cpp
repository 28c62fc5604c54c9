#include "app/cli/command.h"

#include <QCoreApplication>

namespace Chorus {

void Command::describe(QCoreApplication *app)
{
    app->setOrganizationName(QStringLiteral("chorus"));
    app->setApplicationName(QStringLiteral("chorus"));
    app->setApplicationVersion(QStringLiteral(CHORUS_VERSION));
}

QStringList Command::subcommandArguments()
{
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1)
        arguments.removeAt(1);
    return arguments;
}

} // namespace Chorus
