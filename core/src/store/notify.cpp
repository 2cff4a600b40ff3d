// Which messages an event calls for, and writing them: confirmations, moves of a promised window (an ETA
// update, a delay apology, the good news that stock arrived), shipments, and notify-me restocks
// (docs/store.md#messages).
#include <algorithm>
#include <map>

#include "../json_reader.hpp"
#include "ledger.hpp"
#include "messages.hpp"
#include "remedy_ledger.hpp"

namespace backorder {

using detail::json;
using detail::Param;
using P = std::vector<Param>;

namespace {

struct OrderRow {
  std::string email, name, locale, remedies, strategy;
  std::optional<Instant> last_update_at;
};

OrderRow load_order(detail::Db& db, const std::string& shop, const std::string& id) {
  detail::Rows r = db.query(
      "SELECT email, name, locale, remedies, last_update_at, strategy FROM bo_orders WHERE shop = ? AND id = "
      "?",
      P{shop, id});
  OrderRow o;
  if (r.empty()) return o;
  o.email = r.text(0, 0);
  o.name = r.text(0, 1);
  o.locale = r.text(0, 2);
  o.remedies = r.text(0, 3);
  if (!r.null(0, 4)) o.last_update_at = r.integer(0, 4);
  o.strategy = r.text(0, 5);
  return o;
}

struct ItemInfo {
  std::string name;
  std::optional<Day> release_date;
};

ItemInfo item_info(detail::Db& db, const std::string& shop, const std::string& sku) {
  detail::Rows r = db.query("SELECT doc FROM bo_items WHERE shop = ? AND sku = ?", P{shop, sku});
  ItemInfo info{sku, std::nullopt};
  if (r.empty()) return info;
  json doc = json::parse(r.text(0, 0));
  if (doc.contains("name") && doc["name"].is_string() && !doc["name"].get<std::string>().empty())
    info.name = doc["name"].get<std::string>();
  if (doc.contains("release_date") && doc["release_date"].is_string())
    info.release_date = parse_day(doc["release_date"].get<std::string>(), "release_date");
  return info;
}

// Replaces {name} in a URL template with the value, percent-encoded.
std::string fill_url(std::string url, std::string_view name, std::string_view value) {
  std::string enc;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      enc += static_cast<char>(c);
    } else {
      static const char* hex = "0123456789ABCDEF";
      enc += '%';
      enc += hex[c >> 4];
      enc += hex[c & 15];
    }
  }
  std::string hole = "{" + std::string(name) + "}";
  for (auto at = url.find(hole); at != std::string::npos; at = url.find(hole, at + enc.size()))
    url.replace(at, hole.size(), enc);
  return url;
}

}  // namespace

// ---- writing one message ----

namespace {

struct Writer {
  Store::Impl& s;
  const detail::Event& e;

  int write(detail::MessageData& d, const std::string& key, const std::string& order_id,
            const std::string& recipient, Instant available_at, const std::string& data = "{}",
            std::int64_t* deferred = nullptr) {
    d.shop = s.engine->policy().notifications.shop_name.empty() ? s.shop
                                                                : s.engine->policy().notifications.shop_name;
    if (d.locale.empty()) d.locale = s.engine->policy().locale;
    detail::RenderedMessage m = detail::render_message(s.engine, d, e.at);
    return s.enqueue(s.shop + ":" + key, detail::message_kind_name(d.kind), order_id, recipient, d.locale,
                     m.subject, m.text, m.html, e.at, available_at, data, deferred);
  }
};

void set_told(detail::Db& db, const std::string& shop, const StoredLine& l, const Window& w) {
  db.defer("UPDATE bo_lines SET told_from = ?, told_to = ? WHERE shop = ? AND order_id = ? AND line_id = ?",
           P{std::int64_t{w.from}, std::int64_t{w.to}, shop, l.order_id, l.line_id});
}

}  // namespace

