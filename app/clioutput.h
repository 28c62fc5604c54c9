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
    static void writeAll(int fd, const QByteArray &data);
    // A value named in an error message, in double quotes, so an empty or spaced value shows.
    static QString quoted(const QString &text);
};

} // namespace Chorus
