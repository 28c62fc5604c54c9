#pragma once

#include "widgets/charts/customplot.h"

namespace Chorus {

// Ticks for an axis of milliseconds, labelled in the unit the range calls for: "250 ms", "14 s",
// "2.5 min", rather than "14000". Tick steps stay round in that unit.
class DurationTicker : public QCPAxisTicker
{
public:
    // The unit the axis label should name for a range that ends at topMs.
    static QString unitLabel(double topMs);

protected:
    double getTickStep(const QCPRange &range) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override;

private:
    double m_unitMs = 1; // 1, 1000 or 60000, from the last range
};

} // namespace Chorus
