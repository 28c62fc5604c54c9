#pragma once

namespace Chorus {

// `chorus hosts ...`: the saved host profiles from a shell or a script, without a display.
//
//   chorus hosts list [--json | --names] [EXPRESSION]
//   chorus hosts add NAME --host HOST [--port P] [--user U] [--group G] [--tag T]... [--auth METHOD]
//                    [--key FILE] [--jump HOST] [--sudo] [--notes TEXT]
//   chorus hosts import FILE [--format ssh-config|pssh|clustershell|ansible|chorus] [--group G] [--dry-run]
//   chorus hosts export FILE
//   chorus hosts remove NAME|ID|@GROUP|@tag:TAG...
//
// `list --names` (left out of --help: it is for the shell completions) prints one name per line: the
// hosts' names, then, without an EXPRESSION, every group as @GROUP (parents too) and tag as @tag:TAG.
// Exit status: 0 done; 1 failed (nothing changed); 2 import done but some lines were skipped (listed
// on stderr as FILE:LINE: reason); 64 bad usage (one line on stderr saying what is wrong).
// Works on the same profiles.json as the GUI (ProfileStore), and removing a host deletes its secrets
// from the keychain.
class HostsCli
{
public:
    static constexpr int ExitOk = 0;
    static constexpr int ExitFailure = 1;
    static constexpr int ExitPartial = 2;
    static constexpr int ExitUsage = 64;

    // argv[1] is "hosts".
    static int main(int argc, char *argv[]);
};

} // namespace Chorus
