#include "widgets/terminal/terminalgroup.h"

#include "sshworker/workerpool.h"
#include "widgets/session/findbar.h"
#include "widgets/terminal/terminalinput.h"
#include "widgets/terminal/terminaltile.h"
#include "widgets/terminal/terminalview.h"

#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace Chorus {

namespace {

// Tiles read best near 2:1 (80×24 characters are about that).
constexpr double TileAspect = 2.0;

// The local LANG and LC_* for the shell, as OpenSSH's `SendEnv LANG LC_*` (Debian's default) sends
// them: a host whose sshd accepts them (AcceptEnv) then reads and writes what the terminal speaks,
// so Chinese typed at a prompt is not taken apart by a shell in the C locale.
QList<QPair<QString, QString>> localeEnvironment()
{
    QList<QPair<QString, QString>> variables;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList names = environment.keys();
    for (const QString &name : names) {
        if (name == QStringLiteral("LANG") || name.startsWith(QStringLiteral("LC_")))
            variables.append({name, environment.value(name)});
    }
    return variables;
}

} // namespace

TerminalGroup::TerminalGroup(WorkerPool *pool, const QList<Host> &hosts, QWidget *parent)
    : QWidget(parent)
    , m_pool(pool)
{
    setObjectName(QStringLiteral("terminalGroup"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    m_broadcastButton = new QToolButton(this);
    m_broadcastButton->setObjectName(QStringLiteral("typeToAllButton"));
    m_broadcastButton->setCheckable(true);
    m_broadcastButton->setText(tr("Type to All"));
    m_broadcastButton->setToolTip(tr("What is typed into the focused terminal also goes to every terminal of "
                                     "this tab that receives (Ctrl+Shift+A)"));
    m_broadcastButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_broadcastButton->setFocusPolicy(Qt::NoFocus);
    connect(m_broadcastButton, &QToolButton::toggled, this, [this] {
        updateTargets();
        Q_EMIT stateChanged();
    });
    bar->addWidget(m_broadcastButton);
    m_soloButton = new QToolButton(this);
    m_soloButton->setObjectName(QStringLiteral("thisOneOnlyButton"));
    m_soloButton->setCheckable(true);
    m_soloButton->setText(tr("This One Only"));
    m_soloButton->setToolTip(tr("Typing goes to the focused terminal alone, while Type to All stays set "
                                "(Ctrl+Shift+O)"));
    m_soloButton->setFocusPolicy(Qt::NoFocus);
    connect(m_soloButton, &QToolButton::toggled, this, &TerminalGroup::updateTargets);
    bar->addWidget(m_soloButton);
    m_targetsLabel = new QLabel(this);
    m_targetsLabel->setObjectName(QStringLiteral("targetsLabel"));
    bar->addWidget(m_targetsLabel, 1);
    layout->addLayout(bar);

    m_grid = new QWidget(this);
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(2);
    layout->addWidget(m_grid, 1);

    const QList<QKeySequence> keys = {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageDown),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageUp),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)};
    const std::function<void()> actions[] = {
        [this] { setBroadcasting(!isBroadcasting()); },
        [this] { setSolo(!isSolo()); },
        [this] { maximize(m_maximized ? nullptr : focusedTile()); },
        [this] { maximize(m_maximized ? nullptr : focusedTile()); },
        [this] { focusNeighbour(1); },
        [this] { focusNeighbour(-1); },
        [this] {
            if (TerminalTile *tile = focusedTile())
                tile->findBar()->activate();
        },
    };
    for (qsizetype i = 0; i < keys.size(); ++i) {
        auto *shortcut = new QShortcut(keys.at(i), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, actions[i]);
    }

    for (const Host &host : hosts) {
        auto *tile = new TerminalTile(host.name, host.target, m_grid);
        TerminalView *view = tile->view();
        view->setReservedShortcuts(keys);
        m_tiles.append(tile);
        connect(view, &TerminalView::inputTyped, this, [this, tile](const TerminalInput &input) { route(tile, input); });
        connect(view, &TerminalView::dataToSend, this, [this, tile](const QByteArray &bytes) {
            if (tile->state() != TerminalTile::State::Closed)
                m_pool->writeInput(tile->runId(), bytes);
        });
        connect(view, &TerminalView::consumed, this,
                [this, tile](qint64 bytes) { m_pool->outputConsumed(tile->runId(), 0, bytes); });
        connect(view, &TerminalView::sizeChanged, this,
                [this, tile](int columns, int rows) { m_pool->resizeTerminal(tile->runId(), 0, columns, rows); });
        connect(tile, &TerminalTile::reconnectRequested, this, [this, tile] { reconnect(tile); });
        connect(tile, &TerminalTile::maximizeRequested, this,
                [this, tile] { maximize(m_maximized == tile ? nullptr : tile); });
        connect(tile, &TerminalTile::receivesChanged, this, &TerminalGroup::updateTargets);
        connect(view, &TerminalView::zoomRequested, this, &TerminalGroup::zoom);
    }
    connect(pool, &WorkerPool::outputReceived, this, &TerminalGroup::onOutput);
    connect(pool, &WorkerPool::hostStateChanged, this, &TerminalGroup::onHostState);
    connect(pool, &WorkerPool::hostFinished, this, &TerminalGroup::onFinished);
    m_focusConnection = connect(qApp, &QApplication::focusChanged, this, [this] {
        for (TerminalTile *tile : std::as_const(m_tiles))
            tile->update();
        updateTargets();
    });
    if (!m_tiles.isEmpty() && m_tiles.constFirst()->view()->terminalFont().pointSizeF() > 0)
        m_defaultFontPoints = m_tiles.constFirst()->view()->terminalFont().pointSizeF();
    relayout();
    for (TerminalTile *tile : std::as_const(m_tiles))
        start(tile);
    updateTargets();
    if (!m_tiles.isEmpty())
        setFocusProxy(m_tiles.constFirst());
}

