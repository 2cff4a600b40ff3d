#!/usr/bin/env python3
"""Checks that the plain-Python labels (bench/plain/labels.py) agree with the engine, row by row.

    PYTHONPATH=<build>/python /usr/bin/python3 bench/check_plain.py --catalog <build>/bench/catalog.json

Compares every field of every label (status, text, short_text, quantities, notify_me, windows, schema.org,
merchant availability and date) for en-US, over the catalog's `now` and a few harder moments (after the
cut-off, on a holiday, across the year end, on a DST change), under bench/policy.json and
bench/policy_business.json. Exits 1 on the first mismatches (printed, up to --show), 0 when all agree.
The engine side is the Python binding (backorder.Engine.labels), so this needs PYTHONPATH to hold it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Dict, List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from plain import labels as plain  # noqa: E402

DEFAULT_POLICIES = [os.path.join(HERE, "policy.json"), os.path.join(HERE, "policy_business.json")]
EXTRA_NOWS = [
    "2026-11-30T09:00:00-05:00",  # Monday morning, before the cut-off
    "2026-11-28T12:00:00Z",  # Saturday
    "2026-12-24T10:00:00-05:00",  # a holiday
    "2026-12-31T13:59:00-05:00",  # a minute before the cut-off, the year's last day
    "2027-03-14T01:30:00-05:00",  # the US DST change (a Sunday)
    "2027-03-27T23:30:00Z",  # the night the UK changes to summer time
]


def diff(a: Any, b: Any, path: str = "") -> List[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out: List[str] = []
        for k in sorted(set(a) | set(b)):
            out += diff(a.get(k, "<absent>"), b.get(k, "<absent>"), f"{path}.{k}" if path else k)
        return out
    return [] if a == b and type(a) is type(b) else [f"{path}: engine {a!r}, plain {b!r}"]


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description="plain Python labels vs the engine")
    ap.add_argument("--catalog", required=True)
    ap.add_argument("--policy", action="append", help="policy file (repeatable; default: the bench's two)")
    ap.add_argument("--now", action="append", help="ISO 8601 instant (repeatable; default: the catalog's and "
                    "a few hard ones)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N rows")
    ap.add_argument("--show", type=int, default=10, help="mismatches to print")
    args = ap.parse_args(argv)

    import backorder  # the binding, from PYTHONPATH

    with open(args.catalog, encoding="utf-8") as f:
        doc = json.load(f)
    rows = doc["rows"][: args.limit] if args.limit else doc["rows"]
    nows = args.now or [doc["now"]] + EXTRA_NOWS
    policies = args.policy or DEFAULT_POLICIES
    bad = 0
    total = 0
    for policy_path in policies:
        with open(policy_path, encoding="utf-8") as f:
            policy_doc = json.load(f)
        engine = backorder.Engine(policy_doc)
        policy = plain.Policy.from_json(policy_doc)
        for now in nows:
            batch = engine.labels(rows, now=now, locale="en-US")
            if batch.errors:
                print(f"engine refused rows: {batch.errors[:3]}", file=sys.stderr)
                return 1
            ours = plain.labels(policy, rows, now)
            for i, (e, p) in enumerate(zip(batch, ours)):
                assert e is not None
                d = diff(e.to_dict(), p)
                total += 1
                if d:
                    bad += 1
                    if bad <= args.show:
                        print(f"MISMATCH {os.path.basename(policy_path)} now={now} row {i} {rows[i]}")
                        for line in d:
                            print("   ", line)
    name = "agree" if bad == 0 else "DISAGREE"
    print(f"plain Python vs engine: {total - bad}/{total} labels {name} "
          f"({len(rows)} rows x {len(nows)} moments x {len(policies)} policies)")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
