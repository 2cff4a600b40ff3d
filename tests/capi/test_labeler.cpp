// Typed labels for catalog pages: bo_labeler_new / bo_labeler_run.
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "backorder.h"
#include "util.hpp"

using namespace bo_test;

namespace {

// A bo_item for a catalog row in the JSON format and its stock row (either may lack fields).
bo_item to_item(const json& row, const json& stock) {
  const std::string& sku = row["sku"].get_ref<const std::string&>();
  bo_item it = make_item(sku);
  if (row.contains("lead_time_days")) {
    it.lead_min_days = row["lead_time_days"]["min"];
    it.lead_max_days = row["lead_time_days"]["max"];
  }
  if (row.contains("max_backorder")) it.max_backorder = row["max_backorder"];
  if (row.contains("low_stock_threshold")) it.low_stock_threshold = row["low_stock_threshold"];
  if (row.contains("release_date")) {
    const std::string d = row["release_date"];
    std::snprintf(it.release_date, sizeof it.release_date, "%s", d.c_str());
  }
  if (row.value("discontinued", false)) it.flags |= BO_ITEM_DISCONTINUED;
  if (row.contains("backorders")) {
    it.flags |= BO_ITEM_BACKORDERS_SET;
    if (row["backorders"].get<bool>()) it.flags |= BO_ITEM_BACKORDERS_ALLOWED;
  }
  it.on_hand = stock.value("on_hand", 0);
  it.reserved = stock.value("reserved", 0);
  it.safety_stock = stock.value("safety_stock", 0);
  it.promised = stock.value("promised", 0);
  it.backordered = stock.value("backordered", 0);
  return it;
}

std::string window_field(const json& w, const char* key) {
  return w.is_null() ? std::string() : w[key].get<std::string>();
}
int window_days(const json& w, const char* key) { return w.is_null() ? 0 : w[key].get<int>(); }

// The typed label says exactly what the JSON label says.
void expect_same(const bo_label& t, const json& j) {
  SCOPED_TRACE(j.dump());
  EXPECT_EQ(t.error, BO_OK);
  EXPECT_EQ(t.status, j["status_code"].get<int>());
  EXPECT_EQ(t.sellable, j["sellable"].get<int64_t>());
  EXPECT_EQ(t.ship_now, j["ship_now"].get<int64_t>());
  EXPECT_EQ(t.later, j["later"].get<int64_t>());
  EXPECT_EQ(t.unavailable, j["unavailable"].get<int64_t>());
  EXPECT_EQ(t.notify_me != 0, j["notify_me"].get<bool>());
  EXPECT_EQ(t.now_from, window_field(j["now_window"], "from"));
  EXPECT_EQ(t.now_to, window_field(j["now_window"], "to"));
  EXPECT_EQ(t.now_min_days, window_days(j["now_window"], "min_days"));
  EXPECT_EQ(t.now_max_days, window_days(j["now_window"], "max_days"));
  EXPECT_EQ(t.later_from, window_field(j["later_window"], "from"));
  EXPECT_EQ(t.later_to, window_field(j["later_window"], "to"));
  EXPECT_EQ(t.later_min_days, window_days(j["later_window"], "min_days"));
  EXPECT_EQ(t.later_max_days, window_days(j["later_window"], "max_days"));
  EXPECT_EQ(std::string(t.text), j["text"].get<std::string>());
  EXPECT_EQ(std::string(t.short_text), j["short_text"].get<std::string>());
  EXPECT_EQ(std::string(t.schema_org), j["schema_org"].get<std::string>());
  EXPECT_EQ(std::string(t.merchant), j["merchant"]["availability"].get<std::string>());
  EXPECT_EQ(std::string(t.availability_date), j["merchant"].value("availability_date", std::string()));
  EXPECT_STREQ(t.error_message, "");
  EXPECT_STREQ(t.error_path, "");
}

class LabelerTest : public ::testing::Test {
 protected:
  Engine engine = make_engine(apparel_policy());
};

}  // namespace

