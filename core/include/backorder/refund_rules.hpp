// The law on refund deadlines and methods, as data: one row per jurisdiction and payment method, each with
// its citation. A policy may correct a row's numbers or citation by its id (docs/policy.md#refunds) without
// a rebuild; the code that computes a deadline only reads rows.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace backorder {

enum class Jurisdiction { US, EU, UK };
const char* jurisdiction_name(Jurisdiction j);
std::optional<Jurisdiction> jurisdiction_from_name(std::string_view s);

// How the shopper paid. store_credit_by_shop: the shop itself extended the credit (its own account or
// instalment plan), which the US rule treats differently from a card issued by a bank.
enum class PaymentMethod { card, paypal, cash, store_credit_by_shop };
const char* payment_method_name(PaymentMethod p);
std::optional<PaymentMethod> payment_method_from_name(std::string_view s);

// What a deadline's count is in.
enum class RefundUnit { working_days, calendar_days, billing_cycles };
const char* refund_unit_name(RefundUnit u);
std::optional<RefundUnit> refund_unit_from_name(std::string_view s);

struct RefundRule {
  std::string_view id;  // stable: policies and answers name rows by it
  Jurisdiction jurisdiction;
  std::optional<PaymentMethod> payment;  // none: any method
  int count;                             // the deadline: count × unit from the day the right vests
  RefundUnit unit;
  std::string_view method;    // how the money goes back: "original_payment", "cash_check_or_money_order", ...
  std::string_view citation;  // where the law says so
  std::string_view text;      // the method in a sentence, for people (the numbers are count and unit)
};

// Every built-in row, most specific first within a jurisdiction.
std::span<const RefundRule> refund_rules();
// The built-in row for a jurisdiction and payment method (a row naming the method before one for any).
const RefundRule& refund_rule_for(Jurisdiction j, PaymentMethod p);
// The built-in row with this id, or nullptr.
const RefundRule* find_refund_rule(std::string_view id);

}  // namespace backorder
