#include "remedy_ledger.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <chrono>

#include "backorder/limits.hpp"
#include "backorder/money.hpp"

namespace backorder::detail {

using P = std::vector<Param>;

std::int64_t add_money(std::int64_t sum, std::int64_t units, std::int64_t price) {
  // Money past 10^15 minor units (docs/limits.md) counts as 10^15: far beyond any budget, never an overflow.
  return add_amounts(sum, multiply_amount(units, price).value_or(limits::kAmount)).value_or(limits::kAmount);
}

std::map<std::string, std::int64_t> line_prices(Store::Impl& s, const std::string& order_id) {
  Rows r = s.db->query(
      "SELECT l.line_id, l.unit_price, i.doc FROM bo_lines l LEFT JOIN bo_items i ON i.shop = l.shop AND "
      "i.sku "
      "= l.sku WHERE l.shop = ? AND l.order_id = ?",
      P{s.shop, order_id});
  std::map<std::string, std::int64_t> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::int64_t price = 0;
    if (!r.null(i, 1)) {
      price = r.integer(i, 1);
    } else if (!r.null(i, 2)) {
      json doc = json::parse(r.text(i, 2));
      if (doc.contains("price") && doc["price"].is_number_integer()) price = doc["price"].get<std::int64_t>();
    }
    out[std::string(r.text(i, 0))] = price;
  }
  return out;
}

std::int64_t late_business_days(const Calendar& cal, const StoredLine& l) {
  if (!l.has_promised || l.ship.to <= l.promised.to) return 0;
  return cal.business_days_between(l.promised.to, l.ship.to);
}

std::string delay_cause(const Event& e) {
  if (e.type == "delay_declared") return e.cause;
  if (e.type == "supply_changed" || e.type == "supply_cancelled" || e.type == "supply_added")
    return "supplier";
  if (e.type == "stock_set" || e.type == "stock_received") return "stock";
  if (e.type == "order_placed") return "demand";
  return e.type;
}

std::string current_delay_cause(Store::Impl& s, const std::string& order_id) {
  std::vector<StoredLine> lines =
      s.load_lines("order_id = ? AND quantity > shipped + cancelled", P{order_id});
  Rows r = s.db->query(
      "SELECT body FROM bo_events WHERE shop = ? AND type = 'delay_declared' ORDER BY at DESC, id DESC LIMIT "
      "200",
      P{s.shop});
  for (std::size_t i = 0; i < r.size(); ++i) {
    json b = json::parse(r.text(i, 0));
    const std::string sku = b.value("sku", ""), order = b.value("order_id", "");
    bool ours = order == order_id ||
                (!sku.empty() &&
                 std::any_of(lines.begin(), lines.end(), [&](const auto& l) { return l.sku == sku; }));
    if (ours) return b.value("cause", "");
  }
  for (const StoredLine& l : lines)
    if (l.source == "inbound" || l.source == "lead_time") return "supplier";
  return lines.empty() ? "" : "stock";
}

namespace {

std::optional<std::int64_t> lifetime_value(Store::Impl& s, const std::string& email, Instant now) {
  if (email.empty()) return std::nullopt;
  // What the customer kept: every order by this address up to now, less what was cancelled. The orders
  // first (bo_orders_email), then their lines by key: as a join SQLite walked every line of the shop and
  // looked its order up (bench/store: most of SQLite's time per event at 14,000 orders).
  Rows r = s.db->query(
      "SELECT l.order_id, l.line_id, l.quantity - l.cancelled FROM bo_lines l WHERE l.shop = ? AND "
      "l.order_id IN (SELECT id FROM bo_orders WHERE shop = ? AND email = ? AND placed_at <= ?)",
      P{s.shop, s.shop, email, now});
  std::map<std::string, std::map<std::string, std::int64_t>> prices;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::string order(r.text(i, 0));
    if (!prices.count(order)) prices[order] = line_prices(s, order);
    total = add_money(total, r.integer(i, 2), prices[order][std::string(r.text(i, 1))]);
  }
  return total;
}

// The first day of the budget period that holds `today`.
Day period_start(const std::string& period, Day today) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{today}}};
  if (period == "day") return today;
  if (period == "week")
    return today - (backorder::weekday(today) + 6) % 7;  // weeks start on Monday (ISO 8601)
  if (period == "year") return day_from_ymd(int(ymd.year()), 1, 1);
  unsigned month = unsigned(ymd.month());
  if (period == "quarter") month = (month - 1) / 3 * 3 + 1;
  return day_from_ymd(int(ymd.year()), month, 1);
}

std::int64_t period_spent(Store::Impl& s, Instant now) {
  const Calendar& cal = s.engine->calendar();
  const Day start = period_start(s.engine->policy().remedies.period, cal.local_day(now));
  // The period starts at local midnight of its first day.
  const Instant from = Instant{start} * 86'400'000 - Instant{cal.offset_minutes_at(start)} * 60'000;
  Rows r =
      s.db->query("SELECT cost FROM bo_remedy_grants WHERE shop = ? AND granted_at >= ? AND granted_at <= ?",
                  P{s.shop, from, now});
  std::int64_t spent = 0;
  for (std::size_t i = 0; i < r.size(); ++i) spent = add_money(spent, 1, r.integer(i, 0));
  return spent;
}

