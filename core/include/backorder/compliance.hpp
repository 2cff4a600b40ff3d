// Compliance: the rule packs (rule_pack.hpp) run over a listing or an order, giving findings with a due date,
// the action required and the citation (docs/compliance.md). Pure functions of their inputs: `now` is given.
// The ledger calls check_order() to schedule delay notices and automatic cancellations.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backorder/availability.hpp"
#include "backorder/engine.hpp"
#include "backorder/rule_pack.hpp"

namespace backorder {

struct Finding {
  std::string rule_id, pack;
  Severity severity = Severity::info;
  std::string message;     // the rule's message with its placeholders filled in
  std::optional<Day> due;  // when the action must happen (or should have); none for a standing fact
  std::string action;      // "send_delay_notice", "cancel_and_refund", "obtain_consent", "fix_listing", ...
  Citation citation;
  std::string path;  // the request field the finding is about ("order.notices[0].free_cancel"), or ""
};

// ---- listings ----------------------------------------------------------------------------------------

// A scarcity or urgency claim the page makes.
struct Claim {
  enum class Kind { only_left, low_stock, countdown, limited_time } kind = Kind::only_left;
  std::optional<std::int64_t> quantity;  // only_left: the N of "Only N left"
  std::optional<Instant> ends_at;        // countdown, limited_time: when the offer really ends
};
const char* claim_kind_name(Claim::Kind k);

// What a page or feed shows about availability (the engine's label or the shop's own words).
struct ShownAvailability {
  Status status = Status::in_stock;
  std::int64_t sellable = 0;                // the N behind "Only N left" when status is low_stock
  std::optional<Day> later_from, later_to;  // the backorder or pre-order ship window
  std::string merchant_availability;        // "backorder"
  std::string availability_date;            // ISO 8601 with offset, "" when none
};

struct MarketplaceListing {
  std::string fulfillment;  // "merchant" (the shop ships) or "marketplace" (the marketplace ships)
  std::string title, description;
};

struct ListingFacts {
  Instant now = 0;
  Item item;
  StockPosition stock;
  std::int64_t quantity = 1;
  // The label the page shows; none: the engine's label for item and stock at now.
  std::optional<ShownAvailability> label;
  std::vector<Claim> claims;           // page.claims
  std::string page_availability_date;  // a date the page states (ISO date or instant), "" when none
  std::string title, description;      // the shop's own page
  // Google Merchant feed values; has_feed false when no feed is given.
  bool has_feed = false;
  std::string feed_availability, feed_availability_date;
  std::vector<std::string> channels;  // "web", "google", "amazon", "ebay"; empty: the policy's
  std::string jurisdiction;           // upper case; empty: the policy's
  // The listing on each marketplace, by channel ("amazon", "ebay"): what the marketplace rules look at.
  std::map<std::string, MarketplaceListing> marketplaces;
};

// ---- orders ------------------------------------------------------------------------------------------

struct Reply {
  enum class Answer { consent, cancel } answer = Answer::consent;
  Instant at = 0;
};

// A delay option notice sent to the buyer. The first one sent is the first notice; later ones are renewed.
struct DelayNotice {
  Instant sent_at = 0;
  std::optional<Day> revised_date;     // the definite revised ship date
  bool indefinite = false;             // says no revised date can be given
  std::string reason;                  // why (required when indefinite)
  bool right_to_cancel = false;        // offers cancellation for a full, prompt refund
  bool free_cancel = false;            // gives a means to cancel at the seller's expense
  bool cancel_unless_consent = false;  // says the order is cancelled unless the buyer consents
  std::optional<Reply> reply;
  std::size_t index = 0;  // its place in the request, for paths
};

struct Payment {
  std::string method;                    // "card", "seller_credit", "cash", "check", "cod", ... ("" unknown)
  bool merchant_initiated = false;       // card: a merchant-initiated transaction
  std::optional<Instant> authorized_at;  // card: authorized, not yet captured
  std::optional<Instant> authorization_expires;  // when known exactly (the consent record's payment advice)
  std::optional<Instant> captured_at;
  std::optional<int> billing_cycle_days;  // seller credit: the buyer's billing cycle
};

struct OrderFacts {
  Instant now = 0;
  std::string order_id;
  std::string jurisdiction;  // upper case; empty: the policy's
  Instant placed_at = 0;
  std::optional<Instant> received_at;  // the complete order with payment, when later than placed_at
  // The shipping time stated to the buyer (the consent record's windows when not given).
  std::optional<Day> stated_ship_by;
  std::optional<Day> agreed_delivery_by;  // EU/UK: a delivery date agreed with the consumer
  bool credit_applied = false;            // the buyer applied to the shop for credit to pay
  bool timing_essential = false;          // EU/UK: the date was essential (the consumer said so)
  // The current promise: latest ship and delivery dates.
  std::optional<Day> ship_by, deliver_by;
  std::vector<DelayNotice> notices;  // in the order sent
  std::optional<Instant> shipped_at, delivered_at;
  std::optional<Instant> cancelled_at;
  bool cancelled_by_buyer = false;
  std::optional<Instant> refunded_at;
  std::string refund_method;                   // "original", "store_credit", ...
  std::optional<Day> additional_period_until;  // EU/UK: the further period the consumer set
  bool cannot_ship = false;                    // the shop has decided it can never ship
  std::string exemption;                       // FTC 435.3(a): "cod", "subscription", ...
  Payment payment;
};

// ---- checks ------------------------------------------------------------------------------------------

// The packs in force: the built-in ones, replaced or extended by the policy's compliance.packs, then by
// `extra` (a request's own packs), matching by pack id.
std::vector<const RulePack*> packs_in_force(const Engine& engine, const std::vector<RulePack>& extra = {});

// Findings sorted by due date (none last), then severity, pack and rule id. `applied` (optional) receives
// the ids of the packs that applied. Throws Error(invalid) for facts that cannot be checked.
std::vector<Finding> check_listing(const Engine& engine, const ListingFacts& facts,
                                   const std::vector<RulePack>& extra = {},
                                   std::vector<std::string>* applied = nullptr);
std::vector<Finding> check_order(const Engine& engine, const OrderFacts& facts,
                                 const std::vector<RulePack>& extra = {},
                                 std::vector<std::string>* applied = nullptr);

// JSON (docs/json.md#compliance): a request in, {"findings": [...], "packs": [...]} out. Throws
// ValidationError with every problem's path ("order.notices[1].sent_at") and checks nothing.
std::string check_listing_json(const Engine& engine, std::string_view request_json);
std::string check_order_json(const Engine& engine, std::string_view request_json);
// The packs in force as JSON: {"packs": [PACK, ...]} (a pack as docs/compliance.md describes it).
std::string rule_packs_json(const Engine& engine);

}  // namespace backorder
