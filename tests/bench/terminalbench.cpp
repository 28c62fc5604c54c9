// Terminals against a real fleet, under a real X server (run it under xvfb-run): throughput of one
// terminal printing a big file next to xterm running `ssh host cat` on the same display, 32 tiles
// printing at once, and keystroke-to-echo latency. A heartbeat timer in the GUI thread measures how
// late the event loop runs meanwhile.
//   xvfb-run -a chorus-terminalbench [--mib 200] [--tiles 32] [--keys 300]
// Prints markdown tables.
#include "sshworker/fleet/localfleet.h"
#include "sshworker/workerpool.h"
#include "widgets/terminal/terminalgroup.h"
#include "widgets/terminal/terminalinput.h"
#include "widgets/terminal/terminaltile.h"
#include "widgets/terminal/terminalview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <sys/resource.h>
#include <time.h>

using namespace Chorus;

namespace {

qint64 rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// How late a 5 ms timer in the GUI thread fires.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(Interval);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_late.append(std::max<qint64>(0, now - m_last - Interval));
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 percentile(int p)
    {
        std::sort(m_late.begin(), m_late.end());
        return m_late.isEmpty() ? 0 : m_late.at(qMin(m_late.size() - 1, m_late.size() * p / 100));
    }

private:
    static constexpr int Interval = 5;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<qint64> m_late;
};

// With CHORUS_BENCH_DEBUG: which events hold the GUI thread, to tell parsing from painting.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_enabled)
            return QApplication::notify(receiver, event);
        QElapsedTimer clock;
        clock.start();
        const qint64 cpu0 = threadCpuUs();
        ++m_depth;
        const QEvent::Type type = event->type();
        const QByteArray name = QByteArray(receiver->metaObject()->className()) + " in "
            + (receiver->parent() ? receiver->parent()->metaObject()->className() : "nothing");
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const qint64 us = clock.nsecsElapsed() / 1000;
        if (type == QEvent::Paint)
            m_paintUs += us, ++m_paints;
        if (m_depth == 0 && us > 20000)
            fprintf(stderr, "slow event: type %d to %s, %lld ms, %lld ms on the CPU\n", int(type), name.constData(),
                    us / 1000, (threadCpuUs() - cpu0) / 1000);
        return result;
    }
    static qint64 threadCpuUs()
    {
        timespec t;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
    }
    void report()
    {
        if (m_enabled)
            fprintf(stderr, "paint: %lld events, %lld ms in all; now %lld ms on the CPU\n", m_paints, m_paintUs / 1000,
                    threadCpuUs() / 1000);
        m_paints = m_paintUs = 0;
    }
    bool m_enabled = qEnvironmentVariableIsSet("CHORUS_BENCH_DEBUG");

private:
    int m_depth = 0;
    qint64 m_paintUs = 0;
    qint64 m_paints = 0;
};

