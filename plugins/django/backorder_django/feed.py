"""The merchant feed (Google Merchant Center product data): per catalog item its ``availability`` and, for a
backorder or a pre-order, ``availability_date``, from the same labels the product pages show."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Any, Dict, List, Optional, Sequence

import backorder

from . import conf
from .format import decimal
from .labels import labels_for

COLUMNS = ("id", "title", "price", "availability", "availability_date")
FORMATS = ("tsv", "xml", "json")
G = "http://base.google.com/ns/1.0"
# Characters XML 1.0 cannot hold at all (a name with one would make the whole feed unreadable).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# Tabs and whatever some reader takes for a line break (str.splitlines() does all of these).
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def rows(*, now: backorder.Now = None, locale: Optional[str] = None, link: Optional[str] = None,
         items: Optional[Sequence[Dict[str, Any]]] = None) -> List[Dict[str, str]]:
    """One row per item of ``BACKORDER["CATALOG"]`` (or ``items``), in catalog order: ``id`` (the sku),
    ``title``, ``price`` (``"129.00 USD"``), ``availability`` (``in_stock``, ``out_of_stock``, ``preorder``,
    ``backorder``), ``availability_date`` (ISO 8601 with the store's offset; ``""`` unless backorder or
    pre-order) and, with ``link`` (``"https://shop.example/p/{sku}"``), ``link``. Labels come from the ledger
    when ``BACKORDER["STORE"]`` is set, else from ``CATALOG`` and ``STOCK``."""
    items = list(items if items is not None else conf.catalog())
    when = now if now is not None else conf.current()
    labels = labels_for([i["sku"] for i in items], now=when, locale=locale)
    currency = conf.get_engine().currency
    out = []
    for item, label in zip(items, labels):
        row = {
            "id": item["sku"],
            "title": item.get("name") or item["sku"],
            "price": f"{decimal(item['price'], currency)} {currency}" if isinstance(item.get("price"), int) else "",
            "availability": label.merchant_availability,
            "availability_date": label.availability_date or "",
        }
        if link:
            from urllib.parse import quote

            row["link"] = link.replace("{sku}", quote(item["sku"], safe=""))
        out.append(row)
    return out


def render(feed_rows: List[Dict[str, str]], fmt: str = "tsv", *, title: str = "", now: Any = None) -> str:
    """The rows as Merchant Center's tab-separated file, an RSS 2.0 feed with ``g:`` fields, or JSON."""
    if fmt == "tsv":
        columns = list(COLUMNS) + (["link"] if feed_rows and "link" in feed_rows[0] else [])
        buf = io.StringIO()
        buf.write("\t".join(columns) + "\n")
        for r in feed_rows:
            # TSV has no quoting: a tab or a line break inside a value would shift the columns.
            buf.write("\t".join(_BREAKS.sub(" ", r.get(c, "")) for c in columns) + "\n")
        return buf.getvalue()
    if fmt == "xml":
        ET.register_namespace("g", G)
        rss = ET.Element("rss", {"version": "2.0"})
        channel = ET.SubElement(rss, "channel")
        ET.SubElement(channel, "title").text = _xml(title)
        ET.SubElement(channel, "description").text = "Availability from Backorder"
        for r in feed_rows:
            item = ET.SubElement(channel, "item")
            ET.SubElement(item, f"{{{G}}}id").text = _xml(r["id"])
            ET.SubElement(item, "title").text = _xml(r["title"])
            if r.get("link"):
                ET.SubElement(item, "link").text = _xml(r["link"])
            if r["price"]:
                ET.SubElement(item, f"{{{G}}}price").text = r["price"]
            ET.SubElement(item, f"{{{G}}}availability").text = r["availability"]
            if r["availability_date"]:
                ET.SubElement(item, f"{{{G}}}availability_date").text = r["availability_date"]
        ET.indent(rss)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"
    if fmt == "json":
        doc = {"title": title, "generated_at": now.isoformat() if hasattr(now, "isoformat") else now,
               "items": feed_rows}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown feed format {fmt!r}: one of {', '.join(FORMATS)}")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
