#pragma once

// Included first by every header in sshworker/internal/ and sshworker/sftp/: they are the engine's own,
// and only the engine's target defines CHORUS_ENGINE_BUILD. Everyone else talks to workerpool.h.
#ifndef CHORUS_ENGINE_BUILD
#error "sshworker/internal and sshworker/sftp are private to the engine: include sshworker/workerpool.h"
#endif
