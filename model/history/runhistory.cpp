#include "model/history/runhistory.h"

#include "model/core/modellog.h"
#include "model/core/scriptrun.h"
#include "model/core/setaside.h"
#include "model/session/runsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>

namespace Chorus {

namespace {

// The codes stored for outcomes: fixed here, so renaming what people are shown does not change files.
struct OutcomeCode
{
    HostOutcome outcome;
    const char16_t *code;
};
constexpr OutcomeCode OutcomeCodes[] = {
    {HostOutcome::Ok, u"ok"},
    {HostOutcome::NonZeroExit, u"nonzero"},
    {HostOutcome::Failed, u"failed"},
    {HostOutcome::TimedOut, u"timedout"},
    {HostOutcome::Cancelled, u"cancelled"},
};

QString outcomeCode(HostOutcome outcome)
{
    for (const OutcomeCode &c : OutcomeCodes) {
        if (c.outcome == outcome)
            return QString::fromUtf16(c.code);
    }
    return QStringLiteral("failed");
}

HostOutcome outcomeFromCode(const QString &code)
{
    for (const OutcomeCode &c : OutcomeCodes) {
        if (code == QStringView(c.code))
            return c.outcome;
    }
    return HostOutcome::Failed;
}

// The phase timestamps as one text column: they are only ever read together.
QString phasesText(const PhaseTimes &t)
{
    // Appended fields only: a row written before them reads them as not reached.
    const qint64 values[] = {t.started,        t.resolved,      t.tcpConnected,  t.kexDone,
                             t.hostKeyChecked, t.authenticated, t.channelOpened, t.execStarted,
                             t.firstByte,      t.exited,        t.finished,      t.jumpReady,
                             t.tunnelOpened};
    QStringList parts;
    for (const qint64 v : values)
        parts += QString::number(v);
    return parts.join(u',');
}

PhaseTimes phasesFromText(const QString &text)
{
    PhaseTimes t;
    qint64 *fields[] = {&t.started,        &t.resolved,      &t.tcpConnected,  &t.kexDone,
                        &t.hostKeyChecked, &t.authenticated, &t.channelOpened, &t.execStarted,
                        &t.firstByte,      &t.exited,        &t.finished,      &t.jumpReady,
                        &t.tunnelOpened};
    const QStringList parts = text.split(u',');
    for (qsizetype i = 0; i < parts.size() && i < qsizetype(std::size(fields)); ++i) {
        bool ok = false;
        const qint64 v = parts.at(i).toLongLong(&ok);
        *fields[i] = ok ? v : -1;
    }
    return t;
}

QByteArray pack(const QByteArray &data)
{
    return data.isEmpty() ? QByteArray("") : qCompress(data, 6);
}

QByteArray unpack(const QByteArray &blob)
{
    return blob.isEmpty() ? QByteArray() : qUncompress(blob);
}

const char16_t *const CreateRuns = u"CREATE TABLE runs ("
                                   "id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                   "command TEXT NOT NULL,"
                                   "started_ms INTEGER NOT NULL," // UTC, ms since the epoch
                                   "duration_ms INTEGER NOT NULL,"
                                   "script TEXT NOT NULL DEFAULT '')";

const char16_t *const CreateHosts2 = u"CREATE TABLE %1 ("
                                     "run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                                     "position INTEGER NOT NULL,"
                                     "name TEXT NOT NULL,"
                                     "address TEXT NOT NULL,"
                                     "outcome TEXT NOT NULL,"
                                     "failure INTEGER NOT NULL DEFAULT 0,"
                                     "exit_status INTEGER NOT NULL DEFAULT -1,"
                                     "exit_signal TEXT NOT NULL DEFAULT '',"
                                     "core_dumped INTEGER NOT NULL DEFAULT 0,"
                                     "error TEXT NOT NULL DEFAULT '',"
                                     "phases TEXT NOT NULL DEFAULT '',"
                                     "reused_connection INTEGER NOT NULL DEFAULT 0,"
                                     "stdout_z BLOB NOT NULL,"
                                     "stderr_z BLOB NOT NULL,"
                                     "stdout_bytes INTEGER NOT NULL,"
                                     "stderr_bytes INTEGER NOT NULL,"
                                     "PRIMARY KEY (run_id, position))";

const char16_t *const HostColumns =
    u"name, address, outcome, failure, exit_status, exit_signal, core_dumped, "
    "error, phases, reused_connection, stdout_z, stderr_z, stdout_bytes, "
    "stderr_bytes";

RunHistory::HostRecord hostFromQuery(const QSqlQuery &q, int first = 0)
{
    RunHistory::HostRecord h;
    h.name = q.value(first).toString();
    h.address = q.value(first + 1).toString();
    HostResult &r = h.result;
    r.outcome = outcomeFromCode(q.value(first + 2).toString());
    r.failure = FailureKind(q.value(first + 3).toInt());
    r.exitStatus = q.value(first + 4).toInt();
    r.exitSignal = q.value(first + 5).toString();
    r.coreDumped = q.value(first + 6).toBool();
    r.error = q.value(first + 7).toString();
    r.times = phasesFromText(q.value(first + 8).toString());
    r.reusedConnection = q.value(first + 9).toBool();
    r.stdoutData = unpack(q.value(first + 10).toByteArray());
    r.stderrData = unpack(q.value(first + 11).toByteArray());
    r.stdoutBytes = q.value(first + 12).toLongLong();
    r.stderrBytes = q.value(first + 13).toLongLong();
    return h;
}

std::atomic<int> g_connections{0};

enum class Health
{
    Good,
    Corrupt,     // SQLite says the file is damaged or not a database: set it aside
    Unavailable, // locked, unreadable...: not the file's fault, so it is left alone
};

bool isCorruption(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff; // the primary code of an extended one
    return ok && (code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */);
}

// quick_check reads every page, so a file cut short is caught here and not in the middle of a run.
Health checkHealth(const QSqlDatabase &db, QString *why, int *version)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        *why = q.lastError().databaseText();
        return isCorruption(q.lastError()) ? Health::Corrupt : Health::Unavailable;
    }
    QStringList problems;
    while (q.next())
        problems += q.value(0).toString();
    if (problems != QStringList{QStringLiteral("ok")}) {
        *why = problems.mid(0, 3).join(QStringLiteral("; "));
        return Health::Corrupt;
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *why = q.lastError().databaseText();
        return isCorruption(q.lastError()) ? Health::Corrupt : Health::Unavailable;
    }
    *version = q.value(0).toInt();
    return Health::Good;
}

