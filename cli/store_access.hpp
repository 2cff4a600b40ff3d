// Opening the ledger and calling it, for every command that works on one (docs/cli.md): apply, outbox, demo,
// brief, report.
#pragma once

#include <memory>
#include <string>

#include "common.hpp"

namespace bo_cli {

struct FreeStore {
  void operator()(bo_store* s) const { bo_store_free(s); }
};
using StorePtr = std::unique_ptr<bo_store, FreeStore>;

// The secret that signs links: $BACKORDER_SECRET, else --secret-file's first line.
std::string secret_from(const std::string& file);

StorePtr open_store(const bo_engine* engine, const std::string& url, const std::string& secret);

using StoreCall = bo_status (*)(char**, size_t*, bo_store*, const char*, size_t);

// One JSON call on the store: `request` as JSON (a string is sent as is); a failure is Fatal, named `what`.
json call(StoreCall fn, bo_store* store, const json& request, const std::string& what);

}  // namespace bo_cli
