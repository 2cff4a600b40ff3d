#!/usr/bin/env python3
"""Writes docs/c-abi-reference.md from capi/include/backorder.h: every declaration with its comment.

    scripts/abi_doc.py            rewrite the reference
    scripts/abi_doc.py --check    fail when the committed reference is not what the header says (ctest)

The header is the single source: its paragraphs (a comment and the declarations right after it, up to a
blank line) become the reference's entries, under the header's own "---- section ----" headings.
"""
import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
HEADER = ROOT / "capi" / "include" / "backorder.h"
OUT = ROOT / "docs" / "c-abi-reference.md"

SECTION = re.compile(r"^/\* -{4} (.+?) -+ \*/$")
PLUMBING = re.compile(r"^#\s*(if|ifdef|ifndef|endif|else|include)\b|^extern \"C\"|^}$")


def paragraphs(lines):
    """Blank-line separated runs of lines, as lists."""
    run = []
    for line in lines + [""]:
        if line.strip():
            run.append(line)
        elif run:
            yield run
            run = []


def entries(par):
    """A paragraph split where a comment opens a line at column 0 after code: one entry per comment."""
    entry = []
    for line in par:
        if line.startswith("/*") and entry and not entry[-1].lstrip().startswith(("/*", "*")):
            yield entry
            entry = []
        entry.append(line)
    if entry:
        yield entry


def split_comment(par):
    """(comment text, code lines) of a paragraph that may open with a /* ... */ comment."""
    if not par[0].lstrip().startswith("/*"):
        return "", par
    for end, line in enumerate(par):
        if "*/" in line:
            break
    raw = "\n".join(par[: end + 1])
    body = raw.strip()[2:-2]
    text = "\n".join(re.sub(r"^\s*\* ?", "", l) for l in body.splitlines()).strip()
    return text, par[end + 1 :]


DECLARED = re.compile(r"\b(bo_[a-z0-9_]+)\(|^#define (BO_[A-Z0-9_]+)|^(?:typedef .*?|}) ?\*?(bo_[a-z0-9_]+);$", re.M)


def names(code):
    """What the code declares, in order (comments dropped, so a mention is not a declaration)."""
    text = re.sub(r"/\*.*?\*/", "", "\n".join(code), flags=re.S)
    found = ["".join(m.groups("")) for m in DECLARED.finditer(text)]
    return list(dict.fromkeys(found))


def render(header_text):
    lines = header_text.splitlines()
    pars = list(paragraphs(lines))
    intro, _ = split_comment(pars[0])
    out = [
        "# The C ABI reference",
        "",
        "Generated from [capi/include/backorder.h](../capi/include/backorder.h) by `scripts/abi_doc.py`;"
        " do not edit (ctest `docs_c_abi_reference` fails when it is out of date). The conventions, errors,"
        " threading and ownership rules are explained in [c-abi.md](c-abi.md).",
        "",
        "```c",
        "#include <backorder.h>   /* pkg-config --cflags --libs backorder, or find_package(backorder) */",
        "```",
        "",
        "> " + intro.replace("\n", "\n> "),
    ]
    toc, body = [], []
    for par in pars[1:]:
        heading = SECTION.match(par[0].strip())
        if heading:
            title = heading.group(1)
            anchor = re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")
            toc.append(f"- [{title}](#{anchor})")
            body += ["", f"## {title}"]
            par = par[1:]
            if not par:
                continue
        for entry in entries(par):
            comment, code = split_comment(entry)
            if not code or any(PLUMBING.match(l.strip()) for l in code):
                continue
            found = names(code)
            if found:
                listed = ", ".join(f"`{n}`" for n in found)
                toc[-1] += (": " if toc[-1].endswith(")") else ", ") + listed
                body += ["", "### " + listed]
            if comment:
                body += ["", comment]
            body += ["", "```c", *code, "```"]
    return "\n".join(out + ["", "## Contents", "", *toc, *body, ""])


def main():
    text = render(HEADER.read_text(encoding="utf-8"))
    if sys.argv[1:] == ["--check"]:
        old = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if old != text:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                                       str(OUT), "generated"))
            print(f"{OUT.relative_to(ROOT)} is out of date: run scripts/abi_doc.py", file=sys.stderr)
            return 1
        print(f"ok: {OUT.relative_to(ROOT)} matches backorder.h")
        return 0
    if sys.argv[1:]:
        print(__doc__, file=sys.stderr)
        return 2
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
