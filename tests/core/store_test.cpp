// The ledger on every backend: SQLite in memory, SQLite in a file, and PostgreSQL when BO_TEST_POSTGRES_URL
// names a server (scripts/test.sh starts a throwaway one). Each test runs as its own shop, so tests sharing
// one PostgreSQL database never see each other's rows; that is also what shop isolation promises.
#include "backorder/store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "store_support.hpp"
#include "test_support.hpp"

namespace backorder {
namespace {

using nlohmann::json;

const std::string kSecret = "a-test-secret-of-32-bytes-length";

std::string unique_shop() { return test::unique_name("shop-"); }

std::shared_ptr<const Engine> engine_for(const std::string& shop) {
  json p = json::parse(test::apparel_policy());
  p["shop"] = shop;
  return Engine::from_json(p.dump());
}

json catalog_event() {
  json c = json::parse(test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/catalog.json"));
  json s = json::parse(test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/stock.json"));
  json e = {{"id", "catalog-1"}, {"type", "catalog"}, {"at", "2026-11-30T08:00:00-05:00"}};
  e["items"] = c["items"];
  e["stock"] = s["stock"];
  return e;
}

json order_event(const std::string& id, const std::string& order, const std::string& when,
                 json lines = json::array({{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}}})) {
  return {
      {"id", id},
      {"type", "order_placed"},
      {"at", when},
      {"order",
       {{"id", order},
        {"customer", {{"name", "Dana"}, {"email", "dana@example.com"}, {"locale", "en-US"}, {"zone", "US"}}},
        {"lines", lines}}}};
}

Instant t(const char* iso) { return parse_instant(iso, "now"); }

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    url_ = test::backend_url(GetParam(), "bo-store-", dir_);
    if (url_.empty()) GTEST_SKIP() << test::kNoPostgres;
    shop_ = unique_shop();
    store_ = open(shop_);
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<Store> open(const std::string& shop, std::string secret = kSecret) {
    StoreOptions o;
    o.secret = std::move(secret);
    return Store::open(engine_for(shop), url_, o);
  }
  json apply(const json& events) { return json::parse(store_->apply_json(events.dump())); }
  std::vector<OutboxMessage> pending(Instant now = t("2027-06-01T00:00:00Z")) {
    return store_->outbox("pending", 1000, now);
  }
  std::vector<OutboxMessage> of_kind(const std::string& kind) {
    std::vector<OutboxMessage> out;
    for (auto& m : store_->outbox("", 1000, t("2027-06-01T00:00:00Z")))
      if (m.kind == kind) out.push_back(m);
    return out;
  }
  // Places the demo order: a jacket on backorder (lead time 10-14 days), a scarf and jeans in stock.
  void place_mixed_order() {
    apply(catalog_event());
    apply(order_event("e-order", "NW-1", "2026-11-30T09:06:00-05:00",
                      {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}},
                       {{"line_id", "2"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 1}},
                       {{"line_id", "3"}, {"sku", "JNS-SLIM-32"}, {"quantity", 1}}}));
  }

  std::string url_, shop_;
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, LabelsComeFromTheStoredFacts) {
  apply(catalog_event());
  json labels = json::parse(
      store_->labels_json(R"({"now": "2026-11-30T09:00:00-05:00", "skus": ["JKT-NAVY-M", "SCF-WOOL-GRY"]})"));
  ASSERT_EQ(labels["labels"].size(), 2u);
  EXPECT_EQ(labels["labels"][0]["text"], "Backorder – ships in 10–14 days");
  EXPECT_EQ(labels["labels"][1]["status"], "in_stock");
}

TEST_P(StoreTest, ConfirmationStatesTheBackorderedLineAndItsWindow) {
  place_mixed_order();
  json order = json::parse(store_->order_json("NW-1"));
  ASSERT_EQ(order["lines"].size(), 3u);
  EXPECT_EQ(order["lines"][0]["source"], "lead_time");
  EXPECT_EQ(order["lines"][0]["promised"]["from"], "2026-12-10");
  EXPECT_EQ(order["lines"][0]["promised"]["to"], "2026-12-14");
  EXPECT_EQ(order["lines"][1]["source"], "stock");
  auto confirmations = of_kind("confirmation");
  ASSERT_EQ(confirmations.size(), 1u);
  const OutboxMessage& m = confirmations[0];
  EXPECT_EQ(m.recipient, "dana@example.com");
  EXPECT_EQ(m.key, shop_ + ":confirmation:NW-1");
  EXPECT_NE(m.text.find("Field jacket, navy, M"), std::string::npos) << m.text;
  EXPECT_NE(m.text.find("Dec 10"), std::string::npos) << m.text;
  EXPECT_NE(m.html.find("Field jacket, navy, M"), std::string::npos);
}

