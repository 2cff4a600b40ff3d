#include "events.hpp"

#include "backorder/policy.hpp"

namespace backorder::detail {
namespace {

constexpr std::int64_t kMaxUnits = 1'000'000'000;
constexpr std::int64_t kMaxPrice = 1'000'000'000'000'000;
constexpr std::size_t kMaxLines = 10'000;  // per order or shipment (docs/limits.md)

std::string required_text(const json& j, std::string_view key, const std::string& path, Reader& r) {
  auto s = r.string(j, key, path);
  if (!s || s->empty()) {
    if (!s && !Reader::member(j, key)) r.fail(Reader::at(path, key), "required");
    if (s) r.fail(Reader::at(path, key), "must not be empty");
    return "";
  }
  return *s;
}

std::int64_t required_units(const json& j, std::string_view key, const std::string& path, Reader& r,
                            std::int64_t min = 1) {
  if (auto q = r.integer(j, key, path, min, kMaxUnits)) return *q;
  if (!Reader::member(j, key)) r.fail(Reader::at(path, key), "required");
  return 0;
}

const json* array(const json& j, std::string_view key, const std::string& path, Reader& r, bool required) {
  const json* a = Reader::member(j, key);
  std::string p = Reader::at(path, key);
  if (!a) {
    if (required) r.fail(p, "required: an array");
    return nullptr;
  }
  if (!a->is_array()) {
    r.fail(p, "expected an array");
    return nullptr;
  }
  if (a->size() > kMaxLines) {
    r.fail(p, "more than " + std::to_string(kMaxLines) + " entries");
    return nullptr;
  }
  return a;
}

void read_catalog(const json& j, const std::string& path, Event& e, Reader& r) {
  if (const json* a = array(j, "items", path, r, false)) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      e.catalog.items.push_back(read_item((*a)[i], Reader::at(Reader::at(path, "items"), i), r));
      e.item_docs.push_back(to_text((*a)[i]));
    }
  }
  if (const json* a = array(j, "stock", path, r, false)) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      std::string p = Reader::at(Reader::at(path, "stock"), i);
      StockRow row;
      row.position = read_stock((*a)[i], p, r, true);
      row.sku = (*a)[i].is_object() ? required_text((*a)[i], "sku", p, r) : "";
      e.catalog.stock.push_back(std::move(row));
    }
  }
  if (const json* a = array(j, "supply", path, r, false)) {
    for (std::size_t i = 0; i < a->size(); ++i)
      e.catalog.supply.push_back(read_supply((*a)[i], Reader::at(Reader::at(path, "supply"), i), r));
  }
  if (const json* a = array(j, "suppliers", path, r, false)) {
    for (std::size_t i = 0; i < a->size(); ++i)
      e.catalog.suppliers.push_back(read_supplier((*a)[i], Reader::at(Reader::at(path, "suppliers"), i), r));
  }
}

void read_order(const json& j, const std::string& path, Event& e, Reader& r) {
  std::string op = Reader::at(path, "order");
  const json* o = Reader::member(j, "order");
  if (!o) return r.fail(op, "required: {\"id\", \"customer\", \"lines\"}");
  if (!r.object(*o, op, {"id", "customer", "lines", "priority", "credit_applied"})) return;
  e.order_id = required_text(*o, "id", op, r);
  e.credit_applied = r.boolean(*o, "credit_applied", op).value_or(false);
  e.priority = static_cast<int>(r.integer(*o, "priority", op, -1000, 1000).value_or(0));
  std::string cp = Reader::at(op, "customer");
  if (const json* c = Reader::member(*o, "customer")) {
    if (r.object(*c, cp, {"name", "email", "locale", "zone", "tier"})) {
      e.customer.name = r.string(*c, "name", cp).value_or("");
      e.customer.email = required_text(*c, "email", cp, r);
      e.customer.zone = r.string(*c, "zone", cp).value_or("");
      e.customer.tier = r.string(*c, "tier", cp).value_or("");
      if (auto l = r.string(*c, "locale", cp)) {
        e.customer.locale = canonical_locale(*l);
        if (e.customer.locale.empty()) r.fail(Reader::at(cp, "locale"), "unknown locale \"" + *l + "\"");
      }
    }
  } else {
    r.fail(cp, "required: {\"email\", \"locale\", ...}");
  }
  const json* lines = array(*o, "lines", op, r, true);
  if (lines && lines->empty()) r.fail(Reader::at(op, "lines"), "an order needs at least one line");
  for (std::size_t i = 0; lines && i < lines->size(); ++i) {
    std::string lp = Reader::at(Reader::at(op, "lines"), i);
    const json& l = (*lines)[i];
    if (!r.object(l, lp, {"line_id", "sku", "quantity", "unit_price"})) continue;
    PlacedLine pl;
    pl.line_id = required_text(l, "line_id", lp, r);
    pl.sku = required_text(l, "sku", lp, r);
    pl.quantity = required_units(l, "quantity", lp, r);
    pl.unit_price = r.integer(l, "unit_price", lp, 0, kMaxPrice);
    for (const auto& seen : e.lines)
      if (!pl.line_id.empty() && seen.line_id == pl.line_id) r.fail(Reader::at(lp, "line_id"), "repeated");
    e.lines.push_back(std::move(pl));
  }
  if (const json* m = Reader::member(j, "paid")) {
    if (!m->is_object())
      r.fail(Reader::at(path, "paid"), "expected what was paid, as a refund request's \"order\" (an object)");
    else
      e.paid = to_text(*m);
  }
  if (const json* c = Reader::member(j, "consent")) {
    if (!c->is_object())
      r.fail(Reader::at(path, "consent"), "expected the consent record checkout gave (an object)");
    else
      e.consent = to_text(*c);
  }
}

