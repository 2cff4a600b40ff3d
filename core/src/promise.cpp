#include "backorder/promise.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "backorder/error.hpp"
#include "backorder/limits.hpp"

namespace backorder {

const char* source_name(Source s) {
  switch (s) {
    case Source::stock:
      return "stock";
    case Source::inbound:
      return "inbound";
    case Source::lead_time:
      return "lead_time";
  }
  return "unknown";
}

const char* confidence_name(Confidence c) {
  switch (c) {
    case Confidence::low:
      return "low";
    case Confidence::medium:
      return "medium";
    case Confidence::high:
      return "high";
  }
  return "unknown";
}

// One source of units in the order it serves the queue; `end` is the cumulative count through it.
struct PromiseBook::Lot {
  Day from, to;
  std::int32_t supply;  // -1: stock on hand
  std::int64_t end;
  Confidence confidence;
};

struct PromiseBook::ItemState {
  std::vector<std::uint32_t> queue;     // alive waiting lines in service order
  std::vector<std::uint32_t> supplies;  // alive supplies of the item
  std::vector<Part> parts;              // of the queue's lines, in queue order
  std::vector<Lot> by_from, by_to;      // sources by earliest and by latest ship day
  std::int64_t stock = 0;               // sellable on hand before any waiting line
  std::int64_t demand = 0, total = 0;   // waiting units; stock + inbound units
  Window lead;
};

namespace {

constexpr std::int64_t kMaxQuantity = limits::kQuantity;

std::size_t hash_key(std::string_view order_id, std::string_view line_id) {
  std::hash<std::string_view> h;
  return h(order_id) * 0x9E3779B97F4A7C15ull ^ h(line_id);
}

// Nearest-rank percentile: the smallest value with at least p% of the history at or below it.
int percentile(std::vector<int> v, int p) {
  std::sort(v.begin(), v.end());
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
  return v[std::max<std::size_t>(rank, 1) - 1];
}

struct Issues {
  std::vector<Issue> list;
  void fail(std::string path, std::string message) { list.push_back({std::move(path), std::move(message)}); }
  static std::string at(const char* base, std::size_t i, const char* field = nullptr) {
    std::string p = std::string(base) + "[" + std::to_string(i) + "]";
    return field ? p + "." + field : p;
  }
};

// The quick checks run on every row; paths are built only for the rows that fail them.
bool supply_ok(const Supply& s) {
  return !s.id.empty() && s.quantity >= 0 && s.quantity <= kMaxQuantity && s.arrive_from <= s.arrive_to;
}
bool line_ok(const OrderLine& l) {
  return !l.order_id.empty() && !l.line_id.empty() && l.quantity >= 1 && l.quantity <= kMaxQuantity;
}
bool position_ok(const StockPosition& p) {
  return p.on_hand >= -kMaxQuantity && p.on_hand <= kMaxQuantity && p.reserved >= 0 &&
         p.reserved <= kMaxQuantity && p.safety_stock >= 0 && p.safety_stock <= kMaxQuantity &&
         p.backordered >= 0 && p.backordered <= kMaxQuantity;
}

void check_supply(const Supply& s, const std::string& path, Issues& is) {
  if (s.id.empty()) is.fail(path + ".id", "required");
  if (s.quantity < 0 || s.quantity > kMaxQuantity) is.fail(path + ".quantity", "must be 0 or more");
  if (s.arrive_from > s.arrive_to) is.fail(path + ".expected", "earliest arrival is after the latest");
}

void check_line(const OrderLine& l, const std::string& path, Issues& is) {
  if (l.order_id.empty()) is.fail(path + ".order_id", "required");
  if (l.line_id.empty()) is.fail(path + ".line_id", "required");
  if (l.quantity < 1 || l.quantity > kMaxQuantity) is.fail(path + ".quantity", "must be at least 1");
}

// Units of one item summed stay near limits::kItemUnits, far from overflow: a book built from documents
// within the limits holds at most about that many (10^6 rows of 10^12, and stock), and a change that would
// pass it is refused.
void check_item_units(std::int64_t now, std::int64_t more) {
  if (now > limits::kItemUnits - more) {
    throw Error(ErrorCode::invalid, "quantity",
                "the item's units would pass " + std::to_string(limits::kItemUnits));
  }
}

void check_position(const StockPosition& p, const std::string& path, Issues& is) {
  if (p.on_hand < -kMaxQuantity || p.on_hand > kMaxQuantity) is.fail(path + ".on_hand", "out of range");
  for (auto [v, name] : {std::pair{p.reserved, "reserved"},
                         {p.safety_stock, "safety_stock"},
                         {p.backordered, "backordered"}}) {
    if (v < 0 || v > kMaxQuantity) is.fail(path + "." + name, "must not be negative");
  }
}

}  // namespace

PromiseBook::PromiseBook(std::shared_ptr<const Engine> engine, Facts facts, Instant now)
    : engine_(std::move(engine)),
      today_(Today::at(engine_->calendar(), now)),
      lead_from_placement_(facts.lead_time_from_placement) {
  zone_id("");
  Issues is;
  item_index_.reserve(facts.items.size());
  for (std::size_t i = 0; i < facts.items.size(); ++i) {
    const Item& it = facts.items[i];
    if (it.sku.empty())
      is.fail(Issues::at("items", i, "sku"), "required");
    else if (!item_index_.emplace(it.sku, i).second)
      is.fail(Issues::at("items", i, "sku"), "listed twice");
    if (it.lead_min_days && it.lead_max_days && *it.lead_min_days > *it.lead_max_days) {
      is.fail(Issues::at("items", i, "lead_time_days"), "min is above max");
    }
  }
  auto item_of_sku = [&](const std::string& sku) {
    auto it = item_index_.find(sku);
    return it == item_index_.end() ? kNoLine : static_cast<std::uint32_t>(it->second);
  };
  stock_.resize(facts.items.size());
  std::vector<char> has_stock(facts.items.size());
  for (std::size_t i = 0; i < facts.stock.size(); ++i) {
    std::uint32_t k = item_of_sku(facts.stock[i].sku);
    if (k == kNoLine) {
      is.fail(Issues::at("stock", i, "sku"), "no item with this sku");
      continue;
    }
    if (has_stock[k]++) is.fail(Issues::at("stock", i, "sku"), "listed twice");
    if (!position_ok(facts.stock[i].position))
      check_position(facts.stock[i].position, Issues::at("stock", i), is);
    stock_[k] = facts.stock[i].position;
  }
  const auto& pp = engine_->policy().promise;
  for (std::size_t i = 0; i < facts.suppliers.size(); ++i) {
    const Supplier& s = facts.suppliers[i];
    for (std::size_t k = 0; k < s.lateness_days.size(); ++k) {
      if (s.lateness_days[k] < -365 || s.lateness_days[k] > 3650) {
        is.fail(Issues::at("suppliers", i, "lateness_days") + "[" + std::to_string(k) + "]", "out of range");
      }
    }
    if (s.id.empty())
      is.fail(Issues::at("suppliers", i, "id"), "required");
    else if (supplier_widening_.count(s.id))
      is.fail(Issues::at("suppliers", i, "id"), "listed twice");
    else if (!s.lateness_days.empty())
      supplier_widening_[s.id] = std::max(0, percentile(s.lateness_days, pp.lateness_percentile));
  }
  std::vector<std::uint32_t> supply_item(facts.supply.size());
  supply_index_.reserve(facts.supply.size());
  for (std::size_t i = 0; i < facts.supply.size(); ++i) {
    const Supply& s = facts.supply[i];
    if (!supply_ok(s)) check_supply(s, Issues::at("supply", i), is);
    if (!s.id.empty() && !supply_index_.emplace(s.id, i).second)
      is.fail(Issues::at("supply", i, "id"), "listed twice");
    supply_item[i] = item_of_sku(s.sku);
    if (supply_item[i] == kNoLine) is.fail(Issues::at("supply", i, "sku"), "no item with this sku");
  }
  // Lines are stored grouped by item (a counting sort), so each item's queue sits together in memory.
  std::vector<std::uint32_t> line_item(facts.lines.size());
  std::vector<std::uint32_t> per_item(facts.items.size() + 1);
  for (std::size_t i = 0; i < facts.lines.size(); ++i) {
    const OrderLine& l = facts.lines[i];
    if (!line_ok(l)) check_line(l, Issues::at("orders", i), is);
    line_item[i] = item_of_sku(l.sku);
    if (line_item[i] == kNoLine)
      is.fail(Issues::at("orders", i, "sku"), "no item with this sku");
    else
      ++per_item[line_item[i] + 1];
  }
  if (!is.list.empty()) {
    // Already failing: find repeated line ids too (valid facts find them while building the index).
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < facts.lines.size(); ++i) {
      if (!seen.insert(facts.lines[i].order_id + '\x1f' + facts.lines[i].line_id).second) {
        is.fail(Issues::at("orders", i, "line_id"), "this order already has a line with this id");
      }
    }
    throw ValidationError(std::move(is.list));
  }
  for (std::size_t k = 1; k < per_item.size(); ++k) per_item[k] += per_item[k - 1];
  std::vector<std::uint32_t> order(facts.lines.size());
  for (std::uint32_t i = 0; i < facts.lines.size(); ++i) order[per_item[line_item[i]]++] = i;

