"""One view per page: read the request, ask the engine or the ledger through backorder_django, render."""

from __future__ import annotations

import logging
import secrets
from typing import Any, Dict, List, Optional

import backorder
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from backorder_django import conf
from backorder_django.checkout import apply_choices, place_order, plan_for_cart, subscribe
from backorder_django.labels import label_for, labels_for

log = logging.getLogger(__name__)
STRATEGY_NAMES = {"ship_available": "Ship what is ready now", "ship_together": "Ship everything together"}


def shop_context(request: HttpRequest) -> Dict[str, Any]:
    """For every page: the cart's size and the moment the pages are computed at."""
    cart = request.session.get("cart", []) if hasattr(request, "session") else []
    return {"cart_count": sum(l["quantity"] for l in cart), "shop_now": conf.current().isoformat()}


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    items = conf.catalog()
    labels = labels_for([i["sku"] for i in items])
    return render(request, "shop/home.html", {"rows": list(zip(items, labels))})


@require_GET
def product(request: HttpRequest) -> HttpResponse:
    return _product_page(request, request.GET.get("sku", ""))


def _product_page(request: HttpRequest, sku: str, *, notice: str = "", error: str = "", contact: str = "",
                  status: int = 200) -> HttpResponse:
    item = conf.item(sku)
    if item is None:
        return error_page(request, 404, f"There is no product “{sku}”.")
    # One label for the whole page: the text shown and the JSON-LD come from the same answer.
    label = label_for(sku)
    context = {"item": item, "label": label, "notice": notice, "error": error, "contact": contact}
    return render(request, "shop/product.html", context, status=status)


@require_POST
def add_to_cart(request: HttpRequest) -> HttpResponse:
    sku = request.POST.get("sku", "")
    try:
        quantity = int(request.POST.get("quantity", "1"))
    except ValueError:
        quantity = 0
    if conf.item(sku) is None or not 1 <= quantity <= 99:
        return error_page(request, 400, "Choose a product and a quantity from 1 to 99.")
    cart: List[Dict[str, Any]] = request.session.get("cart", [])
    for line in cart:
        if line["sku"] == sku:
            line["quantity"] = min(99, line["quantity"] + quantity)
            break
    else:
        n = request.session.get("next_line", 1)
        cart.append({"line_id": str(n), "sku": sku, "quantity": quantity})
        request.session["next_line"] = n + 1
    request.session["cart"] = cart
    return HttpResponseRedirect(reverse("cart"))


@require_http_methods(["GET", "POST"])
def cart(request: HttpRequest) -> HttpResponse:
    lines = request.session.get("cart", [])
    if not lines:
        return render(request, "shop/cart.html", {"plan": None})
    plan = plan_for_cart(lines)
    if request.method == "POST":
        return _update_cart(request, lines, plan)
    flash = request.session.pop("flash", {})
    chosen = request.session.get("strategy")
    strategy = _strategy(plan, chosen)
    rows = []
    for line in plan.lines:
        rows.append({"line": line, "choices": _choices(line)})
    return render(request, "shop/cart.html", {
        "plan": plan, "strategy": strategy, "rows": rows,
        "strategies": [{"s": s, "name": STRATEGY_NAMES.get(s.id, s.id), "checked": s.id == strategy.id,
                        "recommended": s.id == plan.recommended_strategy} for s in plan.strategies],
        "shipments": [{"shipment": sh, "n": n, "lines": ",".join(i.line_id for i in sh.items),
                       "names": [(i.quantity, plan.line(i.line_id).name) for i in sh.items]}
                      for n, sh in enumerate(strategy.shipments, 1)],
        "total": plan.subtotal + strategy.customer_pays,
        "errors": flash.get("errors", []), "form": flash.get("form", {"name": "", "email": ""}),
    })


def _strategy(plan: backorder.CheckoutPlan, chosen: Optional[str]) -> backorder.Strategy:
    ids = [s.id for s in plan.strategies]
    return plan.strategy(chosen if chosen in ids else plan.default_strategy if plan.default_strategy in ids else None)