void read_shipment(const json& j, const std::string& path, Event& e, Reader& r) {
  e.order_id = required_text(j, "order_id", path, r);
  e.shipment_id = required_text(j, "shipment_id", path, r);
  e.carrier = r.string(j, "carrier", path).value_or("");
  e.tracking = r.string(j, "tracking", path).value_or("");
  const json* lines = array(j, "lines", path, r, true);
  if (lines && lines->empty()) r.fail(Reader::at(path, "lines"), "a shipment needs at least one line");
  for (std::size_t i = 0; lines && i < lines->size(); ++i) {
    std::string lp = Reader::at(Reader::at(path, "lines"), i);
    if (!r.object((*lines)[i], lp, {"line_id", "quantity"})) continue;
    e.shipped.push_back(
        {required_text((*lines)[i], "line_id", lp, r), required_units((*lines)[i], "quantity", lp, r)});
  }
}

void read_supply_change(const json& j, const std::string& path, Event& e, Reader& r) {
  std::string sp = Reader::at(path, "supply");
  const json* s = Reader::member(j, "supply");
  if (!s) return r.fail(sp, "required: {\"id\", and what changed}");
  if (e.type == "supply_added") {
    e.supply = read_supply(*s, sp, r);
    return;
  }
  if (!r.object(*s, sp, {"id", "quantity", "expected", "status"})) return;
  e.supply.id = required_text(*s, "id", sp, r);
  e.supply_id = e.supply.id;
  if (e.type == "supply_cancelled") return;
  if (auto q = r.integer(*s, "quantity", sp, 0, kMaxUnits)) e.has_quantity = true, e.supply.quantity = *q;
  if (Reader::member(*s, "expected")) {
    e.has_arrival = true;
    read_arrival(*s, sp, r, e.supply);
  }
  if (auto st = r.string(*s, "status", sp)) {
    e.has_status = true;
    if (*st == "confirmed" || *st == "unconfirmed")
      e.supply.status = *st == "confirmed" ? SupplyStatus::confirmed : SupplyStatus::unconfirmed;
    else
      r.fail(Reader::at(sp, "status"), "expected \"confirmed\" or \"unconfirmed\"");
  }
  if (!e.has_quantity && !e.has_arrival && !e.has_status)
    r.fail(sp, "nothing changes: give quantity, expected or status");
}

void read_subscription(const json& j, const std::string& path, Event& e, Reader& r) {
  std::string sp = Reader::at(path, "subscription");
  const json* s = Reader::member(j, "subscription");
  if (!s) return r.fail(sp, "required: {\"id\", \"sku\", \"contact\", \"locale\", \"quantity\"}");
  if (!r.object(*s, sp, {"id", "sku", "contact", "locale", "quantity"})) return;
  e.subscription.id = required_text(*s, "id", sp, r);
  e.subscription.sku = required_text(*s, "sku", sp, r);
  e.subscription.contact = required_text(*s, "contact", sp, r);
  e.subscription.quantity = r.integer(*s, "quantity", sp, 1, kMaxUnits).value_or(1);
  if (auto l = r.string(*s, "locale", sp)) {
    e.subscription.locale = canonical_locale(*l);
    if (e.subscription.locale.empty()) r.fail(Reader::at(sp, "locale"), "unknown locale \"" + *l + "\"");
  }
}

}  // namespace

