#include "app/cli/runcli.h"

#include "app/cli/clioutput.h"
#include "app/cli/command.h"
#include "app/cli/gatherreport.h"
#include "app/cli/hostoptions.h"
#include "app/cli/inputpump.h"
#include "app/cli/outputfiles.h"
#include "app/cli/terminalprompt.h"
#include "model/compare/outputgroups.h"
#include "model/compare/unifieddiff.h"
#include "model/core/scriptrun.h"
#include "model/core/shellquote.h"
#include "model/history/resultjson.h"
#include "model/ssh/hostset.h"
#include "sshworker/workerpool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace Chorus {

namespace {

constexpr int ProgressIntervalMs = 100;
// A line longer than this is printed in pieces rather than held back without end.
constexpr qsizetype MaxPartialLine = 64 * 1024;
// Input written whole every round (--script, stdin with --repeat) is held in memory: at most this.
constexpr qint64 MaxBufferedInput = 64 * 1024 * 1024;

} // namespace

RunCli::RunCli() : HostCommand(QStringLiteral("run"))
{
    m_progressTimer.setInterval(ProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &RunCli::drawProgress);
}

RunCli::~RunCli() = default;

int RunCli::main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Command::describe(&app);
    RunCli cli;
    return cli.exec(Command::subcommandArguments());
}

