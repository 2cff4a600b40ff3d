// Compliance through the C ABI: a listing and an order checked, the packs in force, a pack replaced by the
// request, and the error contract (a bad request names its path and writes nothing).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "backorder.h"
#include "util.hpp"

using namespace bo_test;

namespace {

json rule_ids(const json& answer) {
  json ids = json::array();
  for (const json& f : answer["findings"]) ids.push_back(f["rule_id"]);
  return ids;
}

}  // namespace

// "Only 2 left" while 10 are sellable, and a backorder in the feed without availability_date.
TEST(CapiCompliance, AListingWithAFalseClaimAndAnIncompleteFeed) {
  Engine engine = make_engine(apparel_policy());
  json req = {{"now", kNowIso},
              {"item", {{"sku", "JKT-NAVY-M"}, {"lead_time_days", {{"min", 10}, {"max", 14}}}}},
              {"stock", {{"on_hand", 10}}},
              {"page", {{"claims", {{{"kind", "only_left"}, {"quantity", 2}}}}}},
              {"feed", {{"availability", "backorder"}}}};
  json a = call_json(bo_engine_check_listing_json, engine.get(), req.dump());
  EXPECT_EQ(rule_ids(a),
            json({"google.availability_date_required", "google.matches_page", "scarcity.only_left"}));
  for (const json& f : a["findings"]) {
    EXPECT_EQ(f["severity"], "violation");
    EXPECT_EQ(f["due"], "2026-11-30");
    EXPECT_FALSE(f["citation"]["source"].get<std::string>().empty());
  }
  EXPECT_EQ(a["packs"], json({"google-merchant", "truthful-scarcity"}));
}

// An order in the US with a delay of more than 30 days and no consent: consent due 29 Jan, automatic
// cancellation on 30 Jan (the deadline is 30 Nov + 30 = 30 Dec; + 30 = 29 Jan).
TEST(CapiCompliance, AnOrderWithALongDelay) {
  Engine engine = make_engine(apparel_policy());
  json req = {{"now", "2026-12-21T10:00:00-05:00"},
              {"order",
               {{"id", "A-1"},
                {"jurisdiction", "US"},
                {"placed_at", kNowIso},
                {"notices",
                 {{{"sent_at", "2026-12-20T10:00:00-05:00"},
                   {"revised_date", "2027-02-15"},
                   {"right_to_cancel", true},
                   {"free_cancel", true}}}}}}};
  json a = call_json(bo_engine_check_order_json, engine.get(), req.dump());
  EXPECT_EQ(rule_ids(a), json({"ftc.express_consent", "ftc.deadline", "ftc.cancel.no_consent"}));
  EXPECT_EQ(a["findings"][0]["due"], "2027-01-29");
  EXPECT_EQ(a["findings"][2]["action"], "cancel_and_refund");
  EXPECT_EQ(a["findings"][2]["due"], "2027-01-30");
}

TEST(CapiCompliance, ThePacksInForceAndAReplacedOne) {
  Engine engine = make_engine(apparel_policy());
  char* out = nullptr;
  size_t len = 0;
  ASSERT_EQ(bo_engine_rule_packs_json(&out, &len, engine.get()), BO_OK);
  Chars owned(out);
  json packs = json::parse(std::string_view(out, len))["packs"];
  ASSERT_EQ(packs.size(), 8u);
  json amazon;
  for (const json& p : packs)
    if (p["id"] == "amazon") amazon = p;
  EXPECT_EQ(amazon["rules"][0]["params"]["max_days"], 30);

  json item = {{"sku", "BOOT-CHEL-42"}, {"lead_time_days", {{"min", 40}, {"max", 45}}}};
  json req = {{"now", kNowIso}, {"item", item}, {"channels", {"amazon"}}};
  EXPECT_EQ(rule_ids(call_json(bo_engine_check_listing_json, engine.get(), req.dump())),
            json({"amazon.ship_within"}));
  amazon["rules"][0]["params"]["max_days"] = 60;
  req["packs"] = {amazon};
  EXPECT_EQ(rule_ids(call_json(bo_engine_check_listing_json, engine.get(), req.dump())), json::array());
}

TEST(CapiCompliance, ABadRequestNamesItsPathAndWritesNothing) {
  Engine engine = make_engine(apparel_policy());
  std::string req =
      json{{"now", kNowIso},
           {"order", {{"placed_at", kNowIso}, {"jurisdiction", "US"}, {"notices", {{{"sent_at", "later"}}}}}}}
          .dump();
  char* out = reinterpret_cast<char*>(0x1);
  size_t len = 7;
  EXPECT_EQ(bo_engine_check_order_json(&out, &len, engine.get(), req.data(), req.size()), BO_EINVALID);
  EXPECT_EQ(out, reinterpret_cast<char*>(0x1));
  EXPECT_EQ(len, 7u);
  EXPECT_STREQ(bo_last_error_path(), "order.notices[0].sent_at");

  EXPECT_EQ(bo_engine_check_listing_json(&out, &len, nullptr, "{}", 2), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "engine");
  EXPECT_EQ(bo_engine_check_listing_json(&out, &len, engine.get(), "{", 1), BO_EINVALID);
  json pack_req = {{"now", kNowIso},
                   {"item", {{"sku", "X"}}},
                   {"packs", {{{"id", "x"}, {"rules", {{{"id", "r"}, {"check", "nope"}}}}}}}};
  std::string p = pack_req.dump();
  EXPECT_EQ(bo_engine_check_listing_json(&out, &len, engine.get(), p.data(), p.size()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "packs[0].rules[0].check");
}
