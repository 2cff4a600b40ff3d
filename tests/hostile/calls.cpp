// The fixture every case runs against, and how each JSON call is made and its refusal checked.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "hostile.hpp"

namespace hostile {
namespace {

constexpr std::int64_t kNowMs = 1796047200000;  // 2026-11-30T09:00:00-05:00
constexpr const char* kNowIso = "2026-11-30T09:00:00-05:00";
constexpr std::size_t kUntouched = 12345;  // what *out_len holds before a call that must not write it

std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(BO_EXAMPLES_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + relative);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A call that must succeed, as parsed JSON.
template <typename Fn, typename... Handle>
json must(Fn fn, const json& request, Handle... handle) {
  const std::string text = request.dump();
  char* out = nullptr;
  std::size_t len = 0;
  const bo_status st = fn(&out, &len, handle..., text.data(), text.size());
  if (st != BO_OK) throw std::runtime_error(std::string("fixture: ") + bo_last_error_message());
  json answer = json::parse(std::string_view(out, len));
  bo_free(out);
  return answer;
}

bo_item reference_item() {
  bo_item it{};
  it.struct_size = sizeof(bo_item);
  it.sku = "JKT-NAVY-M";
  it.sku_len = 10;
  it.quantity = 3;
  it.on_hand = 1;
  it.lead_min_days = it.lead_max_days = it.max_backorder = it.low_stock_threshold = BO_UNSET;
  return it;
}

}  // namespace

Fixture& Fixture::get() {
  static Fixture* f = [] {
    auto* x = new Fixture;
    const std::string policy = read_file("apparel/policy.json");
    if (bo_engine_new(&x->engine, policy.data(), policy.size()) != BO_OK) throw std::runtime_error("engine");
    const std::string scenario = read_file("apparel/scenario.json");
    if (bo_promises_new(&x->book, x->engine, scenario.data(), scenario.size()) != BO_OK)
      throw std::runtime_error("book");
    if (bo_labeler_new(&x->labeler, x->engine, "en-US", 5, kNowMs) != BO_OK)
      throw std::runtime_error("labeler");

    json& b = x->bases;
    b["policy"] = json::parse(policy);
    b["scenario"] = json::parse(scenario);
    b["label"] = {{"item", {{"sku", "JKT-NAVY-M"}, {"lead_time_days", {{"min", 10}, {"max", 14}}}}},
                  {"stock", {{"on_hand", 0}}},
                  {"quantity", 1},
                  {"locale", "en-US"},
                  {"now", kNowIso}};
    b["catalog"] = {{"now", kNowIso},
                    {"locale", "en-US"},
                    {"items", {{{"sku", "JKT-NAVY-M"}}, {{"sku", "SCF-WOOL-GRY"}}}},
                    {"stock", {{{"sku", "SCF-WOOL-GRY"}, {"on_hand", 40}}}}};
    b["quote"] = {{"sku", "JKT-NAVY-M"}, {"quantity", 1}, {"zone", "US"}};
    b["change"] = {{"type", "supply_changed"}, {"id", "PO-1001"}, {"expected", "2026-12-15"}};
    b["book_labels"] = {{"locale", "en-US"}, {"quantity", 1}, {"skus", {"JKT-NAVY-M"}}};
    json cart = {{"currency", "USD"},
                 {"lines",
                  {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}, {"unit_price", 12900}},
                   {{"line_id", "2"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 1}, {"unit_price", 3500}}}}};
    json customer = {{"locale", "en-US"}, {"zone", "US"}};
    b["book_checkout"] = {{"cart", cart}, {"customer", customer}, {"locale", "en-US"}};
    json catalog = json::parse(read_file("apparel/catalog.json"));
    json stock = json::parse(read_file("apparel/stock.json"));
    b["checkout"] = {{"now", kNowIso},
                     {"items", catalog["items"]},
                     {"stock", stock["stock"]},
                     {"cart", cart},
                     {"customer", customer}};
    json plan = must(bo_engine_checkout_json, b["checkout"], static_cast<const bo_engine*>(x->engine));
    b["consent"] = {
        {"plan", plan}, {"choice", {{"strategy", "ship_available"}}}, {"now", "2026-11-30T14:05:00Z"}};
    b["record"] = must(bo_consent_json, b["consent"]);
    b["refund"] = json::parse(read_file("apparel/refund.json"));
    return x;
  }();
  return *f;
}

std::string Fixture::state() const {
  std::string s = must(bo_engine_label_json, bases["label"], static_cast<const bo_engine*>(engine)).dump();
  char* out = nullptr;
  std::size_t len = 0;
  if (bo_promises_json(&out, &len, book) != BO_OK) return "promises_json failed";
  s.append(out, len);
  bo_free(out);
  s += must(bo_promises_quote_json, bases["quote"], static_cast<const bo_promises*>(book)).dump();
  bo_item item = reference_item();
  bo_label label{};
  label.struct_size = sizeof(bo_label);
  if (bo_labeler_run(&label, labeler, &item, 1) != BO_OK || label.error != BO_OK) return "labeler_run failed";
  s += std::string(label.text) + label.short_text + label.later_from + label.later_to;
  return s;
}

