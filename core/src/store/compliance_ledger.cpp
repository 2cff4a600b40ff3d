// Compliance scheduling (docs/store.md#compliance-scheduling): the ledger runs the rule packs' order checks
// over what it knows of an order and acts on the findings. A delay option notice goes out as soon as a
// promise shows it is needed (and never twice for the same deadline and date); the shopper's answer is
// recorded; and a tick, the first on or after the day an order counts as cancelled, cancels its waiting
// lines with the exact refund and tells the shopper. What the order looks like to the checks is a check
// request's "order" (docs/json.md#compliance), so `backorder check --order` says the same.
#include <algorithm>
#include <map>

#include "../compliance_reader.hpp"
#include "../json_reader.hpp"
#include "backorder/compliance.hpp"
#include "ledger.hpp"
#include "messages.hpp"

namespace backorder {

using detail::json;
using detail::Param;
using P = std::vector<Param>;

namespace {

struct OrderInfo {
  Instant placed_at = 0;
  std::string email, name, locale, consent, paid;
  json record = json::object();  // bo_orders.compliance
};

// `for_update`: the row stays locked to the transaction (PostgreSQL; SQLite's writer holds the whole file),
// so two calls scheduling one order at once never lose each other's notice.
std::optional<OrderInfo> load_info(detail::Db& db, const std::string& shop, const std::string& id,
                                   bool for_update = false) {
  const bool lock = for_update && db.backend() == "postgresql";
  detail::Rows r =
      db.query(std::string("SELECT placed_at, email, name, locale, consent, paid, compliance FROM "
                           "bo_orders WHERE shop = ? AND id = ?") +
                   (lock ? " FOR UPDATE" : ""),
               P{shop, id});
  if (r.empty()) return std::nullopt;
  OrderInfo o;
  o.placed_at = r.integer(0, 0);
  o.email = r.text(0, 1);
  o.name = r.text(0, 2);
  o.locale = r.text(0, 3);
  if (!r.null(0, 4)) o.consent = r.text(0, 4);
  if (!r.null(0, 5)) o.paid = r.text(0, 5);
  o.record = json::parse(r.text(0, 6));
  if (!o.record.is_object()) o.record = json::object();
  return o;
}

void save_record(detail::Db& db, const std::string& shop, const std::string& id, const json& record) {
  db.execute("UPDATE bo_orders SET compliance = ? WHERE shop = ? AND id = ?",
             P{detail::to_text(record), shop, id});
}

std::string item_name(detail::Db& db, const std::string& shop, const std::string& sku) {
  detail::Rows r = db.query("SELECT doc FROM bo_items WHERE shop = ? AND sku = ?", P{shop, sku});
  if (r.empty()) return sku;
  json doc = json::parse(r.text(0, 0));
  std::string name = doc.is_object() ? doc.value("name", std::string()) : std::string();
  return name.empty() ? sku : name;
}

// The last day any waiting line is expected to ship: the promise the checks compare with the deadlines.
std::optional<Window> promise_of(const std::vector<StoredLine>& waiting) {
  std::optional<Window> w;
  for (const StoredLine& l : waiting) {
    if (l.source.empty()) continue;  // not computed yet
    if (!w) {
      w = l.ship;
    } else {
      w->from = std::min(w->from, l.ship.from);
      w->to = std::max(w->to, l.ship.to);
    }
  }
  return w;
}

// The order of a check request, from the ledger's rows and the notices it sent.
json check_request_order(const std::string& id, const OrderInfo& o, const std::optional<Window>& promise,
                         bool with_consent) {
  json order = {{"id", id}, {"placed_at", format_instant(o.placed_at, 0)}};
  if (o.record.value("credit_applied", false)) order["credit_applied"] = true;
  if (with_consent && !o.consent.empty()) order["consent"] = json::parse(o.consent);
  if (o.record.contains("agreed_delivery_by"))
    order["stated"] = {{"deliver_by", o.record["agreed_delivery_by"]}};
  if (!o.paid.empty()) {
    // What was paid names the jurisdiction whose rules the order is under, and how it was paid.
    json paid = json::parse(o.paid);
    if (paid.contains("jurisdiction") && paid["jurisdiction"].is_string())
      order["jurisdiction"] = paid["jurisdiction"];
    if (paid.contains("payment") && paid["payment"].is_string())
      order["payment"] = {{"method", paid["payment"]}};
  }
  if (promise)
    order["promise"] = {{"ship", {{"from", format_day(promise->from)}, {"to", format_day(promise->to)}}}};
  json notices = json::array();
  for (const json& n : o.record.value("notices", json::array())) notices.push_back(n["notice"]);
  order["notices"] = std::move(notices);
  return order;
}

// The rule packs' findings for the order at `now`. A consent record the checks cannot read (order_placed
// keeps any object) must not stop the others: the order is then checked as if no time had been stated.
std::vector<Finding> findings_of(const Engine& engine, const std::string& id, const OrderInfo& o,
                                 const std::optional<Window>& promise, Instant now) {
  for (bool with_consent : {true, false}) {
    try {
      OrderFacts facts =
          detail::read_order_facts(check_request_order(id, o, promise, with_consent), engine.calendar());
      facts.now = now;
      return check_order(engine, facts);
    } catch (const ValidationError&) {
      if (!with_consent) throw;
    }
  }
  return {};
}

}  // namespace

std::vector<Finding> Store::Impl::order_findings(const std::string& order_id, Instant now) {
  auto o = load_info(*db, shop, order_id);
  if (!o) return {};
  auto waiting = load_lines("order_id = ? AND quantity > shipped + cancelled", P{order_id});
  if (waiting.empty()) return {};
  return findings_of(*engine, order_id, *o, promise_of(waiting), now);
}

std::string Store::Impl::cancel_waiting(const std::string& order_id, const std::string& line_id,
                                        const std::string& refund_id, Instant at,
                                        std::vector<StoredLine>* cancelled) {
  std::vector<StoredLine> lines = load_lines("order_id = ?", P{order_id});
  std::map<std::string, std::int64_t> units;
  for (const StoredLine& l : lines) {
    if (!line_id.empty() && l.line_id != line_id) continue;
    units[l.line_id] = l.waiting();
    if (cancelled && l.waiting() > 0) cancelled->push_back(l);
  }
  db->defer(
      "UPDATE bo_lines SET cancelled = quantity - shipped WHERE shop = ? AND order_id = ? AND "
      "(CAST(? AS TEXT) = '' OR line_id = ?)",
      P{shop, order_id, line_id, line_id});
  // Easy cancellation: the exact refund, recorded with what cancelled.
  detail::Rows paid = db->query("SELECT paid FROM bo_orders WHERE shop = ? AND id = ?", P{shop, order_id});
  if (paid.empty() || paid.null(0, 0)) return "";
  std::string refund = quote_cancellation(*engine, std::string(paid.text(0, 0)), lines, units, at);
  if (!refund.empty())
    db->defer("INSERT INTO bo_refunds (shop, event_id, order_id, quote, at) VALUES (?, ?, ?, ?, ?)",
              P{shop, refund_id, order_id, refund, at});
  return refund;
}

namespace {

// Renders and writes one message of the compliance schedule; 1 when new.
int write_message(Store::Impl& s, detail::MessageData& d, const OrderInfo& o, const std::string& key,
                  const std::string& order_id, Instant at, const std::string& data) {
  const auto& n = s.engine->policy().notifications;
  d.shop = n.shop_name.empty() ? s.shop : n.shop_name;
  d.locale = o.locale.empty() ? s.engine->policy().locale : o.locale;
  d.order_id = order_id;
  d.customer_name = o.name;
  detail::RenderedMessage m = detail::render_message(s.engine, d, at);
  return s.enqueue(s.shop + ":" + key, detail::message_kind_name(d.kind), order_id, o.email, d.locale,
                   m.subject, m.text, m.html, at, at, data);
}

int write_cancelled(Store::Impl& s, const OrderInfo& o, const std::string& order_id,
                    const std::vector<StoredLine>& lines, const std::string& refund, bool by_buyer,
                    const std::string& event_id, Instant at) {
  if (lines.empty()) return 0;
  detail::MessageData d;
  d.kind = detail::MessageKind::cancelled;
  d.by_buyer = by_buyer;
  for (const StoredLine& l : lines) {
    detail::MessageLine ml;
    ml.line_id = l.line_id;
    ml.sku = l.sku;
    ml.name = item_name(*s.db, s.shop, l.sku);
    ml.quantity = l.waiting();
    d.lines.push_back(std::move(ml));
  }
  std::sort(d.lines.begin(), d.lines.end(),
            [](const auto& a, const auto& b) { return a.line_id < b.line_id; });
  if (!refund.empty()) {
    json q = json::parse(refund);
    d.refund_total = q.value("total", std::int64_t{0});
    if (q.contains("deadline") && q["deadline"].is_object() && q["deadline"].contains("due"))
      d.refund_by = parse_day(q["deadline"]["due"].get<std::string>(), "refund");
  }
  return write_message(s, d, o, "cancelled:" + order_id + ":" + event_id, order_id, at,
                       refund.empty() ? "{}" : refund);
}

bool is_notice_action(const std::string& a) {
  return a == "send_delay_notice" || a == "send_renewed_notice" || a == "obtain_consent";
}

// The check kind behind a finding's rule: FTC notices and the EU/UK request to agree a date say different
// things.
std::string check_of(const Engine& engine, const Finding& f) {
  for (const RulePack* p : packs_in_force(engine)) {
    if (p->id != f.pack) continue;
    for (const Rule& r : p->rules)
      if (r.id == f.rule_id) return r.check;
  }
  return "";
}

// Whether the findings call for a cancellation (one due) or a notice (an obligation to notify; the last
// notice may turn out to have said it already).
bool has_work(const std::vector<Finding>& findings, Day today, bool may_cancel, bool may_notify) {
  for (const Finding& f : findings) {
    if (!f.due) continue;
    const bool cancel_due = f.action == "cancel_and_refund" && *f.due <= today;
    if (may_cancel && cancel_due) return true;
    if (may_notify && cancel_due) return false;  // no notice once the order counts as cancelled
  }
  if (!may_notify) return false;
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.due && is_notice_action(f.action) && !f.path.starts_with("order.notices[");
  });
}

}  // namespace

