"""Promises: when each waiting order line can ship, computed from stock, inbound supply and the queue."""

from __future__ import annotations

import datetime as _dt
import enum
import gc
import json
import os
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import Error, ErrorCode
from ._checkout import CartSource, CheckoutPlan, _cart
from ._labels import Label, LabelBatch, Window, _date

if TYPE_CHECKING:  # pragma: no cover
    from ._engine import Engine, Now

__all__ = [
    "Source",
    "Confidence",
    "Part",
    "Promise",
    "LinePromise",
    "Delta",
    "Quote",
    "SupplyWindow",
    "PromiseBook",
    "ScenarioSource",
]

#: A scenario: a dict (docs/json.md#promises), a JSON document (a str starting with "{", or bytes), or the
#: path of a JSON file.
ScenarioSource = Union[Mapping[str, Any], str, bytes, "os.PathLike[str]"]

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_MS = _dt.timedelta(milliseconds=1)


class Source(str, enum.Enum):
    """Where units come from. A ``str``: ``Source.inbound == "inbound"``."""

    stock = "stock"
    inbound = "inbound"
    lead_time = "lead_time"

    @property
    def code(self) -> int:
        """The numeric code (1-3), as ``bo_source`` in the C ABI."""
        return _SOURCE_CODES[self]

    def __str__(self) -> str:
        return self.value


class Confidence(str, enum.Enum):
    """How sure a window is: ``high`` from stock, ``medium`` from confirmed supply, ``low`` otherwise."""

    low = "low"
    medium = "medium"
    high = "high"

    @property
    def code(self) -> int:
        """The numeric code (1-3), as ``bo_confidence`` in the C ABI."""
        return _CONFIDENCE_CODES[self]

    def __str__(self) -> str:
        return self.value


_SOURCE_BY_CODE: Tuple[Optional[Source], ...] = (None, Source.stock, Source.inbound, Source.lead_time)
_SOURCE_CODES = {s: i for i, s in enumerate(_SOURCE_BY_CODE) if s is not None}
_CONFIDENCE_BY_CODE: Tuple[Optional[Confidence], ...] = (
    None,
    Confidence.low,
    Confidence.medium,
    Confidence.high,
)
_CONFIDENCE_CODES = {c: i for i, c in enumerate(_CONFIDENCE_BY_CODE) if c is not None}

_new = object.__new__


def _make(cls: type, d: Dict[str, Any]) -> Any:
    # Bypasses the frozen dataclass __init__ (one object.__setattr__ per field): books have many lines.
    obj = _new(cls)
    object.__setattr__(obj, "__dict__", d)
    return obj


def _window(t: Tuple[int, int, int, int]) -> Window:
    return Window._from_native(t)  # type: ignore[return-value]


