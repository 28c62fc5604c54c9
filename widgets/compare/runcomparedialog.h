#pragma once

#include "model/history/runhistory.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace Chorus {

class DiffView;

// "What changed since last time": one host's output in two stored runs, side by side (DiffView),
// older on the left. The host can be switched among those both runs had. Output is the stored
// output (capped by the history); the exit statuses are compared too.
class RunCompareDialog : public QDialog
{
    Q_OBJECT
public:
    // older and newer are run ids in history; host is preselected when both runs had it.
    RunCompareDialog(RunHistory *history, qint64 older, qint64 newer, const QString &host,
                     QWidget *parent = nullptr);

    QStringList hosts() const; // hosts both runs had, in the newer run's order
    QString currentHost() const;
    void setCurrentHost(const QString &host);
    DiffView *diffView() const { return m_diff; }
    QLabel *summary() const { return m_summary; }

private:
    void showHost(const QString &host);

    RunHistory *m_history;
    qint64 m_older;
    qint64 m_newer;
    QString m_olderLabel, m_newerLabel;
    QComboBox *m_host;
    QLabel *m_summary;
    DiffView *m_diff;
};

} // namespace Chorus
