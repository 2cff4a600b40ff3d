// Remedies in the ledger's delay messages, the support desk brief and the merchant report, on every backend:
// SQLite in memory, SQLite in a file, and PostgreSQL when BO_TEST_POSTGRES_URL names a server.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "backorder/labels.hpp"
#include "backorder/store.hpp"
#include "store_support.hpp"
#include "test_support.hpp"

namespace backorder {
namespace {

using nlohmann::json;

std::string unique_shop() { return test::unique_name("desk-"); }

Instant t(const char* iso) { return parse_instant(iso, "now"); }

// The apparel policy (free expedited shipping and 10% off for every delay) with rules on top: gold customers
// waiting 3 business days or more hear from a person and get points; big orders delayed by a supplier get
// part of the delayed lines back. 30.00 per order, 50.00 a month.
json desk_policy(const std::string& shop) {
  json p = json::parse(test::apparel_policy());
  p["shop"] = shop;
  p["compliance"] = {{"jurisdiction", "US"}};  // a US shop: the FTC mail-order rule's deadlines
  p["remedies"] = json::parse(R"({
    "budget": {"per_order": 3000, "per_period": 5000, "period": "month"},
    "point_value": 1,
    "rules": [
      {"id": "gold-wait", "when": {"tiers": ["gold"], "delay_business_days": {"min": 3}},
       "then": [{"type": "personal_outreach"}, {"type": "loyalty_points", "per_unit": 2}]},
      {"id": "big-order", "when": {"order_value": {"min": 10000}, "causes": ["supplier"]},
       "then": [{"type": "partial_refund", "percent": 10, "max": 1000}]}
    ]})");
  return p;
}

json catalog_event() {
  json c = json::parse(test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/catalog.json"));
  json s = json::parse(test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/stock.json"));
  json e = {{"id", "catalog-1"}, {"type", "catalog"}, {"at", "2026-11-30T08:00:00-05:00"}};
  e["items"] = c["items"];
  e["stock"] = s["stock"];
  return e;
}

json order_event(const std::string& id, const std::string& order, const std::string& who,
                 const std::string& tier, json lines) {
  return {
      {"id", id},
      {"type", "order_placed"},
      {"at", "2026-11-30T09:06:00-05:00"},
      {"order",
       {{"id", order},
        {"customer", {{"name", who}, {"email", who + "@example.com"}, {"locale", "en-US"}, {"tier", tier}}},
        {"lines", lines}}}};
}

class DeskTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    url_ = test::backend_url(GetParam(), "bo-desk-", dir_);
    if (url_.empty()) GTEST_SKIP() << test::kNoPostgres;
    shop_ = unique_shop();
    store_ = open(desk_policy(shop_));
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<Store> open(const json& policy) {
    StoreOptions o;
    o.secret = "a-test-secret-of-32-bytes-length";
    return Store::open(Engine::from_json(policy.dump()), url_, o);
  }
  json apply(const json& events) { return json::parse(store_->apply_json(events.dump())); }
  std::vector<OutboxMessage> of_kind(const std::string& kind) {
    std::vector<OutboxMessage> out;
    for (auto& m : store_->outbox("", 1000, t("2027-06-01T00:00:00Z")))
      if (m.kind == kind) out.push_back(m);
    return out;
  }
  const OutboxMessage& delay_to(const std::vector<OutboxMessage>& ms, const std::string& order) {
    for (const auto& m : ms)
      if (m.order_id == order) return m;
    throw std::runtime_error("no delay message to " + order);
  }
  // Dana (gold) waits for a jacket and got a scarf at once; Lee waits for a jacket. The purchase order that
  // was to bring the jackets on 7 December slips to the 21st.
  void story() {
    apply(catalog_event());
    apply(order_event("o1", "NW-1", "dana", "gold",
                      {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}, {"unit_price", 12900}},
                       {{"line_id", "2"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 1}, {"unit_price", 3500}}}));
    apply(order_event("o2", "NW-2", "lee", "", {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}}}));
    apply({{"id", "s1"},
           {"type", "shipment_created"},
           {"at", "2026-11-30T16:30:00-05:00"},
           {"order_id", "NW-1"},
           {"shipment_id", "S1"},
           {"carrier", "UPS"},
           {"tracking", "1Z1"},
           {"lines", {{{"line_id", "2"}, {"quantity", 1}}}}});
    apply({{"id", "po"},
           {"type", "supply_added"},
           {"at", "2026-12-01T10:00:00-05:00"},
           {"supply",
            {{"id", "PO-7001"}, {"sku", "JKT-NAVY-M"}, {"quantity", 20}, {"expected", "2026-12-07"}}}});
    apply({{"id", "slip"},
           {"type", "supply_changed"},
           {"at", "2026-12-07T11:00:00-05:00"},
           {"supply", {{"id", "PO-7001"}, {"expected", "2026-12-21"}}}});
  }
  json brief(const std::string& order, const char* now, std::string locale = "") {
    BriefRequest r;
    r.now = t(now);
    r.locale = std::move(locale);
    return json::parse(store_->brief_json(order, r));
  }

  std::string url_, shop_;
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST_P(DeskTest, TheDelayMessageGivesWhatTheRulesGrantWithinTheBudgets) {
  story();
  auto delays = of_kind("delay");
  ASSERT_EQ(delays.size(), 2u);
  const OutboxMessage& dana = delay_to(delays, "NW-1");
  // notifications.delay_remedies first (10% of 164.00 counts as 16.40), then gold-wait (328 points), then
  // big-order: 10% of the jacket's 129.00, capped at the rule's 10.00; 2.96 left of the order's 30.00.
  for (const char* part : {"- Free expedited shipping when your item arrives.\n",
                           "- 10% off your next purchase with code SORRY-",
                           "- A member of our team will contact you personally.\n",
                           "- 328 loyalty points have been added to your account.\n",
                           "- A refund of $10.00 for the wait, to your original payment method.\n"})
    EXPECT_TRUE(contains(dana.text, part)) << part << "\n" << dana.text;
  json order = json::parse(store_->order_json("NW-1"));
  ASSERT_EQ(order["remedies"].size(), 5u) << order["remedies"].dump();
  EXPECT_EQ(order["remedies"][0]["rule"], "delay_remedies");
  EXPECT_EQ(order["remedies"][1]["cost"], 1640);
  EXPECT_EQ(order["remedies"][2]["kind"], "personal_outreach");
  EXPECT_EQ(order["remedies"][3]["points"], 328);
  EXPECT_EQ(order["remedies"][4]["amount"], 1000);
  EXPECT_EQ(order["remedies"][4]["capped"], "max");
  EXPECT_EQ(order["remedies"][4]["granted_at"], t("2026-12-07T11:00:00-05:00"));

  // Lee's order (no price given: the catalog's 129.00) comes second in the same month: 50.00 - 29.68 =
  // 20.32 left, of which the 12.90 discount takes its share and the refund the 7.42 left.
  const OutboxMessage& lee = delay_to(delays, "NW-2");
  EXPECT_FALSE(contains(lee.text, "personally")) << lee.text;
  EXPECT_TRUE(contains(lee.text, "- A refund of $7.42 for the wait")) << lee.text;
  json lee_order = json::parse(store_->order_json("NW-2"));
  EXPECT_EQ(lee_order["remedies"][2]["capped"], "period_budget");

  // A later slip: no rule grants twice, and the message repeats what the order has.
  apply({{"id", "slip-2"},
         {"type", "delay_declared"},
         {"at", "2026-12-09T11:00:00-05:00"},
         {"order_id", "NW-1"},
         {"cause", "carrier"}});
  EXPECT_EQ(json::parse(store_->order_json("NW-1"))["remedies"].size(), 5u);
  EXPECT_EQ(of_kind("delay").size(), 3u);
}

