#include "sshworker/internal/sshlog.h"

Q_LOGGING_CATEGORY(lcSsh, "chorus.ssh", QtInfoMsg)
