// Accuracy of the promise engine (issue 3): replays seasons of orders against suppliers whose deliveries
// arrive late by a random amount, and scores, for every backordered line, the ship window the engine promised
// at placement and the usual fixed lead-time label ("ships in 10–14 days") against the day the line shipped.
// docs/promise-accuracy.md describes the model; `bench_promise_simulate --help` lists the flags.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "backorder/availability.hpp"
#include "backorder/calendar.hpp"
#include "backorder/engine.hpp"
#include "backorder/error.hpp"
#include "backorder/promise.hpp"

using namespace backorder;

namespace {

// Portable draws: the same season from the same seed with any standard library.
struct Rng {
  std::mt19937_64 g;
  explicit Rng(std::uint64_t seed) : g(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  double unit() { return static_cast<double>(g() >> 11) * 0x1.0p-53; }  // [0, 1)
  int between(int lo, int hi) { return lo + static_cast<int>(g() % static_cast<std::uint64_t>(hi - lo + 1)); }
  int poisson(double mean) {  // Knuth; means here are small
    const double limit = std::exp(-mean);
    int k = 0;
    for (double p = unit(); p > limit; p *= unit()) ++k;
    return k;
  }
};

// Days late of one delivery past the date the supplier confirmed.
struct Lateness {
  std::string spec;
  enum class Kind { fixed, geometric, uniform, empirical, poisson } kind = Kind::fixed;
  double p = 0;
  int a = 0, b = 0;
  std::vector<int> values;

  int draw(Rng& r) const {
    switch (kind) {
      case Kind::fixed:
        return a;
      case Kind::geometric:  // failures before the first success: P(k) = (1-p)^k p
        return p >= 1 ? 0 : static_cast<int>(std::floor(std::log(1 - r.unit()) / std::log(1 - p)));
      case Kind::uniform:
        return r.between(a, b);
      case Kind::empirical:
        return values[static_cast<std::size_t>(r.between(0, static_cast<int>(values.size()) - 1))];
      case Kind::poisson:
        return r.poisson(p);
    }
    return 0;
  }

