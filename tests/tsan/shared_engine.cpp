// One engine shared by 8 threads through the C ABI, as backorder.h's threading contract allows: a bo_engine
// "may be shared by any number of threads"; a bo_labeler and a bo_promises "belong to one thread at a time",
// so each thread has its own. Every thread computes labels (JSON, catalog JSON, typed batches), promise
// quotes and labels, changes to its own book, checkout plans and consent records, many times over, and must
// get byte for byte what a single-threaded run of the same work got. Then the engine handle is released
// while the threads go on with their own handles (they keep the engine alive).
//
// Built in every preset and run by ctest; scripts/tsan.sh runs it under ThreadSanitizer, where any report
// fails the run.
#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "backorder.h"

namespace {

using nlohmann::json;

constexpr int kThreads = 8;
constexpr std::int64_t kNowMs = 1796047200000;  // 2026-11-30T09:00:00-05:00
constexpr const char* kNowIso = "2026-11-30T09:00:00-05:00";
// Each thread labels in its own locale; the reference run does each locale once.
constexpr const char* kLocales[kThreads] = {"en-US", "de-DE", "fr-FR", "es-ES",
                                            "pl-PL", "ja-JP", "en-GB", "de-AT"};

std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(BO_EXAMPLES_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + relative);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The requests, built once before any thread starts and only read after.
struct Requests {
  std::string policy, scenario;
  json catalog, stock;
  std::vector<std::string> skus;

  Requests() : policy(read_file("apparel/policy.json")), scenario(read_file("apparel/scenario.json")) {
    catalog = json::parse(read_file("apparel/catalog.json"))["items"];
    stock = json::parse(read_file("apparel/stock.json"))["stock"];
    for (const auto& item : catalog) skus.push_back(item["sku"]);
  }
};

// A thread's own handles: a labeler, a promises book and a ledger (bo_store: "a Store handle belongs to one
// thread at a time"), each in-memory ledger holding the catalog.
struct Handles {
  bo_labeler* labeler = nullptr;
  bo_promises* book = nullptr;
  bo_store* store = nullptr;

