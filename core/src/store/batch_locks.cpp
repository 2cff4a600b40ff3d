// A batch's locks, taken before its first event (PostgreSQL; SQLite's write lock covers the file). Each event
// locks its order and then its skus in sorted order, so single events never deadlock; a batch that locked
// event by event held one event's skus while it waited for the next one's, and two batches over the same
// items deadlocked on every rerun (bench/store: 4 connections, batches of 100). Taking every lock up front,
// orders then skus, each sorted, keeps the one order; the events' own locks are then held already
// (advisory locks nest).
#include "ledger.hpp"

namespace backorder {

using detail::Param;
using P = std::vector<Param>;

void Store::Impl::lock_batch(const std::vector<detail::Event>& events) {
  if (events.size() < 2 || db->backend() == "sqlite") return;
  std::set<std::string> orders, skus;
  std::map<std::string, std::set<std::string>> placed;  // orders placed earlier in the batch: their skus
  std::map<std::string, std::string> added;             // purchase orders added earlier in the batch
  auto order_skus = [&](const std::string& id) {
    if (auto it = placed.find(id); it != placed.end()) {
      skus.insert(it->second.begin(), it->second.end());
      return;
    }
    detail::Rows rows = db->query("SELECT sku FROM bo_lines WHERE shop = ? AND order_id = ?", P{shop, id});
    for (std::size_t i = 0; i < rows.size(); ++i) skus.insert(std::string(rows.text(i, 0)));
  };
  for (const detail::Event& e : events) {
    const std::string& t = e.type;
    if (t == "catalog") {
      for (const Item& it : e.catalog.items) skus.insert(it.sku);
      for (const StockRow& s : e.catalog.stock) skus.insert(s.sku);
      for (const Supply& s : e.catalog.supply) skus.insert(s.sku);
    } else if (t == "order_placed") {
      orders.insert(e.order_id);
      for (const auto& l : e.lines) placed[e.order_id].insert(l.sku), skus.insert(l.sku);
    } else if (t == "stock_received" || t == "stock_set") {
      skus.insert(e.sku);
    } else if (t == "supply_added") {
      skus.insert(e.supply.sku);
      added[e.supply.id] = e.supply.sku;
    } else if (t == "supply_changed" || t == "supply_cancelled") {
      if (auto it = added.find(e.supply_id); it != added.end()) {
        skus.insert(it->second);
      } else {
        detail::Rows s =
            db->query("SELECT sku FROM bo_supply WHERE shop = ? AND id = ?", P{shop, e.supply_id});
        if (!s.empty()) skus.insert(std::string(s.text(0, 0)));
      }
    } else if (t == "shipment_created" || t == "line_cancelled" || t == "delay_reply" ||
               (t == "delay_declared" && !e.order_id.empty())) {
      orders.insert(e.order_id);
      order_skus(e.order_id);
    } else if (t == "delay_declared") {
      skus.insert(e.sku);
    } else if (t == "tick") {
      // Every order with waiting lines and their skus (compliance_ledger.cpp).
      detail::Rows rows = db->query(
          "SELECT order_id, sku FROM bo_lines WHERE shop = ? AND quantity > shipped + cancelled", P{shop});
      for (std::size_t i = 0; i < rows.size(); ++i) {
        orders.insert(std::string(rows.text(i, 0)));
        skus.insert(std::string(rows.text(i, 1)));
      }
    }
  }
  for (const std::string& o : orders) db->lock(shop + "\x1forder\x1f" + o);
  for (const std::string& s : skus) db->lock(shop + "\x1fsku\x1f" + s);
}

}  // namespace backorder