  static Lateness parse(const std::string& s) {
    Lateness l;
    l.spec = s;
    auto fail = [&]() -> Lateness { throw std::invalid_argument("bad lateness distribution \"" + s + "\""); };
    auto colon = s.find(':');
    std::string kind = s.substr(0, colon), rest = colon == std::string::npos ? "" : s.substr(colon + 1);
    try {
      if (kind == "none") {
        l.kind = Kind::fixed;
      } else if (kind == "fixed") {
        l.kind = Kind::fixed, l.a = std::stoi(rest);
      } else if (kind == "geometric") {
        l.kind = Kind::geometric, l.p = std::stod(rest);
        if (!(l.p > 0 && l.p <= 1)) return fail();
      } else if (kind == "poisson") {
        l.kind = Kind::poisson, l.p = std::stod(rest);
        if (!(l.p >= 0 && l.p < 60)) return fail();
      } else if (kind == "uniform") {
        auto c = rest.find(':');
        if (c == std::string::npos) return fail();
        l.kind = Kind::uniform, l.a = std::stoi(rest.substr(0, c)), l.b = std::stoi(rest.substr(c + 1));
        if (l.a > l.b) return fail();
      } else if (kind == "empirical") {
        l.kind = Kind::empirical;
        std::stringstream in(rest);
        for (std::string v; std::getline(in, v, ',');) l.values.push_back(std::stoi(v));
        if (l.values.empty()) return fail();
      } else {
        return fail();
      }
    } catch (const std::logic_error&) {
      return fail();
    }
    return l;
  }
};

struct Options {
  std::uint64_t seed = 1;
  int seeds = 5;
  int warmup = 42;  // days simulated before scoring starts (pipeline fills, lateness history builds)
  int days = 120;   // days whose orders are scored
  int items = 300;
  double rate = 0.3;  // orders per item per day (Poisson)
  int po_every = 7;   // days between an item's purchase-order reviews
  int po_size = -1;   // order-up-to level of the inventory position at a review; -1: rate × po_every
  int lead_min = 10, lead_max = 14;  // the supplier's quoted lead time (calendar days)
  int suppliers = 4;
  std::vector<Lateness> lateness;  // cycled over the suppliers
  int history = 0;                 // past deliveries per supplier known before the season starts
  int history_window = 100;        // most recent deliveries the shop passes to the engine
  std::string policy = BO_PROMISE_POLICY;
  std::string start = "2026-08-03";
  bool per_seed = true;
};

void usage() {
  std::puts(
      "bench_promise_simulate [flags]\n"
      "  --seed=N            first seed (1)            --seeds=N       seasons, seeds N.. (5)\n"
      "  --warmup=D          unscored days first (42)  --days=D        days whose orders are scored (120)\n"
      "  --items=N           items (300)               --rate=R        orders per item per day (0.3)\n"
      "  --po-every=D        days between an item's purchase-order reviews (7)\n"
      "  --po-size=N         order-up-to level of the inventory position (default: rate x po-every)\n"
      "  --lead=MIN:MAX      supplier's quoted lead time, calendar days (10:14)\n"
      "  --suppliers=N       suppliers (4); items are spread over them\n"
      "  --lateness=DIST     days late past the confirmed date; repeat to give suppliers different ones\n"
      "                      (cycled): none, fixed:K, geometric:P, poisson:MEAN, uniform:A:B,\n"
      "                      empirical:0,0,1,2,5 (default geometric:0.5)\n"
      "  --history=N         past deliveries per supplier known at the start (0)\n"
      "  --history-window=N  most recent deliveries given to the engine (100)\n"
      "  --policy=FILE       the shop's policy (examples/apparel/policy.json)\n"
      "  --start=YYYY-MM-DD  first day (2026-08-03)\n"
      "  --quiet             only the summary lines");
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto eq = a.find('=');
    std::string key = a.substr(0, eq), v = eq == std::string::npos ? "" : a.substr(eq + 1);
    if (key == "--help" || key == "-h") {
      usage();
      std::exit(0);
    } else if (key == "--seed") {
      o.seed = std::stoull(v);
    } else if (key == "--seeds") {
      o.seeds = std::stoi(v);
    } else if (key == "--warmup") {
      o.warmup = std::stoi(v);
    } else if (key == "--days") {
      o.days = std::stoi(v);
    } else if (key == "--items") {
      o.items = std::stoi(v);
    } else if (key == "--rate") {
      o.rate = std::stod(v);
    } else if (key == "--po-every") {
      o.po_every = std::stoi(v);
    } else if (key == "--po-size") {
      o.po_size = std::stoi(v);
    } else if (key == "--lead") {
      auto c = v.find(':');
      o.lead_min = std::stoi(v.substr(0, c));
      o.lead_max = c == std::string::npos ? o.lead_min : std::stoi(v.substr(c + 1));
    } else if (key == "--suppliers") {
      o.suppliers = std::stoi(v);
    } else if (key == "--lateness") {
      o.lateness.push_back(Lateness::parse(v));
    } else if (key == "--history") {
      o.history = std::stoi(v);
    } else if (key == "--history-window") {
      o.history_window = std::stoi(v);
    } else if (key == "--policy") {
      o.policy = v;
    } else if (key == "--start") {
      o.start = v;
    } else if (key == "--quiet") {
      o.per_seed = false;
    } else {
      throw std::invalid_argument("unknown flag " + a + " (see --help)");
    }
  }
  if (o.lateness.empty()) o.lateness.push_back(Lateness::parse("geometric:0.5"));
  if (o.po_size < 0) o.po_size = static_cast<int>(std::ceil(o.rate * o.po_every));
  if (o.seeds < 1 || o.days < 1 || o.warmup < 0 || o.items < 1 || o.rate <= 0 || o.po_every < 1 ||
      o.lead_min < 0 || o.lead_min > o.lead_max || o.suppliers < 1 || o.history < 0 || o.history_window < 1) {
    throw std::invalid_argument("a flag is out of range (see --help)");
  }
  return o;
}

struct Tally {
  long n = 0, kept = 0, early = 0, late = 0;
  double width = 0;  // sum of (to - from) in calendar days
  void add(const Window& w, Day shipped) {
    ++n;
    width += w.to - w.from;
    if (shipped < w.from)
      ++early;
    else if (shipped > w.to)
      ++late;
    else
      ++kept;
  }
  double not_late_pct() const { return pct(n - late); }
  double kept_pct() const { return n ? 100.0 * static_cast<double>(kept) / static_cast<double>(n) : 0; }
  double pct(long x) const { return n ? 100.0 * static_cast<double>(x) / static_cast<double>(n) : 0; }
  double mean_width() const { return n ? width / static_cast<double>(n) : 0; }
};

struct SeasonResult {
  long orders = 0, in_stock = 0, backorders = 0, unshipped = 0, stock_mismatch = 0;
  Tally engine, fixed;
  Tally engine_by[4], fixed_by[4];  // by the engine's source (1 stock, 2 inbound, 3 lead time)
  double wait = 0;                  // mean days from placement to shipping, backorders
};

class Season {
 public:
  // `engine` promises; `label` is the same shop's policy read the naive way, for the fixed label.
  Season(const Options& o, std::shared_ptr<const Engine> engine, std::shared_ptr<const Engine> label,
         std::uint64_t seed)
      : o_(o),
        engine_(std::move(engine)),
        label_(std::move(label)),
        cal_(engine_->calendar()),
        rng_(seed),
        seed_(seed) {}

