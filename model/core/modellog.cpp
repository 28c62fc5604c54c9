#include "model/core/modellog.h"

Q_LOGGING_CATEGORY(lcModel, "chorus.model", QtInfoMsg)
