"""Refunds: what cancelling lines, or all that has not shipped, gives back, exact to the minor unit."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import Error, ErrorCode

if TYPE_CHECKING:  # pragma: no cover
    from ._engine import Engine

__all__ = ["RefundLine", "RefundDeadline", "RefundQuote", "CancelSource"]

#: What to cancel: ``"all"`` (every unit not shipped), a dict of line ids to quantities (``None`` for every
#: unit of the line still open), or the JSON form ``[{"line_id": "1", "quantity": 1}, ...]``.
CancelSource = Union[str, Mapping[str, Optional[int]], Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class RefundLine:
    """What one line gives back for the ``quantity`` units cancelled now, in minor units.

    ``total`` == ``items - discount + tax + deposit`` when prices exclude tax (``tax`` is then added), and
    ``items - discount + deposit`` when they include it (``tax`` is the part of it that was tax). A pre-order
    line that took only a deposit refunds the deposit's share and nothing else.
    """

    line_id: str
    sku: str
    quantity: int
    items: int
    discount: int
    tax: int
    deposit: int
    total: int

    def to_dict(self) -> Dict[str, Any]:
        return {
            "line_id": self.line_id,
            "sku": self.sku,
            "quantity": self.quantity,
            "items": self.items,
            "discount": self.discount,
            "tax": self.tax,
            "deposit": self.deposit,
            "total": self.total,
        }


@dataclass(frozen=True)
class RefundDeadline:
    """By when and how the money must go back, by the rule for the jurisdiction and payment method.

    ``due`` is the last day (``count`` × ``unit`` from the day of ``now`` in the store's calendar: US
    working days skip its holidays); ``method`` is ``"original_payment"``, ``"cash_check_or_money_order"``
    or ``"shop_account_credit"``; ``rule`` the row of the rule table and ``citation`` where the law says so.
    """

    due: _dt.date
    rule: str
    jurisdiction: str
    payment: str
    count: int
    unit: str
    method: str
    citation: str
    text: str

    def to_dict(self) -> Dict[str, Any]:
        return {
            "due": self.due.isoformat(),
            "rule": self.rule,
            "jurisdiction": self.jurisdiction,
            "payment": self.payment,
            "count": self.count,
            "unit": self.unit,
            "method": self.method,
            "citation": self.citation,
            "text": self.text,
        }


@dataclass(frozen=True)
class RefundQuote:
    """A refund quote (docs/json.md#refunds). Amounts are integer minor units of :attr:`currency`; every
    split is exact: ``total`` == the lines' totals + ``shipping``.

    ``shipping_basis`` says why the shipping refund is what it is: ``"order_cancelled"`` (nothing shipped at
    the shopper's cost and nothing is left to ship: all of it), ``"proportional"`` (the cancelled units'
    share), ``"none"`` or ``"full"`` (after a partial shipment, as the policy's ``refunds`` section says).
    ``still_open`` counts the units left to ship after this cancellation.
    """

    now: _dt.datetime
    currency: str
    tax_included: bool
    lines: Tuple[RefundLine, ...]
    items: int
    discount: int
    tax: int
    deposit: int
    shipping: int
    shipping_basis: str
    total: int
    still_open: int
    deadline: RefundDeadline

    def line(self, line_id: str) -> RefundLine:
        """The refund line for ``line_id``; :class:`KeyError` when nothing of it is cancelled."""
        for l in self.lines:
            if l.line_id == line_id:
                return l
        raise KeyError(line_id)

    def to_dict(self) -> Dict[str, Any]:
        """The quote in the JSON shape the C ABI and the CLI return."""
        return {
            "now": self.now.isoformat(),
            "currency": self.currency,
            "tax_included": self.tax_included,
            "lines": [l.to_dict() for l in self.lines],
            "items": self.items,
            "discount": self.discount,
            "tax": self.tax,
            "deposit": self.deposit,
            "shipping": self.shipping,
            "shipping_basis": self.shipping_basis,
            "total": self.total,
            "still_open": self.still_open,
            "deadline": self.deadline.to_dict(),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "RefundQuote":
        """A quote from its JSON shape (what :meth:`to_dict` gives, or the C ABI's answer)."""
        dl = d["deadline"]
        return cls(
            now=_dt.datetime.fromisoformat(d["now"]),
            currency=d["currency"],
            tax_included=d["tax_included"],
            lines=tuple(
                RefundLine(**{k: l[k] for k in RefundLine.__dataclass_fields__}) for l in d["lines"]
            ),
            items=d["items"],
            discount=d["discount"],
            tax=d["tax"],
            deposit=d["deposit"],
            shipping=d["shipping"],
            shipping_basis=d["shipping_basis"],
            total=d["total"],
            still_open=d["still_open"],
            deadline=RefundDeadline(
                due=_dt.date.fromisoformat(dl["due"]),
                **{k: dl[k] for k in RefundDeadline.__dataclass_fields__ if k != "due"},
            ),
        )


def _cancel_json(cancel: CancelSource) -> Any:
    if isinstance(cancel, str):
        return cancel
    if isinstance(cancel, Mapping):
        out = []
        for line_id, quantity in cancel.items():
            entry: Dict[str, Any] = {"line_id": line_id}
            if quantity is not None:
                entry["quantity"] = quantity
            out.append(entry)
        return out
    if isinstance(cancel, Sequence):
        return [dict(c) if isinstance(c, Mapping) else c for c in cancel]
    raise Error(
        f'expected "all", a dict of line ids to quantities or a list of lines, not {type(cancel).__name__}',
        code=ErrorCode.invalid,
        path="cancel",
    )


def _dumps(request: Mapping[str, Any]) -> str:
    try:
        return json.dumps(request, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise Error(f"cannot be written as JSON: {e}", code=ErrorCode.invalid, path="order") from None


def refund_json(engine: "Engine", request: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
    text = request if isinstance(request, str) else _dumps(request)
    return json.loads(_native.refund_json(engine._native, text))  # type: ignore[no-any-return]


def refund_quote(
    engine: "Engine", order: Mapping[str, Any], cancel: CancelSource, now_iso: str
) -> RefundQuote:
    if not isinstance(order, Mapping):
        raise Error(f"expected a dict, not {type(order).__name__}", code=ErrorCode.invalid, path="order")
    request = {"now": now_iso, "order": dict(order), "cancel": _cancel_json(cancel)}
    return RefundQuote.from_dict(refund_json(engine, request))