  Handles(const bo_engine* engine, const Requests& r, const char* locale) {
    const std::string url = "sqlite::memory:";
    const std::string options = R"({"secret": "tsan-secret-of-enough-length"})";
    json catalog = {
        {"id", "catalog"}, {"type", "catalog"}, {"at", kNowIso}, {"items", r.catalog}, {"stock", r.stock}};
    const std::string events = catalog.dump();
    char* out = nullptr;
    size_t len = 0;
    if (bo_labeler_new(&labeler, engine, locale, std::strlen(locale), kNowMs) != BO_OK ||
        bo_promises_new(&book, engine, r.scenario.data(), r.scenario.size()) != BO_OK ||
        bo_store_open(&store, engine, url.data(), url.size(), options.data(), options.size()) != BO_OK ||
        bo_store_apply_json(&out, &len, store, events.data(), events.size()) != BO_OK) {
      throw std::runtime_error(std::string("handles: ") + bo_last_error_message());
    }
    bo_free(out);
  }
  ~Handles() {
    bo_labeler_free(labeler);
    bo_promises_free(book);
    bo_store_free(store);
  }
  Handles(const Handles&) = delete;
  Handles& operator=(const Handles&) = delete;
};

// What a thread computed, in order: the answers, or the error of a call that failed.
using Answers = std::vector<std::string>;

template <typename Fn, typename... Args>
void answer(Answers& out, Fn fn, const json& request, Args... handle) {
  const std::string text = request.dump();
  char* json_out = nullptr;
  size_t len = 0;
  const bo_status st = fn(&json_out, &len, handle..., text.data(), text.size());
  if (st != BO_OK) {
    out.push_back("error " + std::to_string(st) + " " + bo_last_error_path() + ": " +
                  bo_last_error_message());
    return;
  }
  out.emplace_back(json_out, len);
  bo_free(json_out);
}

// A typed batch of the whole catalog, written down field by field.
void typed_batch(Answers& out, bo_labeler* labeler, const Requests& r, int quantity) {
  std::vector<bo_item> items(r.skus.size());
  std::vector<bo_label> labels(r.skus.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    bo_item& it = items[i];
    it = bo_item{};
    it.struct_size = sizeof(bo_item);
    it.sku = r.skus[i].data();
    it.sku_len = r.skus[i].size();
    it.quantity = quantity;
    it.on_hand = r.stock[i % r.stock.size()].value("on_hand", 0);
    it.lead_min_days = it.lead_max_days = it.max_backorder = it.low_stock_threshold = BO_UNSET;
    labels[i] = bo_label{};
    labels[i].struct_size = sizeof(bo_label);
  }
  if (bo_labeler_run(labels.data(), labeler, items.data(), items.size()) != BO_OK) {
    out.push_back(std::string("labeler_run: ") + bo_last_error_message());
    return;
  }
  std::string s;
  for (const bo_label& l : labels) {
    s += std::to_string(l.status) + "|" + l.text + "|" + l.short_text + "|" + l.later_from + "|" +
         l.later_to + "|" + l.availability_date + "|" + std::to_string(l.ship_now) + "/" +
         std::to_string(l.later) + "\n";
  }
  out.push_back(std::move(s));
}

// The work of one thread in one locale: phase 1 uses the shared engine and the thread's handles; phase 2 only
// the handles (the engine handle may be gone).
void work(Answers& out, const bo_engine* engine, Handles& h, const Requests& r, const char* locale,
          int iteration, bool with_engine) {
  const int quantity = 1 + iteration % 4;
  const json cart = {
      {"currency", "USD"},
      {"lines",
       {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", quantity}, {"unit_price", 12900}},
        {{"line_id", "2"}, {"sku", "SCF-WOOL-GRY"}, {"quantity", 1}, {"unit_price", 3500}}}}};
  const json customer = {{"locale", locale}, {"zone", iteration % 2 ? "US" : "CA"}};
  if (with_engine) {
    answer(out, bo_engine_label_json,
           {{"item", r.catalog[iteration % r.catalog.size()]},
            {"stock", {{"on_hand", iteration % 3}}},
            {"quantity", quantity},
            {"locale", locale},
            {"now", kNowIso}},
           engine);
    answer(out, bo_engine_labels_json,
           {{"items", r.catalog},
            {"stock", r.stock},
            {"quantity", quantity},
            {"locale", locale},
            {"now", kNowIso}},
           engine);
    json checkout = json::parse(r.scenario);
    checkout["cart"] = cart;
    checkout["customer"] = customer;
    answer(out, bo_engine_checkout_json, checkout, engine);
    // Each thread's last error is its own: a refused call right after the others succeeded.
    answer(out, bo_engine_label_json, {{"item", {{"sku", locale}}}, {"now", "someday"}}, engine);
  }
  typed_batch(out, h.labeler, r, quantity);
  answer(out, bo_promises_quote_json, {{"sku", "JKT-NAVY-M"}, {"quantity", quantity}},
         static_cast<const bo_promises*>(h.book));
  answer(out, bo_promises_labels_json, {{"locale", locale}, {"quantity", quantity}},
         static_cast<const bo_promises*>(h.book));
  // A change to the thread's own book and back: the deltas, then the book as it was.
  answer(out, bo_promises_apply_json,
         {{"type", "supply_changed"}, {"id", "PO-1001"}, {"expected", "2026-12-15"}}, h.book);
  answer(out, bo_promises_apply_json,
         {{"type", "supply_changed"}, {"id", "PO-1001"}, {"expected", "2026-12-10"}}, h.book);
  answer(out, bo_promises_checkout_json, {{"cart", cart}, {"customer", customer}},
         static_cast<const bo_promises*>(h.book));
  // The ledger: an order in the thread's locale, its messages claimed and acknowledged.
  const std::string order = "O-" + std::to_string(iteration) + (with_engine ? "a" : "b");
  answer(out, bo_store_apply_json,
         {{"id", "e-" + order},
          {"type", "order_placed"},
          {"at", kNowIso},
          {"order",
           {{"id", order},
            {"customer", {{"email", "shopper@example.com"}, {"locale", locale}, {"zone", "US"}}},
            {"lines", {{{"line_id", "1"}, {"sku", "JKT-NAVY-M"}, {"quantity", quantity}}}}}}},
         h.store);
  answer(out, bo_store_claim_json, {{"max", 10}, {"lease_seconds", 60}, {"now", kNowIso}}, h.store);
  json claimed = json::parse(out.back(), nullptr, false);
  for (const json& m : claimed.is_object() ? claimed["messages"] : json::array()) {
    const std::int64_t id = m["id"];
    if (bo_store_ack(h.store, &id, 1) != BO_OK) out.push_back(std::string("ack: ") + bo_last_error_message());
  }
  // The consent record for the plan just made, and its check.
  json plan = json::parse(out.back(), nullptr, false);
  if (plan.is_object()) {
    answer(out, bo_consent_json,
           {{"plan", plan}, {"choice", json::object()}, {"now", "2026-11-30T14:05:00Z"}});
    answer(out, bo_consent_check_json, json::parse(out.back(), nullptr, false));
  }
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = 25;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--iterations") == 0) iterations = std::atoi(argv[i + 1]);
  }
  const Requests r;
  bo_engine* engine = nullptr;
  if (bo_engine_new(&engine, r.policy.data(), r.policy.size()) != BO_OK) {
    std::fprintf(stderr, "engine: %s\n", bo_last_error_message());
    return 1;
  }

