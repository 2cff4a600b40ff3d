#include "backorder/calendar.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstdio>

#include "backorder/error.hpp"
#include "backorder/limits.hpp"

namespace backorder {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Guards the loops below against a calendar with no working day at all (validation forbids it).
constexpr int kMaxScanDays = 3660;

}  // namespace

Day day_from_ymd(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return static_cast<Day>(sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count());
}

Day parse_day(std::string_view iso, const std::string& path) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digits(iso, 0, 4, y) || !digits(iso, 5, 2, m) ||
      !digits(iso, 8, 2, d)) {
    throw Error(ErrorCode::invalid, path, "expected a date as YYYY-MM-DD");
  }
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) throw Error(ErrorCode::invalid, path, "not a real date");
  if (y < limits::kMinYear || y > limits::kMaxYear) {
    throw Error(ErrorCode::invalid, path,
                "out of range: years " + std::to_string(limits::kMinYear) + " to " +
                    std::to_string(limits::kMaxYear));
  }
  return static_cast<Day>(sys_days{ymd}.time_since_epoch().count());
}

bool instant_in_range(Instant t) {
  const Instant lo = (static_cast<Instant>(day_from_ymd(limits::kMinYear, 1, 1)) - 1) * kMsPerDay;
  const Instant hi = (static_cast<Instant>(day_from_ymd(limits::kMaxYear + 1, 1, 1)) + 1) * kMsPerDay;
  return t >= lo && t < hi;
}

std::string format_day(Day d) {
  // Hot in batch output: digits by hand rather than snprintf.
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{d}}};
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month()), dd = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) return "0000-00-00";
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + dd / 10);
  out[9] = static_cast<char>('0' + dd % 10);
  return out;
}

int weekday(Day d) {
  using namespace std::chrono;
  return static_cast<int>(std::chrono::weekday{sys_days{days{d}}}.c_encoding());
}

std::string format_instant(Instant t, int offset_minutes) {
  std::int64_t local = t / 1000 - (t % 1000 < 0) + static_cast<std::int64_t>(offset_minutes) * 60;
  std::int64_t day = floor_div(local, 86400), secs = local - day * 86400;
  std::string out = format_day(static_cast<Day>(day));
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  out += buf;
  int off = std::abs(offset_minutes);
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', off / 60 % 100, off % 60);
  return out + buf;
}

Instant parse_instant(std::string_view s, const std::string& path) {
  auto bad = [&] {
    return Error(ErrorCode::invalid, path,
                 "expected an ISO 8601 time with an offset, like 2026-11-30T09:00:00-05:00");
  };
  if (s.size() < 17 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) throw bad();
  Day day = parse_day(s.substr(0, 10), path);
  int hh = 0, mm = 0, ss = 0;
  if (!digits(s, 11, 2, hh) || s[13] != ':' || !digits(s, 14, 2, mm)) throw bad();
  std::size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2, ss)) throw bad();
    i += 3;
  }
  int ms = 0;
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    std::size_t start = ++i;
    int scale = 100;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      ms += (s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    if (i == start) throw bad();
  }
  if (hh > 23 || mm > 59 || ss > 60) throw bad();  // 60: a leap second, read as :59 + 1
  int offset_min = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) {
    offset_min = 0;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh = 0, om = 0;
    std::string_view rest = s.substr(i + 1);
    if (rest.size() == 5 && rest[2] == ':' && digits(rest, 0, 2, oh) && digits(rest, 3, 2, om)) {
    } else if (rest.size() == 4 && digits(rest, 0, 2, oh) && digits(rest, 2, 2, om)) {
    } else {
      throw bad();
    }
    if (oh > 18 || om > 59) throw bad();
    offset_min = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    throw bad();  // a time without an offset is ambiguous: refuse it rather than guess a zone
  }
  return (static_cast<std::int64_t>(day) * 86400 + hh * 3600 + mm * 60 + ss - offset_min * 60) * 1000 + ms;
}

Calendar::Calendar(CalendarSpec spec) : spec_(std::move(spec)) {
  zone_.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(spec_.time_zone)));
  if (!zone_ || *zone_ == icu::TimeZone::getUnknown()) {
    throw Error(ErrorCode::invalid, "calendar.time_zone", "unknown time zone \"" + spec_.time_zone + "\"");
  }
  if ((spec_.working_days & 0x7f) == 0) {
    throw Error(ErrorCode::invalid, "calendar.working_days", "at least one working day is needed");
  }
  std::sort(spec_.holidays.begin(), spec_.holidays.end());
  spec_.holidays.erase(std::unique(spec_.holidays.begin(), spec_.holidays.end()), spec_.holidays.end());
}

