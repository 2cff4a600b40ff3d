#include "backorder/availability.hpp"

#include <algorithm>
#include <limits>

#include "backorder/error.hpp"
#include "backorder/limits.hpp"

namespace backorder {

const char* status_name(Status s) {
  switch (s) {
    case Status::in_stock:
      return "in_stock";
    case Status::low_stock:
      return "low_stock";
    case Status::backorder:
      return "backorder";
    case Status::preorder:
      return "preorder";
    case Status::out_of_stock:
      return "out_of_stock";
    case Status::discontinued:
      return "discontinued";
  }
  return "unknown";
}

const char* schema_org_iri(Status s) {
  switch (s) {
    case Status::in_stock:
      return "https://schema.org/InStock";
    case Status::low_stock:
      return "https://schema.org/LimitedAvailability";
    case Status::backorder:
      return "https://schema.org/BackOrder";
    case Status::preorder:
      return "https://schema.org/PreOrder";
    case Status::out_of_stock:
      return "https://schema.org/OutOfStock";
    case Status::discontinued:
      return "https://schema.org/Discontinued";
  }
  return "";
}

const char* merchant_availability(Status s) {
  switch (s) {
    case Status::in_stock:
    case Status::low_stock:
      return "in_stock";
    case Status::backorder:
      return "backorder";
    case Status::preorder:
      return "preorder";
    case Status::out_of_stock:
    case Status::discontinued:
      return "out_of_stock";  // Merchant Center has no "discontinued"
  }
  return "";
}

Today Today::at(const Calendar& cal, Instant now) {
  // Refused before any arithmetic: offsets added to an instant near INT64_MAX would overflow.
  if (!instant_in_range(now)) {
    throw Error(ErrorCode::invalid, "now",
                "out of range: years " + std::to_string(limits::kMinYear) + " to " +
                    std::to_string(limits::kMaxYear));
  }
  Today t;
  t.now = now;
  t.day = cal.local_day(now);
  t.order_day = cal.order_day(now);
  t.stock_ship_day = cal.add_business_days(t.order_day, cal.spec().handling_days);
  return t;
}

namespace {

constexpr std::int64_t kUnlimited = std::numeric_limits<std::int64_t>::max();
// Quantities beyond this are refused: no store holds them, and sums of them stay far from overflow.
constexpr std::int64_t kMaxQuantity = limits::kQuantity;

void check_quantity(std::int64_t v, const char* path, bool may_be_negative) {
  if (v > kMaxQuantity || v < (may_be_negative ? -kMaxQuantity : 0)) {
    throw Error(ErrorCode::invalid, path,
                may_be_negative ? "out of range" : (v < 0 ? "must not be negative" : "out of range"));
  }
}

}  // namespace

static int days_from_today(const Policy& policy, const Calendar& cal, const Today& today, Day d) {
  return policy.availability.day_unit == DayUnit::business ? cal.business_days_between(today.day, d)
                                                           : d - today.day;
}

Window make_window(const Policy& policy, const Calendar& cal, const Today& today, Day from, Day to) {
  return {from, to, days_from_today(policy, cal, today, from), days_from_today(policy, cal, today, to)};
}

Window lead_time_window(const Policy& policy, const Calendar& cal, const Today& today, int lo, int hi,
                        std::optional<Day> ordered, int widen, std::optional<Day> placed) {
  const Day start = placed ? std::max(*placed, ordered.value_or(*placed))
                           : std::max(today.order_day, ordered.value_or(today.order_day));
  Day from, to;
  if (policy.availability.day_unit == DayUnit::business) {
    from = cal.add_business_days(start, lo);
    to = cal.next_working(cal.add_business_days(start, hi) + widen);
  } else {
    // Calendar days, but the warehouse only ships on working days.
    from = cal.next_working(start + lo);
    to = cal.next_working(start + hi + widen);
  }
  if (policy.promise.lead_time_to_arrival) {
    // The lead time ends when the goods arrive: receiving and handling come after.
    const int ready = policy.promise.receiving_days + policy.calendar.handling_days;
    from = cal.add_business_days(from, ready);
    to = cal.add_business_days(to, ready);
  }
  if (placed) {
    // A purchase order from the past cannot make goods ship before today.
    from = std::max(from, today.stock_ship_day);
    to = std::max(to, from);
  }
  return make_window(policy, cal, today, from, to);
}

Availability classify(const Policy& policy, const Calendar& cal, const Today& today, const Item& item,
                      const StockPosition& stock, std::int64_t quantity) {
  if (quantity < 1) throw Error(ErrorCode::invalid, "quantity", "must be at least 1");
  check_quantity(quantity, "quantity", false);
  check_quantity(stock.on_hand, "stock.on_hand", true);
  check_quantity(stock.reserved, "stock.reserved", false);
  check_quantity(stock.safety_stock, "stock.safety_stock", false);
  check_quantity(stock.promised, "stock.promised", false);
  check_quantity(stock.backordered, "stock.backordered", false);
  const auto& ap = policy.availability;
  const int lo = item.lead_min_days.value_or(ap.lead_min_days);
  const int hi = item.lead_max_days.value_or(ap.lead_max_days);
  if (lo < 0 || hi > 3650)
    throw Error(ErrorCode::invalid, "item.lead_time_days", "must be within 0 to 3650 days");
  if (lo > hi) {
    throw Error(ErrorCode::invalid, "item.lead_time_days",
                "min (" + std::to_string(lo) + ") is above max (" + std::to_string(hi) + ")");
  }
  const std::int64_t cap = item.max_backorder ? *item.max_backorder : ap.max_backorder.value_or(kUnlimited);
  if (item.max_backorder) check_quantity(*item.max_backorder, "item.max_backorder", false);
  const std::int64_t threshold = item.low_stock_threshold.value_or(ap.low_stock_threshold);
  check_quantity(threshold, "item.low_stock_threshold", false);

  Availability a;
  a.quantity = quantity;
  a.sellable =
      std::max<std::int64_t>(0, stock.on_hand - stock.reserved - stock.safety_stock - stock.promised);
  const std::int64_t capacity =
      cap == kUnlimited ? kUnlimited : std::max<std::int64_t>(0, cap - stock.backordered);

  // A discontinued item is never sold ahead of its release: it will not come.
  if (item.release_date && *item.release_date > today.day && !item.discontinued) {
    // A pre-order ships on its release day (the next working day if that is not one), never before.
    a.later = std::min(quantity, capacity);
    a.unavailable = quantity - a.later;
    if (a.later == 0) {
      a.status = Status::out_of_stock;
      a.notify_me = true;
      return a;
    }
    a.status = Status::preorder;
    Day ship = cal.next_working(std::max(*item.release_date, today.order_day));
    a.later_window = make_window(policy, cal, today, ship, ship);
    a.notify_me = a.unavailable > 0;
    return a;
  }

  a.ship_now = std::min(quantity, a.sellable);
  const std::int64_t rest = quantity - a.ship_now;
  const bool backorders = !item.discontinued && item.backorders.value_or(ap.backorders);
  a.later = backorders ? std::min(rest, capacity) : 0;
  a.unavailable = rest - a.later;
  a.notify_me = !item.discontinued && a.ship_now < quantity;

  if (a.ship_now > 0)
    a.now_window = make_window(policy, cal, today, today.stock_ship_day, today.stock_ship_day);
  if (a.later > 0) {
    a.status = Status::backorder;
    a.later_window = lead_time_window(policy, cal, today, lo, hi);
  } else if (a.ship_now == 0) {
    a.status = item.discontinued ? Status::discontinued : Status::out_of_stock;
  } else {
    a.status = threshold > 0 && a.sellable <= threshold ? Status::low_stock : Status::in_stock;
  }
  return a;
}

}  // namespace backorder