  // The reference: each locale's work, one thread, fresh handles.
  std::vector<Answers> expected(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    Handles h(engine, r, kLocales[t]);
    for (int i = 0; i < iterations; ++i) work(expected[t], engine, h, r, kLocales[t], i, true);
    for (int i = 0; i < iterations; ++i) work(expected[t], engine, h, r, kLocales[t], i, false);
  }

  // The same work on 8 threads at once. Handles are made on this thread and handed over: a labeler or a book
  // belongs to one thread at a time, not necessarily the one that made it.
  std::vector<std::unique_ptr<Handles>> handles;
  for (int t = 0; t < kThreads; ++t) handles.push_back(std::make_unique<Handles>(engine, r, kLocales[t]));
  std::vector<Answers> got(kThreads);
  std::barrier engine_released(kThreads + 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < iterations; ++i) work(got[t], engine, *handles[t], r, kLocales[t], i, true);
      engine_released.arrive_and_wait();  // phase 2 starts as the engine handle is released
      for (int i = 0; i < iterations; ++i) work(got[t], nullptr, *handles[t], r, kLocales[t], i, false);
    });
  }
  engine_released.arrive_and_wait();
  bo_engine_free(engine);
  for (auto& th : threads) th.join();
  handles.clear();

  std::size_t answers = 0;
  int failures = 0;
  for (int t = 0; t < kThreads; ++t) {
    answers += got[t].size();
    if (got[t] != expected[t]) {
      ++failures;
      std::size_t i = 0;
      while (i < got[t].size() && i < expected[t].size() && got[t][i] == expected[t][i]) ++i;
      std::fprintf(stderr, "thread %d (%s): answer %zu differs from the single-threaded run\n", t,
                   kLocales[t], i);
    }
  }
  std::printf("shared engine: %d threads x %d iterations, %zu answers, %s\n", kThreads, iterations, answers,
              failures == 0 ? "all equal to the single-threaded run" : "DIFFERENT");
  return failures == 0 ? 0 : 1;
}
