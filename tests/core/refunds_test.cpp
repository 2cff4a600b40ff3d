// Refund quotes computed by hand: discounts split by largest remainder, tax exclusive and inclusive,
// deposits, shipping before and after a partial shipment, deadlines per jurisdiction and payment method, a
// line cancelled in steps, the policy's refunds section, the JSON wire and its errors.
#include "backorder/refunds.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "backorder/refund_wire.hpp"
#include "test_support.hpp"

using namespace backorder;
using nlohmann::json;

namespace {

std::shared_ptr<const Engine> engine_with(const json& refunds, const json& shipping = json()) {
  json p = json::parse(test::apparel_policy());
  if (!refunds.is_null()) p["refunds"] = refunds;
  if (!shipping.is_null()) p["shipping"]["extra_shipments_paid_by"] = shipping;
  return Engine::from_json(p.dump());
}

PaidLine paid(const char* id, std::int64_t quantity, std::int64_t unit_price) {
  PaidLine l;
  l.line_id = id;
  l.quantity = quantity;
  l.unit_price = unit_price;
  return l;
}

PaidOrder order_of(std::vector<PaidLine> lines, Jurisdiction j = Jurisdiction::US) {
  PaidOrder o;
  o.currency = "USD";
  o.lines = std::move(lines);
  o.jurisdiction = j;
  return o;
}

Cancellation all() { return {true, {}}; }
Cancellation lines(std::vector<CancelLine> l) { return {false, std::move(l)}; }

Instant at(const char* iso) { return parse_instant(iso, "now"); }

// The apparel order: a backordered jacket, a scarf and jeans (in stock), 5.95 shipping.
PaidOrder apparel() {
  PaidOrder o = order_of({paid("1", 1, 12900), paid("2", 1, 3500), paid("3", 1, 7900)});
  o.shipping.charged = 595;
  return o;
}

std::set<std::string> error_paths(const std::function<void()>& call) {
  std::set<std::string> out;
  try {
    call();
  } catch (const ValidationError& e) {
    for (const auto& i : e.issues()) out.insert(i.path);
  }
  return out;
}

void expect_sums(const RefundQuote& q) {
  std::int64_t total = 0, items = 0, discount = 0, tax = 0, deposit = 0;
  for (const auto& l : q.lines) {
    EXPECT_EQ(l.total, l.items - l.discount + (q.tax_included ? 0 : l.tax) + l.deposit) << l.line_id;
    total += l.total;
    items += l.items;
    discount += l.discount;
    tax += l.tax;
    deposit += l.deposit;
  }
  EXPECT_EQ(q.total, total + q.shipping);
  EXPECT_EQ(q.items, items);
  EXPECT_EQ(q.discount, discount);
  EXPECT_EQ(q.tax, tax);
  EXPECT_EQ(q.deposit, deposit);
}

}  // namespace

TEST(Refunds, ADiscountOf1000SplitsOverThreeLinesByLargestRemainder) {
  auto engine = test::apparel_engine();
  // 1000 × 2000/6001 = 333.28, 1000 × 2001/6001 = 333.44: the left-over unit goes to the largest remainder.
  PaidOrder o = order_of({paid("1", 1, 2000), paid("2", 1, 2000), paid("3", 1, 2001)});
  o.discounts = {{"WELCOME", 600}, {"LOYAL", 400}};
  RefundQuote q = quote_refund(*engine, o, all(), test::monday_morning());
  ASSERT_EQ(q.lines.size(), 3u);
  EXPECT_EQ(q.lines[0].discount, 333);
  EXPECT_EQ(q.lines[1].discount, 333);
  EXPECT_EQ(q.lines[2].discount, 334);
  EXPECT_EQ(q.discount, 1000);
  EXPECT_EQ(q.lines[2].total, 2001 - 334);
  EXPECT_EQ(q.total, 6001 - 1000);
  expect_sums(q);

  // Equal lines: equal remainders, and the tie goes to the earlier line.
  o = order_of({paid("1", 1, 2000), paid("2", 1, 2000), paid("3", 1, 2000)});
  o.discounts = {{"", 1000}};
  q = quote_refund(*engine, o, all(), test::monday_morning());
  EXPECT_EQ(q.lines[0].discount, 334);
  EXPECT_EQ(q.lines[1].discount, 333);
  EXPECT_EQ(q.lines[2].discount, 333);
}

