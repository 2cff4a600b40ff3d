// The FTC mail-order rule's timeline (ftc_timeline.hpp). Days are calendar days in the shop's time zone.
#include "ftc_timeline.hpp"

#include <algorithm>
#include <numeric>

namespace backorder::detail {

using Type = ParamSpec::Type;
using Words = std::vector<std::string>;

std::vector<ParamSpec> ftc_param_specs() {
  const std::vector<std::string_view> content = {"revised_date", "right_to_cancel", "free_cancel",
                                                 "reason_if_indefinite", "cancel_unless_consent"};
  return {
      {"days_without_stated_time", Type::integer, std::int64_t{30}, 1, 365, {}},
      {"days_with_credit", Type::integer, std::int64_t{50}, 1, 365, {}},
      {"silence_limit_days", Type::integer, std::int64_t{30}, 0, 365, {}},
      {"cancel_after_days", Type::integer, std::int64_t{30}, 0, 365, {}},
      {"first_notice_requires", Type::words,
       Words{"revised_date", "right_to_cancel", "free_cancel", "reason_if_indefinite"}, 0, 0, content},
      {"renewed_notice_requires", Type::words,
       Words{"revised_date", "right_to_cancel", "free_cancel", "reason_if_indefinite",
             "cancel_unless_consent"},
       0, 0, content},
      {"exemptions", Type::words, Words{"cod", "subscription", "seeds_plants", "negative_option"}, 0, 0, {}},
  };
}

const char* ftc_case_name(FtcCase c) {
  switch (c) {
    case FtcCase::none:
      return "none";
    case FtcCase::buyer_cancelled:
      return "buyer_cancelled";
    case FtcCase::cannot_ship:
      return "cannot_ship";
    case FtcCase::no_notice:
      return "no_notice";
    case FtcCase::short_delay_lapsed:
      return "short_delay_lapsed";
    case FtcCase::long_delay_no_consent:
      return "long_delay_no_consent";
    case FtcCase::consent_lapsed:
      return "consent_lapsed";
    case FtcCase::renewed_rejected:
      return "renewed_rejected";
  }
  return "none";
}

const char* ftc_case_text(FtcCase c) {
  switch (c) {
    case FtcCase::none:
      return "";
    case FtcCase::buyer_cancelled:
      return "the buyer cancelled before shipment";
    case FtcCase::cannot_ship:
      return "the shop cannot ship the order";
    case FtcCase::no_notice:
      return "the shipment deadline passed without a valid delay notice";
    case FtcCase::short_delay_lapsed:
      return "the revised date the buyer accepted by silence passed unshipped";
    case FtcCase::long_delay_no_consent:
      return "a delay of more than 30 days past the deadline, or an indefinite one, without the buyer's "
             "consent";
    case FtcCase::consent_lapsed:
      return "the date the buyer consented to passed unshipped";
    case FtcCase::renewed_rejected:
      return "the renewed notice went unanswered (silence is rejection) and the date passed unshipped";
  }
  return "";
}

namespace {

std::vector<std::string> missing_content(const DelayNotice& n, const Words& required) {
  std::vector<std::string> out;
  for (const std::string& r : required) {
    bool ok = r == "revised_date"            ? n.revised_date || n.indefinite
              : r == "right_to_cancel"       ? n.right_to_cancel
              : r == "free_cancel"           ? n.free_cancel
              : r == "reason_if_indefinite"  ? !n.indefinite || !n.reason.empty()
              : r == "cancel_unless_consent" ? n.cancel_unless_consent
                                             : true;
    if (!ok) out.push_back(r);
  }
  return out;
}

bool consented_by(const DelayNotice& n, const OrderContext& c, std::optional<Day> limit) {
  if (!n.reply || n.reply->answer != Reply::Answer::consent) return false;
  return !limit || c.day(n.reply->at) <= *limit;
}

}  // namespace

FtcTimeline ftc_timeline(const Rule& rule, const OrderContext& c) {
  const OrderFacts& o = c.facts;
  FtcTimeline t;
  const Words& exemptions = param_words(rule, "exemptions");
  t.exempt = (!o.exemption.empty() && contains(exemptions, o.exemption)) ||
             (o.payment.method == "cod" && contains(exemptions, "cod"));

  // R1: the stated time; else 30 days from receipt of the complete order, 50 when the buyer applied for
  // the shop's credit and no time was stated.
  if (o.stated_ship_by) {
    t.deadline = *o.stated_ship_by;
    t.basis = "the shipping time stated to the buyer";
  } else if (o.credit_applied) {
    const auto days = param_int(rule, "days_with_credit");
    t.deadline = c.received_day + static_cast<Day>(days);
    t.basis = std::to_string(days) + " days after the order (credit applied for, no time stated)";
  } else {
    const auto days = param_int(rule, "days_without_stated_time");
    t.deadline = c.received_day + static_cast<Day>(days);
    t.basis = std::to_string(days) + " days after the order (no time stated)";
  }
  t.shipped = o.shipped_at.has_value();
  t.ship_by = t.deadline;
  t.ship_by_basis = t.basis;
  FtcCase lapse = FtcCase::no_notice;

  std::vector<std::size_t> order(o.notices.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return o.notices[a].sent_at < o.notices[b].sent_at; });
  const Day silence_limit = t.deadline + static_cast<Day>(param_int(rule, "silence_limit_days"));
  const Day auto_cancel = t.deadline + static_cast<Day>(param_int(rule, "cancel_after_days"));
  for (std::size_t k = 0; k < order.size(); ++k) {
    const DelayNotice& n = o.notices[order[k]];
    NoticeCheck nc;
    nc.notice = &n;
    nc.first = !t.first_valid;  // a corrected notice before the deadline counts as the first
    nc.sent = c.day(n.sent_at);
    nc.missing =
        missing_content(n, param_words(rule, nc.first ? "first_notice_requires" : "renewed_notice_requires"));
    if (nc.first) {
      // R3: no later than the deadline.
      nc.due = t.deadline;
      nc.late = nc.sent > t.deadline;
    } else if (t.ship_by) {
      // R5: before the revised date in force.
      nc.due = *t.ship_by - 1;
      nc.late = nc.sent >= *t.ship_by;
    }
    t.notices.push_back(nc);
    if (nc.first) {
      if (!nc.valid()) continue;  // not a valid notice: the deadline still stands (R6)
      t.first_valid = true;
      t.revised = n.revised_date;
      if (n.revised_date && *n.revised_date <= silence_limit) {
        // R4: a delay of 30 days or less: the buyer's silence is consent.
        t.ship_by = n.revised_date;
        t.ship_by_basis = "the revised date (the buyer's silence is consent)";
        lapse = FtcCase::short_delay_lapsed;
      } else if (consented_by(n, c, auto_cancel)) {
        t.ship_by = n.revised_date;  // none: an indefinite delay, cancellable until shipment
        t.ship_by_basis = "the revised date the buyer consented to";
        lapse = FtcCase::consent_lapsed;
      } else {
        // R4: longer or indefinite: express consent needed, else cancelled 30 days after the deadline.
        t.ship_by = auto_cancel;
        t.ship_by_basis = "30 days after the deadline, unless the buyer consents to the delay";
        t.needs_consent = true;
        lapse = FtcCase::long_delay_no_consent;
      }
      continue;
    }
    if (!t.first_valid || !nc.valid()) continue;
    if (consented_by(n, c, t.ship_by)) {
      // R5: a renewed delay the buyer consented to.
      t.ship_by = n.revised_date;
      t.ship_by_basis = "the revised date the buyer consented to";
      t.needs_consent = false;
      lapse = FtcCase::consent_lapsed;
      t.renewed_sent = false;
    } else if (!t.needs_consent) {
      lapse = FtcCase::renewed_rejected;  // silence is rejection: the date in force stands
      t.renewed_sent = true;
    }
  }

  // R6: when the order counts as cancelled, whichever comes first.
  if (t.shipped) return t;
  auto vest = [&](FtcCase why, Day day) {
    if (!t.cancel_on || day < *t.cancel_on) {
      t.cancel_on = day;
      t.cancel_case = why;
    }
  };
  if (o.cancelled_by_buyer && o.cancelled_at) vest(FtcCase::buyer_cancelled, c.day(*o.cancelled_at));
  for (const DelayNotice& n : o.notices) {
    if (n.reply && n.reply->answer == Reply::Answer::cancel)
      vest(FtcCase::buyer_cancelled, c.day(n.reply->at));
  }
  if (o.cannot_ship) vest(FtcCase::cannot_ship, c.today);
  if (t.ship_by) vest(lapse, *t.ship_by + 1);
  return t;
}

}  // namespace backorder::detail
