// Policy validation, engines and the JSON label calls.
#include <gtest/gtest.h>

#include <string>

#include "backorder.h"
#include "util.hpp"

using namespace bo_test;

namespace {

json validate(const std::string& policy) {
  char* out = nullptr;
  size_t len = 0;
  EXPECT_EQ(bo_policy_validate(&out, &len, policy.data(), policy.size()), BO_OK);
  Chars owned(out);
  EXPECT_NE(out, nullptr);
  return out == nullptr ? json() : json::parse(std::string_view(out, len));
}

std::string jacket_request(const char* locale = "en-US") {
  json req = {{"item", {{"sku", "JKT-NAVY-M"}, {"lead_time_days", {{"min", 10}, {"max", 14}}}}},
              {"stock", {{"on_hand", 0}}},
              {"quantity", 1},
              {"locale", locale},
              {"now", kNowIso}};
  return req.dump();
}

std::string catalog_request(json items, json stock) {
  return json{{"now", kNowIso}, {"locale", "en-US"}, {"items", std::move(items)}, {"stock", std::move(stock)}}
      .dump();
}

}  // namespace

TEST(PolicyValidate, ApparelPolicyIsValid) {
  json v = validate(apparel_policy());
  EXPECT_EQ(v["valid"], true);
  EXPECT_TRUE(v["errors"].empty());
}

TEST(PolicyValidate, ListsEveryError) {
  json p = json::parse(apparel_policy());
  p["calendar"]["time_zone"] = "Mars/Base";
  p["availability"]["lead_time_days"] = {{"min", 20}, {"max", 5}};
  p["colour"] = "blue";
  json v = validate(p.dump());
  EXPECT_EQ(v["valid"], false);
  ASSERT_GE(v["errors"].size(), 3u) << v.dump();
  bool zone = false;
  for (const auto& e : v["errors"]) {
    EXPECT_TRUE(e["path"].is_string());
    EXPECT_TRUE(e["message"].is_string());
    EXPECT_FALSE(e["message"].get<std::string>().empty());
    if (e["path"] == "policy.calendar.time_zone") zone = true;
  }
  EXPECT_TRUE(zone) << v.dump();
}

TEST(PolicyValidate, AnyBytesGiveAnAnswer) {
  for (std::string doc : {std::string(), std::string("nul\0l", 5), std::string("\xff\xfe"), std::string("[]"),
                          std::string("{\"version\": 99}")}) {
    json v = validate(doc);
    EXPECT_EQ(v["valid"], false) << doc;
    EXPECT_FALSE(v["errors"].empty());
  }
}

TEST(PolicyValidate, OutLenMayBeNull) {
  const std::string policy = apparel_policy();
  char* out = nullptr;
  ASSERT_EQ(bo_policy_validate(&out, nullptr, policy.data(), policy.size()), BO_OK);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(json::parse(out)["valid"], true);
  bo_free(out);
}

TEST(Engine, NewAndFree) {
  const std::string policy = apparel_policy();
  bo_engine* engine = nullptr;
  ASSERT_EQ(bo_engine_new(&engine, policy.data(), policy.size()), BO_OK);
  ASSERT_NE(engine, nullptr);
  bo_engine_free(engine);
  bo_engine_free(nullptr);
}