TEST(Refunds, TheWholeOrderBeforeShippingRefundsEverythingPaid) {
  PaidOrder o = apparel();
  o.lines[0].tax = {LineTax::Kind::rate, 825, 0};  // 8.25 % of 129.00 = 10.6425 -> 10.64
  o.lines[1].tax = {LineTax::Kind::amount, 0, 289};
  RefundQuote q = quote_refund(*test::apparel_engine(), o, all(), test::monday_morning());
  EXPECT_EQ(q.lines[0].tax, 1064);
  EXPECT_EQ(q.lines[1].tax, 289);
  EXPECT_EQ(q.lines[2].tax, 0);
  EXPECT_EQ(q.shipping, 595);
  EXPECT_EQ(q.shipping_basis, ShippingBasis::order_cancelled);
  EXPECT_EQ(q.still_open, 0);
  EXPECT_EQ(q.total, 12900 + 1064 + 3500 + 289 + 7900 + 595);
  expect_sums(q);
}

TEST(Refunds, TaxIncludedPricesRefundThePriceAndReportTheTaxInIt) {
  PaidOrder o = order_of({paid("1", 2, 6000)}, Jurisdiction::EU);
  o.currency = "USD";
  o.tax_included = true;
  o.lines[0].tax = {LineTax::Kind::rate, 2000, 0};  // 20 % VAT inside 120.00: 20.00
  o.discounts = {{"", 1200}};                       // 108.00 after the discount: 18.00 of VAT
  RefundQuote q = quote_refund(*test::apparel_engine(), o, lines({{"1", 1}}), test::monday_morning());
  ASSERT_EQ(q.lines.size(), 1u);
  EXPECT_EQ(q.lines[0].items, 6000);
  EXPECT_EQ(q.lines[0].discount, 600);
  EXPECT_EQ(q.lines[0].tax, 900);
  EXPECT_EQ(q.lines[0].total, 5400);  // the tax is inside
  EXPECT_TRUE(q.tax_included);
  expect_sums(q);
}

TEST(Refunds, ALineCancelledInStepsAddsUpToItsTotalExactly) {
  auto engine = test::apparel_engine();
  PaidOrder o = order_of({paid("1", 3, 1000)});
  o.discounts = {{"", 100}};
  o.lines[0].tax = {LineTax::Kind::rate, 1000, 0};  // 10 % of 29.00 = 2.90
  std::int64_t refunded = 0, discount = 0, tax = 0;
  for (int step = 0; step < 3; ++step) {
    RefundQuote q = quote_refund(*engine, o, lines({{"1", 1}}), test::monday_morning());
    refunded += q.lines[0].total;
    discount += q.lines[0].discount;
    tax += q.lines[0].tax;
    o.lines[0].cancelled += 1;
  }
  EXPECT_EQ(discount, 100);
  EXPECT_EQ(tax, 290);
  EXPECT_EQ(refunded, 3000 - 100 + 290);
}

TEST(Refunds, ADepositLineRefundsTheDepositOnly) {
  PaidOrder o = order_of({paid("1", 2, 5000), paid("2", 1, 2000)});
  o.lines[0].deposit = 2000;  // a pre-order: 20.00 up front for both, the balance at shipment
  RefundQuote q = quote_refund(*test::apparel_engine(), o, lines({{"1", 1}}), test::monday_morning());
  ASSERT_EQ(q.lines.size(), 1u);
  EXPECT_EQ(q.lines[0].items, 0);
  EXPECT_EQ(q.lines[0].deposit, 1000);
  EXPECT_EQ(q.lines[0].total, 1000);
  EXPECT_EQ(q.deposit, 1000);
  EXPECT_EQ(q.still_open, 2);
  expect_sums(q);
}

