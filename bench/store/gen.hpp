// A generated shop for the ledger benchmarks, the same for the same seed: a catalog of many items (most in
// stock, a quarter on backorder with a purchase order each, some that take no backorders and have a
// waitlist) and a stream of the events a busy shop sends its ledger.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "backorder/engine.hpp"

namespace backorder::store_bench {

using nlohmann::json;

// The apparel policy (examples/apparel) as `shop`'s.
std::shared_ptr<const Engine> bench_engine(const std::string& shop);
// Monday 30 November 2026, 09:00 in New York.
Instant bench_start();

// Item roles by index: every 50th (from 1) takes no backorders and has nothing on hand (the waitlist
// items: "WAIT-..."), every 4th waits on a purchase order ("BO-..."), the rest are in stock ("SKU-...").
std::string sku_of(int item);
// The `catalog` event for `items` items, their stock, one purchase order per backordered item and a
// supplier.
json catalog_event(int items, Instant at);

// The events of one worker: ids, orders and shipments are prefixed by `worker`, so several streams can feed
// one shop at once. Mix: orders 40 % (1-3 lines, a quarter of them on backorder), shipments 38 % (of its
// oldest orders the shelf covers, backorders once their stock came: about as many as are placed, so the
// waiting queue stays the size of a steady shop's), stock received 8 % (half of it for backordered items,
// half of that on their purchase order, some for the waitlist items), purchase orders slipped or pulled in
// 3 % and added 2 %, notify-me subscriptions 4 % and unsubscriptions 2.5 % (the oldest: told, bought or
// gave up; so the waitlists keep a steady length), cancellations 2 %, declared delays 0.5 %.
class EventStream {
 public:
  EventStream(int items, std::uint64_t seed, std::string worker, Instant start);
  json next();
  // `n` events as one JSON array (a batch: one transaction).
  std::string batch(int n);

 private:
  json base(const char* type);
  json order();
  json shipment();
  json stock_received();
  json supply_changed();
  json supply_added();
  json subscribed();
  json unsubscribed();
  json cancelled();
  json delay();
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  int any_in_stock();
  int any_backordered();

  struct Order {
    std::string id;
    std::vector<std::pair<int, int>> lines;  // item, quantity
  };
  int items_;
  std::mt19937_64 rng_;
  std::string worker_;
  Instant at_;
  std::int64_t n_ = 0;
  std::vector<std::int64_t> on_hand_;      // what this worker believes is on the shelf
  std::deque<Order> to_ship_;              // its orders not shipped yet, oldest first
  std::deque<std::string> cancelable_;     // its orders with backordered lines (some shipped meanwhile)
  std::vector<std::int64_t> po_left_;      // per item: units still to come on its first purchase order
  std::vector<std::string> added_pos_;     // purchase orders it added
  std::deque<std::string> subscriptions_;  // its active subscriptions, oldest first
};

}  // namespace backorder::store_bench
