"""Label results: the status, the shopper's text, windows and feed values for one item."""

from __future__ import annotations

import datetime as _dt
import enum
from dataclasses import dataclass, fields
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

__all__ = ["Status", "Window", "Label", "RowError", "LabelBatch"]

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()


class Status(str, enum.Enum):
    """Availability status. A ``str``: ``Status.backorder == "backorder"``."""

    in_stock = "in_stock"
    low_stock = "low_stock"
    backorder = "backorder"
    preorder = "preorder"
    out_of_stock = "out_of_stock"
    discontinued = "discontinued"

    @property
    def code(self) -> int:
        """The numeric code (1-6), as ``BO_AVAILABILITY_*`` in the C ABI."""
        return _STATUS_CODES[self]

    @classmethod
    def from_code(cls, code: int) -> "Status":
        return _STATUS_BY_CODE[code]  # type: ignore[return-value]

    def __str__(self) -> str:
        return self.value


_STATUS_BY_CODE: Tuple[Optional[Status], ...] = (
    None,
    Status.in_stock,
    Status.low_stock,
    Status.backorder,
    Status.preorder,
    Status.out_of_stock,
    Status.discontinued,
)
_STATUS_CODES = {s: i for i, s in enumerate(_STATUS_BY_CODE) if s is not None}


def _date(day: int) -> _dt.date:
    return _dt.date.fromordinal(day + _EPOCH_ORDINAL)


_new = object.__new__


def _set_dict(obj: object, d: Dict[str, Any]) -> None:
    object.__setattr__(obj, "__dict__", d)


@dataclass(frozen=True)
class Window:
    """A ship window: civil dates in the store's time zone, and days from today in the policy's day unit."""

    from_date: _dt.date
    to_date: _dt.date
    min_days: int
    max_days: int

    @classmethod
    def _from_native(cls, t: Optional[Tuple[int, int, int, int]]) -> Optional["Window"]:
        if t is None:
            return None
        obj = _new(cls)
        _set_dict(obj, {"from_date": _date(t[0]), "to_date": _date(t[1]), "min_days": t[2], "max_days": t[3]})
        return obj  # type: ignore[no-any-return]

    def to_dict(self) -> Dict[str, Any]:
        """``{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "min_days": int, "max_days": int}``."""
        return {
            "from": self.from_date.isoformat(),
            "to": self.to_date.isoformat(),
            "min_days": self.min_days,
            "max_days": self.max_days,
        }


@dataclass(frozen=True)
class Label:
    """One item's availability label.

    ``ship_now + later + unavailable == quantity``. ``now_window`` is None when nothing ships now,
    ``later_window`` when nothing waits. ``schema_org`` and ``merchant_availability`` always say what
    ``text`` says; ``availability_date`` (ISO 8601 with offset) is set for backorder and pre-order only.
    """

    sku: str
    status: Status
    text: str
    short_text: str
    quantity: int
    sellable: int
    ship_now: int
    later: int
    unavailable: int
    notify_me: bool
    now_window: Optional[Window]
    later_window: Optional[Window]
    schema_org: str
    merchant_availability: str
    availability_date: Optional[str]

    @property
    def status_code(self) -> int:
        return self.status.code

    @classmethod
    def _from_native(cls, t: Tuple[Any, ...]) -> "Label":
        # Bypasses the frozen dataclass __init__ (one object.__setattr__ per field): batches build many.
        d = dict(zip(_LABEL_FIELDS, t))
        d["status"] = _STATUS_BY_CODE[t[1]]
        if t[10] is not None:
            d["now_window"] = Window._from_native(t[10])
        if t[11] is not None:
            d["later_window"] = Window._from_native(t[11])
        obj = _new(cls)
        _set_dict(obj, d)
        return obj  # type: ignore[no-any-return]

    def to_dict(self) -> Dict[str, Any]:
        """The label in the JSON shape of docs/json.md (what the C ABI and the CLI return)."""
        merchant: Dict[str, Any] = {"availability": self.merchant_availability}
        if self.availability_date is not None:
            merchant["availability_date"] = self.availability_date
        return {
            "sku": self.sku,
            "status": self.status.value,
            "status_code": self.status.code,
            "text": self.text,
            "short_text": self.short_text,
            "quantity": self.quantity,
            "sellable": self.sellable,
            "ship_now": self.ship_now,
            "later": self.later,
            "unavailable": self.unavailable,
            "notify_me": self.notify_me,
            "now_window": self.now_window.to_dict() if self.now_window else None,
            "later_window": self.later_window.to_dict() if self.later_window else None,
            "schema_org": self.schema_org,
            "merchant": merchant,
        }


