"""Store.brief, Store.report and the compliance schedule (Store.tick) on every backend: SQLite in memory, SQLite in a file, and PostgreSQL when
BO_TEST_POSTGRES_URL names a server."""

from __future__ import annotations

import datetime
import os

import pytest

import backorder
from backorder import ErrorCode

from store_support import LATER, SECRET, catalog_event, order_event, shop_engine, unique_shop

NOW = "2026-12-08T10:00:00-05:00"


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
def store(policy, url):
    policy["compliance"] = {"jurisdiction": "US"}  # a US shop: the FTC mail-order rule's deadlines
    policy["remedies"] = {
        "budget": {"per_order": 3000},
        "rules": [
            {
                "id": "gold-wait",
                "when": {"tiers": ["gold"], "delay_business_days": {"min": 3}},
                "then": [{"type": "personal_outreach"}],
            }
        ],
    }
    with backorder.Store(shop_engine(policy, unique_shop()), url, secret=SECRET) as s:
        s.apply(catalog_event())
        order = order_event("o1", "NW-1", lines=[{"line_id": "1", "sku": "JKT-NAVY-M", "quantity": 1, "unit_price": 12900}])
        order["order"]["customer"]["tier"] = "gold"
        s.apply(order)
        s.apply(
            {
                "id": "po",
                "type": "supply_added",
                "at": "2026-12-01T10:00:00-05:00",
                "supply": {"id": "PO-7001", "sku": "JKT-NAVY-M", "quantity": 20, "expected": "2026-12-07"},
            }
        )
        s.apply(
            {
                "id": "slip",
                "type": "supply_changed",
                "at": "2026-12-07T11:00:00-05:00",
                "supply": {"id": "PO-7001", "expected": "2026-12-21"},
            }
        )
        yield s


def test_the_delay_message_names_the_outreach(store):
    delay = [m for m in store.outbox(now=NOW) if m.kind == "delay"]
    assert len(delay) == 1
    assert "A member of our team will contact you personally." in delay[0].text
    assert [g["kind"] for g in store.order("NW-1")["remedies"]] == [
        "free_expedited_shipping",
        "discount",
        "personal_outreach",
    ]


def test_the_brief_of_a_late_order(store):
    b = store.brief("NW-1", now=NOW)
    assert b["status"] == "late"
    assert b["acknowledgement"] == "We’re sorry: one item of order NW-1 will ship later than we promised."
    line = b["lines"][0]
    assert line["source"] == "inbound" and line["supply"]["id"] == "PO-7001"
    assert "with purchase order PO-7001 arriving Dec 21." in line["text"]
    assert [o["type"] for o in b["options"]] == ["wait", "cancel", "alternative"]
    assert b["options"][1]["refund"] == 12900
    assert b["remedies"]["outreach"] is True
    assert [s["type"] for s in b["next_steps"]] == [
        "tell_date",
        "offer_options",
        "personal_outreach",
        "automatic_updates",
    ]
    assert b["text"].startswith("Support brief: order NW-1 for Dana\n")
    assert store.brief("NW-1", now=NOW, locale="pl-PL")["title"] == "Notatka dla obsługi: zamówienie NW-1, klient Dana"


def test_brief_errors(store):
    with pytest.raises(backorder.Error) as e:
        store.brief("NW-404", now=NOW)
    assert e.value.code == ErrorCode.not_found and e.value.path == "order_id"
    with pytest.raises(backorder.Error) as e:
        store.brief("NW-1", now=NOW, locale="xx-not-a-locale")
    assert e.value.path == "locale"
    with pytest.raises(backorder.Error) as e:
        store.brief(7, now=NOW)  # type: ignore[arg-type]
    assert e.value.path == "order_id"


def test_the_report(store):
    r = store.report(now=NOW)
    assert r["totals"]["waiting_units"] == 1 and r["totals"]["at_risk_orders"] == 1
    item = r["items"][0]
    assert item["sku"] == "JKT-NAVY-M"
    assert item["next_inbound"]["id"] == "PO-7001"
    assert item["oldest_wait_days"] == 8
    assert r["deadlines"][0]["rule"] == "ftc.deadline" and r["deadlines"][0]["due"] == "2026-12-30"
    # No delay notice by the deadline: the notice (due 30 December) and the cancellation (31st) are overdue.
    late = store.report(now="2027-01-02T10:00:00-05:00")
    assert late["totals"]["deadlines_overdue"] == 2
    assert [d["rule"] for d in late["deadlines"][:2]] == ["ftc.first_notice", "ftc.cancel.no_notice"]


def test_time_passing_sends_the_ftc_notice_and_cancels_without_consent(store):
    """docs/store.md#compliance-scheduling: a slip of more than 30 days past the deadline (30 December) sends
    the FTC notice with the event; without the shopper's consent the tick of 30 January cancels."""
    store.apply(
        {
            "id": "slip-long",
            "type": "supply_changed",
            "at": "2026-12-10T11:00:00-05:00",
            "supply": {"id": "PO-7001", "expected": "2027-02-15"},
        }
    )
    notices = [m for m in store.outbox(now=LATER) if m.kind == "delay_notice"]
    assert len(notices) == 1
    assert "if you don’t tell us by January 29, 2027 that you agree, we will cancel" in notices[0].text
    with pytest.raises(backorder.Error) as e:
        store.apply({"id": "r", "type": "delay_reply", "at": "2026-12-11T09:00:00-05:00", "order_id": "NW-1", "answer": "soon"})
    assert e.value.path == "answer"
    assert store.tick(now="2027-01-29T18:00:00-05:00").messages == 0
    done = store.tick(now=datetime.datetime(2027, 1, 30, 11, 0, tzinfo=datetime.timezone.utc))
    assert done.id == "tick:2027-01-30T11:00:00+00:00" and done.type == "tick" and done.messages == 1
    order = store.order("NW-1")
    assert order["lines"][0]["cancelled"] == 1
    assert order["compliance"]["cancelled"]["rule"] == "ftc.cancel.no_consent"
    assert [m.kind for m in store.outbox(now=LATER)][-1] == "cancelled"
    assert store.tick(now="2027-01-30T11:00:00+00:00").status == "duplicate"


def test_consent_keeps_the_order(store):
    store.apply(
        {
            "id": "slip-long",
            "type": "supply_changed",
            "at": "2026-12-10T11:00:00-05:00",
            "supply": {"id": "PO-7001", "expected": "2027-02-15"},
        }
    )
    store.apply({"id": "yes", "type": "delay_reply", "at": "2026-12-11T09:00:00-05:00", "order_id": "NW-1", "answer": "consent"})
    store.tick(now="2027-01-30T11:00:00+00:00")
    assert store.order("NW-1")["lines"][0]["cancelled"] == 0
    assert store.order("NW-1")["compliance"]["notices"][0]["notice"]["reply"]["answer"] == "consent"
