// Remedies for a delay: the policy section, conditions, the order of evaluation and stacking, budgets, the
// explanations, and the JSON call.
#include "backorder/remedies.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "backorder/policy.hpp"
#include "test_support.hpp"

using namespace backorder;
using nlohmann::json;

namespace {

// The apparel policy without its delay_remedies, with `remedies` as given.
std::shared_ptr<const Engine> engine_with(const json& remedies, bool legacy = false) {
  json p = json::parse(test::apparel_policy());
  if (!legacy) p["notifications"].erase("delay_remedies");
  p["remedies"] = remedies;
  return Engine::from_json(p.dump());
}

json luxury_rules() {
  return json::parse(R"({
    "positioning": "luxury",
    "budget": {"per_order": 5000, "per_period": 100000, "period": "month"},
    "point_value": 1,
    "rules": [
      {"id": "vip-long-wait",
       "when": {"delay_business_days": {"min": 5}, "tiers": ["gold", "vip"], "positioning": ["luxury"]},
       "then": [{"type": "personal_outreach"},
                {"type": "discount", "percent": 20, "max": 4000, "code_prefix": "VIP"}],
       "stack": false},
      {"id": "big-order",
       "when": {"order_value": {"min": 20000}, "causes": ["supplier"]},
       "then": [{"type": "partial_refund", "percent": 10, "max": 2500},
                {"type": "free_expedited_shipping", "cost": 1500}]},
      {"id": "everyone",
       "when": {"delay_business_days": {"min": 1}},
       "then": [{"type": "loyalty_points", "per_unit": 2}]}
    ]})");
}

std::vector<std::string> paths(const json& policy) {
  std::vector<std::string> out;
  for (const Issue& i : validate_policy(policy.dump())) out.push_back(i.path);
  std::sort(out.begin(), out.end());
  return out;
}

const RuleDecision& rule(const RemedyDecision& d, const std::string& id) {
  for (const auto& r : d.rules)
    if (r.rule == id) return r;
  throw std::runtime_error("no rule " + id);
}

std::vector<std::string> types(const RemedyDecision& d) {
  std::vector<std::string> out;
  for (const auto& g : d.remedies) out.push_back(remedy_type_name(g.type));
  return out;
}

}  // namespace

TEST(RemedyPolicy, ReadsTheSection) {
  Policy p = parse_policy([] {
    json doc = json::parse(test::apparel_policy());
    doc["remedies"] = luxury_rules();
    return doc.dump();
  }());
  EXPECT_EQ(p.remedies.positioning, "luxury");
  EXPECT_EQ(p.remedies.per_order, 5000);
  EXPECT_EQ(p.remedies.per_period, 100000);
  ASSERT_EQ(p.remedies.rules.size(), 3u);
  EXPECT_FALSE(p.remedies.rules[0].stack);
  EXPECT_TRUE(p.remedies.rules[1].stack);
  EXPECT_EQ(p.remedies.rules[0].when.delay_business_days.min, 5);
  EXPECT_FALSE(p.remedies.rules[0].when.delay_business_days.max);
  EXPECT_EQ(p.remedies.rules[1].then[0].type, RemedyType::partial_refund);
  EXPECT_EQ(p.remedies.rules[1].then[0].max, 2500);
  EXPECT_EQ(p.remedies.rules[1].then[1].cost, 1500);
  EXPECT_EQ(p.remedies.rules[2].then[0].per_unit, 2);
}

TEST(RemedyPolicy, EveryProblemHasItsPath) {
  json doc = json::parse(test::apparel_policy());
  json r = luxury_rules();
  r["positioning"] = "posh";
  r["budget"]["period"] = "fortnight";
  r["rules"][0]["when"]["delay_business_days"] = {{"min", 9}, {"max", 3}};
  r["rules"][0]["then"][1].erase("percent");
  r["rules"][1]["id"] = "vip-long-wait";
  r["rules"][1]["then"][0]["type"] = "free_pony";
  r["rules"][2]["when"]["positioning"] = {"cheap"};
  r["rules"][2]["then"][0]["colour"] = "red";
  r["rules"].push_back({{"id", "delay_remedies"}, {"then", json::array()}});
  doc["remedies"] = r;
  EXPECT_EQ(paths(doc), (std::vector<std::string>{
                            "policy.remedies.budget.period",
                            "policy.remedies.positioning",
                            "policy.remedies.rules[0].then[1].percent",
                            "policy.remedies.rules[0].when.delay_business_days",
                            "policy.remedies.rules[1].id",
                            "policy.remedies.rules[1].then[0].type",
                            "policy.remedies.rules[2].then[0].colour",
                            "policy.remedies.rules[2].when.positioning[0]",
                            "policy.remedies.rules[3].id",
                            "policy.remedies.rules[3].then",
                        }));
}

