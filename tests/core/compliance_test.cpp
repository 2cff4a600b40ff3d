// Compliance checks (docs/compliance.md): the FTC timelines, the EU and UK variants, card authorization, and
// the listing rules, with every date worked out by hand in the comments.
//
// The apparel shop is in New York (working days Monday to Friday; holidays 2026-11-26, 2026-12-25,
// 2027-01-01). Orders are placed on Monday 30 November 2026 at 09:00. 2027-01-01 is a Friday.
#include "backorder/compliance.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace backorder;
using nlohmann::json;

namespace {

const char* kPlaced = "2026-11-30T09:00:00-05:00";

std::shared_ptr<const Engine> engine() {
  static auto e = test::apparel_engine();
  return e;
}

std::string at(const char* day) { return std::string(day) + "T10:00:00-05:00"; }

json order(const char* jurisdiction = "US") {
  return {{"id", "A-1001"}, {"jurisdiction", jurisdiction}, {"placed_at", kPlaced}};
}

json check(const json& o, const char* now_day, const Engine& e = *engine()) {
  json req = {{"now", at(now_day)}, {"order", o}};
  return json::parse(check_order_json(e, req.dump()));
}

json listing(json req) { return json::parse(check_listing_json(*engine(), req.dump())); }

// The findings of one rule.
std::vector<json> of(const json& answer, const std::string& rule_id) {
  std::vector<json> out;
  for (const json& f : answer["findings"])
    if (f["rule_id"] == rule_id) out.push_back(f);
  return out;
}

// The one finding of a rule; fails the test when there is not exactly one.
json one(const json& answer, const std::string& rule_id) {
  auto v = of(answer, rule_id);
  EXPECT_EQ(v.size(), 1u) << rule_id << " in " << answer.dump(2);
  return v.empty() ? json() : v.front();
}

bool has(const json& answer, const std::string& rule_id) { return !of(answer, rule_id).empty(); }

json window(const char* from, const char* to) { return {{"from", from}, {"to", to}}; }

// A complete first notice (revised date, right to cancel, free means to cancel).
json notice(const char* sent_day, const char* revised) {
  json n = {{"sent_at", at(sent_day)}, {"right_to_cancel", true}, {"free_cancel", true}};
  if (revised)
    n["revised_date"] = revised;
  else
    n["indefinite"] = true;
  return n;
}

std::set<std::string> error_paths(const std::function<void()>& call) {
  std::set<std::string> out;
  try {
    call();
  } catch (const ValidationError& e) {
    for (const auto& i : e.issues()) out.insert(i.path);
  } catch (const Error& e) {
    out.insert(e.path());
  }
  return out;
}

}  // namespace

// ---- the built-in packs ----------------------------------------------------------------------------

TEST(RulePacks, EveryBuiltInPackIsValidAndCited) {
  const auto& packs = builtin_rule_packs();
  std::set<std::string> ids;
  for (const RulePack& p : packs) ids.insert(p.id);
  EXPECT_EQ(ids,
            (std::set<std::string>{"amazon", "card-authorization", "ebay", "eu-crd-art18", "google-merchant",
                                   "truthful-scarcity", "uk-cra-s28", "us-ftc-mail-order"}));
  for (const RulePack& p : packs) {
    EXPECT_FALSE(p.rules.empty()) << p.id;
    for (const Rule& r : p.rules) {
      EXPECT_FALSE(r.citation.source.empty()) << r.id;
      EXPECT_TRUE(r.citation.tag == "V" || r.citation.tag == "S" || r.citation.tag == "U") << r.id;
    }
  }
}

TEST(RulePacks, ABadPackNamesEveryProblemWithItsPath) {
  json pack = {{"id", "mine"},
               {"params", {{"colour", 1}}},
               {"rules",
                {{{"id", "x"},
                  {"check", "no_such_check"},
                  {"severity", "violation"},
                  {"message", "m"},
                  {"action", "fix_listing"},
                  {"citation", {{"source", "s"}, {"tag", "V"}}}},
                 {{"id", "y"},
                  {"check", "marketplace_ship_window"},
                  {"params", {{"max_days", -1}, {"colour", 1}}},
                  {"severity", "fatal"},
                  {"message", "ships by {when}"},
                  {"action", "Fix!"},
                  {"citation", {{"source", "s"}, {"tag", "X"}}}}}}};
  auto paths = error_paths([&] { parse_rule_pack(pack.dump()); });
  EXPECT_EQ(paths, (std::set<std::string>{"pack.params.colour", "pack.rules[0].check",
                                          "pack.rules[1].params.max_days", "pack.rules[1].params.colour",
                                          "pack.rules[1].severity", "pack.rules[1].message",
                                          "pack.rules[1].action", "pack.rules[1].citation.tag"}));
}

// ---- US FTC: the deadline --------------------------------------------------------------------------

