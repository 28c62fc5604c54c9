#pragma once

namespace Chorus {

// `chorus config [-F FILE] [-O OPTION=VALUE]... HOST`: what Chorus makes of HOST from the ssh
// configuration (SshConfig), printed as lower-case "keyword value" lines in `ssh -G`'s spelling, so a
// user can put it next to `ssh -G HOST` and see where they differ. Connects to nothing; Match exec
// commands run, and names are looked up only where the configuration asks for canonicalisation.
// The configuration's warnings go to stderr, each prefixed "chorus config: ".
//
// Exit status: 0 printed; 2 the host cannot be resolved (canonicalisation found no name and
// CanonicalizeFallbackLocal is no); 64 bad usage, a malformed host included (one line on stderr saying
// what is wrong).
class ConfigCli
{
public:
    static constexpr int ExitOk = 0;
    static constexpr int ExitUnresolved = 2;
    static constexpr int ExitUsage = 64;

    // argv[1] is "config".
    static int main(int argc, char *argv[]);
};

} // namespace Chorus
