"""Engine.remedies: what the policy's rules grant one delayed order, with the reason for every step."""

from __future__ import annotations

import json

import pytest

import backorder
from backorder import ErrorCode

RULES = {
    "positioning": "luxury",
    "budget": {"per_order": 5000, "per_period": 100000, "period": "month"},
    "point_value": 1,
    "rules": [
        {
            "id": "vip-long-wait",
            "when": {"delay_business_days": {"min": 5}, "tiers": ["gold", "vip"], "positioning": ["luxury"]},
            "then": [
                {"type": "personal_outreach"},
                {"type": "discount", "percent": 20, "max": 4000, "code_prefix": "VIP"},
            ],
            "stack": False,
        },
        {
            "id": "big-order",
            "when": {"order_value": {"min": 20000}, "causes": ["supplier"]},
            "then": [
                {"type": "partial_refund", "percent": 10, "max": 2500},
                {"type": "free_expedited_shipping", "cost": 1500},
            ],
        },
        {"id": "everyone", "when": {"delay_business_days": {"min": 1}}, "then": [{"type": "loyalty_points", "per_unit": 2}]},
    ],
}


@pytest.fixture
def luxury(policy) -> backorder.Engine:
    del policy["notifications"]["delay_remedies"]
    policy["remedies"] = RULES
    return backorder.Engine(policy)


def test_delay_remedies_of_notifications_are_one_unconditional_rule(engine):
    d = engine.remedies()
    assert [r.type for r in d.remedies] == ["free_expedited_shipping", "discount"]
    assert d.remedies[1].percent == 10 and d.remedies[1].code_prefix == "SORRY"
    assert d.rules[0].rule == "delay_remedies" and d.rules[0].applied
    assert d.budget.per_order is None and d.budget.order_left is None
    again = engine.remedies(granted_rules=["delay_remedies"])
    assert again.remedies == () and again.rule("delay_remedies").status == "already_granted"


def test_a_rule_that_does_not_stack_ends_the_evaluation(luxury):
    d = luxury.remedies(order_value=30000, delay_business_days=6, tier="gold", cause="supplier")
    assert [r.type for r in d.remedies] == ["personal_outreach", "discount"]
    assert d.outreach is True
    assert d.cost == 4000 and d.budget.order_left == 1000 and d.budget.period_left == 96000
    vip = d.rule("vip-long-wait")
    assert [c.why for c in vip.conditions] == [
        "the delay is 6 business days, at least 5 business days",
        'the customer\'s tier "gold" is one of gold, vip',
        'the brand\'s positioning "luxury" is one of luxury',
    ]
    assert d.rule("big-order").status == "not_reached"
    assert d.rule("big-order").why == "rule vip-long-wait applied and does not stack"


def test_budgets_cap_in_order_and_say_so(luxury):
    d = luxury.remedies(
        order_value=45000, delayed_value=30000, delay_business_days=3, tier="gold", cause="supplier", order_spent=1000
    )
    assert d.rule("vip-long-wait").status == "not_met"
    assert [r.type for r in d.remedies] == ["partial_refund", "free_expedited_shipping"]
    refund = d.remedies[0]
    assert (refund.amount, refund.capped) == (2500, "max")
    assert refund.why == "10% of the delayed lines' 300.00 USD, capped at the rule's 25.00 USD"
    points = d.rule("everyone").actions[0]
    assert (points.status, points.why) == ("skipped", "the per-order budget is spent")
    d = luxury.remedies(order_value=20000, cause="supplier", delay_business_days=2, period_spent=99000)
    assert d.remedies[0].amount == 1000 and d.remedies[0].capped == "period_budget"


def test_the_decision_round_trips_as_the_json_call_answers_it(luxury):
    request = {"order_value": 30000, "delay_business_days": 6, "tier": "vip", "lifetime_value": 90000}
    d = luxury.remedies(**request)
    assert d.to_dict() == luxury.remedies_json(request)
    assert json.loads(json.dumps(d.to_dict()))["remedies"][1]["max"] == 4000


def test_bad_values_name_their_path(luxury):
    with pytest.raises(backorder.Error) as e:
        luxury.remedies(order_value=-1)
    assert e.value.code == ErrorCode.invalid and e.value.path == "order_value"
    with pytest.raises(backorder.Error) as e:
        luxury.remedies(delay_business_days=True)  # a bool is not a number of days
    assert e.value.path == "delay_business_days"
    with pytest.raises(backorder.Error) as e:
        luxury.remedies_json({"colour": "red"})
    assert e.value.path == "colour"


def test_a_bad_rule_is_refused_with_its_path(policy):
    policy["remedies"] = {"rules": [{"id": "x", "then": [{"type": "free_pony"}]}]}
    assert [i.path for i in backorder.validate_policy(policy)] == ["policy.remedies.rules[0].then[0].type"]
    with pytest.raises(backorder.ValidationError):
        backorder.Engine(policy)