// A null QString binds as SQL NULL, which the NOT NULL text columns refuse.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

RunHistory::RunHistory(const QString &path)
    : m_path(path), m_connection(QStringLiteral("chorus-history-%1").arg(++g_connections))
{}

RunHistory::~RunHistory()
{
    close();
}

QString RunHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history.sqlite");
}

bool RunHistory::parseOutcome(const QString &text, HostOutcome *outcome)
{
    QString key = text.trimmed().toLower();
    key.remove(u'-');
    key.remove(u'_');
    key.remove(u' ');
    static const struct
    {
        const char16_t *word;
        HostOutcome outcome;
    } words[] = {
        {u"ok", HostOutcome::Ok},
        {u"nonzero", HostOutcome::NonZeroExit},
        {u"nonzeroexit", HostOutcome::NonZeroExit},
        {u"failed", HostOutcome::Failed},
        {u"timedout", HostOutcome::TimedOut},
        {u"timeout", HostOutcome::TimedOut},
        {u"cancelled", HostOutcome::Cancelled},
        {u"canceled", HostOutcome::Cancelled},
    };
    for (const auto &w : words) {
        if (key == QStringView(w.word)) {
            *outcome = w.outcome;
            return true;
        }
    }
    return false;
}

bool RunHistory::fail(const QString &what, const QString &why) const
{
    m_lastError = what + QStringLiteral(": ") + why;
    qCWarning(lcModel).noquote() << "history:" << m_lastError;
    return false;
}

