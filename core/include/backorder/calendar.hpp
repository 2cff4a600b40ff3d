// The store's business calendar: a time zone (ICU), working weekdays, holidays, an order cut-off time and
// handling days. Dates the customer sees are civil dates in this zone.
#pragma once

#include <unicode/uversion.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class TimeZone;
U_NAMESPACE_END

namespace backorder {

// A civil date as days since 1970-01-01 (std::chrono::sys_days' count). Cheap to copy and compare.
using Day = std::int32_t;

Day day_from_ymd(int y, unsigned m, unsigned d);
// "YYYY-MM-DD"; throws Error(invalid, path) when malformed, not a real date, or outside the years of
// docs/limits.md.
Day parse_day(std::string_view iso, const std::string& path);
std::string format_day(Day d);  // "YYYY-MM-DD"
int weekday(Day d);             // 0 = Sunday .. 6 = Saturday

// An instant: milliseconds since the Unix epoch, UTC.
using Instant = std::int64_t;
// "2026-11-30T09:00:00-05:00" for an offset of -300 minutes, "+00:00" for 0 (seconds precision).
std::string format_instant(Instant t, int offset_minutes);
// ISO 8601 with an offset or Z ("2026-11-30T09:00:00-05:00"); throws Error(invalid, path).
Instant parse_instant(std::string_view iso, const std::string& path);
// Whether the engine computes at `t`: from the start of limits::kMinYear to the end of limits::kMaxYear,
// with a day to spare either side for offsets. Every instant parse_instant accepts is.
bool instant_in_range(Instant t);

struct CalendarSpec {
  std::string time_zone = "UTC";      // IANA id
  unsigned working_days = 0b0111110;  // bit w set = weekday w (0 = Sunday) is a working day
  std::vector<Day> holidays;          // sorted, unique
  int cutoff_minutes = 24 * 60;       // orders at or after this local time count from the next working day
  int handling_days = 0;              // business days between the order day and shipping from stock
};

// Immutable after construction; const methods are safe to call from many threads.
class Calendar {
 public:
  explicit Calendar(CalendarSpec spec);  // throws Error(invalid) for an unknown zone
  Calendar(const Calendar&);
  Calendar& operator=(const Calendar&) = delete;
  ~Calendar();

  const CalendarSpec& spec() const { return spec_; }

  // Local civil date and minutes past local midnight of an instant.
  Day local_day(Instant t) const;
  int local_minutes(Instant t) const;
  // UTC offset in minutes at local midnight starting `d` (for ISO 8601 with offset).
  int offset_minutes_at(Day d) const;
  // "2026-12-10T00:00:00-05:00": the start of `d` in the store's zone.
  std::string format_local_midnight(Day d) const;
  // The instant in the store's zone with its offset: "2026-11-30T09:00:00-05:00".
  std::string format_local(Instant t) const;

  bool is_working(Day d) const;
  Day next_working(Day d) const;                      // d itself when it is a working day
  Day add_business_days(Day d, int n) const;          // n working days after d (d need not be one)
  int business_days_between(Day from, Day to) const;  // working days in (from, to]

  // The day an order placed at `now` counts from: today before the cut-off on a working day,
  // otherwise the next working day.
  Day order_day(Instant now) const;
  // When an in-stock order placed at `now` ships.
  Day stock_ship_day(Instant now) const;

 private:
  CalendarSpec spec_;
  std::unique_ptr<icu::TimeZone> zone_;
};

}  // namespace backorder
