// The JSON wire formats (docs/json.md): what the C ABI and the CLI exchange. Versioned with the policy.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "backorder/checkout.hpp"
#include "backorder/engine.hpp"
#include "backorder/labels.hpp"
#include "backorder/promise.hpp"

namespace backorder {

// One label. Request: {"item": {...}, "stock": {...}, "quantity": 1, "locale": "en", "now": "ISO 8601"}.
// Throws ValidationError with paths such as "item.lead_time_days.min".
std::string label_json(std::shared_ptr<const Engine> engine, std::string_view request_json);

// A catalog: {"now", "locale", "items": [...], "stock": [...rows with sku...]}; stock rows join items by sku.
// A bad row does not abort the batch: it is reported in "errors" with its row index and path.
std::string labels_json(std::shared_ptr<const Engine> engine, std::string_view request_json);

// Promises (docs/json.md#promises). A scenario is {"now", "items", "stock", "supply", "suppliers", "orders"};
// errors name paths such as "supply[3].expected".
PromiseBook promise_book_from_json(std::shared_ptr<const Engine> engine, std::string_view scenario_json);
// Every waiting line with its windows, queue position and parts, and every open supply's window.
std::string promises_json(const PromiseBook& book);
// {"sku", "quantity", "zone"} -> where a new purchase would stand and when it would ship.
std::string quote_json(const PromiseBook& book, std::string_view request_json);
// One change (docs/json.md#changes) -> {"deltas": [...]}; a bad change throws and changes nothing.
std::string apply_json(PromiseBook& book, std::string_view change_json);
// Labels for items of the book ({"locale", "quantity", "skus": [...] or all}), windows from supply.
std::string book_labels_json(const PromiseBook& book, std::string_view request_json);

// Checkout (docs/json.md#checkout). The request holds the cart ({"currency", "lines": [...]}), the customer
// ({"locale", "zone", "tier"}) and, for checkout_json, the facts and "now" like a scenario.
std::string checkout_json(std::shared_ptr<const Engine> engine, std::string_view request_json);
std::string book_checkout_json(const PromiseBook& book, std::string_view request_json);
// The same plans kept as structs, with the Labeler that owns their label texts (the C ABI's typed reading).
// checkout_plan_json(kept.plan, kept.labeler->engine()) is what the calls above answer.
struct KeptCheckout {
  std::unique_ptr<Labeler> labeler;
  CheckoutPlan plan;
};
KeptCheckout checkout_plan(std::shared_ptr<const Engine> engine, std::string_view request_json);
KeptCheckout book_checkout_plan(const PromiseBook& book, std::string_view request_json);
// A plan as the JSON the checkout calls answer.
std::string checkout_plan_json(const CheckoutPlan& plan, const Engine& engine);
// {"plan": PLAN, "choice": {"strategy", "lines": {"LINE_ID": "wait" | "notify_me" | "remove" |
// {"alternative": "SKU"}}}, "now"} -> the consent record to keep with the order.
std::string consent_json(std::string_view request_json);
// Checks a consent record and returns it in canonical form: a record survives the round trip unchanged.
std::string consent_check_json(std::string_view record_json);

// One label as the JSON object docs/json.md describes (what label_json answers).
std::string label_to_json(const Label& label, std::string_view sku);

// {"valid": bool, "errors": [{"path", "message"}]} for a policy document. Never throws for bad input.
std::string validate_policy_json(std::string_view policy_json);

}  // namespace backorder