void RunHistory::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_open = false;
}

RunHistory::OpenResult RunHistory::open(QString *notice)
{
    close();
    m_lastError.clear();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool existed = QFileInfo(m_path).exists() && QFileInfo(m_path).size() > 0;
    bool setAside = false;
    QString message;

    auto connect = [this] {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        // The GUI and `chorus history` may use the file at the same time.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        return db.open();
    };

    if (!connect()) {
        const QString why = QSqlDatabase::database(m_connection, false).lastError().text();
        close();
        message = QStringLiteral("The run history %1 could not be opened: %2. Runs are not recorded.")
                      .arg(QDir::toNativeSeparators(m_path), why);
        fail(QStringLiteral("open"), why);
        if (notice)
            *notice = message;
        return OpenResult::Failed;
    }

    QString why;
    int version = 0;
    if (existed) {
        const Health health = checkHealth(QSqlDatabase::database(m_connection), &why, &version);
        if (health == Health::Unavailable) {
            close();
            message =
                QStringLiteral("The run history %1 could not be read (%2); it is left as it is and runs "
                               "are not recorded.")
                    .arg(QDir::toNativeSeparators(m_path), why);
            m_lastError = message;
            qCWarning(lcModel).noquote() << message;
            if (notice)
                *notice = message;
            return OpenResult::Failed;
        }
        if (health == Health::Corrupt) {
            close();
            const QString aside = setAsideName(m_path, QStringLiteral("corrupt"));
            message = QStringLiteral("The run history %1 could not be read (%2). ")
                          .arg(QDir::toNativeSeparators(m_path), why);
            if (!QFile::rename(m_path, aside)) {
                message +=
                    QStringLiteral("It could not be moved aside either, so runs are not recorded until "
                                   "the file is moved or deleted.");
                qCWarning(lcModel).noquote() << message;
                m_lastError = message;
                if (notice)
                    *notice = message;
                return OpenResult::Failed;
            }
            QFile::rename(m_path + QStringLiteral("-journal"), aside + QStringLiteral("-journal"));
            message += QStringLiteral("It was kept unchanged as %1 and a new, empty history was started.")
                           .arg(QDir::toNativeSeparators(aside));
            qCWarning(lcModel).noquote() << message;
            if (notice)
                *notice = message;
            setAside = true;
            if (!connect()) {
                fail(QStringLiteral("open"), QSqlDatabase::database(m_connection, false).lastError().text());
                close();
                return OpenResult::Failed;
            }
        }
    }

    if (version > SchemaVersion) {
        close();
        message =
            QStringLiteral("The run history %1 was written by a newer version of Chorus (schema %2); it "
                           "is left as it is and runs are not recorded.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(version);
        m_lastError = message;
        qCWarning(lcModel).noquote() << message;
        if (notice)
            *notice = message;
        return OpenResult::Failed;
    }

    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    OpenResult result = OpenResult::Opened;
    if (version == 0) {
        if (!createSchema()) {
            close();
            return OpenResult::Failed;
        }
        result = setAside ? OpenResult::SetAside : OpenResult::Created;
    } else if (version < SchemaVersion) {
        if ((version == 1 && !migrateFrom1()) || !migrateFrom2()) {
            message =
                QStringLiteral("The run history %1 could not be brought up to date: %2. It is left as it "
                               "is and runs are not recorded.")
                    .arg(QDir::toNativeSeparators(m_path), m_lastError);
            m_lastError = message;
            if (notice)
                *notice = message;
            close();
            return OpenResult::Failed;
        }
        result = OpenResult::Migrated;
    }
    m_open = true;
    return result;
}

bool RunHistory::createSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    db.transaction();
    const QString statements[] = {
        QString::fromUtf16(CreateRuns),
        QString::fromUtf16(CreateHosts2).arg(QStringLiteral("hosts")),
        QStringLiteral("CREATE INDEX runs_started ON runs(started_ms)"),
        QStringLiteral("CREATE INDEX hosts_name ON hosts(name)"),
        QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion),
    };
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            db.rollback();
            return fail(QStringLiteral("create"), q.lastError().text());
        }
    }
    return db.commit() || fail(QStringLiteral("create"), db.lastError().text());
}

