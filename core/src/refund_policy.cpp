// The policy's "refunds" section, read with every problem's path (docs/policy.md#refunds).
#include "backorder/refund_policy.hpp"

#include "refund_policy_reader.hpp"

namespace backorder {

const char* shipping_after_partial_name(ShippingAfterPartial s) {
  switch (s) {
    case ShippingAfterPartial::proportional:
      return "proportional";
    case ShippingAfterPartial::none:
      return "none";
    case ShippingAfterPartial::full:
      return "full";
  }
  return "proportional";
}

namespace detail {

namespace {

void read_rule(const json& j, const std::string& path, Reader& r, RefundRuleOverride& out) {
  if (!r.object(j, path, {"count", "unit", "citation"})) return;
  if (auto c = r.integer(j, "count", path, 1, 365)) out.count = static_cast<int>(*c);
  if (auto u = r.string(j, "unit", path)) {
    out.unit = refund_unit_from_name(*u);
    if (!out.unit) r.fail(Reader::at(path, "unit"), "expected working_days, calendar_days or billing_cycles");
  }
  if (auto c = r.string(j, "citation", path)) {
    if (c->empty()) r.fail(Reader::at(path, "citation"), "a rule needs its citation");
    out.citation = *c;
  }
}

}  // namespace

void read_refunds(const json& j, const std::string& path, Reader& r, RefundPolicy& out) {
  if (!r.object(j, path, {"shipping_after_partial", "billing_cycle_days", "jurisdiction", "rules"})) return;
  if (auto s = r.string(j, "shipping_after_partial", path)) {
    if (*s == "proportional")
      out.shipping_after_partial = ShippingAfterPartial::proportional;
    else if (*s == "none")
      out.shipping_after_partial = ShippingAfterPartial::none;
    else if (*s == "full")
      out.shipping_after_partial = ShippingAfterPartial::full;
    else
      r.fail(Reader::at(path, "shipping_after_partial"), "expected \"proportional\", \"none\" or \"full\"");
  }
  if (auto d = r.integer(j, "billing_cycle_days", path, 1, 366))
    out.billing_cycle_days = static_cast<int>(*d);
  if (auto s = r.string(j, "jurisdiction", path)) {
    out.jurisdiction = jurisdiction_from_name(*s);
    if (!out.jurisdiction) r.fail(Reader::at(path, "jurisdiction"), "expected \"US\", \"EU\" or \"UK\"");
  }
  if (const json* rules = Reader::member(j, "rules")) {
    std::string rp = Reader::at(path, "rules");
    if (!rules->is_object()) {
      r.fail(rp, "expected an object of rule ids to corrections");
      return;
    }
    for (auto it = rules->begin(); it != rules->end(); ++it) {
      std::string p = Reader::at(rp, it.key());
      if (!find_refund_rule(it.key())) {
        r.fail(p, "unknown refund rule (see docs/policy.md#refunds)");
        continue;
      }
      read_rule(*it, p, r, out.rules[it.key()]);
    }
  }
}

}  // namespace detail
}  // namespace backorder
