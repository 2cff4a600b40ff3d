"""Values as a page shows them: money from integer minor units, ship windows as ``<time>`` elements, and the
schema.org JSON-LD of a product whose offer says what its label says. Every dynamic value is escaped."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Dict, Mapping, Optional, Tuple

from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# Decimals of the currencies whose exponent is not 2 (ISO 4217); the engine's own currency uses the policy's.
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3,
              "TND": 3}
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$"}


def exponent(currency: str) -> int:
    from .conf import get_engine

    engine = get_engine()
    if currency == engine.currency:
        return engine.currency_exponent
    return _EXPONENTS.get(currency, 2)


def decimal(minor: int, currency: str) -> str:
    """``12900, "USD"`` → ``"129.00"``: integer arithmetic only."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise TypeError(f"an amount is an integer of minor units, not {type(minor).__name__}")
    e = exponent(currency)
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), 10**e)
    return f"{sign}{whole}.{frac:0{e}d}" if e else f"{sign}{whole}"


def money(minor: int, currency: Optional[str] = None) -> str:
    """``12900`` → ``"$129.00"`` (the policy's currency by default; other codes as ``"CHF 12.00"``)."""
    if currency is None:
        from .conf import get_engine

        currency = get_engine().currency
    amount = decimal(minor, currency)
    symbol = _SYMBOLS.get(currency)
    if symbol is None:
        return f"{currency} {amount}"
    return f"-{symbol}{amount[1:]}" if amount.startswith("-") else f"{symbol}{amount}"


def _dates(window: Any) -> Optional[Tuple[_dt.date, _dt.date]]:
    """A ``backorder.Window``, or a window dict as the ledger and the JSON answers hold it."""
    if window is None:
        return None
    if isinstance(window, Mapping):
        start, end = window.get("from"), window.get("to")
    else:
        start, end = getattr(window, "from_date", None), getattr(window, "to_date", None)
    if isinstance(start, str):
        start = _dt.date.fromisoformat(start)
    if isinstance(end, str):
        end = _dt.date.fromisoformat(end)
    if not isinstance(start, _dt.date) or not isinstance(end, _dt.date):
        raise TypeError(f"not a ship window: {window!r}")
    return start, end


def window_text(window: Any) -> str:
    """``Dec 10 – Dec 14, 2026``; one day: ``Dec 1, 2026`` (month names in the active language)."""
    dates = _dates(window)
    if dates is None:
        return ""
    start, end = dates
    if start == end:
        return dateformat.format(start, "M j, Y")
    if start.year == end.year:
        return f"{dateformat.format(start, 'M j')} – {dateformat.format(end, 'M j, Y')}"
    return f"{dateformat.format(start, 'M j, Y')} – {dateformat.format(end, 'M j, Y')}"


def window_html(window: Any, css_class: str = "") -> SafeString:
    """``<time class="…" datetime="2026-12-10" data-from="2026-12-10" data-to="2026-12-14">Dec 10 – Dec 14,
    2026</time>``; ``""`` for no window."""
    dates = _dates(window)
    if dates is None:
        return mark_safe("")
    start, end = dates
    return format_html(
        '<time class="{}" datetime="{}" data-from="{}" data-to="{}">{}</time>',
        css_class,
        start.isoformat(),
        start.isoformat(),
        end.isoformat(),
        window_text(window),
    )


# Inside <script>, "</script>" or "<!--" in a value would end or bend the element: "<", ">" and "&" become \u
# escapes (still the same JSON), and so do U+2028 / U+2029 for older parsers.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026", 0x2028: "\\u2028",
                   0x2029: "\\u2029"}


def json_for_script(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_ESCAPES)


def offer(label: Any, *, price: Optional[int] = None, currency: Optional[str] = None,
          url: Optional[str] = None) -> Dict[str, Any]:
    """The schema.org ``Offer`` of a label: ``availability`` is the label's schema.org value and
    ``availabilityStarts`` its ``availability_date`` (the first day it ships, backorder and pre-order)."""
    from .conf import get_engine

    currency = currency or get_engine().currency
    o: Dict[str, Any] = {"@type": "Offer"}
    if price is not None:
        o["price"] = decimal(price, currency)
        o["priceCurrency"] = currency
    o["availability"] = label.schema_org
    if label.availability_date:
        o["availabilityStarts"] = label.availability_date
    if url:
        o["url"] = url
    return o


def product_jsonld(label: Any, product: Mapping[str, Any], *, url: Optional[str] = None,
                   currency: Optional[str] = None) -> Dict[str, Any]:
    """A schema.org ``Product`` with the label's ``Offer``; ``product`` gives ``sku``, ``name``, ``price``
    (minor units) and optionally ``description``, ``image``, ``brand``."""
    doc: Dict[str, Any] = {"@context": "https://schema.org", "@type": "Product", "sku": product.get("sku") or label.sku}
    doc["name"] = product.get("name") or doc["sku"]
    for key in ("description", "image"):
        if product.get(key):
            doc[key] = product[key]
    if product.get("brand"):
        doc["brand"] = {"@type": "Brand", "name": product["brand"]}
    price = product.get("price")
    doc["offers"] = offer(label, price=price if isinstance(price, int) and not isinstance(price, bool) else None,
                          currency=currency, url=url)
    return doc


def jsonld_script(doc: Mapping[str, Any]) -> SafeString:
    return mark_safe(f'<script type="application/ld+json">{json_for_script(doc)}</script>')
