#pragma once

#include "model/core/hostresult.h"
#include "model/core/hosttarget.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Chorus {

class RunSession;

// The record of finished runs in an SQLite file (history.sqlite under AppDataLocation), shared by
// the GUI and `chorus history`. Keeps what a person looks back for: the command, when, each host's
// name and address, how it ended, its phase timings and its output, capped per host and stream
// (outputCap) and compressed; the bytes the host really sent are kept too, so truncation shows.
// Nothing else of the request is stored: no user names beyond the address, no options, no secrets.
//
// The schema carries its version in PRAGMA user_version and older files are migrated on open. A
// file SQLite cannot read is moved aside under a dated name and a new history started, so a bad
// file costs the old runs, never the program. A file from a newer Chorus is left alone and not used.
class RunHistory
{
public:
    // 1: output stored raw and whole. 2: output capped and compressed, byte counts, failure kind.
    // 3: the local script a run sent on stdin.
    static constexpr int SchemaVersion = 3;
    static constexpr qint64 DefaultOutputCap = 256 * 1024;

    enum class OpenResult
    {
        Opened,   // an existing history at the current version
        Created,  // no file yet, a new one was made
        Migrated, // an older version, brought up to date
        SetAside, // unreadable, moved aside; a new one was made
        Failed,   // not usable (newer version, no permission...): see the notice
    };

    struct HostRecord
    {
        QString name;
        QString address;
        HostResult result; // outputs as stored: stdoutBytes tells what the host sent
    };

    struct Run
    {
        qint64 id = 0;
        QString command; // for a script run, ScriptRun::recordedCommand()
        QString script;  // the local script's path, for a run that sent one on stdin
        QDateTime started;
        qint64 durationMs = 0;
        QList<HostRecord> hosts; // in the run's host order
    };

    struct RunSummary
    {
        qint64 id = 0;
        QString command;
        QString script;
        QDateTime started;
        qint64 durationMs = 0;
        int hosts = 0;
        int ok = 0;
        int nonZeroExit = 0;
        int failed = 0;
        int timedOut = 0;
        int cancelled = 0;
    };

    // Empty fields do not filter. Newest runs first.
    struct Filter
    {
        QString command;                    // part of the command text, ASCII case-insensitive
        QString host;                       // a host's name or address (with or without user@), exactly
        std::optional<HostOutcome> outcome; // some host of the run ended this way
        QDateTime since;                    // started at or after
        int limit = 0;                      // 0: all
    };

    explicit RunHistory(const QString &path = defaultPath());
    ~RunHistory();
    RunHistory(const RunHistory &) = delete;
    RunHistory &operator=(const RunHistory &) = delete;

    static QString defaultPath();
    // "ok", "non-zero", "nonzero", "failed", "timed-out", "timeout", "cancelled", and hostOutcomeName()'s.
    static bool parseOutcome(const QString &text, HostOutcome *outcome);

    // Opens, creates, migrates or replaces the file. A sentence for the user in *notice when it was
    // set aside or could not be used.
    OpenResult open(QString *notice = nullptr);
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }

    // Bytes kept per host and stream from what comes next; 0 keeps everything.
    void setOutputCap(qint64 bytes) { m_outputCap = bytes; }
    qint64 outputCap() const { return m_outputCap; }
    // Applied after every addRun(); 0 means no limit. The caller brings the values from its settings.
    void setRetention(int maxAgeDays, int maxRuns);

    // Stores a finished run in one transaction. hosts and results are parallel lists. Returns the
    // run's id, 0 on failure (lastError()).
    qint64 addRun(const QString &command, const QDateTime &started, qint64 durationMs,
                  const QList<HostTarget> &hosts, const QList<HostResult> &results, const QString &script = {});
    qint64 addRun(const RunSession &session);

    QList<RunSummary> runs(const Filter &filter) const;
    QList<RunSummary> runs() const; // all of them
    std::optional<Run> run(qint64 id) const;
    // One host of one run, by name; with previousRunWith() this answers "what changed since last time".
    std::optional<HostRecord> hostResult(qint64 run, const QString &host) const;
    // The latest run before `run` that had `host` in it; 0 if none.
    qint64 previousRunWith(qint64 run, const QString &host) const;

    // One point of a duration-over-time chart.
    struct TimelinePoint
    {
        qint64 run = 0;
        QDateTime started;
        qint64 durationMs = 0;
        HostOutcome outcome = HostOutcome::Ok; // the worst of the run's hosts, or the host's own
    };
    // The runs of exactly this command, oldest first, at most `limit` (the newest). With a host,
    // that host's own duration and outcome in each run that had it.
    QList<TimelinePoint> timeline(const QString &command, const QString &host = QString(), int limit = 500) const;

    // Deletes runs older than maxAgeDays and all but the newest maxRuns (0: that limit is off).
    // Returns the number of runs deleted, -1 on failure.
    int prune(int maxAgeDays, int maxRuns, const QDateTime &now = QDateTime::currentDateTime());

private:
    bool createSchema();
    bool migrateFrom1();
    bool migrateFrom2();
    void close();
    bool fail(const QString &what, const QString &why) const;

    QString m_path;
    QString m_connection;
    bool m_open = false;
    qint64 m_outputCap = DefaultOutputCap;
    int m_maxAgeDays = 0;
    int m_maxRuns = 0;
    mutable QString m_lastError;
};

} // namespace Chorus
