#pragma once

#include "app/cli/hostoptions.h"
#include "app/cli/secretcache.h"
#include "model/core/hostevents.h"
#include "model/core/hostresult.h"
#include "model/core/runrequest.h"

#include <QCommandLineOption>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace Chorus {

class WorkerPool;
struct PoolSettings;

// What the subcommands that reach hosts (`run`, `push`, `pull`) share: the exit statuses, the worker
// pool started with Ctrl+C handled, and the engine's questions answered on the terminal: passwords,
// passphrases and sudo passwords asked once per user or key file for the whole run (SecretCache), and
// unknown host keys asked like ssh asks. Messages go to stderr as "chorus NAME: text".
class HostCommand : public QObject
{
    Q_OBJECT
public:
    enum Status
    {
        AllOk = 0,         // every host ran the command (or copy) and it exited 0
        CommandFailed = 1, // some command exited non-zero or died by a signal
        HostFailed = 2,    // some host failed to connect or authenticate, timed out or was cancelled
        BadUsage = 64,     // bad input; nothing was connected to
    };
    static Status statusOf(const HostResult &result);
    // Whole writes to stderr, never interleaved with another thread's.
    static void writeStderr(const QByteArray &data);
    static bool stderrIsTerminal();

protected:
    explicit HostCommand(const QString &name);
    ~HostCommand() override;

    // The options every host command takes: -h, --version, the host options (m_hostOptions),
    // -f/--fanout, --threads and -v/--verbose.
    void addCommonOptions(QCommandLineParser *parser) const;
    // After parsing: answers --help (its first line replaced by usage) or --version on stdout and sets
    // *answered; otherwise reads --fanout and --threads. False with *error on bad input.
    bool readCommonOptions(const QCommandLineParser &parser, const QString &usage, QString *error,
                           bool *answered);
    // A whole number from minimum to maximum.
    static bool parseCount(const QString &text, int minimum, int maximum, int *value);

    // Starts the pool and answers its secret and host key questions for the run in m_run; the engine's
    // log lines are printed as this command's warnings from then on.
    void startPool(const PoolSettings &settings);
    // "chorus NAME: text" on stderr, after prepareStderr().
    void message(const QString &text);
    // With -v: how the host's connection went (HostResult::log), a line each, like ssh -v.
    void describeConnection(const QString &host, const HostResult &result);
    // --sudo with stdin that is not a terminal: its first line is the sudo password, read now, before the
    // rest of stdin goes to the commands. False when stdin ended before a line.
    bool readSudoPasswordFromStdin();
    // Makes way for a line on stderr: the progress line cleared, stdout flushed before it.
    virtual void prepareStderr() = 0;
    // Ctrl+C, SIGTERM or SIGHUP: count is 1 or 2 (a third ends the program in the signal handler).
    virtual void onInterrupt(int count) = 0;

    const QString m_name;
    const HostOptions m_hostOptions;
    QList<HostTarget> m_targets; // the hosts, as resolved from the options
    int m_fanout = 64;
    int m_threads = 0; // 0: one per core
    bool m_verbose = false;
    std::unique_ptr<WorkerPool> m_pool;
    RunId m_run = 0;
    bool m_interrupted = false;

private:
    void onSecretRequested(const SecretRequest &request);
    void onHostKeyQuestion(const HostKeyQuestion &question);
    bool askSecret(const SecretRequest &request, QByteArray *secret) const;
    static bool askHostKey(const HostKeyQuestion &question);

    SecretCache m_secrets;
    std::optional<QByteArray> m_sudoPasswordFromStdin;
    const QCommandLineOption m_fanoutOption;
    const QCommandLineOption m_threadsOption;
    const QCommandLineOption m_verboseOption;
};

} // namespace Chorus
