// Generated promise facts for the benchmarks: a fixed seed gives the same shop every run.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "backorder/engine.hpp"
#include "backorder/promise.hpp"

namespace backorder::bench {

struct ShopSize {
  std::size_t items = 100'000;
  std::size_t supply = 200'000;   // inbound purchase orders, spread over the items
  std::size_t lines = 1'000'000;  // waiting order lines, spread over the items
  std::uint64_t seed = 42;
};

// The engine from the apparel policy (business calendar, holidays, cut-off, transit times).
std::shared_ptr<const Engine> bench_engine();
// Monday 30 November 2026, 09:00 in New York.
Instant bench_now();

// A shop of the given size: skus "SKU-0000001"..., about a fifth of the items with some stock on hand,
// purchase orders due over the next 60 days (some unconfirmed, some late, four suppliers with lateness
// history), and waiting lines placed over the last 60 days, mostly quantity 1, to zones "US" and "CA".
Facts make_shop(const ShopSize& size);

// One item "HOT-1" with `lines` waiting lines and four purchase orders covering about 80% of them,
// added to `facts` (which may be empty).
void add_hot_item(Facts& facts, std::size_t lines, std::uint64_t seed);

}  // namespace backorder::bench