// Version 1 kept each host's output raw and whole, without byte counts, failure kind, core dump or
// connection reuse. Its output is compressed into the new table as it is (not cut to the cap: it was
// never cut), with the byte counts set to what was kept.
bool RunHistory::migrateFrom1()
{
    QElapsedTimer clock;
    clock.start();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    auto failed = [&](const QSqlQuery &query) {
        const QString why = query.lastError().text();
        db.rollback();
        return fail(QStringLiteral("migrate from version 1"), why);
    };
    if (!q.exec(QString::fromUtf16(CreateHosts2).arg(QStringLiteral("hosts_2"))))
        return failed(q);
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO hosts_2 (run_id, position, name, address, outcome, "
                                       "exit_status, exit_signal, error, phases, stdout_z, stderr_z, "
                                       "stdout_bytes, stderr_bytes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")))
        return failed(insert);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT run_id, position, name, address, outcome, exit_status, exit_signal, "
                               "error, phases, stdout, stderr FROM hosts")))
        return failed(q);
    int rows = 0;
    while (q.next()) {
        const QByteArray out = q.value(9).toByteArray();
        const QByteArray err = q.value(10).toByteArray();
        const QVariant values[] = {q.value(0),
                                   q.value(1),
                                   q.value(2),
                                   q.value(3),
                                   q.value(4),
                                   q.value(5).isNull() ? QVariant(-1) : q.value(5),
                                   text(q.value(6).toString()),
                                   text(q.value(7).toString()),
                                   text(q.value(8).toString()),
                                   pack(out),
                                   pack(err),
                                   qint64(out.size()),
                                   qint64(err.size())};
        for (int i = 0; i < int(std::size(values)); ++i)
            insert.bindValue(i, values[i]);
        if (!insert.exec())
            return failed(insert);
        ++rows;
    }
    q.finish();
    const QString statements[] = {
        QStringLiteral("DROP TABLE hosts"),
        QStringLiteral("ALTER TABLE hosts_2 RENAME TO hosts"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS runs_started ON runs(started_ms)"),
        QStringLiteral("CREATE INDEX hosts_name ON hosts(name)"),
        QStringLiteral("PRAGMA user_version = 2"),
    };
    for (const QString &sql : statements) {
        if (!q.exec(sql))
            return failed(q);
    }
    if (!db.commit())
        return fail(QStringLiteral("migrate from version 1"), db.lastError().text());
    qCInfo(lcModel) << "history: migrated" << rows << "host results from version 1 in" << clock.elapsed()
                    << "ms";
    return true;
}

// Version 2 had no script column: every run in it was a command.
bool RunHistory::migrateFrom2()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    for (const QString &sql : {QStringLiteral("ALTER TABLE runs ADD COLUMN script TEXT NOT NULL DEFAULT ''"),
                               QStringLiteral("PRAGMA user_version = 3")}) {
        if (!q.exec(sql)) {
            const QString why = q.lastError().text();
            db.rollback();
            return fail(QStringLiteral("migrate from version 2"), why);
        }
    }
    return db.commit() || fail(QStringLiteral("migrate from version 2"), db.lastError().text());
}

void RunHistory::setRetention(int maxAgeDays, int maxRuns)
{
    m_maxAgeDays = qMax(0, maxAgeDays);
    m_maxRuns = qMax(0, maxRuns);
}

