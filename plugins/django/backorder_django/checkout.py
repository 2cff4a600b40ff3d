"""From a cart to a checkout plan, the shopper's per-line choices, the order in the ledger, and notify-me.

    plan = plan_for_cart(request.session["cart"])            # a backorder.CheckoutPlan
    plan.strategy("ship_available").shipments                # dates and charges of each strategy
    lines, changed = apply_choices(cart_lines, plan, {"1": "alternative:JKT-OLIVE-M", "3": "remove"})
    order = place_order(plan, order_id="NW-1", customer={"name": "Dana", "email": "dana@example.com"},
                        strategy="ship_available")           # consent + order_placed, in one transaction
    subscribe("TEE-BASIC-S", "lee@example.com")              # a subscribed event: told at the next restock
"""

from __future__ import annotations

import hashlib
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

import backorder
from django.core.exceptions import ImproperlyConfigured

from . import conf
from .labels import ITEM_FIELDS, STOCK_FIELDS

LINE_FIELDS = ("line_id", "sku", "quantity", "unit_price")


def cart_lines(cart: Any) -> List[Dict[str, Any]]:
    """The cart's lines as the engine reads them. ``cart`` is ``{"lines": [...]}`` (with an optional
    ``currency``) or the lines alone; a line is a dict or an object (a model instance) with ``sku`` (or a
    ``product`` with one), ``quantity``, and optionally ``line_id`` (default: its position, from 1) and
    ``unit_price`` (integer minor units; default: the catalog's price)."""
    if isinstance(cart, Mapping):
        cart = cart.get("lines", [])
    lines = []
    for n, line in enumerate(cart, 1):
        if isinstance(line, Mapping):
            get = line.get
        else:
            def get(key: str, _line: Any = line) -> Any:
                return getattr(_line, key, None)
        d: Dict[str, Any] = {k: v for k in LINE_FIELDS if (v := get(k)) is not None}
        if "sku" not in d and get("product") is not None:
            product = get("product")
            d["sku"] = product.get("sku") if isinstance(product, Mapping) else getattr(product, "sku", None)
        d["line_id"] = str(d.get("line_id", n))
        lines.append(d)
    return lines


def plan_for_cart(cart: Any, *, customer: Optional[Mapping[str, Any]] = None, now: backorder.Now = None,
                  locale: Optional[str] = None, currency: Optional[str] = None,
                  items: Optional[Iterable[Mapping[str, Any]]] = None,
                  stock: Optional[Iterable[Mapping[str, Any]]] = None) -> backorder.CheckoutPlan:
    """The engine's plan for ``cart`` (see :func:`cart_lines`): per line what ships now and what waits, the
    options and in-stock alternatives, ``ship_available`` versus ``ship_together`` with each shipment's dates
    and charge, the disclosures and the payment advice.

    The facts: ``items`` / ``stock`` when given; else the ledger (``BACKORDER["STORE"]``: its waiting orders
    stand in the queue before this cart); else ``CATALOG`` and ``STOCK``. ``customer`` (locale, zone, tier)
    goes over ``BACKORDER["CUSTOMER"]``; ``now`` defaults to ``BACKORDER["NOW"]`` or the clock. A bad cart
    raises ``backorder.ValidationError`` listing every problem with its path (``cart.lines[0].sku``)."""
    if currency is None and isinstance(cart, Mapping):
        currency = cart.get("currency")
    lines = cart_lines(cart)
    request_cart: Dict[str, Any] = {"lines": lines}
    request_cart["currency"] = currency or conf.get_engine().currency
    who = conf.customer(**dict(customer or {}))
    when = now if now is not None else conf.current()
    if items is None and stock is None and conf.store_url():
        return conf.get_store().checkout(request_cart, who, now=when, locale=locale)
    if items is None:
        items = conf.catalog()
        if not items:
            raise ImproperlyConfigured('plan_for_cart needs items=, BACKORDER["STORE"] or BACKORDER["CATALOG"]')
    if stock is None:
        stock = conf.stock()
    return conf.get_engine().checkout(
        request_cart, now=when, customer=who, locale=locale,
        items=[{k: v for k, v in i.items() if k in ITEM_FIELDS} for i in items],
        stock=[{k: v for k, v in s.items() if k in STOCK_FIELDS or k == "sku"} for s in stock],
    )


