#!/usr/bin/env python3
"""Chorus/OpenSSH interoperability suite.

The project's rule: for any host, `chorus run` connects if and only if `ssh -F <same config> host`
connects, with the same identity and the same host-key decision. Each case here starts its own
servers on 127.0.0.x, writes an ssh_config (keys, known_hosts) into its own temporary folder, runs
both clients against it and compares what happened. See README.md beside this file.

Python 3.11 standard library only. Run as root (as CI does): several cases need a throwaway user,
network namespaces or servers that log in a user other than the one running the suite.
"""

import argparse
import base64
import fnmatch
import os
import pwd
import re
import secrets
import selectors
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from testprocs import (SetupError, Skip, alive, cmdline, descendants, kill_pids, proc_table,  # noqa: E402
                       session_members, wait_until)

MARK = "interop-ok"
TIMEOUT = 30.0  # every subprocess call
PROXY_EXIT_LIMIT = 10.0  # proxycommand-nc: "exits within a few seconds"; a hang waits for TIMEOUT
SSHD = "/usr/sbin/sshd"
ADDRESS_BASE = 100  # case n listens on 127.0.0.(ADDRESS_BASE + n)


# ---------------------------------------------------------------------------------------------
# Processes: everything is started in its own session (so its process group is known), every
# wait is bounded, and at the end every process tree we started is killed.


class Spawned:
    """A background process (server, agent, forwarder) in its own session and process group."""

    def __init__(self, argv, log_path, env=None, cwd=None):
        self.argv = argv
        self.log_path = log_path
        self.log = open(log_path, "ab")
        self.popen = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                                      env=env, cwd=cwd, start_new_session=True)
        self.pid = self.popen.pid
        self.stopped = False

    def stop(self):
        if self.stopped:  # never twice: by then the pid may belong to someone else
            return
        self.stopped = True
        # Children first collected: sshd's per-connection children start sessions of their own,
        # and once the listener is gone they would no longer be found through it.
        table = proc_table()
        tree = descendants([self.pid], table)
        tree |= {pid for pid, (_pp, pgrp, _sid, st) in table.items() if pgrp == self.pid and st != "Z"}
        kill_pids(tree)
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.log.close()


def run_tool(argv, timeout=TIMEOUT, input_bytes=None, env=None, check=True):
    """A short helper command (ssh-keygen, useradd, ip ...): output captured, bounded."""
    try:
        proc = subprocess.run(argv, input=input_bytes, stdin=None if input_bytes is not None else subprocess.DEVNULL,
                              capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as e:
        raise SetupError(f"{' '.join(argv)} timed out after {timeout:.0f} s") from e
    except OSError as e:
        raise SetupError(f"{argv[0]}: {e}") from e
    if check and proc.returncode != 0:
        raise SetupError(f"{' '.join(argv)} exited {proc.returncode}: "
                         f"{trim(proc.stdout.decode('utf-8', 'replace') + proc.stderr.decode('utf-8', 'replace'))}")
    return proc


def trim(text, limit=400):
    text = " | ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return text if len(text) <= limit else text[:limit] + " ..."


class ClientRun:
    """What one client invocation did."""

    def __init__(self, argv):
        self.argv = argv
        self.rc = None
        self.out = ""
        self.err = ""
        self.elapsed = 0.0
        self.timed_out = False
        self.leftovers = []  # command lines still running in the client's session after it exited
        self.logs = {}  # server name -> what its log gained during this run
        self.note = ""

    def ok(self, lines=None):
        if self.rc != 0 or self.timed_out:
            return False
        if lines is None:
            return MARK in self.out.split()
        return all(line in self.out.splitlines() for line in lines)

    def summary(self):
        state = "timed out" if self.timed_out else f"rc={self.rc}"
        text = trim(self.out + "\n" + self.err)
        note = f" ({self.note})" if self.note else ""
        return f"[{state}, {self.elapsed:.1f} s] {text or '(no output)'}{note}"


class Client:
    """Starts one client process and collects it; several can run at once (maxstartups)."""

    def __init__(self, argv, env, cwd, stdin_bytes=None):
        self.run = ClientRun(argv)
        self.start = time.monotonic()
        self.chunks = {"out": [], "err": []}
        self.popen = None
        for attempt in range(30):  # the Chorus binary is rebuilt by others now and then
            try:
                self.popen = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd,
                                              start_new_session=True)
                break
            except OSError as e:
                if attempt == 29:
                    raise SetupError(f"cannot start {argv[0]}: {e}") from e
                time.sleep(2)
        self.start = time.monotonic()
        self.threads = [threading.Thread(target=self._read, args=(self.popen.stdout, "out"), daemon=True),
                        threading.Thread(target=self._read, args=(self.popen.stderr, "err"), daemon=True)]
        for t in self.threads:
            t.start()
        if stdin_bytes is not None:
            try:
                self.popen.stdin.write(stdin_bytes)
                self.popen.stdin.close()
            except OSError:
                pass

    def _read(self, pipe, which):
        while True:
            data = pipe.read1(65536)
            if not data:
                break
            self.chunks[which].append(data)

    def finish(self, deadline):
        run = self.run
        try:
            self.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            run.timed_out = True
        run.elapsed = time.monotonic() - self.start
        if run.timed_out:
            stuck = descendants([self.popen.pid]) | session_members(self.popen.pid)
            run.note = "still running at the timeout: " + ", ".join(
                " ".join(cmdline(p))[:120] for p in sorted(stuck) if cmdline(p))
            kill_pids(stuck)
            try:
                self.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        # Whatever the client left running in its session (a ProxyCommand, say) is a leftover.
        end = time.monotonic() + 3
        left = session_members(self.popen.pid)
        while left and time.monotonic() < end:
            time.sleep(0.1)
            left = session_members(self.popen.pid)
        run.leftovers = [" ".join(cmdline(p)) or str(p) for p in sorted(left)]
        if left:
            kill_pids(left)
        for t in self.threads:
            t.join(timeout=5)
        run.rc = self.popen.returncode
        run.out = b"".join(self.chunks["out"]).decode("utf-8", "replace")
        run.err = b"".join(self.chunks["err"]).decode("utf-8", "replace")
        return run


# ---------------------------------------------------------------------------------------------
# Small helpers


def free_port(addr):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((addr, 0))
        return s.getsockname()[1]


def listening(addr, port, pid=None):
    """Whether a socket listens on addr:port in the network namespace of pid (or ours)."""
    path = f"/proc/{pid}/net/tcp" if pid else "/proc/net/tcp"
    want = "%08X:%04X" % (struct.unpack("<I", socket.inet_aton(addr))[0], port)
    try:
        with open(path) as f:
            next(f)
            for line in f:
                fields = line.split()
                if fields[1] == want and fields[3] == "0A":
                    return True
    except (OSError, StopIteration):
        pass
    return False


def read_from(path, offset):
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


def size_of(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def write_file(path, text, mode=0o644):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)
    return path


def pub_fields(pub_path):
    with open(pub_path) as f:
        parts = f.read().split()
    return f"{parts[0]} {parts[1]}"


# ---------------------------------------------------------------------------------------------
# Servers


