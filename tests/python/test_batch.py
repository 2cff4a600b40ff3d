"""Engine.labels(): catalog batches, row errors, laziness, columnar helpers."""

from __future__ import annotations

import collections
import datetime as dt
import json
import random

import pytest

import backorder
from backorder import Status
from bo_support import NOW, split_row


def test_batch_equals_single_labels_row_by_row(engine, catalog):
    for locale in ("en-US", "de-DE", "pl-PL", "ja-JP"):
        batch = engine.labels(catalog, locale=locale, now=NOW)
        assert isinstance(batch, backorder.LabelBatch)
        assert len(batch) == len(catalog)
        assert batch.errors == []
        for row, label in zip(catalog, batch):
            item, stock, quantity = split_row(row)
            assert label == engine.label(item, stock, quantity=quantity, locale=locale, now=NOW)


def test_apparel_catalog(engine, catalog):
    batch = engine.labels(catalog, now=NOW)
    by_sku = {label.sku: label for label in batch}
    assert by_sku["JKT-NAVY-M"].text == "Backorder – ships in 10–14 days"
    assert by_sku["JKT-NAVY-L"].text == "Only 2 left"
    assert by_sku["JKT-OLIVE-M"].status is Status.in_stock
    # 20-30 days of supplier lead time; day 20 is a Sunday, so the window opens on Monday 21 December
    boots = by_sku["BOOT-CHEL-42"].later_window
    assert (boots.from_date, boots.to_date, boots.min_days, boots.max_days) == (
        dt.date(2026, 12, 21), dt.date(2026, 12, 30), 21, 30)
    assert by_sku["TEE-BASIC-S"].status is Status.out_of_stock
    assert by_sku["CAP-WINTER-27"].status is Status.preorder
    assert by_sku["VEST-DOWN-M"].status is Status.discontinued
    assert by_sku["GLV-LEATHER-M"].status is Status.out_of_stock
    assert by_sku["SOCK-WOOL-3PK"].text == "Only 2 left"


def test_batch_matches_cores_catalog_json(engine, catalog):
    """Same rows through core's JSON catalog call (what the C ABI and the CLI use)."""
    stock_keys = {"on_hand", "reserved", "safety_stock", "promised", "backordered"}
    items = [{k: v for k, v in r.items() if k not in stock_keys} for r in catalog]
    stock = [{"sku": r["sku"], **{k: v for k, v in r.items() if k in stock_keys}} for r in catalog]
    answer = engine.labels_json({"now": NOW, "locale": "de-DE", "items": items, "stock": stock})
    assert answer["errors"] == []
    batch = engine.labels(catalog, locale="de-DE", now=NOW)
    expected = [{k: v for k, v in label.items() if k != "row"} for label in answer["labels"]]
    assert batch.to_dicts() == expected
    for i in range(len(batch)):
        assert json.loads(batch._native.row_json(i)) == batch[i].to_dict()


def test_a_bad_row_does_not_abort_the_batch(engine):
    rows = [
        {"sku": "A", "on_hand": 5},
        {"sku": "B", "lead_time_days": {"min": 9, "max": 2}},
        {"sku": "C", "on_hand": "lots"},
        {"sku": "D", "reserved": -1},
        {"on_hand": 3},
        {"sku": "F", "colour": "red"},
        "not a dict",
        {"sku": "H", "quantity": 0},
        {"sku": "I", "release_date": "2027-02-30"},
        {"sku": "J", "lead_time_days": {"min": 3}},
        {"sku": "K", "on_hand": 2},
    ]
    batch = engine.labels(rows, now=NOW)
    assert len(batch) == len(rows)
    errors = {e.row: e for e in batch.errors}
    assert sorted(errors) == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert [e.row for e in batch.errors] == sorted(errors)  # in row order
    assert errors[1].path == "rows[1].lead_time_days" and errors[1].sku == "B"
    assert errors[2].path == "rows[2].on_hand" and "integer" in errors[2].message
    assert errors[3].path == "rows[3].reserved"
    assert errors[4].path == "rows[4].sku" and errors[4].sku is None
    assert errors[5].path == "rows[5].colour" and errors[5].message == "unknown field"
    assert errors[6].path == "rows[6]" and errors[6].sku is None
    assert errors[7].path == "rows[7].quantity"
    assert errors[8].path == "rows[8].release_date"
    assert errors[9].path == "rows[9].lead_time_days.max"
    for e in batch.errors:
        assert isinstance(e, backorder.RowError) and e.message
        assert batch[e.row] is None and not batch.ok(e.row)
    assert batch[0].text == "In stock" and batch.ok(0)
    assert batch[10].text == "Only 2 left"
    assert batch.texts() == ["In stock"] + [None] * 9 + ["Only 2 left"]
    assert batch.statuses()[0] is Status.in_stock and batch.statuses()[1] is None


