"""Process helpers the python test suites share (tests/interop, tests/hostile): everything they start
runs in a session of its own, every wait is bounded, and at the end every process tree they started is
killed, by pid. Linux /proc only."""
import os
import signal
import time


class Skip(Exception):
    """The case cannot run here; the message says why."""


class SetupError(Exception):
    """The case's own servers, users, keys or files could not be made: a FAIL that is not about Chorus."""


def proc_table():
    """pid -> (ppid, pgrp, session, state) for every process visible in /proc."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        rest = stat[stat.rindex(")") + 2:].split()
        table[int(name)] = (int(rest[1]), int(rest[2]), int(rest[3]), rest[0])
    return table


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return []


def descendants(pids, table=None):
    """pids and all their descendants (by parent pid), live processes only."""
    table = table if table is not None else proc_table()
    children = {}
    for pid, (ppid, _pgrp, _sid, state) in table.items():
        if state != "Z":
            children.setdefault(ppid, []).append(pid)
    found, pending = set(), [p for p in pids if p in table]
    while pending and len(found) < 100000:
        pid = pending.pop()
        if pid in found:
            continue
        found.add(pid)
        pending.extend(children.get(pid, []))
    return found


def session_members(sid):
    return {pid for pid, (_pp, _pg, s, st) in proc_table().items() if s == sid and st != "Z"}


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read().decode("utf-8", "replace")
        return data[data.rindex(")") + 2:].split()[0] != "Z"
    except OSError:
        return False


def kill_pids(pids, grace=3.0):
    """SIGTERM, wait up to grace seconds, then SIGKILL. Only the given pids (ours)."""
    pids = [p for p in set(pids) if p > 1 and p != os.getpid()]
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    for pid in pids:
        if alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def wait_until(predicate, seconds, step=0.05):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
