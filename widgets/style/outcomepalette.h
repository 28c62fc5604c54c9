#pragma once

#include "model/core/hostresult.h"

#include <QColor>

namespace Chorus {

// The colour of each outcome in charts: mid tones that read on light and dark backgrounds alike,
// and that people already associate with them (green ok, orange non-zero, red failed).
class OutcomePalette
{
public:
    static QColor color(HostOutcome outcome);
};

} // namespace Chorus
