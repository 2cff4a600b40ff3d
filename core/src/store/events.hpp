// The ledger's events (docs/store.md#events), read and validated before anything is written, so a bad event
// is refused with its JSON path and changes nothing. Private to core.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../fact_reader.hpp"
#include "backorder/promise.hpp"

namespace backorder::detail {

struct Customer {
  std::string name, email, locale, zone, tier;
};

struct PlacedLine {
  std::string line_id, sku;
  std::int64_t quantity = 0;
  std::optional<std::int64_t> unit_price;
};

struct ShippedLine {
  std::string line_id;
  std::int64_t quantity = 0;
};

struct Subscription {
  std::string id, sku, contact, locale;
  std::int64_t quantity = 1;
};

// One event; the fields its type uses are set, the rest stay empty.
struct Event {
  std::string id, type;
  Instant at = 0;
  std::string body;  // the event as given, canonical (sorted keys): the event log keeps it

  Facts catalog;                       // catalog
  std::vector<std::string> item_docs;  // catalog: each item's canonical JSON, as stored
  std::string sku;                     // stock_*, delay_declared (or order_id), subscribed
  std::int64_t quantity = 0;           // stock_received
  std::string supply_id;               // stock_received (optional), supply_changed, supply_cancelled
  StockPosition position;              // stock_set
  Supply supply;                       // supply_added; supply_changed: the fields given below
  bool has_quantity = false, has_arrival = false, has_status = false;
  std::string order_id;           // order_placed, shipment_created, line_cancelled, delay_declared
  Customer customer;              // order_placed
  std::vector<PlacedLine> lines;  // order_placed
  int priority = 0;               // order_placed
  bool credit_applied =
      false;            // order_placed: the buyer applied to the shop for credit to pay (FTC: 50 days)
  std::string consent;  // order_placed: the consent record, canonical, or ""
  std::string paid;     // order_placed: what was paid (docs/json.md#refunds "order"), or ""
  std::string shipment_id, carrier, tracking;  // shipment_created
  std::vector<ShippedLine> shipped;            // shipment_created
  std::string line_id;                         // line_cancelled: "" = every waiting line of the order
  std::string cause;                           // delay_declared, line_cancelled (reason)
  Subscription subscription;                   // subscribed
  std::string subscription_id, token;          // unsubscribed: by id (the shop's own page) or by signed token
  std::string answer;                          // delay_reply: "consent" or "cancel"
};

// Reads one event at `path` ("" for a single event, "[3]" in a batch). Problems go to r with their paths.
Event read_event(const json& j, const std::string& path, Reader& r);

}  // namespace backorder::detail
