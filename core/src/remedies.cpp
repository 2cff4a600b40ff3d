// Deciding the remedies of one delayed order: rules in order, stacking, budgets, and the reason for each
// step (docs/remedies.md).
#include "backorder/remedies.hpp"

#include <algorithm>
#include <functional>

#include "backorder/error.hpp"
#include "backorder/limits.hpp"
#include "backorder/money.hpp"
#include "money_format.hpp"

namespace backorder {
namespace {

// "30.00 USD": amounts in explanations, which are for logs and people, not for shoppers.
std::string plain(std::int64_t minor, const Currency& c) {
  return detail::decimal_text(minor, c.exponent) + " " + std::string(c.view());
}

std::string range_text(const AmountRange& r, const std::function<std::string(std::int64_t)>& show) {
  if (r.min && r.max) return "from " + show(*r.min) + " to " + show(*r.max);
  if (r.min) return "at least " + show(*r.min);
  return "at most " + show(*r.max);
}

std::string names(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The effective rules: notifications.delay_remedies as one unconditional rule, then remedies.rules.
std::vector<RemedyRuleSpec> effective_rules(const Policy& p) {
  std::vector<RemedyRuleSpec> rules;
  if (!p.notifications.delay_remedies.empty()) {
    RemedyRuleSpec legacy;
    legacy.id = "delay_remedies";
    for (const RemedyRule& r : p.notifications.delay_remedies) {
      RemedyActionSpec a;
      if (r.kind == "discount") {
        a.type = RemedyType::discount;
        a.percent = r.percent;
        a.code_prefix = r.code_prefix;
      } else {
        a.type = RemedyType::free_expedited_shipping;
      }
      legacy.then.push_back(std::move(a));
    }
    rules.push_back(std::move(legacy));
  }
  rules.insert(rules.end(), p.remedies.rules.begin(), p.remedies.rules.end());
  return rules;
}

class Decider {
 public:
  Decider(const Engine& e, const RemedyCase& c) : p_(e.policy()), c_(c), cur_(p_.currency) {
    const RemediesPolicy& r = p_.remedies;
    if (r.per_order) order_left_ = std::max<std::int64_t>(0, *r.per_order - c.order_spent);
    if (r.per_period) period_left_ = std::max<std::int64_t>(0, *r.per_period - c.period_spent);
  }

  RemedyDecision run() {
    bool ended = false;
    std::string ended_by;
    for (const RemedyRuleSpec& rule : effective_rules(p_)) {
      RuleDecision d;
      d.rule = rule.id;
      d.stack = rule.stack;
      if (ended) {
        d.status = "not_reached";
        d.why = "rule " + ended_by + " applied and does not stack";
        out_.rules.push_back(std::move(d));
        continue;
      }
      bool met = check(rule.when, d.conditions);
      bool granted_before =
          std::find(c_.granted_rules.begin(), c_.granted_rules.end(), rule.id) != c_.granted_rules.end();
      if (!met) {
        d.status = "not_met";
        for (const auto& cond : d.conditions)
          if (!cond.met) d.why += (d.why.empty() ? "" : "; ") + cond.why;
      } else if (granted_before) {
        d.status = "already_granted";
        d.why = "this order got this rule's remedies before; they are not granted twice";
      } else {
        d.status = "applied";
        d.why = d.conditions.empty() ? "applies to every delay" : "every condition holds";
        for (const RemedyActionSpec& a : rule.then) grant(rule.id, a, d.actions);
      }
      if (d.status != "not_met" && !rule.stack) {
        ended = true;
        ended_by = rule.id;
        d.why += "; it does not stack, so no later rule is considered";
      }
      out_.rules.push_back(std::move(d));
    }
    out_.order_budget_left = order_left_;
    out_.period_budget_left = period_left_;
    return std::move(out_);
  }

 private:
  bool check(const RemedyConditions& w, std::vector<ConditionCheck>& out) {
    auto money = [&](std::int64_t v) { return plain(v, cur_); };
    auto days = [](std::int64_t v) { return std::to_string(v) + " business days"; };
    bool all = true;
    auto add = [&](const char* name, bool met, std::string why) {
      all = all && met;
      out.push_back({name, met, std::move(why)});
    };
    if (w.delay_business_days.min || w.delay_business_days.max) {
      bool met = w.delay_business_days.contains(c_.delay_business_days);
      add("delay_business_days", met,
          "the delay is " + days(c_.delay_business_days) + (met ? ", " : ", not ") +
              range_text(w.delay_business_days, days));
    }
    if (w.order_value.min || w.order_value.max) {
      bool met = w.order_value.contains(c_.order_value);
      add("order_value", met,
          "the order is worth " + money(c_.order_value) + (met ? ", " : ", not ") +
              range_text(w.order_value, money));
    }
    if (w.lifetime_value.min || w.lifetime_value.max) {
      if (!c_.lifetime_value) {
        add("lifetime_value", false, "the customer's lifetime value is unknown");
      } else {
        bool met = w.lifetime_value.contains(*c_.lifetime_value);
        add("lifetime_value", met,
            "the customer's lifetime value is " + money(*c_.lifetime_value) + (met ? ", " : ", not ") +
                range_text(w.lifetime_value, money));
      }
    }
    auto listed = [&](const char* name, const char* what, const std::vector<std::string>& set,
                      const std::string& value) {
      if (set.empty()) return;
      bool met = std::find(set.begin(), set.end(), value) != set.end();
      std::string shown = value.empty() ? "none" : "\"" + value + "\"";
      add(name, met,
          std::string(what) + " " + shown + (met ? " is one of " : " is not one of ") + names(set));
    };
    listed("tier", "the customer's tier", w.tiers, c_.tier);
    listed("positioning", "the brand's positioning", w.positioning, p_.remedies.positioning);
    listed("cause", "the cause", w.causes, c_.cause);
    return all;
  }

  // What is left of the budgets, and which of them binds: the smaller one.
  std::optional<std::int64_t> left(std::string& which) const {
    if (order_left_ && (!period_left_ || *order_left_ <= *period_left_)) {
      which = "order_budget";
      return order_left_;
    }
    which = "period_budget";
    return period_left_;
  }

  void spend(std::int64_t cost) {
    if (order_left_) *order_left_ -= cost;
    if (period_left_) *period_left_ -= cost;
    out_.cost = add_amounts(out_.cost, cost).value_or(limits::kAmount);
  }

  bool has(RemedyType t) const {
    return std::any_of(out_.remedies.begin(), out_.remedies.end(),
                       [&](const auto& g) { return g.type == t; });
  }

  void grant(const std::string& rule, const RemedyActionSpec& a, std::vector<ActionNote>& notes) {
    GrantedRemedy g;
    g.rule = rule;
    g.type = a.type;
    g.percent = a.percent;
    g.code_prefix = a.code_prefix;
    const std::int64_t delayed = c_.delayed_value.value_or(c_.order_value);
    auto skip = [&](std::string why) { notes.push_back({a.type, "skipped", std::move(why)}); };
    // Gestures that mean the same however often they are given are given once.
    if ((a.type == RemedyType::free_expedited_shipping || a.type == RemedyType::personal_outreach) &&
        has(a.type)) {
      return skip("already granted by an earlier rule");
    }
    switch (a.type) {
      case RemedyType::discount:
        if (a.max) {
          g.max = *a.max;
          g.cost = *a.max;
          g.why = std::to_string(a.percent) + "% off the next purchase, at most " + plain(*a.max, cur_);
        } else {
          g.cost = c_.order_value * a.percent / 100;
          g.why = std::to_string(a.percent) + "% off the next purchase (counted as " + plain(g.cost, cur_) +
                  ", that much of this order)";
        }
        break;
      case RemedyType::partial_refund:
        g.amount = delayed * a.percent / 100;
        g.why = std::to_string(a.percent) + "% of the delayed lines' " + plain(delayed, cur_);
        if (a.max && g.amount > *a.max) {
          g.amount = *a.max;
          g.capped = "max";
          g.why += ", capped at the rule's " + plain(*a.max, cur_);
        }
        if (g.amount == 0) return skip("nothing to refund: the delayed lines have no value");
        g.cost = g.amount;
        break;
      case RemedyType::loyalty_points: {
        std::int64_t unit = 1;
        for (int i = 0; i < cur_.exponent; ++i) unit *= 10;
        // Money is at most 10^15 minor units: so are points and what they cost.
        g.points = multiply_amount(a.per_unit, c_.order_value / unit).value_or(limits::kAmount);
        if (g.points == 0) return skip("no points: the order is worth less than one currency unit");
        g.cost = multiply_amount(g.points, p_.remedies.point_value).value_or(limits::kAmount);
        g.why = std::to_string(a.per_unit) + " points per " + std::string(cur_.view()) + " of " +
                plain(c_.order_value, cur_);
        break;
      }
      case RemedyType::free_expedited_shipping:
        g.cost = a.cost;
        g.why = "free expedited shipping when the stock arrives";
        break;
      case RemedyType::personal_outreach:
        g.why = "a person contacts the customer, not a template";
        break;
    }
    std::string which;
    std::optional<std::int64_t> room = left(which);
    if (g.cost > 0 && room && g.cost > *room) {
      const std::string budget = which == "order_budget" ? "per-order" : "per-period";
      if (*room == 0) return skip("the " + budget + " budget is spent");
      switch (a.type) {
        case RemedyType::discount:
          g.max = *room;
          g.cost = *room;
          break;
        case RemedyType::partial_refund:
          g.amount = *room;
          g.cost = *room;
          break;
        case RemedyType::loyalty_points:
          g.points = *room / p_.remedies.point_value;
          g.cost = g.points * p_.remedies.point_value;
          if (g.points == 0) return skip("the " + budget + " budget has less left than one point costs");
          break;
        default:
          return skip("costs " + plain(g.cost, cur_) + ", but only " + plain(*room, cur_) +
                      " is left of the " + budget + " budget");
      }
      g.capped = which;
      g.why += "; cut to the " + plain(*room, cur_) + " left of the " + budget + " budget";
    }
    if (a.type == RemedyType::personal_outreach) out_.outreach = true;
    spend(g.cost);
    notes.push_back({a.type, g.capped.empty() ? "granted" : "capped", g.why});
    out_.remedies.push_back(std::move(g));
  }

  const Policy& p_;
  const RemedyCase& c_;
  const Currency& cur_;
  std::optional<std::int64_t> order_left_, period_left_;
  RemedyDecision out_;
};

void check_case(const RemedyCase& c) {
  auto money = [](std::int64_t v, const char* path) {
    if (v < 0 || v > limits::kAmount)
      throw Error(ErrorCode::invalid, path, "expected 0 to 10^15 minor units");
  };
  money(c.order_value, "order_value");
  if (c.delayed_value) money(*c.delayed_value, "delayed_value");
  if (c.lifetime_value) money(*c.lifetime_value, "lifetime_value");
  money(c.order_spent, "order_spent");
  money(c.period_spent, "period_spent");
  if (c.delay_business_days < 0 || c.delay_business_days > 3650)
    throw Error(ErrorCode::invalid, "delay_business_days", "expected 0 to 3650");
}

}  // namespace

RemedyDecision decide_remedies(const Engine& engine, const RemedyCase& c) {
  check_case(c);
  return Decider(engine, c).run();
}

}  // namespace backorder