# The native label tuple's order (bindings/python/src/native.cpp, label_tuple).
_LABEL_FIELDS = (
    "sku",
    "status",
    "text",
    "short_text",
    "quantity",
    "sellable",
    "ship_now",
    "later",
    "unavailable",
    "notify_me",
    "now_window",
    "later_window",
    "schema_org",
    "merchant_availability",
    "availability_date",
)
assert _LABEL_FIELDS == tuple(f.name for f in fields(Label))


@dataclass(frozen=True)
class RowError:
    """A catalog row that got no label: its index in ``rows``, its sku when it had one, where and why."""

    row: int
    sku: Optional[str]
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class LabelBatch(Sequence[Optional[Label]]):
    """The labels of one ``Engine.labels()`` call, one per row, in row order.

    Results stay native until they are read: ``batch[i]`` builds a :class:`Label` (or returns None for a row
    listed in :attr:`errors`); the columnar helpers (:meth:`texts`, :meth:`statuses`, ...) return one list
    per field for the whole batch at once, which is the fast way to read a large batch.
    """

    __slots__ = ("_native", "_errors")

    def __init__(self, native: Any) -> None:
        self._native = native
        self._errors: Optional[List[RowError]] = None

    def __len__(self) -> int:
        return len(self._native)

    @overload
    def __getitem__(self, index: int) -> Optional[Label]: ...

    @overload
    def __getitem__(self, index: slice) -> List[Optional[Label]]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Optional[Label], List[Optional[Label]]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        row = self._native.row(index)
        return None if row is None else Label._from_native(row)

    def __iter__(self) -> Iterator[Optional[Label]]:
        row = self._native.row
        for i in range(len(self._native)):
            t = row(i)
            yield None if t is None else Label._from_native(t)

    def __repr__(self) -> str:
        return f"<LabelBatch {len(self)} rows, {self._native.error_count} errors>"

    @property
    def errors(self) -> List[RowError]:
        """Rows that got no label, in row order."""
        if self._errors is None:
            self._errors = [RowError(*e) for e in self._native.errors()]
        return self._errors

    def ok(self, index: int) -> bool:
        """Whether row ``index`` has a label."""
        return bool(self._native.is_ok(index))

    def labels(self) -> List[Optional[Label]]:
        """Every row's :class:`Label` (None for error rows)."""
        return list(self)

    def to_dicts(self) -> List[Optional[Dict[str, Any]]]:
        """Every row's label as its JSON dict (None for error rows)."""
        return [None if l is None else l.to_dict() for l in self]

    # Columnar helpers: one list per field, None for error rows.
    def skus(self) -> List[Optional[str]]:
        return self._native.skus()  # type: ignore[no-any-return]

    def statuses(self) -> List[Optional[Status]]:
        return self._native.statuses(_STATUS_BY_CODE)  # type: ignore[no-any-return]

    def status_codes(self) -> List[Optional[int]]:
        return self._native.status_codes()  # type: ignore[no-any-return]

    def texts(self) -> List[Optional[str]]:
        return self._native.texts()  # type: ignore[no-any-return]

    def short_texts(self) -> List[Optional[str]]:
        return self._native.short_texts()  # type: ignore[no-any-return]

    def quantities(self) -> List[Optional[int]]:
        return self._native.quantities()  # type: ignore[no-any-return]

    def sellable(self) -> List[Optional[int]]:
        return self._native.sellable()  # type: ignore[no-any-return]

    def ship_now(self) -> List[Optional[int]]:
        return self._native.ship_now()  # type: ignore[no-any-return]

    def later(self) -> List[Optional[int]]:
        return self._native.later()  # type: ignore[no-any-return]

    def unavailable(self) -> List[Optional[int]]:
        return self._native.unavailable()  # type: ignore[no-any-return]

    def notify_me(self) -> List[Optional[bool]]:
        return self._native.notify_me()  # type: ignore[no-any-return]

    def schema_org(self) -> List[Optional[str]]:
        return self._native.schema_org()  # type: ignore[no-any-return]

    def merchant_availability(self) -> List[Optional[str]]:
        return self._native.merchant_availability()  # type: ignore[no-any-return]

    def availability_dates(self) -> List[Optional[str]]:
        return self._native.availability_dates()  # type: ignore[no-any-return]

    def timing_ns(self) -> Tuple[int, int, int, int]:
        """Diagnostics: ``time.monotonic_ns()`` instants at which the call started, released the GIL
        (rows converted), re-acquired it (rows labelled) and returned."""
        return self._native.timing_ns()  # type: ignore[no-any-return]
