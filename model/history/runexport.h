#pragma once

#include "model/core/result.h"
#include "model/history/runhistory.h"

#include <QList>
#include <QString>

namespace Chorus {

class RunSession;

// Writes a finished run out of the program: to a folder of HOST.out / HOST.err / HOST.exit files
// (the layout of `chorus run -o` and `pssh -o/-e`), to JSON Lines (one object per host, the objects
// `chorus run --json` prints) or to a CSV summary (one row per host). Every file is written to a
// temporary name and renamed when complete, so a failed export leaves no half-written file.
//
// The output is what the run kept: a host's stream beyond the run's output limit was not kept,
// and the export says so (truncatedHosts) rather than writing a shorter file silently.
class RunExport
{
public:
    enum class Format
    {
        Folder,
        Json,
        Csv,
    };

    explicit RunExport(const QList<RunHistory::HostRecord> &hosts);
    static RunExport fromSession(const RunSession &session);

    // HOST.exit's content: the exit status, "signal NAME" or "error: SENTENCE", and a newline.
    static QByteArray exitFileText(const HostResult &result);

    Result<void> write(Format format, const QString &path) const;
    Result<void> toFolder(const QString &dir) const;
    Result<void> toJson(const QString &file) const;
    Result<void> toCsv(const QString &file) const;

    QByteArray json() const;
    QByteArray csv() const;
    // Names of the hosts whose kept output is shorter than what they sent.
    QStringList truncatedHosts() const;

    // Writes data to path whole or not at all (a temporary file renamed when complete).
    static Result<void> save(const QString &path, const QByteArray &data);

private:

    QList<RunHistory::HostRecord> m_hosts;
};

} // namespace Chorus