// The scarf and the jeans have shipped; the jacket is cancelled. 5.95 over 129.00, 35.00 and 79.00 by
// largest remainder: 315.86 -> 316, 85.70 -> 86, 193.44 -> 193.
TEST(Refunds, ShippingAfterAPartialShipmentFollowsThePolicy) {
  PaidOrder o = apparel();
  o.lines[1].shipped = 1;
  o.lines[2].shipped = 1;
  const Instant now = test::monday_morning();

  RefundQuote q = quote_refund(*test::apparel_engine(), o, all(), now);
  EXPECT_EQ(q.shipping_basis, ShippingBasis::proportional);  // the default
  EXPECT_EQ(q.shipping, 316);
  EXPECT_EQ(q.total, 12900 + 316);

  q = quote_refund(*engine_with({{"shipping_after_partial", "none"}}), o, all(), now);
  EXPECT_EQ(q.shipping_basis, ShippingBasis::none);
  EXPECT_EQ(q.shipping, 0);

  q = quote_refund(*engine_with({{"shipping_after_partial", "full"}}), o, all(), now);
  EXPECT_EQ(q.shipping_basis, ShippingBasis::full);
  EXPECT_EQ(q.shipping, 595);

  // Already refunded shipping is never refunded twice.
  o.shipping.refunded = 400;
  q = quote_refund(*engine_with({{"shipping_after_partial", "full"}}), o, all(), now);
  EXPECT_EQ(q.shipping, 195);
  q = quote_refund(*test::apparel_engine(), o, all(), now);
  EXPECT_EQ(q.shipping, 195);
}

TEST(Refunds, AnExtraShipmentTheShopChoseIsTheShopsCost) {
  PaidOrder o = apparel();
  o.lines[1].shipped = 1;
  o.lines[2].shipped = 1;
  o.shipping.shop_paid_extra_shipments = true;
  // The shopper paid for one shipment of everything, which will now never leave: all of it comes back, even
  // under a policy that refunds no shipping after a partial shipment.
  auto none = engine_with({{"shipping_after_partial", "none"}});
  RefundQuote q = quote_refund(*none, o, all(), test::monday_morning());
  EXPECT_EQ(q.shipping_basis, ShippingBasis::order_cancelled);
  EXPECT_EQ(q.shipping, 595);

  // The policy's shipping.extra_shipments_paid_by is the default.
  o.shipping.shop_paid_extra_shipments.reset();
  EXPECT_EQ(quote_refund(*none, o, all(), test::monday_morning()).shipping, 0);
  auto shop = engine_with({{"shipping_after_partial", "none"}}, "shop");
  EXPECT_EQ(quote_refund(*shop, o, all(), test::monday_morning()).shipping, 595);
}

TEST(Refunds, APartialCancellationBeforeShippingRefundsTheCancelledShare) {
  PaidOrder o = apparel();
  RefundQuote q =
      quote_refund(*test::apparel_engine(), o, lines({{"1", std::nullopt}}), test::monday_morning());
  EXPECT_EQ(q.shipping_basis, ShippingBasis::proportional);
  EXPECT_EQ(q.shipping, 316);
  EXPECT_EQ(q.still_open, 2);
}

TEST(Refunds, UsCardIsSevenWorkingDaysSkippingAHoliday) {
  PaidOrder o = apparel();
  // Monday 23 November 2026; Thursday 26 is Thanksgiving, a holiday in the apparel calendar.
  RefundQuote q = quote_refund(*test::apparel_engine(), o, all(), at("2026-11-23T10:00:00-05:00"));
  EXPECT_EQ(format_day(q.deadline.due), "2026-12-03");
  EXPECT_EQ(q.deadline.rule_id, "us_ftc_card");
  EXPECT_EQ(q.deadline.count, 7);
  EXPECT_EQ(q.deadline.unit, RefundUnit::working_days);
  EXPECT_EQ(q.deadline.method, "original_payment");
  EXPECT_EQ(q.deadline.citation, "16 CFR 435.1(b)(1), 435.1(d)(2)(ii)");

  json p = json::parse(test::apparel_policy());
  p["calendar"]["holidays"] = json::array();
  auto no_holidays = Engine::from_json(p.dump());
  EXPECT_EQ(format_day(quote_refund(*no_holidays, o, all(), at("2026-11-23T10:00:00-05:00")).deadline.due),
            "2026-12-02");

  o.payment = PaymentMethod::cash;
  q = quote_refund(*test::apparel_engine(), o, all(), at("2026-11-23T10:00:00-05:00"));
  EXPECT_EQ(q.deadline.rule_id, "us_ftc_cash");
  EXPECT_EQ(q.deadline.method, "cash_check_or_money_order");
  EXPECT_EQ(format_day(q.deadline.due), "2026-12-03");
}