int Store::Impl::schedule_compliance(const std::string& order_id, const detail::Event& e, Schedule what,
                                     std::set<std::string>* cancelled_skus) {
  const bool may_cancel = what == Schedule::cancellations, may_notify = what == Schedule::notices;
  const Day today = engine->calendar().local_day(e.at);
  // Most checks find nothing to do: only then is the order's row read again and locked (PostgreSQL), so
  // scheduling adds row locks only where it writes, as the other messages do (tests/store:
  // store_concurrency).
  if (!has_work(order_findings(order_id, e.at), today, may_cancel, may_notify)) return 0;
  auto o = load_info(*db, shop, order_id, true);
  if (!o) return 0;
  std::vector<Finding> findings = order_findings(order_id, e.at);
  if (findings.empty()) return 0;
  json& notices = o->record["notices"];
  if (!notices.is_array()) notices = json::array();

  // The order counts as cancelled: cancel what waits and refund it exactly, whatever else is due.
  for (const Finding& f : findings) {
    if (!may_cancel || f.action != "cancel_and_refund" || !f.due || *f.due > today) continue;
    std::vector<StoredLine> lines;
    const std::string refund_id = e.id + ":" + order_id;
    std::string refund;
    try {
      refund = cancel_waiting(order_id, "", refund_id, e.at, &lines);
    } catch (const Error&) {
      // A refund the engine cannot quote must not hold back the cancellation the law requires: the
      // message then promises the full refund without an amount, and the report keeps the refund due.
    }
    for (const StoredLine& l : lines)
      if (cancelled_skus) cancelled_skus->insert(l.sku);
    o->record["cancelled"] = {{"at", format_instant(e.at, 0)}, {"by", "shop"}, {"rule", f.rule_id}};
    save_record(*db, shop, order_id, o->record);
    return write_cancelled(*this, *o, order_id, lines, refund, false, e.id, e.at);
  }

  // A notice: the first one due, unless the shopper was already told this date and has not answered. Not
  // once the order counts as cancelled: a notice offering to wait would then mislead; the tick cancels it.
  if (!may_notify) return 0;
  for (const Finding& f : findings)
    if (f.action == "cancel_and_refund" && f.due && *f.due <= today) return 0;
  auto waiting = load_lines("order_id = ? AND quantity > shipped + cancelled", P{order_id});
  const std::optional<Window> promise = promise_of(waiting);
  if (!promise) return 0;
  for (const Finding& f : findings) {
    if (!is_notice_action(f.action) || !f.due || f.path.starts_with("order.notices[")) continue;
    if (!notices.empty()) {
      const json& last = notices.back()["notice"];
      if (!last.contains("reply") && last.value("revised_date", "") == format_day(promise->to)) return 0;
    }
    const bool ftc = check_of(*engine, f).starts_with("ftc_");
    const bool renewed = f.action == "send_renewed_notice";
    json notice = {{"sent_at", format_instant(e.at, 0)},
                   {"revised_date", format_day(promise->to)},
                   {"right_to_cancel", true},
                   {"free_cancel", true},
                   {"cancel_unless_consent", renewed}};
    detail::MessageData d;
    d.kind = detail::MessageKind::delay_notice;
    d.notice = ftc ? "ftc" : "agree";
    d.deadline = renewed ? *f.due + 1 : *f.due;
    d.revised = promise->to;
    if (ftc) {
      // Whether the shopper's silence is consent follows from the rules: check the order as if this notice
      // had gone out. A long delay needs express consent; the first cancellation then due is the day after
      // the last one to give it.
      auto check_with = [&](const json& n) {
        o->record["notices"].push_back({{"notice", n}});
        std::vector<Finding> after;
        try {
          after = findings_of(*engine, order_id, *o, promise, e.at);
        } catch (const ValidationError&) {
          // the ledger's own notice always reads; were it not to, the notice still goes out
        }
        o->record["notices"].erase(o->record["notices"].size() - 1);
        return after;
      };
      std::vector<Finding> after = check_with(notice);
      const bool needs_consent = renewed || std::any_of(after.begin(), after.end(), [](const Finding& a) {
                                   return a.action == "obtain_consent";
                                 });
      notice["cancel_unless_consent"] = needs_consent;
      d.silence_is_consent = !needs_consent;
      if (needs_consent) {
        after = check_with(notice);
        for (const Finding& a : after)
          if (a.action == "cancel_and_refund" && a.due && *a.due > today &&
              (!d.consent_by || *a.due - 1 < *d.consent_by))
            d.consent_by = *a.due - 1;
      }
    }
    for (const StoredLine& l : waiting) {
      detail::MessageLine ml;
      ml.line_id = l.line_id;
      ml.sku = l.sku;
      ml.name = item_name(*db, shop, l.sku);
      ml.quantity = l.waiting();
      ml.waiting = true;
      ml.ship = l.ship;
      d.lines.push_back(std::move(ml));
    }
    std::sort(d.lines.begin(), d.lines.end(),
              [](const auto& a, const auto& b) { return a.line_id < b.line_id; });
    const std::string key =
        "delay_notice:" + order_id + ":" + format_day(*f.due) + ":" + format_day(promise->to);
    json data = {{"rule", f.rule_id}, {"pack", f.pack}, {"due", format_day(*f.due)}, {"notice", notice}};
    const int written = write_message(*this, d, *o, key, order_id, e.at, detail::to_text(data));
    if (written == 0) return 0;  // this deadline and date were told before
    notices.push_back(
        {{"notice", notice}, {"kind", d.notice}, {"rule", f.rule_id}, {"due", format_day(*f.due)}});
    save_record(*db, shop, order_id, o->record);
    return written;
  }
  return 0;
}

