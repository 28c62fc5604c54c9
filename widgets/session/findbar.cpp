#include "widgets/session/findbar.h"

#include "widgets/session/findtarget.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>

namespace Chorus {

FindBar::FindBar(FindTarget *target, QWidget *parent) : QWidget(parent), m_target(target)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);

    m_field = new QLineEdit;
    m_field->setAccessibleName(tr("Find"));
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setPlaceholderText(tr("Find"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    layout->addWidget(m_field, 1);

    m_previous = new QToolButton;
    m_previous->setObjectName(QStringLiteral("findPrevious"));
    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    layout->addWidget(m_previous);

    m_next = new QToolButton;
    m_next->setObjectName(QStringLiteral("findNext"));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_next->setToolTip(tr("Next match (Enter)"));
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    layout->addWidget(m_next);

    m_caseSensitive = new QCheckBox(tr("Match case"));
    m_caseSensitive->setObjectName(QStringLiteral("findCaseSensitive"));
    connect(m_caseSensitive, &QCheckBox::toggled, this, &FindBar::refresh);
    layout->addWidget(m_caseSensitive);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("100000+ matches")));
    layout->addWidget(m_status);

    auto *closeButton = new QToolButton;
    closeButton->setObjectName(QStringLiteral("findClose"));
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setToolTip(tr("Close (Escape)"));
    closeButton->setAutoRaise(true);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    layout->addWidget(closeButton);

    // Search as you type, from where the last match began, so the selection grows with the text.
    connect(m_field, &QLineEdit::textEdited, this, [this] {
        m_target->findFromSelectionStart();
        refresh();
        if (!m_field->text().isEmpty())
            find(false);
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &FindBar::close);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    hide();
}

QString FindBar::text() const
{
    return m_field->text();
}

void FindBar::setText(const QString &text)
{
    m_field->setText(text);
    refresh();
}

void FindBar::setCaseSensitive(bool on)
{
    m_caseSensitive->setChecked(on);
}

bool FindBar::findNext()
{
    return find(false);
}

bool FindBar::findPrevious()
{
    return find(true);
}

Qt::CaseSensitivity FindBar::caseSensitivity() const
{
    return m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
}

bool FindBar::find(bool backward)
{
    const QString needle = m_field->text();
    if (needle.isEmpty())
        return false;
    if (m_target->findMatch(needle, caseSensitivity(), backward))
        return true;
    m_status->setText(tr("No matches"));
    return false;
}

void FindBar::refresh()
{
    const QString needle = m_field->text();
    if (needle.isEmpty() || isHidden()) {
        m_matches = needle.isEmpty() ? -1 : 0;
        m_status->clear();
        m_target->markMatches(QString(), caseSensitivity(), 0, 0);
        return;
    }
    const int matches = m_target->markMatches(needle, caseSensitivity(), MaxHighlights, MaxCounted);
    m_matches = matches;
    if (matches == 0)
        m_status->setText(tr("No matches"));
    else if (matches >= MaxCounted)
        m_status->setText(tr("%1+ matches").arg(MaxCounted));
    else
        m_status->setText(matches == 1 ? tr("1 match") : tr("%1 matches").arg(matches));
}

void FindBar::activate()
{
    show();
    if (const QString selected = m_target->selectedLine(); !selected.isEmpty())
        m_field->setText(selected);
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    refresh();
}

void FindBar::close()
{
    hide();
    m_target->markMatches(QString(), caseSensitivity(), 0, 0);
    m_target->findWidget()->setFocus(Qt::OtherFocusReason);
    Q_EMIT closed();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            find(key->modifiers() & Qt::ShiftModifier);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Chorus
