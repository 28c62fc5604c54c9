#!/usr/bin/python3
"""A deliberately misbehaving SSH + SFTP server for tests that check Chorus holds when the other
side lies. Loopback only, one misbehaviour per process:

    python3 tests/hostile/hostileserver.py --dir DIR [--address 127.0.0.1] [--port 0]
                                           [--mode NAME] [--drop PHASE] [options]

It writes its keys, known_hosts and an ssh_config (Host "hostile") into DIR, prints one line
"PORT <n>" once listening, logs one line per connection event to DIR/server.log and serves until
SIGTERM or SIGINT. tests/hostile/README.md lists every mode and what it lies about.
"""

import argparse
import asyncio
import contextlib
import io
import itertools
import logging
import os
import posixpath
import shlex
import signal
import socket
import stat
import sys
import time
import warnings

# Debian's python3-cryptography warns about old ciphers that asyncssh merely registers.
warnings.filterwarnings("ignore", module="asyncssh")
try:
    import asyncssh
except ImportError:
    # A python3 from pyenv or a virtualenv that comes first on PATH lacks Debian's
    # python3-asyncssh; Debian's own interpreter has it, so run this script there instead.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    sys.exit("hostileserver: python3-asyncssh is missing (apt-get install python3-asyncssh)")
from asyncssh.constants import FXP_OPENDIR, FXP_READDIR, MSG_CHANNEL_FAILURE, MSG_CHANNEL_REQUEST  # noqa: E402
from asyncssh.packet import Boolean, SSHPacket, String, UInt32  # noqa: E402
from asyncssh.sftp import SFTPServerHandler  # noqa: E402

EXEC_MODES = ("normal", "flood", "escape-signal", "status-after-close", "sudo-liar")
SHELL_MODES = ("pty-refused", "shell-refused", "window-change-liar", "shell-flood", "shell-garbage")
SFTP_MODES = ("sftp-cycle", "sftp-endless-readdir", "sftp-wrong-size", "sftp-unsafe-names", "sftp-escape-errors")
RAW_DROPS = ("before-banner", "garbage-banner", "endless-banner", "after-banner")  # no SSH spoken at all
PROXY_DROPS = ("during-kex", "after-kex")  # cut by a proxy that reads the plaintext packets
AUTH_DROPS = ("during-auth", "auth-disconnect")  # cut by asyncssh when the first userauth request arrives

SFTP_VERSION = 3  # what OpenSSH and libssh speak
MSG_KEXINIT, MSG_NEWKEYS = 20, 21
FLOOD_CHUNK = b"y\n" * 32768  # 64 KiB
ESCAPE_SIGNAL = "\x1b]0;owned\x07\x1b[2J\x1b[31mKILL"  # retitles the terminal, clears it, turns red
ESCAPE_SIGNAL_MESSAGE = "\x1b]0;owned\x07\x1b[2J\x1b[31mcore dumped\x1b[0m\r\nfake-prompt$ "
ESCAPE_SFTP_ERROR = "\x1b]0;owned\x07\x1b[31mno"
STDIN_RECORD_LIMIT = 1 << 20  # sudo-liar keeps at most this much of what one command's stdin sent
LIAR_SIZES = {b"/liar.bin": (10, 1 << 20), b"/short.bin": (1 << 20, 10)}  # path: (size claimed, real size)
READDIR_BATCH = 128  # names per READDIR answer in sftp-endless-readdir, as asyncssh's own handler
PLANTED = b"planted by hostileserver.py\n"  # what the unsafe names in sftp-unsafe-names read as
UNSAFE_FILE_NAMES = (b"../escape", b"a/b", b"/etc/passwd", b"esc\x1b[2Jname.txt")  # listed in `evil`, read as PLANTED
GARBAGE_LINE_BYTES = 3 << 20  # shell-garbage: one line this long, no newline in it
HANG_UP_GRACE = 2.0  # seconds to let a client read our last bytes and leave before the socket closes

EVENTS = logging.getLogger("hostile")
CONNECTION_IDS = itertools.count(1)


def event(conn_id, what, **details):
    """One line in server.log. Values are written with ascii() and clipped, so a client's escape
    sequences or a 60,000-byte lie stay one readable line."""
    words = [f"conn={conn_id}", what]
    for key, value in details.items():
        text = ascii(value) if isinstance(value, (str, bytes)) else str(value)
        if len(text) > 200:
            text = f"{text[:200]}...[{len(value)} long]"
        words.append(f"{key}={text}")
    EVENTS.info(" ".join(words))


