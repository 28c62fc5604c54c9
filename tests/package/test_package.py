#!/usr/bin/env python3
"""The .deb as a user gets it: made from the build (cpack, into a scratch folder, so it is always
this build's), installed with dpkg -i, used (--version, a run against a local fleet, the man pages,
bash and zsh completion of saved groups), then removed with dpkg -r, leaving none of its files.

    test_package.py --build-dir build [--deb FILE]

Root only, and only where no chorus package is installed already: it installs into /usr. Otherwise
it says why and skips. One PASS/FAIL/SKIP line per check; exit status 1 when any failed.
"""

import argparse
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shelldriver import Report, bash_complete, hosts_fixture, throwaway_env  # noqa: E402

BASH_COMPLETION = "/usr/share/bash-completion/completions/chorus"
ZSH_COMPLETION = "/usr/share/zsh/vendor-completions/_chorus"


def run(argv, **kwargs):
    kwargs.setdefault("timeout", 300)
    return subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
                          **kwargs)


def installed_version(package):
    r = run(["dpkg-query", "-W", "-f=${Status} ${Version}", package])
    if r.returncode == 0 and r.stdout.split()[:3] == ["install", "ok", "installed"]:
        return r.stdout.split()[3]
    return None


def why_skip():
    if os.geteuid() != 0:
        return "needs root: it installs the .deb into /usr with dpkg (CI runs as root)"
    if not shutil.which("dpkg"):
        return "no dpkg on this system"
    version = installed_version("chorus")
    if version:
        return f"a chorus package ({version}) is installed already; it is left alone"
    if os.path.exists("/usr/bin/chorus"):
        return "/usr/bin/chorus exists and belongs to no package; it is left alone"
    return None


def man_pages_excluded():
    """Minimal images tell dpkg to leave out /usr/share/man (path-exclude in dpkg.cfg.d)."""
    for path in glob.glob("/etc/dpkg/dpkg.cfg.d/*") + ["/etc/dpkg/dpkg.cfg"]:
        try:
            with open(path) as f:
                if any(l.startswith("path-exclude") and "/usr/share/man" in l for l in f):
                    return path
        except OSError:
            pass
    return None


def make_deb(report, build_dir, scratch):
    config = os.path.join(build_dir, "CPackConfig.cmake")
    r = run(["cpack", "-G", "DEB", "--config", config, "-B", scratch], cwd=build_dir, timeout=900)
    debs = glob.glob(os.path.join(scratch, "chorus_*.deb"))
    report.check("cpack makes chorus_VERSION_ARCH.deb from the build", r.returncode == 0 and len(debs) == 1,
                 (r.stdout + r.stderr).strip()[-800:])
    return debs[0] if debs else None


