"""Labels for what a template or a view holds: a sku, a catalog dict, a model instance, or a label already made."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import backorder

from . import conf

#: The item fields (docs/json.md) and stock fields the engine reads; other keys of a dict or attributes of an
#: object (url, description, the primary key…) are not the engine's business and are left out.
ITEM_FIELDS = ("sku", "name", "backorders", "lead_time_days", "release_date", "discontinued", "max_backorder",
               "low_stock_threshold", "category", "attributes", "price")
STOCK_FIELDS = ("on_hand", "reserved", "safety_stock", "promised", "backordered")


def facts(obj: Any) -> Tuple[Dict[str, Any], Optional[Dict[str, Any]]]:
    """``(item, stock)`` of a dict or an object. An object may define ``backorder_item()`` (and
    ``backorder_stock()``); otherwise its attributes named as the fields are read (None = not given).
    ``stock`` is None when the object holds no stock field."""
    if isinstance(obj, Mapping):
        get = obj.get
    elif callable(getattr(obj, "backorder_item", None)):
        item = dict(obj.backorder_item())
        stock_fn = getattr(obj, "backorder_stock", None)
        stock = stock_fn() if callable(stock_fn) else None
        return item, (dict(stock) if stock is not None else None)
    else:
        def get(key: str, default: Any = None) -> Any:
            return getattr(obj, key, default)
    item = {k: v for k in ITEM_FIELDS if (v := get(k)) is not None}
    stock = {k: v for k in STOCK_FIELDS if (v := get(k)) is not None}
    if not item.get("sku"):
        raise backorder.Error("an item needs a sku", code=backorder.ErrorCode.invalid, path="item.sku")
    return item, (stock or None)


def label_for(item: Any, stock: Any = None, *, quantity: int = 1, locale: Optional[str] = None,
              now: backorder.Now = None) -> backorder.Label:
    """The label of ``item``:

    - a ``backorder.Label``: itself;
    - a dict or an object with its facts, and stock given (``stock=`` or stock fields on the item): the engine
      over those facts;
    - a sku (``str``), or an item without stock: the ledger's label when ``BACKORDER["STORE"]`` is set (its
      waiting orders hold stock and stand in the queue), else the engine over ``CATALOG`` and ``STOCK``.
    """
    if isinstance(item, backorder.Label):
        return item
    locale = locale or conf.locale()
    now = now if now is not None else conf.current()
    if isinstance(item, str):
        sku, fields, stock_fields = item, None, None
    else:
        fields, stock_fields = facts(item)
        sku = fields["sku"]
    if stock is not None:
        stock_fields = facts_of_stock(stock)
    if stock_fields is None and conf.store_url():
        return conf.get_store().labels(sku, now=now, locale=locale, quantity=quantity)[0]
    if fields is None:
        fields = conf.item(sku)
        if fields is None:
            raise backorder.Error(f"no item {sku!r} in the catalog", code=backorder.ErrorCode.not_found, path="sku")
        fields = {k: v for k, v in fields.items() if k in ITEM_FIELDS}
    if stock_fields is None:
        row = conf.stock_of(sku)
        stock_fields = {k: v for k, v in row.items() if k in STOCK_FIELDS} if row else None
    return conf.get_engine().label(fields, stock_fields, quantity=quantity, locale=locale, now=now)


def facts_of_stock(stock: Any) -> Dict[str, Any]:
    if isinstance(stock, Mapping):
        return {k: v for k in STOCK_FIELDS if (v := stock.get(k)) is not None}
    return {k: v for k in STOCK_FIELDS if (v := getattr(stock, k, None)) is not None}


def labels_for(skus: Sequence[str], *, quantity: int = 1, locale: Optional[str] = None,
               now: backorder.Now = None) -> List[backorder.Label]:
    """The labels of many skus at one moment: one ledger call, or one engine batch over ``CATALOG``/``STOCK``.
    An unknown sku raises ``backorder.Error`` with its path."""
    locale = locale or conf.locale()
    now = now if now is not None else conf.current()
    skus = list(skus)
    if not skus:
        return []
    if conf.store_url():
        return conf.get_store().labels(skus, now=now, locale=locale, quantity=quantity)
    items = {i["sku"]: i for i in conf.catalog()}
    stock = {s["sku"]: s for s in conf.stock()}
    rows = []
    for n, sku in enumerate(skus):
        if sku not in items:
            raise backorder.Error(f"no item {sku!r} in the catalog", code=backorder.ErrorCode.not_found,
                                  path=f"skus[{n}]")
        row = {k: v for k, v in items[sku].items() if k in ITEM_FIELDS}
        row.update({k: v for k, v in stock.get(sku, {}).items() if k in STOCK_FIELDS})
        rows.append(row)
    batch = conf.get_engine().labels(rows, quantity=quantity, locale=locale, now=now)
    if batch.errors:
        e = batch.errors[0]
        raise backorder.Error(e.message, code=backorder.ErrorCode.invalid, path=e.path)
    return batch.labels()