// Runs the event loop until done() or the timeout; sleeps between events (a busy loop here would take
// the CPU the engine and the servers need), woken at least every millisecond to look.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    tick.start(1);
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void typeLine(TerminalView *view, const QString &text)
{
    for (const QChar c : text)
        view->applyInput({TerminalInput::Kind::Key, 0, Qt::NoModifier, QString(c)});
    view->applyInput({TerminalInput::Kind::Key, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r")});
}

bool showsLine(TerminalView *view, const QString &line)
{
    for (int r = 0; r < view->rows(); ++r) {
        if (view->lineText(r) == line)
            return true;
    }
    return false;
}

std::unique_ptr<TerminalGroup> openGroup(WorkerPool *pool, const LocalFleet &fleet, int first, int count, QSize size)
{
    QList<TerminalGroup::Host> hosts;
    for (int i = first; i < first + count; ++i)
        hosts.append({fleet.hosts().at(i).name, fleet.target(fleet.hosts().at(i))});
    auto group = std::make_unique<TerminalGroup>(pool, hosts);
    group->resize(size);
    group->show();
    waitFor([&] {
        for (TerminalTile *tile : group->tiles()) {
            if (tile->state() != TerminalTile::State::Open)
                return false;
        }
        return true;
    }, 60000);
    return group;
}

} // namespace

int main(int argc, char *argv[])
{
    TimingApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("chorus-bench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption mibOption(QStringLiteral("mib"), QStringLiteral("MiB the big file has"), QStringLiteral("N"),
                                 QStringLiteral("200"));
    QCommandLineOption tilesOption(QStringLiteral("tiles"), QStringLiteral("tiles printing at once"), QStringLiteral("N"),
                                   QStringLiteral("32"));
    QCommandLineOption keysOption(QStringLiteral("keys"), QStringLiteral("keystrokes timed"), QStringLiteral("N"),
                                  QStringLiteral("300"));
    parser.addOptions({mibOption, tilesOption, keysOption});
    parser.process(app);
    const int mib = parser.value(mibOption).toInt();
    const int tiles = parser.value(tilesOption).toInt();
    const int keys = parser.value(keysOption).toInt();

    LocalFleet fleet;
    QString error;
    if (!fleet.start(qMax(2, tiles), &error)) {
        qCritical("cannot start the fleet: %s", qPrintable(error));
        return 1;
    }
    // The servers stand in for other machines: at the lowest priority (their sessions inherit it) they
    // cannot take the GUI thread's share of the two cores the way 32 shells printing otherwise would,
    // as the guibench does for 500 key exchanges. They still get every cycle the client leaves idle.
    for (qint64 pid : fleet.serverPids())
        setpriority(PRIO_PROCESS, id_t(pid), 19);
    QTemporaryDir dir;
    // Text lines of 99 characters, as a log is; read once so both sides read it from the page cache.
    const QString file = dir.filePath(QStringLiteral("big.txt"));
    QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"),
                                             QStringLiteral("head -c %1 /dev/zero | tr '\\0' x | fold -w 99 > %2 && echo >> %2 && cat %2 > /dev/null")
                                                 .arg(qint64(mib) * 1024 * 1024)
                                                 .arg(file)});
    const double fileMiB = QFileInfo(file).size() / 1048576.0;

    // xterm, 100x30, running ssh with the fleet's own ssh_config.
    double xtermSeconds = -1;
    const QString xterm = QStandardPaths::findExecutable(QStringLiteral("xterm"));
    if (!xterm.isEmpty()) {
        QElapsedTimer clock;
        clock.start();
        QProcess::execute(xterm, {QStringLiteral("-geometry"), QStringLiteral("100x30"), QStringLiteral("-e"),
                                  QStringLiteral("ssh"), QStringLiteral("-F"), fleet.sshConfigPath(),
                                  fleet.hosts().at(0).name, QStringLiteral("cat"), file});
        xtermSeconds = clock.elapsed() / 1000.0;
    }

    PoolSettings settings;
    settings.yieldToCaller = true;
    WorkerPool pool(settings);

    // One terminal of about the same size prints the file.
    double chorusSeconds = -1;
    qint64 catP99 = 0, catP50 = 0;
    {
        auto group = openGroup(&pool, fleet, 0, 1, QSize(820, 540));
        TerminalView *view = group->tiles().at(0)->view();
        typeLine(view, QStringLiteral("clear"));
        QElapsedTimer clock;
        Heartbeat heartbeat;
        clock.start();
        typeLine(view, QStringLiteral("cat %1; echo CAT-$((1+1))").arg(file));
        if (!waitFor([&] { return showsLine(view, QStringLiteral("CAT-2")); }, qEnvironmentVariableIntValue("CHORUS_BENCH_WAIT_MS") > 0 ? qEnvironmentVariableIntValue("CHORUS_BENCH_WAIT_MS") : 600000))
            fprintf(stderr, "the terminal did not finish:\n%s\n", qPrintable(view->screenText()));
        chorusSeconds = clock.elapsed() / 1000.0;
        catP50 = heartbeat.percentile(50);
        catP99 = heartbeat.percentile(99);
    }

    // Keystroke to echo: one character typed at the shell's prompt, timed until the screen shows it
    // and the terminal has painted.
    QList<double> echoMs;
    {
        auto group = openGroup(&pool, fleet, 1, 1, QSize(820, 540));
        TerminalView *view = group->tiles().at(0)->view();
        typeLine(view, QStringLiteral("clear"));
        waitFor([&] { return view->cursorPosition().y() == 0 && !view->lineText(0).isEmpty(); }, 10000);
        struct PaintWatch : QObject
        {
            qint64 lastPaintNs = 0;
            QElapsedTimer *clock = nullptr;
            bool eventFilter(QObject *, QEvent *event) override
            {
                if (event->type() == QEvent::Paint)
                    lastPaintNs = clock->nsecsElapsed();
                return false;
            }
        } watch;
        QElapsedTimer clock;
        clock.start();
        watch.clock = &clock;
        view->viewport()->installEventFilter(&watch);
        qint64 arrivedNs = 0;
        QList<double> arriveMs;
        QObject::connect(&pool, &WorkerPool::outputReceived, group.get(), [&](const OutputChunk &) {
            if (!arrivedNs)
                arrivedNs = clock.nsecsElapsed();
        });
        for (int i = 0; i < keys; ++i) {
            arrivedNs = 0;
            const QPoint at = view->cursorPosition();
            const QString c = QString(QChar(u'a' + i % 26));
            const qint64 sent = clock.nsecsElapsed();
            view->applyInput({TerminalInput::Kind::Key, 0, Qt::NoModifier, c});
            bool seen = false;
            waitFor([&] {
                if (!seen && view->cellAt(at.y(), at.x()).text == c)
                    seen = true;
                return seen && watch.lastPaintNs > sent && view->cursorPosition() != at;
            }, 5000);
            echoMs.append((watch.lastPaintNs - sent) / 1e6);
            arriveMs.append((arrivedNs - sent) / 1e6);
            if (at.x() > 60) { // a clean line before it wraps
                typeLine(view, QStringLiteral("clear"));
                waitFor([&] { return view->cursorPosition().y() == 0 && !view->lineText(0).isEmpty(); }, 10000);
            }
            waitFor([] { return false; }, 20); // typing speed: 50 keys a second at most
        }
        view->viewport()->removeEventFilter(&watch);
        std::sort(echoMs.begin(), echoMs.end());
        std::sort(arriveMs.begin(), arriveMs.end());
        if (qEnvironmentVariableIsSet("CHORUS_BENCH_DEBUG"))
            fprintf(stderr, "echo arrived from the engine: p50 %.2f ms, p99 %.2f ms\n", arriveMs.at(arriveMs.size() / 2),
                    arriveMs.at(arriveMs.size() * 99 / 100));
    }

    // Many tiles printing at once, for ten seconds.
    qint64 tilesP50 = 0, tilesP99 = 0, perTileKiB = 0;
    qint64 slowest = 0, fastest = 0;
    int starvedSeconds = 0;
    qint64 longestUnparsedMs = 0;
    {
        const qint64 before = rssKiB();
        auto group = openGroup(&pool, fleet, 0, tiles, QSize(1280, 720));
        group->setBroadcasting(true);
        QList<qint64> bytes(tiles, 0);
        QList<QList<int>> seconds(tiles);
        QElapsedTimer clock;
        for (int i = 0; i < tiles; ++i) {
            QObject::connect(group->tiles().at(i)->view(), &TerminalView::consumed, [&, i](qint64 n) {
                bytes[i] += n;
                const int second = int(clock.elapsed() / 1000);
                if (seconds[i].isEmpty() || seconds[i].constLast() != second)
                    seconds[i].append(second);
            });
        }
        TerminalView *view = group->tiles().at(0)->view();
        // Whether the GUI leaves any tile behind: how long a tile's output, once arrived, waits with
        // none of it parsed. (A tile with nothing waiting is the host's or the network's doing.)
        QList<qint64> waitingSince(tiles, -1);
        QList<qint64> bytesSeen(tiles, 0);
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            for (int i = 0; i < tiles; ++i) {
                const bool waiting = group->tiles().at(i)->view()->backlog() > 0 && bytes[i] == bytesSeen[i];
                bytesSeen[i] = bytes[i];
                if (!waiting)
                    waitingSince[i] = -1;
                else if (waitingSince[i] < 0)
                    waitingSince[i] = now;
                else
                    longestUnparsedMs = qMax(longestUnparsedMs, now - waitingSince[i]);
            }
        });
        app.report();
        Heartbeat heartbeat;
        clock.start();
        sampler.start(10);
        // Typed into one tile, it reaches all of them. The loop prints with a builtin: a `seq` forked 32
        // times over on the same two cores would spend them on exec rather than output, which hosts of
        // their own would not take from the client.
        group->tiles().at(0)->view()->setFocus();
        for (const QChar c : QStringLiteral("timeout 10 sh -c 'i=0; while :; do i=$((i+1)); echo line $i; done'; echo TILES-$((1+1))"))
            Q_EMIT view->inputTyped({TerminalInput::Kind::Key, 0, Qt::NoModifier, QString(c)});
        Q_EMIT view->inputTyped({TerminalInput::Kind::Key, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r")});
        waitFor([&] {
            for (TerminalTile *tile : group->tiles()) {
                if (!showsLine(tile->view(), QStringLiteral("TILES-2")))
                    return false;
            }
            return true;
        }, 120000);
        tilesP50 = heartbeat.percentile(50);
        tilesP99 = heartbeat.percentile(99);
        app.report();
        perTileKiB = (rssKiB() - before) / tiles;
        slowest = *std::min_element(bytes.begin(), bytes.end());
        fastest = *std::max_element(bytes.begin(), bytes.end());
        for (const QList<int> &s : seconds) {
            int missing = 0;
            for (int second = 1; second < 10; ++second)
                missing += s.contains(second) ? 0 : 1;
            starvedSeconds = qMax(starvedSeconds, missing);
        }
        if (qEnvironmentVariableIsSet("CHORUS_BENCH_DEBUG")) {
            for (int i = 0; i < tiles; ++i) {
                QStringList s;
                for (int second : seconds[i])
                    s.append(QString::number(second));
                fprintf(stderr, "tile %d: %lld bytes, seconds %s, %s\n", i, bytes[i], qPrintable(s.join(u',')),
                        qPrintable(group->tiles().at(i)->statusText()));
                if (bytes[i] == 0)
                    fprintf(stderr, "run %llu running %d backlog %lld\n%s\n", group->tiles().at(i)->runId(),
                            pool.isRunning(group->tiles().at(i)->runId()), group->tiles().at(i)->view()->backlog(),
                            qPrintable(group->tiles().at(i)->view()->screenText()));
            }
        }
    }

    printf("| one terminal, `cat` of %.0f MiB | seconds | MiB/s | ratio to xterm | heartbeat late p50 ms | p99 ms |\n",
           fileMiB);
    printf("|---|---|---|---|---|---|\n");
    if (xtermSeconds > 0)
        printf("| xterm 379, `ssh host cat` | %.2f | %.1f | 1.00 | | |\n", xtermSeconds, fileMiB / xtermSeconds);
    else
        printf("| xterm | not installed: skipped | | | | |\n");
    printf("| Chorus terminal | %.2f | %.1f | %s | %lld | %lld |\n\n", chorusSeconds, fileMiB / chorusSeconds,
           xtermSeconds > 0 ? qPrintable(QString::number(xtermSeconds / chorusSeconds, 'f', 2)) : "-", catP50, catP99);
    printf("| %d tiles printing for 10 s | heartbeat late p50 ms | p99 ms | KiB/s slowest tile | fastest | "
           "most seconds a tile got nothing | longest a tile's output waited unparsed, ms | RSS per tile KiB |\n",
           tiles);
    printf("|---|---|---|---|---|---|---|---|\n");
    printf("| Chorus terminal group | %lld | %lld | %lld | %lld | %d of 9 | %lld | %lld |\n\n", tilesP50, tilesP99,
           slowest / 10 / 1024, fastest / 10 / 1024, starvedSeconds, longestUnparsedMs, perTileKiB);
    if (!echoMs.isEmpty()) {
        printf("| keystroke to echo on screen, %lld keys | p50 ms | p99 ms | max ms |\n", qint64(echoMs.size()));
        printf("|---|---|---|---|\n");
        printf("| Chorus terminal, loopback | %.2f | %.2f | %.2f |\n", echoMs.at(echoMs.size() / 2),
               echoMs.at(qMin(echoMs.size() - 1, echoMs.size() * 99 / 100)), echoMs.last());
    }
    fflush(stdout);
    return 0;
}
