#!/usr/bin/env python3
"""Man pages from the program's own --help, so the two never disagree.

    helptoman.py --program build/app/chorus --version 0.1.0 --output-dir DIR run push ...

Writes DIR/chorus.1 and DIR/chorus-COMMAND.1 for each COMMAND named, and a gzipped copy of each
(.1.gz, what gets installed). The help is read in English, away from the user's settings (a
throwaway HOME), so a saved language cannot leak into the pages.

Reads both shapes of help the program prints: QCommandLineParser's (a "Usage:" line, paragraphs,
then "Options:" and "Arguments:" with a column of descriptions) and the hand-written ones of
`chorus hosts`, `history` and `config` (the same, without headings). Indented lines whose text
lines up in one column are a definition list; a paragraph starting "Exit status:" goes to EXIT
STATUS.
"""

import argparse
import collections
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time

HEADING = re.compile(r"^([A-Z][A-Za-z ]*):$")
# A line that starts a paragraph of its own: "Input: ...", "list: ...", "Exit status: ...".
LABEL = re.compile(r"^[A-Za-z][\w-]*(?: \w+){0,2}: ")
GAP = re.compile(r"\S( {2,})(?=\S)")


def run_help(program, command):
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("LC_", "LANG", "QT_", "XDG_"))}
        env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"), LC_ALL="C.UTF-8",
                   LANGUAGE="en", QT_QPA_PLATFORM="offscreen")
        argv = [program] + ([command] if command else []) + ["--help"]
        result = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                                text=True, check=False, timeout=120)
    if result.returncode != 0 or not result.stdout.startswith("Usage: "):
        sys.exit(f"helptoman: '{' '.join(argv)}' failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def escape(text):
    """Text for a roff text line (fill mode): backslashes, minus signs, and anything not ASCII."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def words(term, bold_first):
    """A synopsis or a list term: options bold, placeholders (FILE, <N>, OPTION=VALUE) italic."""
    out = []
    for i, token in enumerate(term.split()):
        m = re.match(r"^([\[(]*)(.*?)([\])|,.]*(?:\.\.\.)?[\])]*)$", token)
        lead, core, tail = m.groups()
        if core.startswith("<") and core.endswith(">"):
            core = core[1:-1]
            styled = f"\\fI{escape(core)}\\fR"
        elif core.startswith("-") and len(core) > 1:
            styled = "|".join(f"\\fB{escape(part)}\\fR" for part in core.split("|"))
        elif (i == 0 and bold_first) or core == "chorus":
            styled = f"\\fB{escape(core)}\\fR"
        elif re.fullmatch(r"[A-Z][A-Z0-9_-]*(?:[=|][A-Z0-9_|=-]*)?", core) and len(core) > 1:
            styled = f"\\fI{escape(core)}\\fR"
        else:
            styled = escape(core)
        out.append(escape(lead) + styled + escape(tail))
    return " ".join(out)


class Page:
    """What one --help says, sorted into man page sections."""

    def __init__(self, name, help_text):
        self.name = name
        self.synopsis = []  # one list of words per form
        self.sections = collections.OrderedDict((s, []) for s in
                                                ("DESCRIPTION", "OPTIONS", "ARGUMENTS", "EXIT STATUS"))
        self.summary = ""
        self.parse(help_text.rstrip("\n").split("\n"))

    def parse(self, lines):
        i = 0
        # Usage: the first form, indented continuation lines, and further forms starting "chorus".
        first = lines[0][len("Usage: "):].split()
        first[0] = "chorus"  # Qt prints argv[0]: build/app/chorus
        self.synopsis.append(first)
        i = 1
        while i < len(lines) and lines[i].startswith(" ") and lines[i].strip():
            text = lines[i].split()
            if text[0].endswith("chorus"):
                text[0] = "chorus"
                self.synopsis.append(text)
            else:
                self.synopsis[-1].extend(text)
            i += 1
        section = "DESCRIPTION"
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                i += 1
                continue
            heading = HEADING.match(line)
            if heading:
                section = heading.group(1).upper()
                self.sections.setdefault(section, [])
                i += 1
                continue
            if line.startswith(" "):
                block = []
                while i < len(lines) and lines[i].startswith(" ") and lines[i].strip():
                    block.append(lines[i])
                    i += 1
                items = self.definitions(block)
                into = section
                if section == "DESCRIPTION" and all(term.startswith("-") for term, _ in items):
                    into = "OPTIONS"
                self.sections[into].append(("list", items))
                continue
            paragraph = [line]
            i += 1
            while (i < len(lines) and lines[i].strip() and not lines[i].startswith(" ")
                   and not LABEL.match(lines[i]) and not HEADING.match(lines[i])):
                paragraph.append(lines[i])
                i += 1
            if paragraph[0].startswith("Exit status: "):
                paragraph[0] = paragraph[0][len("Exit status: "):]
                self.sections["EXIT STATUS"].append(("text", paragraph))
            else:
                self.sections[section].append(("text", paragraph))
                if not self.summary:
                    self.summary = self.first_sentence(paragraph)

    @staticmethod
    def first_sentence(paragraph):
        text = " ".join(l.strip() for l in paragraph)
        m = re.match(r"^(.*?\.)(?:\s|$)", text)
        sentence = (m.group(1) if m else text).rstrip(".")
        # A NAME line reads best short: a long sentence stops before its first comma outside brackets.
        if len(sentence) > 80:
            depth = 0
            for n, c in enumerate(sentence):
                depth += {"(": 1, ")": -1}.get(c, 0)
                if c == "," and depth == 0:
                    return sentence[:n]
        return sentence

    @staticmethod
    def definitions(block):
        """An indented block as (term, [description lines]); a line of its own keeps "\n" in front."""
        indent = min(len(l) - len(l.lstrip()) for l in block)
        columns = collections.Counter()
        for line in block:
            if len(line) - len(line.lstrip()) == indent:
                gap = GAP.search(line, indent)
                if gap:
                    columns[gap.end()] += 1
        column = columns.most_common(1)[0][0] if columns else None
        items = []
        for line in block:
            depth = len(line) - len(line.lstrip())
            if depth == indent or not items:
                if column and len(line) > column and line[column - 1] == " " and line[column] != " ":
                    term, text = line[:column].strip(), line[column:].strip()
                else:
                    term, text = line.strip(), ""
                items.append((term, [text] if text else []))
            elif column and depth == column:
                items[-1][1].append(line.strip())
            else:
                items[-1][1].append("\n" + line.strip())  # a line of its own (a sub-synopsis)
        return items

    def roff(self, version, date, see_also, commands=None):
        title = self.name.upper()
        out = [f'.TH "{escape(title)}" 1 "{date}" "Chorus {escape(version)}" "User Commands"',
               ".SH NAME", f"{escape(self.name)} \\- {escape(self.summary)}",
               ".SH SYNOPSIS", ".nh", ".ad l"]
        for n, form in enumerate(self.synopsis):
            if n:
                out.append(".br")
            command = 1  # "chorus", then the subcommand's words ("history", "list")
            while command < len(form) and re.fullmatch(r"[a-z]+", form[command]):
                command += 1
            out.append("\\fB" + " ".join(form[:command]) + "\\fR " + words(" ".join(form[command:]), False))
        out += [".ad", ".hy"]
        for section, parts in self.sections.items():
            if not parts:
                continue
            out.append(f".SH {section}")
            for n, (kind, body) in enumerate(parts):
                if kind == "text":
                    if n:
                        out.append(".PP")
                    out += [escape(l.strip()) for l in body]
                else:
                    for term, text in body:
                        out += [".TP", words(term, not term.startswith("-"))]
                        for piece in text:
                            if piece.startswith("\n"):
                                out += [".br", words(piece[1:], False)]
                            else:
                                out.append(escape(piece))
            if section == "DESCRIPTION" and commands:
                out.append(".SH COMMANDS")
                for command, summary in commands:
                    out += [".TP", f"\\fBchorus {command}\\fR",
                            f"{escape(summary)}; see \\fBchorus\\-{command}\\fR(1)."]
        out.append(".SH SEE ALSO")
        out.append(",\n".join(f"\\fB{escape(page)}\\fR({section})" for page, section in see_also))
        return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--program", required=True, help="the built chorus")
    parser.add_argument("--version", required=True)
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("commands", nargs="*", help="subcommands, each gets chorus-COMMAND.1")
    args = parser.parse_args()

    stamp = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    date = time.strftime("%Y-%m-%d", time.gmtime(stamp))
    pages = {"chorus": Page("chorus", run_help(args.program, None))}
    for command in args.commands:
        pages[f"chorus-{command}"] = Page(f"chorus-{command}", run_help(args.program, command))
    os.makedirs(args.output_dir, exist_ok=True)
    for name, page in pages.items():
        if name == "chorus":
            see_also = [(f"chorus-{c}", 1) for c in args.commands]
            commands = [(c, pages[f"chorus-{c}"].summary) for c in args.commands]
        else:
            see_also = [("chorus", 1)]
            commands = None
        see_also += [("ssh", 1), ("ssh_config", 5)]
        text = page.roff(args.version, date, see_also, commands)
        path = os.path.join(args.output_dir, f"{name}.1")
        with open(path, "w", encoding="ascii") as f:
            f.write(text)
        # gzip -9n: no name or time inside, so the same text always gives the same bytes.
        with open(path + ".gz", "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as f:
                f.write(text.encode("ascii"))


if __name__ == "__main__":
    main()
