// The CLI's CSV module (cli/csv.cpp) on its own: RFC 4180 edge cases and the typed conversion of facts.
#include "csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using bo_cli::CsvError;
using bo_cli::FactKind;
using nlohmann::json;

namespace {

struct Record {
  std::size_t line;
  std::vector<std::string> fields;
};

std::vector<Record> records(std::string_view text) {
  std::vector<Record> out;
  bo_cli::read_csv(text, "t.csv", [&](std::size_t line, const std::vector<std::string>& f) {
    out.push_back({line, f});
  });
  return out;
}

std::string error_of(FactKind kind, std::string_view text) {
  try {
    bo_cli::csv_to_rows(kind, text, "t.csv");
  } catch (const CsvError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Csv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  auto r = records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].line, 2u);
  EXPECT_EQ(r[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(r[2].line, 4u);
  EXPECT_EQ(r[2].fields, (std::vector<std::string>{"last", "", ""}));
}

TEST(Csv, CrlfBomEmptyLinesAndNoFinalNewline) {
  auto r = records("\xEF\xBB\xBFsku,n\r\n\r\nA,1\r\n\nB,2");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].fields[0], "sku");
  EXPECT_EQ(r[1].line, 3u);
  EXPECT_EQ(r[2].line, 5u);
  EXPECT_EQ(r[2].fields, (std::vector<std::string>{"B", "2"}));
}

TEST(Csv, MalformedLinesNameTheirLine) {
  EXPECT_THROW(records("a\n\"open"), CsvError);
  try {
    records("a,b\n1,2\nx\"y,3\n");
    FAIL();
  } catch (const CsvError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("t.csv:3: ", 0), 0u) << e.what();
  }
  try {
    records("a,b\n\"q\"z,3\n");
    FAIL();
  } catch (const CsvError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("t.csv:2: text after the closing quote", 0), 0u) << e.what();
  }
}

TEST(Csv, RowsAreTypedLikeTheJson) {
  std::vector<std::size_t> lines;
  json rows = bo_cli::csv_to_rows(FactKind::items,
                                  "sku,backorders,lead_time_min,lead_time_max,discontinued,name\n"
                                  "A,Yes,10,14,0,\n"
                                  ",,,,,\n"
                                  "B,,,,FALSE,Bee\n",
                                  "t.csv", &lines);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], json::parse(R"({"sku": "A", "backorders": true, "lead_time_days": {"min": 10, "max": 14},
                                     "discontinued": false})"));
  EXPECT_EQ(rows[1], json::parse(R"({"sku": "B", "discontinued": false, "name": "Bee"})"));
  EXPECT_EQ(lines, (std::vector<std::size_t>{2, 4}));
}

TEST(Csv, SupplyWindowsAndSupplierHistory) {
  json supply = bo_cli::csv_to_rows(FactKind::supply,
                                    "id,sku,quantity,expected,expected_from,expected_to\n"
                                    "P1,A,0,2026-12-10,,\nP2,A,5,,2026-12-08,2026-12-12\n",
                                    "t.csv");
  EXPECT_EQ(supply[0]["expected"], "2026-12-10");
  EXPECT_EQ(supply[0]["quantity"], 0);
  EXPECT_EQ(supply[1]["expected"], json::parse(R"({"from": "2026-12-08", "to": "2026-12-12"})"));
  json suppliers = bo_cli::csv_to_rows(FactKind::suppliers, "id,lateness_days\nS,0 1;2  3\nT,\n", "t.csv");
  EXPECT_EQ(suppliers[0]["lateness_days"], json::parse("[0, 1, 2, 3]"));
  EXPECT_FALSE(suppliers[1].contains("lateness_days"));
  EXPECT_NE(error_of(FactKind::supply, "id,expected,expected_from\nP,2026-12-10,2026-12-08\n"), "");
}

TEST(Csv, IntegersAreStrict) {
  for (const char* bad : {"1.5", "+1", " 1", "1 ", "1e3", "-", "0x10", "99999999999999999999", "one"}) {
    const std::string text = std::string("sku,on_hand\nA,\"") + bad + "\"\n";
    EXPECT_EQ(error_of(FactKind::stock, text).rfind("t.csv:2: column on_hand: ", 0), 0u) << bad;
  }
  EXPECT_EQ(bo_cli::csv_to_rows(FactKind::stock, "sku,on_hand\nA,-3\n", "t.csv")[0]["on_hand"], -3);
}

TEST(Csv, HeaderIsChecked) {
  EXPECT_EQ(error_of(FactKind::stock, "sku,colour\n").rfind("t.csv:1: unknown column \"colour\"", 0), 0u);
  EXPECT_EQ(error_of(FactKind::stock, "sku,sku\n").rfind("t.csv:1: column \"sku\" appears twice", 0), 0u);
  EXPECT_EQ(error_of(FactKind::stock, "").rfind("t.csv:1: empty file", 0), 0u);
  EXPECT_EQ(error_of(FactKind::stock, "sku,on_hand\nA,1,2\n").rfind("t.csv:2: 3 fields", 0), 0u);
  EXPECT_EQ(error_of(FactKind::items, "sku,backorders\nA,maybe\n").rfind("t.csv:2: column backorders", 0),
            0u);
}

TEST(Csv, ProgressIsReportedEveryNRows) {
  std::string text = "order_id,sku,quantity,placed_at\n";
  for (int i = 0; i < 25; ++i) text += "O" + std::to_string(i) + ",A,1,2026-11-10T09:00:00Z\n";
  std::vector<std::size_t> calls;
  json rows = bo_cli::csv_to_rows(
      FactKind::orders, text, "t.csv", nullptr, [&](std::size_t n) { calls.push_back(n); }, 10);
  EXPECT_EQ(rows.size(), 25u);
  EXPECT_EQ(calls, (std::vector<std::size_t>{10, 20}));
}
