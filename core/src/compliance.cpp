// Runs the rule packs in force over a listing or an order: which packs apply (jurisdiction, channels), each
// rule's check, its message filled in, the findings sorted by due date.
#include "backorder/compliance.hpp"

#include <algorithm>
#include <map>

#include "compliance_checks.hpp"

namespace backorder {
namespace {

using detail::Outcome;
using detail::Outcomes;

bool pack_applies(const RulePack& p, const std::string& jurisdiction,
                  const std::vector<std::string>& channels) {
  if (!p.jurisdictions.empty() && !detail::contains(p.jurisdictions, jurisdiction)) return false;
  if (p.channels.empty()) return true;
  return std::any_of(channels.begin(), channels.end(),
                     [&](const std::string& c) { return detail::contains(p.channels, c); });
}

std::string fill(const std::string& message, const Outcome& o) {
  std::string out;
  for (std::size_t i = 0; i < message.size();) {
    std::size_t open = message.find('{', i);
    std::size_t close = open == std::string::npos ? open : message.find('}', open);
    if (close == std::string::npos) {
      out.append(message, i);
      break;
    }
    out.append(message, i, open - i);
    std::string_view name(message.data() + open + 1, close - open - 1);
    auto it = std::find_if(o.args.begin(), o.args.end(), [&](const auto& a) { return a.first == name; });
    if (it != o.args.end())
      out += it->second;
    else
      out.append(message, open,
                 close - open + 1);  // a placeholder this finding has no value for stays visible
    i = close + 1;
  }
  return out;
}

int rank(Severity s) { return static_cast<int>(s); }  // violation, warning, due, info

void sort_findings(std::vector<Finding>& f) {
  std::stable_sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) {
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    if (a.due && *a.due != *b.due) return *a.due < *b.due;
    if (a.severity != b.severity) return rank(a.severity) < rank(b.severity);
    if (a.pack != b.pack) return a.pack < b.pack;
    if (a.rule_id != b.rule_id) return a.rule_id < b.rule_id;
    return a.path < b.path;
  });
}

template <class Context>
std::vector<Finding> run(const std::vector<const RulePack*>& packs, const Context& ctx,
                         const std::string& jurisdiction, const std::vector<std::string>& channels,
                         std::vector<std::string>* applied) {
  constexpr bool for_order = std::is_same_v<Context, detail::OrderContext>;
  std::vector<Finding> out;
  for (const RulePack* pack : packs) {
    if (!pack_applies(*pack, jurisdiction, channels)) continue;
    bool used = false;
    for (const Rule& rule : pack->rules) {
      const detail::CheckKind* kind = detail::find_check_kind(rule.check);
      if (!kind || (for_order ? !kind->order : !kind->listing)) continue;
      used = true;
      Outcomes outcomes;
      if constexpr (for_order)
        kind->order(rule, ctx, outcomes);
      else
        kind->listing(rule, ctx, outcomes);
      for (const Outcome& o : outcomes) {
        out.push_back({rule.id, pack->id, o.pending ? Severity::due : rule.severity, fill(rule.message, o),
                       o.due, rule.action, rule.citation, o.path});
      }
    }
    if (used && applied) applied->push_back(pack->id);
  }
  sort_findings(out);
  return out;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

ShownAvailability shown_from(const Availability& a, const Calendar& cal) {
  ShownAvailability s;
  s.status = a.status;
  s.sellable = a.sellable;
  s.merchant_availability = merchant_availability(a.status);
  if (a.later > 0) {
    s.later_from = a.later_window.from;
    s.later_to = a.later_window.to;
    if (a.status == Status::backorder || a.status == Status::preorder)
      s.availability_date = cal.format_local_midnight(a.later_window.from);
  }
  return s;
}

}  // namespace

std::vector<const RulePack*> packs_in_force(const Engine& engine, const std::vector<RulePack>& extra) {
  std::map<std::string, const RulePack*> by_id;
  for (const RulePack& p : builtin_rule_packs()) by_id[p.id] = &p;
  for (const RulePack& p : engine.policy().compliance.packs) by_id[p.id] = &p;
  for (const RulePack& p : extra) by_id[p.id] = &p;
  std::vector<const RulePack*> out;
  for (const auto& [id, p] : by_id) out.push_back(p);
  return out;
}

std::vector<Finding> check_listing(const Engine& engine, const ListingFacts& facts,
                                   const std::vector<RulePack>& extra, std::vector<std::string>* applied) {
  const Calendar& cal = engine.calendar();
  Today today = Today::at(cal, facts.now);
  Availability live = classify(engine.policy(), cal, today, facts.item, facts.stock, facts.quantity);
  ShownAvailability shown = facts.label ? *facts.label : shown_from(live, cal);
  if (shown.merchant_availability.empty()) shown.merchant_availability = merchant_availability(shown.status);
  detail::ListingContext ctx{engine, facts, today, live, std::move(shown), facts.label.has_value()};
  const CompliancePolicy& cp = engine.policy().compliance;
  std::vector<std::string> channels = facts.channels.empty() ? cp.channels : facts.channels;
  // A merchant feed goes to Google: its rules apply whenever one is given.
  if (facts.has_feed && !detail::contains(channels, "google")) channels.push_back("google");
  std::string jurisdiction = upper(facts.jurisdiction.empty() ? cp.jurisdiction : facts.jurisdiction);
  return run(packs_in_force(engine, extra), ctx, jurisdiction, channels, applied);
}

std::vector<Finding> check_order(const Engine& engine, const OrderFacts& facts,
                                 const std::vector<RulePack>& extra, std::vector<std::string>* applied) {
  const Calendar& cal = engine.calendar();
  detail::OrderContext ctx{engine, facts, cal.local_day(facts.now), cal.local_day(facts.placed_at),
                           cal.local_day(facts.received_at.value_or(facts.placed_at))};
  const CompliancePolicy& cp = engine.policy().compliance;
  std::string jurisdiction = upper(facts.jurisdiction.empty() ? cp.jurisdiction : facts.jurisdiction);
  return run(packs_in_force(engine, extra), ctx, jurisdiction, cp.channels, applied);
}

}  // namespace backorder
