// What the ledger's reliability tests share: the apparel shop (policy and catalog from examples/apparel), a
// shop name no other run uses, and the backend a test runs on.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "backorder/engine.hpp"
#include "backorder/store.hpp"

namespace backorder::reliability {

using nlohmann::json;

constexpr int kSkip = 77;  // ctest's SKIP_RETURN_CODE: the backend is not available here
inline const std::string kSecret = "a-reliability-secret-of-32-bytes";

// A shop name unique across processes, runs and the trials of one run.
std::string unique_shop(const std::string& prefix);
// The apparel policy with its shop set to `shop`.
std::shared_ptr<const Engine> engine_for(const std::string& shop);
// The apparel catalog, its stock and its supplier as one `catalog` event.
json catalog_event(const std::string& id, Instant at);
// "2026-11-30T14:00:00+00:00".
std::string iso(Instant at);

// "sqlite" (a file in `dir`) or "postgresql" (BO_TEST_POSTGRES_URL). Returns "" when the backend cannot run
// here: the caller exits with kSkip.
std::string backend_url(const std::string& backend, const std::string& dir);
std::unique_ptr<Store> open_store(const std::string& url, const std::string& shop);

}  // namespace backorder::reliability
