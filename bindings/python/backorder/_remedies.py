"""Remedies for a delay (docs/remedies.md): what the policy's rules grant one delayed order, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Tuple

__all__ = ["RemedyDecision", "Remedy", "RuleDecision", "ConditionCheck", "ActionNote", "RemedyBudget"]


@dataclass(frozen=True)
class Remedy:
    """One remedy granted: ``type`` is ``"discount"``, ``"free_expedited_shipping"``, ``"loyalty_points"``,
    ``"personal_outreach"`` or ``"partial_refund"``. Money is in minor units. ``cost`` is what it counts
    against the budgets; ``capped`` says what made it smaller (``"max"``, ``"order_budget"``,
    ``"period_budget"``) or is None; ``why`` explains it."""

    rule: str
    type: str
    cost: int
    why: str
    capped: Optional[str] = None
    percent: Optional[int] = None  # discount, partial_refund
    max: Optional[int] = None  # discount: the most it takes off (None: no cap)
    code_prefix: Optional[str] = None  # discount
    amount: Optional[int] = None  # partial_refund
    points: Optional[int] = None  # loyalty_points

    @classmethod
    def _from_dict(cls, d: Dict[str, Any]) -> "Remedy":
        return cls(
            rule=d["rule"],
            type=d["type"],
            cost=d["cost"],
            why=d["why"],
            capped=d.get("capped"),
            percent=d.get("percent"),
            max=d.get("max"),
            code_prefix=d.get("code_prefix"),
            amount=d.get("amount"),
            points=d.get("points"),
        )

    def to_dict(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {
            "rule": self.rule,
            "type": self.type,
            "cost": self.cost,
            "capped": self.capped,
            "why": self.why,
        }
        if self.type == "discount":
            d.update(percent=self.percent, max=self.max, code_prefix=self.code_prefix)
        elif self.type == "partial_refund":
            d.update(percent=self.percent, amount=self.amount)
        elif self.type == "loyalty_points":
            d["points"] = self.points
        return d


@dataclass(frozen=True)
class ConditionCheck:
    """One condition of a rule: ``name`` (``"delay_business_days"``, ``"order_value"``, ``"lifetime_value"``,
    ``"tier"``, ``"positioning"``, ``"cause"``), whether it was ``met``, and ``why``."""

    name: str
    met: bool
    why: str


@dataclass(frozen=True)
class ActionNote:
    """What became of one action of an applied rule: ``status`` is ``"granted"``, ``"capped"`` or
    ``"skipped"``."""

    type: str
    status: str
    why: str


@dataclass(frozen=True)
class RuleDecision:
    """One rule's fate: ``status`` is ``"applied"``, ``"not_met"``, ``"already_granted"`` or ``"not_reached"``
    (an earlier rule that does not stack applied)."""

    rule: str
    status: str
    stack: bool
    why: str
    conditions: Tuple[ConditionCheck, ...] = ()
    actions: Tuple[ActionNote, ...] = ()

    @property
    def applied(self) -> bool:
        return self.status == "applied"


@dataclass(frozen=True)
class RemedyBudget:
    """The policy's budgets (None: no budget) and what is left of them after this decision."""

    per_order: Optional[int]
    per_period: Optional[int]
    period: str
    order_left: Optional[int]
    period_left: Optional[int]


@dataclass(frozen=True)
class RemedyDecision:
    """The remedies one delayed order gets (:meth:`Engine.remedies`): ``remedies`` in the order granted,
    ``outreach`` when a person (not a template) contacts the customer, their total ``cost``, the budgets,
    and every rule's decision with its reasons."""

    remedies: Tuple[Remedy, ...]
    outreach: bool
    cost: int
    currency: str
    budget: RemedyBudget
    rules: Tuple[RuleDecision, ...] = field(default=())

    @classmethod
    def _from_dict(cls, d: Dict[str, Any]) -> "RemedyDecision":
        return cls(
            remedies=tuple(Remedy._from_dict(r) for r in d["remedies"]),
            outreach=d["outreach"],
            cost=d["cost"],
            currency=d["currency"],
            budget=RemedyBudget(**d["budget"]),
            rules=tuple(
                RuleDecision(
                    rule=r["rule"],
                    status=r["status"],
                    stack=r["stack"],
                    why=r["why"],
                    conditions=tuple(ConditionCheck(**c) for c in r["conditions"]),
                    actions=tuple(ActionNote(**a) for a in r["actions"]),
                )
                for r in d["rules"]
            ),
        )

    def rule(self, rule_id: str) -> RuleDecision:
        """The decision on one rule; KeyError for a rule the policy does not have."""
        for r in self.rules:
            if r.rule == rule_id:
                return r
        raise KeyError(rule_id)

    def to_dict(self) -> Dict[str, Any]:
        """The decision as the JSON call answers it (docs/remedies.md#json)."""
        return {
            "remedies": [r.to_dict() for r in self.remedies],
            "outreach": self.outreach,
            "cost": self.cost,
            "currency": self.currency,
            "budget": {
                "per_order": self.budget.per_order,
                "per_period": self.budget.per_period,
                "period": self.budget.period,
                "order_left": self.budget.order_left,
                "period_left": self.budget.period_left,
            },
            "rules": [
                {
                    "rule": r.rule,
                    "status": r.status,
                    "stack": r.stack,
                    "why": r.why,
                    "conditions": [{"name": c.name, "met": c.met, "why": c.why} for c in r.conditions],
                    "actions": [{"type": a.type, "status": a.status, "why": a.why} for a in r.actions],
                }
                for r in self.rules
            ],
        }
