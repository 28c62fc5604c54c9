#include "app/cli/clioutput.h"

#include "model/core/printable.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <unistd.h>

namespace Chorus {

QByteArray CliOutput::clearLine()
{
    return QByteArrayLiteral("\r\033[K");
}

bool CliOutput::writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool CliOutput::makeWritableFolder(const QString &dir, QString *error)
{
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir()) {
        *error = QCoreApplication::translate("CliOutput", "%1 is not a directory").arg(quoted(dir));
        return false;
    }
    if (!QDir().mkpath(dir)) {
        *error = QCoreApplication::translate("CliOutput", "cannot create the directory %1").arg(quoted(dir));
        return false;
    }
    QTemporaryFile probe(QDir(dir).filePath(QStringLiteral(".chorus-write-test-XXXXXX")));
    if (!probe.open()) {
        *error = QCoreApplication::translate("CliOutput", "cannot write in %1: %2").arg(quoted(dir), probe.errorString());
        return false;
    }
    return true;
}

// Input quoted back in a message: at most 200 characters of it, control characters made visible,
// so a 10 MB line never comes back whole and nothing in it moves the terminal.
QString CliOutput::quoted(const QString &text)
{
    return u'"' + printable(text) + u'"';
}

} // namespace Chorus
