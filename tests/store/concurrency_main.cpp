// No lost update (issue 5): several processes, each with its own connection, apply events on the same items
// of one shop at once (concurrency_writer.cpp), in rounds that start together. After every round stock on
// hand is exact and every waiting line's window is what a fresh PromiseBook computes from the facts the
// writers applied: short rounds end on writes that raced each other, so a stale window written last shows
// (without PostgreSQL's advisory locks this fails within a few rounds). At the end every event is in the
// ledger once and no message key repeats (concurrency_check.cpp).
//
//   store_concurrency sqlite|postgresql [--writers=4] [--rounds=75] [--events=2]   (events per round)
//
// PostgreSQL runs when BO_TEST_POSTGRES_URL names a server; without one the test is skipped (exit 77).
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "concurrency.hpp"
#include "store/db.hpp"

using namespace backorder;
using namespace backorder::reliability;
namespace fs = std::filesystem;

namespace {

std::string flag(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--" + name + "=", 0) == 0) return a.substr(name.size() + 3);
  }
  return fallback;
}

std::unique_ptr<detail::Db> raw_db(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return detail::open_sqlite(url.substr(7), 10'000);
  return detail::open_postgres(url);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s sqlite|postgresql [--writers=4] [--rounds=75] [--events=2]\n", argv[0]);
    return 2;
  }
  const std::string backend = argv[1];
  WriterPlan plan;
  plan.writers = std::stoi(flag(argc, argv, "writers", "4"));
  plan.rounds = std::stoi(flag(argc, argv, "rounds", "75"));
  plan.events = std::stoi(flag(argc, argv, "events", "2"));
  fs::path dir = fs::temp_directory_path() / unique_shop("bo-concurrency");
  fs::create_directories(dir);
  const std::string url = backend_url(backend, dir.string());
  if (url.empty()) {
    std::printf("store_concurrency %s: skipped (BO_TEST_POSTGRES_URL is not set; scripts/test.sh sets it)\n",
                backend.c_str());
    fs::remove_all(dir);
    return kSkip;
  }
  const std::string shop = unique_shop("concurrency");
  const json setup = concurrency_setup();
  open_store(url, shop)->apply_json(setup.dump());
  const std::string prefix = (dir / "writer-").string();

  // One go pipe per writer (a writer that finishes early must not take another's go), one shared done pipe.
  std::vector<int> go(static_cast<std::size_t>(plan.writers), -1);
  int done[2];
  if (pipe(done) != 0) return 1;
  std::fflush(stdout);
  std::vector<pid_t> pids;
  for (int w = 0; w < plan.writers; ++w) {
    int p[2];
    if (pipe(p) != 0) return 1;
    pid_t pid = fork();
    if (pid == 0) {
      close(p[1]);
      close(done[0]);
      for (int fd : go)  // the earlier writers' go pipes: they must see the end when the parent stops
        if (fd >= 0) close(fd);
      plan.writer = w;
      plan.go_fd = p[0];
      plan.done_fd = done[1];
      _exit(run_concurrent_writer(url, shop, plan, prefix + std::to_string(w)));
    }
    close(p[0]);
    go[static_cast<std::size_t>(w)] = p[1];
    pids.push_back(pid);
  }
  close(done[1]);

  int failures = 0;
  double busy = 0;
  std::string facts, outbox;
  for (int round = 0; round < plan.rounds && failures == 0; ++round) {
    // All writers start at once; the round ends when each has said so (or died: the pipe closes).
    auto started = std::chrono::steady_clock::now();
    for (int fd : go)
      if (write(fd, "g", 1) != 1) ++failures;
    int ended = 0;
    for (char c; ended < plan.writers && read(done[0], &c, 1) == 1;) ++ended;
    busy += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (ended < plan.writers) {
      std::printf("FAIL: a writer stopped in round %d (its message is above)\n", round);
      ++failures;
      break;
    }
    auto store = open_store(url, shop);
    auto db = raw_db(url);
    Applied a = read_applied(setup, prefix, plan.writers);
    int f = check_facts(*store, *db, shop, a, facts);
    if (f) std::printf("FAIL: after round %d: %d differences\n", round, f);
    failures += f;
  }
  for (int fd : go) close(fd);
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::printf("FAIL: a writer exited with status %d\n", status);
      ++failures;
    }
  }
  Applied a = read_applied(setup, prefix, plan.writers);
  if (failures == 0) {
    auto store = open_store(url, shop);
    auto db = raw_db(url);
    failures += check_log_and_outbox(*store, *db, shop, a, outbox);
  }
  std::printf(
      "store_concurrency %s: %d writers x %d rounds x %d events, %.1f s of writing: %zu applied (%d orders, "
      "%d "
      "shipments; %d shipments refused for want of stock)\n",
      backend.c_str(), plan.writers, plan.rounds, plan.events, busy, a.events.size(), a.orders, a.shipments,
      a.refused);
  std::printf("store_concurrency %s: after every round %s; %s: %s\n", backend.c_str(), facts.c_str(),
              outbox.c_str(), failures ? "FAILED" : "no lost update");
  fs::remove_all(dir);
  return failures ? 1 : 0;
}