TEST_P(StoreTest, AnEventAppliesOnce) {
  place_mixed_order();
  json again = apply(order_event("e-order", "NW-1", "2026-11-30T09:06:00-05:00"));
  EXPECT_EQ(again["results"][0]["status"], "duplicate");
  EXPECT_EQ(of_kind("confirmation").size(), 1u);
}

TEST_P(StoreTest, ABadEventIsRefusedWithItsPathAndChangesNothing) {
  apply(catalog_event());
  json bad = order_event("e-1", "NW-9", "2026-11-30T09:06:00-05:00",
                         {{{"line_id", "1"}, {"sku", "NO-SUCH-SKU"}, {"quantity", 1}}});
  try {
    store_->apply_json(bad.dump());
    FAIL() << "accepted an unknown sku";
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "order.lines[0].sku");
  }
  EXPECT_THROW(store_->order_json("NW-9"), Error);
  EXPECT_TRUE(pending().empty());

  json zero = order_event("e-2", "NW-9", "2026-11-30T09:06:00-05:00",
                          {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 0}}});
  try {
    store_->apply_json(json::array({order_event("e-3", "NW-8", "2026-11-30T09:06:00-05:00"), zero}).dump());
    FAIL() << "accepted a zero quantity";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.path(), "[1].order.lines[0].quantity");
  }
  // The good event of the refused batch was not applied either.
  EXPECT_THROW(store_->order_json("NW-8"), Error);
  EXPECT_EQ(apply(order_event("e-3", "NW-8", "2026-11-30T09:06:00-05:00"))["results"][0]["status"],
            "applied");
}

