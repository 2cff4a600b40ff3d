// Refund quotes (core/include/backorder/refunds.hpp, docs/json.md#refunds).
#include "backorder/refunds.hpp"

#include <algorithm>
#include <set>

#include "backorder/limits.hpp"
#include "backorder/money.hpp"

namespace backorder {

namespace {

// docs/limits.md: an order is held to a cart's limits, and its amounts together to limits::kAmount, so every
// sum below fits in 64 bits with room to spare.
constexpr std::int64_t kMaxQuantity = limits::kCartQuantity;
constexpr std::int64_t kMaxUnitPrice = limits::kAmount;
constexpr std::int64_t kMaxTotal = limits::kAmount;
constexpr std::int64_t kMaxRateBp = 10'000;

using i128 = __int128;

// a × b / c, half up; all non-negative, c > 0.
std::int64_t mul_div_half_up(std::int64_t a, std::int64_t b, std::int64_t c) {
  const i128 n = static_cast<i128>(a) * b;
  return static_cast<std::int64_t>((2 * n + c) / (2 * static_cast<i128>(c)));
}

// What units (x, x+k] of a line of q units carry of `amount`, when the first y units carry
// floor(amount × y / q): steps over the same line add up to the whole exactly.
std::int64_t slice(std::int64_t amount, std::int64_t q, std::int64_t x, std::int64_t k) {
  auto upto = [&](std::int64_t y) { return static_cast<std::int64_t>(static_cast<i128>(amount) * y / q); };
  return upto(x + k) - upto(x);
}

// One line's money over its whole quantity.
struct LineMoney {
  std::int64_t amount = 0;    // quantity × unit_price
  std::int64_t discount = 0;  // its share of the order's discounts
  std::int64_t tax = 0;
  std::int64_t paid = 0;      // amount - discount (+ tax when prices exclude it)
  std::int64_t shipping = 0;  // its share of the shipping charge
};

std::int64_t discount_total(const PaidOrder& o) {
  std::int64_t d = 0;
  for (const auto& x : o.discounts) d += x.amount;
  return d;
}

// Discounts and shipping go to lines by largest remainder, pro rata to line amounts (to quantities when
// every line is free). Call only on a checked order.
std::vector<LineMoney> line_money(const PaidOrder& o) {
  const std::size_t n = o.lines.size();
  std::vector<std::int64_t> weights(n);
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += weights[i] = o.lines[i].quantity * o.lines[i].unit_price;
  std::vector<LineMoney> out(n);
  const std::int64_t discount = discount_total(o);
  std::vector<std::int64_t> disc = discount > 0 ? allocate(discount, weights) : std::vector<std::int64_t>(n);
  if (sum == 0) {
    for (std::size_t i = 0; i < n; ++i) weights[i] = o.lines[i].quantity;
  }
  std::vector<std::int64_t> ship =
      o.shipping.charged > 0 ? allocate(o.shipping.charged, weights) : std::vector<std::int64_t>(n);
  for (std::size_t i = 0; i < n; ++i) {
    const PaidLine& l = o.lines[i];
    LineMoney& m = out[i];
    m.amount = l.quantity * l.unit_price;
    m.discount = disc[i];
    m.shipping = ship[i];
    const std::int64_t net = m.amount - m.discount;
    switch (l.tax.kind) {
      case LineTax::Kind::none:
        break;
      case LineTax::Kind::rate:
        m.tax = o.tax_included ? mul_div_half_up(net, l.tax.rate_bp, 10'000 + l.tax.rate_bp)
                               : mul_div_half_up(net, l.tax.rate_bp, 10'000);
        break;
      case LineTax::Kind::amount:
        m.tax = l.tax.amount;
        break;
    }
    m.paid = net + (o.tax_included ? 0 : m.tax);
  }
  return out;
}

std::string line_path(std::size_t i) { return "order.lines[" + std::to_string(i) + "]"; }
std::string cancel_path(std::size_t i) { return "cancel[" + std::to_string(i) + "]"; }

struct Checker {
  std::vector<Issue> issues;
  void fail(std::string path, std::string message) {
    issues.push_back({std::move(path), std::move(message)});
  }
  // The typed call holds texts to the limit JSON readers apply (docs/limits.md).
  bool text(std::string_view t, const std::string& path) {
    if (t.size() <= limits::kTextBytes) return true;
    fail(path, "longer than " + std::to_string(limits::kTextBytes) + " bytes");
    return false;
  }
  bool range(std::int64_t v, std::int64_t lo, std::int64_t hi, const std::string& path) {
    if (v >= lo && v <= hi) return true;
    fail(path, v < lo ? "must be at least " + std::to_string(lo) : "must be at most " + std::to_string(hi));
    return false;
  }
};

std::int64_t open_units(const PaidLine& l) { return l.quantity - l.shipped - l.cancelled; }

void check_lines(const PaidOrder& o, Checker& c, bool& money_ok) {
  if (o.lines.empty()) c.fail("order.lines", "an order has at least one line");
  if (o.lines.size() > limits::kCartLines) {
    c.fail("order.lines", "more than " + std::to_string(limits::kCartLines) + " lines");
    money_ok = false;
    return;
  }
  std::set<std::string, std::less<>> ids;
  i128 sum = 0;
  for (std::size_t i = 0; i < o.lines.size(); ++i) {
    const PaidLine& l = o.lines[i];
    const std::string p = line_path(i);
    c.text(l.sku, p + ".sku");
    if (l.line_id.empty()) {
      c.fail(p + ".line_id", "required");
    } else if (c.text(l.line_id, p + ".line_id") && !ids.insert(l.line_id).second) {
      c.fail(p + ".line_id", "listed twice");
    }
    bool ok = c.range(l.quantity, 1, kMaxQuantity, p + ".quantity");
    ok = c.range(l.unit_price, 0, kMaxUnitPrice, p + ".unit_price") && ok;
    if (ok) {
      c.range(l.shipped, 0, l.quantity, p + ".shipped");
      c.range(l.cancelled, 0, l.quantity, p + ".cancelled");
      if (l.shipped >= 0 && l.cancelled >= 0 && l.shipped <= l.quantity && l.cancelled <= l.quantity &&
          l.shipped + l.cancelled > l.quantity) {
        c.fail(p + ".cancelled",
               "shipped and cancelled units exceed the quantity (" + std::to_string(l.quantity) + ")");
      }
      sum += static_cast<i128>(l.quantity) * l.unit_price;
    }
    if (l.tax.kind == LineTax::Kind::rate)
      ok = c.range(l.tax.rate_bp, 0, kMaxRateBp, p + ".tax.rate_bp") && ok;
    if (l.tax.kind == LineTax::Kind::amount) {
      ok = c.range(l.tax.amount, 0, kMaxTotal, p + ".tax.amount") && ok;
      sum += l.tax.amount;
    }
    if (l.deposit) ok = c.range(*l.deposit, 0, kMaxTotal, p + ".deposit") && ok;
    money_ok = money_ok && ok;
  }
  i128 discounts = 0;
  for (std::size_t i = 0; i < o.discounts.size(); ++i) {
    c.text(o.discounts[i].code, "order.discounts[" + std::to_string(i) + "].code");
    const std::int64_t a = o.discounts[i].amount;
    money_ok = c.range(a, 0, kMaxTotal, "order.discounts[" + std::to_string(i) + "].amount") && money_ok;
    discounts += a;
  }
  money_ok = c.range(o.shipping.charged, 0, kMaxTotal, "order.shipping.charged") && money_ok;
  if (o.shipping.charged >= 0) c.range(o.shipping.refunded, 0, o.shipping.charged, "order.shipping.refunded");
  sum += o.shipping.charged;
  if (sum > kMaxTotal) {
    c.fail("order.lines", "the order's amounts exceed 10^15 minor units");
    money_ok = false;
  }
  if (money_ok) {
    i128 items = 0;
    for (const auto& l : o.lines) items += static_cast<i128>(l.quantity) * l.unit_price;
    if (discounts > items) {
      c.fail("order.discounts", "the discounts exceed the order's items");
      money_ok = false;
    }
  }
}

// What only the computed money can tell: a deposit above the line's total, an included tax above its amount.
void check_money(const PaidOrder& o, Checker& c) {
  const std::vector<LineMoney> money = line_money(o);
  for (std::size_t i = 0; i < o.lines.size(); ++i) {
    const PaidLine& l = o.lines[i];
    const LineMoney& m = money[i];
    if (l.deposit && *l.deposit > m.paid) {
      c.fail(line_path(i) + ".deposit", "more than the line's total (" + std::to_string(m.paid) + ")");
    }
    if (o.tax_included && l.tax.kind == LineTax::Kind::amount && m.tax > m.amount - m.discount) {
      c.fail(line_path(i) + ".tax.amount",
             "more than the line's amount after discounts, which includes it (" +
                 std::to_string(m.amount - m.discount) + ")");
    }
  }
}

void check_cancel(const PaidOrder& o, const Cancellation& cancel, Checker& c) {
  if (cancel.all) {
    std::int64_t open = 0;
    for (const auto& l : o.lines) open += std::max<std::int64_t>(open_units(l), 0);
    if (!o.lines.empty() && open == 0)
      c.fail("cancel", "nothing is left to cancel: every unit shipped or was cancelled");
    return;
  }
  if (cancel.lines.empty()) c.fail("cancel", "name the lines to cancel, or \"all\"");
  if (cancel.lines.size() > limits::kCartLines) {
    c.fail("cancel", "more than " + std::to_string(limits::kCartLines) + " lines");
    return;
  }
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < cancel.lines.size(); ++i) {
    const CancelLine& cl = cancel.lines[i];
    const std::string p = cancel_path(i);
    auto it = std::find_if(o.lines.begin(), o.lines.end(),
                           [&](const PaidLine& l) { return l.line_id == cl.line_id; });
    if (it == o.lines.end()) {
      c.fail(p + ".line_id", "no line \"" + cl.line_id + "\" in the order");
      continue;
    }
    if (!seen.insert(cl.line_id).second) c.fail(p + ".line_id", "listed twice");
    // A line whose own counts are wrong is reported with the order; what is open on it means nothing.
    if (it->quantity < 1 || it->shipped < 0 || it->cancelled < 0 || open_units(*it) < 0) continue;
    const std::int64_t open = open_units(*it);
    if (open <= 0) {
      c.fail(cl.quantity ? p + ".quantity" : p + ".line_id",
             "nothing is left to cancel on line \"" + cl.line_id + "\"");
    } else if (cl.quantity && (*cl.quantity < 1 || *cl.quantity > open)) {
      c.fail(p + ".quantity", "expected 1 to " + std::to_string(open) + " (ordered " +
                                  std::to_string(it->quantity) + ", shipped " + std::to_string(it->shipped) +
                                  ", cancelled " + std::to_string(it->cancelled) + ")");
    }
  }
}

RefundDeadline deadline_for(const Engine& engine, Jurisdiction j, PaymentMethod p, Instant now) {
  const RefundRule& rule = refund_rule_for(j, p);
  RefundDeadline d;
  d.rule_id = std::string(rule.id);
  d.jurisdiction = j;
  d.payment = p;
  d.count = rule.count;
  d.unit = rule.unit;
  d.method = std::string(rule.method);
  d.citation = std::string(rule.citation);
  d.text = std::string(rule.text);
  const RefundPolicy& policy = engine.policy().refunds;
  if (auto it = policy.rules.find(rule.id); it != policy.rules.end()) {
    d.count = it->second.count.value_or(d.count);
    d.unit = it->second.unit.value_or(d.unit);
    d.citation = it->second.citation.value_or(d.citation);
  }
  const Calendar& cal = engine.calendar();
  const Day start = cal.local_day(now);  // the day the right to the refund vests
  switch (d.unit) {
    case RefundUnit::working_days:
      d.due = cal.add_business_days(start, d.count);
      break;
    case RefundUnit::calendar_days:
      d.due = start + d.count;
      break;
    case RefundUnit::billing_cycles:
      d.due = start + d.count * policy.billing_cycle_days;
      break;
  }
  return d;
}

}  // namespace

const char* shipping_basis_name(ShippingBasis b) {
  switch (b) {
    case ShippingBasis::order_cancelled:
      return "order_cancelled";
    case ShippingBasis::proportional:
      return "proportional";
    case ShippingBasis::none:
      return "none";
    case ShippingBasis::full:
      return "full";
  }
  return "proportional";
}

std::vector<Issue> check_refund(const Engine& engine, const PaidOrder& order, const Cancellation& cancel) {
  Checker c;
  const std::string currency(engine.policy().currency.view());
  if (order.currency != currency) {
    c.fail("order.currency", order.currency.empty() ? "required (" + currency + ")"
                                                    : "must be the policy's currency (" + currency + ")");
  }
  bool money_ok = true;
  check_lines(order, c, money_ok);
  if (money_ok && c.issues.empty()) check_money(order, c);
  if (!order.jurisdiction && !engine.policy().refunds.jurisdiction) {
    c.fail("order.jurisdiction", "required (US, EU or UK): the policy's refunds.jurisdiction gives none");
  }
  check_cancel(order, cancel, c);
  return std::move(c.issues);
}

RefundQuote quote_refund(const Engine& engine, const PaidOrder& order, const Cancellation& cancel,
                         Instant now) {
  if (auto issues = check_refund(engine, order, cancel); !issues.empty())
    throw ValidationError(std::move(issues));
  const std::vector<LineMoney> money = line_money(order);
  const std::size_t n = order.lines.size();

  std::vector<std::int64_t> take(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (cancel.all) take[i] = open_units(order.lines[i]);
  }
  for (const CancelLine& cl : cancel.lines) {
    for (std::size_t i = 0; i < n && !cancel.all; ++i) {
      if (order.lines[i].line_id == cl.line_id) take[i] = cl.quantity.value_or(open_units(order.lines[i]));
    }
  }

  RefundQuote q;
  q.now = now;
  q.currency = order.currency;
  q.tax_included = order.tax_included;
  std::int64_t shipping_share = 0;
  bool shipped_any = false;
  for (std::size_t i = 0; i < n; ++i) {
    const PaidLine& l = order.lines[i];
    const LineMoney& m = money[i];
    shipped_any = shipped_any || l.shipped > 0;
    q.still_open += open_units(l) - take[i];
    const std::int64_t k = take[i];
    if (k == 0) continue;
    const std::int64_t x = l.shipped + l.cancelled;  // units already settled come first
    RefundLine r;
    r.line_id = l.line_id;
    r.sku = l.sku;
    r.quantity = k;
    if (l.deposit) {
      r.deposit = slice(*l.deposit, l.quantity, x, k);  // the balance of these units was never charged
    } else {
      r.items = l.unit_price * k;
      r.discount = slice(m.discount, l.quantity, x, k);
      r.tax = slice(m.tax, l.quantity, x, k);
    }
    r.total = r.items - r.discount + (order.tax_included ? 0 : r.tax) + r.deposit;
    shipping_share += slice(m.shipping, l.quantity, x, k);
    q.items += r.items;
    q.discount += r.discount;
    q.tax += r.tax;
    q.deposit += r.deposit;
    q.total += r.total;
    q.lines.push_back(std::move(r));
  }

  // An extra shipment the shop chose to pay for is the shop's: the shopper's charge still counts as unused.
  const bool shop_paid =
      order.shipping.shop_paid_extra_shipments.value_or(engine.policy().shipping.shop_pays_extra_shipments);
  const std::int64_t available = order.shipping.charged - order.shipping.refunded;
  if (!shipped_any || shop_paid) {
    q.shipping_basis = q.still_open == 0 ? ShippingBasis::order_cancelled : ShippingBasis::proportional;
  } else {
    switch (engine.policy().refunds.shipping_after_partial) {
      case ShippingAfterPartial::proportional:
        q.shipping_basis = ShippingBasis::proportional;
        break;
      case ShippingAfterPartial::none:
        q.shipping_basis = ShippingBasis::none;
        break;
      case ShippingAfterPartial::full:
        q.shipping_basis = ShippingBasis::full;
        break;
    }
  }
  switch (q.shipping_basis) {
    case ShippingBasis::order_cancelled:
    case ShippingBasis::full:
      q.shipping = available;
      break;
    case ShippingBasis::proportional:
      q.shipping = std::min(shipping_share, available);
      break;
    case ShippingBasis::none:
      q.shipping = 0;
      break;
  }
  q.total += q.shipping;

  const Jurisdiction j = order.jurisdiction ? *order.jurisdiction : *engine.policy().refunds.jurisdiction;
  q.deadline = deadline_for(engine, j, order.payment, now);
  return q;
}

}  // namespace backorder