// A code nobody can guess: signed with the store's secret (or the policy's hash without one). The rule of
// notifications.delay_remedies keeps the code it always had.
std::string discount_code(Store::Impl& s, const std::string& order_id, const std::string& rule,
                          const std::string& prefix) {
  std::string key = s.options.secret.empty() ? s.engine->policy().hash : s.options.secret;
  std::string msg = s.shop + "\x1f" + order_id;
  if (rule != "delay_remedies") msg += "\x1f" + rule;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), mac, &len);
  std::string suffix;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned i = 0; i < 4 && i < len; ++i) suffix += {hex[mac[i] >> 4], hex[mac[i] & 15]};
  return prefix + "-" + suffix;
}

}  // namespace

json granted_remedies(Store::Impl& s, const std::string& order_id) {
  Rows r = s.db->query("SELECT remedies FROM bo_orders WHERE shop = ? AND id = ?", P{s.shop, order_id});
  json g = json::parse(r.empty() || r.text(0, 0).empty() ? "[]" : r.text(0, 0));
  return g.is_array() ? g : json::array();
}

RemedyCase remedy_case(Store::Impl& s, const std::string& order_id, const std::set<std::string>& delayed,
                       const std::string& cause, Instant now) {
  RemedyCase c;
  // Two writers on PostgreSQL may grant remedies to one order at once, each holding only its own skus'
  // locks: both read the same grants and numbered theirs alike (bench/store, 4 connections: a duplicate
  // bo_remedy_grants key refused 1 call in 50). An update that changes nothing takes the order's row lock:
  // the second waits, then reads the first's grants.
  s.db->defer("UPDATE bo_orders SET remedies = remedies WHERE shop = ? AND id = ?", P{s.shop, order_id});
  Rows o = s.db->query("SELECT email, tier FROM bo_orders WHERE shop = ? AND id = ?", P{s.shop, order_id});
  if (o.empty()) throw Error(ErrorCode::not_found, "order_id", "no order with this id");
  c.tier = o.text(0, 1);
  c.cause = cause;
  auto prices = line_prices(s, order_id);
  std::int64_t delayed_value = 0;
  for (const StoredLine& l : s.load_lines("order_id = ?", P{order_id})) {
    const std::int64_t price = prices[l.line_id];
    c.order_value = add_money(c.order_value, l.quantity - l.cancelled, price);
    if (l.waiting() <= 0 || (!delayed.empty() && !delayed.count(l.line_id))) continue;
    delayed_value = add_money(delayed_value, l.waiting(), price);
    c.delay_business_days = std::max(c.delay_business_days, late_business_days(s.engine->calendar(), l));
  }
  c.delayed_value = delayed_value;
  c.lifetime_value = lifetime_value(s, std::string(o.text(0, 0)), now);
  for (const json& g : granted_remedies(s, order_id)) {
    c.order_spent = add_money(c.order_spent, 1, g.value("cost", std::int64_t{0}));
    // Remedies kept before rules had ids came from notifications.delay_remedies.
    std::string rule = g.value("rule", "delay_remedies");
    if (std::find(c.granted_rules.begin(), c.granted_rules.end(), rule) == c.granted_rules.end())
      c.granted_rules.push_back(rule);
  }
  c.period_spent = period_spent(s, now);
  return c;
}

Remedy remedy_of(const json& g) {
  Remedy r;
  r.kind = g.value("kind", "");
  r.percent = g.value("percent", std::int64_t{0});
  r.code = g.value("code", "");
  r.max = g.value("max", std::int64_t{0});
  r.amount = g.value("amount", std::int64_t{0});
  r.points = g.value("points", std::int64_t{0});
  return r;
}

std::vector<Remedy> grant_remedies(Store::Impl& s, const std::string& order_id, const RemedyCase& c,
                                   Instant now) {
  json granted = granted_remedies(s, order_id);
  RemedyDecision d = decide_remedies(*s.engine, c);
  for (const GrantedRemedy& g : d.remedies) {
    json k = {{"kind", remedy_type_name(g.type)}, {"rule", g.rule}, {"cost", g.cost}, {"granted_at", now}};
    if (g.type == RemedyType::discount) {
      k["percent"] = g.percent;
      k["code"] = discount_code(s, order_id, g.rule, g.code_prefix);
      if (g.max) k["max"] = g.max;
    }
    if (g.type == RemedyType::partial_refund) k["percent"] = g.percent, k["amount"] = g.amount;
    if (g.type == RemedyType::loyalty_points) k["points"] = g.points;
    if (!g.capped.empty()) k["capped"] = g.capped;
    granted.push_back(std::move(k));
  }
  if (!d.remedies.empty()) {
    s.db->execute("UPDATE bo_orders SET remedies = ? WHERE shop = ? AND id = ?",
                  P{to_text(granted), s.shop, order_id});
    // One row per grant as well, so a period's spend is an indexed sum, not a scan of every order.
    const std::int64_t first = static_cast<std::int64_t>(granted.size() - d.remedies.size());
    for (std::size_t i = 0; i < d.remedies.size(); ++i) {
      const GrantedRemedy& g = d.remedies[i];
      s.db->execute(
          "INSERT INTO bo_remedy_grants (shop, order_id, seq, rule, kind, cost, granted_at) VALUES (?, ?, ?, "
          "?, ?, "
          "?, ?)",
          P{s.shop, order_id, first + static_cast<std::int64_t>(i), g.rule,
            std::string(remedy_type_name(g.type)), g.cost, now});
    }
  }
  std::vector<Remedy> out;
  for (const json& g : granted) out.push_back(remedy_of(g));
  return out;
}

}  // namespace backorder::detail