TEST_F(LabelerTest, JacketIsBackorderTenToFourteenDays) {
  Labeler lab = make_labeler(engine.get());
  bo_item item = make_item("JKT-NAVY-M");
  item.lead_min_days = 10;
  item.lead_max_days = 14;
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_OK) << bo_last_error_message();
  EXPECT_EQ(label.struct_size, sizeof(bo_label));
  EXPECT_EQ(label.error, BO_OK);
  EXPECT_EQ(label.status, BO_AVAILABILITY_BACKORDER);
  EXPECT_EQ(label.later, 1);
  EXPECT_EQ(label.ship_now, 0);
  EXPECT_STREQ(label.text, kJacketText);
  EXPECT_STREQ(label.later_from, "2026-12-10");
  EXPECT_STREQ(label.later_to, "2026-12-14");
  EXPECT_EQ(label.later_min_days, 10);
  EXPECT_EQ(label.later_max_days, 14);
  EXPECT_STREQ(label.now_from, "");
  EXPECT_STREQ(label.now_to, "");
  EXPECT_STREQ(label.schema_org, "https://schema.org/BackOrder");
  EXPECT_STREQ(label.merchant, "backorder");
  EXPECT_STREQ(label.availability_date, "2026-12-10T00:00:00-05:00");
}

TEST_F(LabelerTest, TypedBatchMatchesJsonForTheApparelCatalog) {
  json catalog = json::parse(example("apparel/catalog.json"))["items"];
  json stock_rows = json::parse(example("apparel/stock.json"))["stock"];
  std::map<std::string, json> stock;
  for (const auto& s : stock_rows) stock[s.at("sku").get<std::string>()] = s;

  for (int64_t quantity : {1, 2, 5}) {
    SCOPED_TRACE("quantity " + std::to_string(quantity));
    json req = {{"now", kNowIso},
                {"locale", "en-US"},
                {"quantity", quantity},
                {"items", catalog},
                {"stock", stock_rows}};
    json answer = call_json(bo_engine_labels_json, engine.get(), req.dump());
    ASSERT_TRUE(answer["errors"].empty()) << answer.dump();
    ASSERT_EQ(answer["labels"].size(), catalog.size());

    std::vector<bo_item> items;
    for (const auto& row : catalog) {
      const std::string sku = row.at("sku").get<std::string>();
      items.push_back(to_item(row, stock.count(sku) != 0 ? stock[sku] : json::object()));
      items.back().quantity = quantity;
    }
    std::vector<bo_label> labels(items.size(), blank_label());
    Labeler lab = make_labeler(engine.get());
    ASSERT_EQ(bo_labeler_run(labels.data(), lab.get(), items.data(), items.size()), BO_OK);
    for (size_t i = 0; i < items.size(); ++i) expect_same(labels[i], answer["labels"][i]);
  }
}

TEST_F(LabelerTest, EveryStatusIsReachable) {
  // The apparel catalog covers every status; check a few against what docs/json.md promises.
  Labeler lab = make_labeler(engine.get());
  bo_item in_stock = make_item("SCF");
  in_stock.on_hand = 40;
  bo_item low = make_item("JKT-L");
  low.on_hand = 4;
  low.reserved = 1;
  low.safety_stock = 1;
  bo_item pre = make_item("CAP");
  std::strcpy(pre.release_date, "2027-03-12");
  bo_item gone = make_item("VEST");
  gone.flags = BO_ITEM_DISCONTINUED;
  bo_item no_bo = make_item("TEE");
  no_bo.flags = BO_ITEM_BACKORDERS_SET;  // set, not allowed
  bo_item items[] = {in_stock, low, pre, gone, no_bo};
  bo_label labels[5];
  for (auto& l : labels) l = blank_label();
  ASSERT_EQ(bo_labeler_run(labels, lab.get(), items, 5), BO_OK);
  EXPECT_EQ(labels[0].status, BO_AVAILABILITY_IN_STOCK);
  EXPECT_STREQ(labels[0].schema_org, "https://schema.org/InStock");
  EXPECT_EQ(labels[1].status, BO_AVAILABILITY_LOW_STOCK);
  EXPECT_EQ(labels[1].sellable, 2);
  EXPECT_NE(std::string(labels[1].text).find('2'), std::string::npos) << labels[1].text;
  EXPECT_EQ(labels[2].status, BO_AVAILABILITY_PREORDER);
  EXPECT_STREQ(labels[2].later_from, "2027-03-12");
  EXPECT_STREQ(labels[2].merchant, "preorder");
  EXPECT_EQ(labels[3].status, BO_AVAILABILITY_DISCONTINUED);
  EXPECT_EQ(labels[3].notify_me, 0);
  EXPECT_EQ(labels[4].status, BO_AVAILABILITY_OUT_OF_STOCK);
  EXPECT_EQ(labels[4].notify_me, 1);
  EXPECT_STREQ(labels[4].availability_date, "");
}

