#!/usr/bin/env python3
"""Chorus against pssh, clush, Ansible and asyncssh on one local sshd fleet (`make bench`).

Starts `chorus-fleet` once, then runs every tool on the same hosts, with the same command, key,
ssh_config and fanout, several rounds each, interleaved, and prints markdown tables: median wall
time, client CPU (the tool and all its children), server CPU (the fleet's sshd processes), peak
memory, each also as a ratio to Chorus, then the project's targets with PASS or MISS.

Sections: cold `uname -n` at several N; warm rounds (Chorus --repeat against clush with
ControlPersist); throughput (100 MiB from 1 and 4 hosts against OpenSSH ssh); memory per idle open
connection (chorus-enginebench). See tests/bench/README.md for what each number means.

Python 3 standard library only. Contacts nothing but the fleet's 127.0.0.0/8 addresses.
"""

import argparse
import ctypes
import datetime
import json
import os
import platform
import pwd
import re
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CLK_TCK = os.sysconf("SC_CLK_TCK")
MIB = 1024 * 1024
PR_SET_CHILD_SUBREAPER = 36

ALL_TOOLS = ["chorus", "enginebench", "pssh", "clush", "ansible", "asyncssh"]
LABELS = {
    "chorus": "Chorus (`chorus run`)",
    "enginebench": "Chorus engine alone (chorus-enginebench)",
    "pssh": "pssh (`parallel-ssh`)",
    "clush": "clush",
    "ansible": "Ansible (`ansible -m raw`)",
    "asyncssh": "asyncssh (gather + semaphore)",
    "ssh": "OpenSSH `ssh host cmd > /dev/null`",
    "clush-persist": "clush, ControlPersist (runs 2 and 3)",
    "chorus-repeat": "Chorus `--repeat 3` (rounds 2 and 3)",
    "enginebench-warm": "Chorus engine alone (rounds 2 and 3)",
}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# /proc helpers


