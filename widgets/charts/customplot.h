#pragma once

// qcustomplot.h uses Qt's lower-case keywords, which this project turns off (QT_NO_KEYWORDS):
// include it through here.
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef foreach
