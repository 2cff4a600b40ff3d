// The policy's "refunds" section (docs/policy.md#refunds): how shipping is refunded after a partial
// shipment, the shop's billing cycle, a default jurisdiction, and corrections to the refund rule table.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "backorder/refund_rules.hpp"

namespace backorder {

// What a cancellation refunds of the shipping charge once part of the order has shipped at the shopper's
// cost: the cancelled lines' share (by largest remainder over line amounts), nothing, or all of it.
enum class ShippingAfterPartial { proportional, none, full };
const char* shipping_after_partial_name(ShippingAfterPartial s);

// A correction to one built-in rule row; what is not given stays as built in.
struct RefundRuleOverride {
  std::optional<int> count;
  std::optional<RefundUnit> unit;
  std::optional<std::string> citation;
};

struct RefundPolicy {
  ShippingAfterPartial shipping_after_partial = ShippingAfterPartial::proportional;
  int billing_cycle_days = 30;               // one billing cycle of credit the shop itself extends
  std::optional<Jurisdiction> jurisdiction;  // for orders that do not say
  std::map<std::string, RefundRuleOverride, std::less<>> rules;  // by rule id
};

}  // namespace backorder
