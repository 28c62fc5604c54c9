#include "app/guiapp.h"

#include "app/interrupthandler.h"
#include "model/core/appsettings.h"
#include "model/history/runhistory.h"
#include "model/profiles/profilestore.h"
#include "model/secrets/secretstore.h"
#include "sshworker/workerpool.h"
#include "widgets/mainwindow/mainwindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QStatusBar>

namespace Chorus {

namespace {

PoolSettings poolSettings()
{
    PoolSettings settings;
    settings.threads = AppSettings::intValue(AppSettings::Threads);
    settings.keepaliveIntervalMs = AppSettings::intValue(AppSettings::KeepaliveSec) * 1000;
    settings.idleTimeoutMs = AppSettings::intValue(AppSettings::IdleTimeoutMin) * 60 * 1000;
    settings.yieldToCaller = true;
    return settings;
}
} // namespace

GuiApp::GuiApp(InterruptHandler *interrupts, QObject *parent) : QObject(parent)
{
    m_pool = interrupts ? interrupts->startPool(poolSettings()) : std::make_unique<WorkerPool>(poolSettings());
    m_secrets = std::make_unique<SecretStore>();
    m_profiles = std::make_unique<ProfileStore>();
    QString profilesNotice;
    m_profiles->load(&profilesNotice);
    m_history = std::make_unique<RunHistory>();
    QString historyNotice;
    m_history->open(&historyNotice);

    m_services = {m_pool.get(), m_secrets.get(), m_profiles.get(), m_history.get()};
    m_window = std::make_unique<MainWindow>(m_services);
    connect(m_pool.get(), &WorkerPool::secretRequested, this, &GuiApp::onSecretRequested);
    if (!historyNotice.isEmpty())
        m_window->statusBar()->showMessage(historyNotice, 30000);
    // Said once, plainly, but the window still opens; a file that could not be read is never
    // overwritten (ProfileStore::canSave).
    if (!profilesNotice.isEmpty())
        QMessageBox::warning(m_window.get(), MainWindow::tr("Host profiles"), profilesNotice);

    if (interrupts) {
        connect(interrupts, &InterruptHandler::interrupted, this, [](int count) {
            if (count > 1)
                return; // the first one is still closing; a third ends the program in the handler
            qApp->setProperty(MainWindow::TerminatingProperty, true);
            QApplication::closeAllWindows();
            QCoreApplication::quit();
        });
    }
}

GuiApp::~GuiApp()
{
    m_window.reset();
    m_pool.reset();
}

// The keychain answers first, once per host and kind; a retry means its answer was refused, so a person
// decides.
void GuiApp::onSecretRequested(const SecretRequest &request)
{
    const QString key = QStringLiteral("%1/%2/%3").arg(request.run).arg(request.host).arg(int(request.kind));
    if (request.profile.isNull() || request.retry || m_keychainTried.contains(key)) {
        m_window->askForSecret(request);
        return;
    }
    m_keychainTried.insert(key);
    m_secrets->read(request.profile, SecretStore::kindOf(request.kind), [this, request](const SecretStore::Result &result) {
        if (result.status == SecretStore::Status::Ok)
            m_pool->provideSecret(request.run, request.host, result.secret.toUtf8());
        else if (m_window)
            m_window->askForSecret(request);
    });
}

} // namespace Chorus