// The remedies this order gets for the delay of `lines`: decided by the policy's rules and budgets
// (notifications.delay_remedies being one unconditional rule), kept with the order, and every one it has
// so far repeated in the message.
static std::vector<detail::Remedy> remedies_for(Store::Impl& s, const detail::Event& e,
                                                const std::string& order_id,
                                                const std::vector<detail::MessageLine>& lines) {
  std::set<std::string> delayed;
  for (const auto& l : lines) delayed.insert(l.line_id);
  RemedyCase c = detail::remedy_case(s, order_id, delayed, detail::delay_cause(e), e.at);
  return detail::grant_remedies(s, order_id, c, e.at);
}

static bool alternative_in_stock(Store::Impl& s, const std::string& sku) {
  return !s.db->query(
                  "SELECT 1 FROM bo_items a JOIN bo_items b ON b.shop = a.shop AND b.category = a.category "
                  "AND "
                  "b.sku <> a.sku WHERE a.shop = ? AND a.sku = ? AND a.category <> '' AND b.on_hand - "
                  "b.reserved "
                  "- b.safety_stock > 0 LIMIT 1",  // one answers; without the limit every match is read
                  P{s.shop, sku})
              .empty();
}

static int write_delay(Store::Impl& s, const detail::Event& e, const std::string& order_id,
                       std::vector<detail::MessageLine> lines) {
  OrderRow o = load_order(*s.db, s.shop, order_id);
  detail::MessageData d;
  d.kind = detail::MessageKind::delay;
  d.locale = o.locale;
  d.order_id = order_id;
  d.customer_name = o.name;
  d.remedies = remedies_for(s, e, order_id, lines);
  for (const auto& l : lines)
    d.can_take_alternative = d.can_take_alternative || alternative_in_stock(s, l.sku);
  d.lines = std::move(lines);
  return Writer{s, e}.write(d, "delay:" + order_id + ":" + e.id, order_id, o.email, e.at);
}

// An ETA update, coalesced with one still waiting to go out and held back so an order hears at most one
// update per policy interval.
static int write_eta_update(Store::Impl& s, const detail::Event& e, const std::string& order_id,
                            std::vector<detail::MessageLine> lines) {
  OrderRow o = load_order(*s.db, s.shop, order_id);
  Instant available = e.at;
  std::map<std::string, Window> before;  // line id -> what the shopper heard before the pending update
  detail::Rows pending = s.db->query(
      "SELECT id, data, available_at FROM bo_outbox WHERE shop = ? AND order_id = ? AND kind = 'eta_update' "
      "AND sent = "
      "0 AND attempts = 0 ORDER BY id DESC LIMIT 1",
      P{s.shop, order_id});
  int written = 0;
  if (!pending.empty()) {
    json data = json::parse(pending.text(0, 1));
    for (auto& [id, w] : data["before"].items()) before[id] = Window{w[0].get<Day>(), w[1].get<Day>()};
    available = std::max(available, pending.integer(0, 2));
    s.db->defer("DELETE FROM bo_outbox WHERE shop = ? AND id = ?", P{s.shop, pending.integer(0, 0)});
    written = -1;  // replaced, not added
  } else if (o.last_update_at) {
    Instant next = *o.last_update_at +
                   std::int64_t{s.engine->policy().notifications.min_hours_between_updates} * 3'600'000;
    available = std::max(available, next);
  }
  // Lines of the pending update that did not move now keep their place in the merged one.
  for (const StoredLine& l : s.load_lines("order_id = ? AND quantity > shipped + cancelled", P{order_id})) {
    bool listed =
        std::any_of(lines.begin(), lines.end(), [&](const auto& m) { return m.line_id == l.line_id; });
    if (!listed && before.count(l.line_id)) {
      detail::MessageLine m;
      m.line_id = l.line_id;
      m.sku = l.sku;
      m.name = item_info(*s.db, s.shop, l.sku).name;
      m.quantity = l.waiting();
      m.waiting = true;
      m.ship = l.ship;
      lines.push_back(m);
    }
  }
  json data = {{"before", json::object()}};
  std::vector<detail::MessageLine> kept;
  for (auto& m : lines) {
    if (auto b = before.find(m.line_id); b != before.end()) m.before = b->second;
    if (m.before && m.before->from == m.ship.from && m.before->to == m.ship.to) continue;  // moved back
    if (m.before) data["before"][m.line_id] = {m.before->from, m.before->to};
    kept.push_back(m);
  }
  if (kept.empty()) return written;
  detail::MessageData d;
  d.kind = detail::MessageKind::eta_update;
  d.locale = o.locale;
  d.order_id = order_id;
  d.customer_name = o.name;
  d.lines = std::move(kept);
  written += Writer{s, e}.write(d, "eta_update:" + order_id + ":" + e.id, order_id, o.email, available,
                                detail::to_text(data));
  s.db->defer("UPDATE bo_orders SET last_update_at = ? WHERE shop = ? AND id = ?",
              P{available, s.shop, order_id});
  return written;
}

