// Checkout and consent: JSON in, JSON out (docs/json.md#checkout), and the same plans kept as a bo_checkout
// read through typed structs. Thin adapters over core's wire calls.
#include <string>
#include <string_view>

#include "backorder.h"
#include "backorder/wire.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "typed.hpp"

using bo_capi::checked_stride;
using bo_capi::element;
using bo_capi::guard;
using bo_capi::input;
using bo_capi::invalid_argument;
using bo_capi::put_day;
using bo_capi::require;

namespace {

// The first version's sizes of the typed structs (see bo_capi::checked_stride): fields added later are
// written only when a caller's struct_size covers them.
constexpr std::size_t kLineV1 = sizeof(bo_checkout_line);
constexpr std::size_t kAlternativeV1 = sizeof(bo_checkout_alternative);
constexpr std::size_t kStrategyV1 = sizeof(bo_checkout_strategy);
constexpr std::size_t kShipmentV1 = sizeof(bo_checkout_shipment);
constexpr std::size_t kItemV1 = sizeof(bo_checkout_shipment_item);
constexpr std::size_t kDisclosureV1 = sizeof(bo_checkout_disclosure);
constexpr std::size_t kLabelV1 = sizeof(bo_checkout_label);
constexpr std::size_t kWordingV1 = sizeof(bo_checkout_wording);
constexpr std::size_t kWindowV1 = sizeof(bo_checkout_window);

// An option's bit is 1 << its LineOption value.
static_assert(BO_OPTION_WAIT == 1u << static_cast<unsigned>(backorder::LineOption::wait));
static_assert(BO_OPTION_NOTIFY_ME == 1u << static_cast<unsigned>(backorder::LineOption::notify_me));
static_assert(BO_OPTION_ALTERNATIVE == 1u << static_cast<unsigned>(backorder::LineOption::alternative));
static_assert(BO_OPTION_REMOVE == 1u << static_cast<unsigned>(backorder::LineOption::remove));

// A string of the plan's text block (bo_checkout::texts): NUL-terminated there.
void put_text(const char*& ptr, size_t& len, std::string_view s) {
  ptr = s.data();
  len = s.size();
}

// Runs `put(out_element, index)` over [first, first + count) of an array of `size` elements, after checking
// the range and the caller's strides, so a refused call writes nothing.
template <typename T, typename Put>
void fill(T* out, std::size_t first, std::size_t count, std::size_t size, std::size_t v1_size,
          const char* type, Put put) {
  if (first > size || count > size - first) {
    throw invalid_argument("count", "elements " + std::to_string(first) + " to " + std::to_string(first) +
                                        " + " + std::to_string(count) + " are beyond the plan's " +
                                        std::to_string(size) + " " + type + " elements");
  }
  if (count == 0) return;
  require(out, "out");
  const std::size_t stride = checked_stride(out, count, v1_size, "out", type);
  for (std::size_t i = 0; i < count; ++i) put(element(out, stride, i), first + i);
}

}  // namespace

