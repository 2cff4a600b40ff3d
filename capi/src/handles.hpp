// What the opaque C handles are. Internal to the C ABI.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "backorder.h"
#include "backorder/engine.hpp"
#include "backorder/labels.hpp"
#include "backorder/promise.hpp"
#include "backorder/store.hpp"
#include "backorder/wire.hpp"

// An immutable engine, shared: every bo_labeler made from it holds a reference, so bo_engine_free()
// may come first.
struct bo_engine {
  std::shared_ptr<const backorder::Engine> engine;
};

struct bo_labeler {
  backorder::Labeler labeler;  // holds the engine's shared_ptr
  // Per-row error texts handed out through bo_label.error_message/error_path. Interned (one copy per
  // distinct text), so a pointer stays valid until the labeler is freed, like the label texts the
  // Labeler itself owns, and memory grows only with the number of distinct texts.
  std::unordered_set<std::string> strings;

  bo_labeler(std::shared_ptr<const backorder::Engine> engine, std::string_view locale, backorder::Instant now)
      : labeler(std::move(engine), locale, now) {}

  const char* intern(std::string s) { return strings.insert(std::move(s)).first->c_str(); }
};

// A shop's promises. The book holds the engine's shared_ptr, so bo_engine_free() may come first.
struct bo_promises {
  backorder::PromiseBook book;
};

// A checkout plan kept for typed reading: the plan, the labeler that owns its texts, and the tables the typed
// structs index into (built once, when the plan is made).
struct bo_checkout {
  backorder::KeptCheckout kept;
  std::vector<const backorder::Label*> labels;                        // the lines', then the alternatives'
  std::vector<const backorder::Alternative*> alternatives;            // every line's, in order
  std::vector<std::size_t> first_alternative;                         // per line
  std::vector<const backorder::Shipment*> shipments;                  // every strategy's, in order
  std::vector<std::size_t> first_shipment;                            // per strategy
  std::vector<const backorder::ShipmentItem*> items;                  // every shipment's, in order
  std::vector<std::size_t> first_item;                                // per shipment
  std::vector<backorder::Window> windows;                             // distinct windows
  std::vector<const backorder::Label*> wordings;                      // a label per distinct wording
  std::vector<std::int32_t> label_wording, now_window, later_window;  // per label
  std::vector<std::int32_t> complete_window;                          // per strategy
  std::vector<std::int32_t> ship_window, delivery_window;             // per shipment

  // Every string the typed structs give, in one block (each NUL-terminated), and where each one is.
  std::string texts;
  std::array<std::string_view, 7> summary_text;  // now, locale, currency, policy_hash, default_strategy,
                                                 // recommended_strategy, recommendation
  std::vector<std::array<std::string_view, 3>> line_text;         // line_id, sku, name
  std::vector<std::array<std::string_view, 2>> alternative_text;  // sku, name
  std::vector<std::array<std::string_view, 5>> wording_text;  // text, short_text, schema_org, merchant, date
  std::vector<std::array<std::string_view, 4>>
      strategy_text;                           // id, disclosure, advice, authorization_expires
  std::vector<std::string_view> item_line_id;  // the item's line's line_id
  std::vector<std::array<std::string_view, 3>> disclosure_text;  // kind, line_id, text

  explicit bo_checkout(backorder::KeptCheckout k);
  const backorder::CheckoutPlan& plan() const { return kept.plan; }

 private:
  void place_texts();
};

// A shop's ledger; the Store holds the engine's shared_ptr.
struct bo_store {
  std::unique_ptr<backorder::Store> store;
};
