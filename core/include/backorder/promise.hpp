// The promise engine: when can each waiting order line ship, computed from stock on hand, inbound supply and
// the customers already waiting, first come first served.
//
// Windows are honest under uncertainty: the earliest date for the customer at cumulative demand D is when
// supply ordered by earliest arrival first covers D units; the latest is when supply ordered by latest
// arrival covers D. Both move only later as D grows, so nobody further back is promised an earlier date.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "backorder/availability.hpp"
#include "backorder/engine.hpp"

namespace backorder {

enum class SupplyStatus { confirmed, unconfirmed };
// Append-only; the values are bo_source in the C ABI.
enum class Source : int { stock = 1, inbound = 2, lead_time = 3 };
// Append-only; the values are bo_confidence in the C ABI.
enum class Confidence : int { low = 1, medium = 2, high = 3 };

const char* source_name(Source s);          // "stock", "inbound", "lead_time"
const char* confidence_name(Confidence c);  // "low", "medium", "high"

// A purchase order or transfer still to arrive.
struct Supply {
  std::string id;
  std::string sku;
  std::int64_t quantity = 0;
  Day arrive_from = 0, arrive_to = 0;  // expected arrival, civil dates in the store's zone
  SupplyStatus status = SupplyStatus::confirmed;
  std::string supplier;  // its lateness history widens the window
};

struct Supplier {
  std::string id;
  std::vector<int> lateness_days;  // days late on past deliveries (0 = on time)
};

// An order line waiting for stock.
struct OrderLine {
  std::string order_id, line_id, sku;
  std::int64_t quantity = 0;
  Instant placed_at = 0;
  int priority = 0;  // higher goes first; then earlier placement
  std::string zone;  // destination zone for transit times; "" = the default
};

struct StockRow {
  std::string sku;
  StockPosition position;  // `promised` is ignored: the promise engine computes it
};

struct Facts {
  std::vector<Item> items;
  std::vector<StockRow> stock;
  std::vector<Supply> supply;
  std::vector<Supplier> suppliers;
  std::vector<OrderLine> lines;
  // A waiting line beyond known supply counts its supplier lead time from the day it was placed (the shop
  // ordered for it then) rather than from today, so its window does not slide as days pass without news.
  // The ledger sets it; a one-off computation ("if we ordered today") leaves it off.
  bool lead_time_from_placement = false;
};

// Where some units of a line come from.
struct Part {
  Source source = Source::lead_time;
  std::int32_t supply = -1;  // index into the book's supply when source is inbound
  std::int64_t quantity = 0;
  Day from = 0, to = 0;  // that source's ship window
};

struct LinePromise {
  Window ship;                        // the whole line can ship within this window
  Window delivery;                    // ship plus transit to the line's zone
  Source source = Source::lead_time;  // of the line's last unit
  Confidence confidence = Confidence::low;
  std::int64_t lines_ahead = 0;  // waiting lines of the same item served before this one
  std::int64_t units_ahead = 0;
  bool late_supply = false;  // a supply it counts on was expected in the past and has not arrived
  std::uint32_t first_part = 0, part_count = 0;  // into the item's parts
};

struct Quote {
  Window ship, delivery;
  Source source = Source::lead_time;
  Confidence confidence = Confidence::low;
  std::int64_t lines_ahead = 0, units_ahead = 0;
  std::int64_t from_stock = 0;  // of the quantity, what stock on hand covers
  std::int32_t supply = -1;     // the inbound supply the last unit comes from, if any
  bool late_supply = false;
};

// A change in the facts. Fields that do not apply to the kind are ignored.
struct Change {
  enum class Kind {
    supply_changed,
    supply_added,
    supply_cancelled,
    stock_received,
    stock_set,
    order_placed,
    order_cancelled
  };
  Kind kind = Kind::supply_changed;
  Supply supply;  // supply_*: id (and for changed: the fields given below)
  bool has_quantity = false, has_arrival = false, has_status = false;
  std::string sku;            // stock_*
  std::int64_t quantity = 0;  // stock_received: units put away; supply_changed: new quantity
  std::string supply_id;      // stock_received: the supply it came on (reduced by quantity), or ""
  StockPosition position;     // stock_set
  OrderLine line;             // order_placed; order_cancelled uses order_id and, if set, line_id
};

struct LineView {
  std::string_view order_id, line_id, sku, zone;
  std::int64_t quantity;
  Instant placed_at;
  int priority;
};

struct Delta {
  std::string order_id, line_id, sku;
  bool removed = false;  // the line is gone (cancelled); `after` is meaningless
  LinePromise before, after;
};

// All promises of a shop at one moment. Validates the facts on construction (ValidationError with paths such
// as "supply[3].quantity"), then keeps every line's promise current as changes arrive. Not thread-safe: one
// writer.
class PromiseBook {
 public:
  PromiseBook(std::shared_ptr<const Engine> engine, Facts facts, Instant now);
  ~PromiseBook();
  PromiseBook(PromiseBook&&) noexcept;

