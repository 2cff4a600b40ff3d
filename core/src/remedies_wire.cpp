// The remedies call as JSON (docs/remedies.md#json): a case in, the decision with its explanations out.
#include "backorder/limits.hpp"
#include "backorder/remedies.hpp"
#include "json_reader.hpp"

namespace backorder {

using detail::json;
using detail::Reader;

namespace {

constexpr std::int64_t kMaxAmount = limits::kAmount;

json optional_amount(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

std::string remedy_decision_json(const Engine& engine, const RemedyDecision& d) {
  const RemediesPolicy& p = engine.policy().remedies;
  json out = {{"cost", d.cost},
              {"currency", std::string(engine.policy().currency.view())},
              {"outreach", d.outreach},
              {"remedies", json::array()},
              {"rules", json::array()}};
  out["budget"] = {{"per_order", optional_amount(p.per_order)},
                   {"per_period", optional_amount(p.per_period)},
                   {"period", p.period},
                   {"order_left", optional_amount(d.order_budget_left)},
                   {"period_left", optional_amount(d.period_budget_left)}};
  for (const GrantedRemedy& g : d.remedies) {
    json r = {{"rule", g.rule},
              {"type", remedy_type_name(g.type)},
              {"cost", g.cost},
              {"capped", g.capped.empty() ? json(nullptr) : json(g.capped)},
              {"why", g.why}};
    if (g.type == RemedyType::discount) {
      r["percent"] = g.percent;
      r["max"] = g.max ? json(g.max) : json(nullptr);
      r["code_prefix"] = g.code_prefix;
    }
    if (g.type == RemedyType::partial_refund) r["percent"] = g.percent, r["amount"] = g.amount;
    if (g.type == RemedyType::loyalty_points) r["points"] = g.points;
    out["remedies"].push_back(std::move(r));
  }
  for (const RuleDecision& rd : d.rules) {
    json r = {{"rule", rd.rule}, {"status", rd.status},         {"stack", rd.stack},
              {"why", rd.why},   {"conditions", json::array()}, {"actions", json::array()}};
    for (const auto& c : rd.conditions)
      r["conditions"].push_back({{"name", c.name}, {"met", c.met}, {"why", c.why}});
    for (const auto& a : rd.actions)
      r["actions"].push_back({{"type", remedy_type_name(a.type)}, {"status", a.status}, {"why", a.why}});
    out["rules"].push_back(std::move(r));
  }
  return detail::to_text(out);
}

std::string remedies_json(const Engine& engine, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  RemedyCase c;
  if (r.object(j, "",
               {"order_value", "delayed_value", "delay_business_days", "tier", "lifetime_value", "cause",
                "order_spent", "period_spent", "granted_rules"})) {
    c.order_value = r.integer(j, "order_value", "", 0, kMaxAmount).value_or(0);
    c.delayed_value = r.integer(j, "delayed_value", "", 0, kMaxAmount);
    c.delay_business_days = r.integer(j, "delay_business_days", "", 0, 3650).value_or(0);
    c.tier = r.string(j, "tier", "").value_or("");
    c.lifetime_value = r.integer(j, "lifetime_value", "", 0, kMaxAmount);
    c.cause = r.string(j, "cause", "").value_or("");
    c.order_spent = r.integer(j, "order_spent", "", 0, kMaxAmount).value_or(0);
    c.period_spent = r.integer(j, "period_spent", "", 0, kMaxAmount).value_or(0);
    if (const json* g = Reader::member(j, "granted_rules")) {
      if (!g->is_array()) r.fail("granted_rules", "expected an array of rule ids");
      for (std::size_t i = 0; g->is_array() && i < g->size(); ++i) {
        if ((*g)[i].is_string())
          c.granted_rules.push_back((*g)[i].get<std::string>());
        else
          r.fail(Reader::at("granted_rules", i), "expected a rule id");
      }
    }
  }
  r.throw_if_failed();
  return remedy_decision_json(engine, decide_remedies(engine, c));
}

}  // namespace backorder
