// Input at the edges that is valid and must be answered as such (docs/limits.md). Each test stands for a bug
// found by the hostile suite (tests/hostile), whose cases cover what must be refused.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "backorder.h"
#include "util.hpp"

using namespace bo_test;

namespace {

struct PromisesFree {
  void operator()(bo_promises* p) const { bo_promises_free(p); }
};
using Promises = std::unique_ptr<bo_promises, PromisesFree>;

Promises make_promises(const bo_engine* engine, const json& scenario) {
  const std::string text = scenario.dump();
  bo_promises* p = nullptr;
  EXPECT_EQ(bo_promises_new(&p, engine, text.data(), text.size()), BO_OK) << bo_last_error_message();
  return Promises(p);
}

template <typename Fn, typename Handle>
json ok(Fn fn, Handle handle, const json& request) {
  const std::string text = request.dump();
  char* out = nullptr;
  size_t len = 0;
  EXPECT_EQ(fn(&out, &len, handle, text.data(), text.size()), BO_OK)
      << bo_last_error_path() << ": " << bo_last_error_message();
  if (out == nullptr) return json();
  Chars owned(out);
  return json::parse(std::string_view(out, len));
}

// Used to reach the host as BO_EINTERNAL: null passed the reader as "absent", then nlohmann's value() threw.
TEST(Limits, QuoteReadsNullAsAbsent) {
  Engine e = make_engine(apparel_policy());
  Promises book = make_promises(e.get(), json::parse(example("apparel/scenario.json")));
  const json plain =
      ok(bo_promises_quote_json, static_cast<const bo_promises*>(book.get()), json{{"sku", "JKT-NAVY-M"}});
  EXPECT_EQ(ok(bo_promises_quote_json, static_cast<const bo_promises*>(book.get()),
               json{{"sku", "JKT-NAVY-M"}, {"quantity", nullptr}, {"zone", nullptr}}),
            plain);
}

// Used to fail with BO_EINVALID at "stock.backordered", a path the request does not have: more than 10^12
// units waiting is a long queue, not a bad stock row.
TEST(Limits, LabelsOfAnItemWithThreeTrillionUnitsWaiting) {
  Engine e = make_engine(apparel_policy());
  json scenario = json::parse(example("apparel/scenario.json"));
  for (int i = 0; i < 3; ++i) {
    scenario["orders"].push_back({{"order_id", "BIG-" + std::to_string(i)},
                                  {"sku", "SCF-WOOL-GRY"},
                                  {"quantity", 1'000'000'000'000},
                                  {"placed_at", "2026-11-10T09:00:00-05:00"}});
  }
  Promises book = make_promises(e.get(), scenario);
  json labels = ok(bo_promises_labels_json, static_cast<const bo_promises*>(book.get()),
                   json{{"skus", {"SCF-WOOL-GRY"}}});
  ASSERT_EQ(labels["labels"].size(), 1u);
  EXPECT_EQ(labels["labels"][0]["status"], "backorder");
  EXPECT_EQ(labels["labels"][0]["sellable"], 0);
}

// Used to come back truncated to int in the consent record: 3,000,000,000 became -1294967296.
TEST(Limits, ConsentKeepsPricesAboveTwoToTheThirtyOne) {
  Engine e = make_engine(apparel_policy());
  json req = json::parse(example("apparel/scenario.json"));
  req["cart"] = {
      {"currency", "USD"},
      {"lines",
       {{{"line_id", "1"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 2}, {"unit_price", 3'000'000'000}}}}};
  json plan = ok(bo_engine_checkout_json, static_cast<const bo_engine*>(e.get()), req);
  EXPECT_EQ(plan["subtotal"], 6'000'000'000);
  const std::string consent = json{{"plan", plan}, {"now", kNowIso}, {"choice", json::object()}}.dump();
  char* out = nullptr;
  ASSERT_EQ(bo_consent_json(&out, nullptr, consent.data(), consent.size()), BO_OK) << bo_last_error_message();
  Chars owned(out);
  EXPECT_EQ(json::parse(out)["lines"][0]["unit_price"], 3'000'000'000);
}

// The largest amounts that fit: a line of exactly 10^15 minor units is a valid cart.
TEST(Limits, ALineOfExactlyTheAmountLimit) {
  Engine e = make_engine(apparel_policy());
  json req = json::parse(example("apparel/scenario.json"));
  req["cart"] = {{"currency", "USD"},
                 {"lines",
                  {{{"line_id", "1"},
                    {"sku", "SCF-WOOL-GRY"},
                    {"quantity", 1'000},
                    {"unit_price", 1'000'000'000'000}}}}};
  EXPECT_EQ(ok(bo_engine_checkout_json, static_cast<const bo_engine*>(e.get()), req)["subtotal"],
            1'000'000'000'000'000);
}

// The first and last instants the engine computes at are accepted by the typed calls too.
TEST(Limits, LabelersAtTheEdgesOfTime) {
  Engine e = make_engine(apparel_policy());
  for (std::int64_t now :
       {std::int64_t{-2208988800000}, std::int64_t{221876927999000}}) {  // 1900-01-01, 9000-12-31
    bo_labeler* l = nullptr;
    EXPECT_EQ(bo_labeler_new(&l, e.get(), "en-US", 5, now), BO_OK) << now << ": " << bo_last_error_message();
    bo_item item = make_item("JKT-NAVY-M");
    bo_label label = blank_label();
    EXPECT_EQ(bo_labeler_run(&label, l, &item, 1), BO_OK);
    EXPECT_EQ(label.error, BO_OK) << label.error_message;
    bo_labeler_free(l);
  }
}

}  // namespace
