// 10,000 random orders (seeded), each cancelled in random steps until nothing is left open. Every quote must
// sum exactly to the minor unit, never refund more than is left of what was paid, and, over all the steps,
// refund exactly what was paid for what did not ship (everything, shipping included, when nothing shipped).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>

#include "backorder/money.hpp"
#include "backorder/refunds.hpp"
#include "test_support.hpp"

using namespace backorder;
using nlohmann::json;

namespace {

std::shared_ptr<const Engine> engine_for(const char* rule) {
  json p = json::parse(test::apparel_policy());
  p["refunds"] = {{"shipping_after_partial", rule}};
  return Engine::from_json(p.dump());
}

std::int64_t half_up(std::int64_t a, std::int64_t b, std::int64_t c) {
  return static_cast<std::int64_t>((2 * static_cast<__int128>(a) * b + c) / (2 * static_cast<__int128>(c)));
}

// What the shopper paid for each line (items after its discount share, plus tax when prices exclude it),
// worked out here on its own from the order: the reference the quotes are checked against.
std::vector<std::int64_t> paid_per_line(const PaidOrder& o) {
  std::vector<std::int64_t> weights;
  std::int64_t discount = 0;
  for (const auto& l : o.lines) weights.push_back(l.quantity * l.unit_price);
  for (const auto& d : o.discounts) discount += d.amount;
  std::vector<std::int64_t> shares =
      discount > 0 ? allocate(discount, weights) : std::vector<std::int64_t>(o.lines.size(), 0);
  std::vector<std::int64_t> paid;
  for (std::size_t i = 0; i < o.lines.size(); ++i) {
    const PaidLine& l = o.lines[i];
    const std::int64_t net = weights[i] - shares[i];
    std::int64_t tax = 0;
    if (l.tax.kind == LineTax::Kind::rate)
      tax = o.tax_included ? half_up(net, l.tax.rate_bp, 10'000 + l.tax.rate_bp)
                           : half_up(net, l.tax.rate_bp, 10'000);
    if (l.tax.kind == LineTax::Kind::amount) tax = l.tax.amount;
    paid.push_back(l.deposit ? *l.deposit : net + (o.tax_included ? 0 : tax));
  }
  return paid;
}

PaidOrder random_order(std::mt19937_64& rng) {
  auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  PaidOrder o;
  o.currency = "USD";
  o.tax_included = pick(0, 1) == 1;
  o.payment = static_cast<PaymentMethod>(pick(0, 3));
  o.jurisdiction = static_cast<Jurisdiction>(pick(0, 2));
  const std::int64_t n = pick(1, 6);
  std::int64_t items = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    PaidLine l;
    l.line_id = std::to_string(i + 1);
    l.quantity = pick(1, 12);
    l.unit_price = pick(0, 9) == 0 ? 0 : pick(1, 60'000);
    l.shipped = pick(0, 3) == 0 ? pick(0, l.quantity) : 0;
    l.cancelled = pick(0, 4) == 0 ? pick(0, l.quantity - l.shipped) : 0;
    items += l.quantity * l.unit_price;
    o.lines.push_back(std::move(l));
  }
  if (items > 0) {
    for (std::int64_t k = pick(0, 2); k > 0; --k) o.discounts.push_back({"", pick(0, items / 3)});
  }
  std::int64_t discount = 0;
  for (const auto& d : o.discounts) discount += d.amount;
  for (PaidLine& l : o.lines) {
    // Bounds that hold whatever the line's discount share: it is at most the whole discount.
    const std::int64_t floor_net = std::max<std::int64_t>(0, l.quantity * l.unit_price - discount);
    switch (pick(0, 2)) {
      case 0:
        break;
      case 1:
        l.tax = {LineTax::Kind::rate, pick(0, 2'500), 0};
        break;
      default:
        l.tax = {LineTax::Kind::amount, 0, pick(0, floor_net / 4)};
    }
    if (pick(0, 9) == 0) l.deposit = pick(0, floor_net);
  }
  o.shipping.charged = pick(0, 3) == 0 ? 0 : pick(1, 2'500);
  if (pick(0, 2) == 0) o.shipping.shop_paid_extra_shipments = pick(0, 1) == 1;
  // Make sure something is left to cancel.
  bool open = false;
  for (const auto& l : o.lines) open = open || l.quantity - l.shipped - l.cancelled > 0;
  if (!open) {
    o.lines[0].shipped = 0;
    o.lines[0].cancelled = 0;
  }
  return o;
}

}  // namespace

TEST(RefundProperty, TenThousandRandomOrdersSumExactlyAndNeverRefundMoreThanPaid) {
  const std::shared_ptr<const Engine> engines[] = {engine_for("proportional"), engine_for("none"),
                                                   engine_for("full")};
  std::mt19937_64 rng(20261130);
  auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const Instant now = test::monday_morning();
  int quotes = 0;

  for (int n = 0; n < 10'000; ++n) {
    const Engine& engine = *engines[pick(0, 2)];
    PaidOrder o = random_order(rng);
    SCOPED_TRACE("order " + std::to_string(n));
    const std::vector<std::int64_t> paid = paid_per_line(o);
    // Units settled before the first step (shipped or cancelled) keep their cumulative share of the line.
    std::vector<std::int64_t> settled(o.lines.size()), refunded(o.lines.size(), 0);
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
      const PaidLine& l = o.lines[i];
      settled[i] = l.shipped + l.cancelled;
    }
    bool nothing_settled = std::all_of(settled.begin(), settled.end(), [](auto s) { return s == 0; });
    std::int64_t shipping_back = 0, all_back = 0;

    for (int step = 0;; ++step) {
      std::int64_t open = 0;
      for (const auto& l : o.lines) open += l.quantity - l.shipped - l.cancelled;
      if (open == 0) break;
      Cancellation c;
      c.all = pick(0, 3) == 0;
      if (!c.all) {
        for (const PaidLine& l : o.lines) {
          const std::int64_t left = l.quantity - l.shipped - l.cancelled;
          if (left > 0 && pick(0, 1) == 1) c.lines.push_back({l.line_id, pick(1, left)});
        }
        if (c.lines.empty()) c.all = true;
      }
      RefundQuote q = quote_refund(engine, o, c, now);
      ++quotes;

      std::int64_t total = 0, items = 0, discount = 0, tax = 0, deposit = 0;
      for (const RefundLine& r : q.lines) {
        auto it = std::find_if(o.lines.begin(), o.lines.end(),
                               [&](const PaidLine& l) { return l.line_id == r.line_id; });
        ASSERT_NE(it, o.lines.end());
        const std::size_t i = static_cast<std::size_t>(it - o.lines.begin());
        ASSERT_GE(r.items, 0);
        ASSERT_GE(r.discount, 0);
        ASSERT_GE(r.tax, 0);
        ASSERT_GE(r.deposit, 0);
        ASSERT_GE(r.total, 0);
        ASSERT_LE(r.discount, r.items);
        ASSERT_EQ(r.total, r.items - r.discount + (o.tax_included ? 0 : r.tax) + r.deposit);
        if (it->deposit) {
          ASSERT_EQ(r.items, 0);
        }
        refunded[i] += r.total;
        // Never more than is left of what was paid for the line.
        ASSERT_LE(refunded[i], paid[i]) << "line " << r.line_id;
        total += r.total;
        items += r.items;
        discount += r.discount;
        tax += r.tax;
        deposit += r.deposit;
        it->cancelled += r.quantity;
      }
      ASSERT_EQ(q.items, items);
      ASSERT_EQ(q.discount, discount);
      ASSERT_EQ(q.tax, tax);
      ASSERT_EQ(q.deposit, deposit);
      ASSERT_EQ(q.total, total + q.shipping);
      ASSERT_GE(q.shipping, 0);
      ASSERT_LE(q.shipping, o.shipping.charged - o.shipping.refunded);
      shipping_back += q.shipping;
      all_back += q.total;
      o.shipping.refunded += q.shipping;
      ASSERT_LT(step, 100);
    }

    // Over all the steps: each line exactly what was paid for its units that did not ship (or were not
    // cancelled before), by the cumulative rule; and no more shipping than was charged.
    std::int64_t lines_back = 0;
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
      const PaidLine& l = o.lines[i];
      if (settled[i] == 0) {
        ASSERT_EQ(refunded[i], paid[i]) << "line " << l.line_id;
      }
      lines_back += refunded[i];
    }
    ASSERT_LE(shipping_back, o.shipping.charged);
    ASSERT_EQ(all_back, lines_back + shipping_back);
    if (nothing_settled) {
      std::int64_t everything = o.shipping.charged;
      for (auto p : paid) everything += p;
      ASSERT_EQ(all_back, everything) << "a whole order cancelled before shipping refunds all that was paid";
    }
  }
  EXPECT_GE(quotes, 10'000);
}
