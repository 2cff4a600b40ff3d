"""Single labels: statuses, texts, windows, feed values and the JSON shape."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import backorder
from backorder import Status
from bo_support import JACKET, NOW


def test_the_jacket_on_backorder(engine):
    label = engine.label(JACKET, {"on_hand": 0}, locale="en-US", now=NOW)
    assert isinstance(label, backorder.Label)
    assert label.status is Status.backorder
    assert label.status == "backorder" and label.status_code == 3
    assert label.text == "Backorder – ships in 10–14 days"
    assert "Dec" in label.short_text and "10" in label.short_text and "14" in label.short_text
    assert label.sku == "JKT-NAVY-M"
    assert (label.quantity, label.sellable, label.ship_now, label.later, label.unavailable) == (1, 0, 0, 1, 0)
    assert label.now_window is None
    assert label.later_window == backorder.Window(dt.date(2026, 12, 10), dt.date(2026, 12, 14), 10, 14)
    assert label.schema_org == "https://schema.org/BackOrder"
    assert label.merchant_availability == "backorder"
    assert label.availability_date == "2026-12-10T00:00:00-05:00"


def test_lead_time_as_a_pair_and_default_stock(engine):
    a = engine.label({"sku": "JKT-NAVY-M", "lead_time_days": (10, 14)}, now=NOW)
    b = engine.label({"sku": "JKT-NAVY-M", "lead_time_days": [10, 14]}, None, now=NOW)
    c = engine.label(JACKET, {"on_hand": 0}, now=NOW)
    assert a == b == c


def test_items_without_lead_time_use_the_policy(engine):
    label = engine.label({"sku": "SCF"}, now=NOW)
    assert engine.lead_time_days == (10, 14)
    assert label.later_window is not None
    assert (label.later_window.min_days, label.later_window.max_days) == (10, 14)


def test_in_stock(engine):
    label = engine.label({"sku": "JNS-SLIM-32"}, {"on_hand": 25}, now=NOW)
    assert label.status is Status.in_stock
    assert label.text == "In stock"
    assert label.schema_org == "https://schema.org/InStock"
    assert label.merchant_availability == "in_stock"
    assert label.availability_date is None
    assert label.later_window is None
    # ordered before the cut-off on Monday, one handling day: ships Tuesday
    assert label.now_window == backorder.Window(dt.date(2026, 12, 1), dt.date(2026, 12, 1), 1, 1)


def test_low_stock_states_the_true_sellable_number(engine):
    # 4 on hand - 1 reserved - 1 safety stock = 2 sellable (threshold 3)
    label = engine.label({"sku": "JKT-NAVY-L"}, {"on_hand": 4, "reserved": 1, "safety_stock": 1}, now=NOW)
    assert label.status is Status.low_stock
    assert label.sellable == 2
    assert label.text == "Only 2 left"
    assert label.schema_org == "https://schema.org/LimitedAvailability"
    # 6 on hand, 4 already promised to waiting orders: 2 really left
    socks = engine.label({"sku": "SOCK"}, {"on_hand": 6, "promised": 4}, now=NOW)
    assert (socks.status, socks.sellable, socks.text) == (Status.low_stock, 2, "Only 2 left")
    # above the threshold it is simply in stock
    assert engine.label({"sku": "X"}, {"on_hand": 4}, now=NOW).status is Status.in_stock
    # the item's own threshold wins over the policy's
    own = engine.label({"sku": "X", "low_stock_threshold": 10}, {"on_hand": 8}, now=NOW)
    assert (own.status, own.text) == (Status.low_stock, "Only 8 left")


def test_quantity_split_ship_now_and_later(engine):
    label = engine.label(JACKET, {"on_hand": 3}, quantity=5, now=NOW)
    assert label.status is Status.backorder
    assert (label.quantity, label.sellable, label.ship_now, label.later, label.unavailable) == (5, 3, 3, 2, 0)
    assert "3 ship now, 2 on backorder" in label.text
    assert label.now_window is not None and label.later_window is not None
    assert label.now_window.from_date == dt.date(2026, 12, 1)
    assert label.later_window.from_date == dt.date(2026, 12, 10)
    assert label.ship_now + label.later + label.unavailable == label.quantity


def test_preorder_is_not_a_backorder(engine):
    for release in ("2027-03-12", dt.date(2027, 3, 12)):
        label = engine.label({"sku": "CAP-WINTER-27", "release_date": release}, {"on_hand": 0}, now=NOW)
        assert label.status is Status.preorder
        assert label.text == "Pre-order – ships on March 12, 2027"
        assert label.schema_org == "https://schema.org/PreOrder"
        assert label.merchant_availability == "preorder"
        assert label.availability_date == "2027-03-12T00:00:00-05:00"
        assert label.later_window is not None and label.later_window.from_date == dt.date(2027, 3, 12)
    gb = engine.label({"sku": "CAP", "release_date": "2027-03-12"}, locale="en-GB", now=NOW)
    assert gb.text == "Pre-order – ships on 12 March 2027"


def test_out_of_stock_offers_notify_me(engine):
    label = engine.label({"sku": "TEE-BASIC-S", "backorders": False}, {"on_hand": 0}, now=NOW)
    assert label.status is Status.out_of_stock
    assert label.text == "Out of stock"
    assert label.notify_me is True
    assert (label.ship_now, label.later, label.unavailable) == (0, 0, 1)
    assert label.schema_org == "https://schema.org/OutOfStock"
    assert label.availability_date is None


def test_discontinued_is_never_backordered(engine):
    label = engine.label({"sku": "VEST-DOWN-M", "discontinued": True}, {"on_hand": 0}, now=NOW)
    assert label.status is Status.discontinued
    assert label.text == "Discontinued"
    assert label.notify_me is False
    assert label.later == 0
    assert label.schema_org == "https://schema.org/Discontinued"


def test_backorder_cap(engine):
    full = engine.label({"sku": "GLV", "max_backorder": 20}, {"on_hand": 0, "backordered": 20}, now=NOW)
    assert full.status is Status.out_of_stock and full.notify_me
    part = engine.label({"sku": "GLV", "max_backorder": 20}, {"backordered": 18}, quantity=3, now=NOW)
    assert (part.status, part.later, part.unavailable) == (Status.backorder, 2, 1)


@pytest.mark.parametrize(
    "locale, backorder_text, two_left, five_left",
    [
        ("de-DE", "Nachbestellt – Versand in 10–14 Tagen", "Nur noch 2 auf Lager", "Nur noch 5 auf Lager"),
        ("pl-PL", "Na zamówienie – wysyłka w ciągu 10–14 dni", "Zostały tylko 2 sztuki", "Zostało tylko 5 sztuk"),
        ("ja-JP", "お取り寄せ – 10〜14日で発送", "残り2点", "残り5点"),
    ],
)
def test_locales(engine, locale, backorder_text, two_left, five_left):
    assert engine.label(JACKET, locale=locale, now=NOW).text == backorder_text
    rich = engine.label({"sku": "X", "low_stock_threshold": 10}, {"on_hand": 2}, locale=locale, now=NOW)
    assert rich.text == two_left
    five = engine.label({"sku": "X", "low_stock_threshold": 10}, {"on_hand": 5}, locale=locale, now=NOW)
    assert five.text == five_left


def test_polish_plural_forms(engine):
    def left(n):
        return engine.label({"sku": "X", "low_stock_threshold": 100}, {"on_hand": n}, locale="pl", now=NOW).text

    assert left(1) == "Została tylko 1 sztuka"
    assert left(22) == "Zostały tylko 22 sztuki"
    assert left(12) == "Zostało tylko 12 sztuk"


@pytest.mark.parametrize("locale", ["fr-FR", "es-ES"])
def test_other_builtin_locales_are_not_english(engine, locale):
    english = engine.label(JACKET, locale="en", now=NOW).text
    assert engine.label(JACKET, locale=locale, now=NOW).text != english


def test_default_locale_is_the_policys(engine):
    assert engine.policy_locale == "en-US"
    assert engine.label(JACKET, now=NOW) == engine.label(JACKET, locale="en-US", now=NOW)


def test_merchant_wording_from_the_policy(policy):
    policy["messages"] = {
        "en": {"backorder": "Made to order – ships in {min_days}–{max_days, plural, one {# day} other {# days}}"}
    }
    engine = backorder.Engine(policy)
    assert engine.label(JACKET, now=NOW).text == "Made to order – ships in 10–14 days"
    assert engine.label(JACKET, locale="de-DE", now=NOW).text == "Nachbestellt – Versand in 10–14 Tagen"
    assert engine.message("backorder", "en-US").startswith("Made to order")


def test_business_days(policy):
    policy["availability"]["day_unit"] = "business"
    engine = backorder.Engine(policy)
    assert engine.day_unit == "business"
    assert engine.label(JACKET, now=NOW).text == "Backorder – ships in 10–14 business days"


@pytest.mark.parametrize(
    "item, stock, quantity",
    [
        (JACKET, {"on_hand": 0}, 1),
        (JACKET, {"on_hand": 3}, 5),
        ({"sku": "JNS"}, {"on_hand": 25}, 1),
        ({"sku": "JKT-NAVY-L"}, {"on_hand": 4, "reserved": 1, "safety_stock": 1}, 1),
        ({"sku": "CAP", "release_date": "2027-03-12"}, {}, 2),
        ({"sku": "TEE", "backorders": False}, {}, 1),
        ({"sku": "VEST", "discontinued": True}, {}, 1),
        ({"sku": "GLV", "max_backorder": 20}, {"backordered": 18}, 3),
    ],
)
@pytest.mark.parametrize("locale", ["en-US", "de-DE", "ja-JP"])
def test_to_dict_is_cores_json(engine, item, stock, quantity, locale):
    label = engine.label(item, stock, quantity=quantity, locale=locale, now=NOW)
    request = {"item": item, "stock": stock, "quantity": quantity, "locale": locale, "now": NOW}
    assert label.to_dict() == engine.label_json(request)
    # and it is plain JSON
    assert json.loads(json.dumps(label.to_dict())) == label.to_dict()


def test_to_dict_has_the_documented_shape(engine):
    d = engine.label(JACKET, {"on_hand": 0}, now=NOW).to_dict()
    assert set(d) == {
        "sku", "status", "status_code", "text", "short_text", "quantity", "sellable", "ship_now", "later",
        "unavailable", "notify_me", "now_window", "later_window", "schema_org", "merchant",
    }
    assert d["later_window"] == {"from": "2026-12-10", "to": "2026-12-14", "min_days": 10, "max_days": 14}
    assert d["merchant"] == {"availability": "backorder", "availability_date": "2026-12-10T00:00:00-05:00"}
    assert d["status"] == "backorder" and d["status_code"] == 3


def test_labels_are_frozen_and_hashable(engine):
    label = engine.label(JACKET, now=NOW)
    with pytest.raises(AttributeError):
        label.text = "x"  # type: ignore[misc]
    assert hash(label) == hash(engine.label(JACKET, now=NOW))


def test_status_enum():
    assert [s.value for s in Status] == [
        "in_stock", "low_stock", "backorder", "preorder", "out_of_stock", "discontinued",
    ]
    assert [s.code for s in Status] == [1, 2, 3, 4, 5, 6]
    assert Status("preorder") is Status.preorder and Status.from_code(4) is Status.preorder
    assert str(Status.backorder) == "backorder" and isinstance(Status.backorder, str)
    for s in Status:
        assert backorder._native.status_name(s.code) == s.value


def test_labeler_reuses_one_moment(engine):
    labeler = engine.labeler(locale="de-DE", now=NOW)
    assert labeler.locale == "de-DE"
    assert labeler.today == dt.date(2026, 11, 30)
    assert labeler.now == dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.timezone.utc)
    assert labeler.label(JACKET) == engine.label(JACKET, locale="de-DE", now=NOW)
    assert list(labeler.labels([dict(JACKET)])) == [engine.label(JACKET, locale="de-DE", now=NOW)]


def test_labels_pickle_and_copy(engine):
    import copy
    import dataclasses
    import pickle

    label = engine.label(JACKET, {"on_hand": 3}, quantity=5, now=NOW)
    assert pickle.loads(pickle.dumps(label)) == label
    assert copy.deepcopy(label) == label
    assert dataclasses.replace(label, text="x").later_window == label.later_window
    batch_label = engine.labels([{**JACKET, "on_hand": 3, "quantity": 5}], now=NOW)[0]
    assert pickle.loads(pickle.dumps(batch_label)) == label
