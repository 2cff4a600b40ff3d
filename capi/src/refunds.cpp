// Refund quotes: JSON in, JSON out (docs/json.md#refunds). A thin adapter over core's wire call.
#include <string>

#include "backorder.h"
#include "backorder/refund_wire.hpp"
#include "guard.hpp"
#include "handles.hpp"

using bo_capi::guard;
using bo_capi::input;
using bo_capi::require;

extern "C" {

BO_API bo_status bo_engine_refund_json(char** out_json, size_t* out_len, const bo_engine* engine,
                                       const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(engine, "engine");
    std::string answer = backorder::refund_json(*engine->engine, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

}  // extern "C"
