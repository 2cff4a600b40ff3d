// Promises through the C ABI: the apparel story (40 customers wait for a jacket), quotes, changes, labels
// from supply, and the error contract (a failed call changes nothing and writes no output).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "backorder.h"
#include "util.hpp"

using namespace bo_test;

namespace {

struct PromisesFree {
  void operator()(bo_promises* p) const { bo_promises_free(p); }
};
using Promises = std::unique_ptr<bo_promises, PromisesFree>;

constexpr const char* kJacket = "JKT-NAVY-M";

std::string apparel_scenario() { return example("apparel/scenario.json"); }
std::string apparel_slip() { return example("apparel/slip.json"); }

Promises make_promises(const bo_engine* engine, std::string_view scenario) {
  bo_promises* p = nullptr;
  bo_status st = bo_promises_new(&p, engine, scenario.data(), scenario.size());
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  return Promises(p);
}

json promises_of(const bo_promises* p) {
  char* out = nullptr;
  size_t len = 0;
  bo_status st = bo_promises_json(&out, &len, p);
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  if (st != BO_OK) return json();
  Chars owned(out);
  EXPECT_EQ(std::string_view(out).size(), len);
  return json::parse(std::string_view(out, len));
}

// Calls one of the promises' JSON entry points that take a request; expects BO_OK.
template <typename P, typename Fn>
json call(Fn fn, P* p, std::string_view request) {
  char* out = nullptr;
  size_t len = 0;
  bo_status st = fn(&out, &len, p, request.data(), request.size());
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  if (st != BO_OK) return json();
  Chars owned(out);
  EXPECT_EQ(std::string_view(out).size(), len);
  return json::parse(std::string_view(out, len));
}

// Calls an entry point expected to fail: returns its status and checks it wrote no output.
template <typename P, typename Fn>
bo_status fail(Fn fn, P* p, std::string_view request) {
  char* sentinel = reinterpret_cast<char*>(0x1);
  char* out = sentinel;
  size_t len = 12345;
  bo_status st = fn(&out, &len, p, request.data(), request.size());
  EXPECT_NE(st, BO_OK);
  EXPECT_EQ(out, sentinel) << "a failed call wrote *out_json";
  EXPECT_EQ(len, 12345u) << "a failed call wrote *out_len";
  if (st == BO_OK && out != sentinel) bo_free(out);
  return st;
}

std::string window(const json& w) { return w["from"].get<std::string>() + ".." + w["to"].get<std::string>(); }

class ApparelPromises : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = make_engine(apparel_policy());
    promises_ = make_promises(engine_.get(), apparel_scenario());
    ASSERT_NE(promises_, nullptr);
  }
  Engine engine_;
  Promises promises_;
};

}  // namespace

TEST_F(ApparelPromises, FirstThirtyWaitForTheFirstPurchaseOrderTheNextTenForTheSecond) {
  json p = promises_of(promises_.get());
  const json& lines = p["lines"];
  ASSERT_EQ(lines.size(), 40u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json& l = lines[i];
    SCOPED_TRACE(l.dump());
    EXPECT_EQ(l["sku"], kJacket);
    EXPECT_EQ(l["order_id"], "A-" + std::to_string(1001 + i));
    EXPECT_EQ(l["line_id"], "1");
    EXPECT_EQ(l["lines_ahead"], i);
    EXPECT_EQ(l["source"], "inbound");
    EXPECT_EQ(l["confidence"], "medium");
    EXPECT_EQ(l["late_supply"], false);
    ASSERT_EQ(l["parts"].size(), 1u);
    if (i < 30) {
      EXPECT_EQ(window(l["ship"]), "2026-12-14..2026-12-16");
      EXPECT_EQ(l["parts"][0]["supply_id"], "PO-1001");
    } else {
      EXPECT_EQ(window(l["ship"]), "2026-12-31..2027-01-06");
      EXPECT_EQ(l["parts"][0]["supply_id"], "PO-1002");
    }
  }
  ASSERT_EQ(p["supply"].size(), 2u);
  EXPECT_EQ(p["supply"][0]["id"], "PO-1001");
  EXPECT_EQ(window(p["supply"][0]["ship"]), "2026-12-14..2026-12-16");
  EXPECT_EQ(p["supply"][1]["id"], "PO-1002");
  EXPECT_EQ(window(p["supply"][1]["ship"]), "2026-12-31..2027-01-06");
}

