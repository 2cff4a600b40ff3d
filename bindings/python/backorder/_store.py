"""The ledger: events in, customer messages out through the outbox (docs/store.md)."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Union,
)

from . import _from_json, _native
from ._checkout import CartSource, CheckoutPlan, _cart, _now_iso
from ._errors import Error, ErrorCode
from ._labels import Label

from ._engine import Engine

if TYPE_CHECKING:  # pragma: no cover
    from types import TracebackType

    from ._engine import Now

__all__ = ["Store", "ApplyResult", "Message", "EventSource"]

#: One event (a dict), several (a list of dicts, applied as one transaction) or their JSON text.
EventSource = Union[Mapping[str, Any], Sequence[Mapping[str, Any]], str, bytes]


@dataclass(frozen=True)
class ApplyResult:
    """What one event did: ``status`` is ``"applied"`` or ``"duplicate"`` (its id was applied before),
    ``moved`` counts the order lines whose ship window changed, ``messages`` the messages written; ``token``
    is the manage/unsubscribe token of a ``subscribed`` event (None otherwise); ``refund`` is the refund quote
    of a ``line_cancelled`` event on an order placed with what was paid (a dict as
    ``Engine.refund_quote(...).to_dict()`` gives, None otherwise)."""

    id: str
    type: str
    status: str
    moved: int
    messages: int
    token: Optional[str] = None
    refund: Optional[Dict[str, Any]] = None

    @property
    def applied(self) -> bool:
        return self.status == "applied"

    def to_dict(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "moved": self.moved,
            "messages": self.messages,
        }
        if self.token is not None:
            d["token"] = self.token
        if self.refund is not None:
            d["refund"] = self.refund
        return d


@dataclass(frozen=True)
class Message:
    """A customer message in the outbox, rendered in the shopper's locale when it was written.

    ``key`` is its idempotency key (a sender that has sent a key drops repeats); ``kind`` is
    ``"confirmation"``, ``"eta_update"``, ``"delay"``, ``"arrived"``, ``"shipped"``, ``"back_in_stock"``,
    ``"delay_notice"`` or ``"cancelled"`` (docs/store.md#messages);
    ``order_id`` is None for ``back_in_stock``. Times are aware datetimes in the shop's UTC offset.
    ``state`` is ``"pending"``, ``"leased"`` or ``"sent"``; ``attempts`` counts the claims.
    """

    id: int
    key: str
    kind: str
    order_id: Optional[str]
    recipient: str
    locale: str
    subject: str
    text: str
    html: str
    created_at: _dt.datetime
    available_at: _dt.datetime
    attempts: int
    state: str

    @classmethod
    def _from_dict(cls, d: Mapping[str, Any]) -> "Message":
        return cls(
            id=d["id"],
            key=d["key"],
            kind=d["kind"],
            order_id=d["order_id"] or None,
            recipient=d["recipient"],
            locale=d["locale"],
            subject=d["subject"],
            text=d["text"],
            html=d["html"],
            created_at=_dt.datetime.fromisoformat(d["created_at"]),
            available_at=_dt.datetime.fromisoformat(d["available_at"]),
            attempts=d["attempts"],
            state=d["state"],
        )

    def to_dict(self) -> Dict[str, Any]:
        """The message in the JSON shape of docs/store.md (``order_id`` ``""`` when there is none)."""
        return {
            "id": self.id,
            "key": self.key,
            "kind": self.kind,
            "order_id": self.order_id or "",
            "recipient": self.recipient,
            "locale": self.locale,
            "subject": self.subject,
            "text": self.text,
            "html": self.html,
            "created_at": self.created_at.isoformat(),
            "available_at": self.available_at.isoformat(),
            "attempts": self.attempts,
            "state": self.state,
        }


class Store:
    """One shop's ledger (the engine's ``policy.shop``): events applied in transactions, promises kept
    current, and the messages they call for written to an outbox the host drains and sends.

    ``url`` is ``"sqlite:PATH"``, ``"sqlite::memory:"`` or ``"postgresql://..."``. ``secret`` (16 bytes or
    more, from configuration) signs the links in messages; without it notify-me subscriptions are refused.
    ``busy_timeout_ms`` is how long a SQLite writer waits for another process's lock.

    A context manager: leaving the ``with`` block (or :meth:`close`) releases the connection, and any call
    after that raises :class:`Error`. A store serves one thread at a time (calls from several threads are
    serialised); open one per thread or worker, they may all share the database. Database work runs with
    the GIL released.
    """

    __slots__ = ("_native", "_engine", "__weakref__")

    def __init__(
        self,
        engine: Engine,
        url: str,
        *,
        secret: Optional[str] = None,
        busy_timeout_ms: int = 10000,
    ) -> None:
        if not isinstance(engine, Engine):
            raise TypeError(f"engine must be a backorder.Engine, not {type(engine).__name__}")
        if not isinstance(url, str):
            raise Error(f"expected a string, not {type(url).__name__}", code=ErrorCode.invalid, path="url")
        if secret is not None and not isinstance(secret, str):
            raise Error(
                f"expected a string, not {type(secret).__name__}", code=ErrorCode.invalid, path="options.secret"
            )
        if isinstance(busy_timeout_ms, bool) or not isinstance(busy_timeout_ms, int):
            raise Error(
                f"expected an integer, not {type(busy_timeout_ms).__name__}",
                code=ErrorCode.invalid,
                path="options.busy_timeout_ms",
            )
        if not 0 <= busy_timeout_ms <= 600_000:
            raise Error("must be between 0 and 600000", code=ErrorCode.invalid, path="options.busy_timeout_ms")
        self._engine = engine
        self._native = _native.Store(engine._native, url, secret or "", busy_timeout_ms)

    def __repr__(self) -> str:
        state = "closed" if self.closed else self.backend
        return f"<backorder.Store {self.shop!r} {state}>"

    def __enter__(self) -> "Store":
        return self

    def __exit__(
        self,
        exc_type: Optional[type],
        exc: Optional[BaseException],
        tb: Optional["TracebackType"],
    ) -> None:
        self.close()

    def close(self) -> None:
        """Releases the connection now (waiting for a call still running in another thread). Idempotent."""
        self._native.close()

    @property
    def closed(self) -> bool:
        return self._native.closed  # type: ignore[no-any-return]

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def shop(self) -> str:
        """The shop whose rows this handle reads and writes (the policy's ``shop``)."""
        return self._native.shop  # type: ignore[no-any-return]

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._native.backend  # type: ignore[no-any-return]

    # ---- events --------------------------------------------------------------------------------------
    def apply(self, events: EventSource) -> List[ApplyResult]:
        """Applies one event (a dict), several (a list, all in one transaction) or their JSON text, and
        returns one :class:`ApplyResult` per event, in order (docs/store.md#events).

        An event id applied before is skipped (``"duplicate"``). A bad event raises :class:`Error` (or
        :class:`ValidationError`) with the path of the value at fault (``"order.lines[0].sku"``;
        ``"[3].order.lines[0].sku"`` in a list) and nothing of the call is applied.
        """
        answer = json.loads(self._native.apply_json(_events_json(events)))
        return [
            ApplyResult(r["id"], r["type"], r["status"], r["moved"], r["messages"], r.get("token"), r.get("refund"))
            for r in answer["results"]
        ]

    def tick(self, *, now: "Now" = None, id: Optional[str] = None) -> ApplyResult:
        """Time passing (docs/store.md#compliance-scheduling): a ``tick`` event at ``now`` (default: the
        current time). Every waiting line's promise is recomputed, the delay notices the compliance rules
        require are written, and orders that count as cancelled by the rules are cancelled with their exact
        refund. The event id defaults to ``"tick:" + now``, so ticking twice at the same moment is a no-op.
        """
        at = _now_iso(now)
        return self.apply({"id": id or "tick:" + at, "type": "tick", "at": at})[0]

    # ---- outbox --------------------------------------------------------------------------------------
    def claim(self, max: int = 10, lease_seconds: int = 60, now: "Now" = None) -> List[Message]:
        """Hands out up to ``max`` messages due at ``now`` (default: the current time), oldest first and at
        most one per order at a time, each leased for ``lease_seconds``. :meth:`ack` them once sent, or
        :meth:`release` them; a lease that runs out makes a message claimable again (at least once: drop
        repeats by :attr:`Message.key`)."""
        request = {"max": max, "lease_seconds": lease_seconds, "now": _now_iso(now)}
        return _messages(self._native.claim_json(_dumps(request)))

    def ack(self, messages: Union["Message", int, Iterable[Union["Message", int]]]) -> None:
        """Marks messages (or their ids) sent: never handed out again. Unknown ids are ignored."""
        self._native.ack(_ids(messages))

    def release(self, messages: Union["Message", int, Iterable[Union["Message", int]]]) -> None:
        """Makes claimed messages (or their ids) claimable again at once. Unknown ids are ignored."""
        self._native.release(_ids(messages))

    def outbox(self, state: Optional[str] = None, limit: int = 100, now: "Now" = None) -> List[Message]:
        """The outbox without leasing, oldest first: every message, or those whose ``state`` is
        ``"pending"``, ``"leased"`` or ``"sent"`` at ``now`` (default: the current time)."""
        request = {"state": state or "", "limit": limit, "now": _now_iso(now)}
        return _messages(self._native.outbox_json(_dumps(request)))

    # ---- reads ---------------------------------------------------------------------------------------
    def order(self, order_id: str) -> Dict[str, Any]:
        """An order as the ledger knows it (docs/store.md#reads): its lines with ``quantity``, ``shipped``,
        ``cancelled``, ``waiting`` and the ``promised``, ``ship`` and ``told`` windows; the customer, the
        consent record, shipments and remedies. An unknown id raises :class:`Error` (``not_found``)."""
        if not isinstance(order_id, str):
            raise Error(
                f"expected a string, not {type(order_id).__name__}", code=ErrorCode.invalid, path="order_id"
            )
        return json.loads(self._native.order_json(order_id))  # type: ignore[no-any-return]

    def labels(
        self,
        skus: Union[str, Sequence[str]],
        *,
        now: "Now" = None,
        locale: Optional[str] = None,
        quantity: int = 1,
    ) -> List[Label]:
        """The labels of ``skus`` (one sku or a list) over the ledger's facts at ``now``: a backorder's
        window is where a new shopper would stand behind the waiting orders. An unknown sku raises
        :class:`Error` with its path (``"skus[1]"``)."""
        request: Dict[str, Any] = {
            "now": _now_iso(now),
            "skus": [skus] if isinstance(skus, str) else list(skus),
            "quantity": quantity,
        }
        if locale is not None:
            request["locale"] = locale
        answer = json.loads(self._native.labels_json(_dumps(request)))
        return [_from_json.label(l) for l in answer["labels"]]

    def checkout(
        self,
        cart: CartSource,
        customer: Optional[Mapping[str, Any]] = None,
        *,
        now: "Now" = None,
        locale: Optional[str] = None,
        currency: Optional[str] = None,
    ) -> CheckoutPlan:
        """A :class:`CheckoutPlan` for ``cart`` over the ledger's facts at ``now``, as
        :meth:`PromiseBook.checkout` makes it (the cart, the customer and the errors are the same). Its
        :meth:`~CheckoutPlan.consent` record goes into the ``order_placed`` event."""
        request: Dict[str, Any] = {"now": _now_iso(now), "cart": _cart(cart, currency, self._engine.currency)}
        if customer is not None:
            request["customer"] = customer
        if locale is not None:
            request["locale"] = locale
        return _from_json.plan(json.loads(self._native.checkout_json(_dumps(request))))


    # ---- the support desk and the report ----------------------------------------------------------------
    def brief(self, order_id: str, *, now: "Now" = None, locale: Optional[str] = None) -> Dict[str, Any]:
        """What a support agent can say and offer for an order at ``now``, in ``locale`` (default: the
        policy's), as text (``brief["text"]``) and as data (docs/store.md#support-desk-and-report):
        ``status``, ``acknowledgement``, ``lines`` (each waiting line's date and its source against the
        promise), ``options``, ``remedies`` (``may_offer`` within the budgets, ``granted``, ``outreach``),
        ``policy`` and ``next_steps``. Reads only. An unknown order raises :class:`Error` (``not_found``)."""
        if not isinstance(order_id, str):
            raise Error(
                f"expected a string, not {type(order_id).__name__}", code=ErrorCode.invalid, path="order_id"
            )
        request: Dict[str, Any] = {"order_id": order_id, "now": _now_iso(now)}
        if locale is not None:
            request["locale"] = locale
        return json.loads(self._native.brief_json(_dumps(request)))  # type: ignore[no-any-return]

    def report(self, *, now: "Now" = None) -> Dict[str, Any]:
        """The merchant report at ``now``: ``totals`` and, per item with waiting orders, the units and orders
        waiting, the oldest wait, the promises at risk, the next inbound supply and the deadlines coming due
        (docs/store.md#support-desk-and-report). Reads only."""
        return json.loads(self._native.report_json(_dumps({"now": _now_iso(now)})))  # type: ignore[no-any-return]


def _dumps(v: Any) -> str:
    try:
        return json.dumps(v, ensure_ascii=False, default=_json_default)
    except (TypeError, ValueError) as e:
        raise Error(f"cannot be encoded as JSON: {e}", code=ErrorCode.invalid, path="") from e


def _json_default(v: Any) -> Any:
    # Dates and aware datetimes as core reads them; anything else is refused by json.dumps.
    if isinstance(v, _dt.datetime):
        if v.tzinfo is None or v.utcoffset() is None:
            raise TypeError("a naive datetime has no offset (use an aware one)")
        return v.isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, Mapping):
        return dict(v)
    raise TypeError(f"{type(v).__name__} is not JSON serializable")


def _events_json(events: EventSource) -> str:
    if isinstance(events, (bytes, bytearray)):
        return bytes(events).decode("utf-8")
    if isinstance(events, str):
        return events
    if isinstance(events, Mapping):
        return _dumps(dict(events))
    if isinstance(events, Sequence):
        return _dumps(list(events))
    raise TypeError(f"events must be a dict, a list of dicts or JSON text, not {type(events).__name__}")


def _messages(text: str) -> List[Message]:
    return [Message._from_dict(m) for m in json.loads(text)["messages"]]


def _ids(messages: Union[Message, int, Iterable[Union[Message, int]]]) -> List[int]:
    if isinstance(messages, (Message, int)):
        messages = [messages]
    ids = []
    for i, m in enumerate(messages):
        if isinstance(m, Message):
            ids.append(m.id)
        elif isinstance(m, int) and not isinstance(m, bool):
            ids.append(m)
        else:
            raise Error(
                f"expected a Message or a message id, not {type(m).__name__}",
                code=ErrorCode.invalid,
                path=f"ids[{i}]",
            )
    return ids
