"""backorder.Store, the ledger, on every backend: SQLite in memory, SQLite in a file, and PostgreSQL when
BO_TEST_POSTGRES_URL names a server (scripts/pg.sh starts one). Each test is its own shop, so tests sharing
one PostgreSQL database never see each other's rows."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time

import pytest

import backorder
from backorder import ErrorCode

from bo_support import NOW
from store_support import (
    LATER,
    MIXED_LINES,
    ORDER_AT,
    SECRET,
    catalog_event,
    order_event,
    place_mixed_order,
    play_demo,
    shop_engine,
    unique_shop,
)

NY = dt.timezone(dt.timedelta(hours=-5))


@pytest.fixture(params=["sqlite-memory", "sqlite-file", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "postgresql":
        env = os.environ.get("BO_TEST_POSTGRES_URL")
        if not env:
            pytest.skip("BO_TEST_POSTGRES_URL is not set (scripts/pg.sh start DIR prints one)")
        return env
    if request.param == "sqlite-file":
        return f"sqlite:{tmp_path / 'ledger.db'}"
    return "sqlite::memory:"


@pytest.fixture
def shared_url(url) -> str:
    """A URL that several handles share (every backend but a private in-memory database)."""
    if url == "sqlite::memory:":
        pytest.skip("every sqlite::memory: handle has a database of its own")
    return url


@pytest.fixture
def engine_for_shop(policy):
    return shop_engine(policy, unique_shop())


@pytest.fixture
def store(engine_for_shop, url):
    with backorder.Store(engine_for_shop, url, secret=SECRET) as s:
        yield s


def kinds(messages):
    return [m.kind for m in messages]


# ---- events ----------------------------------------------------------------------------------------


def test_an_event_applies_once(store):
    assert store.apply(catalog_event()) == [
        backorder.ApplyResult("catalog-1", "catalog", "applied", 0, 0, None)
    ]
    first = store.apply(order_event("e-order", "NW-1", lines=MIXED_LINES))
    assert len(first) == 1 and first[0].applied and first[0].messages == 1 and first[0].type == "order_placed"
    again = store.apply(order_event("e-order", "NW-1", lines=MIXED_LINES))
    assert again[0].status == "duplicate" and not again[0].applied and again[0].messages == 0
    assert kinds(store.outbox(now=LATER)) == ["confirmation"]


def test_events_as_a_list_or_json_text(store):
    results = store.apply([catalog_event(), order_event("o1", "NW-1")])
    assert [r.id for r in results] == ["catalog-1", "o1"] and all(r.applied for r in results)
    text = json.dumps(order_event("o2", "NW-2"))
    assert store.apply(text)[0].applied
    assert store.apply(text.encode())[0].status == "duplicate"
    assert [r.to_dict() for r in store.apply(f"[{text}]")] == [
        {"id": "o2", "type": "order_placed", "status": "duplicate", "moved": 0, "messages": 0}
    ]


def test_a_bad_event_raises_with_its_path_and_changes_nothing(store):
    store.apply(catalog_event())
    bad = order_event("e-1", "NW-9", lines=[{"line_id": "1", "sku": "NO-SUCH-SKU", "quantity": 1}])
    with pytest.raises(backorder.Error) as e:
        store.apply(bad)
    assert e.value.path == "order.lines[0].sku" and e.value.code == ErrorCode.not_found
    with pytest.raises(backorder.Error) as e:
        store.order("NW-9")
    assert e.value.code == ErrorCode.not_found and e.value.path == "order_id"
    assert store.outbox(now=LATER) == []

    zero = order_event("e-2", "NW-9", lines=[{"line_id": "1", "sku": "JKT-NAVY-M", "quantity": 0}])
    with pytest.raises(backorder.ValidationError) as e:
        store.apply([order_event("e-3", "NW-8"), zero])
    assert e.value.path == "[1].order.lines[0].quantity"
    assert e.value.code == ErrorCode.invalid
    # The good event of the refused batch was not applied either.
    with pytest.raises(backorder.Error):
        store.order("NW-8")
    assert store.apply(order_event("e-3", "NW-8"))[0].applied

    with pytest.raises(backorder.Error) as e:
        store.apply({"id": "x", "type": "order_placed", "at": ORDER_AT, "colour": "red"})
    assert e.value.path.startswith(("colour", "order"))
    with pytest.raises(backorder.Error) as e:
        store.apply("{not json")
    with pytest.raises(TypeError):
        store.apply(42)  # type: ignore[arg-type]


def test_events_take_aware_datetimes(store):
    store.apply(catalog_event())
    event = order_event("o1", "NW-1", at=dt.datetime(2026, 11, 30, 9, 6, tzinfo=NY))
    assert store.apply(event)[0].applied
    assert store.order("NW-1")["placed_at"] == ORDER_AT
    with pytest.raises(backorder.Error):
        store.apply(order_event("o2", "NW-2", at=dt.datetime(2026, 11, 30, 9, 6)))


# ---- the outbox ------------------------------------------------------------------------------------


def test_the_confirmation_names_the_jacket_and_its_window(store):
    place_mixed_order(store)
    claimed = store.claim(now=dt.datetime(2026, 11, 30, 9, 10, tzinfo=NY))
    assert kinds(claimed) == ["confirmation"]
    m = claimed[0]
    assert isinstance(m, backorder.Message)
    assert m.key == f"{store.shop}:confirmation:NW-1"
    assert (m.order_id, m.recipient, m.locale, m.state, m.attempts) == (
        "NW-1",
        "dana@example.com",
        "en-US",
        "leased",
        1,
    )
    assert "NW-1" in m.subject
    assert "Field jacket, navy, M" in m.text and "Field jacket, navy, M" in m.html
    assert "on backorder" in m.text and "Dec 10" in m.text
    assert m.created_at == dt.datetime(2026, 11, 30, 9, 6, tzinfo=NY)
    assert m.created_at.utcoffset() == dt.timedelta(hours=-5)  # the shop's zone
    d = m.to_dict()
    assert set(d) == {
        "id", "key", "kind", "order_id", "recipient", "locale", "subject", "text", "html",
        "created_at", "available_at", "attempts", "state",
    }
    assert d["created_at"] == ORDER_AT and d["order_id"] == "NW-1"
    assert json.loads(json.dumps(d)) == d


def test_ack_release_and_lease_expiry(store):
    place_mixed_order(store)
    store.apply(
        {"id": "ship", "type": "shipment_created", "at": "2026-11-30T16:00:00-05:00", "order_id": "NW-1",
         "shipment_id": "S1", "lines": [{"line_id": "2", "quantity": 1}]}
    )
    now = dt.datetime(2026, 11, 30, 17, 0, tzinfo=NY)
    first = store.claim(max=10, lease_seconds=30, now=now)
    assert kinds(first) == ["confirmation"], "only the earliest message of an order is handed out"
    assert store.claim(lease_seconds=30, now=now) == []
    assert kinds(store.outbox("leased", now=now)) == ["confirmation"]

    # The lease runs out: handed out again, with the same key.
    again = store.claim(lease_seconds=30, now=now + dt.timedelta(seconds=31))
    assert [m.key for m in again] == [first[0].key] and again[0].attempts == 2

    store.release(again[0])
    released = store.claim(lease_seconds=30, now=now + dt.timedelta(seconds=32))
    assert [m.id for m in released] == [first[0].id]
    store.ack(released)

    following = store.claim(lease_seconds=30, now=now + dt.timedelta(seconds=33))
    assert kinds(following) == ["shipped"]
    store.ack([following[0].id, 999_999])  # unknown ids are ignored
    store.ack(following[0])  # and settling twice is harmless
    assert store.claim(now=now + dt.timedelta(days=1)) == []
    assert [m.state for m in store.outbox("sent", now=now)] == ["sent", "sent"]
    assert store.outbox("pending", now=now) == []
    assert len(store.outbox(now=now, limit=1)) == 1


def test_outbox_arguments_are_checked_by_core(store):
    with pytest.raises(backorder.Error) as e:
        store.outbox("lost", now=NOW)
    assert e.value.path == "state"
    with pytest.raises(backorder.Error) as e:
        store.claim(max=0, now=NOW)
    assert e.value.path == "max"
    with pytest.raises(backorder.Error) as e:
        store.claim(now=dt.datetime(2026, 11, 30, 9, 0))
    assert e.value.path == "now"
    with pytest.raises(backorder.Error) as e:
        store.claim(now="yesterday")
    assert e.value.path == "now"
    with pytest.raises(backorder.Error) as e:
        store.ack(["1"])  # type: ignore[list-item]
    assert e.value.path == "ids[0]"


# ---- reads -----------------------------------------------------------------------------------------


def test_labels_and_checkout_are_what_a_promise_book_answers(store, engine_for_shop):
    event = catalog_event()
    store.apply(event)
    book = engine_for_shop.promises(items=event["items"], stock=event["stock"], now=NOW)
    skus = ["JKT-NAVY-M", "SCF-WOOL-GRY", "TEE-BASIC-S"]
    labels = store.labels(skus, now=NOW)
    assert labels == [book.label(s) for s in skus]
    assert labels[0].text == "Backorder – ships in 10–14 days"
    assert [l.to_dict() for l in store.labels("JKT-NAVY-M", now=NOW, locale="de-DE", quantity=2)] == [
        book.label("JKT-NAVY-M", locale="de-DE", quantity=2).to_dict()
    ]
    with pytest.raises(backorder.Error) as e:
        store.labels(["JKT-NAVY-M", "NOPE"], now=NOW)
    assert e.value.path == "skus[1]"

    customer = {"locale": "en-US", "zone": "US"}
    plan = store.checkout({"currency": "USD", "lines": MIXED_LINES}, customer, now=NOW)
    assert isinstance(plan, backorder.CheckoutPlan)
    assert plan == book.checkout({"currency": "USD", "lines": MIXED_LINES}, customer=customer)
    assert plan.mixed and plan.line("1").waits and plan.strategy("ship_available").payment.advice
    assert plan.to_json() == book.checkout(MIXED_LINES, customer=customer).to_json()
    with pytest.raises(backorder.Error) as e:
        store.checkout([{"sku": "NOPE"}], customer, now=NOW)
    assert e.value.path == "cart.lines[0].sku"


def test_the_order_as_the_ledger_knows_it(store):
    place_mixed_order(store)
    order = store.order("NW-1")
    assert [l["line_id"] for l in order["lines"]] == ["1", "2", "3"]
    jacket = order["lines"][0]
    assert jacket["source"] == "lead_time" and jacket["waiting"] == 1
    assert jacket["promised"] == {"from": "2026-12-10", "to": "2026-12-14"}
    assert order["customer"]["email"] == "dana@example.com" and order["placed_at"] == ORDER_AT
    with pytest.raises(backorder.Error):
        store.order(7)  # type: ignore[arg-type]


def test_the_demo_story(store):
    steps = play_demo(store)
    texts = [[m.kind for m in s["messages"]] for s in steps]
    assert texts == [
        [],
        ["confirmation"],
        ["shipped"],  # the scarf and the jeans
        ["eta_update"],  # the purchase order makes the jacket sooner
        [],
        ["back_in_stock"],
        ["delay", "delay_notice"],  # the supplier slips past the promised date: the apology, the FTC notice
        ["arrived"],
        ["shipped"],  # the jacket
    ]

    # The product page, then checkout: the other items now, the jacket later.
    assert steps[0]["labels"]["JKT-NAVY-M"] == "Backorder – ships in 10–14 days"
    assert steps[0]["labels"]["SCF-WOOL-GRY"] == "In stock"
    plan = steps[1]["plan"]
    assert plan.mixed and {s.id for s in plan.strategies} == {"ship_available", "ship_together"}
    assert steps[1]["consent"].strategy == "ship_available"
    # The confirmation restates the ETA and the choice.
    confirmation = steps[1]["messages"][0]
    assert "Field jacket, navy, M" in confirmation.text and "Dec 10" in confirmation.text
    assert "You chose to receive the items in stock now" in confirmation.text
    # The scarf and the jeans ship with tracking.
    assert "https://track.example.com/UPS/1Z999AA10123456784" in steps[2]["messages"][0].text
    # Lee, waiting for the basic tee, hears of the restock in German with a manage link.
    back = steps[5]["messages"]
    assert [m.recipient for m in back] == ["lee@example.com"] and back[0].order_id is None
    assert back[0].locale == "de-DE"
    assert "https://northwind.example.com/notify/" in back[0].text
    # The slip: one apology, with free expedited shipping and a discount code.
    delay = steps[6]["messages"][0]
    assert "expedited" in delay.text and "SORRY-" in delay.text
    assert len(store.order("NW-10482")["remedies"]) == 2
    # A US order past the date stated at checkout (14 December): the FTC delay notice, silence being consent.
    notice = steps[6]["messages"][1]
    assert "by December 14, the date we had to ship by" in notice.text
    assert "if we don’t hear from you, we take it that you agree" in notice.text
    # The jacket arrives, then ships with tracking.
    assert "Field jacket, navy, M" in steps[7]["messages"][0].text
    assert "1Z999AA10123456795" in steps[8]["messages"][0].text
    order = store.order("NW-10482")
    assert [l["waiting"] for l in order["lines"]] == [0, 0, 0] and len(order["shipments"]) == 2
    assert all(m.state == "sent" for m in store.outbox(now=LATER, limit=1000))


# ---- shops, handles, threads -----------------------------------------------------------------------


def test_one_shop_never_sees_another(store, shared_url, policy):
    place_mixed_order(store)
    with backorder.Store(shop_engine(policy, unique_shop()), shared_url, secret=SECRET) as other:
        with pytest.raises(backorder.Error) as e:
            other.order("NW-1")
        assert e.value.code == ErrorCode.not_found
        assert other.claim(now=LATER) == [] and other.outbox(now=LATER) == []
        with pytest.raises(backorder.Error):
            other.apply(
                {"id": "x", "type": "shipment_created", "at": "2026-12-01T10:00:00-05:00", "order_id": "NW-1",
                 "shipment_id": "S1", "lines": [{"line_id": "2", "quantity": 1}]}
            )
        pending = store.outbox("pending", now=LATER)
        other.ack(pending)  # another shop's ids do nothing
        other.release(pending)
        assert store.outbox("pending", now=LATER) == pending
        # The same event id is another shop's own.
        other.apply(catalog_event())
        assert other.apply(order_event("e-order", "NW-1"))[0].applied


def test_reopening_keeps_everything(engine_for_shop, shared_url):
    with backorder.Store(engine_for_shop, shared_url, secret=SECRET) as s:
        place_mixed_order(s)
    with backorder.Store(engine_for_shop, shared_url) as s:
        assert len(s.order("NW-1")["lines"]) == 3
        assert kinds(s.outbox(now=LATER)) == ["confirmation"]


def test_a_store_is_a_context_manager_and_refuses_use_after_close(engine_for_shop, url):
    with backorder.Store(engine_for_shop, url, secret=SECRET) as s:
        assert not s.closed and s.shop == engine_for_shop.shop and s.engine is engine_for_shop
        assert s.backend == ("postgresql" if url.startswith("postgres") else "sqlite")
        assert repr(s) == f"<backorder.Store {s.shop!r} {s.backend}>"
        s.apply(catalog_event())
    assert s.closed and repr(s).endswith("closed>")
    for call in (
        lambda: s.apply(order_event("o", "NW-1")),
        lambda: s.claim(now=NOW),
        lambda: s.ack([1]),
        lambda: s.release([1]),
        lambda: s.outbox(now=NOW),
        lambda: s.order("NW-1"),
        lambda: s.labels(["JKT-NAVY-M"], now=NOW),
        lambda: s.checkout(MIXED_LINES, now=NOW),
    ):
        with pytest.raises(backorder.Error, match="closed"):
            call()
    s.close()  # again: nothing to do

    explicit = backorder.Store(engine_for_shop, url)
    explicit.close()
    with pytest.raises(backorder.Error, match="closed"):
        explicit.claim(now=NOW)


def test_opening_errors_have_paths(engine_for_shop, tmp_path):
    with pytest.raises(backorder.Error) as e:
        backorder.Store(engine_for_shop, "mysql://shop")
    assert e.value.path == "url"
    with pytest.raises(backorder.Error) as e:
        backorder.Store(engine_for_shop, "sqlite::memory:", secret="short")
    assert e.value.path == "options.secret"
    with pytest.raises(backorder.Error) as e:
        backorder.Store(engine_for_shop, "sqlite::memory:", busy_timeout_ms=-1)
    assert e.value.path == "options.busy_timeout_ms"
    with pytest.raises(backorder.Error) as e:
        backorder.Store(engine_for_shop, f"sqlite:{tmp_path}/no/such/dir/ledger.db")
    assert e.value.path == "url"
    with pytest.raises(TypeError):
        backorder.Store("policy.json", "sqlite::memory:")  # type: ignore[arg-type]


def test_subscriptions_need_the_secret_and_their_token_works_once(engine_for_shop, url):
    sub = {"id": "sub", "type": "subscribed", "at": "2026-12-01T10:00:00-05:00",
           "subscription": {"id": "W1", "sku": "TEE-BASIC-S", "contact": "w@example.com"}}
    with backorder.Store(engine_for_shop, url, secret=SECRET) as s:
        s.apply(catalog_event())
        token = s.apply(sub)[0].token
        assert token
        unsubscribe = {"type": "unsubscribed", "at": "2026-12-02T10:00:00-05:00", "token": token}
        assert s.apply(dict(unsubscribe, id="u1"))[0].applied
        with pytest.raises(backorder.Error) as e:
            s.apply(dict(unsubscribe, id="u2"))
        assert e.value.path == "token" and token not in str(e.value)
    with backorder.Store(engine_for_shop, "sqlite::memory:") as s:
        s.apply(catalog_event())
        with pytest.raises(backorder.Error):
            s.apply(sub)


def test_one_store_per_thread(engine_for_shop, shared_url):
    with backorder.Store(engine_for_shop, shared_url, secret=SECRET) as s:
        s.apply(catalog_event())
    errors = []

    def work(t: int) -> None:
        try:
            with backorder.Store(engine_for_shop, shared_url, secret=SECRET) as mine:
                for i in range(10):
                    mine.apply(order_event(f"t{t}-{i}", f"T{t}-{i}"))
                    mine.apply(order_event(f"t{t}-{i}", f"T{t}-{i}"))  # a retry: a duplicate
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with backorder.Store(engine_for_shop, shared_url) as s:
        confirmations = s.outbox(now=LATER, limit=1000)
        assert len(confirmations) == 40 and set(kinds(confirmations)) == {"confirmation"}
        assert len({m.key for m in confirmations}) == 40
        assert s.order("T3-9")["lines"][0]["waiting"] == 1


def test_threads_sharing_one_store_are_serialised(store):
    store.apply(catalog_event())

    def work(t: int) -> None:
        for i in range(10):
            store.apply(order_event(f"t{t}-{i}", f"T{t}-{i}"))
            store.claim(now=LATER)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.outbox(now=LATER, limit=1000)) == 40


def test_the_gil_is_released_while_the_database_works(store):
    store.apply(catalog_event())
    text = json.dumps([order_event(f"o{i}", f"NW-{i}") for i in range(150)])
    span = {}

    def work() -> None:
        span["start"] = time.monotonic()
        store._native.apply_json(text)  # the native call alone: no Python work inside the span
        span["end"] = time.monotonic()

    stamps = []
    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        stamps.append(time.monotonic())
    worker.join()
    start, end = span["start"], span["end"]
    during = [t for t in stamps if start < t < end]
    # This thread kept running Python code while the other one applied 150 orders.
    assert end - start > 0.01 and len(during) > 100, (end - start, len(during))


# ---- easy cancellation ------------------------------------------------------------------------------


def test_cancelling_a_paid_order_returns_and_records_the_exact_refund(store):
    store.apply(catalog_event())
    placed = order_event("o", "NW-7", lines=[{"line_id": "1", "sku": "JKT-NAVY-M", "quantity": 2}])
    placed["paid"] = {
        "currency": "USD",
        "payment": "card",
        "jurisdiction": "EU",
        "lines": [{"line_id": "1", "quantity": 2, "unit_price": 12900, "tax": {"rate_bp": 1900}}],
        "discounts": [{"amount": 999}],
        "shipping": {"charged": 595},
    }
    store.apply(placed)
    [result] = store.apply(
        {"id": "c1", "type": "line_cancelled", "at": "2026-12-01T10:00:00-05:00", "order_id": "NW-7"}
    )
    refund = result.refund
    assert refund is not None and refund["currency"] == "USD"
    # Nothing shipped and nothing left: the whole order back, shipping included, to the minor unit.
    assert refund["shipping"] == 595 and refund["still_open"] == 0
    assert refund["total"] == sum(l["total"] for l in refund["lines"]) + refund["shipping"]
    assert refund["lines"][0]["discount"] == 999
    assert refund["deadline"]["jurisdiction"] == "EU"
    assert store.order("NW-7")["refunds"] == [refund]
    assert result.to_dict()["refund"] == refund
