// No lost update (issue 5): several processes, each with its own connection, apply events on the same items
// of one shop at once (concurrency_writer.cpp), in rounds that start together. After every round stock on
// hand is exact and every waiting line's window is what a fresh PromiseBook computes from the facts the
// writers applied: short rounds end on writes that raced each other, so a stale window written last shows
// (without PostgreSQL's advisory locks this fails within a few rounds). At the end every event is in the
// ledger once and no message key repeats (concurrency_check.cpp); then as many senders drain the outbox at
// once and none is handed a message another holds (concurrency_senders.cpp); PostgreSQL saw no deadlock.
//
//   store_concurrency sqlite|postgresql [--writers=4] [--rounds=75] [--events=2] [--batch=1]
//       (calls per round, events per call: batches lock many items at once, so their locks must not
//        deadlock on PostgreSQL)
//
// PostgreSQL runs when BO_TEST_POSTGRES_URL names a server; without one the test is skipped (exit 77).
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
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

// Waits for every writer's byte on `done_fd`. False as soon as a writer has died instead (exit status in
// `exited`), so one writer's death cannot leave the parent waiting for a byte that will never come.
bool round_done(int done_fd, int writers, const std::vector<pid_t>& pids, std::map<pid_t, int>& exited) {
  for (int ended = 0; ended < writers;) {
    pollfd p{done_fd, POLLIN, 0};
    if (poll(&p, 1, 100) > 0) {
      char c;
      if (read(done_fd, &c, 1) != 1) return false;
      ++ended;
      continue;
    }
    for (pid_t pid : pids) {
      int status = 0;
      if (exited.count(pid) || waitpid(pid, &status, WNOHANG) != pid) continue;
      exited[pid] = status;
      // A writer that did all its rounds exits 0 after its last byte, which is still in the pipe.
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return false;
    }
  }
  return true;
}

std::unique_ptr<detail::Db> raw_db(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return detail::open_sqlite(url.substr(7), 10'000);
  return detail::open_postgres(url);
}

// Deadlocks PostgreSQL has detected in this database so far (0 on SQLite). The store reruns a call that lost
// one, so a deadlock shows only here: as time lost, one second (deadlock_timeout) each.
std::int64_t deadlocks(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return 0;
  return raw_db(url)
      ->query("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
      .integer(0, 0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s sqlite|postgresql [--writers=4] [--rounds=75] [--events=2] [--batch=1]\n",
                 argv[0]);
    return 2;
  }
  const std::string backend = argv[1];
  WriterPlan plan;
  plan.writers = std::stoi(flag(argc, argv, "writers", "4"));
  plan.rounds = std::stoi(flag(argc, argv, "rounds", "75"));
  plan.events = std::stoi(flag(argc, argv, "events", "2"));
  plan.batch = std::stoi(flag(argc, argv, "batch", "1"));
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
  const std::int64_t deadlocks_before = deadlocks(url);
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
  std::map<pid_t, int> exited;  // writers reaped early, and how they ended
  std::string facts, outbox;
  for (int round = 0; round < plan.rounds && failures == 0; ++round) {
    // All writers start at once; the round ends when each has said so.
    auto started = std::chrono::steady_clock::now();
    for (int fd : go)
      if (write(fd, "g", 1) != 1) ++failures;
    bool ended = round_done(done[0], plan.writers, pids, exited);
    busy += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!ended) {
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
    int status = exited.count(pid) ? exited[pid] : 0;
    if (!exited.count(pid)) waitpid(pid, &status, 0);
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
  // Then as many senders drain the outbox at once.
  std::string senders;
  if (failures == 0) failures += check_senders(url, shop, plan.writers, (dir / "sender-").string(), senders);
  // The writers' and senders' backends report their statistics as they end: give them a moment.
  if (url.rfind("sqlite:", 0) != 0) std::this_thread::sleep_for(std::chrono::seconds(1));
  const std::int64_t deadlocked = deadlocks(url) - deadlocks_before;
  if (deadlocked > 0) {
    std::printf("FAIL: PostgreSQL detected %lld deadlocks while the writers ran\n",
                static_cast<long long>(deadlocked));
    ++failures;
  }
  std::printf(
      "store_concurrency %s: %d writers x %d rounds x %d calls x %d events, %.1f s of writing: %zu applied "
      "(%d orders, %d shipments; %d shipments refused for want of stock)\n",
      backend.c_str(), plan.writers, plan.rounds, plan.events, plan.batch, busy, a.events.size(), a.orders,
      a.shipments, a.refused);
  std::printf("store_concurrency %s: after every round %s; %s; %s; %lld deadlocks: %s\n", backend.c_str(),
              facts.c_str(), outbox.c_str(), senders.c_str(), static_cast<long long>(deadlocked),
              failures ? "FAILED" : "no lost update");
  fs::remove_all(dir);
  return failures ? 1 : 0;
}
