#include "backorder/policy.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace backorder;
using nlohmann::json;

namespace {
json base() { return json::parse(test::apparel_policy()); }

std::vector<std::string> paths(const json& doc) {
  std::vector<std::string> out;
  for (const auto& i : validate_policy(doc.dump())) out.push_back(i.path);
  return out;
}
}  // namespace

TEST(Policy, ApparelExampleIsValid) {
  Policy p = parse_policy(test::apparel_policy());
  EXPECT_EQ(p.currency.view(), "USD");
  EXPECT_EQ(p.locale, "en-US");
  EXPECT_EQ(p.calendar.time_zone, "America/New_York");
  EXPECT_EQ(p.calendar.cutoff_minutes, 14 * 60);
  EXPECT_EQ(p.calendar.holidays.size(), 3u);
  EXPECT_EQ(p.availability.low_stock_threshold, 3);
}

TEST(Policy, EveryErrorIsReportedWithItsPath) {
  json doc = base();
  doc["colour"] = "blue";
  doc["currency"] = "XYZ";
  doc["locale"] = "xx";
  doc["calendar"]["time_zone"] = "Mars/Base";
  doc["calendar"]["cutoff"] = "25:00";
  doc["calendar"]["holidays"][1] = "2026-13-01";
  doc["availability"]["lead_time_days"] = {{"min", 15}, {"max", 10}};
  doc["availability"]["low_stock_threshold"] = -1;
  auto got = paths(doc);
  std::vector<std::string> want = {"policy.colour",
                                   "policy.currency",
                                   "policy.locale",
                                   "policy.calendar.time_zone",
                                   "policy.calendar.holidays[1]",
                                   "policy.calendar.cutoff",
                                   "policy.availability.low_stock_threshold",
                                   "policy.availability.lead_time_days"};
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want);
}

TEST(Policy, NegativeLeadTimeAndUnknownWeekday) {
  json doc = base();
  doc["availability"]["lead_time_days"]["min"] = -2;
  doc["calendar"]["working_days"] = {"mon", "funday"};
  EXPECT_EQ(paths(doc), (std::vector<std::string>{"policy.calendar.working_days[1]",
                                                  "policy.availability.lead_time_days.min"}));
}

TEST(Policy, RequiredFieldsAndVersion) {
  EXPECT_EQ(paths(json::object()),
            (std::vector<std::string>{"policy.version", "policy.currency", "policy.calendar"}));
  json doc = base();
  doc["version"] = 2;
  EXPECT_EQ(paths(doc), std::vector<std::string>{"policy.version"});
}

TEST(Policy, MalformedJsonIsOneErrorAtTheRoot) {
  auto issues = validate_policy("{\"version\": 1,");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "policy");
  EXPECT_NE(issues[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(validate_policy(std::string(200, '[')).size(), 1u);  // too deep, refused before parsing
}

TEST(Policy, PluralWithoutOtherIsRejectedWhenLoaded) {
  json doc = base();
  doc["messages"]["en"]["backorder"] = "Ships in {max_days, plural, one {# day}}";
  doc["messages"]["de"]["backorder_short"] = "Versand {dates}";
  auto issues = validate_policy(doc.dump());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "policy.messages.en.backorder");
  EXPECT_NE(issues[0].message.find("other"), std::string::npos);
  EXPECT_THROW(parse_policy(doc.dump()), ValidationError);
}

TEST(Policy, UnknownMessageKeyAndLocaleInOverrides) {
  json doc = base();
  doc["messages"]["en"]["backorderr"] = "x";
  doc["messages"]["zz"]["backorder"] = "x";
  auto got = paths(doc);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"policy.messages.en.backorderr", "policy.messages.zz"}));
}

TEST(Policy, ParseThrowsValidationErrorWithAllIssues) {
  json doc = base();
  doc["currency"] = "XYZ";
  doc["calendar"]["handling_days"] = 1000;
  try {
    parse_policy(doc.dump());
    FAIL() << "expected ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.issues().size(), 2u);
    EXPECT_EQ(e.path(), "policy.currency");
  }
}

TEST(Locales, CanonicalForms) {
  EXPECT_EQ(canonical_locale("en_us"), "en-US");
  EXPECT_EQ(canonical_locale("de-DE"), "de-DE");
  EXPECT_EQ(canonical_locale("ja"), "ja");
  EXPECT_EQ(canonical_locale("xx"), "");
  EXPECT_EQ(canonical_locale("not a locale"), "");
  EXPECT_EQ(canonical_locale(""), "");
}
