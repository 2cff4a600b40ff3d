// JSON for the promise engine: scenarios in, promises, quotes and deltas out (docs/json.md#promises).
#include <algorithm>

#include "backorder/wire.hpp"
#include "fact_reader.hpp"
#include "wire_objects.hpp"

namespace backorder {

using detail::json;
using detail::Reader;
using detail::window_json;

namespace {

json promise_object(const LinePromise& p) {
  return {{"ship", window_json(p.ship)},     {"delivery", window_json(p.delivery)},
          {"source", source_name(p.source)}, {"confidence", confidence_name(p.confidence)},
          {"lines_ahead", p.lines_ahead},    {"units_ahead", p.units_ahead},
          {"late_supply", p.late_supply}};
}

json line_object(const PromiseBook& book, std::size_t i) {
  LineView l = book.line(i);
  json o = promise_object(book.promise(i));
  o["order_id"] = l.order_id;
  o["line_id"] = l.line_id;
  o["sku"] = l.sku;
  o["quantity"] = l.quantity;
  json parts = json::array();
  for (const Part& part : book.parts(i)) {
    json jp = {{"source", source_name(part.source)},
               {"quantity", part.quantity},
               {"from", format_day(part.from)},
               {"to", format_day(part.to)}};
    if (part.supply >= 0) jp["supply_id"] = book.supply(static_cast<std::size_t>(part.supply)).id;
    parts.push_back(std::move(jp));
  }
  o["parts"] = std::move(parts);
  return o;
}

}  // namespace

PromiseBook promise_book_from_json(std::shared_ptr<const Engine> engine, std::string_view scenario_json) {
  json j = detail::parse_json_or_throw(scenario_json, "scenario", "");
  Reader r;
  if (!r.object(j, "", {"now", "items", "stock", "supply", "suppliers", "orders"})) r.throw_if_failed();
  Instant now = detail::read_instant(j, "now", "", r);
  Facts facts = detail::read_facts(j, r);
  if (r.ok()) return PromiseBook(std::move(engine), std::move(facts), now);
  // Report what the book would object to as well, so one pass shows every problem.
  try {
    PromiseBook(std::move(engine), std::move(facts), now);
  } catch (const ValidationError& e) {
    for (const Issue& i : e.issues()) {
      bool known =
          std::any_of(r.issues.begin(), r.issues.end(), [&](const Issue& k) { return k.path == i.path; });
      if (!known) r.issues.push_back(i);
    }
  }
  throw ValidationError(r.issues);
}

std::string promises_json(const PromiseBook& book) {
  json lines = json::array(), supply = json::array();
  for (std::size_t i = 0; i < book.line_count(); ++i) {
    if (book.line_alive(i)) lines.push_back(line_object(book, i));
  }
  for (std::size_t i = 0; i < book.supply_count(); ++i) {
    if (!book.supply_open(i)) continue;
    const Supply& s = book.supply(i);
    supply.push_back({{"id", s.id},
                      {"sku", s.sku},
                      {"quantity", s.quantity},
                      {"ship", window_json(book.supply_window(i))}});
  }
  return detail::to_text(json{{"lines", std::move(lines)}, {"supply", std::move(supply)}});
}

std::string quote_json(const PromiseBook& book, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  std::string sku, zone;
  std::int64_t quantity = 1;
  if (r.object(j, "", {"sku", "quantity", "zone"})) {
    // Read once, through the reader: null counts as absent, as everywhere.
    if (auto s = r.string(j, "sku", ""))
      sku = *s;
    else if (!Reader::member(j, "sku"))
      r.fail("sku", "required");
    quantity = r.integer(j, "quantity", "", 1, limits::kQuantity).value_or(1);
    zone = r.string(j, "zone", "").value_or("");
  }
  r.throw_if_failed();
  Quote q = book.quote(sku, quantity, zone);
  json o = {{"sku", sku},
            {"quantity", quantity},
            {"ship", window_json(q.ship)},
            {"delivery", window_json(q.delivery)},
            {"source", source_name(q.source)},
            {"confidence", confidence_name(q.confidence)},
            {"lines_ahead", q.lines_ahead},
            {"units_ahead", q.units_ahead},
            {"from_stock", q.from_stock},
            {"late_supply", q.late_supply}};
  if (q.supply >= 0) o["supply_id"] = book.supply(static_cast<std::size_t>(q.supply)).id;
  return detail::to_text(o);
}

std::string apply_json(PromiseBook& book, std::string_view change_json) {
  json j = detail::parse_json_or_throw(change_json, "change", "change");
  Reader r;
  Change c = detail::read_change(j, r);
  r.throw_if_failed();
  std::vector<Delta> applied;
  try {
    applied = book.apply(c);
  } catch (const ValidationError& e) {
    std::vector<Issue> issues = e.issues();
    for (auto& i : issues) i.path = "change." + i.path;
    throw ValidationError(std::move(issues));
  } catch (const Error& e) {
    throw Error(e.code(), "change." + e.path(), e.what());
  }
  json deltas = json::array();
  for (const Delta& d : applied) {
    json o = {{"order_id", d.order_id},
              {"line_id", d.line_id},
              {"sku", d.sku},
              {"removed", d.removed},
              {"before", promise_object(d.before)}};
    o["after"] = d.removed ? json(nullptr) : promise_object(d.after);
    deltas.push_back(std::move(o));
  }
  return detail::to_text(json{{"deltas", std::move(deltas)}});
}

}  // namespace backorder
