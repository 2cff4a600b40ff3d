#include "report_deadlines.hpp"

namespace backorder::detail {

std::vector<Deadline> deadlines_for(const Calendar& cal, Instant placed_at) {
  // A stand-in until the compliance rule packs land: the FTC mail-order rule's deadline when no shipping
  // time was stated, 30 days from receiving the order (16 CFR 435.2(a)(1)), counted from placement. It
  // ignores a stated time, credit applications and renewed consent, and says so.
  Deadline d;
  d.rule = "ftc_30_day";
  d.label = "FTC mail-order rule: ship within 30 days of the order (no time stated), from placement";
  d.citation = "16 CFR 435.2(a)(1)";
  d.due = cal.local_day(placed_at) + 30;
  d.provisional = true;
  return {d};
}

}  // namespace backorder::detail
