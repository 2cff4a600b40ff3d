#include "message_template.hpp"

#include <unicode/messagepattern.h>

namespace backorder::detail {

namespace {

// Markers are U+FDD0.. (noncharacters: never in a message or an ICU format's output), in UTF-8 EF B7 90+i.
constexpr char16_t kFirstMarker = 0xFDD0;

}  // namespace

std::optional<std::vector<std::string>> complex_arguments(const icu::UnicodeString& pattern) {
  for (int32_t i = 0; i < pattern.length(); ++i) {
    char16_t c = pattern.charAt(i);
    if (c >= kFirstMarker && c < kFirstMarker + kMaxTemplateTexts) return std::nullopt;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::MessagePattern parts(pattern, nullptr, status);
  if (U_FAILURE(status)) return std::nullopt;
  std::vector<std::string> names;
  for (int32_t i = 0; i + 1 < parts.countParts(); ++i) {
    const icu::MessagePattern::Part& part = parts.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_START || part.getArgType() == UMSGPAT_ARG_TYPE_NONE) continue;
    std::string name;
    names.push_back(parts.getSubstring(parts.getPart(i + 1)).toUTF8String(name));
  }
  return names;
}

icu::UnicodeString MessageTemplate::marker(std::size_t i) {
  return icu::UnicodeString(static_cast<char16_t>(kFirstMarker + i));
}

MessageTemplate::MessageTemplate(std::string_view formatted) {
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < formatted.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(formatted[i]),
               b1 = static_cast<unsigned char>(formatted[i + 1]),
               b2 = static_cast<unsigned char>(formatted[i + 2]);
    if (b0 != 0xEF || b1 != 0xB7 || b2 < 0x90 || b2 >= 0x90 + kMaxTemplateTexts) continue;
    pieces_.emplace_back(formatted.substr(start, i - start));
    slots_.push_back(b2 - 0x90);
    i += 2;
    start = i + 1;
  }
  pieces_.emplace_back(formatted.substr(start));
}

std::string MessageTemplate::fill(const std::array<std::string_view, kMaxTemplateTexts>& texts) const {
  std::size_t size = 0;
  for (const std::string& p : pieces_) size += p.size();
  for (std::size_t s : slots_) size += texts[s].size();
  std::string out;
  out.reserve(size);
  for (std::size_t k = 0; k < slots_.size(); ++k) {
    out += pieces_[k];
    out += texts[slots_[k]];
  }
  out += pieces_.back();
  return out;
}

}  // namespace backorder::detail
