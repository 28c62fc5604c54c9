#pragma once

#include "model/core/hostevents.h"
#include "model/core/hostresult.h"
#include "model/core/hosttarget.h"
#include "model/core/runrequest.h"
#include "model/core/transferspec.h"
#include "model/profiles/profile.h"
#include "model/secrets/secretstore.h"
#include "widgets/mainwindow/guiservices.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <memory>

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
class TerminalGroup;
class WorkerPool;

// The main window: the host panel (profiles tree with search, tag and group filters, check
// boxes and a context menu), the command bar, and one session tab per run. It is handed the SSH
// engine (WorkerPool), the keychain, the profile store and the run history (GuiServices) and talks
// to the engine only through its signals and requests; host key questions and the credential
// questions the keychain could not answer go to their dialogs without stopping other hosts.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const GuiServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // A password, passphrase or sudo password for the engine, asked of the person (the keychain had
    // none, or its answer was refused).
    void askForSecret(const SecretRequest &request);

    // Adds hosts that are connected to exactly as given (the demo's fleet), under `group`,
    // replacing what that group held. An empty list removes the group.
    void setHosts(const QString &group, const QList<HostTarget> &hosts);
    QList<HostTarget> hosts(const QString &group) const;

    // Runs the command bar's command on the checked hosts (or, with none checked, the
    // selected ones). Returns the new session, or nullptr with the reason in the status bar.
    SessionView *runCommand();
    SessionView *runOn(const QList<Profile> &profiles, const QString &command);
    // A local script on these hosts: sent on stdin to its interpreter, nothing copied there. With a
    // command (a rerun from the history), that is the interpreter line, else it is worked out from
    // the file and the arguments.
    SessionView *runScriptOn(const QList<Profile> &profiles, const QString &path, const QStringList &arguments,
                             const QString &command = {});
    // "Test connection" on hosts: connects and runs `true`, then says which hosts answered. Opens no
    // session and writes no history.
    void testHosts(const QList<Profile> &profiles);
    // Closes a session tab (Ctrl+W, its close button); a run still going is cancelled, asked first
    // as Cancel asks. False when the user kept it.
    bool closeSessionTab(int index);
    void closeOtherSessionTabs(int index);
    SessionView *currentSession() const;
    // Login shells on these hosts, in one terminal group tab (Open Terminal). Returns the group, or
    // nullptr with the reason in the status bar.
    TerminalGroup *openTerminalsOn(const QList<Profile> &profiles);
    TerminalGroup *openTerminals(const QList<HostTarget> &targets);
    // Opens a session tab for the request.
    SessionView *startSession(const RunRequest &request, const QByteArray &input = {});

    HostModel *hostModel() const { return m_hostModel; }
    HostFilterProxy *hostProxy() const { return m_hostProxy; }
    QTreeView *hostTree() const { return m_hostTree; }
    CommandBar *commandBar() const { return m_commandBar; }
    QTabWidget *sessionTabs() const { return m_sessionTabs; }
    HostKeyDialog *hostKeyDialog() const { return m_hostKeyDialog; }
    CredentialDialog *credentialDialog() const { return m_credentialDialog; }
    WorkerPool *pool() const { return m_services.pool; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    RunHistory *history() const { return m_services.history; }

    // A stored run as a read-only session tab.
    SessionView *openFromHistory(qint64 run);
    // The stored run's command again, on those of its hosts that are still in the host list.
    void rerunFromHistory(qint64 run);
    // With a script (its path), the command is its interpreter line: the file is read again.
    SessionView *runAgainOn(const QStringList &hostNames, const QString &command, const QString &script = {});
    // Checks exactly the hosts of the list with these names and unchecks the rest; the status bar
    // says how many, and which names are no longer listed. Returns how many were checked.
    int checkOnly(const QStringList &hostNames);
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

    // Runs shorter than this end where the user is still looking: no notification.
    static constexpr qint64 NotifyAfterMs = 5000;

Q_SIGNALS:
    // A run that took a while ended while the window was not active; also sent to the desktop's
    // notification service (org.freedesktop.Notifications) when there is one.
    void runEndedUnseen(const QString &title, const QString &body);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectEngine();
    void createActions();
    void createHostDock();
    void createHistoryDock();
    bool confirmRun(const QList<Profile> &profiles, const QString &command);
    int hiddenCount(const QList<Profile> &profiles) const;
    void updateRunButton();
    bool confirmStopCommands();
    bool confirmHangUp(int shells);
    bool askBeforeStopping(const QString &name, const QString &title, const QString &text, const QString &stopText,
                           const QString &keepText);
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
    void applyTerminalSettings(TerminalGroup *group, bool scrollback = true, bool textSize = true);
    void testConnection(const Profile &profile, ProfileDialog *dialog);
    void storeSecrets(const QUuid &id, const QHash<SecretStore::Kind, QString> &secrets);
    QList<Profile> profilesForRun() const;
    QModelIndexList selectedSourceRows() const;
    bool resolveTargets(const QList<Profile> &profiles, QList<HostTarget> *targets, QString *error) const;
    void recordInHistory(SessionView *session);
    void notifyIfUnseen(SessionView *session);
    void connectSessionTab(SessionView *session);
    bool prepareRequest(const QList<Profile> &profiles, RunRequest *request);
    void chooseAndRunScript();
    void onHostKeyQuestion(const HostKeyQuestion &question);
    void onHostFinished(RunId run, int host, const HostResult &result);
    SessionView *sessionOf(RunId run) const;

    const GuiServices m_services;
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
    QTimer m_filtersTimer;
    QTimer m_runButtonTimer;
    int m_runsStarted = 0; // numbers the session tabs
    QTimer m_expandTimer;

    QHash<QUuid, HostTarget> m_fixedTargets;  // hosts connected to exactly as given (demo)
    QSet<QString> m_fixedGroups;              // groups setHosts() made: saved only if the user adds to them
    std::optional<TransferSpec> m_lastTransfer; // the dialog opens with the last choice
};

} // namespace Chorus
