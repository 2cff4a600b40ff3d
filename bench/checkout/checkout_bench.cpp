// Speed of checkout (issue 4 target: a 50-line cart planned in at most 50 µs on one core). The shop and the
// cart come from gen.cpp with a fixed seed; the PromiseBook is built from the generated scenario JSON (the
// same bytes Python and PHP load) outside the timed region.
//
//   bench_checkout [--small] [--seed=N] [Google Benchmark flags]
//   bench_checkout --profile=PLANS [--items=2000] [--categories=100] [--json]
//       no benchmarks: PLANS plans (a Labeler each; with --json, book_checkout_json calls) in one function,
//       profile_plans, for `valgrind --tool=callgrind --toggle-collect='*profile_plans*'`
//
// Benchmarks, each at 100, 2,000 and 20,000 items in (up to) 100 categories, and 20,000 items in 1,000:
//   plan          a Labeler for the shopper's locale made per plan (as a request does), then plan_checkout
//   plan_warm     plan_checkout with one Labeler kept across plans (what the Labeler costs, by difference)
//   labeler       the Labeler alone
//   json          book_checkout_json: request JSON in (cart + customer), plan JSON out
//   encode        checkout_plan_json alone, for a plan made beforehand
// Counters: lines (cart lines), waiting (lines with options), alternatives (offered in the plan), ranked
// (candidates scored for the alternatives search: the category sizes of the lines that search).
// --small runs the 100-item shop only (the ctest smoke).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "backorder/labels.hpp"
#include "backorder/wire.hpp"
#include "gen.hpp"

using namespace backorder;
using namespace backorder::bench;

