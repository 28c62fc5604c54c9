#pragma once

#include <QStringList>

namespace Chorus {

class RunHistory;

// `chorus history ...`: the runs the GUI recorded (RunHistory), from a shell or a script.
//
//   chorus history list [--json] [--command TEXT] [--host NAME] [--outcome OUTCOME] [--since YYYY-MM-DD]
//                       [--limit N]
//   chorus history show RUN [--json]
//
// list prints the newest runs first; --json one object per run and line. show prints a run's hosts
// and their output; --json one object per host and line, the same shape as `chorus run --json`.
// Exit status: 0 done; 1 the history cannot be used or the run does not exist; 64 bad usage (one
// line on stderr saying what is wrong).
class HistoryCli
{
public:
    static constexpr int ExitOk = 0;
    static constexpr int ExitFailure = 1;
    static constexpr int ExitUsage = 64;

    // argv[1] is "history".
    static int main(int argc, char *argv[]);

private:
    static int list(const QStringList &arguments);
    static int show(const QStringList &arguments);
    static bool openHistory(RunHistory *history);
};

} // namespace Chorus