// No time stated: 30 days after the order, 30 Nov + 30 = 30 Dec. The promise (ships by 5 Jan) is past it,
// so the first delay notice is due by 30 Dec.
TEST(Ftc, NoTimeStatedGivesThirtyDays) {
  json o = order();
  o["promise"] = {{"ship", window("2027-01-02", "2027-01-05")}};
  json a = check(o, "2026-12-01");
  json d = one(a, "ftc.deadline");
  EXPECT_EQ(d["severity"], "info");
  EXPECT_EQ(d["due"], "2026-12-30");
  EXPECT_NE(d["message"].get<std::string>().find("30 days after the order (no time stated)"),
            std::string::npos);
  EXPECT_EQ(d["citation"]["source"], "16 CFR 435.2(a)(1), 435.1(c)");
  json n = one(a, "ftc.first_notice");
  EXPECT_EQ(n["severity"], "due");
  EXPECT_EQ(n["due"], "2026-12-30");
  EXPECT_EQ(n["action"], "send_delay_notice");
  EXPECT_EQ(a["packs"], json({"card-authorization", "us-ftc-mail-order"}));
}

// On track (ships by 14 Dec): only the deadline, no notice due.
TEST(Ftc, OnTrackNeedsNoNotice) {
  json o = order();
  o["promise"] = {{"ship", window("2026-12-10", "2026-12-14")}};
  json a = check(o, "2026-12-01");
  EXPECT_TRUE(has(a, "ftc.deadline"));
  EXPECT_FALSE(has(a, "ftc.first_notice"));
  EXPECT_FALSE(has(a, "ftc.cancel.no_notice"));
}

// The buyer applied for the shop's credit with the order and no time was stated: 50 days,
// 30 Nov + 50 = 19 Jan (1 day to 1 Dec, 31 to 31 Dec, 19 more).
TEST(Ftc, CreditAppliedForGivesFiftyDays) {
  json o = order();
  o["credit_applied"] = true;
  json d = one(check(o, "2026-12-01"), "ftc.deadline");
  EXPECT_EQ(d["due"], "2027-01-19");
  EXPECT_NE(d["message"].get<std::string>().find("50 days"), std::string::npos);
}

// A stated time wins over the 30 or 50 days, credit or not.
TEST(Ftc, AStatedTimeIsTheDeadline) {
  json o = order();
  o["credit_applied"] = true;
  o["stated"] = {{"ship_within_days", 14}};  // 30 Nov + 14 = 14 Dec
  EXPECT_EQ(one(check(o, "2026-12-01"), "ftc.deadline")["due"], "2026-12-14");
  o["stated"] = {{"ship_by", "2026-12-20"}};
  EXPECT_EQ(one(check(o, "2026-12-01"), "ftc.deadline")["due"], "2026-12-20");
}

// Without a stated time the consent record's window is what the buyer was told: the backordered jacket
// "ships Dec 10 – 14" in the apparel checkout, so the deadline is 14 Dec.
TEST(Ftc, TheConsentRecordStatesTheTime) {
  json record = {{"version", 1},
                 {"recorded_at", "2026-11-30T14:05:00+00:00"},
                 {"plan_at", kPlaced},
                 {"policy_hash", "x"},
                 {"locale", "en-US"},
                 {"currency", "USD"},
                 {"strategy", "ship_together"},
                 {"customer_pays", 0},
                 {"payment",
                  {{"advice", "authorize_now"},
                   {"authorization_expires", "2026-12-07T09:00:00-05:00"},
                   {"latest_ship", "2026-12-14"}}},
                 {"shipments",
                  {{{"items", {{{"line_id", "1"}, {"quantity", 1}}}},
                    {"ship", window("2026-12-10", "2026-12-14")},
                    {"delivery", window("2026-12-14", "2026-12-21")},
                    {"charge", 0}}}},
                 {"lines", json::array()},
                 {"disclosures", json::array()}};
  json o = order();
  o["consent"] = record;
  o["promise"] = {{"ship", window("2026-12-10", "2026-12-14")}};
  json a = check(o, "2026-12-01");
  EXPECT_EQ(one(a, "ftc.deadline")["due"], "2026-12-14");
  // The card was authorized at checkout until 7 Dec 09:00; the order ships by 14 Dec, after the authorization
  // less its 24 h margin (6 Dec 09:00): capture by 6 Dec or charge at shipment.
  json c = one(a, "card.authorization_window");
  EXPECT_EQ(c["severity"], "due");
  EXPECT_EQ(c["due"], "2026-12-06");
  EXPECT_EQ(c["action"], "capture_payment");
  // In Germany the same record is the agreed delivery date: 21 Dec, not 30 days.
  o["jurisdiction"] = "DE";
  EXPECT_EQ(one(check(o, "2026-12-01"), "eu.delivery_deadline")["due"], "2026-12-21");
  // A bad record is refused with its path inside the order.
  o["consent"]["version"] = 2;
  EXPECT_EQ(error_paths([&] { check(o, "2026-12-01"); }), (std::set<std::string>{"order.consent.version"}));
}

