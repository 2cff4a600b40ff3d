"""Availability labels in plain Python: what a shop would write itself instead of using the engine.

Pure standard library (zoneinfo for the time zone). The same rules as the engine (docs/policy.md, "How the
dates are computed"; core/src/availability.cpp), English (en-US) text only, byte for byte what the engine
says, including ICU's date-range format for en-US ("Dec 10\u2009–\u200914": thin spaces around the en dash).

    from plain.labels import Policy, labels
    policy = Policy.from_json(json.load(open("bench/policy.json")))
    out = labels(policy, rows, now="2026-11-30T15:30:00-05:00")   # one dict per row (docs/json.md)

Each row is a flat dict of item and stock fields (sku, on_hand, reserved, safety_stock, promised,
backordered, lead_time_days {min, max}, release_date, discontinued, backorders, max_backorder,
low_stock_threshold, quantity). A bad row raises ValueError. Policy "messages" overrides are not supported:
the benchmark policy has none, and Policy.from_json refuses them rather than print the wrong text.

This is the comparison baseline for bench/compare_python.py and is checked against the engine by
bench/check_plain.py. It is written the way a careful shop would write it: per-batch work (today, the order
day, the in-stock ship day) is done once; everything else per row, with datetime.date arithmetic.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, Iterable, List, Mapping, Optional
from zoneinfo import ZoneInfo

__all__ = ["Policy", "labels", "label"]

_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}  # date.weekday()
_MONTH_SHORT = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH_LONG = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
_DASH = "\u2009\u2013\u2009"  # ICU 72 / CLDR 42 en: thin space, en dash, thin space
_ONE_DAY = dt.timedelta(days=1)

_SCHEMA = {
    "in_stock": "https://schema.org/InStock",
    "low_stock": "https://schema.org/LimitedAvailability",
    "backorder": "https://schema.org/BackOrder",
    "preorder": "https://schema.org/PreOrder",
    "out_of_stock": "https://schema.org/OutOfStock",
    "discontinued": "https://schema.org/Discontinued",
}
_MERCHANT = {
    "in_stock": "in_stock",
    "low_stock": "in_stock",
    "backorder": "backorder",
    "preorder": "preorder",
    "out_of_stock": "out_of_stock",
    "discontinued": "out_of_stock",
}
_CODE = {"in_stock": 1, "low_stock": 2, "backorder": 3, "preorder": 4, "out_of_stock": 5, "discontinued": 6}


class Policy:
    """The parts of the policy document (docs/policy.md) that labels need."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        if doc.get("messages"):
            raise ValueError("plain labels: message overrides are not supported")
        cal = doc.get("calendar", {})
        av = doc.get("availability", {})
        self.zone = ZoneInfo(cal["time_zone"])
        self.working = {_WEEKDAYS[w] for w in cal.get("working_days", ["mon", "tue", "wed", "thu", "fri"])}
        self.holidays = {dt.date.fromisoformat(h) for h in cal.get("holidays", [])}
        hh, mm = cal.get("cutoff", "24:00").split(":")
        self.cutoff_minutes = int(hh) * 60 + int(mm)
        self.handling_days = int(cal.get("handling_days", 0))
        self.low_stock_threshold = int(av.get("low_stock_threshold", 5))
        self.backorders = bool(av.get("backorders", True))
        self.max_backorder: Optional[int] = av.get("max_backorder")
        lead = av.get("lead_time_days", {"min": 10, "max": 14})
        self.lead_min, self.lead_max = int(lead["min"]), int(lead["max"])
        self.business_days = av.get("day_unit", "calendar") == "business"

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> "Policy":
        return cls(doc)

    # ---- calendar ------------------------------------------------------------------------------------
    def is_working(self, d: dt.date) -> bool:
        return d.weekday() in self.working and d not in self.holidays

    def next_working(self, d: dt.date) -> dt.date:
        while not self.is_working(d):
            d += _ONE_DAY
        return d

    def add_business_days(self, d: dt.date, n: int) -> dt.date:
        while n > 0:
            d += _ONE_DAY
            if self.is_working(d):
                n -= 1
        return d

    def business_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]."""
        n = 0
        while a < b:
            a += _ONE_DAY
            if self.is_working(a):
                n += 1
        return n

    def midnight_iso(self, d: dt.date) -> str:
        off = dt.datetime(d.year, d.month, d.day, tzinfo=self.zone).utcoffset()
        minutes = int(off.total_seconds()) // 60 if off is not None else 0
        sign = "-" if minutes < 0 else "+"
        minutes = abs(minutes)
        return f"{d.isoformat()}T00:00:00{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class _Today:
    """What a batch computes once: today's date, the order day and the in-stock ship day."""

    def __init__(self, policy: Policy, now: str) -> None:
        local = dt.datetime.fromisoformat(now).astimezone(policy.zone)
        self.day = local.date()
        minutes = local.hour * 60 + local.minute
        if policy.is_working(self.day) and minutes < policy.cutoff_minutes:
            self.order_day = self.day
        else:
            self.order_day = policy.next_working(self.day + _ONE_DAY)
        self.stock_ship_day = policy.add_business_days(self.order_day, policy.handling_days)