TEST_P(DeskTest, APeriodsBudgetCountsItsOwnGrantsOnly) {
  story();  // December's 50.00 are spent
  auto delayed_boots = [&](const std::string& n, const char* placed, const char* declared) {
    json e =
        order_event("o" + n, "NW-" + n, "kim", "",
                    {{{"line_id", "1"}, {"sku", "BOOT-CHEL-42"}, {"quantity", 1}, {"unit_price", 15900}}});
    e["at"] = placed;
    apply(e);
    apply({{"id", "d" + n},
           {"type", "delay_declared"},
           {"at", declared},
           {"order_id", "NW-" + n},
           {"cause", "supplier"}});
    std::vector<std::string> kinds;
    const json order = json::parse(store_->order_json("NW-" + n));
    for (const json& g : order["remedies"]) kinds.push_back(g["kind"]);
    return kinds;
  };
  // Still December: only what costs nothing.
  EXPECT_EQ(delayed_boots("5", "2026-12-10T09:00:00-05:00", "2026-12-11T09:00:00-05:00"),
            (std::vector<std::string>{"free_expedited_shipping"}));
  // January has its own budget.
  EXPECT_EQ(delayed_boots("6", "2027-01-04T09:00:00-05:00", "2027-01-05T09:00:00-05:00"),
            (std::vector<std::string>{"free_expedited_shipping", "discount", "partial_refund"}));
}

