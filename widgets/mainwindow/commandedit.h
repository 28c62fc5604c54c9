#pragma once

#include <QPlainTextEdit>
#include <QStringList>

namespace Chorus {

// The command box: one line that grows into an editor as lines are added (Shift+Enter), up to
// MaxLines before it scrolls. Enter submits, as in a terminal; Up on the first line and Down on the
// last walk the history newest first, as a shell does, and what was typed comes back below the
// newest entry. Tab moves the focus on; input methods compose as in any text box.
class CommandEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr int MaxLines = 8;

    explicit CommandEdit(QWidget *parent = nullptr);

    QString text() const { return toPlainText(); }
    void setText(const QString &text);
    // Newest first.
    void setHistory(const QStringList &history);
    const QStringList &history() const { return m_history; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int heightForLines(int lines) const;
    void fitToContents();
    void showHistoryEntry(int index);

    QStringList m_history;
    int m_browsing = -1; // the history entry shown, -1 when editing
    QString m_draft;     // what was typed before Up went into the history
};

} // namespace Chorus
