// Checkout through the C ABI: the apparel cart (a backordered jacket, an in-stock scarf and jeans) planned
// from a request's facts and from a bo_promises, the consent record and its round trip, bo_last_error_json
// listing every problem, and the error contract (a failed call writes nothing).
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>
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

json line(const char* id, const char* sku, int quantity = 1) {
  return {{"line_id", id}, {"sku", sku}, {"quantity", quantity}};
}

// The scenario's items have no catalog price: the cart says it.
json priced(json line, int unit_price) {
  line["unit_price"] = unit_price;
  return line;
}

json jacket_scarf_jeans() {
  return json::array({line("1", "JKT-NAVY-M"), line("2", "SCF-WOOL-GRY"), line("3", "JNS-SLIM-32")});
}

// The apparel shop's facts at kNowIso plus a cart and the customer.
json request(json lines, const char* locale = "en-US") {
  json catalog = json::parse(example("apparel/catalog.json"));
  json stock = json::parse(example("apparel/stock.json"));
  return {{"now", kNowIso},
          {"items", catalog["items"]},
          {"stock", stock["stock"]},
          {"cart", {{"currency", "USD"}, {"lines", std::move(lines)}}},
          {"customer", {{"locale", locale}, {"zone", "US"}}}};
}

// The answer of a call with a NUL-free request that must succeed, as text.
template <typename Fn, typename... Handle>
std::string call_text(Fn fn, std::string_view req, Handle... handle) {
  char* out = nullptr;
  size_t len = 0;
  bo_status st = fn(&out, &len, handle..., req.data(), req.size());
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  if (st != BO_OK) return {};
  Chars owned(out);
  EXPECT_EQ(std::string_view(out).size(), len);
  return std::string(out, len);
}

// Calls an entry point expected to fail: returns its status and checks it wrote no output.
template <typename Fn, typename... Handle>
bo_status fail(Fn fn, std::string_view req, Handle... handle) {
  char* sentinel = reinterpret_cast<char*>(0x1);
  char* out = sentinel;
  size_t len = 12345;
  bo_status st = fn(&out, &len, handle..., req.data(), req.size());
  EXPECT_NE(st, BO_OK);
  EXPECT_EQ(out, sentinel) << "a failed call wrote *out_json";
  EXPECT_EQ(len, 12345u) << "a failed call wrote *out_len";
  if (st == BO_OK && out != sentinel) bo_free(out);
  return st;
}

// The paths bo_last_error_json() lists, after checking it is an array of {path, message} whose first element
// is what bo_last_error_path()/bo_last_error_message() say.
std::multiset<std::string> last_error_paths() {
  const char* text = bo_last_error_json();
  EXPECT_NE(text, nullptr);
  json issues = json::parse(text);
  EXPECT_TRUE(issues.is_array()) << text;
  std::multiset<std::string> paths;
  for (const auto& issue : issues) {
    EXPECT_EQ(issue.size(), 2u) << issue.dump();
    EXPECT_FALSE(issue.at("message").get<std::string>().empty()) << issue.dump();
    paths.insert(issue.at("path").get<std::string>());
  }
  if (!issues.empty()) {
    EXPECT_EQ(issues[0]["path"], bo_last_error_path());
    EXPECT_EQ(issues[0]["message"], bo_last_error_message());
  }
  return paths;
}

std::string window(const json& w) { return w["from"].get<std::string>() + ".." + w["to"].get<std::string>(); }

class ApparelCheckout : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = make_engine(apparel_policy());
    ASSERT_NE(engine_, nullptr);
  }
  std::string plan_text(const json& req) {
    return call_text(bo_engine_checkout_json, req.dump(), engine_.get());
  }
  json plan(const json& req) { return json::parse(plan_text(req)); }
  const json& strategy(const json& plan, const char* id) {
    for (const auto& s : plan["strategies"])
      if (s["id"] == id) return s;
    ADD_FAILURE() << "no strategy " << id;
    static const json none;
    return none;
  }

  Engine engine_;
};

}  // namespace