// ---- US FTC: no notice ---------------------------------------------------------------------------

// No notice by 30 Dec: on 31 Dec the order counts as cancelled (due that day); on 2 Jan it is a violation,
// and the refund is due 7 working days after 31 Dec: 1 Jan is a holiday, so 4, 5, 6, 7, 8, 11, 12 Jan.
TEST(Ftc, NoNoticeByTheDeadlineCancelsTheOrder) {
  json o = order();
  json a = check(o, "2026-12-31");
  json first = one(a, "ftc.first_notice");
  EXPECT_EQ(first["severity"], "violation");
  EXPECT_EQ(first["due"], "2026-12-30");
  json cancel = one(a, "ftc.cancel.no_notice");
  EXPECT_EQ(cancel["severity"], "due");
  EXPECT_EQ(cancel["due"], "2026-12-31");
  EXPECT_EQ(cancel["action"], "cancel_and_refund");

  a = check(o, "2027-01-02");
  EXPECT_EQ(one(a, "ftc.cancel.no_notice")["severity"], "violation");
  json refund = one(a, "ftc.refund");
  EXPECT_EQ(refund["severity"], "due");
  EXPECT_EQ(refund["due"], "2027-01-12");
  EXPECT_EQ(refund["action"], "refund");

  // Cancelled on 2 Jan and refunded on 13 Jan: one working day late; the cancellation itself is done.
  o["cancelled"] = {{"at", at("2027-01-02")}, {"by", "shop"}};
  o["refund"] = {{"at", at("2027-01-13")}, {"method", "store_credit"}};
  a = check(o, "2027-01-14");
  EXPECT_FALSE(has(a, "ftc.cancel.no_notice"));
  EXPECT_EQ(one(a, "ftc.refund")["severity"], "violation");
  EXPECT_EQ(one(a, "ftc.refund_method")["path"], "order.refund.method");
}

// Seller credit: one billing cycle (the buyer's, else the pack's 30 days) instead of 7 working days.
TEST(Ftc, SellerCreditIsRefundedWithinOneBillingCycle) {
  json o = order();
  o["payment"] = {{"method", "seller_credit"}, {"billing_cycle_days", 31}};
  o["cancelled"] = {{"at", at("2026-12-05")}, {"by", "buyer"}};
  EXPECT_EQ(one(check(o, "2026-12-06"), "ftc.refund")["due"], "2027-01-05");  // 5 Dec + 31
}

// ---- US FTC: a first delay of 30 days or less ------------------------------------------------------

// Notice on 20 Dec with a revised date of 20 Jan: within T + 30 = 29 Jan, so the buyer's silence is consent.
// The order must now ship by 20 Jan; nothing else is due.
TEST(Ftc, AShortDelayIsAcceptedBySilence) {
  json o = order();
  o["notices"] = {notice("2026-12-20", "2027-01-20")};
  o["promise"] = {{"ship", window("2027-01-15", "2027-01-20")}};
  json a = check(o, "2026-12-21");
  json d = one(a, "ftc.deadline");
  EXPECT_EQ(d["due"], "2027-01-20");
  EXPECT_NE(d["message"].get<std::string>().find("silence is consent"), std::string::npos);
  EXPECT_FALSE(has(a, "ftc.express_consent"));
  EXPECT_FALSE(has(a, "ftc.first_notice"));
  EXPECT_FALSE(has(a, "ftc.cancel.short_delay"));
  EXPECT_FALSE(has(a, "ftc.first_notice_content"));

  // The boundary: 29 Jan is still T + 30.
  o["notices"] = {notice("2026-12-20", "2027-01-29")};
  EXPECT_FALSE(has(check(o, "2026-12-21"), "ftc.express_consent"));

  // Unshipped after 20 Jan without further consent: cancelled from 21 Jan.
  o["notices"] = {notice("2026-12-20", "2027-01-20")};
  json late = one(check(o, "2027-01-22"), "ftc.cancel.short_delay");
  EXPECT_EQ(late["severity"], "violation");
  EXPECT_EQ(late["due"], "2027-01-21");
}

// A notice after the deadline (31 Dec) is late: a violation, and it does not count.
TEST(Ftc, ANoticeAfterTheDeadlineIsLate) {
  json o = order();
  o["notices"] = {notice("2026-12-31", "2027-01-10")};
  json a = check(o, "2027-01-02");
  json n = one(a, "ftc.first_notice");
  EXPECT_EQ(n["severity"], "violation");
  EXPECT_EQ(n["path"], "order.notices[0].sent_at");
  EXPECT_TRUE(has(a, "ftc.cancel.no_notice"));
}

