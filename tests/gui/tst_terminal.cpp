// Terminal groups against a local sshd fleet, offscreen: login shells on the engine's pooled
// connections, what the host sees of the terminal (TERM, size, keys, input methods), typing to all
// the receiving tiles of one group and no further, pastes that ask, the session log, Reconnect.
#include "app/guiapp.h"
#include "model/core/appsettings.h"
#include "model/profiles/hostmodel.h"
#include "sshworker/fleet/localfleet.h"
#include "sshworker/workerpool.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/session/findbar.h"
#include "widgets/session/sessionview.h"
#include "widgets/terminal/terminalgroup.h"
#include "widgets/terminal/terminalinput.h"
#include "widgets/terminal/terminaltile.h"
#include "widgets/terminal/terminalview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputMethodEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>

#include <memory>

using namespace Chorus;

namespace {

constexpr int Timeout = 20000;

QString shown(TerminalView *view)
{
    view->flushBacklog();
    QString text;
    for (int i = 0; i < view->scrollbackCount(); ++i)
        text += view->scrollbackLine(i) + u'\n';
    return text + view->screenText();
}

// A line of the screen that is exactly this (the output, not the command line that made it).
bool hasLine(TerminalView *view, const QString &line)
{
    return shown(view).split(u'\n').contains(line);
}

// The shell waits at its prompt ("...# " or "...$ ", the cursor after it): what is typed now is read
// as typed (typed sooner, the terminal driver may flush it: at start, after Ctrl+C).
bool atPrompt(TerminalView *view)
{
    view->flushBacklog();
    const QPoint cursor = view->cursorPosition();
    const QString line = view->lineText(cursor.y());
    return (line.endsWith(u'#') || line.endsWith(u'$')) && cursor.x() == line.size() + 1;
}

void type(TerminalView *view, const QString &text)
{
    QTest::keyClicks(view, text);
    QTest::keyClick(view, Qt::Key_Return);
}

void commit(TerminalView *view, const QString &text)
{
    QInputMethodEvent event(QString(), {});
    event.setCommitString(text);
    QCoreApplication::sendEvent(view, &event);
}

// Answers the next paste question with this button.
// Clicks the button of the message box named `name` once it shows: a standard one, or one by its text.
void answerBox(const QString &name, QMessageBox::StandardButton button, const QString &text, bool *asked)
{
    QTimer::singleShot(0, [name, button, text, asked] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (box && box->objectName() == name && box->isVisible()) {
                *asked = true;
                for (QAbstractButton *b : box->buttons()) {
                    if (text.isEmpty() ? box->standardButton(b) == button : b->text() == text) {
                        b->click();
                        return;
                    }
                }
            }
        }
        answerBox(name, button, text, asked); // not shown yet
    });
}

void answerPaste(QMessageBox::StandardButton button, bool *asked)
{
    answerBox(QStringLiteral("pasteConfirmation"), button, {}, asked);
}

} // namespace

class TestTerminal : public QObject
{
    Q_OBJECT
private:
    LocalFleet m_fleet;
    std::unique_ptr<WorkerPool> m_pool;

    HostTarget target(int i) const { return m_fleet.target(m_fleet.hosts().at(i)); }
    std::unique_ptr<TerminalGroup> open(int first, int count, QSize size = QSize(1100, 700))
    {
        QList<TerminalGroup::Host> hosts;
        for (int i = first; i < first + count; ++i)
            hosts.append({m_fleet.hosts().at(i).name, target(i)});
        auto group = std::make_unique<TerminalGroup>(m_pool.get(), hosts);
        group->resize(size);
        group->show();
        if (!QTest::qWaitForWindowExposed(group.get()))
            return nullptr;
        for (TerminalTile *tile : group->tiles()) {
            QElapsedTimer clock;
            clock.start();
            while ((tile->state() != TerminalTile::State::Open || !atPrompt(tile->view())) && clock.elapsed() < Timeout)
                QTest::qWait(20);
        }
        return group;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        QString error;
        QVERIFY2(m_fleet.start(12, &error), qPrintable(error));
        PoolSettings settings;
        settings.threads = 2;
        m_pool = std::make_unique<WorkerPool>(settings);
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_fleet.stop();
    }