class Server:
    """One SSH server of a case: its address, port, log and how it names an accepted login."""

    kind = "sshd"

    def __init__(self, name, addr, port, log_path, proc, host_pub):
        self.name = name
        self.addr = addr
        self.port = port
        self.log_path = log_path
        self.proc = proc
        self.host_pub = host_pub  # "type base64"

    def known_line(self, pattern=None):
        return f"{pattern or f'[{self.addr}]:{self.port}'} {self.host_pub}"

    def accepted(self, text):
        """Accepted logins in a piece of this server's log: list of (method, user, key description)."""
        found = []
        # "Partial" is a method that succeeded where AuthenticationMethods asks for more than one.
        for m in re.finditer(r"(?:Accepted|Partial) (\S+) for (\S+) from \S+ port \d+ ssh2(?:: ([^\n]*))?", text):
            found.append((m.group(1), m.group(2), m.group(3) or ""))
        return found


class DropbearServer(Server):
    kind = "dropbear"

    def accepted(self, text):
        found = []
        for m in re.finditer(r"Pubkey auth succeeded for '([^']+)' with (\S+) key (\S+)", text):
            found.append(("publickey", m.group(1), f"{m.group(2)} {m.group(3)}"))
        for m in re.finditer(r"Password auth succeeded for '([^']+)'", text):
            found.append(("password", m.group(1), ""))
        return found


class TinysshServer(Server):
    kind = "tinysshd"

    def accepted(self, text):
        # tinysshd -v: "info: auth: USER: ssh-ed25519 BASE64 accepted" (the key itself, no fingerprint)
        return [("publickey", m.group(1), f"{m.group(2)} {m.group(3)}")
                for m in re.finditer(r"auth: (\S+): (\S+) (\S+) accepted", text)]


# ---------------------------------------------------------------------------------------------
# The suite


class ThrowawayUser:
    """chorus-ia<pid>: a local user with a password and a home in the suite's folder, for the
    password cases and for servers (dropbear, tinysshd) that only read ~/.ssh/authorized_keys."""

    def __init__(self, base_dir):
        self.name = f"chorus-ia{os.getpid()}"
        self.password = "Ia-" + secrets.token_urlsafe(12)
        # Not under /tmp: tinysshd refuses an authorized_keys below a directory others can write
        # to, sticky or not. Made and removed by this class.
        self.home = f"/home/{self.name}"
        self.made = False
        self.uid = None

    def create(self):
        if self.made:
            return
        if os.getuid() != 0:
            raise Skip("needs root to create a throwaway user")
        if shutil.which("useradd") is None:
            raise Skip("useradd is not installed")
        try:
            pwd.getpwnam(self.name)
            raise SetupError(f"user {self.name} already exists")
        except KeyError:
            pass
        if os.path.exists(self.home):
            raise SetupError(f"{self.home} already exists")
        run_tool(["useradd", "-M", "-d", self.home, "-s", "/bin/sh", self.name])
        self.made = True
        os.makedirs(os.path.join(self.home, ".ssh"))
        run_tool(["chpasswd"], input_bytes=f"{self.name}:{self.password}\n".encode())
        entry = pwd.getpwnam(self.name)
        self.uid = entry.pw_uid
        ak = os.path.join(self.home, ".ssh", "authorized_keys")
        write_file(ak, "", 0o600)
        for path in (self.home, os.path.join(self.home, ".ssh"), ak):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chmod(self.home, 0o755)
        os.chmod(os.path.join(self.home, ".ssh"), 0o700)

    def authorize(self, pub_path):
        with open(pub_path) as src, open(os.path.join(self.home, ".ssh", "authorized_keys"), "a") as dst:
            dst.write(src.read())

    def remove(self):
        if not self.made:
            return
        # Its processes first (by uid, ours alone), or userdel refuses.
        for _ in range(3):
            mine = []
            for pid in proc_table():
                try:
                    with open(f"/proc/{pid}/status") as f:
                        for line in f:
                            if line.startswith("Uid:") and int(line.split()[1]) == self.uid:
                                mine.append(pid)
                except OSError:
                    pass
            if not mine:
                break
            kill_pids(mine)
        shutil.rmtree(self.home, ignore_errors=True)
        proc = run_tool(["userdel", self.name], check=False)
        if proc.returncode != 0:
            print(f"warning: userdel {self.name} failed: {trim(proc.stderr.decode())}", file=sys.stderr)
        self.made = False


class Suite:
    def __init__(self, chorus, keep, verbose):
        self.chorus = chorus
        self.keep = keep
        self.verbose = verbose
        self.root = tempfile.mkdtemp(prefix="chorus-interop-")
        os.chmod(self.root, 0o755)  # the throwaway user's servers read files in here
        self.home = os.path.join(self.root, "client-home")
        for sub in ("", ".config", ".local/share", ".cache", ".local/state", "run"):
            os.makedirs(os.path.join(self.home, sub), exist_ok=True)
        os.chmod(os.path.join(self.home, "run"), 0o700)
        self.user = ThrowawayUser(self.root)
        self.spawned = []
        self.netns = []
        self.local_user = pwd.getpwuid(os.getuid()).pw_name

    def spawn(self, argv, log_path, env=None, cwd=None):
        proc = Spawned(argv, log_path, env=env, cwd=cwd)
        self.spawned.append(proc)
        return proc

    def add_netns(self, name):
        run_tool(["ip", "netns", "add", name])
        self.netns.append(name)
        run_tool(["ip", "-n", name, "link", "set", "lo", "up"])

    def stop_servers(self, procs=None):
        procs = list(self.spawned) if procs is None else procs
        for proc in procs:
            proc.stop()
            if proc in self.spawned:
                self.spawned.remove(proc)

    def cleanup(self):
        self.stop_servers()
        for name in self.netns:
            run_tool(["ip", "netns", "del", name], check=False)
        self.netns = []
        self.user.remove()
        if self.keep:
            print(f"kept {self.root}")
        else:
            shutil.rmtree(self.root, ignore_errors=True)

    def client_env(self, auth_sock=None, extra=None):
        drop = ("SSH_", "DBUS_", "DISPLAY", "WAYLAND_", "QT_", "LANGUAGE", "LC_", "XDG_")
        env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
        env.update(HOME=self.home, XDG_CONFIG_HOME=os.path.join(self.home, ".config"),
                   XDG_DATA_HOME=os.path.join(self.home, ".local/share"),
                   XDG_CACHE_HOME=os.path.join(self.home, ".cache"),
                   XDG_STATE_HOME=os.path.join(self.home, ".local/state"),
                   XDG_RUNTIME_DIR=os.path.join(self.home, "run"),
                   LANG="C.UTF-8", LC_ALL="C.UTF-8", QT_QPA_PLATFORM="offscreen")
        if auth_sock:
            env["SSH_AUTH_SOCK"] = auth_sock
        env.update(extra or {})
        return env

    def wait_for_chorus(self):
        return wait_until(lambda: os.access(self.chorus, os.X_OK), 120, step=1)


