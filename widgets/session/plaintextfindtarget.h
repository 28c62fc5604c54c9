#pragma once

#include "widgets/session/findtarget.h"

#include <QList>

class QPlainTextEdit;

namespace Chorus {

// An output view's text as a FindBar searches it: matches are the editor's selection, marks its
// extra selections.
class PlainTextFindTarget : public FindTarget
{
public:
    explicit PlainTextFindTarget(QPlainTextEdit *editor) : m_editor(editor) {}

    bool findMatch(const QString &needle, Qt::CaseSensitivity cs, bool backward) override;
    int markMatches(const QString &needle, Qt::CaseSensitivity cs, int marks, int limit) override;
    void findFromSelectionStart() override;
    QString selectedLine() const override;
    QWidget *findWidget() override;

    // Text positions marked as matches (beginning of each), for tests.
    QList<int> markedPositions() const;

private:
    QPlainTextEdit *m_editor;
};

} // namespace Chorus
