// chorus-enginebench: drives the SSH engine (WorkerPool) directly, without the CLI around it, for
// the numbers tests/bench/bench.py cannot get from outside a process: the CPU time of the engine's
// own threads per host (cold and warm rounds, connection teardown apart) and the resident memory
// each idle open connection costs. Prints one line of JSON on stdout and a summary on stderr.
//
//   chorus-enginebench -F fleet/ssh_config -w 'node[001-500]' --rounds 3
//   chorus-enginebench -F fleet/ssh_config -w 'node[001-500]' --command true --idle-rss

#include "model/ssh/hostset.h"
#include "model/ssh/sshconfig.h"
#include "sshworker/workerpool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <malloc.h>
#include <memory>
#include <sys/resource.h>

using namespace Chorus;

namespace {

qint64 microseconds(const timeval &tv)
{
    return qint64(tv.tv_sec) * 1000000 + tv.tv_usec;
}

// The whole process and the calling (main) thread: everything else is the engine's threads.
struct CpuSample
{
    qint64 processUs = 0;
    qint64 mainThreadUs = 0;
    qint64 engineUs() const { return processUs - mainThreadUs; }
};

CpuSample cpuNow()
{
    rusage self = {};
    rusage thread = {};
    ::getrusage(RUSAGE_SELF, &self);
    ::getrusage(RUSAGE_THREAD, &thread);
    return {microseconds(self.ru_utime) + microseconds(self.ru_stime),
            microseconds(thread.ru_utime) + microseconds(thread.ru_stime)};
}

// A field of /proc/self/status in kB ("VmRSS", "RssAnon", "RssFile"); -1 when unreadable.
qint64 statusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = field + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QJsonObject memoryNow()
{
    return {{QStringLiteral("vmRssKb"), statusKb("VmRSS")},
            {QStringLiteral("rssAnonKb"), statusKb("RssAnon")},
            {QStringLiteral("rssFileKb"), statusKb("RssFile")}};
}

struct RoundOutcome
{
    bool finished = false;
    int ok = 0;
    int failed = 0;
    int reused = 0;
    QString firstError;
};

RoundOutcome runOnce(WorkerPool &pool, const RunRequest &request, int timeoutMs)
{
    RoundOutcome outcome;
    RunId id = 0;
    QEventLoop loop;
    // Results arrive through the pool's queued signals, so none can come before start() returns.
    const auto hostDone = QObject::connect(
        &pool, &WorkerPool::hostFinished, &loop, [&](RunId run, int host, const HostResult &r) {
            if (run != id)
                return;
            if (r.outcome == HostOutcome::Ok) {
                ++outcome.ok;
            } else {
                ++outcome.failed;
                if (outcome.firstError.isEmpty())
                    outcome.firstError = request.hosts.at(host).name + QStringLiteral(": ") + r.error;
            }
            if (r.reusedConnection)
                ++outcome.reused;
        });
    const auto runDone = QObject::connect(&pool, &WorkerPool::runFinished, &loop, [&](RunId run) {
        if (run == id) {
            outcome.finished = true;
            loop.quit();
        }
    });
    id = pool.start(request);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(hostDone);
    QObject::disconnect(runDone);
    return outcome;
}

// Lets the workers' periodic batches (open connection counts) reach the pool.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chorus-enginebench"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs a command on hosts through the Chorus engine alone and reports its CPU time and "
                       "memory as JSON."));
    parser.addHelpOption();
    const QCommandLineOption configOption({QStringLiteral("F"), QStringLiteral("ssh-config")},
                                          QStringLiteral("ssh_config file the hosts are resolved with."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption hostsOption({QStringLiteral("w"), QStringLiteral("hosts")},
                                         QStringLiteral("Host set, e.g. node[001-100]."),
                                         QStringLiteral("SPEC"));
    const QCommandLineOption fanoutOption({QStringLiteral("f"), QStringLiteral("fanout")},
                                          QStringLiteral("Hosts in flight at once (default 64)."),
                                          QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("Worker threads (default: one per core)."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption commandOption(QStringLiteral("command"),
                                           QStringLiteral("Command to run (default: uname -n)."),
                                           QStringLiteral("CMD"), QStringLiteral("uname -n"));
    const QCommandLineOption roundsOption(
        QStringLiteral("rounds"),
        QStringLiteral("Runs on the same pool: the first opens the connections, the others reuse them."),
        QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption idleOption(
        QStringLiteral("idle-rss"),
        QStringLiteral("After the rounds, measure resident memory per idle open connection."));
    const QCommandLineOption outputLimitOption(
        QStringLiteral("output-limit"),
        QStringLiteral(
            "Bytes of output kept in memory per host and stream (default: the engine's; 0 keeps none, "
            "as `chorus run` does when it streams)."),
        QStringLiteral("BYTES"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Seconds a round may take (default 300)."),
                                           QStringLiteral("S"), QStringLiteral("300"));
    parser.addOptions({configOption, hostsOption, fanoutOption, threadsOption, commandOption, roundsOption,
                       idleOption, outputLimitOption, timeoutOption});
    parser.process(app);

    const int fanout = parser.value(fanoutOption).toInt();
    const int threads = parser.value(threadsOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();
    const int timeoutS = parser.value(timeoutOption).toInt();
    if (!parser.isSet(hostsOption) || fanout < 1 || threads < 0 || rounds < 1 || rounds > 1000 ||
        timeoutS < 1) {
        err << "chorus-enginebench: give -w SPEC, and positive --fanout, --rounds (up to 1000) and --timeout"
            << Qt::endl;
        return 2;
    }

    QStringList names;
    QString error;
    if (!HostSet::expand(parser.value(hostsOption), &names, &error) || names.isEmpty()) {
        err << "chorus-enginebench: " << (error.isEmpty() ? QStringLiteral("no hosts") : error) << Qt::endl;
        return 2;
    }
    QStringList warnings;
    const SshConfig config = SshConfig::load(
        parser.isSet(configOption) ? parser.value(configOption) : SshConfig::defaultPath(), &warnings);
    for (const QString &warning : std::as_const(warnings))
        err << "chorus-enginebench: " << warning << Qt::endl;
    RunRequest request;
    request.command = parser.value(commandOption);
    request.fanout = fanout;
    if (parser.isSet(outputLimitOption))
        request.outputLimit = parser.value(outputLimitOption).toLongLong();
    for (const QString &name : std::as_const(names)) {
        HostTarget target;
        if (!config.resolve(name, &target, &error)) {
            err << "chorus-enginebench: " << error << Qt::endl;
            return 2;
        }
        request.hosts.append(target);
    }

    PoolSettings settings;
    settings.threads = threads;
    // Idle connections must stay open for as long as the measurement takes.
    settings.idleTimeoutMs = 60 * 60 * 1000;

    const QJsonObject memoryAtStart = memoryNow();
    auto pool = std::make_unique<WorkerPool>(settings);
    settle(50); // the worker threads are up and waiting
    const QJsonObject memoryBeforeConnecting = memoryNow();

    QJsonArray roundList;
    bool allOk = true;
    const qint64 hostCount = request.hosts.size();
    for (int round = 1; round <= rounds; ++round) {
        const CpuSample before = cpuNow();
        QElapsedTimer clock;
        clock.start();
        const RoundOutcome outcome = runOnce(*pool, request, timeoutS * 1000);
        const qint64 wallUs = clock.nsecsElapsed() / 1000;
        const CpuSample after = cpuNow();
        const qint64 engineUs = after.engineUs() - before.engineUs();
        allOk = allOk && outcome.finished && outcome.failed == 0 && outcome.ok == hostCount;
        roundList.append(QJsonObject{
            {QStringLiteral("round"), round},
            {QStringLiteral("finished"), outcome.finished},
            {QStringLiteral("ok"), outcome.ok},
            {QStringLiteral("failed"), outcome.failed},
            {QStringLiteral("reusedConnections"), outcome.reused},
            {QStringLiteral("firstError"), outcome.firstError},
            {QStringLiteral("wallMs"), double(wallUs) / 1000.0},
            {QStringLiteral("engineCpuMs"), double(engineUs) / 1000.0},
            {QStringLiteral("mainThreadCpuMs"), double(after.mainThreadUs - before.mainThreadUs) / 1000.0},
            {QStringLiteral("engineCpuMsPerHost"), double(engineUs) / 1000.0 / double(hostCount)}});
        err << "round " << round << ": " << outcome.ok << "/" << hostCount << " ok, " << wallUs / 1000
            << " ms wall, engine threads " << double(engineUs) / 1000.0 / double(hostCount)
            << " ms CPU per host"
            << (outcome.firstError.isEmpty() ? QString() : QStringLiteral(", e.g. ") + outcome.firstError)
            << Qt::endl;
        if (!outcome.finished)
            break;
    }

    QJsonObject idle;
    if (parser.isSet(idleOption)) {
        settle(1000); // output batches and connection counts have arrived
        const int open = pool->openConnections();
        const QJsonObject memoryIdle = memoryNow();
        // Freed heap that glibc keeps mapped is not memory the connections hold.
        ::malloc_trim(0);
        const QJsonObject memoryTrimmed = memoryNow();
        const qint64 baseline = memoryBeforeConnecting.value(QStringLiteral("vmRssKb")).toInteger();
        const auto perConnection = [&](const QJsonObject &memory) {
            return open > 0 ? double(memory.value(QStringLiteral("vmRssKb")).toInteger() - baseline) / open
                            : -1.0;
        };
        idle = {{QStringLiteral("openConnections"), open},
                {QStringLiteral("memory"), memoryIdle},
                {QStringLiteral("memoryAfterMallocTrim"), memoryTrimmed},
                {QStringLiteral("kbPerConnection"), perConnection(memoryIdle)},
                {QStringLiteral("kbPerConnectionAfterMallocTrim"), perConnection(memoryTrimmed)}};
        allOk = allOk && open == hostCount;
        err << open << " idle connections: " << perConnection(memoryIdle) << " kB RSS each ("
            << perConnection(memoryTrimmed) << " kB after malloc_trim)" << Qt::endl;
    }

    const CpuSample beforeTeardown = cpuNow();
    QElapsedTimer teardownClock;
    teardownClock.start();
    pool.reset(); // closes every connection and joins the threads
    const qint64 teardownWallUs = teardownClock.nsecsElapsed() / 1000;
    const CpuSample end = cpuNow();
    const qint64 teardownEngineUs = end.engineUs() - beforeTeardown.engineUs();

    rusage self = {};
    ::getrusage(RUSAGE_SELF, &self);
    const QJsonObject report{{QStringLiteral("hosts"), hostCount},
                             {QStringLiteral("fanout"), fanout},
                             {QStringLiteral("threads"), threads},
                             {QStringLiteral("command"), request.command},
                             {QStringLiteral("ok"), allOk},
                             {QStringLiteral("rounds"), roundList},
                             {QStringLiteral("teardownWallMs"), double(teardownWallUs) / 1000.0},
                             {QStringLiteral("teardownEngineCpuMs"), double(teardownEngineUs) / 1000.0},
                             {QStringLiteral("processCpuMs"), double(end.processUs) / 1000.0},
                             {QStringLiteral("maxRssKb"), qint64(self.ru_maxrss)},
                             {QStringLiteral("memoryAtStart"), memoryAtStart},
                             {QStringLiteral("memoryBeforeConnecting"), memoryBeforeConnecting},
                             {QStringLiteral("idle"), idle}};
    out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)) << Qt::endl;
    return allOk ? 0 : 1;
}
