// The compare tables at fleet size, without SSH: LineMatrix on 200 hosts x 10,000 lines (an
// `rpm -qa`, ~40 MB, every host lacking a package or two of its own, so ~200 distinct groups) and
// KeyValueTable on 200 hosts x 2,000 `sysctl -a`-like lines with some values and keys differing.
//   chorus-comparebench [--hosts 200] [--lines 10000] [--kv-lines 2000] [--runs 5]
// Prints a markdown table: build seconds (median, max), the raw output size, and the peak RSS
// growth during a build (VmHWM after it minus VmRSS before it) with its ratio to the raw size; then
// the compare tab's Lines view on the same outputs, with a GUI heartbeat meanwhile (QT_QPA_PLATFORM
// offscreen will do).
#include "model/compare/keyvaluetable.h"
#include "model/compare/linematrix.h"
#include "model/compare/linematrixmodel.h"
#include "model/session/runsession.h"
#include "widgets/compare/compareview.h"
#include "widgets/compare/linematrixview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QTabWidget>
#include <QTimer>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <malloc.h>

using namespace Chorus;

namespace {

struct Memory
{
    qint64 rssKiB = -1;
    qint64 peakKiB = -1;
};

Memory memory()
{
    Memory m;
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        if (fields[0] == "VmRSS:")
            m.rssKiB = fields[1].toLongLong();
        else if (fields[0] == "VmHWM:")
            m.peakKiB = fields[1].toLongLong();
    }
    return m;
}

