#include "hostresult.h"

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

qint64 HostResult::durationUs() const
{
    if (times.started < 0 || times.finished < 0)
        return 0;
    return times.finished - times.started;
}

} // namespace Chorus
