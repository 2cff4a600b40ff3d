"""Labels and checkout plans read back from core's JSON (the ledger answers in JSON), as the same classes
the native paths build: a label or plan from a Store equals one from a PromiseBook over the same facts."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Mapping, Optional, Tuple

from ._checkout import (
    Alternative,
    CheckoutPlan,
    Disclosure,
    PaymentAdvice,
    PlanLine,
    Shipment,
    ShipmentItem,
    Strategy,
)
from ._labels import Label, Status, Window

__all__ = ["window", "label", "plan"]


def window(d: Optional[Mapping[str, Any]]) -> Optional[Window]:
    if d is None:
        return None
    return Window(
        from_date=_dt.date.fromisoformat(d["from"]),
        to_date=_dt.date.fromisoformat(d["to"]),
        min_days=d["min_days"],
        max_days=d["max_days"],
    )


def label(d: Mapping[str, Any]) -> Label:
    merchant = d["merchant"]
    return Label(
        sku=d["sku"],
        status=Status(d["status"]),
        text=d["text"],
        short_text=d["short_text"],
        quantity=d["quantity"],
        sellable=d["sellable"],
        ship_now=d["ship_now"],
        later=d["later"],
        unavailable=d["unavailable"],
        notify_me=d["notify_me"],
        now_window=window(d.get("now_window")),
        later_window=window(d.get("later_window")),
        schema_org=d["schema_org"],
        merchant_availability=merchant["availability"],
        availability_date=merchant.get("availability_date"),
    )


def plan(d: Dict[str, Any]) -> CheckoutPlan:
    """A :class:`CheckoutPlan` over a decoded checkout answer (docs/json.md#checkout)."""
    return CheckoutPlan(_JsonPlan(d))


def _window(d: Mapping[str, Any]) -> Window:
    w = window(d)
    assert w is not None
    return w


def _line(d: Mapping[str, Any]) -> PlanLine:
    return PlanLine(
        line_id=d["line_id"],
        sku=d["sku"],
        name=d["name"],
        quantity=d["quantity"],
        unit_price=d["unit_price"],
        amount=d["amount"],
        label=label(d["label"]),
        preorder=d["preorder"],
        options=tuple(d["options"]),
        alternatives=tuple(
            Alternative(sku=a["sku"], name=a["name"], price=a["price"], label=label(a["label"]))
            for a in d["alternatives"]
        ),
    )


def _strategy(d: Mapping[str, Any]) -> Strategy:
    p = d["payment"]
    return Strategy(
        id=d["id"],
        shipments=tuple(
            Shipment(
                items=tuple(ShipmentItem(line_id=i["line_id"], quantity=i["quantity"]) for i in s["items"]),
                ship=_window(s["ship"]),
                delivery=_window(s["delivery"]),
                charge=s["charge"],
            )
            for s in d["shipments"]
        ),
        shipping_total=d["shipping_total"],
        customer_pays=d["customer_pays"],
        shop_pays=d["shop_pays"],
        complete=_window(d["complete"]),
        payment=PaymentAdvice(
            advice=p["advice"],
            latest_ship=_dt.date.fromisoformat(p["latest_ship"]),
            authorization_expires=_dt.datetime.fromisoformat(p["authorization_expires"]),
        ),
        disclosure=d["disclosure"],
    )


class _JsonPlan:
    """What :class:`CheckoutPlan` asks of its native plan, answered from the decoded JSON."""

    __slots__ = ("_d",)

    def __init__(self, d: Dict[str, Any]) -> None:
        self._d = d

    def summary(self) -> Tuple[Any, ...]:
        d = self._d
        return (
            d["now"],
            d["locale"],
            d["currency"],
            d["policy_hash"],
            d["subtotal"],
            d["mixed"],
            d["cost_difference"],
            d["default_strategy"],
            d["recommended_strategy"],
            d["recommendation"],
            len(d["lines"]),
            len(d["strategies"]),
        )

    def line_objects(self, kinds: Any) -> Tuple[PlanLine, ...]:
        return tuple(_line(l) for l in self._d["lines"])

    def strategy_objects(self, kinds: Any) -> Tuple[Strategy, ...]:
        return tuple(_strategy(s) for s in self._d["strategies"])

    def disclosure_objects(self, kinds: Any) -> Tuple[Disclosure, ...]:
        return tuple(
            Disclosure(kind=x["kind"], line_id=x.get("line_id"), text=x["text"]) for x in self._d["disclosures"]
        )

    def dicts(self) -> Tuple[Any, Any, Any]:
        # The parts' own to_dict(), as the native plan builds them: new each call, in the same key order.
        return (
            [l.to_dict() for l in self.line_objects(None)],
            [s.to_dict() for s in self.strategy_objects(None)],
            [x.to_dict() for x in self.disclosure_objects(None)],
        )
