#include "shop.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "backorder/calendar.hpp"

namespace backorder::reliability {
namespace {

json read_json(const std::string& name) {
  std::ifstream in(std::string(BO_EXAMPLES_DIR) + "/apparel/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

}  // namespace

std::string unique_shop(const std::string& prefix) {
  static const auto salt = std::random_device{}() % 100000;
  static int n = 0;
  auto now = std::chrono::system_clock::now().time_since_epoch() / std::chrono::milliseconds(1);
  return prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(salt) + "-" + std::to_string(now) +
         "-" + std::to_string(n++);
}

std::shared_ptr<const Engine> engine_for(const std::string& shop) {
  json p = read_json("policy.json");
  p["shop"] = shop;
  return Engine::from_json(p.dump());
}

json catalog_event(const std::string& id, Instant at) {
  json e = {{"id", id}, {"type", "catalog"}, {"at", iso(at)}};
  e["items"] = read_json("catalog.json")["items"];
  e["stock"] = read_json("stock.json")["stock"];
  e["suppliers"] =
      json::array({{{"id", "northwind-mills"}, {"lateness_days", {0, 0, 1, 2, 0, 3, 1, 0, 2, 4}}}});
  return e;
}

std::string iso(Instant at) { return format_instant(at, 0); }

std::string backend_url(const std::string& backend, const std::string& dir) {
  if (backend == "sqlite") return "sqlite:" + dir + "/ledger.db";
  if (backend == "postgresql") {
    const char* url = std::getenv("BO_TEST_POSTGRES_URL");
    return url && *url ? url : "";
  }
  return "";
}

std::unique_ptr<Store> open_store(const std::string& url, const std::string& shop) {
  StoreOptions o;
  o.secret = kSecret;
  return Store::open(engine_for(shop), url, o);
}

}  // namespace backorder::reliability
