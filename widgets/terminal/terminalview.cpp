#include "widgets/terminal/terminalview.h"

#include "model/core/printable.h"
#include "widgets/session/ansitext.h"
#include "widgets/style/theme.h"
#include "widgets/terminal/parsescheduler.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFocusEvent>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QInputMethod>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtMath>

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <vterm.h>

namespace Chorus {

namespace {

// One libvterm write, and a terminal's turn in the ParseScheduler: small enough that the time budget
// is checked often and that 32 terminals printing at once each get a turn every few passes. A small
// tile scrolling short lines takes about 1.3 ms for 4 KiB (16 KiB left one waiting 2.8 s for its turn).
constexpr qsizetype SliceBytes = 4 * 1024;
constexpr int RepaintMilliseconds = 16; // about 60 frames a second at most
constexpr int FlashMilliseconds = 120;
constexpr char32_t Continuation = char32_t(0xFFFFFFFF); // libvterm's mark for a wide char's right half

// Cells an input method's preedit text takes: East Asian wide and fullwidth characters take two,
// as libvterm lays them out when they are committed. Only for drawing the preedit, which libvterm
// has not seen.
int cellWidth(char32_t c)
{
    if (c < 0x1100)
        return 1;
    const bool wide = (c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                      (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

int cellWidth(const QString &text)
{
    int columns = 0;
    for (const char32_t c : text.toUcs4())
        columns += cellWidth(c);
    return columns;
}

// The 256 colours as the output view (AnsiText) shows them: libvterm's own greys (232-255) are not
// xterm's, and its first 16 are dimmer than xterm's.
QRgb xtermColor(int index)
{
    static const auto table = [] {
        std::array<QRgb, 256> colors;
        for (int i = 0; i < 256; ++i)
            colors[size_t(i)] = AnsiText::paletteColor(i).rgb();
        return colors;
    }();
    return table[size_t(index & 0xff)];
}

VTermModifier vtermModifiers(Qt::KeyboardModifiers modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        mod |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    if (modifiers & Qt::ControlModifier)
        mod |= VTERM_MOD_CTRL;
    return VTermModifier(mod);
}

// libvterm's number for a mouse button (xterm's: 1 left, 2 middle, 3 right); 0 for the others.
int vtermButton(Qt::MouseButton button)
{
    switch (button) {
    case Qt::LeftButton:
        return 1;
    case Qt::MiddleButton:
        return 2;
    case Qt::RightButton:
        return 3;
    default:
        return 0;
    }
}

bool vtermKey(int key, VTermKey *out)
{
    static constexpr std::pair<int, VTermKey> keys[] = {
        {Qt::Key_Return, VTERM_KEY_ENTER},
        {Qt::Key_Enter, VTERM_KEY_ENTER},
        {Qt::Key_Tab, VTERM_KEY_TAB},
        {Qt::Key_Backtab, VTERM_KEY_TAB},
        {Qt::Key_Backspace, VTERM_KEY_BACKSPACE},
        {Qt::Key_Escape, VTERM_KEY_ESCAPE},
        {Qt::Key_Up, VTERM_KEY_UP},
        {Qt::Key_Down, VTERM_KEY_DOWN},
        {Qt::Key_Left, VTERM_KEY_LEFT},
        {Qt::Key_Right, VTERM_KEY_RIGHT},
        {Qt::Key_Insert, VTERM_KEY_INS},
        {Qt::Key_Delete, VTERM_KEY_DEL},
        {Qt::Key_Home, VTERM_KEY_HOME},
        {Qt::Key_End, VTERM_KEY_END},
        {Qt::Key_PageUp, VTERM_KEY_PAGEUP},
        {Qt::Key_PageDown, VTERM_KEY_PAGEDOWN},
    };
    for (const auto &[qtKey, vtermKey] : keys) {
        if (qtKey == key) {
            *out = vtermKey;
            return true;
        }
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12) {
        *out = VTermKey(VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1));
        return true;
    }
    return false;
}

// Ctrl with a symbol or digit, as xterm sends it (Ctrl+Space and Ctrl+2 NUL, Ctrl+[ ESC, Ctrl+/
// 0x1f ...); libvterm would send a CSI u sequence that shells do not read. -1: not such a key.
int controlCharacter(int key)
{
    static constexpr std::pair<int, int> controls[] = {
        {Qt::Key_Space, 0x00}, {Qt::Key_At, 0x00},          {Qt::Key_2, 0x00}, {Qt::Key_BracketLeft, 0x1b},
        {Qt::Key_3, 0x1b},     {Qt::Key_Backslash, 0x1c},   {Qt::Key_4, 0x1c}, {Qt::Key_BracketRight, 0x1d},
        {Qt::Key_5, 0x1d},     {Qt::Key_AsciiCircum, 0x1e}, {Qt::Key_6, 0x1e}, {Qt::Key_Underscore, 0x1f},
        {Qt::Key_Minus, 0x1f}, {Qt::Key_Slash, 0x1f},       {Qt::Key_7, 0x1f}, {Qt::Key_Question, 0x7f},
        {Qt::Key_8, 0x7f},
    };
    for (const auto &[qtKey, control] : controls) {
        if (qtKey == key)
            return control;
    }
    return -1;
}

bool isModifierKey(int key)
{
    static constexpr int modifiers[] = {
        Qt::Key_Shift,    Qt::Key_Control, Qt::Key_Meta,        Qt::Key_Alt,     Qt::Key_AltGr,
        Qt::Key_CapsLock, Qt::Key_NumLock, Qt::Key_ScrollLock,  Qt::Key_Super_L, Qt::Key_Super_R,
        Qt::Key_Hyper_L,  Qt::Key_Hyper_R, Qt::Key_Mode_switch,
    };
    return std::find(std::begin(modifiers), std::end(modifiers), key) != std::end(modifiers);
}

bool isWordCharacter(char32_t c)
{
    if (c == 0 || c == ' ')
        return false;
    if (c < 0x80)
        return QChar::isLetterOrNumber(c) || QStringView(u"-_./~:@%+=").contains(QChar(char16_t(c)));
    return true;
}

} // namespace

// libvterm calls these while it parses; they only record what happened, and TerminalView emits
// its signals once libvterm has returned.
struct TerminalView::Callbacks
{
    static TerminalView *view(void *user) { return static_cast<TerminalView *>(user); }

    static int damage(VTermRect, void *user)
    {
        view(user)->m_dirty = true;
        return 1;
    }
    static int moverect(VTermRect, VTermRect, void *user)
    {
        view(user)->m_dirty = true;
        return 1;
    }
    static int movecursor(VTermPos, VTermPos, int, void *user)
    {
        view(user)->m_dirty = true;
        return 1;
    }
    static int settermprop(VTermProp prop, VTermValue *value, void *user)
    {
        TerminalView *v = view(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            v->m_cursorVisible = value->boolean;
            break;
        case VTERM_PROP_CURSORSHAPE:
            v->m_cursorShape = value->number;
            break;
        case VTERM_PROP_ALTSCREEN:
            v->m_altScreen = value->boolean;
            // The selection was on the other screen's text.
            v->m_anchor = v->m_caret = Position();
            break;
        case VTERM_PROP_MOUSE:
            v->setMouseMode(value->number);
            break;
        case VTERM_PROP_TITLE: {
            // The host's text in Chorus's own tile header and tab: escaped, as in its messages.
            const QString title = value->string ? printable(QByteArrayView(value->string)) : QString();
            if (title != v->m_title) {
                v->m_title = title;
                v->m_titlePending = true;
            }
            break;
        }
        default:
            break;
        }
        v->m_dirty = true;
        return 1;
    }
    static int bell(void *user)
    {
        view(user)->m_bellPending = true;
        return 1;
    }
    static int resize(int, int, void *user)
    {
        view(user)->m_dirty = true;
        return 1;
    }
    // A line scrolled off the top of the primary screen (libvterm never pushes the alternate one).
    static int pushline(int columns, const VTermScreenCell *cells, void *user)
    {
        TerminalView *v = view(user);
        v->m_dirty = true;
        if (v->m_scrollbackLimit <= 0) {
            ++v->m_dropped;
            return 1;
        }
        ScrollLine line;
        if (int(v->m_scrollback.size()) >= v->m_scrollbackLimit) {
            // Reuse the oldest line's storage: a flood pushes millions of lines.
            line = std::move(v->m_scrollback.front());
            v->m_scrollback.pop_front();
            ++v->m_dropped;
            line.cells.clear();
            line.marks.clear();
        }
        int end = columns;
        while (end > 0) {
            const VTermScreenCell &c = cells[end - 1];
            const bool blank = (c.chars[0] == 0 || c.chars[0] == ' ') && VTERM_COLOR_IS_DEFAULT_BG(&c.bg) &&
                               !c.attrs.reverse && !c.attrs.underline && !c.attrs.strike;
            if (!blank)
                break;
            --end;
        }
        line.cells.resize(size_t(end));
        for (int column = 0; column < end; ++column) {
            const VTermScreenCell &c = cells[column];
            StoredCell &s = line.cells[size_t(column)];
            s = storedCell(v, c);
            if (s.width != 0 && s.ch != 0) {
                for (int i = 1; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i]; ++i)
                    line.marks.push_back({column, char32_t(c.chars[i])});
            }
        }
        v->m_scrollback.push_back(std::move(line));
        return 1;
    }
    // The screen grew taller: the newest scrollback line comes back onto it.
    static int popline(int columns, VTermScreenCell *cells, void *user)
    {
        TerminalView *v = view(user);
        if (v->m_scrollback.empty() || v->m_altScreen)
            return 0;
        const ScrollLine line = std::move(v->m_scrollback.back());
        v->m_scrollback.pop_back();
        v->m_dirty = true;
        VTermColor defaultFg, defaultBg;
        vterm_state_get_default_colors(v->m_state, &defaultFg, &defaultBg);
        defaultFg.type |= VTERM_COLOR_DEFAULT_FG;
        defaultBg.type |= VTERM_COLOR_DEFAULT_BG;
        auto unpack = [](QRgb rgb, const VTermColor &fallback) {
            VTermColor color = fallback;
            if (qAlpha(rgb) != 0)
                vterm_color_rgb(&color, uint8_t(qRed(rgb)), uint8_t(qGreen(rgb)), uint8_t(qBlue(rgb)));
            return color;
        };
        for (int column = 0; column < columns; ++column) {
            const StoredCell s =
                size_t(column) < line.cells.size() ? line.cells[size_t(column)] : StoredCell();
            VTermScreenCell &c = cells[column];
            c = VTermScreenCell();
            c.chars[0] = s.width == 0 ? 0 : uint32_t(s.ch);
            // libvterm steps through the line by each cell's width and marks the right half itself;
            // a wide char cut by a narrower screen becomes narrow rather than overrun the line.
            c.width = char(s.width == 2 && column + 1 < columns ? 2 : 1);
            c.attrs.bold = (s.attrs & Bold) != 0;
            c.attrs.italic = (s.attrs & Italic) != 0;
            c.attrs.underline = (s.attrs & Underline) ? VTERM_UNDERLINE_SINGLE : VTERM_UNDERLINE_OFF;
            c.attrs.reverse = (s.attrs & Reverse) != 0;
            c.attrs.strike = (s.attrs & Strike) != 0;
            c.fg = unpack(s.fg, defaultFg);
            c.bg = unpack(s.bg, defaultBg);
        }
        for (const Mark &mark : line.marks) {
            if (mark.column >= columns)
                continue;
            uint32_t *chars = cells[mark.column].chars;
            // libvterm copies up to the first zero, so one slot stays zero.
            for (int i = 1; i < VTERM_MAX_CHARS_PER_CELL - 1; ++i) {
                if (chars[i] == 0) {
                    chars[i] = uint32_t(mark.ch);
                    break;
                }
            }
        }
        return 1;
    }
    static StoredCell storedCell(const TerminalView *v, const VTermScreenCell &cell)
    {
        StoredCell s;
        if (cell.chars[0] == uint32_t(Continuation)) {
            s.width = 0;
        } else {
            s.ch = char32_t(cell.chars[0]);
            s.width = quint8(cell.width == 2 ? 2 : 1);
        }
        s.fg = packColor(v, &cell.fg, true);
        s.bg = packColor(v, &cell.bg, false);
        if (cell.attrs.bold)
            s.attrs |= Bold;
        if (cell.attrs.italic)
            s.attrs |= Italic;
        if (cell.attrs.underline)
            s.attrs |= Underline;
        if (cell.attrs.reverse)
            s.attrs |= Reverse;
        if (cell.attrs.strike)
            s.attrs |= Strike;
        return s;
    }

    static QRgb packColor(const TerminalView *v, const VTermColor *color, bool foreground)
    {
        if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(color) : VTERM_COLOR_IS_DEFAULT_BG(color))
            return 0;
        if (VTERM_COLOR_IS_INDEXED(color))
            return xtermColor(color->indexed.idx);
        VTermColor rgb = *color;
        vterm_screen_convert_color_to_rgb(v->m_screen, &rgb);
        return qRgb(rgb.rgb.red, rgb.rgb.green, rgb.rgb.blue);
    }