TerminalGroup::~TerminalGroup()
{
    // Destroying the tiles moves the focus: not to be heard once they are going.
    disconnect(m_focusConnection);
    closeAll();
}

QString TerminalGroup::title() const
{
    if (m_tiles.isEmpty())
        return tr("Terminals");
    if (m_tiles.size() == 1)
        return tr("Terminal: %1").arg(m_tiles.constFirst()->hostName());
    return tr("Terminals: %1 and %n more", nullptr, int(m_tiles.size() - 1)).arg(m_tiles.constFirst()->hostName());
}

int TerminalGroup::openCount() const
{
    int open = 0;
    for (const TerminalTile *tile : m_tiles)
        open += tile->state() != TerminalTile::State::Closed ? 1 : 0;
    return open;
}

bool TerminalGroup::isBroadcasting() const
{
    return m_broadcastButton->isChecked();
}

void TerminalGroup::setBroadcasting(bool on)
{
    m_broadcastButton->setChecked(on);
}

bool TerminalGroup::isSolo() const
{
    return m_soloButton->isChecked();
}

void TerminalGroup::setSolo(bool on)
{
    m_soloButton->setChecked(on);
}

QList<TerminalTile *> TerminalGroup::targetsOf(TerminalTile *from) const
{
    QList<TerminalTile *> targets{from};
    if (!isBroadcasting() || isSolo())
        return targets;
    for (TerminalTile *tile : m_tiles) {
        if (tile != from && tile->receives() && tile->state() != TerminalTile::State::Closed)
            targets.append(tile);
    }
    return targets;
}

TerminalTile *TerminalGroup::focusedTile() const
{
    for (TerminalTile *tile : m_tiles) {
        if (tile->view()->hasFocus())
            return tile;
    }
    return nullptr;
}

void TerminalGroup::start(TerminalTile *tile)
{
    RunRequest request;
    request.hosts = {tile->target()};
    request.shell = true;
    request.columns = tile->view()->columns();
    request.rows = tile->view()->rows();
    request.fanout = 1;
    request.environment = localeEnvironment();
    const RunId run = m_pool->start(request);
    m_byRun.insert(run, tile);
    tile->setStarted(run);
    Q_EMIT stateChanged();
}

// A new shell on the same pooled connection when it is still open (the engine reuses it), on a
// clean screen; the scrollback keeps the old session.
void TerminalGroup::reconnect(TerminalTile *tile)
{
    if (tile->state() != TerminalTile::State::Closed)
        return;
    tile->view()->resetTerminal();
    start(tile);
    tile->view()->setFocus();
}

void TerminalGroup::closeAll()
{
    for (auto it = m_byRun.cbegin(); it != m_byRun.cend(); ++it)
        m_pool->cancelHost(it.key(), 0);
}

void TerminalGroup::route(TerminalTile *from, const TerminalInput &input)
{
    const QList<TerminalTile *> targets = targetsOf(from);
    if (input.kind == TerminalInput::Kind::Paste && targets.size() > 1 && input.text.contains(u'\n')
        && !confirmPaste(input.text, int(targets.size())))
        return;
    // Each terminal encodes the keys itself: cursor keys and bracketed paste follow its own host's modes.
    for (TerminalTile *tile : targets)
        tile->view()->applyInput(input);
}

bool TerminalGroup::confirmPaste(const QString &text, int terminals)
{
    QStringList lines = text.split(u'\n');
    if (lines.size() > 1 && lines.constLast().isEmpty())
        lines.removeLast();
    QMessageBox box(QMessageBox::Question, tr("Paste into several terminals"),
                    tr("Paste %n line(s) into %1 terminals?", nullptr, int(lines.size())).arg(terminals),
                    QMessageBox::Ok | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("pasteConfirmation"));
    box.setInformativeText(tr("Each line runs as a command on every host that receives."));
    box.setDetailedText(text.left(4000));
    box.setDefaultButton(QMessageBox::Cancel);
    box.button(QMessageBox::Ok)->setText(tr("Paste"));
    return box.exec() == QMessageBox::Ok;
}

