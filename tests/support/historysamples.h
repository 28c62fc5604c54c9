#pragma once

// Runs as the history stores them, made up for tests of the history and of `chorus history`: hosts on
// loopback addresses and results with every phase stamped.
#include "model/core/hostresult.h"
#include "model/core/hosttarget.h"
#include "model/history/runhistory.h"

#include <QDateTime>

namespace Chorus::HistorySamples {

inline HostTarget target(const QString &name, int n)
{
    HostTarget t;
    t.name = name;
    t.hostname = QStringLiteral("127.0.0.%1").arg(n);
    t.user = QStringLiteral("root");
    return t;
}

inline HostResult result(HostOutcome outcome, int exitStatus, const QByteArray &out, const QByteArray &err = {},
                         const QString &error = {})
{
    HostResult r;
    r.outcome = outcome;
    r.exitStatus = exitStatus;
    r.stdoutData = out;
    r.stderrData = err;
    r.stdoutBytes = out.size();
    r.stderrBytes = err.size();
    r.error = error;
    r.times.started = 100;
    r.times.resolved = 200;
    r.times.tcpConnected = 300;
    r.times.execStarted = 900;
    r.times.exited = 5000;
    r.times.finished = 5100;
    return r;
}

// Three hosts ending three ways: ok, exit status 2, connection refused.
inline qint64 addSampleRun(RunHistory &history, const QString &command, const QDateTime &started)
{
    return history.addRun(command, started, 1234,
                          {target(QStringLiteral("web1"), 1), target(QStringLiteral("web2"), 2),
                           target(QStringLiteral("db1"), 3)},
                          {result(HostOutcome::Ok, 0, "hello\n"), result(HostOutcome::NonZeroExit, 2, {}, "no such file\n"),
                           result(HostOutcome::Failed, -1, {}, {}, QStringLiteral("Connection refused"))});
}

} // namespace Chorus::HistorySamples
