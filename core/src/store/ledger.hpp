// What the Store's parts share: the open connection, the shop, and the steps of applying one event.
// Private to core.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "backorder/compliance.hpp"
#include "backorder/promise.hpp"
#include "backorder/store.hpp"
#include "db.hpp"
#include "events.hpp"

namespace backorder {

// Brings the database to the current schema version (in one transaction); refuses a newer one.
void migrate_schema(detail::Db& db);

struct StoredLine;
// Easy cancellation (refund_link.cpp): checks an order's "paid" document at placement (errors under
// `path`.paid), and quotes the refund of cancelling `cancel` (line id -> units) given the lines as they were.
void check_paid(const Engine& engine, const std::string& paid, const std::vector<detail::PlacedLine>& lines,
                Instant at, const std::string& path);
std::string quote_cancellation(const Engine& engine, const std::string& paid,
                               const std::vector<StoredLine>& before,
                               const std::map<std::string, std::int64_t>& cancel, Instant now);

// A waiting or settled order line as the ledger stores it.
struct StoredLine {
  std::string order_id, line_id, sku;
  std::int64_t quantity = 0, shipped = 0, cancelled = 0;
  std::int64_t waiting() const { return quantity - shipped - cancelled; }
  Window promised, ship, told;  // at checkout; now; in the last message written
  bool has_promised = false, has_told = false;
  std::string source;       // of the current window: "stock", "inbound", "lead_time"
  bool delay_told = false;  // a delay message went out since the window last crossed the promise
};

struct Store::Impl {
  std::shared_ptr<const Engine> engine;
  std::unique_ptr<detail::Db> db;
  StoreOptions options;
  std::string shop;

  // The facts of these skus (items, stock, supply, their suppliers, waiting lines) as a promise book.
  // With `with_categories`, every item of their categories too (checkout alternatives). With `waiting`, also
  // the stored rows of the waiting lines (unordered).
  PromiseBook load_book(const std::set<std::string>& skus, Instant now, bool with_categories = false,
                        std::vector<StoredLine>* waiting = nullptr);
  std::vector<StoredLine> load_lines(const std::string& where, std::span<const detail::Param> params);
  bool has_item(const std::string& sku);

  // Before a batch's first event: every lock its events take, in the order single events take theirs
  // (batch_locks.cpp).
  void lock_batch(const std::vector<detail::Event>& events);

  // One event inside the open transaction; returns false for a duplicate id. Throws Error with the event's
  // path for what only the ledger can tell (an unknown order, shipping more than waits).
  struct Outcome {
    bool applied = false;
    int moved = 0, messages = 0;
    std::string token;   // subscribed: the manage link's token
    std::string refund;  // line_cancelled of an order placed with "paid": the refund quote (JSON)
  };
  Outcome apply(const detail::Event& e, const std::string& path);

  // Recomputes the waiting lines of `skus`, stores their new windows, and writes the messages their moves
  // call for (eta_update, delay, arrived) except to `quiet_order` (an order being placed gets its
  // confirmation instead). Returns the number of lines whose window moved.
  // With `schedule`, an order a line of which now ships later gets the compliance notice it calls for at
  // once.
  int recompute(const std::set<std::string>& skus, const detail::Event& e, const std::string& quiet_order,
                int& messages, bool schedule = false);
  // The messages of single events: the confirmation of a placed order, a shipment with its tracking, an
  // apology for a declared delay. Each returns the number of messages written.
  int confirm_order(const detail::Event& e);
  int announce_shipment(const detail::Event& e);
  int declare_delay(const detail::Event& e);
  // The token in a subscriber's manage link.
  std::string manage_token(const std::string& subscription, const std::string& nonce, Instant at);
  // Notify-me: after a restock of `sku`, tells the next subscribers in line (docs/store.md#waitlist).
  int serve_waitlist(const std::string& sku, const detail::Event& e);

  // Compliance scheduling (compliance_ledger.cpp, docs/store.md#compliance-scheduling).
  // The rule packs' findings for an order with waiting lines at `now` (none when nothing waits).
  std::vector<Finding> order_findings(const std::string& order_id, Instant now);
  // Acts on them at e.at: writes the delay notice due (once per deadline and date), and cancels and refunds
  // an order that counts as cancelled (its skus go to `cancelled_skus`). Returns the messages written.
  enum class Schedule { notices, cancellations };
  int schedule_compliance(const std::string& order_id, const detail::Event& e, Schedule what,
                          std::set<std::string>* cancelled_skus);
  // delay_reply: records the shopper's answer to the last notice; "cancel" cancels what waits with its
  // refund.
  Outcome answer_notice(const detail::Event& e, const std::string& path, std::set<std::string>& touched);
  // tick: recomputes every waiting line at e.at and schedules every order with waiting lines.
  int tick(const detail::Event& e, int& moved);
  // Cancels the waiting units of an order's line ("" = every line) and records the exact refund under
  // `refund_id` when the order was placed with "paid"; returns the quote ("" without one). `cancelled`
  // (optional) receives the lines as they were.
  std::string cancel_waiting(const std::string& order_id, const std::string& line_id,
                             const std::string& refund_id, Instant at,
                             std::vector<StoredLine>* cancelled = nullptr);

  // Writes one rendered message to the outbox; a key already there is kept (idempotent). Returns 1 if new.
  // With `deferred`, the write is deferred (db.hpp) and its 1 or 0 added there once it ran; returns 0.
  int enqueue(const std::string& key, const std::string& kind, const std::string& order_id,
              const std::string& recipient, const std::string& locale, const std::string& subject,
              const std::string& text, const std::string& html, Instant created_at, Instant available_at,
              const std::string& data, std::int64_t* deferred = nullptr);
};

}  // namespace backorder
