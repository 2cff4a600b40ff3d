#include "backorder/money.hpp"

#include <unicode/ucurr.h>

#include <algorithm>
#include <numeric>

#include "backorder/error.hpp"
#include "backorder/limits.hpp"

namespace backorder {

Currency currency_from_code(std::string_view code) {
  bool shape =
      code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!shape) throw Error(ErrorCode::invalid, "", "a currency is three capital letters (ISO 4217)");
  UChar iso[4] = {static_cast<UChar>(code[0]), static_cast<UChar>(code[1]), static_cast<UChar>(code[2]), 0};
  UErrorCode status = U_ZERO_ERROR;
  // Any time in history: a store may still hold amounts in a currency that was since replaced.
  bool known = ucurr_isAvailable(iso, U_DATE_MIN, U_DATE_MAX, &status);
  if (U_FAILURE(status) || !known) {
    throw Error(ErrorCode::invalid, "", "unknown currency \"" + std::string(code) + "\"");
  }
  status = U_ZERO_ERROR;
  int digits = ucurr_getDefaultFractionDigits(iso, &status);
  if (U_FAILURE(status)) throw Error(ErrorCode::internal, "", "no minor-unit data for " + std::string(code));
  Currency c;
  std::copy(code.begin(), code.end(), c.code);
  c.exponent = digits;
  return c;
}

static std::optional<std::int64_t> within_limit(bool overflow, std::int64_t v) {
  if (overflow || v > limits::kAmount || v < -limits::kAmount) return std::nullopt;
  return v;
}

std::optional<std::int64_t> add_amounts(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  const bool overflow = __builtin_add_overflow(a, b, &sum);
  return within_limit(overflow, sum);
}

std::optional<std::int64_t> multiply_amount(std::int64_t a, std::int64_t n) {
  std::int64_t product = 0;
  const bool overflow = __builtin_mul_overflow(a, n, &product);
  return within_limit(overflow, product);
}

std::vector<std::int64_t> allocate(std::int64_t total, std::span<const std::int64_t> weights) {
  __int128 sum = 0;
  for (auto w : weights) {
    if (w < 0) throw Error(ErrorCode::invalid, "", "allocation weights must not be negative");
    sum += w;
  }
  if (sum <= 0) throw Error(ErrorCode::invalid, "", "allocation weights must have a positive sum");
  const bool negative = total < 0;
  const __int128 whole = negative ? -static_cast<__int128>(total) : total;

  std::vector<std::int64_t> parts(weights.size());
  std::vector<__int128> remainders(weights.size());
  __int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    __int128 exact = whole * weights[i];
    parts[i] = static_cast<std::int64_t>(exact / sum);
    remainders[i] = exact % sum;
    given += parts[i];
  }
  // Hand the units left over to the largest remainders; stable order keeps ties with the earlier part.
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; given < whole; ++k, ++given) ++parts[order[k]];
  if (negative) {
    for (auto& p : parts) p = -p;
  }
  return parts;
}

}  // namespace backorder
