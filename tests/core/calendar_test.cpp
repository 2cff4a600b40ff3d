#include "backorder/calendar.hpp"

#include <gtest/gtest.h>

#include "backorder/error.hpp"

using namespace backorder;

namespace {
Calendar new_york() {
  CalendarSpec s;
  s.time_zone = "America/New_York";
  s.holidays = {parse_day("2026-11-26", ""), parse_day("2026-12-25", ""), parse_day("2027-01-01", "")};
  s.cutoff_minutes = 14 * 60;
  s.handling_days = 1;
  return Calendar(s);
}
Day d(const char* iso) { return parse_day(iso, "d"); }
}  // namespace

TEST(Days, ParseFormatAndWeekday) {
  EXPECT_EQ(format_day(d("2026-12-10")), "2026-12-10");
  EXPECT_EQ(weekday(d("2026-11-30")), 1);  // a Monday
  EXPECT_EQ(weekday(d("2027-01-03")), 0);  // a Sunday
  EXPECT_THROW(d("2026-02-30"), Error);
  EXPECT_THROW(d("2026-2-3"), Error);
  EXPECT_THROW(d("tomorrow"), Error);
}

TEST(Instants, NeedAnOffset) {
  EXPECT_EQ(parse_instant("1970-01-01T00:00:00Z", ""), 0);
  EXPECT_EQ(parse_instant("1970-01-01T01:00:00+01:00", ""), 0);
  EXPECT_EQ(parse_instant("1970-01-01T00:00:01.250Z", ""), 1250);
  EXPECT_THROW(parse_instant("2026-11-30T09:00:00", "now"), Error);
  try {
    parse_instant("yesterday", "request.now");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "request.now");
  }
}

TEST(Calendar, UnknownZoneIsRejected) {
  CalendarSpec s;
  s.time_zone = "Mars/Olympus_Mons";
  EXPECT_THROW(Calendar{s}, Error);
}

TEST(Calendar, LocalDayFollowsTheZone) {
  Calendar cal = new_york();
  // 03:00 UTC on 1 December is still 30 November in New York.
  EXPECT_EQ(cal.local_day(parse_instant("2026-12-01T03:00:00Z", "")), d("2026-11-30"));
  EXPECT_EQ(cal.local_minutes(parse_instant("2026-12-01T03:00:00Z", "")), 22 * 60);
  EXPECT_EQ(cal.offset_minutes_at(d("2026-12-10")), -300);
  EXPECT_EQ(cal.offset_minutes_at(d("2026-07-10")), -240);
  EXPECT_EQ(cal.format_local_midnight(d("2026-12-10")), "2026-12-10T00:00:00-05:00");
}

TEST(Calendar, DaylightSavingDayKeepsCivilDates) {
  Calendar cal = new_york();
  // 8 March 2026: clocks spring forward at 02:00. 23:30 local that night is 03:30Z on 9 March.
  EXPECT_EQ(cal.local_day(parse_instant("2026-03-09T03:30:00Z", "")), d("2026-03-08"));
  EXPECT_EQ(cal.local_day(parse_instant("2026-03-09T04:30:00Z", "")), d("2026-03-09"));
}

TEST(Calendar, WorkingDaysSkipWeekendsAndHolidays) {
  Calendar cal = new_york();
  EXPECT_FALSE(cal.is_working(d("2026-11-26")));  // Thanksgiving
  EXPECT_FALSE(cal.is_working(d("2026-11-28")));  // Saturday
  EXPECT_EQ(cal.next_working(d("2026-11-28")), d("2026-11-30"));
  EXPECT_EQ(cal.add_business_days(d("2026-11-25"), 1), d("2026-11-27"));
  EXPECT_EQ(cal.add_business_days(d("2026-11-30"), 10), d("2026-12-14"));
  // Over year end: Christmas and New Year's Day are skipped.
  EXPECT_EQ(cal.add_business_days(d("2026-12-24"), 2), d("2026-12-29"));
  EXPECT_EQ(cal.add_business_days(d("2026-12-31"), 1), d("2027-01-04"));
  EXPECT_EQ(cal.business_days_between(d("2026-11-30"), d("2026-12-14")), 10);
  EXPECT_EQ(cal.business_days_between(d("2026-12-24"), d("2027-01-04")), 5);
}

TEST(Calendar, AddAndCountAgreeOverManyDays) {
  Calendar cal = new_york();
  for (Day start = d("2026-11-01"); start < d("2027-02-01"); ++start) {
    for (int n = 0; n < 40; ++n) {
      Day end = cal.add_business_days(start, n);
      ASSERT_EQ(cal.business_days_between(start, end), n) << format_day(start) << " + " << n;
      if (n > 0) {
        ASSERT_TRUE(cal.is_working(end));
      }
    }
  }
}

TEST(Calendar, CutOffMovesTheOrderDay) {
  Calendar cal = new_york();
  EXPECT_EQ(cal.order_day(parse_instant("2026-11-30T13:59:00-05:00", "")), d("2026-11-30"));
  EXPECT_EQ(cal.order_day(parse_instant("2026-11-30T14:00:00-05:00", "")), d("2026-12-01"));
  // Friday after the cut-off counts from Monday; Thanksgiving counts from Friday.
  EXPECT_EQ(cal.order_day(parse_instant("2026-12-04T15:00:00-05:00", "")), d("2026-12-07"));
  EXPECT_EQ(cal.order_day(parse_instant("2026-11-26T10:00:00-05:00", "")), d("2026-11-27"));
  EXPECT_EQ(cal.stock_ship_day(parse_instant("2026-11-30T09:00:00-05:00", "")), d("2026-12-01"));
}
