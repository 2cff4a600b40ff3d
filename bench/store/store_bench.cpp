// The ledger's speed (issue 5 targets): events applied durably per second (>= 5,000 on SQLite, group commit
// allowed; >= 2,000 on PostgreSQL) and a restock allocated over 100,000 notify-me subscribers (<= 100 ms).
//
//   sqlite/apply/batch:N                 a SQLite file (WAL, synchronous=FULL: every commit is fsync'd),
//                                        N events per call (one transaction), the generated shop's mix
//   postgresql/apply/batch:N/threads:T   the same on PostgreSQL with T connections, one shop
//   <backend>/restock/units:U            stock_received of U units of an item 100,000 subscribers wait for
//                                        (the waitlist is served in the same transaction); U = 100 tells 150
//
//   bench_store [--small] [--items=2000 --warm=5000 --subscribers=100000 --events=4000] [Google Benchmark
//   flags]
//
// Counters: messages_per_event (written to the outbox), refused_calls, cpu_wait_pct (of the real time spent
// waiting for a CPU: the machine is shared), noqueue_per_s / noqueue_ms (the rate or time without that
// wait: what a core of its own would give; the disk's waits stay in; cpu_wait.hpp), cpu_ms_per_event /
// cpu_ms (CPU time per event or restock, the benchmark's plus, for a PostgreSQL server on this machine that
// serves nobody else, the server's; server_cpu.hpp).
//
// Each apply run starts from a fresh ledger with the catalog and a few thousand events already applied;
// events are generated before the timed loop. Real time throughout: waiting for the disk is the point.
// PostgreSQL cases run when BO_BENCH_POSTGRES_URL names a server; SQLite files go to BO_BENCH_DIR or the
// system's temporary folder (removed at the end unless BO_BENCH_KEEP is set).
#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "backorder/store.hpp"
#include "cpu_wait.hpp"
#include "gen.hpp"
#include "server_cpu.hpp"

using namespace backorder;
using namespace backorder::store_bench;
namespace fs = std::filesystem;

