// JSON for compliance checks (docs/json.md#compliance): listing and order requests in, findings out.
#include <algorithm>

#include "backorder/compliance.hpp"
#include "backorder/limits.hpp"
#include "backorder/wire.hpp"
#include "compliance_reader.hpp"
#include "fact_reader.hpp"
#include "rule_pack_reader.hpp"

namespace backorder {

using detail::json;
using detail::Reader;

namespace {

std::optional<Instant> opt_instant(const json& obj, std::string_view key, const std::string& path,
                                   Reader& r) {
  if (!Reader::member(obj, key)) return std::nullopt;
  return detail::read_instant(obj, key, path, r);
}

std::optional<Day> opt_day(const json& obj, std::string_view key, const std::string& path, Reader& r) {
  auto s = r.string(obj, key, path);
  if (!s) return std::nullopt;
  try {
    return parse_day(*s, Reader::at(path, key));
  } catch (const Error& e) {
    r.fail(e.path(), e.what());
    return std::nullopt;
  }
}

std::vector<std::string> read_names(const json& obj, std::string_view key, const std::string& path,
                                    Reader& r) {
  std::vector<std::string> out;
  const json* a = Reader::member(obj, key);
  if (!a) return out;
  std::string p = Reader::at(path, key);
  if (!a->is_array()) {
    r.fail(p, "expected an array of names");
    return out;
  }
  for (std::size_t i = 0; i < a->size(); ++i) {
    if ((*a)[i].is_string() && !(*a)[i].get<std::string>().empty())
      out.push_back((*a)[i].get<std::string>());
    else
      r.fail(Reader::at(p, i), "expected a non-empty name");
  }
  return out;
}

std::vector<RulePack> read_packs(const json& j, Reader& r) {
  const json* p = Reader::member(j, "packs");
  return p ? detail::read_rule_packs(*p, "packs", r) : std::vector<RulePack>{};
}

// ---- listings --------------------------------------------------------------------------------------

std::optional<Status> status_from(std::string_view name) {
  for (Status s : {Status::in_stock, Status::low_stock, Status::backorder, Status::preorder,
                   Status::out_of_stock, Status::discontinued}) {
    if (name == status_name(s)) return s;
  }
  return std::nullopt;
}

// A label as the engine gave it (docs/json.md#label): the fields the checks read are checked, the others
// only named.
ShownAvailability read_label(const json& j, const std::string& path, Reader& r) {
  ShownAvailability s;
  if (!r.object(
          j, path,
          {"sku", "status", "status_code", "text", "short_text", "quantity", "sellable", "ship_now", "later",
           "unavailable", "notify_me", "now_window", "later_window", "schema_org", "merchant", "row"})) {
    return s;
  }
  auto st = status_from(r.string(j, "status", path).value_or(""));
  if (!st)
    r.fail(Reader::at(path, "status"),
           "required: in_stock, low_stock, backorder, preorder, out_of_stock or discontinued");
  s.status = st.value_or(Status::in_stock);
  s.sellable = r.integer(j, "sellable", path, 0, 1'000'000'000'000).value_or(0);
  if (s.status == Status::low_stock && !Reader::member(j, "sellable"))
    r.fail(Reader::at(path, "sellable"), "required for low_stock: the N of \"Only N left\"");
  if (const json* w = Reader::member(j, "later_window")) {
    std::string wp = Reader::at(path, "later_window");
    if (r.object(*w, wp, {"from", "to", "min_days", "max_days"})) {
      s.later_from = opt_day(*w, "from", wp, r);
      s.later_to = opt_day(*w, "to", wp, r);
      if (!s.later_from || !s.later_to) r.fail(wp, "required: {\"from\", \"to\"}");
    }
  }
  if (const json* m = Reader::member(j, "merchant")) {
    std::string mp = Reader::at(path, "merchant");
    if (r.object(*m, mp, {"availability", "availability_date"})) {
      s.merchant_availability = r.string(*m, "availability", mp).value_or("");
      s.availability_date = r.string(*m, "availability_date", mp).value_or("");
    }
  }
  if (s.merchant_availability.empty()) s.merchant_availability = merchant_availability(s.status);
  return s;
}

Claim read_claim(const json& j, const std::string& path, Reader& r) {
  Claim c;
  if (!r.object(j, path, {"kind", "quantity", "ends_at", "text"})) return c;
  std::string kind = r.string(j, "kind", path).value_or("");
  bool known = false;
  for (auto k :
       {Claim::Kind::only_left, Claim::Kind::low_stock, Claim::Kind::countdown, Claim::Kind::limited_time}) {
    if (kind == claim_kind_name(k)) {
      c.kind = k;
      known = true;
    }
  }
  if (!known) r.fail(Reader::at(path, "kind"), "required: only_left, low_stock, countdown or limited_time");
  c.quantity = r.integer(j, "quantity", path, 0, 1'000'000'000'000);
  if (known && c.kind == Claim::Kind::only_left && !c.quantity)
    r.fail(Reader::at(path, "quantity"), "required: the N of \"Only N left\"");
  c.ends_at = opt_instant(j, "ends_at", path, r);
  return c;
}

void read_page(const json& j, ListingFacts& f, Reader& r) {
  const std::string path = "page";
  if (!r.object(j, path, {"claims", "availability_date", "title", "description"})) return;
  if (const json* cl = Reader::member(j, "claims")) {
    if (!cl->is_array()) r.fail("page.claims", "expected an array of claims");
    for (std::size_t i = 0; cl->is_array() && i < cl->size(); ++i)
      f.claims.push_back(read_claim((*cl)[i], Reader::at("page.claims", i), r));
  }
  f.page_availability_date = r.string(j, "availability_date", path).value_or("");
  f.title = r.string(j, "title", path).value_or("");
  f.description = r.string(j, "description", path, limits::kStringBytes).value_or("");  // may be long HTML
}

ListingFacts read_listing(const json& j, Reader& r) {
  ListingFacts f;
  f.now = detail::read_instant(j, "now", "", r);
  f.jurisdiction = r.string(j, "jurisdiction", "").value_or("");
  f.channels = read_names(j, "channels", "", r);
  if (const json* i = Reader::member(j, "item"))
    f.item = detail::read_item(*i, "item", r);
  else
    r.fail("item", "required");
  if (const json* s = Reader::member(j, "stock")) f.stock = detail::read_stock(*s, "stock", r, false);
  f.quantity = r.integer(j, "quantity", "", 1, 1'000'000'000'000).value_or(1);
  if (const json* l = Reader::member(j, "label")) f.label = read_label(*l, "label", r);
  if (const json* p = Reader::member(j, "page")) read_page(*p, f, r);
  if (const json* fd = Reader::member(j, "feed")) {
    if (r.object(*fd, "feed", {"availability", "availability_date"})) {
      f.has_feed = true;
      f.feed_availability = r.string(*fd, "availability", "feed").value_or("");
      if (f.feed_availability.empty()) r.fail("feed.availability", "required: the feed's availability value");
      f.feed_availability_date = r.string(*fd, "availability_date", "feed").value_or("");
    }
  }
  if (const json* m = Reader::member(j, "marketplaces")) {
    if (!m->is_object()) r.fail("marketplaces", "expected an object of channels, such as {\"ebay\": {...}}");
    for (auto it = m->begin(); m->is_object() && it != m->end(); ++it) {
      std::string p = Reader::at("marketplaces", it.key());
      if (!r.object(*it, p, {"fulfillment", "title", "description"})) continue;
      MarketplaceListing& ml = f.marketplaces[it.key()];
      ml.fulfillment = r.string(*it, "fulfillment", p).value_or("");
      ml.title = r.string(*it, "title", p).value_or("");
      ml.description = r.string(*it, "description", p, limits::kStringBytes).value_or("");
    }
  }
  return f;
}

// ---- orders ----------------------------------------------------------------------------------------

DelayNotice read_notice(const json& j, const std::string& path, Reader& r) {
  DelayNotice n;
  if (!r.object(j, path,
                {"sent_at", "revised_date", "indefinite", "reason", "right_to_cancel", "free_cancel",
                 "cancel_unless_consent", "reply"})) {
    return n;
  }
  n.sent_at = detail::read_instant(j, "sent_at", path, r);
  n.revised_date = opt_day(j, "revised_date", path, r);
  n.indefinite = r.boolean(j, "indefinite", path).value_or(false);
  if (n.indefinite && n.revised_date)
    r.fail(Reader::at(path, "indefinite"),
           "a notice gives a revised date or says none can be given, not both");
  n.reason = r.string(j, "reason", path).value_or("");
  n.right_to_cancel = r.boolean(j, "right_to_cancel", path).value_or(false);
  n.free_cancel = r.boolean(j, "free_cancel", path).value_or(false);
  n.cancel_unless_consent = r.boolean(j, "cancel_unless_consent", path).value_or(false);
  if (const json* rep = Reader::member(j, "reply")) {
    std::string rp = Reader::at(path, "reply");
    if (r.object(*rep, rp, {"answer", "at"})) {
      Reply reply;
      std::string answer = r.string(*rep, "answer", rp).value_or("");
      if (answer == "cancel")
        reply.answer = Reply::Answer::cancel;
      else if (answer != "consent")
        r.fail(Reader::at(rp, "answer"), "required: \"consent\" or \"cancel\"");
      reply.at = detail::read_instant(*rep, "at", rp, r);
      if (reply.at < n.sent_at && r.ok()) r.fail(Reader::at(rp, "at"), "before the notice was sent");
      n.reply = reply;
    }
  }
  return n;
}

std::optional<Day> window_end(const json& w, const std::string& path, Reader& r) {
  if (w.is_null()) return std::nullopt;
  if (!r.object(w, path, {"from", "to", "min_days", "max_days"})) return std::nullopt;
  auto from = opt_day(w, "from", path, r);
  auto to = opt_day(w, "to", path, r);
  if (!from || !to) {
    r.fail(path, "required: {\"from\", \"to\"}");
  } else if (*from > *to) {
    r.fail(Reader::at(path, "to"), "before from");
  }
  return to;
}

// What the consent record says was promised: the last ship and delivery days of the chosen strategy, and
// the card authorization's expiry when it advised authorizing now.
void read_consent(const json& c, Reader& r, std::optional<Day>& ship, std::optional<Day>& delivery,
                  std::optional<Instant>& auth_expires) {
  try {
    consent_check_json(detail::to_text(c));
  } catch (const ValidationError& e) {
    for (const Issue& i : e.issues()) r.fail("order." + i.path, i.message);
    return;
  }
  Reader quiet;  // checked above; only dates the record holds are read here
  for (const json& s : c.value("shipments", json::array())) {
    for (auto [key, out] : {std::pair{"ship", &ship}, std::pair{"delivery", &delivery}}) {
      const json* w = Reader::member(s, key);
      if (!w || !w->is_object()) continue;
      if (auto to = opt_day(*w, "to", "", quiet); to && (!*out || *to > **out)) *out = to;
    }
  }
  const json* p = Reader::member(c, "payment");
  if (p && p->is_object() && p->value("advice", "") == "authorize_now") {
    if (auto t = opt_instant(*p, "authorization_expires", "", quiet); t && quiet.ok()) auth_expires = t;
  }
}

void read_payment(const json& j, const std::string& path, Reader& r, Payment& p) {
  if (!r.object(j, path, {"method", "initiated", "authorized_at", "captured_at", "billing_cycle_days"}))
    return;
  p.method = r.string(j, "method", path).value_or("");
  if (auto who = r.string(j, "initiated", path)) {
    if (*who == "merchant")
      p.merchant_initiated = true;
    else if (*who != "customer")
      r.fail(Reader::at(path, "initiated"), "expected \"customer\" or \"merchant\"");
  }
  p.authorized_at = opt_instant(j, "authorized_at", path, r);
  p.captured_at = opt_instant(j, "captured_at", path, r);
  if (auto d = r.integer(j, "billing_cycle_days", path, 1, 365)) p.billing_cycle_days = static_cast<int>(*d);
}

OrderFacts read_order(const json& j, const std::string& path, const Calendar& cal, Reader& r) {
  OrderFacts o;
  if (!r.object(j, path,
                {"id", "jurisdiction", "placed_at", "received_at", "stated", "credit_applied",
                 "timing_essential", "promise", "consent", "notices", "shipped_at", "delivered_at",
                 "cancelled", "refund", "additional_period_until", "cannot_ship", "exemption", "payment"})) {
    return o;
  }
  o.order_id = r.string(j, "id", path).value_or("");
  o.jurisdiction = r.string(j, "jurisdiction", path).value_or("");
  o.placed_at = detail::read_instant(j, "placed_at", path, r);
  o.received_at = opt_instant(j, "received_at", path, r);
  if (o.received_at && *o.received_at < o.placed_at && r.ok())
    r.fail(Reader::at(path, "received_at"), "before placed_at");
  std::optional<std::int64_t> within;
  if (const json* s = Reader::member(j, "stated")) {
    std::string sp = Reader::at(path, "stated");
    if (r.object(*s, sp, {"ship_by", "ship_within_days", "deliver_by"})) {
      o.stated_ship_by = opt_day(*s, "ship_by", sp, r);
      within = r.integer(*s, "ship_within_days", sp, 0, 3650);
      if (within && o.stated_ship_by)
        r.fail(Reader::at(sp, "ship_within_days"), "give ship_by or ship_within_days, not both");
      o.agreed_delivery_by = opt_day(*s, "deliver_by", sp, r);
    }
  }
  o.credit_applied = r.boolean(j, "credit_applied", path).value_or(false);
  o.timing_essential = r.boolean(j, "timing_essential", path).value_or(false);
  if (const json* p = Reader::member(j, "promise")) {
    std::string pp = Reader::at(path, "promise");
    if (r.object(*p, pp, {"ship", "delivery"})) {
      if (p->contains("ship")) o.ship_by = window_end((*p)["ship"], Reader::at(pp, "ship"), r);
      if (p->contains("delivery")) o.deliver_by = window_end((*p)["delivery"], Reader::at(pp, "delivery"), r);
    }
  }
  if (const json* n = Reader::member(j, "notices")) {
    std::string np = Reader::at(path, "notices");
    if (!n->is_array()) r.fail(np, "expected an array of delay notices");
    for (std::size_t i = 0; n->is_array() && i < n->size(); ++i) {
      DelayNotice notice = read_notice((*n)[i], Reader::at(np, i), r);
      notice.index = i;
      o.notices.push_back(std::move(notice));
    }
  }
  o.shipped_at = opt_instant(j, "shipped_at", path, r);
  o.delivered_at = opt_instant(j, "delivered_at", path, r);
  if (const json* c = Reader::member(j, "cancelled")) {
    std::string cp = Reader::at(path, "cancelled");
    if (r.object(*c, cp, {"at", "by"})) {
      o.cancelled_at = detail::read_instant(*c, "at", cp, r);
      std::string by = r.string(*c, "by", cp).value_or("");
      if (by != "buyer" && by != "shop") r.fail(Reader::at(cp, "by"), "required: \"buyer\" or \"shop\"");
      o.cancelled_by_buyer = by == "buyer";
    }
  }
  if (const json* f = Reader::member(j, "refund")) {
    std::string fp = Reader::at(path, "refund");
    if (r.object(*f, fp, {"at", "method"})) {
      o.refunded_at = opt_instant(*f, "at", fp, r);
      o.refund_method = r.string(*f, "method", fp).value_or("");
    }
  }
  o.additional_period_until = opt_day(j, "additional_period_until", path, r);
  o.cannot_ship = r.boolean(j, "cannot_ship", path).value_or(false);
  o.exemption = r.string(j, "exemption", path).value_or("");
  if (const json* p = Reader::member(j, "payment"))
    read_payment(*p, Reader::at(path, "payment"), r, o.payment);

  std::optional<Day> consent_ship, consent_delivery;
  std::optional<Instant> auth_expires;
  if (const json* c = Reader::member(j, "consent"))
    read_consent(*c, r, consent_ship, consent_delivery, auth_expires);
  // "ship_within_days" counts from the day the complete order arrived, in the shop's calendar.
  if (within && r.ok())
    o.stated_ship_by = cal.local_day(o.received_at.value_or(o.placed_at)) + static_cast<Day>(*within);
  if (!o.stated_ship_by) o.stated_ship_by = consent_ship;
  if (!o.agreed_delivery_by) o.agreed_delivery_by = consent_delivery;
  if (!o.payment.authorized_at && auth_expires) o.payment.authorization_expires = auth_expires;
  return o;
}

// ---- findings --------------------------------------------------------------------------------------

json findings_json(const std::vector<Finding>& findings, const std::vector<std::string>& packs) {
  json list = json::array();
  for (const Finding& f : findings) {
    list.push_back({{"rule_id", f.rule_id},
                    {"pack", f.pack},
                    {"severity", severity_name(f.severity)},
                    {"message", f.message},
                    {"due", f.due ? json(format_day(*f.due)) : json(nullptr)},
                    {"action", f.action},
                    {"citation",
                     {{"source", f.citation.source},
                      {"tag", f.citation.tag},
                      {"note", f.citation.note},
                      {"url", f.citation.url}}},
                    {"path", f.path}});
  }
  return {{"findings", std::move(list)}, {"packs", packs}};
}

}  // namespace

std::string check_listing_json(const Engine& engine, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  if (!r.object(j, "",
                {"now", "jurisdiction", "channels", "item", "stock", "quantity", "label", "page", "feed",
                 "marketplaces", "packs"})) {
    r.throw_if_failed();
  }
  ListingFacts facts = read_listing(j, r);
  std::vector<RulePack> packs = read_packs(j, r);
  r.throw_if_failed();
  std::vector<std::string> applied;
  auto findings = check_listing(engine, facts, packs, &applied);
  return detail::to_text(findings_json(findings, applied));
}

std::string check_order_json(const Engine& engine, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  if (!r.object(j, "", {"now", "order", "packs"})) r.throw_if_failed();
  Instant now = detail::read_instant(j, "now", "", r);
  OrderFacts order;
  if (const json* o = Reader::member(j, "order"))
    order = read_order(*o, "order", engine.calendar(), r);
  else
    r.fail("order", "required");
  std::vector<RulePack> packs = read_packs(j, r);
  order.now = now;
  if (order.jurisdiction.empty() && engine.policy().compliance.jurisdiction.empty()) {
    r.fail("order.jurisdiction",
           "required (the buyer's country, such as \"US\", \"DE\" or \"GB\"): the policy "
           "names none in compliance.jurisdiction");
  }
  r.throw_if_failed();
  std::vector<std::string> applied;
  auto findings = check_order(engine, order, packs, &applied);
  return detail::to_text(findings_json(findings, applied));
}

OrderFacts detail::read_order_facts(const json& order, const Calendar& cal) {
  Reader r;
  OrderFacts o = read_order(order, "order", cal, r);
  r.throw_if_failed();
  return o;
}

std::string rule_packs_json(const Engine& engine) {
  json packs = json::array();
  for (const RulePack* p : packs_in_force(engine)) packs.push_back(detail::rule_pack_json(*p));
  return detail::to_text(json{{"packs", std::move(packs)}});
}

}  // namespace backorder