TEST_P(DeskTest, TheBriefOfALateOrder) {
  story();
  json b = brief("NW-1", "2026-12-08T10:00:00-05:00");
  EXPECT_EQ(b["status"], "late");
  EXPECT_EQ(b["locale"], "en-US");
  EXPECT_EQ(b["customer"]["tier"], "gold");
  EXPECT_EQ(b["title"], "Support brief: order NW-1 for dana");
  EXPECT_EQ(b["acknowledgement"], "We’re sorry: one item of order NW-1 will ship later than we promised.");
  ASSERT_EQ(b["lines"].size(), 2u);
  const json& jacket = b["lines"][0];
  EXPECT_EQ(jacket["source"], "inbound");
  EXPECT_EQ(jacket["supply"]["id"], "PO-7001");
  EXPECT_EQ(jacket["supply"]["arriving"]["from"], "2026-12-21");
  EXPECT_EQ(jacket["supply"]["overdue"], false);
  EXPECT_GT(jacket["late_business_days"].get<int>(), 0);
  EXPECT_TRUE(contains(jacket["text"], "with purchase order PO-7001 arriving Dec 21.")) << jacket["text"];
  EXPECT_TRUE(contains(jacket["text"], "Promised Dec 10\u2009–\u200914: ")) << jacket["text"];
  EXPECT_TRUE(contains(jacket["text"], "business days late.")) << jacket["text"];
  EXPECT_EQ(b["lines"][1]["shipped"], 1);
  EXPECT_FALSE(b["lines"][1].contains("text"));

  ASSERT_EQ(b["options"].size(), 3u);
  EXPECT_EQ(b["options"][0]["type"], "wait");
  EXPECT_EQ(b["options"][1]["refund"], 12900);
  EXPECT_EQ(b["options"][1]["text"], "Cancel the waiting items for a full refund of $129.00.");
  EXPECT_EQ(b["options"][2]["type"], "alternative");
  EXPECT_EQ(b["options"][2]["alternatives"][0]["sku"], "JKT-NAVY-L");

  // Everything the rules give was given with the delay message: nothing more to offer.
  EXPECT_TRUE(b["remedies"]["may_offer"].empty());
  EXPECT_EQ(b["remedies"]["granted"].size(), 5u);
  EXPECT_EQ(b["remedies"]["outreach"], true);
  EXPECT_EQ(b["remedies"]["decision"]["budget"]["order_left"], 32);

  std::vector<std::string> topics, steps;
  for (const json& p : b["policy"]) topics.push_back(p["topic"]);
  for (const json& s : b["next_steps"]) steps.push_back(s["type"]);
  EXPECT_EQ(topics, (std::vector<std::string>{"lead_time", "updates", "cancellation", "budget_per_order",
                                              "budget_per_period", "rule", "rule", "rule"}));
  EXPECT_EQ(b["policy"][5]["path"], "notifications.delay_remedies");
  EXPECT_EQ(b["policy"][6]["path"], "remedies.rules[0]");
  EXPECT_EQ(steps, (std::vector<std::string>{"tell_date", "offer_options", "personal_outreach",
                                             "automatic_updates"}));

  const std::string text = b["text"];
  for (const char* part :
       {"Support brief: order NW-1 for dana\nWe’re sorry: one item of order NW-1 will ship later than we "
        "promised.\n",
        "\nOptions to offer\n- Keep waiting", "\nRemedies you may offer (within the policy’s caps)\n- None",
        "- Left in this order’s goodwill budget: $0.32.\n", "\nAlready given to this order\n",
        "- Personal outreach: you contact the customer yourself, not with a template (rule gold-wait).\n",
        "- A partial refund of $10.00 (rule big-order).\n", "Code: SORRY-",
        "- Goodwill budget per month: $50.00.\n", "- Supplier lead time: 10–14 days.\n",
        "- Personal outreach is due: call or write to dana yourself.\n"})
    EXPECT_TRUE(contains(text, part)) << part << "\n" << text;
  EXPECT_TRUE(store_->outbox("", 1000, t("2027-06-01T00:00:00Z")).size() > 0);  // reads only: nothing new
}

