// Customer messages: what each lifecycle moment says, rendered per locale as a subject, plain text and HTML
// in which every dynamic value is escaped. Patterns are ICU MessageFormat entries of the message catalogue
// (docs/messages.md), overridable per locale in the policy like the labels. Private to core: the Store
// renders a message when it writes it to the outbox.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backorder/availability.hpp"
#include "backorder/engine.hpp"

namespace backorder::detail {

// Append-only: the names are the "kind" of outbox messages.
enum class MessageKind {
  confirmation,
  eta_update,
  delay,
  arrived,
  shipped,
  back_in_stock,
  delay_notice,  // the delay option notice a compliance rule requires (FTC first or renewed; EU/UK: agree a
                 // date)
  cancelled,     // lines cancelled for the shopper or by the rules, with the refund
};
const char* message_kind_name(MessageKind k);  // "confirmation", "eta_update", ...

struct MessageLine {
  std::string line_id, sku, name;  // name: the item's name, or its sku when it has none
  std::int64_t quantity = 0;
  bool waiting = false;          // on backorder or pre-order (else it ships now / has shipped)
  bool preorder = false;         // waiting for a release date
  Window ship;                   // expected ship window (valid when waiting)
  std::optional<Window> before;  // eta_update and delay: the window the shopper was last told
};

// A goodwill gesture offered with a delay (remedies.hpp decides them; docs/remedies.md).
struct Remedy {
  std::string kind;          // "free_expedited_shipping", "discount", "loyalty_points", "personal_outreach",
                             // "partial_refund"
  std::int64_t percent = 0;  // discount: percentage off the next purchase
  std::string code;          // discount: the code to use
  std::int64_t max = 0;      // discount: the most it takes off, in minor units (0 = no cap)
  std::int64_t amount = 0;   // partial_refund: minor units refunded
  std::int64_t points = 0;   // loyalty_points
};

struct MessageData {
  MessageKind kind = MessageKind::confirmation;
  std::string locale;              // canonical BCP 47; the engine's fallbacks apply
  std::string shop;                // the shop's name as the shopper knows it ("": the policy's shop)
  std::string order_id;            // "" for back_in_stock
  std::string customer_name;       // "" when unknown: the greeting has no name
  std::vector<MessageLine> lines;  // confirmation: every line; eta_update/delay: the moved ones;
                                   // arrived/shipped: the lines concerned; back_in_stock: the item
  std::string strategy;            // confirmation: "ship_available", "ship_together" or ""
  std::string carrier, tracking, tracking_url;  // shipped ("" when none)
  std::vector<Remedy> remedies;                 // delay
  bool can_cancel = true;                       // delay: offer cancellation with a full refund
  bool can_take_alternative = false;            // delay: an in-stock alternative exists
  std::int64_t available = 0;                   // back_in_stock: units now available
  std::string manage_url;                       // back_in_stock: manage / unsubscribe (signed token)
  // delay_notice: "ftc" (the FTC's option notice, first or renewed) or "agree" (EU/UK: agree a later
  // date); the date missed (ship-by or delivery); the revised ship date (none: unknown, say `reason`);
  // whether silence is consent, and else the last day to consent (none: no date known).
  std::string notice = "ftc";
  Day deadline = 0;
  std::optional<Day> revised;
  std::string reason;
  bool silence_is_consent = false;
  std::optional<Day> consent_by;
  // cancelled: by the shopper (answering a notice) or by the rules; the refund quoted, when the order has
  // one.
  bool by_buyer = false;
  std::optional<std::int64_t> refund_total;
  std::optional<Day> refund_by;
};

struct RenderedMessage {
  std::string subject, text, html;
};

// Throws Error(invalid, "locale") for a locale ICU does not know, Error(invalid, "strategy") for a strategy
// other than the two, Error(invalid, "remedies") for an unknown remedy kind (a granted remedy never goes
// missing silently) and Error(invalid, "lines") for a back_in_stock without its item. `now` decides which
// dates show their year. Values are put on one line (a newline in a name cannot forge lines of the text or
// headers from the subject); only http(s) URLs become links.
RenderedMessage render_message(const std::shared_ptr<const Engine>& engine, const MessageData& data,
                               Instant now);

// HTML-escapes text for element content and attribute values (& < > " ').
std::string escape_html(std::string_view text);

}  // namespace backorder::detail