// Gives freed memory back and lowers VmHWM to the current RSS ("5" to clear_refs, Linux 4.0 on), so
// each run's peak is its own and not the one before it or the making of the outputs.
bool resetPeak()
{
    malloc_trim(0);
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

struct Figures
{
    QString name;
    double medianS = 0, maxS = 0;
    double rawMiB = 0;
    double peakGrowthMiB = 0; // the largest of the runs
    qsizetype rows = 0, differing = 0;
    QString note;
};

// What one build made, and how long it took (not counting freeing it).
struct Outcome
{
    qsizetype rows = 0, differing = 0;
    double seconds = 0;
};

// Runs build `runs` times; build reads the clock it is handed right after building, then drops
// what it built.
Figures measure(const QString &name, const QList<LineMatrix::Column> &columns, int runs,
                const std::function<Outcome(const QElapsedTimer &)> &build)
{
    Figures f;
    f.name = name;
    for (const LineMatrix::Column &column : columns)
        f.rawMiB += double(column.output.size()) / (1024.0 * 1024.0);
    QList<double> seconds;
    bool peakReset = true;
    for (int run = 0; run < runs; ++run) {
        peakReset = resetPeak() && peakReset;
        const Memory before = memory();
        QElapsedTimer timer;
        timer.start();
        const Outcome outcome = build(timer);
        const Memory after = memory();
        seconds.append(outcome.seconds);
        f.rows = outcome.rows;
        f.differing = outcome.differing;
        f.peakGrowthMiB = std::max(f.peakGrowthMiB, double(after.peakKiB - before.rssKiB) / 1024.0);
    }
    std::sort(seconds.begin(), seconds.end());
    f.medianS = seconds[seconds.size() / 2];
    f.maxS = seconds.last();
    if (!peakReset)
        f.note = QStringLiteral("VmHWM could not be reset: growth is against the process's earlier peak");
    return f;
}

QByteArray packageLine(int i)
{
    return "pkg-" + QByteArray::number(i).rightJustified(5, '0') + "-1.2-3.x86_64\n";
}

// Host h lacks two packages of its own (h * 47 and h * 89 + 13, modulo the lines): every host
// differs from every other, so each is its own group, as after a fleet's uneven updates.
QList<LineMatrix::Column> packageOutputs(int hosts, int lines)
{
    QList<QByteArray> all;
    for (int i = 0; i < lines; ++i)
        all.append(packageLine(i));
    QList<LineMatrix::Column> columns;
    for (int h = 0; h < hosts; ++h) {
        const int dropA = int(qint64(h) * 47 % lines), dropB = int((qint64(h) * 89 + 13) % lines);
        QByteArray output;
        output.reserve(qsizetype(lines) * all.first().size());
        for (int i = 0; i < lines; ++i) {
            if (i != dropA && i != dropB)
                output += all[i];
        }
        columns.append(LineMatrix::Column{{h}, output});
    }
    return columns;
}

// sysctl-like: every host has its own hostname line; a tenth of the hosts tune one key of their
// own and a twentieth lack one, the rest agree.
QList<LineMatrix::Column> sysctlOutputs(int hosts, int lines)
{
    QList<LineMatrix::Column> columns;
    for (int h = 0; h < hosts; ++h) {
        QByteArray output = "kernel.hostname = web" + QByteArray::number(h) + '\n';
        for (int i = 0; i < lines - 1; ++i) {
            if (h % 20 == 0 && i == h % (lines - 1))
                continue;
            output +=
                "net.ipv4.conf.eth" + QByteArray::number(i % 8) + ".param" + QByteArray::number(i) + " = ";
            output += h % 10 == 0 && i == (h * 7) % (lines - 1) ? QByteArray("1") : QByteArray::number(i % 3);
            output += '\n';
        }
        columns.append(LineMatrix::Column{{h}, output});
    }
    return columns;
}

// The compare tab with those hosts' results: how late a 5 ms timer in the GUI thread fires from the
// click on "Lines" until the matrix is shown, and how long that takes.
struct GuiFigures
{
    double seconds = 0;
    qint64 p50 = 0, p99 = 0, max = 0;
    int rows = 0;
};

GuiFigures measureCompareTab(const QList<LineMatrix::Column> &columns)
{
    RunRequest request;
    request.command = QStringLiteral("rpm -qa | sort");
    for (qsizetype h = 0; h < columns.size(); ++h) {
        HostTarget target;
        target.name = QStringLiteral("web%1").arg(h + 1, 3, 10, QLatin1Char('0'));
        target.hostname = QStringLiteral("127.0.0.1");
        request.hosts.append(target);
    }
    RunSession session(request);
    session.start(1);
    CompareView view(&session);
    view.resize(1200, 800);
    view.show();
    for (qsizetype h = 0; h < columns.size(); ++h) {
        HostResult result;
        result.outcome = HostOutcome::Ok;
        result.exitStatus = 0;
        result.stdoutData = columns.at(h).output;
        result.stdoutBytes = result.stdoutData.size();
        session.handleHostFinished(1, int(h), result);
    }
    session.flush();
    QCoreApplication::processEvents();

    QList<qint64> late;
    QElapsedTimer clock;
    qint64 last = 0;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&beat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        late.append(std::max<qint64>(0, now - last - 5));
        last = now;
    });
    QEventLoop loop;
    QObject::connect(view.lineMatrixView(), &LineMatrixView::built, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    clock.start();
    beat.start(5);
    view.viewTabs()->setCurrentWidget(view.lineMatrixView());
    loop.exec();
    // The frame that shows it.
    QTimer::singleShot(50, &loop, &QEventLoop::quit);
    loop.exec();
    GuiFigures f;
    f.seconds = double(clock.elapsed() - 50) / 1000.0;
    std::sort(late.begin(), late.end());
    if (!late.isEmpty()) {
        f.p50 = late.at(late.size() / 2);
        f.p99 = late.at(std::min(late.size() - 1, late.size() * 99 / 100));
        f.max = late.last();
    }
    f.rows = view.lineMatrixView()->model()->rowCount();
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LineMatrix and KeyValueTable build time and memory"));
    parser.addHelpOption();
    const QCommandLineOption hostsOption(QStringLiteral("hosts"), QStringLiteral("Hosts (columns)."),
                                         QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption linesOption(QStringLiteral("lines"),
                                         QStringLiteral("Lines per host, line matrix."), QStringLiteral("n"),
                                         QStringLiteral("10000"));
    const QCommandLineOption kvLinesOption(QStringLiteral("kv-lines"),
                                           QStringLiteral("Lines per host, key/value table."),
                                           QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Builds of each."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({hostsOption, linesOption, kvLinesOption, runsOption});
    parser.process(app);
    const int hosts = std::max(1, parser.value(hostsOption).toInt());
    const int lines = std::max(2, parser.value(linesOption).toInt());
    const int kvLines = std::max(2, parser.value(kvLinesOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QList<Figures> results;
    GuiFigures gui;
    {
        const QList<LineMatrix::Column> columns = packageOutputs(hosts, lines);
        results.append(measure(QStringLiteral("LineMatrix, %1 hosts x %2 lines").arg(hosts).arg(lines),
                               columns, runs, [&columns](const QElapsedTimer &timer) {
                                   const LineMatrix matrix = LineMatrix::build(columns);
                                   const double seconds = double(timer.nsecsElapsed()) / 1e9;
                                   return Outcome{matrix.rows().size(), matrix.differingRowCount(), seconds};
                               }));
        gui = measureCompareTab(columns);
    }
    {
        const QList<LineMatrix::Column> columns = sysctlOutputs(hosts, kvLines);
        // Told the format, the lines are read once instead of twice: what detection costs.
        const QList<QPair<KeyValueTable::Format, QString>> formats{
            {KeyValueTable::Format::Detect, QStringLiteral("detect")},
            {KeyValueTable::Format::Equals, QStringLiteral("Equals")}};
        for (const auto &[format, formatName] : formats) {
            results.append(
                measure(QStringLiteral("KeyValueTable (%1), %2 hosts x %3 lines")
                            .arg(formatName)
                            .arg(hosts)
                            .arg(kvLines),
                        columns, runs, [&columns, format = format](const QElapsedTimer &timer) {
                            const KeyValueTable table = KeyValueTable::build(columns, format);
                            const double seconds = double(timer.nsecsElapsed()) / 1e9;
                            return Outcome{table.rows().size(), table.differingRowCount(), seconds};
                        }));
        }
    }

    std::printf("| build | runs | median s | max s | raw MiB | rows | differing rows | peak RSS growth MiB "
                "| growth / raw |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (const Figures &f : std::as_const(results)) {
        std::printf("| %s | %d | %.3f | %.3f | %.1f | %lld | %lld | %.1f | %.2f |\n", qPrintable(f.name),
                    runs, f.medianS, f.maxS, f.rawMiB, qlonglong(f.rows), qlonglong(f.differing),
                    f.peakGrowthMiB, f.rawMiB > 0 ? f.peakGrowthMiB / f.rawMiB : 0.0);
    }
    std::printf("\n| compare tab, %d hosts x %d lines | click on Lines to the matrix shown, s | rows shown | "
                "heartbeat late p50 ms | p99 ms | max ms |\n",
                hosts, lines);
    std::printf("|---|---|---|---|---|---|\n");
    std::printf("| Chorus | %.2f | %d | %lld | %lld | %lld |\n", gui.seconds, gui.rows, gui.p50, gui.p99, gui.max);
    for (const Figures &f : std::as_const(results)) {
        if (!f.note.isEmpty())
            std::printf("\n%s: %s\n", qPrintable(f.name), qPrintable(f.note));
    }
    std::fflush(stdout);
    return 0;
}