# ---- English text, as ICU formats it for en-US ----------------------------------------------------------
def _num(n: int) -> str:
    return f"{n:,}"


def _days(n: int, business: bool) -> str:
    unit = "business day" if business else "day"
    return f"{_num(n)} {unit}" if n == 1 else f"{_num(n)} {unit}s"


def _short_date(today: dt.date, d: dt.date) -> str:
    if d.year == today.year:
        return f"{_MONTH_SHORT[d.month]} {d.day}"
    return f"{_MONTH_SHORT[d.month]} {d.day}, {d.year}"


def _long_date(today: dt.date, d: dt.date) -> str:
    if d.year == today.year:
        return f"{_MONTH_LONG[d.month]} {d.day}"
    return f"{_MONTH_LONG[d.month]} {d.day}, {d.year}"


def _range(today: dt.date, a: dt.date, b: dt.date) -> str:
    """ICU DateIntervalFormat, skeleton MMMd (this year) or yMMMd, en-US."""
    if a == b:
        return _short_date(today, a)
    if a.year == today.year and b.year == today.year:
        if a.month == b.month:
            return f"{_MONTH_SHORT[a.month]} {a.day}{_DASH}{b.day}"
        return f"{_MONTH_SHORT[a.month]} {a.day}{_DASH}{_MONTH_SHORT[b.month]} {b.day}"
    if a.year != b.year:
        return f"{_MONTH_SHORT[a.month]} {a.day}, {a.year}{_DASH}{_MONTH_SHORT[b.month]} {b.day}, {b.year}"
    if a.month == b.month:
        return f"{_MONTH_SHORT[a.month]} {a.day}{_DASH}{b.day}, {a.year}"
    return f"{_MONTH_SHORT[a.month]} {a.day}{_DASH}{_MONTH_SHORT[b.month]} {b.day}, {a.year}"


# ---- the rules ------------------------------------------------------------------------------------------
def _int(row: Mapping[str, Any], key: str, default: int = 0) -> int:
    v = row.get(key)
    if v is None:
        return default
    if isinstance(v, bool) or not isinstance(v, int):
        raise ValueError(f"{key}: expected an integer")
    return v


def _days_from_today(policy: Policy, today: _Today, d: dt.date) -> int:
    if policy.business_days:
        return policy.business_days_between(today.day, d)
    return (d - today.day).days


def _window(policy: Policy, today: _Today, a: dt.date, b: dt.date) -> Dict[str, Any]:
    return {
        "from": a.isoformat(),
        "to": b.isoformat(),
        "min_days": _days_from_today(policy, today, a),
        "max_days": _days_from_today(policy, today, b),
    }