TEST_F(LabelerTest, SplitQuantityGivesBothWindows) {
  Labeler lab = make_labeler(engine.get());
  bo_item item = make_item("SPLIT");
  item.on_hand = 3;
  item.quantity = 5;
  item.low_stock_threshold = 0;
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_OK);
  EXPECT_EQ(label.ship_now, 3);
  EXPECT_EQ(label.later, 2);
  EXPECT_EQ(label.unavailable, 0);
  EXPECT_STRNE(label.now_from, "");
  EXPECT_STRNE(label.later_from, "");
  EXPECT_LT(std::string(label.now_from), std::string(label.later_from));
}

TEST_F(LabelerTest, BadRowIsReportedInItsLabelAndTheOthersAreLabelled) {
  Labeler lab = make_labeler(engine.get());
  bo_item good = make_item("GOOD");
  good.on_hand = 50;
  bo_item bad = make_item("BAD");
  bad.lead_min_days = 9;
  bad.lead_max_days = 3;
  bo_item bad_qty = make_item("QTY");
  bad_qty.quantity = 0;
  bo_item bad_date = make_item("DATE");
  std::strcpy(bad_date.release_date, "2027-02-30");
  bo_item no_sku = make_item("");
  bo_item neg = make_item("NEG");
  neg.reserved = -1;
  bo_item items[] = {good, bad, bad_qty, bad_date, no_sku, neg, good};
  constexpr size_t n = sizeof items / sizeof items[0];
  bo_label labels[n];
  for (auto& l : labels) l = blank_label();
  ASSERT_EQ(bo_labeler_run(labels, lab.get(), items, n), BO_OK);

  EXPECT_EQ(labels[0].error, BO_OK);
  EXPECT_EQ(labels[0].status, BO_AVAILABILITY_IN_STOCK);
  EXPECT_EQ(labels[n - 1].error, BO_OK);
  EXPECT_EQ(labels[n - 1].status, BO_AVAILABILITY_IN_STOCK);

  const char* expected_paths[] = {"items[1].lead_time_days", "items[2].quantity", "items[3].release_date",
                                  "items[4].sku", "items[5].reserved"};
  for (size_t i = 1; i + 1 < n; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(labels[i].error, BO_EINVALID);
    EXPECT_EQ(labels[i].status, 0);
    EXPECT_STREQ(labels[i].error_path, expected_paths[i - 1]);
    ASSERT_NE(labels[i].error_message, nullptr);
    EXPECT_STRNE(labels[i].error_message, "");
    EXPECT_STREQ(labels[i].text, "");
    EXPECT_STREQ(labels[i].later_from, "");
  }
}

TEST_F(LabelerTest, ErrorTextsStayValidUntilTheLabelerIsFreed) {
  Labeler lab = make_labeler(engine.get());
  bo_item bad = make_item("BAD");
  bad.lead_min_days = 9;
  bad.lead_max_days = 3;
  bo_label first = blank_label();
  ASSERT_EQ(bo_labeler_run(&first, lab.get(), &bad, 1), BO_OK);
  const std::string message = first.error_message;
  const std::string text_before = first.error_path;

  // Many more runs with other errors and other wordings.
  for (int i = 0; i < 200; ++i) {
    bo_item other = make_item("X");
    other.lead_min_days = 20 + i;
    other.lead_max_days = i % 2 == 0 ? 1 : 30 + i;
    bo_label l = blank_label();
    ASSERT_EQ(bo_labeler_run(&l, lab.get(), &other, 1), BO_OK);
  }
  EXPECT_EQ(std::string(first.error_message), message);
  EXPECT_EQ(std::string(first.error_path), text_before);
}

TEST_F(LabelerTest, LabelTextsStayValidAcrossRuns) {
  Labeler lab = make_labeler(engine.get());
  bo_item jacket = make_item("JKT-NAVY-M");
  bo_label first = blank_label();
  ASSERT_EQ(bo_labeler_run(&first, lab.get(), &jacket, 1), BO_OK);
  for (int i = 1; i < 100; ++i) {
    bo_item other = make_item("X");
    other.lead_min_days = i;
    other.lead_max_days = i + 3;
    bo_label l = blank_label();
    ASSERT_EQ(bo_labeler_run(&l, lab.get(), &other, 1), BO_OK);
  }
  EXPECT_STREQ(first.text, kJacketText);
}

