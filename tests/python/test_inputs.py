"""`now`, locales and item/stock values: what is accepted and how bad input is reported."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import backorder
from bo_support import JACKET, NOW


def test_now_as_aware_datetime_or_iso_string(engine):
    expected = engine.label(JACKET, now=NOW)
    assert engine.label(JACKET, now=dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.timezone.utc)) == expected
    assert engine.label(JACKET, now=dt.datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("America/New_York"))) == expected
    assert engine.label(JACKET, now="2026-11-30T14:00:00Z") == expected


def test_now_after_the_cutoff_moves_the_window(engine):
    before = engine.label(JACKET, now="2026-11-30T13:59:00-05:00")
    after = engine.label(JACKET, now="2026-11-30T14:00:00-05:00")
    assert before.later_window.from_date == dt.date(2026, 12, 10)
    assert after.later_window.from_date > before.later_window.from_date


def test_now_defaults_to_the_current_time(engine):
    label = engine.label({"sku": "X"}, {"on_hand": 50})
    assert label.now_window is not None
    today = dt.datetime.now(ZoneInfo("America/New_York")).date()
    assert today <= label.now_window.from_date <= today + dt.timedelta(days=10)
    assert len(engine.labels([{"sku": "X"}])) == 1


def test_a_naive_datetime_is_rejected(engine):
    with pytest.raises(backorder.Error) as info:
        engine.label(JACKET, now=dt.datetime(2026, 11, 30, 9, 0))
    assert info.value.path == "now"
    assert "timezone" in info.value.message
    with pytest.raises(backorder.Error):
        engine.labels([JACKET], now=dt.datetime(2026, 11, 30, 9, 0))
    with pytest.raises(backorder.Error):
        engine.labeler(now=dt.datetime(2026, 11, 30, 9, 0))
    assert issubclass(backorder.Error, ValueError)


@pytest.mark.parametrize("bad", ["2026-11-30T09:00:00", "yesterday", "2026-11-30", 1764511200, dt.date(2026, 11, 30)])
def test_bad_now(engine, bad):
    with pytest.raises(backorder.Error) as info:
        engine.label(JACKET, now=bad)
    assert info.value.path == "now"
    assert info.value.code is backorder.ErrorCode.invalid


def test_unknown_locale(engine):
    with pytest.raises(backorder.Error) as info:
        engine.label(JACKET, locale="xx-notalocale", now=NOW)
    assert info.value.path == "locale"
    with pytest.raises(backorder.Error):
        engine.labels([JACKET], locale="not a locale", now=NOW)


@pytest.mark.parametrize(
    "item, stock, quantity, path",
    [
        ({"sku": "A", "lead_time_days": {"min": 9, "max": 2}}, None, 1, "item.lead_time_days"),
        ({"sku": "A", "lead_time_days": {"min": 1, "max": 9999}}, None, 1, "item.lead_time_days"),
        ({"sku": "A", "lead_time_days": {"min": 1}}, None, 1, "item.lead_time_days.max"),
        ({"sku": "A", "lead_time_days": {"min": 1, "max": 2, "avg": 1}}, None, 1, "item.lead_time_days.avg"),
        ({"sku": "A", "lead_time_days": (1, 2, 3)}, None, 1, "item.lead_time_days"),
        ({"sku": "A", "lead_time_days": "10-14"}, None, 1, "item.lead_time_days"),
        ({"sku": "A", "lead_time_days": (1, "2")}, None, 1, "item.lead_time_days.max"),
        ({"sku": ""}, None, 1, "item.sku"),
        ({"name": "no sku"}, None, 1, "item.sku"),
        ({"sku": 12}, None, 1, "item.sku"),
        ({"sku": "A", "colour": "red"}, None, 1, "item.colour"),
        ({"sku": "A", "backorders": 1}, None, 1, "item.backorders"),
        ({"sku": "A", "discontinued": "no"}, None, 1, "item.discontinued"),
        ({"sku": "A", "release_date": "12/03/2027"}, None, 1, "item.release_date"),
        ({"sku": "A", "release_date": dt.datetime(2027, 3, 12, tzinfo=dt.timezone.utc)}, None, 1, "item.release_date"),
        ({"sku": "A", "max_backorder": -1}, None, 1, "item.max_backorder"),
        ({"sku": "A", "low_stock_threshold": -1}, None, 1, "item.low_stock_threshold"),
        ({"sku": "A", "low_stock_threshold": 2.5}, None, 1, "item.low_stock_threshold"),
        ({"sku": "A"}, {"on_hand": 1.0}, 1, "stock.on_hand"),
        ({"sku": "A"}, {"on_hand": True}, 1, "stock.on_hand"),
        ({"sku": "A"}, {"on_hand": 2**70}, 1, "stock.on_hand"),
        ({"sku": "A"}, {"reserved": -1}, 1, "stock.reserved"),
        ({"sku": "A"}, {"safety_stock": -1}, 1, "stock.safety_stock"),
        ({"sku": "A"}, {"promised": -1}, 1, "stock.promised"),
        ({"sku": "A"}, {"backordered": -1}, 1, "stock.backordered"),
        ({"sku": "A"}, {"on_hand": 1, "sku": "B"}, 1, "stock.sku"),
        ({"sku": "A"}, {"on_hnad": 1}, 1, "stock.on_hnad"),
        ({"sku": "A"}, [1, 2], 1, "stock"),
        ("A", None, 1, "item"),
        ({"sku": "A"}, None, 0, "quantity"),
        ({"sku": "A"}, None, -3, "quantity"),
        ({"sku": "A"}, None, True, "quantity"),
        ({"sku": "A"}, None, "2", "quantity"),
    ],
)
def test_bad_item_stock_or_quantity_names_the_path(engine, item, stock, quantity, path):
    with pytest.raises(backorder.Error) as info:
        engine.label(item, stock, quantity=quantity, now=NOW)
    err = info.value
    assert err.path == path, err
    assert err.message
    assert err.code is backorder.ErrorCode.invalid
    assert str(err).startswith(path)


def test_integer_like_values_are_accepted(engine):
    class Count:
        def __index__(self):
            return 2

    label = engine.label({"sku": "A", "lead_time_days": (Count(), 5)}, {"on_hand": Count()}, now=NOW)
    assert label.sellable == 2 and label.text == "Only 2 left"


def test_stock_may_name_its_sku(engine):
    assert engine.label({"sku": "A"}, {"sku": "A", "on_hand": 2}, now=NOW).sellable == 2


def test_json_null_as_none_means_not_given(engine):
    a = engine.label({"sku": "A", "lead_time_days": None, "backorders": None}, {"on_hand": None}, now=NOW)
    assert a == engine.label({"sku": "A"}, now=NOW)


def test_inputs_are_not_modified(engine):
    item = {"sku": "A", "lead_time_days": [3, 5]}
    stock = {"on_hand": 1}
    engine.label(item, stock, now=NOW)
    assert item == {"sku": "A", "lead_time_days": [3, 5]} and stock == {"on_hand": 1}


def test_item_name_category_attributes_and_price(engine):
    item = dict(JACKET, category="jackets", attributes={"size": "M", "colour": "navy"}, price=12900)
    assert engine.label(item, now=NOW) == engine.label(JACKET, now=NOW)
    batch = engine.labels([dict(item, on_hand=0)], now=NOW)
    assert not batch.errors
    for bad, path in (
        ({"attributes": ["M"]}, "item.attributes"),
        ({"attributes": {"size": 38}}, "item.attributes.size"),
        ({"price": -1}, "item.price"),
        ({"price": 12.5}, "item.price"),
        ({"category": 3}, "item.category"),
    ):
        with pytest.raises(backorder.Error) as e:
            engine.label(dict(JACKET, **bad), now=NOW)
        assert e.value.path == path
