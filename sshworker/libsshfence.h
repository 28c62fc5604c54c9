#pragma once

// Forced (-include) into every target except the engine, by chorus_outside_engine() in the top-level
// CMakeLists.txt. libssh's headers declare these names, so including one outside sshworker/ stops the
// build with "attempt to use poisoned": libssh lives only in the engine, by construction.
#pragma GCC poison ssh_session ssh_channel ssh_key ssh_event ssh_bind
