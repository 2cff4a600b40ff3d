// The built-in refund rule table (core/include/backorder/refund_rules.hpp). Sources:
// ../shared/reference/rules.md (R7) and the texts cited in each row.
#include "backorder/refund_rules.hpp"

#include <algorithm>
#include <array>

#include "backorder/error.hpp"

namespace backorder {

namespace {

using P = PaymentMethod;
using U = RefundUnit;

constexpr std::array kRules = {
    RefundRule{"us_ftc_cash", Jurisdiction::US, P::cash, 7, U::working_days, "cash_check_or_money_order",
               "16 CFR 435.1(b)(1), 435.1(d)(1)",
               "Refund in cash, by check or money order; never as store credit."},
    RefundRule{
        "us_ftc_card", Jurisdiction::US, P::card, 7, U::working_days, "original_payment",
        "16 CFR 435.1(b)(1), 435.1(d)(2)(ii)",
        "Credit the card the buyer paid with (a credit memo reversing the charge); never as store credit."},
    RefundRule{"us_ftc_other", Jurisdiction::US, P::paypal, 7, U::working_days, "original_payment",
               "16 CFR 435.1(b)(1), 435.1(d)(3)",
               "Return the amount through the service the buyer paid with; never as store credit."},
    RefundRule{"us_ftc_shop_credit", Jurisdiction::US, P::store_credit_by_shop, 1, U::billing_cycles,
               "shop_account_credit", "16 CFR 435.1(b)(2), 435.1(d)(2)(i)",
               "Remove the charge from the account the shop itself extended to the buyer."},
    RefundRule{"eu_crd_art13", Jurisdiction::EU, std::nullopt, 14, U::calendar_days, "original_payment",
               "Directive 2011/83/EU Art. 13(1)",
               "Reimburse without undue delay, by the means of payment the consumer used."},
    RefundRule{
        "uk_ccr_reg34", Jurisdiction::UK, std::nullopt, 14, U::calendar_days, "original_payment",
        "Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013 reg. 34; "
        "Consumer Rights Act 2015 s.28(9)",
        "Reimburse without undue delay, by the means of payment the consumer used."},
};

constexpr std::array<std::string_view, 3> kJurisdictions = {"US", "EU", "UK"};
constexpr std::array<std::string_view, 4> kPayments = {"card", "paypal", "cash", "store_credit_by_shop"};
constexpr std::array<std::string_view, 3> kUnits = {"working_days", "calendar_days", "billing_cycles"};

template <class E, std::size_t N>
std::optional<E> from_name(const std::array<std::string_view, N>& names, std::string_view s) {
  auto it = std::find(names.begin(), names.end(), s);
  if (it == names.end()) return std::nullopt;
  return static_cast<E>(it - names.begin());
}

}  // namespace

const char* jurisdiction_name(Jurisdiction j) { return kJurisdictions[static_cast<int>(j)].data(); }
std::optional<Jurisdiction> jurisdiction_from_name(std::string_view s) {
  return from_name<Jurisdiction>(kJurisdictions, s);
}
const char* payment_method_name(PaymentMethod p) { return kPayments[static_cast<int>(p)].data(); }
std::optional<PaymentMethod> payment_method_from_name(std::string_view s) {
  return from_name<PaymentMethod>(kPayments, s);
}
const char* refund_unit_name(RefundUnit u) { return kUnits[static_cast<int>(u)].data(); }
std::optional<RefundUnit> refund_unit_from_name(std::string_view s) {
  return from_name<RefundUnit>(kUnits, s);
}

std::span<const RefundRule> refund_rules() { return kRules; }

const RefundRule& refund_rule_for(Jurisdiction j, PaymentMethod p) {
  for (const RefundRule& r : kRules) {
    if (r.jurisdiction == j && (!r.payment || *r.payment == p)) return r;
  }
  throw Error(ErrorCode::internal, "", "no refund rule for this jurisdiction and payment method");
}

const RefundRule* find_refund_rule(std::string_view id) {
  for (const RefundRule& r : kRules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace backorder
