// Policy validation, engines, and the JSON label calls.
#include "backorder/engine.hpp"

#include <memory>
#include <new>
#include <string>

#include "backorder.h"
#include "backorder/wire.hpp"
#include "guard.hpp"
#include "handles.hpp"

using bo_capi::guard;
using bo_capi::input;
using bo_capi::require;

extern "C" {

BO_API bo_status bo_policy_validate(char** out_json, size_t* out_len, const char* policy_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    std::string answer = backorder::validate_policy_json(input(policy_json, len, "policy_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_engine_new(bo_engine** out, const char* policy_json, size_t len) {
  return guard([&] {
    require(out, "out");
    auto engine = backorder::Engine::from_json(input(policy_json, len, "policy_json"));
    *out = new bo_engine{std::move(engine)};
  });
}

BO_API void bo_engine_free(bo_engine* engine) { delete engine; }

BO_API bo_status bo_engine_label_json(char** out_json, size_t* out_len, const bo_engine* engine,
                                      const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(engine, "engine");
    std::string answer = backorder::label_json(engine->engine, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_engine_labels_json(char** out_json, size_t* out_len, const bo_engine* engine,
                                       const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(engine, "engine");
    std::string answer = backorder::labels_json(engine->engine, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

}  // extern "C"
