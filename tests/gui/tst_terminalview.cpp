// TerminalView as a user sees it, with no SSH: bytes fed as a host would print them, and the
// screen, the scrollback and the bytes it would send read back.
#include "widgets/session/ansitext.h"
#include "widgets/terminal/terminalview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace Chorus;

namespace {

// A view whose typing is encoded by itself, as an owner with one terminal would wire it.
struct Wired
{
    TerminalView view;
    QSignalSpy sent{&view, &TerminalView::dataToSend};
    QSignalSpy typed{&view, &TerminalView::inputTyped};

    Wired() { QObject::connect(&view, &TerminalView::inputTyped, &view, &TerminalView::applyInput); }

    // On screen, for the mouse.
    bool shown()
    {
        view.resize(600, 400);
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
    void print(const QByteArray &bytes)
    {
        view.feed(bytes);
        view.flushBacklog();
    }
    QByteArray allSent()
    {
        QByteArray bytes;
        for (const QList<QVariant> &args : std::as_const(sent))
            bytes += args.at(0).toByteArray();
        sent.clear();
        return bytes;
    }
    QByteArray click(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        sent.clear();
        QTest::keyClick(&view, key, modifiers);
        return allSent();
    }
};

QByteArray lines(int from, int to)
{
    QByteArray bytes;
    for (int i = from; i <= to; ++i)
        bytes += "line " + QByteArray::number(i) + "\r\n";
    return bytes;
}

} // namespace

class TestTerminalView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<TerminalInput>(); }

    void basics()
    {
        TerminalView view;
        QCOMPARE(view.accessibleName(), QStringLiteral("Terminal"));
        QCOMPARE(view.focusPolicy(), Qt::StrongFocus);
        QVERIFY(view.testAttribute(Qt::WA_InputMethodEnabled));
        QCOMPARE(view.columns(), 80);
        QCOMPARE(view.rows(), 24);
        QCOMPARE(view.scrollbackLimit(), 5000);
        QCOMPARE(view.cursorPosition(), QPoint(0, 0));
        QVERIFY(view.cellSize().width() > 0 && view.cellSize().height() > 0);
    }

    void colours()
    {
        Wired t;
        t.print("\x1b[31mR\x1b[38;2;1;2;3mT\x1b[0;48;5;196mB\x1b[0mD\x1b[92mG");
        const QPalette palette = t.view.palette();
        QCOMPARE(t.view.cellAt(0, 0).text, QStringLiteral("R"));
        QCOMPARE(t.view.cellAt(0, 0).foreground, AnsiText::paletteColor(1));
        QCOMPARE(t.view.cellAt(0, 0).background, palette.color(QPalette::Base));
        QCOMPARE(t.view.cellAt(0, 1).foreground, QColor(1, 2, 3));
        QCOMPARE(t.view.cellAt(0, 2).background, QColor(255, 0, 0));
        QCOMPARE(t.view.cellAt(0, 2).foreground, palette.color(QPalette::Text));
        QCOMPARE(t.view.cellAt(0, 3).foreground, palette.color(QPalette::Text));
        QCOMPARE(t.view.cellAt(0, 3).background, palette.color(QPalette::Base));
        QCOMPARE(t.view.cellAt(0, 4).foreground, AnsiText::paletteColor(10));
        // Greys and the cube of xterm-256color.
        t.print("\r\n\x1b[38;5;244mg\x1b[38;5;21mb");
        QCOMPARE(t.view.cellAt(1, 0).foreground, QColor(0x80, 0x80, 0x80));
        QCOMPARE(t.view.cellAt(1, 1).foreground, QColor(0, 0, 255));
    }

    void attributes()
    {
        Wired t;
        t.print("\x1b[1mB\x1b[0;4mU\x1b[0;7mR\x1b[0;3mI\x1b[0mN\x1b[1;4;7mA");
        const auto check = [&](int column, bool bold, bool underline, bool reverse, bool italic) {
            const TerminalView::Cell c = t.view.cellAt(0, column);
            return c.bold == bold && c.underline == underline && c.reverse == reverse && c.italic == italic;
        };
        QVERIFY(check(0, true, false, false, false));
        QVERIFY(check(1, false, true, false, false));
        QVERIFY(check(2, false, false, true, false));
        QVERIFY(check(3, false, false, false, true));
        QVERIFY(check(4, false, false, false, false));
        QVERIFY(check(5, true, true, true, false));
        QCOMPARE(t.view.lineText(0), QStringLiteral("BURINA"));
    }

    void wideCharacters()
    {
        Wired t;
        t.print("\xe4\xb8\xad\xe6\x96\x87"); // 中文
        QCOMPARE(t.view.cellAt(0, 0).text, QStringLiteral("中"));
        QCOMPARE(t.view.cellAt(0, 0).width, 2);
        QCOMPARE(t.view.cellAt(0, 1).width, 0);
        QVERIFY(t.view.cellAt(0, 1).text.isEmpty());
        QCOMPARE(t.view.cellAt(0, 2).text, QStringLiteral("文"));
        QCOMPARE(t.view.cellAt(0, 2).width, 2);
        QCOMPARE(t.view.cursorPosition(), QPoint(4, 0));
        QCOMPARE(t.view.lineText(0), QStringLiteral("中文"));
        t.print("ab");
        QCOMPARE(t.view.lineText(0), QStringLiteral("中文ab"));
        QCOMPARE(t.view.cellAt(0, 4).text, QStringLiteral("a"));
        // Combining marks stay with their base character.
        t.print("\r\ne\xcc\x81!");
        QCOMPARE(t.view.lineText(1), QStringLiteral("e\u0301!"));
        QCOMPARE(t.view.cursorPosition(), QPoint(2, 1));
    }

    void scrollback()
    {
        Wired t;
        t.print(lines(1, 30));
        // 30 lines and the empty one the cursor is on: 31 rows on a 24-row screen.
        QCOMPARE(t.view.scrollbackCount(), 7);
        QCOMPARE(t.view.scrollbackLine(0), QStringLiteral("line 1"));
        QCOMPARE(t.view.scrollbackLine(6), QStringLiteral("line 7"));
        QCOMPARE(t.view.lineText(0), QStringLiteral("line 8"));
        QCOMPARE(t.view.lineText(22), QStringLiteral("line 30"));
        QVERIFY(t.view.scrollbackLine(7).isEmpty());

        t.view.setScrollbackLimit(5);
        QCOMPARE(t.view.scrollbackLimit(), 5);
        QCOMPARE(t.view.scrollbackCount(), 5);
        QCOMPARE(t.view.scrollbackLine(0), QStringLiteral("line 3"));
        t.print(lines(31, 40));
        QCOMPARE(t.view.scrollbackCount(), 5);
        QCOMPARE(t.view.scrollbackLine(0), QStringLiteral("line 13"));
        QCOMPARE(t.view.scrollbackLine(4), QStringLiteral("line 17"));
        QCOMPARE(t.view.lineText(0), QStringLiteral("line 18"));

        // Colours survive the trip into the scrollback and back when the screen grows.
        TerminalView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QSize cell = view.cellSize();
        auto resizeTo = [&](int columns, int rows) {
            view.resize(view.width() - view.viewport()->width() + columns * cell.width(),
                        view.height() - view.viewport()->height() + rows * cell.height());
        };
        resizeTo(30, 20);
        QTRY_COMPARE(view.rows(), 20);
        QCOMPARE(view.columns(), 30);
        view.feed("\x1b[31mred\x1b[0m\r\n" + lines(2, 30));
        view.flushBacklog();
        QCOMPARE(view.scrollbackCount(), 11);
        QCOMPARE(view.scrollbackLine(0), QStringLiteral("red"));
        resizeTo(30, 40);
        QTRY_COMPARE(view.rows(), 40);
        QCOMPARE(view.scrollbackCount(), 0);
        QCOMPARE(view.lineText(0), QStringLiteral("red"));
        QCOMPARE(view.cellAt(0, 0).foreground, AnsiText::paletteColor(1));
        QCOMPARE(view.lineText(29), QStringLiteral("line 30"));
        QCOMPARE(view.cursorPosition(), QPoint(0, 30));
    }

    void scrollingBack()
    {
        Wired t;
        t.print(lines(1, 100));
        QScrollBar *bar = t.view.verticalScrollBar();
        QCOMPARE(bar->maximum(), t.view.scrollbackCount());
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(t.view.isAtBottom());
        // Shift+PgUp scrolls the view, and nothing goes to the host.
        QVERIFY(t.click(Qt::Key_PageUp, Qt::ShiftModifier).isEmpty());
        QCOMPARE(bar->value(), bar->maximum() - t.view.rows());
        QVERIFY(!t.view.isAtBottom());
        const int value = bar->value();
        // New output does not move what the user scrolled to.
        t.print(lines(101, 110));
        QCOMPARE(bar->value(), value);
        QVERIFY(t.click(Qt::Key_Home, Qt::ShiftModifier).isEmpty());
        QCOMPARE(bar->value(), 0);
        QVERIFY(t.click(Qt::Key_End, Qt::ShiftModifier).isEmpty());
        QVERIFY(t.view.isAtBottom());
        t.click(Qt::Key_PageUp, Qt::ShiftModifier);
        QVERIFY(!t.view.isAtBottom());
        // Typing goes back to the bottom.
        QCOMPARE(t.click(Qt::Key_X), QByteArray("x"));
        QVERIFY(t.view.isAtBottom());
        QCOMPARE(bar->value(), bar->maximum());
    }

    void alternateScreen()
    {
        Wired t;
        t.print("primary text\r\n$ ");
        t.print("\x1b[?1049h");
        QVERIFY(t.view.isAlternateScreen());
        QVERIFY(t.view.screenText().trimmed().isEmpty());
        t.print("\x1b[Hin vim" + lines(1, 50));
        // The alternate screen has no scrollback.
        QCOMPARE(t.view.scrollbackCount(), 0);
        QCOMPARE(t.view.verticalScrollBar()->maximum(), 0);
        t.print("\x1b[?1049l");
        QVERIFY(!t.view.isAlternateScreen());
        QCOMPARE(t.view.lineText(0), QStringLiteral("primary text"));
        QCOMPARE(t.view.lineText(1), QStringLiteral("$"));
        QCOMPARE(t.view.cursorPosition(), QPoint(2, 1));
    }

    void title()
    {
        Wired t;
        QSignalSpy titles(&t.view, &TerminalView::titleChanged);
        t.print("\x1b]0;my title\x07");
        QCOMPARE(titles.count(), 1);
        QCOMPARE(titles.at(0).at(0).toString(), QStringLiteral("my title"));
        QCOMPARE(t.view.title(), QStringLiteral("my title"));
        t.print("\x1b]2;\xe4\xb8\xad\xe6\x96\x87\x1b\\");
        QCOMPARE(titles.count(), 2);
        QCOMPARE(t.view.title(), QStringLiteral("中文"));
        QVERIFY(t.view.screenText().trimmed().isEmpty());
        // A title is the host's text in Chorus's own header: a right-to-left override or a C1
        // control in it is shown escaped, never obeyed (libvterm itself drops the tab).
        t.print("\x1b]0;invoice\xe2\x80\xae"
                "fdp.exe\tx\xc2\x9b"
                "2J\x07");
        QCOMPARE(t.view.title(), QStringLiteral("invoice\\u{202e}fdp.exex\\u{009b}2J"));
    }

    void bell()
    {
        Wired t;
        QSignalSpy bells(&t.view, &TerminalView::bell);
        t.print("a\x07");
        QCOMPARE(bells.count(), 1);
        QCOMPARE(t.view.lineText(0), QStringLiteral("a"));
    }

    void inputMethodCommit()
    {
        Wired t;
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("你好"));
        QApplication::sendEvent(&t.view, &commit);
        QCOMPARE(t.typed.count(), 1);
        const auto input = qvariant_cast<TerminalInput>(t.typed.at(0).at(0));
        QCOMPARE(input.kind, TerminalInput::Kind::Text);
        QCOMPARE(input.text, QStringLiteral("你好"));
        QCOMPARE(t.allSent(), QStringLiteral("你好").toUtf8());
        QVERIFY(t.view.preeditText().isEmpty());
    }

    void inputMethodPreedit()
    {
        Wired t;
        QInputMethodEvent preedit(QStringLiteral("ni'hao"), {});
        QApplication::sendEvent(&t.view, &preedit);
        QCOMPARE(t.view.preeditText(), QStringLiteral("ni'hao"));
        QCOMPARE(t.typed.count(), 0);
        QCOMPARE(t.sent.count(), 0);
        QVERIFY(t.view.inputMethodQuery(Qt::ImEnabled).toBool());
        QVERIFY(t.view.inputMethodQuery(Qt::ImSurroundingText).toString().isEmpty());
        const int hints = t.view.inputMethodQuery(Qt::ImHints).toInt();
        QVERIFY(hints & Qt::ImhNoPredictiveText);
        QVERIFY(hints & Qt::ImhNoAutoUppercase);
        // The cursor rectangle follows the cursor cell, for the candidate window.
        t.print("abc");
        const QRect rect = t.view.inputMethodQuery(Qt::ImCursorRectangle).toRect();
        QCOMPARE(rect.size(), t.view.cellSize());
        QCOMPARE(rect.left() - t.view.viewport()->x(), 3 * t.view.cellSize().width());
        // Painting with a preedit must work (offscreen, into an image).
        t.view.resize(400, 200);
        QImage image(t.view.size(), QImage::Format_ARGB32);
        t.view.render(&image);
        QInputMethodEvent done;
        done.setCommitString(QStringLiteral("你好"));
        QApplication::sendEvent(&t.view, &done);
        QVERIFY(t.view.preeditText().isEmpty());
        QCOMPARE(t.allSent(), QStringLiteral("你好").toUtf8());
    }

    void keys()
    {
        Wired t;
        QCOMPARE(t.click(Qt::Key_C, Qt::ControlModifier), QByteArray("\x03"));
        QCOMPARE(t.click(Qt::Key_D, Qt::ControlModifier), QByteArray("\x04"));
        QCOMPARE(t.click(Qt::Key_Z, Qt::ControlModifier), QByteArray("\x1a"));
        QCOMPARE(t.click(Qt::Key_R, Qt::ControlModifier), QByteArray("\x12"));
        QCOMPARE(t.click(Qt::Key_Up), QByteArray("\x1b[A"));
        QCOMPARE(t.click(Qt::Key_B, Qt::AltModifier), QByteArray("\x1b"
                                                                 "b"));
        QCOMPARE(t.click(Qt::Key_Tab), QByteArray("\t"));
        QCOMPARE(t.click(Qt::Key_Backtab, Qt::ShiftModifier), QByteArray("\x1b[Z"));
        QCOMPARE(t.click(Qt::Key_Return), QByteArray("\r"));
        QCOMPARE(t.click(Qt::Key_Escape), QByteArray("\x1b"));
        QCOMPARE(t.click(Qt::Key_Backspace), QByteArray("\x7f"));
        QCOMPARE(t.click(Qt::Key_Delete), QByteArray("\x1b[3~"));
        QCOMPARE(t.click(Qt::Key_F1), QByteArray("\x1bOP"));
        QCOMPARE(t.click(Qt::Key_F5), QByteArray("\x1b[15~"));
        QCOMPARE(t.click(Qt::Key_A), QByteArray("a"));
        QCOMPARE(t.click(Qt::Key_Space), QByteArray(" "));
        QCOMPARE(t.click(Qt::Key_Space, Qt::ControlModifier), QByteArray("\0", 1));
        QCOMPARE(t.click(Qt::Key_I, Qt::ControlModifier), QByteArray("\t"));
        QCOMPARE(t.click(Qt::Key_Left, Qt::ControlModifier), QByteArray("\x1b[1;5D"));
        QVERIFY(t.click(Qt::Key_Shift).isEmpty());
        // Modified Enter, Backspace and Escape stay what a shell reads, as in xterm.
        QCOMPARE(t.click(Qt::Key_Return, Qt::ShiftModifier), QByteArray("\r"));
        QCOMPARE(t.click(Qt::Key_Return, Qt::AltModifier), QByteArray("\x1b\r"));
        QCOMPARE(t.click(Qt::Key_Backspace, Qt::ControlModifier), QByteArray("\b"));
        QCOMPARE(t.click(Qt::Key_Backspace, Qt::AltModifier), QByteArray("\x1b\x7f"));
        QCOMPARE(t.click(Qt::Key_Escape, Qt::ShiftModifier), QByteArray("\x1b"));
        QCOMPARE(t.click(Qt::Key_Space, Qt::ShiftModifier), QByteArray(" "));
        t.sent.clear();
        QTest::keyClick(&t.view, 'A', Qt::ShiftModifier); // the event's text is "A", as a keyboard gives
        QCOMPARE(t.allSent(), QByteArray("A"));

        // The same key in application cursor mode, which the host switched on.
        t.print("\x1b[?1h");
        QCOMPARE(t.click(Qt::Key_Up), QByteArray("\x1bOA"));
        t.print("\x1b[?1l");
        QCOMPARE(t.click(Qt::Key_Up), QByteArray("\x1b[A"));

        // X11 gives Ctrl+C's text as the control character; the result is the same.
        TerminalInput x11;
        x11.key = Qt::Key_C;
        x11.modifiers = Qt::ControlModifier;
        x11.text = QStringLiteral("\x03");
        t.sent.clear();
        t.view.applyInput(x11);
        QCOMPARE(t.allSent(), QByteArray("\x03"));

        // Non-ASCII text from the keyboard goes as UTF-8.
        TerminalInput umlaut;
        umlaut.key = Qt::Key_Adiaeresis;
        umlaut.text = QStringLiteral("ä");
        t.view.applyInput(umlaut);
        QCOMPARE(t.allSent(), QByteArray("\xc3\xa4"));
        umlaut.modifiers = Qt::AltModifier; // Meta: ESC, then the character's UTF-8
        t.view.applyInput(umlaut);
        QCOMPARE(t.allSent(), QByteArray("\x1b\xc3\xa4"));
        // Every key press went through inputTyped.
        QVERIFY(t.typed.count() >= 20);
    }

    void paste()
    {
        Wired t;
        TerminalInput paste;
        paste.kind = TerminalInput::Kind::Paste;
        paste.text = QStringLiteral("a\nb");
        t.view.applyInput(paste);
        QCOMPARE(t.allSent(), QByteArray("a\rb"));
        t.print("\x1b[?2004h");
        t.view.applyInput(paste);
        QCOMPARE(t.allSent(), QByteArray("\x1b[200~a\rb\x1b[201~"));
        // Windows line ends become one return; a pasted end marker cannot close the bracket early.
        paste.text = QStringLiteral("x\r\ny\x1b[201~rm -rf\n");
        t.view.applyInput(paste);
        QCOMPARE(t.allSent(), QByteArray("\x1b[200~x\ryrm -rf\r\x1b[201~"));

        // Ctrl+Shift+V asks the owner to paste the clipboard.
        QGuiApplication::clipboard()->setText(QStringLiteral("ls\n"));
        t.typed.clear();
        QTest::keyClick(&t.view, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(t.typed.count(), 1);
        QCOMPARE(qvariant_cast<TerminalInput>(t.typed.at(0).at(0)).kind, TerminalInput::Kind::Paste);
        QCOMPARE(t.allSent(), QByteArray("\x1b[200~ls\r\x1b[201~"));
    }

    void deviceStatusReport()
    {
        Wired t;
        t.print("abc\x1b[6n");
        QCOMPARE(t.allSent(), QByteArray("\x1b[1;4R"));
        t.print("\x1b[c"); // primary device attributes
        QVERIFY(t.allSent().startsWith("\x1b[?"));
    }

    void resizing()
    {
        TerminalView view;
        QSignalSpy sizes(&view, &TerminalView::sizeChanged);
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QSize cell = view.cellSize();
        auto expected = [&] {
            return QPair<int, int>(qMax(2, view.viewport()->width() / cell.width()),
                                   qMax(1, view.viewport()->height() / cell.height()));
        };
        QTRY_VERIFY(sizes.count() >= 1);
        QCOMPARE(view.columns(), expected().first);
        QCOMPARE(view.rows(), expected().second);
        QCOMPARE(sizes.last().at(0).toInt(), view.columns());
        QCOMPARE(sizes.last().at(1).toInt(), view.rows());

        sizes.clear();
        view.resize(320, 200);
        QTRY_COMPARE(sizes.count(), 1);
        QCOMPARE(sizes.at(0).at(0).toInt(), expected().first);
        QCOMPARE(sizes.at(0).at(1).toInt(), expected().second);
        QCOMPARE(view.columns(), expected().first);

        // Text wraps at the new width.
        view.feed(QByteArray(view.columns() + 3, 'x'));
        view.flushBacklog();
        QCOMPARE(view.lineText(1), QStringLiteral("xxx"));
    }

    void keyboardOwnership()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *other = new QLineEdit;
        layout->addWidget(other);
        auto *view = new TerminalView;
        layout->addWidget(view);
        QSignalSpy sent(view, &TerminalView::dataToSend);
        QSignalSpy typed(view, &TerminalView::inputTyped);
        connect(view, &TerminalView::inputTyped, view, &TerminalView::applyInput);

        auto *close = new QAction(&window);
        close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
        window.addAction(close);
        QSignalSpy closed(close, &QAction::triggered);
        auto *next = new QAction(&window);
        next->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
        window.addAction(next);
        QSignalSpy nextTriggered(next, &QAction::triggered);
        auto *escape = new QAction(&window);
        escape->setShortcut(QKeySequence(Qt::Key_Escape));
        window.addAction(escape);
        QSignalSpy escaped(escape, &QAction::triggered);
        view->setReservedShortcuts({next->shortcut()});

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());

        // The window's Ctrl+W does not fire while the terminal has focus: the host gets it.
        QTest::keyClick(view, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(closed.count(), 0);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.takeFirst().at(0).toByteArray(), QByteArray("\x17"));
        QTest::keyClick(view, Qt::Key_Escape);
        QCOMPARE(escaped.count(), 0);
        QCOMPARE(sent.takeFirst().at(0).toByteArray(), QByteArray("\x1b"));

        // A reserved shortcut still works, and the host does not see it.
        typed.clear();
        QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(nextTriggered.count(), 1);
        QCOMPARE(typed.count(), 0);
        QCOMPARE(sent.count(), 0);

        // Tab goes to the host, not to the next widget.
        QTest::keyClick(view, Qt::Key_Tab);
        QVERIFY(view->hasFocus());
        QCOMPARE(sent.takeFirst().at(0).toByteArray(), QByteArray("\t"));
        QTest::keyClick(view, Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY(view->hasFocus());
        QCOMPARE(sent.takeFirst().at(0).toByteArray(), QByteArray("\x1b[Z"));

        // Elsewhere the window's shortcut works as before.
        other->setFocus();
        QTRY_VERIFY(other->hasFocus());
        QTest::keyClick(other, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(closed.count(), 1);
    }

    void selection()
    {
        Wired t;
        QVERIFY(t.shown());
        t.print("hello world\r\n\xe4\xb8\xad\xe6\x96\x87 two");
        const QSize cell = t.view.cellSize();
        QWidget *viewport = t.view.viewport();
        const int y0 = cell.height() / 2;
        QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(1, y0));
        QTest::mouseMove(viewport, QPoint(5 * cell.width(), y0));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(5 * cell.width(), y0));
        QVERIFY(t.view.hasSelection());
        QCOMPARE(t.view.selectedText(), QStringLiteral("hello"));
        t.view.copySelection();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("hello"));
        if (QGuiApplication::clipboard()->supportsSelection())
            QCOMPARE(QGuiApplication::clipboard()->text(QClipboard::Selection), QStringLiteral("hello"));

        // Across lines, from the middle of the first to after the wide characters of the second.
        QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(6 * cell.width(), y0));
        QTest::mouseMove(viewport, QPoint(4 * cell.width(), y0 + cell.height()));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(4 * cell.width(), y0 + cell.height()));
        QCOMPARE(t.view.selectedText(), QStringLiteral("world\n中文"));

        // Ctrl+Shift+C copies to the clipboard, and nothing goes to the host.
        QGuiApplication::clipboard()->clear();
        t.sent.clear();
        QTest::keyClick(&t.view, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("world\n中文"));
        QCOMPARE(t.sent.count(), 0);

        // A selection stays on its text while output scrolls it into the scrollback.
        t.print("\r\n" + lines(1, 40));
        QCOMPARE(t.view.selectedText(), QStringLiteral("world\n中文"));

        // A double click selects a word.
        t.print("\x1b[2J\x1b[Hcat /etc/hosts");
        QTest::mouseDClick(viewport, Qt::LeftButton, {}, QPoint(7 * cell.width() + 1, y0));
        QCOMPARE(t.view.selectedText(), QStringLiteral("/etc/hosts"));
        QImage image(t.view.size(), QImage::Format_ARGB32);
        t.view.render(&image);
    }

    // A program that asks for the mouse (vim's mouse=a, htop, tmux) gets clicks, drags and the wheel
    // at the cell under the pointer, in the encoding it chose. Shift still selects. Nothing of it
    // is typed input (inputTyped), so a broadcast never carries a click to other hosts.
    void mouseReporting()
    {
        Wired t;
        QVERIFY(t.shown());
        t.print("hello world\r\n");
        const QSize cell = t.view.cellSize();
        QWidget *viewport = t.view.viewport();
        auto at = [&](int column, int row) {
            return QPoint(column * cell.width() + cell.width() / 2, row * cell.height() + cell.height() / 2);
        };
        auto wheel = [&](QPoint pos, int delta, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
            QWheelEvent event(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton,
                              modifiers, Qt::NoScrollPhase, false);
            QApplication::sendEvent(viewport, &event);
            return t.allSent();
        };

        // Nobody asked: a click goes nowhere, the pointer is for selecting.
        QTest::mouseClick(viewport, Qt::LeftButton, {}, at(5, 2));
        QVERIFY(t.allSent().isEmpty());
        QCOMPARE(viewport->cursor().shape(), Qt::IBeamCursor);

        // Clicks (1000) in xterm's first encoding: button + 32, column and row + 33.
        t.print("\x1b[?1000h");
        QCOMPARE(viewport->cursor().shape(), Qt::ArrowCursor);
        QTest::mouseClick(viewport, Qt::LeftButton, {}, at(5, 2));
        QCOMPARE(t.allSent(), QByteArray("\x1b[M &#\x1b[M#&#"));

        // The SGR encoding (1006): column 6, row 3, 1-based; M pressed, m released.
        t.print("\x1b[?1006h");
        QTest::mouseClick(viewport, Qt::LeftButton, {}, at(5, 2));
        QCOMPARE(t.allSent(), QByteArray("\x1b[<0;6;3M\x1b[<0;6;3m"));
        // The right button with Ctrl (2 + 16), and no menu of ours over the host's.
        QTest::mouseClick(viewport, Qt::RightButton, Qt::ControlModifier, at(0, 0));
        QCOMPARE(t.allSent(), QByteArray("\x1b[<18;1;1M\x1b[<18;1;1m"));
        bool menuShown = false;
        QTimer::singleShot(300, this, [&menuShown] {
            if (QWidget *popup = QApplication::activePopupWidget()) {
                menuShown = true;
                popup->close();
            }
        });
        QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, at(0, 0), viewport->mapToGlobal(at(0, 0)));
        QApplication::sendEvent(viewport, &menuEvent);
        QTest::qWait(400);
        QVERIFY(!menuShown);
        // In click mode a drag is a press here and a release there.
        QTest::mousePress(viewport, Qt::LeftButton, {}, at(1, 1));
        QTest::mouseMove(viewport, at(4, 1));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(4, 1));
        QCOMPARE(t.allSent(), QByteArray("\x1b[<0;2;2M\x1b[<0;5;2m"));
        QVERIFY(!t.view.hasSelection());
        // The wheel: 64 up, 65 down, one report per notch.
        QCOMPARE(wheel(at(2, 0), 2 * 120), QByteArray("\x1b[<64;3;1M\x1b[<64;3;1M"));
        QCOMPARE(wheel(at(2, 0), -120), QByteArray("\x1b[<65;3;1M"));
        QVERIFY(wheel(at(2, 0), 60).isEmpty()); // half a notch on a touchpad: kept
        QCOMPARE(wheel(at(2, 0), 60), QByteArray("\x1b[<64;3;1M"));
        // Ctrl+wheel is the text size, ours even then: asked of the owner, nothing sent.
        QSignalSpy zooms(&t.view, &TerminalView::zoomRequested);
        QVERIFY(wheel(at(2, 0), -2 * 120, Qt::ControlModifier).isEmpty());
        QCOMPARE(zooms.count(), 1);
        QCOMPARE(zooms.at(0).at(0).toInt(), -2);

        // Drags (1002): the motion too, as button + 32.
        t.print("\x1b[?1002h\x1b[?1006h");
        QTest::mousePress(viewport, Qt::LeftButton, {}, at(1, 1));
        QTest::mouseMove(viewport, at(4, 1));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(4, 1));
        QCOMPARE(t.allSent(), QByteArray("\x1b[<0;2;2M\x1b[<32;5;2M\x1b[<0;5;2m"));
        // Every move (1003): with no button held, 3 + 32.
        t.print("\x1b[?1003h\x1b[?1006h");
        QTest::mouseMove(viewport, at(7, 3));
        QCOMPARE(t.allSent(), QByteArray("\x1b[<35;8;4M"));

        // Shift keeps the mouse for selecting, as in xterm.
        QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier,
                          at(0, 0) - QPoint(cell.width() / 2, 0));
        QTest::mouseMove(viewport, at(4, 0) + QPoint(cell.width() / 2, 0));
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier,
                            at(4, 0) + QPoint(cell.width() / 2, 0));
        QCOMPARE(t.view.selectedText(), QStringLiteral("hello"));
        QVERIFY(t.allSent().isEmpty());
        QCOMPARE(t.typed.count(), 0);

        // The host lets go: the wheel scrolls the scrollback again and sends nothing.
        t.print("\x1b[?1003l\x1b[?1002l\x1b[?1000l" + lines(1, 60));
        QCOMPARE(viewport->cursor().shape(), Qt::IBeamCursor);
        QTest::mouseClick(viewport, Qt::LeftButton, {}, at(5, 2));
        QVERIFY(wheel(at(2, 0), 120).isEmpty());
        QVERIFY(!t.view.isAtBottom());
        t.view.scrollToBottom();

        // On the alternate screen without mouse reporting (less, man), a notch is three arrow
        // keys, in the cursor mode the program chose.
        t.print("\x1b[?1049h");
        QCOMPARE(wheel(at(2, 0), 120), QByteArray("\x1b[A\x1b[A\x1b[A"));
        t.print("\x1b[?1h");
        QCOMPARE(wheel(at(2, 0), -120), QByteArray("\x1bOB\x1bOB\x1bOB"));
        QVERIFY(wheel(at(2, 0), 120, Qt::ShiftModifier).isEmpty());

        // A new shell starts without the old one's mouse mode.
        t.print("\x1b[?1000h");
        t.view.resetTerminal();
        QTest::mouseClick(viewport, Qt::LeftButton, {}, at(5, 2));
        QVERIFY(t.allSent().isEmpty());
        QCOMPARE(t.typed.count(), 0);
    }

    // Finding text (FindTarget, what the find bar drives): the match becomes the selection and is
    // scrolled into view, the search goes around the end, and wide characters keep their columns.
    void find()
    {
        Wired t;
        QVERIFY(t.shown());
        QByteArray text;
        for (int i = 1; i <= 200; ++i)
            text += i == 11 ? "dup A\r\n" : i == 151 ? "dup B\r\n" : "line " + QByteArray::number(i) + "\r\n";
        t.print(text + "\xe4\xb8\xad\xe6\x96\x87 Error here\r\n$ ");
        QScrollBar *bar = t.view.verticalScrollBar();
        const int rows = t.view.rows();
        const auto centredOn = [&](int scrollbackIndex) {
            return bar->value() == qBound(0, scrollbackIndex - rows / 2, bar->maximum());
        };
        QCOMPARE(t.view.scrollbackLine(41), QStringLiteral("line 42"));
        QVERIFY(t.view.isAtBottom());

        // Forward from the top of the view, around the end into the scrollback; centred there.
        QVERIFY(t.view.findMatch(QStringLiteral("line 42"), Qt::CaseSensitive, false));
        QCOMPARE(t.view.selectedText(), QStringLiteral("line 42"));
        QVERIFY(!t.view.isAtBottom());
        QVERIFY(centredOn(41));
        // The only match, found again.
        QVERIFY(t.view.findMatch(QStringLiteral("line 42"), Qt::CaseSensitive, false));
        QVERIFY(centredOn(41));

        // Two matches far apart: forward and backward step between them, around the ends.
        QVERIFY(t.view.findMatch(QStringLiteral("dup"), Qt::CaseSensitive, false));
        QVERIFY2(centredOn(150), qPrintable(QString::number(bar->value())));
        QVERIFY(t.view.findMatch(QStringLiteral("dup"), Qt::CaseSensitive, false));
        QVERIFY(centredOn(10));
        QVERIFY(t.view.findMatch(QStringLiteral("dup"), Qt::CaseSensitive, true));
        QVERIFY(centredOn(150));
        QVERIFY(t.view.findMatch(QStringLiteral("dup"), Qt::CaseSensitive, true));
        QVERIFY(centredOn(10));
        // Search as you type keeps the match it has while the text grows.
        t.view.findFromSelectionStart();
        QVERIFY(t.view.findMatch(QStringLiteral("dup"), Qt::CaseSensitive, false));
        QVERIFY(centredOn(10));
        QCOMPARE(t.view.selectedLine(), QStringLiteral("dup"));

        // On the screen, after two wide characters: the selection is exactly the text.
        QVERIFY(t.view.findMatch(QStringLiteral("error"), Qt::CaseInsensitive, true));
        QCOMPARE(t.view.selectedText(), QStringLiteral("Error"));
        QVERIFY(!t.view.findMatch(QStringLiteral("error"), Qt::CaseSensitive, true));
        QVERIFY(t.view.findMatch(QStringLiteral("\u4e2d\u6587 E"), Qt::CaseSensitive, false));
        QCOMPARE(t.view.selectedText(), QStringLiteral("\u4e2d\u6587 E"));

        // Counting: "line 1" is in lines 1, 10-19 and 100-199, less 11 and 151.
        QCOMPARE(t.view.markMatches(QStringLiteral("line 1"), Qt::CaseSensitive, 10, 100000), 109);
        QCOMPARE(t.view.markMatches(QStringLiteral("line 1"), Qt::CaseSensitive, 10, 50), 50);
        QCOMPARE(t.view.markMatches(QStringLiteral("nowhere"), Qt::CaseSensitive, 10, 100000), 0);

        // The matches are marked on screen, and the marks go with an empty search.
        t.view.clearSelection();
        t.view.scrollToBottom();
        int row = 0;
        while (row < t.view.rows() && !t.view.lineText(row).contains(QStringLiteral("Error")))
            ++row;
        QVERIFY(row < t.view.rows());
        const QSize cell = t.view.cellSize();
        const auto backgroundAt = [&](int column) {
            return t.view.viewport()->grab().toImage().pixelColor(column * cell.width() + 1,
                                                                  row * cell.height() + 1);
        };
        const QColor base = t.view.palette().color(QPalette::Base);
        QCOMPARE(backgroundAt(5), base);
        QCOMPARE(t.view.markMatches(QStringLiteral("error"), Qt::CaseInsensitive, 10, 100), 1);
        QCOMPARE(backgroundAt(5), QColor(FindTarget::MatchColor)); // "中文 " is 5 cells
        QCOMPARE(backgroundAt(9), QColor(FindTarget::MatchColor));
        QCOMPARE(backgroundAt(10), base);
        QCOMPARE(t.view.markMatches(QString(), Qt::CaseInsensitive, 10, 100), 0);
        QCOMPARE(backgroundAt(5), base);
        QVERIFY(!t.view.findMatch(QStringLiteral("nowhere"), Qt::CaseSensitive, false));
        QVERIFY(t.allSent().isEmpty());
    }

    void floodDoesNotBlock()
    {
        TerminalView view;
        QSignalSpy consumed(&view, &TerminalView::consumed);
        QByteArray line = "\x1b[32m0123456789\x1b[0m abcdefghijklmnopqrstuvwxyz \xe4\xb8\xad\xe6\x96\x87 ";
        line += QByteArray(80 - 60, '.') + "\r\n";
        QByteArray flood;
        const qsizetype size = 20 * 1024 * 1024;
        flood.reserve(size + line.size());
        while (flood.size() < size)
            flood += line;
        flood.truncate(size);

        int ticks = 0; // the event loop runs while the flood is parsed
        QTimer heartbeat;
        heartbeat.setInterval(0);
        connect(&heartbeat, &QTimer::timeout, this, [&] { ++ticks; });
        heartbeat.start();

        view.feed(flood);
        QCOMPARE(view.backlog(), qint64(size));
        QTRY_COMPARE_WITH_TIMEOUT(view.backlog(), qint64(0), 300000);
        qint64 total = 0;
        for (const QList<QVariant> &args : std::as_const(consumed))
            total += args.at(0).toLongLong();
        QCOMPARE(total, qint64(size));
        QVERIFY(consumed.count() > 1);
        QVERIFY(ticks > 1);
        QCOMPARE(view.scrollbackCount(), view.scrollbackLimit());
    }

    void reset()
    {
        Wired t;
        QSignalSpy titles(&t.view, &TerminalView::titleChanged);
        t.print("\x1b]0;old\x07"
                "old session\r\n$ exit\r\n\x1b[31m");
        t.view.resetTerminal();
        QVERIFY(t.view.screenText().trimmed().isEmpty());
        QCOMPARE(t.view.cursorPosition(), QPoint(0, 0));
        QVERIFY(t.view.title().isEmpty());
        QCOMPARE(titles.count(), 2);
        QCOMPARE(t.view.scrollbackCount(), 2);
        QCOMPARE(t.view.scrollbackLine(0), QStringLiteral("old session"));
        QCOMPARE(t.view.scrollbackLine(1), QStringLiteral("$ exit"));
        t.print("new");
        QCOMPARE(t.view.cellAt(0, 0).foreground, t.view.palette().color(QPalette::Text));
        t.print("\x1b[31mr");
        QCOMPARE(t.view.cellAt(0, 3).foreground, AnsiText::paletteColor(1));

        // From the alternate screen too.
        t.print("\x1b[?1049hfull screen");
        t.view.resetTerminal();
        QVERIFY(!t.view.isAlternateScreen());
        QVERIFY(t.view.screenText().trimmed().isEmpty());

        t.view.clearScrollback();
        QCOMPARE(t.view.scrollbackCount(), 0);
    }
};

QTEST_MAIN(TestTerminalView)
#include "tst_terminalview.moc"
