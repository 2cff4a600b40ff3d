"""The Engine: a merchant's policy, built once, shared freely, asked for labels."""

from __future__ import annotations

import datetime as _dt
import json
import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import Error, ErrorCode, PolicyIssue
from ._labels import Label, LabelBatch
from ._checkout import CartSource, CheckoutPlan
from ._promises import PromiseBook, ScenarioSource
from ._refunds import CancelSource, RefundQuote
from ._refunds import refund_json as _refund_json
from ._refunds import refund_quote as _refund_quote

__all__ = ["Engine", "Labeler", "validate_policy", "PolicySource", "Now"]

#: A policy: a dict, a JSON document (a str starting with "{", or bytes), or the path of a JSON file.
PolicySource = Union[Mapping[str, Any], str, bytes, "os.PathLike[str]"]
#: An instant: a timezone-aware datetime or an ISO 8601 string with an offset; None for the current time.
Now = Union[_dt.datetime, str, None]

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_MS = _dt.timedelta(milliseconds=1)


def _policy_json(policy: PolicySource) -> str:
    if isinstance(policy, Mapping):
        return json.dumps(policy if isinstance(policy, dict) else dict(policy), ensure_ascii=False)
    if isinstance(policy, (bytes, bytearray)):
        return bytes(policy).decode("utf-8")
    if isinstance(policy, str):
        if policy.lstrip().startswith("{"):
            return policy
        return _read(policy)
    if isinstance(policy, os.PathLike):
        return _read(os.fspath(policy))
    raise TypeError(
        f"policy must be a dict, a JSON string or a path, not {type(policy).__name__}"
    )


def _read(path: Union[str, bytes]) -> str:
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


def _now_ms(now: Now) -> int:
    """Milliseconds since the Unix epoch. Only this edge reads the clock; core never does."""
    if now is None:
        now = _dt.datetime.now(_dt.timezone.utc)
    elif isinstance(now, str):
        return int(_native.parse_instant(now, "now"))
    elif not isinstance(now, _dt.datetime):
        raise Error(
            f"must be a timezone-aware datetime or an ISO 8601 string, not {type(now).__name__}",
            code=ErrorCode.invalid,
            path="now",
        )
    if now.tzinfo is None or now.utcoffset() is None:
        raise Error(
            "must be timezone-aware (a naive datetime has no offset; use datetime.now(timezone.utc))",
            code=ErrorCode.invalid,
            path="now",
        )
    return (now - _EPOCH) // _MS


def validate_policy(policy: PolicySource) -> List[PolicyIssue]:
    """Every problem in a policy document, each with its JSON path; ``[]`` when the policy is valid."""
    return [PolicyIssue(p, m) for p, m in _native.validate_policy(_policy_json(policy))]


class Labeler:
    """Labels in one locale at one moment, reusing formatted text across calls.

    Cheaper than :meth:`Engine.label` when many single labels are made for the same ``now`` (a product
    listing rendered item by item). Safe to share between threads (calls are serialised).
    """

    __slots__ = ("_native", "_engine")

    def __init__(self, engine: "Engine", locale: Optional[str] = None, now: Now = None) -> None:
        self._engine = engine
        self._native = engine._native.labeler(locale, _now_ms(now))

    @property
    def engine(self) -> "Engine":
        return self._engine

    @property
    def locale(self) -> str:
        return self._native.locale  # type: ignore[no-any-return]

    @property
    def now(self) -> _dt.datetime:
        """The instant labels are computed for, in UTC."""
        return _EPOCH + self._native.now_ms * _MS  # type: ignore[no-any-return]

    @property
    def today(self) -> _dt.date:
        """The local date of ``now`` in the store's time zone."""
        return _dt.date.fromordinal(self._native.today + _dt.date(1970, 1, 1).toordinal())

    def label(
        self,
        item: Mapping[str, Any],
        stock: Optional[Mapping[str, Any]] = None,
        *,
        quantity: int = 1,
    ) -> Label:
        return Label._from_native(self._native.label(item, stock, _quantity(quantity)))

    def labels(self, rows: Sequence[Mapping[str, Any]], *, quantity: int = 1) -> LabelBatch:
        return LabelBatch(self._native.labels(rows, _quantity(quantity)))


def _quantity(q: Any) -> int:
    if isinstance(q, bool) or not isinstance(q, int):
        raise Error(f"must be an integer, not {type(q).__name__}", code=ErrorCode.invalid, path="quantity")
    return q