@dataclass(frozen=True)
class Part:
    """Some units of a line and where they come from: stock, an inbound supply (``supply_id``) or a new
    order to the supplier (``lead_time``), with that source's ship window."""

    source: Source
    supply_id: Optional[str]
    quantity: int
    from_date: _dt.date
    to_date: _dt.date

    def to_dict(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {
            "source": self.source.value,
            "quantity": self.quantity,
            "from": self.from_date.isoformat(),
            "to": self.to_date.isoformat(),
        }
        if self.supply_id is not None:
            d["supply_id"] = self.supply_id
        return d


@dataclass(frozen=True)
class Promise:
    """A line's windows and queue position, as a :class:`Delta` reports them before and after a change."""

    ship: Window
    delivery: Window
    source: Source
    confidence: Confidence
    lines_ahead: int
    units_ahead: int
    late_supply: bool

    @classmethod
    def _from_native(cls, t: Tuple[Any, ...]) -> "Promise":
        return _make(  # type: ignore[no-any-return]
            cls,
            {
                "ship": _window(t[0]),
                "delivery": _window(t[1]),
                "source": _SOURCE_BY_CODE[t[2]],
                "confidence": _CONFIDENCE_BY_CODE[t[3]],
                "lines_ahead": t[4],
                "units_ahead": t[5],
                "late_supply": t[6],
            },
        )

    def to_dict(self) -> Dict[str, Any]:
        """The JSON shape of docs/json.md (a delta's ``before`` and ``after``)."""
        return {
            "ship": self.ship.to_dict(),
            "delivery": self.delivery.to_dict(),
            "source": self.source.value,
            "confidence": self.confidence.value,
            "lines_ahead": self.lines_ahead,
            "units_ahead": self.units_ahead,
            "late_supply": self.late_supply,
        }


@dataclass(frozen=True)
class LinePromise:
    """One waiting order line's promise.

    ``ship`` is the window in which the whole line can ship, ``delivery`` adds transit to the line's zone
    (civil dates in the store's time zone). ``source`` and ``confidence`` describe the line's last unit;
    ``lines_ahead`` / ``units_ahead`` are its queue position ("12 orders ahead of you"); ``late_supply``
    says it counts on a supply expected in the past that has not arrived. ``parts`` splits the line by source.
    """

    order_id: str
    line_id: str
    sku: str
    quantity: int
    ship: Window
    delivery: Window
    source: Source
    confidence: Confidence
    lines_ahead: int
    units_ahead: int
    late_supply: bool
    parts: Tuple[Part, ...]

    @classmethod
    def _from_native(cls, t: Tuple[Any, ...], shared: Optional[Dict[Any, Any]] = None) -> "LinePromise":
        # `shared` lets the lines of one call share their (immutable) windows and parts: lines waiting for
        # the same supply have equal ones, and a large book has many such lines.
        if shared is None:
            shared = {}
        d = dict(zip(_LINE_FIELDS, t))
        ship = shared.get(t[4])
        if ship is None:
            ship = shared[t[4]] = _window(t[4])
        delivery = shared.get(t[5])
        if delivery is None:
            delivery = shared[t[5]] = _window(t[5])
        d["ship"] = ship
        d["delivery"] = delivery
        d["source"] = _SOURCE_BY_CODE[t[6]]
        d["confidence"] = _CONFIDENCE_BY_CODE[t[7]]
        parts = []
        for p in t[11]:
            part = shared.get(p)
            if part is None:
                part = shared[p] = _make(
                    Part,
                    {
                        "source": _SOURCE_BY_CODE[p[0]],
                        "supply_id": p[1],
                        "quantity": p[2],
                        "from_date": _date(p[3]),
                        "to_date": _date(p[4]),
                    },
                )
            parts.append(part)
        d["parts"] = tuple(parts)
        return _make(cls, d)  # type: ignore[no-any-return]

    @property
    def promise(self) -> Promise:
        """The windows and queue position alone (what a :class:`Delta` compares)."""
        return _make(  # type: ignore[no-any-return]
            Promise, {f: getattr(self, f) for f in _PROMISE_FIELDS}
        )

    def to_dict(self) -> Dict[str, Any]:
        """The line in the JSON shape of docs/json.md (what the C ABI and the CLI return)."""
        return {
            "order_id": self.order_id,
            "line_id": self.line_id,
            "sku": self.sku,
            "quantity": self.quantity,
            "ship": self.ship.to_dict(),
            "delivery": self.delivery.to_dict(),
            "source": self.source.value,
            "confidence": self.confidence.value,
            "lines_ahead": self.lines_ahead,
            "units_ahead": self.units_ahead,
            "late_supply": self.late_supply,
            "parts": [p.to_dict() for p in self.parts],
        }


# The native line tuple's order (bindings/python/src/native.cpp, line_tuple).
_LINE_FIELDS = tuple(f.name for f in fields(LinePromise))
_PROMISE_FIELDS = tuple(f.name for f in fields(Promise))


@dataclass(frozen=True)
class Delta:
    """A line whose promise a change moved: ``before`` beside ``after``. A cancelled line is ``removed``
    and has no ``after``."""

    order_id: str
    line_id: str
    sku: str
    removed: bool
    before: Promise
    after: Optional[Promise]

    @classmethod
    def _from_native(cls, t: Tuple[Any, ...]) -> "Delta":
        return _make(  # type: ignore[no-any-return]
            cls,
            {
                "order_id": t[0],
                "line_id": t[1],
                "sku": t[2],
                "removed": t[3],
                "before": Promise._from_native(t[4]),
                "after": None if t[5] is None else Promise._from_native(t[5]),
            },
        )

    def to_dict(self) -> Dict[str, Any]:
        return {
            "order_id": self.order_id,
            "line_id": self.line_id,
            "sku": self.sku,
            "removed": self.removed,
            "before": self.before.to_dict(),
            "after": None if self.after is None else self.after.to_dict(),
        }


@dataclass(frozen=True)
class Quote:
    """Where a new purchase of ``quantity`` would stand in the queue and when it would ship.

    ``from_stock`` is how much of it stock on hand covers; ``supply_id`` the inbound supply its last unit
    comes from, when there is one.
    """

    sku: str
    quantity: int
    ship: Window
    delivery: Window
    source: Source
    confidence: Confidence
    lines_ahead: int
    units_ahead: int
    from_stock: int
    late_supply: bool
    supply_id: Optional[str]

    @classmethod
    def _from_native(cls, t: Tuple[Any, ...]) -> "Quote":
        d = dict(zip(_QUOTE_FIELDS, t))
        d["ship"] = _window(t[2])
        d["delivery"] = _window(t[3])
        d["source"] = _SOURCE_BY_CODE[t[4]]
        d["confidence"] = _CONFIDENCE_BY_CODE[t[5]]
        return _make(cls, d)  # type: ignore[no-any-return]

    def to_dict(self) -> Dict[str, Any]:
        """The JSON shape of docs/json.md (``supply_id`` only when there is one)."""
        d: Dict[str, Any] = {
            "sku": self.sku,
            "quantity": self.quantity,
            "ship": self.ship.to_dict(),
            "delivery": self.delivery.to_dict(),
            "source": self.source.value,
            "confidence": self.confidence.value,
            "lines_ahead": self.lines_ahead,
            "units_ahead": self.units_ahead,
            "from_stock": self.from_stock,
            "late_supply": self.late_supply,
        }
        if self.supply_id is not None:
            d["supply_id"] = self.supply_id
        return d


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))


