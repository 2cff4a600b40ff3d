// Availability of one item: its status and ship windows from its stock position and the policy, at `now`.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "backorder/calendar.hpp"
#include "backorder/policy.hpp"

namespace backorder {

// Append-only; the values are bo_availability in the C ABI.
enum class Status : int {
  in_stock = 1,
  low_stock = 2,
  backorder = 3,
  preorder = 4,
  out_of_stock = 5,
  discontinued = 6,
};

const char* status_name(Status s);     // "in_stock", "backorder", ...
const char* schema_org_iri(Status s);  // "https://schema.org/BackOrder", ...
// Google Merchant: "in_stock", "backorder", "preorder", "out_of_stock".
const char* merchant_availability(Status s);

// What the store knows of an item; optional fields fall back to the policy.
struct Item {
  std::string sku;
  std::optional<bool> backorders;
  std::optional<int> lead_min_days, lead_max_days;
  std::optional<Day> release_date;  // pre-order until this local date
  bool discontinued = false;
  std::optional<std::int64_t> max_backorder;  // cap on units on backorder at once
  std::optional<std::int64_t> low_stock_threshold;
  // For people and for finding alternatives at checkout.
  std::string name;
  std::string category;
  std::map<std::string, std::string> attributes;  // "size": "M", "colour": "navy"
  std::optional<std::int64_t> price;              // in minor units of the policy's currency
  // For promises beyond known supply: who supplies it (its lateness history widens the window) and the day
  // the shop next orders it (the lead time counts from then).
  std::string supplier;
  std::optional<Day> reorder_on;
};

struct StockPosition {
  std::int64_t on_hand = 0;
  std::int64_t reserved = 0;      // held by carts or unshipped in-stock orders
  std::int64_t safety_stock = 0;  // never sold
  std::int64_t promised = 0;      // already promised to waiting orders
  std::int64_t backordered = 0;   // units already on backorder (count against the cap)
};

// A ship window in civil dates, and in days counted from today in the policy's unit.
struct Window {
  Day from = 0, to = 0;
  int min_days = 0, max_days = 0;
};

// The moment a batch of labels is computed for, resolved once through the calendar.
struct Today {
  Instant now = 0;
  Day day = 0;        // local date of now
  Day order_day = 0;  // the day an order placed now counts from (cut-off, non-working days)
  Day stock_ship_day = 0;
  static Today at(const Calendar& cal, Instant now);
};

struct Availability {
  Status status = Status::out_of_stock;
  std::int64_t sellable = 0;     // on hand - reserved - safety - promised, never below 0
  std::int64_t quantity = 1;     // asked for
  std::int64_t ship_now = 0;     // of quantity, ships from stock
  std::int64_t later = 0;        // of quantity, waits (backorder or pre-order)
  std::int64_t unavailable = 0;  // of quantity, cannot be ordered (cap, no backorders)
  Window now_window;             // valid when ship_now > 0
  Window later_window;           // valid when later > 0
  bool notify_me = false;        // the store can offer "notify me" instead
};

// A window from civil dates, its days counted from today in the policy's unit.
Window make_window(const Policy& policy, const Calendar& cal, const Today& today, Day from, Day to);
// The window of a supplier lead time of lo..hi days for a purchase order placed on `ordered` (default: the
// order day; never earlier), its end widened by `widen` days of expected lateness, rolled to working days;
// with promise.lead_time_counts "until_arrival", receiving and handling days follow. With `placed`, the
// purchase order went out on that (past) day, or `ordered` if later: the window counts from it and is only
// held back to what can still ship.
Window lead_time_window(const Policy& policy, const Calendar& cal, const Today& today, int lo, int hi,
                        std::optional<Day> ordered = std::nullopt, int widen = 0,
                        std::optional<Day> placed = std::nullopt);

// Pure: same inputs, same answer. Throws Error(invalid) for quantity <= 0 or an inconsistent item.
Availability classify(const Policy& policy, const Calendar& cal, const Today& today, const Item& item,
                      const StockPosition& stock, std::int64_t quantity);

}  // namespace backorder
