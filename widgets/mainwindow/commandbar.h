#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace Chorus {

class CommandEdit;

// The command bar: the command (one line growing into an editor, see CommandEdit) with its history
// and saved snippets, fanout, command timeout, sudo, Run (Ctrl+Enter) and Cancel; Copy Files for
// SFTP push/pull. A snippet with {{parameters}} asks for their values when it is chosen.
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

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    // "Copy Files...": the transfer dialog for the same hosts a run would use.
    void copyFilesRequested();

private:
    void rebuildSnippetMenu();
    void rebuildHistoryMenu();
    void editSnippets();
    void insertSnippet(const QString &text);

    CommandEdit *m_command;
    QToolButton *m_history;
    QToolButton *m_snippets;
    QSpinBox *m_fanout;
    QSpinBox *m_timeout;
    QCheckBox *m_sudo;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_copyFiles;
};

} // namespace Chorus