    static void output(const char *bytes, size_t length, void *user)
    {
        view(user)->m_outgoing.append(bytes, qsizetype(length));
    }

    static const VTermScreenCallbacks screen;
    static_assert(std::size(LineCell().chars) == VTERM_MAX_CHARS_PER_CELL);
};

const VTermScreenCallbacks TerminalView::Callbacks::screen = {
    &Callbacks::damage, &Callbacks::moverect, &Callbacks::movecursor, &Callbacks::settermprop,
    &Callbacks::bell,   &Callbacks::resize,   &Callbacks::pushline,   &Callbacks::popline,
};

TerminalView::TerminalView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setAccessibleName(tr("Terminal"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    viewport()->setCursor(Qt::IBeamCursor);
    // Every pixel is painted; a scroll bar that comes and goes would change the column count.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setAccessibleName(tr("Terminal scrollback"));

    m_repaintTimer.setSingleShot(true);
    connect(&m_repaintTimer, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    m_flashTimer.setSingleShot(true);
    m_flashTimer.setInterval(FlashMilliseconds);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flash = false;
        viewport()->update();
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_syncingScrollBar)
            return;
        m_follow = value >= verticalScrollBar()->maximum();
        m_viewTop = m_dropped + value;
        viewport()->update();
    });

    QFont font = this->font();
    font.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Noto Sans Mono CJK SC"),
                      QStringLiteral("Droid Sans Fallback"), QStringLiteral("monospace")});
    font.setStyleHint(QFont::TypeWriter);
    font.setFixedPitch(true);
    m_font = font;
    updateMetrics();

    m_vterm = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vterm, 1);
    vterm_output_set_callback(m_vterm, &Callbacks::output, this);
    m_state = vterm_obtain_state(m_vterm);
    m_screen = vterm_obtain_screen(m_vterm);
    vterm_screen_set_callbacks(m_screen, &Callbacks::screen, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_reset(m_screen, 1);
    m_outgoing.clear();
    m_titlePending = m_bellPending = false;
    syncScrollBar();
}

