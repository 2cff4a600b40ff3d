"""``{% load backorder %}``: the availability label and its schema.org JSON-LD in templates.

    {% backorder_label product as label %}          a backorder.Label: label.text, label.status, ...
    {% backorder_availability label id="availability" %}
        <span id="availability" class="backorder-availability backorder-backorder" data-status="backorder"
              data-schema-org="https://schema.org/BackOrder">Backorder – ships in 10–14 days</span>
    {% backorder_jsonld label product %}            <script type="application/ld+json">{"@type": "Product", ...
    {{ label.later_window|backorder_window:"ships" }}   <time class="ships" datetime="2026-12-10" ...>
    {{ 12900|backorder_money }}                         $129.00

``product`` (or ``item``) is a sku, a catalog dict, a model instance (see backorder_django.labels.facts) or a
label already made. Every value is escaped; inside the JSON-LD ``<``, ``>`` and ``&`` are ``\\u`` escapes.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .. import format as fmt
from ..labels import facts, label_for

register = template.Library()


@register.simple_tag
def backorder_label(item: Any, stock: Any = None, quantity: int = 1, locale: Optional[str] = None) -> Any:
    """``{% backorder_label item [stock] [quantity=N] [locale="de-DE"] as label %}``: the item's
    ``backorder.Label`` at ``BACKORDER["NOW"]`` (or the clock)."""
    return label_for(item, stock, quantity=quantity, locale=locale)


@register.simple_tag
def backorder_availability(item: Any, stock: Any = None, quantity: int = 1, locale: Optional[str] = None,
                           id: str = "") -> SafeString:  # noqa: A002  (the HTML attribute's name)
    """The label's text in a ``<span>`` whose classes and data attributes carry its status and schema.org
    value (for styling and for scripts); ``id=`` sets the element's id."""
    label = label_for(item, stock, quantity=quantity, locale=locale)
    status = str(label.status)
    if id:
        return format_html(
            '<span id="{}" class="backorder-availability backorder-{}" data-status="{}" data-schema-org="{}">{}</span>',
            id, status, status, label.schema_org, label.text)
    return format_html(
        '<span class="backorder-availability backorder-{}" data-status="{}" data-schema-org="{}">{}</span>',
        status, status, label.schema_org, label.text)


@register.simple_tag
def backorder_jsonld(item: Any, product: Any = None, url: Optional[str] = None, stock: Any = None,
                     quantity: int = 1, locale: Optional[str] = None) -> SafeString:
    """``<script type="application/ld+json">``: a schema.org ``Product`` (sku, name, price from ``product``,
    by default the item itself) whose ``Offer`` has the label's ``availability`` and, for a backorder or a
    pre-order, ``availabilityStarts`` = the label's ``availability_date``. The page's label and this block
    come from one label, so they cannot disagree."""
    label = label_for(item, stock, quantity=quantity, locale=locale)
    source = product if product is not None else (None if isinstance(item, str) else item)
    return fmt.jsonld_script(fmt.product_jsonld(label, _product(source, label.sku), url=url))


def _product(source: Any, sku: str) -> Mapping[str, Any]:
    from ..conf import item as catalog_item

    if source is None or hasattr(source, "schema_org"):  # nothing, or a Label: the catalog's item
        return catalog_item(sku) or {"sku": sku}
    if isinstance(source, Mapping):
        return source
    fields, _ = facts(source)
    for extra in ("description", "image", "brand"):
        value = getattr(source, extra, None)
        if isinstance(value, str) and value:
            fields[extra] = value
    return fields


@register.filter
def backorder_window(window: Any, css_class: str = "") -> SafeString:
    """A ship window (a ``backorder.Window`` or a ``{"from", "to"}`` dict) as a ``<time>`` element with
    ``data-from`` / ``data-to``; empty for None."""
    return fmt.window_html(window, css_class)


@register.filter
def backorder_window_text(window: Any) -> str:
    """A ship window as plain text: ``Dec 10 – Dec 14, 2026``."""
    return fmt.window_text(window)


@register.filter
def backorder_money(minor: Any, currency: Optional[str] = None) -> str:
    """Integer minor units as money: ``{{ 12900|backorder_money }}`` → ``$129.00``;
    ``{{ amount|backorder_money:"EUR" }}`` → ``€129.00``."""
    return fmt.money(minor, currency or None)


@register.filter
def backorder_schema_org(item: Any) -> str:
    """``https://schema.org/BackOrder`` and so on: the label's schema.org availability."""
    return label_for(item).schema_org
