// Opening a ledger, the transaction around each call, and the reads the host makes (orders, labels and
// checkout over the stored facts).
#include "backorder/store.hpp"

#include <algorithm>
#include <tuple>

#include "../json_writer.hpp"
#include "../wire_objects.hpp"
#include "backorder/wire.hpp"
#include "ledger.hpp"

namespace backorder {

using detail::json;
using detail::Param;
using detail::Reader;
using P = std::vector<Param>;

namespace {

constexpr int kAttempts = 8;  // a batch that loses a deadlock or a lock race is run again from the start

std::unique_ptr<detail::Db> open_url(std::string_view url, const StoreOptions& options) {
  if (url.starts_with("sqlite:")) {
    std::string_view path = url.substr(7);
    if (path.empty()) throw Error(ErrorCode::invalid, "url", "sqlite: needs a file path or :memory:");
    return detail::open_sqlite(path, options.busy_timeout_ms);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return detail::open_postgres(url);
  throw Error(ErrorCode::invalid, "url",
              "expected sqlite:PATH, sqlite::memory: or postgresql://... (the URL is not repeated here)");
}

// Runs `body` in one write transaction, again from the start when another writer wins a conflict.
template <class F>
auto in_transaction(detail::Db& db, F&& body) {
  for (int attempt = 1;; ++attempt) {
    db.begin();
    try {
      auto result = body();
      db.commit();
      return result;
    } catch (const detail::DbConflict&) {
      db.rollback();
      if (attempt == kAttempts) throw;
    } catch (...) {
      db.rollback();
      throw;
    }
  }
}

json without_now(const json& j) {
  json copy = j;
  copy.erase("now");
  return copy;
}

Instant request_now(const json& j) {
  Reader r;
  Instant now = detail::read_instant(j, "now", "", r);
  r.throw_if_failed();
  return now;
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

std::unique_ptr<Store> Store::open(std::shared_ptr<const Engine> engine, std::string_view url,
                                   StoreOptions options) {
  if (!engine) throw Error(ErrorCode::invalid, "engine", "required");
  if (!options.secret.empty() && options.secret.size() < 16)
    throw Error(ErrorCode::invalid, "options.secret", "at least 16 bytes (it signs the links in messages)");
  auto impl = std::make_unique<Impl>();
  impl->shop = engine->policy().shop;
  impl->engine = std::move(engine);
  impl->options = std::move(options);
  impl->db = open_url(url, impl->options);
  migrate_schema(*impl->db);
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

const std::string& Store::shop() const { return impl_->shop; }
std::string_view Store::backend() const { return impl_->db->backend(); }
const Engine& Store::engine() const { return *impl_->engine; }

std::string Store::apply_json(std::string_view events_json) {
  json j = detail::parse_json_or_throw(events_json, "events", "");
  Reader r;
  std::vector<detail::Event> events;
  std::vector<std::string> paths;
  if (j.is_array()) {
    if (j.size() > 100'000) r.fail("", "more than 100000 events in one batch");
    for (std::size_t i = 0; r.ok() && i < j.size(); ++i) {
      paths.push_back("[" + std::to_string(i) + "]");
      events.push_back(detail::read_event(j[i], paths.back(), r));
    }
  } else {
    paths.push_back("");
    events.push_back(detail::read_event(j, "", r));
  }
  r.throw_if_failed();

  auto outcomes = in_transaction(*impl_->db, [&] {
    std::vector<Impl::Outcome> out;
    impl_->lock_batch(events);
    for (std::size_t i = 0; i < events.size(); ++i) out.push_back(impl_->apply(events[i], paths[i]));
    return out;
  });
  detail::JsonWriter w;
  w.begin_object().key("results").begin_array();
  for (std::size_t i = 0; i < events.size(); ++i) {
    w.begin_object();
    w.key("id").value(events[i].id);
    w.key("messages").value(std::int64_t{outcomes[i].messages});
    w.key("moved").value(std::int64_t{outcomes[i].moved});
    if (!outcomes[i].refund.empty()) w.key("refund").raw(outcomes[i].refund);
    w.key("status").value(outcomes[i].applied ? "applied" : "duplicate");
    if (!outcomes[i].token.empty()) w.key("token").value(outcomes[i].token);
    w.key("type").value(events[i].type);
    w.end_object();
  }
  w.end_array().end_object();
  return std::move(w.text());
}

namespace {

constexpr const char* kMessageColumns =
    "id, key, kind, order_id, recipient, locale, subject, text, html, created_at, available_at, attempts, "
    "sent, lease_until";

std::vector<OutboxMessage> read_messages(const detail::Rows& rows, Instant now) {
  std::vector<OutboxMessage> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    OutboxMessage m;
    m.id = rows.integer(i, 0);
    m.key = rows.text(i, 1);
    m.kind = rows.text(i, 2);
    m.order_id = rows.text(i, 3);
    m.recipient = rows.text(i, 4);
    m.locale = rows.text(i, 5);
    m.subject = rows.text(i, 6);
    m.text = rows.text(i, 7);
    m.html = rows.text(i, 8);
    m.created_at = rows.integer(i, 9);
    m.available_at = rows.integer(i, 10);
    m.attempts = static_cast<int>(rows.integer(i, 11));
    bool leased = !rows.null(i, 13) && rows.integer(i, 13) > now;
    m.state = rows.integer(i, 12) ? "sent" : leased ? "leased" : "pending";
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

std::vector<OutboxMessage> Store::claim(int max, int lease_seconds, Instant now) {
  if (max < 1 || max > 10'000) throw Error(ErrorCode::invalid, "max", "expected 1 to 10000");
  if (lease_seconds < 1 || lease_seconds > 86'400)
    throw Error(ErrorCode::invalid, "lease_seconds", "expected 1 to 86400");
  auto& db = *impl_->db;
  return in_transaction(db, [&] {
    // Due, not leased (or the lease ran out), and nothing earlier of the same order still unsent: messages of
    // one order leave in the order they were written.
    detail::Rows rows = db.query(
        std::string("SELECT ") + kMessageColumns +
            " FROM bo_outbox o WHERE shop = ? AND sent = 0 AND available_at <= ? AND (lease_until IS NULL OR "
            "lease_until <= ?) AND (order_id = '' OR NOT EXISTS (SELECT 1 FROM bo_outbox e WHERE e.shop = "
            "o.shop "
            "AND e.order_id = o.order_id AND e.sent = 0 AND e.id < o.id)) ORDER BY id LIMIT ?",
        P{impl_->shop, now, now, std::int64_t{max}});
    std::int64_t until = now + std::int64_t{lease_seconds} * 1000;
    std::vector<OutboxMessage> out;
    for (auto& m : read_messages(rows, now)) {
      // Leased only if still free: on PostgreSQL another sender may have leased it since the SELECT; its
      // UPDATE holds the row, and ours then finds it taken (tests/store: 4 senders handed most messages out
      // twice without this).
      if (db.execute(
              "UPDATE bo_outbox SET lease_until = ?, attempts = attempts + 1 WHERE shop = ? AND id = ? "
              "AND sent = 0 AND (lease_until IS NULL OR lease_until <= ?)",
              P{until, impl_->shop, m.id, now}) == 0)
        continue;
      m.attempts += 1;
      m.state = "leased";
      out.push_back(std::move(m));
    }
    return out;
  });
}

void Store::ack(std::span<const std::int64_t> ids) {
  auto& db = *impl_->db;
  in_transaction(db, [&] {
    for (std::int64_t id : ids)
      db.execute("UPDATE bo_outbox SET sent = 1, lease_until = NULL WHERE shop = ? AND id = ?",
                 P{impl_->shop, id});
    return 0;
  });
}

void Store::release(std::span<const std::int64_t> ids) {
  auto& db = *impl_->db;
  in_transaction(db, [&] {
    for (std::int64_t id : ids)
      db.execute("UPDATE bo_outbox SET lease_until = NULL WHERE shop = ? AND id = ? AND sent = 0",
                 P{impl_->shop, id});
    return 0;
  });
}

std::vector<OutboxMessage> Store::outbox(std::string_view state, int limit, Instant now) {
  if (state != "" && state != "pending" && state != "leased" && state != "sent")
    throw Error(ErrorCode::invalid, "state", "expected \"pending\", \"leased\", \"sent\" or \"\"");
  if (limit < 1 || limit > 100'000) throw Error(ErrorCode::invalid, "limit", "expected 1 to 100000");
  std::string where = "shop = ?";
  P params{impl_->shop};
  if (state == "sent") where += " AND sent = 1";
  if (state == "pending") where += " AND sent = 0 AND (lease_until IS NULL OR lease_until <= ?)";
  if (state == "leased") where += " AND sent = 0 AND lease_until > ?";
  if (state == "pending" || state == "leased") params.push_back(now);
  params.push_back(std::int64_t{limit});
  detail::Rows rows = impl_->db->query(
      std::string("SELECT ") + kMessageColumns + " FROM bo_outbox WHERE " + where + " ORDER BY id LIMIT ?",
      params);
  return read_messages(rows, now);
}

std::string Store::order_json(std::string_view order_id) {
  auto& db = *impl_->db;
  const std::string& shop = impl_->shop;
  detail::Rows o = db.query(
      "SELECT placed_at, email, name, locale, zone, tier, consent, strategy, remedies, compliance FROM "
      "bo_orders WHERE shop = ? AND id = ?",
      P{shop, order_id});
  if (o.empty()) throw Error(ErrorCode::not_found, "order_id", "no order with this id");
  const Calendar& cal = impl_->engine->calendar();
  auto window = [](detail::JsonWriter& w, const Window& win) {
    w.begin_object().key("from").value(format_day(win.from)).key("to").value(format_day(win.to)).end_object();
  };
  detail::JsonWriter w;
  w.begin_object();
  // What the compliance schedule keeps: the delay notices sent and their answers (docs/store.md).
  w.key("compliance").raw(o.text(0, 9));
  if (!o.null(0, 6)) w.key("consent").raw(o.text(0, 6));
  w.key("customer").begin_object();
  w.key("email").value(o.text(0, 1)).key("locale").value(o.text(0, 3)).key("name").value(o.text(0, 2));
  w.key("tier").value(o.text(0, 5)).key("zone").value(o.text(0, 4)).end_object();
  w.key("id").value(order_id);
  w.key("lines").begin_array();
  for (const StoredLine& l : impl_->load_lines("order_id = ?", P{order_id})) {
    w.begin_object();
    w.key("cancelled").value(l.cancelled).key("line_id").value(l.line_id);
    if (l.has_promised) window(w.key("promised"), l.promised);
    w.key("quantity").value(l.quantity).key("shipped").value(l.shipped).key("sku").value(l.sku);
    if (l.waiting() > 0) {
      window(w.key("ship"), l.ship);
      w.key("source").value(l.source);
    }
    if (l.has_told) window(w.key("told"), l.told);
    w.key("waiting").value(l.waiting());
    w.end_object();
  }
  w.end_array();
  w.key("placed_at").value(cal.format_local(o.integer(0, 0)));
  w.key("refunds").begin_array();
  detail::Rows refunds =
      db.query("SELECT quote FROM bo_refunds WHERE shop = ? AND order_id = ? ORDER BY at, event_id",
               P{shop, order_id});
  for (std::size_t i = 0; i < refunds.size(); ++i) w.raw(refunds.text(i, 0));
  w.end_array();
  w.key("remedies").raw(o.text(0, 8));
  w.key("shipments").begin_array();
  detail::Rows s = db.query(
      "SELECT id, carrier, tracking, at, lines FROM bo_shipments WHERE shop = ? AND order_id = ? ORDER BY "
      "at, id",
      P{shop, order_id});
  for (std::size_t i = 0; i < s.size(); ++i) {
    w.begin_object().key("at").value(cal.format_local(s.integer(i, 3))).key("carrier").value(s.text(i, 1));
    w.key("id").value(s.text(i, 0)).key("lines").raw(s.text(i, 4)).key("tracking").value(s.text(i, 2));
    w.end_object();
  }
  w.end_array();
  w.key("strategy").value(o.text(0, 7));
  w.end_object();
  return std::move(w.text());
}

std::string Store::labels_json(std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  if (!j.is_object()) throw Error(ErrorCode::invalid, "", "expected {\"now\", \"locale\", \"skus\"}");
  Instant now = request_now(j);
  std::set<std::string> skus;
  const json* list = Reader::member(j, "skus");
  if (!list || !list->is_array() || list->empty())
    throw Error(ErrorCode::invalid, "skus", "required: the skus to label (an array)");
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (!(*list)[i].is_string() || !impl_->has_item((*list)[i].get<std::string>()))
      throw Error(ErrorCode::invalid, Reader::at("skus", i), "no item with this sku");
    skus.insert((*list)[i].get<std::string>());
  }
  PromiseBook book = impl_->load_book(skus, now);
  return book_labels_json(book, detail::to_text(without_now(j)));
}

std::string Store::checkout_json(std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  if (!j.is_object()) throw Error(ErrorCode::invalid, "", "expected {\"now\", \"cart\", \"customer\"}");
  Instant now = request_now(j);
  std::set<std::string> skus;
  if (const json* lines =
          j.contains("cart") && j["cart"].is_object() ? Reader::member(j["cart"], "lines") : nullptr;
      lines && lines->is_array()) {
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const json& l = (*lines)[i];
      if (l.is_object() && l.contains("sku") && l["sku"].is_string()) {
        std::string sku = l["sku"].get<std::string>();
        if (!impl_->has_item(sku))
          throw Error(ErrorCode::invalid, "cart.lines[" + std::to_string(i) + "].sku",
                      "no item with this sku");
        skus.insert(sku);
      }
    }
  }
  PromiseBook book = impl_->load_book(skus, now, true);
  return book_checkout_json(book, detail::to_text(without_now(j)));
}

// ---- facts ----

bool Store::Impl::has_item(const std::string& sku) {
  return !db->query("SELECT 1 FROM bo_items WHERE shop = ? AND sku = ?", P{shop, sku}).empty();
}

namespace {

// The columns read_line reads, in its order.
constexpr const char* kLineColumns =
    "order_id, line_id, sku, quantity, shipped, cancelled, promised_from, promised_to, ship_from, ship_to, "
    "told_from, told_to, source, delay_told";

// A sku's waiting lines, with what the promise engine needs beyond read_line's columns (14, 15, 16).
const std::string kWaitingLines = std::string("SELECT ") + kLineColumns +
                                  ", placed_at, priority, zone FROM bo_lines WHERE shop = ? AND sku = ? AND "
                                  "quantity > shipped + cancelled";

StoredLine read_line(const detail::Rows& rows, std::size_t i) {
  StoredLine l;
  l.order_id = rows.text(i, 0);
  l.line_id = rows.text(i, 1);
  l.sku = rows.text(i, 2);
  l.quantity = rows.integer(i, 3);
  l.shipped = rows.integer(i, 4);
  l.cancelled = rows.integer(i, 5);
  l.has_promised = !rows.null(i, 6);
  l.promised = {static_cast<Day>(rows.integer(i, 6)), static_cast<Day>(rows.integer(i, 7))};
  l.ship = {static_cast<Day>(rows.integer(i, 8)), static_cast<Day>(rows.integer(i, 9))};
  l.has_told = !rows.null(i, 10);
  l.told = {static_cast<Day>(rows.integer(i, 10)), static_cast<Day>(rows.integer(i, 11))};
  l.source = rows.text(i, 12);
  l.delay_told = rows.integer(i, 13) != 0;
  return l;
}

}  // namespace

std::vector<StoredLine> Store::Impl::load_lines(const std::string& where, std::span<const Param> params) {
  P all{shop};
  all.insert(all.end(), params.begin(), params.end());
  // Sorted here, not by ORDER BY: with it SQLite plans the sku queries over the primary key (shop, order_id,
  // line_id) to skip the sort, reading every line of the shop instead of the sku's (bench/store: 1.8 ms a
  // query at 10,000 orders, against 0.07 ms through bo_lines_sku).
  detail::Rows rows =
      db->query(std::string("SELECT ") + kLineColumns + " FROM bo_lines WHERE shop = ? AND " + where, all);
  std::vector<StoredLine> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(read_line(rows, i));
  std::sort(out.begin(), out.end(), [](const StoredLine& a, const StoredLine& b) {
    return std::tie(a.order_id, a.line_id) < std::tie(b.order_id, b.line_id);
  });
  return out;
}

PromiseBook Store::Impl::load_book(const std::set<std::string>& wanted, Instant now, bool with_categories,
                                   std::vector<StoredLine>* waiting) {
  std::set<std::string> skus = wanted;
  if (with_categories) {
    for (const std::string& sku : wanted) {
      detail::Rows c = db->query("SELECT category FROM bo_items WHERE shop = ? AND sku = ?", P{shop, sku});
      if (c.empty() || c.text(0, 0).empty()) continue;
      detail::Rows same =
          db->query("SELECT sku FROM bo_items WHERE shop = ? AND category = ?", P{shop, c.text(0, 0)});
      for (std::size_t i = 0; i < same.size(); ++i) skus.insert(std::string(same.text(i, 0)));
    }
  }
  Facts facts;
  facts.lead_time_from_placement = true;  // windows move with news, not with the clock
  Reader r;
  std::set<std::string> suppliers;
  // Each sku's item, open purchase orders and waiting lines: every read at once (one round trip on
  // PostgreSQL, bench/store), three per sku.
  std::vector<detail::Db::Query> reads;
  for (const std::string& sku : skus) {
    reads.push_back({"SELECT doc, on_hand, reserved, safety_stock FROM bo_items WHERE shop = ? AND sku = ?",
                     P{shop, sku}});
    // Sorted by id here, not by ORDER BY, which makes SQLite walk every purchase order of the shop by
    // primary key instead of the sku's through bo_supply_sku (bench/store: 0.1 ms a query at 500 orders).
    reads.push_back(
        {"SELECT id, quantity, arrive_from, arrive_to, status, supplier FROM bo_supply WHERE shop "
         "= ? AND sku = ? AND open = 1",
         P{shop, sku}});
    // The stored lines come along for the caller that compares windows (recompute): one read, not two.
    reads.push_back({kWaitingLines, P{shop, sku}});
  }
  std::vector<detail::Rows> answers = db->query_all(reads);
  std::size_t at = 0;
  for (const std::string& sku : skus) {
    const detail::Rows& it = answers[at++];
    const detail::Rows& s = answers[at++];
    const detail::Rows& l = answers[at++];
    if (it.empty()) continue;
    facts.items.push_back(detail::read_item(detail::json::parse(it.text(0, 0)), "item", r));
    if (!facts.items.back().supplier.empty()) suppliers.insert(facts.items.back().supplier);
    StockRow row{sku, {}};
    row.position.on_hand = it.integer(0, 1);
    row.position.reserved = it.integer(0, 2);
    row.position.safety_stock = it.integer(0, 3);
    facts.stock.push_back(std::move(row));
    const std::size_t first = facts.supply.size();
    for (std::size_t i = 0; i < s.size(); ++i) {
      Supply sup;
      sup.id = s.text(i, 0);
      sup.sku = sku;
      sup.quantity = s.integer(i, 1);
      sup.arrive_from = static_cast<Day>(s.integer(i, 2));
      sup.arrive_to = static_cast<Day>(s.integer(i, 3));
      sup.status = s.text(i, 4) == "confirmed" ? SupplyStatus::confirmed : SupplyStatus::unconfirmed;
      sup.supplier = s.text(i, 5);
      if (!sup.supplier.empty()) suppliers.insert(sup.supplier);
      facts.supply.push_back(std::move(sup));
    }
    std::sort(facts.supply.begin() + static_cast<std::ptrdiff_t>(first), facts.supply.end(),
              [](const Supply& a, const Supply& b) { return a.id < b.id; });
    for (std::size_t i = 0; i < l.size(); ++i) {
      StoredLine stored = read_line(l, i);
      OrderLine line;
      line.order_id = stored.order_id;
      line.line_id = stored.line_id;
      line.sku = sku;
      line.quantity = stored.waiting();
      line.placed_at = l.integer(i, 14);
      line.priority = static_cast<int>(l.integer(i, 15));
      line.zone = l.text(i, 16);
      facts.lines.push_back(std::move(line));
      if (waiting) waiting->push_back(std::move(stored));
    }
  }
  std::vector<detail::Db::Query> docs;
  for (const std::string& id : suppliers)
    docs.push_back({"SELECT doc FROM bo_suppliers WHERE shop = ? AND id = ?", P{shop, id}});
  for (const detail::Rows& s : db->query_all(docs)) {
    if (!s.empty())
      facts.suppliers.push_back(detail::read_supplier(detail::json::parse(s.text(0, 0)), "supplier", r));
  }
  if (!r.ok())
    throw Error(ErrorCode::internal, "store", "a stored fact no longer reads: " + r.issues[0].message);
  return PromiseBook(engine, std::move(facts), now);
}

int Store::Impl::enqueue(const std::string& key, const std::string& kind, const std::string& order_id,
                         const std::string& recipient, const std::string& locale, const std::string& subject,
                         const std::string& text, const std::string& html, Instant created_at,
                         Instant available_at, const std::string& data, std::int64_t* deferred) {
  static constexpr const char* kInsert =
      "INSERT INTO bo_outbox (shop, key, kind, order_id, recipient, locale, subject, text, html, data, "
      "created_at, available_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shop, key) DO "
      "NOTHING";
  P params{shop, key, kind, order_id, recipient, locale, subject, text, html, data, created_at, available_at};
  if (deferred) {
    db->defer(kInsert, params, deferred);
    return 0;
  }
  return static_cast<int>(db->execute(kInsert, params));
}

}  // namespace backorder
