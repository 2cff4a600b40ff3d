// The US FTC mail-order rule's timeline for one order (16 CFR 435.2; rules.md R1-R6): the shipment deadline,
// which delay notices count, the date the order must ship by now, and when it counts as cancelled. Every
// ftc_* check reads it, so they agree. Private to core.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compliance_checks.hpp"

namespace backorder::detail {

// The parameters every ftc_* check takes (a pack states them once, under "params").
std::vector<ParamSpec> ftc_param_specs();

enum class FtcCase {
  none,
  buyer_cancelled,        // the buyer cancelled before shipment
  cannot_ship,            // the shop decided it can never ship
  no_notice,              // the deadline passed with no valid first notice
  short_delay_lapsed,     // a delay of 30 days or less passed its revised date unshipped
  long_delay_no_consent,  // a longer or indefinite delay, no consent, not shipped 30 days after the deadline
  consent_lapsed,         // the delay the buyer consented to passed unshipped
  renewed_rejected,       // a renewed notice went unanswered (silence is rejection) and the date passed
};
const char* ftc_case_name(FtcCase c);
// The words a message uses for the case.
const char* ftc_case_text(FtcCase c);

struct NoticeCheck {
  const DelayNotice* notice = nullptr;
  bool first = false;
  Day sent = 0;
  std::vector<std::string> missing;  // required content it lacks
  bool late = false;                 // first: after the deadline; renewed: not before the date in force
  std::optional<Day> due;            // the day it had to go out by
  bool valid() const { return missing.empty() && !late; }
};

struct FtcTimeline {
  bool exempt = false;
  Day deadline = 0;   // T
  std::string basis;  // how T was set
  std::vector<NoticeCheck> notices;
  bool first_valid = false;
  std::optional<Day> ship_by;  // the date it must ship by now; none after consent to an indefinite delay
  std::string ship_by_basis;
  std::optional<Day> revised;  // the first notice's revised date
  bool needs_consent = false;  // a long or indefinite first delay the buyer has not consented to
  bool renewed_sent = false;   // a valid renewed notice went out for the date in force
  bool shipped = false;
  FtcCase cancel_case = FtcCase::none;
  std::optional<Day> cancel_on;  // the day the order counts as cancelled and the refund right vests
};

FtcTimeline ftc_timeline(const Rule& rule, const OrderContext& c);

}  // namespace backorder::detail
