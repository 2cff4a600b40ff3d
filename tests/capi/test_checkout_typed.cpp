// Typed checkout plans (bo_checkout): read through the structs, a plan is its JSON field for field, over a
// request's facts and over a bo_promises; strings keep every byte; ranges and struct sizes are checked and a
// refused call writes nothing; a plan outlives the book and engine it came from.
#include <gtest/gtest.h>

#include <cstring>
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

struct CheckoutFree {
  void operator()(bo_checkout* p) const { bo_checkout_free(p); }
};
using Checkout = std::unique_ptr<bo_checkout, CheckoutFree>;
struct PromisesFree {
  void operator()(bo_promises* p) const { bo_promises_free(p); }
};
using Promises = std::unique_ptr<bo_promises, PromisesFree>;

json line(const char* id, const char* sku, int quantity = 1) {
  return {{"line_id", id}, {"sku", sku}, {"quantity", quantity}};
}

json request(json lines, const char* locale = "en-US") {
  json catalog = json::parse(example("apparel/catalog.json"));
  json stock = json::parse(example("apparel/stock.json"));
  return {{"now", kNowIso},
          {"items", catalog["items"]},
          {"stock", stock["stock"]},
          {"cart", {{"currency", "USD"}, {"lines", std::move(lines)}}},
          {"customer", {{"locale", locale}, {"zone", "US"}}}};
}

json jacket_scarf_jeans() {
  return json::array({line("1", "JKT-NAVY-M"), line("2", "SCF-WOOL-GRY"), line("3", "JNS-SLIM-32")});
}

Checkout plan_of(const bo_engine* engine, const std::string& req) {
  bo_checkout* out = nullptr;
  EXPECT_EQ(bo_engine_checkout(&out, engine, req.data(), req.size()), BO_OK)
      << bo_last_error_path() << ": " << bo_last_error_message();
  return Checkout(out);
}

std::string json_of(const bo_checkout* plan) {
  char* out = nullptr;
  size_t len = 0;
  EXPECT_EQ(bo_checkout_json(&out, &len, plan), BO_OK) << bo_last_error_message();
  Chars owned(out);
  return out ? std::string(out, len) : std::string();
}

template <typename T>
std::vector<T> blank(std::size_t n) {
  T one{};
  one.struct_size = sizeof(T);
  return std::vector<T>(n, one);
}

