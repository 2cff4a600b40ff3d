// Refund quotes through the C ABI: the apparel example (a jacket and a second pair of jeans cancelled after
// the scarf and one pair shipped), the whole order before shipping, every problem listed with its path, and
// the error contract (a failed call writes nothing).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "backorder.h"
#include "util.hpp"

using namespace bo_test;

namespace {

json refund_request() { return json::parse(example("apparel/refund.json")); }

std::set<std::string> error_paths() {
  std::set<std::string> paths;
  for (const auto& issue : json::parse(bo_last_error_json()))
    paths.insert(issue.at("path").get<std::string>());
  return paths;
}

class Refunds : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = make_engine(apparel_policy());
    ASSERT_NE(engine_, nullptr);
  }
  json quote(const json& request) { return call_json(bo_engine_refund_json, engine_.get(), request.dump()); }
  // A call that must fail: it returns the status and leaves the outputs alone.
  bo_status fail(std::string_view request) {
    char* sentinel = reinterpret_cast<char*>(0x1);
    char* out = sentinel;
    size_t len = 12345;
    bo_status st = bo_engine_refund_json(&out, &len, engine_.get(), request.data(), request.size());
    EXPECT_EQ(out, sentinel) << "a failed call wrote *out_json";
    EXPECT_EQ(len, 12345u) << "a failed call wrote *out_len";
    return st;
  }
  Engine engine_;
};

}  // namespace

// 10.00 off over 129.00, 35.00 and 158.00 by largest remainder: 400, 109, 491; 8.25 % tax on what is left of
// each line; 5.95 shipping split the same way (238, 65, 292) and, after a partial shipment the shopper paid
// for, refunded in proportion (the policy's default).
TEST_F(Refunds, TheApparelExampleRefundsTheJacketAndTheSecondPairOfJeans) {
  json q = quote(refund_request());
  ASSERT_TRUE(q.is_object());
  ASSERT_EQ(q["lines"].size(), 2u);
  const json& jacket = q["lines"][0];
  EXPECT_EQ(jacket["line_id"], "1");
  EXPECT_EQ(jacket["items"], 12900);
  EXPECT_EQ(jacket["discount"], 400);
  EXPECT_EQ(jacket["tax"], 1031);
  EXPECT_EQ(jacket["total"], 13531);
  const json& jeans = q["lines"][1];
  EXPECT_EQ(jeans["line_id"], "3");
  EXPECT_EQ(jeans["quantity"], 1);
  EXPECT_EQ(jeans["discount"], 246);  // 491 - floor(491 / 2): the shipped pair keeps 245
  EXPECT_EQ(jeans["tax"], 632);       // 1263 - floor(1263 / 2)
  EXPECT_EQ(jeans["total"], 7900 - 246 + 632);
  EXPECT_EQ(q["shipping"], 238 + 146);
  EXPECT_EQ(q["shipping_basis"], "proportional");
  EXPECT_EQ(q["total"], 13531 + 8286 + 384);
  EXPECT_EQ(q["still_open"], 0);
  EXPECT_EQ(q["now"], "2026-12-03T10:00:00-05:00");
  // Seven working days from Thursday 3 December.
  EXPECT_EQ(q["deadline"]["due"], "2026-12-14");
  EXPECT_EQ(q["deadline"]["rule"], "us_ftc_card");
  EXPECT_EQ(q["deadline"]["citation"], "16 CFR 435.1(b)(1), 435.1(d)(2)(ii)");
}

TEST_F(Refunds, TheWholeOrderBeforeShippingIsEverythingPaidAndFourteenDaysInTheEu) {
  json r = refund_request();
  for (auto& l : r["order"]["lines"]) l.erase("shipped");
  r["order"]["jurisdiction"] = "EU";
  json q = quote(r);
  EXPECT_EQ(q["shipping"], 595);
  EXPECT_EQ(q["shipping_basis"], "order_cancelled");
  EXPECT_EQ(q["discount"], 1000);
  EXPECT_EQ(q["total"], 12900 + 3500 + 15800 - 1000 + 1031 + 280 + 1263 + 595);
  EXPECT_EQ(q["deadline"]["due"], "2026-12-17");
  EXPECT_EQ(q["deadline"]["rule"], "eu_crd_art13");
}

TEST_F(Refunds, EveryProblemIsListedWithItsPath) {
  json r = refund_request();
  r["order"]["currency"] = "EUR";
  r["order"]["lines"][1]["shipped"] = 2;
  r["cancel"] = json::array({{{"line_id", "1"}, {"quantity", 3}}, {{"line_id", "9"}}});
  EXPECT_EQ(fail(r.dump()), BO_EINVALID);
  EXPECT_EQ(error_paths(), (std::set<std::string>{"order.currency", "order.lines[1].shipped",
                                                  "cancel[0].quantity", "cancel[1].line_id"}));
  EXPECT_EQ(fail("{\"now\":"), BO_EINVALID);
  EXPECT_EQ(std::string(bo_last_error_path()), "request");
}

TEST_F(Refunds, NullArgumentsAreRefused) {
  const std::string r = refund_request().dump();
  size_t len = 0;
  EXPECT_EQ(bo_engine_refund_json(nullptr, &len, engine_.get(), r.data(), r.size()), BO_EINVALID);
  EXPECT_EQ(std::string(bo_last_error_path()), "out_json");
  char* out = nullptr;
  EXPECT_EQ(bo_engine_refund_json(&out, &len, nullptr, r.data(), r.size()), BO_EINVALID);
  EXPECT_EQ(std::string(bo_last_error_path()), "engine");
  EXPECT_EQ(bo_engine_refund_json(&out, &len, engine_.get(), nullptr, 0), BO_EINVALID);
  EXPECT_EQ(std::string(bo_last_error_path()), "request_json");
  EXPECT_EQ(out, nullptr);
}