  const Engine& engine() const { return *engine_; }
  const std::shared_ptr<const Engine>& engine_ptr() const { return engine_; }
  std::size_t item_count() const { return items_.size(); }
  const Item& item_at(std::size_t i) const { return items_[i]; }
  const Today& today() const { return today_; }

  // Lines keep their index for the book's life; cancelled ones stay as dead slots. At construction the
  // lines are stored grouped by item (in input order within an item), so an index is not the input position:
  // use find_line.
  std::size_t line_count() const { return lines_.size(); }
  bool line_alive(std::size_t i) const { return lines_[i].alive; }
  LineView line(std::size_t i) const;
  const LinePromise& promise(std::size_t i) const { return promises_[i]; }
  std::span<const Part> parts(std::size_t i) const;
  std::optional<std::size_t> find_line(std::string_view order_id, std::string_view line_id) const;
  const Supply& supply(std::size_t i) const { return supply_[i]; }
  std::size_t supply_count() const { return supply_.size(); }
  // False once cancelled or fully received; its slot stays so indices hold.
  bool supply_open(std::size_t i) const { return supply_alive_[i] && supply_[i].quantity > 0; }
  // The effective ship window of a supply (arrival, lateness widening, receiving and handling days).
  Window supply_window(std::size_t i) const;

  // Where a new purchase of `quantity` would stand and when it would ship. Throws Error(not_found) for an
  // unknown sku, Error(invalid) for quantity < 1.
  Quote quote(std::string_view sku, std::int64_t quantity, std::string_view zone = "") const;

  // Applies one change and returns exactly the lines whose ship window changed (old beside new), plus
  // removed lines. Recomputes only the items the change touches. A bad change throws and changes nothing.
  std::vector<Delta> apply(const Change& change);

  // A ship window plus transit to `zone` by the default shipping method.
  Window delivery(const Window& ship, std::string_view zone) const;

  // Availability of an item for a label, with the later window computed from supply when there is any.
  // `ahead` more units are taken to be in front (the same item earlier in one cart).
  Availability availability(std::string_view sku, std::int64_t quantity, std::int64_t ahead = 0) const;
  // The same for the item at index `item` (item_at), skipping the sku lookup.
  Availability availability_at(std::size_t item, std::int64_t quantity, std::int64_t ahead = 0) const;
  // The index of an item (for item_at and availability_at), or npos.
  std::size_t find_item(std::string_view sku) const;
  // The item's values of the policy's checkout.alternatives.match attributes, in that order ("" if absent).
  std::span<const std::string_view> match_values(std::size_t item) const;
  // Items of a category, in catalog order (for alternatives at checkout).
  const std::vector<std::uint32_t>& items_in_category(const std::string& category) const;
  const Item* item(std::string_view sku) const;

 private:
  // Compact on purpose: a million waiting lines must fit in a few hundred megabytes.
  struct StoredLine {
    std::string order_id, line_id;
    std::int64_t quantity;
    Instant placed_at;
    std::uint32_t item;
    std::int32_t priority;
    std::uint16_t zone;
    bool alive;
  };
  struct Lot;
  struct ItemState;

  static constexpr std::uint32_t kNoLine = UINT32_MAX;
  // The slot in index_ holding (order_id, line_id), or the empty slot where it would go.
  std::size_t index_slot(std::string_view order_id, std::string_view line_id) const;
  void index_line(std::uint32_t line);
  void refresh_supply(std::size_t i);
  void recompute(std::size_t item);
  void place_in_queue(std::uint32_t line);
  // Fills ship window, source, confidence and parts for cumulative demand [start, end) of one item.
  void fill(const ItemState& st, std::int64_t start, std::int64_t end, LinePromise& p,
            std::vector<Part>* parts) const;

  std::uint16_t zone_id(std::string_view zone);
  const DayRange* transit(std::string_view zone) const;
  Window delivery_by(const Window& ship, const DayRange* transit) const;
  bool serves_first(std::uint32_t a, std::uint32_t b) const;
  std::size_t item_of(std::string_view sku, const char* path) const;

  std::shared_ptr<const Engine> engine_;
  Today today_;
  bool lead_from_placement_ = false;
  std::vector<Item> items_;
  // Looked up by string_view without building a string (C++20 heterogeneous lookup).
  struct SkuHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::size_t, SkuHash, std::equal_to<>> item_index_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> categories_;
  std::vector<std::string_view> match_;  // items × policy match attributes, views into items_
  std::vector<StockPosition> stock_;     // by item
  std::vector<Supply> supply_;
  std::vector<char> supply_alive_;
  std::vector<Window> supply_windows_;
  std::vector<char> supply_late_;
  std::unordered_map<std::string, std::size_t> supply_index_;
  std::unordered_map<std::string, int> supplier_widening_;  // supplier id -> days
  std::vector<StoredLine> lines_;
  std::vector<LinePromise> promises_;
  // Open addressing over line indices; the keys live in lines_, so the index costs 4 bytes a slot.
  std::vector<std::uint32_t> index_;
  std::vector<std::string> zones_;
  std::vector<const DayRange*> zone_transit_;  // by zone id: the default method's transit, or null
  std::vector<ItemState> states_;
};

}  // namespace backorder
