"""Checkout: the apparel cart (as tests/core/checkout_test.cpp states it), plans against core's JSON, the
consent record's round trip, bad carts and choices, the prepared-book fast path, threads."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import backorder
from backorder import CheckoutPlan, ConsentRecord, Strategy
from bo_support import APPAREL, NOW

D = dt.date
SCENARIO_PATH = APPAREL / "scenario.json"
CUSTOMER = {"locale": "en-US", "zone": "US"}
CHOSEN_AT = "2026-11-30T14:05:00Z"


def line(line_id, sku, quantity=1, **extra):
    return {"line_id": line_id, "sku": sku, "quantity": quantity, **extra}


APPAREL_CART = {
    "currency": "USD",
    "lines": [line("1", "JKT-NAVY-M"), line("2", "SCF-WOOL-GRY"), line("3", "JNS-SLIM-32")],
}


@pytest.fixture(scope="module")
def shop() -> dict:
    """The apparel catalog and stock as keyword facts (items carry prices, categories, attributes)."""
    items = json.loads((APPAREL / "catalog.json").read_text(encoding="utf-8"))["items"]
    stock = json.loads((APPAREL / "stock.json").read_text(encoding="utf-8"))["stock"]
    return {"items": items, "stock": stock}


@pytest.fixture(scope="module")
def shop_book(engine, shop) -> backorder.PromiseBook:
    return engine.promises(now=NOW, **shop)


@pytest.fixture(scope="module")
def plan(shop_book) -> CheckoutPlan:
    return shop_book.checkout(APPAREL_CART, customer=CUSTOMER)


def core_plan(engine, shop, cart, customer=CUSTOMER, **extra):
    return engine.checkout_json({"now": NOW, **shop, "cart": cart, "customer": customer, **extra})


def paths(excinfo) -> set:
    return {i.path for i in excinfo.value.issues}


# ---- the apparel cart ---------------------------------------------------------------------------------


def test_the_apparel_cart_offers_both_strategies(plan):
    assert (plan.currency, plan.locale) == ("USD", "en-US")
    assert plan.subtotal == 12900 + 3500 + 7900
    jacket, scarf, jeans = plan.lines
    assert jacket.label.text == "Backorder – ships in 10–14 days"
    assert jacket.label.status is backorder.Status.backorder
    assert jacket.options == ("wait", "notify_me", "alternative", "remove")
    assert jacket.waits and not scarf.waits
    assert scarf.options == () and jeans.options == ()
    assert plan.mixed
    assert [s.id for s in plan.strategies] == ["ship_available", "ship_together"]

    now = plan.strategy("ship_available")
    assert len(now.shipments) == 2
    assert now.shipments[0].ship.from_date == D(2026, 12, 1)
    assert [i.line_id for i in now.shipments[0].items] == ["2", "3"]
    later = now.shipments[1]
    assert (later.ship.from_date, later.ship.to_date) == (D(2026, 12, 10), D(2026, 12, 14))
    assert later.delivery.to_date == D(2026, 12, 21)  # + 2-5 working days to the US
    assert [i.line_id for i in later.items] == ["1"]
    # Over the free-shipping threshold: the second shipment is the shopper's choice and cost.
    assert (now.shipping_total, now.customer_pays, now.shop_pays) == (1190, 595, 595)
    assert now.customer_pays + now.shop_pays == now.shipping_total
    assert "a second shipment" in now.disclosure

    together = plan.strategy("ship_together")
    assert len(together.shipments) == 1
    assert len(together.shipments[0].items) == 3
    assert together.shipments[0].ship.from_date == D(2026, 12, 10)
    assert together.customer_pays == 0
    assert together.complete.to_date == D(2026, 12, 14)
    assert "The whole order ships together Dec 10" in together.disclosure

    assert plan.cost_difference == 595
    assert plan.default_strategy == "ship_together"
    assert plan.recommended_strategy == "ship_available"  # nine days sooner for the scarf and jeans
    assert plan.recommendation == "sooner"
    assert plan.strategy() is now  # the recommended one
    assert isinstance(now, Strategy)


def test_the_jackets_alternative_is_an_in_stock_jacket_in_the_same_size(plan):
    alts = plan.line("1").alternatives
    assert len(alts) >= 2
    assert alts[0].sku == "JKT-OLIVE-M"
    assert alts[0].name == "Field jacket, olive, M"
    assert alts[0].price == 12900
    assert alts[0].label.status is backorder.Status.in_stock
    assert alts[0].label.ship_now == 1
    assert alts[1].sku == "JKT-RAIN-M"  # same size, outside the price band
    assert "VEST-DOWN-M" not in {a.sku for a in alts}  # discontinued and sold out


def test_disclosures_and_payment_advice(plan, shop_book):
    assert [d.kind for d in plan.disclosures] == ["backorder", "cancellation", "payment"]
    first = plan.disclosures[0]
    assert first.line_id == "1"
    # ICU puts thin spaces around the dash of a date range.
    assert first.text == "1 unit of Field jacket, navy, M is on backorder, expected to ship Dec 10\u2009–\u200914."
    assert plan.disclosures[1].line_id is None
    pay = plan.strategy("ship_together").payment
    # Shipping on 14 December is past a 7-day card authorization: charge each shipment as it ships.
    assert pay.advice == "charge_at_shipment"
    assert pay.latest_ship == D(2026, 12, 14)
    assert pay.authorization_expires == dt.datetime.fromisoformat("2026-12-07T09:00:00-05:00")
    assert pay.authorization_expires.utcoffset() == dt.timedelta(hours=-5)

    in_stock = shop_book.checkout({"currency": "USD", "lines": [line("1", "SCF-WOOL-GRY")]}, customer=CUSTOMER)
    assert not in_stock.mixed
    assert [s.id for s in in_stock.strategies] == ["ship_together"]
    assert in_stock.strategies[0].payment.advice == "authorize_now"
    assert in_stock.strategies[0].customer_pays == 595  # under the free-shipping threshold


def test_pre_orders_ship_apart_on_their_release_day(shop_book):
    p = shop_book.checkout(
        {"currency": "USD", "lines": [line("1", "SCF-WOOL-GRY"), line("2", "CAP-WINTER-27")]}, customer=CUSTOMER
    )
    assert not p.mixed  # nothing to choose: the cap cannot come earlier
    (only,) = p.strategies
    assert len(only.shipments) == 2
    assert only.shipments[1].ship.from_date == D(2027, 3, 12)
    assert p.lines[1].preorder
    assert p.disclosures[0].kind == "preorder"


def test_the_same_item_twice_shares_its_stock(shop_book):
    # 2 navy L jackets are sellable: the first line takes both, the second waits.
    p = shop_book.checkout({"currency": "USD", "lines": [line("1", "JKT-NAVY-L", 2), line("2", "JKT-NAVY-L")]})
    assert p.lines[0].label.ship_now == 2
    assert (p.lines[1].label.ship_now, p.lines[1].label.later) == (0, 1)


def test_the_shoppers_language(shop_book):
    p = shop_book.checkout(
        {"currency": "USD", "lines": [line("1", "JKT-NAVY-M"), line("2", "SCF-WOOL-GRY")]},
        customer={"locale": "de-DE", "zone": "US"},
    )
    assert p.locale == "de-DE"
    assert p.lines[0].label.text == "Nachbestellt – Versand in 10–14 Tagen"
    assert "stornieren" in p.disclosures[1].text
    # Without a customer locale the call's locale is used, then the policy's.
    assert shop_book.checkout(APPAREL_CART, locale="de-DE").locale == "de-DE"
    assert shop_book.checkout(APPAREL_CART).locale == "en-US"
    assert shop_book.checkout(APPAREL_CART, customer={"locale": "fr-FR"}, locale="de-DE").locale == "fr-FR"


# ---- the same plan as core's JSON ---------------------------------------------------------------------


def test_to_dict_equals_core_json(engine, shop, plan):
    assert plan.to_dict() == core_plan(engine, shop, APPAREL_CART)
    assert json.loads(plan.to_json()) == plan.to_dict()
    de = {"locale": "de-DE", "zone": "EU"}
    assert engine.checkout(APPAREL_CART, now=NOW, customer=de, **shop).to_dict() == core_plan(
        engine, shop, APPAREL_CART, de
    )


def test_engine_checkout_equals_the_book_path(engine, shop, plan):
    again = engine.checkout(APPAREL_CART, now=NOW, customer=CUSTOMER, **shop)
    assert again == plan
    assert again.to_dict() == plan.to_dict()
    scenario = {"now": NOW, **shop}
    assert engine.checkout(APPAREL_CART, scenario=scenario, customer=CUSTOMER) == plan
    assert engine.checkout(APPAREL_CART, scenario=json.dumps(scenario), customer=CUSTOMER) == plan


def test_book_checkout_json_equals_the_native_plan(shop_book, plan):
    assert shop_book.checkout_json({"cart": APPAREL_CART, "customer": CUSTOMER}) == plan.to_dict()


def test_plan_values(plan):
    assert plan.now == dt.datetime.fromisoformat(NOW)
    assert plan.to_dict()["now"] == NOW
    assert len(plan.policy_hash) == 64
    assert len(plan) == 3 and [l.line_id for l in plan] == ["1", "2", "3"]
    jacket = plan.line("1")
    assert (jacket.name, jacket.quantity, jacket.unit_price, jacket.amount) == ("Field jacket, navy, M", 1, 12900, 12900)
    assert jacket.label.later_window.from_date == D(2026, 12, 10)
    with pytest.raises(KeyError):
        plan.line("9")
    with pytest.raises(KeyError):
        plan.strategy("ship_by_pigeon")
    assert "3 lines" in repr(plan)


def test_plans_are_immutable(plan):
    with pytest.raises(AttributeError):
        plan.subtotal = 1  # type: ignore[misc]
    with pytest.raises(AttributeError):
        plan.anything = 1  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.lines[0].quantity = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.strategies[0].customer_pays = 0  # type: ignore[misc]
    assert plan.lines is plan.lines  # built once


def test_a_cart_as_a_list_of_lines(shop_book, plan):
    lines = APPAREL_CART["lines"]
    assert shop_book.checkout(lines, customer=CUSTOMER) == plan
    assert shop_book.checkout(tuple(lines), currency="USD", customer=CUSTOMER) == plan
    with pytest.raises(TypeError):
        shop_book.checkout(APPAREL_CART, currency="USD")


def test_line_defaults(shop_book):
    # line_id defaults to the position, quantity to 1, unit_price to the catalog price.
    p = shop_book.checkout({"currency": "USD", "lines": [{"sku": "SCF-WOOL-GRY"}, {"sku": "JNS-SLIM-32", "unit_price": 7000}]})
    assert [(l.line_id, l.quantity, l.unit_price) for l in p.lines] == [("1", 1, 3500), ("2", 1, 7000)]
    assert p.subtotal == 10500
    # A line may repeat the cart's currency; None reads as absent.
    p = shop_book.checkout({"currency": "USD", "lines": [{"sku": "SCF-WOOL-GRY", "currency": "USD", "unit_price": None}]})
    assert p.subtotal == 3500


def test_customer_zone_sets_delivery(shop_book):
    us = shop_book.checkout(APPAREL_CART, customer={"zone": "US"}).strategy("ship_together")
    far = shop_book.checkout(APPAREL_CART, customer={"zone": "EU"}).strategy("ship_together")
    assert far.shipments[0].delivery.to_date > us.shipments[0].delivery.to_date


# ---- the book over the apparel scenario: windows from supply ------------------------------------------


def test_book_checkout_takes_the_jackets_window_from_supply(engine):
    book = engine.promises(SCENARIO_PATH)
    # 40 orders wait for the navy jacket; 30 arrive on PO-1001, so a new one waits for PO-1002.
    cart = {
        "currency": "USD",
        "lines": [line("1", "JKT-NAVY-M", unit_price=12900), line("2", "SCF-WOOL-GRY", unit_price=3500)],
    }
    p = book.checkout(cart, customer=CUSTOMER)
    jacket = p.line("1")
    quote = book.quote("JKT-NAVY-M")
    assert jacket.label.later_window.from_date == quote.ship.from_date == D(2026, 12, 31)
    assert jacket.label.later_window.to_date == quote.ship.to_date == D(2027, 1, 6)
    assert jacket.label.text == "Backorder – ships in 31–37 days"
    later = p.strategy("ship_available").shipments[1]
    assert (later.ship.from_date, later.ship.to_date) == (D(2026, 12, 31), D(2027, 1, 6))
    assert p.to_dict() == book.checkout_json({"cart": cart, "customer": CUSTOMER})


def test_a_change_to_the_book_moves_the_plan(engine):
    book = engine.promises(SCENARIO_PATH)
    cart = [line("1", "JKT-NAVY-M", unit_price=12900)]
    before = book.checkout(cart, customer=CUSTOMER)
    book.apply({"type": "supply_changed", "id": "PO-1002", "expected": "2027-01-12"})
    after = book.checkout(cart, customer=CUSTOMER)
    assert after.line("1").label.later_window.from_date > before.line("1").label.later_window.from_date
    assert before.line("1").label.later_window.from_date == D(2026, 12, 31)  # plans do not change


# ---- the consent record -------------------------------------------------------------------------------


def test_consent_records_what_the_shopper_saw_and_chose(plan):
    record = plan.consent(strategy="ship_available", lines={"1": "wait"}, now=CHOSEN_AT)
    assert isinstance(record, ConsentRecord)
    assert record.version == 1
    assert record.strategy == "ship_available"
    assert record["recorded_at"] == "2026-11-30T14:05:00+00:00"
    assert record.recorded_at == dt.datetime(2026, 11, 30, 14, 5, tzinfo=dt.timezone.utc)
    assert record.plan_at == plan.now
    assert record.policy_hash == plan.policy_hash and len(record.policy_hash) == 64
    assert (record.locale, record.currency, record.customer_pays) == ("en-US", "USD", 595)
    lines = record.lines
    assert lines[0]["choice"] == "wait"
    assert lines[0]["text"] == "Backorder – ships in 10–14 days"
    assert lines[0]["later_window"]["from"] == "2026-12-10"
    assert lines[1]["choice"] == "buy"
    assert "a second shipment" in record.disclosures[0]
    assert record["shipments"] == [s.to_dict() for s in plan.strategy("ship_available").shipments]


def test_a_consent_record_round_trips_through_json_unchanged(plan):
    record = plan.consent(strategy="ship_available", lines={"1": "wait"}, now=CHOSEN_AT)
    text = record.to_json()
    # Kept with the order and read back, it is the same record, byte for byte.
    again = backorder.check_consent(text)
    assert again == record and again.to_json() == text
    assert backorder.check_consent(json.dumps(json.loads(text))).to_json() == text
    assert backorder.check_consent(json.dumps(json.loads(text), indent=2, ensure_ascii=False)).to_json() == text
    assert backorder.check_consent(text.encode("utf-8")) == record
    assert backorder.check_consent(record.to_dict()) == record
    assert backorder.check_consent(record) == record
    assert json.loads(text) == record.to_dict() == dict(record)
    assert pickle.loads(pickle.dumps(record)) == record
    assert hash(again) == hash(record)
    # The canonical text: sorted keys, no spaces.
    assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_consent_defaults_and_alternatives(plan):
    olive = plan.line("1").alternatives[0]
    record = plan.consent(lines={"1": olive}, now=dt.datetime(2026, 11, 30, 14, 5, tzinfo=dt.timezone.utc))
    assert record.strategy == "ship_together"  # the plan's default
    assert record.lines[0]["choice"] == "alternative"
    assert record.lines[0]["alternative"] == "JKT-OLIVE-M"
    assert plan.consent(lines={"1": {"alternative": "JKT-OLIVE-M"}}, now=CHOSEN_AT) == record
    # Without now the current time is recorded.
    fresh = plan.consent()
    assert abs(fresh.recorded_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
    assert [l["choice"] for l in fresh.lines] == ["wait", "buy", "buy"]


def test_choices_must_be_ones_the_plan_offered(plan):
    def choice_paths(**kw):
        with pytest.raises(backorder.ValidationError) as e:
            plan.consent(now=CHOSEN_AT, **kw)
        return paths(e)

    assert choice_paths(strategy="ship_by_pigeon") == {"choice.strategy"}
    assert choice_paths(lines={"1": {"alternative": "BOOT-CHEL-42"}}) == {"choice.lines.1.alternative"}
    assert choice_paths(lines={"2": "wait"}) == {"choice.lines.2"}
    assert choice_paths(lines={"9": "wait"}) == {"choice.lines.9"}
    assert choice_paths(strategy="ship_by_pigeon", lines={"9": "wait"}) == {"choice.strategy", "choice.lines.9"}
    with pytest.raises(backorder.Error) as e:
        plan.consent(lines=["1"])  # type: ignore[arg-type]
    assert e.value.path == "choice.lines"
    with pytest.raises(backorder.Error) as e:
        plan.consent(now=dt.datetime(2026, 11, 30, 14, 5))
    assert e.value.path == "now"


def test_a_tampered_record_is_rejected(plan):
    record = plan.consent(lines={"1": {"alternative": "JKT-OLIVE-M"}}, now=CHOSEN_AT).to_dict()
    record["lines"][0]["choice"] = "steal"
    with pytest.raises(backorder.ValidationError) as e:
        backorder.check_consent(record)
    assert paths(e) == {"consent.lines[0].choice"}
    with pytest.raises(backorder.Error):
        backorder.check_consent("not json")
    with pytest.raises(TypeError):
        backorder.check_consent(42)  # type: ignore[arg-type]


# ---- bad carts --------------------------------------------------------------------------------------


def test_bad_carts_are_rejected_with_every_path(shop_book):
    cart = {
        "currency": "EUR",
        "lines": [line("1", "NOPE"), line("2", "SCF-WOOL-GRY", 0), line("2", "JNS-SLIM-32")],
    }
    with pytest.raises(backorder.ValidationError) as e:
        shop_book.checkout(cart, customer=CUSTOMER)
    assert paths(e) == {"cart.currency", "cart.lines[0].sku", "cart.lines[1].quantity", "cart.lines[2].line_id"}
    assert e.value.code is backorder.ErrorCode.invalid

    mixed = {"currency": "USD", "lines": [line("1", "SCF-WOOL-GRY", currency="EUR")]}
    with pytest.raises(backorder.ValidationError) as e:
        shop_book.checkout(mixed)
    assert paths(e) == {"cart.lines[0].currency"}

    with pytest.raises(backorder.ValidationError) as e:
        shop_book.checkout({"currency": "USD", "lines": []})
    assert paths(e) == {"cart.lines"}


def test_bad_values_are_reported_with_cores_problems(shop_book):
    cart = {
        "currency": "EUR",
        "lines": [
            {"line_id": 1, "sku": "SCF-WOOL-GRY"},
            {"sku": 7, "quantity": "two"},
            {"sku": "JNS-SLIM-32", "unit_price": 12.5, "colour": "blue"},
            {"sku": "NOPE", "quantity": True},
            "JKT-NAVY-M",
        ],
        "coupon": "X",
    }
    with pytest.raises(backorder.ValidationError) as e:
        shop_book.checkout(cart, customer={"locale": "xx-nope-zz", "zone": 5, "vip": True})
    assert paths(e) == {
        "cart.currency",
        "cart.coupon",
        "cart.lines[0].line_id",
        "cart.lines[1].sku",
        "cart.lines[1].quantity",
        "cart.lines[2].unit_price",
        "cart.lines[2].colour",
        "cart.lines[3].sku",
        "cart.lines[3].quantity",
        "cart.lines[4]",
        "customer.locale",
        "customer.zone",
        "customer.vip",
    }
    messages = {i.path: i.message for i in e.value.issues}
    assert "expected a string" in messages["cart.lines[1].sku"]
    assert "NOPE" in messages["cart.lines[3].sku"]


def test_missing_parts_of_a_cart(shop_book):
    for cart, expected in [
        ({"lines": [line("1", "SCF-WOOL-GRY")]}, {"cart.currency"}),
        ({"currency": "USD"}, {"cart.lines"}),
        ({"currency": "USD", "lines": "SCF-WOOL-GRY"}, {"cart.lines"}),
        ({"currency": "USD", "lines": [{"quantity": 1}]}, {"cart.lines[0].sku"}),
        ({"currency": "USD", "lines": [{"sku": "SCF-WOOL-GRY", "line_id": ""}]}, {"cart.lines[0].line_id"}),
        ({"currency": "USD", "lines": [{"sku": "SCF-WOOL-GRY", "unit_price": -1}]}, {"cart.lines[0].unit_price"}),
        ({"currency": "USD", "lines": [{"sku": "SCF-WOOL-GRY", "quantity": 10**30}]}, {"cart.lines[0].quantity"}),
    ]:
        with pytest.raises(backorder.ValidationError) as e:
            shop_book.checkout(cart)
        assert paths(e) == expected, cart
    with pytest.raises(backorder.ValidationError) as e:
        shop_book.checkout(APPAREL_CART, customer="en-US")  # type: ignore[arg-type]
    assert paths(e) == {"customer"}
    with pytest.raises(backorder.ValidationError) as e:
        shop_book.checkout(APPAREL_CART, locale="xx-nope-zz")
    assert paths(e) == {"locale"}
    with pytest.raises(backorder.Error) as e:
        shop_book.checkout("JKT-NAVY-M")  # type: ignore[arg-type]
    assert e.value.path == "cart"


def test_prices_must_match_when_the_policy_says_so(policy, shop):
    policy["checkout"]["prices_must_match"] = True
    engine = backorder.Engine(policy)
    book = engine.promises(now=NOW, **shop)
    with pytest.raises(backorder.ValidationError) as e:
        book.checkout([line("1", "SCF-WOOL-GRY", unit_price=100)])
    assert paths(e) == {"cart.lines[0].unit_price"}
    assert book.checkout([line("1", "SCF-WOOL-GRY", unit_price=3500)]).subtotal == 3500


def test_bad_facts_are_reported_by_engine_checkout(engine, shop):
    with pytest.raises(backorder.ValidationError) as e:
        engine.checkout(APPAREL_CART, now=NOW, items=shop["items"], stock=[{"sku": "JKT-NAVY-M", "on_hand": "x"}])
    assert "stock[0].on_hand" in paths(e)


def test_mappings_that_are_not_dicts(shop_book, plan):
    class Cart(dict):
        pass

    from types import MappingProxyType

    cart = MappingProxyType({"currency": "USD", "lines": [MappingProxyType(l) for l in APPAREL_CART["lines"]]})
    assert shop_book.checkout(cart, customer=MappingProxyType(CUSTOMER)) == plan
    assert shop_book.checkout(Cart(APPAREL_CART), customer=CUSTOMER) == plan


# ---- threads ----------------------------------------------------------------------------------------


def test_one_book_plans_carts_on_many_threads(shop_book, plan):
    expected = plan.to_dict()
    carts = [APPAREL_CART] * 64

    def run(cart):
        return shop_book.checkout(cart, customer=CUSTOMER).to_dict()

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, carts))
    assert all(r == expected for r in results)


def test_checkout_releases_the_gil(engine):
    # A large catalogue in one category keeps core busy; another thread must run meanwhile.
    items = [
        {"sku": f"SKU-{i}", "category": "c", "price": 1000 + i, "lead_time_days": {"min": 5, "max": 9}}
        for i in range(3000)
    ]
    stock = [{"sku": f"SKU-{i}", "on_hand": 0 if i % 2 else 5} for i in range(3000)]
    book = engine.promises(now=NOW, items=items, stock=stock)
    cart = [line(str(i), f"SKU-{2 * i + 1}") for i in range(60)]
    native = book._native.checkout({"currency": "USD", "lines": cart}, None, None)
    start, released, reacquired, end = native.timing_ns()
    assert start <= released <= reacquired <= end

    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)

    t = threading.Thread(target=tick)
    t.start()
    try:
        for _ in range(3):
            book.checkout(cart)
    finally:
        stop.set()
        t.join()
    assert ticks


def test_plan_parts_are_plain_dataclasses(plan):
    # The parts are built natively (no __init__ call) but behave as the dataclasses they are.
    jacket = plan.lines[0]
    assert dataclasses.is_dataclass(jacket) and type(jacket) is backorder.PlanLine
    assert isinstance(jacket.label, backorder.Label) and isinstance(jacket.alternatives[0], backorder.Alternative)
    assert isinstance(jacket.label.later_window, backorder.Window)
    assert type(jacket.label.later_window.from_date) is dt.date
    for part in (jacket, jacket.alternatives[0], plan.strategies[0], plan.strategies[0].shipments[0],
                 plan.strategies[0].payment, plan.disclosures[0]):
        assert pickle.loads(pickle.dumps(part)) == part
        assert hash(part) == hash(pickle.loads(pickle.dumps(part)))
        assert vars(part) == {f.name: getattr(part, f.name) for f in dataclasses.fields(part)}
    assert dataclasses.replace(jacket, quantity=2).quantity == 2 and jacket.quantity == 1
    assert dataclasses.replace(jacket.label, text="x").later_window == jacket.label.later_window
    # Equal windows within a plan are one object.
    scarf, jeans = plan.lines[1], plan.lines[2]
    assert scarf.label.now_window is jeans.label.now_window


def test_to_dict_equals_the_parts_dicts(shop_book, plan):
    # plan.to_dict() reads the native plan at once; the parts' own to_dict() must say the same.
    carts = [APPAREL_CART, {"currency": "USD", "lines": [line("1", "SCF-WOOL-GRY"), line("2", "CAP-WINTER-27")]}]
    for p in [plan] + [shop_book.checkout(c, customer=CUSTOMER) for c in carts]:
        d = p.to_dict()
        assert d["lines"] == [l.to_dict() for l in p.lines]
        assert d["strategies"] == [s.to_dict() for s in p.strategies]
        assert d["disclosures"] == [x.to_dict() for x in p.disclosures]
        assert p.to_dict() is not d and p.to_dict()["lines"][0] is not d["lines"][0]  # new each call
