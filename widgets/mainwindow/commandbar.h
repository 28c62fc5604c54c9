#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace Chorus {

// The command bar: an editable command with history and saved snippets, fanout,
// command timeout, sudo, Run (Ctrl+Enter) and Cancel (Esc); and Copy Files for SFTP push/pull.
class CommandBar : public QWidget
{
    Q_OBJECT
public:
    explicit CommandBar(QWidget *parent = nullptr);

    QString command() const;
    void setCommand(const QString &command);
    int fanout() const;
    int timeoutSec() const;
    bool sudo() const;
    void setCancelEnabled(bool enabled);
    // What the Run button says it will do ("Run on 12 hosts (3 not shown)").
    void setRunText(const QString &text);
    // Adds the command to the history (saved per user) and refreshes the list.
    void remember(const QString &command);
    void reloadHistory();
    void focusCommand();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    // "Copy Files...": the transfer dialog for the same hosts a run would use.
    void copyFilesRequested();

private:
    void rebuildSnippetMenu();
    void editSnippets();

    QComboBox *m_command;
    QToolButton *m_snippets;
    QSpinBox *m_fanout;
    QSpinBox *m_timeout;
    QCheckBox *m_sudo;
    QPushButton *m_run;
    QString m_draft; // what was typed before Up went into the history
    QPushButton *m_cancel;
    QPushButton *m_copyFiles;
};

} // namespace Chorus