TEST(Remedies, NotificationsDelayRemediesAreOneUnconditionalRule) {
  auto engine = Engine::from_json(test::apparel_policy());  // free expedited shipping and 10% (SORRY)
  RemedyDecision d = decide_remedies(*engine, RemedyCase{});
  EXPECT_EQ(types(d), (std::vector<std::string>{"free_expedited_shipping", "discount"}));
  EXPECT_EQ(d.remedies[1].code_prefix, "SORRY");
  EXPECT_EQ(d.remedies[1].percent, 10);
  ASSERT_EQ(d.rules.size(), 1u);
  EXPECT_EQ(d.rules[0].rule, "delay_remedies");
  EXPECT_EQ(d.rules[0].status, "applied");
  EXPECT_EQ(d.rules[0].why, "applies to every delay");
  EXPECT_FALSE(d.order_budget_left);
  // Granted once: a second delay of the same order repeats, it does not add.
  RemedyCase again;
  again.granted_rules = {"delay_remedies"};
  d = decide_remedies(*engine, again);
  EXPECT_TRUE(d.remedies.empty());
  EXPECT_EQ(d.rules[0].status, "already_granted");
}

TEST(Remedies, AGoldCustomerOfALuxuryBrandGetsOutreachAndNothingElseStacks) {
  auto engine = engine_with(luxury_rules());
  RemedyCase c;
  c.order_value = 30000;
  c.delay_business_days = 6;
  c.tier = "gold";
  c.cause = "supplier";
  RemedyDecision d = decide_remedies(*engine, c);
  EXPECT_EQ(types(d), (std::vector<std::string>{"personal_outreach", "discount"}));
  EXPECT_TRUE(d.outreach);
  EXPECT_EQ(d.remedies[1].max, 4000);
  EXPECT_EQ(d.remedies[1].cost, 4000);
  EXPECT_EQ(d.cost, 4000);
  EXPECT_EQ(d.order_budget_left, 1000);
  EXPECT_EQ(d.period_budget_left, 96000);
  const RuleDecision& vip = rule(d, "vip-long-wait");
  EXPECT_EQ(vip.status, "applied");
  ASSERT_EQ(vip.conditions.size(), 3u);
  EXPECT_EQ(vip.conditions[0].why, "the delay is 6 business days, at least 5 business days");
  EXPECT_EQ(vip.conditions[1].why, "the customer's tier \"gold\" is one of gold, vip");
  EXPECT_EQ(vip.conditions[2].why, "the brand's positioning \"luxury\" is one of luxury");
  EXPECT_EQ(rule(d, "big-order").status, "not_reached");
  EXPECT_EQ(rule(d, "big-order").why, "rule vip-long-wait applied and does not stack");
  EXPECT_EQ(rule(d, "everyone").status, "not_reached");
}

TEST(Remedies, RulesStackAndBudgetsCapInOrder) {
  auto engine = engine_with(luxury_rules());
  RemedyCase c;
  c.order_value = 45000;      // 450 USD: 900 points
  c.delayed_value = 30000;    // 10% = 3000, capped at the rule's 2500
  c.delay_business_days = 3;  // too short for vip-long-wait
  c.tier = "gold";
  c.cause = "supplier";
  RemedyDecision d = decide_remedies(*engine, c);
  EXPECT_EQ(rule(d, "vip-long-wait").status, "not_met");
  EXPECT_EQ(rule(d, "vip-long-wait").why, "the delay is 3 business days, not at least 5 business days");
  EXPECT_EQ(types(d),
            (std::vector<std::string>{"partial_refund", "free_expedited_shipping", "loyalty_points"}));
  const GrantedRemedy& refund = d.remedies[0];
  EXPECT_EQ(refund.amount, 2500);
  EXPECT_EQ(refund.capped, "max");
  EXPECT_EQ(refund.why, "10% of the delayed lines' 300.00 USD, capped at the rule's 25.00 USD");
  EXPECT_EQ(d.remedies[1].cost, 1500);
  EXPECT_EQ(d.remedies[2].points, 900);
  EXPECT_EQ(d.remedies[2].cost, 900);  // a point costs the shop a cent
  EXPECT_EQ(d.cost, 4900);
  EXPECT_EQ(d.order_budget_left, 100);

  // With 1000 of the order's budget spent before, the points no longer fit: 0 of 900 left.
  c.order_spent = 1000;
  d = decide_remedies(*engine, c);
  EXPECT_EQ(types(d), (std::vector<std::string>{"partial_refund", "free_expedited_shipping"}));
  EXPECT_EQ(rule(d, "everyone").status, "applied");
  EXPECT_EQ(rule(d, "everyone").actions[0].status, "skipped");
  EXPECT_EQ(rule(d, "everyone").actions[0].why, "the per-order budget is spent");
  EXPECT_EQ(d.order_budget_left, 0);
}

