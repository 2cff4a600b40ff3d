"""Refund quotes from Python: the apparel example against core's JSON, the hand-computed cases of
tests/core/refunds_test.cpp, the ways to say what to cancel, deadlines per jurisdiction, and bad input."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

import backorder
from backorder import RefundDeadline, RefundLine, RefundQuote
from bo_support import APPAREL

REQUEST = json.loads((APPAREL / "refund.json").read_text(encoding="utf-8"))
NOW = REQUEST["now"]  # Thursday 3 December 2026, 10:00 in New York


def order(lines, **extra):
    return {"currency": "USD", "payment": "card", "jurisdiction": "US", "lines": lines, **extra}


def line(line_id, quantity, unit_price, **extra):
    return {"line_id": line_id, "quantity": quantity, "unit_price": unit_price, **extra}


def test_the_apparel_example_refunds_the_jacket_and_the_second_pair_of_jeans(engine):
    q = engine.refund_quote(REQUEST["order"], REQUEST["cancel"], now=NOW)
    assert isinstance(q, RefundQuote)
    assert [l.line_id for l in q.lines] == ["1", "3"]
    assert q.line("1") == RefundLine("1", "JKT-NAVY-M", 1, 12900, 400, 1031, 0, 13531)
    assert q.line("3") == RefundLine("3", "JNS-SLIM-32", 1, 7900, 246, 632, 0, 8286)
    assert (q.shipping, q.shipping_basis) == (384, "proportional")
    assert q.total == 13531 + 8286 + 384 == sum(l.total for l in q.lines) + q.shipping
    assert q.still_open == 0
    assert q.now == dt.datetime.fromisoformat(NOW)
    assert q.deadline == RefundDeadline(
        due=dt.date(2026, 12, 14),
        rule="us_ftc_card",
        jurisdiction="US",
        payment="card",
        count=7,
        unit="working_days",
        method="original_payment",
        citation="16 CFR 435.1(b)(1), 435.1(d)(2)(ii)",
        text=q.deadline.text,
    )
    with pytest.raises(KeyError):
        q.line("2")


def test_the_quote_is_core_json_and_round_trips(engine):
    q = engine.refund_quote(REQUEST["order"], "all", now=NOW)
    assert q.to_dict() == engine.refund_json(REQUEST)
    assert q.to_json() == json.dumps(engine.refund_json(REQUEST), sort_keys=True, separators=(",", ":"))
    assert RefundQuote.from_dict(json.loads(q.to_json())) == q
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.total = 0  # type: ignore[misc]


def test_a_discount_of_1000_splits_333_333_334(engine):
    o = order([line("1", 1, 2000), line("2", 1, 2000), line("3", 1, 2001)], discounts=[{"amount": 1000}])
    q = engine.refund_quote(o, now=NOW)
    assert [l.discount for l in q.lines] == [333, 333, 334]
    assert q.discount == 1000
    assert q.total == 6001 - 1000


def test_what_to_cancel_can_be_a_dict_or_the_json_list(engine):
    o = order([line("1", 3, 1000), line("2", 2, 500)], discounts=[{"amount": 100}])
    by_dict = engine.refund_quote(o, {"1": 1, "2": None}, now=NOW)
    by_list = engine.refund_quote(o, [{"line_id": "1", "quantity": 1}, {"line_id": "2"}], now=NOW)
    assert by_dict == by_list
    assert [(l.line_id, l.quantity) for l in by_dict.lines] == [("1", 1), ("2", 2)]
    assert by_dict.still_open == 2


def test_a_line_cancelled_in_steps_adds_up_exactly(engine):
    o = order([line("1", 3, 1000, tax={"rate_bp": 1000})], discounts=[{"amount": 100}])
    totals = []
    for _ in range(3):
        q = engine.refund_quote(o, {"1": 1}, now=NOW)
        totals.append(q.total)
        o["lines"][0]["cancelled"] = o["lines"][0].get("cancelled", 0) + 1
    assert sum(totals) == 3000 - 100 + 290


def test_deadlines_per_jurisdiction_and_payment(engine):
    o = order([line("1", 1, 12900)])
    # Seven working days from Monday 23 November skip Thanksgiving (a holiday in the apparel calendar).
    us = engine.refund_quote(o, now="2026-11-23T10:00:00-05:00")
    assert us.deadline.due == dt.date(2026, 12, 3)
    credit = engine.refund_quote({**o, "payment": "store_credit_by_shop"}, now="2026-11-30T09:00:00-05:00")
    assert (credit.deadline.rule, credit.deadline.unit, credit.deadline.due) == (
        "us_ftc_shop_credit",
        "billing_cycles",
        dt.date(2026, 12, 30),
    )
    eu = engine.refund_quote({**o, "jurisdiction": "EU"}, now="2026-11-30T09:00:00-05:00")
    assert (eu.deadline.rule, eu.deadline.due) == ("eu_crd_art13", dt.date(2026, 12, 14))
    at_14_utc = dt.datetime(2026, 11, 30, 14, tzinfo=dt.timezone.utc)
    uk = engine.refund_quote({**o, "jurisdiction": "UK", "payment": "cash"}, now=at_14_utc)
    assert (uk.deadline.rule, uk.deadline.due) == ("uk_ccr_reg34", dt.date(2026, 12, 14))


def test_the_policy_sets_the_shipping_rule_after_a_partial_shipment(policy):
    policy["refunds"] = {"shipping_after_partial": "none"}
    none = backorder.Engine(policy)
    q = none.refund_quote(REQUEST["order"], now=NOW)
    assert (q.shipping, q.shipping_basis) == (0, "none")
    shop_split = dict(REQUEST["order"], shipping={"charged": 595, "extra_shipments_paid_by": "shop"})
    q = none.refund_quote(shop_split, now=NOW)
    assert (q.shipping, q.shipping_basis) == (595, "order_cancelled")


def test_bad_input_lists_every_problem_with_its_path(engine):
    o = order([line("1", 1, 12900, shipped=2), line("2", 0, 100)], currency="EUR", payment="cheque")
    with pytest.raises(backorder.ValidationError) as e:
        engine.refund_quote(o, {"1": 1, "9": None}, now=NOW)
    assert {i.path for i in e.value.issues} == {
        "order.currency",
        "order.payment",
        "order.lines[0].shipped",
        "order.lines[1].quantity",
        "cancel[1].line_id",
    }
    with pytest.raises(backorder.Error) as e:
        engine.refund_quote(o, now=dt.datetime(2026, 12, 3, 10))
    assert e.value.path == "now"
    with pytest.raises(backorder.Error) as e:
        engine.refund_quote(order([line("1", 1, 100)]), 42, now=NOW)  # type: ignore[arg-type]
    assert e.value.path == "cancel"
    with pytest.raises(backorder.Error) as e:
        engine.refund_quote(order([line("1", 1, 100, sku=object())]), now=NOW)
    assert e.value.path == "order"