  items_ = std::move(facts.items);
  states_.resize(items_.size());
  const auto& match = engine_->policy().checkout.alternatives_match;
  match_.reserve(items_.size() * match.size());
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (!items_[i].category.empty()) categories_[items_[i].category].push_back(static_cast<std::uint32_t>(i));
    for (const auto& attr : match) {
      auto v = items_[i].attributes.find(attr);
      match_.push_back(v == items_[i].attributes.end() ? std::string_view() : std::string_view(v->second));
    }
  }
  supply_ = std::move(facts.supply);
  supply_alive_.assign(supply_.size(), 1);
  supply_windows_.resize(supply_.size());
  supply_late_.resize(supply_.size());
  for (std::size_t i = 0; i < supply_.size(); ++i) {
    refresh_supply(i);
    states_[supply_item[i]].supplies.push_back(static_cast<std::uint32_t>(i));
  }
  lines_.reserve(facts.lines.size());
  promises_.resize(facts.lines.size());
  index_.assign(std::bit_ceil(std::max<std::size_t>(16, facts.lines.size() * 2)), kNoLine);
  for (std::uint32_t input : order) {
    OrderLine& l = facts.lines[input];
    std::uint32_t item = line_item[input];
    std::uint32_t slot = static_cast<std::uint32_t>(lines_.size());
    lines_.push_back({std::move(l.order_id), std::move(l.line_id), l.quantity, l.placed_at, item, l.priority,
                      zone_id(l.zone), true});
    std::size_t at = index_slot(lines_.back().order_id, lines_.back().line_id);
    if (index_[at] != kNoLine) {
      is.fail(Issues::at("orders", input, "line_id"), "this order already has a line with this id");
      continue;
    }
    index_[at] = slot;
    states_[item].queue.push_back(slot);
  }
  if (!is.list.empty()) throw ValidationError(std::move(is.list));
  for (std::size_t k = 0; k < states_.size(); ++k) {
    std::sort(states_[k].queue.begin(), states_[k].queue.end(),
              [this](std::uint32_t a, std::uint32_t b) { return serves_first(a, b); });
    recompute(k);
  }
}

