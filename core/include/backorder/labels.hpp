// Labels: availability put into the shopper's words (ICU MessageFormat with plurals, DateIntervalFormat for
// ranges), with the schema.org and Google Merchant values that say the same thing.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "backorder/availability.hpp"
#include "backorder/engine.hpp"

namespace backorder {

// Texts shared by every label with the same wording; owned by the Labeler that made them.
struct LabelText {
  std::string text;               // "Backorder – ships in 10–14 days"
  std::string short_text;         // "Ships Dec 10 – 14"
  std::string availability_date;  // ISO 8601 with offset, "" when the status has none
};

struct Label {
  Availability availability;
  const LabelText* text = nullptr;  // valid while the Labeler that made it lives
  const char* schema_org() const { return schema_org_iri(availability.status); }
  const char* merchant() const { return merchant_availability(availability.status); }
};

// Built-in catalogue keys, in the order docs/messages.md lists them.
inline constexpr const char* kMessageKeys[] = {
    "in_stock", "in_stock_short", "low_stock", "low_stock_short", "backorder", "backorder_exact",
    "backorder_business", "backorder_business_exact", "backorder_short", "preorder", "preorder_short",
    "split", "out_of_stock", "out_of_stock_short", "discontinued", "discontinued_short",
    // Checkout disclosures (docs/messages.md).
    "disclosure_backorder", "disclosure_preorder", "disclosure_ship_available", "disclosure_ship_together",
    "disclosure_cancellation", "disclosure_charge_at_shipment", "disclosure_charge_now",
    // Customer messages (docs/messages.md); the Store renders them into its outbox.
    "msg_greeting", "msg_greeting_anonymous", "msg_closing", "msg_link", "msg_line_ships_now",
    "msg_line_in_stock_together", "msg_line_backorder", "msg_line_preorder", "msg_line_moved",
    "msg_line_item", "msg_confirmation_subject", "msg_confirmation_intro", "msg_strategy_ship_available",
    "msg_strategy_ship_together", "msg_cancel_anytime", "msg_eta_update_subject", "msg_eta_update_intro",
    "msg_eta_update_outro", "msg_delay_subject", "msg_delay_apology", "msg_delay_options_heading",
    "msg_option_wait", "msg_option_cancel", "msg_option_alternative", "msg_remedies_heading",
    "msg_remedy_free_expedited", "msg_remedy_discount", "msg_remedy_discount_automatic",
    "msg_arrived_subject", "msg_arrived_body", "msg_shipped_subject", "msg_shipped_body",
    "msg_shipped_carrier", "msg_shipped_tracking", "msg_track_link", "msg_back_in_stock_subject",
    "msg_back_in_stock_body", "msg_back_in_stock_fcfs", "msg_back_in_stock_reason", "msg_manage_link",
    // Remedies in delay messages (docs/remedies.md).
    "msg_remedy_discount_capped", "msg_remedy_discount_automatic_capped", "msg_remedy_loyalty_points",
    "msg_remedy_partial_refund", "msg_remedy_outreach",
    // Delay notices and cancellations the ledger schedules (docs/store.md#compliance-scheduling).
    "msg_notice_subject", "msg_notice_intro", "msg_notice_agree_intro", "msg_notice_revised",
    "msg_notice_unknown", "msg_notice_right_to_cancel", "msg_notice_silence", "msg_notice_consent_by",
    "msg_notice_consent", "msg_notice_agree_ask", "msg_cancelled_subject", "msg_cancelled_auto",
    "msg_cancelled_buyer", "msg_cancelled_refund", "msg_cancelled_refund_full",
    // The support desk brief (docs/store.md#support-desk-and-report).
    "desk_title", "desk_ack_on_time", "desk_ack_late", "desk_ack_done", "desk_heading_eta",
    "desk_heading_options", "desk_heading_remedies", "desk_heading_granted", "desk_heading_policy",
    "desk_heading_next", "desk_eta_stock", "desk_eta_inbound", "desk_eta_inbound_late", "desk_eta_lead_time",
    "desk_eta_on_time", "desk_eta_late", "desk_option_wait", "desk_option_cancel", "desk_option_alternative",
    "desk_remedy_none", "desk_remedy_discount", "desk_remedy_discount_capped", "desk_remedy_code",
    "desk_remedy_free_expedited", "desk_remedy_loyalty_points", "desk_remedy_partial_refund",
    "desk_remedy_outreach", "desk_budget_order", "desk_budget_period", "desk_policy_lead_time",
    "desk_policy_updates", "desk_policy_cancel", "desk_policy_budget_order", "desk_policy_budget_period",
    "desk_policy_rule", "desk_next_tell_date", "desk_next_offer", "desk_next_outreach", "desk_next_automatic",
    "desk_next_done", "desk_next_compliance"};

// Checks that `pattern` is a MessageFormat pattern ICU accepts in `locale` (every plural has `other`).
// Returns "" when it does, else the reason.
std::string check_message_pattern(std::string_view locale, std::string_view pattern);

// Computes labels for one locale at one moment. Not thread-safe: one per thread (it caches formatted text,
// which is why a whole catalog page costs little more than its distinct wordings).
class Labeler {
 public:
  // Throws Error(invalid, "locale") for a locale ICU does not know.
  Labeler(std::shared_ptr<const Engine> engine, std::string_view locale, Instant now);
  ~Labeler();
  Labeler(const Labeler&) = delete;
  Labeler& operator=(const Labeler&) = delete;

  // Throws Error(invalid, path) for a bad row (quantity <= 0, lead min above max, ...).
  Label label(const Item& item, const StockPosition& stock, std::int64_t quantity = 1);
  // Words for an availability computed elsewhere (the promise engine's, with windows from supply).
  Label label(const Availability& availability);

  // Any catalogue message in this labeler's locale, with named arguments (whole numbers or text).
  struct Arg {
    const char* name;
    std::int64_t number = 0;
    std::string_view text;  // read during the call only: a temporary in the argument list will do
    bool is_text = false;
    Arg(const char* n, std::int64_t v) : name(n), number(v) {}
    Arg(const char* n, std::string_view v) : name(n), text(v), is_text(true) {}
  };
  std::string format(std::string_view key, std::initializer_list<Arg> args);
  // A localized date range ("Dec 10 – 14", a single date when both ends agree) and a long date ("March 12").
  std::string format_dates(Day from, Day to);
  std::string format_date(Day d);

  const Engine& engine() const { return *engine_; }
  const Today& today() const { return today_; }
  const std::string& locale() const;

 private:
  struct Impl;
  std::shared_ptr<const Engine> engine_;
  Today today_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace backorder