TerminalView::~TerminalView()
{
    vterm_free(m_vterm);
}

void TerminalView::feed(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_queue.push_back(bytes);
    m_backlog += bytes.size();
    ParseScheduler::instance().want(this);
}

void TerminalView::flushBacklog()
{
    parse(m_backlog);
}

bool TerminalView::parseSlice()
{
    parse(SliceBytes);
    return m_backlog > 0;
}

// Up to `bytes` of the backlog through libvterm; the damage is flushed and the signals emitted once.
void TerminalView::parse(qsizetype bytes)
{
    if (m_parsing)
        return;
    m_parsing = true;
    qint64 parsed = 0;
    while (!m_queue.empty() && parsed < bytes) {
        const QByteArray &front = m_queue.front();
        const qsizetype length = qMin(front.size() - m_queueOffset, SliceBytes);
        vterm_input_write(m_vterm, front.constData() + m_queueOffset, size_t(length));
        m_queueOffset += length;
        parsed += length;
        if (m_queueOffset >= front.size()) {
            m_queue.pop_front();
            m_queueOffset = 0;
        }
    }
    m_backlog -= parsed;
    vterm_screen_flush_damage(m_screen);
    m_parsing = false;
    emitPending();
    if (parsed > 0)
        Q_EMIT consumed(parsed);
}

void TerminalView::emitPending()
{
    if (m_dirty) {
        m_dirty = false;
        syncScrollBar();
        scheduleRepaint();
        if (hasFocus())
            QGuiApplication::inputMethod()->update(Qt::ImCursorRectangle);
    }
    if (!m_outgoing.isEmpty()) {
        QByteArray bytes;
        bytes.swap(m_outgoing);
        Q_EMIT dataToSend(bytes);
    }
    if (m_titlePending) {
        m_titlePending = false;
        Q_EMIT titleChanged(m_title);
    }
    if (m_bellPending) {
        m_bellPending = false;
        m_flash = true;
        m_flashTimer.start();
        viewport()->update();
        Q_EMIT bell();
    }
}

// At once when the last frame is old enough (an echo shows without waiting), else at the next
// frame: at most about 60 a second whatever the output rate.
void TerminalView::scheduleRepaint()
{
    if (m_repaintTimer.isActive())
        return;
    const qint64 since = m_lastPaint.isValid() ? m_lastPaint.elapsed() : RepaintMilliseconds;
    if (since >= RepaintMilliseconds)
        viewport()->update();
    else
        m_repaintTimer.start(int(RepaintMilliseconds - since));
}

void TerminalView::applyInput(const TerminalInput &input)
{
    switch (input.kind) {
    case TerminalInput::Kind::Key: {
        const VTermModifier mod = vtermModifiers(input.modifiers);
        const char *altPrefix = (mod & VTERM_MOD_ALT) ? "\x1b" : "";
        VTermKey key;
        if (vtermKey(input.key, &key)) {
            if (key == VTERM_KEY_BACKSPACE && (mod & VTERM_MOD_CTRL)) {
                m_outgoing.append(altPrefix).append('\b'); // as xterm and VTE: readline's word rubout
                break;
            }
            int keyMod = mod;
            if (input.key == Qt::Key_Backtab)
                keyMod |= VTERM_MOD_SHIFT;
            // libvterm sends Enter, Backspace and Escape with Shift or Ctrl, and Ctrl+Tab, as CSI u,
            // which shells print as garbage; xterm sends them plain.
            if (key == VTERM_KEY_ENTER || key == VTERM_KEY_BACKSPACE || key == VTERM_KEY_ESCAPE)
                keyMod &= ~(VTERM_MOD_SHIFT | VTERM_MOD_CTRL);
            else if (key == VTERM_KEY_TAB)
                keyMod &= ~VTERM_MOD_CTRL;
            vterm_keyboard_key(m_vterm, key, VTermModifier(keyMod));
            break;
        }
        if (mod & VTERM_MOD_CTRL) {
            if (input.key >= Qt::Key_A && input.key <= Qt::Key_Z) {
                // From the key, not the text: the text may be the letter or already the control
                // character, depending on the platform.
                const char letter = char('a' + (input.key - Qt::Key_A));
                if (letter == 'i' || letter == 'j' || letter == 'm') {
                    // Tab, line feed and return, as xterm sends them; libvterm would send CSI u.
                    m_outgoing.append(altPrefix).append(char(letter & 0x1f));
                } else {
                    vterm_keyboard_unichar(m_vterm, uint32_t(letter), mod);
                }
                break;
            }
            if (const int control = controlCharacter(input.key); control >= 0) {
                m_outgoing.append(altPrefix).append(char(control));
                break;
            }
        }
        for (const char32_t c : input.text.toUcs4()) {
            if (c < 0x20 || c == 0x7f) {
                m_outgoing.append(altPrefix).append(char(c));
                continue;
            }
            if ((mod & VTERM_MOD_ALT) && c >= 0x80) {
                // libvterm writes an Alt-prefixed character as one byte; UTF-8 needs more.
                m_outgoing.append(altPrefix).append(QString::fromUcs4(&c, 1).toUtf8());
                continue;
            }
            // The text already has Shift applied; libvterm would turn Shift+Space into CSI u.
            vterm_keyboard_unichar(m_vterm, uint32_t(c), VTermModifier(mod & VTERM_MOD_ALT));
        }
        break;
    }
    case TerminalInput::Kind::Text:
        m_outgoing.append(input.text.toUtf8());
        break;
    case TerminalInput::Kind::Paste: {
        QString text = input.text;
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\r"));
        text.replace(QLatin1Char('\n'), QLatin1Char('\r'));
        const qsizetype before = m_outgoing.size();
        vterm_keyboard_start_paste(m_vterm);
        if (m_outgoing.size() > before) {
            // Bracketed paste is on: an end marker inside the text would let the rest run as typed.
            text.remove(QStringLiteral("\x1b[201~"));
        }
        m_outgoing.append(text.toUtf8());
        vterm_keyboard_end_paste(m_vterm);
        break;
    }
    }
    scrollToBottom();
    emitPending();
}