PromiseBook::~PromiseBook() = default;
PromiseBook::PromiseBook(PromiseBook&&) noexcept = default;

LineView PromiseBook::line(std::size_t i) const {
  const StoredLine& l = lines_[i];
  return {l.order_id, l.line_id, items_[l.item].sku, zones_[l.zone], l.quantity, l.placed_at, l.priority};
}

std::span<const Part> PromiseBook::parts(std::size_t i) const {
  const LinePromise& p = promises_[i];
  const auto& all = states_[lines_[i].item].parts;
  return {all.data() + p.first_part, p.part_count};
}

std::size_t PromiseBook::index_slot(std::string_view order_id, std::string_view line_id) const {
  const std::size_t mask = index_.size() - 1;
  for (std::size_t at = hash_key(order_id, line_id) & mask;; at = (at + 1) & mask) {
    std::uint32_t l = index_[at];
    if (l == kNoLine || (lines_[l].order_id == order_id && lines_[l].line_id == line_id)) return at;
  }
}

void PromiseBook::index_line(std::uint32_t line) {
  if ((lines_.size() + 1) * 2 > index_.size()) {
    // Keep the table at most half full so probes stay short.
    std::vector<std::uint32_t> old = std::move(index_);
    index_.assign(old.size() * 2, kNoLine);
    for (std::uint32_t l : old) {
      if (l != kNoLine) index_[index_slot(lines_[l].order_id, lines_[l].line_id)] = l;
    }
  }
  index_[index_slot(lines_[line].order_id, lines_[line].line_id)] = line;
}

