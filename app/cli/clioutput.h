#pragma once

#include <QByteArray>
#include <QString>

namespace Chorus {

// Small pieces the subcommands share for what they print (RunCli, TransferCli).
class CliOutput
{
public:
    // "\r" and erase to the end of the line: takes a progress line off the terminal.
    static QByteArray clearLine();
    // Writes everything to a file descriptor, unbuffered, going on after EINTR; a pipe closed on the
    // other side is given up silently.
    // False when the other side is gone.
    static bool writeAll(int fd, const QByteArray &data);
    // Makes the folder if need be and checks that files can be written in it: found out before
    // connecting to a thousand hosts rather than after. False with the reason in *error.
    static bool makeWritableFolder(const QString &dir, QString *error);
    // A value named in an error message, in double quotes, so an empty or spaced value shows.
    static QString quoted(const QString &text);
};

} // namespace Chorus
