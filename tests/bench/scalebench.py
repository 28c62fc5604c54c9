#!/usr/bin/env python3
"""Thousands of hosts from one machine: client CPU per host and memory per open connection.

Starts several local fleets (chorus-fleet, up to 500 hosts each, sshd at nice 19 since the servers
stand in for other machines), writes one ssh_config naming every host f<fleet>-node<NNN>, and runs
each tool on all of them with the same command, key and fanout. The servers share the machine's
cores with the client, so wall time says little; what is reported is the client's own CPU time (its
process and every child it spawns: clush and pssh start one ssh per host) and its peak RSS.

    python3 tests/bench/scalebench.py --build-dir build [--hosts 2000] [--fanout 256] [--tools chorus,clush,pssh]

Chorus runs twice more: on 10 hosts (the baseline memory) and with --repeat 2 (every connection open
at the end of the first round and reused in the second), which gives the memory per open connection.
Only 127.0.0.0/8 addresses are contacted.
"""
import argparse
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def start_fleets(fleet_bin, hosts, workdir):
    fleets = []
    left = hosts
    while left > 0:
        count = min(500, left)
        proc = subprocess.Popen([fleet_bin, "--hosts", str(count), "--json"], stdout=subprocess.PIPE,
                                stderr=open(os.path.join(workdir, f"fleet{len(fleets) + 1}.log"), "w"),
                                text=True, start_new_session=True)
        line = proc.stdout.readline()
        if not line:
            raise SystemExit(f"chorus-fleet --hosts {count} did not start (see {workdir})")
        info = json.loads(line)
        for pid in info["serverPids"]:
            os.setpriority(os.PRIO_PROCESS, pid, 19)
        fleets.append((proc, info))
        left -= count
    return fleets


def combined_config(fleets, path):
    names = []
    with open(path, "w") as out:
        for i, (_, info) in enumerate(fleets, 1):
            text = open(info["sshConfig"]).read()
            out.write(re.sub(r"^Host (\S+)", lambda m: f"Host f{i}-{m.group(1)}", text, flags=re.M))
            names += [f"f{i}-{h['name']}" for h in info["hosts"]]
    return names


def measure(argv, env, timeout, stdout_path):
    """Runs argv; returns (status, wall s, CPU s of it and its children, peak RSS MiB of the largest)."""
    start = time.monotonic()
    with open(stdout_path, "wb") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, env=env, start_new_session=True)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    wall = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    # wait4 gives the process's own usage plus that of the children it waited for.
    cpu = usage.ru_utime + usage.ru_stime
    return os.waitstatus_to_exitcode(status), wall, cpu, usage.ru_maxrss / 1024, err


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default="build")
    parser.add_argument("--hosts", type=int, default=2000)
    parser.add_argument("--fanout", type=int, default=256)
    parser.add_argument("--tools", default="chorus,clush,pssh")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    chorus = os.path.abspath(os.path.join(args.build_dir, "app", "chorus"))
    fleet_bin = os.path.abspath(os.path.join(args.build_dir, "tests", "chorus-fleet"))
    workdir = tempfile.mkdtemp(prefix="chorus-scale-")
    env = dict(os.environ, HOME=workdir, LC_ALL="C.UTF-8")
    fleets = []
    rows = []
    notes = []
    try:
        fleets = start_fleets(fleet_bin, args.hosts, workdir)
        config = os.path.join(workdir, "ssh_config")
        names = combined_config(fleets, config)
        hosts_file = os.path.join(workdir, "hosts")
        with open(hosts_file, "w") as f:
            f.write("\n".join(names) + "\n")
        n = len(names)
        command = "uname -n"

        def chorus_run(count, extra=()):
            argv = [chorus, "run", "-F", config, "-H", hosts_file if count == n else _subset(count), "-f",
                    str(args.fanout), "-b", *extra, command]
            return measure(argv, env, args.timeout, os.path.join(workdir, f"chorus-{count}.out"))

        def _subset(count):
            path = os.path.join(workdir, f"hosts-{count}")
            with open(path, "w") as f:
                f.write("\n".join(names[:count]) + "\n")
            return path

        tools = args.tools.split(",")
        results = {}
        if "chorus" in tools:
            _, _, _, base_rss, _ = chorus_run(10)
            status, wall, cpu, rss, err = chorus_run(n)
            ok = f"({n})" in open(os.path.join(workdir, f"chorus-{n}.out")).read()
            results["chorus"] = (status, wall, cpu, rss, ok)
            if status != 0 or not ok:
                notes.append(f"chorus: status {status}: {err[-600:]}")
            status2, wall2, cpu2, rss2, err2 = chorus_run(n, ["--repeat", "2"])
            per_conn = (rss2 - base_rss) * 1024 / (n - 10)
            rows.append(("chorus --repeat 2 (second round on the open connections)", status2, wall2, cpu2, rss2,
                         f"{per_conn:.0f} KiB per open connection (peak RSS over the 10-host run's {base_rss:.0f} MiB)"))
        if "clush" in tools and shutil.which("clush"):
            argv = ["clush", "-f", str(args.fanout), "-w", ",".join(names), "-o", f"-F {config}", "-S", "-b", command]
            status, wall, cpu, rss, err = measure(argv, env, args.timeout, os.path.join(workdir, "clush.out"))
            results["clush"] = (status, wall, cpu, rss, status == 0)
        if "pssh" in tools and shutil.which("parallel-ssh"):
            argv = ["parallel-ssh", "-h", hosts_file, "-p", str(args.fanout), "-t", "0", "-x", f"-F {config}", command]
            status, wall, cpu, rss, err = measure(argv, env, args.timeout, os.path.join(workdir, "pssh.out"))
            results["pssh"] = (status, wall, cpu, rss, status == 0)

        print(f"## {n} hosts from one machine ({len(fleets)} fleets, fanout {args.fanout}, `{command}`)\n")
        print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, load "
              f"{os.getloadavg()[0]:.1f} at the end. Client CPU = the tool's process and every process it started.\n")
        print("| tool | status | wall s | client CPU s | CPU ms per host | peak RSS MiB (largest process) | vs Chorus CPU |")
        print("|---|---|---|---|---|---|---|")
        base = results.get("chorus")
        for tool, (status, wall, cpu, rss, ok) in results.items():
            ratio = f"{cpu / base[2]:.1f}x" if base and base[2] > 0 else "-"
            print(f"| {tool} | {status}{'' if ok else ' (output incomplete)'} | {wall:.1f} | {cpu:.1f} | "
                  f"{cpu * 1000 / n:.2f} | {rss:.0f} | {ratio} |")
        for name, status, wall, cpu, rss, note in rows:
            print(f"| {name} | {status} | {wall:.1f} | {cpu:.1f} | {cpu * 1000 / (2 * n):.2f} per host-round | {rss:.0f} | {note} |")
        for note in notes:
            print(f"\nnote: {note}")
        return 0 if all(r[0] == 0 and r[4] for r in results.values()) else 1
    finally:
        for proc, _ in fleets:
            os.killpg(proc.pid, signal.SIGTERM)
        for proc, _ in fleets:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
