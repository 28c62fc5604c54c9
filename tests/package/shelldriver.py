"""What test_completion.py and test_package.py share: one PASS/FAIL/SKIP line per check, and two
ways to drive the shell completions, by calling the bash function with COMP_WORDS set as bash would,
and by typing into a real interactive bash or zsh on a pseudo-terminal (Tab, then Enter, with
`chorus` a shell function that prints the words it got)."""

import os
import pty
import re
import select
import shlex
import signal
import subprocess
import time

TIMEOUT = 60  # seconds for one answer from a shell; generous, for a busy machine


class Report:
    """Prints one line per check; the exit status says whether any failed."""

    def __init__(self):
        self.failed = []

    def check(self, name, ok, detail=""):
        print(f"{'PASS' if ok else 'FAIL'}: {name}" + (f" ({detail})" if detail and not ok else ""),
              flush=True)
        if not ok:
            self.failed.append(name)
        return ok

    def skip(self, name, why):
        print(f"SKIP: {name}: {why}", flush=True)

    def status(self):
        if self.failed:
            print(f"{len(self.failed)} check(s) failed: {', '.join(self.failed)}", flush=True)
        return 1 if self.failed else 0


def bash_complete(script, env, words, line=None):
    """COMPREPLY of the bash completion in `script` for `words` (the cursor at the end of the last
    one), as a list. With `line`, COMP_LINE and COMP_POINT are set too, and `words` should be split
    as bash splits them (at @, : and =)."""
    program = [f"source {shlex.quote(script)} || exit 90"]
    if line is not None:
        program.append(f"COMP_LINE={shlex.quote(line)}; COMP_POINT=${{#COMP_LINE}}")
    program.append("COMP_WORDS=(" + " ".join(shlex.quote(w) for w in words) + ")")
    program.append(f"COMP_CWORD={len(words) - 1}")
    program.append('_chorus chorus; printf "%s\\n" "${COMPREPLY[@]}"')
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(program)], env=env,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIMEOUT,
                            check=False)
    if result.returncode != 0 or result.stderr:
        raise RuntimeError(f"bash exited {result.returncode}: {result.stderr.strip()}")
    return [l for l in result.stdout.split("\n") if l]


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|[\x07\x08]")


class InteractiveShell:
    """bash -i or zsh -i on a pseudo-terminal. `setup` is run first (source the completion, set
    PATH); then complete(text) types text, Tab and Enter and returns the arguments `chorus` got."""

    def __init__(self, argv, env, setup):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(argv[0], argv, env)
        self.buffer = ""
        self.serial = 0
        # Markers are printed with printf so that the echo of the typed line never matches them.
        self.run(setup + "; chorus() { printf '%s:%s\\n' ARGS \"$*\"; }")

    def _read_until(self, pattern):
        deadline = time.monotonic() + TIMEOUT
        regex = re.compile(pattern, re.M)
        while True:
            m = regex.search(ANSI.sub("", self.buffer.replace("\r", "")))
            if m:
                self.buffer = ""
                return m
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {pattern!r} in {self.buffer[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], min(left, 1.0))
            if ready:
                try:
                    self.buffer += os.read(self.fd, 65536).decode(errors="replace")
                except OSError as e:
                    raise RuntimeError(f"the shell went away: {self.buffer[-400:]!r}") from e

    def run(self, command):
        self.serial += 1
        os.write(self.fd, f"{command}; printf '%s-%d\\n' READY {self.serial}\n".encode())
        self._read_until(rf"^READY-{self.serial}$")

    def complete(self, text):
        os.write(self.fd, f"{text}\t\n".encode())
        return self._read_until(r"^ARGS:(.*)$").group(1)

    def close(self):
        try:
            os.write(self.fd, b"exit\n")
        except OSError:
            pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.1)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def interactive_cases(report, shell_name, argv, env, setup, cases):
    """Types each case into a fresh interactive shell; one check per case."""
    try:
        shell = InteractiveShell(argv, env, setup)
    except (TimeoutError, RuntimeError, OSError) as e:
        report.check(f"{shell_name} starts with the completion loaded", False, str(e))
        return
    try:
        for typed, expected in cases:
            try:
                got = shell.complete(typed)
            except (TimeoutError, RuntimeError) as e:
                report.check(f"{shell_name}: '{typed}<Tab>' completes", False, str(e))
                continue
            report.check(f"{shell_name}: '{typed}<Tab>' gives 'chorus {expected}'", got.strip() == expected,
                         f"got 'chorus {got.strip()}'")
    finally:
        shell.close()


def help_options(chorus, env, command):
    """The options a subcommand's --help names: each option line's names (QCommandLineParser's
    layout), or every --option in a hand-written usage text."""
    text = subprocess.run([chorus, command, "--help"], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=TIMEOUT, check=True).stdout
    options = set()
    if "\nOptions:\n" in text:
        for m in re.finditer(r"^  (-\w)?(?:, )?(--[\w-]+)?", text, re.M):
            options.update(o for o in m.groups() if o)
    else:
        options.update(re.findall(r"(?<![\w-])--[a-z][\w-]*", text))
        options.update(re.findall(r"^\s+(-\w),", text, re.M))
    return sorted(options)


def hosts_fixture(chorus, env):
    """Saved hosts under env's HOME: web1 in prod/web tagged canary, db1 in prod/db."""
    for args in (["web1", "--host", "127.0.0.2", "--group", "prod/web", "--tag", "canary"],
                 ["db1", "--host", "127.0.0.3", "--group", "prod/db"]):
        subprocess.run([chorus, "hosts", "add"] + args, env=env, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=TIMEOUT, check=True)


def throwaway_env(home, path_first):
    """The environment for a shell under a throwaway HOME, with path_first ahead on PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "LC_", "LANG"))}
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"), LC_ALL="C.UTF-8", LANGUAGE="en",
               TERM="dumb", PATH=path_first + os.pathsep + env.get("PATH", "/usr/bin:/bin"))
    env.pop("ZDOTDIR", None)
    env.pop("BASH_ENV", None)
    env.pop("ENV", None)
    return env
