// Refunds: what cancelling backordered lines, or all that has not shipped, gives back. Line by line the
// items, their share of the order's discounts, tax and any deposit; the shipping charge by the policy's rule;
// the deadline and method the law sets for the jurisdiction and payment method, with its citation.
//
// Exact to the minor unit: discounts and shipping are split over lines by largest remainder (pro rata to
// line amounts), and each of a line's amounts is spread over its units cumulatively (the first x units carry
// floor(amount × x / quantity)), so a line cancelled in several steps is refunded exactly what was paid for
// it, never more (docs/json.md#refunds).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "backorder/calendar.hpp"
#include "backorder/engine.hpp"
#include "backorder/refund_rules.hpp"

namespace backorder {

// A line's tax: a rate in basis points of its amount after discounts, or the amount charged on the whole
// line. Whether prices include it is the order's tax_included.
struct LineTax {
  enum class Kind { none, rate, amount } kind = Kind::none;
  std::int64_t rate_bp = 0;  // Kind::rate: 825 = 8.25 %
  std::int64_t amount = 0;   // Kind::amount
};

// One line of an order as it was paid.
struct PaidLine {
  std::string line_id;
  std::string sku;  // optional, repeated in the quote
  std::int64_t quantity = 0;
  std::int64_t unit_price = 0;  // minor units, as charged
  std::int64_t shipped = 0;     // units shipped so far
  std::int64_t cancelled = 0;   // units cancelled (and refunded) before
  LineTax tax;
  // A pre-order deposit: only this was taken for the line up front; each unit's balance is charged when it
  // ships. 0 = nothing taken yet (the card is charged at shipment). None = the line was paid in full.
  std::optional<std::int64_t> deposit;
};

struct OrderDiscount {
  std::string code;  // optional, for people
  std::int64_t amount = 0;
};

struct PaidShipping {
  std::int64_t charged = 0;   // what the shopper paid for shipping, for the whole order
  std::int64_t refunded = 0;  // of it, already given back
  // Who paid the extra shipments of a split order. When the shop chose to ship part early at its own cost,
  // that shipment is the shop's and the shopper's charge still counts as unused. None = the policy's
  // shipping.extra_shipments_paid_by.
  std::optional<bool> shop_paid_extra_shipments;
};

struct PaidOrder {
  std::string currency;  // must be the policy's
  bool tax_included = false;
  std::vector<PaidLine> lines;
  std::vector<OrderDiscount> discounts;
  PaidShipping shipping;
  PaymentMethod payment = PaymentMethod::card;
  std::optional<Jurisdiction> jurisdiction;  // none = the policy's refunds.jurisdiction
};

struct CancelLine {
  std::string line_id;
  std::optional<std::int64_t> quantity;  // none = every unit of the line not shipped or cancelled yet
};

// What to cancel: the listed lines, or (all) every unit that has not shipped.
struct Cancellation {
  bool all = false;
  std::vector<CancelLine> lines;
};

struct RefundLine {
  std::string line_id, sku;
  std::int64_t quantity = 0;  // units cancelled now
  std::int64_t items = 0;     // unit_price × quantity; 0 for a deposit line (only the deposit was taken)
  std::int64_t discount = 0;  // the share of the order's discounts these units had (subtracted)
  std::int64_t tax = 0;       // added when prices exclude tax; the part of items - discount otherwise
  std::int64_t deposit = 0;
  std::int64_t total = 0;  // items - discount (+ tax when prices exclude it) + deposit
};

// Why the shipping refund is what it is.
enum class ShippingBasis {
  order_cancelled,  // nothing shipped at the shopper's cost and nothing is left to ship: all of it
  proportional,     // the cancelled units' share
  none,             // after a partial shipment, the policy refunds none of it
  full,             // after a partial shipment, the policy refunds all of it
};
const char* shipping_basis_name(ShippingBasis b);

struct RefundDeadline {
  Day due = 0;  // the last day, counted from now's date in the store's calendar
  std::string rule_id;
  Jurisdiction jurisdiction = Jurisdiction::US;
  PaymentMethod payment = PaymentMethod::card;
  int count = 0;
  RefundUnit unit = RefundUnit::working_days;
  std::string method, citation, text;
};

struct RefundQuote {
  Instant now = 0;
  std::string currency;
  bool tax_included = false;
  std::vector<RefundLine> lines;  // in the order's line order, only lines with units cancelled now
  std::int64_t items = 0, discount = 0, tax = 0, deposit = 0;  // sums over lines
  std::int64_t shipping = 0;
  ShippingBasis shipping_basis = ShippingBasis::proportional;
  std::int64_t total = 0;       // sum of line totals + shipping
  std::int64_t still_open = 0;  // units of the order left to ship after this cancellation
  RefundDeadline deadline;
};

// Every problem with the order and the cancellation, each with its path ("order.lines[2].shipped",
// "cancel[0].quantity"); empty when a quote can be made.
std::vector<Issue> check_refund(const Engine& engine, const PaidOrder& order, const Cancellation& cancel);

// The quote. Pure: reads nothing but its arguments. Throws ValidationError listing check_refund's issues.
RefundQuote quote_refund(const Engine& engine, const PaidOrder& order, const Cancellation& cancel,
                         Instant now);

}  // namespace backorder
