// Checkout: a cart turned into a plan the storefront can show. Per line what ships now and what waits, the
// options (wait, notify me, an in-stock alternative, remove), ship-available-now versus ship-together with
// dates and charges, disclosures in the shopper's language, payment advice, and the consent record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "backorder/labels.hpp"
#include "backorder/promise.hpp"

namespace backorder {

struct CartLine {
  std::string line_id;
  std::string sku;
  std::int64_t quantity = 1;
  std::optional<std::int64_t> unit_price;  // minor units; the catalog price when absent
};

struct Customer {
  std::string locale;  // "" = the policy's
  std::string zone;    // destination zone for transit
  std::string tier;
};

struct Cart {
  std::string currency;  // must be the policy's
  std::vector<CartLine> lines;
  Customer customer;
};

enum class LineOption { wait, notify_me, alternative, remove };
const char* option_name(LineOption o);

struct Alternative {
  std::string sku, name;
  std::int64_t price = 0;
  Label label;
};

struct PlanLine {
  std::string line_id, sku, name;
  std::int64_t quantity = 0, unit_price = 0, amount = 0;
  Label label;
  bool preorder = false;
  std::vector<LineOption> options;  // empty when everything ships now
  std::vector<Alternative> alternatives;
};

struct ShipmentItem {
  std::string line_id;
  std::int64_t quantity = 0;
  std::size_t line = 0;  // its line's index in the plan
};

struct Shipment {
  std::vector<ShipmentItem> items;
  Window ship, delivery;
  std::int64_t charge = 0;  // what this shipment costs to send, by the default method's prices
};

struct PaymentAdvice {
  enum class Kind { authorize_now, charge_now, charge_at_shipment } kind = Kind::authorize_now;
  Day latest_ship = 0;
  Instant authorization_expires = 0;
};
const char* payment_name(PaymentAdvice::Kind k);

struct StrategyPlan {
  Strategy id = Strategy::ship_together;
  std::vector<Shipment> shipments;
  std::int64_t shipping_total = 0, customer_pays = 0, shop_pays = 0;
  Window complete;  // when the last shipment ships
  PaymentAdvice payment;
  std::string disclosure;  // what choosing it means, in the shopper's words
};
const char* strategy_name(Strategy s);

struct Disclosure {
  std::string kind;  // "backorder", "preorder", "cancellation", "payment"
  std::string line_id;
  std::string text;
};

struct CheckoutPlan {
  Instant now = 0;
  std::string locale, currency, policy_hash;
  std::int64_t subtotal = 0;
  std::vector<PlanLine> lines;
  bool mixed = false;  // some items can ship now and some wait: the shopper may choose
  std::vector<StrategyPlan> strategies;
  std::int64_t cost_difference = 0;  // what ship_available costs the shopper over ship_together
  Strategy default_strategy = Strategy::ship_together;
  Strategy recommended_strategy = Strategy::ship_together;
  std::string recommendation;  // why: "no_extra_cost", "sooner", "one_shipment"
  std::vector<Disclosure> disclosures;
};

// Throws ValidationError with paths such as "cart.lines[2].quantity". The labeler must be in the shopper's
// locale at the book's moment; texts in the plan live as long as it.
CheckoutPlan plan_checkout(const PromiseBook& book, const Cart& cart, Labeler& labeler);

}  // namespace backorder
