#!/usr/bin/env python3
"""`chorus push` / `chorus pull` against OpenSSH `sftp -b` and pssh's `parallel-scp` (`make bench`).

On one chorus-fleet (the same hosts, key and ssh_config for every tool), interleaved rounds:
  1. a 512 MiB file pushed to and pulled from one host: Chorus against `sftp -F CONFIG -b`;
     target: Chorus at least 50 % of sftp's rate.
  2. a 10 MiB file pushed to 100 hosts: Chorus against `parallel-scp -h HOSTS -O ...`;
     target: Chorus at most 2x parallel-scp's time.
Prints median wall times, rates and ratios as markdown. Python 3 standard library only; contacts
nothing but the fleet's 127.0.0.0/8 addresses. The fleet's hosts are this machine, so every copy
lands in a scratch folder here.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench import Fleet  # noqa: E402  (the same fleet wrapper as bench.py)

MIB = 1024 * 1024


def log(message):
    print(f"[transferbench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(argv, timeout=600, **kw):
    start = time.monotonic()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout, **kw)
    elapsed = time.monotonic() - start
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def make_file(path, size):
    with open(path, "wb") as f:
        remaining = size
        block = os.urandom(MIB)
        while remaining > 0:
            f.write(block[: min(MIB, remaining)])
            remaining -= MIB


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.path.join(os.path.dirname(os.path.dirname(HERE)), "build"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--big-mib", type=int, default=512)
    parser.add_argument("--hosts", type=int, default=100)
    parser.add_argument("--small-mib", type=int, default=10)
    args = parser.parse_args()

    chorus = os.path.join(args.build_dir, "app", "chorus")
    fleet_bin = os.path.join(args.build_dir, "tests", "chorus-fleet")
    pscp = shutil.which("parallel-scp") or shutil.which("pscp.pssh")
    for tool in (chorus, fleet_bin):
        if not os.access(tool, os.X_OK):
            sys.exit(f"transferbench: {tool} is not built")
    if not shutil.which("sftp"):
        sys.exit("transferbench: OpenSSH sftp is not installed")

    work = tempfile.mkdtemp(prefix="chorus-transferbench-")
    fleet = Fleet(fleet_bin, args.hosts, work)
    failures = 0
    try:
        config = fleet.config
        host = fleet.names[0]
        big = os.path.join(work, "big.bin")
        make_file(big, args.big_mib * MIB)
        small = os.path.join(work, "small.bin")
        make_file(small, args.small_mib * MIB)
        times = {k: [] for k in ("chorus push", "sftp put", "chorus pull", "sftp get", "chorus push N", "pscp N")}

        for r in range(args.rounds):
            log(f"round {r + 1}/{args.rounds}: {args.big_mib} MiB to and from {host}")
            dest = os.path.join(work, "dest")
            for order in (("chorus", "sftp"), ("sftp", "chorus"))[r % 2]:
                shutil.rmtree(dest, ignore_errors=True)
                os.makedirs(dest)
                if order == "chorus":
                    times["chorus push"].append(timed([chorus, "push", "-F", config, "-w", host, big, dest]))
                    got = os.path.join(work, "got")
                    shutil.rmtree(got, ignore_errors=True)
                    times["chorus pull"].append(
                        timed([chorus, "pull", "-F", config, "-w", host, os.path.join(dest, "big.bin"), got]))
                else:
                    batch = os.path.join(work, "batch")
                    with open(batch, "w") as f:
                        f.write(f"put {big} {dest}/big.bin\n")
                    times["sftp put"].append(timed(["sftp", "-q", "-F", config, "-b", batch, host]))
                    with open(batch, "w") as f:
                        f.write(f"get {dest}/big.bin {work}/sftp-got.bin\n")
                    times["sftp get"].append(timed(["sftp", "-q", "-F", config, "-b", batch, host]))

            if pscp:
                log(f"round {r + 1}/{args.rounds}: {args.small_mib} MiB to {args.hosts} hosts")
                hosts_file = os.path.join(work, "hosts")
                with open(hosts_file, "w") as f:
                    f.write("\n".join(fleet.names) + "\n")
                for order in (("chorus", "pscp"), ("pscp", "chorus"))[r % 2]:
                    dest = os.path.join(work, "many")
                    shutil.rmtree(dest, ignore_errors=True)
                    os.makedirs(dest)
                    if order == "chorus":
                        times["chorus push N"].append(
                            timed([chorus, "push", "-F", config, "-H", hosts_file, "-f", str(args.hosts), small, dest]))
                    else:
                        times["pscp N"].append(timed([pscp, "-h", hosts_file, "-p", str(args.hosts), "-x", f"-F {config}", small,
                                                      os.path.join(dest, "small.bin")]))

        med = {k: statistics.median(v) for k, v in times.items() if v}
        print(f"\n### Transfers ({args.rounds} rounds, medians)\n")
        print("| what | Chorus | other | Chorus / other |")
        print("|---|---|---|---|")
        rows = [("push %d MiB, 1 host (rate vs `sftp put`)" % args.big_mib, "chorus push", "sftp put", True),
                ("pull %d MiB, 1 host (rate vs `sftp get`)" % args.big_mib, "chorus pull", "sftp get", True),
                ("push %d MiB to %d hosts (time vs `parallel-scp`)" % (args.small_mib, args.hosts),
                 "chorus push N", "pscp N", False)]
        for label, ours, theirs, rate in rows:
            if ours not in med or theirs not in med:
                print(f"| {label} | - | - | not run |")
                continue
            if rate:
                a = args.big_mib / med[ours]
                b = args.big_mib / med[theirs]
                ratio = a / b
                ok = ratio >= 0.5
                print(f"| {label} | {a:.0f} MiB/s ({med[ours]:.2f} s) | {b:.0f} MiB/s ({med[theirs]:.2f} s) | "
                      f"{ratio:.2f} (target >= 0.50: {'PASS' if ok else 'MISS'}) |")
            else:
                ratio = med[ours] / med[theirs]
                ok = ratio <= 2.0
                print(f"| {label} | {med[ours]:.2f} s | {med[theirs]:.2f} s | "
                      f"{ratio:.2f} (target <= 2.00: {'PASS' if ok else 'MISS'}) |")
            failures += 0 if ok else 1
    finally:
        fleet.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
