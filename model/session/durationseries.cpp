#include "model/session/durationseries.h"

#include "model/session/runsession.h"

#include <algorithm>

namespace Chorus {

DurationSeries::Bar DurationSeries::barFor(int host, const QString &name, const HostResult &result)
{
    Bar bar;
    bar.host = host;
    bar.name = name;
    bar.outcome = result.outcome;
    const PhaseTimes &t = result.times;
    if (t.started < 0 || t.finished < 0)
        return bar;
    // The command part starts when the channel was asked for; before that is connecting, or
    // waiting for a slot on an open connection (then it is short).
    const qint64 split = t.authenticated >= 0 ? t.authenticated : (t.channelOpened >= 0 ? t.channelOpened : t.finished);
    const qint64 connectEnd = result.reusedConnection ? t.started : std::clamp(split, t.started, t.finished);
    // Through a jump host the host's own part begins once the channel to it is open.
    qint64 hostStart = t.started;
    if (!result.reusedConnection && t.jumpReady >= 0) {
        const qint64 ready = std::clamp(t.jumpReady, t.started, connectEnd);
        bar.jumpMs = (ready - t.started) / 1000.0;
        hostStart = ready;
        if (t.tunnelOpened >= 0) {
            const qint64 opened = std::clamp(t.tunnelOpened, ready, connectEnd);
            bar.tunnelMs = (opened - ready) / 1000.0;
            hostStart = opened;
        }
    }
    bar.connectMs = (connectEnd - hostStart) / 1000.0;
    bar.commandMs = (t.finished - connectEnd) / 1000.0;
    return bar;
}

void DurationSeries::sort(QList<Bar> *bars)
{
    std::stable_sort(bars->begin(), bars->end(), [](const Bar &a, const Bar &b) { return a.totalMs() > b.totalMs(); });
}

QList<DurationSeries::Bar> DurationSeries::fromSession(const RunSession &session)
{
    QList<Bar> bars;
    for (int host = 0; host < session.hostCount(); ++host) {
        if (session.isHostFinished(host))
            bars.append(barFor(host, session.hostName(host), session.result(host)));
    }
    sort(&bars);
    return bars;
}

} // namespace Chorus
