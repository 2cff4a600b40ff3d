// Speed and memory of the promise engine (issue 3 targets): a full recompute of 1,000,000 waiting lines over
// 100,000 items with 200,000 inbound orders (<= 1 s on one core, <= 500 MB), one change to an item with
// 10,000 waiting lines (<= 1 ms), one quote (<= 2 µs). Data are generated with a fixed seed outside the timed
// regions.
//
//   bench_promise [--small] [--items=N --supply=N --lines=N --hot-lines=N] [Google Benchmark flags]
//   bench_promise --memory-probe --items=N --supply=N --lines=N   (internal: one construction in a fresh
//                                                                   process, prints its RSS numbers)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "gen.hpp"

using namespace backorder;
using namespace backorder::bench;

namespace {

ShopSize g_shop;                   // the full-recompute shop
std::size_t g_hot_lines = 10'000;  // waiting lines of the item the change and quote benchmarks use
ShopSize g_background{10'000, 20'000, 100'000, 7};  // the rest of the book around the hot item

// kB from /proc/self/status ("VmRSS", "VmHWM").
long status_kb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(key);
  while (std::getline(in, line)) {
    if (line.compare(0, n, key) == 0 && line.size() > n && line[n] == ':')
      return std::atol(line.c_str() + n + 1);
  }
  return -1;
}

// In a fresh process: generate the shop, then build the book from it, and print
// "start_kb facts_kb peak_kb book_kb": RSS at start, after generating the facts, the high-water mark while
// building the book, and RSS once the book is built and its input freed.
int memory_probe() {
  const long start = status_kb("VmRSS");
  auto engine = bench_engine();
  std::optional<Facts> facts(make_shop(g_shop));
  const long with_facts = status_kb("VmRSS");
  std::optional<PromiseBook> book;
  book.emplace(engine, std::move(*facts), bench_now());
  facts.reset();
  const long peak = status_kb("VmHWM");
  const long after = status_kb("VmRSS");
  benchmark::DoNotOptimize(book->line_count());
  std::printf("%ld %ld %ld %ld\n", start, with_facts, peak, after);
  return 0;
}

struct Probe {
  double facts_mb = -1, peak_mb = -1, growth_mb = -1, book_mb = -1;
};

Probe run_probe() {
  char self[4096];
  const ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
  Probe p;
  if (len <= 0) return p;
  self[len] = '\0';
  std::string cmd = std::string("'") + self + "' --memory-probe --items=" + std::to_string(g_shop.items) +
                    " --supply=" + std::to_string(g_shop.supply) + " --lines=" + std::to_string(g_shop.lines);
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return p;
  long start = 0, facts = 0, peak = 0, after = 0;
  if (std::fscanf(f, "%ld %ld %ld %ld", &start, &facts, &peak, &after) == 4) {
    p.facts_mb = (facts - start) / 1024.0;
    p.peak_mb = peak / 1024.0;
    p.growth_mb = (peak - facts) / 1024.0;
    p.book_mb = (after - start) / 1024.0;
  }
  pclose(f);
  return p;
}

const Facts& shop() {
  static const Facts facts = make_shop(g_shop);
  return facts;
}

// Full recompute: a PromiseBook from the facts (validation, indexes, FCFS allocation, every window).
void BM_Recompute(benchmark::State& state) {
  auto engine = bench_engine();
  const Facts& facts = shop();
  const Instant now = bench_now();
  for (auto _ : state) {
    state.PauseTiming();
    std::optional<Facts> copy(facts);
    std::optional<PromiseBook> book;
    state.ResumeTiming();
    book.emplace(engine, std::move(*copy), now);
    benchmark::DoNotOptimize(book->promise(0));
    state.PauseTiming();
    book.reset();
    copy.reset();
    state.ResumeTiming();
  }
  static const Probe probe = run_probe();  // once per process: a fresh process per measurement
  state.counters["lines"] = static_cast<double>(g_shop.lines);
  state.counters["items"] = static_cast<double>(g_shop.items);
  state.counters["supply"] = static_cast<double>(g_shop.supply);
  state.counters["lines_per_s"] =
      benchmark::Counter(static_cast<double>(g_shop.lines), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["peak_MB"] = probe.peak_mb;      // whole process: facts + book, the target's number
  state.counters["facts_MB"] = probe.facts_mb;    // the generated input alone
  state.counters["growth_MB"] = probe.growth_mb;  // peak above the input while building
  state.counters["book_MB"] = probe.book_mb;      // the built book once its input is freed
}
BENCHMARK(BM_Recompute)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

struct HotBook {
  std::shared_ptr<const Engine> engine = bench_engine();
  PromiseBook book;
  Day due;
  HotBook() : book(make()) {}
  PromiseBook make() {
    Facts f = make_shop(g_background);
    add_hot_item(f, g_hot_lines, 11);
    due = f.supply.back().arrive_from;  // unused; keeps the layout obvious
    return PromiseBook(engine, std::move(f), bench_now());
  }
};

HotBook& hot() {
  static HotBook h;
  return h;
}

// The hot item's first purchase order slips by five days, then comes back: every iteration moves the
// windows of the lines it serves (about a fifth of the 10,000) and returns them as deltas.
void BM_ChangeSupplySlips(benchmark::State& state) {
  PromiseBook& book = hot().book;
  const Day today = day_from_ymd(2026, 11, 30);
  Change slip;
  slip.kind = Change::Kind::supply_changed;
  slip.supply.id = "HOT-PO-0";
  slip.has_arrival = true;
  std::size_t deltas = 0;
  bool late = false;
  for (auto _ : state) {
    late = !late;
    slip.supply.arrive_from = slip.supply.arrive_to = today + (late ? 10 : 5);
    auto d = book.apply(slip);
    deltas += d.size();
    benchmark::DoNotOptimize(d.data());
  }
  if (late) {  // leave the book as it was for the next benchmark
    slip.supply.arrive_from = slip.supply.arrive_to = today + 5;
    book.apply(slip);
  }
  state.counters["waiting_lines"] = static_cast<double>(g_hot_lines);
  state.counters["deltas"] =
      benchmark::Counter(static_cast<double>(deltas), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_ChangeSupplySlips)->Unit(benchmark::kMicrosecond);

// A new order on the hot item (it joins the back of the queue), then its cancellation: two changes.
void BM_ChangeOrderPlacedCancelled(benchmark::State& state) {
  PromiseBook& book = hot().book;
  Change place;
  place.kind = Change::Kind::order_placed;
  place.line = {"", "1", "HOT-1", 1, bench_now(), 0, "US"};
  Change cancel;
  cancel.kind = Change::Kind::order_cancelled;
  cancel.line.line_id = "1";
  static std::size_t n = 0;  // ids of cancelled lines stay taken
  for (auto _ : state) {
    place.line.order_id = cancel.line.order_id = "NEW-" + std::to_string(n++);
    benchmark::DoNotOptimize(book.apply(place));
    benchmark::DoNotOptimize(book.apply(cancel));
  }
  state.counters["waiting_lines"] = static_cast<double>(g_hot_lines);
}
BENCHMARK(BM_ChangeOrderPlacedCancelled)->Unit(benchmark::kMicrosecond);

// A quote for the hot item (10,000 lines ahead; the answer falls past its inbound supply).
void BM_QuoteHot(benchmark::State& state) {
  const PromiseBook& book = hot().book;
  for (auto _ : state) benchmark::DoNotOptimize(book.quote("HOT-1", 1, "US"));
}
BENCHMARK(BM_QuoteHot)->Unit(benchmark::kNanosecond);

// Quotes for ordinary items of the 10,000-item book, a different sku each call.
void BM_Quote(benchmark::State& state) {
  const PromiseBook& book = hot().book;
  std::vector<std::string> skus;
  for (std::size_t i = 0; i < 4096; ++i) skus.push_back(book.item_at((i * 7919) % book.item_count()).sku);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(book.quote(skus[i++ & 4095], 1, "US"));
}
BENCHMARK(BM_Quote)->Unit(benchmark::kNanosecond);

bool take_size(const char* arg, const char* name, std::size_t& out) {
  const std::size_t n = std::strlen(name);
  if (std::strncmp(arg, name, n) != 0 || arg[n] != '=') return false;
  out = static_cast<std::size_t>(std::strtoull(arg + n + 1, nullptr, 10));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  bool probe = false;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--small") == 0) {
      g_shop = {2'000, 4'000, 20'000, 42};
      g_background = {1'000, 2'000, 10'000, 7};
      g_hot_lines = 1'000;
    } else if (std::strcmp(argv[i], "--memory-probe") == 0) {
      probe = true;
    } else if (!take_size(argv[i], "--items", g_shop.items) &&
               !take_size(argv[i], "--supply", g_shop.supply) &&
               !take_size(argv[i], "--lines", g_shop.lines) &&
               !take_size(argv[i], "--hot-lines", g_hot_lines)) {
      rest.push_back(argv[i]);
    }
  }
  if (probe) return memory_probe();
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  if (benchmark::ReportUnrecognizedArguments(n, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
