#pragma once

#include "model/core/hostresult.h"

#include <QList>
#include <QString>

namespace Chorus {

class RunSession;

// What the duration chart draws for one run: a bar per finished host, split into connecting
// (resolve to authenticated; zero on a reused connection) and the command, coloured by outcome
// and sorted by total duration, longest first.
class DurationSeries
{
public:
    struct Bar
    {
        int host = -1;
        QString name;
        double jumpMs = 0;   // through a jump host: waiting for its connection
        double tunnelMs = 0; // then opening the channel to the host through it
        double connectMs = 0; // the host's own handshake and authentication
        double commandMs = 0;
        HostOutcome outcome = HostOutcome::Ok;
        double totalMs() const { return jumpMs + tunnelMs + connectMs + commandMs; }
    };

    static Bar barFor(int host, const QString &name, const HostResult &result);
    // Finished hosts of the session, sorted longest first (ties by host order).
    static QList<Bar> fromSession(const RunSession &session);
    static void sort(QList<Bar> *bars);
};

} // namespace Chorus