Store::Impl::Outcome Store::Impl::answer_notice(const detail::Event& e, const std::string& path,
                                                std::set<std::string>& touched) {
  Outcome out;
  auto o = load_info(*db, shop, e.order_id, true);
  if (!o) throw Error(ErrorCode::not_found, detail::Reader::at(path, "order_id"), "no order with this id");
  json& notices = o->record["notices"];
  if (!notices.is_array() || notices.empty() || notices.back()["notice"].contains("reply"))
    throw Error(ErrorCode::invalid, detail::Reader::at(path, "order_id"),
                "no delay notice of this order awaits an answer");
  json& last = notices.back();
  if (e.at < parse_instant(last["notice"]["sent_at"].get<std::string>(), "sent_at"))
    throw Error(ErrorCode::invalid, detail::Reader::at(path, "at"), "before the notice was sent");
  auto waiting = load_lines("order_id = ? AND quantity > shipped + cancelled", P{e.order_id});
  if (waiting.empty())
    throw Error(ErrorCode::invalid, detail::Reader::at(path, "order_id"), "nothing of this order waits");
  last["notice"]["reply"] = {{"answer", e.answer}, {"at", format_instant(e.at, 0)}};
  if (e.answer == "consent") {
    // EU/UK: the later date is now the one agreed.
    if (last.value("kind", "") == "agree") o->record["agreed_delivery_by"] = last["notice"]["revised_date"];
    save_record(*db, shop, e.order_id, o->record);
    return out;
  }
  o->record["cancelled"] = {
      {"at", format_instant(e.at, 0)}, {"by", "buyer"}, {"rule", last.value("rule", "")}};
  save_record(*db, shop, e.order_id, o->record);
  std::vector<StoredLine> lines;
  out.refund = cancel_waiting(e.order_id, "", e.id, e.at, &lines);
  for (const StoredLine& l : lines) touched.insert(l.sku);
  out.messages += write_cancelled(*this, *o, e.order_id, lines, out.refund, true, e.id, e.at);
  return out;
}