def stretched(pattern, length):
    """PATTERN repeated and cut to LENGTH characters (the pattern itself when LENGTH is 0)."""
    if length <= 0:
        return pattern
    return (pattern * (length // len(pattern) + 1))[:length]


def virtual_path(path):
    """The absolute, normalised form of a client's SFTP path, relative ones taken from "/", the
    same way asyncssh's chroot mapping reads them."""
    return b"/" + posixpath.normpath(b"/" + path).lstrip(b"/")


# --------------------------------------------------------------------------------------------
# Files in DIR


def ensure_key(path):
    """The ed25519 key at PATH, generated (private part 0600, as ssh demands) when absent, and
    its public half at PATH.pub, rewritten every time so the two always match."""
    if os.path.exists(path):
        key = asyncssh.read_private_key(path)
    else:
        key = asyncssh.generate_private_key("ssh-ed25519", comment="hostileserver")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key.export_private_key())
    with open(path + ".pub", "wb") as f:
        f.write(key.export_public_key())
    return key


def write_client_files(directory, address, port, host_key):
    """known_hosts for the address and port actually bound, and the ssh_config Host "hostile"
    that makes `ssh -F DIR/ssh_config hostile true` work against the normal mode."""
    public = host_key.export_public_key().decode().split()
    line = f"{public[0]} {public[1]}"
    with open(os.path.join(directory, "known_hosts"), "w", encoding="utf-8") as f:
        f.write(f"[{address}]:{port} {line}\n")
        if port == 22:
            f.write(f"{address} {line}\n")

    def quoted(path):
        return f'"{path}"' if " " in path else path

    with open(os.path.join(directory, "ssh_config"), "w", encoding="utf-8") as f:
        f.write(
            "Host hostile\n"
            f"    HostName {address}\n"
            f"    Port {port}\n"
            "    User test\n"
            f"    IdentityFile {quoted(os.path.join(directory, 'client_ed25519'))}\n"
            f"    UserKnownHostsFile {quoted(os.path.join(directory, 'known_hosts'))}\n"
            "    StrictHostKeyChecking yes\n"
            "    IdentitiesOnly yes\n"
        )


def prepare_root(mode, root):
    """Put in ROOT what an SFTP mode lies about, next to whatever the test put there. The files
    are real so that a checksum command run over exec sees the bytes READ returns."""
    os.makedirs(root, exist_ok=True)
    if mode == "sftp-cycle":
        os.makedirs(os.path.join(root, "loop"), exist_ok=True)
    elif mode == "sftp-endless-readdir":
        os.makedirs(os.path.join(root, "many"), exist_ok=True)
    elif mode == "sftp-wrong-size":
        for path, (_, real_size) in LIAR_SIZES.items():
            with open(os.path.join(root, path.decode().lstrip("/")), "wb") as f:
                f.write((b"0123456789abcdef" * (real_size // 16 + 1))[:real_size])
    elif mode == "sftp-unsafe-names":
        os.makedirs(os.path.join(root, "evil"), exist_ok=True)
        with open(os.path.join(root, "evil", "good.txt"), "wb") as f:
            f.write(b"good\n")


# --------------------------------------------------------------------------------------------
# Commands (exec and shell requests): the mode decides what every one of them does


async def relay(source, sink):
    """Copy a local pipe to a channel stream, waiting for the channel's flow control."""
    while chunk := await source.read(65536):
        sink.write(chunk)
        await sink.drain()


async def feed_stdin(process, proc):
    """Channel stdin to the local command; signals the client sends go to its process group.
    Ends quietly when the command stops reading or has gone."""
    try:
        while True:
            try:
                chunk = await process.stdin.read(65536)
            except asyncssh.SignalReceived as received:
                number = getattr(signal, "SIG" + received.signal, None)
                if number is not None:
                    os.killpg(proc.pid, number)
                continue
            except (asyncssh.BreakReceived, asyncssh.TerminalSizeChanged):
                continue
            if not chunk:
                break
            proc.stdin.write(chunk)
            await proc.stdin.drain()
        proc.stdin.close()
    except (BrokenPipeError, ConnectionResetError, ProcessLookupError):
        pass


async def run_normal(process, settings, conn_id):
    """`/bin/sh -c COMMAND` (or /bin/sh for a shell) in the working folder; output, exit status
    and a killing signal are relayed faithfully. The command dies when the client goes away."""
    argv = ["/bin/sh", "-c", process.command] if process.command is not None else ["/bin/sh"]
    proc = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=settings.workdir,
        start_new_session=True,
    )

    async def finish():
        await asyncio.gather(relay(proc.stdout, process.stdout), relay(proc.stderr, process.stderr))
        return await proc.wait()

    feeder = asyncio.create_task(feed_stdin(process, proc))
    finished = asyncio.create_task(finish())
    gone = asyncio.create_task(process.channel.wait_closed())
    try:
        await asyncio.wait({finished, gone}, return_when=asyncio.FIRST_COMPLETED)
        if not finished.done():
            event(conn_id, "client-left-command", pid=proc.pid)
            return
        code = finished.result()
    finally:
        for task in (feeder, finished, gone):
            task.cancel()
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            await proc.wait()
    if code < 0 and -code in signal.valid_signals():
        name = signal.Signals(-code).name.removeprefix("SIG")
        event(conn_id, "exit-signal", signal=name)
        process.exit_with_signal(name)
    else:
        event(conn_id, "exit-status", status=code & 0xFF)
        process.exit(code & 0xFF)


async def run_flood(process, settings, conn_id):
    """64 KiB of "y\\n" after 64 KiB, as fast as the client's window allows, until the channel
    goes away. drain() is the flow control: nothing piles up in memory here."""
    streams = [process.stdout, process.stderr] if settings.flood_stderr else [process.stdout]
    sent = 0
    try:
        while True:
            for stream in streams:
                stream.write(FLOOD_CHUNK)
                await stream.drain()
                sent += len(FLOOD_CHUNK)
    except (BrokenPipeError, ConnectionError, asyncssh.Error):
        pass
    finally:
        # Logged on every way out, cancellation by a shutdown included.
        event(conn_id, "flood-ended", bytes=sent)


async def run_escape_signal(process, settings, conn_id):
    """`ok`, then an exit-signal whose name and message are terminal escape sequences."""
    process.stdout.write(b"ok\n")
    await process.stdout.drain()
    name = stretched(ESCAPE_SIGNAL, settings.signal_length)
    message = stretched(ESCAPE_SIGNAL_MESSAGE, settings.error_length)
    event(conn_id, "exit-signal", signal=name, message=message)
    process.exit_with_signal(name, False, message)


async def run_status_after_close(process, settings, conn_id):
    """Exit status 3 and CHANNEL_CLOSE, then another exit-status (0) on the closed channel.
    asyncssh refuses requests once it has sent CLOSE, so the last one goes out as a raw packet on
    the connection. The socket is corked meanwhile so that all of it reaches the client in one
    segment: a client reading them together meets the late status before it can tear the channel
    down, instead of racing its own teardown."""
    process.stdout.write(b"status 3, close, then status 0\n")
    await process.stdout.drain()
    channel = process.channel
    peer_channel = channel._send_chan  # private, and forgotten by asyncssh once CLOSE is sent
    connection = channel.get_connection()
    sock = connection.get_extra_info("socket")
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
    try:
        process.exit(3)  # exit-status 3, then CHANNEL_CLOSE now that nothing is left to send
        close_sent = channel._send_state == "closed"
        connection.send_packet(
            MSG_CHANNEL_REQUEST, UInt32(peer_channel), String(b"exit-status"), Boolean(False), UInt32(0)
        )
    finally:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 0)
    event(conn_id, "status-after-close", first=3, after_close=0, close_sent_first=close_sent)


def sudo_marker(command):
    """MARKER of `sudo ... -p MARKER -- ...` with sh's quoting removed; None when there is none."""
    try:
        words = shlex.split(command)
    except ValueError:  # unbalanced quotes: the plain words are as good a guess as any
        words = command.split()
    for index, word in enumerate(words):
        if word == "--":
            break
        if word in ("-p", "--prompt") and index + 1 < len(words):
            return words[index + 1]
        if word.startswith("--prompt="):
            return word.split("=", 1)[1]
        if word.startswith("-p") and len(word) > 2:
            return word[2:]
    return None


async def run_sudo_liar(process, settings, conn_id):
    """Print the sudo prompt marker on stderr as if sudo were asking for a password, then append
    whatever stdin brings within --stdin-seconds to DIR/stdin-received (created even when nothing
    comes, so an empty file proves nothing was sent), then exit 0."""
    marker = sudo_marker(process.command or "")
    if marker is not None:
        process.stderr.write(marker.encode())
        await process.stderr.drain()
    deadline = time.monotonic() + settings.stdin_seconds
    received = 0
    with open(os.path.join(settings.dir, "stdin-received"), "ab") as record:
        while (left := deadline - time.monotonic()) > 0:
            try:
                chunk = await asyncio.wait_for(process.stdin.read(65536), left)
            except asyncio.TimeoutError:
                break
            except (asyncssh.SignalReceived, asyncssh.BreakReceived, asyncssh.TerminalSizeChanged):
                continue
            if not chunk:
                break
            record.write(chunk[: max(0, STDIN_RECORD_LIMIT - received)])
            record.flush()
            received += len(chunk)
    event(conn_id, "sudo-liar", marker=marker, stdin_bytes=received)
    process.exit(0)


def shell_garbage():
    """What shell-garbage sends: terminal escapes that retitle, clear, switch screens, ask the
    terminal to answer and write the clipboard; a CSI with 5,000 digits; invalid UTF-8; a 3 MiB line
    with no newline; and an escape left unfinished at the very end."""
    return b"".join([
        b"\x1b]0;owned\x07\x1b[2J\x1b[H\x1b[31mred\x1b[?1049h\x1b[?25l",
        b"\x1bP+q544e\x1b\\\x1b[6n\x1b[c\x1b]52;c;b3duZWQ=\x07",
        b"\x1b[" + b"9" * 5000 + b"m\r\n",
        b"bad utf-8: \xff\xfe \xc3\x28 \xa0\xa1 \xed\xa0\x80 \xf8\x88\x80\x80\x80 \xc0\xaf\r\n",
        b"x" * GARBAGE_LINE_BYTES,
        b"\r\nend of garbage\x1b[",
    ])


async def run_shell_garbage(process, settings, conn_id):
    """A header line saying how many bytes follow, shell_garbage(), then CHANNEL_CLOSE with no
    exit-status, no exit-signal and no EOF before it."""
    garbage = shell_garbage()
    process.stdout.write(b"garbage: %d bytes follow\r\n" % len(garbage))
    process.stdout.write(garbage)
    await process.stdout.drain()
    event(conn_id, "garbage-sent", bytes=len(garbage))
    process.channel.close()


EXEC_RUNNERS = {
    "flood": run_flood,
    "shell-flood": run_flood,
    "shell-garbage": run_shell_garbage,
    "escape-signal": run_escape_signal,
    "status-after-close": run_status_after_close,
    "sudo-liar": run_sudo_liar,
}  # every other mode, the SFTP ones included, runs commands like "normal"


# --------------------------------------------------------------------------------------------
# SFTP


class RootedSFTPServer(asyncssh.SFTPServer):
    """Honest SFTP, confined to --root when one is given (the working folder of commands too)."""

    def __init__(self, chan, settings, conn_id):
        super().__init__(chan, chroot=settings.root)
        self.settings = settings
        self.conn_id = conn_id

    def is_endless(self, path):
        """Whether READDIR of PATH should never end (see HostileSFTPHandler)."""
        return False

    def exit(self):
        event(self.conn_id, "sftp-end")

    @staticmethod
    def made_up_file(name, size):
        """A name and attributes for a regular file that need not exist."""
        now = int(time.time())
        attrs = asyncssh.SFTPAttrs(
            size=size, uid=os.getuid(), gid=os.getgid(), permissions=stat.S_IFREG | 0o644, atime=now, mtime=now
        )
        return asyncssh.SFTPName(name, attrs=attrs)


class CycleSFTPServer(RootedSFTPServer):
    """`loop` lists a folder `loop` that is `loop` itself: /loop/loop/.../loop is ROOT/loop at any
    depth, so every level has the same attributes, and realpath keeps the grown path."""

    @staticmethod
    def collapsed(path):
        parts = virtual_path(path).split(b"/")[1:]
        while len(parts) >= 2 and parts[0] == parts[1] == b"loop":
            del parts[1]
        return b"/" + b"/".join(parts)

    def map_path(self, path):
        return super().map_path(self.collapsed(path))

    def realpath(self, path):
        if virtual_path(path).startswith(b"/loop"):
            return virtual_path(path)
        return super().realpath(path)

    def listdir(self, path):
        names = super().listdir(path)
        if self.collapsed(path) == b"/loop" and b"loop" not in names:
            names.append(b"loop")  # asyncssh stats it as PATH/loop, that is ROOT/loop again
        return names


class EndlessListing:
    """Stands in for the list asyncssh keeps per open directory handle: each READDIR gets
    READDIR_BATCH new names f000000001, f000000002, ..., size 1, and it never runs dry. Only a
    counter is kept, so an open handle costs nothing however long the client keeps reading."""

    def __init__(self, server):
        self.server = server
        self.served = 0  # names handed out through this handle

    def next_batch(self):
        names = []
        for number in range(self.served + 1, self.served + READDIR_BATCH + 1):
            name = RootedSFTPServer.made_up_file(b"f%09d" % number, 1)
            self.server.format_longname(name)  # SFTP v3 carries an `ls -l` line too
            names.append(name)
        self.served += READDIR_BATCH
        self.server.names_served += READDIR_BATCH
        return names


class EndlessReaddirSFTPServer(RootedSFTPServer):
    """Folder `many` never reaches EOF."""

    def __init__(self, chan, settings, conn_id):
        super().__init__(chan, settings, conn_id)
        self.names_served = 0  # over every handle of this SFTP session

    def is_endless(self, path):
        return virtual_path(path) == b"/many"

    def exit(self):
        event(self.conn_id, "sftp-end", endless_names_served=self.names_served)


class HostileSFTPHandler(SFTPServerHandler):
    """asyncssh's SFTP request handler, except that a folder the SFTPServer calls endless never
    reaches EOF. asyncssh reads a whole folder at OPENDIR and has no SFTPServer method for READDIR,
    so these two requests are taken over here; the request is peeked at, not consumed, when it is
    passed on to asyncssh's own code."""

    async def _process_opendir(self, packet):
        path = SSHPacket(packet.get_remaining_payload()).get_string()
        handle = await super()._process_opendir(packet)
        if self._server.is_endless(path):
            self._dir_handles[handle] = EndlessListing(self._server)
            event(self._server.conn_id, "sftp-endless-opendir", path=path)
        return handle

    async def _process_readdir(self, packet):
        handle = SSHPacket(packet.get_remaining_payload()).get_string()
        listing = self._dir_handles.get(handle)
        if not isinstance(listing, EndlessListing):
            return await super()._process_readdir(packet)
        packet.get_string()
        packet.check_end()
        return listing.next_batch(), False

    _packet_handlers = {
        **SFTPServerHandler._packet_handlers,
        FXP_OPENDIR: _process_opendir,
        FXP_READDIR: _process_readdir,
    }


class WrongSizeSFTPServer(RootedSFTPServer):
    """STAT, LSTAT, FSTAT and listings claim LIAR_SIZES' first size; READ gives the real bytes:
    liar.bin says 10 and reads 1 MiB, short.bin says 1 MiB and reaches EOF after 10 bytes."""

    def __init__(self, chan, settings, conn_id):
        super().__init__(chan, settings, conn_id)
        self.claimed_by_file = {}  # open file object: the size its FSTAT claims

    @staticmethod
    def with_size(result, size):
        attrs = asyncssh.SFTPAttrs.from_local(result) if isinstance(result, os.stat_result) else result
        attrs.size = size
        return attrs

    def claimed(self, path, result):
        lie = LIAR_SIZES.get(virtual_path(path))
        return self.with_size(result, lie[0]) if lie else result

    def stat(self, path):
        return self.claimed(path, super().stat(path))

    def lstat(self, path):
        return self.claimed(path, super().lstat(path))

    def open(self, path, pflags, attrs):
        file_obj = super().open(path, pflags, attrs)
        if virtual_path(path) in LIAR_SIZES:
            self.claimed_by_file[file_obj] = LIAR_SIZES[virtual_path(path)][0]
        return file_obj

    def fstat(self, file_obj):
        result = super().fstat(file_obj)
        size = self.claimed_by_file.get(file_obj)
        return result if size is None else self.with_size(result, size)

    def close(self, file_obj):
        self.claimed_by_file.pop(file_obj, None)
        return super().close(file_obj)


class UnsafeNamesSFTPServer(RootedSFTPServer):
    """Folder `evil` lists `..`, `.`, `../escape`, `a/b`, `/etc/passwd`, a name with ESC[2J, an
    empty name and then its real contents (good.txt). The made-up files can be opened under the
    path a client builds by joining (`evil/../escape`, `evil//etc/passwd`) and read PLANTED, so a
    client that trusts the names really gets something to write in the wrong place."""

    @staticmethod
    def planted(path):
        """Whether PATH, as the client sent it, names one of the made-up files in `evil`."""
        name = path.lstrip(b"/")
        return name.startswith(b"evil/") and name[len(b"evil/") :] in UNSAFE_FILE_NAMES

    def listdir(self, path):
        if virtual_path(path) != b"/evil":
            return super().listdir(path)
        names = [
            asyncssh.SFTPName(b"..", attrs=asyncssh.SFTPAttrs.from_local(os.lstat(self.map_path(b"/")))),
            asyncssh.SFTPName(b".", attrs=asyncssh.SFTPAttrs.from_local(os.lstat(self.map_path(path)))),
        ]
        names += [self.made_up_file(name, len(PLANTED)) for name in UNSAFE_FILE_NAMES]
        names.append(self.made_up_file(b"", len(PLANTED)))  # joined to `evil/` it names the folder
        for real in sorted(os.listdir(self.map_path(path))):
            attrs = asyncssh.SFTPAttrs.from_local(os.lstat(os.path.join(self.map_path(path), real)))
            names.append(asyncssh.SFTPName(real, attrs=attrs))
        event(self.conn_id, "sftp-unsafe-listing", path=path)
        return names

    def open(self, path, pflags, attrs):
        if not self.planted(path):
            return super().open(path, pflags, attrs)
        if pflags & (asyncssh.FXF_WRITE | asyncssh.FXF_APPEND | asyncssh.FXF_CREAT):
            raise asyncssh.SFTPPermissionDenied("read only")
        return io.BytesIO(PLANTED)

    def stat(self, path):
        return self.made_up_file(b"", len(PLANTED)).attrs if self.planted(path) else super().stat(path)

    def lstat(self, path):
        return self.made_up_file(b"", len(PLANTED)).attrs if self.planted(path) else super().lstat(path)

    def fstat(self, file_obj):
        if isinstance(file_obj, io.BytesIO):
            return self.made_up_file(b"", len(PLANTED)).attrs
        return super().fstat(file_obj)


class EscapeErrorsSFTPServer(RootedSFTPServer):
    """Every OPEN, OPENDIR, STAT and LSTAT fails with SSH_FX_FAILURE and a message made of terminal
    escapes, --error-length bytes long. REALPATH still works so clients get as far as asking."""

    def failure(self):
        return asyncssh.SFTPFailure(stretched(ESCAPE_SFTP_ERROR, self.settings.error_length))

    def open(self, path, pflags, attrs):
        raise self.failure()

    def listdir(self, path):
        raise self.failure()

    def stat(self, path):
        raise self.failure()

    def lstat(self, path):
        raise self.failure()


SFTP_SERVERS = {
    "sftp-cycle": CycleSFTPServer,
    "sftp-endless-readdir": EndlessReaddirSFTPServer,
    "sftp-wrong-size": WrongSizeSFTPServer,
    "sftp-unsafe-names": UnsafeNamesSFTPServer,
    "sftp-escape-errors": EscapeErrorsSFTPServer,
}  # every other mode serves honest SFTP


# --------------------------------------------------------------------------------------------
# SSH sessions and connections


class HostileSession(asyncssh.SSHServerProcess):
    """One session channel: commands go to the mode's runner, the sftp subsystem to our handler."""

    def __init__(self, settings, conn_id):
        self.settings = settings
        self.conn_id = conn_id
        super().__init__(self.run_command, self.make_sftp_server, SFTP_VERSION, False)

    def make_sftp_server(self, chan):
        return SFTP_SERVERS.get(self.settings.mode, RootedSFTPServer)(chan, self.settings, self.conn_id)

    def subsystem_requested(self, subsystem):
        return subsystem == "sftp"

    def pty_requested(self, term_type, term_size, term_modes):
        event(self.conn_id, "pty-req", term=term_type, size=f"{term_size[0]}x{term_size[1]}")
        if self.settings.mode == "pty-refused":
            event(self.conn_id, "refused", request="pty-req")
            return False
        return True

    def shell_requested(self):
        if self.settings.mode == "shell-refused":
            event(self.conn_id, "refused", request="shell")
            return False
        return super().shell_requested()

    def terminal_size_changed(self, width, height, pixwidth, pixheight):
        if self.settings.mode != "window-change-liar":
            super().terminal_size_changed(width, height, pixwidth, pixheight)
            return
        action = self.settings.window_change
        event(self.conn_id, "window-change", size=f"{width}x{height}", action=action)
        if action == "close":
            self._chan.close()  # CHANNEL_CLOSE, no exit-status
        else:
            # A failure answer to a request that asked for none (window-change never wants a reply),
            # written as a raw packet: asyncssh answers only what was asked. The size is not applied.
            self._conn.send_packet(MSG_CHANNEL_FAILURE, UInt32(self._chan._send_chan))

    def session_started(self):
        if self._chan.get_subsystem() != "sftp":
            super().session_started()
            return
        # What asyncssh's SSHServerStreamSession does for sftp, with HostileSFTPHandler in place of
        # its own handler (which has no way to make READDIR endless).
        event(self.conn_id, "sftp-start")
        stdin = asyncssh.SSHReader(self, self._chan)
        stdout = asyncssh.SSHWriter(self, self._chan)
        handler = HostileSFTPHandler(self.make_sftp_server(self._chan), stdin, stdout, SFTP_VERSION)
        self._conn.create_task(handler.run(), stdin.logger)

    async def run_command(self, process):
        event(self.conn_id, "exec" if process.command is not None else "shell", command=process.command)
        runner = EXEC_RUNNERS.get(self.settings.mode, run_normal)
        if self.settings.mode in SHELL_MODES and process.command is not None:
            runner = run_normal  # the shell modes lie only to shells: commands run honestly
        try:
            await runner(process, self.settings, self.conn_id)
        except (OSError, asyncssh.Error) as error:
            event(self.conn_id, "command-aborted", error=str(error) or type(error).__name__)
            process.close()


class HostileServer(asyncssh.SSHServer):
    """One SSH connection: accepts any user holding DIR/client_ed25519, and for --drop
    during-auth / auth-disconnect hangs up when the first userauth request arrives."""

    def __init__(self, settings):
        self.settings = settings
        self.conn_id = next(CONNECTION_IDS)
        self.conn = None

    def connection_made(self, conn):
        self.conn = conn
        self.settings.live.add(conn)
        event(self.conn_id, "connect", peer=str(conn.get_extra_info("peername")))

    def connection_lost(self, exc):
        self.settings.live.discard(self.conn)
        event(self.conn_id, "disconnect", error=str(exc) if exc else "")

    def begin_auth(self, username):
        event(self.conn_id, "userauth-request", user=username)
        if self.settings.drop == "during-auth":
            event(self.conn_id, "drop", phase="during-auth")
            self.conn.abort()
        elif self.settings.drop == "auth-disconnect":
            event(self.conn_id, "drop", phase="auth-disconnect")
            # Reason code 2 (protocol error) and this text are what OpenSSH's sshd sends.
            self.conn.disconnect(asyncssh.DISC_PROTOCOL_ERROR, "Too many authentication failures")
        return True  # authentication is required (the client key)

    def auth_completed(self):
        event(self.conn_id, "authenticated")

    def session_requested(self):
        return HostileSession(self.settings, self.conn_id)


# --------------------------------------------------------------------------------------------
# Raw-socket drops: before asyncssh, or in front of it


async def hang_up(reader, writer):
    """Close after our last bytes: FIN first, then read and drop what the client still sends
    (for at most HANG_UP_GRACE seconds), so the socket closes with a FIN rather than a reset."""
    try:
        if writer.can_write_eof():
            writer.write_eof()
        await asyncio.wait_for(discard_until_eof(reader), HANG_UP_GRACE)
    except (OSError, asyncio.TimeoutError):
        pass
    finally:
        writer.close()


async def discard_until_eof(reader):
    while await reader.read(65536):
        pass


def garbage_banner():
    """4 KiB that is not SSH: an HTTP answer, then lines with escapes and binary bytes."""
    lines = [b"HTTP/1.1 400 Bad Request\r\n", b"Server: not-ssh\r\n"]
    number = 0
    while sum(map(len, lines)) < 4096:
        number += 1
        lines.append(b"\x1b]0;owned\x07\x1b[2J garbage %04d \x00\xff\xfe\x80 no SSH here\r\n" % number)
    return b"".join(lines)[:4096]


async def serve_raw_drop(reader, writer, settings):
    """before-banner, garbage-banner, endless-banner, after-banner: no SSH behind these."""
    conn_id = next(CONNECTION_IDS)
    event(conn_id, "connect", peer=str(writer.get_extra_info("peername")))
    try:
        if settings.drop == "garbage-banner":
            writer.write(garbage_banner())
        elif settings.drop == "endless-banner":
            await send_endless_banner(reader, writer, conn_id)
        elif settings.drop == "after-banner":
            writer.write(b"SSH-2.0-hostile\r\n")
            try:
                line = await asyncio.wait_for(reader.readline(), 10)
            except (ValueError, asyncio.TimeoutError, OSError):  # ValueError: a line over 8 KiB
                line = b""
            event(conn_id, "client-banner", banner=line.rstrip(b"\r\n"))
        event(conn_id, "drop", phase=settings.drop)
    except (ConnectionError, OSError) as error:
        event(conn_id, "client-left", error=str(error))
    finally:
        await hang_up(reader, writer)


async def send_endless_banner(reader, writer, conn_id):
    """Pre-banner lines forever, until the client leaves (its EOF, or a failed write). drain()
    waits for the client to read, so a client that stops reading costs only a socket buffer."""
    client_left = asyncio.create_task(discard_until_eof(reader))
    sent = 0
    try:
        for number in itertools.count(1):
            if client_left.done():
                break
            chunk = b"".join(b"endless banner line %012d, still not SSH\r\n" % ((number - 1) * 64 + n) for n in range(64))
            writer.write(chunk)
            await writer.drain()
            sent += len(chunk)
    except (ConnectionError, OSError):
        pass
    finally:
        client_left.cancel()
        event(conn_id, "endless-banner-ended", bytes=sent)


class PacketSplitter:
    """Cuts one direction of an SSH connection's plaintext start into pieces to forward: the
    version exchange lines, then whole binary packets with their message number. After NEWKEYS
    the bytes are encrypted and pass as opaque pieces (message number None). Holds at most one
    packet (or 64 KiB of an unfinished line)."""

    MAX_PACKET = 256 * 1024

    def __init__(self):
        self.buffer = bytearray()
        self.in_version_lines = True
        self.opaque = False

    def feed(self, data):
        self.buffer += data
        pieces = []
        while self.buffer:
            if self.opaque:
                pieces.append((bytes(self.buffer), None))
                self.buffer.clear()
            elif self.in_version_lines:
                end = self.buffer.find(b"\n")
                if end < 0 and len(self.buffer) < 65536:
                    break
                end = end + 1 if end >= 0 else len(self.buffer)
                line = bytes(self.buffer[:end])
                del self.buffer[:end]
                self.in_version_lines = not line.startswith(b"SSH-")
                pieces.append((line, None))
            else:
                if len(self.buffer) < 6:
                    break
                length = int.from_bytes(self.buffer[:4], "big")
                if length > self.MAX_PACKET:  # not a plaintext packet after all: stop reading
                    self.opaque = True
                    continue
                if len(self.buffer) < 4 + length:
                    break
                packet = bytes(self.buffer[: 4 + length])
                del self.buffer[: 4 + length]
                self.opaque = packet[5] == MSG_NEWKEYS
                pieces.append((packet, packet[5]))
        return pieces


def cut_point_reached(phase, forwarded):
    """during-kex: both KEXINITs have passed (the server's reached the client), no reply yet.
    after-kex: both NEWKEYS have passed, nothing encrypted (the auth service request) has."""
    wanted = MSG_KEXINIT if phase == "during-kex" else MSG_NEWKEYS
    return wanted in forwarded["client"] and wanted in forwarded["server"]


async def serve_proxied_drop(client_reader, client_writer, settings, internal_port):
    """during-kex, after-kex: forward to the internal asyncssh listener, reading the plaintext
    packets on the way, and cut both sides at the phase. Encrypted bytes are never forwarded."""
    conn_id = next(CONNECTION_IDS)
    event(conn_id, "connect", peer=str(client_writer.get_extra_info("peername")), proxy="internal asyncssh")
    server_reader, server_writer = await asyncio.open_connection("127.0.0.1", internal_port)
    forwarded = {"client": set(), "server": set()}
    cut = asyncio.Event()

    async def pump(side, reader, writer):
        splitter = PacketSplitter()
        while not cut.is_set() and (data := await reader.read(65536)):
            for piece, message in splitter.feed(data):
                if MSG_NEWKEYS in forwarded[side] or cut.is_set():
                    break
                writer.write(piece)
                forwarded[side].add(message)
                if cut_point_reached(settings.drop, forwarded):
                    cut.set()
            await writer.drain()

    tasks = [
        asyncio.create_task(pump("client", client_reader, server_writer)),
        asyncio.create_task(pump("server", server_reader, client_writer)),
        asyncio.create_task(cut.wait()),
    ]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        event(conn_id, "drop" if cut.is_set() else "ended-before-drop", phase=settings.drop)
    except (ConnectionError, OSError) as error:
        event(conn_id, "client-left", error=str(error))
    finally:
        for task in tasks:
            task.cancel()
        server_writer.close()
        await hang_up(client_reader, client_writer)


# --------------------------------------------------------------------------------------------
# Start and stop


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, help="the test's folder: keys, known_hosts, ssh_config, server.log")
    parser.add_argument("--address", default="127.0.0.1", help="listen address (loopback only!)")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free one; printed as PORT <n>")
    parser.add_argument("--mode", choices=EXEC_MODES + SHELL_MODES + SFTP_MODES, default="normal")
    parser.add_argument("--drop", choices=RAW_DROPS + PROXY_DROPS + AUTH_DROPS, help="cut every connection here")
    parser.add_argument("--root", help="SFTP root and working folder of commands (sftp modes: default DIR/root)")
    parser.add_argument("--flood-stderr", action="store_true", help="flood: stderr as well as stdout")
    parser.add_argument("--signal-length", type=int, default=0, help="escape-signal: bytes in the signal name")
    parser.add_argument("--error-length", type=int, default=0, help="bytes in the escape-laden error messages")
    parser.add_argument("--window-change", choices=("fail", "close"), default="fail",
                        help="window-change-liar: answer a window-change with a failure, or close the channel")
    parser.add_argument("--stdin-seconds", type=float, default=3.0, help="sudo-liar: how long stdin is read")
    args = parser.parse_args()
    args.dir = os.path.abspath(args.dir)
    if args.root is None and args.mode in SFTP_MODES:
        args.root = os.path.join(args.dir, "root")
    args.root = os.path.abspath(args.root) if args.root else None
    args.workdir = args.root or args.dir
    args.live = set()  # open asyncssh connections, aborted at shutdown
    return args


def start_logging(settings):
    """server.log gets our events and asyncssh's and asyncio's warnings; stdout stays PORT-only."""
    handler = logging.FileHandler(os.path.join(settings.dir, "server.log"), encoding="utf-8", errors="backslashreplace")
    handler.setFormatter(logging.Formatter(f"%(asctime)s mode={settings.mode} %(name)s %(message)s"))
    for name, level in (("hostile", logging.INFO), ("asyncssh", logging.WARNING), ("asyncio", logging.WARNING)):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
        logger.propagate = False


async def serve(settings, host_key):
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stop.set)

    ssh_options = dict(
        server_factory=lambda: HostileServer(settings),
        server_host_keys=[host_key],
        authorized_client_keys=os.path.join(settings.dir, "client_ed25519.pub"),
        server_version="hostile",
        encoding=None,
    )
    listeners = []
    if settings.drop in RAW_DROPS:
        public = await asyncio.start_server(
            lambda r, w: serve_raw_drop(r, w, settings), settings.address, settings.port, limit=8192
        )
    elif settings.drop in PROXY_DROPS:
        internal = await asyncssh.listen("127.0.0.1", 0, **ssh_options)
        listeners.append(internal)
        internal_port = internal.sockets[0].getsockname()[1]
        public = await asyncio.start_server(
            lambda r, w: serve_proxied_drop(r, w, settings, internal_port), settings.address, settings.port
        )
    else:
        public = await asyncssh.listen(settings.address, settings.port, **ssh_options)
    listeners.append(public)
    port = public.sockets[0].getsockname()[1]  # asyncssh's acceptor passes .sockets on from asyncio

    write_client_files(settings.dir, settings.address, port, host_key)
    event(0, "listening", address=settings.address, port=port, drop=settings.drop or "none", root=settings.root or "")
    print(f"PORT {port}", flush=True)

    await stop.wait()
    event(0, "stopping", open_connections=len(settings.live))
    for listener in listeners:
        listener.close()
    for conn in list(settings.live):
        conn.abort()
    # asyncio.run() cancels whatever is still running: commands are killed in run_normal's finally.


def main():
    settings = parse_arguments()
    os.makedirs(settings.dir, exist_ok=True)
    start_logging(settings)
    host_key = ensure_key(os.path.join(settings.dir, "host_ed25519"))
    ensure_key(os.path.join(settings.dir, "client_ed25519"))
    if settings.root:
        prepare_root(settings.mode, settings.root)
    asyncio.run(serve(settings, host_key))
    return 0


if __name__ == "__main__":
    sys.exit(main())
