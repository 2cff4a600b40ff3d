#include "backorder/wire.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace backorder;
using nlohmann::json;

namespace {
json jacket_request() {
  return {{"item", {{"sku", "JKT-NAVY-M"}, {"lead_time_days", {{"min", 10}, {"max", 14}}}}},
          {"stock", {{"on_hand", 0}}},
          {"locale", "en-US"},
          {"now", "2026-11-30T09:00:00-05:00"}};
}

json catalog_request() {
  auto catalog = json::parse(test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/catalog.json"));
  auto stock = json::parse(test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/stock.json"));
  return {{"now", "2026-11-30T09:00:00-05:00"},
          {"locale", "en-US"},
          {"items", catalog["items"]},
          {"stock", stock["stock"]}};
}

std::string path_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.path();
  }
  return "(no error)";
}
}  // namespace

TEST(Wire, LabelJsonHasTheDocumentedShape) {
  json out = json::parse(label_json(test::apparel_engine(), jacket_request().dump()));
  EXPECT_EQ(out["sku"], "JKT-NAVY-M");
  EXPECT_EQ(out["status"], "backorder");
  EXPECT_EQ(out["status_code"], 3);
  EXPECT_EQ(out["text"], "Backorder – ships in 10–14 days");
  EXPECT_TRUE(out["now_window"].is_null());
  EXPECT_EQ(out["later_window"],
            json::parse(R"({"from":"2026-12-10","to":"2026-12-14","min_days":10,"max_days":14})"));
  EXPECT_EQ(out["schema_org"], "https://schema.org/BackOrder");
  EXPECT_EQ(out["merchant"]["availability"], "backorder");
  EXPECT_EQ(out["merchant"]["availability_date"], "2026-12-10T00:00:00-05:00");
  EXPECT_EQ(out["ship_now"].get<int>() + out["later"].get<int>() + out["unavailable"].get<int>(),
            out["quantity"]);
}

TEST(Wire, InStockHasNoAvailabilityDate) {
  json req = jacket_request();
  req["stock"]["on_hand"] = 50;
  json out = json::parse(label_json(test::apparel_engine(), req.dump()));
  EXPECT_EQ(out["status"], "in_stock");
  EXPECT_FALSE(out["merchant"].contains("availability_date"));
  EXPECT_EQ(out["now_window"]["from"], "2026-12-01");
}

TEST(Wire, BadRequestsNameThePath) {
  auto engine = test::apparel_engine();
  auto with = [&](const std::function<void(json&)>& edit) {
    json r = jacket_request();
    edit(r);
    return path_of([&] { label_json(engine, r.dump()); });
  };
  EXPECT_EQ(with([](json& r) { r["item"]["lead_time_days"]["min"] = 20; }), "item.lead_time_days");
  EXPECT_EQ(with([](json& r) { r["item"]["lead_time_days"]["max"] = -1; }), "item.lead_time_days.max");
  EXPECT_EQ(with([](json& r) { r["stock"]["reserved"] = -3; }), "stock.reserved");
  EXPECT_EQ(with([](json& r) { r["quantity"] = 0; }), "quantity");
  EXPECT_EQ(with([](json& r) { r["now"] = "2026-11-30 09:00"; }), "now");
  EXPECT_EQ(with([](json& r) { r.erase("now"); }), "now");
  EXPECT_EQ(with([](json& r) { r["locale"] = "xx"; }), "locale");
  EXPECT_EQ(with([](json& r) { r["item"]["colour"] = "navy"; }), "item.colour");
  EXPECT_EQ(with([](json& r) { r["item"]["release_date"] = "2027-02-30"; }), "item.release_date");
  EXPECT_EQ(with([](json& r) { r["item"].erase("sku"); }), "item.sku");
  EXPECT_EQ(path_of([&] { label_json(engine, "{not json"); }), "request");
}

TEST(Wire, CatalogLabelsTheApparelStore) {
  json out = json::parse(labels_json(test::apparel_engine(), catalog_request().dump()));
  ASSERT_EQ(out["errors"].size(), 0u) << out["errors"].dump();
  std::map<std::string, json> by_sku;
  for (auto& l : out["labels"]) by_sku[l["sku"]] = l;
  EXPECT_EQ(by_sku["JKT-NAVY-M"]["text"], "Backorder – ships in 10–14 days");
  EXPECT_EQ(by_sku["JKT-NAVY-L"]["text"], "Only 2 left");
  EXPECT_EQ(by_sku["JKT-OLIVE-M"]["status"], "in_stock");
  EXPECT_EQ(by_sku["TEE-BASIC-S"]["status"], "out_of_stock");
  EXPECT_EQ(by_sku["TEE-BASIC-S"]["notify_me"], true);
  EXPECT_EQ(by_sku["CAP-WINTER-27"]["status"], "preorder");
  EXPECT_EQ(by_sku["VEST-DOWN-M"]["status"], "discontinued");
  EXPECT_EQ(by_sku["GLV-LEATHER-M"]["status"], "out_of_stock");
  EXPECT_EQ(by_sku["SOCK-WOOL-3PK"]["text"], "Only 2 left");
  // 20 days from Monday 30 November is a Sunday: the warehouse ships the next day, and the label says so.
  EXPECT_EQ(by_sku["BOOT-CHEL-42"]["text"], "Backorder – ships in 21–30 days");
}

TEST(Wire, ABadRowDoesNotAbortTheBatch) {
  json req = catalog_request();
  req["items"][2]["lead_time_days"] = {{"min", 9}, {"max", 3}};
  req["items"][4]["sku"] = 17;
  req["stock"].push_back({{"sku", "GHOST"}, {"on_hand", 1}});
  json out = json::parse(labels_json(test::apparel_engine(), req.dump()));
  EXPECT_EQ(out["labels"].size(), req["items"].size() - 2);
  std::set<std::string> paths;
  for (auto& e : out["errors"]) paths.insert(e["path"]);
  // The row whose sku is not a string leaves its stock row without an item, which is reported too.
  const std::string ghost = "stock[" + std::to_string(req["stock"].size() - 1) + "].sku";
  EXPECT_EQ(paths, (std::set<std::string>{"items[2].lead_time_days", "items[4].sku", "stock[4].sku", ghost}));
  for (auto& l : out["labels"]) EXPECT_NE(l["row"], 2);
}

TEST(Wire, ValidationAnswerListsEveryError) {
  json v = json::parse(validate_policy_json(
      R"({"version": 1, "currency": "USD", "calendar": {"time_zone": "Nowhere/Land"}, "x": 1})"));
  EXPECT_EQ(v["valid"], false);
  EXPECT_EQ(v["errors"].size(), 2u);
  EXPECT_EQ(json::parse(validate_policy_json(test::apparel_policy()))["valid"], true);
}