void TerminalView::readScreenRow(int row, std::vector<LineCell> &out) const
{
    out.resize(size_t(m_columns));
    VTermScreenCell cell;
    for (int column = 0; column < m_columns; ++column) {
        LineCell &lc = out[size_t(column)];
        lc = LineCell();
        if (!vterm_screen_get_cell(m_screen, VTermPos{row, column}, &cell))
            continue;
        lc.cell = Callbacks::storedCell(this, cell);
        if (lc.cell.width == 0 || lc.cell.ch == 0)
            continue;
        while (lc.count < VTERM_MAX_CHARS_PER_CELL && cell.chars[lc.count]) {
            lc.chars[lc.count] = char32_t(cell.chars[lc.count]);
            ++lc.count;
        }
    }
}

void TerminalView::readLine(qint64 line, std::vector<LineCell> &out) const
{
    out.clear();
    if (line < m_dropped)
        return;
    const qint64 index = line - m_dropped;
    if (index < qint64(m_scrollback.size())) {
        const ScrollLine &stored = m_scrollback[size_t(index)];
        out.resize(stored.cells.size());
        for (size_t column = 0; column < stored.cells.size(); ++column) {
            LineCell &lc = out[column];
            lc.cell = stored.cells[column];
            if (lc.cell.width != 0 && lc.cell.ch != 0) {
                lc.chars[0] = lc.cell.ch;
                lc.count = 1;
            }
        }
        for (const Mark &mark : stored.marks) {
            LineCell &lc = out[size_t(mark.column)];
            if (lc.count > 0 && lc.count < VTERM_MAX_CHARS_PER_CELL)
                lc.chars[lc.count++] = mark.ch;
        }
        return;
    }
    const qint64 row = index - qint64(m_scrollback.size());
    if (row < m_rows)
        readScreenRow(int(row), out);
}

QString TerminalView::textOf(const std::vector<LineCell> &cells, int from, int to) const
{
    QString text;
    const int end = qMin(to, int(cells.size()));
    for (int column = qMax(0, from); column < end; ++column) {
        const LineCell &lc = cells[size_t(column)];
        if (lc.cell.width == 0)
            continue; // the right half of a wide character, read with its left half
        if (lc.count == 0)
            text.append(QLatin1Char(' '));
        else
            text.append(QString::fromUcs4(lc.chars, lc.count));
    }
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}

TerminalView::Cell TerminalView::cellAt(int row, int column) const
{
    Cell result;
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns)
        return result;
    std::vector<LineCell> cells;
    readScreenRow(row, cells);
    const LineCell &lc = cells[size_t(column)];
    result.text = QString::fromUcs4(lc.chars, lc.count);
    result.width = lc.cell.width;
    result.foreground = qAlpha(lc.cell.fg) ? QColor(lc.cell.fg) : palette().color(QPalette::Text);
    result.background = qAlpha(lc.cell.bg) ? QColor(lc.cell.bg) : palette().color(QPalette::Base);
    result.bold = lc.cell.attrs & Bold;
    result.italic = lc.cell.attrs & Italic;
    result.underline = lc.cell.attrs & Underline;
    result.reverse = lc.cell.attrs & Reverse;
    return result;
}

QPoint TerminalView::cursorPosition() const
{
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    return {pos.col, pos.row};
}

QString TerminalView::lineText(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    std::vector<LineCell> cells;
    readScreenRow(row, cells);
    return textOf(cells, 0, m_columns);
}

QString TerminalView::screenText() const
{
    QStringList lines;
    for (int row = 0; row < m_rows; ++row)
        lines.append(lineText(row));
    return lines.join(QLatin1Char('\n'));
}

QString TerminalView::scrollbackLine(int index) const
{
    if (index < 0 || index >= scrollbackCount())
        return {};
    std::vector<LineCell> cells;
    readLine(m_dropped + index, cells);
    return textOf(cells, 0, int(cells.size()));
}

void TerminalView::setScrollbackLimit(int lines)
{
    m_scrollbackLimit = qMax(0, lines);
    trimScrollback();
    syncScrollBar();
    viewport()->update();
}

void TerminalView::trimScrollback()
{
    while (int(m_scrollback.size()) > m_scrollbackLimit) {
        m_scrollback.pop_front();
        ++m_dropped;
    }
}

void TerminalView::clearScrollback()
{
    m_dropped += qint64(m_scrollback.size());
    m_scrollback.clear();
    syncScrollBar();
    viewport()->update();
}

qint64 TerminalView::topLine() const
{
    if (m_altScreen || m_follow)
        return firstScreenLine();
    return qBound(m_dropped, m_viewTop, firstScreenLine());
}

void TerminalView::syncScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    m_syncingScrollBar = true;
    bar->setRange(0, m_altScreen ? 0 : int(m_scrollback.size()));
    bar->setPageStep(m_rows);
    bar->setSingleStep(1);
    bar->setValue(int(topLine() - m_dropped) - (m_altScreen ? int(m_scrollback.size()) : 0));
    m_syncingScrollBar = false;
}

void TerminalView::scrollToBottom()
{
    if (m_follow)
        return;
    m_follow = true;
    syncScrollBar();
    viewport()->update();
}

std::pair<TerminalView::Position, TerminalView::Position> TerminalView::selectionRange() const
{
    return m_anchor < m_caret ? std::pair(m_anchor, m_caret) : std::pair(m_caret, m_anchor);
}

bool TerminalView::hasSelection() const
{
    return m_anchor.line >= 0 && m_caret.line >= 0 && m_anchor != m_caret;
}

void TerminalView::clearSelection()
{
    m_anchor = m_caret = Position();
    m_selecting = false;
    viewport()->update();
}

bool TerminalView::isSelected(qint64 line, int column) const
{
    const auto [start, end] = selectionRange();
    return Position{line, column} >= start && Position{line, column + 1} <= end;
}