// A notice without the means to cancel at the shop's expense is not a valid notice.
TEST(Ftc, ANoticeMustSayEverythingRequired) {
  json o = order();
  json n = notice("2026-12-20", "2027-01-10");
  n["free_cancel"] = false;
  o["notices"] = {n};
  json a = check(o, "2026-12-21");
  json c = one(a, "ftc.first_notice_content");
  EXPECT_EQ(c["path"], "order.notices[0].free_cancel");
  EXPECT_EQ(c["due"], "2026-12-20");
  EXPECT_NE(c["message"].get<std::string>().find("free_cancel"), std::string::npos);
  // The deadline still stands at 30 Dec.
  EXPECT_EQ(one(a, "ftc.deadline")["due"], "2026-12-30");
  // A corrected notice before the deadline counts as the first.
  o["notices"].push_back(notice("2026-12-22", "2027-01-10"));
  a = check(o, "2026-12-23");
  EXPECT_EQ(one(a, "ftc.deadline")["due"], "2027-01-10");
}

// ---- US FTC: a longer or indefinite delay ----------------------------------------------------------

// Revised date 15 Feb is past T + 30 = 29 Jan: silence is not consent. Express consent is needed by 29 Jan;
// without it (and unshipped) the order is cancelled automatically on 30 Jan.
TEST(Ftc, ALongDelayNeedsExpressConsent) {
  json o = order();
  o["notices"] = {notice("2026-12-20", "2027-02-15")};
  json a = check(o, "2026-12-21");
  json c = one(a, "ftc.express_consent");
  EXPECT_EQ(c["severity"], "due");
  EXPECT_EQ(c["due"], "2027-01-29");
  EXPECT_EQ(c["action"], "obtain_consent");
  json auto_cancel = one(a, "ftc.cancel.no_consent");
  EXPECT_EQ(auto_cancel["severity"], "due");
  EXPECT_EQ(auto_cancel["due"], "2027-01-30");
  // Sorted by due date: the consent before the cancellation.
  std::vector<std::string> order_of;
  for (const json& f : a["findings"]) order_of.push_back(f["rule_id"]);
  EXPECT_LT(std::find(order_of.begin(), order_of.end(), "ftc.express_consent"),
            std::find(order_of.begin(), order_of.end(), "ftc.cancel.no_consent"));

  // 31 Jan, no consent, not shipped: cancelled on 30 Jan (a Saturday); refund 7 working days later:
  // 1-5 Feb, 8, 9 Feb.
  a = check(o, "2027-01-31");
  EXPECT_EQ(one(a, "ftc.cancel.no_consent")["severity"], "violation");
  EXPECT_EQ(one(a, "ftc.refund")["due"], "2027-02-09");
  EXPECT_FALSE(has(a, "ftc.express_consent"));

  // The buyer consents on 22 Dec: the order must ship by 15 Feb; nothing else is due.
  o["notices"][0]["reply"] = {{"answer", "consent"}, {"at", at("2026-12-22")}};
  a = check(o, "2026-12-23");
  EXPECT_FALSE(has(a, "ftc.express_consent"));
  EXPECT_FALSE(has(a, "ftc.cancel.no_consent"));
  EXPECT_EQ(one(a, "ftc.deadline")["due"], "2027-02-15");
}

// An indefinite delay: a reason is required; express consent is needed; the buyer may cancel any time.
TEST(Ftc, AnIndefiniteDelayNeedsAReasonAndConsent) {
  json o = order();
  o["notices"] = {notice("2026-12-20", nullptr)};
  json a = check(o, "2026-12-21");
  EXPECT_EQ(one(a, "ftc.first_notice_content")["path"], "order.notices[0].reason");
  EXPECT_FALSE(has(a, "ftc.express_consent"));  // not a valid notice: the 30 Dec deadline stands

  o["notices"][0]["reason"] = "the factory is closed by a flood";
  a = check(o, "2026-12-21");
  EXPECT_EQ(one(a, "ftc.express_consent")["due"], "2027-01-29");
  EXPECT_NE(one(a, "ftc.express_consent")["message"].get<std::string>().find("none (indefinite)"),
            std::string::npos);

  // Consented: no date to ship by, but the buyer cancels on 3 Feb: cancel and refund by 12 Feb (7 working
  // days).
  o["notices"][0]["reply"] = {{"answer", "consent"}, {"at", at("2026-12-22")}};
  a = check(o, "2026-12-23");
  EXPECT_FALSE(has(a, "ftc.deadline"));
  o["cancelled"] = {{"at", at("2027-02-03")}, {"by", "buyer"}};
  a = check(o, "2027-02-03");
  EXPECT_FALSE(has(a, "ftc.cancel.buyer"));  // recorded: nothing to do but refund
  EXPECT_EQ(one(a, "ftc.refund")["due"], "2027-02-12");
}

// The buyer answers a notice with "cancel": cancel and refund at once.
TEST(Ftc, ABuyerWhoCancelsIsRefunded) {
  json o = order();
  o["notices"] = {notice("2026-12-20", "2027-01-10")};
  o["notices"][0]["reply"] = {{"answer", "cancel"}, {"at", at("2026-12-21")}};
  json c = one(check(o, "2026-12-21"), "ftc.cancel.buyer");
  EXPECT_EQ(c["severity"], "due");
  EXPECT_EQ(c["due"], "2026-12-21");
  EXPECT_EQ(one(check(o, "2026-12-23"), "ftc.cancel.buyer")["severity"], "violation");
}

