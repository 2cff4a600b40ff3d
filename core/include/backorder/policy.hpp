// The merchant's whole configuration: one versioned JSON document (docs/policy.md), validated with a JSON
// path on every error.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backorder/calendar.hpp"
#include "backorder/error.hpp"
#include "backorder/money.hpp"
#include "backorder/refund_policy.hpp"
#include "backorder/remedy_policy.hpp"
#include "backorder/rule_pack.hpp"

namespace backorder {

inline constexpr int kPolicyVersion = 1;

// How lead times are counted and said: "ships in 10–14 days" or "ships in 8–10 business days".
enum class DayUnit { calendar, business };

struct AvailabilityPolicy {
  std::int64_t low_stock_threshold = 5;  // "Only N left" at or under this true sellable quantity; 0 = never
  bool backorders = true;                // default for items that do not say
  std::optional<std::int64_t> max_backorder;  // default per-item cap on backordered units; none = no cap
  int lead_min_days = 10;                     // default supplier lead time for items that do not say
  int lead_max_days = 14;
  DayUnit day_unit = DayUnit::calendar;
};

// How inbound supply turns into ship windows.
struct PromisePolicy {
  int receiving_days = 1;                // working days from arrival until units can be picked
  int lateness_percentile = 95;          // widen a supplier's windows by this percentile of its past lateness
  int default_lateness_confirmed = 2;    // days of widening for a confirmed supply with no history
  int default_lateness_unconfirmed = 7;  // ... and for an unconfirmed one
  // Whether an item's lead time counts until it can ship (the label's days) or until it arrives.
  bool lead_time_to_arrival = false;
};

struct DayRange {
  int min = 0, max = 0;
};

struct ShippingMethod {
  std::string id;
  std::string name;
  // Destination zone -> working days in transit; "*" = any other zone.
  std::map<std::string, DayRange> transit_days;
  std::int64_t per_shipment = 0;  // charge in minor units
  std::int64_t per_item = 0;
  std::optional<std::int64_t> free_over;  // an order subtotal at or above this ships free
};

struct ShippingPolicy {
  std::vector<ShippingMethod> methods;     // the first is the default; none: delivery = ship window
  bool shop_pays_extra_shipments = false;  // who pays when the shopper chooses to receive items sooner
};

enum class Strategy { ship_available, ship_together };

struct CheckoutPolicy {
  Strategy default_strategy = Strategy::ship_together;
  // Recommend shipping what is here now when the rest would hold it back at least this many days.
  int split_after_days = 3;
  int authorization_days = 7;  // card authorization window (customer-initiated online payments)
  bool charge_now_beyond_authorization = false;  // else: keep the card and charge each shipment as it ships
  bool prices_must_match = false;                // cart prices must equal the catalog's
  int alternatives_max = 3;
  std::vector<std::string> alternatives_match = {"size", "colour"};  // attributes, most important first
  int price_band_percent = 20;  // an alternative within this much of the price is in the same band
};

// A goodwill gesture a delay message offers (issue 6 adds rules that choose them).
struct RemedyRule {
  std::string kind;         // "free_expedited_shipping" or "discount"
  int percent = 0;          // discount: off the next purchase
  std::string code_prefix;  // discount: codes are PREFIX-XXXXXXXX, signed per order
};

// What the ledger tells shoppers, and how often (docs/store.md).
struct NotificationPolicy {
  std::string shop_name;                // as shoppers know the shop; "" = policy.shop
  int eta_threshold_days = 2;           // an ETA update goes out when a window's end moves more than this
  int min_hours_between_updates = 24;   // per order; updates due sooner are coalesced and held
  int waitlist_factor_permille = 1500;  // a restock tells subscribers wanting up to this × the units left
  std::string tracking_url;             // "https://track.example/{carrier}/{tracking}"; "" = no link
  std::string manage_url;               // "https://shop.example/notify/{token}"; "" = no link
  int link_days = 90;                   // signed links expire after this many days
  std::vector<RemedyRule> delay_remedies;
};

struct Policy {
  int version = kPolicyVersion;
  std::string shop;
  Currency currency;
  std::string locale = "en";  // default locale (BCP 47); its catalogue is the fallback for text
  CalendarSpec calendar;
  AvailabilityPolicy availability;
  PromisePolicy promise;
  ShippingPolicy shipping;
  CheckoutPolicy checkout;
  NotificationPolicy notifications;
  RemediesPolicy remedies;      // docs/remedies.md
  RefundPolicy refunds;         // refund_policy.hpp
  CompliancePolicy compliance;  // rule packs and defaults (docs/compliance.md)
  std::string
      hash;  // SHA-256 of the canonical document: consent records name the policy they were given under
  // locale -> message key -> ICU MessageFormat pattern, overriding the built-in catalogue.
  std::map<std::string, std::map<std::string, std::string>> messages;
};

// Every problem in the document, each with its path ("policy.calendar.time_zone"); empty when valid.
std::vector<Issue> validate_policy(std::string_view json);
// Throws ValidationError with all the issues.
Policy parse_policy(std::string_view json);

// A BCP 47 tag ICU knows ("en", "de-DE", "pt_BR"); false for "xx" or "not a locale".
bool is_known_locale(std::string_view tag);
// The canonical BCP 47 form ("pt_br" -> "pt-BR"), or "" for a locale ICU does not know.
std::string canonical_locale(std::string_view tag);

}  // namespace backorder
