// The policy's `remedies` section (docs/remedies.md): goodwill gestures for a delay, chosen by rules with
// conditions, within budgets per order and per period. remedies.hpp decides them for one case.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace backorder {

// Append-only: the names are the "type" of actions in policies and answers.
enum class RemedyType {
  discount,
  free_expedited_shipping,
  loyalty_points,
  personal_outreach,
  partial_refund
};
const char* remedy_type_name(RemedyType t);  // "discount", "free_expedited_shipping", ...

// An inclusive range; an absent end is open.
struct AmountRange {
  std::optional<std::int64_t> min, max;
  bool contains(std::int64_t v) const { return (!min || v >= *min) && (!max || v <= *max); }
};

// Every condition given must hold; an absent one holds for any case.
struct RemedyConditions {
  AmountRange delay_business_days;       // how far the ship window's end is past the promised end
  AmountRange order_value;               // minor units
  AmountRange lifetime_value;            // minor units; a case without one does not meet a range
  std::vector<std::string> tiers;        // the customer's tier is one of these
  std::vector<std::string> positioning;  // the policy's positioning is one of these
  std::vector<std::string> causes;       // the delay's cause is one of these
};

struct RemedyActionSpec {
  RemedyType type = RemedyType::discount;
  int percent = 0;                  // discount: off the next purchase; partial_refund: of the delayed lines
  std::optional<std::int64_t> max;  // discount: the most it takes off; partial_refund: the most refunded
  std::string code_prefix;          // discount: codes read PREFIX-XXXXXXXX
  std::int64_t cost = 0;            // free_expedited_shipping: what it costs the shop, for the budgets
  std::int64_t per_unit = 0;        // loyalty_points: points per whole currency unit of the order's value
};

struct RemedyRuleSpec {
  std::string id;
  RemedyConditions when;
  std::vector<RemedyActionSpec> then;
  bool stack = true;  // false: once this rule applies, no later rule is considered
};

inline constexpr const char* kPositionings[] = {"standard", "luxury", "premium", "mass_market"};
inline constexpr const char* kBudgetPeriods[] = {"day", "week", "month", "quarter", "year"};

struct RemediesPolicy {
  std::string positioning = "standard";    // the brand's positioning, matched by rules
  std::optional<std::int64_t> per_order;   // the most all remedies of one order may cost
  std::optional<std::int64_t> per_period;  // the most all remedies of a period may cost
  std::string period = "month";            // the period per_period counts over (kBudgetPeriods)
  std::int64_t point_value = 0;            // what one loyalty point costs the shop, in minor units
  std::vector<RemedyRuleSpec> rules;       // evaluated in this order
};

}  // namespace backorder
