#include "widgets/mainwindow/commandbar.h"

#include "model/core/appsettings.h"
#include "widgets/dialogs/snippetdialog.h"
#include "widgets/style/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QKeyEvent>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QToolButton>

namespace Chorus {

CommandBar::CommandBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("commandBar"));
    m_command = new QComboBox(this);
    m_command->setObjectName(QStringLiteral("commandEdit"));
    m_command->setEditable(true);
    m_command->setInsertPolicy(QComboBox::NoInsert);
    // A long command in the history must not widen the window.
    m_command->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_command->setMinimumContentsLength(20);
    m_command->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_command->lineEdit()->setPlaceholderText(tr("Command to run on the selected hosts"));
    m_command->setAccessibleName(tr("Command"));
    m_command->setToolTip(tr("The command to run; the list holds your history. Ctrl+Enter runs it."));
    m_command->setAccessibleDescription(tr("Ctrl+L comes back here from anywhere in the window."));
    // Back to the command from anywhere in the window, as to a browser's address bar: the keyboard
    // way out of views that keep Tab for themselves (tables).
    auto *focusShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    focusShortcut->setContext(Qt::WindowShortcut);
    connect(focusShortcut, &QShortcut::activated, this, &CommandBar::focusCommand);
    // Up and Down walk the history as a shell does: newest first (the list is newest first, and a
    // combo box's Up would go the other way).
    m_command->lineEdit()->installEventFilter(this);
    // Enter in the box runs too, as in a terminal.
    connect(m_command->lineEdit(), &QLineEdit::returnPressed, this, &CommandBar::runRequested);

    m_snippets = new QToolButton(this);
    m_snippets->setObjectName(QStringLiteral("snippetsButton"));
    m_snippets->setText(tr("Snippets"));
    m_snippets->setPopupMode(QToolButton::InstantPopup);
    m_snippets->setMenu(new QMenu(m_snippets));
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
    layout->addWidget(m_command, 1);
    layout->addWidget(m_snippets);
    auto *fanoutLabel = new QLabel(tr("&Fanout:"), this);
    fanoutLabel->setBuddy(m_fanout);
    layout->addWidget(fanoutLabel);
    layout->addWidget(m_fanout);
    auto *timeoutLabel = new QLabel(tr("&Timeout:"), this);
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
    return m_command->currentText().trimmed();
}

void CommandBar::setCommand(const QString &command)
{
    m_command->setEditText(command);
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
    m_command->lineEdit()->selectAll();
}

void CommandBar::remember(const QString &command)
{
    AppSettings::addToHistory(command);
    const QString text = m_command->currentText();
    reloadHistory();
    m_command->setEditText(text);
}

bool CommandBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_command->lineEdit() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const int at = m_command->currentIndex();
        // Browsing starts from what was typed, which comes back below the newest entry.
        const bool browsing = at >= 0 && m_command->currentText() == m_command->itemText(at);
        const auto show = [this](int index) {
            m_command->setCurrentIndex(index);
            m_command->setEditText(m_command->itemText(index));
        };
        if (key == Qt::Key_Up && (browsing ? at + 1 : 0) < m_command->count()) {
            if (!browsing)
                m_draft = m_command->currentText();
            show(browsing ? at + 1 : 0);
            return true;
        }
        if (key == Qt::Key_Down && browsing) {
            if (at > 0) {
                show(at - 1);
            } else {
                m_command->setCurrentIndex(-1);
                m_command->setEditText(m_draft);
            }
            return true;
        }
        if (key == Qt::Key_Up || key == Qt::Key_Down)
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void CommandBar::reloadHistory()
{
    const QString text = m_command->currentText();
    m_command->clear();
    m_command->addItems(AppSettings::commandHistory());
    m_command->setEditText(text);
}

void CommandBar::rebuildSnippetMenu()
{
    QMenu *menu = m_snippets->menu();
    menu->clear();
    for (const Snippet &snippet : AppSettings::snippets()) {
        QAction *action = menu->addAction(snippet.name);
        action->setToolTip(snippet.command);
        connect(action, &QAction::triggered, this, [this, command = snippet.command] {
            setCommand(command);
            focusCommand();
        });
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

void CommandBar::editSnippets()
{
    SnippetDialog dialog(AppSettings::snippets(), this);
    if (dialog.exec() == QDialog::Accepted)
        AppSettings::setSnippets(dialog.snippets());
    rebuildSnippetMenu();
}

} // namespace Chorus
