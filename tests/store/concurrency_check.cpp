#include <cstdio>
#include <fstream>
#include <set>

#include "backorder/wire.hpp"
#include "concurrency.hpp"
#include "store/db.hpp"

namespace backorder::reliability {
namespace {

int expect(bool ok, const std::string& what) {
  if (!ok) std::printf("FAIL: %s\n", what.c_str());
  return ok ? 0 : 1;
}

}  // namespace

json concurrency_setup() {
  Instant t0 = concurrency_start();
  json all = json::array({catalog_event("setup-catalog", t0)});
  const char* expected[] = {"2026-12-10", "2026-12-21"};
  for (int i = 0; i < 2; ++i) {
    all.push_back({{"id", "setup-po-" + std::to_string(i)},
                   {"type", "supply_added"},
                   {"at", iso(t0)},
                   {"supply",
                    {{"id", "PO-" + std::to_string(i)},
                     {"sku", kJacket},
                     {"quantity", 30 + 10 * i},
                     {"expected", expected[i]},
                     {"supplier", "northwind-mills"}}}});
  }
  return all;
}

Applied read_applied(const json& setup, const std::string& prefix, int writers) {
  Applied a;
  a.setup = setup;
  for (const json& s : setup[0]["stock"])
    if (s["sku"] == kJacket || s["sku"] == kScarf) a.on_hand[s["sku"]] = s.value("on_hand", 0);
  for (int w = 0; w < writers; ++w) {
    std::ifstream in(prefix + std::to_string(w));
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("refused ", 0) == 0) {
        ++a.refused;
        continue;
      }
      json e = json::parse(line);
      a.events.push_back(e);
      if (e["type"] == "stock_received") a.on_hand[e["sku"]] += e["quantity"].get<std::int64_t>();
      if (e["type"] == "order_placed") {
        ++a.orders;
        for (const json& l : e["order"]["lines"])
          a.lines[{e["order"]["id"], l["line_id"]}] = {l["sku"], e["at"], l["quantity"]};
      }
      if (e["type"] == "shipment_created") {
        ++a.shipments;
        for (const json& l : e["lines"]) {
          Applied::Line& line = a.lines.at({e["order_id"], l["line_id"]});
          line.waiting -= l["quantity"].get<std::int64_t>();
          a.on_hand[line.sku] -= l["quantity"].get<std::int64_t>();
        }
      }
    }
  }
  return a;
}