TEST_P(DeskTest, TheAgentMayOfferWhatANewerPolicyAddsWithinWhatIsLeft) {
  if (url_ == "sqlite::memory:") GTEST_SKIP() << "a second handle on a memory database sees another database";
  story();
  json p = desk_policy(shop_);
  p["remedies"]["budget"]["per_period"] = 10000;
  p["remedies"]["rules"].push_back(
      json::parse(R"({"id": "late-week", "when": {"delay_business_days": {"min": 5}},
                      "then": [{"type": "discount", "percent": 15, "max": 2000, "code_prefix": "WEEK"}]})"));
  store_ = open(p);
  json b = brief("NW-1", "2026-12-08T10:00:00-05:00", "de-DE");
  ASSERT_EQ(b["remedies"]["may_offer"].size(), 1u) << b["remedies"].dump(1);
  const json& offer = b["remedies"]["may_offer"][0];
  EXPECT_EQ(offer["rule"], "late-week");
  EXPECT_EQ(offer["max"], 32);  // what is left of the order's budget
  EXPECT_EQ(offer["capped"], "order_budget");
  EXPECT_EQ(
      offer["text"],
      "Ein Rabattcode über 15\u00a0% auf den nächsten Einkauf, höchstens 0,32\u00a0$ (Regel late-week).")
      << offer["text"].dump(-1, ' ', true);
  EXPECT_TRUE(contains(b["text"], "Es tut uns leid: Ein Artikel der Bestellung NW-1")) << b["text"];
}

TEST_P(DeskTest, BriefsInEveryLanguageAndOfAnOrderThatWaitsNoMore) {
  story();
  for (const char* locale : {"en", "de", "fr", "es", "pl", "ja"}) {
    json b = brief("NW-1", "2026-12-08T10:00:00-05:00", locale);
    const std::string text = b["text"];
    EXPECT_FALSE(contains(text, "{")) << locale << "\n" << text;
    EXPECT_TRUE(contains(text, "PO-7001")) << locale;
    for (const json& s : b["next_steps"]) EXPECT_FALSE(s["text"].get<std::string>().empty());
  }
  apply({{"id", "cancel"},
         {"type", "line_cancelled"},
         {"at", "2026-12-08T12:00:00-05:00"},
         {"order_id", "NW-2"}});
  json b = brief("NW-2", "2026-12-08T13:00:00-05:00");
  EXPECT_EQ(b["status"], "done");
  EXPECT_EQ(b["acknowledgement"],
            "Nothing of order NW-2 is waiting any more: every item has shipped or was cancelled.");
  EXPECT_TRUE(b["options"].empty());
  EXPECT_EQ(b["next_steps"][0]["type"], "help_with_shipments");
}

TEST_P(DeskTest, BriefRequestsAreChecked) {
  story();
  try {
    brief("NW-404", "2026-12-08T10:00:00-05:00");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
    EXPECT_EQ(e.path(), "order_id");
  }
  auto path_of = [&](const char* request) {
    try {
      store_brief_json(*store_, request);
    } catch (const Error& e) {
      return e.path();
    }
    return std::string("(accepted)");
  };
  EXPECT_EQ(path_of(R"({"order_id": "NW-1"})"), "now");
  EXPECT_EQ(path_of(R"({"now": "2026-12-08T10:00:00-05:00"})"), "order_id");
  EXPECT_EQ(path_of(R"({"order_id": "NW-1", "now": "2026-12-08T10:00:00-05:00", "locale": "xx-nope"})"),
            "locale");
  EXPECT_EQ(path_of(R"({"order_id": "NW-1", "now": "2026-12-08T10:00:00-05:00", "colour": 1})"), "colour");
  EXPECT_EQ(path_of(R"({"order_id": "NW-1", "now": "2026-12-08T10:00:00-05:00"})"), "(accepted)");
}