// ---- US FTC: a renewed notice --------------------------------------------------------------------

// After a short delay to 20 Jan (silence is consent), the promise moves to 10 Feb: a renewed notice is due
// before 20 Jan, that is by 19 Jan. Sent on 12 Jan and unanswered, silence is rejection: unshipped after
// 20 Jan the order counts as cancelled from 21 Jan. Answered with consent, it ships by 10 Feb.
TEST(Ftc, ARenewedNoticeNeedsConsent) {
  json o = order();
  o["notices"] = {notice("2026-12-20", "2027-01-20")};
  o["promise"] = {{"ship", window("2027-02-05", "2027-02-10")}};
  json a = check(o, "2027-01-10");
  json r = one(a, "ftc.renewed_notice");
  EXPECT_EQ(r["severity"], "due");
  EXPECT_EQ(r["due"], "2027-01-19");
  EXPECT_EQ(r["action"], "send_renewed_notice");
  EXPECT_EQ(one(a, "ftc.cancel.short_delay")["due"], "2027-01-21");  // coming, by the promise

  json renewed = notice("2027-01-12", "2027-02-10");
  renewed["cancel_unless_consent"] = true;
  o["notices"].push_back(renewed);
  a = check(o, "2027-01-13");
  EXPECT_FALSE(has(a, "ftc.renewed_notice"));
  EXPECT_FALSE(has(a, "ftc.renewed_notice_content"));
  EXPECT_EQ(one(a, "ftc.cancel.renewed_rejected")["due"], "2027-01-21");
  EXPECT_EQ(one(check(o, "2027-01-22"), "ftc.cancel.renewed_rejected")["severity"], "violation");

  o["notices"][1]["reply"] = {{"answer", "consent"}, {"at", at("2027-01-14")}};
  a = check(o, "2027-01-22");
  EXPECT_FALSE(has(a, "ftc.cancel.renewed_rejected"));
  EXPECT_EQ(one(a, "ftc.deadline")["due"], "2027-02-10");

  // A renewed notice must say the order is cancelled unless the buyer consents, and go out before 20 Jan.
  o["notices"][1].erase("reply");
  o["notices"][1]["cancel_unless_consent"] = false;
  o["notices"][1]["sent_at"] = at("2027-01-20");
  a = check(o, "2027-01-21");
  EXPECT_EQ(one(a, "ftc.renewed_notice_content")["path"], "order.notices[1].cancel_unless_consent");
  EXPECT_EQ(one(a, "ftc.renewed_notice")["path"], "order.notices[1].sent_at");
}

// Shipped orders and exempt ones owe nothing more; other jurisdictions do not get the FTC pack.
TEST(Ftc, ShippedExemptAndForeignOrders) {
  json o = order();
  o["shipped_at"] = at("2026-12-03");
  EXPECT_TRUE(check(o, "2027-02-01")["findings"].empty());
  o = order();
  o["exemption"] = "cod";
  EXPECT_TRUE(check(o, "2027-02-01")["findings"].empty());
  o = order("CA");
  EXPECT_EQ(check(o, "2027-02-01")["packs"], json({"card-authorization"}));
}

// ---- EU and UK ---------------------------------------------------------------------------------------

// Germany: deliver within 30 days of the contract, 30 Dec. The promise (delivery 5 Jan) misses it.
TEST(EuUk, EuThirtyDaysFromTheContract) {
  json o = order("DE");
  o["promise"] = {{"ship", window("2026-12-28", "2027-01-02")},
                  {"delivery", window("2026-12-30", "2027-01-05")}};
  json a = check(o, "2026-12-01");
  EXPECT_EQ(a["packs"], json({"card-authorization", "eu-crd-art18"}));
  EXPECT_FALSE(has(a, "ftc.deadline"));
  json d = one(a, "eu.delivery_deadline");
  EXPECT_EQ(d["due"], "2026-12-30");
  EXPECT_EQ(d["citation"]["source"], "Directive 2011/83/EU Art. 18(1)");
  json risk = one(a, "eu.delivery_at_risk");
  EXPECT_EQ(risk["severity"], "warning");
  EXPECT_EQ(risk["path"], "order.promise.delivery");

  // Missed on 31 Dec: the consumer may set an additional period.
  a = check(o, "2026-12-31");
  json m = one(a, "eu.delivery_missed");
  EXPECT_EQ(m["due"], "2026-12-31");
  EXPECT_FALSE(has(a, "eu.delivery_missed_essential"));
  // The date was essential: the consumer may terminate at once.
  o["timing_essential"] = true;
  a = check(o, "2026-12-31");
  EXPECT_EQ(one(a, "eu.delivery_missed_essential")["action"], "offer_cancellation");
  EXPECT_FALSE(has(a, "eu.delivery_missed"));

  // The consumer set an additional period to 10 Jan: due then; missed on 11 Jan.
  o["timing_essential"] = false;
  o["additional_period_until"] = "2027-01-10";
  a = check(o, "2027-01-05");
  EXPECT_EQ(one(a, "eu.additional_period")["severity"], "due");
  EXPECT_FALSE(has(a, "eu.delivery_missed"));
  EXPECT_EQ(one(check(o, "2027-01-11"), "eu.additional_period")["due"], "2027-01-11");

  // Terminated on 12 Jan: reimburse by 26 Jan (14 days).
  o["cancelled"] = {{"at", at("2027-01-12")}, {"by", "buyer"}};
  a = check(o, "2027-01-12");
  EXPECT_EQ(one(a, "eu.refund")["due"], "2027-01-26");
  EXPECT_FALSE(has(a, "eu.additional_period"));
}

