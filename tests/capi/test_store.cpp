// The ledger through the C ABI: open, apply, the outbox, reads, and every failure answered with a status and
// the last error (docs/store.md). SQLite in memory; the PostgreSQL half runs in the core and binding suites.
#include <unistd.h>

#include <cstdlib>

#include "util.hpp"

namespace {

using bo_test::Chars;
using bo_test::json;

struct StoreFree {
  void operator()(bo_store* s) const { bo_store_free(s); }
};
using Store = std::unique_ptr<bo_store, StoreFree>;

constexpr const char* kOptions = R"({"secret": "a-secret-of-at-least-16-bytes"})";

Store open_memory(const bo_engine* engine) {
  bo_store* s = nullptr;
  std::string url = "sqlite::memory:";
  EXPECT_EQ(bo_store_open(&s, engine, url.data(), url.size(), kOptions, std::strlen(kOptions)), BO_OK)
      << bo_last_error_message();
  return Store(s);
}

json call(bo_status (*fn)(char**, size_t*, bo_store*, const char*, size_t), bo_store* s,
          const std::string& in) {
  char* out = nullptr;
  size_t len = 0;
  bo_status st = fn(&out, &len, s, in.data(), in.size());
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  Chars owned(out);
  return st == BO_OK ? json::parse(std::string_view(out, len)) : json();
}

std::string events() {
  json catalog = json::parse(bo_test::example("apparel/catalog.json"));
  catalog["stock"] = json::parse(bo_test::example("apparel/stock.json"))["stock"];
  catalog["id"] = "e1";
  catalog["type"] = "catalog";
  catalog["at"] = "2026-11-30T08:00:00-05:00";
  json order = {{"id", "e2"},
                {"type", "order_placed"},
                {"at", "2026-11-30T09:06:00-05:00"},
                {"order",
                 {{"id", "NW-1"},
                  {"customer", {{"email", "dana@example.com"}, {"locale", "en-US"}, {"zone", "US"}}},
                  {"lines", {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}}}}}}};
  return json::array({catalog, order}).dump();
}

TEST(CapiStore, AppliesEventsAndDrainsTheOutbox) {
  auto engine = bo_test::make_engine(bo_test::apparel_policy());
  Store s = open_memory(engine.get());
  engine.reset();  // the store keeps the engine alive
  json r = call(bo_store_apply_json, s.get(), events());
  ASSERT_EQ(r["results"].size(), 2u);
  EXPECT_EQ(r["results"][1]["status"], "applied");
  EXPECT_EQ(r["results"][1]["messages"], 1);

  json claimed = call(bo_store_claim_json, s.get(),
                      R"({"max": 5, "lease_seconds": 30, "now": "2026-11-30T10:00:00-05:00"})");
  ASSERT_EQ(claimed["messages"].size(), 1u);
  const json& m = claimed["messages"][0];
  EXPECT_EQ(m["kind"], "confirmation");
  EXPECT_EQ(m["state"], "leased");
  EXPECT_NE(m["text"].get<std::string>().find("Field jacket, navy, M"), std::string::npos);
  std::int64_t id = m["id"];
  EXPECT_EQ(bo_store_ack(s.get(), &id, 1), BO_OK);
  json sent = call(bo_store_outbox_json, s.get(), R"({"state": "sent", "now": "2026-11-30T10:00:00-05:00"})");
  EXPECT_EQ(sent["messages"].size(), 1u);
  EXPECT_EQ(bo_store_ack(s.get(), nullptr, 0), BO_OK);
  EXPECT_EQ(bo_store_release(s.get(), &id, 1), BO_OK);  // already sent: nothing happens

  json order = call(bo_store_order_json, s.get(), "NW-1");
  EXPECT_EQ(order["lines"][0]["promised"]["to"], "2026-12-14");
  json labels =
      call(bo_store_labels_json, s.get(), R"({"now": "2026-11-30T09:00:00-05:00", "skus": ["JKT-NAVY-L"]})");
  EXPECT_EQ(labels["labels"][0]["sku"], "JKT-NAVY-L");
  json plan = call(
      bo_store_checkout_json, s.get(),
      R"({"now": "2026-11-30T09:00:00-05:00", "cart": {"currency": "USD", "lines": [{"line_id": "1", "sku": "JKT-NAVY-M", "quantity": 1}]}, "customer": {"zone": "US"}})");
  EXPECT_EQ(plan["lines"][0]["alternatives"][0]["sku"], "JKT-OLIVE-M");
}

