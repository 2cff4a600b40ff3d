// The compliance deadlines the merchant report shows for a waiting order. One place to change: the
// compliance rule packs (issue 6) replace this stand-in with their findings.
#pragma once

#include <string>
#include <vector>

#include "backorder/calendar.hpp"

namespace backorder::detail {

struct Deadline {
  std::string rule;      // "ftc_30_day"
  std::string label;     // for people
  std::string citation;  // "16 CFR 435.2(a)(1)"
  Day due = 0;
  bool provisional = false;  // computed without the order's full facts (see the label)
};

// The deadlines of an order placed at `placed_at` that still waits for some of its items.
std::vector<Deadline> deadlines_for(const Calendar& cal, Instant placed_at);

}  // namespace backorder::detail
