// The ledger: bo_store wraps a backorder::Store; events and outbox calls are JSON (docs/store.md).
#include "backorder/store.hpp"

#include <memory>
#include <new>
#include <string>

#include "backorder.h"
#include "guard.hpp"
#include "handles.hpp"

using bo_capi::guard;
using bo_capi::input;
using bo_capi::require;

namespace {

// Runs a JSON call on the store and hands its answer over.
template <class F>
bo_status json_call(char** out_json, size_t* out_len, bo_store* store, const char* request, size_t len,
                    const char* name, F&& call) {
  return guard([&] {
    require(out_json, "out_json");
    require(store, "store");
    std::string answer = call(*store->store, input(request, len, name));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

}  // namespace

extern "C" {

BO_API bo_status bo_store_open(bo_store** out, const bo_engine* engine, const char* url, size_t url_len,
                               const char* options_json, size_t options_len) {
  return guard([&] {
    require(out, "out");
    require(engine, "engine");
    std::string_view options =
        options_json ? std::string_view(options_json, options_len) : std::string_view();
    auto store = backorder::Store::open(engine->engine, input(url, url_len, "url"),
                                        backorder::store_options_from_json(options));
    *out = new bo_store{std::move(store)};
  });
}

BO_API void bo_store_free(bo_store* store) { delete store; }

BO_API bo_status bo_store_apply_json(char** out_json, size_t* out_len, bo_store* store,
                                     const char* events_json, size_t len) {
  return json_call(out_json, out_len, store, events_json, len, "events_json",
                   [](backorder::Store& s, std::string_view in) { return s.apply_json(in); });
}

BO_API bo_status bo_store_claim_json(char** out_json, size_t* out_len, bo_store* store,
                                     const char* request_json, size_t len) {
  return json_call(
      out_json, out_len, store, request_json, len, "request_json",
      [](backorder::Store& s, std::string_view in) { return backorder::store_claim_json(s, in); });
}

BO_API bo_status bo_store_ack(bo_store* store, const int64_t* ids, size_t count) {
  return guard([&] {
    require(store, "store");
    if (count > 0) require(ids, "ids");
    store->store->ack({ids, count});
  });
}

BO_API bo_status bo_store_release(bo_store* store, const int64_t* ids, size_t count) {
  return guard([&] {
    require(store, "store");
    if (count > 0) require(ids, "ids");
    store->store->release({ids, count});
  });
}

BO_API bo_status bo_store_outbox_json(char** out_json, size_t* out_len, bo_store* store,
                                      const char* request_json, size_t len) {
  return json_call(
      out_json, out_len, store, request_json, len, "request_json",
      [](backorder::Store& s, std::string_view in) { return backorder::store_outbox_json(s, in); });
}

BO_API bo_status bo_store_order_json(char** out_json, size_t* out_len, bo_store* store, const char* order_id,
                                     size_t len) {
  return json_call(out_json, out_len, store, order_id, len, "order_id",
                   [](backorder::Store& s, std::string_view in) { return s.order_json(in); });
}

BO_API bo_status bo_store_labels_json(char** out_json, size_t* out_len, bo_store* store,
                                      const char* request_json, size_t len) {
  return json_call(out_json, out_len, store, request_json, len, "request_json",
                   [](backorder::Store& s, std::string_view in) { return s.labels_json(in); });
}

BO_API bo_status bo_store_checkout_json(char** out_json, size_t* out_len, bo_store* store,
                                        const char* request_json, size_t len) {
  return json_call(out_json, out_len, store, request_json, len, "request_json",
                   [](backorder::Store& s, std::string_view in) { return s.checkout_json(in); });
}

}  // extern "C"
