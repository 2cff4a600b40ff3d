#!/usr/bin/env python3
"""Checkout from Python: one 50-line cart planned over a prepared PromiseBook (issue 4: at most 300 us a cart,
conversion included).

    PYTHONPATH=<build>/python taskset -c 1 /usr/bin/python3 bench/checkout/compare.py --data DIR [--runs 2000]

DIR is what ``bench_checkout_gen --out=DIR`` writes (scenario.json, cart.json, customer.json, request.json,
plan.json). The book is built once from scenario.json; the cart and customer are dicts loaded with json.load,
as a shop holds them. Each call is timed alone (time.perf_counter_ns), ``--runs`` times after a warm-up:

  checkout        book.checkout(cart, customer=customer): the cart dict read natively, the plan made with the
                  GIL released, kept native (the scalars only are read)
  checkout+lines  the same, then what a checkout page shows: every line's label text, options and
                  alternatives (sku, name, label text), every strategy's shipments, charges and disclosure,
                  every disclosure's text
  checkout+dict   the same call, then plan.to_dict() (the whole plan as docs/json.md dicts)
  checkout_json   book.checkout_json(request): core's JSON call with json.dumps/json.loads, for reference

Before timing, the plan must equal plan.json (core's answer for the same request) field for field.
Prints one line per case: median, 10th and 90th percentile in microseconds, and the target.
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

TARGET_US = 300.0
HERE = os.path.dirname(os.path.abspath(__file__))
POLICY = os.path.join(HERE, "..", "..", "examples", "apparel", "policy.json")


def load(path: str) -> Any:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def time_calls(fn: Callable[[], Any], runs: int) -> List[float]:
    for _ in range(min(50, runs)):
        fn()
    gc.collect()
    out: List[float] = []
    clock = time.perf_counter_ns
    for _ in range(runs):
        t0 = clock()
        fn()
        out.append((clock() - t0) / 1000.0)
    return out


def percentile(xs: List[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(p * len(s)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="the directory bench_checkout_gen wrote")
    ap.add_argument("--runs", type=int, default=2000, help="timed calls per case (default 2000)")
    ap.add_argument("--policy", default=POLICY)
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args()

    import backorder  # from PYTHONPATH=<build>/python

    engine = backorder.Engine(load(args.policy))
    # The scenario as a path: core reads the JSON (the dict path of engine.promises() refuses items[].supplier).
    book = engine.promises(os.path.join(args.data, "scenario.json"))
    cart: Dict[str, Any] = load(os.path.join(args.data, "cart.json"))
    customer: Dict[str, Any] = load(os.path.join(args.data, "customer.json"))
    request: Dict[str, Any] = load(os.path.join(args.data, "request.json"))
    reference: Dict[str, Any] = load(os.path.join(args.data, "plan.json"))

    # Honesty first: the plan is core's plan, field for field, and the JSON call says the same.
    plan = book.checkout(cart, customer=customer)
    if plan.to_dict() != reference:
        print("compare.py: book.checkout() differs from plan.json", file=sys.stderr)
        return 1
    if book.checkout_json(request) != reference:
        print("compare.py: book.checkout_json() differs from plan.json", file=sys.stderr)
        return 1

    def bare() -> Any:
        p = book.checkout(cart, customer=customer)
        return p.mixed, p.recommended_strategy

    def with_lines() -> Any:
        p = book.checkout(cart, customer=customer)
        shown = []
        for line in p.lines:
            shown.append((line.name, line.label.text, line.options, line.amount))
            for a in line.alternatives:
                shown.append((a.sku, a.name, a.label.text))
        for s in p.strategies:
            shown.append((s.id, s.customer_pays, s.disclosure, s.payment.advice))
            for sh in s.shipments:
                shown.append((sh.ship.from_date, sh.ship.to_date, sh.charge, len(sh.items)))
        for d in p.disclosures:
            shown.append(d.text)
        return shown

    def with_dict() -> Any:
        return book.checkout(cart, customer=customer).to_dict()

    def via_json() -> Any:
        return book.checkout_json(request)

    cases = [
        ("checkout", bare),
        ("checkout+lines", with_lines),
        ("checkout+dict", with_dict),
        ("checkout_json", via_json),
    ]
    waiting = sum(1 for l in plan.lines if l.options)
    alternatives = sum(len(l.alternatives) for l in plan.lines)
    print(
        f"python {platform.python_version()}: {len(plan.lines)}-line cart, {waiting} lines with options, "
        f"{alternatives} alternatives, {len(plan.strategies)} strategies; {args.runs} calls per case; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    results = {}
    for name, fn in cases:
        us = time_calls(fn, args.runs)
        med = statistics.median(us)
        results[name] = {"median_us": med, "p10_us": percentile(us, 0.1), "p90_us": percentile(us, 0.9)}
        verdict = "" if name == "checkout_json" else ("met" if med <= TARGET_US else "MISSED")
        print(
            f"python {name:<15} median {med:8.1f} us  p10 {results[name]['p10_us']:8.1f}  "
            f"p90 {results[name]['p90_us']:8.1f}  (target {TARGET_US:.0f} us) {verdict}".rstrip()
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"python": platform.python_version(), "runs": args.runs, "cases": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
