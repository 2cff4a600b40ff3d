#include "backorder/error.hpp"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace backorder {

std::string valid_utf8(std::string_view text) {
  // ICU substitutes U+FFFD for each ill-formed sequence; the common all-ASCII case skips the round trip.
  bool ascii = true;
  for (unsigned char c : text) ascii = ascii && c < 0x80;
  if (ascii) return std::string(text);
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toUTF8String(out);
  return out;
}

bool is_valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    // ICU walks one code point at a time on int32_t offsets: give it at most a 4-byte window.
    std::int32_t at = 0, n = static_cast<std::int32_t>(std::min<std::size_t>(4, text.size() - i));
    UChar32 c = 0;
    U8_NEXT(s + i, at, n, c);
    if (c < 0) return false;
    i += static_cast<std::size_t>(at);
  }
  return true;
}

}  // namespace backorder