QString TerminalView::selectedText() const
{
    if (!hasSelection())
        return {};
    const auto [start, end] = selectionRange();
    QStringList lines;
    std::vector<LineCell> cells;
    for (qint64 line = qMax(start.line, m_dropped); line <= end.line; ++line) {
        readLine(line, cells);
        int from = line == start.line ? start.column : 0;
        const int to = line == end.line ? end.column : int(cells.size());
        // Starting on a wide character's right half takes the whole character.
        if (from > 0 && from < int(cells.size()) && cells[size_t(from)].cell.width == 0)
            --from;
        lines.append(textOf(cells, from, to));
    }
    return lines.join(QLatin1Char('\n'));
}

QString TerminalView::selectedLine() const
{
    const QString text = selectedText();
    return text.contains(QLatin1Char('\n')) ? QString() : text;
}

QString TerminalView::searchText(qint64 line, std::vector<int> &columns) const
{
    std::vector<LineCell> cells;
    readLine(line, cells);
    QString text;
    columns.clear();
    for (int column = 0; column < int(cells.size()); ++column) {
        const LineCell &lc = cells[size_t(column)];
        if (lc.cell.width == 0)
            continue;
        const qsizetype before = text.size();
        if (lc.count == 0)
            text.append(QLatin1Char(' '));
        else
            text.append(QString::fromUcs4(lc.chars, lc.count));
        columns.insert(columns.end(), size_t(text.size() - before), column);
    }
    columns.push_back(int(cells.size()));
    return text;
}

bool TerminalView::findMatch(const QString &needle, Qt::CaseSensitivity cs, bool backward)
{
    const bool inclusive = std::exchange(m_findInclusive, false);
    if (needle.isEmpty())
        return false;
    const qint64 first = oldestLine();
    const qint64 last = newestLine();
    const qint64 count = last - first + 1;
    // The match must start after (backward: before) this place on its line.
    Position origin{topLine(), 0};
    bool originIncluded = true;
    if (hasSelection()) {
        origin = selectionRange().first;
        originIncluded = inclusive;
    } else if (backward) {
        origin = {last, std::numeric_limits<int>::max()};
    }
    origin.line = qBound(first, origin.line, last);
    std::vector<int> columns;
    // Every line once from the origin on, around the end, and the origin's line again last for
    // what lies on its other side (a single match is found again, as editors do).
    for (qint64 k = 0; k <= count; ++k) {
        const qint64 offset = backward ? (origin.line - first - k) : (origin.line - first + k);
        const qint64 line = first + ((offset % count) + count) % count;
        const QString text = searchText(line, columns);
        const auto allowed = [&](int column) {
            if (k != 0)
                return true;
            return backward ? column < origin.column
                            : (originIncluded ? column >= origin.column : column > origin.column);
        };
        qsizetype found = -1;
        for (qsizetype at = text.indexOf(needle, 0, cs); at >= 0; at = text.indexOf(needle, at + 1, cs)) {
            if (!allowed(columns[size_t(at)]))
                continue;
            found = at;
            if (!backward)
                break; // the first after the origin; backward keeps the last before it
        }
        if (found < 0)
            continue;
        m_selecting = false;
        m_anchor = {line, columns[size_t(found)]};
        m_caret = {line, columns[size_t(found + needle.size())]};
        scrollToShow(line);
        viewport()->update();
        return true;
    }
    return false;
}

int TerminalView::markMatches(const QString &needle, Qt::CaseSensitivity cs, int marks, int limit)
{
    // Marked by absolute line, so a mark stays on its text as output scrolls it; output that
    // arrives later is marked when the bar searches again.
    m_marks.clear();
    viewport()->update();
    if (needle.isEmpty())
        return 0;
    const qint64 first = oldestLine();
    const qint64 last = newestLine();
    std::vector<int> columns;
    int matches = 0;
    for (qint64 line = first; line <= last && matches < limit; ++line) {
        const QString text = searchText(line, columns);
        for (qsizetype at = text.indexOf(needle, 0, cs); at >= 0 && matches < limit;
             at = text.indexOf(needle, at + needle.size(), cs)) {
            if (matches < marks)
                m_marks[line].append({columns[size_t(at)], columns[size_t(at + needle.size())]});
            ++matches;
        }
    }
    return matches;
}

void TerminalView::scrollToShow(qint64 line)
{
    if (line >= topLine() && line < topLine() + m_rows)
        return;
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(qBound(bar->minimum(), int(line - m_dropped) - m_rows / 2, bar->maximum()));
}

void TerminalView::copySelection()
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Clipboard);
}

TerminalView::Position TerminalView::positionAt(const QPoint &viewportPos) const
{
    const int row = viewportPos.y() < 0 ? -1 : viewportPos.y() / m_cellHeight;
    Position pos;
    pos.line = qBound(oldestLine(), topLine() + row, newestLine());
    pos.column = qBound(0, (viewportPos.x() + m_cellWidth / 2) / m_cellWidth, m_columns);
    return pos;
}

void TerminalView::selectWordAt(const QPoint &viewportPos)
{
    Position pos = positionAt(viewportPos);
    pos.column = qBound(0, viewportPos.x() / m_cellWidth, m_columns - 1);
    std::vector<LineCell> cells;
    readLine(pos.line, cells);
    auto wordAt = [&cells](int column) {
        if (column < 0 || column >= int(cells.size()))
            return false;
        const LineCell &lc = cells[size_t(column)];
        return lc.cell.width == 0 || isWordCharacter(lc.chars[0]);
    };
    if (!wordAt(pos.column))
        return;
    int from = pos.column;
    while (wordAt(from - 1))
        --from;
    int to = pos.column + 1;
    while (wordAt(to))
        ++to;
    m_anchor = {pos.line, from};
    m_caret = {pos.line, to};
    viewport()->update();
}

void TerminalView::setTerminalFont(const QFont &font)
{
    m_font = font;
    updateMetrics();
    // A hidden view is sized when it is shown; its viewport's size now means nothing.
    if (isVisible())
        updateTerminalSize();
    viewport()->update();
}

void TerminalView::updateMetrics()
{
    QFont font = m_font;
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0);
    const qreal advance = QFontMetricsF(font).horizontalAdvance(QLatin1Char('M'));
    m_cellWidth = qMax(1, qCeil(advance - 0.01));
    // A fractional advance would let a run of characters drift off the grid; spacing them out to
    // the whole pixel keeps every run on it.
    if (m_cellWidth - advance > 0.01)
        font.setLetterSpacing(QFont::AbsoluteSpacing, m_cellWidth - advance);
    m_font = font;
    const QFontMetrics metrics(font);
    m_cellHeight = qMax(1, metrics.height());
    m_ascent = metrics.ascent();
    m_boldFont = font;
    m_boldFont.setBold(true);
    m_italicFont = font;
    m_italicFont.setItalic(true);
    m_boldItalicFont = m_boldFont;
    m_boldItalicFont.setItalic(true);
}