Event read_event(const json& j, const std::string& path, Reader& r) {
  Event e;
  if (!j.is_object()) {
    r.fail(path, "expected an event object with \"id\", \"type\" and \"at\"");
    return e;
  }
  e.id = required_text(j, "id", path, r);
  e.type = r.string(j, "type", path).value_or("");
  e.at = read_instant(j, "at", path, r);
  e.body = to_text(j);
  std::initializer_list<std::string_view> envelope = {"id", "type", "at"};
  auto fields = [&](std::initializer_list<std::string_view> more) {
    std::vector<std::string_view> known(envelope);
    known.insert(known.end(), more);
    for (auto kv = j.begin(); kv != j.end(); ++kv) {
      if (std::find(known.begin(), known.end(), kv.key()) == known.end())
        r.fail(Reader::at(path, kv.key()), "unknown field for a " + e.type + " event");
    }
  };
  const std::string& t = e.type;
  if (t == "catalog") {
    fields({"items", "stock", "supply", "suppliers"});
    read_catalog(j, path, e, r);
  } else if (t == "order_placed") {
    fields({"order", "consent", "paid"});
    read_order(j, path, e, r);
  } else if (t == "stock_received") {
    fields({"sku", "quantity", "supply_id"});
    e.sku = required_text(j, "sku", path, r);
    e.quantity = required_units(j, "quantity", path, r);
    e.supply_id = r.string(j, "supply_id", path).value_or("");
  } else if (t == "stock_set") {
    fields({"sku", "on_hand", "reserved", "safety_stock"});
    e.sku = required_text(j, "sku", path, r);
    e.position.on_hand = required_units(j, "on_hand", path, r, 0);
    e.position.reserved = r.integer(j, "reserved", path, 0, kMaxUnits).value_or(0);
    e.position.safety_stock = r.integer(j, "safety_stock", path, 0, kMaxUnits).value_or(0);
  } else if (t == "supply_added" || t == "supply_changed" || t == "supply_cancelled") {
    fields({"supply"});
    read_supply_change(j, path, e, r);
  } else if (t == "shipment_created") {
    fields({"order_id", "shipment_id", "carrier", "tracking", "lines"});
    read_shipment(j, path, e, r);
  } else if (t == "line_cancelled") {
    fields({"order_id", "line_id", "reason"});
    e.order_id = required_text(j, "order_id", path, r);
    e.line_id = r.string(j, "line_id", path).value_or("");
    e.cause = r.string(j, "reason", path).value_or("");
  } else if (t == "delay_declared") {
    fields({"sku", "order_id", "cause"});
    e.sku = r.string(j, "sku", path).value_or("");
    e.order_id = r.string(j, "order_id", path).value_or("");
    e.cause = r.string(j, "cause", path).value_or("");
    if (e.sku.empty() == e.order_id.empty()) r.fail(path, "give either \"sku\" or \"order_id\"");
  } else if (t == "delay_reply") {
    fields({"order_id", "answer"});
    e.order_id = required_text(j, "order_id", path, r);
    e.answer = r.string(j, "answer", path).value_or("");
    if (e.answer != "consent" && e.answer != "cancel")
      r.fail(Reader::at(path, "answer"), "required: \"consent\" (keep waiting) or \"cancel\"");
  } else if (t == "tick") {
    fields({});  // time passing: "at" is all it says
  } else if (t == "subscribed") {
    fields({"subscription"});
    read_subscription(j, path, e, r);
  } else if (t == "unsubscribed") {
    fields({"subscription_id", "token"});
    e.subscription_id = r.string(j, "subscription_id", path).value_or("");
    e.token = r.string(j, "token", path).value_or("");
    if (e.subscription_id.empty() == e.token.empty())
      r.fail(path, "give either \"subscription_id\" or \"token\"");
  } else if (Reader::member(j, "type")) {
    r.fail(Reader::at(path, "type"),
           "unknown event type \"" + t +
               "\" (catalog, order_placed, stock_received, stock_set, supply_added, supply_changed, "
               "supply_cancelled, shipment_created, line_cancelled, delay_declared, delay_reply, tick, "
               "subscribed, unsubscribed)");
  } else {
    r.fail(Reader::at(path, "type"), "required");
  }
  return e;
}

}  // namespace backorder::detail
