// The concurrency test's writer: one of several processes applying events on the same items at once.
#pragma once

#include <string>

#include "backorder/calendar.hpp"

namespace backorder::reliability {

// The two items every writer works on: one waiting on purchase orders, one on the shelf.
inline const char* const kJacket = "JKT-NAVY-M";
inline const char* const kScarf = "SCF-WOOL-GRY";
inline Instant concurrency_start() { return parse_instant("2026-11-30T14:00:00Z", "start"); }

struct WriterPlan {
  int writer = 0, writers = 4;
  int rounds = 75, events = 2;   // calls per round
  int batch = 1;                 // events per call (no shipments in batches: one refused refuses all)
  int go_fd = -1, done_fd = -1;  // a byte on go starts a round; a byte on done says it ended
};

// Applies events, `batch` per call, in rounds that start when the parent says go: stock received (+1), orders
// (a jacket, sometimes a scarf too) and shipments of its own orders' lines (refused when the shelf is short:
// another writer may have shipped first). Writes every applied event to `out` as one JSON line, and a
// refused one as "refused JSON", flushed before it says a round is done. Event moments interleave with the
// other writers' (writer w of n takes every n-th second), all on one morning, so the promise windows do not
// depend on which event came last. Returns the exit status.
int run_concurrent_writer(const std::string& url, const std::string& shop, const WriterPlan& plan,
                          const std::string& out);

// Drains the outbox with `senders` processes at once (logs `prefix`0, `prefix`1, ...): every message is
// handed out once (leases never run out during the drain) and acknowledged. Returns the failures.
int check_senders(const std::string& url, const std::string& shop, int senders, const std::string& prefix,
                  std::string& summary);

}  // namespace backorder::reliability

#include <map>
#include <memory>
#include <vector>

#include "backorder/store.hpp"
#include "shop.hpp"

namespace backorder::detail {
class Db;
}

namespace backorder::reliability {

// What the writers' logs say happened: the ledger must agree.
struct Applied {
  json setup;                   // the parent's events before the writers start
  json events = json::array();  // applied by the writers
  int refused = 0, orders = 0, shipments = 0;
  std::map<std::string, std::int64_t> on_hand;  // expected, per sku
  struct Line {
    std::string sku, placed_at;
    std::int64_t waiting = 0;
  };
  std::map<std::pair<std::string, std::string>, Line> lines;  // (order id, line id)
};

// The parent's setup events: the catalog and two purchase orders for the jacket.
json concurrency_setup();
// Reads the writers' logs (files `prefix`0, `prefix`1, ...).
Applied read_applied(const json& setup, const std::string& prefix, int writers);

// Stock on hand and every waiting line's window against the applied events; prints each difference.
// Returns the number of failures; `summary` says what was compared.
int check_facts(Store& store, detail::Db& db, const std::string& shop, const Applied& a,
                std::string& summary);
// Every event once in the ledger, one confirmation per order and one message per shipment, no key twice.
int check_log_and_outbox(Store& store, detail::Db& db, const std::string& shop, const Applied& a,
                         std::string& summary);

// Drains the outbox with `senders` processes at once (logs `prefix`0, `prefix`1, ...): every message is
// handed out once (leases never run out during the drain) and acknowledged. Returns the failures.
int check_senders(const std::string& url, const std::string& shop, int senders, const std::string& prefix,
                  std::string& summary);

}  // namespace backorder::reliability