  SeasonResult run() {
    const Day start = start_ = parse_day(o_.start, "start");
    setup(start);
    const Day score_from = start + o_.warmup, orders_until = score_from + o_.days;
    for (Day t = start;; ++t) {
      const bool ordering = t < orders_until;
      if (!ordering && waiting_scored_ == 0) break;
      if (t > orders_until + 400) break;  // lines still waiting count as unshipped
      morning(t);
      if (ordering) take_orders(t, t >= score_from);
    }
    return score();
  }

 private:
  struct PO {
    std::string id;
    std::size_t item;
    std::int64_t quantity;
    Day expected, arrival, put_away;
    bool arrived = false;
  };
  struct Line {
    std::string order_id;
    std::size_t item;
    std::int64_t quantity, allocated = 0;
    Instant placed_at;
    Day placed_day;
    bool scored = false, backordered = false;
    Window engine, fixed;
    Source source = Source::lead_time;
    Day shipped = -1;
  };
  struct ItemWorld {
    std::string sku;
    std::size_t supplier;
    int phase;
    bool review_due = false;
    std::int64_t free = 0;  // put away, not allocated to any line
    std::deque<std::size_t> queue;
    std::vector<std::size_t> pos;  // open purchase orders (not yet put away)
  };

  Instant at(Day d, int minutes) const {
    return (static_cast<Instant>(d) * 86'400 + minutes * 60 - cal_.offset_minutes_at(d) * 60) * 1000;
  }

  void setup(Day start) {
    const int groups = static_cast<int>(o_.lateness.size());
    history_.resize(static_cast<std::size_t>(o_.suppliers));
    for (int s = 0; s < o_.suppliers; ++s) {
      const Lateness& dist = o_.lateness[static_cast<std::size_t>(s % groups)];
      for (int k = 0; k < o_.history; ++k) history_[static_cast<std::size_t>(s)].push_back(dist.draw(rng_));
    }
    for (int i = 0; i < o_.items; ++i) {
      char sku[32];
      std::snprintf(sku, sizeof sku, "ITEM-%04d", i);
      ItemWorld it;
      it.sku = sku;
      it.supplier = static_cast<std::size_t>(i % o_.suppliers);
      it.phase = rng_.between(0, o_.po_every - 1);
      it.review_due = true;  // the season opens with the pipeline empty: the first review fills it
      items_.push_back(std::move(it));
    }
    (void)start;
  }

  void ship_from_free(std::size_t k, Day t) {
    ItemWorld& it = items_[k];
    const Day ship = cal_.stock_ship_day(at(t, 9 * 60));
    while (!it.queue.empty() && it.free > 0) {
      Line& l = lines_[it.queue.front()];
      const std::int64_t take = std::min(it.free, l.quantity - l.allocated);
      l.allocated += take;
      it.free -= take;
      if (l.allocated < l.quantity) break;
      l.shipped = ship;
      if (l.scored) --waiting_scored_;
      it.queue.pop_front();
    }
  }

  void morning(Day t) {
    // Deliveries arrive (the lateness joins the supplier's history); put-aways make stock and serve the
    // queue.
    for (std::size_t k = 0; k < items_.size(); ++k) {
      ItemWorld& it = items_[k];
      for (std::size_t i = 0; i < it.pos.size();) {
        PO& po = pos_[it.pos[i]];
        if (po.arrival == t && !po.arrived) {
          po.arrived = true;
          auto& h = history_[it.supplier];
          h.push_back(po.arrival - po.expected);
          if (h.size() > static_cast<std::size_t>(o_.history_window)) h.erase(h.begin());
        }
        if (po.put_away == t) {
          it.free += po.quantity;
          it.pos.erase(it.pos.begin() + static_cast<std::ptrdiff_t>(i));
          continue;
        }
        ++i;
      }
      ship_from_free(k, t);
    }
    // Purchase-order reviews, on working days: order up to the target inventory position.
    const Day start = start_;
    for (std::size_t k = 0; k < items_.size(); ++k) {
      ItemWorld& it = items_[k];
      if ((t - start + it.phase) % o_.po_every == 0) it.review_due = true;
      if (!it.review_due || !cal_.is_working(t)) continue;
      it.review_due = false;
      std::int64_t position = it.free;
      for (std::size_t p : it.pos) position += pos_[p].quantity;
      for (std::size_t l : it.queue) position -= lines_[l].quantity - lines_[l].allocated;
      const std::int64_t q = o_.po_size - position;
      if (q <= 0) continue;
      PO po;
      po.id = "PO-" + std::to_string(pos_.size());
      po.item = k;
      po.quantity = q;
      // The supplier confirms a working day within its quoted lead time.
      po.expected = cal_.next_working(t + rng_.between(o_.lead_min, o_.lead_max));
      const Lateness& dist = o_.lateness[it.supplier % o_.lateness.size()];
      po.arrival = cal_.next_working(std::max(po.expected + dist.draw(rng_), t + 1));
      po.put_away = cal_.add_business_days(po.arrival, engine_->policy().promise.receiving_days);
      it.pos.push_back(pos_.size());
      pos_.push_back(std::move(po));
    }
    book_.reset();
    book_.emplace(engine_, facts(t), at(t, 9 * 60));
  }

  Facts facts(Day t) const {
    Facts f;
    for (const ItemWorld& it : items_) {
      Item item;
      item.sku = it.sku;
      item.lead_min_days = o_.lead_min;
      item.lead_max_days = o_.lead_max;
      // What the shop knows: who supplies the item and when it next orders it.
      item.supplier = "supplier-" + std::to_string(it.supplier);
      item.reorder_on = next_review(it, t);
      f.items.push_back(std::move(item));
      StockRow row;
      row.sku = it.sku;
      row.position.on_hand = it.free;
      for (std::size_t l : it.queue) row.position.on_hand += lines_[l].allocated;
      f.stock.push_back(std::move(row));
      for (std::size_t p : it.pos) {
        const PO& po = pos_[p];
        Supply s;
        s.id = po.id;
        s.sku = it.sku;
        s.quantity = po.quantity;
        // Once the truck is in, the shop knows the date; until put-away the units are still inbound.
        s.arrive_from = s.arrive_to = po.arrived ? po.arrival : po.expected;
        s.supplier = "supplier-" + std::to_string(it.supplier);
        f.supply.push_back(std::move(s));
      }
      for (std::size_t l : it.queue) {
        const Line& line = lines_[l];
        f.lines.push_back({line.order_id, "1", it.sku, line.quantity, line.placed_at, 0, "US"});
      }
    }
    for (std::size_t s = 0; s < history_.size(); ++s) {
      f.suppliers.push_back({"supplier-" + std::to_string(s), history_[s]});
    }
    return f;
  }

  void take_orders(Day t, bool scored) {
    struct Arrival {
      int minute;
      std::size_t item;
    };
    std::vector<Arrival> today;
    for (std::size_t k = 0; k < items_.size(); ++k) {
      for (int n = rng_.poisson(o_.rate); n > 0; --n) today.push_back({rng_.between(9 * 60, 14 * 60 - 1), k});
    }
    std::stable_sort(today.begin(), today.end(), [](auto& a, auto& b) { return a.minute < b.minute; });
    int seq = 0;
    for (const Arrival& a : today) {
      ItemWorld& it = items_[a.item];
      Line l;
      char id[48];
      std::snprintf(id, sizeof id, "S%llu-%zu", static_cast<unsigned long long>(seed_), lines_.size());
      l.order_id = id;
      l.item = a.item;
      const double u = rng_.unit();
      l.quantity = u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
      l.placed_at = at(t, a.minute) + seq++;  // distinct instants: the queue order is the arrival order
      l.placed_day = t;
      l.scored = scored;
      Change c;
      c.kind = Change::Kind::order_placed;
      c.line = {l.order_id, "1", it.sku, l.quantity, l.placed_at, 0, "US"};
      book_->apply(c);
      const LinePromise& p = book_->promise(*book_->find_line(l.order_id, "1"));
      l.engine = p.ship;
      l.source = p.source;
      l.fixed =
          lead_time_window(label_->policy(), cal_, Today::at(cal_, l.placed_at), o_.lead_min, o_.lead_max);
      const std::size_t idx = lines_.size();
      if (it.queue.empty() && it.free >= l.quantity) {
        it.free -= l.quantity;
        l.allocated = l.quantity;
        l.shipped = cal_.stock_ship_day(l.placed_at);
        if (l.source != Source::stock || l.engine.from != l.shipped || l.engine.to != l.shipped) ++mismatch_;
      } else {
        l.backordered = true;
        if (it.queue.empty()) {  // the line takes what is left and waits for the rest
          l.allocated = it.free;
          it.free = 0;
        }
        it.queue.push_back(idx);
        if (scored) ++waiting_scored_;
      }
      lines_.push_back(std::move(l));
    }
  }

  // The working day of the item's next purchase-order review after day t (the shop knows its schedule).
  Day next_review(const ItemWorld& it, Day t) const {
    if (it.review_due) return cal_.next_working(t + 1);  // fell on a non-working day: the next working one
    Day d = t + 1;
    while ((d - start_ + it.phase) % o_.po_every != 0) ++d;
    return cal_.next_working(d);
  }

  SeasonResult score() const {
    SeasonResult r;
    double wait = 0;
    for (const Line& l : lines_) {
      if (!l.scored) continue;
      ++r.orders;
      if (!l.backordered) {
        ++r.in_stock;
        continue;
      }
      ++r.backorders;
      if (l.shipped < 0) {
        ++r.unshipped;
        continue;
      }
      r.engine.add(l.engine, l.shipped);
      r.fixed.add(l.fixed, l.shipped);
      r.engine_by[static_cast<int>(l.source)].add(l.engine, l.shipped);
      r.fixed_by[static_cast<int>(l.source)].add(l.fixed, l.shipped);
      wait += l.shipped - l.placed_day;
    }
    r.wait = r.engine.n ? wait / static_cast<double>(r.engine.n) : 0;
    r.stock_mismatch = mismatch_;
    return r;
  }

  const Options& o_;
  std::shared_ptr<const Engine> engine_, label_;
  const Calendar& cal_;
  Rng rng_;
  std::uint64_t seed_;
  std::vector<ItemWorld> items_;
  std::vector<PO> pos_;
  std::vector<Line> lines_;
  std::vector<std::vector<int>> history_;  // per supplier: days late (negative: early) of past deliveries
  std::optional<PromiseBook> book_;
  Day start_ = 0;
  long waiting_scored_ = 0;
  long mismatch_ = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse_args(argc, argv);
    // The simulated supplier quotes lead times to arrival, so the engine is told so; the fixed label reads
    // the same policy naively, the way a shop's static text does.
    auto label = Engine::from_json(read_file(o.policy));
    Policy arrival = label->policy();
    arrival.promise.lead_time_to_arrival = true;
    auto engine = std::make_shared<const Engine>(arrival);
    const PromisePolicy& pp = engine->policy().promise;
    std::string dists;
    for (const auto& l : o.lateness) dists += (dists.empty() ? "" : ", ") + l.spec;
    std::printf(
        "model: %d items, %.2f orders/item/day, %d scored days after %d warm-up, PO review every %d days "
        "up to %d units, quoted lead %d-%d days, %d suppliers, lateness %s, history %d (window %d)\n",
        o.items, o.rate, o.days, o.warmup, o.po_every, o.po_size, o.lead_min, o.lead_max, o.suppliers,
        dists.c_str(), o.history, o.history_window);
    std::printf(
        "policy: %s (receiving_days %d, handling_days %d, lateness_percentile %d, default lateness %d/%d; "
        "lead times count until arrival)\n",
        o.policy.c_str(), pp.receiving_days, engine->policy().calendar.handling_days, pp.lateness_percentile,
        pp.default_lateness_confirmed, pp.default_lateness_unconfirmed);
    std::vector<double> ek, el, ew, fk, fl, fw;
    const char* source[] = {"", "stock", "inbound", "lead_time"};
    for (int s = 0; s < o.seeds; ++s) {
      const std::uint64_t seed = o.seed + static_cast<std::uint64_t>(s);
      const SeasonResult r = Season(o, engine, label, seed).run();
      ek.push_back(r.engine.kept_pct());
      el.push_back(r.engine.not_late_pct());
      ew.push_back(r.engine.mean_width());
      fk.push_back(r.fixed.kept_pct());
      fl.push_back(r.fixed.not_late_pct());
      fw.push_back(r.fixed.mean_width());
      if (!o.per_seed) continue;
      std::printf("seed %llu: %ld orders, %ld in stock, %ld backordered (%ld unshipped), mean wait %.1f d\n",
                  static_cast<unsigned long long>(seed), r.orders, r.in_stock, r.backorders, r.unshipped,
                  r.wait);
      for (auto [name, t] : {std::pair{"engine", &r.engine}, {"fixed", &r.fixed}}) {
        std::printf("  %-6s kept %5.1f%% (early %4.1f%%, late %4.1f%%), width %.2f d\n", name, t->kept_pct(),
                    t->pct(t->early), t->pct(t->late), t->mean_width());
      }
      for (int k = 1; k <= 3; ++k) {
        if (!r.engine_by[k].n) continue;
        std::printf("  from %-9s %6ld lines: engine kept %5.1f%% width %.2f d, fixed kept %5.1f%%\n",
                    source[k], r.engine_by[k].n, r.engine_by[k].kept_pct(), r.engine_by[k].mean_width(),
                    r.fixed_by[k].kept_pct());
      }
      if (r.stock_mismatch)
        std::printf("  WARNING: %ld in-stock lines the engine did not promise from stock\n",
                    r.stock_mismatch);
    }
    auto min = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
    std::printf(
        "summary engine: kept median %.1f%% min %.1f%%, width median %.2f d, not late median %.1f%% (%d "
        "seeds)\n",
        median(ek), min(ek), median(ew), median(el), o.seeds);
    std::printf("summary fixed: kept median %.1f%% min %.1f%%, width median %.2f d, not late median %.1f%%\n",
                median(fk), min(fk), median(fw), median(fl));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_promise_simulate: %s\n", e.what());
    return 2;
  }
}
