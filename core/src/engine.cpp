#include "backorder/engine.hpp"

#include <atomic>

#include "catalogue.hpp"

namespace backorder {

Engine::Engine(Policy policy) : policy_(std::move(policy)), calendar_(policy_.calendar) {
  static std::atomic<std::uint64_t> next{1};
  id_ = next++;
}

std::shared_ptr<const Engine> Engine::from_json(std::string_view policy_json) {
  return std::make_shared<const Engine>(parse_policy(policy_json));
}

static std::string_view language_of(std::string_view tag) { return tag.substr(0, tag.find('-')); }

const std::string* Engine::message(std::string_view locale, std::string_view key) const {
  auto from_policy = [&](std::string_view loc) -> const std::string* {
    auto l = policy_.messages.find(std::string(loc));
    if (l == policy_.messages.end()) return nullptr;
    auto m = l->second.find(std::string(key));
    return m == l->second.end() ? nullptr : &m->second;
  };
  // Most specific first: the merchant's words for this locale, for its language, then ours.
  for (std::string_view loc : {locale, std::string_view(policy_.locale)}) {
    if (auto* m = from_policy(loc)) return m;
    if (auto* m = from_policy(language_of(loc))) return m;
    if (auto* m = detail::builtin_message(language_of(loc), key)) return m;
  }
  return detail::builtin_message("en", key);
}

}  // namespace backorder