def test_per_row_quantity(engine):
    rows = [
        {"sku": "JKT", "lead_time_days": (10, 14), "on_hand": 3, "quantity": 5},
        {"sku": "JKT", "lead_time_days": (10, 14), "on_hand": 3},
    ]
    batch = engine.labels(rows, quantity=2, now=NOW)
    assert batch.quantities() == [5, 2]
    assert batch.ship_now() == [3, 2]
    assert batch.later() == [2, 0]


def test_columnar_helpers_agree_with_labels(engine):
    random.seed(7)
    rows = []
    for i in range(2000):
        row = {"sku": f"S{i}", "on_hand": random.randint(-2, 12), "reserved": random.randint(0, 2)}
        kind = i % 6
        if kind == 0:
            row["lead_time_days"] = {"min": 3, "max": random.randint(3, 9)}
        elif kind == 1:
            row["release_date"] = "2027-03-12"
        elif kind == 2:
            row["backorders"] = False
        elif kind == 3:
            row["discontinued"] = True
        elif kind == 4:
            row["quantity"] = random.randint(1, 6)
        rows.append(row)
    batch = engine.labels(rows, now=NOW)
    labels = batch.labels()
    assert batch.errors == []
    assert batch.skus() == [l.sku for l in labels]
    assert batch.statuses() == [l.status for l in labels]
    assert batch.status_codes() == [l.status.code for l in labels]
    assert batch.texts() == [l.text for l in labels]
    assert batch.short_texts() == [l.short_text for l in labels]
    assert batch.quantities() == [l.quantity for l in labels]
    assert batch.sellable() == [l.sellable for l in labels]
    assert batch.ship_now() == [l.ship_now for l in labels]
    assert batch.later() == [l.later for l in labels]
    assert batch.unavailable() == [l.unavailable for l in labels]
    assert batch.notify_me() == [l.notify_me for l in labels]
    assert batch.schema_org() == [l.schema_org for l in labels]
    assert batch.merchant_availability() == [l.merchant_availability for l in labels]
    assert batch.availability_dates() == [l.availability_date for l in labels]
    assert set(batch.statuses()) == set(Status) - {Status.low_stock} or len(set(batch.statuses())) >= 5
    # shared wording is shared, not copied per row
    texts = batch.texts()
    counts = collections.Counter(id(t) for t in texts)
    assert len(counts) == len(set(texts))


def test_sequence_protocol(engine):
    rows = [{"sku": f"S{i}", "on_hand": i} for i in range(5)]
    batch = engine.labels(rows, now=NOW)
    assert batch[-1].sku == "S4"
    assert [l.sku for l in batch[1:3]] == ["S1", "S2"]
    with pytest.raises(IndexError):
        batch[5]
    with pytest.raises(IndexError):
        batch[-6]
    assert "5 rows" in repr(batch)
    assert len(engine.labels([], now=NOW)) == 0


def test_rows_may_be_any_iterable_of_mappings(engine):
    class Row(collections.abc.Mapping):
        def __init__(self, **kw):
            self._d = kw

        def __getitem__(self, k):
            return self._d[k]

        def __iter__(self):
            return iter(self._d)

        def __len__(self):
            return len(self._d)

    rows = (r for r in [Row(sku="A", on_hand=50), {"sku": "B", "on_hand": 1}])
    batch = engine.labels(rows, now=NOW)
    assert batch.texts() == ["In stock", "Only 1 left"]


def test_none_means_not_given(engine):
    a = engine.labels([{"sku": "A", "lead_time_days": None, "release_date": None, "on_hand": None}], now=NOW)
    b = engine.labels([{"sku": "A"}], now=NOW)
    assert a[0] == b[0]


def test_results_outlive_the_rows(engine):
    rows = [{"sku": f"S{i}", "lead_time_days": (i % 5, 5)} for i in range(100)]
    batch = engine.labels(rows, locale="ja-JP", now=NOW)
    del rows
    import gc

    gc.collect()
    assert batch[3].sku == "S3" and batch[3].status is Status.backorder
