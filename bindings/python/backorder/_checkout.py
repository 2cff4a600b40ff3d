"""Checkout: a cart turned into a plan the storefront can show, and the consent record kept with the order."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _native
from ._errors import Error, ErrorCode
from ._labels import _STATUS_BY_CODE, Label, Window

if TYPE_CHECKING:  # pragma: no cover
    from ._engine import Now

__all__ = [
    "Alternative",
    "PlanLine",
    "ShipmentItem",
    "Shipment",
    "PaymentAdvice",
    "Strategy",
    "Disclosure",
    "CheckoutPlan",
    "ConsentRecord",
    "CartSource",
    "LineChoice",
    "check_consent",
]

#: A cart: ``{"currency": "USD", "lines": [{"line_id", "sku", "quantity", "unit_price"}, ...]}``, or the list
#: of lines alone (the currency then comes from ``currency=`` or the policy).
CartSource = Union[Mapping[str, Any], Sequence[Mapping[str, Any]]]
#: What a shopper chose for one line: ``"wait"``, ``"notify_me"``, ``"remove"``, ``{"alternative": SKU}``
#: or an offered :class:`Alternative`.
LineChoice = Union[str, Mapping[str, str], "Alternative"]

_new = object.__new__


def _instant(iso: str) -> _dt.datetime:
    # Core writes "YYYY-MM-DDTHH:MM:SS±HH:MM" in the store's offset; isoformat() gives the same text back.
    return _dt.datetime.fromisoformat(iso)


@dataclass(frozen=True)
class Alternative:
    """An in-stock item offered instead of a line that waits, with its own label."""

    sku: str
    name: str
    price: int
    label: Label

    def to_dict(self) -> Dict[str, Any]:
        return {"sku": self.sku, "name": self.name, "price": self.price, "label": self.label.to_dict()}


@dataclass(frozen=True)
class PlanLine:
    """One cart line in the plan: its label (what ships now and what waits, with windows) and, when some
    of it waits, the ``options`` the policy offers (``"wait"``, ``"notify_me"``, ``"alternative"``,
    ``"remove"``; empty when the whole line ships now) and the ranked in-stock ``alternatives``."""

    line_id: str
    sku: str
    name: str
    quantity: int
    unit_price: int
    amount: int
    label: Label
    preorder: bool
    options: Tuple[str, ...]
    alternatives: Tuple[Alternative, ...]

    @property
    def waits(self) -> bool:
        """Whether some of the line does not ship now (the shopper has options)."""
        return bool(self.options)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "line_id": self.line_id,
            "sku": self.sku,
            "name": self.name,
            "quantity": self.quantity,
            "unit_price": self.unit_price,
            "amount": self.amount,
            "preorder": self.preorder,
            "label": self.label.to_dict(),
            "options": list(self.options),
            "alternatives": [a.to_dict() for a in self.alternatives],
        }


@dataclass(frozen=True)
class ShipmentItem:
    """Units of one cart line in a shipment."""

    line_id: str
    quantity: int

    def to_dict(self) -> Dict[str, Any]:
        return {"line_id": self.line_id, "quantity": self.quantity}


@dataclass(frozen=True)
class Shipment:
    """One parcel of a strategy: its items, when it ships and arrives, and what sending it costs."""

    items: Tuple[ShipmentItem, ...]
    ship: Window
    delivery: Window
    charge: int

    def to_dict(self) -> Dict[str, Any]:
        return {
            "items": [i.to_dict() for i in self.items],
            "ship": self.ship.to_dict(),
            "delivery": self.delivery.to_dict(),
            "charge": self.charge,
        }


@dataclass(frozen=True)
class PaymentAdvice:
    """When to take the money: ``advice`` is ``"authorize_now"``, ``"charge_now"`` or
    ``"charge_at_shipment"`` (a ship date falls beyond the card authorization window)."""

    advice: str
    latest_ship: _dt.date
    authorization_expires: _dt.datetime

    def to_dict(self) -> Dict[str, Any]:
        return {
            "advice": self.advice,
            "latest_ship": self.latest_ship.isoformat(),
            "authorization_expires": self.authorization_expires.isoformat(),
        }


@dataclass(frozen=True)
class Strategy:
    """A way to ship the order: ``"ship_available"`` (in-stock items now, the rest later) or
    ``"ship_together"`` (one shipment at the latest window), with its shipments and charges.

    ``customer_pays`` + ``shop_pays`` == ``shipping_total``; ``complete`` is when the last shipment ships;
    ``disclosure`` says what choosing it means, in the shopper's language.
    """

    id: str
    shipments: Tuple[Shipment, ...]
    shipping_total: int
    customer_pays: int
    shop_pays: int
    complete: Window
    payment: PaymentAdvice
    disclosure: str

    def to_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id,
            "shipments": [s.to_dict() for s in self.shipments],
            "shipping_total": self.shipping_total,
            "customer_pays": self.customer_pays,
            "shop_pays": self.shop_pays,
            "complete": self.complete.to_dict(),
            "payment": self.payment.to_dict(),
            "disclosure": self.disclosure,
        }


@dataclass(frozen=True)
class Disclosure:
    """A text the storefront must show: ``kind`` is ``"backorder"`` or ``"preorder"`` (for ``line_id``),
    ``"cancellation"`` or ``"payment"`` (for the order, ``line_id`` None)."""

    kind: str
    line_id: Optional[str]
    text: str

    def to_dict(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.line_id is not None:
            d["line_id"] = self.line_id
        return d


# What the native plan builds its parts as (bindings/python/src/native.cpp, PartBuilder): each instance is
# made as _make() would make it (the dataclass __init__ skipped, the __dict__ set whole), in C++.
_KINDS = (
    PlanLine,
    Alternative,
    Label,
    Window,
    _STATUS_BY_CODE,
    Strategy,
    Shipment,
    ShipmentItem,
    PaymentAdvice,
    Disclosure,
)


_SUMMARY = (
    "now",
    "locale",
    "currency",
    "policy_hash",
    "subtotal",
    "mixed",
    "cost_difference",
    "default_strategy",
    "recommended_strategy",
    "recommendation",
)
_UNSET: Any = object()


class CheckoutPlan:
    """A cart turned into what the storefront shows: per line what ships now and what waits, the options
    and alternatives, the shipment strategies with dates and charges, disclosures and payment advice.

    Made by :meth:`PromiseBook.checkout` or :meth:`Engine.checkout`. Immutable. The plan stays native
    until it is read: :attr:`lines`, :attr:`strategies` and :attr:`disclosures` are built on first access.
    Amounts are integer minor units of :attr:`currency`.
    """

    __slots__ = ("_native", "_summary", "_lines", "_strategies", "_disclosures", "__weakref__")

    _native: Any
    _summary: Tuple[Any, ...]
    _lines: Any
    _strategies: Any
    _disclosures: Any

    def __init__(self, native: Any) -> None:
        s = object.__setattr__
        s(self, "_native", native)
        s(self, "_summary", native.summary())
        s(self, "_lines", _UNSET)
        s(self, "_strategies", _UNSET)
        s(self, "_disclosures", _UNSET)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"CheckoutPlan is immutable (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"CheckoutPlan is immutable (cannot delete {name!r})")

    def __repr__(self) -> str:
        return (
            f"<backorder.CheckoutPlan {self._summary[10]} lines, {self.subtotal} {self.currency}, "
            f"{self._summary[11]} strategies, recommended {self.recommended_strategy}>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CheckoutPlan):
            return NotImplemented
        return self is other or self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    # ---- the order -----------------------------------------------------------------------------------
    @property
    def now(self) -> _dt.datetime:
        """The moment the plan was made for, in the store's UTC offset."""
        return _instant(self._summary[0])

    @property
    def locale(self) -> str:
        """The shopper's locale the texts are in (the customer's, else the call's, else the policy's)."""
        return self._summary[1]  # type: ignore[no-any-return]

    @property
    def currency(self) -> str:
        return self._summary[2]  # type: ignore[no-any-return]

    @property
    def policy_hash(self) -> str:
        """The SHA-256 of the policy the plan was made under (the consent record keeps it)."""
        return self._summary[3]  # type: ignore[no-any-return]

    @property
    def subtotal(self) -> int:
        return self._summary[4]  # type: ignore[no-any-return]

    @property
    def mixed(self) -> bool:
        """Some items can ship now and some wait: the shopper may choose how the order ships."""
        return self._summary[5]  # type: ignore[no-any-return]

    @property
    def cost_difference(self) -> int:
        """What ``ship_available`` costs the shopper more than ``ship_together``."""
        return self._summary[6]  # type: ignore[no-any-return]

    @property
    def default_strategy(self) -> str:
        return self._summary[7]  # type: ignore[no-any-return]

    @property
    def recommended_strategy(self) -> str:
        return self._summary[8]  # type: ignore[no-any-return]

    @property
    def recommendation(self) -> str:
        """Why: ``"no_extra_cost"``, ``"sooner"`` or ``"one_shipment"``."""
        return self._summary[9]  # type: ignore[no-any-return]

    # ---- parts, built on first access ----------------------------------------------------------------
    @property
    def lines(self) -> Tuple[PlanLine, ...]:
        """The cart's lines in cart order."""
        if self._lines is _UNSET:
            object.__setattr__(self, "_lines", self._native.line_objects(_KINDS))
        return self._lines  # type: ignore[no-any-return]

    @property
    def strategies(self) -> Tuple[Strategy, ...]:
        """``ship_available`` then ``ship_together`` when the cart is :attr:`mixed`, else ``ship_together``."""
        if self._strategies is _UNSET:
            object.__setattr__(self, "_strategies", self._native.strategy_objects(_KINDS))
        return self._strategies  # type: ignore[no-any-return]

    @property
    def disclosures(self) -> Tuple[Disclosure, ...]:
        if self._disclosures is _UNSET:
            object.__setattr__(self, "_disclosures", self._native.disclosure_objects(_KINDS))
        return self._disclosures  # type: ignore[no-any-return]

    def line(self, line_id: str) -> PlanLine:
        """The plan line with ``line_id``; :class:`KeyError` when the cart had none."""
        for l in self.lines:
            if l.line_id == line_id:
                return l
        raise KeyError(line_id)

    def strategy(self, id: Optional[str] = None) -> Strategy:
        """The strategy ``id`` (default: the recommended one); :class:`KeyError` when the plan has none."""
        want = self.recommended_strategy if id is None else id
        for s in self.strategies:
            if s.id == want:
                return s
        raise KeyError(want)

    def __iter__(self) -> Iterator[PlanLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        """The number of cart lines."""
        return self._summary[10]  # type: ignore[no-any-return]

    # ---- wire ----------------------------------------------------------------------------------------
    def to_dict(self) -> Dict[str, Any]:
        """The plan in the JSON shape of docs/json.md#checkout (what the C ABI and the CLI return)."""
        # The parts' dicts come from the native plan at once (the same as their to_dict(), new each call).
        lines, strategies, disclosures = self._native.dicts()
        return {
            "now": self._summary[0],
            "locale": self.locale,
            "currency": self.currency,
            "policy_hash": self.policy_hash,
            "subtotal": self.subtotal,
            "lines": lines,
            "mixed": self.mixed,
            "strategies": strategies,
            "cost_difference": self.cost_difference,
            "default_strategy": self.default_strategy,
            "recommended_strategy": self.recommended_strategy,
            "recommendation": self.recommendation,
            "disclosures": disclosures,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    # ---- consent -------------------------------------------------------------------------------------
    def consent(
        self,
        strategy: Optional[str] = None,
        lines: Optional[Mapping[str, LineChoice]] = None,
        now: "Now" = None,
    ) -> "ConsentRecord":
        """The consent record of what the shopper saw and chose, to keep with the order.

        ``strategy`` is one the plan offered (default: :attr:`default_strategy`); ``lines`` maps line ids
        to one of the line's ``options`` (``"wait"``, ``"notify_me"``, ``"remove"``) or an offered
        alternative (``{"alternative": "JKT-OLIVE-M"}`` or the :class:`Alternative` itself); unlisted lines
        keep ``"wait"`` (``"buy"`` when they ship now). ``now`` (an aware datetime or an ISO 8601 string;
        default: the current time) is when the shopper chose.

        A choice the plan did not offer raises :class:`ValidationError` with paths such as
        ``"choice.strategy"`` or ``"choice.lines.1.alternative"``.
        """
        choice: Dict[str, Any] = {}
        if strategy is not None:
            choice["strategy"] = strategy
        if lines is not None:
            if not isinstance(lines, Mapping):
                raise Error(
                    f"expected a dict of line ids to choices, not {type(lines).__name__}",
                    code=ErrorCode.invalid,
                    path="choice.lines",
                )
            choice["lines"] = {
                k: ({"alternative": v.sku} if isinstance(v, Alternative) else v) for k, v in lines.items()
            }
        request = {"plan": self.to_dict(), "choice": choice, "now": _now_iso(now)}
        return ConsentRecord._from_text(_native.consent_json(json.dumps(request, ensure_ascii=False)))


def _now_iso(now: "Now") -> str:
    if now is None:
        return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    if isinstance(now, str):
        return now
    if isinstance(now, _dt.datetime):
        if now.tzinfo is None or now.utcoffset() is None:
            raise Error(
                "must be timezone-aware (a naive datetime has no offset; use datetime.now(timezone.utc))",
                code=ErrorCode.invalid,
                path="now",
            )
        return now.isoformat(timespec="seconds")
    raise Error(
        f"must be a timezone-aware datetime or an ISO 8601 string, not {type(now).__name__}",
        code=ErrorCode.invalid,
        path="now",
    )


class ConsentRecord(Mapping[str, Any]):
    """What the shopper saw and chose at checkout (docs/json.md#checkout), to keep with the order.

    A read-only mapping over the record's JSON fields (``record["strategy"]``), with the main ones as
    attributes. :meth:`to_json` is the canonical text (sorted keys, no spaces): store it, and
    :func:`check_consent` on the stored text gives an equal record back.
    """

    __slots__ = ("_text", "_data")

    _text: str
    _data: Dict[str, Any]

    @classmethod
    def _from_text(cls, text: str) -> "ConsentRecord":
        obj = _new(cls)
        object.__setattr__(obj, "_text", text)
        object.__setattr__(obj, "_data", json.loads(text))
        return obj  # type: ignore[no-any-return]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"ConsentRecord is immutable (cannot set {name!r})")

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ConsentRecord):
            return self._text == other._text
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(self._text)

    def __repr__(self) -> str:
        return f"<backorder.ConsentRecord {self.strategy} at {self['recorded_at']} ({self.locale})>"

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (check_consent, (self._text,))

    @property
    def version(self) -> int:
        return self._data["version"]  # type: ignore[no-any-return]

    @property
    def recorded_at(self) -> _dt.datetime:
        """When the shopper chose."""
        return _dt.datetime.fromisoformat(self._data["recorded_at"])

    @property
    def plan_at(self) -> _dt.datetime:
        """The moment the plan the shopper saw was made for."""
        return _dt.datetime.fromisoformat(self._data["plan_at"])

    @property
    def policy_hash(self) -> str:
        return self._data["policy_hash"]  # type: ignore[no-any-return]

    @property
    def locale(self) -> str:
        return self._data["locale"]  # type: ignore[no-any-return]

    @property
    def currency(self) -> str:
        return self._data["currency"]  # type: ignore[no-any-return]

    @property
    def strategy(self) -> str:
        return self._data["strategy"]  # type: ignore[no-any-return]

    @property
    def customer_pays(self) -> int:
        return self._data["customer_pays"]  # type: ignore[no-any-return]

    @property
    def lines(self) -> List[Dict[str, Any]]:
        """Per line: what it was, the text shown, and the shopper's ``choice`` (a copy)."""
        return json.loads(json.dumps(self._data["lines"]))  # type: ignore[no-any-return]

    @property
    def disclosures(self) -> List[str]:
        """Every text shown: the chosen strategy's words, then the plan's disclosures."""
        return list(self._data["disclosures"])

    def to_dict(self) -> Dict[str, Any]:
        """The record as a new dict (a deep copy)."""
        return json.loads(self._text)  # type: ignore[no-any-return]

    def to_json(self) -> str:
        """The canonical JSON text: sorted keys, no spaces. Store this."""
        return self._text


def check_consent(record: Union[ConsentRecord, Mapping[str, Any], str, bytes]) -> ConsentRecord:
    """Checks a stored consent record (the text, its dict, or a :class:`ConsentRecord`) and returns it in
    canonical form: a record written with :meth:`ConsentRecord.to_json` comes back equal.

    A record that is not one raises :class:`ValidationError` with paths such as ``"consent.lines[0].choice"``.
    """
    if isinstance(record, ConsentRecord):
        text = record.to_json()
    elif isinstance(record, (bytes, bytearray)):
        text = bytes(record).decode("utf-8")
    elif isinstance(record, str):
        text = record
    elif isinstance(record, Mapping):
        text = json.dumps(dict(record), ensure_ascii=False)
    else:
        raise TypeError(
            f"record must be a ConsentRecord, a dict or its JSON text, not {type(record).__name__}"
        )
    return ConsentRecord._from_text(_native.consent_check_json(text))


def _cart(cart: CartSource, currency: Optional[str], default_currency: str) -> Any:
    """The mapping the native layer reads: the cart itself, or ``{"currency", "lines"}`` around a list."""
    if isinstance(cart, Mapping):
        if currency is not None:
            raise TypeError("the cart holds its currency: give currency= only with a list of lines")
        return cart
    if isinstance(cart, (str, bytes, bytearray)):
        raise Error(
            f"expected a cart (a dict) or a list of lines, not {type(cart).__name__}",
            code=ErrorCode.invalid,
            path="cart",
        )
    return {"currency": default_currency if currency is None else currency, "lines": cart}

