// The typed calls: bo_labeler_new's arguments, bo_labeler_run's arrays, and bad rows in a batch.
#include <gtest/gtest.h>

#include <climits>
#include <cstring>

#include "hostile.hpp"

namespace hostile {
namespace {

constexpr std::int64_t kNowMs = 1796047200000;  // 2026-11-30T09:00:00-05:00
// The engine computes from 1899-12-31 to 9001-01-01 UTC: the years 1900 to 9000 and a day for offsets.
constexpr std::int64_t kJan3rd9001Ms = 221877100800000;  // 9001-01-03T00:00:00Z
constexpr std::int64_t kDec30th1899Ms = -2209161600000;  // 1899-12-30T00:00:00Z

bo_item good(const char* sku = "JKT-NAVY-M") {
  bo_item it{};
  it.struct_size = sizeof(bo_item);
  it.sku = sku;
  it.sku_len = std::strlen(sku);
  it.quantity = 1;
  it.lead_min_days = it.lead_max_days = it.max_backorder = it.low_stock_threshold = BO_UNSET;
  return it;
}

Case new_case(const std::string& name, const char* locale, std::size_t locale_len, std::int64_t now,
              Expect want, bool null_out = false, bool null_engine = false) {
  return {"labeler_new", name, [=] {
            Fixture& f = Fixture::get();
            const std::string before = f.state();
            bo_labeler* l = nullptr;
            expect_error(bo_labeler_new(null_out ? nullptr : &l, null_engine ? nullptr : f.engine, locale,
                                        locale_len, now),
                         want);
            EXPECT_EQ(l, nullptr);
            bo_labeler_free(l);
            EXPECT_EQ(f.state(), before);
          }};
}

// A batch of three rows whose middle one is `bad`: the call succeeds, that row says why and where, and the
// rows around it are labelled as if it were not there.
Case row_case(const std::string& name, std::function<void(bo_item&)> spoil, std::string path) {
  return {"labeler_run", name, [=] {
            Fixture& f = Fixture::get();
            const std::string before = f.state();
            bo_item items[3] = {good(), good("SCF-WOOL-GRY"), good()};
            items[2].on_hand = 5;
            spoil(items[1]);
            bo_label labels[3] = {};
            for (auto& l : labels) l.struct_size = sizeof(bo_label);
            ASSERT_EQ(bo_labeler_run(labels, f.labeler, items, 3), BO_OK) << bo_last_error_message();
            EXPECT_EQ(labels[1].error, BO_EINVALID);
            EXPECT_STRNE(labels[1].error_message, "");
            EXPECT_EQ(std::string(labels[1].error_path), path) << labels[1].error_message;
            EXPECT_EQ(labels[1].status, 0);
            EXPECT_STREQ(labels[1].text, "");
            EXPECT_EQ(labels[0].error, BO_OK);
            EXPECT_EQ(labels[0].status, BO_AVAILABILITY_BACKORDER);
            EXPECT_EQ(labels[2].error, BO_OK);
            EXPECT_EQ(labels[2].status, BO_AVAILABILITY_IN_STOCK);
            EXPECT_EQ(f.state(), before);
          }};
}

// A call refused whole: the status and last error, and not one label written.
Case run_case(const std::string& name, std::function<bo_status(bo_label*, bo_labeler*, bo_item*)> call,
              Expect want) {
  return {"labeler_run", name, [=] {
            Fixture& f = Fixture::get();
            const std::string before = f.state();
            bo_item items[2] = {good(), good("SCF-WOOL-GRY")};
            bo_label labels[2] = {};
            for (auto& l : labels) l.struct_size = sizeof(bo_label), l.status = 77;
            expect_error(call(labels, f.labeler, items), want);
            EXPECT_EQ(labels[0].status, 77);
            EXPECT_EQ(labels[1].status, 77);
            EXPECT_EQ(f.state(), before);
          }};
}

}  // namespace

std::vector<Case> typed_cases() {
  static const std::string long_locale(2000, 'e');
  static const std::string long_sku(1025, 'S');
  std::vector<Case> out = {
      new_case("NULL out", "en-US", 5, kNowMs, {BO_EINVALID, "out"}, true),
      new_case("NULL engine", "en-US", 5, kNowMs, {BO_EINVALID, "engine"}, false, true),
      new_case("NULL locale with a length", nullptr, 5, kNowMs, {BO_EINVALID, "locale"}),
      new_case("unknown locale", "xx", 2, kNowMs, {BO_EINVALID, "locale"}),
      new_case("bad UTF-8 locale", "\xff\xfe", 2, kNowMs, {BO_EINVALID, "locale"}),
      new_case("a NUL inside the locale", "en\0US", 5, kNowMs, {BO_EINVALID, "locale"}),
      new_case("a 2,000-byte locale", long_locale.c_str(), long_locale.size(), kNowMs,
               {BO_EINVALID, "locale"}),
      new_case("now INT64_MAX", "en-US", 5, INT64_MAX, {BO_EINVALID, "now_unix_ms"}),
      new_case("now INT64_MIN", "en-US", 5, INT64_MIN, {BO_EINVALID, "now_unix_ms"}),
      new_case("now in year 33658 (1e15 ms)", "en-US", 5, 1'000'000'000'000'000,
               {BO_EINVALID, "now_unix_ms"}),
      new_case("now 9001-01-03", "en-US", 5, kJan3rd9001Ms, {BO_EINVALID, "now_unix_ms"}),
      new_case("now 1899-12-30", "en-US", 5, kDec30th1899Ms, {BO_EINVALID, "now_unix_ms"}),
      new_case("now in year 1874", "en-US", 5, -3'000'000'000'000, {BO_EINVALID, "now_unix_ms"}),

      run_case("NULL labeler",
               [](bo_label* l, bo_labeler*, bo_item* i) { return bo_labeler_run(l, nullptr, i, 2); },
               {BO_EINVALID, "labeler"}),
      run_case("NULL items with a count",
               [](bo_label* l, bo_labeler* b, bo_item*) { return bo_labeler_run(l, b, nullptr, 2); },
               {BO_EINVALID, "items"}),
      run_case("NULL out_labels with a count",
               [](bo_label*, bo_labeler* b, bo_item* i) { return bo_labeler_run(nullptr, b, i, 2); },
               {BO_EINVALID, "out_labels"}),
      run_case("bo_item.struct_size 0",
               [](bo_label* l, bo_labeler* b, bo_item* i) {
                 i[0].struct_size = 0;
                 return bo_labeler_run(l, b, i, 1);
               },
               {BO_EBUFSIZE, "items[0].struct_size"}),
      run_case("bo_label.struct_size one short",
               [](bo_label* l, bo_labeler* b, bo_item* i) {
                 l[0].struct_size = sizeof(bo_label) - 1;
                 return bo_labeler_run(l, b, i, 1);
               },
               {BO_EBUFSIZE, "out_labels[0].struct_size"}),
      run_case("bo_item.struct_size not a multiple of its alignment",
               [](bo_label* l, bo_labeler* b, bo_item* i) {
                 i[0].struct_size = sizeof(bo_item) + 1;
                 return bo_labeler_run(l, b, i, 1);
               },
               {BO_EINVALID, "items[0].struct_size"}),
      run_case("the second bo_item's struct_size differs",
               [](bo_label* l, bo_labeler* b, bo_item* i) {
                 i[1].struct_size = sizeof(bo_item) * 2;
                 return bo_labeler_run(l, b, i, 2);
               },
               {BO_EINVALID, "items[1].struct_size"}),
      run_case("the second bo_label's struct_size differs",
               [](bo_label* l, bo_labeler* b, bo_item* i) {
                 l[1].struct_size = 8;
                 return bo_labeler_run(l, b, i, 2);
               },
               {BO_EINVALID, "out_labels[1].struct_size"}),
      run_case("a count whose byte size overflows",
               [](bo_label* l, bo_labeler* b, bo_item* i) { return bo_labeler_run(l, b, i, SIZE_MAX); },
               {BO_EINVALID, "count"}),
  };
  auto row = [&](std::string name, std::function<void(bo_item&)> spoil, std::string field) {
    out.push_back(row_case(name, std::move(spoil), "items[1]." + field));
  };
  row(
      "NULL sku with a length", [](bo_item& i) { i.sku = nullptr; }, "sku");
  row(
      "empty sku", [](bo_item& i) { i.sku_len = 0; }, "sku");
  row(
      "bad UTF-8 sku", [](bo_item& i) { i.sku = "AB\xff", i.sku_len = 3; }, "sku");
  row(
      "truncated UTF-8 sku", [](bo_item& i) { i.sku = "AB\xe2\x82", i.sku_len = 4; }, "sku");
  row(
      "overlong UTF-8 sku", [](bo_item& i) { i.sku = "\xc0\xaf", i.sku_len = 2; }, "sku");
  row(
      "UTF-16 surrogate in a sku", [](bo_item& i) { i.sku = "\xed\xa0\x80", i.sku_len = 3; }, "sku");
  row(
      "a NUL inside the sku", [](bo_item& i) { i.sku = "JKT\0NAVY", i.sku_len = 8; }, "sku");
  row(
      "a 1,025-byte sku", [](bo_item& i) { i.sku = long_sku.c_str(), i.sku_len = long_sku.size(); }, "sku");
  row(
      "quantity 0", [](bo_item& i) { i.quantity = 0; }, "quantity");
  row(
      "quantity -1", [](bo_item& i) { i.quantity = -1; }, "quantity");
  row(
      "quantity INT64_MAX", [](bo_item& i) { i.quantity = INT64_MAX; }, "quantity");
  row(
      "quantity INT64_MIN", [](bo_item& i) { i.quantity = INT64_MIN; }, "quantity");
  row(
      "quantity 10^12 + 1", [](bo_item& i) { i.quantity = 1'000'000'000'001; }, "quantity");
  row(
      "on_hand INT64_MIN", [](bo_item& i) { i.on_hand = INT64_MIN; }, "on_hand");
  row(
      "on_hand INT64_MAX", [](bo_item& i) { i.on_hand = INT64_MAX; }, "on_hand");
  row(
      "on_hand -10^12 - 1", [](bo_item& i) { i.on_hand = -1'000'000'000'001; }, "on_hand");
  row(
      "reserved -1", [](bo_item& i) { i.reserved = -1; }, "reserved");
  row(
      "reserved INT64_MAX (the sellable sum would overflow)", [](bo_item& i) { i.reserved = INT64_MAX; },
      "reserved");
  row(
      "safety_stock INT64_MAX", [](bo_item& i) { i.safety_stock = INT64_MAX; }, "safety_stock");
  row(
      "promised -1", [](bo_item& i) { i.promised = -1; }, "promised");
  row(
      "backordered INT64_MAX", [](bo_item& i) { i.backordered = INT64_MAX; }, "backordered");
  row(
      "lead_min_days 5000", [](bo_item& i) { i.lead_min_days = 5000; }, "lead_time_days");
  row(
      "lead_max_days INT64_MAX", [](bo_item& i) { i.lead_max_days = INT64_MAX; }, "lead_time_days");
  row(
      "lead_min_days INT64_MIN + 1", [](bo_item& i) { i.lead_min_days = INT64_MIN + 1; }, "lead_time_days");
  row(
      "lead_min_days -1", [](bo_item& i) { i.lead_min_days = -1; }, "lead_time_days");
  row(
      "lead_min_days above lead_max_days", [](bo_item& i) { i.lead_min_days = 10, i.lead_max_days = 5; },
      "lead_time_days");
  row(
      "max_backorder -5", [](bo_item& i) { i.max_backorder = -5; }, "max_backorder");
  row(
      "max_backorder INT64_MAX", [](bo_item& i) { i.max_backorder = INT64_MAX; }, "max_backorder");
  row(
      "low_stock_threshold INT64_MAX", [](bo_item& i) { i.low_stock_threshold = INT64_MAX; },
      "low_stock_threshold");
  row(
      "low_stock_threshold -1", [](bo_item& i) { i.low_stock_threshold = -1; }, "low_stock_threshold");
  auto date = [](const char* d) {
    return [d](bo_item& i) { std::memcpy(i.release_date, d, std::strlen(d) + 1); };
  };
  row("release_date 9999-99-99", date("9999-99-99"), "release_date");
  row("release_date 0000-01-01", date("0000-01-01"), "release_date");
  row("release_date 9001-01-01", date("9001-01-01"), "release_date");
  row("release_date 1899-12-31", date("1899-12-31"), "release_date");
  row("release_date 2026-02-29", date("2026-02-29"), "release_date");
  row("release_date 2026-1-1", date("2026-1-1"), "release_date");
  row(
      "release_date not NUL-terminated", [](bo_item& i) { std::memset(i.release_date, '2', 11); },
      "release_date");
  row(
      "unknown flag bit", [](bo_item& i) { i.flags = 8; }, "flags");
  row(
      "every flag bit", [](bo_item& i) { i.flags = 0xffffffffu; }, "flags");
  return out;
}

}  // namespace hostile