TEST_P(StoreTest, ASlipPastThePromiseSendsOneApologyWithRemedies) {
  place_mixed_order();
  apply({{"id", "po"},
         {"type", "supply_added"},
         {"at", "2026-12-01T10:00:00-05:00"},
         {"supply", {{"id", "PO-1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 20}, {"expected", "2026-12-07"}}}});
  EXPECT_TRUE(of_kind("delay").empty());
  json slip = {{"id", "slip"},
               {"type", "supply_changed"},
               {"at", "2026-12-07T11:00:00-05:00"},
               {"supply", {{"id", "PO-1"}, {"expected", "2026-12-21"}}}};
  json r = apply(slip);
  EXPECT_GE(r["results"][0]["moved"].get<int>(), 1);
  auto delays = of_kind("delay");
  ASSERT_EQ(delays.size(), 1u);
  EXPECT_NE(delays[0].text.find("SORRY-"), std::string::npos) << delays[0].text;
  json order = json::parse(store_->order_json("NW-1"));
  EXPECT_EQ(order["remedies"].size(), 2u);
  EXPECT_EQ(order["lines"][0]["told"]["from"], order["lines"][0]["ship"]["from"]);
  // A further slip does not apologize twice; it is an ETA update when it moves more than the threshold.
  apply({{"id", "slip-2"},
         {"type", "supply_changed"},
         {"at", "2026-12-08T11:00:00-05:00"},
         {"supply", {{"id", "PO-1"}, {"expected", "2026-12-30"}}}});
  EXPECT_EQ(of_kind("delay").size(), 1u);
  EXPECT_EQ(of_kind("eta_update").size(), 1u);
}

TEST_P(StoreTest, EtaUpdatesAreCoalescedAndRateLimited) {
  place_mixed_order();
  auto po = [&](const char* id, const char* when, const char* expected, bool add) {
    json e = {{"id", id}, {"type", add ? "supply_added" : "supply_changed"}, {"at", when}};
    e["supply"] = {{"id", "PO-1"}, {"expected", expected}};
    if (add) e["supply"]["sku"] = "JKT-NAVY-M", e["supply"]["quantity"] = 5;
    apply(e);
  };
  // Earlier by more than two days: good news, an update.
  po("a", "2026-12-01T10:00:00-05:00", "2026-12-03", true);
  ASSERT_EQ(of_kind("eta_update").size(), 1u);
  // Another move before it was sent: still one message, now saying the latest.
  po("b", "2026-12-01T11:00:00-05:00", "2026-12-02", false);
  auto updates = of_kind("eta_update");
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(updates[0].key, shop_ + ":eta_update:NW-1:b");
  // Sent; a move an hour later waits until 24 hours after the last update.
  // One message of an order at a time: the confirmation first, then the update.
  for (int round = 0; round < 2; ++round) {
    std::vector<std::int64_t> ids;
    for (auto& m : store_->claim(100, 60, t("2026-12-01T12:00:00-05:00"))) ids.push_back(m.id);
    ASSERT_EQ(ids.size(), 1u);
    store_->ack(ids);
  }
  po("c", "2026-12-01T13:00:00-05:00", "2026-12-07", false);
  updates = of_kind("eta_update");
  ASSERT_EQ(updates.size(), 2u);
  EXPECT_EQ(updates[1].available_at, updates[0].available_at + 24 * 3'600'000LL);
  EXPECT_TRUE(store_->claim(100, 60, t("2026-12-01T14:00:00-05:00")).empty());
  EXPECT_EQ(store_->claim(100, 60, t("2026-12-02T12:00:00-05:00")).size(), 1u);
}

TEST_P(StoreTest, StockArrivesThenShipsWithTracking) {
  place_mixed_order();
  apply({{"id", "in"},
         {"type", "stock_received"},
         {"at", "2026-12-08T10:00:00-05:00"},
         {"sku", "JKT-NAVY-M"},
         {"quantity", 3}});
  ASSERT_EQ(of_kind("arrived").size(), 1u);
  apply({{"id", "ship"},
         {"type", "shipment_created"},
         {"at", "2026-12-08T16:00:00-05:00"},
         {"order_id", "NW-1"},
         {"shipment_id", "S1"},
         {"carrier", "UPS"},
         {"tracking", "1Z 99/9"},
         {"lines", {{{"line_id", "1"}, {"quantity", 1}}}}});
  auto shipped = of_kind("shipped");
  ASSERT_EQ(shipped.size(), 1u);
  EXPECT_NE(shipped[0].text.find("https://track.example.com/UPS/1Z%2099%2F9"), std::string::npos)
      << shipped[0].text;
  json order = json::parse(store_->order_json("NW-1"));
  EXPECT_EQ(order["lines"][0]["shipped"], 1);
  EXPECT_EQ(order["shipments"].size(), 1u);
  // Shipping what no longer waits is refused and changes nothing.
  json twice = {{"id", "ship-2"},
                {"type", "shipment_created"},
                {"at", "2026-12-09T16:00:00-05:00"},
                {"order_id", "NW-1"},
                {"shipment_id", "S2"},
                {"carrier", "UPS"},
                {"tracking", "1Z"},
                {"lines", {{{"line_id", "1"}, {"quantity", 1}}}}};
  try {
    store_->apply_json(twice.dump());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "lines[0].quantity");
  }
  EXPECT_EQ(json::parse(store_->order_json("NW-1"))["shipments"].size(), 1u);
}

TEST_P(StoreTest, OutboxLeasesAckAndReleaseInOrderPerOrder) {
  place_mixed_order();
  apply({{"id", "ship"},
         {"type", "shipment_created"},
         {"at", "2026-11-30T16:00:00-05:00"},
         {"order_id", "NW-1"},
         {"shipment_id", "S1"},
         {"lines", {{{"line_id", "2"}, {"quantity", 1}}}}});
  Instant now = t("2026-11-30T17:00:00-05:00");
  auto first = store_->claim(10, 30, now);
  ASSERT_EQ(first.size(), 1u) << "only the earliest message of an order is handed out";
  EXPECT_EQ(first[0].kind, "confirmation");
  EXPECT_EQ(first[0].attempts, 1);
  EXPECT_TRUE(store_->claim(10, 30, now).empty());
  // The lease runs out: handed out again, same key.
  auto again = store_->claim(10, 30, now + 31'000);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].key, first[0].key);
  EXPECT_EQ(again[0].attempts, 2);
  store_->release(std::vector<std::int64_t>{again[0].id});
  auto released = store_->claim(10, 30, now + 32'000);
  ASSERT_EQ(released.size(), 1u);
  store_->ack(std::vector<std::int64_t>{released[0].id});
  auto next = store_->claim(10, 30, now + 33'000);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].kind, "shipped");
  store_->ack(std::vector<std::int64_t>{next[0].id, 999999});  // unknown ids are ignored
  EXPECT_TRUE(store_->claim(10, 30, now + 1'000'000).empty());
  EXPECT_EQ(store_->outbox("sent", 10, now).size(), 2u);
}

TEST_P(StoreTest, ARestockServesBackordersFirstThenSubscribersInTurn) {
  apply(catalog_event());
  // TEE-BASIC-S takes no backorders: shoppers subscribe. Ten of them, one unit each.
  json subs = json::array();
  for (int i = 0; i < 10; ++i) {
    char when[40];
    std::snprintf(when, sizeof when, "2026-12-01T10:%02d:00-05:00", i);
    subs.push_back({{"id", "sub-" + std::to_string(i)},
                    {"type", "subscribed"},
                    {"at", when},
                    {"subscription",
                     {{"id", "W" + std::to_string(i)},
                      {"sku", "TEE-BASIC-S"},
                      {"contact", "s" + std::to_string(i) + "@example.com"}}}});
  }
  json r = apply(subs);
  EXPECT_FALSE(r["results"][0]["token"].get<std::string>().empty());
  // Four units: with the policy's factor 1.5, six subscribers hear of them, the first six.
  apply({{"id", "r1"},
         {"type", "stock_received"},
         {"at", "2026-12-03T09:00:00-05:00"},
         {"sku", "TEE-BASIC-S"},
         {"quantity", 4}});
  auto told = of_kind("back_in_stock");
  ASSERT_EQ(told.size(), 6u);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(told[i].recipient, "s" + std::to_string(i) + "@example.com");
  EXPECT_NE(told[0].text.find("https://northwind.example.com/notify/"), std::string::npos);
  // The next restock starts with those not yet told.
  apply({{"id", "r2"},
         {"type", "stock_received"},
         {"at", "2026-12-04T09:00:00-05:00"},
         {"sku", "TEE-BASIC-S"},
         {"quantity", 2}});
  told = of_kind("back_in_stock");
  ASSERT_EQ(told.size(), 6u + 9u) << "6 units on hand now: 9 told, the 4 untold and 5 of the first again";
  EXPECT_EQ(told[6].recipient, "s6@example.com");
}

TEST_P(StoreTest, WaitingBackordersAreServedBeforeSubscribers) {
  apply(catalog_event());
  apply({{"id", "sub"},
         {"type", "subscribed"},
         {"at", "2026-12-01T10:00:00-05:00"},
         {"subscription", {{"id", "W1"}, {"sku", "JKT-NAVY-M"}, {"contact", "w@example.com"}}}});
  apply(order_event("o1", "NW-1", "2026-12-01T11:00:00-05:00",
                    {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 2}}}));
  apply({{"id", "r1"},
         {"type", "stock_received"},
         {"at", "2026-12-03T09:00:00-05:00"},
         {"sku", "JKT-NAVY-M"},
         {"quantity", 2}});
  EXPECT_TRUE(of_kind("back_in_stock").empty()) << "the two units belong to the waiting order";
  apply({{"id", "r2"},
         {"type", "stock_received"},
         {"at", "2026-12-03T10:00:00-05:00"},
         {"sku", "JKT-NAVY-M"},
         {"quantity", 1}});
  EXPECT_EQ(of_kind("back_in_stock").size(), 1u);
}

TEST_P(StoreTest, ManageTokensWorkOnceAndOnlyUnaltered) {
  apply(catalog_event());
  json r = apply({{"id", "sub"},
                  {"type", "subscribed"},
                  {"at", "2026-12-01T10:00:00-05:00"},
                  {"subscription", {{"id", "W1"}, {"sku", "TEE-BASIC-S"}, {"contact", "w@example.com"}}}});
  std::string token = r["results"][0]["token"];
  auto unsubscribe = [&](const std::string& id, const std::string& tok, const char* when) {
    return json{{"id", id}, {"type", "unsubscribed"}, {"at", when}, {"token", tok}}.dump();
  };
  std::string altered = token;
  altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_THROW(store_->apply_json(unsubscribe("u0", altered, "2026-12-02T10:00:00-05:00")), Error);
  // Another shop's store, with its own secret, refuses it.
  auto other = open(unique_shop(), "another-secret-of-enough-length!");
  EXPECT_THROW(other->apply_json(unsubscribe("u1", token, "2026-12-02T10:00:00-05:00")), Error);
  // Expired after the policy's 90 days.
  EXPECT_THROW(store_->apply_json(unsubscribe("u2", token, "2027-03-15T10:00:00-05:00")), Error);
  EXPECT_EQ(json::parse(store_->apply_json(
                unsubscribe("u3", token, "2026-12-02T10:00:00-05:00")))["results"][0]["status"],
            "applied");
  try {
    store_->apply_json(unsubscribe("u4", token, "2026-12-02T11:00:00-05:00"));
    FAIL() << "a replayed token was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "token");
    EXPECT_EQ(std::string(e.what()).find(token), std::string::npos);
  }
}

TEST_P(StoreTest, OneShopNeverSeesAnother) {
  place_mixed_order();
  auto other = open(unique_shop());
  EXPECT_THROW(other->order_json("NW-1"), Error);
  EXPECT_TRUE(other->claim(100, 60, t("2027-01-01T00:00:00Z")).empty());
  EXPECT_TRUE(other->outbox("", 100, t("2027-01-01T00:00:00Z")).empty());
  json ship = {
      {"id", "x"},          {"type", "shipment_created"}, {"at", "2026-12-01T10:00:00-05:00"},
      {"order_id", "NW-1"}, {"shipment_id", "S1"},        {"lines", {{{"line_id", "2"}, {"quantity", 1}}}}};
  EXPECT_THROW(other->apply_json(ship.dump()), Error);
  // Acknowledging another shop's message ids does nothing to them.
  std::vector<std::int64_t> ids;
  for (auto& m : pending()) ids.push_back(m.id);
  other->ack(ids);
  EXPECT_EQ(pending().size(), ids.size());
}

TEST_P(StoreTest, CancellingAPaidOrderQuotesAndRecordsTheExactRefund) {
  apply(catalog_event());
  json placed = order_event("o", "NW-7", "2026-11-30T09:06:00-05:00",
                            {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 2}},
                             {{"line_id", "2"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 1}}});
  placed["paid"] = {
      {"currency", "USD"},
      {"payment", "card"},
      {"jurisdiction", "US"},
      {"lines",
       {{{"line_id", "1"}, {"quantity", 2}, {"unit_price", 12900}, {"tax", {{"rate_bp", 800}}}},
        {{"line_id", "2"}, {"quantity", 1}, {"unit_price", 3500}, {"tax", {{"rate_bp", 800}}}}}},
      {"discounts", {{{"amount", 1000}}}},
      {"shipping", {{"charged", 595}}}};
  json bad = placed;
  bad["id"] = "o-bad";
  bad["paid"]["lines"][0]["quantity"] = 3;
  try {
    store_->apply_json(bad.dump());
    FAIL() << "a paid line that is not the order's was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "paid.lines[0]");
  }
  apply(placed);
  json r = apply({{"id", "c1"},
                  {"type", "line_cancelled"},
                  {"at", "2026-12-01T10:00:00-05:00"},
                  {"order_id", "NW-7"},
                  {"line_id", "1"}});
  const json& refund = r["results"][0]["refund"];
  ASSERT_TRUE(refund.is_object()) << r.dump();
  // 2 jackets of 25,800 carry 1000 x 25800 / 29300 = 880.5 -> 881 of the discount (largest remainder); tax 8
  // % of 24,919 = 1,993.52 -> 1,994; the shipping share by the policy's rule; the parts add up to the total.
  EXPECT_EQ(refund["items"], 25800);
  std::int64_t sum = 0;
  for (const auto& l : refund["lines"]) sum += l["total"].get<std::int64_t>();
  EXPECT_EQ(sum + refund["shipping"].get<std::int64_t>(), refund["total"].get<std::int64_t>());
  EXPECT_EQ(refund["deadline"]["jurisdiction"], "US");
  json order = json::parse(store_->order_json("NW-7"));
  ASSERT_EQ(order["refunds"].size(), 1u);
  EXPECT_EQ(order["refunds"][0], refund);
  EXPECT_EQ(order["lines"][0]["cancelled"], 2);
  // An order placed without "paid" cancels without a quote.
  place_mixed_order();
  json plain = apply(
      {{"id", "c2"}, {"type", "line_cancelled"}, {"at", "2026-12-01T10:00:00-05:00"}, {"order_id", "NW-1"}});
  EXPECT_FALSE(plain["results"][0].contains("refund"));
}

TEST_P(StoreTest, ReopeningKeepsEverything) {
  if (url_ == "sqlite::memory:") GTEST_SKIP() << "an in-memory database ends with its connection";
  place_mixed_order();
  store_.reset();
  store_ = open(shop_);
  EXPECT_EQ(json::parse(store_->order_json("NW-1"))["lines"].size(), 3u);
  EXPECT_EQ(of_kind("confirmation").size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values("sqlite::memory:", "sqlite-file", "postgresql"),
                         [](const auto& info) {
                           std::string n = info.param;
                           return n == "sqlite::memory:" ? std::string("SqliteMemory")
                                  : n == "sqlite-file"   ? std::string("SqliteFile")
                                                         : std::string("Postgresql");
                         });

}  // namespace
}  // namespace backorder