class Ctx:
    """One case's folder, address, keys, servers and client runs."""

    def __init__(self, suite, name, number):
        self.suite = suite
        self.name = name
        self.dir = os.path.join(suite.root, name)
        os.makedirs(self.dir)
        os.chmod(self.dir, 0o755)
        self.addr = f"127.0.0.{ADDRESS_BASE + number}"
        self.servers = []
        self.procs = []
        self.reserved = []  # bound, never listening sockets: ports that refuse connections
        self.user = "root"

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    # keys -----------------------------------------------------------------
    def key(self, name, ktype="ed25519", bits=None):
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not os.path.exists(path):
            argv = ["ssh-keygen", "-q", "-t", ktype, "-N", "", "-C", f"interop-{self.name}-{name}", "-f", path]
            if bits:
                argv[4:4] = ["-b", str(bits)]
            run_tool(argv)
        return path

    @staticmethod
    def fingerprint(pub_path):
        out = run_tool(["ssh-keygen", "-l", "-E", "sha256", "-f", pub_path]).stdout.decode()
        return out.split()[1]

    def dead_port(self):
        """A port on our address that refuses connections for the rest of the case."""
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind((self.addr, 0))
        self.reserved.append(s)
        return s.getsockname()[1]

    # servers --------------------------------------------------------------
    def sshd(self, name="sshd", host_keys=(("ed25519", None),), options=None, addr=None, netns=None,
             authorized=None, log_level="VERBOSE", port=None):
        """An OpenSSH sshd: host keys of the given types, options overriding the defaults (first
        value wins in sshd_config, so the case's come first), authorized = list of .pub files."""
        addr = addr or self.addr
        sdir = self.path(name)
        os.makedirs(sdir, exist_ok=True)
        os.chmod(sdir, 0o755)
        keys = []
        for ktype, bits in host_keys:
            keys.append(self.key(f"{name}/host_{ktype}", ktype, bits))
        ak = os.path.join(sdir, "authorized_keys")
        write_file(ak, "".join(read_from(p, 0) for p in (authorized or [])), 0o644)
        log = os.path.join(sdir, "sshd.log")
        opts = dict(options or {})
        lines = []
        for key, value in opts.items():
            for v in (value if isinstance(value, list) else [value]):
                if v is not None:
                    lines.append(f"{key} {v}")
        defaults = [("HostKey", k) for k in keys] + [
            ("PidFile", os.path.join(sdir, "sshd.pid")), ("AuthorizedKeysFile", ak), ("UsePAM", "no"),
            ("StrictModes", "no"), ("LogLevel", log_level), ("PermitRootLogin", "prohibit-password"),
            ("PasswordAuthentication", "no"), ("KbdInteractiveAuthentication", "no"), ("UseDNS", "no"),
            ("PrintMotd", "no"), ("PrintLastLog", "no")]
        for key, value in defaults:
            if key not in opts or key == "HostKey":
                lines.append(f"{key} {value}")
        last_error = ""
        for _attempt in range(5):
            p = port or (free_port(addr) if netns is None else free_port(self.addr))
            conf = write_file(os.path.join(sdir, "sshd_config"),
                              f"ListenAddress {addr}:{p}\n" + "\n".join(lines) + "\n", 0o644)
            test = run_tool([SSHD, "-t", "-f", conf], check=False)
            if test.returncode != 0:
                raise SetupError(f"sshd -t rejects the configuration: {trim(test.stderr.decode())}")
            offset = size_of(log)
            argv = [SSHD, "-D", "-e", "-f", conf, "-E", log]
            if netns:
                argv = ["ip", "netns", "exec", netns] + argv
            proc = self.suite.spawn(argv, os.path.join(sdir, "sshd.stderr"))
            self.procs.append(proc)
            ready = wait_until(lambda: "Server listening on" in read_from(log, offset)
                               or proc.popen.poll() is not None, 10)
            if ready and proc.popen.poll() is None:
                host_pub = pub_fields(keys[0] + ".pub") if keys else ""
                srv = Server(name, addr, p, log, proc, host_pub)
                srv.host_keys = keys
                srv.dir = sdir
                self.servers.append(srv)
                return srv
            last_error = trim(read_from(log, offset) + read_from(proc.log_path, 0))
            self.suite.stop_servers([proc])
            if port:
                break
        raise SetupError(f"sshd {name} did not start: {last_error}")

    def agent(self, name, keys):
        """ssh-agent -D on a socket in the case folder, holding keys added in this order."""
        sock = self.path(f"{name}.sock")
        proc = self.suite.spawn(["ssh-agent", "-D", "-a", sock], self.path(f"{name}.log"))
        self.procs.append(proc)
        if not wait_until(lambda: os.path.exists(sock), 10):
            raise SetupError("ssh-agent did not create its socket")
        env = dict(os.environ, SSH_AUTH_SOCK=sock)
        for key in keys:
            run_tool(["ssh-add", "-q", key], env=env)
        listed = run_tool(["ssh-add", "-L"], env=env).stdout.decode().split("\n")
        listed = [" ".join(line.split()[:2]) for line in listed if line.strip()]
        want = [pub_fields(k + ".pub") for k in keys]
        if listed != want:
            raise SetupError("ssh-agent does not list the keys in the order they were added")
        return sock

    def tail(self, known_hosts=None, global_known_hosts=None, user=None, extra=""):
        """The Host * block every client config ends with (first value wins: cases come first)."""
        kh = known_hosts or self.path("known_hosts")
        gkh = global_known_hosts or self.path("global_known_hosts_absent")
        return (f"Host *\n    User {user or self.user}\n    UserKnownHostsFile {kh}\n"
                f"    GlobalKnownHostsFile {gkh}\n    StrictHostKeyChecking yes\n{extra}")

    # clients --------------------------------------------------------------
    def _offsets(self):
        return {s.name: size_of(s.log_path) for s in self.servers}

    def _collect(self, run, offsets):
        time.sleep(0.3)  # let the servers finish writing what the run made them log
        for s in self.servers:
            run.logs[s.name] = read_from(s.log_path, offsets.get(s.name, 0))

    def ssh(self, cfg, alias, auth_sock=None, env_extra=None, batch=True, timeout=TIMEOUT):
        return self.ssh_many(cfg, [alias], auth_sock, env_extra, batch, timeout)[0]

    def ssh_argv(self, cfg, alias, batch=True):
        argv = ["ssh", "-F", cfg]
        if batch:
            argv += ["-o", "BatchMode=yes"]
        return argv + [alias, "echo", MARK]

    def ssh_many(self, cfg, aliases, auth_sock=None, env_extra=None, batch=True, timeout=TIMEOUT):
        """One ssh process per alias, all at once; returns their runs in order."""
        env = self.suite.client_env(auth_sock, env_extra)
        offsets = self._offsets()
        clients = [Client(self.ssh_argv(cfg, a, batch), env, self.dir) for a in aliases]
        deadline = time.monotonic() + timeout
        runs = [c.finish(deadline) for c in clients]
        self._collect(runs[0], offsets)
        return runs

    def chorus_argv(self, cfg, aliases):
        return [self.suite.chorus, "run", "-F", cfg, "-w", ",".join(aliases), "--connect-timeout", "10",
                "--", "echo", MARK]

    def chorus(self, cfg, aliases, auth_sock=None, env_extra=None, stdin_bytes=None, timeout=TIMEOUT):
        if isinstance(aliases, str):
            aliases = [aliases]
        if not self.suite.wait_for_chorus():
            raise SetupError(f"{self.suite.chorus} is missing (waited 120 s)")
        env = self.suite.client_env(auth_sock, env_extra)
        offsets = self._offsets()
        run = Client(self.chorus_argv(cfg, aliases), env, self.dir, stdin_bytes).finish(time.monotonic() + timeout)
        self._collect(run, offsets)
        return run

    def chorus_on_pty(self, cfg, alias, secret, timeout=TIMEOUT):
        """Chorus with a pseudo-terminal on stdin, answering password prompts: tells whether the
        authentication itself works when Chorus can ask (informational)."""
        if not self.suite.wait_for_chorus():
            raise SetupError(f"{self.suite.chorus} is missing (waited 120 s)")
        master, slave = os.openpty()
        run = ClientRun(self.chorus_argv(cfg, [alias]))
        offsets = self._offsets()
        start = time.monotonic()
        try:
            popen = subprocess.Popen(run.argv, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=self.suite.client_env(), cwd=self.dir, start_new_session=True)
        finally:
            os.close(slave)
        sel = selectors.DefaultSelector()
        sel.register(popen.stdout, selectors.EVENT_READ, "out")
        sel.register(popen.stderr, selectors.EVENT_READ, "err")
        sel.register(master, selectors.EVENT_READ, "pty")
        out, err, answered, open_pipes = b"", b"", 0, 2
        deadline = start + timeout
        while open_pipes and time.monotonic() < deadline:
            for key, _ in sel.select(timeout=0.5):
                try:
                    data = os.read(key.fd, 4096)
                except OSError:
                    data = b""
                if not data:
                    sel.unregister(key.fileobj)
                    if key.data != "pty":
                        open_pipes -= 1
                elif key.data == "out":
                    out += data
                elif key.data == "err":
                    err += data
            prompts = len(re.findall(rb"(?i)password[^\n]*: ?$|password: ", err))
            if answered < min(prompts, 3):
                time.sleep(0.3)  # Chorus turns echo off (TCSAFLUSH) before it prints the prompt
                os.write(master, secret.encode() + b"\n")
                answered += 1
        try:
            popen.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            run.timed_out = True
            kill_pids(descendants([popen.pid]) | session_members(popen.pid))
            popen.wait(timeout=5)
        sel.close()
        os.close(master)
        popen.stdout.close()
        popen.stderr.close()
        run.rc, run.out, run.err = popen.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
        run.elapsed = time.monotonic() - start
        self._collect(run, offsets)
        return run

    def close(self):
        for s in self.reserved:
            s.close()
        self.suite.stop_servers(self.procs)


