#!/usr/bin/env python3
"""The shell completions in resources/completion/, from the source tree, against the built chorus
first on the PATH: subcommands, options (every option each --help names), host names from
ssh_config and the saved profiles, @groups and @tag:TAG; bash by calling its function the way bash
does and by typing Tab into an interactive bash, zsh by typing Tab into an interactive zsh.

    test_completion.py --chorus build/app/chorus

One PASS/FAIL/SKIP line per check; exit status 1 when any failed. Needs no root and no network.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shelldriver import (Report, bash_complete, help_options, hosts_fixture,  # noqa: E402
                         interactive_cases, throwaway_env)

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASH_SCRIPT = os.path.join(SOURCE, "resources", "completion", "chorus.bash")
ZSH_DIR = os.path.join(SOURCE, "resources", "completion")
COMMANDS = ["run", "push", "pull", "hosts", "history", "config"]
GROUPS = ["@prod", "@prod/db", "@prod/web", "@tag:canary", "@*"]


def write_ssh_config(home):
    ssh = os.path.join(home, ".ssh")
    os.makedirs(os.path.join(ssh, "conf.d"), exist_ok=True)
    with open(os.path.join(ssh, "config"), "w") as f:
        f.write("Host alpha beta *.wild !never\n    HostName 127.0.0.9\nHost=gamma\nInclude conf.d/*\n")
    with open(os.path.join(ssh, "conf.d", "extra"), "w") as f:
        f.write("host delta\n")


def no_patterns(names):
    return not any(c in name for name in names for c in "*?!")


def bash_checks(report, env, chorus):
    def complete(*words, line=None):
        return bash_complete(BASH_SCRIPT, env, list(words), line)

    cases = [
        ("'chorus ru' gives run", ("chorus", "ru"), lambda r: r == ["run"]),
        ("'chorus ' gives every subcommand", ("chorus", ""), lambda r: r == COMMANDS),
        ("'chorus run --fa' gives --fanout and --fail-fast", ("chorus", "run", "--fa"),
         lambda r: sorted(r) == ["--fail-fast", "--fanout"]),
        ("'chorus run -w @' gives the saved groups and tags", ("chorus", "run", "-w", "@"),
         lambda r: r == GROUPS),
        ("'chorus run -x web1,@prod/' completes after the comma", ("chorus", "run", "-x", "web1,@prod/"),
         lambda r: r == ["web1,@prod/db", "web1,@prod/web"]),
        ("'chorus run --hosts=@prod/w' completes after the =", ("chorus", "run", "--hosts=@prod/w"),
         lambda r: r == ["--hosts=@prod/web"]),
        ("'chorus run -w ' gives saved and ssh_config host names, no patterns", ("chorus", "run", "-w", ""),
         lambda r: {"alpha", "beta", "db1", "delta", "gamma", "web1"} <= set(r) and no_patterns(r)),
        ("'chorus run -w web1 ech' completes the remote command", ("chorus", "run", "-w", "web1", "ech"),
         lambda r: "echo" in r),
        ("'chorus run -w web1 ls -l' leaves the command's options alone",
         ("chorus", "run", "-w", "web1", "ls", "-"), lambda r: "--fanout" not in r),
        ("'chorus run --host-keys ' gives the policies", ("chorus", "run", "--host-keys", ""),
         lambda r: r == ["strict", "accept-new"]),
        ("'chorus push --overwrite i' gives if-different", ("chorus", "push", "--overwrite", "i"),
         lambda r: r == ["if-different"]),
        ("'chorus hosts ' gives its commands", ("chorus", "hosts", ""),
         lambda r: {"list", "add", "import", "export", "remove"} <= set(r)),
        ("'chorus hosts add x --group ' gives group paths", ("chorus", "hosts", "add", "x", "--group", ""),
         lambda r: r == ["prod", "prod/db", "prod/web"]),
        ("'chorus hosts remove @' gives groups", ("chorus", "hosts", "remove", "@"), lambda r: r == GROUPS),
        ("'chorus history list --outcome t' gives timed-out",
         ("chorus", "history", "list", "--outcome", "t"), lambda r: r == ["timed-out"]),
        ("'chorus config ' gives ssh_config hosts", ("chorus", "config", ""),
         lambda r: {"alpha", "beta", "delta", "gamma"} <= set(r) and "web1" not in r and no_patterns(r)),
    ]
    for name, words, ok in cases:
        try:
            got = complete(*words)
        except RuntimeError as e:
            report.check(f"bash: {name}", False, str(e))
            continue
        report.check(f"bash: {name}", ok(got), f"got {got}")

    # As bash itself calls it: words split at @, : and = (COMP_WORDBREAKS), the line in COMP_LINE.
    # Readline then replaces what follows the last break, with an @ just before it kept in.
    split_cases = [
        ("chorus run -w @pr", ["chorus", "run", "-w", "@", "pr"], ["@prod", "@prod/db", "@prod/web"]),
        ("chorus run -w @tag:", ["chorus", "run", "-w", "@", "tag", ":"], ["canary"]),
        ("chorus run -w db1,@prod/w", ["chorus", "run", "-w", "db1,", "@", "prod/w"], ["@prod/web"]),
        ("chorus run --hosts=db", ["chorus", "run", "--hosts", "=", "db"], ["db1"]),
    ]
    for line, words, expected in split_cases:
        try:
            got = complete(*words, line=line)
        except RuntimeError as e:
            got = str(e)
        report.check(f"bash: '{line}' as bash splits it gives {expected}", got == expected, f"got {got}")

    # Every option each --help names is offered.
    for command in COMMANDS:
        options = help_options(chorus, env, command)
        if command in ("hosts", "history"):
            actions = ["list", "add", "import", "export", "remove"] if command == "hosts" else ["list", "show"]
            offered = set()
            for action in actions:
                offered.update(complete("chorus", command, action, "-"))
        else:
            offered = set(complete("chorus", command, "-"))
        missing = [o for o in options if o not in offered]
        report.check(f"bash: every option of 'chorus {command} --help' is offered ({len(options)})",
                     options and not missing, f"missing {missing}")


def zsh_checks(report, env, chorus, zsh):
    text = open(os.path.join(ZSH_DIR, "_chorus")).read()
    for command in COMMANDS:
        options = help_options(chorus, env, command)
        missing = [o for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text)]
        report.check(f"zsh: _chorus names every option of 'chorus {command} --help'", not missing,
                     f"missing {missing}")
    # compinit finds _chorus on $fpath through its #compdef line, and it autoloads cleanly.
    load = subprocess.run(
        [zsh, "-f", "-c", f"fpath=({ZSH_DIR} $fpath); autoload -U compinit; compinit -u -D; "
                          "[[ $_comps[chorus] == _chorus ]] || exit 3; autoload +X _chorus"],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, check=False)
    report.check("zsh: compinit registers _chorus for chorus and it loads",
                 load.returncode == 0 and not load.stderr, f"exit {load.returncode}: {load.stderr.strip()}")
    interactive_cases(report, "zsh", [zsh, "-f", "-i"], env,
                      f"PS1='$ '; fpath=({ZSH_DIR} $fpath); autoload -U compinit; compinit -u -D",
                      [("chorus ru", "run"),
                       ("chorus run --fan", "run --fanout"),
                       ("chorus run -w @prod/w", "run -w @prod/web"),
                       ("chorus run -w db1,@tag:c", "run -w db1,@tag:canary"),
                       ("chorus run -w gam", "run -w gamma"),
                       ("chorus hosts add x --group prod/d", "hosts add x --group prod/db"),
                       ("chorus push --overwrite if", "push --overwrite if-different")])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chorus", required=True, help="the built chorus")
    args = parser.parse_args()
    chorus = os.path.abspath(args.chorus)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="chorus-completion.") as home:
        env = throwaway_env(home, os.path.dirname(chorus))
        write_ssh_config(home)
        hosts_fixture(chorus, env)
        names = subprocess.run([chorus, "hosts", "list", "--names"], env=env, capture_output=True, text=True,
                               timeout=60, check=False).stdout.split()
        report.check("'chorus hosts list --names' lists hosts, groups and tags",
                     names == ["web1", "db1"] + GROUPS[:-1], f"got {names}")

        loaded = subprocess.run(["bash", "--norc", "--noprofile", "-c", f"source {BASH_SCRIPT}"], env=env,
                                capture_output=True, text=True, timeout=60, check=False)
        report.check("bash: the script loads without a word", loaded.returncode == 0 and not loaded.stderr,
                     loaded.stderr.strip())
        bash_checks(report, env, chorus)
        interactive_cases(report, "bash", ["bash", "--norc", "--noprofile", "-i"], env,
                          f"PS1='$ '; source {BASH_SCRIPT}",
                          [("chorus ru", "run"),
                           ("chorus run -w @prod/w", "run -w @prod/web"),
                           ("chorus run -w db1,@tag:c", "run -w db1,@tag:canary"),
                           ("chorus run --hosts=@prod/d", "run --hosts=@prod/db"),
                           ("chorus run -w gam", "run -w gamma")])

        zsh = shutil.which("zsh")
        if zsh:
            zsh_checks(report, env, chorus, zsh)
        else:
            report.skip("zsh", "zsh is not installed (make deps installs it)")
    return report.status()


if __name__ == "__main__":
    sys.exit(main())
