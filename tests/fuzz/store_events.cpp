// Events applied to an in-memory ledger: any input is answered (applied, duplicate or refused), a refused
// call leaves the outbox as it was, and every message written escapes its HTML.
#include "backorder/store.hpp"
#include "fuzz_support.hpp"

namespace {

std::unique_ptr<backorder::Store> fresh_store() {
  backorder::StoreOptions o;
  o.secret = "fuzzing-secret-of-enough-length";
  auto store = backorder::Store::open(fuzz::apparel_engine(), "sqlite::memory:", o);
  nlohmann::json catalog =
      nlohmann::json::parse(fuzz::read_file(std::string(BO_REPO_DIR) + "/examples/apparel/catalog.json"));
  catalog["stock"] = nlohmann::json::parse(
      fuzz::read_file(std::string(BO_REPO_DIR) + "/examples/apparel/stock.json"))["stock"];
  catalog["id"] = "fuzz-catalog";
  catalog["type"] = "catalog";
  catalog["at"] = "2026-11-30T08:00:00-05:00";
  store->apply_json(catalog.dump());
  return store;
}

constexpr backorder::Instant kLater = 4102444800000;  // 2100-01-01: every message is due

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::unique_ptr<backorder::Store> store;
  static int runs = 0;
  if (!store || ++runs % 500 == 0) store = fresh_store();  // keep the in-memory database small
  std::size_t before = store->outbox("", 100000, kLater).size();
  std::string answer;
  if (!fuzz::answers([&] { answer = store->apply_json(fuzz::as_text(data, size)); })) {
    if (store->outbox("", 100000, kLater).size() != before) fuzz::fail("a refused call wrote messages");
    return 0;
  }
  fuzz::expect_json(answer, "Store::apply_json");
  for (const auto& m : store->outbox("", 100000, kLater)) {
    if (m.html.find("<script") != std::string::npos || m.html.find("href=\"javascript:") != std::string::npos)
      fuzz::fail("unescaped markup in a message", m.html);
  }
  return 0;
}