# ---------------------------------------------------------------------------------------------
# Verdicts


class Verdict:
    def __init__(self, passed, ssh, chorus, details="", note=""):
        self.passed = passed
        self.ssh = ssh
        self.chorus = chorus
        self.details = details
        self.note = note


def identity_problem(run, server, fingerprint=None, method="publickey", user=None, must_contain=None):
    """None when the server logged the expected login for this run, else what is wrong."""
    if server is None:
        return None
    logins = server.accepted(run.logs.get(server.name, ""))
    if not logins:
        return f"{server.name} logged no accepted login"
    for m, u, desc in logins:
        if m != method or (user and u and u != user):
            continue
        if fingerprint and fingerprint not in desc:
            continue
        if must_contain and must_contain not in desc:
            continue
        return None
    return f"{server.name} accepted {', '.join(f'{m} {d}'.strip() for m, _u, d in logins)}"


def label(run, problem=None):
    if run.timed_out:
        return "timeout"
    if run.rc == 0 and MARK in run.out:
        return "ok" if not problem else "ok-wrong-identity"
    return "fail"


def both_ok(ssh_run, chorus_run, identity=None, lines=None):
    """identity: callable(run) -> problem or None, applied to both clients."""
    problems = []
    labels = []
    for who, run in (("ssh", ssh_run), ("chorus", chorus_run)):
        problem = identity(run) if identity and run.rc == 0 else None
        ok = run.ok(lines) and not problem
        labels.append("ok" if ok else label(run, problem))
        if problem:
            problems.append(f"{who}: {problem}")
        if run.ok() and lines and not run.ok(lines):
            problems.append(f"{who}: not every host answered")
    passed = labels == ["ok", "ok"]
    return Verdict(passed, labels[0], labels[1], details=details(ssh_run, chorus_run, problems))


def both_refuse(ssh_run, chorus_run, words):
    """Both must fail; Chorus's stderr must name the reason (regex words, case-insensitive)."""
    ssh_label = "refused" if not ssh_run.ok() and not ssh_run.timed_out else label(ssh_run)
    ch_label = "refused" if not chorus_run.ok() and not chorus_run.timed_out else label(chorus_run)
    problems = []
    if ch_label == "refused" and not re.search(words, chorus_run.err, re.I):
        problems.append(f"chorus's stderr does not name the reason (expected /{words}/)")
        ch_label = "refused-without-reason"
    passed = ssh_label == "refused" and ch_label == "refused"
    return Verdict(passed, ssh_label, ch_label, details=details(ssh_run, chorus_run, problems))


def details(ssh_run, chorus_run, problems=()):
    parts = list(problems)
    if ssh_run is not None:
        parts.append(f"ssh {ssh_run.summary()}")
    if chorus_run is not None:
        parts.append(f"chorus {chorus_run.summary()}")
    return "; ".join(parts)


def key_identity(server, pub, **kw):
    fp = Ctx.fingerprint(pub)
    return lambda run: identity_problem(run, server, fp, **kw)


# ---------------------------------------------------------------------------------------------
# Cases

CASES = []


ROOT = "needs root: the servers run as root and log in root, as in CI"


def case(*names, root=ROOT):
    """Registers fn(ctx, name) under each name; root: why it needs root (every case does: an sshd
    started by another user can only log in that user, which the cases do not set up)."""
    def register(fn):
        for n in names:
            CASES.append((n, fn, root))
        return fn
    return register


def simple_config(ctx, srv, key, alias="ia-host", extra_host="", tail_extra="", **tail_kw):
    return write_file(ctx.path("ssh_config"),
                      f"Host {alias}\n    HostName {srv.addr}\n    Port {srv.port}\n"
                      f"    IdentityFile {key}\n{extra_host}\n" + ctx.tail(extra=tail_extra, **tail_kw))


def known_hosts(ctx, *lines, name="known_hosts"):
    return write_file(ctx.path(name), "".join(line + "\n" for line in lines))