// The UK: the same 30 days under the Consumer Rights Act s.28, with its own citations.
TEST(EuUk, UkThirtyDaysAfterTheContractDay) {
  json o = order("GB");
  json a = check(o, "2026-12-01");
  EXPECT_EQ(a["packs"], json({"card-authorization", "uk-cra-s28"}));
  json d = one(a, "uk.delivery_deadline");
  EXPECT_EQ(d["due"], "2026-12-30");
  EXPECT_EQ(d["citation"]["tag"], "V");
  a = check(o, "2026-12-31");
  EXPECT_EQ(one(a, "uk.delivery_missed")["citation"]["source"], "Consumer Rights Act 2015 s.28(7)-(8)");
  o["delivered_at"] = at("2026-12-29");
  EXPECT_TRUE(check(o, "2026-12-31")["findings"].empty());
}

// ---- card authorization ------------------------------------------------------------------------------

// Authorized on 30 Nov 09:00 (customer-initiated: 7 days, to 7 Dec 09:00); expired and uncaptured on 8 Dec.
TEST(Card, AnAuthorizationRunsOut) {
  json o = order("CA");
  o["payment"] = {{"method", "card"}, {"authorized_at", kPlaced}};
  o["promise"] = {{"ship", window("2026-12-10", "2026-12-14")}};
  EXPECT_EQ(one(check(o, "2026-12-01"), "card.authorization_window")["due"], "2026-12-06");
  json e = one(check(o, "2026-12-08"), "card.authorization_expired");
  EXPECT_EQ(e["due"], "2026-12-07");
  EXPECT_EQ(e["action"], "reauthorize");
  o["payment"]["captured_at"] = at("2026-12-02");
  EXPECT_TRUE(check(o, "2026-12-08")["findings"].empty());
}

// ---- listings ----------------------------------------------------------------------------------------

namespace {
json jacket() { return {{"sku", "JKT-NAVY-M"}, {"lead_time_days", {{"min", 10}, {"max", 14}}}}; }
json at_nine(json req) {
  req["now"] = kPlaced;
  return req;
}
}  // namespace

// "Only 2 left" shown while 10 are sellable: the label the page shows and the page's own claim.
TEST(Listing, OnlyTwoLeftWhileTenAreSellableIsAViolation) {
  json label = {{"status", "low_stock"}, {"sellable", 2}, {"text", "Only 2 left"}};
  json a = listing(at_nine({{"item", jacket()},
                            {"stock", {{"on_hand", 10}}},
                            {"label", label},
                            {"page", {{"claims", {{{"kind", "only_left"}, {"quantity", 2}}}}}}}));
  auto v = of(a, "scarcity.only_left");
  ASSERT_EQ(v.size(), 2u);
  for (const json& f : v) {
    EXPECT_EQ(f["severity"], "violation");
    EXPECT_EQ(f["due"], "2026-11-30");
    EXPECT_EQ(f["action"], "fix_listing");
    EXPECT_NE(f["message"].get<std::string>().find("\"Only 2 left\" while 10 are sellable"),
              std::string::npos);
  }
  EXPECT_EQ(v[0]["pack"], "truthful-scarcity");
  // 10 on hand, 8 reserved: 2 sellable, the claim is true.
  a = listing(at_nine({{"item", jacket()}, {"stock", {{"on_hand", 10}, {"reserved", 8}}}, {"label", label}}));
  EXPECT_FALSE(has(a, "scarcity.only_left"));
}

TEST(Listing, VagueScarcityAndCountdowns) {
  json claims = {{{"kind", "low_stock"}},
                 {{"kind", "countdown"}, {"ends_at", "2026-11-30T08:00:00-05:00"}},
                 {{"kind", "limited_time"}}};
  json a =
      listing(at_nine({{"item", jacket()}, {"stock", {{"on_hand", 10}}}, {"page", {{"claims", claims}}}}));
  EXPECT_EQ(one(a, "scarcity.vague")["path"], "page.claims[0].kind");  // 10 sellable, threshold 3
  auto u = of(a, "scarcity.urgency");
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0]["path"], "page.claims[1].ends_at");
  EXPECT_EQ(u[1]["path"], "page.claims[2].ends_at");
}

