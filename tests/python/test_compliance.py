"""Compliance through Python: engine.check_listing() and engine.check_order() give Finding dataclasses
(dates as in tests/core/compliance_test.cpp), packs replaced per call or by the policy, bad requests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

import backorder
from backorder import Citation, Finding, Severity
from bo_support import JACKET, NOW, ROOT

NY = dt.timezone(dt.timedelta(hours=-5))
PLACED = dt.datetime(2026, 11, 30, 9, 0, tzinfo=NY)
BOOTS_45_DAYS = {"sku": "BOOT-CHEL-42", "lead_time_days": {"min": 40, "max": 45}}


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=NY)


def rule(findings, rule_id) -> Finding:
    found = [f for f in findings if f.rule_id == rule_id]
    assert len(found) == 1, (rule_id, findings)
    return found[0]


def ids(findings):
    return [f.rule_id for f in findings]


def test_only_two_left_while_ten_are_sellable(engine):
    findings = engine.check_listing(
        JACKET,
        {"on_hand": 10},
        now=NOW,
        page={"claims": [{"kind": "only_left", "quantity": 2}]},
    )
    f = rule(findings, "scarcity.only_left")
    assert f.severity is Severity.violation and f.severity == "violation"
    assert f.is_violation
    assert f.due == dt.date(2026, 11, 30)
    assert f.action == "fix_listing"
    assert f.pack == "truthful-scarcity"
    assert f.path == "page.claims[0].quantity"
    assert '"Only 2 left" while 10 are sellable' in f.message
    assert isinstance(f.citation, Citation) and f.citation.tag == "S"
    assert dataclasses.is_dataclass(f)
    assert f.to_dict()["due"] == "2026-11-30"


def test_the_engines_own_label_passes_and_a_stale_one_does_not(engine):
    label = engine.label(JACKET, {"on_hand": 2}, now=NOW)  # "Only 2 left"
    assert engine.check_listing(JACKET, {"on_hand": 2}, now=NOW, label=label) == []
    findings = engine.check_listing(JACKET, {"on_hand": 10}, now=NOW, label=label)
    assert rule(findings, "scarcity.only_left").path == "label.sellable"


def test_a_backorder_in_the_feed_without_availability_date(engine):
    findings = engine.check_listing(JACKET, now=NOW, feed={"availability": "backorder"})
    f = rule(findings, "google.availability_date_required")
    assert (f.pack, f.path, f.action) == ("google-merchant", "feed.availability_date", "fix_feed")
    ok = engine.check_listing(
        JACKET, now=NOW, feed={"availability": "backorder", "availability_date": "2026-12-10T00:00:00-05:00"}
    )
    assert ok == []


def test_an_amazon_backorder_shipping_in_45_days(engine):
    findings = engine.check_listing(BOOTS_45_DAYS, now=NOW, channels=["web", "amazon"])
    f = rule(findings, "amazon.ship_within")
    assert "ships by 2027-01-14 (45 days)" in f.message
    # The same as a whole request.
    again = engine.check_listing({"item": BOOTS_45_DAYS, "now": NOW, "channels": ["amazon"]})
    assert ids(again) == ["amazon.ship_within"]


def test_a_pack_given_per_call_replaces_the_built_in_one(engine, tmp_path):
    amazon = next(p for p in engine.rule_packs() if p["id"] == "amazon")
    assert len(engine.rule_packs()) == 8
    amazon["rules"][0]["params"]["max_days"] = 60
    assert engine.check_listing(BOOTS_45_DAYS, now=NOW, channels=["amazon"], packs=[amazon]) == []
    path = tmp_path / "amazon.json"
    path.write_text(json.dumps(amazon), encoding="utf-8")
    assert engine.check_listing(BOOTS_45_DAYS, now=NOW, channels=["amazon"], packs=[str(path)]) == []


def test_the_policy_replaces_a_pack(policy, engine):
    amazon = next(p for p in engine.rule_packs() if p["id"] == "amazon")
    amazon["rules"][0]["params"]["max_days"] = 60
    policy["compliance"] = {"packs": [amazon], "channels": ["amazon"]}
    relaxed = backorder.Engine(policy)
    assert relaxed.check_listing(BOOTS_45_DAYS, now=NOW) == []
    policy["compliance"]["packs"][0]["rules"][0]["check"] = "nope"
    assert [i.path for i in backorder.validate_policy(policy)] == ["policy.compliance.packs[0].rules[0].check"]


# ---- orders: the FTC timelines ------------------------------------------------------------------------


def test_no_time_stated_thirty_days(engine):
    # 30 Nov + 30 = 30 Dec; the promise (5 Jan) is past it: the first delay notice is due by then.
    order = {
        "jurisdiction": "US",
        "placed_at": PLACED,
        "promise": {"ship": {"from": dt.date(2027, 1, 2), "to": dt.date(2027, 1, 5)}},
    }
    findings = engine.check_order(order, now=at(dt.date(2026, 12, 1)))
    assert rule(findings, "ftc.deadline").due == dt.date(2026, 12, 30)
    notice = rule(findings, "ftc.first_notice")
    assert (notice.severity, notice.due, notice.action) == (Severity.due, dt.date(2026, 12, 30), "send_delay_notice")


def test_credit_applied_for_fifty_days(engine):
    order = {"jurisdiction": "US", "placed_at": PLACED, "credit_applied": True}
    assert rule(engine.check_order(order, now=at(dt.date(2026, 12, 1))), "ftc.deadline").due == dt.date(2027, 1, 19)


def notice(sent: dt.date, revised, **extra):
    n = {"sent_at": at(sent), "right_to_cancel": True, "free_cancel": True, **extra}
    if revised is None:
        n["indefinite"] = True
    else:
        n["revised_date"] = revised
    return n


def test_a_short_delay_is_accepted_by_silence(engine):
    order = {"jurisdiction": "US", "placed_at": PLACED, "notices": [notice(dt.date(2026, 12, 20), dt.date(2027, 1, 20))]}
    findings = engine.check_order(order, now=at(dt.date(2026, 12, 21)))
    assert ids(findings) == ["ftc.deadline"]
    assert findings[0].due == dt.date(2027, 1, 20)
    late = rule(engine.check_order(order, now=at(dt.date(2027, 1, 22))), "ftc.cancel.short_delay")
    assert (late.severity, late.due) == (Severity.violation, dt.date(2027, 1, 21))


def test_an_indefinite_delay_needs_express_consent_or_is_cancelled(engine):
    order = {
        "jurisdiction": "US",
        "placed_at": PLACED,
        "notices": [notice(dt.date(2026, 12, 20), None, reason="the mill is closed")],
    }
    findings = engine.check_order(order, now=at(dt.date(2026, 12, 21)))
    assert ids(findings) == ["ftc.express_consent", "ftc.deadline", "ftc.cancel.no_consent"]
    assert findings[0].due == dt.date(2027, 1, 29)
    assert (findings[2].action, findings[2].due) == ("cancel_and_refund", dt.date(2027, 1, 30))
    # Cancelled automatically on 30 Jan (a Saturday): refund within 7 working days, by 9 Feb.
    after = engine.check_order(order, now=at(dt.date(2027, 1, 31)))
    assert rule(after, "ftc.refund").due == dt.date(2027, 2, 9)


def test_a_renewed_notice(engine):
    order = {
        "jurisdiction": "US",
        "placed_at": PLACED,
        "promise": {"ship": {"from": "2027-02-05", "to": "2027-02-10"}},
        "notices": [notice(dt.date(2026, 12, 20), dt.date(2027, 1, 20))],
    }
    assert rule(engine.check_order(order, now=at(dt.date(2027, 1, 10))), "ftc.renewed_notice").due == dt.date(
        2027, 1, 19
    )
    order["notices"].append(
        notice(
            dt.date(2027, 1, 12),
            dt.date(2027, 2, 10),
            cancel_unless_consent=True,
            reply={"answer": "consent", "at": at(dt.date(2027, 1, 13))},
        )
    )
    assert ids(engine.check_order(order, now=at(dt.date(2027, 1, 22)))) == ["ftc.deadline"]


def test_eu_and_uk_thirty_days(engine):
    for code, prefix in (("DE", "eu"), ("GB", "uk")):
        order = {"jurisdiction": code, "placed_at": PLACED}
        assert rule(engine.check_order(order, now=at(dt.date(2026, 12, 1))), f"{prefix}.delivery_deadline").due == (
            dt.date(2026, 12, 30)
        )
        missed = rule(engine.check_order(order, now=at(dt.date(2026, 12, 31))), f"{prefix}.delivery_missed")
        assert missed.is_violation


def test_an_example_request_file(engine):
    request = json.loads((ROOT / "examples" / "compliance" / "order-long-delay.json").read_text(encoding="utf-8"))
    findings = engine.check_order(request)
    assert "ftc.cancel.no_consent" in ids(findings)


def test_bad_requests_name_their_paths(engine):
    with pytest.raises(backorder.ValidationError) as e:
        engine.check_order({"placed_at": PLACED, "notices": [{"sent_at": "later"}]}, now=NOW)
    assert {i.path for i in e.value.issues} == {"order.jurisdiction", "order.notices[0].sent_at"}
    with pytest.raises(backorder.Error) as e:
        engine.check_order({"jurisdiction": "US", "placed_at": dt.datetime(2026, 11, 30, 9)}, now=NOW)
    assert e.value.path == "order.placed_at"
    with pytest.raises(backorder.ValidationError) as e:
        engine.check_listing(JACKET, now=NOW, packs=[{"id": "x", "rules": [{"id": "r", "check": "nope"}]}])
    assert "packs[0].rules[0].check" in {i.path for i in e.value.issues}
