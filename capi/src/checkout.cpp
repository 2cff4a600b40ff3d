// Checkout and consent: JSON in, JSON out (docs/json.md#checkout). Thin adapters over core's wire calls.
#include <string>

#include "backorder.h"
#include "backorder/wire.hpp"
#include "guard.hpp"
#include "handles.hpp"

using bo_capi::guard;
using bo_capi::input;
using bo_capi::require;

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
