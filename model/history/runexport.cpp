#include "model/history/runexport.h"

#include "model/history/resultjson.h"
#include "model/session/runsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QSet>

namespace Chorus {

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r'))
        utf8 = '"' + utf8.replace("\"", "\"\"") + '"';
    return utf8;
}

QByteArray csvMs(qint64 us)
{
    return us < 0 ? QByteArray() : QByteArray::number(double(us) / 1000.0, 'f', 3);
}

} // namespace

RunExport::RunExport(const QList<RunHistory::HostRecord> &hosts)
    : m_hosts(hosts)
{
}

RunExport RunExport::fromSession(const RunSession &session)
{
    QList<RunHistory::HostRecord> hosts;
    for (int i = 0; i < session.hostCount(); ++i)
        hosts += RunHistory::HostRecord{session.hostName(i), session.target(i).address(), session.result(i)};
    return RunExport(hosts);
}


QByteArray RunExport::exitFileText(const HostResult &result)
{
    if (result.hasExitStatus())
        return QByteArray::number(result.exitStatus) + '\n';
    if (!result.exitSignal.isEmpty())
        return "signal " + result.exitSignal.toLatin1() + '\n';
    return "error: " + result.endingText().toUtf8() + '\n';
}

Result<void> RunExport::write(Format format, const QString &path) const
{
    switch (format) {
    case Format::Folder:
        return toFolder(path);
    case Format::Json:
        return toJson(path);
    case Format::Csv:
        return toCsv(path);
    }
    return fail(Error::Kind::BadInput, QString());
}

Result<void> RunExport::save(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        return fail(Error::Kind::Io, QCoreApplication::translate("RunExport", "Cannot write %1: %2")
                                         .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return {};
}

Result<void> RunExport::toFolder(const QString &dir) const
{
    if (!QDir().mkpath(dir)) {
        return fail(Error::Kind::Io, QCoreApplication::translate("RunExport", "Cannot create the folder %1")
                                         .arg(QDir::toNativeSeparators(dir)));
    }
    // Two hosts whose names make the same file would overwrite each other's output.
    QSet<QString> stems;
    for (const RunHistory::HostRecord &host : m_hosts) {
        if (stems.contains(hostFileStem(host.name))) {
            return fail(Error::Kind::Conflict,
                        QCoreApplication::translate("RunExport", "Two hosts would write the same files %1.*")
                            .arg(hostFileStem(host.name)));
        }
        stems.insert(hostFileStem(host.name));
    }
    const QDir folder(dir);
    for (const RunHistory::HostRecord &host : m_hosts) {
        const QString stem = folder.filePath(hostFileStem(host.name));
        for (const auto &[suffix, data] : {std::pair{QStringLiteral(".out"), host.result.stdoutData},
                                           std::pair{QStringLiteral(".err"), host.result.stderrData},
                                           std::pair{QStringLiteral(".exit"), exitFileText(host.result)}}) {
            if (Result<void> saved = save(stem + suffix, data); !saved)
                return saved;
        }
    }
    return {};
}

QByteArray RunExport::json() const
{
    QByteArray out;
    for (const RunHistory::HostRecord &host : m_hosts)
        out += ResultJson::hostLine(host.name.toUtf8(), host.result);
    return out;
}

Result<void> RunExport::toJson(const QString &file) const
{
    return save(file, json());
}

QByteArray RunExport::csv() const
{
    QByteArray out = "host,address,outcome,exit_status,signal,duration_ms,connect_ms,stdout_bytes,stderr_bytes,"
                     "truncated,error\r\n";
    for (const RunHistory::HostRecord &host : m_hosts) {
        const HostResult &r = host.result;
        const qint64 connected = r.times.authenticated >= 0 && r.times.started >= 0
                                     ? r.times.authenticated - r.times.started
                                     : -1;
        const QList<QByteArray> fields{
            csvField(host.name),
            csvField(host.address),
            csvField(hostOutcomeName(r.outcome)),
            r.hasExitStatus() ? QByteArray::number(r.exitStatus) : QByteArray(),
            csvField(r.exitSignal),
            csvMs(r.durationUs()),
            csvMs(connected),
            QByteArray::number(r.stdoutBytes),
            QByteArray::number(r.stderrBytes),
            r.truncated() ? "true" : "false",
            csvField(r.outcome == HostOutcome::Ok || r.outcome == HostOutcome::NonZeroExit ? QString()
                                                                                            : r.endingText()),
        };
        out += fields.join(',') + "\r\n";
    }
    return out;
}

Result<void> RunExport::toCsv(const QString &file) const
{
    return save(file, csv());
}

QStringList RunExport::truncatedHosts() const
{
    QStringList names;
    for (const RunHistory::HostRecord &host : m_hosts) {
        if (host.result.truncated())
            names += host.name;
    }
    return names;
}

} // namespace Chorus