extern "C" {

BO_API bo_status bo_engine_checkout_json(char** out_json, size_t* out_len, const bo_engine* engine,
                                         const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(engine, "engine");
    std::string answer = backorder::checkout_json(engine->engine, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_promises_checkout_json(char** out_json, size_t* out_len, const bo_promises* promises,
                                           const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(promises, "promises");
    std::string answer =
        backorder::book_checkout_json(promises->book, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_engine_checkout(bo_checkout** out, const bo_engine* engine, const char* request_json,
                                    size_t len) {
  return guard([&] {
    require(out, "out");
    require(engine, "engine");
    *out =
        new bo_checkout(backorder::checkout_plan(engine->engine, input(request_json, len, "request_json")));
  });
}

BO_API bo_status bo_promises_checkout(bo_checkout** out, const bo_promises* promises,
                                      const char* request_json, size_t len) {
  return guard([&] {
    require(out, "out");
    require(promises, "promises");
    *out = new bo_checkout(
        backorder::book_checkout_plan(promises->book, input(request_json, len, "request_json")));
  });
}

BO_API void bo_checkout_free(bo_checkout* plan) { delete plan; }

BO_API bo_status bo_checkout_json(char** out_json, size_t* out_len, const bo_checkout* plan) {
  return guard([&] {
    require(out_json, "out_json");
    require(plan, "plan");
    std::string answer = backorder::checkout_plan_json(plan->plan(), plan->kept.labeler->engine());
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_checkout_texts(const char** out, size_t* out_len, const bo_checkout* plan) {
  return guard([&] {
    require(out, "out");
    require(out_len, "out_len");
    require(plan, "plan");
    *out = plan->texts.data();
    *out_len = plan->texts.size();
  });
}

BO_API bo_status bo_checkout_summarize(bo_checkout_summary* out, const bo_checkout* plan) {
  return guard([&] {
    require(out, "out");
    require(plan, "plan");
    checked_stride(out, 1, sizeof(bo_checkout_summary), "out", "bo_checkout_summary");
    const backorder::CheckoutPlan& p = plan->plan();
    const auto& text = plan->summary_text;
    out->now = text[0].data();
    out->locale = text[1].data();
    out->currency = text[2].data();
    out->policy_hash = text[3].data();
    out->default_strategy = text[4].data();
    out->recommended_strategy = text[5].data();
    out->recommendation = text[6].data();
    out->subtotal = p.subtotal;
    out->cost_difference = p.cost_difference;
    out->line_count = p.lines.size();
    out->alternative_count = plan->alternatives.size();
    out->strategy_count = p.strategies.size();
    out->shipment_count = plan->shipments.size();
    out->shipment_item_count = plan->items.size();
    out->disclosure_count = p.disclosures.size();
    out->window_count = plan->windows.size();
    out->wording_count = plan->wordings.size();
    out->mixed = p.mixed ? 1 : 0;
  });
}

BO_API bo_status bo_checkout_lines(bo_checkout_line* out, const bo_checkout* plan, size_t first,
                                   size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->plan().lines.size(), kLineV1, "bo_checkout_line",
         [&](bo_checkout_line& o, std::size_t i) {
           const backorder::PlanLine& l = plan->plan().lines[i];
           const auto& text = plan->line_text[i];
           put_text(o.line_id, o.line_id_len, text[0]);
           put_text(o.sku, o.sku_len, text[1]);
           put_text(o.name, o.name_len, text[2]);
           o.quantity = l.quantity;
           o.unit_price = l.unit_price;
           o.amount = l.amount;
           o.first_alternative = plan->first_alternative[i];
           o.alternative_count = l.alternatives.size();
           o.options = 0;
           for (backorder::LineOption opt : l.options) o.options |= 1u << static_cast<unsigned>(opt);
           o.preorder = l.preorder ? 1 : 0;
         });
  });
}

BO_API bo_status bo_checkout_alternatives(bo_checkout_alternative* out, const bo_checkout* plan, size_t first,
                                          size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->alternatives.size(), kAlternativeV1, "bo_checkout_alternative",
         [&](bo_checkout_alternative& o, std::size_t i) {
           put_text(o.sku, o.sku_len, plan->alternative_text[i][0]);
           put_text(o.name, o.name_len, plan->alternative_text[i][1]);
           o.price = plan->alternatives[i]->price;
         });
  });
}

BO_API bo_status bo_checkout_labels(bo_checkout_label* out, const bo_checkout* plan, size_t first,
                                    size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->labels.size(), kLabelV1, "bo_checkout_label",
         [&](bo_checkout_label& o, std::size_t i) {
           const backorder::Availability& a = plan->labels[i]->availability;
           o.sellable = a.sellable;
           o.ship_now = a.ship_now;
           o.later = a.later;
           o.unavailable = a.unavailable;
           o.wording = plan->label_wording[i];
           o.now_window = plan->now_window[i];
           o.later_window = plan->later_window[i];
           o.notify_me = a.notify_me ? 1 : 0;
         });
  });
}