class Engine:
    """A merchant's policy with its calendar and message catalogue, validated and built once.

    ``policy`` is a dict, a JSON document (a str starting with "{", or bytes) or the path of a JSON file
    (str or os.PathLike). An invalid policy raises :class:`ValidationError` listing every problem with its
    JSON path. The engine is immutable: share one across threads, build a new one to change policy.
    """

    __slots__ = ("_native", "__weakref__")

    def __init__(self, policy: PolicySource) -> None:
        self._native = _native.Engine(_policy_json(policy))

    def __repr__(self) -> str:
        shop = f" {self.shop!r}" if self.shop else ""
        return f"<backorder.Engine{shop} {self.currency} {self.policy_locale} {self.time_zone}>"

    # ---- policy --------------------------------------------------------------------------------------
    @property
    def shop(self) -> str:
        return self._native.shop  # type: ignore[no-any-return]

    @property
    def policy_version(self) -> int:
        return self._native.version  # type: ignore[no-any-return]

    @property
    def policy_locale(self) -> str:
        """The policy's default locale (labels use it when no locale is given)."""
        return self._native.locale  # type: ignore[no-any-return]

    @property
    def currency(self) -> str:
        """ISO 4217 code, such as "USD"."""
        return self._native.currency  # type: ignore[no-any-return]

    @property
    def currency_exponent(self) -> int:
        return self._native.currency_exponent  # type: ignore[no-any-return]

    @property
    def time_zone(self) -> str:
        return self._native.time_zone  # type: ignore[no-any-return]

    @property
    def day_unit(self) -> str:
        """"calendar" or "business": how lead times are counted and said."""
        return self._native.day_unit  # type: ignore[no-any-return]

    @property
    def low_stock_threshold(self) -> int:
        return self._native.low_stock_threshold  # type: ignore[no-any-return]

    @property
    def backorders(self) -> bool:
        """The policy's default for items that do not say whether they may be backordered."""
        return self._native.backorders  # type: ignore[no-any-return]

    @property
    def max_backorder(self) -> Optional[int]:
        return self._native.max_backorder  # type: ignore[no-any-return]

    @property
    def lead_time_days(self) -> Tuple[int, int]:
        """The policy's default supplier lead time, (min, max)."""
        return tuple(self._native.lead_time_days)  # type: ignore[return-value]

    def message(self, key: str, locale: Optional[str] = None) -> Optional[str]:
        """The ICU MessageFormat pattern used for ``key`` in ``locale`` (policy override or built-in)."""
        return self._native.message(locale or self.policy_locale, key)  # type: ignore[no-any-return]

    # ---- labels --------------------------------------------------------------------------------------
    def labeler(self, *, locale: Optional[str] = None, now: Now = None) -> Labeler:
        """A :class:`Labeler` for many labels in one locale at one moment."""
        return Labeler(self, locale, now)

    def label(
        self,
        item: Mapping[str, Any],
        stock: Optional[Mapping[str, Any]] = None,
        *,
        quantity: int = 1,
        locale: Optional[str] = None,
        now: Now = None,
    ) -> Label:
        """The label of one item.

        ``item`` holds the item fields of docs/json.md (``sku`` required; ``lead_time_days`` as
        ``{"min": m, "max": n}`` or ``(m, n)``; ``release_date`` as ``"YYYY-MM-DD"`` or a ``date``), ``stock``
        the stock position (``on_hand``, ``reserved``, ``safety_stock``, ``promised``, ``backordered``; None
        means none in stock). ``now`` is a timezone-aware datetime or an ISO 8601 string (default: the
        current time). A bad input raises :class:`Error` with the path of the value at fault.
        """
        q = _quantity(quantity)
        native = self._native.labeler(locale, _now_ms(now))
        return Label._from_native(native.label(item, stock, q))

    def labels(
        self,
        rows: Sequence[Mapping[str, Any]],
        *,
        quantity: int = 1,
        locale: Optional[str] = None,
        now: Now = None,
    ) -> LabelBatch:
        """Labels for a catalog: one row per item, item and stock fields side by side
        (``{"sku": ..., "on_hand": ..., "lead_time_days": ...}``), with an optional per-row ``quantity``.

        The GIL is released while the rows are labelled. A bad row does not abort the batch: it is listed in
        ``batch.errors`` (row, sku, path such as ``"rows[3].lead_time_days.min"``, message) and
        ``batch[row]`` is None.
        """
        q = _quantity(quantity)
        native = self._native.labeler(locale, _now_ms(now))
        return LabelBatch(native.labels(rows, q))

    # ---- promises ------------------------------------------------------------------------------------
    def promises(
        self,
        scenario: Optional[ScenarioSource] = None,
        *,
        now: Now = None,
        items: Optional[Sequence[Mapping[str, Any]]] = None,
        stock: Optional[Sequence[Mapping[str, Any]]] = None,
        supply: Optional[Sequence[Mapping[str, Any]]] = None,
        suppliers: Optional[Sequence[Mapping[str, Any]]] = None,
        orders: Optional[Sequence[Mapping[str, Any]]] = None,
    ) -> PromiseBook:
        """A :class:`PromiseBook`: every waiting order line's ship window, computed from the facts.

        Give either ``scenario`` (docs/json.md#promises: a dict, a JSON document or a path) or the keyword
        lists ``items``, ``stock``, ``supply``, ``suppliers``, ``orders`` (lists of dicts; dates as
        ``"YYYY-MM-DD"`` or ``datetime.date``, ``placed_at`` as an aware ``datetime`` or an ISO 8601 string).
        ``now`` (an aware datetime or an ISO 8601 string) overrides the scenario's ``"now"``; without either
        the current time is used (a JSON document must hold its ``"now"`` unless ``now`` is given).

        Bad facts raise :class:`ValidationError` listing every problem with its path
        (``"supply[3].expected"``, ``"orders[7].placed_at"``). The GIL is released while core computes.
        """
        return PromiseBook(
            self,
            scenario,
            now=now,
            items=items,
            stock=stock,
            supply=supply,
            suppliers=suppliers,
            orders=orders,
        )

    # ---- checkout ------------------------------------------------------------------------------------
    def checkout(
        self,
        cart: CartSource,
        *,
        now: Now = None,
        customer: Optional[Mapping[str, Any]] = None,
        locale: Optional[str] = None,
        currency: Optional[str] = None,
        scenario: Optional[ScenarioSource] = None,
        items: Optional[Sequence[Mapping[str, Any]]] = None,
        stock: Optional[Sequence[Mapping[str, Any]]] = None,
        supply: Optional[Sequence[Mapping[str, Any]]] = None,
        suppliers: Optional[Sequence[Mapping[str, Any]]] = None,
        orders: Optional[Sequence[Mapping[str, Any]]] = None,
    ) -> CheckoutPlan:
        """A :class:`CheckoutPlan` for ``cart`` from the facts given (``scenario`` or the keyword lists,
        as :meth:`promises` takes them) at ``now``.

        This builds a :class:`PromiseBook` for the one call. A storefront that plans many carts keeps a
        book (``engine.promises(...)``) and calls :meth:`PromiseBook.checkout`, which only plans the cart.
        See :meth:`PromiseBook.checkout` for the cart, the customer and the errors.
        """
        book = PromiseBook(
            self,
            scenario,
            now=now,
            items=items,
            stock=stock,
            supply=supply,
            suppliers=suppliers,
            orders=orders,
        )
        return book.checkout(cart, customer=customer, locale=locale, currency=currency)

    # ---- wire ----------------------------------------------------------------------------------------
    def checkout_json(self, request: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Core's JSON checkout call (docs/json.md#checkout): facts, ``now``, ``cart`` and ``customer`` in,
        the plan's dict out."""
        text = request if isinstance(request, str) else json.dumps(request, ensure_ascii=False)
        return json.loads(self._native.checkout_json(text))  # type: ignore[no-any-return]

    def label_json(self, request: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Core's JSON label call (docs/json.md, as the C ABI and the CLI see it): request in, label dict out."""
        text = request if isinstance(request, str) else json.dumps(request, ensure_ascii=False)
        return json.loads(self._native.label_json(text))  # type: ignore[no-any-return]

    def labels_json(self, request: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Core's JSON catalog call (docs/json.md): ``{"labels": [...], "errors": [...]}``."""
        text = request if isinstance(request, str) else json.dumps(request, ensure_ascii=False)
        return json.loads(self._native.labels_json(text))  # type: ignore[no-any-return]

    # ---- refunds -------------------------------------------------------------------------------------
    def refund_quote(
        self,
        order: Mapping[str, Any],
        cancel: CancelSource = "all",
        *,
        now: Now = None,
    ) -> RefundQuote:
        """What cancelling ``cancel`` of ``order`` refunds (docs/json.md#refunds), exact to the minor unit.

        ``order`` is the order as paid: ``currency``, ``payment`` (``"card"``, ``"paypal"``, ``"cash"``,
        ``"store_credit_by_shop"``), ``jurisdiction`` (``"US"``, ``"EU"``, ``"UK"``; default the policy's),
        ``tax_included``, ``lines`` (``line_id``, ``quantity``, ``unit_price``, ``shipped``, ``cancelled``,
        ``tax``, ``deposit``), ``discounts`` and ``shipping``. ``cancel`` is ``"all"`` (every unit not
        shipped) or a dict of line ids to quantities (``None``: all that is open on the line). ``now`` (an
        aware datetime or an ISO 8601 string; default: the current time) starts the refund deadline.

        Bad input raises :class:`ValidationError` listing every problem with its path
        (``"order.lines[2].shipped"``, ``"cancel[0].quantity"``). Nothing is recorded.
        """
        ms = _now_ms(now)  # checks `now` (path "now") and reads the clock only when it is None
        now_iso = now if isinstance(now, str) else (_EPOCH + ms * _MS).isoformat(timespec="seconds")
        return _refund_quote(self, order, cancel, now_iso)

    def refund_json(self, request: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Core's JSON refund call (docs/json.md#refunds): ``{"now", "order", "cancel"}`` in, the quote's
        dict out."""
        return _refund_json(self, request)