TEST(CapiStore, FailuresAreStatusesWithTheLastError) {
  auto engine = bo_test::make_engine(bo_test::apparel_policy());
  bo_store* s = nullptr;
  std::string url = "mysql://root:hunter2@db/shop";
  EXPECT_EQ(bo_store_open(&s, engine.get(), url.data(), url.size(), nullptr, 0), BO_EINVALID);
  EXPECT_EQ(s, nullptr);
  EXPECT_STREQ(bo_last_error_path(), "url");
  EXPECT_EQ(std::string(bo_last_error_message()).find("hunter2"), std::string::npos);
  std::string options = R"({"secret": "short"})";
  url = "sqlite::memory:";
  EXPECT_EQ(bo_store_open(&s, engine.get(), url.data(), url.size(), options.data(), options.size()),
            BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "options.secret");
  EXPECT_EQ(bo_store_open(&s, nullptr, url.data(), url.size(), nullptr, 0), BO_EINVALID);
  EXPECT_EQ(bo_store_open(&s, engine.get(), nullptr, 3, nullptr, 0), BO_EINVALID);

  Store store = open_memory(engine.get());
  char* out = nullptr;
  size_t len = 0;
  std::string bad =
      R"({"id": "x", "type": "stock_received", "at": "2026-11-30T09:00:00-05:00", "sku": "NOPE", "quantity": 1})";
  EXPECT_EQ(bo_store_apply_json(&out, &len, store.get(), bad.data(), bad.size()), BO_ENOTFOUND);
  EXPECT_STREQ(bo_last_error_path(), "sku");
  EXPECT_EQ(out, nullptr);
  std::string junk = "[{\"id\": ";
  EXPECT_EQ(bo_store_apply_json(&out, &len, store.get(), junk.data(), junk.size()), BO_EINVALID);
  EXPECT_EQ(bo_store_order_json(&out, &len, store.get(), "NW-404", 6), BO_ENOTFOUND);
  EXPECT_STREQ(bo_last_error_path(), "order_id");
  EXPECT_EQ(bo_store_apply_json(&out, &len, nullptr, "{}", 2), BO_EINVALID);
  EXPECT_EQ(bo_store_ack(store.get(), nullptr, 2), BO_EINVALID);
  std::string claim = R"({"max": 0, "now": "2026-11-30T09:00:00-05:00"})";
  EXPECT_EQ(bo_store_claim_json(&out, &len, store.get(), claim.data(), claim.size()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "max");
  bo_store_free(nullptr);
}

TEST(CapiStore, AFileLedgerIsSharedByTwoHandles) {
  auto engine = bo_test::make_engine(bo_test::apparel_policy());
  std::string path = ::testing::TempDir() + "capi-store-" + std::to_string(getpid()) + ".db";
  std::string url = "sqlite:" + path;
  bo_store *a = nullptr, *b = nullptr;
  ASSERT_EQ(bo_store_open(&a, engine.get(), url.data(), url.size(), kOptions, std::strlen(kOptions)), BO_OK);
  ASSERT_EQ(bo_store_open(&b, engine.get(), url.data(), url.size(), kOptions, std::strlen(kOptions)), BO_OK);
  Store sa(a), sb(b);
  call(bo_store_apply_json, a, events());
  json r = call(bo_store_apply_json, b, events());
  EXPECT_EQ(r["results"][0]["status"], "duplicate");
  EXPECT_EQ(call(bo_store_order_json, b, "NW-1")["lines"].size(), 1u);
  sa.reset();
  sb.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace
