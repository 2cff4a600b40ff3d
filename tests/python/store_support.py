"""Events and the demo story for the ledger's tests (test_store*.py)."""

from __future__ import annotations

import itertools
import json
import os
import uuid
from typing import Any, Dict, List

import backorder

from bo_support import APPAREL

SECRET = "a-test-secret-of-32-bytes-length"
ORDER_AT = "2026-11-30T09:06:00-05:00"
LATER = "2027-06-01T00:00:00+00:00"  # when every message written by the tests is due

_counter = itertools.count()


def unique_shop() -> str:
    """A shop no other test (in this run or another sharing the database) uses."""
    return f"py-{os.getpid()}-{next(_counter)}-{uuid.uuid4().hex[:8]}"


def shop_engine(policy: Dict[str, Any], shop: str) -> backorder.Engine:
    """The apparel policy as another shop's."""
    p = json.loads(json.dumps(policy))
    p["shop"] = shop
    return backorder.Engine(p)


def catalog_event(event_id: str = "catalog-1") -> Dict[str, Any]:
    event: Dict[str, Any] = {"id": event_id, "type": "catalog", "at": "2026-11-30T08:00:00-05:00"}
    for part in ("catalog", "stock"):
        event.update(json.loads((APPAREL / f"{part}.json").read_text(encoding="utf-8")))
    return event


def order_event(event_id: str, order_id: str, at: str = ORDER_AT, lines: Any = None, **extra: Any) -> Dict:
    if lines is None:
        lines = [{"line_id": "1", "sku": "JKT-NAVY-M", "quantity": 1}]
    order = {
        "id": order_id,
        "customer": {"name": "Dana", "email": "dana@example.com", "locale": "en-US", "zone": "US"},
        "lines": lines,
    }
    return {"id": event_id, "type": "order_placed", "at": at, "order": order, **extra}


MIXED_LINES = [
    {"line_id": "1", "sku": "JKT-NAVY-M", "quantity": 1},
    {"line_id": "2", "sku": "SCF-WOOL-GRY", "quantity": 1},
    {"line_id": "3", "sku": "JNS-SLIM-32", "quantity": 1},
]


def place_mixed_order(store: backorder.Store, order_id: str = "NW-1") -> None:
    """The demo order: a jacket on backorder (lead time 10-14 days), a scarf and jeans in stock."""
    store.apply(catalog_event())
    store.apply(order_event("e-order", order_id, lines=MIXED_LINES))


def play_demo(store: backorder.Store) -> List[Dict[str, Any]]:
    """Plays examples/apparel/demo.json as `backorder demo` does; per step, what the shopper saw and the
    messages sent (claimed, then acknowledged) at that step's moment."""
    story = json.loads((APPAREL / "demo.json").read_text(encoding="utf-8"))
    catalog = catalog_event("demo-catalog")
    catalog["at"] = story["steps"][0]["at"]
    store.apply(catalog)
    seen: List[Dict[str, Any]] = []
    for n, step in enumerate(story["steps"], 1):
        at = step["at"]
        out: Dict[str, Any] = {"at": at}
        if "labels" in step:
            out["labels"] = {l.sku: l.text for l in store.labels(step["labels"], now=at, locale="en-US")}
        if "checkout" in step:
            c = step["checkout"]
            plan = store.checkout(c["cart"], c["customer"], now=at)
            record = plan.consent(strategy=step["choose"]["strategy"], now=at)
            order = dict(step["order"])
            order["lines"] = [
                {"line_id": l["line_id"], "sku": l["sku"], "quantity": l["quantity"]} for l in c["cart"]["lines"]
            ]
            placed = {"id": f"demo-{n}", "type": "order_placed", "at": at, "order": order, "consent": record.to_dict()}
            if "paid" in step:
                placed["paid"] = step["paid"]
            store.apply(placed)
            out["plan"], out["consent"] = plan, record
        if "events" in step:
            store.apply(
                [dict(e, id=f"demo-{n}-{k}", at=at) for k, e in enumerate(step["events"], 1)]
            )
        out["messages"] = drain(store, at)
        seen.append(out)
    return seen


def drain(store: backorder.Store, now: str) -> List[backorder.Message]:
    sent: List[backorder.Message] = []
    while True:
        batch = store.claim(max=100, lease_seconds=60, now=now)
        if not batch:
            return sent
        sent.extend(batch)
        store.ack(batch)
