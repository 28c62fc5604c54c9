#pragma once

#include "model/core/hostresult.h"
#include "model/core/result.h"

#include <QByteArrayView>
#include <QFile>
#include <QStringList>

#include <memory>
#include <vector>

namespace Chorus {

// `chorus run -o DIR`: every byte each host sends, in DIR/HOST.out and DIR/HOST.err as it is delivered,
// and DIR/HOST.exit when the host ends: the layout of pssh -o/-e and of an exported run (RunExport),
// byte for byte. Every host gets its three files, one that never ran its command too. The engine writes
// no files; the command line does, here, on its own thread.
class OutputFiles
{
public:
    // Makes the folder and checks that no two hosts would write the same files. Nothing is written yet.
    Result<void> open(const QString &dir, const QStringList &hostNames);
    bool isOpen() const { return !m_dir.isEmpty(); }
    // Appends to HOST.out or HOST.err. After a failure (disk full) that host's files are left as they
    // are and the error is returned once.
    Result<void> append(int host, bool isStderr, QByteArrayView data);
    // Creates whichever of HOST.out/.err does not exist yet and writes HOST.exit.
    Result<void> finish(int host, const HostResult &result);

private:
    struct Host
    {
        QString stem;
        std::unique_ptr<QFile> streams[2]; // stdout, stderr
        bool failed = false;
    };
    Result<void> ensureOpen(Host &host, int stream);
    Result<void> failed(Host &host, const QFile &file);

    QString m_dir;
    std::vector<Host> m_hosts;
};

} // namespace Chorus
