#include "widgets/terminal/parsescheduler.h"

#include "widgets/terminal/terminalview.h"

#include <QElapsedTimer>

namespace Chorus {

ParseScheduler &ParseScheduler::instance()
{
    static ParseScheduler scheduler;
    return scheduler;
}

ParseScheduler::ParseScheduler()
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ParseScheduler::pass);
}

void ParseScheduler::want(TerminalView *view)
{
    if (!m_waiting.contains(view))
        m_waiting.append(view);
    if (!m_timer.isActive())
        m_timer.start();
}

void ParseScheduler::pass()
{
    QElapsedTimer clock;
    clock.start();
    // Round robin, one slice each: the order rotates, so the one cut off by the budget goes first next time.
    while (!m_waiting.isEmpty() && clock.nsecsElapsed() < PassBudgetNs) {
        QPointer<TerminalView> view = m_waiting.takeFirst();
        if (view && view->parseSlice())
            m_waiting.append(view);
    }
    if (!m_waiting.isEmpty())
        m_timer.start();
}

} // namespace Chorus
