#include "app/cli/transfercli.h"

#include "app/cli/clioutput.h"
#include "app/cli/command.h"
#include "app/cli/hostoptions.h"
#include "model/history/resultjson.h"
#include "sshworker/workerpool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <unistd.h>

namespace Chorus {

namespace {

constexpr int ProgressIntervalMs = 200;

} // namespace

TransferCli::TransferCli(TransferDirection direction)
    : HostCommand(direction == TransferDirection::Push ? QStringLiteral("push") : QStringLiteral("pull"))
    , m_direction(direction)
{
    m_spec.direction = direction;
    m_progressTimer.setInterval(ProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &TransferCli::drawProgress);
}

TransferCli::~TransferCli() = default;

int TransferCli::main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Command::describe(&app);
    const bool push = QCoreApplication::arguments().value(1) == u"push";
    TransferCli cli(push ? TransferDirection::Push : TransferDirection::Pull);
    return cli.exec(Command::subcommandArguments());
}

bool TransferCli::parse(const QStringList &arguments, QString *error, bool *answered)
{
    const bool push = m_direction == TransferDirection::Push;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.setApplicationDescription(
        push ? QCoreApplication::translate(
                   "TransferCli", "Copies LOCAL files and folders (folders with everything in them) into "
                                  "REMOTE_DIR on every\n"
                                  "host at once over SFTP. REMOTE_DIR must exist. Files keep their mode and "
                                  "modification time.\n"
                                  "Each file is written under a temporary name (.NAME.chorus-XXXXXXXX.part) "
                                  "and renamed once\n"
                                  "complete, so a partly written file never appears under its real name.")
             : QCoreApplication::translate(
                   "TransferCli",
                   "Copies REMOTE_PATH (a file, or a folder with everything in it) from every host at once "
                   "over\n"
                   "SFTP into LOCAL_DIR/HOST/, one folder per host, like pslurp. Files keep their mode and\n"
                   "modification time and are renamed into place only once complete."));
    parser.setApplicationDescription(
        parser.applicationDescription() +
        QCoreApplication::translate(
            "TransferCli",
            "\n\nExit status: 0 every host copied everything; 2 some host failed (connect, authentication,\n"
            "a copy error) or was cancelled (Ctrl+C); 64 bad usage (nothing was connected to).\n"
            "--json prints one object per host: host, error (null on success), files, files_skipped,\n"
            "bytes, duration_ms, reused_connection."));
    if (push) {
        parser.addPositionalArgument(QStringLiteral("LOCAL"),
                                     QCoreApplication::translate("TransferCli", "Files and folders to send."),
                                     QStringLiteral("LOCAL..."));
        parser.addPositionalArgument(
            QStringLiteral("REMOTE_DIR"),
            QCoreApplication::translate("TransferCli", "The folder they go into on every host."));
    } else {
        parser.addPositionalArgument(
            QStringLiteral("REMOTE_PATH"),
            QCoreApplication::translate("TransferCli", "The file or folder to fetch."));
        parser.addPositionalArgument(QStringLiteral("LOCAL_DIR"),
                                     QCoreApplication::translate("TransferCli", "Gets one folder per host."));
    }
    addCommonOptions(&parser);
    const QCommandLineOption overwrite(
        QStringLiteral("overwrite"),
        QCoreApplication::translate(
            "TransferCli",
            "What to do with a file that is already there: always replace it (the default, as scp "
            "and pscp do), never, or if-different (replace it unless size and modification time "
            "match)."),
        QStringLiteral("always|never|if-different"));
    const QCommandLineOption checksum(
        QStringLiteral("checksum"),
        QCoreApplication::translate("TransferCli",
                                    "Compare the SHA-256 of both sides (sha256sum on the host) before a "
                                    "file takes its real name."));
    const QCommandLineOption checksumCommand(
        QStringLiteral("checksum-command"),
        QCoreApplication::translate("TransferCli",
                                    "The host's SHA-256 program for --checksum (default sha256sum; e.g. "
                                    "\"shasum -a 256\")."),
        QStringLiteral("PROGRAM"));
    const QCommandLineOption recursive(
        {QStringLiteral("r"), QStringLiteral("recursive")},
        QCoreApplication::translate("TransferCli",
                                    "Accepted for scp habits; folders are always copied whole."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QCoreApplication::translate("TransferCli", "One JSON object per host and line."));
    const QCommandLineOption stallTimeout(
        QStringLiteral("stall-timeout"),
        QCoreApplication::translate("TransferCli",
                                    "Give up on a host whose copy moves no byte for SEC seconds (default "
                                    "60; 0: wait without limit)."),
        QStringLiteral("SEC"));
    // Bounds on what a server may list for a pull, so one that lies cannot fill memory or disk.
    const QCommandLineOption maxDepth(
        QStringLiteral("max-depth"),
        QCoreApplication::translate("TransferCli", "Pull: refuse folders nested deeper than N (default 64)."),
        QStringLiteral("N"));
    const QCommandLineOption maxFolderEntries(
        QStringLiteral("max-folder-entries"),
        QCoreApplication::translate("TransferCli", "Pull: refuse a folder listing more than N entries (default "
                                                   "100000)."),
        QStringLiteral("N"));
    const QCommandLineOption maxEntries(
        QStringLiteral("max-entries"),
        QCoreApplication::translate("TransferCli", "Pull: refuse more than N files and folders per host (default "
                                                   "1000000)."),
        QStringLiteral("N"));
    for (const QCommandLineOption *option : {&overwrite, &checksum, &checksumCommand, &recursive, &json,
                                             &stallTimeout, &maxDepth, &maxFolderEntries, &maxEntries})
        parser.addOption(*option);

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    const QString usage = push ? QCoreApplication::translate("TransferCli", "Usage: chorus push [options] LOCAL... REMOTE_DIR")
                               : QCoreApplication::translate("TransferCli", "Usage: chorus pull [options] REMOTE_PATH LOCAL_DIR");
    if (!readCommonOptions(parser, usage, error, answered) || *answered)
        return *answered;
    if (parser.isSet(overwrite) && !parseOverwritePolicy(parser.value(overwrite), &m_spec.overwrite)) {
        *error = QCoreApplication::translate("TransferCli",
                                             "--overwrite: %1 is none of always, never, if-different")
                     .arg(CliOutput::quoted(parser.value(overwrite)));
        return false;
    }
    m_spec.verifyChecksum = parser.isSet(checksum);
    if (parser.isSet(checksumCommand)) {
        m_spec.checksumCommand = parser.value(checksumCommand).trimmed();
        if (m_spec.checksumCommand.isEmpty()) {
            *error = QCoreApplication::translate("TransferCli", "--checksum-command: empty");
            return false;
        }
    }
    m_json = parser.isSet(json);
    const auto readLimit = [&](const QCommandLineOption &option, auto *target) {
        int value = 0;
        if (!parser.isSet(option))
            return true;
        if (!parseCount(parser.value(option), 1, 1'000'000'000, &value)) {
            *error = QCoreApplication::translate("TransferCli", "--%1: %2 is not a whole number of at least 1")
                         .arg(option.names().constFirst(), CliOutput::quoted(parser.value(option)));
            return false;
        }
        *target = value;
        return true;
    };
    if (!readLimit(maxDepth, &m_spec.maxDepth) || !readLimit(maxFolderEntries, &m_spec.maxFolderEntries)
        || !readLimit(maxEntries, &m_spec.maxEntries))
        return false;
    if (parser.isSet(stallTimeout) && !HostOptions::parseSeconds(parser.value(stallTimeout), &m_stallMs)) {
        *error = QCoreApplication::translate("TransferCli", "--stall-timeout: %1 is not a number of seconds")
                     .arg(CliOutput::quoted(parser.value(stallTimeout)));
        return false;
    }

    const QStringList positional = parser.positionalArguments();
    if (push) {
        if (positional.size() < 2) {
            *error = QCoreApplication::translate("TransferCli",
                                                 "name at least one LOCAL file or folder and the REMOTE_DIR");
            return false;
        }
        m_spec.localPaths = positional.mid(0, positional.size() - 1);
        m_spec.remotePath = positional.last();
        // Found out now rather than after connecting to a thousand hosts.
        for (const QString &path : std::as_const(m_spec.localPaths)) {
            const QFileInfo info(path);
            if (!info.exists()) {
                *error = QCoreApplication::translate("TransferCli", "%1: no such file or directory")
                             .arg(CliOutput::quoted(path));
                return false;
            }
            if (!info.isReadable() || (!info.isFile() && !info.isDir())) {
                *error = QCoreApplication::translate("TransferCli", "%1: not a readable file or folder")
                             .arg(CliOutput::quoted(path));
                return false;
            }
        }
    } else {
        if (positional.size() != 2) {
            *error = QCoreApplication::translate("TransferCli", "name the REMOTE_PATH and the LOCAL_DIR");
            return false;
        }
        m_spec.remotePath = positional.at(0);
        m_spec.localPaths = {positional.at(1)};
        if (!CliOutput::makeWritableFolder(positional.at(1), error))
            return false;
    }
    if (m_spec.remotePath.isEmpty()) {
        *error = QCoreApplication::translate("TransferCli", "the remote path is empty");
        return false;
    }
    return m_hostOptions.resolve(parser, &m_targets, error, &m_warnings);
}

int TransferCli::exec(const QStringList &arguments)
{
    m_progressEnabled = stderrIsTerminal();
    QString error;
    bool answered = false;
    if (!parse(arguments, &error, &answered)) {
        message(error);
        return BadUsage;
    }
    if (answered)
        return AllOk;
    for (const QString &warning : std::as_const(m_warnings))
        message(QCoreApplication::translate("TransferCli", "warning: %1").arg(warning));

    PoolSettings settings;
    settings.threads = m_threads;
    settings.transferStallMs = m_stallMs;
    startPool(settings);
    connect(m_pool.get(), &WorkerPool::hostFinished, this, &TransferCli::onHostFinished);
    connect(m_pool.get(), &WorkerPool::transferProgress, this, &TransferCli::onProgress);
    connect(m_pool.get(), &WorkerPool::runFinished, this, &TransferCli::onRunFinished);

    RunRequest request;
    request.hosts = m_targets;
    request.fanout = m_fanout;
    request.transfer = m_spec;
    m_clock.start();
    m_run = m_pool->start(request);
    if (m_progressEnabled)
        m_progressTimer.start();
    const int status = QCoreApplication::exec();
    m_pool->shutdown();
    return status;
}

void TransferCli::onProgress(RunId run, int host, qint64 done, qint64 total)
{
    if (run == m_run)
        m_progress.update(host, done, total, m_clock.elapsed());
}

void TransferCli::onHostFinished(RunId run, int host, const HostResult &result)
{
    if (run != m_run || host < 0 || host >= m_targets.size())
        return;
    ++m_finished;
    m_progress.finish(host, m_clock.elapsed());
    m_status = qMax(m_status, int(statusOf(result)));
    const QString label = m_targets.at(host).name;
    describeConnection(label, result);
    if (m_json) {
        prepareStderr();
        CliOutput::writeAll(STDOUT_FILENO, ResultJson::transferLine(label.toUtf8(), result));
        return;
    }
    if (result.outcome != HostOutcome::Ok) {
        ++m_failed;
        message(label + QStringLiteral(": ") + result.endingText());
        return;
    }
    const QString bytes = TransferProgress::formatBytes(result.bytesTransferred);
    const QString seconds = QString::number(double(result.durationUs()) / 1e6, 'f', 1);
    const QString line = result.filesSkipped > 0
                             ? QCoreApplication::translate("TransferCli", "%1: %n file(s), %2, %3 in %4 s",
                                                           nullptr, result.filesTransferred)
                                   .arg(label, bytes,
                                        QCoreApplication::translate("TransferCli", "%n left as they were",
                                                                    nullptr, result.filesSkipped),
                                        seconds)
                             : QCoreApplication::translate("TransferCli", "%1: %n file(s), %2 in %3 s",
                                                           nullptr, result.filesTransferred)
                                   .arg(label, bytes, seconds);
    prepareStderr();
    CliOutput::writeAll(STDOUT_FILENO, line.toLocal8Bit() + '\n');
}

void TransferCli::onRunFinished(RunId run)
{
    if (run != m_run)
        return;
    m_progressTimer.stop();
    prepareStderr();
    if (m_progressEnabled) {
        const double seconds = double(m_clock.elapsed()) / 1000.0;
        message(
            QCoreApplication::translate("TransferCli", "%1 hosts in %2 s, %3 copied (%4): %5 ok, %6 failed")
                .arg(m_targets.size())
                .arg(seconds, 0, 'f', 1)
                .arg(TransferProgress::formatBytes(m_progress.done()),
                     TransferProgress::formatRate(seconds > 0 ? double(m_progress.done()) / seconds : 0))
                .arg(m_targets.size() - m_failed)
                .arg(m_failed));
    }
    if (m_interrupted)
        m_status = qMax(m_status, int(HostFailed));
    QCoreApplication::exit(m_status);
}

void TransferCli::drawProgress()
{
    if (!m_progressEnabled)
        return;
    const qint64 eta = m_progress.etaMs();
    const QString text =
        QCoreApplication::translate("TransferCli", "chorus %1: %2/%3 hosts done, %4 of %5, %6, %7")
            .arg(m_name)
            .arg(m_finished)
            .arg(m_targets.size())
            .arg(TransferProgress::formatBytes(m_progress.done()),
                 TransferProgress::formatBytes(m_progress.total()),
                 TransferProgress::formatRate(m_progress.bytesPerSecond()),
                 eta < 0 ? QCoreApplication::translate("TransferCli", "time left unknown")
                         : QCoreApplication::translate("TransferCli", "%1 left")
                               .arg(TransferProgress::formatDuration(eta)));
    writeStderr(CliOutput::clearLine() + text.toLocal8Bit());
    m_progressShown = true;
}

void TransferCli::prepareStderr()
{
    if (!m_progressShown)
        return;
    m_progressShown = false;
    writeStderr(CliOutput::clearLine());
}

void TransferCli::onInterrupt(int count)
{
    if (count > 1) {
        message(QCoreApplication::translate("TransferCli", "still cancelling; a third interrupt stops at once"));
        return;
    }
    m_interrupted = true;
    message(QCoreApplication::translate("TransferCli", "interrupted: cancelling the copies still running"));
    m_pool->cancelRun(m_run);
}

} // namespace Chorus