int Store::Impl::tick(const detail::Event& e, int& moved) {
  std::set<std::string> orders, skus;
  detail::Rows r = db->query(
      "SELECT order_id, sku FROM bo_lines WHERE shop = ? AND quantity > shipped + cancelled", P{shop});
  for (std::size_t i = 0; i < r.size(); ++i) {
    orders.insert(std::string(r.text(i, 0)));
    skus.insert(std::string(r.text(i, 1)));
  }
  // Every lock up front, orders then skus, as a batch takes them (batch_locks.cpp).
  for (const std::string& o : orders) db->lock(shop + "\x1forder\x1f" + o);
  for (const std::string& s : skus) db->lock(shop + "\x1fsku\x1f" + s);
  int messages = 0;
  // Orders that count as cancelled go first, on the windows they had: the recompute that follows must not
  // write them updates or apologies, and their stock goes to the orders behind them.
  std::set<std::string> cancelled;
  for (const std::string& o : orders)
    messages += schedule_compliance(o, e, Schedule::cancellations, &cancelled);
  // Time passed: promises on the supplier's lead time or on a late purchase order move, and the notices
  // compare the deadlines with the promises of now.
  moved += recompute(skus, e, "", messages);
  for (const std::string& o : orders) messages += schedule_compliance(o, e, Schedule::notices, nullptr);
  return messages;
}

}  // namespace backorder