namespace {

std::uint64_t g_seed = 42;

struct Prepared {
  CheckoutShop shop;
  std::unique_ptr<PromiseBook> book;
  std::string request;
  double waiting = 0, alternatives = 0, ranked = 0;
};

// Built once per size; the book from the scenario JSON, and the plan checked against the JSON call.
Prepared& prepared(std::size_t items, std::size_t categories) {
  static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<Prepared>> cache;
  auto& slot = cache[{items, categories}];
  if (slot) return *slot;
  auto p = std::make_unique<Prepared>();
  CheckoutSize size;
  size.items = items;
  size.categories = categories;
  size.seed = g_seed;
  p->shop = make_checkout_shop(size);
  p->book = std::make_unique<PromiseBook>(promise_book_from_json(checkout_engine(), scenario_json(p->shop)));
  p->request = request_json(p->shop);
  Labeler labeler(p->book->engine_ptr(), p->shop.cart.customer.locale, p->book->today().now);
  const CheckoutPlan plan = plan_checkout(*p->book, p->shop.cart, labeler);
  const std::string direct = checkout_plan_json(plan, p->book->engine());
  const std::string via_json = book_checkout_json(*p->book, p->request);
  if (direct != via_json) {
    std::fprintf(stderr, "bench_checkout: plan_checkout and book_checkout_json disagree (%zu items)\n",
                 items);
    std::exit(1);
  }
  for (const PlanLine& l : plan.lines) {
    if (l.options.empty()) continue;
    ++p->waiting;
    p->alternatives += static_cast<double>(l.alternatives.size());
    if (!l.preorder) {
      const std::string& cat = p->book->item(l.sku)->category;
      p->ranked += static_cast<double>(p->book->items_in_category(cat).size());
    }
  }
  std::printf(
      "shop: %zu items in %zu categories, %zu stock rows, %zu purchase orders, %zu waiting lines; cart: %zu "
      "lines, %.0f with options, %.0f alternatives offered, %.0f candidates ranked, mixed %s, plan JSON "
      "%zu bytes (plan_checkout == book_checkout_json)\n",
      items, p->shop.categories, p->shop.facts.stock.size(), p->shop.facts.supply.size(),
      p->shop.facts.lines.size(), p->shop.cart.lines.size(), p->waiting, p->alternatives, p->ranked,
      plan.mixed ? "yes" : "no", direct.size());
  std::fflush(stdout);
  slot = std::move(p);
  return *slot;
}

void counters(benchmark::State& state, const Prepared& p) {
  state.counters["lines"] = static_cast<double>(p.shop.cart.lines.size());
  state.counters["waiting"] = p.waiting;
  state.counters["alternatives"] = p.alternatives;
  state.counters["ranked"] = p.ranked;
}

void BM_Plan(benchmark::State& state, std::size_t items, std::size_t categories) {
  Prepared& p = prepared(items, categories);
  const PromiseBook& book = *p.book;
  for (auto _ : state) {
    Labeler labeler(book.engine_ptr(), p.shop.cart.customer.locale, book.today().now);
    CheckoutPlan plan = plan_checkout(book, p.shop.cart, labeler);
    benchmark::DoNotOptimize(plan);
  }
  counters(state, p);
}

void BM_PlanWarm(benchmark::State& state, std::size_t items, std::size_t categories) {
  Prepared& p = prepared(items, categories);
  const PromiseBook& book = *p.book;
  Labeler labeler(book.engine_ptr(), p.shop.cart.customer.locale, book.today().now);
  for (auto _ : state) {
    CheckoutPlan plan = plan_checkout(book, p.shop.cart, labeler);
    benchmark::DoNotOptimize(plan);
  }
  counters(state, p);
}

void BM_Labeler(benchmark::State& state, std::size_t items, std::size_t categories) {
  Prepared& p = prepared(items, categories);
  const PromiseBook& book = *p.book;
  for (auto _ : state) {
    Labeler labeler(book.engine_ptr(), p.shop.cart.customer.locale, book.today().now);
    benchmark::DoNotOptimize(&labeler);
  }
}

void BM_Json(benchmark::State& state, std::size_t items, std::size_t categories) {
  Prepared& p = prepared(items, categories);
  const PromiseBook& book = *p.book;
  for (auto _ : state) {
    std::string plan = book_checkout_json(book, p.request);
    benchmark::DoNotOptimize(plan);
  }
  counters(state, p);
}

void BM_Encode(benchmark::State& state, std::size_t items, std::size_t categories) {
  Prepared& p = prepared(items, categories);
  const PromiseBook& book = *p.book;
  Labeler labeler(book.engine_ptr(), p.shop.cart.customer.locale, book.today().now);
  const CheckoutPlan plan = plan_checkout(book, p.shop.cart, labeler);
  for (auto _ : state) {
    std::string json = checkout_plan_json(plan, book.engine());
    benchmark::DoNotOptimize(json);
  }
}

// Not inlined, so callgrind can collect exactly the plans.
[[gnu::noinline]] std::size_t profile_plans(const Prepared& p, std::uint64_t plans, bool json) {
  const PromiseBook& book = *p.book;
  std::size_t sink = 0;
  for (std::uint64_t i = 0; i < plans; ++i) {
    if (json) {
      sink += book_checkout_json(book, p.request).size();
    } else {
      Labeler labeler(book.engine_ptr(), p.shop.cart.customer.locale, book.today().now);
      sink += plan_checkout(book, p.shop.cart, labeler).lines.size();
    }
  }
  return sink;
}

bool take(const char* arg, const char* name, std::uint64_t& out) {
  const std::size_t n = std::strlen(name);
  if (std::strncmp(arg, name, n) != 0 || arg[n] != '=') return false;
  out = std::strtoull(arg + n + 1, nullptr, 10);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  bool small = false, json = false;
  std::uint64_t profile = 0, items = 2'000, categories = 100;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--small") == 0)
      small = true;
    else if (std::strcmp(argv[i], "--json") == 0)
      json = true;
    else if (!take(argv[i], "--seed", g_seed) && !take(argv[i], "--profile", profile) &&
             !take(argv[i], "--items", items) && !take(argv[i], "--categories", categories))
      rest.push_back(argv[i]);
  }
  if (profile > 0) {
    const Prepared& p = prepared(items, categories);
    const std::size_t sink = profile_plans(p, profile, json);
    std::printf("profiled %llu %s (%zu)\n", static_cast<unsigned long long>(profile),
                json ? "book_checkout_json calls" : "plans", sink);
    return 0;
  }
  std::vector<std::pair<std::size_t, std::size_t>> sizes = {
      {100, 100}, {2'000, 100}, {20'000, 100}, {20'000, 1'000}};
  if (small) sizes.resize(1);
  using Fn = void (*)(benchmark::State&, std::size_t, std::size_t);
  const std::pair<const char*, Fn> kinds[] = {{"plan", BM_Plan},
                                              {"plan_warm", BM_PlanWarm},
                                              {"labeler", BM_Labeler},
                                              {"json", BM_Json},
                                              {"encode", BM_Encode}};
  for (const auto& [name, fn] : kinds) {
    for (const auto& [items, cats] : sizes) {
      const std::string label = std::string(name) + "/items:" + std::to_string(items) +
                                "/categories:" + std::to_string(std::min(cats, items / 5));
      benchmark::RegisterBenchmark(label.c_str(), fn, items, cats)->Unit(benchmark::kMicrosecond);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  if (benchmark::ReportUnrecognizedArguments(n, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