// A backorder in the merchant feed without availability_date.
TEST(Listing, ABackorderInTheFeedNeedsAnAvailabilityDate) {
  json a = listing(at_nine({{"item", jacket()}, {"feed", {{"availability", "backorder"}}}}));
  json f = one(a, "google.availability_date_required");
  EXPECT_EQ(f["severity"], "violation");
  EXPECT_EQ(f["path"], "feed.availability_date");
  EXPECT_EQ(f["pack"], "google-merchant");
  EXPECT_EQ(f["citation"]["tag"], "V");
  // With the label's own date (10 Dec, local midnight) the feed is right.
  a = listing(at_nine(
      {{"item", jacket()},
       {"feed", {{"availability", "backorder"}, {"availability_date", "2026-12-10T00:00:00-05:00"}}}}));
  EXPECT_TRUE(a["findings"].empty()) << a.dump(2);
}

TEST(Listing, TheFeedMustBeValidAndMatchThePage) {
  // A date without an offset; "in stock" is no Merchant value.
  json a = listing(at_nine(
      {{"item", jacket()}, {"feed", {{"availability", "in stock"}, {"availability_date", "2026-12-10"}}}}));
  EXPECT_TRUE(has(a, "google.availability_value"));
  EXPECT_TRUE(has(a, "google.availability_date_format"));
  EXPECT_EQ(one(a, "google.matches_page")["path"], "feed.availability");
  // 400 days ahead (30 Nov 2026 + 400 = 4 Jan 2028), and not the page's 10 Dec.
  a = listing(at_nine(
      {{"item", jacket()},
       {"feed", {{"availability", "backorder"}, {"availability_date", "2028-01-04T00:00:00-05:00"}}}}));
  json h = one(a, "google.availability_date_horizon");
  EXPECT_NE(h["message"].get<std::string>().find("400 days ahead"), std::string::npos);
  json m = one(a, "google.matches_page");
  EXPECT_NE(m["message"].get<std::string>().find("(2028-01-04) differs from the landing page's (2026-12-10)"),
            std::string::npos);
  // Pre-order for a product with no release date.
  a = listing(at_nine(
      {{"item", jacket()},
       {"feed", {{"availability", "preorder"}, {"availability_date", "2026-12-10T00:00:00-05:00"}}}}));
  EXPECT_EQ(one(a, "google.preorder_unreleased")["path"], "feed.availability");
}

// Amazon: a backorder shipping in 45 days (lead time 40-45 days: 30 Nov + 45 = 14 Jan) is refused.
TEST(Listing, AnAmazonBackorderShippingInFortyFiveDays) {
  json item = {{"sku", "BOOT-CHEL-42"}, {"lead_time_days", {{"min", 40}, {"max", 45}}}};
  json a = listing(at_nine({{"item", item}, {"channels", {"web", "amazon"}}}));
  json f = one(a, "amazon.ship_within");
  EXPECT_EQ(f["severity"], "violation");
  EXPECT_NE(f["message"].get<std::string>().find("ships by 2027-01-14 (45 days)"), std::string::npos);
  EXPECT_EQ(f["path"], "item.lead_time_days");
  EXPECT_EQ(a["packs"], json({"amazon", "truthful-scarcity"}));
  // 10-14 days is fine; fulfilled by Amazon it is not.
  a = listing(at_nine({{"item", jacket()},
                       {"channels", {"amazon"}},
                       {"marketplaces", {{"amazon", {{"fulfillment", "marketplace"}}}}}}));
  EXPECT_FALSE(has(a, "amazon.ship_within"));
  EXPECT_EQ(one(a, "amazon.seller_fulfilled")["path"], "marketplaces.amazon.fulfillment");
}

TEST(Listing, AnEbayPresaleSaysSoAndShipsWithinThirtyDays) {
  json item = {{"sku", "BOOT-CHEL-42"}, {"lead_time_days", {{"min", 40}, {"max", 45}}}};
  json a = listing(at_nine({{"item", item},
                            {"channels", {"ebay"}},
                            {"marketplaces", {{"ebay", {{"title", "Chelsea boots, size 42"}}}}}}));
  EXPECT_TRUE(has(a, "ebay.presale_ship_within"));
  EXPECT_EQ(one(a, "ebay.presale_wording")["path"], "marketplaces.ebay.title");
  a = listing(at_nine({{"item", jacket()},
                       {"channels", {"ebay"}},
                       {"marketplaces", {{"ebay", {{"title", "PRESALE: field jacket, navy"}}}}}}));
  EXPECT_TRUE(a["findings"].empty()) << a.dump(2);
}

// ---- overriding packs --------------------------------------------------------------------------------

