#!/usr/bin/env python3
"""The asyncssh peer of tests/bench/bench.py: one command on many hosts the way a short asyncssh
script does it (one asyncio task per host, asyncio.gather, a semaphore of `fanout` permits), with
the fleet's key and known_hosts and no other configuration.

    asyncssh_run.py --fleet fleet.json --count 100 --fanout 64 -- uname -n

fleet.json is what `chorus-fleet --json` prints. Prints "host: line" for each line of output,
reports failures on stderr and exits 1 when any host failed or exited non-zero.
"""

import argparse
import asyncio
import json
import sys
import warnings

# Debian's python3-cryptography warns about ciphers asyncssh merely registers.
warnings.filterwarnings("ignore")
import asyncssh  # noqa: E402  (after the warning filter on purpose)


async def run_host(semaphore, host, fleet, command):
    async with semaphore:
        try:
            async with asyncssh.connect(
                host["address"],
                port=host["port"],
                username=fleet["user"],
                client_keys=[fleet["identity"]],
                known_hosts=fleet["knownHosts"],
                config=[],  # no ~/.ssh/config: everything it needs is given here
                agent_path=None,
                compression_algs=["none"],  # like the fleet's ssh_config: Compression no
            ) as connection:
                result = await connection.run(command, check=False)
                return host["name"], result.exit_status, result.stdout or "", None
        except (OSError, asyncssh.Error) as error:
            return host["name"], None, "", str(error) or type(error).__name__


async def run_all(hosts, fleet, command, fanout):
    semaphore = asyncio.Semaphore(fanout)
    return await asyncio.gather(*(run_host(semaphore, h, fleet, command) for h in hosts))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fleet", required=True, help="JSON printed by chorus-fleet --json")
    parser.add_argument("--count", type=int, default=0, help="use the first COUNT hosts (default: all)")
    parser.add_argument("--fanout", type=int, default=64)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    with open(args.fleet, encoding="utf-8") as f:
        fleet = json.load(f)
    hosts = fleet["hosts"][: args.count] if args.count > 0 else fleet["hosts"]
    if not hosts or args.fanout < 1:
        parser.error("no hosts, or a fanout below 1")

    results = asyncio.run(run_all(hosts, fleet, " ".join(args.command), args.fanout))
    failed = 0
    out = sys.stdout
    for name, status, stdout, error in results:
        for line in stdout.splitlines():
            out.write(f"{name}: {line}\n")
        if error is not None or status != 0:
            failed += 1
            print(f"{name}: {error or f'exit status {status}'}", file=sys.stderr)
    if failed:
        print(f"asyncssh_run: {failed} of {len(hosts)} hosts failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