TEST_F(LabelerTest, StructSizeTooSmallIsRejectedAndChangesNothing) {
  Labeler lab = make_labeler(engine.get());
  bo_item item = make_item("JKT-NAVY-M");
  bo_label label = blank_label();
  label.status = 77;

  item.struct_size = sizeof(bo_item) - 8;
  EXPECT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_EBUFSIZE);
  EXPECT_EQ(bo_last_error_code(), BO_EBUFSIZE);
  EXPECT_STREQ(bo_last_error_path(), "items[0].struct_size");
  EXPECT_EQ(label.status, 77);

  item.struct_size = 0;
  EXPECT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_EBUFSIZE);

  item.struct_size = sizeof(bo_item);
  label.struct_size = sizeof(size_t);
  EXPECT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_EBUFSIZE);
  EXPECT_STREQ(bo_last_error_path(), "out_labels[0].struct_size");
  EXPECT_EQ(label.status, 77);
}

TEST_F(LabelerTest, MixedStructSizesAreRejectedBeforeAnythingIsWritten) {
  Labeler lab = make_labeler(engine.get());
  bo_item items[2] = {make_item("A"), make_item("B")};
  items[1].struct_size = sizeof(bo_item) + 8;
  bo_label labels[2] = {blank_label(), blank_label()};
  labels[0].status = 77;
  EXPECT_EQ(bo_labeler_run(labels, lab.get(), items, 2), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "items[1].struct_size");
  EXPECT_EQ(labels[0].status, 77);

  items[1].struct_size = sizeof(bo_item);
  labels[1].struct_size = 0;
  EXPECT_EQ(bo_labeler_run(labels, lab.get(), items, 2), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "out_labels[1].struct_size");
  EXPECT_EQ(labels[0].status, 77);
}

// A host compiled against a later header passes bigger structs; the library walks the arrays with
// the caller's struct_size and leaves the fields it does not know alone.
TEST_F(LabelerTest, LargerStructsFromANewerHeaderWork) {
  struct item_v2 {
    bo_item v1;
    int64_t future_field;
  };
  struct label_v2 {
    bo_label v1;
    int64_t future_field;
  };
  Labeler lab = make_labeler(engine.get());
  item_v2 items[2];
  label_v2 labels[2];
  const char* skus[] = {"JKT-NAVY-M", "SCF-WOOL-GRY"};
  for (int i = 0; i < 2; ++i) {
    items[i].v1 = make_item(skus[i]);
    items[i].v1.struct_size = sizeof(item_v2);
    items[i].future_field = 1234;
    labels[i].v1 = blank_label();
    labels[i].v1.struct_size = sizeof(label_v2);
    labels[i].future_field = -99;
  }
  items[1].v1.on_hand = 40;
  ASSERT_EQ(bo_labeler_run(&labels[0].v1, lab.get(), &items[0].v1, 2), BO_OK) << bo_last_error_message();
  EXPECT_STREQ(labels[0].v1.text, kJacketText);
  EXPECT_EQ(labels[1].v1.status, BO_AVAILABILITY_IN_STOCK);
  EXPECT_EQ(labels[0].future_field, -99);
  EXPECT_EQ(labels[1].future_field, -99);
}

TEST_F(LabelerTest, UnknownFlagsAreARowError) {
  Labeler lab = make_labeler(engine.get());
  bo_item item = make_item("A");
  item.flags = 1u << 20;
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_OK);
  EXPECT_EQ(label.error, BO_EINVALID);
  EXPECT_STREQ(label.error_path, "items[0].flags");
}

TEST_F(LabelerTest, UnterminatedReleaseDateIsARowError) {
  Labeler lab = make_labeler(engine.get());
  bo_item item = make_item("A");
  std::memset(item.release_date, '1', sizeof item.release_date);
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_OK);
  EXPECT_EQ(label.error, BO_EINVALID);
  EXPECT_STREQ(label.error_path, "items[0].release_date");
}