TEST_F(ApparelPromises, ANewShopperIsQuotedTheSecondWindow) {
  json q = call(bo_promises_quote_json, promises_.get(), R"({"sku": "JKT-NAVY-M", "quantity": 1})");
  EXPECT_EQ(q["sku"], kJacket);
  EXPECT_EQ(q["quantity"], 1);
  EXPECT_EQ(window(q["ship"]), "2026-12-31..2027-01-06");
  EXPECT_EQ(q["lines_ahead"], 40);
  EXPECT_EQ(q["units_ahead"], 40);
  EXPECT_EQ(q["from_stock"], 0);
  EXPECT_EQ(q["source"], "inbound");
  EXPECT_EQ(q["supply_id"], "PO-1002");
  // A quote is a question: asking changes nothing.
  json again = call(bo_promises_quote_json, promises_.get(), R"({"sku": "JKT-NAVY-M", "quantity": 1})");
  EXPECT_EQ(q, again);
}

TEST_F(ApparelPromises, ASlipReturnsExactlyTheThirtyAffectedLines) {
  json before = promises_of(promises_.get());
  json answer = call(bo_promises_apply_json, promises_.get(), apparel_slip());
  const json& deltas = answer["deltas"];
  ASSERT_EQ(deltas.size(), 30u) << answer.dump();
  for (std::size_t i = 0; i < deltas.size(); ++i) {
    const json& d = deltas[i];
    SCOPED_TRACE(d.dump());
    EXPECT_EQ(d["order_id"], "A-" + std::to_string(1001 + i));
    EXPECT_EQ(d["line_id"], "1");
    EXPECT_EQ(d["sku"], kJacket);
    EXPECT_EQ(d["removed"], false);
    EXPECT_EQ(window(d["before"]["ship"]), "2026-12-14..2026-12-16");
    EXPECT_EQ(window(d["after"]["ship"]), "2026-12-17..2026-12-23");
  }
  // The book now holds the new windows; the last ten did not move.
  json after = promises_of(promises_.get());
  ASSERT_EQ(after["lines"].size(), 40u);
  EXPECT_EQ(window(after["lines"][0]["ship"]), "2026-12-17..2026-12-23");
  EXPECT_EQ(after["lines"][39]["ship"], before["lines"][39]["ship"]);
  // The same change again moves nobody.
  json again = call(bo_promises_apply_json, promises_.get(), apparel_slip());
  EXPECT_TRUE(again["deltas"].empty()) << again.dump();
}

TEST_F(ApparelPromises, LabelsUseTheQuoteForANewShopper) {
  json answer =
      call(bo_promises_labels_json, promises_.get(), R"({"locale": "en-US", "skus": ["JKT-NAVY-M"]})");
  ASSERT_TRUE(answer["errors"].empty()) << answer.dump();
  ASSERT_EQ(answer["labels"].size(), 1u);
  const json& jacket = answer["labels"][0];
  EXPECT_EQ(jacket["sku"], kJacket);
  EXPECT_EQ(jacket["status"], "backorder");
  EXPECT_EQ(jacket["later_window"]["from"], "2026-12-31");
  EXPECT_EQ(jacket["later_window"]["to"], "2027-01-06");
  EXPECT_EQ(jacket["text"], "Backorder \u2013 ships in 31\u201337 days");
  EXPECT_EQ(jacket["merchant"]["availability_date"], "2026-12-31T00:00:00-05:00");
}

