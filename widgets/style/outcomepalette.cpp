#include "widgets/style/outcomepalette.h"

namespace Chorus {

QColor OutcomePalette::color(HostOutcome outcome)
{
    switch (outcome) {
    case HostOutcome::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case HostOutcome::NonZeroExit:
        return QColor(0xef, 0x6c, 0x00);
    case HostOutcome::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case HostOutcome::TimedOut:
        return QColor(0x6a, 0x1b, 0x9a);
    case HostOutcome::Cancelled:
        return QColor(0x75, 0x75, 0x75);
    }
    return Qt::gray;
}

} // namespace Chorus
