#!/usr/bin/env python3
"""What `chorus run --matrix` should print, worked out independently from the host objects that
`chorus run --json` printed for the same run: tst_cli compares the two byte for byte.

    matrix_oracle.py --order node01,node02,... [--json] < hosts.jsonl

--order is the hosts in the order chorus was given them (its groups of equal size keep that order).
Prints the text rows and summary line, or with --json the groups and matrix fields of --json's last
object, as one JSON object. Written from the help text's description, not from the C++: the point is
a second opinion. Lines without a "host" field (--json's own summary) are ignored.
"""

import argparse
import base64
import json
import sys

MAX_HOST_SET_WIDTH = 40
MAX_DIGITS = 18


def stdout_of(obj):
    if "stdout_b64" in obj:
        return base64.b64decode(obj["stdout_b64"])
    return obj["stdout"].encode("utf-8")


def stderr_of(obj):
    if "stderr_b64" in obj:
        return base64.b64decode(obj["stderr_b64"])
    return obj["stderr"].encode("utf-8")


def split_lines(output):
    """At '\n', a '\r' right before it dropped; the empty piece after a final newline is no line."""
    pieces = output.split(b"\n")
    last = pieces.pop()  # not followed by a newline: its '\r' stays
    lines = [p[:-1] if p.endswith(b"\r") else p for p in pieces]
    return lines + [last] if last else lines


# --- HostSet::fold, as the header describes it -----------------------------------------------------

def split_for_folding(name):
    if not name or name[0] == "@" or any(c in "[]," or c.isspace() for c in name):
        return None
    host_start = name.rfind("@") + 1
    colon = name.find(":", host_start)
    if colon >= 0 and name.find(":", colon + 1) >= 0:
        return None  # IPv6
    end = colon if colon >= 0 else len(name)
    while end > host_start and not name[end - 1].isdigit():
        end -= 1
    if end == host_start:
        return None
    begin = end
    while begin > host_start and name[begin - 1].isdigit():
        begin -= 1
    if end - begin > MAX_DIGITS:
        return None
    return name[:begin], name[begin:end], name[end:]


def fold_numbers(by_width):
    runs = []
    for width in sorted(by_width):
        values = sorted(by_width[width])
        i = 0
        while i < len(values):
            first = last = values[i]
            i += 1
            while i < len(values) and values[i] == last + 1:
                last = values[i]
                i += 1
            fmt = lambda v: str(v).rjust(width, "0")
            runs.append((len(fmt(first)), first, fmt(first) if first == last else f"{fmt(first)}-{fmt(last)}"))
    runs.sort(key=lambda r: (r[0], r[1]))
    return ",".join(r[2] for r in runs)


def fold(names):
    plain = {}
    groups = {}
    unpadded = {}
    seen = set()
    for name in names:
        if not name or name in seen:
            continue
        seen.add(name)
        parts = split_for_folding(name)
        if parts is None:
            plain[(name, "", 0)] = name
            continue
        prefix, digits, suffix = parts
        if len(digits) > 1 and digits[0] == "0":
            groups.setdefault((prefix, suffix, 1), {}).setdefault(len(digits), set()).add(int(digits))
        else:
            unpadded.setdefault((prefix, suffix), []).append(digits)
    for (prefix, suffix), list_ in sorted(unpadded.items()):
        numbers = groups.setdefault((prefix, suffix, 1), {})
        for digits in list_:
            width = len(digits)
            joins = width > 1 and numbers.get(width)
            numbers.setdefault(width if joins else 0, set()).add(int(digits))
    out = dict(plain)
    for pattern, numbers in groups.items():
        total = sum(len(v) for v in numbers.values())
        inner = fold_numbers(numbers)
        out[pattern] = pattern[0] + (inner if total == 1 else f"[{inner}]") + pattern[1]
    # std::map orders QString keys by UTF-16 code units; for these names that is code point order.
    return ",".join(out[k] for k in sorted(out))


