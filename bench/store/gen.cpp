#include "gen.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "backorder/calendar.hpp"

namespace backorder::store_bench {
namespace {

bool waitlist_item(int i) { return i % 50 == 1; }
bool backordered_item(int i) { return !waitlist_item(i) && i % 4 == 0; }
std::int64_t initial_on_hand(int i) {
  return waitlist_item(i) || backordered_item(i) ? 0 : 200 + (i * 37) % 800;
}
std::string po_of(int i) { return "PO-" + sku_of(i); }
const char* const kLocales[] = {"en-US", "en-US", "en-US", "de-DE", "fr-FR", "es-ES"};

}  // namespace

std::shared_ptr<const Engine> bench_engine(const std::string& shop) {
  std::ifstream in(BO_STORE_BENCH_POLICY);
  std::stringstream ss;
  ss << in.rdbuf();
  json p = json::parse(ss.str());
  p["shop"] = shop;
  return Engine::from_json(p.dump());
}

Instant bench_start() { return parse_instant("2026-11-30T09:00:00-05:00", "start"); }

std::string sku_of(int item) {
  char buf[32];
  const char* prefix = waitlist_item(item) ? "WAIT" : backordered_item(item) ? "BO" : "SKU";
  std::snprintf(buf, sizeof buf, "%s-%05d", prefix, item);
  return buf;
}

json catalog_event(int items, Instant at) {
  json e = {{"id", "catalog"}, {"type", "catalog"}, {"at", format_instant(at, 0)}};
  json list = json::array(), stock = json::array(), supply = json::array();
  Day today = static_cast<Day>(at / 86'400'000);
  for (int i = 0; i < items; ++i) {
    json it = {{"sku", sku_of(i)},
               {"name", "Item " + std::to_string(i)},
               {"category", "cat-" + std::to_string(i % 40)},
               {"price", 1000 + (i * 13) % 20000}};
    if (backordered_item(i)) it["lead_time_days"] = {{"min", 7}, {"max", 14}};
    if (waitlist_item(i)) it["backorders"] = false;
    list.push_back(it);
    stock.push_back({{"sku", sku_of(i)}, {"on_hand", initial_on_hand(i)}});
    if (backordered_item(i))
      supply.push_back({{"id", po_of(i)},
                        {"sku", sku_of(i)},
                        {"quantity", 20 + i % 41},
                        {"expected", format_day(today + 10 + i % 21)},
                        {"supplier", "mill"}});
  }
  e["items"] = list;
  e["stock"] = stock;
  e["supply"] = supply;
  e["suppliers"] = json::array({{{"id", "mill"}, {"lateness_days", {0, 0, 1, 2, 0, 3}}}});
  return e;
}

EventStream::EventStream(int items, std::uint64_t seed, std::string worker, Instant start)
    : items_(items), rng_(seed), worker_(std::move(worker)), at_(start) {
  for (int i = 0; i < items; ++i) {
    on_hand_.push_back(initial_on_hand(i));
    po_left_.push_back(backordered_item(i) ? 20 + i % 41 : 0);
  }
}

json EventStream::base(const char* type) {
  at_ += 1'000 + pick(20'000);
  return {{"id", worker_ + "-e" + std::to_string(n_++)}, {"type", type}, {"at", format_instant(at_, 0)}};
}

int EventStream::any_in_stock() {
  for (;;) {
    int i = pick(items_);
    if (!waitlist_item(i) && !backordered_item(i)) return i;
  }
}

int EventStream::any_backordered() {
  for (;;) {
    int i = pick(items_);
    if (backordered_item(i)) return i;
  }
}

json EventStream::next() {
  int r = pick(1000);
  if (r < 400) return order();
  if (r < 780) return shipment();
  if (r < 860) return stock_received();
  if (r < 890) return supply_changed();
  if (r < 910) return supply_added();
  if (r < 950) return subscribed();
  if (r < 975) return unsubscribed();
  if (r < 995) return cancelled();
  return delay();
}

std::string EventStream::batch(int n) {
  json b = json::array();
  for (int i = 0; i < n; ++i) b.push_back(next());
  return b.dump();
}

json EventStream::order() {
  json e = base("order_placed");
  Order o{worker_ + "-O" + std::to_string(n_), {}};
  json lines = json::array();
  bool waits = false;
  int count = 1 + pick(3);
  for (int k = 0; k < count; ++k) {
    int item = pick(4) == 0 ? any_backordered() : any_in_stock();
    int quantity = pick(5) == 0 ? 2 : 1;
    waits = waits || backordered_item(item);
    o.lines.push_back({item, quantity});
    lines.push_back({{"line_id", std::to_string(k + 1)},
                     {"sku", sku_of(item)},
                     {"quantity", quantity},
                     {"unit_price", 1000 + (item * 13) % 20000}});
  }
  int who = pick(100000);
  e["order"] = {{"id", o.id},
                {"customer",
                 {{"name", "Shopper " + std::to_string(who)},
                  {"email", "s" + std::to_string(who) + "@example.com"},
                  {"locale", kLocales[pick(6)]},
                  {"zone", "US"}}},
                {"lines", lines}};
  if (waits) cancelable_.push_back(o.id);
  to_ship_.push_back(std::move(o));
  return e;
}

