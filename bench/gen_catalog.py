#!/usr/bin/env python3
"""Writes the benchmark's mixed catalog: flat rows of item and stock fields, the same for every language.

    python3 bench/gen_catalog.py --count 100000 --seed 42 -o build/release/bench/catalog.json

The output is one JSON document:

    {"generator": "backorder-bench-catalog/1", "seed": 42, "count": 100000,
     "now": "2026-11-30T15:30:00-05:00", "locale": "en-US", "rows": [ROW, ...]}

Each ROW is a flat dict with the item and stock fields of docs/json.md side by side (what
backorder.Engine.labels() and Backorder\\Engine->labels() take), and "quantity" when more than one unit is
asked for. Optional fields are left out rather than set to null.

The mix is meant to look like a real apparel/hardware catalog: most rows in stock, some low stock (on the
true sellable quantity, after reservations, safety stock and promised units), about a quarter on backorder
with a handful of distinct supplier lead times, a few pre-orders (some already released), items that may not
be backordered (out of stock), discontinued items (some with stock left), backorder caps (some reached),
oversold rows (negative on hand) and quantities above one on some rows so that splits appear.

Plain Python 3 standard library only; the same seed always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from typing import Any, Dict, List

GENERATOR = "backorder-bench-catalog/1"
DEFAULT_NOW = "2026-11-30T15:30:00-05:00"  # a Monday, after the bench policy's 14:00 cut-off

# Supplier lead times (min, max) in days, with weights; None = the policy's default (10-14).
LEAD_TIMES = [
    (None, 30),
    ((10, 14), 20),
    ((5, 5), 10),
    ((3, 7), 10),
    ((14, 21), 10),
    ((20, 30), 8),
    ((30, 45), 6),
    ((1, 2), 3),
    ((0, 0), 1),
    ((60, 90), 2),
]

# Row kinds with weights (percent of the catalog).
KINDS = [
    ("in_stock", 52),
    ("low", 12),
    ("backorder", 24),
    ("preorder", 4),
    ("no_backorders", 4),
    ("discontinued", 3),
    ("capped", 1),
]

PREFIXES = ["JKT", "TEE", "JNS", "SCF", "BOOT", "CAP", "GLV", "SOCK", "VEST", "HOOD", "SKRT", "BELT"]
COLOURS = ["BLK", "NAVY", "OLIVE", "GRY", "RED", "WHT", "SAND", "BLU"]
SIZES = ["XS", "S", "M", "L", "XL", "XXL", "28", "30", "32", "34", "36", "40", "42", "44"]


def _pick(rng: random.Random, weighted: List[Any]) -> Any:
    values = [v for v, _ in weighted]
    weights = [w for _, w in weighted]
    return rng.choices(values, weights=weights, k=1)[0]


def _lead(rng: random.Random, row: Dict[str, Any]) -> None:
    lt = _pick(rng, LEAD_TIMES)
    if lt is not None:
        row["lead_time_days"] = {"min": lt[0], "max": lt[1]}


def _quantity(rng: random.Random, row: Dict[str, Any]) -> None:
    # Most product pages ask for one unit; carts ask for more.
    r = rng.random()
    if r < 0.10:
        row["quantity"] = rng.randint(2, 6)
    elif r < 0.12:
        row["quantity"] = rng.randint(7, 25)


def make_row(rng: random.Random, index: int, today: dt.date) -> Dict[str, Any]:
    sku = f"{rng.choice(PREFIXES)}-{rng.choice(COLOURS)}-{rng.choice(SIZES)}-{index:06d}"
    row: Dict[str, Any] = {"sku": sku}
    kind = _pick(rng, KINDS)
    if kind == "in_stock":
        row["on_hand"] = rng.randint(8, 400)
        if rng.random() < 0.5:
            row["reserved"] = rng.randint(0, 3)
        if rng.random() < 0.3:
            row["safety_stock"] = rng.randint(0, 2)
        if rng.random() < 0.3:
            _lead(rng, row)  # lead times are set on in-stock items too; they show once a cart exceeds stock
    elif kind == "low":
        # Small stock whose true sellable quantity lands around the threshold (0..8).
        row["on_hand"] = rng.randint(1, 12)
        if rng.random() < 0.5:
            row["reserved"] = rng.randint(0, 3)
        if rng.random() < 0.4:
            row["safety_stock"] = rng.randint(0, 2)
        if rng.random() < 0.3:
            row["promised"] = rng.randint(0, 3)
        _lead(rng, row)
        if rng.random() < 0.05:
            row["low_stock_threshold"] = rng.choice([0, 2, 10])
    elif kind == "backorder":
        r = rng.random()
        if r < 0.6:
            row["on_hand"] = 0
        elif r < 0.9:
            # Stock exists but is all held: reserved, safety stock, promised to waiting orders.
            held = rng.randint(1, 6)
            row["on_hand"] = held
            row["reserved"] = rng.randint(0, held)
            row["safety_stock"] = rng.randint(0, held - row["reserved"])
            row["promised"] = held - row["reserved"] - row["safety_stock"] + rng.randint(0, 4)
        else:
            row["on_hand"] = -rng.randint(1, 3)  # oversold
        if rng.random() < 0.5:
            row["backordered"] = rng.randint(0, 40)
        if rng.random() < 0.15:
            row["max_backorder"] = rng.choice([10, 20, 50, 100])
        if rng.random() < 0.05:
            row["backorders"] = True
        _lead(rng, row)
    elif kind == "preorder":
        # Release dates from a month ago (already released: sold as usual) to five months ahead.
        row["release_date"] = (today + dt.timedelta(days=rng.randint(-30, 150))).isoformat()
        row["on_hand"] = 0 if rng.random() < 0.8 else rng.randint(1, 30)
        if rng.random() < 0.3:
            row["max_backorder"] = rng.choice([25, 100, 500])
            row["backordered"] = rng.randint(0, 120)
        _lead(rng, row)
    elif kind == "no_backorders":
        row["backorders"] = False
        row["on_hand"] = 0 if rng.random() < 0.85 else rng.randint(1, 4)
    elif kind == "discontinued":
        row["discontinued"] = True
        row["on_hand"] = 0 if rng.random() < 0.5 else rng.randint(1, 15)
    elif kind == "capped":
        # Backorders allowed but the cap is reached or nearly so.
        cap = rng.choice([5, 10, 20])
        row["on_hand"] = 0
        row["max_backorder"] = cap
        row["backordered"] = cap - rng.randint(0, 1)
        _lead(rng, row)
    _quantity(rng, row)
    return row


def generate(count: int, seed: int, now: str = DEFAULT_NOW, locale: str = "en-US") -> Dict[str, Any]:
    rng = random.Random(seed)
    today = dt.datetime.fromisoformat(now).date()
    rows = [make_row(rng, i, today) for i in range(count)]
    return {"generator": GENERATOR, "seed": seed, "count": count, "now": now, "locale": locale, "rows": rows}


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--now", default=DEFAULT_NOW, help="ISO 8601 with offset; stored in the file")
    ap.add_argument("--locale", default="en-US")
    ap.add_argument("-o", "--output", default="-", help="file to write (default: stdout)")
    args = ap.parse_args(argv)
    doc = generate(args.count, args.seed, args.now, args.locale)
    # One row per line: diffable, and still one JSON document.
    lines = [json.dumps({k: v for k, v in doc.items() if k != "rows"}, separators=(",", ":"))[:-1]]
    lines[0] += ',"rows":['
    body = ",\n".join(json.dumps(r, separators=(",", ":")) for r in doc["rows"])
    text = lines[0] + "\n" + body + "\n]}\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
