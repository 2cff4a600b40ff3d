// The registry of check kinds and the accessors of a rule's parameters. See compliance_checks.hpp.
#include "compliance_checks.hpp"

#include <algorithm>

#include "backorder/error.hpp"

namespace backorder::detail {

const std::vector<CheckKind>& check_kinds() {
  static const std::vector<CheckKind> kinds = [] {
    std::vector<CheckKind> all = listing_check_kinds();
    for (CheckKind& k : order_check_kinds()) all.push_back(std::move(k));
    return all;
  }();
  return kinds;
}

const CheckKind* find_check_kind(std::string_view name) {
  for (const CheckKind& k : check_kinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

namespace {

// The pack reader filled every parameter in; a missing one is a bug in a check, not bad input.
template <class T>
const T& param(const Rule& rule, std::string_view name) {
  auto it = rule.params.find(std::string(name));
  if (it == rule.params.end() || !std::holds_alternative<T>(it->second)) {
    throw Error(ErrorCode::internal, "", "rule " + rule.id + ": no parameter " + std::string(name));
  }
  return std::get<T>(it->second);
}

}  // namespace

std::int64_t param_int(const Rule& rule, std::string_view name) { return param<std::int64_t>(rule, name); }
bool param_flag(const Rule& rule, std::string_view name) { return param<bool>(rule, name); }
const std::string& param_word(const Rule& rule, std::string_view name) {
  return param<std::string>(rule, name);
}
const std::vector<std::string>& param_words(const Rule& rule, std::string_view name) {
  return param<std::vector<std::string>>(rule, name);
}

bool contains(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace backorder::detail

namespace backorder {

std::vector<std::string> check_kind_names() {
  std::vector<std::string> out;
  for (const auto& k : detail::check_kinds()) out.emplace_back(k.name);
  return out;
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::violation:
      return "violation";
    case Severity::warning:
      return "warning";
    case Severity::due:
      return "due";
    case Severity::info:
      return "info";
  }
  return "info";
}

}  // namespace backorder
