// Compliance checks: JSON in, findings out (docs/compliance.md). Thin adapters over core.
#include "backorder/compliance.hpp"

#include <string>

#include "backorder.h"
#include "guard.hpp"
#include "handles.hpp"

using bo_capi::guard;
using bo_capi::input;
using bo_capi::require;

extern "C" {

BO_API bo_status bo_engine_check_listing_json(char** out_json, size_t* out_len, const bo_engine* engine,
                                              const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(engine, "engine");
    std::string answer =
        backorder::check_listing_json(*engine->engine, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_engine_check_order_json(char** out_json, size_t* out_len, const bo_engine* engine,
                                            const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(engine, "engine");
    std::string answer =
        backorder::check_order_json(*engine->engine, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_engine_rule_packs_json(char** out_json, size_t* out_len, const bo_engine* engine) {
  return guard([&] {
    require(out_json, "out_json");
    require(engine, "engine");
    bo_capi::give_json(out_json, out_len, backorder::rule_packs_json(*engine->engine));
  });
}

}  // extern "C"
