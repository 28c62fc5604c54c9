#include "app/demo/demosession.h"

#include "sshworker/fleet/localfleet.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/style/uilog.h"

#include <QCoreApplication>
#include <QStatusBar>

namespace Chorus {

DemoSession::DemoSession(QObject *parent) : QObject(parent), m_fleet(std::make_unique<LocalFleet>()) {}

DemoSession::~DemoSession() = default; // LocalFleet's destructor stops the servers

void DemoSession::isolateSettings()
{
    QCoreApplication::setOrganizationName(settingsOrganization());
}

QString DemoSession::settingsOrganization()
{
    return QStringLiteral("chorus-demo");
}

QString DemoSession::groupName()
{
    return tr("Demo");
}

bool DemoSession::start(int hostCount, QString *error)
{
    QString why;
    if (!LocalFleet::isAvailable(&why)) {
        if (error)
            *error = tr("The demo needs OpenSSH's server to run local hosts: %1").arg(why);
        return false;
    }
    if (!m_fleet->start(hostCount, &why)) {
        if (error)
            *error = tr("Could not start the demo hosts: %1").arg(why);
        return false;
    }
    qCInfo(lcUi) << "demo fleet of" << hostCount << "hosts in" << m_fleet->directory();
    return true;
}

void DemoSession::stop()
{
    m_fleet->stop();
}

bool DemoSession::isRunning() const
{
    return m_fleet->isRunning();
}

QList<HostTarget> DemoSession::targets() const
{
    QList<HostTarget> targets;
    if (!m_fleet->isRunning())
        return targets;
    const QList<FleetHost> hosts = m_fleet->hosts();
    for (const FleetHost &host : hosts) {
        targets.append(m_fleet->target(host));
    }
    return targets;
}

void DemoSession::showIn(MainWindow *window) const
{
    const QList<HostTarget> hosts = targets();
    window->setHosts(groupName(), hosts);
    // Shown as "Demo fleet — Chorus": Qt appends the application display name.
    window->setWindowTitle(tr("Demo fleet"));
    window->statusBar()->showMessage(
        tr("Demo: %1 local SSH servers, stopped when Chorus quits. Your own settings are not used.")
            .arg(hosts.size()));
}

} // namespace Chorus