void TerminalView::updateTerminalSize()
{
    const QSize size = viewport()->size();
    const int columns = qMax(2, size.width() / m_cellWidth);
    const int rows = qMax(1, size.height() / m_cellHeight);
    if (columns == m_columns && rows == m_rows)
        return;
    m_columns = columns;
    m_rows = rows;
    vterm_set_size(m_vterm, rows, columns);
    vterm_screen_flush_damage(m_screen);
    m_dirty = false;
    syncScrollBar();
    viewport()->update();
    emitPending();
    Q_EMIT sizeChanged(columns, rows);
}

void TerminalView::setReservedShortcuts(const QList<QKeySequence> &keys)
{
    m_reserved = keys;
}

void TerminalView::resetTerminal()
{
    // The old shell's last output first, so it stays above the new session and is acknowledged;
    // back-pressure keeps what is queued small.
    flushBacklog();
    if (m_altScreen) {
        // Back to the primary screen the way a program leaving it would, so its text is kept.
        const char leave[] = "\x1b[?1049l";
        vterm_input_write(m_vterm, leave, sizeof leave - 1);
    }
    // The old session's last screen goes to the scrollback, readable above the new one.
    int last = -1;
    for (int row = m_rows - 1; row >= 0 && last < 0; --row) {
        if (!lineText(row).isEmpty())
            last = row;
    }
    std::vector<VTermScreenCell> cells(static_cast<size_t>(m_columns));
    for (int row = 0; row <= last; ++row) {
        for (int column = 0; column < m_columns; ++column)
            vterm_screen_get_cell(m_screen, VTermPos{row, column}, &cells[size_t(column)]);
        Callbacks::pushline(m_columns, cells.data(), this);
    }
    vterm_screen_reset(m_screen, 1);
    vterm_screen_flush_damage(m_screen);
    m_cursorVisible = true;
    setMouseMode(VTERM_PROP_MOUSE_NONE); // the reset cleared it without saying so
    m_reportedButtons = Qt::NoButton;
    if (!m_title.isEmpty()) {
        m_title.clear();
        m_titlePending = true;
    }
    m_anchor = m_caret = Position();
    m_follow = true;
    m_dirty = true;
    emitPending();
    viewport()->update();
}

bool TerminalView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // The host gets every key; only the owner's reserved shortcuts still reach the window.
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeyCombination pressed(key->modifiers() & ~Qt::KeypadModifier, Qt::Key(key->key()));
        bool reserved = false;
        for (const QKeySequence &sequence : std::as_const(m_reserved)) {
            if (sequence.count() == 1 && sequence[0] == pressed)
                reserved = true;
        }
        event->setAccepted(!reserved);
        return true;
    }
    return QAbstractScrollArea::event(event);
}

bool TerminalView::focusNextPrevChild(bool)
{
    return false; // Tab and Shift+Tab belong to the host (completion, reverse completion)
}

void TerminalView::requestPaste(QClipboard::Mode mode)
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    if (mode == QClipboard::Selection && !clipboard->supportsSelection())
        return;
    const QString text = clipboard->text(mode);
    if (text.isEmpty())
        return;
    TerminalInput input;
    input.kind = TerminalInput::Kind::Paste;
    input.text = text;
    Q_EMIT inputTyped(input);
}

void TerminalView::keyPressEvent(QKeyEvent *event)
{
    event->accept();
    const int key = event->key();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    QScrollBar *bar = verticalScrollBar();
    if (modifiers == Qt::ShiftModifier) {
        switch (key) {
        case Qt::Key_PageUp:
            bar->setValue(bar->value() - m_rows);
            return;
        case Qt::Key_PageDown:
            bar->setValue(bar->value() + m_rows);
            return;
        case Qt::Key_Home:
            bar->setValue(bar->minimum());
            return;
        case Qt::Key_End:
            bar->setValue(bar->maximum());
            return;
        case Qt::Key_Insert:
            requestPaste(QClipboard::Clipboard);
            return;
        default:
            break;
        }
    }
    if (modifiers == (Qt::ControlModifier | Qt::ShiftModifier)) {
        if (key == Qt::Key_C) {
            copySelection();
            return;
        }
        if (key == Qt::Key_V) {
            requestPaste(QClipboard::Clipboard);
            return;
        }
    }
    if (isModifierKey(key))
        return;
    TerminalInput input;
    input.kind = TerminalInput::Kind::Key;
    input.key = key;
    input.modifiers = event->modifiers();
    input.text = event->text();
    Q_EMIT inputTyped(input);
}

void TerminalView::inputMethodEvent(QInputMethodEvent *event)
{
    m_preedit = event->preeditString();
    if (!event->commitString().isEmpty()) {
        TerminalInput input;
        input.kind = TerminalInput::Kind::Text;
        input.text = event->commitString();
        Q_EMIT inputTyped(input);
    }
    viewport()->update();
    event->accept();
}

