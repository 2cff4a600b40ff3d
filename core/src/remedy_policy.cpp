// The policy's `remedies` section: positioning, budgets and the rules, checked with a path on every problem.
#include <algorithm>
#include <iterator>

#include "remedy_policy_reader.hpp"

namespace backorder {

const char* remedy_type_name(RemedyType t) {
  switch (t) {
    case RemedyType::discount:
      return "discount";
    case RemedyType::free_expedited_shipping:
      return "free_expedited_shipping";
    case RemedyType::loyalty_points:
      return "loyalty_points";
    case RemedyType::personal_outreach:
      return "personal_outreach";
    case RemedyType::partial_refund:
      return "partial_refund";
  }
  return "unknown";
}

namespace detail {
namespace {

constexpr std::int64_t kMaxAmount = 1'000'000'000'000;

template <std::size_t N>
bool one_of(const std::string& v, const char* const (&set)[N]) {
  return std::any_of(std::begin(set), std::end(set), [&](const char* s) { return v == s; });
}

template <std::size_t N>
std::string listing(const char* const (&set)[N]) {
  std::string out;
  for (const char* s : set) out += (out.empty() ? "\"" : ", \"") + std::string(s) + "\"";
  return out;
}

// "LETTERS-1_2": what a code prefix, a rule id may hold (they end up in codes, logs and URLs).
bool plain_id(const std::string& s, std::size_t max) {
  return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.';
  });
}

void read_range(const json& j, const std::string& path, Reader& r, AmountRange& out, std::int64_t max) {
  if (!r.object(j, path, {"min", "max"})) return;
  out.min = r.integer(j, "min", path, 0, max);
  out.max = r.integer(j, "max", path, 0, max);
  if (!Reader::member(j, "min") && !Reader::member(j, "max")) r.fail(path, "give min, max or both");
  if (out.min && out.max && *out.min > *out.max)
    r.fail(path, "min (" + std::to_string(*out.min) + ") is above max (" + std::to_string(*out.max) + ")");
}

void read_names(const json& obj, const char* key, const std::string& path, Reader& r,
                std::vector<std::string>& out, const std::vector<std::string>& allowed = {}) {
  const json* v = Reader::member(obj, key);
  if (!v) return;
  std::string p = Reader::at(path, key);
  if (!v->is_array() || v->empty()) {
    r.fail(p, "expected a non-empty array of strings");
    return;
  }
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& s = (*v)[i];
    if (!s.is_string() || s.get<std::string>().empty()) {
      r.fail(Reader::at(p, i), "expected a non-empty string");
      continue;
    }
    std::string name = s.get<std::string>();
    if (!r.text_fits(name, Reader::at(p, i))) continue;
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      r.fail(Reader::at(p, i), "expected one of " + listing(kPositionings));
      continue;
    }
    out.push_back(std::move(name));
  }
}

void read_conditions(const json& j, const std::string& path, Reader& r, RemedyConditions& c) {
  if (!r.object(j, path,
                {"delay_business_days", "order_value", "lifetime_value", "tiers", "positioning", "causes"}))
    return;
  if (const json* v = Reader::member(j, "delay_business_days"))
    read_range(*v, Reader::at(path, "delay_business_days"), r, c.delay_business_days, 3650);
  if (const json* v = Reader::member(j, "order_value"))
    read_range(*v, Reader::at(path, "order_value"), r, c.order_value, kMaxAmount);
  if (const json* v = Reader::member(j, "lifetime_value"))
    read_range(*v, Reader::at(path, "lifetime_value"), r, c.lifetime_value, kMaxAmount);
  read_names(j, "tiers", path, r, c.tiers);
  read_names(j, "positioning", path, r, c.positioning,
             std::vector<std::string>(std::begin(kPositionings), std::end(kPositionings)));
  read_names(j, "causes", path, r, c.causes);
}

