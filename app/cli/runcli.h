#pragma once

#include "app/cli/hostcommand.h"
#include "app/cli/outputfiles.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QTimer>

#include <memory>

class QCommandLineParser;

namespace Chorus {

class GatherReport;

// `chorus run`: the engine on the command line, for scripts and for people who live in a terminal.
// Parses and checks everything before the first connection (bad input: one line, status 64), runs
// the command over a WorkerPool, and prints what came back in one of three shapes: every line as it
// arrives prefixed with its host (the default, like clush), hosts grouped by identical answers
// (-b, --diff) and the lines not every host printed (--matrix), or one JSON object per host and one
// for the groups (--json). Ctrl+C cancels the remote commands and still
// prints what was gathered. The exit status sums up the run for scripts (see Status).
class RunCli : public HostCommand
{
    Q_OBJECT
public:
    // argv[1] is "run".
    static int main(int argc, char *argv[]);

private:
    enum class Mode
    {
        Stream,
        Gather,
        Json,
    };

    // Per host and round: what is needed to print it.
    struct HostSlot
    {
        QByteArray label;      // the host's name as printed
        QByteArray partial[2]; // stdout, stderr bytes after the last newline (stream mode)
        HostState state = HostState::Queued;
        bool finished = false;
        HostResult result;
    };

    RunCli();
    ~RunCli() override;

    int exec(const QStringList &arguments);
    bool parse(const QStringList &arguments, QString *error, bool *answered);
    bool readScript(const QString &path, const QStringList &arguments, QString *error);
    bool prepareOutputDir(QString *error) const;
    bool prepareInput(QString *error);

    void startRound();
    void endRound();
    void finish();

    void onStateChanged(RunId run, int host, HostState state);
    void onOutput(const OutputChunk &chunk);
    void onHostFinished(RunId run, int host, const HostResult &result);
    void onRunFinished(RunId run);
    void onInputDone(const QString &error);
    void onInterrupt(int count) override;
    void prepareStderr() override;

    void streamLines(HostSlot &slot, bool isStderr, const QByteArray &data, bool flushPartial);
    QByteArray jsonLine(const HostSlot &slot) const;
    GatherReport gather() const;
    void printGathered();
    // -b and --diff; true when they printed anything.
    bool printGroups(const GatherReport &report);
    QString groupEnding(int host, bool generic) const;
    void reportFileError(const Result<void> &written);
    QString roundOutputDir() const;

    void writeOut(const QByteArray &data);
    void writeErr(const QByteArray &data);
    void scheduleFlush();
    void drawProgress();
    void clearProgress();
    QString summary(bool final) const;

    // Options
    Mode m_mode = Mode::Stream;
    bool m_diff = false;
    bool m_matrix = false;
    bool m_gatherPrintsGroups = false; // -b; --diff alone gathers without printing the groups
    bool m_sudo = false;
    int m_commandTimeoutMs = 0;
    int m_repeat = 1;
    QString m_outputDir;
    QString m_command;
    QStringList m_warnings;
    bool m_noPrefix = false;
    bool m_quiet = false;
    bool m_tty = false;
    bool m_failFast = false;
    QList<QPair<QString, QString>> m_environment;
    // Input for the commands: stdin streamed as the hosts take it (one round), or held whole and
    // written every round (--script, or stdin with --repeat).
    bool m_stdinInput = false;
    bool m_inputBuffered = false;
    QByteArray m_bufferedInput;

    // Run state
    bool m_running = false;
    int m_round = 0;
    QList<HostSlot> m_slots;
    OutputFiles m_files; // -o, this round's
    QElapsedTimer m_roundClock;
    QElapsedTimer m_totalClock;
    int m_status = AllOk;
    QHash<QString, QStringList> m_hostWarnings; // warning -> hosts it came from, printed at the end

    // Output
    QFile m_out;
    bool m_flushPending = false;
    bool m_stdoutIsTerminal = false;
    bool m_progressEnabled = false;
    bool m_progressShown = false;
    QString m_progressText;
    QTimer m_progressTimer;
};

} // namespace Chorus