QVariant TerminalView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled:
        return true;
    case Qt::ImCursorRectangle:
        return cursorRect().translated(viewport()->pos());
    case Qt::ImFont:
        return m_font;
    case Qt::ImSurroundingText:
    case Qt::ImCurrentSelection:
    case Qt::ImTextBeforeCursor:
    case Qt::ImTextAfterCursor:
        return QString();
    case Qt::ImCursorPosition:
    case Qt::ImAnchorPosition:
        return 0;
    case Qt::ImHints:
        return int(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

QRect TerminalView::cursorRect() const
{
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    const qint64 row = firstScreenLine() + pos.row - topLine();
    VTermScreenCell cell;
    const bool wide = vterm_screen_get_cell(m_screen, pos, &cell) && cell.width == 2;
    return QRect(pos.col * m_cellWidth, int(row) * m_cellHeight, m_cellWidth * (wide ? 2 : 1), m_cellHeight);
}

void TerminalView::paintEvent(QPaintEvent *event)
{
    m_lastPaint.start();
    QPainter painter(viewport());
    const QPalette &pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor highlightedText = pal.color(QPalette::HighlightedText);
    painter.fillRect(event->rect(), base);

    const qint64 top = topLine();
    VTermPos cursor;
    vterm_state_get_cursorpos(m_state, &cursor);
    const qint64 cursorLine = firstScreenLine() + cursor.row;
    const bool focused = hasFocus();
    const bool drawCursor = m_cursorVisible && m_preedit.isEmpty();
    const bool selection = hasSelection();
    const int firstRow = qMax(0, event->rect().top() / m_cellHeight);
    const int lastRow = qMin(m_rows - 1, event->rect().bottom() / m_cellHeight);

    std::vector<LineCell> cells;
    std::vector<QColor> foregrounds(static_cast<size_t>(m_columns));
    std::vector<QColor> backgrounds(static_cast<size_t>(m_columns));
    QString run;
    for (int viewRow = firstRow; viewRow <= lastRow; ++viewRow) {
        const qint64 line = top + viewRow;
        readLine(line, cells);
        cells.resize(size_t(m_columns));
        const int y = viewRow * m_cellHeight;
        const auto marks = m_marks.constFind(line);
        const auto marked = [&](int column) {
            if (marks == m_marks.constEnd())
                return false;
            return std::any_of(marks->cbegin(), marks->cend(), [column](const std::pair<int, int> &m) {
                return column >= m.first && column < m.second;
            });
        };

        for (int column = 0; column < m_columns; ++column) {
            const StoredCell &s = cells[size_t(column)].cell;
            const bool defaultBackground = qAlpha(s.bg) == 0;
            QColor bg = defaultBackground ? base : QColor(s.bg);
            QColor fg = foregroundColor(s.fg, defaultBackground);
            if (s.attrs & Reverse)
                std::swap(fg, bg);
            if (selection && isSelected(line, column)) {
                fg = highlightedText;
                bg = highlight;
            } else if (marked(column)) {
                fg = Qt::black;
                bg = QColor(FindTarget::MatchColor);
            }
            const bool onCursor =
                line == cursorLine && (column == cursor.col || (column == cursor.col + 1 && s.width == 0));
            if (drawCursor && focused && onCursor && m_cursorShape == VTERM_PROP_CURSORSHAPE_BLOCK)
                std::swap(fg, bg);
            foregrounds[size_t(column)] = fg;
            backgrounds[size_t(column)] = bg;
        }

        // Backgrounds in runs of one colour.
        for (int column = 0; column < m_columns;) {
            int end = column + 1;
            while (end < m_columns && backgrounds[size_t(end)] == backgrounds[size_t(column)])
                ++end;
            if (backgrounds[size_t(column)] != base)
                painter.fillRect(column * m_cellWidth, y, (end - column) * m_cellWidth, m_cellHeight,
                                 backgrounds[size_t(column)]);
            column = end;
        }

        // Text, each character at its grid position: a fallback glyph of another width cannot push
        // the rest of the line off the grid. Runs of plain ASCII in one style are drawn at once.
        for (int column = 0; column < m_columns;) {
            const LineCell &lc = cells[size_t(column)];
            const StoredCell &s = lc.cell;
            if (s.width == 0 || lc.count == 0 || (lc.count == 1 && lc.chars[0] == ' ')) {
                ++column;
                continue;
            }
            const quint8 style = s.attrs & (Bold | Italic);
            const QFont &font = style == (Bold | Italic) ? m_boldItalicFont
                                : style == Bold          ? m_boldFont
                                : style == Italic        ? m_italicFont
                                                         : m_font;
            painter.setFont(font);
            painter.setPen(foregrounds[size_t(column)]);
            auto ascii = [&cells](int c) {
                const LineCell &cell = cells[size_t(c)];
                return cell.cell.width == 1 && (cell.count == 0 || (cell.count == 1 && cell.chars[0] < 0x7f));
            };
            if (ascii(column)) {
                run.clear();
                int end = column;
                while (end < m_columns && ascii(end) &&
                       (cells[size_t(end)].cell.attrs & (Bold | Italic)) == style &&
                       foregrounds[size_t(end)] == foregrounds[size_t(column)]) {
                    const LineCell &cell = cells[size_t(end)];
                    run.append(cell.count ? QChar(char16_t(cell.chars[0])) : QLatin1Char(' '));
                    ++end;
                }
                painter.drawText(QPoint(column * m_cellWidth, y + m_ascent), run);
                column = end;
                continue;
            }
            const QString glyph = QString::fromUcs4(lc.chars, lc.count);
            int x = column * m_cellWidth;
            if (s.width == 2) {
                // A fallback font's ideograph is often narrower than two cells: centred, it reads as
                // the terminal lays it out.
                const int room = 2 * m_cellWidth - painter.fontMetrics().horizontalAdvance(glyph);
                if (room > 0)
                    x += room / 2;
            }
            painter.drawText(QPoint(x, y + m_ascent), glyph);
            column += qMax(1, int(s.width));
        }

        // Underline and strike-through as lines of the cell's width, the same under any font.
        for (int column = 0; column < m_columns; ++column) {
            const StoredCell &s = cells[size_t(column)].cell;
            if (!(s.attrs & (Underline | Strike)) || s.width == 0)
                continue;
            painter.setPen(foregrounds[size_t(column)]);
            const int left = column * m_cellWidth;
            const int right = left + m_cellWidth * s.width - 1;
            if (s.attrs & Underline)
                painter.drawLine(left, y + m_ascent + 1, right, y + m_ascent + 1);
            if (s.attrs & Strike)
                painter.drawLine(left, y + m_ascent * 2 / 3, right, y + m_ascent * 2 / 3);
        }
    }

    const QRect cursorCell = cursorRect();
    if (!m_preedit.isEmpty()) {
        paintPreedit(painter, cursorCell);
    } else if (drawCursor && cursorCell.bottom() >= 0 && cursorCell.top() < m_rows * m_cellHeight) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(text);
        if (!focused) {
            painter.drawRect(cursorCell.adjusted(0, 0, -1, -1));
        } else if (m_cursorShape == VTERM_PROP_CURSORSHAPE_UNDERLINE) {
            painter.fillRect(cursorCell.left(), cursorCell.bottom() - 1, cursorCell.width(), 2, text);
        } else if (m_cursorShape == VTERM_PROP_CURSORSHAPE_BAR_LEFT) {
            painter.fillRect(cursorCell.left(), cursorCell.top(), 2, cursorCell.height(), text);
        }
    }

    if (m_flash) {
        QColor flash = highlight;
        flash.setAlpha(90);
        painter.fillRect(viewport()->rect(), flash);
    }
}

void TerminalView::paintPreedit(QPainter &painter, const QRect &cursor)
{
    // What the input method is composing, over the cells it will take once committed.
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QRect area(cursor.left(), cursor.top(), cellWidth(m_preedit) * m_cellWidth, m_cellHeight);
    painter.fillRect(area, base);
    painter.setPen(text);
    painter.setFont(m_font);
    int column = 0;
    for (const char32_t c : m_preedit.toUcs4()) {
        painter.drawText(QPoint(area.left() + column * m_cellWidth, area.top() + m_ascent),
                         QString::fromUcs4(&c, 1));
        column += cellWidth(c);
    }
    painter.drawLine(area.left(), area.top() + m_ascent + 1, area.right(), area.top() + m_ascent + 1);
}

QColor TerminalView::foregroundColor(QRgb rgb, bool onDefaultBackground) const
{
    if (qAlpha(rgb) == 0)
        return palette().color(QPalette::Text);
    if (!onDefaultBackground)
        return QColor(rgb);
    // Colours a program picks for text on the default background stay readable on this palette's
    // (black on a dark theme, yellow on a light one), as in the output view.
    auto found = m_readable.constFind(rgb);
    if (found == m_readable.constEnd())
        found = m_readable.insert(rgb, Theme::readable(QColor(rgb), palette().color(QPalette::Base)).rgb());
    return QColor(*found);
}