std::optional<std::size_t> PromiseBook::find_line(std::string_view order_id, std::string_view line_id) const {
  std::uint32_t l = index_[index_slot(order_id, line_id)];
  if (l == kNoLine || !lines_[l].alive) return std::nullopt;
  return l;
}

Window PromiseBook::supply_window(std::size_t i) const { return supply_windows_[i]; }

const Item* PromiseBook::item(std::string_view sku) const {
  auto it = item_index_.find(sku);
  return it == item_index_.end() ? nullptr : &items_[it->second];
}

std::size_t PromiseBook::find_item(std::string_view sku) const {
  auto it = item_index_.find(sku);
  return it == item_index_.end() ? std::string::npos : it->second;
}

std::size_t PromiseBook::item_of(std::string_view sku, const char* path) const {
  auto it = item_index_.find(sku);
  if (it == item_index_.end())
    throw Error(ErrorCode::not_found, path, "no item with sku \"" + std::string(sku) + "\"");
  return it->second;
}

std::uint16_t PromiseBook::zone_id(std::string_view zone) {
  for (std::size_t i = 0; i < zones_.size(); ++i) {
    if (zones_[i] == zone) return static_cast<std::uint16_t>(i);
  }
  if (zones_.size() >= 0xffff) throw Error(ErrorCode::invalid, "zone", "too many destination zones");
  zones_.emplace_back(zone);
  zone_transit_.push_back(transit(zone));
  return static_cast<std::uint16_t>(zones_.size() - 1);
}

void PromiseBook::refresh_supply(std::size_t i) {
  const Supply& s = supply_[i];
  const Policy& policy = engine_->policy();
  const Calendar& cal = engine_->calendar();
  Day from = s.arrive_from, to = s.arrive_to;
  // Expected in the past and still not here: it can come any day now, and nobody knows when.
  const bool late = to < today_.day;
  if (late) from = to = cal.next_working(today_.day + 1);
  from = std::max(from, today_.day);
  auto known = s.supplier.empty() ? supplier_widening_.end() : supplier_widening_.find(s.supplier);
  int widen = known != supplier_widening_.end()     ? known->second
              : s.status == SupplyStatus::confirmed ? policy.promise.default_lateness_confirmed
                                                    : policy.promise.default_lateness_unconfirmed;
  const int ready = policy.promise.receiving_days + policy.calendar.handling_days;
  supply_windows_[i] = make_window(policy, cal, today_, cal.add_business_days(cal.next_working(from), ready),
                                   cal.add_business_days(cal.next_working(to + widen), ready));
  supply_late_[i] = late;
}

const DayRange* PromiseBook::transit(std::string_view zone) const {
  const auto& methods = engine_->policy().shipping.methods;
  if (methods.empty()) return nullptr;
  const auto& days = methods.front().transit_days;
  auto it = days.find(std::string(zone));
  if (it == days.end()) it = days.find("*");
  return it == days.end() ? nullptr : &it->second;
}

Window PromiseBook::delivery_by(const Window& ship, const DayRange* transit) const {
  if (!transit) return ship;
  const Calendar& cal = engine_->calendar();
  return make_window(engine_->policy(), cal, today_, cal.add_business_days(ship.from, transit->min),
                     cal.add_business_days(ship.to, transit->max));
}

Window PromiseBook::delivery(const Window& ship, std::string_view zone) const {
  return delivery_by(ship, transit(zone));
}