TEST(Refunds, StoreCreditTheShopExtendedIsOneBillingCycle) {
  PaidOrder o = apparel();
  o.payment = PaymentMethod::store_credit_by_shop;
  RefundQuote q = quote_refund(*test::apparel_engine(), o, all(), test::monday_morning());
  EXPECT_EQ(q.deadline.rule_id, "us_ftc_shop_credit");
  EXPECT_EQ(q.deadline.unit, RefundUnit::billing_cycles);
  EXPECT_EQ(q.deadline.method, "shop_account_credit");
  EXPECT_EQ(format_day(q.deadline.due), "2026-12-30");  // 30 days by default
  q = quote_refund(*engine_with({{"billing_cycle_days", 31}}), o, all(), test::monday_morning());
  EXPECT_EQ(format_day(q.deadline.due), "2026-12-31");
}

TEST(Refunds, EuAndUkAreFourteenDays) {
  PaidOrder o = apparel();
  o.jurisdiction = Jurisdiction::EU;
  o.payment = PaymentMethod::paypal;
  RefundQuote q = quote_refund(*test::apparel_engine(), o, all(), test::monday_morning());
  EXPECT_EQ(q.deadline.rule_id, "eu_crd_art13");
  EXPECT_EQ(q.deadline.unit, RefundUnit::calendar_days);
  EXPECT_EQ(format_day(q.deadline.due), "2026-12-14");
  EXPECT_EQ(q.deadline.citation, "Directive 2011/83/EU Art. 13(1)");
  o.jurisdiction = Jurisdiction::UK;
  o.payment = PaymentMethod::store_credit_by_shop;  // the same rule for every method
  q = quote_refund(*test::apparel_engine(), o, all(), test::monday_morning());
  EXPECT_EQ(q.deadline.rule_id, "uk_ccr_reg34");
  EXPECT_EQ(format_day(q.deadline.due), "2026-12-14");
}

TEST(Refunds, APolicyCorrectsARuleWithoutARebuild) {
  auto engine =
      engine_with({{"jurisdiction", "EU"},
                   {"rules", {{"eu_crd_art13", {{"count", 10}, {"citation", "Corrected citation"}}}}}});
  PaidOrder o = apparel();
  o.jurisdiction.reset();  // the policy's
  RefundQuote q = quote_refund(*engine, o, all(), test::monday_morning());
  EXPECT_EQ(q.deadline.jurisdiction, Jurisdiction::EU);
  EXPECT_EQ(format_day(q.deadline.due), "2026-12-10");
  EXPECT_EQ(q.deadline.citation, "Corrected citation");
}

TEST(Refunds, TheRuleTableHasARowForEveryJurisdictionAndMethod) {
  for (auto j : {Jurisdiction::US, Jurisdiction::EU, Jurisdiction::UK}) {
    for (auto p : {PaymentMethod::card, PaymentMethod::paypal, PaymentMethod::cash,
                   PaymentMethod::store_credit_by_shop}) {
      const RefundRule& r = refund_rule_for(j, p);
      EXPECT_EQ(r.jurisdiction, j);
      EXPECT_FALSE(r.citation.empty());
      EXPECT_GT(r.count, 0);
    }
  }
}