qint64 RunHistory::addRun(const QString &command, const QDateTime &started, qint64 durationMs,
                          const QList<HostTarget> &hosts, const QList<HostResult> &results, const QString &script)
{
    if (!m_open) {
        fail(QStringLiteral("add run"), QStringLiteral("the history is not open"));
        return 0;
    }
    QElapsedTimer clock;
    clock.start();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        fail(QStringLiteral("add run"), db.lastError().text());
        return 0;
    }
    auto failed = [&](const QSqlQuery &query) {
        const QString why = query.lastError().text();
        db.rollback();
        fail(QStringLiteral("add run"), why);
        return qint64(0);
    };
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO runs (command, started_ms, duration_ms, script) VALUES (?,?,?,?)"));
    q.addBindValue(text(command));
    q.addBindValue(started.toMSecsSinceEpoch());
    q.addBindValue(durationMs);
    q.addBindValue(text(script));
    if (!q.exec())
        return failed(q);
    const qint64 id = q.lastInsertId().toLongLong();

    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO hosts (run_id, position, %1) VALUES "
                                       "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                            .arg(QString::fromUtf16(HostColumns))))
        return failed(insert);
    const qsizetype count = qMin(hosts.size(), results.size());
    auto capped = [this](const QByteArray &data) {
        return m_outputCap > 0 && data.size() > m_outputCap ? data.first(m_outputCap) : data;
    };
    for (qsizetype i = 0; i < count; ++i) {
        const HostTarget &t = hosts.at(i);
        const HostResult &r = results.at(i);
        const QVariant values[] = {
            id,
            qint64(i),
            text(t.name.isEmpty() ? t.address() : t.name),
            text(t.address()),
            outcomeCode(r.outcome),
            int(r.failure),
            r.exitStatus,
            text(r.exitSignal),
            r.coreDumped,
            text(r.error),
            phasesText(r.times),
            r.reusedConnection,
            pack(capped(r.stdoutData)),
            pack(capped(r.stderrData)),
            // What the host sent, so a cut made here or by the engine shows as truncation.
            qMax(r.stdoutBytes, qint64(r.stdoutData.size())),
            qMax(r.stderrBytes, qint64(r.stderrData.size())),
        };
        for (int v = 0; v < int(std::size(values)); ++v)
            insert.bindValue(v, values[v]);
        if (!insert.exec())
            return failed(insert);
    }
    if (!db.commit()) {
        fail(QStringLiteral("add run"), db.lastError().text());
        db.rollback();
        return 0;
    }
    qCDebug(lcModel) << "history: stored run" << id << "with" << count << "hosts in" << clock.elapsed()
                     << "ms";
    if (m_maxAgeDays > 0 || m_maxRuns > 0)
        prune(m_maxAgeDays, m_maxRuns);
    return id;
}

qint64 RunHistory::addRun(const RunSession &session)
{
    QList<HostTarget> hosts;
    QList<HostResult> results;
    for (int i = 0; i < session.hostCount(); ++i) {
        HostTarget target = session.target(i);
        target.name = session.hostName(i);
        hosts += target;
        results += session.result(i);
    }
    const qint64 elapsed = session.elapsedMs();
    const RunRequest &request = session.request();
    const QString command =
        request.script.isEmpty() ? request.command : ScriptRun::recordedCommand(request.command, request.script);
    return addRun(command, QDateTime::currentDateTime().addMSecs(-elapsed), elapsed, hosts, results, request.script);
}

QList<RunHistory::RunSummary> RunHistory::runs() const
{
    return runs(Filter());
}

