// The durable ledger: who waits for what, what they were promised, and the messages they are due.
// Opened by URL: "sqlite:PATH" or "sqlite::memory:" (the embedded default) or "postgresql://..." (libpq, for
// shops whose workers run on several processes or machines). Events (docs/store.md) are applied in one
// transaction each, idempotently by event id; in the same transaction the affected promises are recomputed
// and the messages due are rendered into the outbox, which the host drains and sends itself.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backorder/engine.hpp"

namespace backorder {

// The support desk brief of one order (docs/store.md#support-desk-and-report).
struct BriefRequest {
  Instant now = 0;
  std::string locale;  // the agent's; "" = the policy's
};

// The merchant report (docs/store.md#support-desk-and-report).
struct ReportRequest {
  Instant now = 0;
};

struct StoreOptions {
  // Signs the links in messages (HMAC-SHA256). Needed for notify-me subscriptions; at least 16 bytes.
  std::string secret;
  int busy_timeout_ms = 10000;  // SQLite: how long a writer waits for another process's lock
};

// A message in the outbox, rendered in the shopper's locale when it was written.
struct OutboxMessage {
  std::int64_t id = 0;
  std::string key;       // deterministic idempotency key: a sender drops a message whose key it has sent
  std::string kind;      // "confirmation", "eta_update", "delay", "arrived", "shipped", "back_in_stock",
                         // "delay_notice", "cancelled" (docs/store.md#messages)
  std::string order_id;  // "" for back_in_stock
  std::string recipient, locale;
  std::string subject, text, html;
  Instant created_at = 0, available_at = 0;
  int attempts = 0;   // times handed out by claim
  std::string state;  // "pending", "leased" or "sent"
};

// One shop's ledger (the engine's policy names the shop; every row is scoped by it, so two shops can share a
// database and never see each other's data). Not thread-safe: one handle per thread; many handles, in many
// processes, may share one database.
class Store {
 public:
  // Runs the schema migrations the database lacks. Throws Error(invalid, "url") for a URL it cannot open,
  // Error(invalid, "options.secret") for a secret too short.
  static std::unique_ptr<Store> open(std::shared_ptr<const Engine> engine, std::string_view url,
                                     StoreOptions options = {});
  ~Store();

  const std::string& shop() const;
  std::string_view backend() const;  // "sqlite" or "postgresql"
  const Engine& engine() const;

  // One event (an object) or several (an array) (docs/store.md#events). A batch is one transaction: all of it
  // or, when any event is bad, none (ValidationError with paths such as "[3].lines[0].quantity"; a single
  // event's paths have no index). An event id seen before is skipped ("duplicate"). Returns
  // {"results": [{"id", "type", "status": "applied" | "duplicate", "moved": lines whose window moved,
  //  "messages": messages written, "token": for "subscribed"}]}.
  std::string apply_json(std::string_view events_json);

  // Hands out up to `max` messages that are due at `now` and not leased, oldest first, at most one per order
  // at a time and in order, leased for `lease_seconds`; an expired lease makes a message claimable again.
  std::vector<OutboxMessage> claim(int max, int lease_seconds, Instant now);
  // Settles claimed messages: ack = delivered, never handed out again; release = claimable again at once.
  // Unknown ids are ignored (a sender may settle twice).
  void ack(std::span<const std::int64_t> ids);
  void release(std::span<const std::int64_t> ids);
  // Messages in the outbox, oldest first: state "" = any, else "pending", "leased" or "sent".
  std::vector<OutboxMessage> outbox(std::string_view state, int limit, Instant now);

  // An order as the ledger knows it: lines with quantities (ordered, shipped, cancelled, waiting), the
  // window promised at checkout, the current window and the one last told to the shopper, the consent record,
  // shipments. Throws Error(not_found, "order_id").
  std::string order_json(std::string_view order_id);
  // Labels and checkout plans over the ledger's facts, as bo_promises_labels_json and
  // bo_promises_checkout_json answer them (the request gives "now").
  std::string labels_json(std::string_view request_json);
  std::string checkout_json(std::string_view request_json);

  // What a support agent can say and offer for an order now, in the agent's locale: an acknowledgement, each
  // waiting line's current date with its source (a purchase order, stock, the supplier's lead time) against
  // the promise, the options (wait, cancel with a full refund, an in-stock alternative), the remedies the
  // policy lets the agent offer within its budgets and those already given, the policy lines behind them,
  // and next steps; each as text and as data. Changes nothing. Throws Error(not_found, "order_id").
  std::string brief_json(std::string_view order_id, const BriefRequest& request);
  // Per item with waiting orders: units and orders waiting, the oldest wait, promises at risk, the next
  // inbound supply, and the compliance deadlines coming due. Changes nothing.
  std::string report_json(const ReportRequest& request);

  struct Impl;  // defined in core's sources only; named here so they can reach it

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The same calls as JSON (docs/store.md#outbox), for the C ABI and the CLI. Messages are objects with "id",
// "key", "kind", "order_id", "recipient", "locale", "subject", "text", "html", "created_at", "available_at"
// (local ISO 8601), "attempts" and "state".
// {"max", "lease_seconds", "now"} -> {"messages": [...]}
std::string store_claim_json(Store& store, std::string_view request_json);
// {"state", "limit", "now"} -> {"messages": [...]}
std::string store_outbox_json(Store& store, std::string_view request_json);
// {"order_id", "now", "locale"} -> the brief; {"now"} -> the report.
std::string store_brief_json(Store& store, std::string_view request_json);
std::string store_report_json(Store& store, std::string_view request_json);
// bo_store_open's options, {"secret", "busy_timeout_ms"}; "" = the defaults.
StoreOptions store_options_from_json(std::string_view options_json);

}  // namespace backorder