TEST(Remedies, ABudgetShrinksWhatCanShrinkAndSkipsWhatCannot) {
  json r = luxury_rules();
  r["rules"][1]["then"] = json::parse(R"([{"type": "free_expedited_shipping", "cost": 1500},
                                          {"type": "partial_refund", "percent": 50}])");
  auto engine = engine_with(r);
  RemedyCase c;
  c.order_value = 20000;
  c.cause = "supplier";
  c.delay_business_days = 2;
  c.order_spent = 4000;  // 1000 left per order
  RemedyDecision d = decide_remedies(*engine, c);
  const RuleDecision& big = rule(d, "big-order");
  ASSERT_EQ(big.actions.size(), 2u);
  EXPECT_EQ(big.actions[0].status, "skipped");
  EXPECT_EQ(big.actions[0].why, "costs 15.00 USD, but only 10.00 USD is left of the per-order budget");
  EXPECT_EQ(big.actions[1].status, "capped");
  ASSERT_EQ(types(d), (std::vector<std::string>{"partial_refund"}));
  EXPECT_EQ(d.remedies[0].amount, 1000);
  EXPECT_EQ(d.remedies[0].capped, "order_budget");
  // Nothing left: the points of the last rule are skipped, with the reason.
  EXPECT_EQ(rule(d, "everyone").actions[0].status, "skipped");
  EXPECT_EQ(rule(d, "everyone").actions[0].why, "the per-order budget is spent");

  // The period's budget binds when it is the smaller one.
  c.order_spent = 0;
  c.period_spent = 99500;
  d = decide_remedies(*engine, c);
  ASSERT_EQ(types(d), (std::vector<std::string>{"partial_refund"}));
  EXPECT_EQ(d.remedies[0].amount, 500);
  EXPECT_EQ(d.remedies[0].capped, "period_budget");
  EXPECT_EQ(d.period_budget_left, 0);
}

TEST(Remedies, ADiscountWithoutACapGetsOneFromTheBudget) {
  json r = {{"budget", {{"per_order", 1200}}},
            {"rules", {{{"id", "d"}, {"then", {{{"type", "discount"}, {"percent", 10}}}}}}}};
  auto engine = engine_with(r);
  RemedyCase c;
  c.order_value = 9000;  // counted as 900
  RemedyDecision d = decide_remedies(*engine, c);
  ASSERT_EQ(d.remedies.size(), 1u);
  EXPECT_EQ(d.remedies[0].max, 0);
  EXPECT_EQ(d.remedies[0].cost, 900);
  EXPECT_EQ(d.remedies[0].code_prefix, "SORRY");
  c.order_value = 50000;  // counted as 5000: the code is capped at the 1200 left
  d = decide_remedies(*engine, c);
  EXPECT_EQ(d.remedies[0].max, 1200);
  EXPECT_EQ(d.remedies[0].capped, "order_budget");
}

TEST(Remedies, ConditionsOnLifetimeValueCauseAndValue) {
  json r = {{"rules",
             {{{"id", "loyal"},
               {"when", {{"lifetime_value", {{"min", 100000}}}, {"causes", {"carrier"}}}},
               {"then", {{{"type", "personal_outreach"}}}}}}}};
  auto engine = engine_with(r);
  RemedyCase c;
  c.cause = "carrier";
  RemedyDecision d = decide_remedies(*engine, c);
  EXPECT_EQ(d.rules[0].status, "not_met");
  EXPECT_EQ(d.rules[0].why, "the customer's lifetime value is unknown");
  c.lifetime_value = 250000;
  d = decide_remedies(*engine, c);
  EXPECT_EQ(d.rules[0].status, "applied");
  EXPECT_TRUE(d.outreach);
  c.cause = "supplier";
  d = decide_remedies(*engine, c);
  EXPECT_EQ(d.rules[0].why, "the cause \"supplier\" is not one of carrier");
  EXPECT_FALSE(d.outreach);
}

