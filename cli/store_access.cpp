#include "store_access.hpp"

#include <cstdlib>

namespace bo_cli {

std::string secret_from(const std::string& file) {
  if (!file.empty()) {
    std::string s = read_file(file);
    return s.substr(0, s.find('\n'));
  }
  const char* env = std::getenv("BACKORDER_SECRET");
  return env ? env : "";
}

StorePtr open_store(const bo_engine* engine, const std::string& url, const std::string& secret) {
  json options = json::object();
  if (!secret.empty()) options["secret"] = secret;
  const std::string o = options.dump();
  bo_store* raw = nullptr;
  if (bo_store_open(&raw, engine, url.data(), url.size(), o.data(), o.size()) != BO_OK)
    throw Fatal{"cannot open the ledger: " + last_error()};
  return StorePtr(raw);
}

json call(StoreCall fn, bo_store* store, const json& request, const std::string& what) {
  const std::string in = request.is_string() ? request.get<std::string>() : request.dump();
  char* out = nullptr;
  size_t len = 0;
  if (fn(&out, &len, store, in.data(), in.size()) != BO_OK) throw Fatal{what + ": " + last_error()};
  return take_json(out, len);
}

}  // namespace bo_cli