void TerminalView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateTerminalSize();
}

void TerminalView::setMouseMode(int mode)
{
    m_mouseMode = mode;
    // Plain moves are wanted only in "any event" mode (1003); the pointer says who gets a click.
    viewport()->setMouseTracking(mode == VTERM_PROP_MOUSE_MOVE);
    viewport()->setCursor(mode == VTERM_PROP_MOUSE_NONE ? Qt::IBeamCursor : Qt::ArrowCursor);
}

bool TerminalView::reportsMouse(Qt::KeyboardModifiers modifiers) const
{
    return m_mouseMode != VTERM_PROP_MOUSE_NONE && !(modifiers & Qt::ShiftModifier) &&
           topLine() == firstScreenLine();
}

void TerminalView::moveMouse(const QPoint &viewportPos, Qt::KeyboardModifiers modifiers)
{
    const int row = qBound(0, viewportPos.y() / m_cellHeight, m_rows - 1);
    const int column = qBound(0, viewportPos.x() / m_cellWidth, m_columns - 1);
    vterm_mouse_move(m_vterm, row, column, vtermModifiers(modifiers));
}

bool TerminalView::reportButton(QMouseEvent *event, bool pressed)
{
    const int button = vtermButton(event->button());
    if (pressed ? !reportsMouse(event->modifiers()) : !(m_reportedButtons & event->button()))
        return false;
    if (button != 0) {
        moveMouse(event->position().toPoint(), event->modifiers());
        vterm_mouse_button(m_vterm, button, pressed, vtermModifiers(event->modifiers()));
        m_reportedButtons.setFlag(event->button(), pressed);
        emitPending();
    }
    event->accept();
    return true;
}

void TerminalView::mousePressEvent(QMouseEvent *event)
{
    if (reportButton(event, true))
        return;
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton) {
        m_anchor = m_caret = positionAt(pos);
        m_selecting = true;
        viewport()->update();
    } else if (event->button() == Qt::MiddleButton) {
        requestPaste(QClipboard::Selection);
    }
    event->accept();
}

void TerminalView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_reportedButtons != Qt::NoButton || (!m_selecting && reportsMouse(event->modifiers()))) {
        // libvterm reports it only in the modes that want it (drags in 1002, every move in 1003).
        moveMouse(event->position().toPoint(), event->modifiers());
        emitPending();
        return;
    }
    if (!m_selecting || !(event->buttons() & Qt::LeftButton))
        return;
    const QPoint pos = event->position().toPoint();
    // Dragging past an edge scrolls, so a selection can reach into the scrollback.
    QScrollBar *bar = verticalScrollBar();
    if (pos.y() < 0)
        bar->setValue(bar->value() - 1);
    else if (pos.y() >= viewport()->height())
        bar->setValue(bar->value() + 1);
    m_caret = positionAt(pos);
    viewport()->update();
}

void TerminalView::mouseReleaseEvent(QMouseEvent *event)
{
    if (reportButton(event, false))
        return;
    if (event->button() != Qt::LeftButton || !m_selecting)
        return;
    m_selecting = false;
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (hasSelection() && clipboard->supportsSelection())
        clipboard->setText(selectedText(), QClipboard::Selection);
}

void TerminalView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (reportButton(event, true)) // the host sees two clicks and decides what a double one is
        return;
    if (event->button() != Qt::LeftButton)
        return;
    selectWordAt(event->position().toPoint());
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (hasSelection() && clipboard->supportsSelection())
        clipboard->setText(selectedText(), QClipboard::Selection);
}

void TerminalView::wheelEvent(QWheelEvent *event)
{
    // Touchpads send small steps: one notch at a time, the rest kept for the next event.
    const auto notchesOf = [this](QWheelEvent *e) {
        m_wheelDelta += e->angleDelta().y();
        const int notches = m_wheelDelta / QWheelEvent::DefaultDeltasPerStep;
        m_wheelDelta -= notches * QWheelEvent::DefaultDeltasPerStep;
        return notches;
    };
    if ((event->modifiers() & Qt::ControlModifier) && !(event->modifiers() & Qt::ShiftModifier)) {
        // As in most terminals, and before the host's mouse reporting: text size is ours.
        event->accept();
        if (const int notches = notchesOf(event))
            Q_EMIT zoomRequested(notches);
        return;
    }
    const bool report = reportsMouse(event->modifiers());
    // xterm's alternateScroll, on as in VTE and Konsole: less, man and a vim without the mouse
    // scroll by the wheel, though the alternate screen has no scrollback of its own.
    const bool arrows = !report && m_altScreen && !(event->modifiers() & Qt::ShiftModifier);
    if (!report && !arrows) {
        m_wheelDelta = 0;
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    event->accept();
    const int notches = notchesOf(event);
    if (report) {
        moveMouse(event->position().toPoint(), event->modifiers());
        for (int i = 0; i < qAbs(notches); ++i)
            vterm_mouse_button(m_vterm, notches > 0 ? 4 : 5, true, vtermModifiers(event->modifiers()));
        emitPending();
        return;
    }
    const TerminalInput arrow{
        TerminalInput::Kind::Key, notches > 0 ? Qt::Key_Up : Qt::Key_Down, Qt::NoModifier, {}};
    for (int i = 0; i < 3 * qAbs(notches); ++i)
        applyInput(arrow);
}

void TerminalView::contextMenuEvent(QContextMenuEvent *event)
{
    // A right click the host asked for is its own (mousePressEvent sent it).
    if (event->reason() == QContextMenuEvent::Mouse && reportsMouse(event->modifiers()))
        return;
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("&Copy"), this, &TerminalView::copySelection);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setShortcutContext(Qt::WidgetShortcut);
    copy->setEnabled(hasSelection());
    QAction *paste = menu.addAction(tr("&Paste"), this, [this] { requestPaste(QClipboard::Clipboard); });
    paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    paste->setShortcutContext(Qt::WidgetShortcut);
    paste->setEnabled(!QGuiApplication::clipboard()->text().isEmpty());
    menu.addSeparator();
    QAction *clear = menu.addAction(tr("C&lear Scrollback"), this, &TerminalView::clearScrollback);
    clear->setEnabled(!m_scrollback.empty());
    menu.exec(event->globalPos());
}

void TerminalView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    vterm_state_focus_in(m_state); // a report only when the host asked for one (mode 1004)
    emitPending();
    viewport()->update();
}

void TerminalView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    vterm_state_focus_out(m_state);
    emitPending();
    viewport()->update();
}

void TerminalView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_readable.clear();
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

} // namespace Chorus