@dataclass(frozen=True)
class SupplyWindow:
    """An inbound supply and its effective ship window (arrival, lateness widening, receiving and handling)."""

    id: str
    sku: str
    quantity: int
    ship: Window

    def to_dict(self) -> Dict[str, Any]:
        return {"id": self.id, "sku": self.sku, "quantity": self.quantity, "ship": self.ship.to_dict()}


def _scenario_text(scenario: Union[str, bytes, "os.PathLike[str]"]) -> Optional[str]:
    """The JSON text of a scenario given as a document or a path; None when it is not one."""
    if isinstance(scenario, (bytes, bytearray)):
        return bytes(scenario).decode("utf-8")
    if isinstance(scenario, str):
        if scenario.lstrip().startswith("{"):
            return scenario
        with open(scenario, "rb") as f:
            return f.read().decode("utf-8")
    if isinstance(scenario, os.PathLike):
        with open(os.fspath(scenario), "rb") as f:
            return f.read().decode("utf-8")
    return None


def _quantity(q: Any, path: str = "quantity") -> int:
    if isinstance(q, bool) or not isinstance(q, int):
        raise Error(f"must be an integer, not {type(q).__name__}", code=ErrorCode.invalid, path=path)
    return q


def _text(v: Any, path: str) -> str:
    if not isinstance(v, str):
        raise Error(f"expected a string, not {type(v).__name__}", code=ErrorCode.invalid, path=path)
    return v


