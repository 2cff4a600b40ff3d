#include "gen.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "backorder/calendar.hpp"

namespace backorder::bench {

namespace {

constexpr Instant kDay = 86'400'000;

std::string numbered(const char* prefix, std::size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%07zu", prefix, n);
  return buf;
}

// Small and portable: the same numbers from the same seed with any standard library.
struct Rng {
  std::mt19937_64 g;
  explicit Rng(std::uint64_t seed) : g(seed) {}
  std::uint64_t below(std::uint64_t n) { return g() % n; }
  bool chance(double p) { return static_cast<double>(g() >> 11) * 0x1.0p-53 < p; }
};

}  // namespace

std::shared_ptr<const Engine> bench_engine() {
  std::ifstream in(BO_PROMISE_POLICY);
  if (!in) throw std::runtime_error("cannot read " BO_PROMISE_POLICY);
  std::stringstream ss;
  ss << in.rdbuf();
  return Engine::from_json(ss.str());
}

Instant bench_now() { return parse_instant("2026-11-30T09:00:00-05:00", "now"); }

Facts make_shop(const ShopSize& size) {
  Rng rng(size.seed);
  const Instant now = bench_now();
  const Day today = day_from_ymd(2026, 11, 30);
  Facts f;
  f.items.reserve(size.items);
  for (std::size_t i = 0; i < size.items; ++i) {
    Item it;
    it.sku = numbered("SKU-", i);
    if (rng.chance(0.5)) {
      it.lead_min_days = 7 + static_cast<int>(rng.below(7));
      it.lead_max_days = *it.lead_min_days + 2 + static_cast<int>(rng.below(8));
    }
    f.items.push_back(std::move(it));
    if (rng.chance(0.2)) {
      StockRow row;
      row.sku = f.items.back().sku;
      row.position.on_hand = static_cast<std::int64_t>(rng.below(20));
      row.position.reserved = static_cast<std::int64_t>(rng.below(3));
      f.stock.push_back(std::move(row));
    }
  }
  const char* suppliers[] = {"northwind", "bluewater", "kestrel", "acme"};
  for (const char* s : suppliers) {
    Supplier sup;
    sup.id = s;
    for (int k = 0; k < 50; ++k)
      sup.lateness_days.push_back(rng.chance(0.6) ? 0 : static_cast<int>(rng.below(9)));
    f.suppliers.push_back(std::move(sup));
  }
  f.supply.reserve(size.supply);
  for (std::size_t i = 0; i < size.supply; ++i) {
    Supply s;
    s.id = numbered("PO-", i);
    // Every item gets supply before any item gets a second one.
    s.sku = f.items[i < size.items ? i : rng.below(size.items)].sku;
    s.quantity = 1 + static_cast<std::int64_t>(rng.below(12));
    s.arrive_from = today - 5 + static_cast<Day>(rng.below(65));  // a few already late
    s.arrive_to = s.arrive_from + (rng.chance(0.3) ? static_cast<Day>(rng.below(6)) : 0);
    s.status = rng.chance(0.85) ? SupplyStatus::confirmed : SupplyStatus::unconfirmed;
    if (!rng.chance(0.1)) s.supplier = suppliers[rng.below(4)];
    f.supply.push_back(std::move(s));
  }
  f.lines.reserve(size.lines);
  for (std::size_t i = 0; i < size.lines; ++i) {
    OrderLine l;
    l.order_id = numbered("O", i);
    l.line_id.push_back('1');
    l.sku = f.items[rng.below(size.items)].sku;
    l.quantity = rng.chance(0.85) ? 1 : 2 + static_cast<std::int64_t>(rng.below(3));
    l.placed_at = now - static_cast<Instant>(rng.below(60 * static_cast<std::uint64_t>(kDay)));
    l.priority = rng.chance(0.02) ? 1 : 0;
    l.zone = rng.chance(0.8) ? "US" : "CA";
    f.lines.push_back(std::move(l));
  }
  return f;
}

void add_hot_item(Facts& facts, std::size_t lines, std::uint64_t seed) {
  Rng rng(seed);
  const Instant now = bench_now();
  const Day today = day_from_ymd(2026, 11, 30);
  Item it;
  it.sku = "HOT-1";
  facts.items.push_back(it);
  if (facts.suppliers.empty()) facts.suppliers.push_back({"northwind", {0, 0, 1, 2, 0, 3, 0, 0, 5, 1}});
  const std::int64_t per_po = static_cast<std::int64_t>(lines) / 5;  // four POs cover ~80% of the lines
  for (int k = 0; k < 4; ++k) {
    Supply s;
    s.id = "HOT-PO-" + std::to_string(k);
    s.sku = it.sku;
    s.quantity = per_po;
    s.arrive_from = s.arrive_to = today + 5 + 7 * k;
    s.supplier = facts.suppliers.front().id;
    facts.supply.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < lines; ++i) {
    OrderLine l;
    l.order_id = numbered("H", i);
    l.line_id.push_back('1');
    l.sku = it.sku;
    l.quantity = 1;
    l.placed_at = now - static_cast<Instant>(rng.below(60 * static_cast<std::uint64_t>(kDay)));
    l.zone = "US";
    facts.lines.push_back(std::move(l));
  }
}

}  // namespace backorder::bench