namespace {

struct Sizes {
  int items = 2'000;          // in the catalog
  int warm = 10'000;          // events in the ledger before timing
  int subscribers = 100'000;  // waiting for the restocked item
  int events = 4'000;         // per apply run and connection, rounded to whole batches
  int min_calls = 100;        // per apply run, over the connections
};
Sizes g_size;
std::string g_pg_url;
std::unique_ptr<ServerCpu> g_server;  // the PostgreSQL server's CPU time, when it runs on this machine
fs::path g_dir;

const std::string kSecret = "a-benchmark-secret-of-32-bytes!!";

std::unique_ptr<Store> open(const std::string& url, const std::string& shop) {
  StoreOptions o;
  o.secret = kSecret;
  return Store::open(bench_engine(shop), url, o);
}

std::string unique(const std::string& what) {
  static std::atomic<int> n{0};
  return what + "-" + std::to_string(getpid()) + "-" + std::to_string(n++);
}

// A fresh ledger: a new SQLite file, or a new shop in the PostgreSQL database.
std::string fresh_url(bool pg, const std::string& name) {
  if (pg) return g_pg_url;
  fs::path file = g_dir / (name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
  return "sqlite:" + file.string();
}

// Counts the messages an apply answer reports, without parsing the whole answer.
std::int64_t messages_in(const std::string& answer) {
  std::int64_t n = 0;
  for (std::size_t at = 0; (at = answer.find("\"messages\":", at)) != std::string::npos; at += 11)
    n += std::atoll(answer.c_str() + at + 11);
  return n;
}

// PostgreSQL's statistics know a shop only once autovacuum analyzed its rows. Until then the planner takes
// `shop = ?` to match a row or two, and joins by nested loops over the whole shop: a fresh shop in a
// database that already holds others (every case here makes one) ran a delay's lifetime-value query in
// 100 ms instead of 0.2. A shop that has run for a while has its statistics; so does the benchmark's, before
// timing.
void analyze(const std::string& url) {
  if (url != g_pg_url) return;
  PGconn* conn = PQconnectdb(url.c_str());
  PQclear(PQexec(conn, "ANALYZE"));
  PQfinish(conn);
}

// ---- apply ----

struct Run {
  std::string url, shop;
};
Run g_run;  // set by Setup for the run's threads

void prepare_apply(bool pg) {
  g_run.shop = unique("apply");
  g_run.url = fresh_url(pg, g_run.shop);
  auto store = open(g_run.url, g_run.shop);
  store->apply_json(catalog_event(g_size.items, bench_start()).dump());
  EventStream warm(g_size.items, 1, "warm", bench_start());
  for (int done = 0; done < g_size.warm; done += 100) store->apply_json(warm.batch(100));
  analyze(g_run.url);
}

void apply_events(benchmark::State& state) {
  const int batch = static_cast<int>(state.range(0));
  const int calls = std::max(g_size.min_calls / state.threads(), g_size.events / batch);
  auto store = open(g_run.url, g_run.shop);
  // Each connection is its own worker, a day after the warm-up; generated before timing.
  EventStream stream(g_size.items, 100 + static_cast<std::uint64_t>(state.thread_index()),
                     "t" + std::to_string(state.thread_index()), bench_start() + 86'400'000);
  std::vector<std::string> batches;
  for (int i = 0; i < calls; ++i) batches.push_back(stream.batch(batch));
  std::size_t next = 0;
  std::int64_t messages = 0, refused = 0;
  const std::int64_t wait_before = cpu_wait_ns();
  const auto started = std::chrono::steady_clock::now();
  const double cpu_before = thread_cpu_seconds();
  const bool server = g_run.url == g_pg_url && g_server && state.thread_index() == 0;
  double server_before = -1;
  for (auto _ : state) {
    // After the barrier that starts every connection's loop: the server's CPU from here is theirs.
    if (server && server_before < 0) server_before = g_server->seconds();
    try {
      messages += messages_in(store->apply_json(batches[next++]));
    } catch (const Error& e) {
      static bool once = [&] {
        std::fprintf(stderr, "bench_store: a call was refused: %s\n", e.what());
        return true;
      }();
      (void)once;
      // Refused whole: another connection shipped the units first, or the batch lost deadlocks to the
      // others more often than the store retries. Counted.
      ++refused;
    }
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double waited = static_cast<double>(cpu_wait_ns() - wait_before) / 1e9;
  // After the barrier that ends every connection's loop.
  const double cpu = thread_cpu_seconds() - cpu_before + (server ? g_server->seconds() - server_before : 0);
  const double events = static_cast<double>(state.iterations()) * batch;
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["messages_per_event"] =
      benchmark::Counter(static_cast<double>(messages) / events, benchmark::Counter::kAvgThreads);
  state.counters["refused_calls"] = static_cast<double>(refused);
  // Events per second had this connection had a core to itself (summed over the connections).
  state.counters["noqueue_per_s"] = events / std::max(1e-9, wall - waited);
  state.counters["cpu_wait_pct"] =
      benchmark::Counter(100 * waited / std::max(1e-9, wall), benchmark::Counter::kAvgThreads);
  // CPU an event costs, the benchmark's and (PostgreSQL on this machine) the server's (summed over the
  // connections: each adds its share of the total).
  state.counters["cpu_ms_per_event"] = 1000 * cpu / (events * state.threads());
}

void register_apply(bool pg) {
  for (int batch : {1, 10, 100}) {
    for (int threads : pg ? std::vector<int>{1, 4} : std::vector<int>{1}) {
      std::string name = std::string(pg ? "postgresql" : "sqlite") + "/apply";
      int calls = std::max(g_size.min_calls / threads, g_size.events / batch);
      auto* b = benchmark::RegisterBenchmark(name.c_str(), apply_events)
                    ->Arg(batch)
                    ->Iterations(calls)
                    ->UseRealTime()
                    ->Unit(benchmark::kMillisecond)
                    ->Setup(pg ? [](const benchmark::State&) { prepare_apply(true); }
                               : [](const benchmark::State&) { prepare_apply(false); });
      b->ArgName("batch");
      if (pg) b->Threads(threads);
    }
  }
}

// ---- restock ----

// One ledger per backend, its subscribers loaded once: a restock tells the next ones in line, so every
// iteration and repetition meets the same queue.
struct Waitlist {
  std::string url, shop, sku;
};

const Waitlist& waitlist(bool pg) {
  static std::map<bool, Waitlist> made;
  if (auto it = made.find(pg); it != made.end()) return it->second;
  Waitlist w;
  w.shop = unique("restock");
  w.url = fresh_url(pg, w.shop);
  w.sku = sku_of(1);
  auto store = open(w.url, w.shop);
  store->apply_json(catalog_event(std::min(g_size.items, 200), bench_start()).dump());
  const char* locales[] = {"en-US", "de-DE", "fr-FR", "es-ES"};
  for (int done = 0; done < g_size.subscribers;) {
    json batch = json::array();
    for (int k = 0; k < 2'000 && done < g_size.subscribers; ++k, ++done) {
      batch.push_back({{"id", "sub-" + std::to_string(done)},
                       {"type", "subscribed"},
                       {"at", format_instant(bench_start() + done * 1'000LL, 0)},
                       {"subscription",
                        {{"id", "W" + std::to_string(done)},
                         {"sku", w.sku},
                         {"contact", "w" + std::to_string(done) + "@example.com"},
                         {"locale", locales[done % 4]}}}});
    }
    store->apply_json(batch.dump());
  }
  analyze(w.url);
  return made[pg] = w;
}

void restock(benchmark::State& state, bool pg) {
  const Waitlist& w = waitlist(pg);
  const std::int64_t units = state.range(0);
  auto store = open(w.url, w.shop);
  Instant at = bench_start() + 200LL * 86'400'000;
  static int n = 0;
  std::int64_t told = 0;
  double noqueue = 0;  // seconds of timed work, less the time spent waiting for a CPU
  double cpu = 0;      // CPU seconds of the timed work, the benchmark's and the server's
  const bool server = pg && g_server;
  for (auto _ : state) {
    state.PauseTiming();
    // The shelf is empty again before each restock (a stock count; it tells nobody).
    at += 3'600'000;
    json empty = {{"id", "count-" + std::to_string(n)},
                  {"type", "stock_set"},
                  {"at", format_instant(at, 0)},
                  {"sku", w.sku},
                  {"on_hand", 0},
                  {"reserved", 0},
                  {"safety_stock", 0}};
    store->apply_json(empty.dump());
    json in = {{"id", "restock-" + std::to_string(n++)},
               {"type", "stock_received"},
               {"at", format_instant(at + 60'000, 0)},
               {"sku", w.sku},
               {"quantity", units}};
    std::string text = in.dump();
    const std::int64_t wait_before = cpu_wait_ns();
    const double cpu_before = thread_cpu_seconds() + (server ? g_server->seconds() : 0);
    const auto started = std::chrono::steady_clock::now();
    state.ResumeTiming();
    told += messages_in(store->apply_json(text));
    state.PauseTiming();
    noqueue += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() -
               static_cast<double>(cpu_wait_ns() - wait_before) / 1e9;
    cpu += thread_cpu_seconds() + (server ? g_server->seconds() : 0) - cpu_before;
    state.ResumeTiming();
  }
  state.counters["subscribers"] = g_size.subscribers;
  state.counters["told"] = benchmark::Counter(static_cast<double>(told), benchmark::Counter::kAvgIterations);
  state.counters["noqueue_ms"] = benchmark::Counter(noqueue * 1000, benchmark::Counter::kAvgIterations);
  state.counters["cpu_ms"] = benchmark::Counter(cpu * 1000, benchmark::Counter::kAvgIterations);
}

void register_restock(bool pg) {
  std::string name = std::string(pg ? "postgresql" : "sqlite") + "/restock";
  auto* b = benchmark::RegisterBenchmark(name.c_str(), restock, pg);
  b->ArgName("units")->Arg(100)->Arg(1'000)->UseRealTime()->Unit(benchmark::kMillisecond);
}

bool take(const char* arg, const char* name, int& out) {
  const std::size_t n = std::strlen(name);
  if (std::strncmp(arg, name, n) != 0 || arg[n] != '=') return false;
  out = std::atoi(arg + n + 1);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--small") == 0) {
      g_size = {200, 100, 1'000, 200, 4};
    } else if (!take(argv[i], "--items", g_size.items) && !take(argv[i], "--warm", g_size.warm) &&
               !take(argv[i], "--subscribers", g_size.subscribers) &&
               !take(argv[i], "--events", g_size.events)) {
      rest.push_back(argv[i]);
    }
  }
  const char* dir = std::getenv("BO_BENCH_DIR");
  g_dir = fs::path(dir && *dir ? dir : fs::temp_directory_path().string()) / unique("bo-bench-store");
  fs::create_directories(g_dir);
  const char* pg = std::getenv("BO_BENCH_POSTGRES_URL");
  g_pg_url = pg ? pg : "";

  register_apply(false);
  register_restock(false);
  if (!g_pg_url.empty()) {
    g_server = std::make_unique<ServerCpu>(g_pg_url);
    register_apply(true);
    register_restock(true);
  } else {
    std::fprintf(stderr, "bench_store: BO_BENCH_POSTGRES_URL is not set: PostgreSQL cases skipped\n");
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  if (benchmark::ReportUnrecognizedArguments(n, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!std::getenv("BO_BENCH_KEEP")) fs::remove_all(g_dir);  // kept: to look inside with sqlite3
  return 0;
}
