// What each event changes in the ledger (docs/store.md#events). Runs inside the caller's transaction: a
// throw undoes the whole call.
#include <algorithm>
#include <map>

#include "../json_writer.hpp"
#include "ledger.hpp"
#include "messages.hpp"
#include "token.hpp"

namespace backorder {

using detail::json;
using detail::Param;
using detail::Reader;
using P = std::vector<Param>;

namespace {

[[noreturn]] void refuse(ErrorCode code, const std::string& path, std::string_view field,
                         const std::string& why) {
  throw Error(code, Reader::at(path, field), why);
}

std::string supplier_doc(const Supplier& s) {
  json j = {{"id", s.id}, {"lateness_days", s.lateness_days}};
  return detail::to_text(j);
}

const char* status_text(SupplyStatus s) { return s == SupplyStatus::confirmed ? "confirmed" : "unconfirmed"; }

}  // namespace

Store::Impl::Outcome Store::Impl::apply(const detail::Event& e, const std::string& path) {
  Outcome out;
  // Idempotent by event id: the log row is the proof the event was applied, in the same transaction.
  if (db->execute(
          "INSERT INTO bo_events (shop, id, type, at, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (shop, id) "
          "DO NOTHING",
          P{shop, e.id, e.type, e.at, e.body}) == 0) {
    return out;
  }
  out.applied = true;
  std::set<std::string> touched;
  auto lock_all = [&](const std::set<std::string>& skus, const std::string& order) {
    if (!order.empty()) db->lock(shop + "\x1forder\x1f" + order);
    for (const std::string& sku : skus) db->lock(shop + "\x1fsku\x1f" + sku);
  };
  auto require_item = [&](const std::string& sku, std::string_view field) {
    if (!has_item(sku)) refuse(ErrorCode::not_found, path, field, "no item with this sku");
  };
  auto order_exists = [&](const std::string& id) {
    return !db->query("SELECT 1 FROM bo_orders WHERE shop = ? AND id = ?", P{shop, id}).empty();
  };
  auto order_skus = [&](const std::string& id) {
    std::set<std::string> skus;
    // No DISTINCT (the set dedupes): with it SQLite walks bo_lines_sku over the whole shop for distinct
    // values instead of reading the order's few lines by primary key (bench/store: 5.6 ms against 0.02 ms).
    detail::Rows rows = db->query("SELECT sku FROM bo_lines WHERE shop = ? AND order_id = ?", P{shop, id});
    for (std::size_t i = 0; i < rows.size(); ++i) skus.insert(std::string(rows.text(i, 0)));
    return skus;
  };
  std::string quiet;
  const std::string& t = e.type;

  if (t == "catalog") {
    for (const Item& it : e.catalog.items) touched.insert(it.sku);
    for (const StockRow& s : e.catalog.stock) touched.insert(s.sku);
    for (const Supply& s : e.catalog.supply) touched.insert(s.sku);
    lock_all(touched, "");
    for (std::size_t i = 0; i < e.catalog.items.size(); ++i) {
      db->defer(
          "INSERT INTO bo_items (shop, sku, doc, category) VALUES (?, ?, ?, ?) ON CONFLICT (shop, sku) DO "
          "UPDATE SET "
          "doc = excluded.doc, category = excluded.category",
          P{shop, e.catalog.items[i].sku, e.item_docs[i], e.catalog.items[i].category});
    }
    for (std::size_t i = 0; i < e.catalog.stock.size(); ++i) {
      const StockRow& s = e.catalog.stock[i];
      if (db->execute(
              "UPDATE bo_items SET on_hand = ?, reserved = ?, safety_stock = ? WHERE shop = ? AND sku = ?",
              P{s.position.on_hand, s.position.reserved, s.position.safety_stock, shop, s.sku}) == 0)
        refuse(ErrorCode::not_found, path, "stock[" + std::to_string(i) + "].sku", "no item with this sku");
    }
    for (const Supplier& s : e.catalog.suppliers) {
      db->defer(
          "INSERT INTO bo_suppliers (shop, id, doc) VALUES (?, ?, ?) ON CONFLICT (shop, id) DO UPDATE SET "
          "doc "
          "= excluded.doc",
          P{shop, s.id, supplier_doc(s)});
    }
    for (std::size_t i = 0; i < e.catalog.supply.size(); ++i) {
      const Supply& s = e.catalog.supply[i];
      require_item(s.sku, "supply[" + std::to_string(i) + "].sku");
      db->defer(
          "INSERT INTO bo_supply (shop, id, sku, quantity, arrive_from, arrive_to, status, supplier, open) "
          "VALUES (?, "
          "?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (shop, id) DO UPDATE SET sku = excluded.sku, quantity = "
          "excluded.quantity, arrive_from = excluded.arrive_from, arrive_to = excluded.arrive_to, status = "
          "excluded.status, supplier = excluded.supplier, open = 1",
          P{shop, s.id, s.sku, s.quantity, std::int64_t{s.arrive_from}, std::int64_t{s.arrive_to},
            status_text(s.status), s.supplier});
    }
  } else if (t == "order_placed") {
    for (const auto& l : e.lines) touched.insert(l.sku);
    lock_all(touched, e.order_id);
    if (order_exists(e.order_id))
      refuse(ErrorCode::invalid, path, "order.id", "an order with this id exists");
    for (std::size_t i = 0; i < e.lines.size(); ++i)
      require_item(e.lines[i].sku, "order.lines[" + std::to_string(i) + "].sku");
    std::string strategy;
    if (!e.consent.empty()) strategy = json::parse(e.consent).value("strategy", std::string());
    if (!e.paid.empty()) check_paid(*engine, e.paid, e.lines, e.at, path);
    db->defer(
        "INSERT INTO bo_orders (shop, id, placed_at, priority, email, name, locale, zone, tier, consent, "
        "strategy, paid, compliance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        P{shop, e.order_id, e.at, std::int64_t{e.priority}, e.customer.email, e.customer.name,
          e.customer.locale.empty() ? engine->policy().locale : e.customer.locale, e.customer.zone,
          e.customer.tier, e.consent.empty() ? Param{nullptr} : Param{e.consent}, strategy,
          e.paid.empty() ? Param{nullptr} : Param{e.paid},
          e.credit_applied ? std::string(R"({"credit_applied":true})") : std::string("{}")});
    for (const auto& l : e.lines) {
      db->defer(
          "INSERT INTO bo_lines (shop, order_id, line_id, sku, quantity, unit_price, placed_at, priority, "
          "zone) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          P{shop, e.order_id, l.line_id, l.sku, l.quantity,
            l.unit_price ? Param{*l.unit_price} : Param{nullptr}, e.at, std::int64_t{e.priority},
            e.customer.zone});
    }
    quiet = e.order_id;
  } else if (t == "stock_received" || t == "stock_set") {
    touched.insert(e.sku);
    lock_all(touched, "");
    require_item(e.sku, "sku");
    if (t == "stock_set") {
      db->defer("UPDATE bo_items SET on_hand = ?, reserved = ?, safety_stock = ? WHERE shop = ? AND sku = ?",
                P{e.position.on_hand, e.position.reserved, e.position.safety_stock, shop, e.sku});
    } else {
      db->defer("UPDATE bo_items SET on_hand = on_hand + ? WHERE shop = ? AND sku = ?",
                P{e.quantity, shop, e.sku});
      if (!e.supply_id.empty()) {
        // The units came on this purchase order: what is still to come shrinks by them.
        if (db->execute(
                "UPDATE bo_supply SET quantity = CASE WHEN quantity > ? THEN quantity - ? ELSE 0 END, open = "
                "CASE WHEN quantity > ? THEN 1 ELSE 0 END WHERE shop = ? AND id = ? AND sku = ?",
                P{e.quantity, e.quantity, e.quantity, shop, e.supply_id, e.sku}) == 0)
          refuse(ErrorCode::not_found, path, "supply_id", "no purchase order with this id for this sku");
      }
    }
  } else if (t == "supply_added" || t == "supply_changed" || t == "supply_cancelled") {
    std::string sku = e.supply.sku;
    if (t != "supply_added") {
      detail::Rows s = db->query("SELECT sku FROM bo_supply WHERE shop = ? AND id = ?", P{shop, e.supply_id});
      if (s.empty()) refuse(ErrorCode::not_found, path, "supply.id", "no purchase order with this id");
      sku = s.text(0, 0);
    }
    touched.insert(sku);
    lock_all(touched, "");
    if (t == "supply_added") {
      require_item(sku, "supply.sku");
      if (!db->query("SELECT 1 FROM bo_supply WHERE shop = ? AND id = ?", P{shop, e.supply.id}).empty())
        refuse(ErrorCode::invalid, path, "supply.id", "a purchase order with this id exists");
      const Supply& s = e.supply;
      db->defer(
          "INSERT INTO bo_supply (shop, id, sku, quantity, arrive_from, arrive_to, status, supplier) VALUES "
          "(?, ?, ?, "
          "?, ?, ?, ?, ?)",
          P{shop, s.id, s.sku, s.quantity, std::int64_t{s.arrive_from}, std::int64_t{s.arrive_to},
            status_text(s.status), s.supplier});
    } else if (t == "supply_cancelled") {
      db->defer("UPDATE bo_supply SET open = 0 WHERE shop = ? AND id = ?", P{shop, e.supply_id});
    } else {
      if (e.has_quantity)
        db->defer(
            "UPDATE bo_supply SET quantity = ?, open = CASE WHEN ? > 0 THEN 1 ELSE 0 END WHERE shop = ? AND "
            "id = ?",
            P{e.supply.quantity, e.supply.quantity, shop, e.supply_id});
      if (e.has_arrival)
        db->defer("UPDATE bo_supply SET arrive_from = ?, arrive_to = ? WHERE shop = ? AND id = ?",
                  P{std::int64_t{e.supply.arrive_from}, std::int64_t{e.supply.arrive_to}, shop, e.supply_id});
      if (e.has_status)
        db->defer("UPDATE bo_supply SET status = ? WHERE shop = ? AND id = ?",
                  P{status_text(e.supply.status), shop, e.supply_id});
    }
  } else if (t == "shipment_created" || t == "line_cancelled") {
    if (!order_exists(e.order_id)) refuse(ErrorCode::not_found, path, "order_id", "no order with this id");
    touched = order_skus(e.order_id);
    lock_all(touched, e.order_id);
    std::vector<StoredLine> lines = load_lines("order_id = ?", P{e.order_id});
    auto find = [&](const std::string& id) -> const StoredLine* {
      for (const auto& l : lines)
        if (l.line_id == id) return &l;
      return nullptr;
    };
    if (t == "line_cancelled") {
      if (!e.line_id.empty() && !find(e.line_id))
        refuse(ErrorCode::not_found, path, "line_id", "no such line");
      touched.clear();  // only the cancelled lines' items move
      for (const auto& l : lines)
        if (e.line_id.empty() || l.line_id == e.line_id) touched.insert(l.sku);
      // Easy cancellation: the exact refund, recorded with the event that cancelled.
      out.refund = cancel_waiting(e.order_id, e.line_id, e.id, e.at);
    } else {
      if (!db->query("SELECT 1 FROM bo_shipments WHERE shop = ? AND order_id = ? AND id = ?",
                     P{shop, e.order_id, e.shipment_id})
               .empty())
        refuse(ErrorCode::invalid, path, "shipment_id", "this order already has a shipment with this id");
      touched.clear();  // only the shipped lines' items move
      std::map<std::string, std::int64_t> per_sku;
      detail::JsonWriter shipped;
      shipped.begin_array();
      for (std::size_t i = 0; i < e.shipped.size(); ++i) {
        std::string lp = "lines[" + std::to_string(i) + "]";
        const StoredLine* l = find(e.shipped[i].line_id);
        if (!l) refuse(ErrorCode::not_found, path, lp + ".line_id", "no such line in this order");
        if (e.shipped[i].quantity > l->waiting())
          refuse(ErrorCode::invalid, path, lp + ".quantity",
                 "only " + std::to_string(l->waiting()) + " of this line wait to ship");
        per_sku[l->sku] += e.shipped[i].quantity;
        touched.insert(l->sku);
        db->defer("UPDATE bo_lines SET shipped = shipped + ? WHERE shop = ? AND order_id = ? AND line_id = ?",
                  P{e.shipped[i].quantity, shop, e.order_id, l->line_id});
        shipped.begin_object()
            .key("line_id")
            .value(l->line_id)
            .key("quantity")
            .value(e.shipped[i].quantity)
            .end_object();
      }
      shipped.end_array();
      for (const auto& [sku, units] : per_sku) {
        // The goods leave the shelf: a shipment the ledger's stock cannot cover is a mistake upstream.
        if (db->execute(
                "UPDATE bo_items SET on_hand = on_hand - ? WHERE shop = ? AND sku = ? AND on_hand >= ?",
                P{units, shop, sku, units}) == 0)
          refuse(ErrorCode::invalid, path, "lines", "ships more of " + sku + " than is on hand");
      }
      db->defer(
          "INSERT INTO bo_shipments (shop, order_id, id, carrier, tracking, at, lines) VALUES (?, ?, ?, ?, "
          "?, "
          "?, ?)",
          P{shop, e.order_id, e.shipment_id, e.carrier, e.tracking, e.at, shipped.text()});
    }
  } else if (t == "delay_declared") {
    if (!e.order_id.empty()) {
      if (!order_exists(e.order_id)) refuse(ErrorCode::not_found, path, "order_id", "no order with this id");
      lock_all(order_skus(e.order_id), e.order_id);
    } else {
      require_item(e.sku, "sku");
      lock_all({e.sku}, "");
    }
    out.messages += declare_delay(e);
  } else if (t == "delay_reply") {
    if (!order_exists(e.order_id)) refuse(ErrorCode::not_found, path, "order_id", "no order with this id");
    lock_all(order_skus(e.order_id), e.order_id);
    Outcome answered = answer_notice(e, path, touched);
    out.refund = answered.refund;
    out.messages += answered.messages;
  } else if (t == "tick") {
    out.messages += tick(e, out.moved);
    return out;
  } else if (t == "subscribed") {
    const auto& s = e.subscription;
    require_item(s.sku, "subscription.sku");
    if (options.secret.empty())
      refuse(ErrorCode::invalid, path, "subscription",
             "this store has no secret to sign the subscriber's links: open it with one");
    if (!db->query("SELECT 1 FROM bo_subscriptions WHERE shop = ? AND id = ?", P{shop, s.id}).empty())
      refuse(ErrorCode::invalid, path, "subscription.id", "a subscription with this id exists");
    db->defer(
        "INSERT INTO bo_subscriptions (shop, id, sku, contact, locale, quantity, created_at) VALUES (?, ?, "
        "?, "
        "?, ?, ?, ?)",
        P{shop, s.id, s.sku, s.contact, s.locale.empty() ? engine->policy().locale : s.locale, s.quantity,
          e.at});
    out.token = manage_token(s.id, e.id, e.at);
  } else if (t == "unsubscribed") {
    std::string id = e.subscription_id;
    if (!e.token.empty()) {
      if (options.secret.empty())
        refuse(ErrorCode::invalid, path, "token", "this store has no secret to check it");
      detail::TokenClaims c = detail::verify_token(options.secret, e.token, e.at);
      if (c.shop != shop || c.purpose != "manage")
        refuse(ErrorCode::invalid, path, "token", "not valid here");
      // A link works once: a replayed token is refused.
      if (db->execute(
              "INSERT INTO bo_used_tokens (shop, nonce) VALUES (?, ?) ON CONFLICT (shop, nonce) DO NOTHING",
              P{shop, c.purpose + ":" + c.subject + ":" + c.nonce}) == 0)
        refuse(ErrorCode::invalid, path, "token", "this link was already used");
      id = c.subject;
    }
    if (db->execute("UPDATE bo_subscriptions SET active = 0 WHERE shop = ? AND id = ?", P{shop, id}) == 0)
      refuse(ErrorCode::not_found, path, e.token.empty() ? "subscription_id" : "token",
             "no such subscription");
  }

  // A demanding merchant expects the notice as soon as the ledger knows, not at the next tick: recompute
  // schedules the orders it moves later; the order an event names is scheduled here. Cancelling waits for a
  // tick: an event about one item should not cancel orders it does not name.
  out.moved = recompute(touched, e, quiet, out.messages, true);
  if (t == "order_placed") out.messages += confirm_order(e);
  if (t == "shipment_created") out.messages += announce_shipment(e);
  if (t == "stock_received" || t == "stock_set" || t == "catalog") {
    for (const std::string& sku : touched) out.messages += serve_waitlist(sku, e);
  }
  if (t == "order_placed" || (t == "delay_declared" && !e.order_id.empty()) || t == "delay_reply")
    out.messages += schedule_compliance(e.order_id, e, Schedule::notices, nullptr);
  return out;
}

std::string Store::Impl::manage_token(const std::string& subscription, const std::string& nonce, Instant at) {
  detail::TokenClaims c;
  c.shop = shop;
  c.purpose = "manage";
  c.subject = subscription;
  c.nonce = nonce;
  c.expires = at + std::int64_t{engine->policy().notifications.link_days} * 86'400'000;
  return detail::sign_token(options.secret, c);
}

}  // namespace backorder
