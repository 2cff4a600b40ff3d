#!/usr/bin/env python3
"""Zips a folder reproducibly: sorted entries, fixed timestamps and modes, so the same files give the same
sha256 in the release manifest.

    scripts/zipdir.py DIR OUT.zip [--top NAME]   entries under NAME/ (default: at the zip's root)
"""
import os
import sys
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold
SKIP = {"__pycache__", ".git", "node_modules", ".phpunit.result.cache"}


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--top"):
        print(__doc__, file=sys.stderr)
        return 2
    src, out = argv[0], argv[1]
    top = argv[3].strip("/") + "/" if len(argv) == 4 else ""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for base, dirs, files in os.walk(src):
            dirs[:] = sorted(d for d in dirs if d not in SKIP)
            for name in sorted(f for f in files if f not in SKIP):
                path = os.path.join(base, name)
                info = zipfile.ZipInfo(top + os.path.relpath(path, src).replace(os.sep, "/"), EPOCH)
                info.external_attr = (0o755 if os.access(path, os.X_OK) else 0o644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(path, "rb") as f:
                    z.writestr(info, f.read())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