const std::vector<JsonCall>& json_calls() {
  // slot: where generated values go; slot_depth: the arrays and objects enclosing it.
  static const std::vector<JsonCall> calls = {
      {"policy", "policy_json", "", "policy", "policy", "/shop", "policy.shop", 1},
      {"label_json", "request_json", "engine", "request", "label", "/item/name", "item.name", 2},
      {"labels_json", "request_json", "engine", "request", "catalog", "/locale", "locale", 1},
      {"promises_new", "scenario_json", "engine", "scenario", "scenario", "/items/0/name", "items[0].name",
       3},
      {"quote", "request_json", "promises", "request", "quote", "/zone", "zone", 1},
      {"apply", "change_json", "promises", "change", "change", "/expected", "change.expected", 1},
      {"book_labels", "request_json", "promises", "request", "book_labels", "/locale", "locale", 1},
      {"book_checkout", "request_json", "promises", "request", "book_checkout", "/customer/tier",
       "customer.tier", 2},
      {"engine_checkout", "request_json", "engine", "request", "checkout", "/customer/tier", "customer.tier",
       2},
      {"consent", "request_json", "", "request", "consent", "/now", "now", 1},
      {"consent_check", "record_json", "", "consent", "record", "/locale", "consent.locale", 1},
      {"refund", "request_json", "engine", "request", "refund", "/order/lines/0/sku", "order.lines[0].sku",
       4},
  };
  return calls;
}

void expect_error(bo_status st, const Expect& want) {
  EXPECT_EQ(st, want.status) << bo_last_error_path() << ": " << bo_last_error_message();
  EXPECT_EQ(bo_last_error_code(), st);
  EXPECT_STRNE(bo_last_error_message(), "");
  EXPECT_EQ(std::string(bo_last_error_path()), want.path) << bo_last_error_message();
  json issues = json::parse(bo_last_error_json(), nullptr, false);
  ASSERT_TRUE(issues.is_array() && !issues.empty()) << bo_last_error_json();
  EXPECT_EQ(issues[0].value("path", "?"), want.path);
  EXPECT_NE(issues[0].value("message", ""), "");
}

namespace {

// The answer of a call that succeeds although its input has a bad part (a catalog row, a policy checked by
// bo_policy_validate): the first listed problem is at want.path.
void expect_listed(bo_status st, char* out, std::size_t len, const char* list, const Expect& want) {
  ASSERT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  json answer = json::parse(std::string_view(out, len), nullptr, false);
  bo_free(out);
  ASSERT_TRUE(answer.is_object());
  ASSERT_TRUE(answer[list].is_array() && !answer[list].empty()) << answer.dump();
  EXPECT_EQ(answer[list][0].value("path", "?"), want.path) << answer[list].dump();
  EXPECT_NE(answer[list][0].value("message", ""), "");
  if (answer.contains("valid")) {
    EXPECT_EQ(answer["valid"], false);
  }
}

}  // namespace

void expect_refused(const std::string& call, std::string_view input, const Expect& want, Pass pass) {
  Fixture& f = Fixture::get();
  static const std::string baseline = f.state();
  const char* data = pass == Pass::null_input ? nullptr : input.data();
  const std::size_t len = input.size();
  char* out = nullptr;
  std::size_t out_len = kUntouched;
  char** out_p = pass == Pass::null_out ? nullptr : &out;
  const bo_engine* engine = pass == Pass::null_handle ? nullptr : f.engine;
  bo_promises* book = pass == Pass::null_handle ? nullptr : f.book;
  bo_status st = BO_OK;

  if (call == "policy") {  // both policy calls: validate lists the problem, engine_new refuses it
    ASSERT_EQ(pass, Pass::bytes);
    st = bo_policy_validate(&out, &out_len, data, len);
    expect_listed(st, out, out_len, "errors", want);
    bo_engine* e = nullptr;
    expect_error(bo_engine_new(&e, data, len), want);
    EXPECT_EQ(e, nullptr);
    bo_engine_free(e);
  } else if (call == "policy_validate") {
    expect_error(bo_policy_validate(out_p, &out_len, data, len), want);
  } else if (call == "engine_new") {
    bo_engine* e = nullptr;
    expect_error(bo_engine_new(pass == Pass::null_out ? nullptr : &e, data, len), want);
    EXPECT_EQ(e, nullptr);
  } else if (call == "promises_new") {
    bo_promises* p = nullptr;
    expect_error(bo_promises_new(pass == Pass::null_out ? nullptr : &p, engine, data, len), want);
    EXPECT_EQ(p, nullptr);
    bo_promises_free(p);
  } else if (call == "promises_json") {
    expect_error(bo_promises_json(out_p, &out_len, book), want);
  } else {
    if (call == "label_json") {
      st = bo_engine_label_json(out_p, &out_len, engine, data, len);
    } else if (call == "labels_json") {
      st = bo_engine_labels_json(out_p, &out_len, engine, data, len);
    } else if (call == "engine_checkout") {
      st = bo_engine_checkout_json(out_p, &out_len, engine, data, len);
    } else if (call == "quote") {
      st = bo_promises_quote_json(out_p, &out_len, book, data, len);
    } else if (call == "apply") {
      st = bo_promises_apply_json(out_p, &out_len, book, data, len);
    } else if (call == "book_labels") {
      st = bo_promises_labels_json(out_p, &out_len, book, data, len);
    } else if (call == "book_checkout") {
      st = bo_promises_checkout_json(out_p, &out_len, book, data, len);
    } else if (call == "consent") {
      st = bo_consent_json(out_p, &out_len, data, len);
    } else if (call == "consent_check") {
      st = bo_consent_check_json(out_p, &out_len, data, len);
    } else if (call == "refund") {
      st = bo_engine_refund_json(out_p, &out_len, engine, data, len);
    } else {
      FAIL() << "no call " << call;
    }
    if (want.row) {
      expect_listed(st, out, out_len, "errors", want);
    } else {
      expect_error(st, want);
      EXPECT_EQ(out, nullptr);
      EXPECT_EQ(out_len, kUntouched);  // a failed call changes nothing
      bo_free(out);
    }
  }
  EXPECT_EQ(f.state(), baseline) << "a handle changed";
}

std::string unescape_bytes(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16)));
      i += 3;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace hostile
