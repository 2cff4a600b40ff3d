// What the engine accepts, in one place (docs/limits.md). Input beyond a limit is refused with its JSON
// path: no store needs more, sums of values within them cannot overflow, and a hostile document can cost
// neither unbounded memory nor stack.
#pragma once

#include <cstddef>
#include <cstdint>

namespace backorder::limits {

// ---- JSON documents (checked in one pass before parsing) ----
inline constexpr std::size_t kDocumentBytes = std::size_t{64} << 20;  // one document
inline constexpr int kDepth = 64;                                     // nested arrays and objects
inline constexpr std::size_t kElements = 1'000'000;                   // in one array or object
inline constexpr std::size_t kStringBytes = std::size_t{1} << 20;     // one string or key, as written

// ---- fields ----
// Text the engine keeps or repeats: skus, ids, names, categories, attributes, zones, tiers, locales.
inline constexpr std::size_t kTextBytes = 1024;
// A message pattern of the policy (ICU parses nested plurals recursively: this bounds the depth).
inline constexpr std::size_t kPatternBytes = 4096;
inline constexpr std::size_t kCartLines = 1000;

// ---- numbers ----
// Units of stock, supply, an order line or a label request; on hand may be as negative.
inline constexpr std::int64_t kQuantity = 1'000'000'000'000;
inline constexpr std::int64_t kCartQuantity = 1'000'000'000;  // units of one cart line
// Minor units: prices, line amounts, subtotals, shipping charges. A sum that would pass it is refused.
inline constexpr std::int64_t kAmount = 1'000'000'000'000'000;
// Units of one item summed over its waiting lines or its supply (2^63 is about 9.2e18).
inline constexpr std::int64_t kItemUnits = 1'000'000'000'000'000'000;

// ---- time ----
// Civil dates and instants, by year. Windows computed from them (at most about 160 years later) still
// print as YYYY-MM-DD.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 9000;

}  // namespace backorder::limits
