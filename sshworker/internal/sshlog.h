#pragma once

#include "sshworker/internal/enginebuild.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSsh)