TEST_F(ApparelPromises, LabelsWithoutSkusCoverEveryItem) {
  json answer = call(bo_promises_labels_json, promises_.get(), R"({"locale": "en-US"})");
  ASSERT_TRUE(answer["errors"].empty()) << answer.dump();
  EXPECT_EQ(answer["labels"].size(), 3u);
}

TEST(EngineLabelsJson, SupplyAndOrdersInACatalogRequestGiveTheComputedWindow) {
  Engine e = make_engine(apparel_policy());
  json req = json::parse(apparel_scenario());
  req["locale"] = "en-US";
  json answer = call_json(bo_engine_labels_json, e.get(), req.dump());
  ASSERT_TRUE(answer["errors"].empty()) << answer.dump();
  ASSERT_FALSE(answer["labels"].empty());
  EXPECT_EQ(answer["labels"][0]["sku"], kJacket);
  EXPECT_EQ(answer["labels"][0]["later_window"]["from"], "2026-12-31");
  EXPECT_EQ(answer["labels"][0]["text"], "Backorder \u2013 ships in 31\u201337 days");
}

TEST(Promises, OutLenMayBeNull) {
  Engine e = make_engine(apparel_policy());
  Promises p = make_promises(e.get(), apparel_scenario());
  char* out = nullptr;
  ASSERT_EQ(bo_promises_json(&out, nullptr, p.get()), BO_OK);
  Chars owned(out);
  EXPECT_EQ(json::parse(out)["lines"].size(), 40u);
}

TEST(Promises, OutliveTheirEngine) {
  Engine e = make_engine(apparel_policy());
  Promises p = make_promises(e.get(), apparel_scenario());
  e.reset();  // bo_engine_free
  json lines = promises_of(p.get())["lines"];
  ASSERT_EQ(lines.size(), 40u);
  EXPECT_EQ(window(lines[0]["ship"]), "2026-12-14..2026-12-16");
  json q = call(bo_promises_quote_json, p.get(), R"({"sku": "JKT-NAVY-M", "quantity": 1})");
  EXPECT_EQ(window(q["ship"]), "2026-12-31..2027-01-06");
  json d = call(bo_promises_apply_json, p.get(), apparel_slip());
  EXPECT_EQ(d["deltas"].size(), 30u);
}

TEST(Promises, EachBookIsItsOwn) {
  Engine e = make_engine(apparel_policy());
  Promises a = make_promises(e.get(), apparel_scenario());
  Promises b = make_promises(e.get(), apparel_scenario());
  call(bo_promises_apply_json, a.get(), apparel_slip());
  EXPECT_EQ(window(promises_of(a.get())["lines"][0]["ship"]), "2026-12-17..2026-12-23");
  EXPECT_EQ(window(promises_of(b.get())["lines"][0]["ship"]), "2026-12-14..2026-12-16");
}

TEST(Promises, BooksOnSeveralThreadsShareOneEngine) {
  Engine e = make_engine(apparel_policy());
  const std::string scenario = apparel_scenario();
  const std::string slip = apparel_slip();
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4, 0);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      bo_promises* p = nullptr;
      if (bo_promises_new(&p, e.get(), scenario.data(), scenario.size()) != BO_OK) return;
      char* out = nullptr;
      size_t len = 0;
      if (bo_promises_apply_json(&out, &len, p, slip.data(), slip.size()) == BO_OK) {
        counts[t] = json::parse(std::string_view(out, len))["deltas"].size();
        bo_free(out);
      }
      bo_promises_free(p);
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t c : counts) EXPECT_EQ(c, 30u);
}

// ---- errors ----------------------------------------------------------------------------------------

TEST(PromisesErrors, BadScenarioIsInvalidWithPath) {
  Engine e = make_engine(apparel_policy());
  json s = json::parse(apparel_scenario());
  s["supply"][1]["quantity"] = -5;
  const std::string text = s.dump();
  bo_promises* p = reinterpret_cast<bo_promises*>(0x1);
  EXPECT_EQ(bo_promises_new(&p, e.get(), text.data(), text.size()), BO_EINVALID);
  EXPECT_EQ(p, reinterpret_cast<bo_promises*>(0x1)) << "a failed bo_promises_new wrote *out";
  EXPECT_EQ(bo_last_error_code(), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "supply[1].quantity");
  EXPECT_STRNE(bo_last_error_message(), "");
}

