// What the opaque C handles are. Internal to the C ABI.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>

#include "backorder.h"
#include "backorder/engine.hpp"
#include "backorder/labels.hpp"
#include "backorder/promise.hpp"
#include "backorder/store.hpp"

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

// A shop's ledger; the Store holds the engine's shared_ptr.
struct bo_store {
  std::unique_ptr<backorder::Store> store;
};