def apply_choices(lines: Iterable[Mapping[str, Any]], plan: backorder.CheckoutPlan,
                  choices: Mapping[str, str]) -> Tuple[List[Dict[str, Any]], bool]:
    """The shopper's per-line choices applied to the cart's lines: ``"alternative:SKU"`` replaces the line's
    item with an alternative the plan offered for it (at its price), ``"remove"`` drops the line, ``"wait"``
    (or anything the plan did not offer) keeps it. Returns the new lines and whether anything changed; plan
    the new cart again before the order, so the shopper consents to what they saw."""
    out: List[Dict[str, Any]] = []
    changed = False
    for line in lines:
        line = dict(line)
        choice = choices.get(str(line.get("line_id")), "wait")
        try:
            offered = plan.line(str(line.get("line_id")))
        except (KeyError, LookupError):
            offered = None
        if offered is not None and choice == "remove" and "remove" in offered.options:
            changed = True
            continue
        if offered is not None and isinstance(choice, str) and choice.startswith("alternative:") \
                and "alternative" in offered.options:
            sku = choice[len("alternative:"):]
            for alt in offered.alternatives:
                if alt.sku == sku:
                    line["sku"] = alt.sku
                    line.pop("unit_price", None)
                    changed = True
                    break
        out.append(line)
    return out, changed


def place_order(plan: backorder.CheckoutPlan, *, order_id: str, customer: Mapping[str, Any],
                strategy: Optional[str] = None, now: backorder.Now = None, event_id: Optional[str] = None,
                priority: Optional[int] = None, paid: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Places the planned order in the ledger: the consent record of what the shopper saw and chose
    (``strategy``; default the plan's default) and an ``order_placed`` event with the plan's lines, in one
    transaction; the confirmation goes to the outbox. ``customer`` holds ``email`` and ``name`` (and
    ``locale``, ``zone``, ``tier``, over ``BACKORDER["CUSTOMER"]``). The event id defaults to
    ``order-<order_id>``, so a form posted twice places one order. Returns the order as the ledger keeps it
    (lines with their promised windows)."""
    store = conf.get_store()
    when = now if now is not None else conf.current()
    record = plan.consent(strategy=strategy, now=when)
    order: Dict[str, Any] = {
        "id": order_id,
        "customer": conf.customer(**dict(customer)),
        "lines": [{"line_id": l.line_id, "sku": l.sku, "quantity": l.quantity, "unit_price": l.unit_price}
                  for l in plan.lines],
    }
    if priority is not None:
        order["priority"] = priority
    event: Dict[str, Any] = {"id": event_id or f"order-{order_id}", "type": "order_placed", "at": when,
                             "order": order, "consent": record.to_dict()}
    if paid is not None:
        event["paid"] = dict(paid)
    store.apply(event)
    return store.order(order_id)


def subscribe(sku: str, contact: str, *, locale: Optional[str] = None, quantity: int = 1,
              now: backorder.Now = None) -> backorder.ApplyResult:
    """Notify-me: a ``subscribed`` event in the ledger (needs ``BACKORDER["SECRET"]``). The subscription's id
    is a hash of sku and contact, so asking twice is one subscription ("duplicate"). The answer's ``token``
    is the manage/unsubscribe token (on the first application)."""
    key = hashlib.sha256(f"{sku}\n{contact.strip().lower()}".encode("utf-8")).hexdigest()[:24]
    subscription = {"id": f"notify-{key}", "sku": sku, "contact": contact,
                    "locale": locale or conf.customer().get("locale") or conf.get_engine().policy_locale,
                    "quantity": quantity}
    when = now if now is not None else conf.current()
    [result] = conf.get_store().apply(
        {"id": f"notify-{key}", "type": "subscribed", "at": when, "subscription": subscription})
    return result

