#pragma once

#include <QList>
#include <QString>

#include "runhistory.h"

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

    // The file name stem of a host in a folder: its name with '/' and NUL made '_'.
    static QString fileStem(const QString &hostName);
    // HOST.exit's content: the exit status, "signal NAME" or "error: SENTENCE", and a newline.
    static QByteArray exitFileText(const HostResult &result);

    bool write(Format format, const QString &path, QString *error) const;
    bool toFolder(const QString &dir, QString *error) const;
    bool toJson(const QString &file, QString *error) const;
    bool toCsv(const QString &file, QString *error) const;

    QByteArray json() const;
    QByteArray csv() const;
    // Names of the hosts whose kept output is shorter than what they sent.
    QStringList truncatedHosts() const;

private:
    static bool save(const QString &path, const QByteArray &data, QString *error);

    QList<RunHistory::HostRecord> m_hosts;
};

} // namespace Chorus