TEST_P(DeskTest, AnInStockLineShipsTomorrow) {
  story();
  json e =
      order_event("o3", "NW-3", "kim", "", {{{"line_id", "1"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 2}}});
  e["at"] = "2026-12-08T09:00:00-05:00";
  apply(e);
  json b = brief("NW-3", "2026-12-08T10:00:00-05:00");
  EXPECT_EQ(b["status"], "on_time");
  EXPECT_EQ(b["acknowledgement"], "One item of order NW-3 is still on its way, on schedule.");
  EXPECT_EQ(b["lines"][0]["text"],
            "Wool scarf, grey (2 units): in stock, ships tomorrow. Promised Dec 9: on time.");
  EXPECT_TRUE(b["remedies"]["may_offer"].empty());
  EXPECT_TRUE(b["remedies"]["decision"].is_null());
  std::vector<std::string> steps;
  for (const json& s : b["next_steps"]) steps.push_back(s["type"]);
  EXPECT_EQ(steps, (std::vector<std::string>{"tell_date", "automatic_updates"}));
}

TEST_P(DeskTest, TheReport) {
  story();
  json e =
      order_event("o3", "NW-3", "kim", "", {{{"line_id", "1"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 1}}});
  e["at"] = "2026-12-08T09:00:00-05:00";
  apply(e);
  json r = json::parse(store_report_json(*store_, R"({"now": "2026-12-08T10:00:00-05:00"})"));
  EXPECT_EQ(r["today"], "2026-12-08");
  EXPECT_EQ(r["currency"], "USD");
  EXPECT_EQ(r["shop_name"], "Northwind Apparel");
  EXPECT_EQ(r["totals"]["items"], 2);
  EXPECT_EQ(r["totals"]["waiting_units"], 3);
  EXPECT_EQ(r["totals"]["waiting_orders"], 3);
  EXPECT_EQ(r["totals"]["at_risk_lines"], 2);
  EXPECT_EQ(r["totals"]["at_risk_orders"], 2);
  EXPECT_EQ(r["totals"]["deadlines_overdue"], 0);
  EXPECT_EQ(r["totals"]["deadlines_due_soon"], 0);
  ASSERT_EQ(r["items"].size(), 2u);
  const json& jacket = r["items"][0];  // at risk first
  EXPECT_EQ(jacket["sku"], "JKT-NAVY-M");
  EXPECT_EQ(jacket["name"], "Field jacket, navy, M");
  EXPECT_EQ(jacket["waiting_units"], 2);
  EXPECT_EQ(jacket["waiting_orders"], 2);
  EXPECT_EQ(jacket["ready_units"], 0);
  EXPECT_EQ(jacket["oldest_wait_days"], 8);
  EXPECT_EQ(jacket["oldest_order"], "NW-1");
  EXPECT_EQ(jacket["at_risk"]["orders"], json({"NW-1", "NW-2"}));
  EXPECT_EQ(jacket["next_inbound"], json::parse(R"({"id": "PO-7001", "quantity": 20, "overdue": false,
      "arriving": {"from": "2026-12-21", "to": "2026-12-21"}})"));
  ASSERT_EQ(jacket["deadlines"].size(), 2u);
  EXPECT_EQ(jacket["deadlines"][0]["due"], "2026-12-30");
  EXPECT_EQ(jacket["deadlines"][0]["days_left"], 22);
  const json& scarf = r["items"][1];
  EXPECT_EQ(scarf["ready_units"], 1);
  EXPECT_EQ(scarf["oldest_wait_days"], 0);
  EXPECT_EQ(scarf["at_risk"]["lines"], 0);
  EXPECT_TRUE(scarf["next_inbound"].is_null());
  // The FTC rule packs' deadlines: no shipping time was stated, so 30 days from the order.
  ASSERT_EQ(r["deadlines"].size(), 3u);
  EXPECT_EQ(r["deadlines"][0]["rule"], "ftc.deadline");
  EXPECT_EQ(r["deadlines"][0]["action"], "ship");
  EXPECT_EQ(r["deadlines"][0]["citation"], "16 CFR 435.2(a)(1), 435.1(c)");
  EXPECT_EQ(r["deadlines"][0]["skus"], json({"JKT-NAVY-M"}));
  EXPECT_EQ(r["deadlines"][2]["order_id"], "NW-3");
  EXPECT_EQ(r["deadlines"][2]["due"], "2027-01-07");

  // Past the purchase order's date and the jackets' deadline, without a delay notice: the notice was due
  // on the 30th (overdue), and the orders count as cancelled from today.
  r = json::parse(store_report_json(*store_, R"({"now": "2026-12-31T10:00:00-05:00"})"));
  EXPECT_EQ(r["items"][0]["next_inbound"]["overdue"], true);
  EXPECT_EQ(r["totals"]["deadlines_overdue"], 2);
  EXPECT_EQ(r["totals"]["deadlines_due_soon"], 3);
  EXPECT_EQ(r["deadlines"][0]["overdue"], true);
  EXPECT_EQ(r["deadlines"][0]["days_left"], -1);
  EXPECT_EQ(r["deadlines"][0]["rule"], "ftc.first_notice");
  EXPECT_EQ(r["deadlines"][0]["severity"], "violation");
  EXPECT_EQ(r["deadlines"][2]["rule"], "ftc.cancel.no_notice");
  EXPECT_EQ(r["deadlines"][2]["action"], "cancel_and_refund");
  EXPECT_EQ(r["deadlines"][2]["days_left"], 0);

  EXPECT_THROW(store_report_json(*store_, R"({})"), Error);
  EXPECT_THROW(store_report_json(*store_, R"({"now": "yesterday"})"), Error);
}