    void termIsXterm256Color()
    {
        auto group = open(0, 1);
        QVERIFY(group);
        TerminalView *view = group->tiles().at(0)->view();
        view->setFocus();
        type(view, QStringLiteral("echo T=$TERM"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(view, QStringLiteral("T=xterm-256color")), Timeout);
    }

    void coloursReachTheCells()
    {
        auto group = open(0, 1);
        QVERIFY(group);
        TerminalView *view = group->tiles().at(0)->view();
        type(view, QStringLiteral("clear; printf '\\e[31mRED\\e[0m \\e[38;2;10;200;30mRGB\\e[0m\\n'"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(view, QStringLiteral("RED RGB")), Timeout);
        int row = -1;
        for (int r = 0; r < view->rows(); ++r) {
            if (view->lineText(r) == QStringLiteral("RED RGB"))
                row = r;
        }
        QVERIFY(row >= 0);
        const TerminalView::Cell red = view->cellAt(row, 0);
        QCOMPARE(red.text, QStringLiteral("R"));
        QVERIFY2(red.foreground.red() > 150 && red.foreground.green() < 80 && red.foreground.blue() < 80,
                 qPrintable(red.foreground.name()));
        const TerminalView::Cell rgb = view->cellAt(row, 4);
        QCOMPARE(rgb.text, QStringLiteral("R"));
        QCOMPARE(rgb.foreground, QColor(10, 200, 30));
        QCOMPARE(view->cellAt(row, 3).foreground, view->palette().color(QPalette::Text)); // the reset space
    }

    // Chinese typed through an input method reaches the host as UTF-8, and prints two cells wide.
    void chineseThroughTheInputMethod()
    {
        auto group = open(0, 1);
        QVERIFY(group);
        TerminalView *view = group->tiles().at(0)->view();
        QSignalSpy sent(view, &TerminalView::dataToSend);
        QInputMethodEvent preedit(QStringLiteral("zhong"), {});
        QCoreApplication::sendEvent(view, &preedit);
        QCOMPARE(view->preeditText(), QStringLiteral("zhong"));
        QCOMPARE(sent.count(), 0); // composing sends nothing

        QTest::keyClicks(view, QStringLiteral("echo "));
        commit(view, QStringLiteral("你好"));
        type(view, QStringLiteral(" | od -An -tx1"));
        QTRY_VERIFY2_WITH_TIMEOUT(shown(view).contains(QStringLiteral("e4 bd a0 e5 a5 bd 0a")), qPrintable(shown(view)),
                                  Timeout);
        QVERIFY(view->preeditText().isEmpty());

        QTest::keyClicks(view, QStringLiteral("clear; printf "));
        commit(view, QStringLiteral("中文"));
        type(view, QStringLiteral("; sleep 10"));
        QTRY_COMPARE_WITH_TIMEOUT(view->lineText(0), QStringLiteral("中文"), Timeout);
        QCOMPARE(view->cellAt(0, 0).text, QStringLiteral("中"));
        QCOMPARE(view->cellAt(0, 0).width, 2);
        QCOMPARE(view->cellAt(0, 2).text, QStringLiteral("文"));
        QCOMPARE(view->cellAt(0, 2).width, 2);
        QCOMPARE(view->cursorPosition(), QPoint(4, 0));
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    }

    void resizingChangesTheHostsSize()
    {
        auto group = open(0, 1, QSize(1000, 700));
        QVERIFY(group);
        TerminalView *view = group->tiles().at(0)->view();
        const auto sizeLine = [view] { return QStringLiteral("%1 %2").arg(view->rows()).arg(view->columns()); };
        type(view, QStringLiteral("stty size"));
        QTRY_VERIFY2_WITH_TIMEOUT(hasLine(view, sizeLine()), qPrintable(sizeLine() + u'\n' + shown(view)), Timeout);
        const int columns = view->columns();
        QSignalSpy resized(view, &TerminalView::sizeChanged);
        group->resize(600, 400);
        QTRY_VERIFY(resized.count() > 0);
        QTest::qWait(300); // the layout settles in more than one step
        QVERIFY(view->columns() < columns);
        type(view, QStringLiteral("clear; stty size"));
        QTRY_VERIFY2_WITH_TIMEOUT(hasLine(view, sizeLine()), qPrintable(sizeLine() + u'\n' + shown(view)), Timeout);
    }

    void lessUsesTheAlternateScreen()
    {
        auto group = open(1, 1);
        QVERIFY(group);
        TerminalView *view = group->tiles().at(0)->view();
        type(view, QStringLiteral("seq 1000 1200 > lessinput.txt; echo BEFORE-$((1+1))"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(view, QStringLiteral("BEFORE-2")), Timeout);
        type(view, QStringLiteral("less lessinput.txt"));
        QTRY_VERIFY_WITH_TIMEOUT(view->isAlternateScreen(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(view->lineText(0), QStringLiteral("1000"), Timeout);
        QVERIFY(!view->screenText().contains(QStringLiteral("BEFORE-2")));
        QTest::keyClick(view, Qt::Key_Q);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isAlternateScreen(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(view, QStringLiteral("BEFORE-2")), Timeout); // the primary screen is back
        QVERIFY(!view->screenText().contains(QStringLiteral("1100")));
    }

    void scrollbackHoldsWhatScrolledOff()
    {
        auto group = open(1, 1);
        QVERIFY(group);
        TerminalView *view = group->tiles().at(0)->view();
        type(view, QStringLiteral("seq 5001 5400; echo END-$((2+2))"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(view, QStringLiteral("END-4")), Timeout);
        QStringList scrolled;
        for (int i = 0; i < view->scrollbackCount(); ++i)
            scrolled.append(view->scrollbackLine(i));
        const qsizetype first = scrolled.indexOf(QStringLiteral("5001"));
        QVERIFY(first >= 0);
        QCOMPARE(scrolled.at(first + 1), QStringLiteral("5002"));
        QVERIFY(!view->screenText().contains(QStringLiteral("5001")));
    }

    // An exit shows its status; Reconnect opens a new shell on the same pooled connection.
    void exitShowsStatusAndReconnectReusesTheConnection()
    {
        const int before = m_fleet.connectionCount(2);
        auto group = open(2, 1);
        QVERIFY(group);
        TerminalTile *tile = group->tiles().at(0);
        type(tile->view(), QStringLiteral("exit 7"));
        QTRY_COMPARE_WITH_TIMEOUT(tile->state(), TerminalTile::State::Closed, Timeout);
        QVERIFY2(tile->statusText().contains(QStringLiteral("exit status 7")), qPrintable(tile->statusText()));
        auto *reconnect = tile->findChild<QPushButton *>(QStringLiteral("reconnectButton"));
        QVERIFY(reconnect && reconnect->isVisible());
        reconnect->click();
        QTRY_VERIFY_WITH_TIMEOUT(tile->state() == TerminalTile::State::Open && atPrompt(tile->view()), Timeout);
        QVERIFY(!reconnect->isVisible());
        type(tile->view(), QStringLiteral("echo AGAIN-$((3+4))"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(tile->view(), QStringLiteral("AGAIN-7")), Timeout);
        QCOMPARE(m_fleet.connectionCount(2) - before, 1); // one TCP connection for both shells
    }

    // Typing to all with one of four tiles left out: exactly the other three hosts run the command.
    void typeToAllReachesOnlyTheReceivingTiles()
    {
        QTemporaryDir dir;
        auto group = open(3, 4);
        QVERIFY(group);
        group->setBroadcasting(true);
        const QList<TerminalTile *> tiles = group->tiles();
        tiles.at(3)->setReceives(false);
        QVERIFY(tiles.at(0)->isHighlighted());
        QVERIFY(!tiles.at(3)->isHighlighted());
        tiles.at(0)->view()->setFocus();
        const QString file = dir.filePath(QStringLiteral("connections"));
        type(tiles.at(0)->view(), QStringLiteral("echo $SSH_CONNECTION >> %1").arg(file));
        QList<int> ports;
        QTRY_VERIFY_WITH_TIMEOUT(QFile(file).size() > 0 && [&] {
            QFile f(file);
            f.open(QIODevice::ReadOnly);
            ports.clear();
            for (const QByteArray &line : f.readAll().trimmed().split('\n'))
                ports.append(line.split(' ').value(3).toInt());
            return ports.size() == 3;
        }(), Timeout);
        QTest::qWait(500); // nothing more comes
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed().split('\n').size(), 3);
        std::sort(ports.begin(), ports.end());
        QList<int> expected;
        for (int i = 3; i < 6; ++i)
            expected.append(m_fleet.hosts().at(i).port);
        std::sort(expected.begin(), expected.end());
        QCOMPARE(ports, expected);
    }

    void multiLinePasteIntoAllAsksFirst()
    {
        auto group = open(7, 2);
        QVERIFY(group);
        group->setBroadcasting(true);
        TerminalView *first = group->tiles().at(0)->view();
        TerminalView *second = group->tiles().at(1)->view();
        first->setFocus();
        QApplication::clipboard()->setText(QStringLiteral("echo PASTED-$((4+4))\necho PASTED-$((5+5))\n"));
        bool asked = false;
        answerPaste(QMessageBox::Cancel, &asked);
        QTest::keyClick(first, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(asked);
        type(first, QStringLiteral("echo CHECK-$((1+2))"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(first, QStringLiteral("CHECK-3")) && hasLine(second, QStringLiteral("CHECK-3")),
                                 Timeout);
        QVERIFY(!shown(first).contains(QStringLiteral("PASTED")));
        QVERIFY(!shown(second).contains(QStringLiteral("PASTED")));

        asked = false;
        answerPaste(QMessageBox::Ok, &asked);
        QTest::keyClick(first, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(asked);
        // Bash takes a bracketed paste as typed text: Enter runs it.
        QTest::keyClick(first, Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(hasLine(first, QStringLiteral("PASTED-10")) && hasLine(second, QStringLiteral("PASTED-10")),
                                  qPrintable(shown(first) + QStringLiteral("\n-----\n") + shown(second)), Timeout);
        QVERIFY(hasLine(second, QStringLiteral("PASTED-8")));
    }

    void typeToAllNeverLeavesItsGroup()
    {
        auto one = open(9, 2);
        auto other = open(11, 1);
        QVERIFY(one && other);
        one->setBroadcasting(true);
        other->setBroadcasting(true);
        TerminalView *typed = one->tiles().at(0)->view();
        typed->setFocus();
        type(typed, QStringLiteral("echo GROUP-$((6+6))"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(one->tiles().at(1)->view(), QStringLiteral("GROUP-12")), Timeout);
        QTest::qWait(300);
        QVERIFY(!shown(other->tiles().at(0)->view()).contains(QStringLiteral("GROUP")));
    }

    // Scrollback and text size come from the settings, for new terminals and for open ones; Ctrl+wheel
    // over one terminal changes the text size of its whole group, and each host learns its new size.
    void textSizeAndScrollbackFollowTheSettings()
    {
        AppSettings::setValue(AppSettings::TerminalScrollback, 50);
        AppSettings::setValue(AppSettings::TerminalFontPoints, 14);
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Fleet"), {target(4), target(5)});
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.hostModel()->setAllChecked(true);
        window.findChild<QAction *>(QStringLiteral("openTerminalAction"))->trigger();
        auto *group = qobject_cast<TerminalGroup *>(window.sessionTabs()->currentWidget());
        QVERIFY(group);
        const QList<TerminalTile *> tiles = group->tiles();
        for (TerminalTile *tile : tiles) {
            QTRY_VERIFY_WITH_TIMEOUT(tile->state() == TerminalTile::State::Open && atPrompt(tile->view()), Timeout);
            QCOMPARE(tile->view()->scrollbackLimit(), 50);
            QCOMPARE(tile->view()->terminalFont().pointSizeF(), 14.0);
        }
        TerminalView *first = tiles.at(0)->view();
        TerminalView *second = tiles.at(1)->view();
        type(first, QStringLiteral("seq 1 300; echo SEQ-$((1+1))"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(first, QStringLiteral("SEQ-2")), Timeout);
        QCOMPARE(first->scrollbackCount(), 50);

        // Two notches of Ctrl+wheel over the first terminal: both grow, and the second's host
        // sees fewer columns.
        const int columns = second->columns();
        const QPoint at(20, 20);
        QWheelEvent wheel(at, first->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(first->viewport(), &wheel);
        QCOMPARE(first->terminalFont().pointSizeF(), 16.0);
        QCOMPARE(second->terminalFont().pointSizeF(), 16.0);
        QVERIFY2(second->columns() < columns, qPrintable(QStringLiteral("%1 -> %2").arg(columns).arg(second->columns())));
        type(second, QStringLiteral("echo COLS-$(stty size | cut -d' ' -f2)-"));
        QTRY_VERIFY2_WITH_TIMEOUT(hasLine(second, QStringLiteral("COLS-%1-").arg(second->columns())),
                                  qPrintable(shown(second).right(300)), Timeout);

        // Settings saved in the dialog reach the open terminals, but only those that changed: OK
        // with the text size as it was keeps what Ctrl+wheel chose.
        const auto saveSettings = [&window](int scrollback, int textSize) {
            QTimer::singleShot(0, [scrollback, textSize] {
                for (QWidget *w : QApplication::topLevelWidgets()) {
                    auto *dialog = qobject_cast<QDialog *>(w);
                    if (!dialog || dialog->objectName() != u"settingsDialog")
                        continue;
                    const auto spin = [dialog](AppSettings::Setting setting) {
                        return dialog->findChild<QSpinBox *>(AppSettings::key(setting).replace(u'/', u'_'));
                    };
                    spin(AppSettings::TerminalScrollback)->setValue(scrollback);
                    spin(AppSettings::TerminalFontPoints)->setValue(textSize);
                    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
                }
            });
            window.findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
        };
        saveSettings(10, 14);
        QCOMPARE(first->scrollbackLimit(), 10);
        QVERIFY(first->scrollbackCount() <= 10);
        QCOMPARE(second->terminalFont().pointSizeF(), 16.0);
        saveSettings(10, 0);
        QCOMPARE(second->terminalFont().pointSizeF(), window.font().pointSizeF());
        QVERIFY(first->scrollbackCount() <= 10); // smaller text: more rows take lines back from it
        AppSettings::setValue(AppSettings::TerminalScrollback, 5000);
        group->closeAll();
    }

    // A program on the host that asks for the mouse gets the click on its own tile, at the cell
    // clicked, and no other host of the group gets it, though typing goes to all of them.
    void mouseReachesOnlyTheClickedHost()
    {
        auto group = open(7, 2);
        QVERIFY(group);
        group->setBroadcasting(true);
        TerminalView *clicked = group->tiles().at(0)->view();
        TerminalView *other = group->tiles().at(1)->view();
        clicked->setFocus();
        // Reads raw bytes up to a 'q' (at most 100) and prints them in hex between '=' signs.
        type(clicked,
             QStringLiteral("stty raw -echo; printf '\\033[?1000h\\033[?1006hREADY\\r\\n'; s=; i=0; "
                            "while [ $i -lt 100 ] && c=$(dd bs=1 count=1 2>/dev/null) && [ \"$c\" != q ]; "
                            "do s=\"$s$c\"; i=$((i+1)); done; stty sane; printf '\\033[?1000l'; "
                            "echo \"=$(printf '%s' \"$s\" | od -An -tx1 | tr -d ' \\n')=\""));
        QTRY_VERIFY_WITH_TIMEOUT(
            hasLine(clicked, QStringLiteral("READY")) && hasLine(other, QStringLiteral("READY")), Timeout);
        const QSize cell = clicked->cellSize();
        QTest::mouseClick(clicked->viewport(), Qt::LeftButton, {},
                          QPoint(5 * cell.width() + cell.width() / 2, 2 * cell.height() + cell.height() / 2));
        QTest::keyClick(clicked, Qt::Key_Q); // typed: to both hosts
        // ESC [ < 0 ; 6 ; 3 M, then the same ending in m: pressed and released at column 6, row 3.
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(clicked, QStringLiteral("=1b5b3c303b363b334d1b5b3c303b363b336d=")),
                                 Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(other, QStringLiteral("==")), Timeout);
    }

    // Ctrl+Shift+F opens the find bar of the focused terminal: what is typed there finds text in the
    // scrollback and goes to no host; Escape closes it and gives the terminal back its keys.
    void findInTheScrollback()
    {
        auto group = open(10, 2);
        QVERIFY(group);
        TerminalTile *tile = group->tiles().at(1);
        TerminalView *view = tile->view();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        type(view, QStringLiteral("i=1; while [ $i -le 300 ]; do echo ITEM-$i.; i=$((i+1)); done"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(view, QStringLiteral("ITEM-300.")) && atPrompt(view), Timeout);
        const QString screen = view->screenText();
        QVERIFY(tile->findBar()->isHidden());
        QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(tile->findBar()->isVisible());
        QVERIFY(group->tiles().at(0)->findBar()->isHidden());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("item-42."));
        QCOMPARE(view->selectedText(), QStringLiteral("ITEM-42."));
        QCOMPARE(tile->findBar()->matchCount(), 1);
        QVERIFY(!view->isAtBottom());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(tile->findBar()->isHidden());
        QTRY_VERIFY(view->hasFocus());
        // Nothing of it reached the shell: the screen is as it was, and typing still goes there.
        view->scrollToBottom();
        QTest::qWait(200);
        QCOMPARE(view->screenText(), screen);
        type(view, QStringLiteral("echo FOUND-$((40+2))"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(view, QStringLiteral("FOUND-42")), Timeout);
    }

    // Nothing typed at a hidden password prompt reaches the session log; what the host printed does.
    void sessionLogLeavesOutHiddenInput()
    {
        QTemporaryDir dir;
        auto group = open(0, 1);
        QVERIFY(group);
        TerminalTile *tile = group->tiles().at(0);
        const QString path = dir.filePath(QStringLiteral("session.log"));
        QString error;
        QVERIFY2(tile->startLog(path, SessionLog::Format::Plain, &error), qPrintable(error));
        QVERIFY(tile->statusText().size() > 0);
        type(tile->view(), QStringLiteral("read -s -p 'Secret: ' pw; echo; echo got-${#pw}"));
        QTRY_VERIFY_WITH_TIMEOUT(shown(tile->view()).contains(QStringLiteral("Secret: ")), Timeout);
        type(tile->view(), QStringLiteral("hunter2"));
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(tile->view(), QStringLiteral("got-7")), Timeout);
        tile->stopLog();
        QFile log(path);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("got-7"), text.constData());
        QVERIFY(text.contains("Secret: "));
        QVERIFY(!text.contains("hunter2"));
        QVERIFY(!text.contains('\x1b')); // plain: no escape sequences
    }

    // From the window: Open Terminal on the checked hosts; keys typed in a terminal are the host's,
    // so Ctrl+C interrupts the host's command and Ctrl+W does not close the tab, and neither cancels
    // the run in the other tab.
    void openTerminalFromTheWindow()
    {
        GuiApp gui;
        MainWindow &window = *gui.window();
        window.setHosts(QStringLiteral("Fleet"), {target(0), target(1)});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.hostModel()->setAllChecked(true);
        SessionView *session = window.runOn(window.hostModel()->checkedProfiles(), QStringLiteral("sleep 30"));
        QVERIFY(session);

        auto *action = window.findChild<QAction *>(QStringLiteral("openTerminalAction"));
        QVERIFY(action);
        action->trigger();
        auto *group = qobject_cast<TerminalGroup *>(window.sessionTabs()->currentWidget());
        QVERIFY(group);
        QCOMPARE(group->tiles().size(), 2);
        for (TerminalTile *tile : group->tiles())
            QTRY_VERIFY_WITH_TIMEOUT(tile->state() == TerminalTile::State::Open && atPrompt(tile->view()), Timeout);
        const int tabs = window.sessionTabs()->count();
        TerminalView *view = group->tiles().at(0)->view();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        type(view, QStringLiteral("sleep 100"));
        QTest::qWait(300);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(atPrompt(view), Timeout); // long before 100 s
        const int row = view->cursorPosition().y();
        QTest::keyClick(view, Qt::Key_Escape);
        QTest::keyClick(view, Qt::Key_W, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier); // a fresh line after Esc's Meta prefix
        QTRY_VERIFY_WITH_TIMEOUT(view->cursorPosition().y() > row && atPrompt(view), Timeout);
        type(view, QStringLiteral("echo AFTER-$((3+3))"));
        QTRY_VERIFY2_WITH_TIMEOUT(hasLine(view, QStringLiteral("AFTER-6")), qPrintable(shown(view)), Timeout);
        QCOMPARE(window.sessionTabs()->count(), tabs);
        QVERIFY(session->isRunning());
        QCOMPARE(group->tiles().at(0)->state(), TerminalTile::State::Open);

        // From a row of the run's status table: the same host, connected as the run connected.
        session->selectHosts({1});
        auto *rowAction = session->findChild<QAction *>(QStringLiteral("openTerminalOnRowAction"));
        QVERIFY(rowAction);
        rowAction->trigger();
        auto *single = qobject_cast<TerminalGroup *>(window.sessionTabs()->currentWidget());
        QVERIFY(single && single != group);
        QCOMPARE(single->tiles().size(), 1);
        QCOMPARE(single->tiles().at(0)->hostName(), target(1).name);
        QTRY_COMPARE_WITH_TIMEOUT(single->tiles().at(0)->state(), TerminalTile::State::Open, Timeout);
        session->cancel();

        // Closing a tab of open shells asks first; kept, they stay open.
        const int before = window.sessionTabs()->count();
        bool asked = false;
        answerBox(QStringLiteral("confirmHangUpBox"), QMessageBox::NoButton, QStringLiteral("&Keep Them Open"), &asked);
        QVERIFY(!window.closeSessionTab(window.sessionTabs()->indexOf(single)));
        QVERIFY(asked);
        QCOMPARE(window.sessionTabs()->count(), before);
        QCOMPARE(single->tiles().at(0)->state(), TerminalTile::State::Open);
        asked = false;
        answerBox(QStringLiteral("confirmHangUpBox"), QMessageBox::NoButton, QStringLiteral("&Close Them"), &asked);
        QVERIFY(window.closeSessionTab(window.sessionTabs()->indexOf(single)));
        QVERIFY(asked);
        QCOMPARE(window.sessionTabs()->count(), before - 1);
        // A group whose shells all ended closes without a question.
        for (TerminalTile *tile : group->tiles())
            type(tile->view(), QStringLiteral("exit"));
        for (TerminalTile *tile : group->tiles())
            QTRY_COMPARE_WITH_TIMEOUT(tile->state(), TerminalTile::State::Closed, Timeout);
        QVERIFY(window.closeSessionTab(window.sessionTabs()->indexOf(group)));
    }
};

QTEST_MAIN(TestTerminal)
#include "tst_terminal.moc"
