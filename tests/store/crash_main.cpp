// The ledger survives SIGKILL (issue 5). Each trial forks a writer that applies a shop's day and drains the
// outbox (crash_writer.cpp), kills it at a random moment, and checks the ledger (crash_check.cpp). The
// moment: once the writer has logged a random number of operations (0 to --max-ops), a random 0-20 ms more,
// so kills spread over the whole day however fast the machine is today; never later than --max-kill-ms after
// the fork.
//
//   store_crash sqlite|postgresql [--trials=N] [--max-ops=N] [--max-kill-ms=MS] [--seed=S]
//
// PostgreSQL runs when BO_TEST_POSTGRES_URL names a server; without one the test is skipped (exit 77).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>

#include "crash.hpp"
#include "shop.hpp"

using namespace backorder::reliability;
namespace fs = std::filesystem;

namespace {

// Waits until the log at `path` has `lines` lines or the deadline passes.
void wait_for_lines(const std::string& path, int lines, std::chrono::steady_clock::time_point deadline) {
  std::ifstream in;
  int seen = 0;
  std::string line;
  while (seen < lines && std::chrono::steady_clock::now() < deadline) {
    if (!in.is_open()) in.open(path);
    if (in.is_open() && std::getline(in, line) && !in.eof()) {
      ++seen;
      continue;
    }
    in.clear();  // at the end for now: the writer appends more
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
}

std::string flag(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--" + name + "=", 0) == 0) return a.substr(name.size() + 3);
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s sqlite|postgresql [--trials=N] [--max-kill-ms=MS] [--seed=S]\n", argv[0]);
    return 2;
  }
  const std::string backend = argv[1];
  const int trials = std::stoi(flag(argc, argv, "trials", "100"));
  const int max_ops = std::stoi(flag(argc, argv, "max-ops", "64"));
  const int max_kill_ms = std::stoi(flag(argc, argv, "max-kill-ms", "1000"));
  const std::uint64_t seed = std::stoull(flag(argc, argv, "seed", std::to_string(std::random_device{}())));

  fs::path dir = fs::temp_directory_path() / unique_shop("bo-crash");
  fs::create_directories(dir);
  const std::string url = backend_url(backend, dir.string());
  if (url.empty()) {
    std::printf("store_crash %s: skipped (BO_TEST_POSTGRES_URL is not set; scripts/test.sh sets it)\n",
                backend.c_str());
    fs::remove_all(dir);
    return kSkip;
  }
  std::printf("store_crash %s: %d trials, kills after 0-%d logged operations (within %d ms), seed %llu\n",
              backend.c_str(), trials, max_ops, max_kill_ms, static_cast<unsigned long long>(seed));
  open_store(url, "migrate");  // the schema exists before the first writer races to it

  auto started = std::chrono::steady_clock::now();
  std::mt19937_64 rng(seed);
  std::map<std::string, int> phases;
  int steps = 0, unrecorded = 0, messages = 0, sent = 0, redelivered = 0, finished = 0;
  for (int t = 0; t < trials; ++t) {
    const std::uint64_t trial_seed = seed + static_cast<std::uint64_t>(t);
    const std::string shop = unique_shop("crash");
    const std::string log = (dir / ("trial-" + std::to_string(t) + ".log")).string();
    const int ops = std::uniform_int_distribution<int>(0, max_ops)(rng);
    const int jitter_us = std::uniform_int_distribution<int>(0, 20'000)(rng);
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
      std::perror("fork");
      return 1;
    }
    if (pid == 0) run_writer(url, shop, trial_seed, log);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(max_kill_ms);
    wait_for_lines(log, ops, deadline);
    std::this_thread::sleep_until(
        std::min(deadline, std::chrono::steady_clock::now() + std::chrono::microseconds(jitter_us)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFSIGNALED(status)) {
      if (WEXITSTATUS(status) != 0) {
        std::printf("FAIL trial %d (seed %llu): the writer failed on its own (exit %d)\n", t,
                    static_cast<unsigned long long>(trial_seed), WEXITSTATUS(status));
        return 1;
      }
      ++finished;
    }
    try {
      TrialResult r = check_trial(url, shop, trial_seed, log);
      phases[r.phase]++;
      steps += r.steps;
      unrecorded += r.committed_unrecorded;
      messages += r.messages;
      sent += r.sent;
      redelivered += r.redelivered;
    } catch (const std::exception& e) {
      std::printf("FAIL trial %d (seed %llu, shop %s, killed %d us after operation %d, log %s): %s\n", t,
                  static_cast<unsigned long long>(trial_seed), shop.c_str(), jitter_us, ops, log.c_str(),
                  e.what());
      return 1;
    }
    fs::remove(log);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "store_crash %s: %d trials passed in %.1f s; kills landed in apply %d, drain %d, between calls %d, "
      "before the first call %d (%d writers finished first)\n",
      backend.c_str(), trials, seconds, phases["apply"], phases["drain"], phases["between"], phases["start"],
      finished);
  std::printf(
      "store_crash %s: %d steps returned, %d committed but unrecorded, %d messages checked, %d sent, %d "
      "redelivered with the same key; none lost, none repeated under another key\n",
      backend.c_str(), steps, unrecorded, messages, sent, redelivered);
  fs::remove_all(dir);
  return 0;
}