QList<RunHistory::RunSummary> RunHistory::runs(const Filter &filter) const
{
    QList<RunSummary> list;
    if (!m_open)
        return list;
    QStringList where;
    QVariantList values;
    if (!filter.command.isEmpty()) {
        QString pattern = filter.command;
        pattern.replace(u'\\', QStringLiteral("\\\\"));
        pattern.replace(u'%', QStringLiteral("\\%"));
        pattern.replace(u'_', QStringLiteral("\\_"));
        where += QStringLiteral("r.command LIKE ? ESCAPE '\\'");
        values += u'%' + pattern + u'%';
    }
    if (!filter.host.isEmpty()) {
        // The address also without its user: people think of a host as 10.0.0.5, not root@10.0.0.5.
        where += QStringLiteral("EXISTS (SELECT 1 FROM hosts x WHERE x.run_id = r.id AND (x.name = ? OR "
                                "x.address = ? OR substr(x.address, instr(x.address, '@') + 1) = ?))");
        values += filter.host;
        values += filter.host;
        values += filter.host;
    }
    if (filter.outcome) {
        where += QStringLiteral("EXISTS (SELECT 1 FROM hosts x WHERE x.run_id = r.id AND x.outcome = ?)");
        values += outcomeCode(*filter.outcome);
    }
    if (filter.since.isValid()) {
        where += QStringLiteral("r.started_ms >= ?");
        values += filter.since.toMSecsSinceEpoch();
    }
    QString sql =
        QStringLiteral("SELECT r.id, r.command, r.started_ms, r.duration_ms, COUNT(h.position), "
                       "TOTAL(h.outcome = 'ok'), TOTAL(h.outcome = 'nonzero'), TOTAL(h.outcome = 'failed'), "
                       "TOTAL(h.outcome = 'timedout'), TOTAL(h.outcome = 'cancelled'), r.script "
                       "FROM runs r LEFT JOIN hosts h ON h.run_id = r.id");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" GROUP BY r.id ORDER BY r.started_ms DESC, r.id DESC");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QStringLiteral("list runs"), q.lastError().text());
        return list;
    }
    while (q.next()) {
        RunSummary s;
        s.id = q.value(0).toLongLong();
        s.command = q.value(1).toString();
        s.started = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong());
        s.durationMs = q.value(3).toLongLong();
        s.hosts = q.value(4).toInt();
        s.ok = q.value(5).toInt();
        s.nonZeroExit = q.value(6).toInt();
        s.failed = q.value(7).toInt();
        s.timedOut = q.value(8).toInt();
        s.cancelled = q.value(9).toInt();
        s.script = q.value(10).toString();
        list += s;
    }
    return list;
}

std::optional<RunHistory::Run> RunHistory::run(qint64 id) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT command, started_ms, duration_ms, script FROM runs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(QStringLiteral("read run"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    Run run;
    run.id = id;
    run.command = q.value(0).toString();
    run.started = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
    run.durationMs = q.value(2).toLongLong();
    run.script = q.value(3).toString();
    q.finish();
    q.prepare(QStringLiteral("SELECT %1 FROM hosts WHERE run_id = ? ORDER BY position")
                  .arg(QString::fromUtf16(HostColumns)));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(QStringLiteral("read run"), q.lastError().text());
        return std::nullopt;
    }
    while (q.next())
        run.hosts += hostFromQuery(q);
    return run;
}

