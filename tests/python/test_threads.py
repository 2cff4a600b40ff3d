"""The GIL is released while a batch is labelled; engines and labelers are shared across threads."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bo_support import NOW


def _rows(n):
    kinds = [
        {"sku": "JKT", "lead_time_days": {"min": 10, "max": 14}, "on_hand": 0},
        {"sku": "JNS", "on_hand": 25},
        {"sku": "L", "on_hand": 4, "reserved": 1, "safety_stock": 1},
        {"sku": "CAP", "release_date": "2027-03-12"},
        {"sku": "TEE", "backorders": False},
        {"sku": "SPLIT", "on_hand": 3, "quantity": 5, "lead_time_days": (3, 9)},
    ]
    return [kinds[i % len(kinds)] for i in range(n)]


def test_the_gil_is_released_while_labelling(engine):
    rows = _rows(600_000)
    result = {}

    def work():
        result["batch"] = engine.labels(rows, now=NOW)

    stamps = []
    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        stamps.append(time.monotonic_ns())
    worker.join()

    batch = result["batch"]
    assert len(batch) == len(rows) and not batch.errors
    start, released, reacquired, end = batch.timing_ns()
    assert start <= released <= reacquired <= end
    during = [t for t in stamps if released < t < reacquired]
    # This thread kept running Python code while the other one labelled 600,000 rows.
    assert len(during) > 100, (len(during), (reacquired - released) / 1e6)


def test_threads_share_one_engine(engine):
    rows = _rows(3000)
    locales = ["en-US", "de-DE", "pl-PL", "ja-JP"] * 3
    expected = {loc: engine.labels(rows, locale=loc, now=NOW).to_dicts() for loc in set(locales)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda loc: (loc, engine.labels(rows, locale=loc, now=NOW).to_dicts()), locales))
    for loc, dicts in got:
        assert dicts == expected[loc]


def test_threads_share_one_labeler(engine):
    labeler = engine.labeler(locale="de-DE", now=NOW)
    rows = _rows(2000)
    expected = labeler.labels(rows).texts()
    jacket = {"sku": "JKT", "lead_time_days": (10, 14)}
    single = labeler.label(jacket).text

    def work(i):
        if i % 2:
            return labeler.labels(rows).texts() == expected
        return all(labeler.label(jacket).text == single for _ in range(200))

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(work, range(16)))
