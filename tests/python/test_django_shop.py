"""The demo shop's views (examples/django-shop) with Django's test client, each test on a fresh ledger."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

import django_support  # noqa: F401  (configures Django first)
from django_support import ledger_app  # noqa: F401

from backorder_django import conf
from backorder_django.checkout import plan_for_cart
from bo_support import NOW
from django.test import Client


@pytest.fixture
def client(ledger_app) -> Client:
    return Client(HTTP_HOST="127.0.0.1")


def text_of(response, element_id: str) -> str:
    m = re.search(rf'id="{element_id}"[^>]*>(.*?)</', response.content.decode(), re.S)
    assert m, f"no #{element_id}"
    return html.unescape(m.group(1))


def jsonld(response) -> dict:
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return json.loads(block)


def test_catalog_lists_every_item_with_its_label(client):
    r = client.get("/")
    assert r.status_code == 200
    page = r.content.decode()
    labels = conf.get_store().labels([i["sku"] for i in conf.catalog()], now=NOW)
    for label in labels:
        assert f'data-sku="{label.sku}"' in page
        assert f'data-status="{label.status}"' in page and html.escape(label.text, quote=False) in page


def test_product_page_label_and_jsonld_agree(client):
    r = client.get("/product", {"sku": "JKT-NAVY-M"})
    assert r.status_code == 200
    assert text_of(r, "availability") == "Backorder – ships in 10–14 days"
    offer = jsonld(r)["offers"]
    assert offer["availability"] == "https://schema.org/BackOrder"
    assert offer["availabilityStarts"] == "2026-12-10T00:00:00-05:00"
    assert 'data-from="2026-12-10" data-to="2026-12-14"' in r.content.decode()
    assert r["X-Content-Type-Options"] == "nosniff" and r["X-Frame-Options"] == "DENY"


def test_unknown_product_is_a_404_naming_it_as_text(client):
    r = client.get("/product", {"sku": "<b>x</b>"})
    assert r.status_code == 404
    assert "<b>x</b>" not in r.content.decode()
    assert text_of(r, "error") == "There is no product “<b>x</b>”."
    assert client.get("/nowhere").status_code == 404


def add(client: Client, sku: str, quantity: int = 1) -> None:
    r = client.post("/cart/add", {"sku": sku, "quantity": quantity})
    assert r.status_code == 302 and r["Location"] == "/cart"


def test_cart_strategies_and_order(client):
    for sku in ("JKT-NAVY-M", "SCF-WOOL-GRY", "JNS-SLIM-32"):
        add(client, sku)
    plan = plan_for_cart([{"sku": s} for s in ("JKT-NAVY-M", "SCF-WOOL-GRY", "JNS-SLIM-32")])
    r = client.get("/cart")
    assert f'data-strategy="{plan.default_strategy}"' in r.content.decode()
    for strategy in plan.strategies:
        client.post("/cart", {"strategy": strategy.id, "action": "update", "name": "", "email": ""})
        page = client.get("/cart").content.decode()
        assert f'id="summary" data-strategy="{strategy.id}"' in page
        assert f'id="shipping" data-minor="{strategy.customer_pays}"' in page
        for shipment in strategy.shipments:
            assert (f'data-from="{shipment.ship.from_date}" data-to="{shipment.ship.to_date}"') in page
    # a bad email is refused and quoted back; nothing is placed
    r = client.post("/cart", {"strategy": "ship_available", "action": "place", "name": "Dana", "email": "nope"})
    assert r["Location"] == "/cart"
    assert "“nope” is not an email address we can write to." in html.unescape(client.get("/cart").content.decode())
    r = client.post("/cart", {"strategy": "ship_available", "action": "place", "name": "Dana",
                              "email": "dana@example.com"})
    assert r.status_code == 302 and r["Location"].startswith("/order?id=DJ-")
    order_id = parse_qs(urlparse(r["Location"]).query)["id"][0]
    page = client.get(r["Location"]).content.decode()
    assert 'data-strategy="ship_available"' in page
    [row] = re.findall(r'<tr class="order-line backordered"[^>]*data-sku="([^"]+)"', page)
    assert row == "JKT-NAVY-M"
    assert 'class="ship" datetime="2026-12-10" data-from="2026-12-10" data-to="2026-12-14"' in page
    assert "Cart (0)" in page
    order = conf.get_store().order(order_id)
    assert order["consent"]["strategy"] == "ship_available" and len(order["lines"]) == 3
    # another session cannot see it
    assert Client(HTTP_HOST="127.0.0.1").get(r["Location"]).status_code == 404


def test_forms_need_the_csrf_token(ledger_app):
    strict = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    assert strict.post("/cart/add", {"sku": "JKT-NAVY-M"}).status_code == 403
    assert strict.post("/notify", {"sku": "TEE-BASIC-S", "contact": "a@example.com"}).status_code == 403
    page = strict.get("/product", {"sku": "JKT-NAVY-M"}).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert strict.post("/cart/add", {"sku": "JKT-NAVY-M", "csrfmiddlewaretoken": token}).status_code == 302


def test_bad_additions_are_refused(client):
    for data in ({"sku": "NOPE"}, {"sku": "JKT-NAVY-M", "quantity": 0}, {"sku": "JKT-NAVY-M", "quantity": "x"},
                 {"sku": "JKT-NAVY-M", "quantity": 100}):
        assert client.post("/cart/add", data).status_code == 400
    assert client.get("/cart/add").status_code == 405


def test_notify_me(client):
    r = client.post("/notify", {"sku": "TEE-BASIC-S", "contact": "<i>x</i>"})
    assert r.status_code == 422
    assert text_of(r, "form-error") == "“<i>x</i>” is not an email address we can write to."
    assert "<i>x</i>" not in r.content.decode()
    r = client.post("/notify", {"sku": "TEE-BASIC-S", "contact": "lee@example.com"})
    assert r.status_code == 200
    assert text_of(r, "notice") == "We will email lee@example.com when it can be ordered."
    store = conf.get_store()
    store.apply({"id": "restock", "type": "stock_received", "at": NOW, "sku": "TEE-BASIC-S", "quantity": 6})
    assert [m.recipient for m in store.outbox(now=NOW) if m.kind == "back_in_stock"] == ["lee@example.com"]
