// Compliance scheduling through the ledger (docs/store.md#compliance-scheduling), on every backend: FTC
// timelines (30 days without a stated time, 50 with a credit application), the delay notice as soon as the
// ledger knows, silence as consent for a short delay, express consent for a long one, the automatic
// cancellation with the exact refund, the renewed notice, the shopper's answers, and the EU/UK variant.
// Orders are placed Monday 30 November 2026 in New York; the shop's purchase order was due 7 December.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "backorder/refund_wire.hpp"
#include "backorder/store.hpp"
#include "backorder/wire.hpp"
#include "store_support.hpp"
#include "test_support.hpp"

namespace backorder {
namespace {

using nlohmann::json;

std::string unique_shop() { return test::unique_name("ftc-"); }

Instant t(const char* iso) { return parse_instant(iso, "now"); }

std::shared_ptr<const Engine> engine_for(const std::string& shop, const std::string& jurisdiction) {
  json p = json::parse(test::apparel_policy());
  p["shop"] = shop;
  p["compliance"] = {{"jurisdiction", jurisdiction}};
  // The refunds engine names jurisdictions by their refund rules.
  p["refunds"]["jurisdiction"] = jurisdiction == "US" ? "US" : jurisdiction == "GB" ? "UK" : "EU";
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

// One field jacket (on backorder), paid by card: 129.00 + 8 % tax + 5.95 shipping.
json jacket_order(const std::string& order, const std::string& locale = "en-US") {
  return {
      {"id", "placed-" + order},
      {"type", "order_placed"},
      {"at", "2026-11-30T09:06:00-05:00"},
      {"order",
       {{"id", order},
        {"customer", {{"name", "Dana"}, {"email", "dana@example.com"}, {"locale", locale}}},
        {"lines", {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}, {"unit_price", 12900}}}}}},
      {"paid",
       {{"currency", "USD"},
        {"payment", "card"},
        {"lines", {{{"line_id", "1"}, {"quantity", 1}, {"unit_price", 12900}, {"tax", {{"rate_bp", 800}}}}}},
        {"shipping", {{"charged", 595}}}}}};
}

json po_expected(const std::string& id, const char* at, const char* expected) {
  return {{"id", id},
          {"type", "supply_changed"},
          {"at", at},
          {"supply", {{"id", "PO-1"}, {"expected", expected}}}};
}

json tick(const char* at) { return {{"id", std::string("tick:") + at}, {"type", "tick"}, {"at", at}}; }

json reply(const std::string& id, const char* at, const std::string& order, const char* answer) {
  return {{"id", id}, {"type", "delay_reply"}, {"at", at}, {"order_id", order}, {"answer", answer}};
}

class StoreComplianceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    url_ = test::backend_url(GetParam(), "bo-ftc-", dir_);
    if (url_.empty()) GTEST_SKIP() << test::kNoPostgres;
    open("US");
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  // A new shop under `jurisdiction`, with the catalog and a purchase order of 20 jackets due 7 December.
  void open(const std::string& jurisdiction) {
    shop_ = unique_shop();
    engine_ = engine_for(shop_, jurisdiction);
    store_ = Store::open(engine_, url_, {});
    apply(catalog_event());
    apply(
        {{"id", "po"},
         {"type", "supply_added"},
         {"at", "2026-11-30T08:30:00-05:00"},
         {"supply", {{"id", "PO-1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 20}, {"expected", "2026-12-07"}}}});
  }
  json apply(const json& events) { return json::parse(store_->apply_json(events.dump())); }
  std::vector<OutboxMessage> of_kind(const std::string& kind) {
    std::vector<OutboxMessage> out;
    for (auto& m : store_->outbox("", 1000, t("2027-06-01T00:00:00Z")))
      if (m.kind == kind) out.push_back(m);
    return out;
  }
  json order(const std::string& id) { return json::parse(store_->order_json(id)); }
  json deadlines(const char* now) {
    return json::parse(store_report_json(*store_, json{{"now", now}}.dump()))["deadlines"];
  }
  static bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }

  std::string url_, shop_;
  std::filesystem::path dir_;
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreComplianceTest, NoTimeStatedMeansThirtyDaysAndNothingIsSentWhileThePromiseHolds) {
  apply(jacket_order("NW-1"));
  json d = deadlines("2026-12-01T10:00:00-05:00");
  ASSERT_EQ(d.size(), 1u) << d.dump();
  EXPECT_EQ(d[0]["rule"], "ftc.deadline");
  EXPECT_EQ(d[0]["due"], "2026-12-30");  // 30 November + 30 days
  EXPECT_EQ(d[0]["citation"], "16 CFR 435.2(a)(1), 435.1(c)");
  EXPECT_EQ(d[0]["skus"], json({"JKT-NAVY-M"}));
  json r = apply(tick("2026-12-02T06:00:00-05:00"));
  EXPECT_EQ(r["results"][0]["status"], "applied");
  EXPECT_TRUE(of_kind("delay_notice").empty());
  EXPECT_EQ(apply(tick("2026-12-02T06:00:00-05:00"))["results"][0]["status"], "duplicate");
}

// The shipping time stated at checkout (the consent record's last ship day) is the deadline. A notice that
// could still go out before it does; once it has passed unshipped without one, the order counts as
// cancelled (no late notice is sent then) and the next tick cancels it.
TEST_P(StoreComplianceTest, TheStatedTimeIsTheDeadlineAndMissingItWithoutANoticeCancels) {
  json request = {
      {"now", "2026-11-30T09:00:00-05:00"},
      {"cart",
       {{"currency", "USD"}, {"lines", {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", 1}}}}}},
      {"customer", {{"locale", "en-US"}, {"zone", "US"}}}};
  json plan = json::parse(store_->checkout_json(request.dump()));
  json consent = json::parse(consent_json(json{
      {"plan", plan},
      {"choice", {{"lines", {{"1", "wait"}}}}},
      {"now", "2026-11-30T09:05:00-05:00"}}.dump()));
  json placed = jacket_order("NW-5");
  placed["consent"] = consent;
  apply(placed);
  std::string stated;
  for (const json& sh : consent["shipments"])
    if (sh.contains("ship") && sh["ship"].is_object())
      stated = std::max(stated, sh["ship"]["to"].get<std::string>());
  ASSERT_FALSE(stated.empty()) << consent.dump();
  json d = deadlines("2026-12-01T10:00:00-05:00");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0]["rule"], "ftc.deadline");
  EXPECT_EQ(d[0]["due"], stated);
  EXPECT_LT(stated, "2026-12-30");  // sooner than the 30 days without a stated time
  // The day after, unshipped and no notice: an event that moves the promise later sends no notice now.
  const Day after = parse_day(stated, "day") + 1;
  std::string day_after = format_day(after) + "T09:00:00-05:00";
  apply(po_expected("slip", day_after.c_str(), "2027-01-10"));
  EXPECT_TRUE(of_kind("delay_notice").empty());
  apply(tick(day_after.c_str()));
  json o = order("NW-5");
  EXPECT_EQ(o["lines"][0]["cancelled"], 1);
  EXPECT_EQ(o["compliance"]["cancelled"]["rule"], "ftc.cancel.no_notice");
  EXPECT_EQ(of_kind("cancelled").size(), 1u);
}

TEST_P(StoreComplianceTest, ACreditApplicationMeansFiftyDays) {
  json placed = jacket_order("NW-2");
  placed["order"]["credit_applied"] = true;
  apply(placed);
  json d = deadlines("2026-12-01T10:00:00-05:00");
  ASSERT_EQ(d.size(), 1u) << d.dump();
  EXPECT_EQ(d[0]["due"], "2027-01-19");  // 30 November + 50 days
}

TEST_P(StoreComplianceTest, AShortDelayIsNoticedAtOnceAndSilenceIsConsent) {
  apply(jacket_order("NW-1"));
  // The purchase order slips past the 30-day deadline, by less than 30 days more: the notice goes out with
  // the event that tells the ledger, not at the next tick.
  json r = apply(po_expected("slip", "2026-12-10T11:00:00-05:00", "2027-01-10"));
  auto notices = of_kind("delay_notice");
  ASSERT_EQ(notices.size(), 1u) << r.dump();
  const OutboxMessage& n = notices[0];
  json o = order("NW-1");
  const std::string revised = o["lines"][0]["ship"]["to"];
  EXPECT_GT(revised, "2026-12-30");
  EXPECT_LE(revised, "2027-01-29");
  EXPECT_EQ(n.key, shop_ + ":delay_notice:NW-1:2026-12-30:" + revised);
  EXPECT_EQ(n.subject, "Your order NW-1 is delayed: please read your options");
  EXPECT_TRUE(
      has(n.text, "we cannot ship this item of your order NW-1 by December 30, the date we had to ship by"))
      << n.text;
  EXPECT_TRUE(has(n.text, "Our new expected shipping date is January")) << n.text;
  EXPECT_TRUE(has(n.text, "prompt, full refund")) << n.text;
  EXPECT_TRUE(has(n.text, "if we don’t hear from you, we take it that you agree")) << n.text;
  ASSERT_EQ(o["compliance"]["notices"].size(), 1u);
  const json& sent = o["compliance"]["notices"][0]["notice"];
  EXPECT_EQ(sent["revised_date"], revised);
  EXPECT_EQ(sent["cancel_unless_consent"], false);
  EXPECT_TRUE(sent["right_to_cancel"].get<bool>() && sent["free_cancel"].get<bool>());
  // The apology for crossing the promise goes out as before; ticks add nothing while the new date holds.
  EXPECT_EQ(of_kind("delay").size(), 1u);
  apply(tick("2027-01-05T06:00:00-05:00"));
  EXPECT_EQ(of_kind("delay_notice").size(), 1u);
  EXPECT_TRUE(of_kind("cancelled").empty());
  json d = deadlines("2027-01-05T10:00:00-05:00");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0]["rule"], "ftc.deadline");
  EXPECT_EQ(d[0]["due"], revised);  // the order must now ship by the revised date
}

TEST_P(StoreComplianceTest, ALongDelayWithoutConsentIsCancelledAndRefundedExactly) {
  apply(jacket_order("NW-7"));
  apply(po_expected("slip", "2026-12-10T11:00:00-05:00", "2027-02-15"));
  auto notices = of_kind("delay_notice");
  ASSERT_EQ(notices.size(), 1u);
  // More than 30 days past the deadline: silence is not consent. The last day to consent is 29 January
  // (deadline + 30); on the 30th the order counts as cancelled.
  EXPECT_TRUE(has(notices[0].text, "if you don’t tell us by January 29, 2027 that you agree, we will cancel"))
      << notices[0].text;
  EXPECT_EQ(order("NW-7")["compliance"]["notices"][0]["notice"]["cancel_unless_consent"], true);
  json d = deadlines("2026-12-11T10:00:00-05:00");
  bool cancel_due = false;
  for (const json& x : d)
    cancel_due = cancel_due || (x["rule"] == "ftc.cancel.no_consent" && x["due"] == "2027-01-30");
  EXPECT_TRUE(cancel_due) << d.dump();
  // The support desk sees what the rules require next, in the agent's words around the pack's message.
  BriefRequest br;
  br.now = t("2026-12-11T10:00:00-05:00");
  json brief = json::parse(store_->brief_json("NW-7", br));
  std::vector<std::string> rules;
  for (const json& step : brief["next_steps"])
    if (step["type"] == "compliance") rules.push_back(step["rule"]);
  EXPECT_EQ(rules, (std::vector<std::string>{"ftc.express_consent", "ftc.cancel.no_consent"}))
      << brief.dump();
  EXPECT_TRUE(has(brief["text"], "By January 30, 2027: Automatic cancellation on 2027-01-30"))
      << brief["text"];

  apply(tick("2027-01-29T18:00:00-05:00"));
  EXPECT_TRUE(of_kind("cancelled").empty());
  EXPECT_EQ(order("NW-7")["lines"][0]["cancelled"], 0);

  json r = apply(tick("2027-01-30T06:00:00-05:00"));
  EXPECT_EQ(r["results"][0]["messages"], 1) << r.dump();
  json o = order("NW-7");
  EXPECT_EQ(o["lines"][0]["cancelled"], 1);
  EXPECT_EQ(o["compliance"]["cancelled"]["rule"], "ftc.cancel.no_consent");
  ASSERT_EQ(o["refunds"].size(), 1u);
  // Exactly what the refunds engine quotes for cancelling everything at that moment.
  json request = {
      {"now", "2027-01-30T11:00:00+00:00"}, {"order", jacket_order("NW-7")["paid"]}, {"cancel", "all"}};
  json expected = json::parse(refund_json(*engine_, request.dump()));
  EXPECT_EQ(o["refunds"][0], expected);
  EXPECT_EQ(expected["total"], 12900 + 1032 + 595);
  auto cancelled = of_kind("cancelled");
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0].subject, "Your order NW-7: cancelled and refunded");
  EXPECT_TRUE(has(cancelled[0].text, "did not receive your agreement to wait")) << cancelled[0].text;
  EXPECT_TRUE(has(cancelled[0].text, "You will receive a refund of $145.27 by")) << cancelled[0].text;
  // Nothing waits any more: another tick does nothing, and the report has no deadline for it.
  apply(tick("2027-01-31T06:00:00-05:00"));
  EXPECT_EQ(of_kind("cancelled").size(), 1u);
  EXPECT_TRUE(deadlines("2027-01-31T10:00:00-05:00").empty());
}

// A tick in a batch takes its locks with the batch's (PostgreSQL), like every other event.
TEST_P(StoreComplianceTest, ATickMayComeInABatch) {
  apply(jacket_order("NW-8"));
  json r = apply(json::array(
      {po_expected("slip", "2026-12-10T11:00:00-05:00", "2027-02-15"), tick("2027-01-30T06:00:00-05:00")}));
  ASSERT_EQ(r["results"].size(), 2u);
  EXPECT_EQ(r["results"][1]["type"], "tick");
  EXPECT_EQ(r["results"][1]["messages"], 1);
  EXPECT_EQ(order("NW-8")["lines"][0]["cancelled"], 1);
  EXPECT_EQ(of_kind("delay_notice").size(), 1u);
  EXPECT_EQ(of_kind("cancelled").size(), 1u);
}

TEST_P(StoreComplianceTest, ConsentKeepsTheOrderAndAFurtherDelayGetsARenewedNotice) {
  apply(jacket_order("NW-3"));
  apply(po_expected("slip", "2026-12-10T11:00:00-05:00", "2027-02-15"));
  apply(reply("yes", "2026-12-12T09:00:00-05:00", "NW-3", "consent"));
  json o = order("NW-3");
  EXPECT_EQ(o["compliance"]["notices"][0]["notice"]["reply"]["answer"], "consent");
  const std::string first_revised = o["lines"][0]["ship"]["to"];
  apply(tick("2027-01-30T06:00:00-05:00"));
  EXPECT_TRUE(of_kind("cancelled").empty());
  EXPECT_EQ(order("NW-3")["lines"][0]["cancelled"], 0);

  // A further slip past the date consented to: a renewed notice, before that date, and silence on it is
  // no consent.
  apply(po_expected("slip-2", "2027-02-01T11:00:00-05:00", "2027-03-15"));
  auto notices = of_kind("delay_notice");
  ASSERT_EQ(notices.size(), 2u);
  const OutboxMessage& renewed = notices[1];
  EXPECT_TRUE(has(renewed.text, "if you don’t tell us by")) << renewed.text;
  o = order("NW-3");
  ASSERT_EQ(o["compliance"]["notices"].size(), 2u);
  EXPECT_EQ(o["compliance"]["notices"][1]["notice"]["cancel_unless_consent"], true);
  EXPECT_EQ(o["compliance"]["notices"][1]["rule"], "ftc.renewed_notice");
  // Unanswered: on the day after the date consented to, the order is cancelled.
  Day last = parse_day(first_revised, "day");
  std::string after = format_day(last + 1) + "T06:00:00-05:00";
  std::string before = format_day(last) + "T18:00:00-05:00";
  apply(tick(before.c_str()));
  EXPECT_TRUE(of_kind("cancelled").empty());
  apply(tick(after.c_str()));
  o = order("NW-3");
  EXPECT_EQ(o["lines"][0]["cancelled"], 1);
  EXPECT_EQ(o["compliance"]["cancelled"]["rule"], "ftc.cancel.renewed_rejected");
}

TEST_P(StoreComplianceTest, TheShopperMayCancelByAnsweringTheNotice) {
  apply(jacket_order("NW-4"));
  // No notice yet: an answer is refused and changes nothing.
  try {
    apply(reply("early", "2026-12-01T09:00:00-05:00", "NW-4", "cancel"));
    FAIL() << "an answer without a notice was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "order_id");
  }
  try {
    apply(reply("bad", "2026-12-01T09:00:00-05:00", "NW-4", "maybe"));
    FAIL() << "an unknown answer was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "answer");
  }
  apply(po_expected("slip", "2026-12-10T11:00:00-05:00", "2027-01-10"));
  json r = apply(reply("no", "2026-12-11T09:00:00-05:00", "NW-4", "cancel"));
  const json& refund = r["results"][0]["refund"];
  ASSERT_TRUE(refund.is_object()) << r.dump();
  EXPECT_EQ(refund["total"], 12900 + 1032 + 595);
  json o = order("NW-4");
  EXPECT_EQ(o["lines"][0]["cancelled"], 1);
  EXPECT_EQ(o["compliance"]["cancelled"]["by"], "buyer");
  auto cancelled = of_kind("cancelled");
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_TRUE(has(cancelled[0].text, "As you asked, we have cancelled this item of your order NW-4"))
      << cancelled[0].text;
  // Answered once: a second answer is refused.
  EXPECT_THROW(apply(reply("again", "2026-12-11T10:00:00-05:00", "NW-4", "consent")), Error);
}

TEST_P(StoreComplianceTest, UnderUkLawTheShopAsksToAgreeALaterDateAndNeverCancelsOnItsOwn) {
  open("GB");
  apply(jacket_order("UK-1", "de-DE"));
  json d = deadlines("2026-12-01T10:00:00-05:00");
  ASSERT_EQ(d.size(), 1u) << d.dump();
  EXPECT_EQ(d[0]["rule"], "uk.delivery_deadline");
  EXPECT_EQ(d[0]["due"], "2026-12-30");
  apply(po_expected("slip", "2026-12-10T11:00:00-05:00", "2027-02-15"));
  auto notices = of_kind("delay_notice");
  ASSERT_EQ(notices.size(), 1u);
  // In the shopper's language: the agreed date cannot be kept; agree to the new one or cancel.
  EXPECT_EQ(notices[0].subject, "Ihre Bestellung UK-1 verzögert sich: Ihre Möglichkeiten");
  EXPECT_TRUE(has(notices[0].text, "vereinbarten Liefertermin")) << notices[0].text;
  EXPECT_TRUE(has(notices[0].text, "Bitte teilen Sie uns mit, ob Sie mit dem neuen Termin einverstanden"))
      << notices[0].text;
  json o = order("UK-1");
  EXPECT_EQ(o["compliance"]["notices"][0]["kind"], "agree");
  const std::string revised = o["lines"][0]["ship"]["to"];
  // Past the deadline without an answer the consumer may terminate; the shop does not cancel for them.
  apply(tick("2027-01-30T06:00:00-05:00"));
  EXPECT_TRUE(of_kind("cancelled").empty());
  EXPECT_EQ(order("UK-1")["lines"][0]["cancelled"], 0);
  // Agreeing makes the new date the agreed one: the report shows it as the delivery deadline.
  apply(reply("ja", "2027-01-30T09:00:00-05:00", "UK-1", "consent"));
  EXPECT_EQ(order("UK-1")["compliance"]["agreed_delivery_by"], revised);
  d = deadlines("2027-01-30T10:00:00-05:00");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0]["rule"], "uk.delivery_deadline");
  EXPECT_EQ(d[0]["due"], revised);
}

TEST_P(StoreComplianceTest, EuOrdersUseTheEuPack) {
  open("DE");
  apply(jacket_order("EU-1"));
  json d = deadlines("2026-12-01T10:00:00-05:00");
  ASSERT_EQ(d.size(), 1u) << d.dump();
  EXPECT_EQ(d[0]["rule"], "eu.delivery_deadline");
  EXPECT_EQ(d[0]["citation"], "Directive 2011/83/EU Art. 18(1)");
  apply(po_expected("slip", "2026-12-10T11:00:00-05:00", "2027-01-10"));
  ASSERT_EQ(of_kind("delay_notice").size(), 1u);
  EXPECT_EQ(order("EU-1")["compliance"]["notices"][0]["rule"], "eu.delivery_at_risk");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreComplianceTest,
                         ::testing::Values("sqlite::memory:", "sqlite-file", "postgresql"),
                         [](const auto& info) {
                           std::string n = info.param;
                           return n == "sqlite::memory:" ? std::string("SqliteMemory")
                                  : n == "sqlite-file"   ? std::string("SqliteFile")
                                                         : std::string("Postgresql");
                         });

}  // namespace
}  // namespace backorder