def read_stat(pid):
    """(ppid, utime+stime, cutime+cstime) in clock ticks, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except OSError:
        return None
    fields = data[data.rindex(b")") + 2 :].split()
    # fields[0] is the state; utime, stime, cutime, cstime are stat fields 14-17.
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def children_of(pid):
    kids = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    kids.extend(int(x) for x in f.read().split())
            except OSError:
                pass
    except OSError:
        pass
    return kids


def descendants(roots):
    found, todo = [], list(roots)
    for _ in range(100000):  # bounded walk
        if not todo:
            break
        pid = todo.pop()
        for kid in children_of(pid):
            found.append(kid)
            todo.append(kid)
    return found


def own_cpu(pid):
    """CPU seconds of a live process's threads. schedstat counts nanoseconds; stat's ticks would
    round each small session process down to whole 10 ms."""
    total, ok = 0, False
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                    total += int(f.read().split()[0])
                    ok = True
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        return 0.0
    if ok:
        return total / 1e9
    st = read_stat(pid)
    return st[1] / CLK_TCK if st else 0.0


def tree_cpu(roots):
    """CPU seconds of the processes and of every descendant, dead or alive, counted once: a live
    process by its own time, a dead one inside its reaper's cutime (the reaper is in the tree)."""
    total = 0.0
    for pid in list(roots) + descendants(roots):
        st = read_stat(pid)
        if st:
            total += own_cpu(pid) + st[2] / CLK_TCK
    return total


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def machine_description():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = 0.0
    try:
        with open("/proc/meminfo") as f:
            mem_gib = int(f.readline().split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    distro = "?"
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    distro = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return (f"{platform.node()}: {cpu}, {os.cpu_count()} cores, {mem_gib:.1f} GiB RAM, "
            f"{distro}, Linux {platform.release()}")


def tool_version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        text = (out.stdout + out.stderr).strip().splitlines()
        return text[0].strip() if text else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"


# ---------------------------------------------------------------------------------------------
# The fleet


class Fleet:
    """A running chorus-fleet: its hosts, files and sshd listeners."""

    def __init__(self, binary, count, workdir):
        self.workdir = workdir
        self.process = subprocess.Popen(
            [binary, "--hosts", str(count), "--json"], stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=open(os.path.join(workdir, "fleet.log"), "wb"))
        line = b""
        deadline = time.monotonic() + 180
        while not line.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 1.0)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 1 << 20)
                if not chunk:
                    break
                line += chunk
            elif self.process.poll() is not None:
                break
        try:
            self.info = json.loads(line)
        except ValueError:
            self.stop()
            with open(os.path.join(workdir, "fleet.log"), errors="replace") as f:
                raise RuntimeError(f"chorus-fleet did not start: {f.read().strip()[-2000:]}")
        self.json_path = os.path.join(workdir, "fleet.json")
        with open(self.json_path, "w") as f:
            json.dump(self.info, f)
        self.hosts = self.info["hosts"]
        self.names = [h["name"] for h in self.hosts]
        self.config = self.info["sshConfig"]
        self.servers = self.info["serverPids"]
        for h in self.hosts:  # the fleet promises loopback only; so does this harness
            assert h["address"].startswith("127."), h

    def server_cpu(self):
        return tree_cpu(self.servers)

    def wait_connections_closed(self, timeout=20.0):
        """Until the listeners have reaped every connection process, so its CPU is counted."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not any(children_of(p) for p in self.servers):
                return True
            time.sleep(0.02)
        return False

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


# ---------------------------------------------------------------------------------------------
# Measuring one tool run


class Run:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def measure(argv, fleet, env, cwd, out_path, timeout, sample_memory=False, shell=False,
            extra_cpu=None, wait_server=True, discard_output=False):
    """Runs argv to its end and returns a Run: wall seconds, client CPU seconds (the process and
    its reaped descendants, from wait4), ru_maxrss kB, server CPU seconds, exit code, and when
    sample_memory the peak summed PSS of the process tree (sampled every 20 ms). Standard output
    goes to out_path, or to /dev/null with discard_output; standard error to out_path.err."""
    extra0 = extra_cpu() if extra_cpu else 0.0
    server0 = fleet.server_cpu()
    err_path = out_path + ".err"
    with open(os.devnull if discard_output else out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                cwd=cwd, start_new_session=True, shell=shell)
        timed_out = []

        def kill_group():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill_group)
        timer.start()
        peak = 0
        try:
            if sample_memory:
                status, usage = 0, None
                while True:
                    pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                    if pid == proc.pid:
                        break
                    total = sum(pss_kb(p) for p in [proc.pid] + descendants([proc.pid]))
                    peak = max(peak, total)
                    time.sleep(0.02)
            else:
                _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen never waits for it again
    if wait_server:
        fleet.wait_connections_closed()
    server = fleet.server_cpu() - server0
    extra = (extra_cpu() - extra0) if extra_cpu else 0.0
    with open(err_path, "rb") as f:
        stderr = f.read().decode(errors="replace")
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime + extra, maxrss_kb=usage.ru_maxrss,
               server=server, rc=proc.returncode, timed_out=bool(timed_out), peak_pss_kb=peak,
               stderr=stderr, out_path=out_path)


# ---------------------------------------------------------------------------------------------
# The harness


class Bench:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build_dir)
        self.fleet_bin = os.path.join(self.build, "tests", "chorus-fleet")
        self.engine_bin = os.path.join(self.build, "tests", "chorus-enginebench")
        self.chorus_bin = os.path.join(self.build, "app", "chorus")
        self.workdir = tempfile.mkdtemp(prefix="chorus-bench-")
        self.home = os.path.join(self.workdir, "home")
        os.makedirs(self.home)
        self.nodename = os.uname().nodename
        self.fleet = None
        self.results = {"cold": {}, "warm": {}, "throughput": {}, "memory": {}, "notes": []}
        self.env = self.make_env()
        self.python_asyncssh = self.find_asyncssh_python()

    # --- environment -------------------------------------------------------------------------

    def make_env(self):
        env = dict(os.environ)
        # Nothing of the user's own home: clush, Ansible and ssh write nothing there.
        env.update({
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "ANSIBLE_HOME": os.path.join(self.workdir, "ansible"),
            "ANSIBLE_LOCAL_TEMP": os.path.join(self.workdir, "ansible", "tmp"),
            "ANSIBLE_CONFIG": os.path.join(self.workdir, "ansible.cfg"),
            # The fleet's ssh_config decides (ControlMaster no, Compression no); Ansible would
            # otherwise add -C and its own ControlPersist, and -tt for a pty the others do not use.
            "ANSIBLE_SSH_ARGS": "-o ControlMaster=no",
            "ANSIBLE_SSH_USETTY": "False",
            "ANSIBLE_SSH_CONTROL_PATH_DIR": os.path.join(self.workdir, "ansible", "cp"),
            "ANSIBLE_RETRY_FILES_ENABLED": "False",
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_HOST_KEY_CHECKING": "True",
            "ANSIBLE_DEPRECATION_WARNINGS": "False",
            "ANSIBLE_COMMAND_WARNINGS": "False",
            "PYTHONWARNINGS": "ignore",
            "LC_ALL": "C.UTF-8",
        })
        for var in ("SSH_AUTH_SOCK", "SSH_AGENT_PID", "DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH"):
            env.pop(var, None)
        os.makedirs(env["ANSIBLE_LOCAL_TEMP"], exist_ok=True)
        os.makedirs(env["ANSIBLE_SSH_CONTROL_PATH_DIR"], exist_ok=True)
        with open(env["ANSIBLE_CONFIG"], "w") as f:
            f.write("[defaults]\n")
        return env

    def find_asyncssh_python(self):
        # The Debian package python3-asyncssh is for /usr/bin/python3, which may not be the
        # python3 first on PATH (pyenv and the like).
        for candidate in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
            if candidate and subprocess.run(
                    [candidate, "-W", "ignore", "-c", "import asyncssh"], capture_output=True,
                    env=self.env).returncode == 0:
                return candidate
        return None

    def available_tools(self):
        have = {}
        have["chorus"] = self.chorus_cli_works()
        have["enginebench"] = os.access(self.engine_bin, os.X_OK)
        have["pssh"] = shutil.which("parallel-ssh") is not None
        have["clush"] = shutil.which("clush") is not None
        have["ansible"] = shutil.which("ansible") is not None
        have["asyncssh"] = self.python_asyncssh is not None
        return have

    def chorus_cli_works(self):
        if not os.access(self.chorus_bin, os.X_OK):
            return False
        try:
            out = subprocess.run([self.chorus_bin, "run", "--help"], capture_output=True, text=True,
                                 timeout=30, env=self.env)
        except (OSError, subprocess.TimeoutExpired):
            return False
        return out.returncode == 0 and "--repeat" in out.stdout

    # --- host lists --------------------------------------------------------------------------

    def names(self, count):
        return self.fleet.names[:count]

    @staticmethod
    def fold(names):
        """node001..node100 -> node[001-100]; anything else stays a comma list."""
        match = [re.fullmatch(r"(.*?)(\d+)", n) for n in names]
        if all(match) and len({m.group(1) for m in match}) == 1 and \
                len({len(m.group(2)) for m in match}) == 1:
            numbers = [int(m.group(2)) for m in match]
            if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
                width = len(match[0].group(2))
                if len(numbers) == 1:
                    return names[0]
                return f"{match[0].group(1)}[{numbers[0]:0{width}d}-{numbers[-1]:0{width}d}]"
        return ",".join(names)

    def hosts_file(self, count):
        path = os.path.join(self.workdir, f"hosts-{count}")
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write("\n".join(self.names(count)) + "\n")
        return path

    def inventory(self, count):
        path = os.path.join(self.workdir, f"inventory-{count}.ini")
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write("[bench]\n" + "\n".join(self.names(count)) + "\n\n[bench:vars]\n")
                f.write(f"ansible_ssh_common_args='-F {shlex.quote(self.fleet.config)}'\n")
        return path

    # --- command lines -----------------------------------------------------------------------

    def argv(self, tool, count, command, fanout, extra_ssh=""):
        cfg = self.fleet.config
        spec = self.fold(self.names(count))
        if tool == "chorus":
            return [self.chorus_bin, "run", "-F", cfg, "-f", str(fanout), "-w", spec, "-b", command]
        if tool == "enginebench":
            return [self.engine_bin, "-F", cfg, "-f", str(fanout), "-w", spec, "--command", command]
        if tool == "pssh":
            return ["parallel-ssh", "-h", self.hosts_file(count), "-p", str(fanout), "-t", "0",
                    "-x", f"-F {shlex.quote(cfg)} {extra_ssh}".strip(), "-i", command]
        if tool == "clush":
            return ["clush", "-f", str(fanout), "-w", spec, "-o",
                    f"-F {shlex.quote(cfg)} {extra_ssh}".strip(), "-S", "-b", command]
        if tool == "ansible":
            return ["ansible", "bench", "-i", self.inventory(count), "-m", "raw", "-a", command,
                    "-f", str(fanout)]
        if tool == "asyncssh":
            return [self.python_asyncssh, "-W", "ignore", os.path.join(HERE, "asyncssh_run.py"),
                    "--fleet", self.fleet.json_path, "--count", str(count), "--fanout", str(fanout),
                    "--", command]
        raise ValueError(tool)

    def out_path(self, name):
        return os.path.join(self.workdir, f"{name}.out")

    def check(self, run, what, expect_text=True):
        """A run counts only when the tool said every host succeeded (and printed the answer)."""
        problem = None
        if run.timed_out:
            problem = f"timed out after {self.args.timeout} s"
        elif run.rc != 0:
            problem = f"exit status {run.rc}: {run.stderr.strip()[-400:]}"
        elif expect_text:
            with open(run.out_path, "rb") as f:
                if self.nodename.encode() not in f.read(1 << 24):
                    problem = "the command's output is missing"
        if problem:
            log(f"FAILED {what}: {problem}")
            self.results["notes"].append(f"{what} failed: {problem}")
        return problem is None

    # --- sections ----------------------------------------------------------------------------

    def login_shell_cost(self):
        """Server CPU of a session that runs `true`: sshd plus the login shell's startup files."""
        samples = []
        for _ in range(5):
            run = measure(["ssh", "-F", self.fleet.config, self.fleet.names[0], "true"], self.fleet,
                          self.env, self.workdir, self.out_path("probe"), 60)
            if run.rc == 0:
                samples.append(run.server)
        if not samples:
            raise RuntimeError("plain `ssh -F fleet/ssh_config node true` fails; see fleet.log")
        cost = statistics.median(samples)
        self.results["session_server_cpu_ms"] = cost * 1000
        log(f"one ssh session costs the server {cost * 1000:.1f} ms CPU (sshd + login shell)")
        if cost > 0.05:
            note = (f"each ssh session costs the server {cost * 1000:.0f} ms CPU here: the login "
                    "shell's startup files are slow (bash reads ~/.bashrc for every ssh command). "
                    "Server CPU and wall times are inflated alike for every tool; run as a user "
                    "with a plain ~/.bashrc for numbers closer to a real server.")
            log("WARNING: " + note)
            self.results["notes"].append(note)

    def cold(self, tools):
        fanout = self.args.fanout
        for count in self.args.sizes:
            rounds = self.args.rounds
            per_tool = {t: [] for t in tools}
            peaks = {}
            engine = []
            for r in range(rounds):
                order = tools[r % len(tools):] + tools[: r % len(tools)]  # no tool always first
                for tool in order:
                    if tool == "ansible" and count > self.args.ansible_max_n:
                        continue
                    what = f"cold N={count} {tool} round {r + 1}"
                    log(what)
                    run = measure(self.argv(tool, count, "uname -n", fanout), self.fleet, self.env,
                                  self.workdir, self.out_path(tool), self.args.timeout)
                    # enginebench prints JSON, not the command's output.
                    if not self.check(run, what, expect_text=tool != "enginebench"):
                        continue
                    per_tool[tool].append(run)
                    if tool == "enginebench":
                        with open(run.out_path) as f:
                            engine.append(json.loads(f.read()))
            if count in self.args.memory_sizes:
                for tool in tools:
                    if tool == "ansible" and count > self.args.ansible_max_n:
                        continue
                    what = f"cold N={count} {tool} memory round"
                    log(what)
                    run = measure(self.argv(tool, count, "uname -n", fanout), self.fleet, self.env,
                                  self.workdir, self.out_path(tool), self.args.timeout,
                                  sample_memory=True)
                    if self.check(run, what, expect_text=tool != "enginebench"):
                        peaks[tool] = run.peak_pss_kb
            self.results["cold"][count] = {
                "runs": {t: [vars(x) for x in runs] for t, runs in per_tool.items() if runs},
                "summary": {t: self.summarize(runs, count, peaks.get(t))
                            for t, runs in per_tool.items() if runs},
                "engine": self.engine_summary(engine, count),
            }

    @staticmethod
    def summarize(runs, count, peak_pss_kb=None):
        return {
            "rounds": len(runs),
            "wall": statistics.median(r.wall for r in runs),
            "cpu": statistics.median(r.cpu for r in runs),
            "cpu_per_host_ms": statistics.median(r.cpu for r in runs) / count * 1000,
            "server": statistics.median(r.server for r in runs),
            "maxrss_kb": max(r.maxrss_kb for r in runs),
            "peak_pss_kb": peak_pss_kb or None,
        }

    @staticmethod
    def engine_summary(reports, count):
        if not reports:
            return None
        first = [r["rounds"][0] for r in reports]
        return {
            "engine_cpu_per_host_ms": statistics.median(x["engineCpuMsPerHost"] for x in first),
            "teardown_cpu_per_host_ms": statistics.median(
                r["teardownEngineCpuMs"] / count for r in reports),
            "main_thread_cpu_per_host_ms": statistics.median(
                x["mainThreadCpuMs"] / count for x in first),
            "engine_wall": statistics.median(x["wallMs"] / 1000 for x in first),
        }

    @staticmethod
    def masters(control_dir):
        """ControlPersist masters using control_dir. They left clush's process tree (our
        subreaper adopts them), yet every warm session goes through them."""
        found = []
        for pid in descendants([os.getpid()]):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if control_dir.encode() in f.read():
                        found.append(pid)
            except OSError:
                pass
        return found

    def master_cpu(self, control_dir):
        return sum(own_cpu(p) for p in self.masters(control_dir))

    def stop_masters(self, control_dir):
        pids = self.masters(control_dir)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass
        deadline = time.monotonic() + 10
        while pids and time.monotonic() < deadline:
            for pid in list(pids):
                try:
                    done = os.waitpid(pid, os.WNOHANG)[0] == pid
                except ChildProcessError:  # not ours to reap (no subreaper): wait until it is gone
                    done = not os.path.exists(f"/proc/{pid}")
                if done:
                    pids.remove(pid)
            time.sleep(0.05)

    def warm(self, tools):
        count, fanout = self.args.warm_n, self.args.fanout
        out = {"n": count}
        runs = {"chorus-repeat": [], "clush-persist": [], "enginebench-warm": [],
                "chorus-cpu": [], "clush-cold": []}
        for r in range(self.args.rounds):
            if "chorus" in tools:
                log(f"warm N={count} chorus --repeat round {r + 1}")
                one = measure(self.argv("chorus", count, "uname -n", fanout), self.fleet, self.env,
                              self.workdir, self.out_path("chorus-1"), self.args.timeout)
                argv = self.argv("chorus", count, "uname -n", fanout)
                argv[2:2] = ["--repeat", "3"]
                three = measure(argv, self.fleet, self.env, self.workdir,
                                self.out_path("chorus-3"), self.args.timeout)
                if self.check(one, "chorus --repeat 1") and self.check(three, "chorus --repeat 3"):
                    walls = self.round_walls(three.stderr)
                    if len(walls) >= 3:
                        runs["chorus-repeat"].extend(walls[1:3])
                    else:
                        self.results["notes"].append(
                            "chorus --repeat 3 printed no per-round wall times on stderr; "
                            f"got: {three.stderr.strip()[-300:]!r}")
                    # The two extra rounds are what --repeat 3 costs beyond --repeat 1.
                    runs["chorus-cpu"].append(((three.cpu - one.cpu) / 2,
                                               (three.server - one.server) / 2))
            if "enginebench" in tools:
                log(f"warm N={count} enginebench --rounds 3 round {r + 1}")
                argv = self.argv("enginebench", count, "uname -n", fanout) + ["--rounds", "3"]
                run = measure(argv, self.fleet, self.env, self.workdir, self.out_path("engine-warm"),
                              self.args.timeout)
                if self.check(run, "enginebench --rounds 3", expect_text=False):
                    with open(run.out_path) as f:
                        report = json.load(f)
                    runs["enginebench-warm"].extend(report["rounds"][1:3])
            if "clush" in tools:
                control = os.path.join(self.workdir, f"cm{r}")
                os.makedirs(control, exist_ok=True)
                # clush reads -o through configparser, which wants % doubled.
                persist = (f"-o ControlMaster=auto -o ControlPersist=300 "
                           f"-o ControlPath={shlex.quote(control)}/%%C")
                argv = self.argv("clush", count, "uname -n", fanout, extra_ssh=persist)
                for k in range(3):
                    log(f"warm N={count} clush ControlPersist run {k + 1} round {r + 1}")
                    # The masters' sessions are alive: do not wait for the server to close them.
                    run = measure(argv, self.fleet, self.env, self.workdir, self.out_path("clush-cp"),
                                  self.args.timeout, extra_cpu=lambda: self.master_cpu(control),
                                  wait_server=False)
                    if not self.check(run, f"clush ControlPersist run {k + 1}"):
                        break
                    (runs["clush-cold"] if k == 0 else runs["clush-persist"]).append(run)
                self.stop_masters(control)
                self.fleet.wait_connections_closed()
        if runs["chorus-repeat"]:
            out["chorus_round_wall"] = statistics.median(runs["chorus-repeat"])
        if runs["chorus-cpu"]:
            out["chorus_round_cpu"] = statistics.median(c for c, _ in runs["chorus-cpu"])
            out["chorus_round_server"] = statistics.median(s for _, s in runs["chorus-cpu"])
        if runs["enginebench-warm"]:
            rounds = runs["enginebench-warm"]
            out["engine_round_wall"] = statistics.median(x["wallMs"] / 1000 for x in rounds)
            out["engine_round_cpu"] = statistics.median(
                (x["engineCpuMs"] + x["mainThreadCpuMs"]) / 1000 for x in rounds)
            out["engine_cpu_per_host_ms"] = statistics.median(x["engineCpuMsPerHost"] for x in rounds)
        if runs["clush-persist"]:
            p = runs["clush-persist"]
            out["clush_round_wall"] = statistics.median(x.wall for x in p)
            out["clush_round_cpu"] = statistics.median(x.cpu for x in p)
            out["clush_round_server"] = statistics.median(x.server for x in p)
            out["clush_round_maxrss_kb"] = max(x.maxrss_kb for x in p)
        if runs["clush-cold"]:
            out["clush_first_wall"] = statistics.median(x.wall for x in runs["clush-cold"])
        self.results["warm"] = out

    @staticmethod
    def round_walls(stderr):
        """Per-round wall times from `chorus run --repeat` (seconds), in order."""
        walls = []
        for line in stderr.splitlines():
            if not re.search(r"round", line, re.I):
                continue
            m = re.search(r"(\d+(?:\.\d+)?)\s*(ms|s)\b", line)
            if m:
                value = float(m.group(1))
                walls.append(value / 1000 if m.group(2) == "ms" else value)
        return walls

    def throughput(self, tools):
        size = self.args.throughput_mib * MIB
        command = f"head -c {size} /dev/zero"
        out = {"mib": self.args.throughput_mib}
        for count in self.args.throughput_hosts:
            names = self.names(count)
            entries = {}
            candidates = ["ssh"] + [t for t in ("chorus", "enginebench") if t in tools]
            results = {t: [] for t in candidates}
            for r in range(self.args.throughput_rounds):
                for tool in candidates:
                    what = f"throughput {count} host(s) {tool} round {r + 1}"
                    log(what)
                    shell = False
                    if tool == "ssh":
                        # One ssh per host at once; fails when any of them fails.
                        cfg = shlex.quote(self.fleet.config)
                        argv = ("pids=; " + " ".join(
                            f"ssh -F {cfg} {n} {shlex.quote(command)} >/dev/null & pids=\"$pids $!\";"
                            for n in names) + " rc=0; for p in $pids; do wait $p || rc=1; done; exit $rc")
                        shell = True
                    elif tool == "chorus":
                        argv = [self.chorus_bin, "run", "-F", self.fleet.config, "-f", "64",
                                "-w", self.fold(names), command]
                    else:
                        argv = self.argv("enginebench", count, command, 64)
                    run = measure(argv, self.fleet, self.env, self.workdir, self.out_path("tp"),
                                  self.args.timeout, shell=shell, discard_output=tool != "enginebench")
                    if not self.check(run, what, expect_text=False):
                        continue
                    if tool == "enginebench":
                        with open(run.out_path) as f:
                            if not json.load(f)["ok"]:
                                continue
                    results[tool].append(run)
            for tool, runs in results.items():
                if runs:
                    wall = statistics.median(r.wall for r in runs)
                    entries[tool] = {
                        "wall": wall,
                        "best_wall": min(r.wall for r in runs),
                        "mib_per_s": count * self.args.throughput_mib / wall,
                        "cpu": statistics.median(r.cpu for r in runs),
                        "server": statistics.median(r.server for r in runs),
                        "maxrss_kb": max(r.maxrss_kb for r in runs),
                    }
            out[count] = entries
        self.results["throughput"] = out

    def memory(self):
        count = self.args.idle_n
        log(f"memory: {count} idle open connections (enginebench --idle-rss)")
        argv = [self.engine_bin, "-F", self.fleet.config, "-f", str(self.args.fanout), "-w",
                self.fold(self.names(count)), "--command", "true", "--idle-rss"]
        run = measure(argv, self.fleet, self.env, self.workdir, self.out_path("idle"),
                      self.args.timeout)
        if self.check(run, "enginebench --idle-rss", expect_text=False):
            with open(run.out_path) as f:
                report = json.load(f)
            idle = report["idle"]
            self.results["memory"] = {
                "n": count,
                "open": idle["openConnections"],
                "kb_per_connection": idle["kbPerConnection"],
                "kb_per_connection_trimmed": idle["kbPerConnectionAfterMallocTrim"],
                "baseline_kb": report["memoryBeforeConnecting"]["vmRssKb"],
                "idle_kb": idle["memory"]["vmRssKb"],
            }

    # --- report ------------------------------------------------------------------------------

    def run(self):
        args = self.args
        have = self.available_tools()
        tools = [t for t in args.tools if have.get(t)]
        for t in args.tools:
            if not have.get(t):
                note = f"{LABELS.get(t, t)} is not available and was left out"
                if t == "chorus":
                    note += (" (`chorus run --help` did not answer with --repeat: the CLI is missing "
                             "or older); ratios are to the engine alone instead")
                self.results["notes"].append(note)
                log("NOTE: " + note)
        if not os.access(self.fleet_bin, os.X_OK):
            raise RuntimeError(f"{self.fleet_bin} is missing: build the tree first (make build)")
        # `chorus` and `chorus-enginebench` must hold the same engine, or their lines compare two
        # versions of it: make bench relinks both, a build of one target does not.
        engine_lib = os.path.join(self.build, "sshworker", "libchorus_sshworker.a")
        for binary in (self.chorus_bin, self.engine_bin):
            if os.path.exists(binary) and os.path.exists(engine_lib) and \
                    os.path.getmtime(binary) + 1 < os.path.getmtime(engine_lib):
                note = (f"{os.path.relpath(binary, self.build)} is older than the engine library it "
                        "links: rebuild it, or its numbers are an older engine's")
                self.results["notes"].append(note)
                log("WARNING: " + note)
        self.results["tools"] = tools
        self.results["started"] = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        self.results["machine"] = machine_description()
        self.results["user"] = f"{pwd.getpwuid(os.getuid()).pw_name} (uid {os.getuid()})"
        self.results["load_before"] = loadavg()
        self.results["versions"] = {
            "ssh": tool_version(["ssh", "-V"]),
            "pssh": tool_version(["parallel-ssh", "--version"]),
            "clush": tool_version(["clush", "--version"]),
            "ansible": tool_version(["ansible", "--version"]),
            "asyncssh": tool_version([self.python_asyncssh or "python3", "-W", "ignore", "-c",
                                      "import asyncssh; print(asyncssh.__version__)"]),
        }
        hosts = max(list(args.sizes) + [args.warm_n, args.idle_n] + list(args.throughput_hosts))
        log(f"starting a fleet of {hosts} hosts")
        self.fleet = Fleet(self.fleet_bin, hosts, self.workdir)
        clock = time.monotonic()
        try:
            self.login_shell_cost()
            if args.sizes:
                self.cold(tools)
            if not args.skip_warm:
                self.warm(tools)
            if not args.skip_throughput:
                self.throughput(tools)
            if not args.skip_memory and "enginebench" in tools:
                self.memory()
        finally:
            self.fleet.stop()
        self.results["minutes"] = (time.monotonic() - clock) / 60
        self.results["load_after"] = loadavg()
        return self.report(tools)

    @staticmethod
    def ratio(value, base):
        if value is None or base is None or base <= 0:
            return "–"
        return f"{value / base:.2f}×"

    def report(self, tools):
        r = self.results
        base_tool = "chorus" if "chorus" in tools else "enginebench"
        lines = [f"# Chorus benchmark ({'quick' if self.args.quick else 'full'} run)", ""]
        lines += [f"- Date: {r['started']}, {r['minutes']:.1f} min",
                  f"- Machine: {r['machine']}",
                  f"- User: {r['user']}; load average before {r['load_before']}, after "
                  f"{r['load_after']}",
                  f"- Fanout {self.args.fanout} for every tool; medians of {self.args.rounds} "
                  f"round(s); one sshd session costs the server "
                  f"{r.get('session_server_cpu_ms', 0):.1f} ms CPU (`ssh host true`)",
                  "- Versions: " + "; ".join(f"{k} {v}" for k, v in r["versions"].items()),
                  f"- Ratios are to {LABELS[base_tool]} (lower is better for Chorus when above 1)",
                  ""]
        for count, section in r["cold"].items():
            summary = section["summary"]
            base = summary.get(base_tool)
            lines += [f"## Cold `uname -n`, N = {count}", "",
                      "| tool | wall s | × | client CPU s | × | client CPU / host ms | "
                      "server CPU s | × | max RSS MB | × | peak PSS (all processes) MB | × |",
                      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
            for tool in tools:
                s = summary.get(tool)
                if not s:
                    continue
                b = base or {}
                pss = s["peak_pss_kb"]
                lines.append(
                    f"| {LABELS[tool]} | {s['wall']:.2f} | {self.ratio(s['wall'], b.get('wall'))} "
                    f"| {s['cpu']:.2f} | {self.ratio(s['cpu'], b.get('cpu'))} "
                    f"| {s['cpu_per_host_ms']:.2f} "
                    f"| {s['server']:.2f} | {self.ratio(s['server'], b.get('server'))} "
                    f"| {s['maxrss_kb'] / 1024:.1f} | {self.ratio(s['maxrss_kb'], b.get('maxrss_kb'))} "
                    f"| {f'{pss / 1024:.1f}' if pss else '–'} | {self.ratio(pss, b.get('peak_pss_kb'))} |")
            engine = section.get("engine")
            if engine:
                lines += ["", f"Engine threads alone (chorus-enginebench, N = {count}): "
                          f"{engine['engine_cpu_per_host_ms']:.2f} ms CPU per host to connect, "
                          f"authenticate and run, {engine['teardown_cpu_per_host_ms']:.3f} ms per host "
                          f"to disconnect; the caller's thread {engine['main_thread_cpu_per_host_ms']:.3f} "
                          f"ms per host; run wall {engine['engine_wall']:.2f} s."]
            lines.append("")
        w = r.get("warm") or {}
        if w:
            lines += [f"## Warm rounds, N = {w['n']}", "",
                      "| tool | wall s per round | client CPU s per round | server CPU s per round |",
                      "|---|---:|---:|---:|"]

            def fmt(v):
                return f"{v:.3f}" if v is not None else "–"
            if "chorus_round_wall" in w or "chorus_round_cpu" in w:
                lines.append(f"| {LABELS['chorus-repeat']} | {fmt(w.get('chorus_round_wall'))} | "
                             f"{fmt(w.get('chorus_round_cpu'))} | {fmt(w.get('chorus_round_server'))} |")
            if "engine_round_wall" in w:
                lines.append(f"| {LABELS['enginebench-warm']} | {fmt(w['engine_round_wall'])} | "
                             f"{fmt(w['engine_round_cpu'])} | – |")
            if "clush_round_wall" in w:
                lines.append(f"| {LABELS['clush-persist']} | {fmt(w['clush_round_wall'])} | "
                             f"{fmt(w['clush_round_cpu'])} | {fmt(w['clush_round_server'])} |")
            if "clush_first_wall" in w:
                lines.append(f"| clush, ControlPersist, first run (opens the masters) | "
                             f"{fmt(w['clush_first_wall'])} | – | – |")
            lines.append("")
        t = r.get("throughput") or {}
        for count in self.args.throughput_hosts:
            entries = t.get(count)
            if not entries:
                continue
            base = entries.get("ssh", {})
            lines += [f"## Throughput: {t['mib']} MiB of output from each of {count} host(s)", "",
                      "| tool | wall s | MiB/s | × ssh | best round s | client CPU s | server CPU s | "
                      "max RSS MB |",
                      "|---|---:|---:|---:|---:|---:|---:|---:|"]
            for tool in ("ssh", "chorus", "enginebench"):
                e = entries.get(tool)
                if e:
                    rel = f"{e['mib_per_s'] / base['mib_per_s']:.2f}" if base else "–"
                    lines.append(f"| {LABELS[tool]} | {e['wall']:.2f} | {e['mib_per_s']:.0f} | {rel} | "
                                 f"{e['best_wall']:.2f} | {e['cpu']:.2f} | {e['server']:.2f} | "
                                 f"{e['maxrss_kb'] / 1024:.1f} |")
            lines.append("")
        m = r.get("memory") or {}
        if m:
            lines += [f"## Memory: {m['open']} idle open connections", "",
                      f"{m['kb_per_connection']:.1f} kB RSS per connection "
                      f"(VmRSS {m['idle_kb'] / 1024:.1f} MB "
                      f"with them open, {m['baseline_kb'] / 1024:.1f} MB before connecting); "
                      f"{m['kb_per_connection_trimmed']:.1f} kB after malloc_trim(0).", ""]
        lines += self.targets(tools)
        if r["notes"]:
            lines += ["## Notes", ""] + [f"- {n}" for n in r["notes"]] + [""]
        return "\n".join(lines)

    def targets(self, tools):
        r = self.results
        rows = []

        def add(name, value, goal, ok, detail):
            rows.append(f"| {name} | {value} | {goal} | {'PASS' if ok else 'MISS'} | {detail} |")

        base_tool = "chorus" if "chorus" in tools else "enginebench"
        for count, section in r["cold"].items():
            s = section["summary"]
            mine = s.get(base_tool)
            if not mine:
                continue
            per_host = mine["cpu_per_host_ms"]
            detail = f"{per_host / 2:.2f}× the target" if per_host > 2 else ""
            engine = section.get("engine")
            if engine and per_host > 2:
                own = engine["engine_cpu_per_host_ms"] + engine["teardown_cpu_per_host_ms"]
                detail += (f"; the engine's threads alone take {own:.2f} ms per host, the rest is "
                           f"process start-up and exit spread over {count} hosts")
            add(f"client CPU per host, cold, N={count}", f"{per_host:.2f} ms", "≤ 2 ms", per_host <= 2,
                detail)
            for peer, factor in (("pssh", 40), ("clush", 40), ("asyncssh", 5)):
                if peer in s and mine["cpu"] > 0:
                    less = s[peer]["cpu"] / mine["cpu"]
                    add(f"client CPU vs {peer}, N={count}", f"{less:.1f}× less", f"≥ {factor}× less",
                        less >= factor, f"short by {factor / less:.1f}×" if less < factor else "")
            if count >= 100:
                peers = {p: s[p]["wall"] for p in ("pssh", "clush", "ansible", "asyncssh") if p in s}
                if peers:
                    fastest = min(peers, key=peers.get)
                    rel = mine["wall"] / peers[fastest]
                    add(f"cold wall time, N={count}", f"{rel:.2f}× {fastest}", "≤ 0.8× fastest peer",
                        rel <= 0.8, f"{rel / 0.8:.2f}× the target" if rel > 0.8 else "")
        w = r.get("warm") or {}
        if "clush_round_wall" in w and ("chorus_round_wall" in w or "engine_round_wall" in w):
            mine = w.get("chorus_round_wall", w.get("engine_round_wall"))
            rel = mine / w["clush_round_wall"]
            add(f"warm round, N={w['n']}", f"{rel:.2f}× clush ControlPersist", "≤ 0.2×", rel <= 0.2,
                f"{rel / 0.2:.2f}× the target" if rel > 0.2 else "")
        t = (r.get("throughput") or {}).get(1)
        if t and "ssh" in t and (base_tool in t):
            rel = t[base_tool]["mib_per_s"] / t["ssh"]["mib_per_s"]
            add("single-host throughput", f"{rel * 100:.0f} % of ssh", "≥ 70 %", rel >= 0.7,
                f"short by {70 - rel * 100:.0f} points" if rel < 0.7 else "")
        m = r.get("memory") or {}
        if m:
            kb = m["kb_per_connection"]
            add(f"RSS per idle connection, {m['open']} open", f"{kb:.0f} kB", "≤ 150 kB", kb <= 150,
                f"{kb / 150:.2f}× the target" if kb > 150 else "")
        if not rows:
            return []
        return ["## Targets", "", "| target | measured | goal | | by how much |",
                "|---|---:|---|---|---|"] + rows + [""]


def parse_list(text):
    return [int(x) for x in text.split(",") if x.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.path.join(REPO, "build"))
    parser.add_argument("--quick", action="store_true",
                        help="smoke run of the harness: N=10 only, one round, 10 MiB, no memory sampling")
    parser.add_argument("--sizes", type=parse_list, default=[10, 100, 500],
                        help="cold N list, e.g. 10,100,500")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--fanout", type=int, default=64)
    parser.add_argument("--tools", default=",".join(ALL_TOOLS),
                        help="comma list of " + ", ".join(ALL_TOOLS))
    parser.add_argument("--ansible-max-n", type=int, default=500,
                        help="leave Ansible out above this N (it is by far the slowest)")
    parser.add_argument("--warm-n", type=int, default=100)
    parser.add_argument("--throughput-mib", type=int, default=100)
    parser.add_argument("--throughput-hosts", type=parse_list, default=[1, 4])
    parser.add_argument("--throughput-rounds", type=int, default=5,
                        help="rounds per throughput case (a round takes about a second)")
    parser.add_argument("--idle-n", type=int, default=500)
    parser.add_argument("--memory-sizes", type=parse_list,
                        help="cold N at which one extra round per tool samples the PSS of all its "
                             "processes (default: the sizes up to 100; pass '' for none)")
    parser.add_argument("--skip-warm", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--timeout", type=int, default=600, help="seconds one tool run may take")
    parser.add_argument("--output", help="also write the markdown report here")
    parser.add_argument("--json", help="write every measurement here")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (outputs, logs)")
    args = parser.parse_args()
    args.tools = [t for t in args.tools.split(",") if t]
    unknown = set(args.tools) - set(ALL_TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    if args.quick:
        args.sizes, args.rounds, args.warm_n, args.idle_n = [10], 1, 10, 10
        args.throughput_mib, args.throughput_hosts, args.memory_sizes = 10, [1], []
        args.throughput_rounds = 1
    if args.memory_sizes is None:
        # Fork-per-host tools peak once fanout processes run at once, so N = 100 shows it; an
        # extra round at N = 500 would cost minutes.
        args.memory_sizes = [n for n in args.sizes if n <= 100]
    if args.rounds < 1 or args.fanout < 1 or any(n < 1 or n > 500 for n in args.sizes):
        parser.error("rounds and fanout must be positive, sizes 1 to 500")

    # ControlPersist masters and other orphans of the tools become our children, so their CPU
    # can be counted and they can be reaped.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass

    bench = Bench(args)
    try:
        report = bench.run()
    except (RuntimeError, KeyboardInterrupt) as error:
        print(f"bench.py: {error}", file=sys.stderr)
        return 1
    finally:
        if args.json:
            with open(args.json, "w") as f:
                json.dump(bench.results, f, indent=1, default=str)
        if args.keep:
            log(f"work directory kept: {bench.workdir}")
        else:
            shutil.rmtree(bench.workdir, ignore_errors=True)
    print(report)
    if args.output:
        with open(args.output, "w") as f:
            f.write(report + "\n")
    failures = [n for n in bench.results["notes"] if " failed: " in n]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
