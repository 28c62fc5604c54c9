#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace Chorus {

// Two outputs side by side, the way people compare a reference host with an outlier: lines that
// only one side has are coloured (removed on the left, added on the right) with blank filler rows
// opposite them, so equal lines always sit on the same row; in a changed line the words that
// differ are highlighted more strongly. Both sides scroll together, and next/previous change
// buttons (Alt+Down, Alt+Up) step through the changes.
//
// Uses UnifiedDiff's line matching and WordDiff's word matching on the raw bytes; control
// characters and invalid UTF-8 are shown as visible symbols, so binary output diffs too. Colours
// are the palette's base mixed with red or green, readable under light and dark palettes; ignored
// lines are greyed.
class DiffView : public QWidget
{
    Q_OBJECT
public:
    // What a row holds on one side.
    enum class RowKind
    {
        Same,    // equal on both sides
        Removed, // only on the left
        Added,   // only on the right
        Changed, // replaced: a left line and a right line paired up
        Filler,  // nothing: the other side has a line here
        Ignored, // only on one side or changed, but every line of it is one the user ignores
    };

    explicit DiffView(QWidget *parent = nullptr);

    void setTexts(const QByteArray &from, const QByteArray &to, const QString &fromLabel,
                  const QString &toLabel);
    // Lines the user asked to overlook (the compare view's "Ignore lines matching"): where they
    // differ they are greyed, not coloured, and are no change to step to. Applies from the next
    // setTexts.
    void setIgnoredLines(std::function<bool(QByteArrayView)> ignored) { m_ignored = std::move(ignored); }
    void setLabels(const QString &fromLabel, const QString &toLabel);
    void clear();

    int rowCount() const { return int(m_rows.size()); }
    RowKind rowKind(bool right, int row) const;
    // The text shown on a row of one side.
    QString rowText(bool right, int row) const;
    // Highlighted word ranges on a changed row (in the row's text).
    QList<std::pair<int, int>> wordHighlights(bool right, int row) const;

    int changeCount() const { return int(m_changeRows.size()); }
    int changeRow(int change) const { return m_changeRows.at(change); }
    int currentChange() const { return m_current; } // -1: none chosen yet
    // The first row shown at the top of both sides.
    int topRow() const;

    QPlainTextEdit *leftEdit() const { return m_left; }
    QPlainTextEdit *rightEdit() const { return m_right; }
    QToolButton *nextButton() const { return m_next; }
    QToolButton *previousButton() const { return m_previous; }

public Q_SLOTS:
    void nextChange();
    void previousChange();
    void goToChange(int change);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        int left = -1; // line index on that side, -1 for filler
        int right = -1;
        RowKind kind = RowKind::Same;
    };
    void render();
    void updateNavigation();

    std::function<bool(QByteArrayView)> m_ignored;
    QByteArray m_from;
    QByteArray m_to;
    QStringList m_leftLines; // as shown
    QStringList m_rightLines;
    QList<Row> m_rows;
    QList<int> m_changeRows; // first row of each change
    int m_ignoredRows = 0;
    int m_current = -1;
    QLabel *m_leftLabel;
    QLabel *m_rightLabel;
    QLabel *m_position;
    QToolButton *m_previous;
    QToolButton *m_next;
    QPlainTextEdit *m_left;
    QPlainTextEdit *m_right;
    bool m_rendering = false;
};

} // namespace Chorus
