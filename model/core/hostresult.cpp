#include "model/core/hostresult.h"

#include <QCoreApplication>

namespace Chorus {

QString hostOutcomeName(HostOutcome outcome)
{
    switch (outcome) {
    case HostOutcome::Ok:
        return QStringLiteral("ok");
    case HostOutcome::NonZeroExit:
        return QStringLiteral("non-zero exit");
    case HostOutcome::Failed:
        return QStringLiteral("failed");
    case HostOutcome::TimedOut:
        return QStringLiteral("timed out");
    case HostOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString HostResult::endingText() const
{
    switch (outcome) {
    case HostOutcome::Ok:
    case HostOutcome::NonZeroExit:
        if (hasExitStatus())
            return QCoreApplication::translate("HostResult", "exit status %1").arg(exitStatus);
        if (exitSignal.isEmpty())
            return QCoreApplication::translate("HostResult", "exited without a status");
        return coreDumped ? QCoreApplication::translate("HostResult", "killed by signal %1 (core dumped)").arg(exitSignal)
                          : QCoreApplication::translate("HostResult", "killed by signal %1").arg(exitSignal);
    case HostOutcome::Failed:
        return error.isEmpty() ? QCoreApplication::translate("HostResult", "failed") : error;
    case HostOutcome::TimedOut:
        return error.isEmpty() ? QCoreApplication::translate("HostResult", "timed out")
                               : QCoreApplication::translate("HostResult", "timed out: %1").arg(error);
    case HostOutcome::Cancelled:
        return error.isEmpty() ? QCoreApplication::translate("HostResult", "cancelled") : error;
    }
    return {};
}

qint64 HostResult::durationUs() const
{
    if (times.started < 0 || times.finished < 0)
        return 0;
    return times.finished - times.started;
}

} // namespace Chorus