// Every element of one of the plan's arrays.
template <typename T, typename Fn>
std::vector<T> read_all(Fn fn, const bo_checkout* plan, std::size_t n) {
  std::vector<T> out = blank<T>(n);
  EXPECT_EQ(fn(out.data(), plan, 0, n), BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  return out;
}

std::string text(const char* p, std::size_t len) { return std::string(p, len); }

json window(const bo_checkout_window& w) {
  return {{"from", w.from}, {"to", w.to}, {"min_days", w.min_days}, {"max_days", w.max_days}};
}

// A label in the JSON shape, from its bo_checkout_label, wording and windows, and the sku and quantity of its
// line or alternative.
json label_json(const bo_checkout_label& l, const std::vector<bo_checkout_wording>& wordings,
                const std::vector<bo_checkout_window>& windows, const std::string& sku, int64_t quantity) {
  static const char* const kStatus[] = {"",         "in_stock",     "low_stock",   "backorder",
                                        "preorder", "out_of_stock", "discontinued"};
  const bo_checkout_wording& w = wordings.at(static_cast<std::size_t>(l.wording));
  json merchant = {{"availability", w.merchant}};
  if (*w.availability_date) merchant["availability_date"] = w.availability_date;
  EXPECT_EQ(l.now_window >= 0, l.ship_now > 0);
  EXPECT_EQ(l.later_window >= 0, l.later > 0);
  return {{"sku", sku},
          {"status", kStatus[w.status]},
          {"status_code", w.status},
          {"text", w.text},
          {"short_text", w.short_text},
          {"quantity", quantity},
          {"sellable", l.sellable},
          {"ship_now", l.ship_now},
          {"later", l.later},
          {"unavailable", l.unavailable},
          {"notify_me", l.notify_me != 0},
          {"now_window", l.now_window >= 0 ? window(windows.at(l.now_window)) : json()},
          {"later_window", l.later_window >= 0 ? window(windows.at(l.later_window)) : json()},
          {"schema_org", w.schema_org},
          {"merchant", merchant}};
}

// The whole plan rebuilt from the typed structs, in the JSON shape of docs/json.md.
json typed_plan(const bo_checkout* plan) {
  bo_checkout_summary s{};
  s.struct_size = sizeof s;
  EXPECT_EQ(bo_checkout_summarize(&s, plan), BO_OK) << bo_last_error_message();
  auto lines = read_all<bo_checkout_line>(bo_checkout_lines, plan, s.line_count);
  auto alternatives = read_all<bo_checkout_alternative>(bo_checkout_alternatives, plan, s.alternative_count);
  auto labels = read_all<bo_checkout_label>(bo_checkout_labels, plan, s.line_count + s.alternative_count);
  auto wordings = read_all<bo_checkout_wording>(bo_checkout_wordings, plan, s.wording_count);
  auto windows = read_all<bo_checkout_window>(bo_checkout_windows, plan, s.window_count);
  auto strategies = read_all<bo_checkout_strategy>(bo_checkout_strategies, plan, s.strategy_count);
  auto shipments = read_all<bo_checkout_shipment>(bo_checkout_shipments, plan, s.shipment_count);
  auto items = read_all<bo_checkout_shipment_item>(bo_checkout_shipment_items, plan, s.shipment_item_count);
  auto disclosures = read_all<bo_checkout_disclosure>(bo_checkout_disclosures, plan, s.disclosure_count);

  json out = {{"now", s.now},
              {"locale", s.locale},
              {"currency", s.currency},
              {"policy_hash", s.policy_hash},
              {"subtotal", s.subtotal},
              {"mixed", s.mixed != 0},
              {"cost_difference", s.cost_difference},
              {"default_strategy", s.default_strategy},
              {"recommended_strategy", s.recommended_strategy},
              {"recommendation", s.recommendation},
              {"lines", json::array()},
              {"strategies", json::array()},
              {"disclosures", json::array()}};
  static const char* const kOptions[] = {"wait", "notify_me", "alternative", "remove"};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bo_checkout_line& l = lines[i];
    const std::string sku = text(l.sku, l.sku_len);
    json options = json::array();
    for (unsigned bit = 0; bit < 4; ++bit)
      if (l.options & (1u << bit)) options.push_back(kOptions[bit]);
    json alts = json::array();
    for (std::size_t j = l.first_alternative; j < l.first_alternative + l.alternative_count; ++j) {
      const bo_checkout_alternative& a = alternatives.at(j);
      const std::string asku = text(a.sku, a.sku_len);
      alts.push_back(
          {{"sku", asku},
           {"name", text(a.name, a.name_len)},
           {"price", a.price},
           {"label", label_json(labels.at(s.line_count + j), wordings, windows, asku, l.quantity)}});
    }
    out["lines"].push_back({{"line_id", text(l.line_id, l.line_id_len)},
                            {"sku", sku},
                            {"name", text(l.name, l.name_len)},
                            {"quantity", l.quantity},
                            {"unit_price", l.unit_price},
                            {"amount", l.amount},
                            {"preorder", l.preorder != 0},
                            {"label", label_json(labels.at(i), wordings, windows, sku, l.quantity)},
                            {"options", options},
                            {"alternatives", alts}});
  }
  for (const bo_checkout_strategy& st : strategies) {
    json ships = json::array();
    for (std::size_t k = st.first_shipment; k < st.first_shipment + st.shipment_count; ++k) {
      const bo_checkout_shipment& sh = shipments.at(k);
      json its = json::array();
      for (std::size_t m = sh.first_item; m < sh.first_item + sh.item_count; ++m)
        its.push_back({{"line_id", text(items.at(m).line_id, items.at(m).line_id_len)},
                       {"quantity", items.at(m).quantity}});
      ships.push_back({{"items", its},
                       {"ship", window(windows.at(sh.ship))},
                       {"delivery", window(windows.at(sh.delivery))},
                       {"charge", sh.charge}});
    }
    out["strategies"].push_back({{"id", st.id},
                                 {"shipments", ships},
                                 {"shipping_total", st.shipping_total},
                                 {"customer_pays", st.customer_pays},
                                 {"shop_pays", st.shop_pays},
                                 {"complete", window(windows.at(st.complete))},
                                 {"payment",
                                  {{"advice", st.advice},
                                   {"latest_ship", st.latest_ship},
                                   {"authorization_expires", st.authorization_expires}}},
                                 {"disclosure", text(st.disclosure, st.disclosure_len)}});
  }
  for (const bo_checkout_disclosure& d : disclosures) {
    json j = {{"kind", d.kind}, {"text", text(d.text, d.text_len)}};
    if (d.line_id_len > 0) j["line_id"] = text(d.line_id, d.line_id_len);
    out["disclosures"].push_back(j);
  }
  return out;
}

