// The check kinds behind the rule packs: each a small C++ function, parameterized by its rule (days,
// thresholds, words). Private to core. Listing checks live in compliance_listing.cpp, order checks in
// compliance_order.cpp; the pack reader validates rules against the specs declared here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backorder/compliance.hpp"

namespace backorder::detail {

// What a check found for one rule: broken (the rule's severity) or pending (an obligation ahead: "due").
struct Outcome {
  bool pending = false;
  std::optional<Day> due;
  std::string path;
  std::vector<std::pair<std::string, std::string>> args;  // values for the message's {placeholders}
};
using Outcomes = std::vector<Outcome>;

struct ListingContext {
  const Engine& engine;
  const ListingFacts& facts;
  Today today;
  Availability live;        // the engine's availability from the facts at now
  ShownAvailability shown;  // what the page shows: the label given, else the live one
  bool label_given = false;
};

struct OrderContext {
  const Engine& engine;
  const OrderFacts& facts;
  Day today = 0;
  Day placed_day = 0;    // the contract day (local)
  Day received_day = 0;  // when the complete order with payment arrived (local)
  // The order is finished for delivery-time rules: shipped (FTC) or delivered (EU/UK) is checked by each.
  bool cancelled() const { return facts.cancelled_at.has_value(); }
  Day day(Instant t) const { return engine.calendar().local_day(t); }
};

using ListingCheck = void (*)(const Rule&, const ListingContext&, Outcomes&);
using OrderCheck = void (*)(const Rule&, const OrderContext&, Outcomes&);

struct ParamSpec {
  enum class Type { integer, flag, word, words };
  std::string_view name;
  Type type = Type::integer;
  RuleParam fallback;
  std::int64_t min = 0, max = 0;          // integer
  std::vector<std::string_view> choices;  // word, words: the values allowed (empty: any)
};

struct CheckKind {
  std::string_view name;
  std::vector<ParamSpec> params;
  std::vector<std::string_view> placeholders;  // what its messages may say
  ListingCheck listing = nullptr;              // exactly one of the two
  OrderCheck order = nullptr;
};

std::vector<CheckKind> listing_check_kinds();
std::vector<CheckKind> order_check_kinds();
// Both, listing kinds first; built once.
const std::vector<CheckKind>& check_kinds();
const CheckKind* find_check_kind(std::string_view name);

// A rule's parameters (always present: the pack reader fills in defaults).
std::int64_t param_int(const Rule& rule, std::string_view name);
bool param_flag(const Rule& rule, std::string_view name);
const std::string& param_word(const Rule& rule, std::string_view name);
const std::vector<std::string>& param_words(const Rule& rule, std::string_view name);
bool contains(const std::vector<std::string>& words, std::string_view w);

}  // namespace backorder::detail