class PromiseBook:
    """Every waiting order line's promise at one moment, kept current as changes arrive.

    Build one with :meth:`Engine.promises` from a scenario (stock, inbound supply, suppliers, waiting
    orders). Lines are served first-come-first-served (priority first, then placement time) from stock on
    hand, then inbound supply in order of arrival, then the supplier's lead time.

    A book may be shared between threads: its calls are serialised. It cannot be copied or pickled; build
    another from the same facts.
    """

    __slots__ = ("_native", "_engine", "__weakref__")

    def __init__(
        self,
        engine: "Engine",
        scenario: Optional[ScenarioSource] = None,
        *,
        now: "Now" = None,
        items: Optional[Iterable[Mapping[str, Any]]] = None,
        stock: Optional[Iterable[Mapping[str, Any]]] = None,
        supply: Optional[Iterable[Mapping[str, Any]]] = None,
        suppliers: Optional[Iterable[Mapping[str, Any]]] = None,
        orders: Optional[Iterable[Mapping[str, Any]]] = None,
    ) -> None:
        from ._engine import _now_ms

        self._engine = engine
        lists = {
            "items": items,
            "stock": stock,
            "supply": supply,
            "suppliers": suppliers,
            "orders": orders,
        }
        given = {k: v for k, v in lists.items() if v is not None}
        if scenario is not None and given:
            raise TypeError("give a scenario or the keyword lists (items=, stock=, ...), not both")
        if scenario is None:
            self._native = _native.promise_book(engine._native, given, _now_ms(now))
            return
        if isinstance(scenario, Mapping):
            has_now = "now" in scenario and scenario["now"] is not None
            now_ms = None if now is None and has_now else _now_ms(now)
            self._native = _native.promise_book(engine._native, scenario, now_ms)
            return
        text = _scenario_text(scenario)
        if text is None:
            raise TypeError(
                f"scenario must be a dict, a JSON string or a path, not {type(scenario).__name__}"
            )
        if now is None:
            # Core reads the document exactly as the C ABI and the CLI do, with the GIL released.
            self._native = _native.promise_book_json(engine._native, text)
        else:
            self._native = _native.promise_book(engine._native, json.loads(text), _now_ms(now))

    def __repr__(self) -> str:
        return f"<backorder.PromiseBook {len(self)} lines, now {self.now.isoformat()}>"

    def __len__(self) -> int:
        """The number of waiting lines."""
        return self._native.line_count()  # type: ignore[no-any-return]

    @property
    def engine(self) -> "Engine":
        return self._engine

    @property
    def now(self) -> _dt.datetime:
        """The moment the book computes for, in UTC."""
        return _EPOCH + self._native.now_ms * _MS  # type: ignore[no-any-return]

    @property
    def today(self) -> _dt.date:
        """The local date of ``now`` in the store's time zone."""
        return _date(self._native.today)

    def skus(self) -> List[str]:
        """The items of the book, in scenario order."""
        return self._native.skus()  # type: ignore[no-any-return]

    # ---- lines ---------------------------------------------------------------------------------------
    def lines(self, *, sku: Optional[str] = None, order_id: Optional[str] = None) -> List[LinePromise]:
        """Every waiting line's promise in scenario order (lines placed by changes last), optionally only
        those of one item or one order. An unknown ``sku`` raises :class:`Error` (``not_found``)."""
        if sku is not None:
            _text(sku, "sku")
        if order_id is not None:
            _text(order_id, "order_id")
        shared: Dict[Any, Any] = {}
        make = LinePromise._from_native
        # Millions of new tuples and objects, none of them in a cycle: the collector's passes over them
        # would cost twice the work itself.
        paused = gc.isenabled()
        gc.disable()
        try:
            return [make(t, shared) for t in self._native.lines(sku, order_id)]
        finally:
            if paused:
                gc.enable()

    def line(self, order_id: str, line_id: str = "1") -> Optional[LinePromise]:
        """One waiting line's promise; None when no such line waits."""
        t = self._native.line(_text(order_id, "order_id"), _text(line_id, "line_id"))
        return None if t is None else LinePromise._from_native(t)

    def supply(self) -> List[SupplyWindow]:
        """Every supply of the scenario (and those added since) with its effective ship window."""
        return [
            _make(SupplyWindow, {"id": i, "sku": s, "quantity": q, "ship": _window(w)})
            for i, s, q, w in self._native.supply()
        ]

    # ---- questions -----------------------------------------------------------------------------------
    def quote(self, sku: str, quantity: int = 1, *, zone: Optional[str] = None) -> Quote:
        """Where a new purchase of ``quantity`` would stand and when it would ship (and arrive in ``zone``).
        An unknown sku raises :class:`Error` with code ``not_found`` and path ``"sku"``."""
        q = _quantity(quantity)
        z = "" if zone is None else _text(zone, "zone")
        return Quote._from_native(self._native.quote(_text(sku, "sku"), q, z))

    def labels(
        self,
        *,
        locale: Optional[str] = None,
        quantity: int = 1,
        skus: Optional[Sequence[str]] = None,
    ) -> LabelBatch:
        """Labels for the book's items (all of them, or ``skus`` in that order) at the book's moment.

        A backorder label's window is the quote for a new shopper, and the sellable quantity excludes stock
        already promised to waiting lines. The GIL is released while the labels are made.
        """
        return LabelBatch(self._native.labels(locale, _quantity(quantity), skus))

    def label(self, sku: str, *, quantity: int = 1, locale: Optional[str] = None) -> Label:
        """The label of one item of the book (see :meth:`labels`)."""
        return Label._from_native(self._native.label(_text(sku, "sku"), _quantity(quantity), locale))

    # ---- checkout ------------------------------------------------------------------------------------
    def checkout(
        self,
        cart: CartSource,
        *,
        customer: Optional[Mapping[str, Any]] = None,
        locale: Optional[str] = None,
        currency: Optional[str] = None,
    ) -> CheckoutPlan:
        """A :class:`CheckoutPlan` for ``cart`` at the book's moment, with windows from the book's supply.

        ``cart`` is ``{"currency": "USD", "lines": [{"line_id": "1", "sku": "JKT-NAVY-M", "quantity": 1,
        "unit_price": 12900}, ...]}`` or the list of lines alone (the currency is then ``currency`` or the
        policy's). ``line_id`` defaults to the line's position ("1", "2", ...), ``quantity`` to 1 and
        ``unit_price`` (minor units) to the item's catalog price. ``customer`` is ``{"locale", "zone",
        "tier"}``; the texts are in the customer's locale, else ``locale``, else the policy's.

        The fast path: the book's catalog and queue are computed once, and each call only plans the cart
        (with the GIL released). A bad cart raises :class:`ValidationError` listing every problem with its
        path (``"cart.currency"``, ``"cart.lines[0].sku"``, ``"cart.lines[1].quantity"``).
        """
        c = _cart(cart, currency, self._engine.currency)
        if locale is not None:
            _text(locale, "locale")
        return CheckoutPlan(self._native.checkout(c, customer, locale))

    def checkout_json(self, request: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Core's JSON checkout call for the book: ``{"cart", "customer", "locale"}`` in, the plan's dict out."""
        return json.loads(self._native.checkout_json(_json(request)))  # type: ignore[no-any-return]

    # ---- changes -------------------------------------------------------------------------------------
    def apply(self, change: Mapping[str, Any]) -> List[Delta]:
        """Applies one change (docs/json.md#changes: ``{"type": "supply_changed", "id": "PO-1001",
        "expected": "2026-12-15"}``) and returns exactly the lines whose ship window moved, old beside new,
        plus the lines it removed. Dates may be ``datetime.date`` and ``placed_at`` an aware ``datetime``.

        A bad change raises :class:`Error` / :class:`ValidationError` with the path of the value at fault
        (``"change.expected"``) and leaves the book exactly as it was.
        """
        return [Delta._from_native(t) for t in self._native.apply(change)]

    # ---- wire ----------------------------------------------------------------------------------------
    def to_dict(self) -> Dict[str, Any]:
        """``{"lines": [...], "supply": [...]}``, the JSON shape of docs/json.md#promises."""
        return {
            "lines": [l.to_dict() for l in self.lines()],
            "supply": [s.to_dict() for s in self.supply()],
        }

    def promises_json(self) -> Dict[str, Any]:
        """Core's JSON encoding of the book (what the C ABI and the CLI return), as a dict."""
        return json.loads(self._native.promises_json())  # type: ignore[no-any-return]

    def quote_json(self, request: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Core's JSON quote call: ``{"sku", "quantity", "zone"}`` in, the quote's dict out."""
        return json.loads(self._native.quote_json(_json(request)))  # type: ignore[no-any-return]

    def apply_json(self, change: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Core's JSON change call: a change in, ``{"deltas": [...]}`` out. It changes the book."""
        return json.loads(self._native.apply_json(_json(change)))  # type: ignore[no-any-return]

    def labels_json(self, request: Union[str, Mapping[str, Any], None] = None) -> Dict[str, Any]:
        """Core's JSON labels call for the book: ``{"locale", "quantity", "skus"}`` in, labels out."""
        return json.loads(self._native.labels_json(_json(request or {})))  # type: ignore[no-any-return]

    def timing_ns(self) -> Tuple[int, int, int, int]:
        """Diagnostics: ``time.monotonic_ns()`` instants at which construction started, released the GIL
        (facts converted), re-acquired it (book computed) and returned."""
        return self._native.timing_ns()  # type: ignore[no-any-return]


def _json(v: Union[str, Mapping[str, Any]]) -> str:
    return v if isinstance(v, str) else json.dumps(dict(v), ensure_ascii=False)
