// A generated apparel shop and a 50-line cart for the checkout benchmarks: a fixed seed gives the same shop,
// the same JSON bytes and the same cart every run, so C++, Python and PHP plan exactly the same cart.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "backorder/checkout.hpp"
#include "backorder/engine.hpp"
#include "backorder/promise.hpp"

namespace backorder::bench {

struct CheckoutSize {
  std::size_t items = 2'000;
  std::size_t categories = 100;  // capped at items / 5 so every category has a few items
  std::size_t cart_lines = 50;   // at least 12 (one line of each kind the cart mixes)
  std::uint64_t seed = 42;
};

struct CheckoutShop {
  Instant now = 0;
  Facts facts;
  Cart cart;
  std::size_t categories = 0;  // after the cap
};

// The engine from examples/apparel/policy.json (checkout: 3 alternatives matched on size then colour, price
// band 20 %, shipping 5.95 per shipment, free over 150.00, extra shipments paid by the shopper).
std::shared_ptr<const Engine> checkout_engine();
// Monday 30 November 2026, 09:00 in New York.
Instant checkout_now();

// Items are product families of a category (the category's garment, styles x 4 colours x 5 sizes), each item
// one variant: "C007-S01-NAVY-M", "Field jacket 2, navy, M", attributes size and colour, a price per style.
// Per block of 100 items, shuffled: 58 in stock, 10 low stock (1-3 left), 14 on backorder with purchase
// orders coming and customers waiting, 10 on backorder from the lead time alone, 4 pre-orders (release in 3
// weeks to 4 months, some with waiting pre-orders), 2 discontinued, 2 out of stock (backorders off). The cart
// (currency USD, customer en-US in zone US): in-stock lines (a fifth of them 2 units), 5 low-stock lines, 8
// backordered lines with supply, 4 backordered from the lead time, 1 pre-order, 1 low-stock line asking for
// more than is left (it splits), and 3 lines of one low-stock sku, 2 units each (the first ships, the second
// splits, the third waits).
CheckoutShop make_checkout_shop(const CheckoutSize& size);

// The scenario of docs/json.md#promises (what bo_promises_new, engine.promises() and $engine->promises()
// take), the cart ({"currency", "lines"}), the customer, and the book_checkout_json request holding both.
std::string scenario_json(const CheckoutShop& shop);
std::string cart_json(const CheckoutShop& shop);
std::string customer_json(const CheckoutShop& shop);
std::string request_json(const CheckoutShop& shop);

}  // namespace backorder::bench