bool PromiseBook::serves_first(std::uint32_t a, std::uint32_t b) const {
  const StoredLine &x = lines_[a], &y = lines_[b];
  if (x.priority != y.priority) return x.priority > y.priority;
  if (x.placed_at != y.placed_at) return x.placed_at < y.placed_at;
  if (x.order_id != y.order_id) return x.order_id < y.order_id;
  return x.line_id < y.line_id;
}

void PromiseBook::recompute(std::size_t k) {
  ItemState& st = states_[k];
  const Item& item = items_[k];
  const Policy& policy = engine_->policy();
  const StockPosition& pos = stock_[k];
  st.by_from.clear();
  st.by_to.clear();
  st.parts.clear();
  st.stock = std::max<std::int64_t>(0, pos.on_hand - pos.reserved - pos.safety_stock);
  std::vector<Lot> inbound;
  for (std::uint32_t s : st.supplies) {
    if (!supply_alive_[s] || supply_[s].quantity == 0) continue;
    const Window& w = supply_windows_[s];
    Confidence c = supply_late_[s] || supply_[s].status == SupplyStatus::unconfirmed ? Confidence::low
                                                                                     : Confidence::medium;
    inbound.push_back({w.from, w.to, static_cast<std::int32_t>(s), supply_[s].quantity, c});
  }
  auto build = [&](std::vector<Lot>& out, auto key) {
    std::int64_t cum = 0;
    if (st.stock > 0)
      out.push_back({today_.stock_ship_day, today_.stock_ship_day, -1, cum += st.stock, Confidence::high});
    std::vector<Lot> sorted = inbound;
    std::sort(sorted.begin(), sorted.end(), [&](const Lot& a, const Lot& b) {
      return key(a) != key(b) ? key(a) < key(b) : supply_[a.supply].id < supply_[b.supply].id;
    });
    for (Lot s : sorted) {
      s.end = cum += s.end;  // `end` held the quantity until now
      out.push_back(s);
    }
    return cum;
  };
  st.total = build(st.by_from, [](const Lot& s) { return s.from; });
  build(st.by_to, [](const Lot& s) { return s.to; });
  // Beyond known supply the shop orders again: from its next order day, widened like any purchase order of
  // the item's supplier.
  int widen = 0;
  if (!item.supplier.empty()) {
    auto known = supplier_widening_.find(item.supplier);
    widen = known != supplier_widening_.end() ? known->second : policy.promise.default_lateness_confirmed;
  }
  const int lo = item.lead_min_days.value_or(policy.availability.lead_min_days);
  const int hi = item.lead_max_days.value_or(policy.availability.lead_max_days);
  st.lead = lead_time_window(policy, engine_->calendar(), today_, lo, hi, item.reorder_on, widen);
  std::int64_t cum = 0;
  Window last_ship{}, last_delivery{};
  std::uint16_t last_zone = 0;
  for (std::size_t i = 0; i < st.queue.size(); ++i) {
    const StoredLine& l = lines_[st.queue[i]];
    LinePromise& p = promises_[st.queue[i]];
    p.lines_ahead = static_cast<std::int64_t>(i);
    p.units_ahead = cum;
    fill(st, cum, cum + l.quantity, p, &st.parts);
    if (lead_from_placement_ && p.source == Source::lead_time) {
      const Day placed = engine_->calendar().order_day(l.placed_at);
      if (placed < today_.order_day) {
        // Ordered from the supplier when the line was placed; still never ahead of anyone earlier.
        Window w =
            lead_time_window(policy, engine_->calendar(), today_, lo, hi, item.reorder_on, widen, placed);
        Day from = std::max(w.from, st.by_from.empty() ? w.from : st.by_from.back().from);
        Day to = std::max(w.to, st.by_to.empty() ? w.to : st.by_to.back().to);
        if (i > 0) from = std::max(from, last_ship.from), to = std::max(to, last_ship.to);
        p.ship = make_window(policy, engine_->calendar(), today_, from, to);
        st.parts.back().from = from;  // fill() ends a line's parts with its lead-time part
        st.parts.back().to = to;
      }
    }
    // Lines of an item mostly share windows: reuse the last delivery window when nothing differs.
    if (i == 0 || l.zone != last_zone || p.ship.from != last_ship.from || p.ship.to != last_ship.to) {
      last_delivery = delivery_by(p.ship, zone_transit_[l.zone]);
      last_ship = p.ship;
      last_zone = l.zone;
    }
    p.delivery = last_delivery;
    cum += l.quantity;
  }
  st.demand = cum;
}

