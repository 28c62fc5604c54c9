#pragma once

#include "model/core/hosttarget.h"

#include <QList>
#include <QObject>

#include <memory>

namespace Chorus {

class LocalFleet;
class MainWindow;

// What `chorus --demo` runs: a throwaway fleet of real sshd servers on loopback, turned
// into HostTargets that trust exactly the fleet's keys, and shown in the main window
// under a "Demo" group. The fleet stops when this object goes or stop() is called.
//
// The demo must never read or write the user's own settings or profiles, so
// isolateSettings() moves the application to the organisation name "chorus-demo":
// QSettings then uses ~/.config/chorus-demo/chorus.conf and every QStandardPaths
// App*Location gets .../chorus-demo/chorus instead of .../chorus/chorus. Unlike a
// temporary XDG_CONFIG_HOME this keeps the demo's own window layout between runs and
// changes no environment that child processes (ssh, sshd) would inherit.
class DemoSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultHostCount = 8;

    explicit DemoSession(QObject *parent = nullptr);
    ~DemoSession() override;

    // Call before anything reads QSettings or QStandardPaths.
    static void isolateSettings();
    static QString settingsOrganization();
    static QString groupName();

    // Starts the fleet; on failure returns false with *error set and nothing running.
    bool start(int hostCount, QString *error);
    void stop();
    bool isRunning() const;

    // One target per fleet host: key login with the fleet's identity only, and strict
    // host key checking against the fleet's known_hosts (it lists every host).
    QList<HostTarget> targets() const;
    // Lists targets() under groupName() and says in the status bar what the demo is.
    void showIn(MainWindow *window) const;

private:
    std::unique_ptr<LocalFleet> m_fleet;
};

} // namespace Chorus
