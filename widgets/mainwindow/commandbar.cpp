#include "widgets/mainwindow/commandbar.h"

#include "model/core/appsettings.h"
#include "model/core/snippettemplate.h"
#include "widgets/dialogs/snippetdialog.h"
#include "widgets/dialogs/snippetparameterdialog.h"
#include "widgets/mainwindow/commandedit.h"
#include "widgets/style/theme.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QToolButton>

namespace Chorus {

CommandBar::CommandBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("commandBar"));
    m_command = new CommandEdit(this);
    m_command->setObjectName(QStringLiteral("commandEdit"));
    m_command->setPlaceholderText(tr("Command to run on the checked hosts"));
    m_command->setAccessibleName(tr("Command"));
    m_command->setToolTip(tr("The command to run. Enter runs it, Shift+Enter starts a new line, Up and Down "
                             "walk the history."));
    m_command->setAccessibleDescription(tr("Ctrl+L comes back here from anywhere in the window."));
    // Back to the command from anywhere in the window, as to a browser's address bar: the keyboard
    // way out of views that keep Tab for themselves (tables).
    auto *focusShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    focusShortcut->setContext(Qt::WindowShortcut);
    connect(focusShortcut, &QShortcut::activated, this, &CommandBar::focusCommand);
    connect(m_command, &CommandEdit::submitted, this, &CommandBar::runRequested);

    m_history = new QToolButton(this);
    m_history->setObjectName(QStringLiteral("historyButton"));
    m_history->setText(tr("History"));
    m_history->setToolTip(tr("Commands run before, newest first"));
    m_history->setAccessibleName(tr("Command history"));
    m_history->setPopupMode(QToolButton::InstantPopup);
    m_history->setMenu(new QMenu(m_history));
    connect(m_history->menu(), &QMenu::aboutToShow, this, &CommandBar::rebuildHistoryMenu);

    m_snippets = new QToolButton(this);
    m_snippets->setObjectName(QStringLiteral("snippetsButton"));
    m_snippets->setText(tr("Snippets"));
    m_snippets->setPopupMode(QToolButton::InstantPopup);
    m_snippets->setMenu(new QMenu(m_snippets));
    // Read when opened: another window (or the settings file) may have changed them.
    connect(m_snippets->menu(), &QMenu::aboutToShow, this, &CommandBar::rebuildSnippetMenu);
    m_snippets->setAccessibleName(tr("Saved snippets"));
    m_snippets->setAccessibleDescription(tr("Insert a saved command, or save the current one"));

    m_fanout = new QSpinBox(this);
    m_fanout->setObjectName(QStringLiteral("fanoutSpin"));
    m_fanout->setRange(1, 1024);
    m_fanout->setValue(AppSettings::intValue(AppSettings::Fanout));
    m_fanout->setAccessibleName(tr("Fanout"));
    m_fanout->setToolTip(tr("How many hosts run at once"));
    m_fanout->setAccessibleDescription(m_fanout->toolTip());

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setRange(0, 24 * 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("no timeout"));
    m_timeout->setValue(AppSettings::intValue(AppSettings::CommandTimeoutSec));
    m_timeout->setAccessibleName(tr("Command timeout"));
    m_timeout->setAccessibleDescription(tr("Seconds a host may run the command before it is stopped"));

    m_sudo = new QCheckBox(tr("&sudo"), this);
    m_sudo->setObjectName(QStringLiteral("sudoCheck"));
    m_sudo->setToolTip(tr("Run the command with sudo; the password is asked for or taken from the keychain"));
    m_sudo->setAccessibleDescription(m_sudo->toolTip());

    m_run = new QPushButton(tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setToolTip(tr("Run on the selected hosts (Ctrl+Enter)"));
    m_run->setIcon(Theme::icon(QStringLiteral("media-playback-start")));
    m_run->setAccessibleDescription(m_run->toolTip());
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Cancel the current session's run (Esc)"));
    m_cancel->setIcon(Theme::icon(QStringLiteral("process-stop")));
    m_cancel->setAccessibleDescription(m_cancel->toolTip());
    m_cancel->setEnabled(false);
    m_copyFiles = new QPushButton(tr("Cop&y Files..."), this);
    m_copyFiles->setObjectName(QStringLiteral("copyFilesButton"));
    m_copyFiles->setToolTip(tr("Push files to the selected hosts or pull files from them (Ctrl+Shift+C)"));
    m_copyFiles->setIcon(Theme::icon(QStringLiteral("document-save")));
    m_copyFiles->setAccessibleDescription(m_copyFiles->toolTip());
    connect(m_copyFiles, &QPushButton::clicked, this, &CommandBar::copyFilesRequested);
    connect(m_run, &QPushButton::clicked, this, &CommandBar::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &CommandBar::cancelRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setAlignment(Qt::AlignTop);
    layout->addWidget(m_command, 1);
    layout->addWidget(m_history);
    layout->addWidget(m_snippets);
    auto *fanoutLabel = new QLabel(tr("Fa&nout:"), this);
    fanoutLabel->setBuddy(m_fanout);
    layout->addWidget(fanoutLabel);
    layout->addWidget(m_fanout);
    auto *timeoutLabel = new QLabel(tr("T&imeout:"), this);
    timeoutLabel->setBuddy(m_timeout);
    layout->addWidget(timeoutLabel);
    layout->addWidget(m_timeout);
    layout->addWidget(m_sudo);
    layout->addWidget(m_run);
    layout->addWidget(m_cancel);
    layout->addWidget(m_copyFiles);

    reloadHistory();
    rebuildSnippetMenu();
}

void CommandBar::setRunText(const QString &text)
{
    m_run->setText(text);
}

QString CommandBar::command() const
{
    return m_command->text().trimmed();
}

void CommandBar::setCommand(const QString &command)
{
    m_command->setText(command);
}

int CommandBar::fanout() const
{
    return m_fanout->value();
}

int CommandBar::timeoutSec() const
{
    return m_timeout->value();
}

bool CommandBar::sudo() const
{
    return m_sudo->isChecked();
}

void CommandBar::setCancelEnabled(bool enabled)
{
    m_cancel->setEnabled(enabled);
}

void CommandBar::focusCommand()
{
    m_command->setFocus();
    m_command->selectAll();
}

void CommandBar::remember(const QString &command)
{
    AppSettings::addToHistory(command);
    reloadHistory();
}

void CommandBar::reloadHistory()
{
    m_command->setHistory(AppSettings::commandHistory());
}

void CommandBar::rebuildHistoryMenu()
{
    constexpr int Listed = 30;
    constexpr int ShownChars = 80;
    QMenu *menu = m_history->menu();
    menu->clear();
    const QStringList history = m_command->history();
    for (const QString &command : history.mid(0, Listed)) {
        // One line per entry: a multi-line command shows its first line and how many more.
        const QStringList lines = command.split(u'\n');
        QString label = lines.first().left(ShownChars);
        if (lines.size() > 1)
            label += QStringLiteral(" ") + tr("(+%1 lines)").arg(lines.size() - 1);
        QAction *action = menu->addAction(QString(label).replace(u'&', QStringLiteral("&&")));
        action->setToolTip(command);
        connect(action, &QAction::triggered, this, [this, command] {
            setCommand(command);
            m_command->setFocus();
        });
    }
    if (history.isEmpty())
        menu->addAction(tr("No commands yet"))->setEnabled(false);
    menu->setToolTipsVisible(true);
}

void CommandBar::rebuildSnippetMenu()
{
    QMenu *menu = m_snippets->menu();
    menu->clear();
    for (const Snippet &snippet : AppSettings::snippets()) {
        QAction *action = menu->addAction(snippet.name);
        action->setToolTip(snippet.command);
        connect(action, &QAction::triggered, this, [this, command = snippet.command] { insertSnippet(command); });
    }
    if (!menu->isEmpty())
        menu->addSeparator();
    QAction *save = menu->addAction(tr("Save the current command as a snippet..."));
    save->setObjectName(QStringLiteral("saveSnippetAction"));
    connect(save, &QAction::triggered, this, [this] {
        QList<Snippet> snippets = AppSettings::snippets();
        snippets.append({command().section(u' ', 0, 2), command()});
        AppSettings::setSnippets(snippets);
        editSnippets();
    });
    QAction *edit = menu->addAction(tr("Edit snippets..."));
    edit->setObjectName(QStringLiteral("editSnippetsAction"));
    connect(edit, &QAction::triggered, this, &CommandBar::editSnippets);
}

// A snippet's {{parameters}} are asked for here, once, rather than run as they are.
void CommandBar::insertSnippet(const QString &text)
{
    QString command = text;
    if (!SnippetTemplate::parameters(text).isEmpty()) {
        SnippetParameterDialog dialog(text, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        dialog.rememberValues();
        command = dialog.command();
    }
    setCommand(command);
    m_command->setFocus();
}

void CommandBar::editSnippets()
{
    SnippetDialog dialog(AppSettings::snippets(), this);
    if (dialog.exec() == QDialog::Accepted)
        AppSettings::setSnippets(dialog.snippets());
    rebuildSnippetMenu();
}

} // namespace Chorus