TEST(Refunds, BadInputListsEveryProblemAndChangesNothing) {
  auto engine = test::apparel_engine();
  PaidOrder o = apparel();
  o.currency = "EUR";
  o.lines[0].shipped = 1;
  o.lines[0].cancelled = 1;
  o.lines[1].quantity = 0;
  o.lines[2].line_id = "1";
  o.shipping.refunded = 600;
  o.jurisdiction.reset();
  EXPECT_EQ(error_paths([&] {
              quote_refund(*engine, o, lines({{"9", 1}}), test::monday_morning());
            }),
            (std::set<std::string>{"order.currency", "order.lines[0].cancelled", "order.lines[1].quantity",
                                   "order.lines[2].line_id", "order.shipping.refunded", "order.jurisdiction",
                                   "cancel[0].line_id"}));

  o = apparel();
  o.discounts = {{"", 24301}};
  EXPECT_EQ(error_paths([&] { quote_refund(*engine, o, all(), test::monday_morning()); }),
            (std::set<std::string>{"order.discounts"}));
  o = apparel();
  o.lines[0].deposit = 12901;
  EXPECT_EQ(error_paths([&] { quote_refund(*engine, o, all(), test::monday_morning()); }),
            (std::set<std::string>{"order.lines[0].deposit"}));
  o = apparel();
  o.lines[0].shipped = 1;
  EXPECT_EQ(
      error_paths([&] {
        quote_refund(*engine, o, lines({{"1", std::nullopt}, {"2", 2}, {"3", 0}}), test::monday_morning());
      }),
      (std::set<std::string>{"cancel[0].line_id", "cancel[1].quantity", "cancel[2].quantity"}));
  o.lines[1].shipped = 1;
  o.lines[2].cancelled = 1;
  EXPECT_EQ(error_paths([&] { quote_refund(*engine, o, all(), test::monday_morning()); }),
            (std::set<std::string>{"cancel"}));
}

TEST(Refunds, TheTypedCallHoldsTheLimitsOfDocsLimits) {
  auto engine = test::apparel_engine();
  PaidOrder o = apparel();
  o.lines[0].sku = std::string(1025, 'a');
  o.lines[1].quantity = 1'000'000'001;
  o.lines[2].unit_price = 1'000'000'000'000'001;
  o.discounts = {{std::string(1025, 'b'), 0}};
  EXPECT_EQ(error_paths([&] { quote_refund(*engine, o, all(), test::monday_morning()); }),
            (std::set<std::string>{"order.lines[0].sku", "order.lines[1].quantity",
                                   "order.lines[2].unit_price", "order.discounts[0].code"}));
  // Amounts within their own limits but together past 10^15.
  o = order_of({paid("1", 1'000'000, 600'000'000), paid("2", 1'000'000, 600'000'000)});
  EXPECT_EQ(error_paths([&] { quote_refund(*engine, o, all(), test::monday_morning()); }),
            (std::set<std::string>{"order.lines"}));
  o = order_of(std::vector<PaidLine>(1001, paid("x", 1, 1)));
  EXPECT_EQ(error_paths([&] { quote_refund(*engine, o, all(), test::monday_morning()); }),
            (std::set<std::string>{"order.lines"}));
}

TEST(RefundPolicy, TheSectionIsCheckedWithPaths) {
  json p = json::parse(test::apparel_policy());
  p["refunds"] = {
      {"shipping_after_partial", "half"},
      {"billing_cycle_days", 0},
      {"jurisdiction", "FR"},
      {"rules", {{"no_such_rule", {{"count", 3}}}, {"us_ftc_card", {{"unit", "weeks"}, {"count", 0}}}}},
      {"colour", "blue"}};
  std::set<std::string> paths;
  for (const auto& i : validate_policy(p.dump())) paths.insert(i.path);
  EXPECT_EQ(paths, (std::set<std::string>{
                       "policy.refunds.shipping_after_partial", "policy.refunds.billing_cycle_days",
                       "policy.refunds.jurisdiction", "policy.refunds.rules.no_such_rule",
                       "policy.refunds.rules.us_ftc_card.unit", "policy.refunds.rules.us_ftc_card.count",
                       "policy.refunds.colour"}));
  EXPECT_EQ(test::apparel_engine()->policy().refunds.shipping_after_partial,
            ShippingAfterPartial::proportional);
}

// ---- the JSON wire -------------------------------------------------------------------------------------