bool RunCli::parse(const QStringList &arguments, QString *error, bool *answered)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    // "chorus run -w h ls -l": everything from the command on is the command's, not ours.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.setApplicationDescription(QCoreApplication::translate(
        "RunCli",
        "Runs COMMAND on every host at once over SSH and prints what came back.\n"
        "\n"
        "Output: by default each line as it arrives, prefixed with \"HOST: \" (stderr lines on stderr).\n"
        "-b groups hosts whose stdout, stderr and exit status are identical, largest group first.\n"
        "--diff prints a unified diff of each group against the largest one that exited 0.\n"
        "--matrix prints, once every host has finished, the lines of stdout that not every host printed,\n"
        "most hosts first, one a line: how many hosts printed it, which (\"on HOSTS\", or \"not on HOSTS\"\n"
        "when at least half did), and the line with control characters escaped; then a summary line.\n"
        "Hosts whose command did not run to its end or whose output was cut are left out of it.\n"
        "--json prints one JSON object per host and line, as each host finishes, with the fields host,\n"
        "exit_status, signal, stdout, stderr (stdout_b64, stderr_b64 instead when not valid UTF-8),\n"
        "truncated, error, duration_ms, phases_ms (ms since the run started: resolved, tcp_connected,\n"
        "kex_done, host_key_checked, authenticated, channel_opened, exec_started, first_byte, exited;\n"
        "null where not reached), reused_connection and connect_attempts (TCP connections it took);\n"
        "with --repeat also round. After the hosts comes one more object (the only one without a host\n"
        "field) with groups (hosts with identical output: hosts, hostset, count, exit_status, signal,\n"
        "error, truncated) and, with --matrix, matrix (the lines not printed by every host: line or\n"
        "line_b64, hosts, hostset, count), matrix_lines (distinct lines) and matrix_left_out (hosts\n"
        "left out).\n"
        "\n"
        "Exit status: 0 every command exited 0; 1 some command exited non-zero or was killed;\n"
        "2 some host failed to connect or authenticate, timed out or was cancelled (Ctrl+C);\n"
        "64 bad usage (nothing was connected to).\n"
        "\n"
        "Input: when stdin is not a terminal it is sent to every host's command (read as the slowest\n"
        "host takes it, at most 16 MiB ahead), then end of file; with --repeat, or more hosts than\n"
        "--fanout, it is kept whole for the hosts that start later (up to 64 MiB). -n gives the commands\n"
        "an empty stdin instead. With --sudo the first line of stdin is the sudo password. --script FILE\n"
        "sends FILE to every host's interpreter (from its #! line; bash by default) with the arguments\n"
        "after --.\n"
        "\n"
        "Ctrl+C cancels the commands still running and prints what came back so far."));
    parser.addPositionalArgument(
        QStringLiteral("COMMAND"),
        QCoreApplication::translate("RunCli", "The shell command to run on every host. Options come first."),
        QStringLiteral("[--] COMMAND..."));
    addCommonOptions(&parser);
    const QCommandLineOption timeout(
        {QStringLiteral("t"), QStringLiteral("timeout")},
        QCoreApplication::translate("RunCli",
                                    "Stop the command on a host after SEC seconds (default: no limit)."),
        QStringLiteral("SEC"));
    const QCommandLineOption outputDir(
        {QStringLiteral("o"), QStringLiteral("output-dir")},
        QCoreApplication::translate(
            "RunCli", "Also write every byte to DIR/HOST.out and DIR/HOST.err, and the exit status (or the "
                      "error) to DIR/HOST.exit. With --repeat, each round writes to "
                      "DIR/round-N."),
        QStringLiteral("DIR"));
    const QCommandLineOption gather(
        {QStringLiteral("b"), QStringLiteral("gather")},
        QCoreApplication::translate("RunCli", "Group hosts with identical output, like clush -b."));
    const QCommandLineOption diff(
        QStringLiteral("diff"),
        QCoreApplication::translate("RunCli",
                                    "Print a unified diff of every group against the largest one that exited 0."));
    const QCommandLineOption matrix(
        QStringLiteral("matrix"),
        QCoreApplication::translate("RunCli",
                                    "Once every host has finished, print the lines of stdout that not "
                                    "every host printed, with how many and which hosts did."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QCoreApplication::translate("RunCli", "One JSON object per host and line, then one for the groups."));
    const QCommandLineOption repeat(
        QStringLiteral("repeat"),
        QCoreApplication::translate(
            "RunCli",
            "Run the command K times in a row over the same connections and print each round's time "
            "on stderr."),
        QStringLiteral("K"));
    const QCommandLineOption sudo(
        QStringLiteral("sudo"),
        QCoreApplication::translate("RunCli",
                                    "Run the command under sudo. The password is asked for once on the "
                                    "terminal (or read from the first line of stdin when that is not a "
                                    "terminal) and used on every host."));
    const QCommandLineOption noStdin(
        {QStringLiteral("n"), QStringLiteral("no-stdin")},
        QCoreApplication::translate("RunCli", "Do not send stdin to the commands: each gets an empty stdin."));
    const QCommandLineOption script(
        QStringLiteral("script"),
        QCoreApplication::translate("RunCli",
                                    "Run the local script FILE on every host, sent on stdin to the interpreter "
                                    "its #! line names (bash -s by default); the arguments after -- are the "
                                    "script's. Nothing is left on the hosts."),
        QStringLiteral("FILE"));
    const QCommandLineOption noPrefix(
        {QStringLiteral("N"), QStringLiteral("no-prefix")},
        QCoreApplication::translate("RunCli", "Print output lines without the \"HOST: \" in front."));
    const QCommandLineOption quiet(
        {QStringLiteral("q"), QStringLiteral("quiet")},
        QCoreApplication::translate("RunCli", "No progress line on the terminal."));
    const QCommandLineOption tty(
        QStringLiteral("tty"),
        QCoreApplication::translate("RunCli", "Run the command on a terminal (a PTY), for commands that need "
                                              "one, such as sudo with requiretty. Its stderr then comes with "
                                              "stdout."));
    const QCommandLineOption env(
        QStringLiteral("env"),
        QCoreApplication::translate("RunCli", "Set NAME=VALUE for the command (SetEnv; the server's AcceptEnv "
                                              "decides, and a refusal is said). Repeatable."),
        QStringLiteral("NAME=VALUE"));
    const QCommandLineOption failFast(
        QStringLiteral("fail-fast"),
        QCoreApplication::translate("RunCli", "After the first host that does not succeed, start no more hosts "
                                              "(those not started are reported as such, exit status 2)."));
    for (const QCommandLineOption *option :
         {&timeout, &outputDir, &gather, &diff, &matrix, &json, &repeat, &sudo, &noStdin, &script, &noPrefix,
          &quiet, &tty, &env, &failFast})
        parser.addOption(*option);

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (!readCommonOptions(parser, QCoreApplication::translate("RunCli", "Usage: chorus run [options] [--] COMMAND..."),
                           error, answered) || *answered)
        return *answered;
    if (parser.isSet(timeout) && !HostOptions::parseSeconds(parser.value(timeout), &m_commandTimeoutMs)) {
        *error = QCoreApplication::translate("RunCli", "--timeout: %1 is not a number of seconds")
                     .arg(CliOutput::quoted(parser.value(timeout)));
        return false;
    }
    if (parser.isSet(repeat) && !parseCount(parser.value(repeat), 1, 1'000'000, &m_repeat)) {
        *error = QCoreApplication::translate("RunCli", "--repeat: %1 is not a whole number of at least 1")
                     .arg(CliOutput::quoted(parser.value(repeat)));
        return false;
    }
    m_diff = parser.isSet(diff);
    m_matrix = parser.isSet(matrix);
    m_sudo = parser.isSet(sudo);
    // A diff is text for people; the groups it compares are in --json's last object anyway. -b is
    // let through with --json for the same reason: it adds nothing there but asks for nothing wrong.
    if (parser.isSet(json) && m_diff) {
        *error = QCoreApplication::translate("RunCli", "--json cannot be combined with --diff");
        return false;
    }
    m_mode = parser.isSet(json)                           ? Mode::Json
             : parser.isSet(gather) || m_diff || m_matrix ? Mode::Gather
                                                          : Mode::Stream;
    m_outputDir = parser.value(outputDir);
    if (parser.isSet(outputDir) && m_outputDir.isEmpty()) {
        *error = QCoreApplication::translate("RunCli", "--output-dir: the directory name is empty");
        return false;
    }
    // --diff and --matrix alone print only the differences, as clush --diff does.
    m_gatherPrintsGroups = parser.isSet(gather);

    m_noPrefix = parser.isSet(noPrefix);
    m_quiet = parser.isSet(quiet);
    m_tty = parser.isSet(tty);
    m_failFast = parser.isSet(failFast);
    for (const QString &assignment : parser.values(env)) {
        const qsizetype equals = assignment.indexOf(u'=');
        const QString name = assignment.left(equals);
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (equals <= 0 || !valid.match(name).hasMatch()) {
            *error = QCoreApplication::translate("RunCli", "--env: %1 is not NAME=VALUE").arg(CliOutput::quoted(assignment));
            return false;
        }
        m_environment.append({name, assignment.mid(equals + 1)});
    }
    if (parser.isSet(script)) {
        if (!readScript(parser.value(script), parser.positionalArguments(), error))
            return false;
    } else {
        m_command = parser.positionalArguments().join(u' ');
        if (m_command.trimmed().isEmpty()) {
            *error = QCoreApplication::translate("RunCli", "no command given: chorus run [options] [--] COMMAND");
            return false;
        }
        // Stdin is the commands' own when it is not a terminal, as with clush and pssh -I.
        m_stdinInput = !parser.isSet(noStdin) && ::isatty(STDIN_FILENO) != 1;
    }
    return m_hostOptions.resolve(parser, &m_targets, error, &m_warnings);
}