class TypedCheckout : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = make_engine(apparel_policy());
    ASSERT_NE(engine_, nullptr);
  }
  std::string plan_json(const std::string& req) {
    char* out = nullptr;
    size_t len = 0;
    EXPECT_EQ(bo_engine_checkout_json(&out, &len, engine_.get(), req.data(), req.size()), BO_OK);
    Chars owned(out);
    return out ? std::string(out, len) : std::string();
  }

  Engine engine_;
};

}  // namespace

TEST_F(TypedCheckout, StructsSayWhatTheJsonSays) {
  for (const char* locale : {"en-US", "de-DE"}) {
    // The jacket waits, the scarf and jeans ship, a second jacket line splits the stock left.
    json lines = jacket_scarf_jeans();
    lines.push_back(line("4", "JKT-OLIVE-M", 2));
    const std::string req = request(lines, locale).dump();
    Checkout plan = plan_of(engine_.get(), req);
    ASSERT_NE(plan, nullptr);
    const std::string expected = plan_json(req);
    EXPECT_EQ(json_of(plan.get()), expected) << locale;
    EXPECT_EQ(typed_plan(plan.get()), json::parse(expected)) << locale;
  }
}

TEST_F(TypedCheckout, TheApparelCart) {
  Checkout plan = plan_of(engine_.get(), request(jacket_scarf_jeans()).dump());
  bo_checkout_summary s{};
  s.struct_size = sizeof s;
  ASSERT_EQ(bo_checkout_summarize(&s, plan.get()), BO_OK);
  EXPECT_STREQ(s.now, kNowIso);
  EXPECT_EQ(s.mixed, 1);
  EXPECT_EQ(s.line_count, 3u);
  EXPECT_EQ(s.strategy_count, 2u);
  EXPECT_STREQ(s.recommended_strategy, "ship_available");

  auto lines = read_all<bo_checkout_line>(bo_checkout_lines, plan.get(), 3);
  EXPECT_EQ(lines[0].options,
            BO_OPTION_WAIT | BO_OPTION_NOTIFY_ME | BO_OPTION_ALTERNATIVE | BO_OPTION_REMOVE);
  EXPECT_EQ(lines[1].options, 0u);
  EXPECT_EQ(lines[1].alternative_count, 0u);
  ASSERT_GE(lines[0].alternative_count, 1u);
  auto alternative = read_all<bo_checkout_alternative>(bo_checkout_alternatives, plan.get(), 1);
  EXPECT_EQ(text(alternative[0].sku, alternative[0].sku_len), "JKT-OLIVE-M");

  // The labels of the lines, then of the alternatives; a range of them alone. Their words and windows are
  // listed once: the scarf and the jeans say the same.
  auto labels = blank<bo_checkout_label>(3);
  ASSERT_EQ(bo_checkout_labels(labels.data(), plan.get(), 0, 3), BO_OK);
  auto wordings = read_all<bo_checkout_wording>(bo_checkout_wordings, plan.get(), s.wording_count);
  auto windows = read_all<bo_checkout_window>(bo_checkout_windows, plan.get(), s.window_count);
  EXPECT_STREQ(wordings.at(labels[0].wording).text, kJacketText);
  EXPECT_EQ(labels[0].now_window, -1);
  EXPECT_STREQ(windows.at(labels[0].later_window).from, "2026-12-10");
  EXPECT_EQ(wordings.at(labels[1].wording).status, BO_AVAILABILITY_IN_STOCK);
  EXPECT_EQ(labels[1].wording, labels[2].wording);
  EXPECT_EQ(labels[1].now_window, labels[2].now_window);
  EXPECT_EQ(labels[1].later_window, -1);
  ASSERT_EQ(bo_checkout_labels(labels.data(), plan.get(), s.line_count, 1), BO_OK);
  EXPECT_EQ(wordings.at(labels[0].wording).status, BO_AVAILABILITY_IN_STOCK);
  EXPECT_EQ(labels[0].ship_now, 1);
  EXPECT_LT(s.wording_count, s.line_count + s.alternative_count);

  auto strategies = read_all<bo_checkout_strategy>(bo_checkout_strategies, plan.get(), 2);
  EXPECT_STREQ(strategies[0].id, "ship_available");
  EXPECT_EQ(strategies[0].customer_pays, 595);
  EXPECT_EQ(strategies[0].shipment_count, 2u);
  auto shipment = read_all<bo_checkout_shipment>(bo_checkout_shipments, plan.get(), 1);
  EXPECT_STREQ(windows.at(shipment[0].ship).from, "2026-12-01");
  EXPECT_EQ(shipment[0].item_count, 2u);
}

