// The order checks: the US FTC mail-order rule (through its timeline), EU/UK 30-day delivery, refund
// deadlines and card authorization windows (docs/compliance.md#order-checks).
#include "compliance_checks.hpp"
#include "ftc_timeline.hpp"

namespace backorder::detail {
namespace {

using Type = ParamSpec::Type;
using Words = std::vector<std::string>;
using Args = std::vector<std::pair<std::string, std::string>>;

std::string day_text(std::optional<Day> d) { return d ? format_day(*d) : "none"; }

void found(Outcomes& out, std::optional<Day> due, std::string path, Args args) {
  out.push_back({false, due, std::move(path), std::move(args)});
}
void pending(Outcomes& out, Day due, std::string path, Args args) {
  out.push_back({true, due, std::move(path), std::move(args)});
}

std::string notice_path(const NoticeCheck& n, const char* field) {
  return "order.notices[" + std::to_string(n.notice->index) + "]." + field;
}

// Still open for the FTC rule: not exempt, not shipped, not cancelled.
bool ftc_open(const FtcTimeline& t, const OrderContext& c) {
  return !t.exempt && !t.shipped && !c.cancelled();
}

// ---- US FTC ----------------------------------------------------------------------------------------

// R1: the date the order must ship by now, and why.
void ftc_deadline(const Rule& rule, const OrderContext& c, Outcomes& out) {
  FtcTimeline t = ftc_timeline(rule, c);
  if (!ftc_open(t, c) || !t.ship_by || (t.cancel_on && *t.cancel_on <= c.today)) return;
  found(out, t.ship_by, "",
        {{"deadline", format_day(t.deadline)},
         {"ship_by", format_day(*t.ship_by)},
         {"basis", t.ship_by_basis}});
}

// R3: the first delay notice, no later than the deadline, once the shop knows it will be late.
void ftc_first_notice(const Rule& rule, const OrderContext& c, Outcomes& out) {
  FtcTimeline t = ftc_timeline(rule, c);
  if (t.exempt) return;
  for (const NoticeCheck& n : t.notices) {
    if (n.first && n.late)
      found(out, n.due, notice_path(n, "sent_at"),
            {{"deadline", format_day(t.deadline)}, {"sent", format_day(n.sent)}});
  }
  if (!t.notices.empty() || t.shipped || c.cancelled()) return;
  Args args = {{"deadline", format_day(t.deadline)}, {"sent", "none"}};
  if (c.today > t.deadline)
    found(out, t.deadline, "order.notices", args);
  else if (c.facts.ship_by && *c.facts.ship_by > t.deadline)
    pending(out, t.deadline, "order.promise.ship", args);
}

// R3, R5: what a notice must say.
void ftc_notice_content(const Rule& rule, const OrderContext& c, Outcomes& out) {
  FtcTimeline t = ftc_timeline(rule, c);
  if (t.exempt) return;
  const bool first = param_word(rule, "notice") == "first";
  for (const NoticeCheck& n : t.notices) {
    if (n.first != first || n.missing.empty()) continue;
    std::string missing;
    for (const auto& m : n.missing) missing += (missing.empty() ? "" : ", ") + m;
    const std::string& field = n.missing.front();
    const char* key = field == "reason_if_indefinite" ? "reason"
                      : field == "revised_date"       ? "revised_date"
                                                      : field.c_str();
    found(out, n.sent, notice_path(n, key), {{"missing", missing}, {"sent", format_day(n.sent)}});
  }
}

// R4: a delay past the deadline + 30 days, or an indefinite one, needs the buyer's express consent.
void ftc_express_consent(const Rule& rule, const OrderContext& c, Outcomes& out) {
  FtcTimeline t = ftc_timeline(rule, c);
  if (!ftc_open(t, c) || !t.needs_consent || !t.ship_by || *t.ship_by < c.today) return;
  pending(out, *t.ship_by, "order.notices",
          {{"deadline", format_day(t.deadline)},
           {"ship_by", format_day(*t.ship_by)},
           {"revised", t.revised ? format_day(*t.revised) : "none (indefinite)"}});
}

// R5: a renewed notice before the revised date in force, when the promise moved past it; and late ones.
void ftc_renewed_notice(const Rule& rule, const OrderContext& c, Outcomes& out) {
  FtcTimeline t = ftc_timeline(rule, c);
  if (t.exempt) return;
  for (const NoticeCheck& n : t.notices) {
    if (!n.first && n.late)
      found(
          out, n.due, notice_path(n, "sent_at"),
          {{"ship_by", day_text(n.due ? *n.due + 1 : n.due)}, {"revised", day_text(n.notice->revised_date)}});
  }
  if (!ftc_open(t, c) || !t.first_valid || t.needs_consent || t.renewed_sent || !t.ship_by ||
      !c.facts.ship_by)
    return;
  if (*c.facts.ship_by > *t.ship_by && c.today < *t.ship_by) {
    pending(out, *t.ship_by - 1, "order.promise.ship",
            {{"ship_by", format_day(*t.ship_by)}, {"revised", format_day(*c.facts.ship_by)}});
  }
}

// R6: the cases in which the order counts as cancelled and must be refunded. Due the day it vests;
// ahead of time only when it is certain (no consent) or the promise shows it coming.
void ftc_must_cancel(const Rule& rule, const OrderContext& c, Outcomes& out) {
  FtcTimeline t = ftc_timeline(rule, c);
  if (t.exempt || c.cancelled() || !t.cancel_on || ftc_case_name(t.cancel_case) != param_word(rule, "case"))
    return;
  const Day on = *t.cancel_on;
  Args args = {{"case", ftc_case_text(t.cancel_case)},
               {"cancel_on", format_day(on)},
               {"deadline", format_day(t.deadline)},
               {"ship_by", day_text(t.ship_by)}};
  if (on < c.today) {
    found(out, on, "order", std::move(args));
  } else if (on == c.today || t.cancel_case == FtcCase::long_delay_no_consent ||
             (c.facts.ship_by && *c.facts.ship_by >= on)) {
    pending(out, on, "order", std::move(args));
  }
}

// The day the right to a refund vested: a recorded cancellation, or the day the order counts as cancelled.
std::optional<Day> refund_vested(const OrderContext& c, std::optional<Day> ftc_cancel_on) {
  std::optional<Day> v;
  if (c.facts.cancelled_at) v = c.day(*c.facts.cancelled_at);
  if (ftc_cancel_on && *ftc_cancel_on <= c.today && (!v || *ftc_cancel_on < *v)) v = ftc_cancel_on;
  return v;
}

// A refund due by `by`: late when made after it, overdue when not made by it, else ahead.
void refund_due(const OrderContext& c, Outcomes& out, Day vested, Day by, const std::string& basis) {
  Args args = {{"vested", format_day(vested)}, {"refund_by", format_day(by)}, {"basis", basis}};
  if (c.facts.refunded_at) {
    if (c.day(*c.facts.refunded_at) > by) found(out, by, "order.refund.at", std::move(args));
  } else if (c.today > by) {
    found(out, by, "order.refund", std::move(args));
  } else {
    pending(out, by, "order.refund", std::move(args));
  }
}

// R7: 7 working days (the shop's calendar), or one billing cycle when the shop itself extended the credit.
void ftc_refund(const Rule& rule, const OrderContext& c, Outcomes& out) {
  FtcTimeline t = ftc_timeline(rule, c);
  if (t.exempt) return;
  auto vested = refund_vested(c, t.cancel_on);
  if (!vested) return;
  // "store_credit_by_shop" is what refund quotes call it (docs/json.md#refunds).
  const std::string& method = c.facts.payment.method;
  if (method == "seller_credit" || method == "store_credit_by_shop") {
    const auto cycle =
        c.facts.payment.billing_cycle_days.value_or(static_cast<int>(param_int(rule, "billing_cycle_days")));
    refund_due(c, out, *vested, *vested + cycle, "one billing cycle (" + std::to_string(cycle) + " days)");
  } else {
    const auto days = param_int(rule, "working_days");
    refund_due(c, out, *vested, c.engine.calendar().add_business_days(*vested, static_cast<int>(days)),
               std::to_string(days) + " working days");
  }
}

// R7: the refund goes back as paid, never as store credit.
void refund_method(const Rule& rule, const OrderContext& c, Outcomes& out) {
  if (!c.facts.refund_method.empty() && contains(param_words(rule, "forbidden"), c.facts.refund_method)) {
    found(out, c.facts.refunded_at ? std::optional<Day>(c.day(*c.facts.refunded_at)) : std::nullopt,
          "order.refund.method", {{"method", c.facts.refund_method}});
  }
}

// ---- EU CRD Art. 18, UK CRA s.28 -------------------------------------------------------------------

// The delivery deadline: the date agreed, else 30 days after the contract.
std::pair<Day, std::string> delivery_deadline(const Rule& rule, const OrderContext& c) {
  if (c.facts.agreed_delivery_by)
    return {*c.facts.agreed_delivery_by, "the delivery time agreed at checkout"};
  const auto days = param_int(rule, "delivery_days");
  return {c.placed_day + static_cast<Day>(days), std::to_string(days) + " days after the contract"};
}

bool delivery_open(const OrderContext& c) { return !c.facts.delivered_at && !c.cancelled(); }

void delivery_info(const Rule& rule, const OrderContext& c, Outcomes& out) {
  auto [d, basis] = delivery_deadline(rule, c);
  if (delivery_open(c) && c.today <= d) found(out, d, "", {{"deadline", format_day(d)}, {"basis", basis}});
}

void delivery_at_risk(const Rule& rule, const OrderContext& c, Outcomes& out) {
  auto [d, basis] = delivery_deadline(rule, c);
  auto promise = c.facts.deliver_by ? c.facts.deliver_by : c.facts.ship_by;
  if (delivery_open(c) && c.today <= d && promise && *promise > d) {
    found(out, d, c.facts.deliver_by ? "order.promise.delivery" : "order.promise.ship",
          {{"deadline", format_day(d)}, {"promise", format_day(*promise)}, {"basis", basis}});
  }
}

// Missed: the consumer may set a further period (or terminate at once when the date was essential).
void delivery_missed(const Rule& rule, const OrderContext& c, Outcomes& out) {
  auto [d, basis] = delivery_deadline(rule, c);
  if (!delivery_open(c) || c.today <= d || c.facts.timing_essential != param_flag(rule, "essential")) return;
  if (!c.facts.timing_essential && c.facts.additional_period_until)
    return;  // the further period's rule speaks
  found(out, d + 1, "order", {{"deadline", format_day(d)}, {"basis", basis}});
}

void additional_period(const Rule&, const OrderContext& c, Outcomes& out) {
  const auto& p = c.facts.additional_period_until;
  if (!p || !delivery_open(c)) return;
  Args args = {{"period_end", format_day(*p)}};
  if (c.today <= *p)
    pending(out, *p, "order.additional_period_until", std::move(args));
  else
    found(out, *p + 1, "order.additional_period_until", std::move(args));
}

// Reimbursement without undue delay: at most `days` after the contract ended.
void refund_deadline(const Rule& rule, const OrderContext& c, Outcomes& out) {
  auto vested = refund_vested(c, std::nullopt);
  if (!vested) return;
  const auto days = param_int(rule, "refund_days");
  refund_due(c, out, *vested, *vested + static_cast<Day>(days), std::to_string(days) + " days");
}

// ---- card authorization ------------------------------------------------------------------------------

std::optional<Instant> authorization_expiry(const Rule& rule, const OrderContext& c) {
  const Payment& p = c.facts.payment;
  if (!p.method.empty() && p.method != "card") return std::nullopt;
  if (p.captured_at || c.facts.shipped_at || c.cancelled()) return std::nullopt;
  if (p.authorization_expires) return p.authorization_expires;
  if (!p.authorized_at) return std::nullopt;
  const auto days =
      param_int(rule, p.merchant_initiated ? "merchant_initiated_days" : "customer_initiated_days");
  return *p.authorized_at + days * 86'400'000;
}

// The goods ship after the authorization runs out: charge before (refund duties follow) or keep the card and
// charge at shipment.
void authorization_window(const Rule& rule, const OrderContext& c, Outcomes& out) {
  auto expires = authorization_expiry(rule, c);
  if (!expires || c.facts.now >= *expires || !c.facts.ship_by) return;
  const Day charge_by = c.day(*expires - param_int(rule, "margin_hours") * 3'600'000);
  if (*c.facts.ship_by > charge_by) {
    pending(out, std::max(charge_by, c.today), "order.payment",
            {{"expires", c.engine.calendar().format_local(*expires)},
             {"charge_by", format_day(charge_by)},
             {"ship_by", format_day(*c.facts.ship_by)}});
  }
}

void authorization_expired(const Rule& rule, const OrderContext& c, Outcomes& out) {
  auto expires = authorization_expiry(rule, c);
  if (expires && c.facts.now >= *expires) {
    found(out, c.day(*expires), "order.payment", {{"expires", c.engine.calendar().format_local(*expires)}});
  }
}

std::vector<ParamSpec> with_ftc(std::vector<ParamSpec> own) {
  std::vector<ParamSpec> all = ftc_param_specs();
  for (auto& p : own) all.push_back(std::move(p));
  return all;
}

std::vector<ParamSpec> card_params() {
  return {{"customer_initiated_days", Type::integer, std::int64_t{7}, 1, 365, {}},
          {"merchant_initiated_days", Type::integer, std::int64_t{5}, 1, 365, {}},
          {"margin_hours", Type::integer, std::int64_t{24}, 0, 24 * 30, {}}};
}

}  // namespace

std::vector<CheckKind> order_check_kinds() {
  const std::vector<std::string_view> cases = {
      "buyer_cancelled",       "cannot_ship",    "no_notice",       "short_delay_lapsed",
      "long_delay_no_consent", "consent_lapsed", "renewed_rejected"};
  const ParamSpec days30{"delivery_days", Type::integer, std::int64_t{30}, 1, 365, {}};
  return {
      {"ftc_deadline", ftc_param_specs(), {"deadline", "ship_by", "basis"}, nullptr, ftc_deadline},
      {"ftc_first_notice", ftc_param_specs(), {"deadline", "sent"}, nullptr, ftc_first_notice},
      {"ftc_notice_content",
       with_ftc({{"notice", Type::word, std::string("first"), 0, 0, {"first", "renewed"}}}),
       {"missing", "sent"},
       nullptr,
       ftc_notice_content},
      {"ftc_express_consent",
       ftc_param_specs(),
       {"deadline", "ship_by", "revised"},
       nullptr,
       ftc_express_consent},
      {"ftc_renewed_notice", ftc_param_specs(), {"ship_by", "revised"}, nullptr, ftc_renewed_notice},
      {"ftc_must_cancel",
       with_ftc({{"case", Type::word, std::string("no_notice"), 0, 0, cases}}),
       {"case", "cancel_on", "deadline", "ship_by"},
       nullptr,
       ftc_must_cancel},
      {"ftc_refund",
       with_ftc({{"working_days", Type::integer, std::int64_t{7}, 0, 365, {}},
                 {"billing_cycle_days", Type::integer, std::int64_t{30}, 1, 365, {}}}),
       {"vested", "refund_by", "basis"},
       nullptr,
       ftc_refund},
      {"refund_method",
       {{"forbidden", Type::words, Words{"store_credit"}, 0, 0, {}}},
       {"method"},
       nullptr,
       refund_method},
      {"delivery_deadline", {days30}, {"deadline", "basis"}, nullptr, delivery_info},
      {"delivery_at_risk", {days30}, {"deadline", "promise", "basis"}, nullptr, delivery_at_risk},
      {"delivery_missed",
       {days30, {"essential", Type::flag, false, 0, 0, {}}},
       {"deadline", "basis"},
       nullptr,
       delivery_missed},
      {"additional_period", {}, {"period_end"}, nullptr, additional_period},
      {"refund_deadline",
       {{"refund_days", Type::integer, std::int64_t{14}, 0, 365, {}}},
       {"vested", "refund_by", "basis"},
       nullptr,
       refund_deadline},
      {"card_authorization_window",
       card_params(),
       {"expires", "charge_by", "ship_by"},
       nullptr,
       authorization_window},
      {"card_authorization_expired", card_params(), {"expires"}, nullptr, authorization_expired},
  };
}

}  // namespace backorder::detail