def label(policy: Policy, today: _Today, row: Mapping[str, Any]) -> Dict[str, Any]:
    sku = row.get("sku")
    if not isinstance(sku, str) or not sku:
        raise ValueError("sku: required")
    quantity = _int(row, "quantity", 1)
    if quantity < 1:
        raise ValueError("quantity: must be at least 1")
    on_hand = _int(row, "on_hand")
    reserved = _int(row, "reserved")
    safety = _int(row, "safety_stock")
    promised = _int(row, "promised")
    backordered = _int(row, "backordered")
    if min(reserved, safety, promised, backordered) < 0:
        raise ValueError("stock: quantities must not be negative")
    lead = row.get("lead_time_days")
    lo, hi = (lead["min"], lead["max"]) if lead is not None else (policy.lead_min, policy.lead_max)
    if lo < 0 or hi > 3650 or lo > hi:
        raise ValueError("lead_time_days: must be 0 <= min <= max <= 3650")
    cap = row.get("max_backorder")
    if cap is None:
        cap = policy.max_backorder
    threshold = _int(row, "low_stock_threshold", policy.low_stock_threshold)
    discontinued = row.get("discontinued") is True
    backorders_allowed = row.get("backorders")
    if backorders_allowed is None:
        backorders_allowed = policy.backorders

    sellable = max(0, on_hand - reserved - safety - promised)
    capacity = None if cap is None else max(0, cap - backordered)  # None: no cap
    ship_now = later = 0
    now_window = later_window = None
    text = short = ""
    availability_date = None
    status = "out_of_stock"
    notify_me = False

    release = row.get("release_date")
    release_day = dt.date.fromisoformat(release) if release is not None else None
    # A discontinued item is never offered as a pre-order. (The engine, as of this writing, pre-orders a
    # discontinued item with a future release date; that is reported as an engine bug in docs/bench.md, and
    # the generated catalog has no such row.)
    if release_day is not None and release_day > today.day and not discontinued:
        # Pre-order: ships on its release day (or the next working day), never before.
        later = quantity if capacity is None else min(quantity, capacity)
        unavailable = quantity - later
        if later == 0:
            status, notify_me = "out_of_stock", True
            text = short = "Out of stock"
        else:
            status = "preorder"
            notify_me = unavailable > 0
            ship = policy.next_working(max(release_day, today.order_day))
            later_window = _window(policy, today, ship, ship)
            date = _long_date(today.day, ship)
            text = f"Pre-order – ships on {date}"
            short = f"Ships {date}"
            availability_date = policy.midnight_iso(ship)
    else:
        ship_now = min(quantity, sellable)
        rest = quantity - ship_now
        if not discontinued and backorders_allowed:
            later = rest if capacity is None else min(rest, capacity)
        unavailable = rest - later
        notify_me = not discontinued and ship_now < quantity
        if ship_now > 0:
            now_window = _window(policy, today, today.stock_ship_day, today.stock_ship_day)
        if later > 0:
            status = "backorder"
            if policy.business_days:
                a = policy.add_business_days(today.order_day, lo)
                b = policy.add_business_days(today.order_day, hi)
            else:  # calendar days, but the warehouse only ships on working days
                a = policy.next_working(today.order_day + dt.timedelta(days=lo))
                b = policy.next_working(today.order_day + dt.timedelta(days=hi))
            later_window = _window(policy, today, a, b)
            mn, mx = later_window["min_days"], later_window["max_days"]
            dates = _range(today.day, a, b)
            if ship_now > 0:
                text = f"{_num(ship_now)} ship now, {_num(later)} on backorder (ships {dates})"
            elif mn == mx:
                text = f"Backorder – ships in {_days(mx, policy.business_days)}"
            else:
                text = f"Backorder – ships in {_num(mn)}–{_days(mx, policy.business_days)}"
            short = f"Ships {dates}"
            availability_date = policy.midnight_iso(a)
        elif ship_now == 0:
            status = "discontinued" if discontinued else "out_of_stock"
            text = short = "Discontinued" if discontinued else "Out of stock"
        elif 0 < threshold and sellable <= threshold:
            status = "low_stock"
            text = f"Only {_num(sellable)} left"
            short = f"{_num(sellable)} left"
        else:
            status = "in_stock"
            text = short = "In stock"

    merchant: Dict[str, Any] = {"availability": _MERCHANT[status]}
    if availability_date is not None:
        merchant["availability_date"] = availability_date
    return {
        "sku": sku,
        "status": status,
        "status_code": _CODE[status],
        "text": text,
        "short_text": short,
        "quantity": quantity,
        "sellable": sellable,
        "ship_now": ship_now,
        "later": later,
        "unavailable": unavailable,
        "notify_me": notify_me,
        "now_window": now_window,
        "later_window": later_window,
        "schema_org": _SCHEMA[status],
        "merchant": merchant,
    }


def labels(policy: Policy, rows: Iterable[Mapping[str, Any]], now: str) -> List[Dict[str, Any]]:
    """One label dict (docs/json.md) per row, at `now` (ISO 8601 with an offset)."""
    today = _Today(policy, now)
    return [label(policy, today, row) for row in rows]
