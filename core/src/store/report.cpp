// The merchant report (docs/store.md#support-desk-and-report): per item, who waits and for how long, the
// promises at risk, the next inbound supply and the compliance deadlines coming due. Reads only.
#include <algorithm>
#include <map>

#include "ledger.hpp"

namespace backorder {

using detail::json;
using detail::Param;
using P = std::vector<Param>;

namespace {

constexpr int kDueSoonDays = 7;  // "coming due": within a week

struct WaitingLine {
  std::string order_id, line_id, sku;
  std::int64_t waiting = 0;
  Instant placed_at = 0;
  std::optional<Day> promised_to;
};

struct ItemReport {
  std::int64_t units = 0, ready = 0, risk_units = 0, risk_lines = 0;
  std::set<std::string> orders, risk_orders;
  Instant oldest = 0;
  std::string oldest_order;
  json deadlines = json::array();
};

json window_json(Day from, Day to) { return {{"from", format_day(from)}, {"to", format_day(to)}}; }

}  // namespace

std::string Store::report_json(const ReportRequest& request) {
  Impl& s = *impl_;
  const Calendar& cal = s.engine->calendar();
  const Day today = cal.local_day(request.now);
  detail::Rows r = s.db->query(
      "SELECT l.order_id, l.line_id, l.sku, l.quantity - l.shipped - l.cancelled, o.placed_at, l.promised_to "
      "FROM bo_lines l JOIN bo_orders o ON o.shop = l.shop AND o.id = l.order_id WHERE l.shop = ? AND "
      "l.quantity > l.shipped + l.cancelled ORDER BY o.placed_at, l.order_id, l.line_id",
      P{s.shop});
  std::vector<WaitingLine> lines;
  std::set<std::string> skus;
  for (std::size_t i = 0; i < r.size(); ++i) {
    WaitingLine l{std::string(r.text(i, 0)), std::string(r.text(i, 1)), std::string(r.text(i, 2)),
                  r.integer(i, 3),           r.integer(i, 4),           std::nullopt};
    if (!r.null(i, 5)) l.promised_to = static_cast<Day>(r.integer(i, 5));
    skus.insert(l.sku);
    lines.push_back(std::move(l));
  }
  PromiseBook book = s.load_book(skus, request.now);

  std::map<std::string, ItemReport> items;
  std::map<std::string, std::set<std::string>> order_skus;  // each waiting order, with the skus it waits for
  for (const WaitingLine& l : lines) {
    ItemReport& it = items[l.sku];
    it.units += l.waiting;
    it.orders.insert(l.order_id);
    if (it.oldest_order.empty() || l.placed_at < it.oldest)
      it.oldest = l.placed_at, it.oldest_order = l.order_id;
    if (auto at = book.find_line(l.order_id, l.line_id)) {
      const LinePromise& p = book.promise(*at);
      if (p.source == Source::stock) it.ready += l.waiting;
      if ((l.promised_to && p.ship.to > *l.promised_to) || p.late_supply) {
        ++it.risk_lines;
        it.risk_units += l.waiting;
        it.risk_orders.insert(l.order_id);
      }
    }
    order_skus[l.order_id].insert(l.sku);
  }

  // The compliance deadlines of each waiting order: the rule packs' findings that carry a date.
  json deadlines = json::array();
  for (const auto& [order_id, order_sku_set] : order_skus) {
    std::vector<Finding> findings;
    try {
      findings = s.order_findings(order_id, request.now);
    } catch (const Error&) {
      continue;  // an order the checks cannot read has no deadlines to show
    }
    for (const Finding& f : findings) {
      if (!f.due) continue;
      deadlines.push_back(
          {{"order_id", order_id},
           {"rule", f.rule_id},
           {"pack", f.pack},
           {"severity", severity_name(f.severity)},
           {"action", f.action},
           {"label", f.message},
           {"citation", f.citation.source},
           {"tag", f.citation.tag},
           {"due", format_day(*f.due)},
           {"days_left", *f.due - today},
           {"overdue", *f.due < today},
           {"skus", json(std::vector<std::string>(order_sku_set.begin(), order_sku_set.end()))}});
    }
  }
  std::stable_sort(deadlines.begin(), deadlines.end(),
                   [](const json& a, const json& b) { return a["due"] < b["due"]; });

  json out_items = json::array();
  std::int64_t total_units = 0, risk_lines = 0;
  std::set<std::string> all_orders, risk_orders;
  for (auto& [sku, it] : items) {
    const Item* item = book.item(sku);
    json j = {{"sku", sku},
              {"name", item && !item->name.empty() ? item->name : sku},
              {"waiting_units", it.units},
              {"waiting_orders", static_cast<std::int64_t>(it.orders.size())},
              {"ready_units", it.ready},
              {"oldest_wait_days", (request.now - it.oldest) / 86'400'000},
              {"oldest_order", it.oldest_order},
              {"at_risk",
               {{"lines", it.risk_lines},
                {"units", it.risk_units},
                {"orders", json(std::vector<std::string>(it.risk_orders.begin(), it.risk_orders.end()))}}},
              {"next_inbound", nullptr},
              {"deadlines", json::array()}};
    // The open purchase order expected first.
    for (std::size_t i = 0; i < book.supply_count(); ++i) {
      const Supply& sup = book.supply(i);
      if (sup.sku != sku || !book.supply_open(i)) continue;
      if (!j["next_inbound"].is_null() &&
          format_day(sup.arrive_from) >= j["next_inbound"]["arriving"]["from"])
        continue;
      j["next_inbound"] = {{"id", sup.id},
                           {"quantity", sup.quantity},
                           {"arriving", window_json(sup.arrive_from, sup.arrive_to)},
                           {"overdue", sup.arrive_to < today}};
    }
    for (const json& d : deadlines) {
      for (const json& k : d["skus"])
        if (k == sku)
          j["deadlines"].push_back({{"order_id", d["order_id"]},
                                    {"due", d["due"]},
                                    {"days_left", d["days_left"]},
                                    {"rule", d["rule"]},
                                    {"action", d["action"]}});
    }
    total_units += it.units;
    risk_lines += it.risk_lines;
    all_orders.insert(it.orders.begin(), it.orders.end());
    risk_orders.insert(it.risk_orders.begin(), it.risk_orders.end());
    out_items.push_back(std::move(j));
  }
  // The items that need attention first: at risk, then the most units waiting.
  std::stable_sort(out_items.begin(), out_items.end(), [](const json& a, const json& b) {
    auto ra = a["at_risk"]["units"].get<std::int64_t>(), rb = b["at_risk"]["units"].get<std::int64_t>();
    if (ra != rb) return ra > rb;
    return a["waiting_units"].get<std::int64_t>() > b["waiting_units"].get<std::int64_t>();
  });
  std::int64_t overdue = 0, due_soon = 0;
  for (const json& d : deadlines) {
    const auto left = d["days_left"].get<std::int64_t>();
    overdue += left < 0;
    due_soon += left >= 0 && left <= kDueSoonDays;
  }
  json out = {{"now", cal.format_local(request.now)},
              {"today", format_day(today)},
              {"shop", s.shop},
              {"shop_name", s.engine->policy().notifications.shop_name.empty()
                                ? s.shop
                                : s.engine->policy().notifications.shop_name},
              {"currency", std::string(s.engine->policy().currency.view())},
              {"totals",
               {{"items", static_cast<std::int64_t>(items.size())},
                {"waiting_units", total_units},
                {"waiting_orders", static_cast<std::int64_t>(all_orders.size())},
                {"at_risk_lines", risk_lines},
                {"at_risk_orders", static_cast<std::int64_t>(risk_orders.size())},
                {"deadlines_overdue", overdue},
                {"deadlines_due_soon", due_soon},
                {"due_soon_days", kDueSoonDays}}},
              {"items", std::move(out_items)},
              {"deadlines", std::move(deadlines)}};
  return detail::to_text(out);
}

}  // namespace backorder
