#pragma once

#include "model/history/runhistory.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Chorus {

class ExportMenu;
class HistoryChart;
class HistoryModel;

// The run history panel: filters (command text, host, outcome, started since), the matching runs
// newest first, and below them the duration of the selected run's command over time (for the
// host filtered on, if one is). A run opens as a read-only session tab (double-click or Enter),
// runs again, exports; two selected runs compare one host's output ("what changed").
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int FilterDelayMs = 250;

    explicit HistoryPanel(RunHistory *history, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    HistoryChart *chart() const { return m_chart; }
    QLineEdit *commandFilter() const { return m_command; }
    QLineEdit *hostFilter() const { return m_host; }
    QComboBox *outcomeFilter() const { return m_outcome; }
    QCheckBox *sinceCheck() const { return m_sinceCheck; }
    QDateEdit *sinceDate() const { return m_since; }
    ExportMenu *exportMenu() const { return m_exportMenu; }

    // Selected runs, newest first.
    QList<qint64> selectedRuns() const;
    void selectRun(qint64 run);
    // Reads the history again, keeping the selection (a run was recorded or pruned).
    void refresh();
    // Applies the filter fields now rather than after FilterDelayMs.
    void applyFilter();

Q_SIGNALS:
    void openRequested(qint64 run);
    void rerunRequested(qint64 run);
    void compareRequested(qint64 older, qint64 newer, const QString &host);

private:
    void updateButtons();
    void updateChart();

    RunHistory *m_history;
    HistoryModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QLineEdit *m_command;
    QLineEdit *m_host;
    QComboBox *m_outcome;
    QCheckBox *m_sinceCheck;
    QDateEdit *m_since;
    QTableView *m_table;
    HistoryChart *m_chart;
    QLabel *m_status;
    QPushButton *m_open;
    QPushButton *m_rerun;
    QPushButton *m_compare;
    QPushButton *m_export;
    ExportMenu *m_exportMenu;
    QTimer m_filterTimer;
};

} // namespace Chorus