int Store::Impl::recompute(const std::set<std::string>& skus, const detail::Event& e,
                           const std::string& quiet, int& messages, bool schedule) {
  if (skus.empty()) return 0;
  std::vector<StoredLine> waiting;
  PromiseBook book = load_book(skus, e.at, false, &waiting);
  std::map<std::pair<std::string, std::string>, StoredLine> stored;
  for (StoredLine& l : waiting) stored.emplace(std::pair{l.order_id, l.line_id}, std::move(l));
  struct Move {
    const StoredLine* old;
    Window now;
    std::string source;
  };
  std::map<std::string, std::vector<Move>> by_order;
  std::set<std::string> later;  // orders now expected later: a compliance notice may be due at once
  int moved = 0;
  for (std::size_t i = 0; i < book.line_count(); ++i) {
    if (!book.line_alive(i)) continue;
    LineView v = book.line(i);
    auto it = stored.find({std::string(v.order_id), std::string(v.line_id)});
    if (it == stored.end()) continue;
    const StoredLine& old = it->second;
    const LinePromise& p = book.promise(i);
    std::string source = source_name(p.source);
    if (old.source == source && old.ship.from == p.ship.from && old.ship.to == p.ship.to) continue;
    db->defer(
        "UPDATE bo_lines SET ship_from = ?, ship_to = ?, source = ? WHERE shop = ? AND order_id = ? AND "
        "line_id = ?",
        P{std::int64_t{p.ship.from}, std::int64_t{p.ship.to}, source, shop, old.order_id, old.line_id});
    ++moved;
    if (schedule && !old.source.empty() && p.ship.to > old.ship.to) later.insert(old.order_id);
    if (!old.source.empty() && old.order_id != quiet)
      by_order[old.order_id].push_back({&old, p.ship, source});
  }

  const int threshold = engine->policy().notifications.eta_threshold_days;
  for (auto& [order_id, moves] : by_order) {
    // The book's line order follows the database's row order, which differs between backends: a message
    // lists its lines by line id, so it reads the same wherever the ledger lives.
    std::sort(moves.begin(), moves.end(),
              [](const Move& a, const Move& b) { return a.old->line_id < b.old->line_id; });
    std::vector<detail::MessageLine> arrived, delayed, updated;
    // An update still unsent would go out stale: every move joins it, however small.
    const bool pending = !db->query(
                                "SELECT 1 FROM bo_outbox WHERE shop = ? AND order_id = ? AND kind = "
                                "'eta_update' AND sent = 0 AND attempts = 0",
                                P{shop, order_id})
                              .empty();
    for (const Move& m : moves) {
      const StoredLine& l = *m.old;
      detail::MessageLine ml;
      ml.line_id = l.line_id;
      ml.sku = l.sku;
      ml.name = item_info(*db, shop, l.sku).name;
      ml.quantity = l.waiting();
      ml.waiting = true;
      ml.ship = m.now;
      if (l.has_told) ml.before = l.told;
      if (m.source == "stock" && l.source != "stock") {
        arrived.push_back(ml);
        set_told(*db, shop, l, m.now);
        continue;
      }
      bool crosses = l.has_promised && m.now.to > l.promised.to;
      if (crosses && !l.delay_told) {
        delayed.push_back(ml);
        set_told(*db, shop, l, m.now);
        db->defer("UPDATE bo_lines SET delay_told = 1 WHERE shop = ? AND order_id = ? AND line_id = ?",
                  P{shop, l.order_id, l.line_id});
        continue;
      }
      if (!crosses && l.delay_told)
        db->defer("UPDATE bo_lines SET delay_told = 0 WHERE shop = ? AND order_id = ? AND line_id = ?",
                  P{shop, l.order_id, l.line_id});
      if (pending || !l.has_told || std::abs(m.now.to - l.told.to) > threshold) {
        updated.push_back(ml);
        set_told(*db, shop, l, m.now);
      }
    }
    if (!arrived.empty()) {
      OrderRow o = load_order(*db, shop, order_id);
      detail::MessageData d;
      d.kind = detail::MessageKind::arrived;
      d.locale = o.locale;
      d.order_id = order_id;
      d.customer_name = o.name;
      d.lines = std::move(arrived);
      messages += Writer{*this, e}.write(d, "arrived:" + order_id + ":" + e.id, order_id, o.email, e.at);
    }
    if (!delayed.empty()) messages += write_delay(*this, e, order_id, std::move(delayed));
    if (!updated.empty()) messages += write_eta_update(*this, e, order_id, std::move(updated));
    // In this pass, in order id order like the rows above: a second pass over the orders could lock their
    // rows in another order than a concurrent call's and deadlock (tests/store: store_concurrency).
    if (later.count(order_id)) messages += schedule_compliance(order_id, e, Schedule::notices, nullptr);
  }
  return moved;
}

