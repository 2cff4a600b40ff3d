// Remedies, the support desk brief and the merchant report through the C ABI: JSON answers, and every
// failure a status with the last error's path (docs/remedies.md, docs/store.md).
#include <algorithm>
#include <cstring>

#include "util.hpp"

namespace {

using bo_test::Chars;
using bo_test::json;

struct StoreFree {
  void operator()(bo_store* s) const { bo_store_free(s); }
};
using Store = std::unique_ptr<bo_store, StoreFree>;

// The apparel policy (free expedited shipping and 10% off for every delay) and one rule: a refund of 10%
// of the delayed lines, at most 20.00, when a supplier is late; 25.00 a month for all of it.
std::string policy() {
  json p = json::parse(bo_test::apparel_policy());
  p["compliance"] = {{"jurisdiction", "US"}};  // a US shop: the FTC mail-order rule's deadlines
  p["remedies"] = json::parse(R"({"budget": {"per_period": 2500},
      "rules": [{"id": "supplier-late", "when": {"causes": ["supplier"]},
                 "then": [{"type": "partial_refund", "percent": 10, "max": 2000}]}]})");
  return p.dump();
}

using StoreFn = bo_status (*)(char**, size_t*, bo_store*, const char*, size_t);

json call(StoreFn fn, bo_store* s, const std::string& in) {
  char* out = nullptr;
  size_t len = 0;
  bo_status st = fn(&out, &len, s, in.data(), in.size());
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  Chars owned(out);
  return st == BO_OK ? json::parse(std::string_view(out, len)) : json();
}

// The call fails with `status` and names `path`.
void expect_failure(StoreFn fn, bo_store* s, const std::string& in, bo_status status, const char* path) {
  char* out = nullptr;
  size_t len = 0;
  EXPECT_EQ(fn(&out, &len, s, in.data(), in.size()), status) << in;
  EXPECT_EQ(out, nullptr);
  EXPECT_STREQ(bo_last_error_path(), path) << bo_last_error_message();
}

Store slipped_order(const bo_engine* engine) {
  bo_store* raw = nullptr;
  const std::string url = "sqlite::memory:";
  EXPECT_EQ(bo_store_open(&raw, engine, url.data(), url.size(), nullptr, 0), BO_OK)
      << bo_last_error_message();
  Store s(raw);
  json catalog = json::parse(bo_test::example("apparel/catalog.json"));
  catalog["stock"] = json::parse(bo_test::example("apparel/stock.json"))["stock"];
  catalog["id"] = "e1";
  catalog["type"] = "catalog";
  catalog["at"] = "2026-11-30T08:00:00-05:00";
  json events = json::array(
      {catalog,
       {{"id", "e2"},
        {"type", "order_placed"},
        {"at", "2026-11-30T09:06:00-05:00"},
        {"order",
         {{"id", "NW-1"},
          {"customer", {{"name", "Dana"}, {"email", "dana@example.com"}, {"locale", "en-US"}}},
          {"lines", {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}, {"unit_price", 12900}}}}}}},
       {{"id", "e3"},
        {"type", "supply_added"},
        {"at", "2026-12-01T10:00:00-05:00"},
        {"supply", {{"id", "PO-7001"}, {"sku", "JKT-NAVY-M"}, {"quantity", 20}, {"expected", "2026-12-07"}}}},
       {{"id", "e4"},
        {"type", "supply_changed"},
        {"at", "2026-12-07T11:00:00-05:00"},
        {"supply", {{"id", "PO-7001"}, {"expected", "2026-12-21"}}}}});
  call(bo_store_apply_json, s.get(), events.dump());
  return s;
}

TEST(CapiRemedies, DecidesAndExplains) {
  auto engine = bo_test::make_engine(policy());
  const std::string request = R"({"order_value": 12900, "cause": "supplier", "delay_business_days": 4})";
  char* out = nullptr;
  size_t len = 0;
  ASSERT_EQ(bo_engine_remedies_json(&out, &len, engine.get(), request.data(), request.size()), BO_OK)
      << bo_last_error_message();
  Chars owned(out);
  json a = json::parse(std::string_view(out, len));
  ASSERT_EQ(a["remedies"].size(), 3u);
  EXPECT_EQ(a["remedies"][0]["type"], "free_expedited_shipping");
  EXPECT_EQ(a["remedies"][1]["type"], "discount");
  // The discount counts 12.90 of the month's 25.00; the refund's 12.90 is cut to the 12.10 left.
  EXPECT_EQ(a["remedies"][2]["amount"], 1210);
  EXPECT_EQ(a["remedies"][2]["capped"], "period_budget");
  EXPECT_EQ(a["cost"], 2500);
  EXPECT_EQ(a["budget"]["period_left"], 0);
  EXPECT_EQ(a["rules"][1]["rule"], "supplier-late");
  EXPECT_EQ(a["rules"][1]["conditions"][0]["why"], "the cause \"supplier\" is one of supplier");
}

