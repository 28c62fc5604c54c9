#!/usr/bin/python3
"""Proves that hostileserver.py really misbehaves: starts it once per mode (and per --drop phase)
in a temporary folder and watches each lie with OpenSSH's own ssh and sftp, with raw SFTP packets
sent through `ssh -s hostile sftp`, and (for the one thing OpenSSH never shows: the exact exit
signal name) with an asyncssh client. Prints one line per check and a closing
"N passed, N failed"; exits 0 when every check held.

    python3 tests/hostile/selfcheck.py
"""

import asyncio
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", module="asyncssh")
try:
    import asyncssh
except ImportError:
    # As in hostileserver.py: a pyenv or virtualenv python3 lacks Debian's python3-asyncssh.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    sys.exit("selfcheck: python3-asyncssh is missing (apt-get install python3-asyncssh)")

SERVER = Path(__file__).resolve().with_name("hostileserver.py")
ESCAPE_SIGNAL = "\x1b]0;owned\x07\x1b[2J\x1b[31mKILL"
ESCAPE_SFTP_ERROR = "\x1b]0;owned\x07\x1b[31mno"
RESULTS = []


def check(name, ok, detail=""):
    """Record and print one check."""
    RESULTS.append(bool(ok))
    print(f"{'PASS' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
    return ok


def stretched(pattern, length):
    return (pattern * (length // len(pattern) + 1))[:length]


class Server:
    """hostileserver.py in a temporary folder, for one `with` block. Leaving the block stops it
    with SIGTERM and checks that it left promptly, with status 0 and nothing on stderr."""

    def __init__(self, *arguments):
        self.arguments = list(arguments)
        self.label = " ".join(self.arguments)

    def __enter__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="hostile-selfcheck."))
        self.stderr = open(self.dir / "server.stderr", "w+b")
        self.proc = subprocess.Popen(
            [sys.executable, str(SERVER), "--dir", str(self.dir), *self.arguments],
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            stdin=subprocess.DEVNULL,
        )
        ready, _, _ = select.select([self.proc.stdout], [], [], 20)
        line = self.proc.stdout.readline().decode() if ready else ""
        if not line.startswith("PORT "):
            self.proc.kill()
            self.proc.wait(5)
            raise RuntimeError(f"{self.label}: no PORT line (got {line!r})")
        self.port = int(line.split()[1])
        self.config = str(self.dir / "ssh_config")
        return self

    def __exit__(self, *exc):
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            status = self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            status = self.proc.wait(5)
        took = time.monotonic() - started
        self.stderr.seek(0)
        errors = self.stderr.read().decode(errors="replace").strip()
        self.stderr.close()
        check(f"[{self.label}] stops on SIGTERM", status == 0 and not errors and took < 3,
              f"status {status} in {took:.2f}s" + (f", stderr {errors[:300]!r}" if errors else ""))
        # asyncssh logs only warnings there, and asyncio only unhandled errors.
        complaints = [line for line in self.log().splitlines() if re.search(r"mode=\S+ (asyncssh|asyncio) ", line)]
        check(f"[{self.label}] server.log has no asyncssh or asyncio complaints", not complaints,
              shown(complaints[0], 200) if complaints else "")
        shutil.rmtree(self.dir, ignore_errors=True)

    def log(self):
        return (self.dir / "server.log").read_text(errors="replace")

    def wait_for_log(self, pattern, seconds=5):
        """The first match of PATTERN in server.log within SECONDS, or None."""
        deadline = time.monotonic() + seconds
        while True:
            match = re.search(pattern, self.log())
            if match or time.monotonic() > deadline:
                return match
            time.sleep(0.05)

    def rss_kib(self):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def ssh_command(self, *arguments):
        return ["ssh", "-F", self.config, "-o", "BatchMode=yes", *arguments]

    def ssh(self, *arguments, stdin=b"", timeout=20):
        """Run ssh to completion; returns (exit status, stdout, stderr)."""
        try:
            done = subprocess.run(self.ssh_command(*arguments), input=stdin, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as expired:
            return None, expired.stdout or b"", expired.stderr or b""
        return done.returncode, done.stdout, done.stderr

    def sftp_batch(self, commands, timeout=20):
        """`sftp -b` with COMMANDS; returns (exit status or None on timeout, stdout, stderr)."""
        batch = self.dir / "batch"
        batch.write_text("".join(command + "\n" for command in commands))
        argv = ["timeout", str(timeout), "sftp", "-F", self.config, "-o", "BatchMode=yes", "-b", str(batch), "hostile"]
        done = subprocess.run(argv, capture_output=True, timeout=timeout + 5)
        return (None if done.returncode == 124 else done.returncode), done.stdout, done.stderr


def debug_lines(stderr):
    """ssh -v output as text lines without the carriage returns."""
    return stderr.decode(errors="replace").replace("\r", "").splitlines()


def shown(data, limit=160):
    text = data.decode(errors="replace") if isinstance(data, bytes) else data
    return ascii(text if len(text) <= limit else text[:limit] + "...")


# --------------------------------------------------------------------------------------------
# Raw SFTP through OpenSSH's transport


class RawSftp:
    """An SFTP v3 client speaking packets through `ssh -s hostile sftp`, so the checks see the
    exact names, sizes and error messages that OpenSSH's sftp tidies away. Every read has a
    deadline; the ssh process is killed on close."""

    OPEN, CLOSE, READ, LSTAT, FSTAT, OPENDIR, READDIR, REALPATH, STAT = 3, 4, 5, 7, 8, 11, 12, 16, 17
    STATUS, HANDLE, DATA, NAME, ATTRS = 101, 102, 103, 104, 105

    def __init__(self, server, timeout=10):
        self.timeout = timeout
        self.proc = subprocess.Popen(
            server.ssh_command("-s", "hostile", "sftp"),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.send(struct.pack(">BI", 1, 3))  # INIT, version 3
        kind, body = self.receive()
        assert kind == 2 and struct.unpack(">I", body[:4])[0] == 3, "no SFTP VERSION 3"

    def close(self):
        self.proc.kill()
        self.proc.wait(5)

    def send(self, packet):
        self.proc.stdin.write(struct.pack(">I", len(packet)) + packet)
        self.proc.stdin.flush()

    def read_exactly(self, count):
        data = bytearray()
        deadline = time.monotonic() + self.timeout
        while len(data) < count:
            ready, _, _ = select.select([self.proc.stdout], [], [], max(0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("no SFTP answer in time")
            chunk = os.read(self.proc.stdout.fileno(), count - len(data))
            if not chunk:
                raise EOFError("ssh ended")
            data += chunk
        return bytes(data)

    def receive(self):
        length = struct.unpack(">I", self.read_exactly(4))[0]
        packet = self.read_exactly(length)
        return packet[0], packet[1:]

    def request(self, kind, payload):
        """Send one request; returns (answer type, answer body after the request id)."""
        self.next_id += 1
        self.send(struct.pack(">BI", kind, self.next_id) + payload)
        answer, body = self.receive()
        assert struct.unpack(">I", body[:4])[0] == self.next_id, "answer to another request"
        return answer, body[4:]

    @staticmethod
    def string(data):
        data = data.encode() if isinstance(data, str) else data
        return struct.pack(">I", len(data)) + data

    @staticmethod
    def take_string(body, at):
        length = struct.unpack(">I", body[at : at + 4])[0]
        return body[at + 4 : at + 4 + length], at + 4 + length

    @staticmethod
    def take_attrs(body, at):
        flags = struct.unpack(">I", body[at : at + 4])[0]
        at += 4
        attrs = {}
        if flags & 1:
            attrs["size"] = struct.unpack(">Q", body[at : at + 8])[0]
            at += 8
        if flags & 2:
            attrs["uid"], attrs["gid"] = struct.unpack(">II", body[at : at + 8])
            at += 8
        if flags & 4:
            attrs["permissions"] = struct.unpack(">I", body[at : at + 4])[0]
            at += 4
        if flags & 8:
            attrs["atime"], attrs["mtime"] = struct.unpack(">II", body[at : at + 8])
            at += 8
        if flags & 0x80000000:
            count = struct.unpack(">I", body[at : at + 4])[0]
            at += 4
            for _ in range(2 * count):
                _, at = RawSftp.take_string(body, at)
        return attrs, at

    def status(self, body):
        code = struct.unpack(">I", body[:4])[0]
        message, _ = self.take_string(body, 4)
        return code, message

    def attrs_of(self, kind, target):
        """STAT, LSTAT (TARGET a path) or FSTAT (TARGET a handle): attributes, or the STATUS."""
        answer, body = self.request(kind, self.string(target))
        return self.take_attrs(body, 0)[0] if answer == self.ATTRS else ("status", *self.status(body))

    def open(self, path):
        answer, body = self.request(self.OPEN, self.string(path) + struct.pack(">II", 1, 0))  # READ, no attrs
        return self.take_string(body, 0)[0] if answer == self.HANDLE else ("status", *self.status(body))

    def read_all(self, handle, limit=4 << 20):
        """READ from offset 0 until EOF (or LIMIT bytes): the bytes READ really returns."""
        data = bytearray()
        while len(data) < limit:
            answer, body = self.request(self.READ, self.string(handle) + struct.pack(">QI", len(data), 32768))
            if answer != self.DATA:
                break
            data += self.take_string(body, 0)[0]
        return bytes(data)

    def opendir(self, path):
        answer, body = self.request(self.OPENDIR, self.string(path))
        return self.take_string(body, 0)[0] if answer == self.HANDLE else ("status", *self.status(body))

    def readdir(self, handle):
        """One READDIR: a list of (name, attrs), or None at EOF."""
        answer, body = self.request(self.READDIR, self.string(handle))
        if answer != self.NAME:
            return None
        count, at, names = struct.unpack(">I", body[:4])[0], 4, []
        for _ in range(count):
            name, at = self.take_string(body, at)
            _, at = self.take_string(body, at)  # longname
            attrs, at = self.take_attrs(body, at)
            names.append((name, attrs))
        return names

    def realpath(self, path):
        answer, body = self.request(self.REALPATH, self.string(path))
        return self.take_string(body, 4)[0] if answer == self.NAME else None


# --------------------------------------------------------------------------------------------
# Exec modes


def check_normal():
    with Server("--mode", "normal") as server:
        status, out, err = server.ssh("hostile", "echo hi")
        check("normal: ssh runs `echo hi`", status == 0 and out == b"hi\n", f"status {status}, stdout {shown(out)}")
        status, out, err = server.ssh("hostile", "true")
        check("normal: `ssh -F DIR/ssh_config hostile true` works", status == 0, f"status {status} {shown(err)}")
        status, out, err = server.ssh("hostile", "echo out; echo err >&2; exit 7")
        check("normal: stdout, stderr and exit status relayed", (status, out, err) == (7, b"out\n", b"err\n"),
              f"status {status}, stdout {shown(out)}, stderr {shown(err)}")
        status, out, err = server.ssh("hostile", "cat", stdin=b"through stdin\n")
        check("normal: stdin reaches the command", status == 0 and out == b"through stdin\n", shown(out))
        status, out, err = server.ssh("-v", "hostile", "kill -TERM $$")
        check("normal: a killing signal comes back as exit-signal", status == 255 and
              "rtype exit-signal" in err.decode(errors="replace"), f"ssh status {status}")


def read_flood(server, arguments, want):
    """Start ssh, read its stdout and stderr until WANT bytes came on stdout (30 s at most), then
    kill it. Returns ({"stdout": bytes read, "stderr": bytes read}, the first MiB of stdout,
    seconds taken, server RSS in KiB at the end)."""
    proc = subprocess.Popen(server.ssh_command("hostile", *arguments), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    counts = {"stdout": 0, "stderr": 0}
    sample = bytearray()
    started = time.monotonic()
    deadline = started + 30
    streams = {proc.stdout.fileno(): "stdout", proc.stderr.fileno(): "stderr"}
    try:
        while counts["stdout"] < want and time.monotonic() < deadline and streams:
            ready, _, _ = select.select(list(streams), [], [], 1)
            for fd in ready:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    del streams[fd]
                    continue
                counts[streams[fd]] += len(chunk)
                if streams[fd] == "stdout" and len(sample) < 1 << 20:
                    sample += chunk
        took = time.monotonic() - started
        rss = server.rss_kib()
    finally:
        proc.kill()
        proc.wait(5)
    return counts, bytes(sample), took, rss


def check_flood():
    want = 50 << 20
    with Server("--mode", "flood") as server:
        counts, sample, took, rss = read_flood(server, ["cat >/dev/null"], want)
        check("flood: > 50 MiB of stdout through ssh in a few seconds", counts["stdout"] >= want and took < 15,
              f"{counts['stdout'] >> 20} MiB in {took:.1f}s")
        check("flood: the stream is the y\\n pattern", len(sample) > 0 and sample[: len(sample) // 2 * 2] ==
              b"y\n" * (len(sample) // 2), f"first bytes {shown(sample[:16])}")
        check("flood: server memory stays bounded while flooding", rss < 150_000, f"server RSS {rss >> 10} MiB")
        ended = server.wait_for_log(r"flood-ended bytes=(\d+)")
        check("flood: the endless loop stops once ssh is gone", ended is not None,
              f"server logged {ended.group(0)}" if ended else "no flood-ended in server.log")
    with Server("--mode", "flood", "--flood-stderr") as server:
        counts, _, took, _ = read_flood(server, ["x"], 20 << 20)
        check("flood --flood-stderr: stderr floods too", counts["stdout"] >= 20 << 20 and counts["stderr"] >= 10 << 20,
              f"{counts['stdout'] >> 20} MiB stdout, {counts['stderr'] >> 20} MiB stderr in {took:.1f}s")
    with Server("--mode", "flood") as server:
        proc = subprocess.Popen(server.ssh_command("hostile", "x"), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        attached = server.wait_for_log(r"exec command")
        time.sleep(0.5)
        check("flood: still flooding an attached ssh when the server is told to stop", attached and proc.poll() is None)
    # Leaving the with-block has stopped the server mid-flood and checked it went promptly.
    try:
        status = proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        status = proc.wait(5)
    check("flood: ssh ends when the server stops", status == 255, f"ssh status {status}")


def exit_signal_with_asyncssh(server):
    """The exit signal exactly as sent, (name, core dumped, message, language), read with an
    asyncssh client within 20 s: OpenSSH's client never prints the name."""

    async def run():
        async with asyncssh.connect(
            "127.0.0.1", server.port, username="test", client_keys=[str(server.dir / "client_ed25519")],
            known_hosts=str(server.dir / "known_hosts"), config=[], agent_path=None,
        ) as connection:
            return (await connection.run("x", check=False)).exit_signal

    return asyncio.run(asyncio.wait_for(run(), 20))


def check_escape_signal():
    with Server("--mode", "escape-signal", "--signal-length", "60000", "--error-length", "60000") as server:
        status, out, err = server.ssh("-v", "hostile", "x")
        text = err.decode(errors="replace")
        received = re.search(r"received (\d+) bytes", text)
        check("escape-signal: ssh prints ok, then reports an exit-signal and no exit status",
              out == b"ok\n" and status == 255 and "rtype exit-signal" in text and "Exit status -1" in text,
              f"status {status}, stdout {shown(out)}")
        check("escape-signal: 60,000-byte signal name and message reach ssh",
              received and int(received.group(1)) > 120_000, received.group(0) if received else "no byte count")
        name, _, message, _ = exit_signal_with_asyncssh(server)
        check("escape-signal: exact signal name is the escape pattern, 60000 bytes (asyncssh client)",
              name == stretched(ESCAPE_SIGNAL, 60000), f"{len(name)} bytes, starts {shown(name, 40)}")
        check("escape-signal: the error message is escapes too, 60000 bytes",
              len(message) == 60000 and message.startswith("\x1b]0;owned\x07\x1b[2J"), f"starts {shown(message, 40)}")
    with Server("--mode", "escape-signal") as server:
        name = exit_signal_with_asyncssh(server)[0]
        check("escape-signal: default signal name is short", name == ESCAPE_SIGNAL, shown(name))


def check_status_after_close():
    with Server("--mode", "status-after-close") as server:
        status, out, err = server.ssh("-vvv", "hostile", "x")
        order = [line for line in debug_lines(err)
                 if "channel 0 rtype exit-status" in line or "channel 0: rcvd close" in line]
        expected = ["exit-status", "rcvd close", "exit-status"]
        seen = ["rcvd close" if "rcvd close" in line else "exit-status" for line in order]
        check("status-after-close: ssh sees exit-status, CLOSE, then another exit-status", seen == expected,
              " -> ".join(seen))
        check("status-after-close: ssh ends with the status that came after CLOSE (0, not 3)", status == 0,
              f"ssh exit status {status}")


def check_sudo_liar():
    marker = "[chorus-sudo:1f2e3d]"
    with Server("--mode", "sudo-liar", "--stdin-seconds", "2") as server:
        record = server.dir / "stdin-received"
        status, out, err = server.ssh("hostile", f"sudo -S -p '{marker}' -- sh -c 'id -u'", stdin=b"not-a-password\n")
        check("sudo-liar: the -p marker comes on stderr, unquoted", err == marker.encode() and status == 0,
              f"stderr {shown(err)}, status {status}")
        check("sudo-liar: what ssh's stdin gave is in stdin-received", record.read_bytes() == b"not-a-password\n",
              shown(record.read_bytes()))
        proc = subprocess.Popen(server.ssh_command("hostile", "sudo -S -- true"), stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started = time.monotonic()
        proc.stdin.write(b"more\n")
        proc.stdin.flush()  # and stdin stays open: the server must stop by itself
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        took = time.monotonic() - started
        check("sudo-liar: without -p stdin is still recorded, for --stdin-seconds only",
              record.read_bytes() == b"not-a-password\nmore\n" and 1.5 < took < 6,
              f"{shown(record.read_bytes())} after {took:.1f}s")
        proc.stdin.close()
        proc.stdout.close()
        proc.stderr.close()


# --------------------------------------------------------------------------------------------
# Handshake drops


DROPS = {
    # phase: (lines ssh -v must print, lines it must not print)
    "before-banner": (["kex_exchange_identification: Connection closed by remote host"], ["SSH2_MSG_KEXINIT sent"]),
    "garbage-banner": (["banner line 0: HTTP/1.1 400 Bad Request", "banner line contains invalid characters"],
                       ["SSH2_MSG_KEXINIT sent"]),
    "endless-banner": (["No SSH version received in first 1024 lines"], ["SSH2_MSG_KEXINIT sent"]),
    "after-banner": (["remote software version hostile", "SSH2_MSG_KEXINIT sent", "Connection closed by"],
                     ["SSH2_MSG_KEXINIT received"]),
    "during-kex": (["SSH2_MSG_KEXINIT received", "Connection closed by"], ["SSH2_MSG_KEX_ECDH_REPLY received"]),
    "after-kex": (["SSH2_MSG_NEWKEYS received", "Connection closed by"], ["SSH2_MSG_SERVICE_ACCEPT received"]),
    "during-auth": (["SSH2_MSG_SERVICE_ACCEPT received", "Connection closed by"], ["Authenticated", "Received disconnect"]),
    "auth-disconnect": (["SSH2_MSG_SERVICE_ACCEPT received", ":2: Too many authentication failures"],
                        ["Authenticated"]),
}


def check_drops():
    for phase, (wanted, unwanted) in DROPS.items():
        with Server("--drop", phase) as server:
            status, out, err = server.ssh("-v", "hostile", "true")
            text = err.decode(errors="replace")
            missing = [line for line in wanted if line not in text]
            present = [line for line in unwanted if line in text]
            last = [line for line in debug_lines(err) if not line.startswith("debug")][-1:] or [""]
            check(f"drop {phase}: ssh fails as expected", status == 255 and not missing and not present,
                  f"status {status}, says {shown(last[0], 100)}"
                  + (f", missing {missing}" if missing else "") + (f", unexpected {present}" if present else ""))
            if phase == "endless-banner":
                sent = server.wait_for_log(r"endless-banner-ended bytes=(\d+)")
                check("drop endless-banner: kept sending until ssh left, then stopped",
                      sent is not None and int(sent.group(1)) > 4096, sent.group(0) if sent else "not logged")
            if phase == "after-banner":
                banner = server.wait_for_log(r"client-banner banner=(.*)")
                check("drop after-banner: read the client's banner first", banner and "SSH-2.0-OpenSSH" in banner.group(1),
                      banner.group(1) if banner else "not logged")


# --------------------------------------------------------------------------------------------
# SFTP lies


def check_sftp_cycle():
    with Server("--mode", "sftp-cycle") as server:
        (server.dir / "root" / "loop" / "file.txt").write_text("inside\n")
        deep = "loop/" * 6 + "loop"
        status, out, err = server.sftp_batch([f"cd {deep}", "pwd", "ls -l"])
        text = out.decode(errors="replace")
        check("sftp-cycle: sftp -b walks loop/loop/.../loop and finds loop again",
              status == 0 and f"Remote working directory: /{deep}" in text and re.search(r"^d\S+ .* loop$", text, re.M),
              f"status {status}, {text.count('loop')} mentions of loop")
        sftp = RawSftp(server)
        try:
            top = sftp.attrs_of(sftp.STAT, "/loop")
            deeper = sftp.attrs_of(sftp.STAT, "/" + deep)
            handle = sftp.opendir("loop/loop/loop")
            names = dict(sftp.readdir(handle) or [])
            check("sftp-cycle: loop/.../loop has the very attributes of loop, as does its entry `loop`",
                  top == deeper == names.get(b"loop") and isinstance(top, dict) and top.get("permissions", 0) & 0o40000,
                  f"/loop {top}")
            check("sftp-cycle: realpath keeps the grown path", sftp.realpath("loop/loop/../loop/loop") == b"/loop/loop/loop",
                  shown(sftp.realpath("loop/loop/../loop/loop") or b""))
        finally:
            sftp.close()


def check_sftp_endless_readdir():
    with Server("--mode", "sftp-endless-readdir") as server:
        started = time.monotonic()
        status, out, err = server.sftp_batch(["ls -1 many"], timeout=5)
        check("sftp-endless-readdir: sftp -b `ls many` never finishes (killed by timeout)", status is None,
              f"ran {time.monotonic() - started:.1f}s, status {status}")
        rss_before = server.rss_kib()
        sftp = RawSftp(server)
        try:
            handle = sftp.opendir("/many")
            names, sizes, eof = [], set(), False
            for _ in range(1000):
                batch = sftp.readdir(handle)
                if batch is None:
                    eof = True
                    break
                names += [name for name, _ in batch]
                sizes |= {attrs.get("size") for _, attrs in batch}
            unique = len(set(names)) == len(names)
            check("sftp-endless-readdir: 1000 READDIRs, no EOF, every name new, size 1",
                  not eof and unique and sizes == {1} and len(names) == 128_000,
                  f"{len(names)} names, first {shown(names[0] if names else b'')}, last {shown(names[-1] if names else b'')}")
            check("sftp-endless-readdir: server memory does not grow with the names served",
                  server.rss_kib() - rss_before < 20_000, f"RSS {rss_before >> 10} -> {server.rss_kib() >> 10} MiB")
        finally:
            sftp.close()
        served = server.wait_for_log(r"endless_names_served=(\d+)")
        check("sftp-endless-readdir: the server notices the client leaving", served is not None,
              served.group(0) if served else "no sftp-end logged")


def check_sftp_wrong_size():
    with Server("--mode", "sftp-wrong-size") as server:
        local = server.dir / "got"
        local.mkdir()
        status, out, err = server.sftp_batch(["ls -l", f"get liar.bin {local}/liar.bin", f"get short.bin {local}/short.bin"])
        text = out.decode(errors="replace")
        listed = {name: int(size) for size, name in re.findall(r"^\S+\s+\d*\s+\S+\s+\S+\s+(\d+) .* (\S+)$", text, re.M)}
        got = {name: (local / name).stat().st_size for name in ("liar.bin", "short.bin") if (local / name).exists()}
        check("sftp-wrong-size: sftp -b lists 10 and 1 MiB but gets 1 MiB and 10 bytes",
              listed.get("liar.bin") == 10 and listed.get("short.bin") == 1 << 20
              and got == {"liar.bin": 1 << 20, "short.bin": 10}, f"listed {listed}, got {got}")
        sftp = RawSftp(server)
        try:
            for path, claimed, real in (("liar.bin", 10, 1 << 20), ("short.bin", 1 << 20, 10)):
                handle = sftp.open(path)
                sizes = [sftp.attrs_of(sftp.STAT, path).get("size"), sftp.attrs_of(sftp.LSTAT, path).get("size"),
                         sftp.attrs_of(sftp.FSTAT, handle).get("size")]
                data = sftp.read_all(handle)
                check(f"sftp-wrong-size: {path} STAT/LSTAT/FSTAT say {claimed}, READ gives {real}",
                      sizes == [claimed] * 3 and len(data) == real, f"sizes {sizes}, read {len(data)} bytes")
        finally:
            sftp.close()


def check_sftp_unsafe_names():
    with Server("--mode", "sftp-unsafe-names") as server:
        status, out, err = server.sftp_batch(["ls -1a evil", "get evil/../escape " + str(server.dir / "escape")])
        text = err.decode(errors="replace")
        suspects = re.findall(r'Server sent suspect path "([^"]*)"', text)
        check("sftp-unsafe-names: OpenSSH's sftp flags the names as suspect",
              {"../escape", "a/b", "/etc/passwd"} <= set(suspects), f"suspect {sorted(set(suspects))}")
        check("sftp-unsafe-names: a planted name can really be downloaded",
              (server.dir / "escape").exists() and (server.dir / "escape").read_bytes().startswith(b"planted"))
        sftp = RawSftp(server)
        try:
            handle = sftp.opendir("evil")
            names = []
            while (batch := sftp.readdir(handle)) is not None:
                names += [name for name, _ in batch]
            wanted = [b"..", b".", b"../escape", b"a/b", b"/etc/passwd", b"esc\x1b[2Jname.txt", b"", b"good.txt"]
            check("sftp-unsafe-names: READDIR of evil returns exactly the unsafe names and good.txt",
                  names == wanted, shown(b" | ".join(names)))
        finally:
            sftp.close()


def check_sftp_escape_errors():
    with Server("--mode", "sftp-escape-errors", "--error-length", "60000") as server:
        status, out, err = server.sftp_batch(["ls", "get x " + str(server.dir / "x")])
        check("sftp-escape-errors: sftp -b fails (it prints only `Failure`)",
              status not in (0, None) and "Failure" in err.decode(errors="replace"),
              f"status {status}, {shown(err.strip().splitlines()[0] if err.strip() else b'')}")
        sftp = RawSftp(server)
        expected = stretched(ESCAPE_SFTP_ERROR, 60000).encode()
        try:
            for what, answer in (("OPEN", sftp.open("x")), ("STAT", sftp.attrs_of(sftp.STAT, "/")),
                                 ("LSTAT", sftp.attrs_of(sftp.LSTAT, "x")), ("OPENDIR", sftp.opendir("/"))):
                ok = isinstance(answer, tuple) and answer[1] == 4 and answer[2] == expected
                check(f"sftp-escape-errors: {what} fails with SSH_FX_FAILURE and the 60,000-byte escape message", ok,
                      f"code {answer[1]}, {len(answer[2])} bytes, starts {shown(answer[2][:24])}"
                      if isinstance(answer, tuple) else f"no failure: {answer}")
        finally:
            sftp.close()
    with Server("--mode", "sftp-escape-errors") as server:
        sftp = RawSftp(server)
        try:
            answer = sftp.attrs_of(sftp.STAT, "/")
            check("sftp-escape-errors: default message is the short escape pattern",
                  isinstance(answer, tuple) and answer[2] == ESCAPE_SFTP_ERROR.encode(), shown(answer[2]))
        finally:
            sftp.close()


def main():
    for tool in ("ssh", "sftp", "timeout"):
        if not shutil.which(tool):
            sys.exit(f"selfcheck: {tool} is missing (apt-get install openssh-client coreutils)")
    for group in (check_normal, check_flood, check_escape_signal, check_status_after_close, check_sudo_liar,
                  check_drops, check_sftp_cycle, check_sftp_endless_readdir, check_sftp_wrong_size,
                  check_sftp_unsafe_names, check_sftp_escape_errors):
        try:
            group()
        except Exception as error:  # a check that crashed is a failed check, and the rest still run
            check(f"{group.__name__} ran to the end", False, f"{type(error).__name__}: {error}")
    failed = RESULTS.count(False)
    print(f"{len(RESULTS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