TEST(PromisesErrors, EveryKindOfBadScenarioIsRejected) {
  Engine e = make_engine(apparel_policy());
  const json base = json::parse(apparel_scenario());
  struct Case {
    const char* name;
    std::function<void(json&)> mutate;
    const char* path_prefix;
  };
  const std::vector<Case> cases = {
      {"unknown sku", [](json& s) { s["orders"][3]["sku"] = "NOPE"; }, "orders[3]"},
      {"duplicate order line", [](json& s) { s["orders"][5]["order_id"] = "A-1001"; }, "orders[5]"},
      {"duplicate supply id", [](json& s) { s["supply"][1]["id"] = "PO-1001"; }, "supply[1]"},
      {"expected from after to",
       [](json& s) {
         s["supply"][0]["expected"] = {{"from", "2026-12-20"}, {"to", "2026-12-10"}};
       },
       "supply[0].expected"},
      {"negative order quantity", [](json& s) { s["orders"][0]["quantity"] = -1; }, "orders[0]"},
      {"unknown field", [](json& s) { s["orders"][0]["colour"] = "red"; }, "orders[0]"},
      {"bad now", [](json& s) { s["now"] = "tomorrow"; }, "now"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    json s = base;
    c.mutate(s);
    const std::string text = s.dump();
    bo_promises* p = nullptr;
    EXPECT_EQ(bo_promises_new(&p, e.get(), text.data(), text.size()), BO_EINVALID);
    EXPECT_EQ(p, nullptr);
    EXPECT_EQ(std::string(bo_last_error_path()).rfind(c.path_prefix, 0), 0u) << bo_last_error_path();
  }
  for (std::string text : {std::string(), std::string("{"), std::string("[]"), std::string("\xff\xfe")}) {
    bo_promises* p = nullptr;
    EXPECT_EQ(bo_promises_new(&p, e.get(), text.data(), text.size()), BO_EINVALID) << text;
    EXPECT_EQ(p, nullptr);
  }
}

TEST(PromisesErrors, BadChangeFailsAndChangesNothing) {
  Engine e = make_engine(apparel_policy());
  Promises p = make_promises(e.get(), apparel_scenario());
  const json before = promises_of(p.get());
  for (std::string change : {
           std::string(R"({"type": "supply_changed", "id": "PO-1001", "expected": "someday"})"),
           std::string(R"({"type": "supply_changed", "id": "PO-9999", "expected": "2026-12-15"})"),
           std::string(R"({"type": "supply_changed", "id": "PO-1001", "quantity": -3})"),
           std::string(R"({"type": "teleport", "id": "PO-1001"})"),
           std::string(
               R"({"type": "order_placed", "order_id": "A-1001", "line_id": "1", "sku": "JKT-NAVY-M",)"
               R"( "quantity": 1, "placed_at": "2026-11-30T10:00:00-05:00"})"),
           std::string(R"({"type": "order_cancelled", "order_id": "Z-1"})"),
           std::string("{\"type\": "),
           std::string(),
       }) {
    SCOPED_TRACE(change);
    const bo_status st = fail(bo_promises_apply_json, p.get(), change);
    EXPECT_TRUE(st == BO_EINVALID || st == BO_ENOTFOUND) << st;
    EXPECT_EQ(bo_last_error_code(), st);
    EXPECT_STRNE(bo_last_error_message(), "");
    EXPECT_EQ(promises_of(p.get()), before);
  }
}

TEST(PromisesErrors, BadChangeNamesItsPath) {
  Engine e = make_engine(apparel_policy());
  Promises p = make_promises(e.get(), apparel_scenario());
  EXPECT_EQ(fail(bo_promises_apply_json, p.get(),
                 R"({"type": "supply_changed", "id": "PO-1001", "expected": "someday"})"),
            BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "change.expected");
}

TEST(PromisesErrors, BadQuoteFails) {
  Engine e = make_engine(apparel_policy());
  Promises p = make_promises(e.get(), apparel_scenario());
  EXPECT_EQ(fail(bo_promises_quote_json, p.get(), R"({"sku": "NOPE", "quantity": 1})"), BO_ENOTFOUND);
  EXPECT_EQ(fail(bo_promises_quote_json, p.get(), R"({"sku": "JKT-NAVY-M", "quantity": 0})"), BO_EINVALID);
  EXPECT_EQ(fail(bo_promises_quote_json, p.get(), "not json"), BO_EINVALID);
}

TEST(PromisesErrors, BadLabelsRequestFails) {
  Engine e = make_engine(apparel_policy());
  Promises p = make_promises(e.get(), apparel_scenario());
  EXPECT_EQ(fail(bo_promises_labels_json, p.get(), R"({"locale": "en-US", "quantity": 0})"), BO_EINVALID);
  EXPECT_EQ(fail(bo_promises_labels_json, p.get(), "["), BO_EINVALID);
}

TEST(PromisesErrors, NullArgumentsAreInvalid) {
  Engine e = make_engine(apparel_policy());
  const std::string scenario = apparel_scenario();
  Promises p = make_promises(e.get(), scenario);
  const std::string q = R"({"sku": "JKT-NAVY-M"})";
  char* out = nullptr;
  size_t len = 0;
  bo_promises* made = nullptr;

  auto expect_null = [](bo_status st, const char* path) {
    EXPECT_EQ(st, BO_EINVALID) << path;
    EXPECT_EQ(bo_last_error_code(), BO_EINVALID);
    EXPECT_STREQ(bo_last_error_path(), path);
  };
  expect_null(bo_promises_new(nullptr, e.get(), scenario.data(), scenario.size()), "out");
  expect_null(bo_promises_new(&made, nullptr, scenario.data(), scenario.size()), "engine");
  expect_null(bo_promises_new(&made, e.get(), nullptr, 0), "scenario_json");
  EXPECT_EQ(made, nullptr);

  expect_null(bo_promises_json(nullptr, &len, p.get()), "out_json");
  expect_null(bo_promises_json(&out, &len, nullptr), "promises");

  expect_null(bo_promises_quote_json(nullptr, &len, p.get(), q.data(), q.size()), "out_json");
  expect_null(bo_promises_quote_json(&out, &len, nullptr, q.data(), q.size()), "promises");
  expect_null(bo_promises_quote_json(&out, &len, p.get(), nullptr, 0), "request_json");

  expect_null(bo_promises_apply_json(nullptr, &len, p.get(), q.data(), q.size()), "out_json");
  expect_null(bo_promises_apply_json(&out, &len, nullptr, q.data(), q.size()), "promises");
  expect_null(bo_promises_apply_json(&out, &len, p.get(), nullptr, 0), "change_json");

  expect_null(bo_promises_labels_json(nullptr, &len, p.get(), q.data(), q.size()), "out_json");
  expect_null(bo_promises_labels_json(&out, &len, nullptr, q.data(), q.size()), "promises");
  expect_null(bo_promises_labels_json(&out, &len, p.get(), nullptr, 0), "request_json");
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(promises_of(p.get())["lines"].size(), 40u);
}

TEST(PromisesErrors, FreeAcceptsNull) { bo_promises_free(nullptr); }

TEST(PromisesErrors, LengthIsRespected) {
  Engine e = make_engine(apparel_policy());
  Promises p = make_promises(e.get(), apparel_scenario());
  // Only the first len bytes are read: the trailing garbage is never seen.
  const std::string q = R"({"sku": "JKT-NAVY-M", "quantity": 1}garbage)";
  json answer = call(bo_promises_quote_json, p.get(), std::string_view(q.data(), q.find("garbage")));
  EXPECT_EQ(answer["lines_ahead"], 40);
}