int check_facts(Store& store, detail::Db& db, const std::string& shop, const Applied& a,
                std::string& summary) {
  int failures = 0;
  // Stock on hand is exact: no increment or shipment lost or counted twice.
  std::vector<detail::Param> p{std::string_view(shop)};
  detail::Rows stock = db.query("SELECT sku, on_hand FROM bo_items WHERE shop = ?", p);
  for (std::size_t i = 0; i < stock.size(); ++i) {
    std::string sku(stock.text(i, 0));
    if (auto want = a.on_hand.find(sku); want != a.on_hand.end())
      failures += expect(stock.integer(i, 1) == want->second,
                         sku + " has " + std::to_string(stock.integer(i, 1)) + " on hand, expected " +
                             std::to_string(want->second));
  }

  // Every waiting line's window is what a fresh book computes from the facts the writers applied.
  json catalog = a.setup[0];
  json scenario = {
      {"now", iso(concurrency_start() + 3'600'000)}, {"items", json::array()},  {"stock", json::array()},
      {"suppliers", catalog["suppliers"]},           {"supply", json::array()}, {"orders", json::array()}};
  for (const json& it : catalog["items"])
    if (a.on_hand.count(it["sku"])) scenario["items"].push_back(it);
  for (const json& s : catalog["stock"]) {
    if (!a.on_hand.count(s["sku"])) continue;
    json row = {{"sku", s["sku"]}, {"on_hand", a.on_hand.at(s["sku"])}, {"reserved", s.value("reserved", 0)}};
    scenario["stock"].push_back(row);
  }
  for (const json& e : a.setup)
    if (e["type"] == "supply_added") scenario["supply"].push_back(e["supply"]);
  for (const auto& [key, l] : a.lines) {
    if (l.waiting > 0)
      scenario["orders"].push_back({{"order_id", key.first},
                                    {"line_id", key.second},
                                    {"sku", l.sku},
                                    {"quantity", l.waiting},
                                    {"placed_at", l.placed_at},
                                    {"zone", "US"}});
  }
  json fresh = json::parse(promises_json(promise_book_from_json(engine_for(shop), scenario.dump())));
  std::map<std::pair<std::string, std::string>, json> want;
  for (const json& l : fresh["lines"])
    want[{l["order_id"], l["line_id"]}] = {l["ship"]["from"], l["ship"]["to"], l["source"]};
  std::set<std::string> order_ids;
  for (const auto& [key, l] : a.lines) order_ids.insert(key.first);
  std::map<std::string, int> sources;
  int compared = 0;
  for (const std::string& id : order_ids) {
    json order = json::parse(store.order_json(id));
    for (const json& l : order["lines"]) {
      std::pair<std::string, std::string> key{id, l["line_id"]};
      if (l["waiting"].get<int>() == 0) {
        failures +=
            expect(!want.count(key), id + "/" + key.second + " waits in the facts, not in the ledger");
        continue;
      }
      json got = {l["ship"]["from"], l["ship"]["to"], l["source"]};
      failures += expect(want.count(key) && want[key] == got,
                         id + "/" + key.second + ": the ledger says " + got.dump() + ", a fresh book " +
                             (want.count(key) ? want[key].dump() : "that it does not wait"));
      ++compared;
      sources[l["source"]]++;
    }
  }
  failures += expect(compared == static_cast<int>(want.size()), "the fresh book has lines the ledger lacks");
  summary = std::to_string(compared) + " waiting lines (stock " + std::to_string(sources["stock"]) +
            ", inbound " + std::to_string(sources["inbound"]) + ", lead time " +
            std::to_string(sources["lead_time"]) + ") match a fresh book; on hand " + kJacket + " " +
            std::to_string(a.on_hand.at(kJacket)) + ", " + kScarf + " " +
            std::to_string(a.on_hand.at(kScarf)) + " exact";
  return failures;
}

int check_log_and_outbox(Store& store, detail::Db& db, const std::string& shop, const Applied& a,
                         std::string& summary) {
  int failures = 0;
  // Every event is in the ledger: applying all of them again changes nothing ...
  json again = json::parse(store.apply_json(a.events.dump()))["results"];
  std::size_t duplicates = 0;
  for (const json& r : again) duplicates += r["status"] == "duplicate";
  failures += expect(duplicates == a.events.size(), std::to_string(a.events.size() - duplicates) +
                                                        " applied events were missing from the ledger");
  // ... once each, and nothing else is.
  std::vector<detail::Param> p{std::string_view(shop)};
  std::int64_t logged = db.query("SELECT count(*) FROM bo_events WHERE shop = ?", p).integer(0, 0);
  std::size_t expected = a.events.size() + a.setup.size();
  failures +=
      expect(logged == static_cast<std::int64_t>(expected),
             "the event log has " + std::to_string(logged) + " events, expected " + std::to_string(expected));
  // One confirmation per order and one message per shipment; no key twice.
  std::map<std::string, int> kinds;
  std::set<std::string> keys;
  for (const OutboxMessage& m : store.outbox("", 100'000, parse_instant("2031-01-01T00:00:00Z", "far"))) {
    failures += expect(keys.insert(m.key).second, "the key " + m.key + " is in the outbox twice");
    kinds[m.kind]++;
  }
  failures +=
      expect(kinds["confirmation"] == a.orders, "confirmations: " + std::to_string(kinds["confirmation"]));
  failures +=
      expect(kinds["shipped"] == a.shipments, "shipped messages: " + std::to_string(kinds["shipped"]));
  summary = std::to_string(keys.size()) + " message keys, all distinct (" +
            std::to_string(kinds["confirmation"]) + " confirmations, " + std::to_string(kinds["shipped"]) +
            " shipped, " + std::to_string(kinds["arrived"]) + " arrived, " +
            std::to_string(kinds["eta_update"] + kinds["delay"]) + " ETA updates and delays)";
  return failures;
}

}  // namespace backorder::reliability
