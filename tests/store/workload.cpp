#include "workload.hpp"

#include <algorithm>

namespace backorder::reliability {
namespace {

// Waiting on supply (JKT-NAVY-M, BOOT-CHEL-42, GLV-LEATHER-M), in stock, and a tee that takes no backorders
// (its shoppers subscribe instead).
const char* const kOrderSkus[] = {"JKT-NAVY-M",   "JKT-NAVY-M",  "BOOT-CHEL-42", "GLV-LEATHER-M",
                                  "SCF-WOOL-GRY", "JNS-SLIM-32", "JKT-OLIVE-M",  "SOCK-WOOL-3PK"};
const char* const kSupplySkus[] = {"JKT-NAVY-M", "BOOT-CHEL-42", "GLV-LEATHER-M"};
const char* const kRestockSkus[] = {"JKT-NAVY-M",  "BOOT-CHEL-42", "TEE-BASIC-S",
                                    "TEE-BASIC-S", "SCF-WOOL-GRY", "JNS-SLIM-32"};
const char* const kWatchedSkus[] = {"TEE-BASIC-S", "TEE-BASIC-S", "JKT-NAVY-M"};
struct Shopper {
  const char* name;
  const char* locale;
};
// A name with markup in it: the HTML part must escape it.
const Shopper kShoppers[] = {
    {"Dana", "en-US"}, {"Jörg <Müller>", "de-DE"}, {"Zoé & Co", "fr-FR"}, {"Íñigo", "es-ES"}};

template <class T, std::size_t N>
constexpr int size(const T (&)[N]) {
  return static_cast<int>(N);
}

}  // namespace

ShopDay::ShopDay(std::uint64_t seed, Instant start, int batch_percent)
    : rng_(seed), at_(start), batch_percent_(batch_percent) {
  json stock = catalog_event("x", start)["stock"];
  for (const json& s : stock) on_hand_[s["sku"].get<std::string>()] = s.value("on_hand", std::int64_t{0});
}

Step ShopDay::next() {
  Step step;
  if (events_ == 0) {
    ++events_;
    json c = catalog_event("e0", at_);
    step.events = c.dump();
    step.ids = {"e0"};
    step.at = at_;
    return step;
  }
  int count = pick(100) < batch_percent_ ? 2 + pick(3) : 1;
  json batch = json::array();
  for (int i = 0; i < count; ++i) {
    batch.push_back(event());
    step.ids.push_back(batch.back()["id"]);
  }
  step.events = count == 1 ? batch[0].dump() : batch.dump();
  step.at = at_;
  return step;
}

json ShopDay::base(const char* type) {
  at_ += (2 + pick(59)) * 60'000;
  return {{"id", "e" + std::to_string(events_++)}, {"type", type}, {"at", iso(at_)}};
}

json ShopDay::event() {
  int r = pick(100);
  if (r < 30) return order();
  if (r < 48) return shipment();
  if (r < 64) return stock_received();
  if (r < 72) return supply_added();
  if (r < 82) return supply_changed();
  if (r < 85) return supply_cancelled();
  if (r < 95) return subscribed();
  if (r < 98) return line_cancelled();
  return delay_declared();
}

json ShopDay::order() {
  json e = base("order_placed");
  Order o{"O" + std::to_string(events_), {}};
  const Shopper& who = kShoppers[pick(size(kShoppers))];
  json lines = json::array();
  int n = 1 + pick(3);
  for (int i = 0; i < n; ++i) {
    Line l{std::to_string(i + 1), kOrderSkus[pick(size(kOrderSkus))], 1 + pick(2)};
    lines.push_back({{"line_id", l.line_id}, {"sku", l.sku}, {"quantity", l.waiting}, {"unit_price", 4900}});
    o.lines.push_back(l);
  }
  e["order"] = {{"id", o.id},
                {"customer",
                 {{"name", who.name},
                  {"email", "shopper" + std::to_string(pick(50)) + "@example.com"},
                  {"locale", who.locale},
                  {"zone", "US"}}},
                {"lines", lines}};
  orders_.push_back(std::move(o));
  return e;
}

json ShopDay::shipment() {
  // An order with lines the shelf covers, looked for from a random place in the queue.
  int n = static_cast<int>(orders_.size());
  for (int k = 0, start = n ? pick(n) : 0; k < n; ++k) {
    Order& o = orders_[static_cast<std::size_t>((start + k) % n)];
    json lines = json::array();
    for (Line& l : o.lines) {
      if (l.waiting == 0 || on_hand_[l.sku] < l.waiting) continue;
      lines.push_back({{"line_id", l.line_id}, {"quantity", l.waiting}});
      on_hand_[l.sku] -= l.waiting;
      l.waiting = 0;
    }
    if (lines.empty()) continue;
    json e = base("shipment_created");
    e["order_id"] = o.id;
    e["shipment_id"] = "S" + std::to_string(events_);
    e["carrier"] = "UPS";
    e["tracking"] = "1Z" + std::to_string(rng_() % 1'000'000'000);
    e["lines"] = lines;
    return e;
  }
  return stock_received();
}

json ShopDay::stock_received() {
  json e = base("stock_received");
  std::string sku = kRestockSkus[pick(size(kRestockSkus))];
  std::int64_t quantity = 1 + pick(5);
  auto po = std::find_if(pos_.begin(), pos_.end(), [&](const Po& p) { return p.sku == sku; });
  if (po != pos_.end() && pick(2) == 0) {
    quantity = std::min(quantity, po->quantity);
    e["supply_id"] = po->id;
    po->quantity -= quantity;
    if (po->quantity == 0) pos_.erase(po);
  }
  e["sku"] = sku;
  e["quantity"] = quantity;
  on_hand_[sku] += quantity;
  return e;
}

json ShopDay::supply_added() {
  json e = base("supply_added");
  Po p{"PO" + std::to_string(events_), kSupplySkus[pick(size(kSupplySkus))], 5 + pick(26),
       today() + 5 + pick(16)};
  e["supply"] = {{"id", p.id},
                 {"sku", p.sku},
                 {"quantity", p.quantity},
                 {"expected", format_day(p.expected)},
                 {"status", pick(4) == 0 ? "unconfirmed" : "confirmed"},
                 {"supplier", "northwind-mills"}};
  pos_.push_back(p);
  return e;
}

json ShopDay::supply_changed() {
  if (pos_.empty()) return supply_added();
  json e = base("supply_changed");
  Po& p = pos_[static_cast<std::size_t>(pick(static_cast<int>(pos_.size())))];
  // Mostly slips, sometimes good news.
  p.expected = std::max<Day>(today() + 1, p.expected + (pick(4) == 0 ? -(1 + pick(4)) : 2 + pick(9)));
  e["supply"] = {{"id", p.id}, {"expected", format_day(p.expected)}};
  if (pick(3) == 0) {
    p.quantity = 1 + pick(40);
    e["supply"]["quantity"] = p.quantity;
  }
  return e;
}

json ShopDay::supply_cancelled() {
  if (pos_.empty()) return supply_added();
  json e = base("supply_cancelled");
  auto at = pos_.begin() + pick(static_cast<int>(pos_.size()));
  e["supply"] = {{"id", at->id}};
  pos_.erase(at);
  return e;
}

json ShopDay::subscribed() {
  json e = base("subscribed");
  const Shopper& who = kShoppers[pick(size(kShoppers))];
  e["subscription"] = {{"id", "W" + std::to_string(events_)},
                       {"sku", kWatchedSkus[pick(size(kWatchedSkus))]},
                       {"contact", "watcher" + std::to_string(events_) + "@example.com"},
                       {"locale", who.locale},
                       {"quantity", 1 + pick(2)}};
  return e;
}

json ShopDay::line_cancelled() {
  for (Order& o : orders_) {
    if (std::none_of(o.lines.begin(), o.lines.end(), [](const Line& l) { return l.waiting > 0; })) continue;
    if (pick(3) != 0) continue;  // not always the oldest
    json e = base("line_cancelled");
    e["order_id"] = o.id;
    e["reason"] = "customer";
    for (Line& l : o.lines) l.waiting = 0;
    return e;
  }
  return order();
}

json ShopDay::delay_declared() {
  json e = base("delay_declared");
  e["sku"] = kSupplySkus[pick(size(kSupplySkus))];
  e["cause"] = "supplier";
  return e;
}

}  // namespace backorder::reliability
