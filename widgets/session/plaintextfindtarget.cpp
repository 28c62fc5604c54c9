#include "widgets/session/plaintextfindtarget.h"

#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>

namespace Chorus {

bool PlainTextFindTarget::findMatch(const QString &needle, Qt::CaseSensitivity cs, bool backward)
{
    QTextDocument *document = m_editor->document();
    QTextDocument::FindFlags flags;
    if (cs == Qt::CaseSensitive)
        flags |= QTextDocument::FindCaseSensitively;
    if (backward)
        flags |= QTextDocument::FindBackward;
    QTextCursor found = document->find(needle, m_editor->textCursor(), flags);
    if (found.isNull()) {
        // Around the end, as editors do.
        QTextCursor from(document);
        if (backward)
            from.movePosition(QTextCursor::End);
        found = document->find(needle, from, flags);
    }
    if (found.isNull())
        return false;
    m_editor->setTextCursor(found);
    m_editor->centerCursor();
    return true;
}

int PlainTextFindTarget::markMatches(const QString &needle, Qt::CaseSensitivity cs, int marks, int limit)
{
    QList<QTextEdit::ExtraSelection> selections;
    int matches = 0;
    if (!needle.isEmpty()) {
        // Positions in toPlainText() are the document's: a block separator is one character too.
        const QString text = m_editor->document()->toPlainText();
        QTextCharFormat highlight;
        QColor match(MatchColor);
        match.setAlpha(160); // over the text's own colours
        highlight.setBackground(match);
        for (qsizetype at = text.indexOf(needle, 0, cs); at >= 0 && matches < limit;
             at = text.indexOf(needle, at + needle.size(), cs)) {
            if (matches < marks) {
                QTextEdit::ExtraSelection selection;
                selection.cursor = QTextCursor(m_editor->document());
                selection.cursor.setPosition(int(at));
                selection.cursor.setPosition(int(at + needle.size()), QTextCursor::KeepAnchor);
                selection.format = highlight;
                selections.append(selection);
            }
            ++matches;
        }
    }
    m_editor->setExtraSelections(selections);
    return matches;
}

void PlainTextFindTarget::findFromSelectionStart()
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(cursor.selectionStart());
    m_editor->setTextCursor(cursor);
}

QString PlainTextFindTarget::selectedLine() const
{
    const QString selected = m_editor->textCursor().selectedText();
    return selected.contains(QChar::ParagraphSeparator) ? QString() : selected;
}

QWidget *PlainTextFindTarget::findWidget()
{
    return m_editor;
}

QList<int> PlainTextFindTarget::markedPositions() const
{
    QList<int> positions;
    for (const QTextEdit::ExtraSelection &selection : m_editor->extraSelections())
        positions.append(selection.cursor.selectionStart());
    return positions;
}

} // namespace Chorus