void PromiseBook::fill(const ItemState& st, std::int64_t start, std::int64_t end, LinePromise& p,
                       std::vector<Part>* parts) const {
  const Policy& policy = engine_->policy();
  const Calendar& cal = engine_->calendar();
  auto holding = [](const std::vector<Lot>& v, std::int64_t unit) {
    return std::lower_bound(v.begin(), v.end(), unit, [](const Lot& s, std::int64_t u) { return s.end < u; });
  };
  Day from, to;
  if (end <= st.total) {
    auto e = holding(st.by_from, end);
    auto l = holding(st.by_to, end);
    from = e->from;
    to = l->to;
    p.source = e->supply < 0 ? Source::stock : Source::inbound;
  } else {
    // Beyond known supply: a new order to the supplier, and never ahead of anyone earlier in the queue.
    from = std::max(st.lead.from, st.by_from.empty() ? st.lead.from : st.by_from.back().from);
    to = std::max(st.lead.to, st.by_to.empty() ? st.lead.to : st.by_to.back().to);
    p.source = Source::lead_time;
  }
  p.ship = make_window(policy, cal, today_, from, to);
  p.confidence = end > st.total ? Confidence::low : Confidence::high;
  p.late_supply = false;
  if (parts) p.first_part = static_cast<std::uint32_t>(parts->size());
  std::uint32_t count = 0;
  std::int64_t at = start;
  for (auto s = holding(st.by_from, start + 1); s != st.by_from.end() && at < end; ++s) {
    std::int64_t take = std::min(s->end, end) - at;
    if (take <= 0) continue;
    p.confidence = std::min(p.confidence, s->confidence);
    if (s->supply >= 0) p.late_supply = p.late_supply || supply_late_[s->supply];
    if (parts)
      parts->push_back({s->supply < 0 ? Source::stock : Source::inbound, s->supply, take, s->from, s->to});
    ++count;
    at += take;
  }
  if (at < end) {
    if (parts) parts->push_back({Source::lead_time, -1, end - at, p.ship.from, p.ship.to});
    ++count;
  }
  p.part_count = parts ? count : 0;
}

Quote PromiseBook::quote(std::string_view sku, std::int64_t quantity, std::string_view zone) const {
  if (quantity < 1 || quantity > kMaxQuantity)
    throw Error(ErrorCode::invalid, "quantity", "must be at least 1");
  const ItemState& st = states_[item_of(sku, "sku")];
  LinePromise p;
  fill(st, st.demand, st.demand + quantity, p, nullptr);
  Quote q;
  q.ship = p.ship;
  q.delivery = delivery(p.ship, zone);
  q.source = p.source;
  q.confidence = p.confidence;
  q.late_supply = p.late_supply;
  q.lines_ahead = static_cast<std::int64_t>(st.queue.size());
  q.units_ahead = st.demand;
  q.from_stock = std::clamp<std::int64_t>(st.stock - st.demand, 0, quantity);
  if (p.source == Source::inbound) {
    auto e = std::lower_bound(st.by_from.begin(), st.by_from.end(), st.demand + quantity,
                              [](const Lot& s, std::int64_t u) { return s.end < u; });
    q.supply = e->supply;
  }
  return q;
}

Availability PromiseBook::availability(std::string_view sku, std::int64_t quantity,
                                       std::int64_t ahead) const {
  return availability_at(item_of(sku, "sku"), quantity, ahead);
}

Availability PromiseBook::availability_at(std::size_t k, std::int64_t quantity, std::int64_t ahead) const {
  const ItemState& st = states_[k];
  StockPosition pos = stock_[k];
  // Stock already promised to the waiting lines is not for sale; the lines beyond it are on backorder.
  const std::int64_t demand = st.demand + std::max<std::int64_t>(0, ahead);
  pos.promised = std::min(demand, st.stock);
  // Capped at the largest stock figure classify takes: a cap on backorders is at most that large, so the
  // capacity left (none) is the same, and a long queue is not mistaken for a bad stock row.
  pos.backordered = std::min(kMaxQuantity, std::max(pos.backordered, demand - st.stock));
  Availability a = classify(engine_->policy(), engine_->calendar(), today_, items_[k], pos, quantity);
  if (a.status == Status::backorder && a.later > 0) {
    LinePromise p;
    std::int64_t start = demand + a.ship_now;
    fill(st, start, start + a.later, p, nullptr);
    a.later_window = p.ship;
  }
  return a;
}