def _choices(line: backorder.PlanLine) -> List[Dict[str, str]]:
    """The select's options for a line that waits: wait, each offered alternative, remove."""
    out = []
    if "wait" in line.options:
        out.append({"value": "wait", "text": "Wait for it"})
    if "alternative" in line.options:
        for alt in line.alternatives:
            out.append({"value": f"alternative:{alt.sku}", "sku": alt.sku, "name": alt.name,
                        "label": alt.label.text, "price": alt.price})
    if "remove" in line.options:
        out.append({"value": "remove", "text": "Remove it"})
    return out


def _update_cart(request: HttpRequest, lines: List[Dict[str, Any]], plan: backorder.CheckoutPlan) -> HttpResponse:
    strategy = request.POST.get("strategy", "")
    if strategy in {s.id for s in plan.strategies}:
        request.session["strategy"] = strategy
    choices = {l.line_id: request.POST.get(f"choice-{l.line_id}", "wait") for l in plan.lines}
    new_lines, changed = apply_choices(lines, plan, choices)
    if changed:
        request.session["cart"] = new_lines
    form = {"name": request.POST.get("name", "").strip(), "email": request.POST.get("email", "").strip()}
    if request.POST.get("action") != "place":
        request.session["flash"] = {"form": form}
        return HttpResponseRedirect(reverse("cart"))
    errors = []
    if changed:
        errors.append("Your cart changed: check the dates and charges below, then place the order.")
    if not form["name"] or len(form["name"]) > 100:
        errors.append("Enter your name (up to 100 characters).")
    try:
        validate_email(form["email"])
    except ValidationError:
        errors.append(f"“{form['email']}” is not an email address we can write to.")
    if errors:
        request.session["flash"] = {"errors": errors, "form": form}
        return HttpResponseRedirect(reverse("cart"))
    order_id = "DJ-" + secrets.token_hex(4).upper()
    # The shopper consents to the plan on the page they submitted: the cart as it was, the strategy chosen.
    place_order(plan, order_id=order_id, customer=form, strategy=_strategy(plan, request.session.get("strategy")).id)
    request.session["orders"] = request.session.get("orders", []) + [order_id]
    for key in ("cart", "strategy", "flash"):
        request.session.pop(key, None)
    return HttpResponseRedirect(reverse("order") + "?" + urlencode({"id": order_id}))


@require_GET
def order(request: HttpRequest) -> HttpResponse:
    order_id = request.GET.get("id", "")
    if order_id not in request.session.get("orders", []):  # a shopper sees only the orders of this session
        return error_page(request, 404, "There is no such order in this session.")
    store = conf.get_store()
    placed = store.order(order_id)
    message = None
    for m in store.outbox(limit=1000, now=conf.current()):
        if m.order_id == order_id and m.kind == "confirmation":
            message = m
    names = {i["sku"]: i.get("name") or i["sku"] for i in conf.catalog()}
    lines = [{"line": l, "name": names.get(l["sku"], l["sku"]), "backordered": l["waiting"] > 0 and l["source"] != "stock"}
             for l in placed["lines"]]
    strategy = (placed.get("consent") or {}).get("strategy", "")
    return render(request, "shop/order.html", {"order": placed, "lines": lines, "message": message,
                                               "strategy": strategy, "strategy_name": STRATEGY_NAMES.get(strategy, "")})


@require_POST
def notify(request: HttpRequest) -> HttpResponse:
    sku = request.POST.get("sku", "")
    contact = request.POST.get("contact", "").strip()
    if conf.item(sku) is None:
        return error_page(request, 404, f"There is no product “{sku}”.")
    try:
        validate_email(contact)
    except ValidationError:
        return _product_page(request, sku, contact=contact, status=422,
                             error=f"“{contact}” is not an email address we can write to.")
    subscribe(sku, contact)
    return _product_page(request, sku, notice=f"We will email {contact} when it can be ordered.")


def error_page(request: HttpRequest, status: int, message: str) -> HttpResponse:
    return render(request, "shop/error.html", {"message": message}, status=status)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(request, 404, "There is no such page.")


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponse("<!DOCTYPE html><title>Error</title><p>Something went wrong.</p>", status=500)