TEST_F(ApparelCheckout, TheCartOffersBothStrategiesWithDatesAndCharges) {
  json p = plan(request(jacket_scarf_jeans()));
  ASSERT_TRUE(p.is_object());
  EXPECT_EQ(p["now"], kNowIso);
  EXPECT_EQ(p["currency"], "USD");
  EXPECT_EQ(p["locale"], "en-US");
  EXPECT_EQ(p["subtotal"], 12900 + 3500 + 7900);
  EXPECT_TRUE(p["mixed"]);
  ASSERT_EQ(p["lines"].size(), 3u);
  EXPECT_EQ(p["lines"][0]["label"]["text"], kJacketText);
  EXPECT_EQ(window(p["lines"][0]["label"]["later_window"]), "2026-12-10..2026-12-14");
  EXPECT_EQ(p["lines"][0]["options"], json({"wait", "notify_me", "alternative", "remove"}));
  EXPECT_EQ(p["lines"][1]["options"], json::array());
  EXPECT_EQ(p["lines"][1]["label"]["status"], "in_stock");

  ASSERT_EQ(p["strategies"].size(), 2u);
  const json& now = strategy(p, "ship_available");
  ASSERT_EQ(now["shipments"].size(), 2u);
  EXPECT_EQ(window(now["shipments"][0]["ship"]), "2026-12-01..2026-12-01");
  EXPECT_EQ(now["shipments"][0]["items"],
            json::parse(R"([{"line_id":"2","quantity":1},{"line_id":"3","quantity":1}])"));
  EXPECT_EQ(window(now["shipments"][1]["ship"]), "2026-12-10..2026-12-14");
  EXPECT_EQ(now["shipments"][1]["items"], json::parse(R"([{"line_id":"1","quantity":1}])"));
  EXPECT_EQ(now["customer_pays"], 595);

  const json& together = strategy(p, "ship_together");
  ASSERT_EQ(together["shipments"].size(), 1u);
  EXPECT_EQ(together["shipments"][0]["ship"]["from"], "2026-12-10");
  EXPECT_EQ(together["shipments"][0]["items"].size(), 3u);
  EXPECT_EQ(together["customer_pays"], 0);

  EXPECT_EQ(p["cost_difference"], 595);
  EXPECT_EQ(p["default_strategy"], "ship_together");
  EXPECT_EQ(p["recommended_strategy"], "ship_available");
  EXPECT_EQ(p["policy_hash"].get<std::string>().size(), 64u);
}

TEST_F(ApparelCheckout, TheJacketsFirstAlternativeIsTheOliveJacketInStock) {
  json p = plan(request(jacket_scarf_jeans()));
  const json& alternatives = p["lines"][0]["alternatives"];
  ASSERT_FALSE(alternatives.empty());
  EXPECT_EQ(alternatives[0]["sku"], "JKT-OLIVE-M");
  EXPECT_EQ(alternatives[0]["label"]["status"], "in_stock");
  EXPECT_EQ(alternatives[0]["label"]["ship_now"], 1);
  EXPECT_EQ(p["lines"][1]["alternatives"], json::array());
}

TEST_F(ApparelCheckout, DisclosuresAreInTheShoppersLanguage) {
  json p = plan(request(jacket_scarf_jeans()));
  ASSERT_FALSE(p["disclosures"].empty());
  EXPECT_EQ(p["disclosures"][0]["kind"], "backorder");
  EXPECT_EQ(p["disclosures"][0]["line_id"], "1");
  EXPECT_NE(p["disclosures"][0]["text"].get<std::string>().find("Dec 10"), std::string::npos);
  json de = plan(request(jacket_scarf_jeans(), "de-DE"));
  EXPECT_EQ(de["locale"], "de-DE");
  EXPECT_NE(de["disclosures"][0]["text"], p["disclosures"][0]["text"]);
}

TEST_F(ApparelCheckout, ConsentRoundTripsByteForByte) {
  json p = plan(request(jacket_scarf_jeans()));
  json req = {{"plan", p},
              {"choice", {{"strategy", "ship_available"}, {"lines", {{"1", "wait"}}}}},
              {"now", "2026-11-30T14:05:00Z"}};
  const std::string record = call_text(bo_consent_json, req.dump());
  json r = json::parse(record);
  EXPECT_EQ(r["version"], 1);
  EXPECT_EQ(r["strategy"], "ship_available");
  EXPECT_EQ(r["customer_pays"], 595);
  EXPECT_EQ(r["policy_hash"], p["policy_hash"]);
  EXPECT_EQ(r["lines"][0]["choice"], "wait");
  EXPECT_EQ(r["lines"][0]["text"], kJacketText);

  EXPECT_EQ(call_text(bo_consent_check_json, record), record);
  // Stored pretty-printed (or with keys in another order) and read back: the same canonical bytes.
  EXPECT_EQ(call_text(bo_consent_check_json, r.dump(2)), record);
}

TEST_F(ApparelCheckout, ConsentForAnAlternative) {
  json p = plan(request(jacket_scarf_jeans()));
  json req = {{"plan", p},
              {"choice", {{"lines", {{"1", {{"alternative", "JKT-OLIVE-M"}}}}}}},
              {"now", "2026-11-30T14:05:00Z"}};
  json r = json::parse(call_text(bo_consent_json, req.dump()));
  EXPECT_EQ(r["strategy"], "ship_together");  // the plan's default
  EXPECT_EQ(r["lines"][0]["alternative"], "JKT-OLIVE-M");
}

