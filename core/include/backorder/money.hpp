// Money: integer minor units plus an ISO 4217 currency. No floating point touches money.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backorder {

struct Currency {
  char code[4] = {};  // "USD", NUL-terminated
  int exponent = 2;   // minor-unit digits: USD 2, JPY 0, KWD 3

  std::string_view view() const { return {code, 3}; }
  friend bool operator==(const Currency& a, const Currency& b) { return a.view() == b.view(); }
};

// Looks the code up in ICU's ISO 4217 data; throws Error(invalid) for an unknown or retired code.
Currency currency_from_code(std::string_view code);

struct Money {
  std::int64_t minor = 0;
  Currency currency;
};

// a + b and a × n within ±limits::kAmount (docs/limits.md), or nullopt when the result would leave that
// range; nothing overflows on the way.
std::optional<std::int64_t> add_amounts(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> multiply_amount(std::int64_t a, std::int64_t n);

// Splits `total` over `weights` in proportion, by largest remainder: the parts always sum to `total`
// exactly; ties go to the earlier weight. Weights must be non-negative with a positive sum.
// Works for negative totals (refund reversals) symmetrically.
std::vector<std::int64_t> allocate(std::int64_t total, std::span<const std::int64_t> weights);

}  // namespace backorder
