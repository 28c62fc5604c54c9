#pragma once

#include "model/core/hostevents.h"
#include "model/core/hostresult.h"
#include "model/core/hosttarget.h"
#include "model/core/runrequest.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QToolButton;

namespace Chorus {

class TerminalTile;
class WorkerPool;
struct TerminalInput;

// The terminals of one "Open Terminal": one tab, a grid of tiles that tiles itself to the window
// (any tile maximised and restored with Ctrl+Shift+Enter), each tile a login shell on the engine's
// pooled connection to its host. Typing goes to the focused tile; with "Type to all" on it goes to
// every tile that receives as well, and never beyond this group. "This one only" (Ctrl+Shift+O)
// keeps typing to the focused tile while typing to all stays set. Pasting line breaks into more
// than one terminal asks first.
class TerminalGroup : public QWidget
{
    Q_OBJECT
public:
    struct Host
    {
        QString name;
        HostTarget target;
    };

    TerminalGroup(WorkerPool *pool, const QList<Host> &hosts, QWidget *parent = nullptr);
    ~TerminalGroup() override; // closes the shells still open

    QList<TerminalTile *> tiles() const { return m_tiles; }
    QString title() const;
    int openCount() const; // shells connecting or open

    bool isBroadcasting() const;
    void setBroadcasting(bool on);
    bool isSolo() const;
    void setSolo(bool on);
    // The tiles typing in `from` reaches now.
    QList<TerminalTile *> targetsOf(TerminalTile *from) const;

    void maximize(TerminalTile *tile); // nullptr: restore the grid
    TerminalTile *maximizedTile() const { return m_maximized; }
    TerminalTile *focusedTile() const;
    void reconnect(TerminalTile *tile);
    void closeAll();

    static constexpr int MaxScrollback = 100000;
    static constexpr int MinFontPoints = 5;
    static constexpr int MaxFontPoints = 40;
    // Lines each terminal keeps above its screen (TerminalView::DefaultScrollbackLimit until set).
    void setScrollbackLimit(int lines);
    // The text size of every terminal, in points; 0 (or less) goes back to the window's. Ctrl+wheel
    // over any terminal changes it for the whole group by a point per notch.
    void setFontPointSize(qreal points);
    qreal fontPointSize() const;
    void zoom(int steps);

    // Columns of the grid for this many tiles in this much room: tiles as near 2:1 as the room allows.
    static int gridColumns(int tiles, const QSize &room);

Q_SIGNALS:
    // A shell opened or ended, or typing to all was switched: the tab's title and icon follow.
    void stateChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void start(TerminalTile *tile);
    void route(TerminalTile *from, const TerminalInput &input);
    bool confirmPaste(const QString &text, int terminals);
    void relayout();
    void updateTargets();
    void focusNeighbour(int step);
    void onOutput(const OutputChunk &chunk);
    void onHostState(RunId run, int host, HostState state);
    void onFinished(RunId run, int host, const HostResult &result);

    WorkerPool *m_pool = nullptr;
    QList<TerminalTile *> m_tiles;
    QHash<RunId, TerminalTile *> m_byRun;
    TerminalTile *m_maximized = nullptr;
    int m_columns = 0;
    qreal m_defaultFontPoints = 10; // the window's text size, which the terminals start with
    QToolButton *m_broadcastButton = nullptr;
    QToolButton *m_soloButton = nullptr;
    QLabel *m_targetsLabel = nullptr;
    QWidget *m_grid = nullptr;
    QGridLayout *m_gridLayout = nullptr;
    QMetaObject::Connection m_focusConnection;
};

} // namespace Chorus
