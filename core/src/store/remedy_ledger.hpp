// The ledger's side of remedies (docs/remedies.md): an order's facts as a remedy case (values, delay, tier,
// lifetime value, the budgets spent), and the remedies granted and kept with the order. Private to core:
// delay messages (notify.cpp) grant them, the support desk brief (brief.cpp) reads them.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "backorder/remedies.hpp"
#include "events.hpp"
#include "ledger.hpp"
#include "messages.hpp"

namespace backorder::detail {

// sum + units × price, held at 10^15 minor units.
std::int64_t add_money(std::int64_t sum, std::int64_t units, std::int64_t price);

// Each line's unit price: the order's, else the item's catalog price, else 0.
std::map<std::string, std::int64_t> line_prices(Store::Impl& s, const std::string& order_id);

// Business days by which a line's current window ends after the one promised at checkout (0 when on time).
std::int64_t late_business_days(const Calendar& cal, const StoredLine& l);

// Why an event delays the lines it moves: a declared delay's own cause, else "supplier" (a purchase order
// slipped or was cancelled), "stock" (a count or receipt), "demand" (an order placed ahead) or the type.
std::string delay_cause(const Event& e);

// The most recent declared cause for this order or one of its skus, else what its waiting lines wait for.
std::string current_delay_cause(Store::Impl& s, const std::string& order_id);

// The case of an order whose `delayed` lines (line ids; empty = every waiting line) are late, at `now`.
RemedyCase remedy_case(Store::Impl& s, const std::string& order_id, const std::set<std::string>& delayed,
                       const std::string& cause, Instant now);

// The remedies kept with the order (bo_orders.remedies): [{"kind", "rule", "cost", "granted_at", ...}].
json granted_remedies(Store::Impl& s, const std::string& order_id);

// Decides the order's remedies for this delay, keeps the new ones with the order (a discount gets a code
// signed per order and rule) and returns every remedy the order now has, for the message.
std::vector<Remedy> grant_remedies(Store::Impl& s, const std::string& order_id, const RemedyCase& c,
                                   Instant now);

// A kept remedy as the message renders it.
Remedy remedy_of(const json& granted);

}  // namespace backorder::detail