TEST_P(DeskTest, AnEmptyLedgerReportsNothingWaiting) {
  json r = json::parse(store_report_json(*store_, R"({"now": "2026-12-08T10:00:00-05:00"})"));
  EXPECT_TRUE(r["items"].empty());
  EXPECT_EQ(r["totals"]["waiting_units"], 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DeskTest,
                         ::testing::Values("sqlite::memory:", "sqlite-file", "postgresql"),
                         [](const auto& info) {
                           std::string n = info.param;
                           return n == "sqlite::memory:" ? std::string("SqliteMemory")
                                  : n == "sqlite-file"   ? std::string("SqliteFile")
                                                         : std::string("Postgresql");
                         });

TEST(DeskCatalogue, EveryDeskKeyFormatsInEveryLanguage) {
  auto engine = test::apparel_engine();
  int keys = 0;
  for (const char* locale : {"en", "de", "fr", "es", "pl", "ja"}) {
    Labeler l(engine, locale, test::monday_morning());
    for (std::string_view key : kMessageKeys) {
      if (!key.starts_with("desk_")) continue;
      ++keys;
      // Policy lines and budgets take numbers where the rest take text ({max}), and a call takes at most 16
      // arguments: three sets.
      const bool policy = key.starts_with("desk_policy_") || key.starts_with("desk_budget_");
      const bool order = key == "desk_title" || key.starts_with("desk_next_") ||
                         key.starts_with("desk_ack_") || key == "desk_option_alternative";
      std::string text = order    ? l.format(key, {{"order_id", "NW-1"},
                                                   {"customer", "Dana"},
                                                   {"count", 2},
                                                   {"names", "A and B"},
                                                   {"date", "December 30"},
                                                   {"message", "Ship by 2026-12-30."},
                                                   {"rule", "ftc.deadline"}})
                         : policy ? l.format(key, {{"period", "week"},
                                                   {"min", 10},
                                                   {"max", 14},
                                                   {"unit", "business"},
                                                   {"hours", 24},
                                                   {"days", 2},
                                                   {"amount", "$5.00"},
                                                   {"rule", "r1"}})
                                  : l.format(key, {{"order_id", "NW-1"},
                                                   {"count", 2},
                                                   {"name", "Field jacket"},
                                                   {"quantity", 3},
                                                   {"dates", "Dec 10 – 14"},
                                                   {"days", 2},
                                                   {"supply", "PO-1"},
                                                   {"arrival", "Dec 9"},
                                                   {"promised", "Dec 1 – 3"},
                                                   {"amount", "$5.00"},
                                                   {"max", "$30.00"},
                                                   {"percent", 10},
                                                   {"points", 5},
                                                   {"rule", "r1"},
                                                   {"code", "C-1"}});
      EXPECT_FALSE(text.empty()) << locale << " " << key;
      EXPECT_FALSE(contains(text, "{")) << locale << " " << key << ": " << text;
    }
  }
  EXPECT_EQ(keys, 6 * 41);
}

}  // namespace
}  // namespace backorder