TEST_F(LabelerTest, LeadDaysBeyondIntAreARowError) {
  Labeler lab = make_labeler(engine.get());
  bo_item item = make_item("A");
  item.lead_min_days = 1;
  item.lead_max_days = int64_t{1} << 40;
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_OK);
  EXPECT_EQ(label.error, BO_EINVALID);
  EXPECT_STREQ(label.error_path, "items[0].lead_time_days");
}

TEST_F(LabelerTest, SkuIsNotKeptAfterTheCall) {
  Labeler lab = make_labeler(engine.get());
  std::string sku = "JKT-NAVY-M";
  bo_item item = make_item(sku);
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, lab.get(), &item, 1), BO_OK);
  sku.assign(sku.size(), 'Z');
  EXPECT_STREQ(label.text, kJacketText);
}

TEST_F(LabelerTest, LabelerOutlivesEngineFree) {
  bo_labeler* lab = nullptr;
  ASSERT_EQ(bo_labeler_new(&lab, engine.get(), "en-US", 5, kNowMs), BO_OK);
  engine.reset();  // bo_engine_free first
  bo_item item = make_item("JKT-NAVY-M");
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, lab, &item, 1), BO_OK);
  EXPECT_STREQ(label.text, kJacketText);
  EXPECT_STREQ(label.later_from, "2026-12-10");
  bo_labeler_free(lab);
}

TEST_F(LabelerTest, NoLocaleMeansThePolicyDefault) {
  Labeler with_default = make_labeler(engine.get(), std::string_view());
  bo_labeler* null_locale = nullptr;
  ASSERT_EQ(bo_labeler_new(&null_locale, engine.get(), nullptr, 0, kNowMs), BO_OK);
  Labeler owned(null_locale);
  bo_item item = make_item("JKT-NAVY-M");
  for (bo_labeler* l : {with_default.get(), null_locale}) {
    bo_label label = blank_label();
    ASSERT_EQ(bo_labeler_run(&label, l, &item, 1), BO_OK);
    EXPECT_STREQ(label.text, kJacketText);  // the apparel policy's locale is en-US
  }
}

TEST_F(LabelerTest, OtherLocalesGiveOtherWords) {
  Labeler de = make_labeler(engine.get(), "de-DE");
  bo_item item = make_item("JKT-NAVY-M");
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, de.get(), &item, 1), BO_OK);
  EXPECT_EQ(label.status, BO_AVAILABILITY_BACKORDER);
  EXPECT_STRNE(label.text, "");
  EXPECT_STRNE(label.text, kJacketText);
  EXPECT_STREQ(label.later_from, "2026-12-10");  // dates do not depend on the locale
}

TEST_F(LabelerTest, CutOffMovesTheWindow) {
  // 15:00 New York, after the 14:00 cut-off: the order counts from the next working day.
  Labeler late = make_labeler(engine.get(), "en-US", kNowMs + 6 * 3600 * 1000);
  bo_item item = make_item("JKT-NAVY-M");
  bo_label label = blank_label();
  ASSERT_EQ(bo_labeler_run(&label, late.get(), &item, 1), BO_OK);
  EXPECT_EQ(label.status, BO_AVAILABILITY_BACKORDER);
  EXPECT_GT(std::string(label.later_from), std::string("2026-12-10"));
}

TEST_F(LabelerTest, OneEngineManyThreadsEachWithItsOwnLabeler) {
  constexpr size_t kThreads = 4;
  std::vector<std::thread> threads;
  std::vector<std::string> texts(kThreads);
  std::vector<bo_status> statuses(kThreads, BO_EINTERNAL);
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      bo_labeler* lab = nullptr;
      statuses[t] = bo_labeler_new(&lab, engine.get(), "en-US", 5, kNowMs);
      if (statuses[t] != BO_OK) return;
      bo_item item = make_item("JKT-NAVY-M");
      bo_label label = blank_label();
      for (int i = 0; i < 500 && statuses[t] == BO_OK; ++i)
        statuses[t] = bo_labeler_run(&label, lab, &item, 1);
      texts[t] = label.text;
      bo_labeler_free(lab);
    });
  }
  for (auto& th : threads) th.join();
  for (size_t t = 0; t < kThreads; ++t) {
    EXPECT_EQ(statuses[t], BO_OK);
    EXPECT_EQ(texts[t], kJacketText);
  }
}
