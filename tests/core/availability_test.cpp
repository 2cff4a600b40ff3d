#include "backorder/availability.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace backorder;

namespace {
struct AvailabilityTest : ::testing::Test {
  std::shared_ptr<const Engine> engine = test::apparel_engine();
  Today today = Today::at(engine->calendar(), test::monday_morning());
  Availability of(const Item& item, const StockPosition& stock, std::int64_t q = 1) {
    return classify(engine->policy(), engine->calendar(), today, item, stock, q);
  }
  static Item item(std::string sku) {
    Item i;
    i.sku = std::move(sku);
    return i;
  }
  static Day d(const char* iso) { return parse_day(iso, ""); }
};
}  // namespace

TEST_F(AvailabilityTest, InStockShipsAfterHandling) {
  auto a = of(item("A"), {.on_hand = 40, .reserved = 3});
  EXPECT_EQ(a.status, Status::in_stock);
  EXPECT_EQ(a.sellable, 37);
  EXPECT_EQ(a.ship_now, 1);
  EXPECT_EQ(a.now_window.from, d("2026-12-01"));  // one handling day
  EXPECT_EQ(a.now_window.min_days, 1);
  EXPECT_FALSE(a.notify_me);
}

TEST_F(AvailabilityTest, LowStockCountsTheTrueSellableQuantity) {
  // 10 on hand looks plentiful, but 4 are reserved, 1 is safety stock and 2 are promised: 3 can be sold.
  auto a = of(item("A"), {.on_hand = 10, .reserved = 4, .safety_stock = 1, .promised = 2});
  EXPECT_EQ(a.status, Status::low_stock);
  EXPECT_EQ(a.sellable, 3);
  auto plenty = of(item("A"), {.on_hand = 10, .reserved = 4, .safety_stock = 1});
  EXPECT_EQ(plenty.status, Status::in_stock);
  Item never = item("A");
  never.low_stock_threshold = 0;
  EXPECT_EQ(of(never, {.on_hand = 1}).status, Status::in_stock);
}

TEST_F(AvailabilityTest, BackorderWindowFromLeadTime) {
  Item jacket = item("JKT");
  jacket.lead_min_days = 10;
  jacket.lead_max_days = 14;
  auto a = of(jacket, {});
  EXPECT_EQ(a.status, Status::backorder);
  EXPECT_EQ(a.later, 1);
  EXPECT_EQ(a.later_window.from, d("2026-12-10"));
  EXPECT_EQ(a.later_window.to, d("2026-12-14"));
  EXPECT_EQ(a.later_window.min_days, 10);
  EXPECT_EQ(a.later_window.max_days, 14);
  EXPECT_TRUE(a.notify_me);
}

TEST_F(AvailabilityTest, WindowsLandOnWorkingDays) {
  Item socks = item("S");
  socks.lead_min_days = socks.lead_max_days = 5;  // Monday + 5 = Saturday: ships Monday
  auto a = of(socks, {});
  EXPECT_EQ(a.later_window.from, d("2026-12-07"));
  EXPECT_EQ(a.later_window.max_days, 7);
}

TEST_F(AvailabilityTest, AfterTheCutOffCountsFromTomorrow) {
  Today late = Today::at(engine->calendar(), parse_instant("2026-11-30T15:00:00-05:00", ""));
  Item jacket = item("JKT");
  auto a = classify(engine->policy(), engine->calendar(), late, jacket, {}, 1);
  EXPECT_EQ(a.later_window.from, d("2026-12-11"));
  EXPECT_EQ(a.later_window.min_days, 11);
}

TEST_F(AvailabilityTest, QuantityAwareSplit) {
  auto a = of(item("A"), {.on_hand = 3}, 5);
  EXPECT_EQ(a.status, Status::backorder);
  EXPECT_EQ(a.ship_now, 3);
  EXPECT_EQ(a.later, 2);
  EXPECT_EQ(a.unavailable, 0);
  EXPECT_EQ(a.now_window.from, d("2026-12-01"));
  EXPECT_EQ(a.later_window.from, d("2026-12-10"));
}