TEST_F(ApparelCheckout, BadCartListsEveryPath) {
  json r = request({line("1", "NOPE"), line("2", "SCF-WOOL-GRY", 0), line("2", "JNS-SLIM-32")});
  r["cart"]["currency"] = "EUR";
  EXPECT_EQ(fail(bo_engine_checkout_json, r.dump(), engine_.get()), BO_EINVALID);
  EXPECT_EQ(bo_last_error_code(), BO_EINVALID);
  EXPECT_EQ(last_error_paths(),
            (std::multiset<std::string>{"cart.currency", "cart.lines[0].sku", "cart.lines[1].quantity",
                                        "cart.lines[2].line_id"}));
}

TEST_F(ApparelCheckout, BadChoicesAndTamperedRecordsAreInvalid) {
  json p = plan(request(jacket_scarf_jeans()));
  json req = {{"plan", p}, {"choice", {{"strategy", "ship_by_pigeon"}}}, {"now", "2026-11-30T14:05:00Z"}};
  EXPECT_EQ(fail(bo_consent_json, req.dump()), BO_EINVALID);
  EXPECT_EQ(last_error_paths(), std::multiset<std::string>{"choice.strategy"});

  req["choice"] = {{"strategy", "ship_available"}};
  json record = json::parse(call_text(bo_consent_json, req.dump()));
  record["lines"][0]["choice"] = "steal";
  EXPECT_EQ(fail(bo_consent_check_json, record.dump()), BO_EINVALID);
  EXPECT_EQ(last_error_paths(), std::multiset<std::string>{"consent.lines[0].choice"});

  EXPECT_EQ(fail(bo_consent_check_json, "{"), BO_EINVALID);
  EXPECT_EQ(fail(bo_engine_checkout_json, "not json", engine_.get()), BO_EINVALID);
  EXPECT_EQ(json::parse(bo_last_error_json()).size(), 1u);
}

TEST_F(ApparelCheckout, LengthIsRespected) {
  const std::string req = request(jacket_scarf_jeans()).dump();
  const std::string padded = req + "garbage that must not be read";
  char* out = nullptr;
  size_t len = 0;
  ASSERT_EQ(bo_engine_checkout_json(&out, &len, engine_.get(), padded.data(), req.size()), BO_OK)
      << bo_last_error_message();
  Chars owned(out);
  EXPECT_EQ(std::string(out, len), plan_text(request(jacket_scarf_jeans())));
}

TEST(CheckoutPromises, TheJacketWindowComesFromSupply) {
  Engine e = make_engine(apparel_policy());
  const std::string scenario = example("apparel/scenario.json");
  bo_promises* made = nullptr;
  ASSERT_EQ(bo_promises_new(&made, e.get(), scenario.data(), scenario.size()), BO_OK)
      << bo_last_error_message();
  Promises p(made);
  e.reset();  // the book keeps the engine alive

  json req = {
      {"cart",
       {{"currency", "USD"},
        {"lines", {priced(line("1", "JKT-NAVY-M"), 12900), priced(line("2", "SCF-WOOL-GRY"), 3500)}}}},
      {"customer", {{"locale", "en-US"}, {"zone", "US"}}}};
  json plan =
      json::parse(call_text(bo_promises_checkout_json, req.dump(), static_cast<const bo_promises*>(p.get())));
  ASSERT_TRUE(plan.is_object());
  EXPECT_EQ(plan["now"], kNowIso);
  // Forty customers wait for the jacket; PO-1001 (30, Dec 10) is theirs, so a new one waits for PO-1002 (Dec
  // 29) and the supplier's lateness: not the 10–14 days of lead time.
  const json& jacket = plan["lines"][0]["label"];
  EXPECT_EQ(jacket["status"], "backorder");
  EXPECT_EQ(window(jacket["later_window"]), "2026-12-31..2027-01-06");
  EXPECT_NE(jacket["text"], kJacketText);
  ASSERT_EQ(plan["strategies"].size(), 2u);
  EXPECT_EQ(plan["strategies"][1]["id"], "ship_together");
  EXPECT_EQ(plan["strategies"][1]["shipments"][0]["ship"]["from"], "2026-12-31");

  json bad = req;
  bad["cart"]["lines"][1]["sku"] = "NOPE";
  EXPECT_EQ(fail(bo_promises_checkout_json, bad.dump(), static_cast<const bo_promises*>(p.get())),
            BO_EINVALID);
  EXPECT_EQ(last_error_paths(), std::multiset<std::string>{"cart.lines[1].sku"});
}

TEST(LastErrorJson, FreshThreadHasNone) {
  std::thread([] {
    ASSERT_NE(bo_last_error_json(), nullptr);
    EXPECT_STREQ(bo_last_error_json(), "[]");
  }).join();
}

