// Promises: bo_promises wraps a backorder::PromiseBook; every call is JSON in, JSON out
// (docs/json.md#promises).
#include <memory>
#include <new>
#include <string>
#include <utility>

#include "backorder.h"
#include "backorder/promise.hpp"
#include "backorder/wire.hpp"
#include "guard.hpp"
#include "handles.hpp"

using bo_capi::guard;
using bo_capi::input;
using bo_capi::require;

extern "C" {

BO_API bo_status bo_promises_new(bo_promises** out, const bo_engine* engine, const char* scenario_json,
                                 size_t len) {
  return guard([&] {
    require(out, "out");
    require(engine, "engine");
    auto book = backorder::promise_book_from_json(engine->engine, input(scenario_json, len, "scenario_json"));
    *out = new bo_promises{std::move(book)};
  });
}

BO_API void bo_promises_free(bo_promises* promises) { delete promises; }

BO_API bo_status bo_promises_json(char** out_json, size_t* out_len, const bo_promises* promises) {
  return guard([&] {
    require(out_json, "out_json");
    require(promises, "promises");
    std::string answer = backorder::promises_json(promises->book);
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_promises_quote_json(char** out_json, size_t* out_len, const bo_promises* promises,
                                        const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(promises, "promises");
    std::string answer = backorder::quote_json(promises->book, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_promises_apply_json(char** out_json, size_t* out_len, bo_promises* promises,
                                        const char* change_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(promises, "promises");
    std::string_view change = input(change_json, len, "change_json");
    // A bad change throws before the book changes. The one failure that can follow a change is running out
    // of memory while copying the answer for the caller: then the change stays made and BO_ENOMEM is
    // returned (docs/c-abi.md says so).
    std::string answer = backorder::apply_json(promises->book, change);
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_promises_labels_json(char** out_json, size_t* out_len, const bo_promises* promises,
                                         const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(promises, "promises");
    std::string answer =
        backorder::book_labels_json(promises->book, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

}  // extern "C"
