// JSON for checkout: carts in, plans out, and the consent record (docs/json.md#checkout).
#include "backorder/checkout.hpp"
#include "backorder/wire.hpp"
#include "fact_reader.hpp"
#include "wire_objects.hpp"

namespace backorder {

using detail::json;
using detail::JsonWriter;
using detail::Reader;
using detail::write_label;
using detail::write_window;

namespace {

constexpr std::int64_t kMaxAmount = limits::kAmount;

Cart read_cart(const json& j, Reader& r) {
  Cart cart;
  const json* c = Reader::member(j, "cart");
  if (!c) {
    r.fail("cart", "required: {\"currency\", \"lines\": [...]}");
    return cart;
  }
  if (!r.object(*c, "cart", {"currency", "lines"})) return cart;
  cart.currency = r.string(*c, "currency", "cart").value_or("");
  if (cart.currency.empty()) r.fail("cart.currency", "required");
  const json* lines = Reader::member(*c, "lines");
  if (!lines || !lines->is_array()) {
    r.fail("cart.lines", "required: an array of lines");
    return cart;
  }
  for (std::size_t i = 0; i < lines->size(); ++i) {
    std::string p = Reader::at("cart.lines", i);
    const json& l = (*lines)[i];
    CartLine line;
    if (r.object(l, p, {"line_id", "sku", "quantity", "unit_price", "currency"})) {
      line.line_id = r.string(l, "line_id", p).value_or(std::to_string(i + 1));
      line.sku = r.string(l, "sku", p).value_or("");
      if (line.sku.empty()) r.fail(Reader::at(p, "sku"), "required");
      // The range is checked with the rest of the cart, so one answer lists every problem.
      line.quantity =
          r.integer(l, "quantity", p, INT64_MIN, INT64_MAX).value_or(Reader::member(l, "quantity") ? 0 : 1);
      line.unit_price = r.integer(l, "unit_price", p, 0, kMaxAmount);
      if (auto cur = r.string(l, "currency", p); cur && *cur != cart.currency) {
        r.fail(Reader::at(p, "currency"), "a cart holds one currency (" + cart.currency + ")");
      }
    }
    cart.lines.push_back(std::move(line));
  }
  if (const json* cu = Reader::member(j, "customer");
      cu && r.object(*cu, "customer", {"locale", "zone", "tier"})) {
    cart.customer.locale = r.string(*cu, "locale", "customer").value_or("");
    cart.customer.zone = r.string(*cu, "zone", "customer").value_or("");
    cart.customer.tier = r.string(*cu, "tier", "customer").value_or("");
    if (!cart.customer.locale.empty() && !is_known_locale(cart.customer.locale)) {
      r.fail("customer.locale", "unknown locale \"" + cart.customer.locale + "\"");
    }
  }
  return cart;
}

void write_shipment(JsonWriter& w, const Shipment& s) {
  w.begin_object().field("charge", s.charge).key("delivery");
  write_window(w, s.delivery);
  w.key("items").begin_array();
  for (const auto& i : s.items)
    w.begin_object().field("line_id", i.line_id).field("quantity", i.quantity).end_object();
  w.end_array().key("ship");
  write_window(w, s.ship);
  w.end_object();
}

// Keys in sorted order, as everywhere in answers.
std::string plan_text(const CheckoutPlan& plan, const Calendar& cal) {
  JsonWriter w;
  w.begin_object()
      .field("cost_difference", plan.cost_difference)
      .field("currency", plan.currency)
      .field("default_strategy", strategy_name(plan.default_strategy))
      .key("disclosures")
      .begin_array();
  for (const Disclosure& d : plan.disclosures) {
    w.begin_object().field("kind", d.kind);
    if (!d.line_id.empty()) w.field("line_id", d.line_id);
    w.field("text", d.text).end_object();
  }
  w.end_array().key("lines").begin_array();
  for (const PlanLine& l : plan.lines) {
    w.begin_object().key("alternatives").begin_array();
    for (const Alternative& a : l.alternatives) {
      w.begin_object().key("label");
      write_label(w, a.label, a.sku);
      w.field("name", a.name).field("price", a.price).field("sku", a.sku).end_object();
    }
    w.end_array().field("amount", l.amount).key("label");
    write_label(w, l.label, l.sku);
    w.field("line_id", l.line_id).field("name", l.name).key("options").begin_array();
    for (LineOption o : l.options) w.value(option_name(o));
    w.end_array()
        .field("preorder", l.preorder)
        .field("quantity", l.quantity)
        .field("sku", l.sku)
        .field("unit_price", l.unit_price)
        .end_object();
  }
  w.end_array()
      .field("locale", plan.locale)
      .field("mixed", plan.mixed)
      .field("now", cal.format_local(plan.now))
      .field("policy_hash", plan.policy_hash)
      .field("recommendation", plan.recommendation)
      .field("recommended_strategy", strategy_name(plan.recommended_strategy))
      .key("strategies")
      .begin_array();
  for (const StrategyPlan& s : plan.strategies) {
    w.begin_object().key("complete");
    write_window(w, s.complete);
    w.field("customer_pays", s.customer_pays)
        .field("disclosure", s.disclosure)
        .field("id", strategy_name(s.id))
        .key("payment")
        .begin_object()
        .field("advice", payment_name(s.payment.kind))
        .field("authorization_expires", cal.format_local(s.payment.authorization_expires))
        .field("latest_ship", format_day(s.payment.latest_ship))
        .end_object()
        .key("shipments")
        .begin_array();
    for (const Shipment& sh : s.shipments) write_shipment(w, sh);
    w.end_array().field("shipping_total", s.shipping_total).field("shop_pays", s.shop_pays).end_object();
  }
  w.end_array().field("subtotal", plan.subtotal).end_object();
  return std::move(w.text());
}

std::string plan_for(const PromiseBook& book, const Cart& cart, const std::string& locale) {
  Labeler labeler(book.engine_ptr(), cart.customer.locale.empty() ? locale : cart.customer.locale,
                  book.today().now);
  return plan_text(plan_checkout(book, cart, labeler), book.engine().calendar());
}

// A consent record's fields, checked the same way whether it was just made or read back from storage.
void check_consent(const json& c, Reader& r) {
  if (!r.object(c, "consent",
                {"version", "recorded_at", "plan_at", "policy_hash", "locale", "currency", "strategy",
                 "shipments", "customer_pays", "payment", "lines", "disclosures"})) {
    return;
  }
  if (r.integer(c, "version", "consent", 1, 1).value_or(0) != 1) r.fail("consent.version", "expected 1");
  for (const char* k : {"recorded_at", "plan_at", "policy_hash", "locale", "currency", "strategy"}) {
    if (!r.string(c, k, "consent")) r.fail(Reader::at("consent", k), "required text");
  }
  for (const char* k : {"recorded_at", "plan_at"}) {
    if (auto t = r.string(c, k, "consent")) {
      try {
        parse_instant(*t, Reader::at("consent", k));
      } catch (const Error& e) {
        r.fail(e.path(), e.what());
      }
    }
  }
  if (!r.integer(c, "customer_pays", "consent", 0, kMaxAmount))
    r.fail("consent.customer_pays", "required amount");
  for (const char* k : {"shipments", "lines", "disclosures"}) {
    const json* a = Reader::member(c, k);
    if (!a || !a->is_array()) r.fail(Reader::at("consent", k), "required array");
  }
  if (const json* pay = Reader::member(c, "payment"); !pay || !pay->is_object())
    r.fail("consent.payment", "required object");
  // What the shopper was shown must be there to show again.
  auto each = [&](const char* key, auto ok, const char* what) {
    const json* a = Reader::member(c, key);
    for (std::size_t i = 0; a && a->is_array() && i < a->size(); ++i) {
      if (!ok((*a)[i])) r.fail(Reader::at(Reader::at("consent", key), i), what);
    }
  };
  each(
      "shipments", [](const json& v) { return v.is_object(); }, "expected an object");
  each(
      "disclosures", [](const json& v) { return v.is_string(); }, "expected a string");
  const json* lines = Reader::member(c, "lines");
  for (std::size_t i = 0; lines && lines->is_array() && i < lines->size(); ++i) {
    std::string p = Reader::at("consent.lines", i);
    const json& l = (*lines)[i];
    if (!r.object(l, p,
                  {"line_id", "sku", "quantity", "unit_price", "choice", "alternative", "status", "text",
                   "later_window"})) {
      continue;
    }
    auto choice = r.string(l, "choice", p).value_or("");
    if (choice != "buy" && choice != "wait" && choice != "notify_me" && choice != "remove" &&
        choice != "alternative") {
      r.fail(Reader::at(p, "choice"), "expected buy, wait, notify_me, remove or alternative");
    }
    for (const char* k : {"line_id", "sku", "status", "text"}) {
      if (!r.string(l, k, p, limits::kStringBytes) && !Reader::member(l, k))
        r.fail(Reader::at(p, k), "required text");
    }
    if (!r.integer(l, "quantity", p, 1, limits::kCartQuantity) && !Reader::member(l, "quantity"))
      r.fail(Reader::at(p, "quantity"), "required");
    if (!r.integer(l, "unit_price", p, 0, kMaxAmount) && !Reader::member(l, "unit_price"))
      r.fail(Reader::at(p, "unit_price"), "required");
    if (!r.string(l, "alternative", p) && choice == "alternative" && !Reader::member(l, "alternative"))
      r.fail(Reader::at(p, "alternative"), "required for an alternative");
    if (const json* w = Reader::member(l, "later_window"); w && !w->is_object())
      r.fail(Reader::at(p, "later_window"), "expected a window or null");
  }
}

// The parts of a plan that consent_json reads, checked for their types first: a plan is the engine's own
// answer, but it comes back from the host and may have been edited or corrupted on the way.
void check_plan(const json& plan, Reader& r) {
  auto text = [&](const json& obj, const char* key, const std::string& path, bool required) {
    if (!r.string(obj, key, path, limits::kStringBytes) && required && !Reader::member(obj, key))
      r.fail(Reader::at(path, key), "required");
  };
  auto amount = [&](const json& obj, const char* key, const std::string& path, bool required) {
    if (!r.integer(obj, key, path, 0, kMaxAmount) && required && !Reader::member(obj, key))
      r.fail(Reader::at(path, key), "required");
  };
  auto array_of = [&](const json& obj, const char* key, const std::string& path, auto each) {
    const json* a = Reader::member(obj, key);
    if (!a) return;
    if (!a->is_array()) return r.fail(Reader::at(path, key), "expected an array");
    for (std::size_t i = 0; i < a->size(); ++i) each((*a)[i], Reader::at(Reader::at(path, key), i));
  };
  const std::string root = "plan";
  if (!plan.is_object() || !plan.contains("strategies") || !plan.contains("lines")) {
    return r.fail(root, "required: the checkout plan as the engine gave it");
  }
  for (const char* k : {"default_strategy", "now", "policy_hash", "locale", "currency"})
    text(plan, k, root, false);
  array_of(plan, "strategies", root, [&](const json& s, const std::string& p) {
    if (!s.is_object()) return r.fail(p, "expected an object");
    text(s, "id", p, true);
    text(s, "disclosure", p, false);
    amount(s, "customer_pays", p, false);
    if (const json* v = Reader::member(s, "shipments"); v && !v->is_array())
      r.fail(Reader::at(p, "shipments"), "expected an array");
    if (const json* v = Reader::member(s, "payment"); v && !v->is_object())
      r.fail(Reader::at(p, "payment"), "expected an object");
  });
  array_of(plan, "lines", root, [&](const json& l, const std::string& p) {
    if (!l.is_object()) return r.fail(p, "expected an object");
    text(l, "line_id", p, true);
    text(l, "sku", p, true);
    if (!r.integer(l, "quantity", p, 1, limits::kCartQuantity) && !Reader::member(l, "quantity"))
      r.fail(Reader::at(p, "quantity"), "required");
    amount(l, "unit_price", p, true);
    array_of(l, "options", p, [&](const json& o, const std::string& op) {
      if (!o.is_string()) r.fail(op, "expected a choice name");
    });
    array_of(l, "alternatives", p, [&](const json& a, const std::string& ap) {
      if (!a.is_object()) return r.fail(ap, "expected an object");
      text(a, "sku", ap, true);
    });
    const json* label = Reader::member(l, "label");
    if (!label || !label->is_object()) return r.fail(Reader::at(p, "label"), "required: an object");
    text(*label, "status", Reader::at(p, "label"), true);
    text(*label, "text", Reader::at(p, "label"), true);
  });
  array_of(plan, "disclosures", root, [&](const json& d, const std::string& p) {
    if (!d.is_object()) return r.fail(p, "expected an object");
    text(d, "text", p, true);
  });
}

}  // namespace

std::string checkout_plan_json(const CheckoutPlan& plan, const Engine& engine) {
  return plan_text(plan, engine.calendar());
}

std::string checkout_json(std::shared_ptr<const Engine> engine, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  if (!r.object(j, "",
                {"now", "locale", "items", "stock", "supply", "suppliers", "orders", "cart", "customer"})) {
    r.throw_if_failed();
  }
  Instant now = detail::read_instant(j, "now", "", r);
  std::string locale = r.string(j, "locale", "").value_or("");
  if (!locale.empty() && !is_known_locale(locale)) r.fail("locale", "unknown locale \"" + locale + "\"");
  Facts facts = detail::read_facts(j, r);
  Cart cart = read_cart(j, r);
  r.throw_if_failed();
  PromiseBook book(std::move(engine), std::move(facts), now);
  return plan_for(book, cart, locale);
}

std::string book_checkout_json(const PromiseBook& book, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  if (!r.object(j, "", {"locale", "cart", "customer"})) r.throw_if_failed();
  std::string locale = r.string(j, "locale", "").value_or("");
  if (!locale.empty() && !is_known_locale(locale)) r.fail("locale", "unknown locale \"" + locale + "\"");
  Cart cart = read_cart(j, r);
  r.throw_if_failed();
  return plan_for(book, cart, locale);
}

std::string consent_json(std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  if (!r.object(j, "", {"plan", "choice", "now"})) r.throw_if_failed();
  Instant now = detail::read_instant(j, "now", "", r);
  const json* plan = Reader::member(j, "plan");
  const json* choice = Reader::member(j, "choice");
  if (plan)
    check_plan(*plan, r);
  else
    r.fail("plan", "required: the checkout plan as the engine gave it");
  if (!choice || !r.object(*choice, "choice", {"strategy", "lines"})) {
    if (!choice) r.fail("choice", "required: {\"strategy\", \"lines\"}");
  } else {
    (void)r.string(*choice, "strategy", "choice");
  }
  r.throw_if_failed();
  // From here every member read below has the type check_plan asked for.

  // The strategy: one the plan offered; the plan's default when the shopper was not asked.
  std::string strategy =
      r.string(*choice, "strategy", "choice")
          .value_or(r.string(*plan, "default_strategy", "plan", limits::kStringBytes).value_or(""));
  const json* chosen = nullptr;
  for (const json& s : (*plan)["strategies"]) {
    if (s.value("id", std::string()) == strategy) chosen = &s;
  }
  if (!chosen) r.fail("choice.strategy", "the plan did not offer \"" + strategy + "\"");
  const json* picks = Reader::member(*choice, "lines");
  if (picks && !picks->is_object()) r.fail("choice.lines", "expected an object of line ids to choices");
  json lines = json::array();
  for (const json& l : (*plan)["lines"]) {
    std::string id = l.value("line_id", std::string());
    const json& options = l.contains("options") ? l["options"] : json::array();
    std::string pick = options.empty() ? "buy" : "wait";
    std::string alternative;
    std::string path = "choice.lines." + id;
    if (picks && picks->is_object() && picks->contains(id)) {
      const json& p = (*picks)[id];
      if (p.is_string()) {
        pick = p.get<std::string>();
      } else if (p.is_object() && p.contains("alternative") && p["alternative"].is_string()) {
        pick = "alternative";
        alternative = p["alternative"].get<std::string>();
        bool offered = false;
        for (const json& a : l.value("alternatives", json::array()))
          offered = offered || a.value("sku", "") == alternative;
        if (!offered)
          r.fail(Reader::at(path, "alternative"), "the plan did not offer \"" + alternative + "\"");
      } else {
        r.fail(path, "expected a choice name or {\"alternative\": SKU}");
      }
      bool allowed = pick == "buy" ? options.empty()
                                   : std::find(options.begin(), options.end(), json(pick)) != options.end();
      if (!allowed) r.fail(path, "\"" + pick + "\" was not offered for this line");
    }
    json rec = {{"line_id", id},
                {"sku", l.value("sku", "")},
                {"quantity", l.value("quantity", std::int64_t{0})},
                {"unit_price", l.value("unit_price", std::int64_t{0})},
                {"choice", pick},
                {"status", l["label"].value("status", "")},
                {"text", l["label"].value("text", "")},
                {"later_window", l["label"].value("later_window", json(nullptr))}};
    if (!alternative.empty()) rec["alternative"] = alternative;
    lines.push_back(std::move(rec));
  }
  if (picks && picks->is_object()) {
    for (auto it = picks->begin(); it != picks->end(); ++it) {
      bool known = false;
      for (const json& l : (*plan)["lines"]) known = known || l.value("line_id", "") == it.key();
      if (!known) r.fail("choice.lines." + it.key(), "no such line in the plan");
    }
  }
  r.throw_if_failed();

  // What the shopper was shown: the chosen strategy's words and every disclosure of the plan.
  json disclosures = json::array();
  if (!chosen->value("disclosure", std::string()).empty()) disclosures.push_back((*chosen)["disclosure"]);
  for (const json& d : plan->value("disclosures", json::array())) disclosures.push_back(d.value("text", ""));
  json record = {{"version", 1},
                 {"recorded_at", format_instant(now, 0)},
                 {"plan_at", plan->value("now", "")},
                 {"policy_hash", plan->value("policy_hash", "")},
                 {"locale", plan->value("locale", "")},
                 {"currency", plan->value("currency", "")},
                 {"strategy", strategy},
                 {"shipments", chosen->value("shipments", json::array())},
                 {"customer_pays", chosen->value("customer_pays", std::int64_t{0})},
                 {"payment", chosen->value("payment", json::object())},
                 {"lines", std::move(lines)},
                 {"disclosures", std::move(disclosures)}};
  Reader check;
  check_consent(record, check);
  check.throw_if_failed();
  return detail::to_text(record);
}

std::string consent_check_json(std::string_view record_json) {
  json j = detail::parse_json_or_throw(record_json, "consent", "consent");
  Reader r;
  check_consent(j, r);
  r.throw_if_failed();
  return detail::to_text(j);
}

}  // namespace backorder