@case("hostkey-ed25519", "hostkey-rsa", "hostkey-ecdsa")
def hostkey(ctx, name):
    ktype = name.split("-")[1]
    bits = {"rsa": 3072, "ecdsa": 256}.get(ktype)
    key = ctx.key("id")
    srv = ctx.sshd(host_keys=((ktype, bits),), authorized=[key + ".pub"])
    known_hosts(ctx, srv.known_line())
    cfg = simple_config(ctx, srv, key)
    ident = key_identity(srv, key + ".pub")
    return both_ok(ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host"), ident)


def password_case(ctx, name, sshd_options, method_checks):
    user = ctx.suite.user
    user.create()
    key = ctx.key("id")
    srv = ctx.sshd(options=sshd_options, authorized=[key + ".pub"])
    known_hosts(ctx, srv.known_line())
    cfg = simple_config(ctx, srv, key, user=user.name)
    askpass = write_file(ctx.path("askpass.sh"), f"#!/bin/sh\nprintf '%s\\n' '{user.password}'\n", 0o700)
    env = {"SSH_ASKPASS": askpass, "SSH_ASKPASS_REQUIRE": "force"}
    # BatchMode=yes turns password and keyboard-interactive off in ssh, so ssh runs without it
    # here; neither client has a terminal (own session, stdin /dev/null): both answer through
    # SSH_ASKPASS, as ssh users script it.
    ssh_run = ctx.ssh(cfg, "ia-host", env_extra=env, batch=False)
    ch_run = ctx.chorus(cfg, "ia-host", env_extra=env)

    def ident(run):
        for method, fp in method_checks(key):
            problem = identity_problem(run, srv, fp, method=method, user=user.name)
            if problem:
                return problem
        return None

    verdict = both_ok(ssh_run, ch_run, ident)
    if not verdict.passed and re.search(r"not a terminal", ch_run.err):
        verdict.details = ("Chorus cannot be given a password non-interactively (it asks only on a terminal; "
                           "stdin is read only for --sudo); " + verdict.details)
        pty_run = ctx.chorus_on_pty(cfg, "ia-host", user.password)
        pty_ok = pty_run.ok() and not ident(pty_run)
        verdict.details += (f"; on a pseudo-terminal chorus={'ok' if pty_ok else label(pty_run, ident(pty_run))} "
                            f"{pty_run.summary()}")
    return verdict


@case("auth-publickey-password", root="needs root to create a throwaway user with a password")
def auth_publickey_password(ctx, name):
    return password_case(
        ctx, name, {"AuthenticationMethods": "publickey,password", "PasswordAuthentication": "yes"},
        lambda key: [("publickey", Ctx.fingerprint(key + ".pub")), ("password", None)])


@case("auth-keyboard-interactive", root="needs root to create a throwaway user with a password")
def auth_keyboard_interactive(ctx, name):
    return password_case(
        ctx, name, {"UsePAM": "yes", "KbdInteractiveAuthentication": "yes", "PasswordAuthentication": "no",
                    "AuthenticationMethods": "keyboard-interactive"},
        lambda key: [("keyboard-interactive/pam", None)])


def aliases_config(ctx, srv, key, aliases):
    text = "".join(f"Host {a}\n    HostName {srv.addr}\n    Port {srv.port}\n    IdentityFile {key}\n"
                   for a in aliases)
    return write_file(ctx.path("ssh_config"), text + ctx.tail())


@case("maxsessions-1")
def maxsessions(ctx, name):
    key = ctx.key("id")
    srv = ctx.sshd(options={"MaxSessions": "1"}, authorized=[key + ".pub"])
    known_hosts(ctx, srv.known_line())
    aliases = [f"ia-ms{i}" for i in range(1, 5)]
    cfg = aliases_config(ctx, srv, key, aliases)
    ssh_runs = ctx.ssh_many(cfg, aliases)
    ch = ctx.chorus(cfg, aliases)
    ssh_ok = sum(r.ok() for r in ssh_runs)
    ch_ok = len({a for a in aliases if f"{a}: {MARK}" in ch.out.splitlines()})
    passed = ssh_ok == 4 and ch_ok == 4 and ch.rc == 0
    worst_ssh = next((r for r in ssh_runs if not r.ok()), ssh_runs[0])
    return Verdict(passed, f"{ssh_ok}/4" if ssh_ok < 4 else "ok", f"{ch_ok}/4" if ch_ok < 4 or ch.rc else "ok",
                   details=details(worst_ssh, ch))


@case("maxstartups-3", "maxstartups-default")
def maxstartups(ctx, name):
    key = ctx.key("id")
    opts = {"MaxStartups": "3"} if name == "maxstartups-3" else {}
    srv = ctx.sshd(options=opts, authorized=[key + ".pub"])
    known_hosts(ctx, srv.known_line())
    aliases = [f"ia-st{i:02d}" for i in range(1, 31)]
    cfg = aliases_config(ctx, srv, key, aliases)
    ssh_runs = ctx.ssh_many(cfg, aliases, timeout=60)
    ch = ctx.chorus(cfg, aliases, timeout=90)
    ssh_ok = sum(r.ok() for r in ssh_runs)
    ch_ok = len({a for a in aliases if f"{a}: {MARK}" in ch.out.splitlines()})
    passed = ch_ok >= ssh_ok and not ch.timed_out
    failed_ssh = next((r for r in ssh_runs if not r.ok()), None)
    return Verdict(passed, f"{ssh_ok}/30", f"{ch_ok}/30",
                   details=details(failed_ssh, ch, [] if passed else ["chorus got fewer hosts through than ssh"]),
                   note=f"ssh {ssh_ok}/30, chorus {ch_ok}/30 through")


@case("user-certificate", "user-certificate-file")
def user_certificate(ctx, name):
    ca = ctx.key("user_ca")
    key = ctx.key("id")
    os.makedirs(ctx.path("sign"))
    shutil.copy(key + ".pub", ctx.path("sign", "id.pub"))
    run_tool(["ssh-keygen", "-q", "-s", ca, "-I", "interop-user-cert", "-n", ctx.user, "-z", "42",
              "-V", "-5m:+1h", ctx.path("sign", "id.pub")])
    cert = ctx.path("sign", "id-cert.pub")
    extra = ""
    if name == "user-certificate":
        shutil.copy(cert, key + "-cert.pub")  # implicit: KEY-cert.pub beside KEY
    else:
        os.makedirs(ctx.path("certs"))
        elsewhere = shutil.copy(cert, ctx.path("certs", "user-cert-elsewhere.pub"))
        extra = f"    CertificateFile {elsewhere}\n"
    srv = ctx.sshd(options={"TrustedUserCAKeys": ca + ".pub", "AuthorizedKeysFile": "none"})
    known_hosts(ctx, srv.known_line())
    cfg = simple_config(ctx, srv, key, extra_host=extra)
    fp = Ctx.fingerprint(key + ".pub")
    ident = lambda run: identity_problem(run, srv, fp, must_contain="CERT")
    return both_ok(ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host"), ident)


@case("host-certificate")
def host_certificate(ctx, name):
    host_ca = ctx.key("host_ca")
    key = ctx.key("id")
    # The host key is made first so that it can be signed before sshd starts on a port of its own.
    hk = ctx.key("sshd/host_ed25519")
    run_tool(["ssh-keygen", "-q", "-s", host_ca, "-h", "-I", "interop-host-cert", "-n", f"{ctx.addr},ia-host",
              "-V", "-5m:+1h", hk + ".pub"])
    srv = ctx.sshd(options={"HostCertificate": hk + "-cert.pub"}, authorized=[key + ".pub"])
    known_hosts(ctx, f"@cert-authority * {pub_fields(host_ca + '.pub')}")
    cfg = simple_config(ctx, srv, key)
    ssh_run, ch = ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host")
    ssh_label, ch_label = label(ssh_run), label(ch)
    problems = []
    if ch_label != "ok" and not re.search(r"certificate authority", ch.err, re.I):
        problems.append("chorus refused without saying 'certificate authority'")
        ch_label = "refused-without-reason"
    elif ch_label != "ok":
        ch_label = "refused"
    else:
        problems.append("chorus connected although it cannot check host certificates (expected a refusal "
                        "naming the certificate authority, or an implementation that checks them)")
    passed = ssh_label == "ok" and ch_label == "refused"
    return Verdict(passed, ssh_label, ch_label, details=details(ssh_run, ch, problems))


@case("dropbear", root="needs root: dropbear reads only ~/.ssh/authorized_keys, so it logs in a throwaway user")
def dropbear(ctx, name):
    for tool in ("dropbear", "dropbearkey"):
        if shutil.which(tool) is None and not os.path.exists(f"/usr/sbin/{tool}"):
            raise Skip(f"{tool} is not installed (apt-get install dropbear-bin)")
    user = ctx.suite.user
    user.create()
    key = ctx.key("id")
    user.authorize(key + ".pub")
    hk = ctx.path("dropbear_ed25519_host_key")
    run_tool(["dropbearkey", "-t", "ed25519", "-f", hk])
    pub = [line for line in run_tool(["dropbearkey", "-y", "-f", hk]).stdout.decode().splitlines()
           if line.startswith("ssh-")][0]
    host_pub = " ".join(pub.split()[:2])
    log = ctx.path("dropbear.log")
    srv = None
    for _ in range(5):
        port = free_port(ctx.addr)
        proc = ctx.suite.spawn(["dropbear", "-F", "-E", "-s", "-P", ctx.path("dropbear.pid"), "-r", hk,
                                "-p", f"{ctx.addr}:{port}"], log)
        ctx.procs.append(proc)
        if wait_until(lambda: listening(ctx.addr, port) or proc.popen.poll() is not None, 10) \
                and proc.popen.poll() is None:
            srv = DropbearServer("dropbear", ctx.addr, port, log, proc, host_pub)
            break
        ctx.suite.stop_servers([proc])
    if srv is None:
        raise SetupError(f"dropbear did not start: {trim(read_from(log, 0))}")
    ctx.servers.append(srv)
    known_hosts(ctx, srv.known_line())
    cfg = simple_config(ctx, srv, key, user=user.name)
    ident = key_identity(srv, key + ".pub", user=user.name)
    return both_ok(ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host"), ident)


@case("tinysshd", root="needs root: tinysshd reads only ~/.ssh/authorized_keys, so it logs in a throwaway user")
def tinysshd(ctx, name):
    for tool in ("tinysshd", "tinysshd-makekey", "tcpserver"):
        if shutil.which(tool) is None and not os.path.exists(f"/usr/sbin/{tool}"):
            raise Skip(f"{tool} is not installed (apt-get install tinysshd ucspi-tcp)")
    user = ctx.suite.user
    user.create()
    key = ctx.key("id")
    user.authorize(key + ".pub")
    keydir = ctx.path("tinysshd-keys")
    run_tool(["tinysshd-makekey", keydir])
    with open(os.path.join(keydir, "ed25519.pk"), "rb") as f:
        raw = f.read()
    blob = struct.pack(">I", 11) + b"ssh-ed25519" + struct.pack(">I", len(raw)) + raw
    host_pub = "ssh-ed25519 " + base64.b64encode(blob).decode()
    log = ctx.path("tinysshd.log")
    srv = None
    for _ in range(5):
        port = free_port(ctx.addr)
        # tcpserver -H -R -l0: no DNS or ident look-ups; tinysshd -v logs to stderr (the log file).
        proc = ctx.suite.spawn(["tcpserver", "-HRDl0", ctx.addr, str(port), "tinysshd", "-v", keydir], log)
        ctx.procs.append(proc)
        if wait_until(lambda: listening(ctx.addr, port) or proc.popen.poll() is not None, 10) \
                and proc.popen.poll() is None:
            srv = TinysshServer("tinysshd", ctx.addr, port, log, proc, host_pub)
            break
        ctx.suite.stop_servers([proc])
    if srv is None:
        raise SetupError(f"tcpserver/tinysshd did not start: {trim(read_from(log, 0))}")
    ctx.servers.append(srv)
    known_hosts(ctx, srv.known_line())
    cfg = simple_config(ctx, srv, key, user=user.name)
    blob = pub_fields(key + ".pub").split()[1]
    ident = lambda run: identity_problem(run, srv, blob, user=user.name)
    return both_ok(ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host"), ident)


def seven_keys(ctx):
    right = ctx.key("right")
    decoys = [ctx.key(f"decoy{i}") for i in range(1, 7)]
    return right, decoys


@case("agent-seven-keys")
def agent_seven_keys(ctx, name):
    right, decoys = seven_keys(ctx)
    srv = ctx.sshd(authorized=[right + ".pub"])  # MaxAuthTries: the default 6
    sock = ctx.agent("agent", decoys + [right])
    known_hosts(ctx, srv.known_line())
    cfg = simple_config(ctx, srv, right)
    ident = key_identity(srv, right + ".pub")
    return both_ok(ctx.ssh(cfg, "ia-host", auth_sock=sock), ctx.chorus(cfg, "ia-host", auth_sock=sock), ident)


@case("agent-pubkey-only")
def agent_pubkey_only(ctx, name):
    right, decoys = seven_keys(ctx)
    srv = ctx.sshd(authorized=[right + ".pub"])
    sock = ctx.agent("agent", decoys + [right])
    os.remove(right)  # only right.pub stays on disk; the private key lives in the agent alone
    known_hosts(ctx, srv.known_line())
    cfg = simple_config(ctx, srv, right + ".pub")
    ident = key_identity(srv, right + ".pub")
    return both_ok(ctx.ssh(cfg, "ia-host", auth_sock=sock), ctx.chorus(cfg, "ia-host", auth_sock=sock), ident)


def agent_only_config(ctx, srv, agent_line):
    return write_file(ctx.path("ssh_config"),
                      f"Host ia-host\n    HostName {srv.addr}\n    Port {srv.port}\n    {agent_line}\n"
                      # No key file anywhere: an IdentityFile that does not exist keeps both clients
                      # away from ~/.ssh/id_* (ssh reads root's, Chorus $HOME's).
                      f"    IdentityFile {ctx.path('no-such-key')}\n\n" + ctx.tail())


@case("identityagent-socket")
def identityagent_socket(ctx, name):
    right = ctx.key("right")
    srv = ctx.sshd(authorized=[right + ".pub"])
    sock = ctx.agent("named-agent", [right])
    os.remove(right)
    known_hosts(ctx, srv.known_line())
    cfg = agent_only_config(ctx, srv, f"IdentityAgent {sock}")
    ident = key_identity(srv, right + ".pub")
    return both_ok(ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host"), ident)


@case("identityagent-none")
def identityagent_none(ctx, name):
    right = ctx.key("right")
    srv = ctx.sshd(authorized=[right + ".pub"])
    sock = ctx.agent("env-agent", [right])
    os.remove(right)
    known_hosts(ctx, srv.known_line())
    cfg = agent_only_config(ctx, srv, "IdentityAgent none")
    return both_refuse(ctx.ssh(cfg, "ia-host", auth_sock=sock), ctx.chorus(cfg, "ia-host", auth_sock=sock),
                       r"authenticat|permission denied|publickey|no (usable |suitable )?(private )?key")


MATCH_CASES = ("match-host", "match-originalhost", "match-user", "match-localuser", "match-exec", "match-all",
               "match-final", "match-canonical")


@case(*MATCH_CASES)
def match(ctx, name):
    key = ctx.key("id")
    srv = ctx.sshd(authorized=[key + ".pub"])
    known_hosts(ctx, srv.known_line())
    dead = ctx.dead_port()  # the fallback in Host *: a port that refuses connections
    alias = "ia-" + name
    a, p = srv.addr, srv.port
    flag = write_file(ctx.path("match-exec-flag"), "")
    # The working Port and the only authorised IdentityFile are set only inside the Match block;
    # without it the fallback Port (refused) and no key remain.
    blocks = {
        "match-host": f"Host {alias}\n    HostName {a}\nMatch host {a}\n    Port {p}\n    IdentityFile {key}\n",
        "match-originalhost": f"Host {alias}\n    HostName {a}\nMatch originalhost {alias}\n"
                              f"    Port {p}\n    IdentityFile {key}\n",
        "match-user": f"Host {alias}\n    HostName {a}\n    User {ctx.user}\nMatch user {ctx.user}\n"
                      f"    Port {p}\n    IdentityFile {key}\n",
        "match-localuser": f"Host {alias}\n    HostName {a}\nMatch localuser {ctx.suite.local_user}\n"
                           f"    Port {p}\n    IdentityFile {key}\n",
        "match-exec": f"Host {alias}\n    HostName {a}\nMatch exec \"test -e {flag} && test %h = {a}\"\n"
                      f"    Port {p}\n    IdentityFile {key}\n",
        "match-all": f"Host {alias}\n    HostName {a}\nMatch all\n    Port {p}\n    IdentityFile {key}\n",
        # Match final and Match canonical apply only when ssh re-reads the file: by then the first
        # pass has set Port for good (first value wins), so only the IdentityFile hangs on them.
        "match-final": f"Host {alias}\n    HostName {a}\n    Port {p}\nMatch final\n    IdentityFile {key}\n",
        "match-canonical": f"CanonicalizeHostname yes\nHost {alias}\n    HostName {a}\n    Port {p}\n"
                           f"Match canonical host {a}\n    IdentityFile {key}\n",
    }
    cfg = write_file(ctx.path("ssh_config"), blocks[name] + "\n" + ctx.tail(extra=f"    Port {dead}\n"))
    ident = key_identity(srv, key + ".pub")
    return both_ok(ctx.ssh(cfg, alias), ctx.chorus(cfg, alias), ident)


@case("proxyjump-two-hops")
def proxyjump(ctx, name):
    key = ctx.key("id")
    use_netns = os.getuid() == 0 and shutil.which("ip") and shutil.which("tcpserver") and shutil.which("nc")
    note = ""
    if use_netns:
        try:
            ns1, ns2 = f"chorus-ia{os.getpid()}-b1", f"chorus-ia{os.getpid()}-b2"
            ctx.suite.add_netns(ns1)
            ctx.suite.add_netns(ns2)
        except SetupError as e:
            use_netns = False
            note = f"network namespaces unavailable ({e}); the bastions' logs are the only proof"
    else:
        note = "needs root, ip, tcpserver and nc for network namespaces; the bastions' logs are the only proof"
    if use_netns:
        # host: client, and a forwarder to bastion1 | ns1: bastion1, and a forwarder to bastion2 |
        # ns2: bastion2 and the target. Each hop reaches only the next one.
        p1, p2, p3 = free_port(ctx.addr), free_port(ctx.addr), free_port(ctx.addr)
        b1 = ctx.sshd("bastion1", addr="127.0.0.1", netns=ns1, port=p1, authorized=[key + ".pub"],
                      log_level="DEBUG1", options={"PermitOpen": f"127.0.0.1:{p2}"})
        b2 = ctx.sshd("bastion2", addr="127.0.0.1", netns=ns2, port=p2, authorized=[key + ".pub"],
                      log_level="DEBUG1", options={"PermitOpen": f"127.0.0.3:{p3}"})
        tg = ctx.sshd("target", addr="127.0.0.3", netns=ns2, port=p3, authorized=[key + ".pub"])
        f1 = ctx.suite.spawn(["tcpserver", "-HRl0", ctx.addr, str(p1), "ip", "netns", "exec", ns1, "nc",
                              "127.0.0.1", str(p1)], ctx.path("forward-b1.log"))
        f2 = ctx.suite.spawn(["ip", "netns", "exec", ns1, "tcpserver", "-HRl0", "127.0.0.1", str(p2), "ip", "netns",
                              "exec", ns2, "nc", "127.0.0.1", str(p2)], ctx.path("forward-b2.log"))
        ctx.procs += [f1, f2]
        if not (wait_until(lambda: listening(ctx.addr, p1, f1.pid), 10)
                and wait_until(lambda: listening("127.0.0.1", p2, f2.pid), 10)):
            raise SetupError("the forwarders between the namespaces did not start")
        b1_host = (ctx.addr, p1)
        note = "target reachable only through bastion2, bastion2 only through bastion1 (network namespaces)"
    else:
        b1 = ctx.sshd("bastion1", addr=ctx.addr, authorized=[key + ".pub"], log_level="DEBUG1")
        b2 = ctx.sshd("bastion2", addr=f"127.0.0.{ADDRESS_BASE + 60}", authorized=[key + ".pub"],
                      log_level="DEBUG1")
        tg = ctx.sshd("target", addr=f"127.0.0.{ADDRESS_BASE + 61}", authorized=[key + ".pub"])
        b1_host = (b1.addr, b1.port)
    known_hosts(ctx, f"[{b1_host[0]}]:{b1_host[1]} {b1.host_pub}", b2.known_line(), tg.known_line())
    cfg = write_file(ctx.path("ssh_config"),
                     f"Host ia-bastion1\n    HostName {b1_host[0]}\n    Port {b1_host[1]}\n"
                     f"Host ia-bastion2\n    HostName {b2.addr}\n    Port {b2.port}\n"
                     f"Host ia-target\n    HostName {tg.addr}\n    Port {tg.port}\n"
                     f"    ProxyJump ia-bastion1,ia-bastion2\n\n" + ctx.tail(extra=f"    IdentityFile {key}\n"))
    ident = key_identity(tg, key + ".pub")

    def path_problem(run):
        problem = ident(run)
        if problem:
            return problem
        pat = r"server_request_direct_tcpip: originator \S+ port \d+, target (\S+) port (\d+)"
        hop1 = re.findall(pat, run.logs.get("bastion1", ""))
        hop2 = re.findall(pat, run.logs.get("bastion2", ""))
        if hop1 != [(b2.addr, str(b2.port))]:
            return f"bastion1 forwarded to {hop1 or 'nothing'}, expected [{b2.addr}:{b2.port}] (bastion2)"
        if hop2 != [(tg.addr, str(tg.port))]:
            return f"bastion2 forwarded to {hop2 or 'nothing'}, expected [{tg.addr}:{tg.port}] (the target)"
        return None

    runs = (("ssh", ctx.ssh(cfg, "ia-target")), ("chorus", ctx.chorus(cfg, "ia-target")))
    verdict = both_ok(runs[0][1], runs[1][1], path_problem)
    verdict.note = note

    def hops(run):
        parts = []
        for srv in (b1, b2, tg):
            text = run.logs.get(srv.name, "")
            logins = len(srv.accepted(text))
            fwd = [f"{a}:{p}" for a, p in re.findall(r"direct_tcpip: originator \S+ port \d+, target (\S+) port (\d+)", text)]
            parts.append(f"{srv.name} {logins} login(s)" + (f", forwarded to {', '.join(fwd)}" if fwd else ""))
        return "; ".join(parts)

    verdict.details = " / ".join(f"{who} path: {hops(run)}" for who, run in runs) + "; " + verdict.details
    if not runs[1][1].ok():
        # Diagnostic only: libssh's log says what Chorus ran for the jump (a ProxyCommand, say).
        debug = ctx.chorus(cfg, "ia-target", env_extra={"QT_LOGGING_RULES": "chorus.ssh.debug=true"})
        how = re.findall(r"Executing proxycommand '([^\n]*)'", debug.err)
        if how:
            verdict.details += f"; with chorus.ssh.debug on, Chorus runs the jump as: {how[0]}"
    return verdict


@case("proxycommand-nc")
def proxycommand_nc(ctx, name):
    if shutil.which("nc") is None:
        raise Skip("nc is not installed (apt-get install netcat-openbsd)")
    key = ctx.key("id")
    srv = ctx.sshd(authorized=[key + ".pub"])
    known_hosts(ctx, srv.known_line())
    cfg = simple_config(ctx, srv, key, extra_host="    ProxyCommand nc %h %p\n")
    ident = key_identity(srv, key + ".pub")
    runs = [ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host")]
    verdict = both_ok(runs[0], runs[1], ident)
    labels = [verdict.ssh, verdict.chorus]
    problems = []
    for i, (who, run) in enumerate((("ssh", runs[0]), ("chorus", runs[1]))):
        if run.elapsed > PROXY_EXIT_LIMIT:
            problems.append(f"{who} took {run.elapsed:.1f} s to exit (limit {PROXY_EXIT_LIMIT:.0f} s)")
            labels[i] = "slow-exit" if labels[i] == "ok" else labels[i]
        stray = run.leftovers
        if stray:
            problems.append(f"{who} left running: {stray}")
            labels[i] = "left-nc-running" if labels[i] == "ok" else labels[i]
    # An nc started in a session of its own would escape the session check above.
    strays = [pid for pid in proc_table() if cmdline(pid)[:3] == ["nc", srv.addr, str(srv.port)]]
    if strays:
        problems.append(f"nc still running after both clients: {[' '.join(cmdline(p)) for p in strays]}")
        kill_pids(strays)
        labels[1] = "left-nc-running" if labels[1] == "ok" else labels[1]
    passed = verdict.passed and not problems
    return Verdict(passed, labels[0], labels[1], details=("; ".join(problems) + "; " if problems else "")
                   + verdict.details, note=f"exited after ssh {runs[0].elapsed:.1f} s, chorus {runs[1].elapsed:.1f} s")


@case("global-known-hosts")
def global_known_hosts(ctx, name):
    key = ctx.key("id")
    srv = ctx.sshd(authorized=[key + ".pub"])
    gkh = known_hosts(ctx, srv.known_line(), name="global_known_hosts")
    ukh = known_hosts(ctx, name="empty_known_hosts")
    cfg = write_file(ctx.path("ssh_config"),
                     f"Host ia-host\n    HostName {srv.addr}\n    Port {srv.port}\n    IdentityFile {key}\n\n"
                     + ctx.tail(known_hosts=ukh, global_known_hosts=gkh))
    ident = key_identity(srv, key + ".pub")
    return both_ok(ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host"), ident)


@case("known-hosts-bracket-pattern", "known-hosts-bare-name", "known-hosts-revoked-pattern")
def known_hosts_forms(ctx, name):
    key = ctx.key("id")
    srv = ctx.sshd(authorized=[key + ".pub"])
    pattern = f"[{'.'.join(srv.addr.split('.')[:3])}.*]:{srv.port}"
    if name == "known-hosts-bracket-pattern":
        known_hosts(ctx, srv.known_line(pattern))
    elif name == "known-hosts-bare-name":
        known_hosts(ctx, srv.known_line(srv.addr))
    else:
        known_hosts(ctx, "@revoked " + srv.known_line(pattern), srv.known_line())
    cfg = simple_config(ctx, srv, key)
    ssh_run, ch = ctx.ssh(cfg, "ia-host"), ctx.chorus(cfg, "ia-host")
    if name == "known-hosts-revoked-pattern":
        return both_refuse(ssh_run, ch, r"revoked")
    return both_ok(ssh_run, ch, key_identity(srv, key + ".pub"))


# ---------------------------------------------------------------------------------------------


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Chorus/OpenSSH interop suite: same config, same outcome.")
    parser.add_argument("--chorus", default=os.path.join(here, "..", "..", "build", "app", "chorus"),
                        help="the chorus binary (default: build/app/chorus of this checkout)")
    parser.add_argument("--case", action="append", default=[], metavar="NAME",
                        help="run only this case (repeatable; shell-style wildcards allowed)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (servers are still stopped)")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="print both outputs for passing cases too")
    args = parser.parse_args()

    names = [n for n, _f, _r in CASES]
    if args.list:
        print("\n".join(names))
        return 0
    selected = CASES
    if args.case:
        patterns = [p for arg in args.case for p in arg.split(",") if p]
        unknown = [p for p in patterns if not any(fnmatch.fnmatchcase(n, p) for n in names)]
        if unknown:
            print(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(names)}", file=sys.stderr)
            return 64
        selected = [c for c in CASES if any(fnmatch.fnmatchcase(c[0], p) for p in patterns)]
    args.chorus = os.path.abspath(args.chorus)

    def on_signal(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)

    suite = Suite(args.chorus, args.keep, args.verbose)
    passed = failed = skipped = 0
    interrupted = False
    try:
        if not suite.wait_for_chorus():
            print(f"{args.chorus} is not there (waited 120 s)", file=sys.stderr)
        for name, fn, needs_root in selected:
            number = names.index(name) + 1
            line = ""
            ctx = None
            try:
                if needs_root and os.getuid() != 0:
                    raise Skip(needs_root)
                ctx = Ctx(suite, name, number)
                v = fn(ctx, name)
                tail = f" ({v.note})" if v.note else ""
                if v.passed:
                    passed += 1
                    line = f"PASS {name}: ssh={v.ssh} chorus={v.chorus}{tail}"
                    if args.verbose:
                        line += f" (details: {v.details})"
                else:
                    failed += 1
                    line = f"FAIL {name}: ssh={v.ssh} chorus={v.chorus}{tail} (details: {v.details})"
            except Skip as e:
                skipped += 1
                line = f"SKIP {name}: {e}"
            except SetupError as e:
                failed += 1
                line = f"FAIL {name}: ssh=not-run chorus=not-run (details: set-up failed: {e})"
            except KeyboardInterrupt:
                interrupted = True
                raise
            except Exception as e:  # a bug in a case must not stop the others or skip the clean-up
                failed += 1
                line = f"FAIL {name}: ssh=not-run chorus=not-run (details: {type(e).__name__}: {e})"
            finally:
                if ctx is not None:
                    ctx.close()
                if line:
                    print(line, flush=True)
    except KeyboardInterrupt as e:
        interrupted = True
        print(f"interrupted ({e})", file=sys.stderr)
    finally:
        suite.cleanup()
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    if interrupted:
        return 130
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