TEST(Remedies, PointsCountWholeCurrencyUnits) {
  json p = json::parse(test::apparel_policy());
  p["notifications"].erase("delay_remedies");
  p["currency"] = "JPY";
  p["shipping"]["methods"][0]["price"]["per_shipment"] = 600;
  p["shipping"]["methods"][0]["free_over"] = 15000;
  p["remedies"] = {{"rules", {{{"id", "p"}, {"then", {{{"type", "loyalty_points"}, {"per_unit", 1}}}}}}}};
  auto engine = Engine::from_json(p.dump());
  RemedyCase c;
  c.order_value = 12345;  // yen have no minor unit
  EXPECT_EQ(decide_remedies(*engine, c).remedies[0].points, 12345);
  c.order_value = 0;
  RemedyDecision d = decide_remedies(*engine, c);
  EXPECT_TRUE(d.remedies.empty());
  EXPECT_EQ(d.rules[0].actions[0].why, "no points: the order is worth less than one currency unit");
}

TEST(Remedies, TheSameGestureIsGivenOnce) {
  json r = {
      {"rules",
       {{{"id", "a"}, {"then", {{{"type", "free_expedited_shipping"}}, {{"type", "personal_outreach"}}}}},
        {{"id", "b"}, {"then", {{{"type", "free_expedited_shipping"}}}}}}}};
  RemedyDecision d = decide_remedies(*engine_with(r), RemedyCase{});
  EXPECT_EQ(types(d), (std::vector<std::string>{"free_expedited_shipping", "personal_outreach"}));
  EXPECT_EQ(rule(d, "b").actions[0].why, "already granted by an earlier rule");
}

TEST(Remedies, AnAlreadyGrantedRuleThatDoesNotStackStillEndsTheEvaluation) {
  auto engine = engine_with(luxury_rules());
  RemedyCase c;
  c.order_value = 30000;
  c.delay_business_days = 8;
  c.tier = "vip";
  c.cause = "supplier";
  c.granted_rules = {"vip-long-wait"};
  c.order_spent = 4000;
  RemedyDecision d = decide_remedies(*engine, c);
  EXPECT_TRUE(d.remedies.empty());
  EXPECT_EQ(rule(d, "vip-long-wait").status, "already_granted");
  EXPECT_EQ(rule(d, "big-order").status, "not_reached");
}

TEST(Remedies, ABadCaseIsRefused) {
  auto engine = engine_with(luxury_rules());
  RemedyCase c;
  c.order_value = -1;
  try {
    decide_remedies(*engine, c);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "order_value");
  }
}

TEST(RemediesJson, AnswersWithTheDecisionAndItsReasons) {
  auto engine = engine_with(luxury_rules());
  json a = json::parse(remedies_json(*engine, R"({"order_value": 30000, "delay_business_days": 6,
      "tier": "gold", "cause": "supplier", "lifetime_value": 90000})"));
  EXPECT_EQ(a["currency"], "USD");
  EXPECT_EQ(a["cost"], 4000);
  EXPECT_EQ(a["outreach"], true);
  EXPECT_EQ(a["budget"], json::parse(R"({"per_order": 5000, "per_period": 100000, "period": "month",
      "order_left": 1000, "period_left": 96000})"));
  ASSERT_EQ(a["remedies"].size(), 2u);
  EXPECT_EQ(a["remedies"][1], json::parse(R"({"rule": "vip-long-wait", "type": "discount", "percent": 20,
      "max": 4000, "cost": 4000, "code_prefix": "VIP", "capped": null,
      "why": "20% off the next purchase, at most 40.00 USD"})"));
  ASSERT_EQ(a["rules"].size(), 3u);
  EXPECT_EQ(a["rules"][0]["status"], "applied");
  EXPECT_EQ(a["rules"][0]["actions"][0], json::parse(R"({"type": "personal_outreach", "status": "granted",
      "why": "a person contacts the customer, not a template"})"));
  EXPECT_EQ(a["rules"][1]["status"], "not_reached");
}

TEST(RemediesJson, BadRequestsNameThePath) {
  auto engine = engine_with(luxury_rules());
  auto path_of = [&](const char* request) {
    try {
      remedies_json(*engine, request);
    } catch (const Error& e) {
      return e.path();
    }
    return std::string("(accepted)");
  };
  EXPECT_EQ(path_of(R"({"order_value": -5})"), "order_value");
  EXPECT_EQ(path_of(R"({"order_value": 5, "colour": "red"})"), "colour");
  EXPECT_EQ(path_of(R"({"granted_rules": ["a", 3]})"), "granted_rules[1]");
  EXPECT_EQ(path_of(R"({"delay_business_days": "long"})"), "delay_business_days");
  EXPECT_EQ(path_of(R"([)"), "request");
  EXPECT_EQ(path_of(R"({})"), "(accepted)");
}
