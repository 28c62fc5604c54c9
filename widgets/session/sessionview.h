#pragma once

#include "model/core/runrequest.h"
#include "model/session/runsession.h"

#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Chorus {

class CompareView;
class ExportMenu;
class DurationChart;
class OutputView;
class SessionStatusModel;
class SessionStatusProxy;
class WorkerPool;

// One session tab: a summary line (N ok, N failed, N running, elapsed time) with a Cancel button;
// the status table (sortable, filterable by name, error and status; double-click or Enter opens a
// host's output; context menu: open output, cancel host, copy host name); and the output tabs,
// "All hosts" first, then one tab per host, opened on demand only.
//
// Given a WorkerPool it starts the request there, feeds its RunSession from the pool's signals
// and sends cancels back; deleting the view cancels its run if it is still going. Several views
// can share one pool and run at once, and the pool may go before its views. The engine reports
// through the event loop, so session()->setDisplayLimit() right after construction applies to
// all of the run's output.
class SessionView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int SummaryRefreshMs = 200;

    // With request.input, `input` is every host's stdin (a script's bytes), then end of file.
    SessionView(WorkerPool *pool, const RunRequest &request, const QByteArray &input = {}, QWidget *parent = nullptr);
    // Shows a session fed by someone else (the view takes it over as a child).
    explicit SessionView(RunSession *session, QWidget *parent = nullptr);
    ~SessionView() override;

    RunSession *session() const { return m_session; }
    RunId runId() const;
    bool isRunning() const;
    // For the tab: the command, shortened.
    QString title() const;
    QString summaryText() const;
    // How the run stands, for its tab's icon.
    enum class State
    {
        Running,
        AllOk,
        SomeFailed, // a host exited non-zero, failed or timed out
        Cancelled,  // nothing failed, but some hosts were cancelled
    };
    Q_ENUM(State)
    State state() const;
    QIcon stateIcon() const;

    QTableView *statusTable() const { return m_table; }
    SessionStatusModel *statusModel() const { return m_model; }
    SessionStatusProxy *statusProxy() const { return m_proxy; }
    QTabWidget *outputTabs() const { return m_outputs; }
    // The "Compare" and "Durations" tabs' views (made on first use).
    CompareView *compareView();
    DurationChart *durationChart();
    static constexpr int CompareTab = 1;
    static constexpr int DurationsTab = 2;
    // The open view of that host (RunSession::AllHosts: "All hosts"), nullptr if not open.
    OutputView *outputView(int host) const;
    // Opens the host's output tab (or finds the open one) and makes it current.
    OutputView *openOutput(int host);
    // Hosts of the rows selected in the status table, in run order.
    QList<int> selectedHosts() const;
    // The run's id in the run history once it is recorded (or when it was opened from there);
    // "what changed since the previous run" needs it.
    void setHistoryId(qint64 id);
    qint64 historyId() const { return m_historyId; }
    ExportMenu *exportMenu() const { return m_exportMenu; }

    static constexpr int CancelWithoutAsking = 5; // unfinished hosts requestCancel() stops unasked

public Q_SLOTS:
    void cancel();
    // The user asked to stop the run (button or shortcut): above a handful of unfinished hosts it
    // asks first, since a stray key must not stop work on many machines. True when it cancelled.
    bool requestCancel();
    void cancelHost(int host);
    // Selects these hosts' rows in the status table.
    void selectHosts(const QList<int> &hosts);

Q_SIGNALS:
    // The run ended; the view stays for reading.
    void finished();
    void stateChanged(Chorus::SessionView::State state);
    // "Run again on the outliers / the failed": the same request on those hosts (their indexes in
    // this run are given too, so the caller can carry what it knows about them).
    void rerunRequested(const Chorus::RunRequest &request, const QList<int> &hosts);
    // "Check only the failed / the outliers / these": the host panel should check exactly these
    // hosts of the run (indexes into it), so that the next command goes to them.
    void checkHostsRequested(const QList<int> &hosts);
    // "Open Terminal" on these hosts of the run (indexes), connected exactly as the run connected.
    void terminalRequested(const QList<int> &hosts);
    // "What changed since the previous run" for this host (historyId() is set).
    void compareWithPreviousRequested(int host);

private:
    void build();
    QLayout *buildTopBar();
    QWidget *buildTable();
    void createActions();
    QTabWidget *buildOutputs();
    void createCompareView();
    void replacePlaceholder(int tab, QWidget *page, const QString &title);
    void updateSummary();
    QString transferText() const;
    void updateActions();
    void showTableMenu(const QPoint &position);
    void closeOutputTab(int index);
    void copySelectedHostNames();
    void filterAllHostsOutput();

    QPointer<WorkerPool> m_pool;
    RunSession *m_session = nullptr;
    SessionStatusModel *m_model = nullptr;
    SessionStatusProxy *m_proxy = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_cancel = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_outputs = nullptr;
    CompareView *m_compare = nullptr;
    DurationChart *m_chart = nullptr;
    QHash<int, OutputView *> m_views;
    QAction *m_openAction = nullptr;
    QAction *m_cancelHostAction = nullptr;
    QAction *m_copyNameAction = nullptr;
    QAction *m_comparePreviousAction = nullptr;
    QAction *m_checkSelectedAction = nullptr;
    QAction *m_terminalAction = nullptr;
    QAction *m_checkFailedAction = nullptr;
    QAction *m_checkOutliersAction = nullptr;
    QPushButton *m_checkHosts = nullptr;
    QPushButton *m_export = nullptr;
    ExportMenu *m_exportMenu = nullptr;
    qint64 m_historyId = 0;
    State m_state = State::Running;
    QTimer m_clock;
    QTimer m_outputFilter; // coalesces the table's row changes into one refilter of "All hosts"
};

} // namespace Chorus
