#include "widgets/style/uilog.h"

Q_LOGGING_CATEGORY(lcUi, "chorus.ui", QtInfoMsg)
