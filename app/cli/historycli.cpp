#include "app/cli/historycli.h"

#include "app/cli/command.h"
#include "model/history/resultjson.h"
#include "model/history/runhistory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace Chorus {

namespace {

// Option names, outcome words and JSON keys stay as they are in every language: they are typed.
const char *const Usage = QT_TRANSLATE_NOOP("HistoryCli",
    "Usage: chorus history list [--json] [--command TEXT] [--host NAME] [--outcome OUTCOME]\n"
    "                           [--since YYYY-MM-DD] [--limit N]\n"
    "       chorus history show RUN [--json]\n"
    "\n"
    "The runs Chorus recorded, newest first.\n"
    "list: --command keeps runs whose command contains TEXT; --host runs that had the host NAME\n"
    "(a name or user@host:port); --outcome runs where some host ended ok, non-zero, failed, timed-out or\n"
    "cancelled; --since runs started on that day or later; --limit the N newest. --json prints one\n"
    "object per run and line (run, command, started, duration_ms, hosts, ok, non_zero_exit, failed,\n"
    "timed_out, cancelled).\n"
    "show: each host of run RUN, how it ended and its output; --json prints one object per host and\n"
    "line, as chorus run --json does.\n"
    "\n"
    "Exit status: 0 done; 1 the history cannot be read or there is no such run; 64 bad usage.\n");

QByteArray usage()
{
    return QCoreApplication::translate("HistoryCli", Usage).toLocal8Bit();
}

void writeOut(const QByteArray &data)
{
    fwrite(data.constData(), 1, size_t(data.size()), stdout);
}

int usageError(const QString &text)
{
    QTextStream(stderr) << QStringLiteral("chorus history: ") << text << Qt::endl;
    return HistoryCli::ExitUsage;
}

int failure(const QString &text)
{
    QTextStream(stderr) << QStringLiteral("chorus history: ") << text << Qt::endl;
    return HistoryCli::ExitFailure;
}

// The history's own warnings (a file set aside) read like the rest of our messages.
void printMessage(QtMsgType type, const QMessageLogContext &, const QString &text)
{
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    QTextStream(stderr) << QStringLiteral("chorus history: ") << text << Qt::endl;
}

// Parses and answers --help; returns -1 to go on, or the exit status.
int parse(QCommandLineParser *parser, const QStringList &arguments)
{
    parser->addHelpOption();
    if (!parser->parse(arguments))
        return usageError(parser->errorText());
    if (parser->isSet(QStringLiteral("help"))) {
        writeOut(usage());
        return HistoryCli::ExitOk;
    }
    return -1;
}

QString duration(qint64 ms)
{
    if (ms < 10'000)
        return QCoreApplication::translate("HistoryCli", "%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    if (ms < 3'600'000)
        return QCoreApplication::translate("HistoryCli", "%1m%2s")
            .arg(ms / 60'000)
            .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("HistoryCli", "%1h%2m")
        .arg(ms / 3'600'000)
        .arg((ms / 60'000) % 60, 2, 10, QLatin1Char('0'));
}

QString counts(const RunHistory::RunSummary &s)
{
    QStringList parts;
    const std::pair<int, const char *> all[] = {{s.ok, QT_TRANSLATE_NOOP("HistoryCli", "%1 ok")},
                                                {s.nonZeroExit, QT_TRANSLATE_NOOP("HistoryCli", "%1 non-zero")},
                                                {s.failed, QT_TRANSLATE_NOOP("HistoryCli", "%1 failed")},
                                                {s.timedOut, QT_TRANSLATE_NOOP("HistoryCli", "%1 timed out")},
                                                {s.cancelled, QT_TRANSLATE_NOOP("HistoryCli", "%1 cancelled")}};
    for (const auto &[n, text] : all) {
        if (n > 0)
            parts += QCoreApplication::translate("HistoryCli", text).arg(n);
    }
    return parts.join(QStringLiteral(", "));
}

void printLines(const QByteArray &prefix, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    QByteArray out;
    for (const QByteArray &line : data.split('\n'))
        out += prefix + line + '\n';
    if (data.endsWith('\n'))
        out.chop(prefix.size() + 1); // split() gave a last empty piece
    writeOut(out);
}

} // namespace

int HistoryCli::main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qInstallMessageHandler(printMessage);
    Command::describe(&app);
    QStringList arguments = Command::subcommandArguments();
    if (arguments.size() < 2)
        return usageError(
            QCoreApplication::translate("HistoryCli", "say what to do: chorus history list|show (see chorus history --help)"));
    const QString action = arguments.takeAt(1);
    if (action == u"--help" || action == u"-h" || action == u"help") {
        writeOut(usage());
        return ExitOk;
    }
    if (action == u"list")
        return list(arguments);
    if (action == u"show")
        return show(arguments);
    return usageError(QCoreApplication::translate("HistoryCli", "unknown action \"%1\": chorus history list|show").arg(action));
}

bool HistoryCli::openHistory(RunHistory *history)
{
    // What open() has to say (a file set aside, a newer schema) it also logs; the log is printed.
    return history->open() != RunHistory::OpenResult::Failed;
}

int HistoryCli::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("HistoryCli", "One JSON object per run."));
    const QCommandLineOption command(QStringLiteral("command"), QCoreApplication::translate("HistoryCli", "Command contains TEXT."),
                                     QStringLiteral("TEXT"));
    const QCommandLineOption host(QStringLiteral("host"), QCoreApplication::translate("HistoryCli", "Had the host NAME."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption outcome(QStringLiteral("outcome"), QCoreApplication::translate("HistoryCli", "Some host ended so."),
                                     QStringLiteral("OUTCOME"));
    const QCommandLineOption since(QStringLiteral("since"), QCoreApplication::translate("HistoryCli", "Started on DATE or later."),
                                   QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption limit(QStringLiteral("limit"), QCoreApplication::translate("HistoryCli", "The N newest runs."),
                                   QStringLiteral("N"));
    for (const QCommandLineOption *option : {&json, &command, &host, &outcome, &since, &limit})
        parser.addOption(*option);
    if (const int status = parse(&parser, arguments); status >= 0)
        return status;
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(QCoreApplication::translate("HistoryCli", "list takes no arguments, only options: \"%1\"")
                              .arg(parser.positionalArguments().constFirst()));
    }

    RunHistory::Filter filter;
    filter.command = parser.value(command);
    filter.host = parser.value(host);
    if (parser.isSet(outcome)) {
        HostOutcome o;
        if (!RunHistory::parseOutcome(parser.value(outcome), &o)) {
            return usageError(
                QCoreApplication::translate("HistoryCli", "--outcome: \"%1\" is not one of ok, non-zero, "
                                                           "failed, timed-out, cancelled")
                    .arg(parser.value(outcome)));
        }
        filter.outcome = o;
    }
    if (parser.isSet(since)) {
        const QDate date = QDate::fromString(parser.value(since), Qt::ISODate);
        if (!date.isValid())
            return usageError(
                QCoreApplication::translate("HistoryCli", "--since: \"%1\" is not a date like 2026-11-21").arg(parser.value(since)));
        filter.since = date.startOfDay();
    }
    if (parser.isSet(limit)) {
        bool ok = false;
        filter.limit = parser.value(limit).toInt(&ok);
        if (!ok || filter.limit < 1)
            return usageError(QCoreApplication::translate("HistoryCli", "--limit: \"%1\" is not a whole number of at least 1")
                                  .arg(parser.value(limit)));
    }

    RunHistory history;
    if (!openHistory(&history))
        return ExitFailure;
    const QList<RunHistory::RunSummary> runs = history.runs(filter);
    if (!history.lastError().isEmpty())
        return failure(history.lastError());
    QByteArray out;
    for (const RunHistory::RunSummary &s : runs) {
        if (parser.isSet(json)) {
            const QJsonObject object{
                {QStringLiteral("run"), s.id},
                {QStringLiteral("command"), s.command},
                {QStringLiteral("started"), s.started.toUTC().toString(Qt::ISODateWithMs)},
                {QStringLiteral("duration_ms"), s.durationMs},
                {QStringLiteral("hosts"), s.hosts},
                {QStringLiteral("ok"), s.ok},
                {QStringLiteral("non_zero_exit"), s.nonZeroExit},
                {QStringLiteral("failed"), s.failed},
                {QStringLiteral("timed_out"), s.timedOut},
                {QStringLiteral("cancelled"), s.cancelled},
            };
            out += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        } else {
            out += QCoreApplication::translate("HistoryCli", "%1  %2  %3  %4 hosts: %5  %6\n")
                       .arg(s.id, 5)
                       .arg(s.started.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                       .arg(duration(s.durationMs), 7)
                       .arg(s.hosts)
                       .arg(counts(s), s.command)
                       .toUtf8();
        }
    }
    writeOut(out);
    return ExitOk;
}

int HistoryCli::show(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("HistoryCli", "One JSON object per host."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("RUN"),
                                 QCoreApplication::translate("HistoryCli", "The run's number, as list shows it."));
    if (const int status = parse(&parser, arguments); status >= 0)
        return status;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QCoreApplication::translate("HistoryCli", "show takes one run number: chorus history show RUN [--json]"));
    bool ok = false;
    const qint64 id = positional.constFirst().toLongLong(&ok);
    if (!ok || id < 1)
        return usageError(QCoreApplication::translate("HistoryCli", "\"%1\" is not a run number (see chorus history list)")
                              .arg(positional.constFirst()));

    RunHistory history;
    if (!openHistory(&history))
        return ExitFailure;
    const std::optional<RunHistory::Run> run = history.run(id);
    if (!run) {
        if (!history.lastError().isEmpty())
            return failure(history.lastError());
        return failure(QCoreApplication::translate("HistoryCli", "there is no run %1 in the history").arg(id));
    }
    if (parser.isSet(json)) {
        QByteArray out;
        for (const RunHistory::HostRecord &h : run->hosts)
            out += ResultJson::hostLine(h.name.toUtf8(), h.result);
        writeOut(out);
        return ExitOk;
    }
    writeOut(QCoreApplication::translate("HistoryCli", "Run %1: %2\nStarted %3, took %4, %5 hosts\n")
                 .arg(run->id)
                 .arg(run->command, run->started.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                      duration(run->durationMs))
                 .arg(run->hosts.size())
                 .toUtf8());
    for (const RunHistory::HostRecord &h : run->hosts) {
        QString line =
            QStringLiteral("\n== %1 (%2): %3").arg(h.name, h.address, h.result.endingText());
        if (h.result.truncated())
            line += QCoreApplication::translate("HistoryCli", " [output truncated: %1 + %2 bytes sent]")
                        .arg(h.result.stdoutBytes)
                        .arg(h.result.stderrBytes);
        writeOut(line.toUtf8() + '\n');
        printLines(QByteArrayLiteral("  "), h.result.stdoutData);
        printLines(QByteArrayLiteral("  stderr: "), h.result.stderrData);
    }
    return ExitOk;
}

} // namespace Chorus
