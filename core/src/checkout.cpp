#include "backorder/checkout.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "backorder/error.hpp"
#include "backorder/limits.hpp"

namespace backorder {

const char* option_name(LineOption o) {
  switch (o) {
    case LineOption::wait:
      return "wait";
    case LineOption::notify_me:
      return "notify_me";
    case LineOption::alternative:
      return "alternative";
    case LineOption::remove:
      return "remove";
  }
  return "";
}

const char* strategy_name(Strategy s) {
  return s == Strategy::ship_available ? "ship_available" : "ship_together";
}

const char* payment_name(PaymentAdvice::Kind k) {
  switch (k) {
    case PaymentAdvice::Kind::authorize_now:
      return "authorize_now";
    case PaymentAdvice::Kind::charge_now:
      return "charge_now";
    case PaymentAdvice::Kind::charge_at_shipment:
      return "charge_at_shipment";
  }
  return "";
}

namespace {

constexpr std::int64_t kMaxAmount = limits::kAmount;

std::string at(std::size_t i, const char* field) { return "cart.lines[" + std::to_string(i) + "]." + field; }

// How alike a candidate is to the item a shopper cannot have now, most important first: same category, then
// each attribute in the policy's order, then the price band (bits from high to low), then the nearest price.
struct Likeness {
  std::uint32_t matches = 0;
  std::int64_t price_gap = 0;
  bool operator<(const Likeness& o) const {
    return matches != o.matches ? matches > o.matches : price_gap < o.price_gap;
  }
};

Likeness likeness(const CheckoutPolicy& cp, const PromiseBook& book, std::size_t want_at,
                  std::size_t cand_at) {
  const Item &want = book.item_at(want_at), &cand = book.item_at(cand_at);
  Likeness l;
  auto bit = [&](bool same) { l.matches = (l.matches << 1) | (same ? 1u : 0u); };
  bit(!want.category.empty() && want.category == cand.category);
  auto a = book.match_values(want_at), b = book.match_values(cand_at);
  for (std::size_t i = 0; i < a.size(); ++i) bit(!a[i].empty() && a[i] == b[i]);
  std::int64_t gap = want.price && cand.price ? std::abs(*want.price - *cand.price) : kMaxAmount;
  bit(want.price && cand.price && gap * 100 <= *want.price * cp.price_band_percent);
  l.price_gap = gap;
  return l;
}

// Charges are summed only after the cart's amounts passed their checks; a cart whose charges would still
// pass the limit (many units at a high price per item) is refused whole.
std::int64_t amount_or_refuse(std::optional<std::int64_t> v) {
  if (!v) {
    throw ValidationError(
        {{"cart.lines", "shipping charges pass " + std::to_string(kMaxAmount) + " minor units"}});
  }
  return *v;
}

std::int64_t charge(const ShippingPolicy& sp, std::int64_t units) {
  if (sp.methods.empty()) return 0;
  const ShippingMethod& m = sp.methods.front();
  auto per_items = multiply_amount(m.per_item, units);
  return amount_or_refuse(per_items ? add_amounts(m.per_shipment, *per_items) : std::nullopt);
}

Window span(const Window& a, const Window& b) {
  Window w = a;
  if (b.from > w.from) w.from = b.from, w.min_days = b.min_days;
  if (b.to > w.to) w.to = b.to, w.max_days = b.max_days;
  return w;
}

}  // namespace

CheckoutPlan plan_checkout(const PromiseBook& book, const Cart& cart, Labeler& labeler) {
  const Policy& policy = book.engine().policy();
  const CheckoutPolicy& cp = policy.checkout;
  const Calendar& cal = book.engine().calendar();
  std::vector<Issue> issues;
  if (cart.currency != std::string(policy.currency.view())) {
    issues.push_back({"cart.currency", "the shop sells in " + std::string(policy.currency.view()) +
                                           (cart.currency.empty() ? "" : ", not " + cart.currency)});
  }
  if (cart.lines.empty()) issues.push_back({"cart.lines", "a cart needs at least one line"});
  if (cart.lines.size() > limits::kCartLines) {
    issues.push_back({"cart.lines", "more than " + std::to_string(limits::kCartLines) + " lines"});
    throw ValidationError(std::move(issues));
  }
  std::optional<std::int64_t> subtotal = 0;
  std::unordered_set<std::string_view> ids;
  ids.reserve(cart.lines.size());
  for (std::size_t i = 0; i < cart.lines.size(); ++i) {
    const CartLine& l = cart.lines[i];
    if (l.line_id.empty())
      issues.push_back({at(i, "line_id"), "required"});
    else if (!ids.insert(l.line_id).second)
      issues.push_back({at(i, "line_id"), "listed twice"});
    const Item* item = book.item(l.sku);
    if (!item) issues.push_back({at(i, "sku"), "no item with sku \"" + l.sku + "\""});
    const bool quantity_ok = l.quantity >= 1 && l.quantity <= limits::kCartQuantity;
    if (l.quantity < 1)
      issues.push_back({at(i, "quantity"), "must be at least 1"});
    else if (!quantity_ok)
      issues.push_back({at(i, "quantity"), "must be at most " + std::to_string(limits::kCartQuantity)});
    if (l.unit_price && (*l.unit_price < 0 || *l.unit_price > kMaxAmount)) {
      issues.push_back({at(i, "unit_price"), "out of range"});
    } else if (item && !l.unit_price && !item->price) {
      issues.push_back({at(i, "unit_price"), "required: the catalog has no price for this item"});
    } else if (item && l.unit_price && item->price && cp.prices_must_match && *l.unit_price != *item->price) {
      issues.push_back(
          {at(i, "unit_price"), "does not match the catalog price " + std::to_string(*item->price)});
    } else if (item && quantity_ok) {
      // Prices and quantities within their limits can still multiply and add up past any int64_t.
      auto amount = multiply_amount(l.unit_price.value_or(item->price.value_or(0)), l.quantity);
      if (!amount) {
        issues.push_back({"cart.lines[" + std::to_string(i) + "]",
                          "unit_price × quantity passes " + std::to_string(kMaxAmount) + " minor units"});
      } else if (subtotal) {
        subtotal = add_amounts(*subtotal, *amount);
        if (!subtotal) {
          issues.push_back(
              {"cart.lines", "the subtotal passes " + std::to_string(kMaxAmount) + " minor units"});
        }
      }
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));

  CheckoutPlan plan;
  plan.lines.reserve(cart.lines.size());
  plan.now = book.today().now;
  plan.locale = labeler.locale();
  plan.currency = cart.currency;
  plan.policy_hash = policy.hash;
  std::unordered_map<std::size_t, std::int64_t> in_cart;  // units of each item in earlier lines
  std::unordered_map<std::size_t, std::vector<std::pair<Likeness, std::uint32_t>>> rankings;  // by item
  for (const CartLine& l : cart.lines) {
    const std::size_t index = book.find_item(l.sku);
    const Item& item = book.item_at(index);
    PlanLine pl;
    pl.line_id = l.line_id;
    pl.sku = l.sku;
    pl.name = item.name.empty() ? item.sku : item.name;
    pl.quantity = l.quantity;
    pl.unit_price = l.unit_price.value_or(item.price.value_or(0));
    pl.amount = pl.unit_price * pl.quantity;  // within limits::kAmount, and so is the sum: checked above
    plan.subtotal += pl.amount;
    std::int64_t& ahead = in_cart[index];
    pl.label = labeler.label(book.availability_at(index, l.quantity, ahead));
    ahead += l.quantity;
    const Availability& a = pl.label.availability;
    pl.preorder = a.status == Status::preorder;
    if (a.ship_now < a.quantity) {
      if (a.later > 0) pl.options.push_back(LineOption::wait);
      if (a.notify_me) pl.options.push_back(LineOption::notify_me);
      if (!pl.preorder && cp.alternatives_max > 0) {
        // Rank by likeness first (cheap, once per sku), then ask availability in rank order until enough
        // can ship now.
        auto& ranked = rankings[index];
        if (ranked.empty()) {
          const auto& pool = book.items_in_category(item.category);
          ranked.reserve(pool.size());
          for (std::uint32_t k : pool) {
            const Item& cand = book.item_at(k);
            if (cand.sku != item.sku && !cand.discontinued)
              ranked.emplace_back(likeness(cp, book, index, k), k);
          }
          std::stable_sort(ranked.begin(), ranked.end(),
                           [](const auto& x, const auto& y) { return x.first < y.first; });
        }
        for (const auto& [score, k] : ranked) {
          if (pl.alternatives.size() >= static_cast<std::size_t>(cp.alternatives_max)) break;
          const Item& cand = book.item_at(k);
          auto taken = in_cart.find(k);
          Availability ca = book.availability_at(k, l.quantity, taken == in_cart.end() ? 0 : taken->second);
          if (ca.ship_now < l.quantity) continue;  // only what can ship now is an alternative
          pl.alternatives.push_back({cand.sku, cand.name.empty() ? cand.sku : cand.name,
                                     cand.price.value_or(0), labeler.label(ca)});
        }
        if (!pl.alternatives.empty()) pl.options.push_back(LineOption::alternative);
      }
      pl.options.push_back(LineOption::remove);
    }
    plan.lines.push_back(std::move(pl));
  }

  // Shipments: what ships now, what waits (grouped by window), pre-orders on their own.
  Shipment now_ship;
  std::map<std::pair<Day, Day>, Shipment> later, pre;
  for (const PlanLine& pl : plan.lines) {
    const Availability& a = pl.label.availability;
    if (a.ship_now > 0) {
      now_ship.items.push_back({pl.line_id, a.ship_now});
      now_ship.ship = a.now_window;
    }
    if (a.later > 0) {
      auto& s = (pl.preorder ? pre : later)[{a.later_window.from, a.later_window.to}];
      s.items.push_back({pl.line_id, a.later});
      s.ship = a.later_window;
    }
  }
  plan.mixed = !later.empty() && (!now_ship.items.empty() || later.size() > 1);
  const ShippingPolicy& sp = policy.shipping;
  const bool free =
      !sp.methods.empty() && sp.methods.front().free_over && plan.subtotal >= *sp.methods.front().free_over;
  auto units = [](const Shipment& s) {
    std::int64_t n = 0;
    for (const auto& i : s.items) n += i.quantity;
    return n;
  };
  auto finish = [&](StrategyPlan& sp_, const std::string& zone) {
    for (auto& s : sp_.shipments) {
      s.charge = charge(sp, units(s));
      s.delivery = book.delivery(s.ship, zone);
      sp_.shipping_total = amount_or_refuse(add_amounts(sp_.shipping_total, s.charge));
      sp_.complete = sp_.shipments.size() == 1 || s.ship.to >= sp_.complete.to ? span(sp_.complete, s.ship)
                                                                               : sp_.complete;
    }
    sp_.complete = sp_.shipments.empty() ? Window{} : sp_.shipments.front().ship;
    for (auto& s : sp_.shipments) sp_.complete = span(sp_.complete, s.ship);
  };

  // Ship together: everything not a pre-order in one shipment at the latest window.
  StrategyPlan together;
  together.id = Strategy::ship_together;
  {
    Shipment all;
    bool first = true;
    for (const Shipment* s : {&now_ship}) {
      if (s->items.empty()) continue;
      all.items = s->items;
      all.ship = s->ship;
      first = false;
    }
    for (auto& [key, s] : later) {
      for (const auto& it : s.items) all.items.push_back(it);
      all.ship = first ? s.ship : span(all.ship, s.ship);
      first = false;
    }
    if (!all.items.empty()) together.shipments.push_back(std::move(all));
    for (auto& [key, s] : pre) together.shipments.push_back(s);
    finish(together, cart.customer.zone);
  }
  // The charge the shopper would pay for one shipment is the baseline; free shipping covers it.
  const std::int64_t baseline = together.shipments.empty() ? 0 : together.shipments.front().charge;
  auto settle = [&](StrategyPlan& s) {
    std::int64_t extra = s.shipping_total - baseline;
    std::int64_t base = free ? 0 : baseline;
    s.customer_pays = base + (sp.shop_pays_extra_shipments ? 0 : extra);
    s.shop_pays = s.shipping_total - s.customer_pays;
  };
  settle(together);

  StrategyPlan available;
  available.id = Strategy::ship_available;
  if (!now_ship.items.empty()) available.shipments.push_back(now_ship);
  for (auto& [key, s] : later) available.shipments.push_back(s);
  for (auto& [key, s] : pre) available.shipments.push_back(s);
  finish(available, cart.customer.zone);
  settle(available);

  // Payment: an authorization holds for a few days; a shipment later than that needs another plan.
  const Instant auth_expires = plan.now + static_cast<Instant>(cp.authorization_days) * 86'400'000;
  const Day last_safe_day = cal.local_day(auth_expires - 86'400'000);
  auto advise = [&](StrategyPlan& s) {
    s.payment.latest_ship = s.complete.to;
    s.payment.authorization_expires = auth_expires;
    if (s.complete.to <= last_safe_day)
      s.payment.kind = PaymentAdvice::Kind::authorize_now;
    else
      s.payment.kind = cp.charge_now_beyond_authorization ? PaymentAdvice::Kind::charge_now
                                                          : PaymentAdvice::Kind::charge_at_shipment;
  };
  advise(together);
  advise(available);

  // The shopper's words for each strategy.
  std::int64_t later_count = 0;
  Window later_span{};
  bool any_later = false;
  for (const Shipment& s : available.shipments) {
    if (&s == &available.shipments.front() && !now_ship.items.empty()) continue;
    later_span = any_later ? span(later_span, s.ship) : s.ship;
    any_later = true;
    ++later_count;
  }
  if (!together.shipments.empty()) {
    together.disclosure = labeler.format(
        "disclosure_ship_together", {{"dates", labeler.format_dates(together.shipments.front().ship.from,
                                                                    together.shipments.front().ship.to)}});
  }
  if (plan.mixed && !now_ship.items.empty()) {
    available.disclosure =
        labeler.format("disclosure_ship_available",
                       {{"now_dates", labeler.format_dates(now_ship.ship.from, now_ship.ship.to)},
                        {"later_dates", labeler.format_dates(later_span.from, later_span.to)},
                        {"extra", later_count}});
  } else {
    available.disclosure = together.disclosure;
  }

  if (plan.mixed) {
    plan.strategies = {std::move(available), std::move(together)};
    plan.cost_difference = plan.strategies[0].customer_pays - plan.strategies[1].customer_pays;
    plan.default_strategy = cp.default_strategy;
    const int sooner = plan.strategies[1].shipments.empty() || now_ship.items.empty()
                           ? 0
                           : plan.strategies[1].shipments.front().ship.from - now_ship.ship.from;
    if (plan.cost_difference <= 0) {
      plan.recommended_strategy = Strategy::ship_available, plan.recommendation = "no_extra_cost";
    } else if (sooner >= cp.split_after_days) {
      plan.recommended_strategy = Strategy::ship_available, plan.recommendation = "sooner";
    } else {
      plan.recommended_strategy = Strategy::ship_together, plan.recommendation = "one_shipment";
    }
  } else {
    plan.strategies = {std::move(together)};
    plan.default_strategy = plan.recommended_strategy = Strategy::ship_together;
    plan.recommendation = "one_shipment";
  }

  // Disclosures: every line that waits, the right to cancel, how payment works.
  bool waits = false;
  for (const PlanLine& pl : plan.lines) {
    const Availability& a = pl.label.availability;
    if (a.later == 0) continue;
    waits = true;
    if (pl.preorder) {
      plan.disclosures.push_back(
          {"preorder", pl.line_id,
           labeler.format("disclosure_preorder",
                          {{"name", pl.name}, {"date", labeler.format_date(a.later_window.from)}})});
    } else {
      plan.disclosures.push_back(
          {"backorder", pl.line_id,
           labeler.format("disclosure_backorder",
                          {{"name", pl.name},
                           {"later", a.later},
                           {"dates", labeler.format_dates(a.later_window.from, a.later_window.to)}})});
    }
  }
  if (waits) plan.disclosures.push_back({"cancellation", "", labeler.format("disclosure_cancellation", {})});
  const StrategyPlan& chosen = plan.strategies[plan.default_strategy == Strategy::ship_available && plan.mixed
                                                   ? 0
                                                   : plan.strategies.size() - 1];
  if (chosen.payment.kind == PaymentAdvice::Kind::charge_at_shipment) {
    plan.disclosures.push_back({"payment", "", labeler.format("disclosure_charge_at_shipment", {})});
  } else if (chosen.payment.kind == PaymentAdvice::Kind::charge_now) {
    plan.disclosures.push_back(
        {"payment", "",
         labeler.format("disclosure_charge_now", {{"date", labeler.format_date(chosen.complete.to)}})});
  }
  return plan;
}

}  // namespace backorder