void read_action(const json& j, const std::string& path, Reader& r, std::vector<RemedyActionSpec>& out) {
  if (!j.is_object()) {
    r.fail(path, "expected an action object with a \"type\"");
    return;
  }
  RemedyActionSpec a;
  std::string type = r.string(j, "type", path).value_or("");
  if (type == "discount") {
    a.type = RemedyType::discount;
    if (!r.object(j, path, {"type", "percent", "max", "code_prefix"})) return;
    a.max = r.integer(j, "max", path, 1, kMaxAmount);
    a.code_prefix = r.string(j, "code_prefix", path).value_or("SORRY");
    if (!plain_id(a.code_prefix, 20))
      r.fail(Reader::at(path, "code_prefix"), "1 to 20 letters, digits, '-', '_' or '.'");
  } else if (type == "partial_refund") {
    a.type = RemedyType::partial_refund;
    if (!r.object(j, path, {"type", "percent", "max"})) return;
    a.max = r.integer(j, "max", path, 1, kMaxAmount);
  } else if (type == "free_expedited_shipping") {
    a.type = RemedyType::free_expedited_shipping;
    if (!r.object(j, path, {"type", "cost"})) return;
    a.cost = r.integer(j, "cost", path, 0, kMaxAmount).value_or(0);
  } else if (type == "loyalty_points") {
    a.type = RemedyType::loyalty_points;
    if (!r.object(j, path, {"type", "per_unit"})) return;
    a.per_unit = r.integer(j, "per_unit", path, 1, 1'000'000).value_or(0);
    if (!Reader::member(j, "per_unit"))
      r.fail(Reader::at(path, "per_unit"), "required: points per currency unit");
  } else if (type == "personal_outreach") {
    a.type = RemedyType::personal_outreach;
    if (!r.object(j, path, {"type"})) return;
  } else {
    r.fail(Reader::at(path, "type"),
           "expected \"discount\", \"free_expedited_shipping\", \"loyalty_points\", \"personal_outreach\" or "
           "\"partial_refund\"");
    return;
  }
  if (a.type == RemedyType::discount || a.type == RemedyType::partial_refund) {
    a.percent = static_cast<int>(r.integer(j, "percent", path, 1, 100).value_or(0));
    if (!Reader::member(j, "percent")) r.fail(Reader::at(path, "percent"), "required: 1 to 100");
  }
  out.push_back(std::move(a));
}

void read_rule(const json& j, const std::string& path, Reader& r, RemediesPolicy& p) {
  if (!r.object(j, path, {"id", "when", "then", "stack"})) return;
  RemedyRuleSpec rule;
  rule.id = r.string(j, "id", path).value_or("");
  if (!plain_id(rule.id, 64)) {
    r.fail(Reader::at(path, "id"), "required: 1 to 64 letters, digits, '-', '_' or '.'");
  } else if (rule.id == "delay_remedies") {
    r.fail(Reader::at(path, "id"),
           "\"delay_remedies\" names notifications.delay_remedies; choose another id");
  } else if (std::any_of(p.rules.begin(), p.rules.end(), [&](const auto& o) { return o.id == rule.id; })) {
    r.fail(Reader::at(path, "id"), "listed twice");
  }
  if (const json* w = Reader::member(j, "when")) read_conditions(*w, Reader::at(path, "when"), r, rule.when);
  const json* then = Reader::member(j, "then");
  std::string tp = Reader::at(path, "then");
  if (!then || !then->is_array() || then->empty()) {
    r.fail(tp, "required: a non-empty array of actions");
  } else {
    for (std::size_t i = 0; i < then->size(); ++i) read_action((*then)[i], Reader::at(tp, i), r, rule.then);
  }
  rule.stack = r.boolean(j, "stack", path).value_or(true);
  p.rules.push_back(std::move(rule));
}

}  // namespace

void read_remedies(const json& j, const std::string& path, Reader& r, RemediesPolicy& p) {
  if (!r.object(j, path, {"positioning", "budget", "point_value", "rules"})) return;
  if (auto s = r.string(j, "positioning", path)) {
    if (one_of(*s, kPositionings))
      p.positioning = *s;
    else
      r.fail(Reader::at(path, "positioning"), "expected one of " + listing(kPositionings));
  }
  if (const json* b = Reader::member(j, "budget")) {
    std::string bp = Reader::at(path, "budget");
    if (r.object(*b, bp, {"per_order", "per_period", "period"})) {
      p.per_order = r.integer(*b, "per_order", bp, 0, kMaxAmount);
      p.per_period = r.integer(*b, "per_period", bp, 0, kMaxAmount);
      if (auto s = r.string(*b, "period", bp)) {
        if (one_of(*s, kBudgetPeriods))
          p.period = *s;
        else
          r.fail(Reader::at(bp, "period"), "expected one of " + listing(kBudgetPeriods));
      }
    }
  }
  p.point_value = r.integer(j, "point_value", path, 0, 1'000'000).value_or(0);
  if (const json* rules = Reader::member(j, "rules")) {
    std::string rp = Reader::at(path, "rules");
    if (!rules->is_array()) r.fail(rp, "expected an array of rules");
    for (std::size_t i = 0; rules->is_array() && i < rules->size(); ++i)
      read_rule((*rules)[i], Reader::at(rp, i), r, p);
  }
}

}  // namespace detail
}  // namespace backorder