json EventStream::shipment() {
  // The oldest of the first few orders the shelf covers; the others keep their place.
  auto covered = [&](const Order& o) {
    for (auto [item, quantity] : o.lines)
      if (on_hand_[static_cast<std::size_t>(item)] < quantity) return false;
    return true;
  };
  auto it = to_ship_.begin();
  for (int k = 0; it != to_ship_.end() && k < 8 && !covered(*it); ++it, ++k) {
  }
  if (it == to_ship_.end() || !covered(*it)) return stock_received();
  Order o = std::move(*it);
  to_ship_.erase(it);
  json e = base("shipment_created");
  json lines = json::array();
  for (std::size_t k = 0; k < o.lines.size(); ++k) {
    auto [item, quantity] = o.lines[k];
    on_hand_[static_cast<std::size_t>(item)] -= quantity;
    lines.push_back({{"line_id", std::to_string(k + 1)}, {"quantity", quantity}});
  }
  e["order_id"] = o.id;
  e["shipment_id"] = "S1";
  e["carrier"] = "UPS";
  e["tracking"] = "1Z" + std::to_string(rng_() % 1'000'000'000);
  e["lines"] = lines;
  return e;
}

json EventStream::stock_received() {
  json e = base("stock_received");
  // Half of the receipts are for what the oldest orders wait for, as a shop receives what it ordered;
  // some for the waitlist items, the rest anywhere.
  int r = pick(10), item = -1;
  for (std::size_t k = 0; r < 5 && item < 0 && k < to_ship_.size() && k < 8; ++k)
    for (auto [i, quantity] : to_ship_[k].lines)
      if (item < 0 && on_hand_[static_cast<std::size_t>(i)] < quantity) item = i;
  if (item < 0)
    item = r < 6 ? 1 + 50 * pick(std::max(1, items_ / 50)) : r < 8 ? any_backordered() : any_in_stock();
  if (item >= items_) item = any_in_stock();
  std::int64_t quantity = 1 + pick(20);
  auto i = static_cast<std::size_t>(item);
  if (backordered_item(item) && po_left_[i] > 0 && pick(2) == 0) {
    quantity = std::min(quantity, po_left_[i]);
    po_left_[i] -= quantity;
    e["supply_id"] = po_of(item);
  }
  on_hand_[i] += quantity;
  e["sku"] = sku_of(item);
  e["quantity"] = quantity;
  return e;
}

json EventStream::supply_changed() {
  json e = base("supply_changed");
  int item = any_backordered();
  Day today = static_cast<Day>(at_ / 86'400'000);
  e["supply"] = {{"id", po_of(item)}, {"expected", format_day(today + 3 + pick(30))}};
  return e;
}

json EventStream::supply_added() {
  json e = base("supply_added");
  int item = any_backordered();
  Day today = static_cast<Day>(at_ / 86'400'000);
  std::string id = worker_ + "-PO" + std::to_string(n_);
  e["supply"] = {{"id", id},
                 {"sku", sku_of(item)},
                 {"quantity", 10 + pick(50)},
                 {"expected", format_day(today + 5 + pick(40))},
                 {"status", pick(3) == 0 ? "unconfirmed" : "confirmed"},
                 {"supplier", "mill"}};
  added_pos_.push_back(id);
  return e;
}

json EventStream::subscribed() {
  json e = base("subscribed");
  int item = pick(3) == 0 ? any_backordered() : std::min(items_ - 1, 1 + 50 * pick(std::max(1, items_ / 50)));
  if (!waitlist_item(item) && !backordered_item(item)) item = any_backordered();
  subscriptions_.push_back(worker_ + "-W" + std::to_string(n_));
  e["subscription"] = {{"id", subscriptions_.back()},
                       {"sku", sku_of(item)},
                       {"contact", "w" + std::to_string(n_) + "@example.com"},
                       {"locale", kLocales[pick(6)]}};
  return e;
}

json EventStream::unsubscribed() {
  if (subscriptions_.empty()) return subscribed();
  json e = base("unsubscribed");
  e["subscription_id"] = subscriptions_.front();
  subscriptions_.pop_front();
  return e;
}

json EventStream::cancelled() {
  // The shopper gives up on an order still waiting (one shipped meanwhile has nothing left to cancel).
  while (!cancelable_.empty()) {
    std::string id = cancelable_.front();
    cancelable_.pop_front();
    auto it = std::find_if(to_ship_.begin(), to_ship_.end(), [&](const Order& o) { return o.id == id; });
    if (it == to_ship_.end()) continue;
    to_ship_.erase(it);
    json e = base("line_cancelled");
    e["order_id"] = id;
    e["reason"] = "customer";
    return e;
  }
  return order();
}

json EventStream::delay() {
  json e = base("delay_declared");
  e["sku"] = sku_of(any_backordered());
  e["cause"] = "supplier";
  return e;
}

}  // namespace backorder::store_bench
