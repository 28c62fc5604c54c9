#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Chorus {

class FindTarget;

// The search bar of an output view or a terminal: finds text in its FindTarget as it is typed,
// moves to the next or previous match (Enter, Shift+Enter; the output view adds F3, Shift+F3;
// wrapping around), marks the matches and says how many there are. Escape closes it and clears
// the marks.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    // Beyond these the bar stops counting and highlighting: a 1 MiB log full of "e" stays fast.
    static constexpr int MaxHighlights = 2000;
    static constexpr int MaxCounted = 100000;

    // The target outlives the bar.
    explicit FindBar(FindTarget *target, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void setCaseSensitive(bool on);
    // Selects the next (previous) match after (before) the editor's cursor; false if none.
    bool findNext();
    bool findPrevious();
    // Matches in the target, at most MaxCounted; -1 when there is no search text.
    int matchCount() const { return m_matches; }

public Q_SLOTS:
    // Shows the bar with the focus in the search field, its text selected.
    void activate();
    void close();
    // Recounts and re-highlights, e.g. after the document changed.
    void refresh();

Q_SIGNALS:
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool find(bool backward);
    Qt::CaseSensitivity caseSensitivity() const;

    FindTarget *m_target;
    QLineEdit *m_field;
    QCheckBox *m_caseSensitive;
    QLabel *m_status;
    QToolButton *m_previous;
    QToolButton *m_next;
    int m_matches = -1;
};

} // namespace Chorus
