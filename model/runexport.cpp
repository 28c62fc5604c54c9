#include "runexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QSet>

#include "resultjson.h"
#include "runsession.h"

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

QString RunExport::fileStem(const QString &hostName)
{
    QString stem = hostName;
    for (QChar &c : stem) {
        if (c == u'/' || c == u'\0')
            c = u'_';
    }
    return stem == u"." || stem == u".." ? u'_' + stem : stem;
}

QByteArray RunExport::exitFileText(const HostResult &result)
{
    if (result.hasExitStatus())
        return QByteArray::number(result.exitStatus) + '\n';
    if (!result.exitSignal.isEmpty())
        return "signal " + result.exitSignal.toLatin1() + '\n';
    return "error: " + result.error.toUtf8() + '\n';
}

bool RunExport::write(Format format, const QString &path, QString *error) const
{
    switch (format) {
    case Format::Folder:
        return toFolder(path, error);
    case Format::Json:
        return toJson(path, error);
    case Format::Csv:
        return toCsv(path, error);
    }
    return false;
}

bool RunExport::save(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("RunExport", "Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool RunExport::toFolder(const QString &dir, QString *error) const
{
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QCoreApplication::translate("RunExport", "Cannot create the folder %1")
                         .arg(QDir::toNativeSeparators(dir));
        return false;
    }
    // Two hosts whose names make the same file would overwrite each other's output.
    QSet<QString> stems;
    for (const RunHistory::HostRecord &host : m_hosts) {
        if (stems.contains(fileStem(host.name))) {
            if (error)
                *error = QCoreApplication::translate("RunExport", "Two hosts would write the same files %1.*")
                             .arg(fileStem(host.name));
            return false;
        }
        stems.insert(fileStem(host.name));
    }
    const QDir folder(dir);
    for (const RunHistory::HostRecord &host : m_hosts) {
        const QString stem = folder.filePath(fileStem(host.name));
        if (!save(stem + QStringLiteral(".out"), host.result.stdoutData, error)
            || !save(stem + QStringLiteral(".err"), host.result.stderrData, error)
            || !save(stem + QStringLiteral(".exit"), exitFileText(host.result), error))
            return false;
    }
    return true;
}

QByteArray RunExport::json() const
{
    QByteArray out;
    for (const RunHistory::HostRecord &host : m_hosts)
        out += ResultJson::hostLine(host.name.toUtf8(), host.result);
    return out;
}

bool RunExport::toJson(const QString &file, QString *error) const
{
    return save(file, json(), error);
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
                                                                                            : ResultJson::ending(r)),
        };
        out += fields.join(',') + "\r\n";
    }
    return out;
}

bool RunExport::toCsv(const QString &file, QString *error) const
{
    return save(file, csv(), error);
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
