// Amounts for people: "$30.00", "30,00 €", "￥3,000", in a locale, from minor units. Private to core.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "backorder/money.hpp"

namespace backorder::detail {

// ICU's currency format of `minor` minor units of `currency` in `locale` (BCP 47), computed from the decimal
// digits, never through floating point. Throws Error(invalid, "locale") for a locale ICU does not know.
std::string format_money(std::string_view locale, const Currency& currency, std::int64_t minor);

// "30.00": the amount's decimal digits with a point, as ICU's formatDecimal and people's logs read it.
std::string decimal_text(std::int64_t minor, int exponent);

}  // namespace backorder::detail
