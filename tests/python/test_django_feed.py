"""`manage.py backorder_feed` (call_command): the merchant feed's availability and availability_date are the
labels' own, in TSV, RSS XML and JSON, from the catalog files or from the ledger."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest

import django_support  # noqa: F401  (configures Django first)
from django_support import backorder_settings, catalog_app, catalog_settings, ledger_app  # noqa: F401

import backorder
from backorder_django import conf
from backorder_django.checkout import place_order, plan_for_cart
from bo_support import APPAREL, NOW, POLICY_PATH
from django.core.management import call_command
from django.core.management.base import CommandError

G = "{http://base.google.com/ns/1.0}"


def feed(*args: str, **options: object) -> str:
    out = io.StringIO()
    call_command("backorder_feed", *args, stdout=out, **options)
    return out.getvalue()


def tsv(text: str) -> list:
    assert text.endswith("\n")
    header, *lines = text[:-1].split("\n")
    return [dict(zip(header.split("\t"), line.split("\t"))) for line in lines]


def engine_labels(now: str = NOW) -> dict:
    items = json.loads((APPAREL / "catalog.json").read_text())["items"]
    stock = {s["sku"]: s for s in json.loads((APPAREL / "stock.json").read_text())["stock"]}
    rows = [dict(i, **{k: v for k, v in stock.get(i["sku"], {}).items() if k != "sku"}) for i in items]
    batch = backorder.Engine(POLICY_PATH).labels(rows, now=now, locale="en-US")
    return {l.sku: l for l in batch.labels()}


def test_tsv_has_the_labels_availability_and_date(catalog_app):
    labels = engine_labels()
    rows = tsv(feed())
    assert [r["id"] for r in rows] == list(labels)
    for r in rows:
        want = labels[r["id"]]
        assert r["availability"] == want.merchant_availability
        assert r["availability_date"] == (want.availability_date or "")
    jacket = rows[0]
    assert jacket == {"id": "JKT-NAVY-M", "title": "Field jacket, navy, M", "price": "129.00 USD",
                      "availability": "backorder", "availability_date": "2026-12-10T00:00:00-05:00"}
    assert {r["availability"] for r in rows} == {"backorder", "in_stock", "out_of_stock", "preorder"}
    assert next(r for r in rows if r["id"] == "CAP-WINTER-27")["availability_date"] == "2027-03-12T00:00:00-05:00"


def test_xml_and_json(catalog_app):
    labels = engine_labels()
    root = ET.fromstring(feed("--format", "xml", "--title", "Northwind", "--link", "https://shop.example/p/{sku}"))
    assert root.tag == "rss" and root.find("channel/title").text == "Northwind"
    items = root.findall("channel/item")
    assert [i.find(f"{G}id").text for i in items] == list(labels)
    for i in items:
        want = labels[i.find(f"{G}id").text]
        assert i.find(f"{G}availability").text == want.merchant_availability
        date = i.find(f"{G}availability_date")
        assert (date.text if date is not None else None) == want.availability_date
        assert i.find("link").text == f"https://shop.example/p/{want.sku}"
    doc = json.loads(feed("--format", "json"))
    assert doc["title"] == "northwind-apparel" and doc["generated_at"] == "2026-11-30T09:00:00-05:00"
    assert [(r["id"], r["availability"], r["availability_date"]) for r in doc["items"]] == \
        [(l.sku, l.merchant_availability, l.availability_date or "") for l in labels.values()]


def test_now_option_moves_the_dates(catalog_app):
    later = "2026-12-07T09:00:00-05:00"
    [jacket] = [r for r in tsv(feed("--now", later)) if r["id"] == "JKT-NAVY-M"]
    assert jacket["availability_date"] == engine_labels(later)["JKT-NAVY-M"].availability_date
    assert jacket["availability_date"] != "2026-12-10T00:00:00-05:00"
    with pytest.raises(CommandError, match="offset"):
        feed("--now", "2026-12-07T09:00:00")


def test_output_file(catalog_app, tmp_path):
    target = tmp_path / "feed.tsv"
    target.write_text("old")
    err = io.StringIO()
    call_command("backorder_feed", "--output", str(target), stderr=err)
    assert tsv(target.read_text())[0]["id"] == "JKT-NAVY-M"
    assert "13 items" in err.getvalue()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.tsv"]  # no temporary file left behind


def test_hostile_names_cannot_break_the_feed(tmp_path):
    items = [{"sku": "A\tB", "name": "tab\there\nnew line\r", "price": 100},
             {"sku": "C", "name": "</title><x>&amp;\x01\u2028", "price": 100}]
    with backorder_settings(catalog_settings(CATALOG=items, STOCK=[])):
        rows = tsv(feed())
        assert [r["title"] for r in rows] == ["tab here new line ", "</title><x>&amp;\x01 "]
        assert all(len(line.split("\t")) == 5 for line in feed().splitlines())
        assert rows[0]["id"] == "A B"
        root = ET.fromstring(feed("--format", "xml"))
        assert [i.find("title").text for i in root.findall("channel/item")] == \
            ["tab\there\nnew line\n", "</title><x>&amp;\ufffd\u2028"]


def test_the_ledger_feed_counts_waiting_orders(ledger_app):
    before = {r["id"]: r for r in tsv(feed())}
    assert before["JKT-NAVY-L"]["availability"] == "in_stock"
    place_order(plan_for_cart([{"sku": "JKT-NAVY-L", "quantity": 2}]), order_id="DJ-F1",
                customer={"name": "Ann", "email": "ann@example.com"})
    after = {r["id"]: r for r in tsv(feed())}
    label = conf.get_store().labels("JKT-NAVY-L", now=NOW)[0]
    assert after["JKT-NAVY-L"]["availability"] == "backorder" == label.merchant_availability
    assert after["JKT-NAVY-L"]["availability_date"] == label.availability_date


def test_an_unknown_format_is_refused(catalog_app):
    with pytest.raises(CommandError):
        feed("--format", "csv")