// --script FILE: the command is FILE's interpreter reading the script from stdin; the script itself is
// the input every host gets (so nothing is copied onto the hosts).
bool RunCli::readScript(const QString &path, const QStringList &arguments, QString *error)
{
    const std::optional<ScriptRun> script = ScriptRun::load(path, arguments, ScriptRun::MaxBytes, error);
    if (!script) {
        *error = QStringLiteral("--script: ") + *error;
        return false;
    }
    m_bufferedInput = script->content;
    m_command = script->command;
    m_inputBuffered = true;
    return true;
}

// The sudo password line comes first; with --repeat, stdin is read whole now to be replayed each round.
bool RunCli::prepareInput(QString *error)
{
    if (m_sudo && !readSudoPasswordFromStdin()) {
        *error = QCoreApplication::translate("RunCli", "--sudo: stdin ended before the password line");
        return false;
    }
    // Streamed, the input is kept only as far as the slowest host has taken it; hosts that start later
    // (another round, or beyond the fanout) need all of it, from a buffer of bounded size.
    const bool later = m_repeat > 1 || m_targets.size() > m_fanout;
    if (!m_stdinInput || !later)
        return true;
    QByteArray piece(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, piece.data(), size_t(piece.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = QCoreApplication::translate("InputPump", "cannot read stdin: %1")
                         .arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        if (n == 0)
            break;
        if (m_bufferedInput.size() + n > MaxBufferedInput) {
            *error = m_repeat > 1
                ? QCoreApplication::translate(
                      "RunCli", "--repeat: stdin is larger than %1 MiB, too much to keep for every round; "
                                "run once per round, or give the commands their input another way (-n)")
                      .arg(MaxBufferedInput / (1024 * 1024))
                : QCoreApplication::translate(
                      "RunCli", "stdin is larger than %1 MiB, too much to keep for the hosts beyond --fanout %2; "
                                "raise it to %3 to stream the input to every host at once")
                      .arg(MaxBufferedInput / (1024 * 1024))
                      .arg(m_fanout)
                      .arg(m_targets.size());
            return false;
        }
        m_bufferedInput.append(piece.constData(), n);
    }
    m_stdinInput = false;
    m_inputBuffered = true;
    return true;
}

bool RunCli::prepareOutputDir(QString *error) const
{
    if (m_outputDir.isEmpty() || CliOutput::makeWritableFolder(m_outputDir, error))
        return true;
    *error = QCoreApplication::translate("RunCli", "--output-dir: %1").arg(*error);
    return false;
}

int RunCli::exec(const QStringList &arguments)
{
    m_out.open(STDOUT_FILENO, QIODevice::WriteOnly);
    m_stdoutIsTerminal = ::isatty(STDOUT_FILENO) == 1;
    m_progressEnabled = stderrIsTerminal();

    QString error;
    bool answered = false;
    if (!parse(arguments, &error, &answered) || (!answered && (!prepareOutputDir(&error) || !prepareInput(&error)))) {
        message(error);
        return BadUsage;
    }
    if (answered) {
        m_out.flush();
        return AllOk;
    }
    for (const QString &warning : std::as_const(m_warnings))
        message(QCoreApplication::translate("RunCli", "warning: %1").arg(warning));
    if (m_quiet)
        m_progressEnabled = false;

    PoolSettings settings;
    settings.threads = m_threads;
    startPool(settings);
    connect(m_pool.get(), &WorkerPool::hostStateChanged, this, &RunCli::onStateChanged);
    connect(m_pool.get(), &WorkerPool::outputReceived, this, &RunCli::onOutput);
    connect(m_pool.get(), &WorkerPool::hostFinished, this, &RunCli::onHostFinished);
    connect(m_pool.get(), &WorkerPool::runFinished, this, &RunCli::onRunFinished);

    m_totalClock.start();
    QTimer::singleShot(0, this, &RunCli::startRound);
    const int status = QCoreApplication::exec();
    m_pool->shutdown();
    m_out.flush();
    return status;
}

QString RunCli::roundOutputDir() const
{
    if (m_outputDir.isEmpty() || m_repeat == 1)
        return m_outputDir;
    return QDir(m_outputDir).filePath(QStringLiteral("round-%1").arg(m_round));
}

void RunCli::startRound()
{
    if (m_interrupted) {
        finish();
        return;
    }
    ++m_round;
    m_slots.clear();
    m_slots.resize(m_targets.size());
    for (qsizetype i = 0; i < m_targets.size(); ++i)
        m_slots[i].label = m_targets[i].name.toUtf8();

    RunRequest request;
    request.command = m_command;
    request.hosts = m_targets;
    request.fanout = m_fanout;
    request.commandTimeoutMs = m_commandTimeoutMs;
    request.sudo = m_sudo;
    request.input = m_stdinInput || m_inputBuffered;
    request.pty = m_tty;
    request.environment = m_environment;
    request.failFast = m_failFast;
    m_files = OutputFiles();
    if (!m_outputDir.isEmpty()) {
        QStringList names;
        for (const HostTarget &target : std::as_const(m_targets))
            names += target.name;
        if (const Result<void> opened = m_files.open(roundOutputDir(), names); !opened) {
            message(QCoreApplication::translate("RunCli", "--output-dir: %1").arg(opened.message()));
            m_status = qMax(m_status, int(HostFailed));
            finish();
            return;
        }
    }
    // Streamed lines are printed and forgotten; nothing needs keeping in memory.
    if (m_mode == Mode::Stream)
        request.outputLimit = 0;

    m_roundClock.start();
    m_running = true;
    m_run = m_pool->start(request);
    if (m_inputBuffered) {
        m_pool->writeInput(m_run, m_bufferedInput);
        m_pool->closeInput(m_run);
    } else if (m_stdinInput) {
        auto *pump = new InputPump(m_pool.get(), m_run, this);
        connect(pump, &InputPump::done, this, &RunCli::onInputDone);
        pump->start(STDIN_FILENO);
    }
    if (m_progressEnabled)
        m_progressTimer.start();
}

void RunCli::onInputDone(const QString &error)
{
    if (!error.isEmpty())
        message(error);
}

void RunCli::onStateChanged(RunId run, int host, HostState state)
{
    if (run != m_run || host < 0 || host >= m_slots.size())
        return;
    m_slots[host].state = state;
}

void RunCli::onOutput(const OutputChunk &chunk)
{
    if (chunk.run != m_run || chunk.host < 0 || chunk.host >= m_slots.size())
        return;
    if (m_files.isOpen())
        reportFileError(m_files.append(chunk.host, chunk.isStderr, chunk.data));
    if (m_mode == Mode::Stream)
        streamLines(m_slots[chunk.host], chunk.isStderr, chunk.data, false);
}

void RunCli::reportFileError(const Result<void> &written)
{
    if (!written)
        message(QCoreApplication::translate("RunCli", "--output-dir: %1").arg(written.message()));
}

// Only whole lines are printed, so lines of different hosts never mix; what follows the last
// newline waits for the rest of its line (or the host's end).
void RunCli::streamLines(HostSlot &slot, bool isStderr, const QByteArray &data, bool flushPartial)
{
    QByteArray &partial = slot.partial[isStderr ? 1 : 0];
    partial += data;
    qsizetype end = partial.lastIndexOf('\n') + 1;
    if (flushPartial || partial.size() - end > MaxPartialLine)
        end = partial.size();
    if (end == 0)
        return;
    QByteArray text;
    text.reserve(end + (slot.label.size() + 2) * 8);
    qsizetype start = 0;
    while (start < end) {
        qsizetype newline = partial.indexOf('\n', start);
        const qsizetype next = newline < 0 || newline >= end ? end : newline + 1;
        if (!m_noPrefix)
            text += slot.label + ": ";
        text += QByteArrayView(partial.constData() + start, next - start);
        if (next == end && partial.at(end - 1) != '\n')
            text += '\n';
        start = next;
    }
    partial.remove(0, end);
    if (isStderr)
        writeErr(text);
    else
        writeOut(text);
}

void RunCli::onHostFinished(RunId run, int host, const HostResult &result)
{
    if (run != m_run || host < 0 || host >= m_slots.size())
        return;
    HostSlot &slot = m_slots[host];
    slot.finished = true;
    slot.state = HostState::Finished;
    slot.result = result;
    m_status = qMax(m_status, int(statusOf(result)));
    describeConnection(QString::fromUtf8(slot.label), result);
    for (const QString &warning : result.warnings)
        m_hostWarnings[warning].append(QString::fromUtf8(slot.label));
    if (m_files.isOpen())
        reportFileError(m_files.finish(host, result));

    switch (m_mode) {
    case Mode::Stream:
        streamLines(slot, false, QByteArray(), true);
        streamLines(slot, true, QByteArray(), true);
        if (result.outcome != HostOutcome::Ok)
            message(QString::fromUtf8(slot.label) + QStringLiteral(": ") + result.endingText());
        break;
    case Mode::Json:
        writeOut(jsonLine(slot));
        break;
    case Mode::Gather:
        break;
    }
}

QByteArray RunCli::jsonLine(const HostSlot &slot) const
{
    return ResultJson::hostLine(slot.label, slot.result, m_repeat > 1 ? m_round : -1);
}

void RunCli::onRunFinished(RunId run)
{
    if (run != m_run)
        return;
    endRound();
}

void RunCli::endRound()
{
    m_running = false;
    const qint64 elapsedMs = m_roundClock.elapsed();
    if (m_mode != Mode::Stream)
        printGathered();
    m_out.flush();
    if (m_repeat > 1) {
        message(QCoreApplication::translate("RunCli", "round %1/%2: %3 s, %4")
                    .arg(m_round)
                    .arg(m_repeat)
                    .arg(double(elapsedMs) / 1000.0, 0, 'f', 3)
                    .arg(summary(false)));
    }
    if (m_round < m_repeat && !m_interrupted)
        QTimer::singleShot(0, this, &RunCli::startRound);
    else
        finish();
}

void RunCli::finish()
{
    m_progressTimer.stop();
    clearProgress();
    // Said once for all the hosts it concerns, not once per host.
    for (auto it = m_hostWarnings.cbegin(); it != m_hostWarnings.cend(); ++it) {
        QStringList hosts = it.value();
        hosts.removeDuplicates();
        message(QCoreApplication::translate("RunCli", "warning: %1: %2").arg(HostSet::fold(hosts), it.key()));
    }
    if (m_progressEnabled && m_repeat == 1)
        message(summary(true));
    if (m_interrupted)
        m_status = qMax(m_status, int(HostFailed));
    m_out.flush();
    QCoreApplication::exit(m_status);
}

QString RunCli::groupEnding(int host, bool generic) const
{
    const HostResult &r = m_slots[host].result;
    QString ending = r.endingText();
    // Errors name their host ("cannot resolve web07"); grouped by the words alone, a thousand
    // hosts failing the same way make one group rather than a thousand.
    if (generic && (r.outcome == HostOutcome::Failed || r.outcome == HostOutcome::TimedOut)) {
        const HostTarget &target = m_targets[host];
        for (const QString &name : {target.address(), target.hostname, target.name}) {
            if (name.size() > 1)
                ending.replace(name, QStringLiteral("{host}"));
        }
    }
    // Hosts whose output was cut at the limit only count as alike when they sent as much.
    if (r.truncated()) {
        ending = QCoreApplication::translate(
                     "RunCli", "%1; output cut at %2 bytes (stdout %3 bytes, stderr %4 bytes; -o keeps all)")
                     .arg(ending, QString::number(RunRequest().outputLimit), QString::number(r.stdoutBytes),
                          QString::number(r.stderrBytes));
    }
    return ending;
}

GatherReport RunCli::gather() const
{
    OutputGroups groups;
    QStringList labels;
    QList<HostResult> results;
    for (int i = 0; i < int(m_slots.size()); ++i) {
        groups.add(i, m_slots[i].result.stdoutData, m_slots[i].result.stderrData, groupEnding(i, true));
        labels.append(QString::fromUtf8(m_slots[i].label));
        results.append(m_slots[i].result);
    }
    const QList<OutputGroups::Group> list = groups.groups();
    // A group of one says it with the host's own words.
    QStringList endings;
    for (const OutputGroups::Group &group : list)
        endings.append(group.members.size() == 1 ? groupEnding(group.members.first(), false) : group.status);
    return GatherReport(labels, results, list, endings);
}

void RunCli::printGathered()
{
    GatherReport report = gather();
    if (m_matrix)
        report.buildMatrix();
    if (m_mode == Mode::Json) {
        writeOut(report.jsonLine(m_repeat > 1 ? m_round : -1));
        return;
    }
    const bool printed = printGroups(report);
    if (!m_matrix)
        return;
    // Sets the matrix apart from the groups or diffs above it.
    if (printed)
        writeOut(QByteArrayLiteral("---------------\n"));
    writeOut(report.matrixText());
    if (!report.leftOut().isEmpty()) {
        QStringList names;
        for (int id : report.leftOut())
            names.append(QString::fromUtf8(m_slots[id].label));
        message(QCoreApplication::translate("RunCli", "left out of the matrix, without a complete output: %1")
                    .arg(HostSet::fold(names)));
    }
}

bool RunCli::printGroups(const GatherReport &report)
{
    const QList<OutputGroups::Group> &list = report.groups();
    const auto label = [this](const OutputGroups::Group &group) {
        QStringList names;
        for (int id : group.members)
            names.append(QString::fromUtf8(m_slots[id].label));
        return QStringLiteral("%1 (%2)").arg(HostSet::fold(names)).arg(group.members.size());
    };
    // Asked of ResultJson rather than spelled here, so the comparison holds in any language.
    HostResult exitedZero;
    exitedZero.outcome = HostOutcome::Ok;
    exitedZero.exitStatus = 0;
    const QString okEnding = exitedZero.endingText();
    bool printed = false;

    if (m_gatherPrintsGroups) {
        const QByteArray rule = QByteArrayLiteral("---------------\n");
        QByteArray text;
        for (qsizetype g = 0; g < list.size(); ++g) {
            const OutputGroups::Group &group = list[g];
            text += rule + label(group).toUtf8();
            if (group.status != okEnding)
                text += ": " + report.ending(g).toUtf8();
            text += '\n' + rule;
            text += group.stdoutData;
            if (!group.stdoutData.isEmpty() && !group.stdoutData.endsWith('\n'))
                text += '\n';
            if (!group.stderrData.isEmpty()) {
                text += "[stderr]\n" + group.stderrData;
                if (!group.stderrData.endsWith('\n'))
                    text += '\n';
            }
            writeOut(text);
            text.clear();
            printed = true;
        }
    }

    if (m_diff) {
        if (list.size() == 1 && !m_gatherPrintsGroups)
            message(QCoreApplication::translate("RunCli", "all %1 hosts answered alike: %2")
                        .arg(QString::number(m_slots.size()), report.ending(0)));
        // As in the compare tab: the largest group that exited 0, the largest of all when none did.
        qsizetype ref = 0;
        while (ref < list.size() && list[ref].status != okEnding)
            ++ref;
        if (ref == list.size())
            ref = 0;
        const OutputGroups::Group &reference = list[ref];
        for (qsizetype g = 0; g < list.size(); ++g) {
            if (g == ref)
                continue;
            const OutputGroups::Group &group = list[g];
            QString from = label(reference);
            QString to = label(group);
            if (group.status != reference.status) {
                from += QStringLiteral(": ") + report.ending(ref);
                to += QStringLiteral(": ") + report.ending(g);
            }
            const QByteArray out = UnifiedDiff::diff(reference.stdoutData, group.stdoutData, from, to);
            const QByteArray err =
                UnifiedDiff::diff(reference.stderrData, group.stderrData, from + QStringLiteral(" [stderr]"),
                                  to + QStringLiteral(" [stderr]"));
            // Only the ending differs: the header lines alone say how.
            if (out.isEmpty() && err.isEmpty())
                writeOut("--- " + from.toUtf8() + "\n+++ " + to.toUtf8() + '\n');
            writeOut(out);
            writeOut(err);
            printed = true;
        }
    }
    return printed;
}

void RunCli::onInterrupt(int count)
{
    if (count > 1) {
        message(QCoreApplication::translate("RunCli", "still cancelling; a third interrupt stops at once"));
        return;
    }
    m_interrupted = true;
    if (m_running) {
        message(QCoreApplication::translate("RunCli", "interrupted: cancelling the commands still running"));
        m_pool->cancelRun(m_run);
    }
}

void RunCli::prepareStderr()
{
    // Keeps stdout and stderr in order for someone reading both in one terminal.
    m_out.flush();
    clearProgress();
}

void RunCli::writeOut(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    if (m_stdoutIsTerminal)
        clearProgress();
    m_out.write(data);
    scheduleFlush();
}

void RunCli::writeErr(const QByteArray &data)
{
    prepareStderr();
    writeStderr(data);
}

void RunCli::scheduleFlush()
{
    if (m_flushPending)
        return;
    m_flushPending = true;
    // Once per event loop pass: a batch of many hosts' lines goes out in one write.
    QTimer::singleShot(0, this, [this] {
        m_flushPending = false;
        m_out.flush();
    });
}

QString RunCli::summary(bool final) const
{
    int done = 0;
    int inFlight = 0;
    int ok = 0;
    int nonZero = 0;
    int failed = 0;
    for (const HostSlot &slot : m_slots) {
        if (!slot.finished) {
            if (slot.state != HostState::Queued)
                ++inFlight;
            continue;
        }
        ++done;
        switch (statusOf(slot.result)) {
        case AllOk:
            ++ok;
            break;
        case CommandFailed:
            ++nonZero;
            break;
        default:
            ++failed;
        }
    }
    const QString seconds = QString::number(double(m_totalClock.elapsed()) / 1000.0, 'f', 1);
    QString progress;
    if (final && inFlight == 0)
        progress = QCoreApplication::translate("RunCli", "%n host(s) in %1 s", nullptr, int(m_slots.size()))
                       .arg(seconds);
    else if (final)
        progress = QCoreApplication::translate("RunCli", "%n host(s) in %1 s, %2 in flight", nullptr,
                                               int(m_slots.size()))
                       .arg(seconds, QString::number(inFlight));
    else if (inFlight == 0)
        progress = QCoreApplication::translate("RunCli", "%1/%2 done").arg(done).arg(m_slots.size());
    else
        progress = QCoreApplication::translate("RunCli", "%1/%2 done, %3 in flight")
                       .arg(done)
                       .arg(m_slots.size())
                       .arg(inFlight);
    // The counts are items of a list: each reads on its own.
    QStringList counts{QCoreApplication::translate("RunCli", "%1 ok").arg(ok)};
    if (nonZero > 0)
        counts.append(QCoreApplication::translate("RunCli", "%1 exited non-zero").arg(nonZero));
    if (failed > 0)
        counts.append(QCoreApplication::translate("RunCli", "%1 failed").arg(failed));
    return QCoreApplication::translate("RunCli", "%1: %2").arg(progress, counts.join(QStringLiteral(", ")));
}

void RunCli::drawProgress()
{
    if (!m_progressEnabled || !m_running)
        return;
    m_out.flush();
    QString text = QStringLiteral("chorus run: ");
    if (m_repeat > 1)
        text += QCoreApplication::translate("RunCli", "round %1/%2: %3")
                    .arg(QString::number(m_round), QString::number(m_repeat), summary(false));
    else
        text += summary(false);
    if (m_progressShown && text == m_progressText)
        return;
    m_progressText = text;
    writeStderr(CliOutput::clearLine() + text.toLocal8Bit());
    m_progressShown = true;
}

void RunCli::clearProgress()
{
    if (!m_progressShown)
        return;
    m_progressShown = false;
    writeStderr(CliOutput::clearLine());
}

} // namespace Chorus