def run_against_fleet(report, fleet_binary, env):
    fleet = subprocess.Popen([fleet_binary, "--hosts", "2", "--json"], stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = fleet.stdout.readline()
        try:
            info = json.loads(line)
        except json.JSONDecodeError:
            report.check("chorus-fleet starts two hosts", False, line + fleet.stderr.read()[-500:])
            return
        names = ",".join(h["name"] for h in info["hosts"])
        r = run(["/usr/bin/chorus", "run", "-F", info["sshConfig"], "-w", names, "-b", "echo ok"], env=env)
        report.check(f"/usr/bin/chorus run -w {names} -b 'echo ok' exits 0 and prints ok",
                     r.returncode == 0 and "ok" in r.stdout.split(),
                     f"exit {r.returncode}: {r.stdout.strip()} {r.stderr.strip()}")
    finally:
        fleet.send_signal(signal.SIGTERM)
        try:
            fleet.wait(timeout=60)
        except subprocess.TimeoutExpired:
            fleet.kill()
            fleet.wait()


def check_installed(report, files, build_dir, home):
    r = run(["/usr/bin/chorus", "--version"])
    report.check("/usr/bin/chorus --version", r.returncode == 0 and r.stdout.startswith("chorus "),
                 f"exit {r.returncode}: {r.stdout.strip()} {r.stderr.strip()}")
    report.check("the package holds no tests, benchmarks or chorus-fleet",
                 not [f for f in files if "/tst_" in f or "fleet" in f or "bench" in f], str(files))
    expected = ["/usr/bin/chorus", "/usr/share/applications/io.github.chorus.Chorus.desktop",
                "/usr/share/metainfo/io.github.chorus.Chorus.metainfo.xml",
                "/usr/share/icons/hicolor/scalable/apps/chorus.svg",
                "/usr/share/icons/hicolor/256x256/apps/chorus.png", BASH_COMPLETION, ZSH_COMPLETION]
    missing = [f for f in expected if f not in files]
    report.check("binary, desktop file, metainfo, icons and completions are installed", not missing,
                 f"missing {missing}")

    env = throwaway_env(home, "/usr/bin")
    run_against_fleet(report, os.path.join(build_dir, "tests", "chorus-fleet"), env)

    excluded = man_pages_excluded()
    if excluded:
        report.skip("man pages", f"{excluded} tells dpkg to leave out /usr/share/man")
    elif not shutil.which("man"):
        report.skip("man pages", "man-db is not installed (make deps installs it)")
    else:
        r = run(["man", "-w", "chorus-run"], env=env)
        report.check("man -w chorus-run finds the page", r.returncode == 0 and
                     r.stdout.strip() == "/usr/share/man/man1/chorus-run.1.gz", r.stdout + r.stderr)
        for page in sorted(f for f in files if f.startswith("/usr/share/man/man1/")):
            r = run(["man", "--warnings", "-l", page], env=dict(env, MANWIDTH="80"))
            report.check(f"man --warnings -l {os.path.basename(page)} renders without warnings",
                         r.returncode == 0 and not r.stderr and "SYNOPSIS" in r.stdout, r.stderr.strip())

    r = run(["bash", "--norc", "--noprofile", "-c", f"source {BASH_COMPLETION}"], env=env)
    report.check("bash loads the installed completion", r.returncode == 0 and not r.stderr, r.stderr.strip())
    hosts_fixture("/usr/bin/chorus", env)
    try:
        got = bash_complete(BASH_COMPLETION, env, ["chorus", "run", "-w", "@"])
    except RuntimeError as e:
        got = str(e)
    report.check("bash completes 'chorus run -w @' to the saved groups",
                 isinstance(got, list) and {"@prod", "@prod/web", "@prod/db"} <= set(got), f"got {got}")

    zsh = shutil.which("zsh")
    if zsh:
        # With no fpath of its own: Debian's zsh looks in vendor-completions already.
        r = run([zsh, "-f", "-c", "autoload -U compinit; compinit -u -D; "
                                  "[[ $_comps[chorus] == _chorus ]] || exit 3; autoload +X _chorus"], env=env)
        report.check("zsh finds the installed _chorus for chorus and loads it", r.returncode == 0 and not r.stderr,
                     f"exit {r.returncode}: {r.stderr.strip()}")
    else:
        report.skip("zsh completion", "zsh is not installed (make deps installs it)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--deb", help="test this .deb instead of making one from the build")
    args = parser.parse_args()
    build_dir = os.path.abspath(args.build_dir)
    report = Report()
    why = why_skip()
    if why:
        report.skip("the .deb", why)
        return 0

    with tempfile.TemporaryDirectory(prefix="chorus-package.") as scratch:
        deb = os.path.abspath(args.deb) if args.deb else make_deb(report, build_dir, scratch)
        if not deb:
            return report.status()
        r = run(["dpkg-deb", "-f", deb, "Package", "Version", "Depends"])
        print(f"package: {os.path.basename(deb)}, {os.path.getsize(deb)} bytes\n{r.stdout.strip()}", flush=True)
        try:
            r = run(["dpkg", "-i", deb], env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
            if not report.check("dpkg -i installs it", r.returncode == 0 and installed_version("chorus"),
                                (r.stdout + r.stderr).strip()[-800:]):
                return report.status()
            listing = run(["dpkg", "-L", "chorus"]).stdout.split("\n")
            files = sorted(f for f in listing if f and os.path.isfile(f))
            home = os.path.join(scratch, "home")
            os.makedirs(home)
            check_installed(report, files, build_dir, home)

            r = run(["dpkg", "-r", "chorus"])
            report.check("dpkg -r removes it", r.returncode == 0 and not installed_version("chorus"),
                         (r.stdout + r.stderr).strip())
            left = [f for f in files if os.path.lexists(f)]
            report.check(f"none of its {len(files)} files is left", not left, f"left: {left}")
        finally:
            # Whatever happened on the way, the machine is left without the package and its record.
            run(["dpkg", "--purge", "chorus"])
    return report.status()


if __name__ == "__main__":
    sys.exit(main())