TEST(LabelJson, ApparelJacketIsBackorderTenToFourteenDays) {
  Engine e = make_engine(apparel_policy());
  json label = call_json(bo_engine_label_json, e.get(), jacket_request());
  EXPECT_EQ(label["sku"], "JKT-NAVY-M");
  EXPECT_EQ(label["status"], "backorder");
  EXPECT_EQ(label["status_code"], BO_AVAILABILITY_BACKORDER);
  EXPECT_EQ(label["text"], kJacketText);
  EXPECT_EQ(label["quantity"], 1);
  EXPECT_EQ(label["sellable"], 0);
  EXPECT_EQ(label["ship_now"], 0);
  EXPECT_EQ(label["later"], 1);
  EXPECT_EQ(label["unavailable"], 0);
  EXPECT_TRUE(label["now_window"].is_null());
  EXPECT_EQ(label["later_window"]["from"], "2026-12-10");
  EXPECT_EQ(label["later_window"]["to"], "2026-12-14");
  EXPECT_EQ(label["later_window"]["min_days"], 10);
  EXPECT_EQ(label["later_window"]["max_days"], 14);
  EXPECT_EQ(label["schema_org"], "https://schema.org/BackOrder");
  EXPECT_EQ(label["merchant"]["availability"], "backorder");
  EXPECT_EQ(label["merchant"]["availability_date"], "2026-12-10T00:00:00-05:00");
}

TEST(LabelJson, EngineIsReusable) {
  Engine e = make_engine(apparel_policy());
  const std::string req = jacket_request();
  json a = call_json(bo_engine_label_json, e.get(), req);
  json b = call_json(bo_engine_label_json, e.get(), req);
  EXPECT_EQ(a, b);
}

TEST(LabelsJson, ApparelCatalogIsLabelled) {
  Engine e = make_engine(apparel_policy());
  json catalog = json::parse(example("apparel/catalog.json"));
  json stock = json::parse(example("apparel/stock.json"));
  const size_t n = catalog["items"].size();
  json answer = call_json(bo_engine_labels_json, e.get(), catalog_request(catalog["items"], stock["stock"]));
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  ASSERT_EQ(answer["labels"].size(), n);
  for (size_t i = 0; i < n; ++i) {
    const json& l = answer["labels"][i];
    EXPECT_EQ(l["row"], i);
    EXPECT_EQ(l["sku"], catalog["items"][i]["sku"]);
    EXPECT_FALSE(l["text"].get<std::string>().empty());
  }
  EXPECT_EQ(answer["labels"][0]["text"], kJacketText);
  EXPECT_EQ(answer["labels"][0]["later_window"]["from"], "2026-12-10");
}

TEST(LabelsJson, BadRowIsReportedAndOthersLabelled) {
  Engine e = make_engine(apparel_policy());
  json items = json::array({
      {{"sku", "GOOD-1"}, {"name", "Good one"}},
      {{"sku", "BAD"}, {"lead_time_days", {{"min", 9}, {"max", 3}}}},
      {{"sku", "JKT-NAVY-M"}, {"lead_time_days", {{"min", 10}, {"max", 14}}}},
  });
  json stock = json::array({{{"sku", "GOOD-1"}, {"on_hand", 50}}, {{"sku", "JKT-NAVY-M"}, {"on_hand", 0}}});
  json answer = call_json(bo_engine_labels_json, e.get(), catalog_request(items, stock));
  ASSERT_EQ(answer["errors"].size(), 1u) << answer.dump();
  const json& err = answer["errors"][0];
  EXPECT_EQ(err["row"], 1);
  EXPECT_EQ(err["sku"], "BAD");
  EXPECT_EQ(err["path"].get<std::string>().rfind("items[1].lead_time_days", 0), 0u) << err.dump();
  EXPECT_FALSE(err["message"].get<std::string>().empty());

  ASSERT_EQ(answer["labels"].size(), 2u);
  EXPECT_EQ(answer["labels"][0]["row"], 0);
  EXPECT_EQ(answer["labels"][0]["status"], "in_stock");
  EXPECT_EQ(answer["labels"][1]["row"], 2);
  EXPECT_EQ(answer["labels"][1]["text"], kJacketText);
}

TEST(LabelsJson, MalformedRequestFailsTheCall) {
  Engine e = make_engine(apparel_policy());
  const std::string req = "{\"now\": ";
  char* out = nullptr;
  EXPECT_EQ(bo_engine_labels_json(&out, nullptr, e.get(), req.data(), req.size()), BO_EINVALID);
  EXPECT_EQ(out, nullptr);
  EXPECT_STRNE(bo_last_error_message(), "");
}
