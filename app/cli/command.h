#pragma once

#include <QStringList>

class QCoreApplication;

namespace Chorus {

// What every part of the program starts with (after KeePassXC's cli/Command): the application object
// named the same way for the window and every subcommand, so all of them find the same settings, host
// profiles and run history.
class Command
{
public:
    // Settings then live in ~/.config/chorus/chorus.conf; `--demo` moves them aside.
    static void describe(QCoreApplication *app);
    // The arguments as a subcommand's own parser wants them, "chorus OPTIONS ARGS": the subcommand's
    // name is taken out, since the first word that is not an option starts the positional arguments.
    static QStringList subcommandArguments();
};

} // namespace Chorus