TEST_F(AvailabilityTest, NoBackordersMeansOutOfStockWithNotifyMe) {
  Item tee = item("T");
  tee.backorders = false;
  auto a = of(tee, {});
  EXPECT_EQ(a.status, Status::out_of_stock);
  EXPECT_TRUE(a.notify_me);
  EXPECT_EQ(a.unavailable, 1);
  auto part = of(tee, {.on_hand = 2}, 5);
  EXPECT_EQ(part.ship_now, 2);
  EXPECT_EQ(part.unavailable, 3);
  EXPECT_EQ(part.status, Status::low_stock);
}

TEST_F(AvailabilityTest, BackorderCap) {
  Item gloves = item("G");
  gloves.max_backorder = 20;
  EXPECT_EQ(of(gloves, {.backordered = 20}).status, Status::out_of_stock);
  auto a = of(gloves, {.backordered = 17}, 5);
  EXPECT_EQ(a.status, Status::backorder);
  EXPECT_EQ(a.later, 3);
  EXPECT_EQ(a.unavailable, 2);
}

TEST_F(AvailabilityTest, PreOrderIsNotBackorder) {
  Item cap = item("C");
  cap.release_date = d("2027-03-12");
  auto a = of(cap, {.on_hand = 100});  // stock already in, but not to be sold before release
  EXPECT_EQ(a.status, Status::preorder);
  EXPECT_EQ(a.ship_now, 0);
  EXPECT_EQ(a.later_window.from, d("2027-03-12"));
  cap.release_date = d("2026-11-01");  // released: an ordinary item
  EXPECT_EQ(of(cap, {.on_hand = 100}).status, Status::in_stock);
}

TEST_F(AvailabilityTest, DiscontinuedSellsWhatIsLeftOnly) {
  Item vest = item("V");
  vest.discontinued = true;
  EXPECT_EQ(of(vest, {}).status, Status::discontinued);
  EXPECT_FALSE(of(vest, {}).notify_me);
  vest.release_date = d("2027-02-01");  // announced, then dropped: not a pre-order
  EXPECT_EQ(of(vest, {}).status, Status::discontinued);
  auto a = of(vest, {.on_hand = 2}, 3);
  EXPECT_EQ(a.status, Status::low_stock);
  EXPECT_EQ(a.later, 0);
  EXPECT_EQ(a.unavailable, 1);
}

TEST_F(AvailabilityTest, BadRowsAreRejected) {
  EXPECT_THROW(of(item("A"), {}, 0), Error);
  EXPECT_THROW(of(item("A"), {.reserved = -1}), Error);
  EXPECT_THROW(of(item("A"), {.on_hand = INT64_MAX}), Error);
  Item bad = item("A");
  bad.lead_min_days = 9;
  bad.lead_max_days = 3;
  EXPECT_THROW(of(bad, {}), Error);
}

TEST_F(AvailabilityTest, BusinessDayPolicyCountsBusinessDays) {
  Policy p = engine->policy();
  p.availability.day_unit = DayUnit::business;
  Engine business(p);
  auto a = classify(business.policy(), business.calendar(), today, item("J"), {}, 1);
  EXPECT_EQ(a.later_window.from, d("2026-12-14"));  // 10 business days after Monday 30 November
  EXPECT_EQ(a.later_window.min_days, 10);
  EXPECT_EQ(a.later_window.to, d("2026-12-18"));
  EXPECT_EQ(a.later_window.max_days, 14);
}

TEST_F(AvailabilityTest, SchemaAndMerchantValuesMatchTheStatus) {
  EXPECT_STREQ(schema_org_iri(Status::backorder), "https://schema.org/BackOrder");
  EXPECT_STREQ(schema_org_iri(Status::low_stock), "https://schema.org/LimitedAvailability");
  EXPECT_STREQ(merchant_availability(Status::low_stock), "in_stock");
  EXPECT_STREQ(merchant_availability(Status::preorder), "preorder");
  EXPECT_STREQ(merchant_availability(Status::discontinued), "out_of_stock");
}
