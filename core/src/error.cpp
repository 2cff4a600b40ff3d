#include "backorder/error.hpp"

#include <unicode/unistr.h>

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

}  // namespace backorder