TEST(CapiRemedies, FailuresNameThePath) {
  auto engine = bo_test::make_engine(policy());
  char* out = nullptr;
  size_t len = 0;
  std::string bad = R"({"order_value": -1})";
  EXPECT_EQ(bo_engine_remedies_json(&out, &len, engine.get(), bad.data(), bad.size()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "order_value");
  bad = R"({"tier": 7})";
  EXPECT_EQ(bo_engine_remedies_json(&out, &len, engine.get(), bad.data(), bad.size()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "tier");
  EXPECT_EQ(bo_engine_remedies_json(&out, &len, nullptr, "{}", 2), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "engine");
  EXPECT_EQ(bo_engine_remedies_json(nullptr, &len, engine.get(), "{}", 2), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "out_json");
  EXPECT_EQ(bo_engine_remedies_json(&out, &len, engine.get(), nullptr, 0), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "request_json");
  EXPECT_EQ(out, nullptr);
}

TEST(CapiRemedies, APolicyWithABadRuleIsRefusedWithItsPath) {
  json p = json::parse(policy());
  p["remedies"]["rules"][0]["then"][0]["percent"] = 101;
  const std::string text = p.dump();
  bo_engine* e = nullptr;
  EXPECT_EQ(bo_engine_new(&e, text.data(), text.size()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "policy.remedies.rules[0].then[0].percent");
}

TEST(CapiDesk, TheBriefOfALateOrder) {
  auto engine = bo_test::make_engine(policy());
  Store s = slipped_order(engine.get());
  json b = call(bo_store_brief_json, s.get(),
                R"({"order_id": "NW-1", "now": "2026-12-08T10:00:00-05:00", "locale": "fr-FR"})");
  EXPECT_EQ(b["status"], "late");
  EXPECT_EQ(b["locale"], "fr-FR");
  EXPECT_EQ(b["lines"][0]["supply"]["id"], "PO-7001");
  EXPECT_EQ(b["remedies"]["granted"].size(), 3u);
  EXPECT_EQ(b["remedies"]["granted"][2]["kind"], "partial_refund");
  const std::string text = b["text"];
  EXPECT_NE(text.find("Fiche support : commande NW-1 de Dana"), std::string::npos) << text;
  EXPECT_NE(text.find("commande fournisseur PO-7001"), std::string::npos) << text;

  expect_failure(bo_store_brief_json, s.get(), R"({"order_id": "NW-9", "now": "2026-12-08T10:00:00-05:00"})",
                 BO_ENOTFOUND, "order_id");
  expect_failure(bo_store_brief_json, s.get(),
                 R"({"order_id": "NW-1", "now": "2026-12-08T10:00:00-05:00", "locale": "zz-ZZ-nope"})",
                 BO_EINVALID, "locale");
  expect_failure(bo_store_brief_json, s.get(), R"({"order_id": "NW-1"})", BO_EINVALID, "now");
  expect_failure(bo_store_brief_json, s.get(), "not json", BO_EINVALID, "request");
  char* out = nullptr;
  EXPECT_EQ(bo_store_brief_json(&out, nullptr, nullptr, "{}", 2), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "store");
}

TEST(CapiDesk, TheReport) {
  auto engine = bo_test::make_engine(policy());
  Store s = slipped_order(engine.get());
  json r = call(bo_store_report_json, s.get(), R"({"now": "2026-12-08T10:00:00-05:00"})");
  ASSERT_EQ(r["items"].size(), 1u);
  EXPECT_EQ(r["items"][0]["sku"], "JKT-NAVY-M");
  EXPECT_EQ(r["items"][0]["at_risk"]["lines"], 1);
  EXPECT_EQ(r["items"][0]["next_inbound"]["id"], "PO-7001");
  EXPECT_EQ(r["deadlines"][0]["due"], "2026-12-30");
  EXPECT_EQ(r["deadlines"][0]["rule"], "ftc.deadline");
  expect_failure(bo_store_report_json, s.get(), R"({"now": "2026-12-08T10:00:00-05:00", "x": 1})",
                 BO_EINVALID, "x");
  expect_failure(bo_store_report_json, s.get(), R"({})", BO_EINVALID, "now");
}

// Compliance scheduling through bo_store_apply_json: a long slip sends the FTC notice at once; without the
// shopper's consent a tick on 30 January cancels; answers and ticks are refused with their paths.
TEST(CapiDesk, TheLedgerSchedulesTheFtcNoticeAndTheCancellation) {
  auto engine = bo_test::make_engine(policy());
  Store s = slipped_order(engine.get());
  json r = call(bo_store_apply_json, s.get(), R"({"id": "e5", "type": "supply_changed",
      "at": "2026-12-10T11:00:00-05:00", "supply": {"id": "PO-7001", "expected": "2027-02-15"}})");
  json outbox =
      call(bo_store_outbox_json, s.get(), R"({"state": "", "limit": 100, "now": "2027-06-01T00:00:00Z"})");
  std::vector<std::string> kinds;
  for (const json& m : outbox["messages"]) kinds.push_back(m["kind"]);
  ASSERT_EQ(std::count(kinds.begin(), kinds.end(), "delay_notice"), 1) << outbox.dump();
  expect_failure(bo_store_apply_json, s.get(),
                 R"({"id": "r", "type": "delay_reply", "at": "2026-12-11T09:00:00-05:00", "order_id": "NW-1",
                     "answer": "later"})",
                 BO_EINVALID, "answer");
  expect_failure(bo_store_apply_json, s.get(),
                 R"({"id": "t", "type": "tick", "at": "2027-01-30T06:00:00-05:00", "x": 1})", BO_EINVALID,
                 "x");
  r = call(bo_store_apply_json, s.get(), R"({"id": "t", "type": "tick", "at": "2027-01-29T06:00:00-05:00"})");
  EXPECT_EQ(r["results"][0]["messages"], 0) << r.dump();
  r = call(bo_store_apply_json, s.get(),
           R"({"id": "t2", "type": "tick", "at": "2027-01-30T06:00:00-05:00"})");
  EXPECT_EQ(r["results"][0]["messages"], 1) << r.dump();
  char* out = nullptr;
  size_t len = 0;
  ASSERT_EQ(bo_store_order_json(&out, &len, s.get(), "NW-1", 4), BO_OK);
  Chars owned(out);
  json order = json::parse(std::string_view(out, len));
  EXPECT_EQ(order["lines"][0]["cancelled"], 1);
  EXPECT_EQ(order["compliance"]["cancelled"]["rule"], "ftc.cancel.no_consent");
}

}  // namespace
