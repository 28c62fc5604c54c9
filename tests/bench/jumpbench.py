#!/usr/bin/env python3
"""Many hosts behind one jump host (bastion): Chorus against clush and pssh, side by side.

Starts `chorus-fleet --jump` (200 hosts and a jump host whose sshd logs what it forwards), writes an
ssh_config that sends every fleet host through the jump host (ProxyJump), and runs each tool with
the same command, key and fanout, cold, several rounds interleaved. clush and pssh run OpenSSH,
which opens one `ssh -W` session on the jump host per target; Chorus opens one connection to the
jump host and one direct-tcpip channel per target on it.

Reported: median wall time, client CPU (the tool and every child it starts), the jump host's CPU
(its sshd listener and every connection process it reaped) and the CPU of all the fleet's servers,
each as a ratio to Chorus; then a warm round through the jump host against a warm round without
it (`chorus run --repeat 3`, rounds 2 and 3), and the issue's targets with PASS or MISS.

    python3 tests/bench/jumpbench.py --build-dir build [--hosts 200] [--rounds 3] [--fanout 64]

Python 3 standard library only. Contacts nothing but the fleet's 127.0.0.0/8 addresses.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import Fleet, log, measure, tree_cpu  # noqa: E402


class JumpFleet:
    """chorus-fleet --jump: the hosts, the jump host and the listeners' pids."""

    def __init__(self, binary, count, workdir):
        self.process = subprocess.Popen([binary, "--hosts", str(count), "--json", "--jump"],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=open(os.path.join(workdir, "fleet.log"), "wb"),
                                        start_new_session=True)
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"chorus-fleet --jump did not start (see {workdir}/fleet.log)")
        self.info = json.loads(line)
        self.hosts = self.info["hosts"]
        self.jump = self.info["jumpHost"]
        self.servers = self.info["serverPids"]
        for h in self.hosts + [self.jump]:
            assert h["address"].startswith("127."), h

    def names(self):
        return [h["name"] for h in self.hosts]

    def jump_cpu(self):
        return tree_cpu([self.jump["pid"]])

    # measure()'s fleet interface, as bench.Fleet has it (both read self.servers).
    server_cpu = Fleet.server_cpu
    wait_connections_closed = Fleet.wait_connections_closed

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def fold(names):
    m = [re.fullmatch(r"(.*?)(\d+)", n) for n in names]
    nums = [int(x.group(2)) for x in m]
    width = len(m[0].group(2))
    return f"{m[0].group(1)}[{nums[0]:0{width}d}-{nums[-1]:0{width}d}]"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default="build")
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--fanout", type=int, default=64)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()

    build = os.path.abspath(args.build_dir)
    chorus = os.path.join(build, "app", "chorus")
    workdir = tempfile.mkdtemp(prefix="chorus-jumpbench-")
    home = os.path.join(workdir, "home")
    os.makedirs(home)
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"), LC_ALL="C.UTF-8")
    for var in ("SSH_AUTH_SOCK", "SSH_AGENT_PID", "DISPLAY"):
        env.pop(var, None)
    fleet = JumpFleet(os.path.join(build, "tests", "chorus-fleet"), args.hosts, workdir)
    try:
        names = fleet.names()
        spec = fold(names)
        prefix = re.match(r"(.*?)\d+$", names[0]).group(1)
        # Every fleet host through the jump host; the jump host itself directly.
        jump_cfg = os.path.join(workdir, "ssh_config-jump")
        with open(jump_cfg, "w") as f:
            f.write(f"Include {fleet.info['sshConfig']}\n\nHost {prefix}*\n    ProxyJump {fleet.jump['name']}\n")
        direct_cfg = fleet.info["sshConfig"]
        hosts_file = os.path.join(workdir, "hosts")
        with open(hosts_file, "w") as f:
            f.write("\n".join(names) + "\n")

        def argv(tool, cfg, command="uname -n", repeat=None):
            if tool == "chorus":
                a = [chorus, "run", "-F", cfg, "-f", str(args.fanout), "-w", spec, "-b", command]
                if repeat:
                    a[2:2] = ["--repeat", str(repeat)]
                return a
            if tool == "pssh":
                return ["parallel-ssh", "-h", hosts_file, "-p", str(args.fanout), "-t", "0",
                        "-x", f"-F {shlex.quote(cfg)}", "-i", command]
            if tool == "clush":
                return ["clush", "-f", str(args.fanout), "-w", spec, "-o", f"-F {shlex.quote(cfg)}", "-S", "-b",
                        command]
            raise ValueError(tool)

        tools = ["chorus"] + [t for t, exe in (("clush", "clush"), ("pssh", "parallel-ssh")) if shutil.which(exe)]
        results = {t: [] for t in tools}
        for r in range(args.rounds):
            for tool in tools:
                log(f"cold N={args.hosts} through {fleet.jump['name']}: {tool} round {r + 1}")
                jump0 = fleet.jump_cpu()
                run = measure(argv(tool, jump_cfg), fleet, env, workdir, os.path.join(workdir, f"{tool}.out"),
                              args.timeout)
                run.jump = fleet.jump_cpu() - jump0
                # Exit 0 means every host answered (-b folds identical answers into one).
                with open(run.out_path, "rb") as f:
                    answered = os.uname().nodename.encode() in f.read()
                if run.rc != 0 or run.timed_out or not answered:
                    raise SystemExit(f"{tool} failed through the jump host: exit {run.rc}; "
                                     f"{run.stderr.strip()[-600:]}")
                results[tool].append(run)

        warm = {}
        for name, cfg in (("through the jump host", jump_cfg), ("direct", direct_cfg)):
            walls = []
            for r in range(args.rounds):
                log(f"warm N={args.hosts} {name}: chorus --repeat 3 round {r + 1}")
                run = measure(argv("chorus", cfg, repeat=3), fleet, env, workdir,
                              os.path.join(workdir, "warm.out"), args.timeout)
                found = [float(v) / (1000 if u == "ms" else 1)
                         for v, u in re.findall(r"round \d+.*?(\d+(?:\.\d+)?)\s*(ms|s)\b", run.stderr)]
                walls.extend(found[1:3])
            warm[name] = statistics.median(walls) if walls else None

        def med(tool, field):
            return statistics.median(getattr(x, field) for x in results[tool])

        print(f"\n## {args.hosts} hosts behind one jump host, cold `uname -n`, fanout {args.fanout}, "
              f"{args.rounds} rounds (medians)\n")
        print("| tool | wall s | client CPU s | jump host CPU s | all servers CPU s |")
        print("|---|---|---|---|---|")
        base = {f: med("chorus", f) for f in ("wall", "cpu", "jump", "server")}
        for tool in tools:
            cells = []
            for field in ("wall", "cpu", "jump", "server"):
                value = med(tool, field)
                ratio = "" if tool == "chorus" else f" ({value / base[field]:.1f}×)" if base[field] > 0 else ""
                cells.append(f"{value:.2f}{ratio}")
            print(f"| {tool} | " + " | ".join(cells) + " |")
        through, direct = warm["through the jump host"], warm["direct"]
        if through and direct:
            print(f"\nWarm round (chorus --repeat 3, rounds 2 and 3): through the jump host {through * 1000:.0f} ms, "
                  f"direct {direct * 1000:.0f} ms: {through / direct:.2f}×")
        print("\n### Targets\n")
        peers = [t for t in tools if t != "chorus"]

        def verdict(ok):
            return "PASS" if ok else "MISS"

        for tool in peers:
            cpu = med(tool, "cpu") / base["cpu"]
            jump = med(tool, "jump") / base["jump"] if base["jump"] > 0 else float("inf")
            print(f"- client CPU {cpu:.1f}× less than {tool} (target ≥ 20×): {verdict(cpu >= 20)}")
            print(f"- jump host CPU {jump:.1f}× less than {tool}, one session per host (target ≥ 3×): "
                  f"{verdict(jump >= 3)}")
        if peers:
            fastest = min(med(t, "wall") for t in peers)
            print(f"- wall {base['wall'] / fastest:.2f}× the fastest peer (target ≤ 0.5×): "
                  f"{verdict(base['wall'] / fastest <= 0.5)}")
        if through and direct:
            print(f"- warm round through the jump host {through / direct:.2f}× a direct one (target ≤ 1.5×): "
                  f"{verdict(through / direct <= 1.5)}")
    finally:
        fleet.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