# --- printable() ------------------------------------------------------------------------------------

BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def printable(line):
    out = []
    for ch in line.decode("utf-8", "replace"):
        c = ord(ch)
        if c < 0x20 or c == 0x7F:
            out.append("\\%03o" % c)
        elif 0x80 <= c < 0xA0 or c in BIDI:
            out.append("\\u{%04x}" % c)
        else:
            out.append(ch)
    return "".join(out)


def plural(n, one, many):
    return f"{n} {one if n == 1 else many}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--order", required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    order = args.order.split(",")

    hosts = {}
    for raw in sys.stdin.buffer.read().splitlines():
        obj = json.loads(raw)
        if "host" in obj:
            hosts[obj["host"]] = obj
    assert sorted(hosts) == sorted(order), (sorted(hosts), order)

    # Groups: the same stdout, stderr and ending; largest first, then by first member.
    groups = []
    by_key = {}
    for name in order:
        o = hosts[name]
        key = (stdout_of(o), stderr_of(o), o["exit_status"], o["signal"], o["error"], o["truncated"])
        if key not in by_key:
            by_key[key] = len(groups)
            groups.append({"key": key, "members": []})
        groups[by_key[key]]["members"].append(name)
    groups.sort(key=lambda g: -len(g["members"]))  # stable: ties keep their first member's order
    index = {name: i for i, name in enumerate(order)}

    # The matrix: only hosts whose command ran to its end with all of its output.
    columns = [g for g in groups if g["key"][4] is None and not g["key"][5]]
    left_out = sorted((n for g in groups if g not in columns for n in g["members"]), key=index.get)
    total = sum(len(g["members"]) for g in columns)
    rows = {}  # line -> [first seen, hosts]
    for g in columns:
        for line in dict.fromkeys(split_lines(g["key"][0])):
            row = rows.setdefault(line, [len(rows), []])
            row[1].extend(g["members"])
    ordered = sorted(rows.items(), key=lambda kv: (-len(kv[1][1]), kv[1][0]))
    differing = [(line, sorted(members, key=index.get)) for line, (_, members) in ordered if len(members) < total]

    if args.json:
        def host_fields(names):
            return {"hosts": names, "hostset": fold(names), "count": len(names)}

        result = {"groups": [], "matrix": [], "matrix_lines": len(rows), "matrix_left_out": left_out}
        for g in groups:
            stdout, stderr, exit_status, signal, error, truncated = g["key"]
            result["groups"].append(dict(host_fields(sorted(g["members"], key=index.get)), exit_status=exit_status,
                                         signal=signal, error=error, truncated=truncated))
        for line, members in differing:
            try:
                row = {"line": line.decode("utf-8")}
            except UnicodeDecodeError:
                row = {"line_b64": base64.b64encode(line).decode("ascii")}
            result["matrix"].append(dict(row, **host_fields(members)))
        print(json.dumps(result, ensure_ascii=False))
        return

    printed = []
    for line, members in differing:
        if len(members) * 2 < total:
            where = "on " + fold(members)
        else:
            where = "not on " + fold([n for g in columns for n in g["members"] if n not in members])
        printed.append((f"{len(members)}/{total}", where, printable(line)))
    count_width = len(str(total)) * 2 + 1
    where_width = max([min(len(w), MAX_HOST_SET_WIDTH) for _, w, _ in printed], default=0)
    out = []
    for count, where, line in printed:
        out.append(f"  {count.rjust(count_width)}  {where.ljust(where_width)}  {line}\n")
    out.append(f"{plural(len(rows), 'distinct line', 'distinct lines')}, {len(printed)} of them not on every host; "
               f"{plural(total, 'host', 'hosts')} in {plural(len(columns), 'group', 'groups')}\n")
    sys.stdout.buffer.write("".join(out).encode("utf-8"))


if __name__ == "__main__":
    main()
