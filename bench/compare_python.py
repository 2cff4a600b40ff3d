#!/usr/bin/env python3
"""The engine's Python batch vs plain Python, side by side on the same generated catalog.

    PYTHONPATH=<build>/python taskset -c 1 /usr/bin/python3 bench/compare_python.py \
        --catalog <build>/bench/catalog.json [--runs 5] [--json out.json]

Times, on the same rows (loaded once with json.load, as a shop would hold them):
  engine            backorder.Engine.labels(rows, now=..., locale=...): converting every row dict to native
                    values, labelling with the GIL released, results kept native (read on demand)
  engine+columns    the same, then reading status codes, texts and short texts for every row
                    (batch.status_codes(), .texts(), .short_texts(): what a listing page renders)
  engine+dicts      the same, then batch.to_dicts(): every label as a full docs/json.md dict, like for like
                    with what the plain implementation returns
  plain             bench/plain/labels.py: the same rules in plain Python, one full label dict per row
Each is run --runs times after one warm-up; the median is reported as labels per second, with the ratio of
each engine variant to plain. The plain results are checked equal to the engine's first (en-US) so the
comparison is honest; bench/check_plain.py checks more moments and policies.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from typing import Any, Callable, Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from plain import labels as plain  # noqa: E402

TARGET_RATE = 500_000
TARGET_RATIO = 20.0


def median_seconds(fn: Callable[[], Any], runs: int) -> List[float]:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description="engine.labels vs plain Python")
    ap.add_argument("--catalog", required=True)
    ap.add_argument("--policy", default=os.path.join(HERE, "policy.json"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", help="write the results here as JSON")
    args = ap.parse_args(argv)

    import backorder  # from PYTHONPATH=<build>/python

    with open(args.catalog, encoding="utf-8") as f:
        doc = json.load(f)
    rows = doc["rows"]
    now, locale = doc["now"], doc.get("locale", "en-US")
    with open(args.policy, encoding="utf-8") as f:
        policy_doc = json.load(f)
    engine = backorder.Engine(policy_doc)
    policy = plain.Policy.from_json(policy_doc)

    # Honesty first: both sides must say the same thing for every row.
    batch = engine.labels(rows, now=now, locale=locale)
    if batch.errors:
        print(f"engine refused rows: {batch.errors[:3]}", file=sys.stderr)
        return 1
    if batch.to_dicts() != plain.labels(policy, rows, now):
        print("plain Python and the engine disagree: run bench/check_plain.py", file=sys.stderr)
        return 1

    def engine_only() -> Any:
        return engine.labels(rows, now=now, locale=locale)

    def engine_columns() -> Any:
        b = engine.labels(rows, now=now, locale=locale)
        return b.status_codes(), b.texts(), b.short_texts()

    def engine_dicts() -> Any:
        return engine.labels(rows, now=now, locale=locale).to_dicts()

    def plain_labels() -> Any:
        return plain.labels(policy, rows, now)

    cases = [("engine", engine_only), ("engine+columns", engine_columns), ("engine+dicts", engine_dicts),
             ("plain", plain_labels)]
    results: Dict[str, Dict[str, Any]] = {}
    for name, fn in cases:
        gc.collect()
        times = median_seconds(fn, args.runs)
        med = statistics.median(times)
        results[name] = {"median_s": med, "labels_per_s": len(rows) / med, "runs_s": times}

    plain_rate = results["plain"]["labels_per_s"]
    print(f"Python {platform.python_version()} ({sys.executable}), {len(rows)} rows, "
          f"median of {args.runs} runs, now={now}, locale={locale}")
    print(f"{'case':<16} {'median ms':>10} {'labels/s':>14} {'x plain':>8}")
    for name, r in results.items():
        ratio = r["labels_per_s"] / plain_rate
        r["ratio_vs_plain"] = ratio
        print(f"{name:<16} {r['median_s'] * 1e3:>10.1f} {r['labels_per_s']:>14,.0f} {ratio:>8.1f}")
    eng = results["engine"]
    print(f"targets: engine >= {TARGET_RATE:,} labels/s: {'met' if eng['labels_per_s'] >= TARGET_RATE else 'MISSED'}; "
          f">= {TARGET_RATIO:.0f}x plain: {'met' if eng['ratio_vs_plain'] >= TARGET_RATIO else 'MISSED'}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"rows": len(rows), "runs": args.runs, "python": platform.python_version(),
                       "results": results}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
