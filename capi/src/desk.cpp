// Remedies, the support desk brief and the merchant report (docs/remedies.md, docs/store.md): JSON in, JSON
// out, like the rest of the ABI.
#include <string>

#include "backorder.h"
#include "backorder/remedies.hpp"
#include "backorder/store.hpp"
#include "guard.hpp"
#include "handles.hpp"

using bo_capi::guard;
using bo_capi::input;
using bo_capi::require;

extern "C" {

BO_API bo_status bo_engine_remedies_json(char** out_json, size_t* out_len, const bo_engine* engine,
                                         const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(engine, "engine");
    std::string answer = backorder::remedies_json(*engine->engine, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_store_brief_json(char** out_json, size_t* out_len, bo_store* store,
                                     const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(store, "store");
    std::string answer = backorder::store_brief_json(*store->store, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

BO_API bo_status bo_store_report_json(char** out_json, size_t* out_len, bo_store* store,
                                      const char* request_json, size_t len) {
  return guard([&] {
    require(out_json, "out_json");
    require(store, "store");
    std::string answer =
        backorder::store_report_json(*store->store, input(request_json, len, "request_json"));
    bo_capi::give_json(out_json, out_len, answer);
  });
}

}  // extern "C"