Calendar::Calendar(const Calendar& other) : spec_(other.spec_), zone_(other.zone_->clone()) {}
Calendar::~Calendar() = default;

static std::int64_t offset_ms(const icu::TimeZone& zone, double t, bool local) {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone.getOffset(t, local, raw, dst, status);
  if (U_FAILURE(status)) throw Error(ErrorCode::internal, "", "time zone offset lookup failed");
  return static_cast<std::int64_t>(raw) + dst;
}

Day Calendar::local_day(Instant t) const {
  return static_cast<Day>(floor_div(t + offset_ms(*zone_, static_cast<double>(t), false), kMsPerDay));
}

int Calendar::local_minutes(Instant t) const {
  std::int64_t local = t + offset_ms(*zone_, static_cast<double>(t), false);
  return static_cast<int>((local - floor_div(local, kMsPerDay) * kMsPerDay) / 60'000);
}

int Calendar::offset_minutes_at(Day d) const {
  return static_cast<int>(offset_ms(*zone_, static_cast<double>(d) * kMsPerDay, true) / 60'000);
}

std::string Calendar::format_local_midnight(Day d) const {
  int off = offset_minutes_at(d);
  return format_instant(static_cast<Instant>(d) * kMsPerDay - static_cast<Instant>(off) * 60'000, off);
}

std::string Calendar::format_local(Instant t) const {
  return format_instant(t, static_cast<int>(offset_ms(*zone_, static_cast<double>(t), false) / 60'000));
}

bool Calendar::is_working(Day d) const {
  return ((spec_.working_days >> weekday(d)) & 1u) &&
         !std::binary_search(spec_.holidays.begin(), spec_.holidays.end(), d);
}

Day Calendar::next_working(Day d) const {
  for (int i = 0; i < kMaxScanDays; ++i, ++d) {
    if (is_working(d)) return d;
  }
  throw Error(ErrorCode::invalid, "calendar", "no working day within ten years");
}

// Holidays in (from, to] that fall on a working weekday: each one removes a working day.
static int holidays_on_working_weekdays(const CalendarSpec& spec, Day from, Day to) {
  auto lo = std::upper_bound(spec.holidays.begin(), spec.holidays.end(), from);
  auto hi = std::upper_bound(spec.holidays.begin(), spec.holidays.end(), to);
  int n = 0;
  for (auto it = lo; it != hi; ++it) n += (spec.working_days >> weekday(*it)) & 1u;
  return n;
}

Day Calendar::add_business_days(Day d, int n) const {
  if (n <= 0) return d;
  // Whole weeks first, then day by day; holidays inside the skipped weeks are paid back in the loop.
  const int per_week = std::popcount(spec_.working_days & 0x7fu);
  int weeks = (n - 1) / per_week;
  Day jumped = d + weeks * 7;
  int left = n - weeks * per_week + holidays_on_working_weekdays(spec_, d, jumped);
  d = jumped;
  for (int guard = 0; left > 0; ++guard) {
    if (guard > kMaxScanDays) throw Error(ErrorCode::invalid, "calendar", "no working day within ten years");
    ++d;
    if (is_working(d)) --left;
  }
  return d;
}

int Calendar::business_days_between(Day from, Day to) const {
  if (to <= from) return 0;
  const int per_week = std::popcount(spec_.working_days & 0x7fu);
  int weeks = (to - from) / 7;
  int count = weeks * per_week;
  for (Day d = from + weeks * 7 + 1; d <= to; ++d) count += (spec_.working_days >> weekday(d)) & 1u;
  return count - holidays_on_working_weekdays(spec_, from, to);
}

Day Calendar::order_day(Instant now) const {
  Day d = local_day(now);
  if (is_working(d) && local_minutes(now) < spec_.cutoff_minutes) return d;
  return next_working(d + 1);
}

Day Calendar::stock_ship_day(Instant now) const {
  return add_business_days(order_day(now), spec_.handling_days);
}

}  // namespace backorder
