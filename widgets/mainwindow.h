#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <memory>

#include "hostevents.h"
#include "hostresult.h"
#include "hosttarget.h"
#include "profile.h"
#include "runrequest.h"
#include "transferspec.h"
#include "secretstore.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTabWidget;
class QTreeView;

namespace Chorus {

class CommandBar;
class CredentialDialog;
class HistoryPanel;
class HostFilterProxy;
class HostKeyDialog;
class HostModel;
class ProfileDialog;
class ProfileStore;
class RunCompareDialog;
class TransferDialog;
class RunHistory;
class SessionView;
class WorkerPool;

// The main window: the host panel (profiles tree with search, tag and group filters, check
// boxes and a context menu), the command bar, and one session tab per run. It owns the SSH
// engine (WorkerPool) and talks to it only through its signals and requests; host key and
// credential questions from the engine go to their dialogs without stopping other hosts.
// Profiles are loaded from and saved to the ProfileStore; secrets go to the keychain only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds hosts that are connected to exactly as given (the demo's fleet), under `group`,
    // replacing what that group held. An empty list removes the group.
    void setHosts(const QString &group, const QList<HostTarget> &hosts);
    QList<HostTarget> hosts(const QString &group) const;

    // Runs the command bar's command on the checked hosts (or, with none checked, the
    // selected ones). Returns the new session, or nullptr with the reason in the status bar.
    SessionView *runCommand();
    SessionView *runOn(const QList<Profile> &profiles, const QString &command);
    SessionView *currentSession() const;
    // Opens a session tab for the request; profileIds[i] is where host i came from (for secrets).
    SessionView *startSession(const RunRequest &request, const QList<QUuid> &profileIds);

    HostModel *hostModel() const { return m_hostModel; }
    HostFilterProxy *hostProxy() const { return m_hostProxy; }
    QTreeView *hostTree() const { return m_hostTree; }
    CommandBar *commandBar() const { return m_commandBar; }
    QTabWidget *sessionTabs() const { return m_sessionTabs; }
    HostKeyDialog *hostKeyDialog() const { return m_hostKeyDialog; }
    CredentialDialog *credentialDialog() const { return m_credentialDialog; }
    WorkerPool *pool() const { return m_pool.get(); }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    RunHistory *history() const { return m_history.get(); }

    // A stored run as a read-only session tab.
    SessionView *openFromHistory(qint64 run);
    // The stored run's command again, on those of its hosts that are still in the host list.
    void rerunFromHistory(qint64 run);
    SessionView *runAgainOn(const QStringList &hostNames, const QString &command);
    // Copy files to or from these hosts: the dialog, and the run it starts.
    TransferDialog *showTransferDialog(const QList<Profile> &profiles);
    SessionView *transferOn(const QList<Profile> &profiles, const TransferSpec &spec);
    // One host's output in two stored runs, side by side.
    RunCompareDialog *compareRuns(qint64 older, qint64 newer, const QString &host);

    // Set on the application (qApp->setProperty) when it is ending because of a signal: closing
    // then asks nobody.
    static constexpr const char *TerminatingProperty = "chorusTerminating";
    // File copies still running; closing the window asks before it stops them.
    int runningTransfers() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPool();
    void createActions();
    void createHostDock();
    void createHistoryDock();
    bool confirmClose();
    void compareWithPrevious(SessionView *session, int host);
    void createCentralArea();
    void loadProfiles();
    void saveProfiles();
    void updateSessionHint();
    void updateHostCount();
    void updateFilters();
    void updateCancel();
    void restoreLayout();
    void saveLayout();
    void showAbout();
    void showHostMenu(const QPoint &position);
    void editProfile(const QModelIndex &index);
    void newProfile();
    void importHosts();
    void exportHosts();
    void forgetHostKey();
    void showSettings();
    void testConnection(const Profile &profile, ProfileDialog *dialog);
    void storeSecrets(const QUuid &id, const QHash<SecretStore::Kind, QString> &secrets);
    QList<Profile> profilesForRun() const;
    QModelIndexList selectedSourceRows() const;
    bool resolveTargets(const QList<Profile> &profiles, QList<HostTarget> *targets, QString *error) const;
    void recordInHistory(SessionView *session);
    void onHostKeyQuestion(const HostKeyQuestion &question);
    void onSecretRequested(const SecretRequest &request);
    void onHostFinished(RunId run, int host, const HostResult &result);

    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<RunHistory> m_history;
    SecretStore *m_secrets = nullptr;
    HostModel *m_hostModel = nullptr;
    HostFilterProxy *m_hostProxy = nullptr;
    QTreeView *m_hostTree = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QComboBox *m_groupFilter = nullptr;
    CommandBar *m_commandBar = nullptr;
    QTabWidget *m_sessionTabs = nullptr;
    QLabel *m_sessionHint = nullptr;
    QLabel *m_hostCount = nullptr;
    QMenu *m_viewMenu = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    HostKeyDialog *m_hostKeyDialog = nullptr;
    CredentialDialog *m_credentialDialog = nullptr;
    QTimer m_saveTimer;

    QHash<QUuid, HostTarget> m_fixedTargets;  // hosts connected to exactly as given (demo)
    QHash<RunId, QList<QUuid>> m_runProfiles; // which profile each host of a run came from
    QSet<QString> m_keychainTried;
    std::optional<TransferSpec> m_lastTransfer; // the dialog opens with the last choice            // run/host/kind already answered from the keychain
};

} // namespace Chorus
