#pragma once

#include "widgets/session/findtarget.h"
#include "widgets/terminal/terminalinput.h"

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QClipboard>
#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QPoint>
#include <QTimer>

#include <compare>
#include <deque>
#include <utility>
#include <vector>

struct VTerm;
struct VTermScreen;
struct VTermState;

namespace Chorus {

// An interactive terminal on libvterm: host output goes in (feed), what the user types comes out
// encoded for the host (dataToSend); it knows nothing of SSH. Output is parsed in time-budgeted
// slices so a flood never stalls the GUI, and consumed() says how much was parsed so the owner
// can apply back-pressure. Typing is routed through the owner (inputTyped, then applyInput on each
// terminal it picks) so one keystroke can go to many hosts, each encoded with its own modes.
//
// It is also what a FindBar searches (FindTarget): the scrollback and the screen, line by line;
// the match found becomes the selection and is scrolled into view.
class TerminalView : public QAbstractScrollArea, public FindTarget
{
    Q_OBJECT
public:
    // One screen cell as a user sees it. A wide (CJK) character's cell has width 2 and the cell to
    // its right width 0 and no text.
    struct Cell
    {
        QString text;
        int width = 1;
        QColor foreground, background;
        bool bold = false, italic = false, underline = false, reverse = false;
    };

    static constexpr int DefaultScrollbackLimit = 5000;

    explicit TerminalView(QWidget *parent = nullptr);
    ~TerminalView() override;

    // Host output; parsed later, in slices, from the event loop.
    void feed(const QByteArray &bytes);
    // Bytes fed and not yet parsed.
    qint64 backlog() const { return m_backlog; }
    // Parses everything queued now (tests, and before reading cells).
    void flushBacklog();
    // Parses one slice of the backlog (ParseScheduler); true while more is left.
    bool parseSlice();
    // Encodes what was typed with this terminal's modes, emits dataToSend and scrolls to the bottom.
    void applyInput(const TerminalInput &input);

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    // The visible screen (not scrollback), 0-based; colours as RGB, the defaults the palette's
    // Text and Base.
    Cell cellAt(int row, int column) const;
    QPoint cursorPosition() const; // x = column, y = row
    bool isCursorVisible() const { return m_cursorVisible; }
    // One screen row, trailing blanks trimmed, a wide character once.
    QString lineText(int row) const;
    // All rows joined with '\n'.
    QString screenText() const;

    int scrollbackCount() const { return int(m_scrollback.size()); }
    QString scrollbackLine(int index) const; // 0 = oldest
    void setScrollbackLimit(int lines);
    int scrollbackLimit() const { return m_scrollbackLimit; }
    void clearScrollback();
    // Whether the view shows the newest output (and follows it) rather than older lines.
    bool isAtBottom() const { return m_follow; }
    void scrollToBottom();

    bool isAlternateScreen() const { return m_altScreen; }
    QString title() const { return m_title; }
    QString preeditText() const { return m_preedit; }
    QString selectedText() const;
    bool hasSelection() const;
    void clearSelection();
    void copySelection();

    // The font's families should be monospaced; the cell size comes from it.
    void setTerminalFont(const QFont &font);
    QFont terminalFont() const { return m_font; }
    QSize cellSize() const { return {m_cellWidth, m_cellHeight}; }

    // The owner's few shortcuts that must still work while the terminal has focus; every other key
    // goes to the host.
    void setReservedShortcuts(const QList<QKeySequence> &keys);
    QList<QKeySequence> reservedShortcuts() const { return m_reserved; }
    // A new shell starts on a clean screen; the old screen's lines go to the scrollback.
    void resetTerminal();

    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;

