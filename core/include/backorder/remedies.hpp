// Remedies for a delay (docs/remedies.md): which goodwill gestures one delayed order gets under the policy's
// rules and budgets, and why. Pure: the case carries every fact (the period's spend included), so the same
// case always gets the same decision.
//
// Order of evaluation: notifications.delay_remedies first (one unconditional rule, "delay_remedies"), then
// remedies.rules in order. A rule applies when all its conditions hold; its actions are granted in order.
// A rule with stack: false ends the evaluation once it applies. Monetary actions are capped by what is left
// of the per-order and per-period budgets, in the order they are granted: a divisible one (discount cap,
// partial refund, points) shrinks to fit and says so, an indivisible one (free expedited shipping) is
// skipped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backorder/engine.hpp"
#include "backorder/remedy_policy.hpp"

namespace backorder {

// One delayed order, as the rules see it. Money in minor units of the policy's currency.
struct RemedyCase {
  std::int64_t order_value = 0;
  std::optional<std::int64_t>
      delayed_value;                     // the delayed lines' value (partial refunds); none = order_value
  std::int64_t delay_business_days = 0;  // the ship window's end past the promised end
  std::string tier;                      // the customer's tier ("" = none)
  std::optional<std::int64_t> lifetime_value;  // what the customer has bought so far; none = unknown
  std::string cause;                           // why it is late ("supplier", "stock", a declared cause)
  std::int64_t order_spent = 0;                // remedies this order already got, counted against budgets
  std::int64_t period_spent = 0;               // remedies of the current budget period so far
  std::vector<std::string> granted_rules;      // rules this order already got: not granted twice
};

// A remedy granted.
struct GrantedRemedy {
  std::string rule;
  RemedyType type = RemedyType::discount;
  int percent = 0;          // discount, partial_refund
  std::int64_t max = 0;     // discount: the most it takes off (0 = no cap)
  std::int64_t amount = 0;  // partial_refund: what is refunded
  std::int64_t points = 0;  // loyalty_points
  std::int64_t cost = 0;    // what it counts against the budgets (a discount: its cap, else its estimate)
  std::string code_prefix;  // discount
  std::string capped;       // "" or what made it smaller: "max", "order_budget", "period_budget"
  std::string why;
};

struct ConditionCheck {
  std::string name;  // "delay_business_days", "order_value", "lifetime_value", "tier", "positioning", "cause"
  bool met = false;
  std::string why;
};

struct ActionNote {
  RemedyType type = RemedyType::discount;
  std::string status;  // "granted", "capped" or "skipped"
  std::string why;
};

struct RuleDecision {
  std::string rule;
  // "applied"; "not_met" (a condition failed); "already_granted" (counts as applied, grants nothing new);
  // "not_reached" (an earlier rule that does not stack applied).
  std::string status;
  bool stack = true;
  std::vector<ConditionCheck> conditions;
  std::vector<ActionNote> actions;
  std::string why;
};

struct RemedyDecision {
  std::vector<GrantedRemedy> remedies;
  std::vector<RuleDecision> rules;
  std::int64_t cost = 0;  // of the remedies granted now
  bool outreach = false;  // a person, not a template, contacts the customer
  std::optional<std::int64_t> order_budget_left, period_budget_left;  // after these; none = no budget
};

// Throws Error(invalid, path) for a bad case (negative money, say).
RemedyDecision decide_remedies(const Engine& engine, const RemedyCase& c);

// The same as JSON (docs/remedies.md#json). Request: {"order_value", "delayed_value", "delay_business_days",
// "tier", "lifetime_value", "cause", "order_spent", "period_spent", "granted_rules"}; answer: {"remedies",
// "outreach", "cost", "currency", "budget", "rules"}. Throws ValidationError with paths.
std::string remedies_json(const Engine& engine, std::string_view request_json);
// A decision as that answer's JSON object.
std::string remedy_decision_json(const Engine& engine, const RemedyDecision& d);

}  // namespace backorder