std::optional<RunHistory::HostRecord> RunHistory::hostResult(qint64 run, const QString &host) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM hosts WHERE run_id = ? AND name = ? ORDER BY position LIMIT 1")
                  .arg(QString::fromUtf16(HostColumns)));
    q.addBindValue(run);
    q.addBindValue(host);
    if (!q.exec()) {
        fail(QStringLiteral("read host"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return hostFromQuery(q);
}

qint64 RunHistory::previousRunWith(qint64 run, const QString &host) const
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT r.id FROM runs r JOIN hosts h ON h.run_id = r.id WHERE h.name = ? AND "
                             "(r.started_ms, r.id) < (SELECT started_ms, id FROM runs WHERE id = ?) "
                             "ORDER BY r.started_ms DESC, r.id DESC LIMIT 1"));
    q.addBindValue(host);
    q.addBindValue(run);
    if (!q.exec()) {
        fail(QStringLiteral("find previous run"), q.lastError().text());
        return 0;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<RunHistory::TimelinePoint> RunHistory::timeline(const QString &command, const QString &host, int limit) const
{
    QList<TimelinePoint> points;
    if (!m_open)
        return points;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    // The newest `limit` runs, turned oldest first below.
    if (host.isEmpty()) {
        // Worst outcome first: failed, timed out, non-zero, cancelled, ok.
        q.prepare(QStringLiteral(
            "SELECT r.id, r.started_ms, r.duration_ms, CASE "
            "WHEN EXISTS (SELECT 1 FROM hosts h WHERE h.run_id = r.id AND h.outcome = 'failed') THEN 'failed' "
            "WHEN EXISTS (SELECT 1 FROM hosts h WHERE h.run_id = r.id AND h.outcome = 'timedout') THEN 'timedout' "
            "WHEN EXISTS (SELECT 1 FROM hosts h WHERE h.run_id = r.id AND h.outcome = 'nonzero') THEN 'nonzero' "
            "WHEN EXISTS (SELECT 1 FROM hosts h WHERE h.run_id = r.id AND h.outcome = 'cancelled') THEN 'cancelled' "
            "ELSE 'ok' END, '' FROM runs r WHERE r.command = ? ORDER BY r.started_ms DESC, r.id DESC LIMIT ?"));
        q.addBindValue(command);
    } else {
        q.prepare(QStringLiteral("SELECT r.id, r.started_ms, r.duration_ms, h.outcome, h.phases FROM runs r "
                                 "JOIN hosts h ON h.run_id = r.id WHERE r.command = ? AND h.name = ? "
                                 "ORDER BY r.started_ms DESC, r.id DESC LIMIT ?"));
        q.addBindValue(command);
        q.addBindValue(host);
    }
    q.addBindValue(limit > 0 ? limit : -1);
    if (!q.exec()) {
        fail(QStringLiteral("read durations"), q.lastError().text());
        return points;
    }
    while (q.next()) {
        TimelinePoint p;
        p.run = q.value(0).toLongLong();
        p.started = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
        p.durationMs = q.value(2).toLongLong();
        p.outcome = outcomeFromCode(q.value(3).toString());
        if (!host.isEmpty()) {
            HostResult r;
            r.times = phasesFromText(q.value(4).toString());
            p.durationMs = qMax<qint64>(0, r.durationUs() / 1000);
        }
        points.prepend(p);
    }
    return points;
}

int RunHistory::prune(int maxAgeDays, int maxRuns, const QDateTime &now)
{
    if (!m_open)
        return -1;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    int deleted = 0;
    auto failed = [&] {
        const QString why = q.lastError().text();
        db.rollback();
        fail(QStringLiteral("prune"), why);
        return -1;
    };
    if (maxAgeDays > 0) {
        q.prepare(QStringLiteral("DELETE FROM runs WHERE started_ms < ?"));
        q.addBindValue(now.addDays(-maxAgeDays).toMSecsSinceEpoch());
        if (!q.exec())
            return failed();
        deleted += q.numRowsAffected();
    }
    if (maxRuns > 0) {
        q.prepare(QStringLiteral("DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs ORDER BY started_ms "
                                 "DESC, id DESC LIMIT ?)"));
        q.addBindValue(maxRuns);
        if (!q.exec())
            return failed();
        deleted += q.numRowsAffected();
    }
    // Not left to ON DELETE CASCADE alone: that needs foreign_keys on in every connection that deletes.
    if (deleted > 0 && !q.exec(QStringLiteral("DELETE FROM hosts WHERE run_id NOT IN (SELECT id FROM runs)")))
        return failed();
    if (!db.commit()) {
        fail(QStringLiteral("prune"), db.lastError().text());
        return -1;
    }
    if (deleted > 0)
        qCDebug(lcModel) << "history: pruned" << deleted << "runs";
    return deleted;
}

} // namespace Chorus