TEST(LastErrorJson, BadPolicyListsEveryError) {
  json policy = json::parse(apparel_policy());
  policy["version"] = 99;
  policy["calendar"]["time_zone"] = "Mars/Base";
  const std::string text = policy.dump();
  bo_engine* engine = reinterpret_cast<bo_engine*>(0x1);
  ASSERT_EQ(bo_engine_new(&engine, text.data(), text.size()), BO_EINVALID);
  EXPECT_EQ(engine, reinterpret_cast<bo_engine*>(0x1));
  std::multiset<std::string> paths = last_error_paths();
  EXPECT_EQ(paths, (std::multiset<std::string>{"policy.version", "policy.calendar.time_zone"}));

  // The same problems bo_policy_validate() reports.
  char* out = nullptr;
  ASSERT_EQ(bo_policy_validate(&out, nullptr, text.data(), text.size()), BO_OK);
  Chars owned(out);
  const json answer = json::parse(out);
  std::multiset<std::string> validated;
  for (const auto& e : answer["errors"]) validated.insert(e["path"].get<std::string>());
  EXPECT_EQ(paths, validated);
}

TEST(LastErrorJson, OtherErrorsAreOneElement) {
  Engine e = make_engine(apparel_policy());
  char* out = nullptr;
  EXPECT_EQ(bo_engine_checkout_json(&out, nullptr, e.get(), nullptr, 0), BO_EINVALID);
  json issues = json::parse(bo_last_error_json());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0]["path"], "request_json");
  EXPECT_EQ(issues[0]["message"], "request_json must not be NULL");
}

TEST(LastErrorJson, MessagesAreEscaped) {
  // A sku with quotes, a backslash and a control character is quoted in the message: still valid JSON.
  Engine e = make_engine(apparel_policy());
  json r = request({line("1", "A\"B\\C\x01\xff")});
  std::string text = r.dump(-1, ' ', false, json::error_handler_t::replace);
  EXPECT_EQ(fail(bo_engine_checkout_json, text, e.get()), BO_EINVALID);
  json issues = json::parse(bo_last_error_json());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0]["path"], "cart.lines[0].sku");
  EXPECT_EQ(issues[0]["message"], bo_last_error_message());
}

TEST(CheckoutNulls, NullArgumentsAreInvalidAndNamed) {
  Engine e = make_engine(apparel_policy());
  const std::string req = request(jacket_scarf_jeans()).dump();
  char* out = nullptr;
  size_t len = 0;
  auto expect_null = [](bo_status st, const char* path) {
    EXPECT_EQ(st, BO_EINVALID) << path;
    EXPECT_STREQ(bo_last_error_path(), path);
    EXPECT_EQ(json::parse(bo_last_error_json())[0]["path"], path);
  };
  expect_null(bo_engine_checkout_json(nullptr, &len, e.get(), req.data(), req.size()), "out_json");
  expect_null(bo_engine_checkout_json(&out, &len, nullptr, req.data(), req.size()), "engine");
  expect_null(bo_engine_checkout_json(&out, &len, e.get(), nullptr, 3), "request_json");
  expect_null(bo_promises_checkout_json(nullptr, &len, nullptr, req.data(), req.size()), "out_json");
  expect_null(bo_promises_checkout_json(&out, &len, nullptr, req.data(), req.size()), "promises");
  expect_null(bo_consent_json(nullptr, &len, "{}", 2), "out_json");
  expect_null(bo_consent_json(&out, &len, nullptr, 0), "request_json");
  expect_null(bo_consent_check_json(nullptr, &len, "{}", 2), "out_json");
  expect_null(bo_consent_check_json(&out, &len, nullptr, 0), "record_json");
  EXPECT_EQ(out, nullptr);
  // out_len may be NULL.
  ASSERT_EQ(bo_engine_checkout_json(&out, nullptr, e.get(), req.data(), req.size()), BO_OK);
  Chars owned(out);
  EXPECT_TRUE(json::parse(out).is_object());
}

TEST(CheckoutThreads, OneEngineManyThreads) {
  Engine e = make_engine(apparel_policy());
  const std::string req = request(jacket_scarf_jeans()).dump();
  const std::string expected =
      call_text(bo_engine_checkout_json, req, static_cast<const bo_engine*>(e.get()));
  std::vector<std::thread> threads;
  std::vector<std::string> answers(4);
  for (size_t i = 0; i < answers.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 5; ++k) {
        char* out = nullptr;
        size_t len = 0;
        if (bo_engine_checkout_json(&out, &len, e.get(), req.data(), req.size()) != BO_OK) return;
        answers[i].assign(out, len);
        bo_free(out);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& a : answers) EXPECT_EQ(a, expected);
}
