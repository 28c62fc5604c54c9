#include "widgets/charts/durationticker.h"

#include <QCoreApplication>

namespace Chorus {

namespace {

double unitFor(double topMs)
{
    if (topMs >= 3 * 60 * 1000)
        return 60 * 1000;
    if (topMs >= 10 * 1000)
        return 1000;
    return 1;
}

} // namespace

QString DurationTicker::unitLabel(double topMs)
{
    const double unit = unitFor(topMs);
    if (unit >= 60 * 1000)
        return QCoreApplication::translate("DurationTicker", "minutes");
    if (unit >= 1000)
        return QCoreApplication::translate("DurationTicker", "seconds");
    return QCoreApplication::translate("DurationTicker", "milliseconds");
}

double DurationTicker::getTickStep(const QCPRange &range)
{
    m_unitMs = unitFor(range.upper);
    // Round steps in the chosen unit, about tickCount() of them.
    const double step = (range.size() / m_unitMs) / (tickCount() + 1e-10);
    return cleanMantissa(step) * m_unitMs;
}

QString DurationTicker::getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision)
{
    Q_UNUSED(formatChar);
    Q_UNUSED(precision);
    const double value = tick / m_unitMs;
    return locale.toString(value, 'g', 4);
}

} // namespace Chorus