int Store::Impl::confirm_order(const detail::Event& e) {
  OrderRow o = load_order(*db, shop, e.order_id);
  std::map<std::string, Window> shown;  // line id -> the window the shopper agreed to at checkout
  if (!e.consent.empty()) {
    json c = json::parse(e.consent);
    if (c.contains("lines") && c["lines"].is_array()) {
      for (const json& l : c["lines"]) {
        if (!l.is_object() || !l.contains("later_window") || !l["later_window"].is_object()) continue;
        try {
          const json& w = l["later_window"];
          shown[l.value("line_id", "")] = {parse_day(w.value("from", ""), "consent"),
                                           parse_day(w.value("to", ""), "consent")};
        } catch (const Error&) {
          // A record without readable windows: the promise is the one computed now.
        }
      }
    }
  }
  detail::MessageData d;
  d.kind = detail::MessageKind::confirmation;
  d.locale = o.locale;
  d.order_id = e.order_id;
  d.customer_name = o.name;
  d.strategy = o.strategy;
  Day today = engine->calendar().local_day(e.at);
  for (const StoredLine& l : load_lines("order_id = ?", P{e.order_id})) {
    ItemInfo info = item_info(*db, shop, l.sku);
    detail::MessageLine ml;
    ml.line_id = l.line_id;
    ml.sku = l.sku;
    ml.name = info.name;
    ml.quantity = l.quantity;
    ml.waiting = l.source != "stock";
    ml.preorder = info.release_date && *info.release_date > today;
    ml.ship = l.ship;
    Window promised = shown.count(l.line_id) ? shown[l.line_id] : l.ship;
    db->defer(
        "UPDATE bo_lines SET promised_from = ?, promised_to = ?, told_from = ?, told_to = ? WHERE shop = ? "
        "AND order_id = ? AND line_id = ?",
        P{std::int64_t{promised.from}, std::int64_t{promised.to}, std::int64_t{l.ship.from},
          std::int64_t{l.ship.to}, shop, e.order_id, l.line_id});
    d.lines.push_back(std::move(ml));
  }
  return Writer{*this, e}.write(d, "confirmation:" + e.order_id, e.order_id, o.email, e.at);
}

int Store::Impl::announce_shipment(const detail::Event& e) {
  OrderRow o = load_order(*db, shop, e.order_id);
  detail::MessageData d;
  d.kind = detail::MessageKind::shipped;
  d.locale = o.locale;
  d.order_id = e.order_id;
  d.customer_name = o.name;
  d.carrier = e.carrier;
  d.tracking = e.tracking;
  const std::string& url = engine->policy().notifications.tracking_url;
  if (!url.empty() && !e.tracking.empty())
    d.tracking_url = fill_url(fill_url(url, "carrier", e.carrier), "tracking", e.tracking);
  std::vector<StoredLine> lines = load_lines("order_id = ?", P{e.order_id});
  for (const auto& s : e.shipped) {
    for (const StoredLine& l : lines) {
      if (l.line_id != s.line_id) continue;
      detail::MessageLine ml;
      ml.line_id = l.line_id;
      ml.sku = l.sku;
      ml.name = item_info(*db, shop, l.sku).name;
      ml.quantity = s.quantity;
      d.lines.push_back(std::move(ml));
    }
  }
  return Writer{*this, e}.write(d, "shipped:" + e.order_id + ":" + e.shipment_id, e.order_id, o.email, e.at);
}

