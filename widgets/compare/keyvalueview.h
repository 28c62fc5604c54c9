#pragma once

#include "model/compare/keyvaluetable.h"
#include "model/compare/linematrix.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
template <typename T> class QFutureWatcher;

namespace Chorus {

class KeyValueModel;

// The "Keys" view of a run's outputs: settings-shaped output (`sysctl -a`, `sshd -T`) as one row
// per key with the majority value and the deviations, each with its hosts, and by default only the
// keys on which hosts disagree. The table is built off the GUI thread (200 hosts × 2,000 keys would
// stall it); a newer set of outputs or another format cancels the build under way and only the
// newest result is shown. Clicking a value selects its hosts, clicking a key every host
// (hostsSelected); the owner decides what selecting means.
class KeyValueView : public QWidget
{
    Q_OBJECT
public:
    explicit KeyValueView(QWidget *parent = nullptr);
    ~KeyValueView() override;

    // The outputs to read (one column per output group) and the hosts' names, indexed by host id.
    // Builds in the background; built() says when the result shows.
    void setColumns(const QList<LineMatrix::Column> &columns, const QStringList &hostNames);
    bool isBuilding() const { return m_watcher != nullptr; }

    KeyValueModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *differingOnlyBox() const { return m_differingOnly; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    void built();
    void hostsSelected(const QList<int> &hosts);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void cancelBuild();
    void showResult();
    void updateSummary();
    void applyColours();
    void fitColumns();
    void selectHostsOf(const QModelIndex &index);

    QList<LineMatrix::Column> m_columns;
    QStringList m_hostNames;
    // The build under way, if any: its flag is shared with the task, which may outlive this view.
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<KeyValueTable> *m_watcher = nullptr;
    KeyValueModel *m_model;
    QComboBox *m_format;
    QLineEdit *m_filter;
    QCheckBox *m_differingOnly;
    QLabel *m_summary;
    QTableView *m_table;
};

} // namespace Chorus
