#pragma once

#include "sshworker/internal/enginebuild.h"

#include <libssh/libssh.h>

namespace Chorus {

// Closes a channel only if it is open, then frees it. A CLOSE for a channel the server refused (sshd's
// MaxSessions) or never confirmed goes out for remote channel 0, which is another command's channel on
// the same connection: sshd then ends that command, or the whole connection.
inline void closeAndFreeChannel(ssh_channel channel)
{
    if (ssh_channel_is_open(channel))
        ssh_channel_close(channel);
    ssh_channel_free(channel);
}

} // namespace Chorus