TEST(TypedCheckoutBook, OverAPromiseBookItOutlivesTheBookAndEngine) {
  Engine e = make_engine(apparel_policy());
  const std::string scenario = example("apparel/scenario.json");
  bo_promises* made = nullptr;
  ASSERT_EQ(bo_promises_new(&made, e.get(), scenario.data(), scenario.size()), BO_OK);
  Promises book(made);
  json cart = {{"currency", "USD"},
               {"lines",
                {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}, {"unit_price", 12900}},
                 {{"line_id", "2"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 1}, {"unit_price", 3500}}}}};
  const std::string req = json({{"cart", cart}, {"customer", {{"locale", "en-US"}, {"zone", "US"}}}}).dump();
  char* text_out = nullptr;
  size_t len = 0;
  ASSERT_EQ(bo_promises_checkout_json(&text_out, &len, book.get(), req.data(), req.size()), BO_OK);
  const std::string expected(text_out, len);
  bo_free(text_out);

  bo_checkout* out = nullptr;
  ASSERT_EQ(bo_promises_checkout(&out, book.get(), req.data(), req.size()), BO_OK) << bo_last_error_message();
  Checkout plan(out);
  book.reset();
  e.reset();
  EXPECT_EQ(json_of(plan.get()), expected);
  json typed = typed_plan(plan.get());
  EXPECT_EQ(typed, json::parse(expected));
  EXPECT_EQ(typed["lines"][0]["label"]["later_window"]["from"], "2026-12-31");
}

TEST_F(TypedCheckout, StringsKeepEveryByte) {
  // A catalog name with quotes and non-ASCII text comes back whole, by its length (NUL is refused on input).
  json r = request(json::array({line("a\"1", "SCF-WOOL-GRY"), line("2", "JKT-NAVY-M")}));
  for (auto& item : r["items"]) {
    if (item["sku"] == "SCF-WOOL-GRY") item["name"] = std::string("Scarf \xc3\xa9 x \"q\"");
  }
  const std::string req = r.dump();
  Checkout plan = plan_of(engine_.get(), req);
  ASSERT_NE(plan, nullptr);
  auto lines = read_all<bo_checkout_line>(bo_checkout_lines, plan.get(), 2);
  EXPECT_EQ(text(lines[0].name, lines[0].name_len), std::string("Scarf \xc3\xa9 x \"q\""));
  EXPECT_EQ(text(lines[0].line_id, lines[0].line_id_len), "a\"1");
  EXPECT_EQ(typed_plan(plan.get()), json::parse(plan_json(req)));
}