BO_API bo_status bo_checkout_wordings(bo_checkout_wording* out, const bo_checkout* plan, size_t first,
                                      size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->wordings.size(), kWordingV1, "bo_checkout_wording",
         [&](bo_checkout_wording& o, std::size_t i) {
           const auto& text = plan->wording_text[i];
           o.text = text[0].data();
           o.short_text = text[1].data();
           o.schema_org = text[2].data();
           o.merchant = text[3].data();
           o.availability_date = text[4].data();
           o.status = static_cast<bo_availability>(plan->wordings[i]->availability.status);
         });
  });
}

BO_API bo_status bo_checkout_windows(bo_checkout_window* out, const bo_checkout* plan, size_t first,
                                     size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->windows.size(), kWindowV1, "bo_checkout_window",
         [&](bo_checkout_window& o, std::size_t i) {
           const backorder::Window& w = plan->windows[i];
           o.min_days = w.min_days;
           o.max_days = w.max_days;
           put_day(o.from, w.from);
           put_day(o.to, w.to);
         });
  });
}

BO_API bo_status bo_checkout_strategies(bo_checkout_strategy* out, const bo_checkout* plan, size_t first,
                                        size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->plan().strategies.size(), kStrategyV1, "bo_checkout_strategy",
         [&](bo_checkout_strategy& o, std::size_t i) {
           const backorder::StrategyPlan& s = plan->plan().strategies[i];
           const auto& text = plan->strategy_text[i];
           o.id = text[0].data();
           put_text(o.disclosure, o.disclosure_len, text[1]);
           o.advice = text[2].data();
           o.authorization_expires = text[3].data();
           o.shipping_total = s.shipping_total;
           o.customer_pays = s.customer_pays;
           o.shop_pays = s.shop_pays;
           o.first_shipment = plan->first_shipment[i];
           o.shipment_count = s.shipments.size();
           o.complete = plan->complete_window[i];
           put_day(o.latest_ship, s.payment.latest_ship);
         });
  });
}

BO_API bo_status bo_checkout_shipments(bo_checkout_shipment* out, const bo_checkout* plan, size_t first,
                                       size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->shipments.size(), kShipmentV1, "bo_checkout_shipment",
         [&](bo_checkout_shipment& o, std::size_t i) {
           const backorder::Shipment& s = *plan->shipments[i];
           o.charge = s.charge;
           o.first_item = plan->first_item[i];
           o.item_count = s.items.size();
           o.ship = plan->ship_window[i];
           o.delivery = plan->delivery_window[i];
         });
  });
}

BO_API bo_status bo_checkout_shipment_items(bo_checkout_shipment_item* out, const bo_checkout* plan,
                                            size_t first, size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->items.size(), kItemV1, "bo_checkout_shipment_item",
         [&](bo_checkout_shipment_item& o, std::size_t i) {
           put_text(o.line_id, o.line_id_len, plan->item_line_id[i]);
           o.quantity = plan->items[i]->quantity;
         });
  });
}

BO_API bo_status bo_checkout_disclosures(bo_checkout_disclosure* out, const bo_checkout* plan, size_t first,
                                         size_t count) {
  return guard([&] {
    require(plan, "plan");
    fill(out, first, count, plan->plan().disclosures.size(), kDisclosureV1, "bo_checkout_disclosure",
         [&](bo_checkout_disclosure& o, std::size_t i) {
           const auto& text = plan->disclosure_text[i];
           o.kind = text[0].data();
           put_text(o.line_id, o.line_id_len, text[1]);
           put_text(o.text, o.text_len, text[2]);
         });
  });
}

BO_API bo_status bo_consent_json(char** out_json, size_t* out_len, const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    std::string answer = backorder::consent_json(input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_consent_check_json(char** out_json, size_t* out_len, const char* record_json,
                                       size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    std::string answer = backorder::consent_check_json(input(record_json, len, "record_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

}  // extern "C"