std::span<const std::string_view> PromiseBook::match_values(std::size_t item) const {
  const std::size_t n = engine_->policy().checkout.alternatives_match.size();
  return {match_.data() + item * n, n};
}

const std::vector<std::uint32_t>& PromiseBook::items_in_category(const std::string& category) const {
  static const std::vector<std::uint32_t> none;
  auto it = categories_.find(category);
  return it == categories_.end() ? none : it->second;
}

void PromiseBook::place_in_queue(std::uint32_t line) {
  ItemState& st = states_[lines_[line].item];
  auto at = std::upper_bound(st.queue.begin(), st.queue.end(), line,
                             [this](std::uint32_t a, std::uint32_t b) { return serves_first(a, b); });
  st.queue.insert(at, line);
}

std::vector<Delta> PromiseBook::apply(const Change& c) {
  using K = Change::Kind;
  // Validate everything first: a bad change must leave the book exactly as it was.
  std::vector<std::size_t> touched;
  std::vector<std::uint32_t> cancelled;
  switch (c.kind) {
    case K::supply_changed:
    case K::supply_cancelled: {
      auto it = supply_index_.find(c.supply.id);
      if (it == supply_index_.end() || !supply_alive_[it->second]) {
        throw Error(ErrorCode::not_found, "id", "no open supply with id \"" + c.supply.id + "\"");
      }
      if (c.kind == K::supply_changed) {
        Issues is;
        Supply next = supply_[it->second];
        if (c.has_quantity) next.quantity = c.supply.quantity;
        if (c.has_arrival) next.arrive_from = c.supply.arrive_from, next.arrive_to = c.supply.arrive_to;
        if (c.has_status) next.status = c.supply.status;
        check_supply(next, "supply", is);
        for (auto& i : is.list) i.path.erase(0, 7);  // "supply.quantity" -> "quantity"
        if (!is.list.empty()) throw ValidationError(std::move(is.list));
        if (next.quantity > supply_[it->second].quantity) {
          check_item_units(states_[item_index_.at(next.sku)].total,
                           next.quantity - supply_[it->second].quantity);
        }
        supply_[it->second] = next;
        refresh_supply(it->second);
      } else {
        supply_alive_[it->second] = 0;
      }
      touched.push_back(item_index_.at(supply_[it->second].sku));
      break;
    }
    case K::supply_added: {
      Issues is;
      check_supply(c.supply, "supply", is);
      for (auto& i : is.list) i.path.erase(0, 7);
      if (!is.list.empty()) throw ValidationError(std::move(is.list));
      std::size_t k = item_of(c.supply.sku, "sku");
      if (supply_index_.count(c.supply.id))
        throw Error(ErrorCode::invalid, "id", "a supply with this id exists");
      check_item_units(states_[k].total, c.supply.quantity);
      supply_.push_back(c.supply);
      supply_alive_.push_back(1);
      supply_windows_.emplace_back();
      supply_late_.push_back(0);
      supply_index_[c.supply.id] = supply_.size() - 1;
      refresh_supply(supply_.size() - 1);
      states_[k].supplies.push_back(static_cast<std::uint32_t>(supply_.size() - 1));
      touched.push_back(k);
      break;
    }
    case K::stock_received: {
      std::size_t k = item_of(c.sku, "sku");
      if (c.quantity < 1 || c.quantity > kMaxQuantity)
        throw Error(ErrorCode::invalid, "quantity", "must be at least 1");
      std::size_t s = 0;
      if (!c.supply_id.empty()) {
        auto it = supply_index_.find(c.supply_id);
        if (it == supply_index_.end() || !supply_alive_[it->second] || supply_[it->second].sku != c.sku) {
          throw Error(ErrorCode::not_found, "supply_id",
                      "no open supply \"" + c.supply_id + "\" for this sku");
        }
        s = it->second;
      }
      if (stock_[k].on_hand > kMaxQuantity - c.quantity)
        throw Error(ErrorCode::invalid, "quantity", "out of range");
      stock_[k].on_hand += c.quantity;
      if (!c.supply_id.empty()) {
        supply_[s].quantity = std::max<std::int64_t>(0, supply_[s].quantity - c.quantity);
        if (supply_[s].quantity == 0) supply_alive_[s] = 0;
      }
      touched.push_back(k);
      break;
    }
    case K::stock_set: {
      std::size_t k = item_of(c.sku, "sku");
      Issues is;
      check_position(c.position, "position", is);
      if (!is.list.empty()) throw ValidationError(std::move(is.list));
      stock_[k] = c.position;
      touched.push_back(k);
      break;
    }
    case K::order_placed: {
      Issues is;
      check_line(c.line, "line", is);
      for (auto& i : is.list) i.path.erase(0, 5);
      if (!is.list.empty()) throw ValidationError(std::move(is.list));
      std::size_t k = item_of(c.line.sku, "sku");
      check_item_units(states_[k].demand, c.line.quantity);
      std::uint32_t existing = index_[index_slot(c.line.order_id, c.line.line_id)];
      if (existing != kNoLine && lines_[existing].alive) {
        throw Error(ErrorCode::invalid, "line_id", "this order already has a line with this id");
      }
      // A cancelled line's ids may be used again: the index then points at the new line.
      std::uint32_t idx = static_cast<std::uint32_t>(lines_.size());
      std::uint16_t z = zone_id(c.line.zone);
      lines_.push_back({c.line.order_id, c.line.line_id, c.line.quantity, c.line.placed_at,
                        static_cast<std::uint32_t>(k), c.line.priority, z, true});
      promises_.emplace_back();
      if (existing != kNoLine)
        index_[index_slot(c.line.order_id, c.line.line_id)] = idx;
      else
        index_line(idx);
      place_in_queue(idx);
      touched.push_back(k);
      break;
    }
    case K::order_cancelled: {
      if (c.line.order_id.empty()) throw Error(ErrorCode::invalid, "order_id", "required");
      if (!c.line.line_id.empty()) {
        auto i = find_line(c.line.order_id, c.line.line_id);
        if (!i) throw Error(ErrorCode::not_found, "line_id", "no waiting line with this id");
        cancelled.push_back(static_cast<std::uint32_t>(*i));
      } else {
        for (std::uint32_t i = 0; i < lines_.size(); ++i) {
          if (lines_[i].alive && lines_[i].order_id == c.line.order_id) cancelled.push_back(i);
        }
        if (cancelled.empty())
          throw Error(ErrorCode::not_found, "order_id", "no waiting lines for this order");
      }
      for (std::uint32_t i : cancelled) {
        lines_[i].alive = false;
        auto& q = states_[lines_[i].item].queue;
        q.erase(std::find(q.begin(), q.end(), i));
        touched.push_back(lines_[i].item);
      }
      break;
    }
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());

  std::vector<Delta> deltas;
  for (std::uint32_t i : cancelled) {
    deltas.push_back(
        {lines_[i].order_id, lines_[i].line_id, items_[lines_[i].item].sku, true, promises_[i], {}});
  }
  const std::uint32_t added =
      c.kind == K::order_placed ? static_cast<std::uint32_t>(lines_.size() - 1) : UINT32_MAX;
  std::vector<std::pair<std::uint32_t, LinePromise>> old;
  for (std::size_t k : touched) {
    old.clear();
    for (std::uint32_t i : states_[k].queue) {
      if (i != added) old.emplace_back(i, promises_[i]);
    }
    recompute(k);
    for (const auto& [i, before] : old) {
      const LinePromise& after = promises_[i];
      if (before.ship.from != after.ship.from || before.ship.to != after.ship.to) {
        deltas.push_back({lines_[i].order_id, lines_[i].line_id, items_[k].sku, false, before, after});
      }
    }
  }
  return deltas;
}

}  // namespace backorder
