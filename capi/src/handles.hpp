// What the opaque C handles are. Internal to the C ABI.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "backorder.h"
#include "backorder/engine.hpp"
#include "backorder/labels.hpp"
#include "backorder/promise.hpp"
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
  std::string now;
  std::vector<std::string> authorization_expires;                     // per strategy
  std::vector<const backorder::Label*> labels;                        // the lines', then the alternatives'
  std::vector<const backorder::Alternative*> alternatives;            // every line's, in order
  std::vector<std::size_t> first_alternative;                         // per line
  std::vector<const backorder::Shipment*> shipments;                  // every strategy's, in order
  std::vector<std::size_t> first_shipment;                            // per strategy
  std::vector<const backorder::ShipmentItem*> items;                  // every shipment's, in order
  std::vector<std::size_t> first_item;                                // per shipment
  std::vector<const std::string*> item_line_id;                       // per item: its line's line_id
  std::vector<backorder::Window> windows;                             // distinct windows
  std::vector<const backorder::Label*> wordings;                      // a label per distinct wording
  std::vector<std::int32_t> label_wording, now_window, later_window;  // per label
  std::vector<std::int32_t> complete_window;                          // per strategy
  std::vector<std::int32_t> ship_window, delivery_window;             // per shipment

  explicit bo_checkout(backorder::KeptCheckout k);
  const backorder::CheckoutPlan& plan() const { return kept.plan; }
};
