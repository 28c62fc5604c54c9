#include "clioutput.h"

#include <cerrno>
#include <unistd.h>

namespace Chorus {

QByteArray CliOutput::clearLine()
{
    return QByteArrayLiteral("\r\033[K");
}

void CliOutput::writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}

QString CliOutput::quoted(const QString &text)
{
    return u'"' + text + u'"';
}

} // namespace Chorus
