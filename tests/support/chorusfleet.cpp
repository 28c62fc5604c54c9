// chorus-fleet: starts a LocalFleet of real sshd processes on loopback for people to try
// Chorus (or ssh, pssh, clush, Ansible) against, and stops it cleanly on Ctrl+C or SIGTERM.

#include "sshworker/fleet/localfleet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

using namespace Chorus;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

bool catchSignals()
{
    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0 &&
           ::sigaction(SIGHUP, &action, nullptr) == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chorus-fleet"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs real OpenSSH servers on loopback addresses (127.R.x.y) until Ctrl+C."));
    parser.addHelpOption();
    const QCommandLineOption hostsOption(
        QStringLiteral("hosts"),
        QStringLiteral("Number of hosts, 1 to %1 (default 8).").arg(LocalFleet::MaxHosts),
        QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        QStringLiteral("Also add fault hosts: refusing, black hole, wrong key, unknown key, password."));
    // For scripts such as tests/bench/bench.py: parsing the human text would break on any rewording.
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QStringLiteral(
            "Print the fleet as one line of JSON (hosts, files, user, sshd pids) instead of text."));
    const QCommandLineOption jumpOption(
        QStringLiteral("jump"),
        QStringLiteral("Also add a jump host (bastion) whose sshd logs the channels it forwards."));
    parser.addOption(hostsOption);
    parser.addOption(faultsOption);
    parser.addOption(jumpOption);
    parser.addOption(jsonOption);
    parser.process(app);

    bool ok = false;
    const int count = parser.value(hostsOption).toInt(&ok);
    if (!ok || count < 1 || count > LocalFleet::MaxHosts) {
        err << "chorus-fleet: --hosts takes a number from 1 to " << LocalFleet::MaxHosts << Qt::endl;
        return 2;
    }
    // Before the servers start, so a Ctrl+C during start-up still ends them.
    if (!catchSignals()) {
        err << "chorus-fleet: cannot install signal handlers" << Qt::endl;
        return 1;
    }

    LocalFleet fleet;
    QString error;
    if (!fleet.start(count, &error)) {
        err << "chorus-fleet: " << error << Qt::endl;
        return 1;
    }
    QStringList faults;
    if (parser.isSet(faultsOption)) {
        const QList<FleetHost> added{fleet.addRefusingHost(), fleet.addBlackHole(), fleet.addWrongKeyHost(),
                                     fleet.addUnknownKeyHost(), fleet.addPasswordHost()};
        for (const FleetHost &host : added)
            faults.append(host.name);
        faults.removeAll(QString());
    }

    FleetHost jump;
    qint64 jumpPid = 0;
    if (parser.isSet(jumpOption)) {
        jump = fleet.addJumpHost();
        if (jump.address.isEmpty()) {
            err << "chorus-fleet: the jump host did not start" << Qt::endl;
            return 1;
        }
        jumpPid = fleet.serverPids().constLast(); // fault and jump hosts' listeners come last, in order
    }

    const QList<FleetHost> hosts = fleet.hosts();
    if (parser.isSet(jsonOption)) {
        QJsonArray hostArray;
        for (const FleetHost &host : hosts) {
            hostArray.append(QJsonObject{{QStringLiteral("name"), host.name},
                                         {QStringLiteral("address"), host.address},
                                         {QStringLiteral("port"), int(host.port)}});
        }
        QJsonArray pids;
        for (const qint64 pid : fleet.serverPids())
            pids.append(pid);
        const QJsonObject description{{QStringLiteral("hosts"), hostArray},
                                      {QStringLiteral("faultHosts"), QJsonArray::fromStringList(faults)},
                                      {QStringLiteral("directory"), fleet.directory()},
                                      {QStringLiteral("sshConfig"), fleet.sshConfigPath()},
                                      {QStringLiteral("knownHosts"), fleet.knownHostsPath()},
                                      {QStringLiteral("identity"), fleet.identityFile()},
                                      {QStringLiteral("user"), fleet.user()},
                                      {QStringLiteral("hostKeyFingerprint"), fleet.hostKeyFingerprint()},
                                      {QStringLiteral("serverPids"), pids},
                                      {QStringLiteral("jumpHost"),
                                       jump.address.isEmpty()
                                           ? QJsonValue()
                                           : QJsonObject{{QStringLiteral("name"), jump.name},
                                                         {QStringLiteral("address"), jump.address},
                                                         {QStringLiteral("port"), int(jump.port)},
                                                         {QStringLiteral("pid"), jumpPid}}}};
        out << QString::fromUtf8(QJsonDocument(description).toJson(QJsonDocument::Compact)) << Qt::endl;
    } else {
        out << "Chorus local fleet: " << hosts.size() << " hosts, " << hosts.first().name << " ("
            << hosts.first().address << ") to " << hosts.last().name << " (" << hosts.last().address
            << "), port " << hosts.first().port << ", user " << fleet.user() << Qt::endl;
        if (!faults.isEmpty())
            out << "Fault hosts: " << faults.join(QStringLiteral(", ")) << Qt::endl;
        out << "ssh_config:   " << fleet.sshConfigPath() << Qt::endl;
        out << "known_hosts:  " << fleet.knownHostsPath() << Qt::endl;
        out << "identity:     " << fleet.identityFile() << Qt::endl;
        out << "host key:     " << fleet.hostKeyFingerprint() << Qt::endl;
        out << "Try:          ssh -F " << fleet.sshConfigPath() << ' ' << hosts.first().name << " uname -n"
            << Qt::endl;
        out << "Press Ctrl+C to stop." << Qt::endl;
    }

    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte;
        while (::read(signalPipe[0], &byte, 1) > 0) {
        }
        if (!parser.isSet(jsonOption))
            out << "Stopping the fleet." << Qt::endl;
        fleet.stop();
        app.quit();
    });
    // A signal that came in while the fleet was starting is already in the pipe.
    return app.exec();
}