TEST_F(TypedCheckout, EveryStringLiesInTheTextBlock) {
  json lines = jacket_scarf_jeans();
  lines.push_back(line("4", "CAP-WINTER-27"));  // a pre-order
  Checkout plan = plan_of(engine_.get(), request(lines).dump());
  const char* block = nullptr;
  size_t size = 0;
  ASSERT_EQ(bo_checkout_texts(&block, &size, plan.get()), BO_OK);
  ASSERT_NE(block, nullptr);
  int checked = 0;
  auto in_block = [&](const char* p, std::size_t len) {
    ++checked;
    EXPECT_TRUE(p >= block && p + len < block + size) << std::string_view(p, len);
    if (p >= block && p + len < block + size) {
      EXPECT_EQ(p[len], '\0');
    }
  };
  auto word = [&](const char* p) { in_block(p, std::strlen(p)); };
  bo_checkout_summary s{};
  s.struct_size = sizeof s;
  ASSERT_EQ(bo_checkout_summarize(&s, plan.get()), BO_OK);
  for (const char* p : {s.now, s.locale, s.currency, s.policy_hash, s.default_strategy,
                        s.recommended_strategy, s.recommendation})
    word(p);
  for (const auto& l : read_all<bo_checkout_line>(bo_checkout_lines, plan.get(), s.line_count)) {
    in_block(l.line_id, l.line_id_len);
    in_block(l.sku, l.sku_len);
    in_block(l.name, l.name_len);
  }
  for (const auto& a :
       read_all<bo_checkout_alternative>(bo_checkout_alternatives, plan.get(), s.alternative_count)) {
    in_block(a.sku, a.sku_len);
    in_block(a.name, a.name_len);
  }
  for (const auto& w : read_all<bo_checkout_wording>(bo_checkout_wordings, plan.get(), s.wording_count))
    for (const char* p : {w.text, w.short_text, w.schema_org, w.merchant, w.availability_date}) word(p);
  for (const auto& st :
       read_all<bo_checkout_strategy>(bo_checkout_strategies, plan.get(), s.strategy_count)) {
    for (const char* p : {st.id, st.advice, st.authorization_expires}) word(p);
    in_block(st.disclosure, st.disclosure_len);
  }
  for (const auto& i :
       read_all<bo_checkout_shipment_item>(bo_checkout_shipment_items, plan.get(), s.shipment_item_count))
    in_block(i.line_id, i.line_id_len);
  for (const auto& d :
       read_all<bo_checkout_disclosure>(bo_checkout_disclosures, plan.get(), s.disclosure_count)) {
    word(d.kind);
    in_block(d.line_id, d.line_id_len);
    in_block(d.text, d.text_len);
  }
  EXPECT_GT(checked, 50);

  const char* untouched = reinterpret_cast<const char*>(0x1);
  EXPECT_EQ(bo_checkout_texts(&untouched, nullptr, plan.get()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "out_len");
  EXPECT_EQ(untouched, reinterpret_cast<const char*>(0x1));
}

TEST_F(TypedCheckout, RangesAndSizesAreCheckedAndAFailedCallWritesNothing) {
  Checkout plan = plan_of(engine_.get(), request(jacket_scarf_jeans()).dump());
  auto lines = blank<bo_checkout_line>(4);
  lines[0].quantity = -7;
  EXPECT_EQ(bo_checkout_lines(lines.data(), plan.get(), 0, 4), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "count");
  EXPECT_EQ(bo_checkout_lines(lines.data(), plan.get(), 3, 1), BO_EINVALID);
  EXPECT_EQ(bo_checkout_lines(lines.data(), plan.get(), SIZE_MAX, 2), BO_EINVALID);
  EXPECT_EQ(lines[0].quantity, -7);
  // Nothing to read: fine, even into NULL; the end of the array is a valid start.
  EXPECT_EQ(bo_checkout_lines(nullptr, plan.get(), 3, 0), BO_OK);

  lines[0].struct_size = 8;
  EXPECT_EQ(bo_checkout_lines(lines.data(), plan.get(), 0, 1), BO_EBUFSIZE);
  EXPECT_STREQ(bo_last_error_path(), "out[0].struct_size");
  lines[0].struct_size = sizeof(bo_checkout_line);
  lines[1].struct_size = sizeof(bo_checkout_line) + 8;
  EXPECT_EQ(bo_checkout_lines(lines.data(), plan.get(), 0, 2), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "out[1].struct_size");
  EXPECT_EQ(lines[0].quantity, -7);

  bo_checkout_summary s{};
  EXPECT_EQ(bo_checkout_summarize(&s, plan.get()), BO_EBUFSIZE);
  EXPECT_EQ(s.line_count, 0u);

  // A larger struct (a newer header): the library writes the fields it knows and leaves the rest.
  struct Bigger {
    bo_checkout_alternative a;
    int64_t later_field;
  };
  std::vector<Bigger> big(1);
  big[0].a.struct_size = sizeof(Bigger);
  big[0].later_field = 42;
  ASSERT_EQ(bo_checkout_alternatives(&big[0].a, plan.get(), 0, 1), BO_OK);
  EXPECT_EQ(text(big[0].a.sku, big[0].a.sku_len), "JKT-OLIVE-M");
  EXPECT_EQ(big[0].later_field, 42);
}

TEST_F(TypedCheckout, NullsAndBadRequests) {
  const std::string req = request(jacket_scarf_jeans()).dump();
  bo_checkout* out = reinterpret_cast<bo_checkout*>(0x1);
  auto expect_null = [](bo_status st, const char* path) {
    EXPECT_EQ(st, BO_EINVALID) << path;
    EXPECT_STREQ(bo_last_error_path(), path);
  };
  expect_null(bo_engine_checkout(nullptr, engine_.get(), req.data(), req.size()), "out");
  expect_null(bo_engine_checkout(&out, nullptr, req.data(), req.size()), "engine");
  expect_null(bo_engine_checkout(&out, engine_.get(), nullptr, 0), "request_json");
  expect_null(bo_promises_checkout(&out, nullptr, req.data(), req.size()), "promises");
  expect_null(bo_checkout_json(nullptr, nullptr, nullptr), "out_json");
  char* text_out = nullptr;
  expect_null(bo_checkout_json(&text_out, nullptr, nullptr), "plan");
  expect_null(bo_checkout_summarize(nullptr, nullptr), "out");
  bo_checkout_summary s{};
  s.struct_size = sizeof s;
  expect_null(bo_checkout_summarize(&s, nullptr), "plan");
  expect_null(bo_checkout_lines(nullptr, nullptr, 0, 0), "plan");
  expect_null(bo_checkout_disclosures(nullptr, nullptr, 0, 1), "plan");
  Checkout plan = plan_of(engine_.get(), req);
  expect_null(bo_checkout_labels(nullptr, plan.get(), 0, 1), "out");
  expect_null(bo_checkout_windows(nullptr, plan.get(), 0, 1), "out");
  bo_checkout_free(nullptr);

  // A bad cart: every problem, and *out untouched.
  json bad = request({line("1", "NOPE"), line("2", "SCF-WOOL-GRY", 0)});
  const std::string bad_text = bad.dump();
  EXPECT_EQ(bo_engine_checkout(&out, engine_.get(), bad_text.data(), bad_text.size()), BO_EINVALID);
  EXPECT_EQ(out, reinterpret_cast<bo_checkout*>(0x1));
  std::set<std::string> paths;
  for (const auto& issue : json::parse(bo_last_error_json())) paths.insert(issue["path"].get<std::string>());
  EXPECT_EQ(paths, (std::set<std::string>{"cart.lines[0].sku", "cart.lines[1].quantity"}));
}

TEST_F(TypedCheckout, ThreadsReadOnePlanAtOnce) {
  Checkout plan = plan_of(engine_.get(), request(jacket_scarf_jeans()).dump());
  const json expected = typed_plan(plan.get());
  std::vector<json> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < 5; ++k) seen[i] = typed_plan(plan.get());
    });
  for (auto& t : threads) t.join();
  for (const json& s : seen) EXPECT_EQ(s, expected);
}