// A shop corrects a pack without a rebuild: the policy's pack replaces the built-in one of the same id, and a
// request's pack replaces both.
TEST(Override, APolicyOrRequestPackReplacesTheBuiltInOne) {
  json amazon = json::parse(rule_packs_json(*engine()))["packs"];
  json pack;
  for (const json& p : amazon)
    if (p["id"] == "amazon") pack = p;
  ASSERT_FALSE(pack.is_null());
  pack["rules"][0]["params"]["max_days"] = 60;
  json policy = json::parse(test::apparel_policy());
  policy["compliance"] = {{"packs", {pack}}};
  auto relaxed = Engine::from_json(policy.dump());
  json item = {{"sku", "BOOT-CHEL-42"}, {"lead_time_days", {{"min", 40}, {"max", 45}}}};
  json req = at_nine({{"item", item}, {"channels", {"amazon"}}});
  json a = json::parse(check_listing_json(*relaxed, req.dump()));
  EXPECT_FALSE(has(a, "amazon.ship_within"));
  // The request's own pack wins over the policy's.
  pack["rules"][0]["params"]["max_days"] = 20;
  req["packs"] = {pack};
  a = json::parse(check_listing_json(*relaxed, req.dump()));
  EXPECT_TRUE(has(a, "amazon.ship_within"));
  // A pack with no rules turns it off.
  req["packs"] = {{{"id", "amazon"}, {"rules", json::array()}}};
  EXPECT_FALSE(has(json::parse(check_listing_json(*relaxed, req.dump())), "amazon.ship_within"));

  // A bad pack in the policy is a policy error with its path.
  policy["compliance"]["packs"][0]["rules"][0]["check"] = "nope";
  auto issues = validate_policy(policy.dump());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "policy.compliance.packs[0].rules[0].check");
}

TEST(Override, ThePolicyNamesTheDefaultJurisdictionAndChannels) {
  json policy = json::parse(test::apparel_policy());
  policy["compliance"] = {{"jurisdiction", "de"}, {"channels", {"amazon"}}};
  auto e = Engine::from_json(policy.dump());
  json o = {{"placed_at", kPlaced}};
  EXPECT_TRUE(has(check(o, "2026-12-01", *e), "eu.delivery_deadline"));
  json item = {{"sku", "BOOT-CHEL-42"}, {"lead_time_days", {{"min", 40}, {"max", 45}}}};
  json a = json::parse(check_listing_json(*e, at_nine({{"item", item}}).dump()));
  EXPECT_TRUE(has(a, "amazon.ship_within"));
}

// ---- bad input ---------------------------------------------------------------------------------------

TEST(BadInput, EveryProblemIsNamedAndNothingIsChecked) {
  json o = order();
  o.erase("jurisdiction");
  o["notices"] = {
      {{"sent_at", "yesterday"}, {"revised_date", "2027-02-30"}, {"reply", {{"answer", "maybe"}}}}};
  o["colour"] = "red";
  o["cancelled"] = {{"at", kPlaced}};
  auto paths = error_paths([&] { check(o, "2026-12-01"); });
  EXPECT_EQ(paths, (std::set<std::string>{"order.colour", "order.jurisdiction", "order.notices[0].sent_at",
                                          "order.notices[0].revised_date", "order.notices[0].reply.answer",
                                          "order.notices[0].reply.at", "order.cancelled.by"}));
  paths = error_paths([&] {
    listing({{"now", "soon"},
             {"label", {{"status", "sold"}}},
             {"page", {{"claims", {{{"kind", "only_left"}}}}}}});
  });
  EXPECT_EQ(paths, (std::set<std::string>{"now", "item", "label.status", "page.claims[0].quantity"}));
}

// ---- the typed API (what the ledger calls) ----------------------------------------------------------------

TEST(Typed, TheLedgerSchedulesFromFindings) {
  OrderFacts o;
  o.now = parse_instant(at("2026-12-21"), "now");
  o.placed_at = parse_instant(kPlaced, "placed_at");
  o.jurisdiction = "US";
  DelayNotice n;
  n.sent_at = parse_instant(at("2026-12-20"), "sent_at");
  n.indefinite = true;
  n.reason = "supplier strike";
  n.right_to_cancel = n.free_cancel = true;
  o.notices.push_back(n);
  std::vector<std::string> applied;
  auto findings = check_order(*engine(), o, {}, &applied);
  // By due date, then severity: consent due 29 Jan, the deadline (info) 29 Jan, the cancellation 30 Jan.
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].rule_id, "ftc.express_consent");
  EXPECT_EQ(findings[0].severity, Severity::due);
  EXPECT_EQ(format_day(*findings[0].due), "2027-01-29");
  EXPECT_EQ(findings[1].rule_id, "ftc.deadline");
  EXPECT_EQ(findings[1].severity, Severity::info);
  EXPECT_EQ(findings[2].action, "cancel_and_refund");
  EXPECT_EQ(format_day(*findings[2].due), "2027-01-30");
  EXPECT_EQ(findings[2].citation.source, "16 CFR 435.2(c)");
  EXPECT_EQ(applied, (std::vector<std::string>{"card-authorization", "us-ftc-mail-order"}));
}
