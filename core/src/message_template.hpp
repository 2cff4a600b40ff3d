// Messages formatted once per set of numbers: a message whose text arguments are only inserted as they are
// ({name}, never the subject of a plural or select) reads the same for every text but for those texts, so
// it is formatted once with markers where they go, then filled in. Checkout disclosures name a different
// item on every line; their plural forms are few.
#pragma once

#include <unicode/unistr.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backorder::detail {

// The most text arguments a template holds.
inline constexpr std::size_t kMaxTemplateTexts = 16;

// The arguments `pattern` uses other than as a plain {name}: a template may not stand in for those. nullopt
// when the pattern cannot be templated at all (it does not parse, or holds a marker character itself).
std::optional<std::vector<std::string>> complex_arguments(const icu::UnicodeString& pattern);

class MessageTemplate {
 public:
  // The value to pass for text argument i when formatting the template (a Unicode noncharacter).
  static icu::UnicodeString marker(std::size_t i);
  // From the message formatted with marker(i) for each text argument i.
  explicit MessageTemplate(std::string_view formatted);

  // The message with texts[i] where marker(i) was.
  std::string fill(const std::array<std::string_view, kMaxTemplateTexts>& texts) const;

 private:
  std::vector<std::string> pieces_;  // the text before each marker, then after the last
  std::vector<std::size_t> slots_;   // which text goes after pieces_[k]
};

}  // namespace backorder::detail
