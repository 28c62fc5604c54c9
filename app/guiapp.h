#pragma once

#include "model/core/hostevents.h"
#include "widgets/mainwindow/guiservices.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

namespace Chorus {

class InterruptHandler;
class MainWindow;
class ProfileStore;
class RunHistory;
class SecretStore;
class WorkerPool;

// The GUI's composition root (qBittorrent's Application, Tiled's tiledapp): builds the services from
// the settings (the SSH engine, the keychain, the host profiles, the run history), hands them to the
// main window, and answers the engine's secret requests from the keychain before a person is asked.
// Owns all of it: the window goes first on the way out (its sessions cancel their runs), then the
// engine shuts down.
class GuiApp : public QObject
{
    Q_OBJECT
public:
    // With interrupts, the engine's threads start with the termination signals blocked, and a signal
    // closes the windows the normal way (layout saved, demo fleet stopped), asking nobody.
    explicit GuiApp(InterruptHandler *interrupts = nullptr, QObject *parent = nullptr);
    ~GuiApp() override;

    MainWindow *window() const { return m_window.get(); }
    const GuiServices &services() const { return m_services; }

private:
    void onSecretRequested(const SecretRequest &request);

    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<RunHistory> m_history;
    GuiServices m_services;
    std::unique_ptr<MainWindow> m_window;
    QSet<QString> m_keychainTried; // run/host/kind already answered from the keychain
};

} // namespace Chorus
