#include "widgets/mainwindow/commandedit.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QTextBlock>

namespace Chorus {

CommandEdit::CommandEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setWordWrapMode(QTextOption::NoWrap);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    document()->setDocumentMargin(2);
    connect(document(), &QTextDocument::blockCountChanged, this, &CommandEdit::fitToContents);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        // Typing over a history entry makes it a new command.
        if (m_browsing >= 0 && (m_browsing >= m_history.size() || toPlainText() != m_history.at(m_browsing)))
            m_browsing = -1;
    });
    fitToContents();
}

void CommandEdit::setText(const QString &text)
{
    setPlainText(text);
    moveCursor(QTextCursor::End);
    m_browsing = -1;
}

void CommandEdit::setHistory(const QStringList &history)
{
    m_history = history;
    m_browsing = -1;
}

int CommandEdit::heightForLines(int lines) const
{
    const QMargins margins = contentsMargins();
    return lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) + margins.top() +
           margins.bottom() + 2 * frameWidth();
}

QSize CommandEdit::sizeHint() const
{
    const int lines = qBound(1, document()->blockCount(), MaxLines);
    return {QPlainTextEdit::sizeHint().width(), heightForLines(lines)};
}

QSize CommandEdit::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 20, heightForLines(1)};
}

void CommandEdit::fitToContents()
{
    setFixedHeight(sizeHint().height());
    updateGeometry();
}

void CommandEdit::showHistoryEntry(int index)
{
    setPlainText(index < 0 ? m_draft : m_history.at(index));
    moveCursor(QTextCursor::End);
    m_browsing = index;
}

void CommandEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (enter && modifiers == Qt::NoModifier) {
        Q_EMIT submitted();
        return;
    }
    if (enter && modifiers == Qt::ShiftModifier) {
        textCursor().insertText(QStringLiteral("\n"));
        return;
    }
    if (enter) {
        // Ctrl+Enter and the like belong to the window (Run).
        event->ignore();
        return;
    }
    const QTextBlock block = textCursor().block();
    if (event->key() == Qt::Key_Up && modifiers == Qt::NoModifier && block == document()->firstBlock()) {
        if (m_browsing + 1 < m_history.size()) {
            if (m_browsing < 0)
                m_draft = toPlainText();
            showHistoryEntry(m_browsing + 1);
        }
        return;
    }
    if (event->key() == Qt::Key_Down && modifiers == Qt::NoModifier && block == document()->lastBlock()) {
        if (m_browsing >= 0)
            showHistoryEntry(m_browsing - 1);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Chorus
