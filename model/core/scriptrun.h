#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Chorus {

// A local script run on hosts without copying it there: the command is the script's interpreter
// reading from stdin (`bash -s -- ARGS` by default, or its #! line's, with "-" for interpreters
// that are not shells), and the script's bytes are every host's input. Shared by `chorus run
// --script` and the window's Run Script.
struct ScriptRun
{
    // Every host needs all of it, so it is held in memory: as much as `chorus run` buffers.
    static constexpr qint64 MaxBytes = 64 * 1024 * 1024;

    QString path;
    QString command;   // what each host runs
    QByteArray content; // what each host's command reads on stdin

    // Reads the script (at most maxBytes) and works out its command; nullopt with *error naming
    // the file and what was wrong.
    static std::optional<ScriptRun> load(const QString &path, const QStringList &arguments, qint64 maxBytes,
                                         QString *error);

    // How the run is written down in the history and titles: "bash -s -- 'x' < /path/deploy.sh",
    // what it is in shell terms. The path goes with it separately, so a rerun reads the local file
    // again rather than running the text.
    static QString recordedCommand(const QString &command, const QString &path);
    // The host command of a recorded run again; nullopt if `recorded` is not recordedCommand()'s.
    static std::optional<QString> commandFromRecord(const QString &recorded, const QString &path);
};

} // namespace Chorus
