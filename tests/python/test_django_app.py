"""The Django app (plugins/django/backorder_django) with real Django: settings and the engine built once, the
template tags and filters, the checkout helper, notify-me, the system checks."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from types import SimpleNamespace

import pytest

import django_support  # noqa: F401  (configures Django first)
from django_support import SECRET, backorder_settings, catalog_app, catalog_settings, ledger_app  # noqa: F401

import backorder
import backorder_django
from backorder_django import conf
from backorder_django.checkout import apply_choices, cart_lines, place_order, plan_for_cart, subscribe
from backorder_django.checks import check_settings
from bo_support import APPAREL, NOW, POLICY_PATH
from django.core.exceptions import ImproperlyConfigured
from django.template import engines

JACKET_ROW = {"sku": "JKT-NAVY-M", "name": "Field jacket, navy, M", "category": "jackets", "price": 12900,
              "lead_time_days": {"min": 10, "max": 14}, "on_hand": 0}


def render(source: str, **context: object) -> str:
    return engines["django"].from_string("{% load backorder %}" + source).render(context)


def engine_label(sku: str) -> backorder.Label:
    """The label straight from the package, over the same files: what the app must agree with."""
    items = {i["sku"]: i for i in json.loads((APPAREL / "catalog.json").read_text())["items"]}
    stock = {s["sku"]: s for s in json.loads((APPAREL / "stock.json").read_text())["stock"]}
    return backorder.Engine(POLICY_PATH).label(items[sku], stock.get(sku), now=NOW, locale="en-US")


# ---- settings and the engine ---------------------------------------------------------------------------

def test_the_engine_is_built_once_and_shared_between_threads(catalog_app):
    seen = []
    barrier = threading.Barrier(8)

    def worker():
        barrier.wait()
        seen.append(conf.get_engine())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and all(e is seen[0] for e in seen)
    assert backorder_django.get_engine() is seen[0]
    assert seen[0].shop == "northwind-apparel"


def test_changed_settings_build_a_new_engine(catalog_app):
    first = conf.get_engine()
    policy = json.loads(POLICY_PATH.read_text())
    policy["shop"] = "another-shop"
    with backorder_settings(catalog_settings(POLICY=policy)):
        assert conf.get_engine().shop == "another-shop"
    assert conf.get_engine() is not first  # rebuilt again for the restored settings
    assert conf.get_engine().shop == "northwind-apparel"


@pytest.mark.parametrize("cfg, message", [
    (None, "settings.BACKORDER is missing"),
    ({"POLICY": str(POLICY_PATH), "STOER": "sqlite::memory:"}, "unknown keys ['STOER']"),
    ({"STORE": "sqlite::memory:"}, "'POLICY'] is required"),
    ("policy.json", "must be a dict"),
])
def test_bad_settings_are_refused_by_name(cfg, message):
    with backorder_settings(cfg):
        with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
            conf.get_engine()


def test_an_invalid_policy_lists_its_problems():
    policy = json.loads(POLICY_PATH.read_text())
    policy["calendar"]["time_zone"] = "Mars/Base"
    with backorder_settings(catalog_settings(POLICY=policy)):
        with pytest.raises(backorder.ValidationError) as e:
            conf.get_engine()
        assert e.value.path == "policy.calendar.time_zone"
        [error] = [m for m in check_settings() if m.id == "backorder_django.E002"]
        assert "policy.calendar.time_zone" in error.msg


def test_now_is_pinned_by_a_setting_or_read_from_the_clock():
    with backorder_settings(catalog_settings(NOW="2026-11-30T09:00:00-05:00")):
        assert conf.current() == dt.datetime(2026, 11, 30, 14, tzinfo=dt.timezone.utc)
    with backorder_settings(catalog_settings(NOW="2026-11-30T14:00:00Z")):
        assert conf.current().utcoffset() == dt.timedelta(0)
    moment = dt.datetime(2027, 1, 4, 8, tzinfo=dt.timezone.utc)
    with backorder_settings(catalog_settings(NOW=lambda: moment)):
        assert backorder_django.now() == moment
    with backorder_settings(catalog_settings(NOW=None)):
        before = dt.datetime.now(dt.timezone.utc)
        assert before <= conf.current() <= dt.datetime.now(dt.timezone.utc)
    with backorder_settings(catalog_settings(NOW="2026-11-30T09:00:00")):
        with pytest.raises(ImproperlyConfigured, match="offset"):
            conf.current()
        assert [m.id for m in check_settings()] == ["backorder_django.E005"]


def test_system_checks(tmp_path):
    with backorder_settings(catalog_settings()):
        assert check_settings() == []
    with backorder_settings(catalog_settings(STORE=f"sqlite:{tmp_path}/l.db", SECRET="short")):
        assert [m.id for m in check_settings()] == ["backorder_django.E004"]
    with backorder_settings(catalog_settings(STORE=f"sqlite:{tmp_path}/l.db")):
        assert [m.id for m in check_settings()] == ["backorder_django.W001"]
    with backorder_settings(catalog_settings(STORE="mysql://shop", SECRET=SECRET)):
        assert [m.id for m in check_settings()] == ["backorder_django.E003"]
    with backorder_settings(catalog_settings(POLICY=str(tmp_path / "missing.json"))):
        assert [m.id for m in check_settings()] == ["backorder_django.E002"]
    with backorder_settings(catalog_settings(CATALOG=str(tmp_path / "missing.json"))):
        assert [m.id for m in check_settings()] == ["backorder_django.E006"]
    with backorder_settings({"POLICY": str(POLICY_PATH), "COLOUR": 1}):
        assert [m.id for m in check_settings()] == ["backorder_django.E001"]


def test_catalog_and_stock_from_a_list_a_callable_or_a_dotted_path(catalog_app):
    items = json.loads((APPAREL / "catalog.json").read_text())["items"]
    with backorder_settings(catalog_settings(CATALOG=items[:2], STOCK=lambda: {"stock": [{"sku": "JKT-NAVY-M"}]})):
        assert [i["sku"] for i in conf.catalog()] == ["JKT-NAVY-M", "JKT-NAVY-L"]
        assert conf.stock() == [{"sku": "JKT-NAVY-M"}]
    with backorder_settings(catalog_settings(CATALOG="test_django_app.two_items")):
        assert [i["sku"] for i in conf.catalog()] == ["A", "B"]


def two_items():
    return [{"sku": "A"}, {"sku": "B"}]


# ---- labels: the template tags and filters ---------------------------------------------------------------

def test_label_tag_for_a_sku_equals_the_engine(catalog_app):
    for sku in ("JKT-NAVY-M", "JKT-NAVY-L", "CAP-WINTER-27", "TEE-BASIC-S", "SOCK-WOOL-3PK", "GLV-LEATHER-M"):
        want = engine_label(sku)
        out = render('{% backorder_label sku as l %}{{ l.text }}|{{ l.status }}|{{ l.availability_date }}', sku=sku)
        assert out == f"{want.text}|{want.status}|{want.availability_date or 'None'}"


def test_label_tag_for_a_dict_an_object_and_a_model_like_adapter(catalog_app):
    want = backorder.Engine(POLICY_PATH).label(
        {"sku": "JKT-NAVY-M", "lead_time_days": (10, 14)}, {"on_hand": 0}, now=NOW, locale="en-US")
    row = dict(JACKET_ROW, url="/p/1", description="not the engine's")  # extra keys are not the engine's
    product = SimpleNamespace(**JACKET_ROW, pk=7)

    class Model:
        def backorder_item(self):
            return {"sku": "JKT-NAVY-M", "lead_time_days": {"min": 10, "max": 14}}

        def backorder_stock(self):
            return {"on_hand": 0}

    for thing in (row, product, Model()):
        assert render("{% backorder_label p as l %}{{ l.text }}", p=thing) == want.text
    # stock given beside the item wins over the catalog's
    assert render("{% backorder_label 'JKT-NAVY-M' s as l %}{{ l.status }}", s={"on_hand": 40}) == "in_stock"
    assert render("{% backorder_label 'JKT-NAVY-M' quantity=3 locale='de-DE' as l %}{{ l.text }}") == \
        "Nachbestellt – Versand in 10–14 Tagen"


def test_a_label_for_an_unknown_sku_is_an_error(catalog_app):
    with pytest.raises(backorder.Error) as e:
        render("{% backorder_label 'NOPE' as l %}")
    assert e.value.code == backorder.ErrorCode.not_found


def test_availability_tag_marks_status_and_schema_org(catalog_app):
    out = render('{% backorder_availability "JKT-NAVY-M" id="availability" %}')
    assert out == ('<span id="availability" class="backorder-availability backorder-backorder" '
                   'data-status="backorder" data-schema-org="https://schema.org/BackOrder">'
                   "Backorder – ships in 10–14 days</span>")
    label = engine_label("CAP-WINTER-27")
    assert render("{% backorder_availability l %}", l=label) == (
        '<span class="backorder-availability backorder-preorder" data-status="preorder" '
        f'data-schema-org="https://schema.org/PreOrder">{label.text}</span>')


def jsonld(html: str) -> dict:
    m = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.S)
    assert m, html
    return json.loads(m.group(1))


def test_jsonld_says_what_the_label_says(catalog_app):
    for sku in ("JKT-NAVY-M", "CAP-WINTER-27", "JKT-NAVY-L", "VEST-DOWN-M"):
        want = engine_label(sku)
        doc = jsonld(render("{% backorder_jsonld sku %}", sku=sku))
        assert doc["@context"] == "https://schema.org" and doc["@type"] == "Product" and doc["sku"] == sku
        assert doc["offers"]["availability"] == want.schema_org
        assert doc["offers"].get("availabilityStarts") == want.availability_date
        assert doc["offers"]["priceCurrency"] == "USD"
    doc = jsonld(render("{% backorder_jsonld 'JKT-NAVY-M' url='https://shop.example/p/1' %}"))
    assert doc == {"@context": "https://schema.org", "@type": "Product", "sku": "JKT-NAVY-M",
                   "name": "Field jacket, navy, M",
                   "offers": {"@type": "Offer", "price": "129.00", "priceCurrency": "USD",
                              "availability": "https://schema.org/BackOrder",
                              "availabilityStarts": "2026-12-10T00:00:00-05:00",
                              "url": "https://shop.example/p/1"}}


HOSTILE = '</script><script>alert(1)</script><!-- & "quoted" \u2028'


def test_jsonld_and_tags_escape_hostile_names(catalog_app):
    row = dict(JACKET_ROW, name=HOSTILE, sku='X"><b>')
    html = render("{% backorder_jsonld p %}", p=row)
    assert html.count("<script") == 1 and html.count("</script>") == 1 and "<!--" not in html
    assert "\u2028" not in html
    doc = jsonld(html)
    assert doc["name"] == HOSTILE and doc["sku"] == 'X"><b>'
    span = render("{% backorder_availability p %}", p=row)
    assert "<b>" not in span
    out = render("{{ p.name }}|{% backorder_label p as l %}{{ l.sku }}", p=row)
    assert "<script>" not in out and "&lt;/script&gt;" in out and "X&quot;&gt;&lt;b&gt;" in out


def test_window_and_money_filters(catalog_app):
    label = engine_label("JKT-NAVY-M")
    assert render('{{ w|backorder_window:"ships" }}', w=label.later_window) == (
        '<time class="ships" datetime="2026-12-10" data-from="2026-12-10" data-to="2026-12-14">'
        "Dec 10 – Dec 14, 2026</time>")
    assert render("{{ w|backorder_window_text }}", w={"from": "2026-12-28", "to": "2027-01-04"}) == \
        "Dec 28, 2026 – Jan 4, 2027"
    assert render("{{ w|backorder_window_text }}", w={"from": "2026-12-01", "to": "2026-12-01"}) == "Dec 1, 2026"
    assert render("{{ w|backorder_window }}", w=None) == ""
    assert render('{{ a|backorder_money }} {{ b|backorder_money }} {{ c|backorder_money:"JPY" }} '
                  '{{ d|backorder_money:"CHF" }} {{ e|backorder_money:"KWD" }}',
                  a=12900, b=-595, c=1500, d=1205, e=1234) == "$129.00 -$5.95 ¥1500 CHF 12.05 KWD 1.234"
    with pytest.raises(TypeError):
        render("{{ a|backorder_money }}", a=12.9)


# ---- checkout ----------------------------------------------------------------------------------------------

CART = [{"sku": "JKT-NAVY-M"}, {"sku": "SCF-WOOL-GRY"}, {"sku": "JNS-SLIM-32"}]


def test_cart_lines_from_dicts_objects_and_products():
    product = SimpleNamespace(sku="SCF-WOOL-GRY")
    lines = cart_lines({"currency": "USD", "lines": [
        {"sku": "JKT-NAVY-M", "quantity": 2, "colour": "ignored"},
        SimpleNamespace(product=product, quantity=1, line_id=9, unit_price=3500),
        {"product": {"sku": "JNS-SLIM-32"}},
    ]})
    assert lines == [{"sku": "JKT-NAVY-M", "quantity": 2, "line_id": "1"},
                     {"line_id": "9", "sku": "SCF-WOOL-GRY", "quantity": 1, "unit_price": 3500},
                     {"sku": "JNS-SLIM-32", "line_id": "3"}]


def test_plan_for_cart_equals_the_engines_plan(catalog_app):
    plan = plan_for_cart(CART)
    items = json.loads((APPAREL / "catalog.json").read_text())["items"]
    stock = json.loads((APPAREL / "stock.json").read_text())["stock"]
    want = backorder.Engine(POLICY_PATH).checkout(
        {"currency": "USD", "lines": [dict(l, line_id=str(n)) for n, l in enumerate(CART, 1)]},
        now=NOW, customer={"locale": "en-US", "zone": "US"}, items=items, stock=stock)
    assert plan.to_dict() == want.to_dict()
    assert plan.mixed and [s.id for s in plan.strategies] == ["ship_available", "ship_together"]
    now, together = plan.strategy("ship_available"), plan.strategy("ship_together")
    assert [s.ship for s in now.shipments] != [s.ship for s in together.shipments]
    assert now.customer_pays != together.customer_pays


def test_a_bad_cart_lists_every_problem(catalog_app):
    with pytest.raises(backorder.ValidationError) as e:
        plan_for_cart([{"sku": "NOPE"}, {"sku": "JKT-NAVY-M", "quantity": 0}])
    assert {i.path for i in e.value.issues} >= {"cart.lines[0].sku", "cart.lines[1].quantity"}


def test_apply_choices(catalog_app):
    lines = [dict(l, line_id=str(n), quantity=1) for n, l in enumerate(CART, 1)]
    plan = plan_for_cart(lines)
    jacket = plan.line("1")
    alt = jacket.alternatives[0].sku
    new, changed = apply_choices(lines, plan, {"1": f"alternative:{alt}"})
    assert changed and [l["sku"] for l in new] == [alt, "SCF-WOOL-GRY", "JNS-SLIM-32"]
    assert not plan_for_cart(new).mixed
    new, changed = apply_choices(lines, plan, {"1": "remove"})
    assert changed and [l["line_id"] for l in new] == ["2", "3"]
    # what the plan did not offer changes nothing: a sku not among the alternatives, removing a line that ships now
    for choices in ({"1": "alternative:VEST-DOWN-M"}, {"2": "remove"}, {"1": "wait"}, {"9": "remove"}, {}):
        assert apply_choices(lines, plan, choices) == (lines, False)


def test_orders_go_into_the_ledger_with_their_promise(ledger_app):
    plan = plan_for_cart(CART)
    jacket = plan.line("1").label.later_window
    order = place_order(plan, order_id="DJ-1", customer={"name": "Dana", "email": "dana@example.com"},
                        strategy="ship_available")
    assert order["consent"]["strategy"] == "ship_available"
    assert order["customer"] == {"name": "Dana", "email": "dana@example.com", "locale": "en-US", "zone": "US",
                                 "tier": ""}
    [line] = [l for l in order["lines"] if l["sku"] == "JKT-NAVY-M"]
    assert line["waiting"] == 1 and line["source"] == "lead_time"
    assert line["promised"] == {"from": jacket.from_date.isoformat(), "to": jacket.to_date.isoformat()}
    # the same form posted twice places one order
    assert place_order(plan, order_id="DJ-1", customer={"name": "Dana", "email": "dana@example.com"}) == order
    [message] = [m for m in conf.get_store().outbox(now=NOW) if m.order_id == "DJ-1"]
    assert message.kind == "confirmation" and "Dec 10" in message.text


def test_labels_and_plans_over_the_ledger_count_its_orders(ledger_app):
    assert render("{% backorder_label 'JKT-NAVY-L' as l %}{{ l.text }}") == "Only 2 left"
    plan = plan_for_cart([{"sku": "JKT-NAVY-L", "quantity": 2}])
    place_order(plan, order_id="DJ-2", customer={"name": "Ann", "email": "ann@example.com"})
    # the two left are promised to that order: a new shopper is offered a backorder
    out = render("{% backorder_label 'JKT-NAVY-L' as l %}{{ l.status }}|{{ l.sellable }}")
    assert out == "backorder|0"
    assert plan_for_cart([{"sku": "JKT-NAVY-L"}]).line("1").label.status == "backorder"
    # facts handed in win over the ledger
    assert render("{% backorder_label 'JKT-NAVY-L' s as l %}{{ l.status }}", s={"on_hand": 9}) == "in_stock"


def test_notify_me_is_a_subscription_in_the_ledger(ledger_app):
    first = subscribe("TEE-BASIC-S", "lee@example.com")
    assert first.applied and first.type == "subscribed" and first.token
    again = subscribe("TEE-BASIC-S", " LEE@example.com ")
    assert again.status == "duplicate"
    store = conf.get_store()
    store.apply({"id": "restock", "type": "stock_received", "at": NOW, "sku": "TEE-BASIC-S", "quantity": 6})
    told = [m for m in store.outbox(now=NOW) if m.kind == "back_in_stock"]
    assert [m.recipient for m in told] == ["lee@example.com"]


def test_notify_me_needs_the_secret(tmp_path):
    cfg = catalog_settings(STORE=f"sqlite:{tmp_path}/l.db", SEED=True)
    with backorder_settings(cfg):
        with pytest.raises(backorder.Error):
            subscribe("TEE-BASIC-S", "lee@example.com")


def test_each_thread_has_its_own_ledger_handle(ledger_app):
    mine = conf.get_store()
    assert conf.get_store() is mine
    theirs = []
    t = threading.Thread(target=lambda: theirs.append(conf.get_store()))
    t.start()
    t.join()
    assert theirs[0] is not mine and theirs[0].shop == mine.shop
    # the seed was applied once: the other thread's open answered "duplicate"
    assert [r.status for r in conf.seed(theirs[0])] == ["duplicate"]


def test_a_store_needs_a_url(catalog_app):
    with pytest.raises(ImproperlyConfigured, match="STORE"):
        conf.get_store()


def test_a_forked_child_opens_its_own_handle(ledger_app):
    import os

    parent = conf.get_store()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a handle of its own, and the ledger the parent wrote
        code = 1
        try:
            child = conf.get_store()
            label = child.labels("JKT-NAVY-M", now=NOW)[0]
            code = 0 if child is not parent and label.status == "backorder" else 2
        finally:
            os.write(write, bytes([code]))
            os._exit(0)
    os.close(write)
    status = os.read(read, 1)
    os.waitpid(pid, 0)
    os.close(read)
    assert status == b"\x00"
    assert conf.get_store() is parent and not parent.closed
    assert parent.labels("JKT-NAVY-M", now=NOW)[0].status == "backorder"