    // FindTarget. A match is within one line; without a selection, finding forward starts at the
    // top of the view, backward at the bottom of the screen. Matches are marked by line, so a mark
    // stays on its text while output scrolls it.
    bool findMatch(const QString &needle, Qt::CaseSensitivity cs, bool backward) override;
    int markMatches(const QString &needle, Qt::CaseSensitivity cs, int marks, int limit) override;
    void findFromSelectionStart() override { m_findInclusive = true; }
    QString selectedLine() const override;
    QWidget *findWidget() override { return this; }

Q_SIGNALS:
    // Every key press, input-method commit and paste request: the owner routes it (to applyInput of
    // this and/or other views).
    void inputTyped(const Chorus::TerminalInput &input);
    // Bytes for this terminal's host: encoded input and libvterm's own answers (DA, DSR).
    void dataToSend(const QByteArray &bytes);
    void sizeChanged(int columns, int rows);
    // Ctrl+wheel: larger text for steps > 0, smaller for steps < 0. The owner sets the font, so
    // every terminal of a group keeps the same size.
    void zoomRequested(int steps);
    void titleChanged(const QString &title);
    void bell();
    // Output bytes parsed since the last signal.
    void consumed(qint64 bytes);

protected:
    bool event(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Attribute bits of a stored or drawn cell.
    enum Attribute : quint8
    {
        Bold = 1,
        Italic = 2,
        Underline = 4,
        Reverse = 8,
        Strike = 16
    };
    // A scrollback cell: 16 bytes instead of libvterm's 40. A colour with alpha 0 is the default
    // one, so old lines follow a palette change. Width 0: the right half of a wide character.
    struct StoredCell
    {
        char32_t ch = 0;
        QRgb fg = 0;
        QRgb bg = 0;
        quint8 attrs = 0;
        quint8 width = 1;
    };
    struct Mark // a combining character beyond a cell's first, rare enough to keep aside
    {
        int column;
        char32_t ch;
    };
    struct ScrollLine
    {
        std::vector<StoredCell> cells; // trailing blanks trimmed
        std::vector<Mark> marks;
    };
    // A cell ready to draw or read, from the screen or the scrollback.
    struct LineCell
    {
        char32_t chars[6] = {};
        int count = 0; // code points in chars
        StoredCell cell;
    };
    // A place between two cells: column 0..columns, on an absolute line. A selection runs from one
    // to another, so a click without a drag selects nothing.
    struct Position
    {
        qint64 line = -1;
        int column = 0;
        auto operator<=>(const Position &) const = default;
    };
    struct Callbacks;
    friend struct Callbacks;

    void parse(qsizetype bytes);
    void emitPending();
    void updateMetrics();
    void updateTerminalSize();
    void syncScrollBar();
    void scheduleRepaint();
    void requestPaste(QClipboard::Mode mode);
    // Mouse reporting (vim's mouse=a, htop, tmux): once the host asks for it, clicks, drags and the
    // wheel on the live screen go to this terminal's host alone, never broadcast (a position means
    // nothing on another host's screen). Shift keeps the mouse for selecting, as in xterm.
    void setMouseMode(int mode);
    bool reportsMouse(Qt::KeyboardModifiers modifiers) const;
    void moveMouse(const QPoint &viewportPos, Qt::KeyboardModifiers modifiers);
    // Sends a press or release to the host when it is the host's; true if it was.
    bool reportButton(QMouseEvent *event, bool pressed);
    void trimScrollback();

    // Lines are numbered absolutely (counting the ones dropped from the scrollback) so a selection
    // and a scrolled-back view stay on their text while output scrolls.
    qint64 firstScreenLine() const { return m_dropped + qint64(m_scrollback.size()); }
    // The lines one can select or find: the scrollback and the screen, the screen alone on the
    // alternate screen (which has no scrollback).
    qint64 oldestLine() const { return m_altScreen ? firstScreenLine() : m_dropped; }
    qint64 newestLine() const { return firstScreenLine() + m_rows - 1; }
    qint64 topLine() const;
    void readLine(qint64 line, std::vector<LineCell> &out) const;
    void readScreenRow(int row, std::vector<LineCell> &out) const;
    QString textOf(const std::vector<LineCell> &cells, int from, int to) const;
    Position positionAt(const QPoint &viewportPos) const;
    std::pair<Position, Position> selectionRange() const;
    bool isSelected(qint64 line, int column) const;
    void selectWordAt(const QPoint &viewportPos);
    // A line's text as searched, and the column each UTF-16 unit of it starts in, plus one entry
    // for the end; a wide character's units map to its left cell.
    QString searchText(qint64 line, std::vector<int> &columns) const;
    void scrollToShow(qint64 line);
    QColor foregroundColor(QRgb rgb, bool onDefaultBackground) const;
    QRect cursorRect() const; // in viewport coordinates, wherever the view is scrolled
    void paintPreedit(QPainter &painter, const QRect &cursor);

    VTerm *m_vterm = nullptr;
    VTermScreen *m_screen = nullptr;
    VTermState *m_state = nullptr;

    std::deque<QByteArray> m_queue;
    qsizetype m_queueOffset = 0; // into m_queue.front()
    qint64 m_backlog = 0;
    bool m_parsing = false;
    QElapsedTimer m_lastPaint;
    QTimer m_repaintTimer;
    QTimer m_flashTimer;

    // Collected while libvterm runs and emitted after it returns, so no slot runs inside libvterm.
    QByteArray m_outgoing;
    bool m_dirty = false;
    bool m_bellPending = false;
    bool m_titlePending = false;

    int m_columns = 80;
    int m_rows = 24;
    QFont m_font;
    QFont m_boldFont, m_italicFont, m_boldItalicFont;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;

    std::deque<ScrollLine> m_scrollback;
    int m_scrollbackLimit = DefaultScrollbackLimit;
    qint64 m_dropped = 0; // lines dropped from the front of the scrollback, ever
    qint64 m_viewTop = 0; // absolute line at the top of the view when not following
    bool m_follow = true; // the view sticks to the newest output
    bool m_syncingScrollBar = false;

    bool m_altScreen = false;
    bool m_cursorVisible = true;
    int m_cursorShape = 1; // libvterm's VTERM_PROP_CURSORSHAPE_BLOCK
    bool m_flash = false;
    QString m_title;
    QString m_preedit;
    QList<QKeySequence> m_reserved;

    int m_mouseMode = 0;                // libvterm's VTERM_PROP_MOUSE_NONE
    Qt::MouseButtons m_reportedButtons; // pressed, and the press went to the host
    int m_wheelDelta = 0;               // eighths of a degree not yet sent as a notch
    bool m_selecting = false;
    Position m_anchor; // where the mouse went down
    Position m_caret;  // where it is now
    bool m_findInclusive = false; // the next findMatch may find the selection's own match
    QHash<qint64, QList<std::pair<int, int>>> m_marks; // absolute line: [from, to) columns of matches

    mutable QHash<QRgb, QRgb> m_readable; // host colours made readable on the default background
};

} // namespace Chorus
