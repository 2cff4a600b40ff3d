#include "money_format.hpp"

#include <unicode/numberformatter.h>

#include "backorder/error.hpp"

namespace backorder::detail {

std::string decimal_text(std::int64_t minor, int exponent) {
  // Via unsigned: the magnitude of INT64_MIN does not fit an int64_t.
  std::uint64_t magnitude =
      minor < 0 ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  std::string digits = std::to_string(magnitude);
  if (exponent > 0) {
    const auto e = static_cast<std::size_t>(exponent);
    if (digits.size() <= e) digits.insert(0, e + 1 - digits.size(), '0');
    digits.insert(digits.size() - e, ".");
  }
  return (minor < 0 ? "-" : "") + digits;
}

std::string format_money(std::string_view locale, const Currency& currency, std::int64_t minor) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(std::string(locale), status);
  if (U_FAILURE(status) || loc.isBogus()) throw Error(ErrorCode::invalid, "locale", "unknown locale");
  char16_t code[4] = {};
  for (int i = 0; i < 3; ++i) code[i] = static_cast<char16_t>(currency.code[i]);
  icu::CurrencyUnit unit(code, status);
  std::string digits = decimal_text(minor, currency.exponent);
  icu::UnicodeString text =
      icu::number::NumberFormatter::withLocale(loc)
          .unit(unit)
          .formatDecimal(icu::StringPiece(digits.data(), static_cast<int32_t>(digits.size())), status)
          .toString(status);
  if (U_FAILURE(status)) throw Error(ErrorCode::internal, "", "formatting an amount failed");
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace backorder::detail
