// GUI responsiveness with the real main window and a real fleet: a heartbeat timer in the GUI
// thread measures how late the event loop runs while hosts stream output.
//   chorus-guibench [--hosts 500] [--big-hosts 4] [--big-mib 100] (more than 500 hosts: several fleets)
// Prints a markdown table: heartbeat lateness p50 / p99 / max, wall time, peak RSS.
#include "app/guiapp.h"
#include "model/core/appsettings.h"
#include "model/profiles/hostmodel.h"
#include "model/session/runsession.h"
#include "sshworker/fleet/localfleet.h"
#include "widgets/mainwindow/commandbar.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/session/sessionview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>
#include <ctime>
#include <sys/resource.h>

using namespace Chorus;

namespace {

qint64 rssKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(strlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// CPU time of the calling (GUI) thread.
qint64 threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

struct Measure
{
    QString name;
    qint64 p50 = 0, p99 = 0, worst = 0, wallMs = 0, peakRssMiB = 0, guiCpuMs = 0, setupMs = 0;
    int ok = 0, hosts = 0;
};

Measure scenario(MainWindow &window, const QString &name, const QList<HostTarget> &hosts, const QString &command)
{
    Measure m;
    m.name = name;
    m.hosts = int(hosts.size());
    QElapsedTimer setup;
    setup.start();
    window.setHosts(QStringLiteral("Bench"), hosts);
    window.hostModel()->setAllChecked(true);
    QCoreApplication::processEvents();
    m.setupMs = setup.elapsed();
    window.commandBar()->setCommand(command);
    const qint64 guiCpuBefore = threadCpuMs();
    QList<qint64> late;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    const int interval = 5;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(interval);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        late.append(std::max<qint64>(0, now - last - interval));
        last = now;
    });
    heartbeat.start();
    SessionView *session = window.runCommand();
    if (!session)
        return m;
    session->openOutput(RunSession::AllHosts); // the busiest view, shown
    QEventLoop loop;
    QObject::connect(session, &SessionView::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    heartbeat.stop();
    m.wallMs = clock.elapsed();
    std::sort(late.begin(), late.end());
    if (!late.isEmpty()) {
        m.p50 = late.at(late.size() / 2);
        m.p99 = late.at(qMin(late.size() - 1, late.size() * 99 / 100));
        m.worst = late.last();
    }
    m.ok = session->session()->counts().ok;
    m.peakRssMiB = rssKiB("VmHWM:") / 1024;
    m.guiCpuMs = threadCpuMs() - guiCpuBefore;
    return m;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("chorus-bench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption hostsOption(QStringLiteral("hosts"), QStringLiteral("hosts for the many-hosts run"), QStringLiteral("N"), QStringLiteral("500"));
    QCommandLineOption bigOption(QStringLiteral("big-hosts"), QStringLiteral("hosts for the bulk run"), QStringLiteral("N"), QStringLiteral("4"));
    QCommandLineOption mibOption(QStringLiteral("big-mib"), QStringLiteral("MiB each bulk host prints"), QStringLiteral("N"), QStringLiteral("100"));
    parser.addOptions({hostsOption, bigOption, mibOption});
    parser.process(app);
    const int count = parser.value(hostsOption).toInt();

    // One fleet serves up to 500 hosts: more come from several, side by side.
    std::vector<std::unique_ptr<LocalFleet>> fleets;
    QList<HostTarget> all;
    for (int left = count; left > 0; left -= 500) {
        auto fleet = std::make_unique<LocalFleet>();
        QString error;
        if (!fleet->start(qMin(left, 500), &error)) {
            qCritical("cannot start the fleet: %s", qPrintable(error));
            return 1;
        }
        // The servers stand in for other machines: at the lowest priority they cannot starve the
        // GUI thread the way 500 key exchanges on the same two cores otherwise would.
        for (qint64 pid : fleet->serverPids())
            setpriority(PRIO_PROCESS, id_t(pid), 19);
        for (const FleetHost &h : fleet->hosts()) {
            HostTarget target = fleet->target(h);
            if (!fleets.empty()) // names repeat from one fleet to the next
                target.name = QStringLiteral("f%1-%2").arg(fleets.size() + 1).arg(target.name);
            all.append(target);
        }
        fleets.push_back(std::move(fleet));
    }
    GuiApp gui;
    AppSettings::setValue(AppSettings::ConfirmRunAbove, 0); // the bench clicks Run on 1,000 hosts
    MainWindow &window = *gui.window();
    window.resize(1280, 800);
    window.show();
    const qint64 baseRss = rssKiB("VmRSS:") / 1024;
    QList<Measure> results;
    results.append(scenario(window, QStringLiteral("%1 hosts x `seq 1 2000`").arg(count), all, QStringLiteral("seq 1 2000")));
    const int big = parser.value(bigOption).toInt();
    const int mib = parser.value(mibOption).toInt();
    results.append(scenario(window, QStringLiteral("%1 hosts x %2 MiB of text").arg(big).arg(mib), all.mid(0, big),
                            QStringLiteral("head -c %1 /dev/zero | tr '\\\\0' x | fold -w 99").arg(qint64(mib) * 1024 * 1024)));
    printf("| scenario | hosts listed and checked s | hosts ok | wall s | GUI thread CPU s | heartbeat late p50 ms | p99 ms "
           "| max ms | peak RSS MiB (start %lld) |\n",
           baseRss);
    printf("|---|---|---|---|---|---|---|---|---|\n");
    for (const Measure &m : results) {
        printf("| %s | %.2f | %d/%d | %.1f | %.2f | %lld | %lld | %lld | %lld |\n", qPrintable(m.name),
               m.setupMs / 1000.0, m.ok, m.hosts,
               m.wallMs / 1000.0, m.guiCpuMs / 1000.0, m.p50, m.p99, m.worst, m.peakRssMiB);
    }
    fflush(stdout);
    return 0;
}
