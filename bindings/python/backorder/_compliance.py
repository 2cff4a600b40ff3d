"""Compliance: the rule packs run over a listing or an order, giving findings (docs/compliance.md)."""

from __future__ import annotations

import datetime as _dt
import enum
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _native
from ._errors import Error, ErrorCode

if TYPE_CHECKING:  # pragma: no cover
    from ._engine import Engine, Now

__all__ = ["Severity", "Citation", "Finding", "PackSource"]

#: A rule pack: a dict, a JSON document (a str starting with "{"), or the path of a JSON file.
PackSource = Union[Mapping[str, Any], str]


class Severity(str, enum.Enum):
    """How serious a finding is. A ``str``: ``Severity.violation == "violation"``.

    ``due`` is an obligation whose date is still ahead; the others are what a rule says when broken."""

    violation = "violation"
    warning = "warning"
    due = "due"
    info = "info"


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from. ``tag``: "V" checked against the official text, "S" a secondary source,
    "U" unverified (shared/reference/rules.md)."""

    source: str
    tag: str
    note: str = ""
    url: str = ""

    def to_dict(self) -> Dict[str, str]:
        return {"source": self.source, "tag": self.tag, "note": self.note, "url": self.url}


@dataclass(frozen=True)
class Finding:
    """One finding: which rule of which pack, how serious, what to do (``action``, a machine-readable verb
    such as ``"send_delay_notice"`` or ``"cancel_and_refund"``) and by when (``due``, a local date of the
    shop, or None), with the citation and the request field it is about (``path``, "" when none)."""

    rule_id: str
    pack: str
    severity: Severity
    message: str
    due: Optional[_dt.date]
    action: str
    citation: Citation
    path: str

    @property
    def is_violation(self) -> bool:
        return self.severity is Severity.violation

    @classmethod
    def _from_dict(cls, d: Mapping[str, Any]) -> "Finding":
        due = d.get("due")
        return cls(
            rule_id=d["rule_id"],
            pack=d["pack"],
            severity=Severity(d["severity"]),
            message=d["message"],
            due=_dt.date.fromisoformat(due) if due else None,
            action=d["action"],
            citation=Citation(**d["citation"]),
            path=d.get("path", ""),
        )

    def to_dict(self) -> Dict[str, Any]:
        """The finding in the JSON shape of docs/json.md#compliance."""
        return {
            "rule_id": self.rule_id,
            "pack": self.pack,
            "severity": self.severity.value,
            "message": self.message,
            "due": self.due.isoformat() if self.due else None,
            "action": self.action,
            "citation": self.citation.to_dict(),
            "path": self.path,
        }


def _jsonable(v: Any, path: str = "") -> Any:
    """Python values as the library reads them: aware datetimes as ISO 8601 instants, dates as
    YYYY-MM-DD, objects with to_dict() (a Label, a ConsentRecord) as their dicts; None means "not given"."""
    if isinstance(v, _dt.datetime):
        if v.tzinfo is None or v.utcoffset() is None:
            raise Error("must be timezone-aware (a naive datetime has no offset)", code=ErrorCode.invalid, path=path)
        return v.isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, enum.Enum):
        return v.value
    if hasattr(v, "to_dict") and callable(v.to_dict):
        return _jsonable(v.to_dict(), path)
    if isinstance(v, Mapping):
        return {str(k): _jsonable(x, f"{path}.{k}" if path else str(k)) for k, x in v.items() if x is not None}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x, f"{path}[{i}]") for i, x in enumerate(v)]
    return v


def _pack(p: PackSource) -> Any:
    if isinstance(p, Mapping):
        return _jsonable(p)
    if isinstance(p, str) and p.lstrip().startswith("{"):
        return json.loads(p)
    with open(p, "rb") as f:
        return json.loads(f.read().decode("utf-8"))


def _now_iso(now: "Now") -> str:
    """The request's "now". Only this edge reads the clock; core never does."""
    from ._engine import _EPOCH, _MS, _now_ms

    if isinstance(now, str):
        return now  # core reads it, and says what is wrong with it
    return (_EPOCH + _now_ms(now) * _MS).isoformat()


def _request(request: Dict[str, Any], now: "Now", packs: Optional[Iterable[PackSource]]) -> str:
    if now is not None or "now" not in request:
        request["now"] = _now_iso(now)
    if packs is not None:
        request["packs"] = [_pack(p) for p in packs]
    return json.dumps(request, ensure_ascii=False)


def _findings(text: str) -> List[Finding]:
    return [Finding._from_dict(f) for f in json.loads(text)["findings"]]


def check_listing(
    engine: "Engine",
    item: Mapping[str, Any],
    stock: Optional[Mapping[str, Any]],
    now: "Now",
    packs: Optional[Iterable[PackSource]],
    fields: Mapping[str, Any],
) -> List[Finding]:
    # A whole request (it has an "item") or the item with the other parts as keywords.
    request = _jsonable(item) if "item" in item else {"item": _jsonable(item, "item")}
    if stock is not None:
        request["stock"] = _jsonable(stock, "stock")
    request.update({k: _jsonable(v, k) for k, v in fields.items() if v is not None})
    return _findings(_native.check_listing_json(engine._native, _request(request, now, packs)))


def check_order(
    engine: "Engine", order: Mapping[str, Any], now: "Now", packs: Optional[Iterable[PackSource]]
) -> List[Finding]:
    # A whole request (it has an "order") or the order alone.
    request = _jsonable(order) if "order" in order else {"order": _jsonable(order, "order")}
    return _findings(_native.check_order_json(engine._native, _request(request, now, packs)))


def rule_packs(engine: "Engine") -> List[Dict[str, Any]]:
    return json.loads(_native.rule_packs_json(engine._native))["packs"]  # type: ignore[no-any-return]

