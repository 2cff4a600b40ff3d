// The Engine: a policy with its calendar and message catalogue, built once and immutable after.
// Share one across threads; build a new one to change policy.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "backorder/calendar.hpp"
#include "backorder/policy.hpp"

namespace backorder {

class Engine {
 public:
  explicit Engine(Policy policy);
  // Throws ValidationError listing every problem in the document.
  static std::shared_ptr<const Engine> from_json(std::string_view policy_json);

  const Policy& policy() const { return policy_; }
  // Unique per engine built in this process: lets caches tell engines apart without holding them.
  std::uint64_t id() const { return id_; }
  const Calendar& calendar() const { return calendar_; }
  // The message pattern for `key` in `locale`: the policy's override for the locale or its language,
  // else the built-in catalogue of the language, else the policy's default locale's. Never null for a
  // known key.
  const std::string* message(std::string_view locale, std::string_view key) const;

 private:
  Policy policy_;
  Calendar calendar_;
  std::uint64_t id_;
};

}  // namespace backorder
