#pragma once

#include "model/compare/linematrix.h"
#include "model/core/result.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Chorus {

class LineMatrixModel;

// The compare tab's "Lines" view: every distinct line across the hosts against the output groups
// (LineMatrix), most hosts first, with the lines every host printed hidden by default, so a 10,000-
// line package list on 200 hosts shows the few lines that differ. A filter narrows the rows;
// clicking a line selects the hosts that printed it, clicking a group's cell selects that group.
// The matrix is built off the GUI thread; a newer set of groups cancels the build in progress.
class LineMatrixView : public QWidget
{
    Q_OBJECT
public:
    explicit LineMatrixView(QWidget *parent = nullptr);
    ~LineMatrixView() override;

    // groupNames: one per column, as the header shows them (the folded host sets).
    void setColumns(const QList<LineMatrix::Column> &columns, const QStringList &groupNames);
    bool isBuilding() const { return m_watcher.isRunning(); }

    // The matrix as CSV (only the rows that differ while they are all that is shown), written
    // whole or not at all.
    Result<void> exportCsv(const QString &path) const;

    LineMatrixModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *differingOnlyBox() const { return m_differingOnly; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *exportButton() const { return m_export; }

Q_SIGNALS:
    void built();
    void hostsSelected(const QList<int> &hosts);

private:
    void showBuilt();
    void updateSummary();
    void chooseExportFile();

    LineMatrixModel *m_model;
    QTableView *m_table;
    QLineEdit *m_filter;
    QCheckBox *m_differingOnly;
    QLabel *m_summary;
    QPushButton *m_export;
    QFutureWatcher<LineMatrix> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QStringList m_pendingNames;
};

} // namespace Chorus