namespace {

json apparel_request() {
  return json::parse(R"({
    "now": "2026-11-30T09:00:00-05:00",
    "order": {"currency": "USD", "payment": "card", "jurisdiction": "US",
              "lines": [{"line_id": "1", "sku": "JKT-NAVY-M", "quantity": 1, "unit_price": 12900,
                         "tax": {"rate_bp": 825}},
                        {"line_id": "2", "sku": "SCF-WOOL-GRY", "quantity": 1, "unit_price": 3500, "shipped": 1,
                         "tax": {"amount": 289}},
                        {"line_id": "3", "sku": "JNS-SLIM-32", "quantity": 1, "unit_price": 7900, "shipped": 1}],
              "discounts": [{"code": "WELCOME", "amount": 1000}],
              "shipping": {"charged": 595, "extra_shipments_paid_by": "customer"}},
    "cancel": [{"line_id": "1"}]})");
}

}  // namespace

TEST(RefundWire, AnswersTheQuoteWithSortedKeys) {
  auto engine = test::apparel_engine();
  const std::string text = refund_json(*engine, apparel_request().dump());
  json q = json::parse(text);
  EXPECT_EQ(text, q.dump());  // keys sorted, no spaces: nlohmann's canonical form
  // 10.00 off over 129.00, 35.00, 79.00: 530.86 -> 531, 144.03 -> 144, 325.10 -> 325.
  EXPECT_EQ(q["lines"][0]["discount"], 531);
  EXPECT_EQ(q["lines"][0]["tax"], 1020);  // 8.25 % of 123.69 = 10.204
  EXPECT_EQ(q["lines"][0]["total"], 12900 - 531 + 1020);
  EXPECT_EQ(q["lines"][0]["sku"], "JKT-NAVY-M");
  EXPECT_EQ(q["shipping"], 316);
  EXPECT_EQ(q["shipping_basis"], "proportional");
  EXPECT_EQ(q["total"], 12900 - 531 + 1020 + 316);
  EXPECT_EQ(q["still_open"], 0);
  EXPECT_EQ(q["now"], "2026-11-30T09:00:00-05:00");
  EXPECT_EQ(q["deadline"]["due"], "2026-12-09");
  EXPECT_EQ(q["deadline"]["rule"], "us_ftc_card");
  EXPECT_EQ(q["deadline"]["unit"], "working_days");
  EXPECT_EQ(q["deadline"]["payment"], "card");
  EXPECT_EQ(q["deadline"]["jurisdiction"], "US");
  EXPECT_EQ(q["tax_included"], false);
}

TEST(RefundWire, CancelAllAndErrorsWithPaths) {
  auto engine = test::apparel_engine();
  json r = apparel_request();
  r["cancel"] = "all";
  EXPECT_EQ(json::parse(refund_json(*engine, r.dump()))["lines"].size(), 1u);

  r["order"]["lines"][0]["tax"] = {{"rate_bp", 825}, {"amount", 3}};
  r["order"]["lines"][1].erase("unit_price");
  r["order"]["lines"][2]["colour"] = "blue";
  r["order"]["payment"] = "cheque";
  r["order"]["shipping"]["extra_shipments_paid_by"] = "nobody";
  r["cancel"] = "some";
  r.erase("now");
  EXPECT_EQ(error_paths([&] { refund_json(*engine, r.dump()); }),
            (std::set<std::string>{"now", "order.lines[0].tax", "order.lines[1].unit_price",
                                   "order.lines[2].colour", "order.payment",
                                   "order.shipping.extra_shipments_paid_by", "cancel"}));
  EXPECT_EQ(error_paths([&] { refund_json(*engine, "{\"now\": 1"); }), (std::set<std::string>{"request"}));
  r = apparel_request();
  r["cancel"] = json::array({{{"line_id", "1"}, {"quantity", 2}}});
  EXPECT_EQ(error_paths([&] { refund_json(*engine, r.dump()); }),
            (std::set<std::string>{"cancel[0].quantity"}));
}

TEST(RefundWire, ShapeAndValueProblemsComeInOneAnswer) {
  auto engine = test::apparel_engine();
  json r = apparel_request();
  r["order"]["payment"] = "cheque";          // a shape problem
  r["order"]["lines"][0]["shipped"] = 2;     // a value problem
  r["order"]["lines"][1].erase("quantity");  // required: reported once, not again as "at least 1"
  EXPECT_EQ(error_paths([&] { refund_json(*engine, r.dump()); }),
            (std::set<std::string>{"order.payment", "order.lines[0].shipped", "order.lines[1].quantity"}));
}
