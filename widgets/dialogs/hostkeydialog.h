#pragma once

#include "model/core/hostevents.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Chorus {

// Unknown host keys from many hosts, gathered in one dialog: host, key type and SHA256
// fingerprint, each with a check box; "Accept selected" accepts the checked ones and
// rejects the rest. Changed keys are listed as a red warning with no way to accept them
// here: that takes the separate "Forget host key" action.
class HostKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HostKeyDialog(QWidget *parent = nullptr);

    void addQuestion(const HostKeyQuestion &question);
    void addChangedKey(const QString &host, const QString &message);
    int pendingCount() const { return int(m_questions.size()); }

    // For tests and keyboard users: check or uncheck the question for a host.
    void setChecked(const QString &hostName, bool checked);

Q_SIGNALS:
    void answered(const Chorus::HostKeyQuestion &question, bool accept);

private:
    void answerAll(bool acceptChecked);
    void updateButtons();

    QTreeWidget *m_list;
    QLabel *m_intro;
    QLabel *m_changed;
    QPushButton *m_accept;
    QPushButton *m_reject;
    QList<HostKeyQuestion> m_questions;
    QStringList m_changedText;
};

} // namespace Chorus
