#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Chorus {

class TerminalView;

// Shares the GUI thread's time among every terminal with output to parse: one pass per event-loop
// turn, terminals taken in turn, a fixed budget per pass however many there are. So 32 tiles printing
// at once cost no more GUI time per turn than one, none of them starves, and painting and typing
// get the event loop between passes.
class ParseScheduler : public QObject
{
public:
    static ParseScheduler &instance(); // the GUI thread's
    void want(TerminalView *view);     // the view has output to parse

    static constexpr qint64 PassBudgetNs = 8'000'000;

private:
    ParseScheduler();
    void pass();

    QList<QPointer<TerminalView>> m_waiting;
    QTimer m_timer;
};

} // namespace Chorus
