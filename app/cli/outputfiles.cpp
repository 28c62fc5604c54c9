#include "app/cli/outputfiles.h"

#include "model/core/hosttarget.h"
#include "model/history/runexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>

namespace Chorus {

Result<void> OutputFiles::open(const QString &dir, const QStringList &hostNames)
{
    if (!QDir().mkpath(dir)) {
        return fail(Error::Kind::Io, QCoreApplication::translate("OutputFiles", "cannot create the folder %1")
                                         .arg(QDir::toNativeSeparators(dir)));
    }
    QSet<QString> stems;
    m_hosts = std::vector<Host>(size_t(hostNames.size()));
    for (qsizetype i = 0; i < hostNames.size(); ++i) {
        const QString stem = hostFileStem(hostNames.at(i));
        if (stems.contains(stem)) {
            return fail(Error::Kind::Conflict,
                        QCoreApplication::translate("OutputFiles", "two hosts would write the same files %1.*")
                            .arg(QDir(dir).filePath(stem)));
        }
        stems.insert(stem);
        m_hosts[size_t(i)].stem = QDir(dir).filePath(stem);
    }
    m_dir = dir;
    return {};
}

Result<void> OutputFiles::failed(Host &host, const QFile &file)
{
    host.failed = true;
    return fail(Error::Kind::Io, QCoreApplication::translate("OutputFiles", "%1: %2")
                                     .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
}

Result<void> OutputFiles::ensureOpen(Host &host, int stream)
{
    if (host.streams[stream])
        return {};
    host.streams[stream] = std::make_unique<QFile>(host.stem + (stream ? QStringLiteral(".err") : QStringLiteral(".out")));
    if (!host.streams[stream]->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return failed(host, *host.streams[stream]);
    return {};
}

Result<void> OutputFiles::append(int index, bool isStderr, QByteArrayView data)
{
    if (index < 0 || size_t(index) >= m_hosts.size() || data.isEmpty())
        return {};
    Host &host = m_hosts[size_t(index)];
    if (host.failed)
        return {};
    const int stream = isStderr ? 1 : 0;
    if (Result<void> opened = ensureOpen(host, stream); !opened)
        return opened;
    if (host.streams[stream]->write(data.data(), data.size()) != data.size())
        return failed(host, *host.streams[stream]);
    return {};
}

Result<void> OutputFiles::finish(int index, const HostResult &result)
{
    if (index < 0 || size_t(index) >= m_hosts.size())
        return {};
    Host &host = m_hosts[size_t(index)];
    if (host.failed)
        return {};
    for (int stream : {0, 1}) {
        if (Result<void> opened = ensureOpen(host, stream); !opened)
            return opened;
        host.streams[stream]->close();
    }
    QFile exit(host.stem + QStringLiteral(".exit"));
    const QByteArray text = RunExport::exitFileText(result);
    if (!exit.open(QIODevice::WriteOnly | QIODevice::Truncate) || exit.write(text) != text.size())
        return failed(host, exit);
    return {};
}

} // namespace Chorus
