// A shop's day as a stream of events, the same for the same seed: orders (some on backorder), purchase orders
// added, slipped, pulled in and cancelled, stock received (on a purchase order or not), shipments of what is
// on the shelf, cancellations, declared delays and notify-me subscriptions. Every event is one the ledger
// accepts: a small model of the shop (stock on hand, open purchase orders, what each line still waits for)
// picks only shipments the shelf covers. Each of them writes messages, so the outbox fills as in a real shop.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "shop.hpp"

namespace backorder::reliability {

// One call to apply: a single event or a small batch (one transaction).
struct Step {
  std::string events;            // JSON: an object, or an array for a batch
  std::vector<std::string> ids;  // the event ids, in order
  Instant at = 0;                // the last event's moment
};

class ShopDay {
 public:
  // `batch_percent`: how many steps are batches of 2 to 4 events.
  ShopDay(std::uint64_t seed, Instant start, int batch_percent = 20);
  // Step 0 is the catalog.
  Step next();

 private:
  struct Line {
    std::string line_id, sku;
    std::int64_t waiting = 0;
  };
  struct Order {
    std::string id;
    std::vector<Line> lines;
  };
  struct Po {
    std::string id, sku;
    std::int64_t quantity = 0;
    Day expected = 0;
  };

  json event();  // the next event; the model follows it
  json order();
  json shipment();
  json stock_received();
  json supply_added();
  json supply_changed();
  json supply_cancelled();
  json subscribed();
  json line_cancelled();
  json delay_declared();
  json base(const char* type);
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  Day today() const { return static_cast<Day>(at_ / 86'400'000); }

  std::mt19937_64 rng_;
  Instant at_;
  int batch_percent_;
  int events_ = 0;
  std::map<std::string, std::int64_t> on_hand_;
  std::vector<Order> orders_;
  std::vector<Po> pos_;
};

}  // namespace backorder::reliability