int Store::Impl::declare_delay(const detail::Event& e) {
  std::vector<StoredLine> lines =
      e.order_id.empty() ? load_lines("sku = ? AND quantity > shipped + cancelled", P{e.sku})
                         : load_lines("order_id = ? AND quantity > shipped + cancelled", P{e.order_id});
  std::map<std::string, std::vector<detail::MessageLine>> by_order;
  for (const StoredLine& l : lines) {
    if (l.source == "stock") continue;  // here already: nothing to apologize for
    detail::MessageLine ml;
    ml.line_id = l.line_id;
    ml.sku = l.sku;
    ml.name = item_info(*db, shop, l.sku).name;
    ml.quantity = l.waiting();
    ml.waiting = true;
    ml.ship = l.ship;
    if (l.has_told) ml.before = l.told;
    set_told(*db, shop, l, l.ship);
    db->defer("UPDATE bo_lines SET delay_told = 1 WHERE shop = ? AND order_id = ? AND line_id = ?",
              P{shop, l.order_id, l.line_id});
    by_order[l.order_id].push_back(std::move(ml));
  }
  int written = 0;
  for (auto& [order_id, ls] : by_order) written += write_delay(*this, e, order_id, std::move(ls));
  return written;
}

int Store::Impl::serve_waitlist(const std::string& sku, const detail::Event& e) {
  if (db->query("SELECT 1 FROM bo_subscriptions WHERE shop = ? AND sku = ? AND active = 1 LIMIT 1",
                P{shop, sku})
          .empty())
    return 0;
  PromiseBook book = load_book({sku}, e.at);
  // Waiting orders were served first (the promise engine gave them the stock); the rest is the subscribers'.
  std::int64_t left = book.availability(sku, 1).sellable;
  if (left <= 0) return 0;
  const auto& n = engine->policy().notifications;
  std::int64_t budget = (left * n.waitlist_factor_permille + 999) / 1000;
  detail::Rows subs = db->query(
      "SELECT id, contact, locale, quantity FROM bo_subscriptions WHERE shop = ? AND sku = ? AND active = 1 "
      "AND "
      "last_restock <> ? ORDER BY times_told, created_at, id LIMIT ?",
      P{shop, sku, e.id, budget});
  ItemInfo info = item_info(*db, shop, sku);
  // Every subscriber's message and mark go out deferred: one round trip for all on PostgreSQL (bench/store:
  // two per subscriber told before).
  std::int64_t written = 0;
  std::int64_t wanted = 0;
  for (std::size_t i = 0; i < subs.size() && wanted < budget; ++i) {
    std::string id(subs.text(i, 0));
    wanted += subs.integer(i, 3);
    detail::MessageData d;
    d.kind = detail::MessageKind::back_in_stock;
    d.locale = subs.text(i, 2);
    detail::MessageLine ml;
    ml.sku = sku;
    ml.name = info.name;
    ml.quantity = subs.integer(i, 3);
    d.lines.push_back(std::move(ml));
    d.available = left;
    if (!n.manage_url.empty() && !options.secret.empty())
      d.manage_url = fill_url(n.manage_url, "token", manage_token(id, e.id, e.at));
    Writer{*this, e}.write(d, "back_in_stock:" + id + ":" + e.id, "", std::string(subs.text(i, 1)), e.at,
                           "{}", &written);
    db->defer(
        "UPDATE bo_subscriptions SET times_told = times_told + 1, last_restock = ? WHERE shop = ? AND id = ?",
        P{e.id, shop, id});
  }
  db->flush();
  return static_cast<int>(written);
}

}  // namespace backorder