void TerminalGroup::setScrollbackLimit(int lines)
{
    for (TerminalTile *tile : std::as_const(m_tiles))
        tile->view()->setScrollbackLimit(qBound(0, lines, MaxScrollback));
}

void TerminalGroup::setFontPointSize(qreal points)
{
    for (TerminalTile *tile : std::as_const(m_tiles)) {
        QFont font = tile->view()->terminalFont();
        font.setPointSizeF(points > 0 ? qBound<qreal>(MinFontPoints, points, MaxFontPoints) : m_defaultFontPoints);
        tile->view()->setTerminalFont(font);
    }
}

qreal TerminalGroup::fontPointSize() const
{
    return m_tiles.isEmpty() ? m_defaultFontPoints : m_tiles.constFirst()->view()->terminalFont().pointSizeF();
}

void TerminalGroup::zoom(int steps)
{
    const qreal points = qBound<qreal>(MinFontPoints, std::round(fontPointSize()) + steps, MaxFontPoints);
    if (points != fontPointSize())
        setFontPointSize(points);
}

int TerminalGroup::gridColumns(int tiles, const QSize &room)
{
    if (tiles <= 1 || room.width() <= 0 || room.height() <= 0)
        return 1;
    int best = 1;
    double bestScore = 1e9;
    for (int columns = 1; columns <= tiles; ++columns) {
        const int rows = (tiles + columns - 1) / columns;
        const double aspect = (double(room.width()) / columns) / (double(room.height()) / rows);
        const double score = std::abs(std::log(aspect / TileAspect));
        if (score < bestScore) {
            bestScore = score;
            best = columns;
        }
    }
    return best;
}

void TerminalGroup::maximize(TerminalTile *tile)
{
    if (m_maximized)
        m_maximized->setMaximized(false);
    m_maximized = tile;
    if (tile)
        tile->setMaximized(true);
    m_columns = 0; // lay out again
    relayout();
    if (tile)
        tile->view()->setFocus();
}

void TerminalGroup::relayout()
{
    const int shown = m_maximized ? 1 : int(m_tiles.size());
    const int columns = gridColumns(shown, m_grid->size());
    if (columns == m_columns && m_gridLayout->count() == shown)
        return;
    m_columns = columns;
    while (m_gridLayout->count() > 0)
        delete m_gridLayout->takeAt(0);
    for (int c = 0; c < m_gridLayout->columnCount(); ++c)
        m_gridLayout->setColumnStretch(c, 0);
    for (int r = 0; r < m_gridLayout->rowCount(); ++r)
        m_gridLayout->setRowStretch(r, 0);
    int index = 0;
    for (TerminalTile *tile : std::as_const(m_tiles)) {
        const bool visible = !m_maximized || tile == m_maximized;
        tile->setVisible(visible);
        if (!visible)
            continue;
        m_gridLayout->addWidget(tile, index / columns, index % columns);
        m_gridLayout->setRowStretch(index / columns, 1);
        m_gridLayout->setColumnStretch(index % columns, 1);
        ++index;
    }
}

void TerminalGroup::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void TerminalGroup::updateTargets()
{
    const bool broadcasting = isBroadcasting() && !isSolo();
    for (TerminalTile *tile : std::as_const(m_tiles))
        tile->setBroadcasting(broadcasting);
    QFont font = m_broadcastButton->font();
    font.setBold(isBroadcasting());
    m_broadcastButton->setFont(font);
    TerminalTile *focused = focusedTile();
    if (!focused && !m_tiles.isEmpty())
        focused = m_tiles.constFirst();
    const int reached = focused ? int(targetsOf(focused).size()) : 0;
    if (!broadcasting)
        m_targetsLabel->setText(tr("Typing goes to the focused terminal only."));
    else
        m_targetsLabel->setText(tr("Typing goes to %1 of %n terminal(s).", nullptr, int(m_tiles.size())).arg(reached));
}

void TerminalGroup::focusNeighbour(int step)
{
    if (m_tiles.isEmpty())
        return;
    const qsizetype at = m_tiles.indexOf(focusedTile());
    const qsizetype next = ((at < 0 ? 0 : at + step) % m_tiles.size() + m_tiles.size()) % m_tiles.size();
    if (m_maximized)
        maximize(m_tiles.at(next));
    m_tiles.at(next)->view()->setFocus();
}

void TerminalGroup::onOutput(const OutputChunk &chunk)
{
    if (TerminalTile *tile = m_byRun.value(chunk.run))
        tile->output(chunk.data);
}

void TerminalGroup::onHostState(RunId run, int, HostState state)
{
    if (TerminalTile *tile = m_byRun.value(run)) {
        tile->setHostState(state);
        if (state == HostState::Running)
            Q_EMIT stateChanged();
    }
}

void TerminalGroup::onFinished(RunId run, int, const HostResult &result)
{
    TerminalTile *tile = m_byRun.take(run);
    if (!tile)
        return;
    tile->setFinished(result);
    updateTargets();
    Q_EMIT stateChanged();
}

} // namespace Chorus
