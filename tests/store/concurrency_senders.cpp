#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <thread>
#include <vector>

#include "concurrency.hpp"

namespace backorder::reliability {
namespace {

// One sender: claims a few messages at a time, "sends" them (its log) and acknowledges them, until the outbox
// has nothing for it three times running (the others may hold the rest).
int run_sender(const std::string& url, const std::string& shop, const std::string& log_path, Instant now) {
  try {
    auto store = open_store(url, shop);
    std::ofstream log(log_path);
    for (int empty = 0; empty < 3;) {
      std::vector<std::int64_t> ids;
      for (const OutboxMessage& m : store->claim(4, 600, now)) {
        log << m.key << "\n";
        ids.push_back(m.id);
      }
      if (ids.empty()) {
        ++empty;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      empty = 0;
      store->ack(ids);
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sender: %s\n", e.what());
    return 3;
  }
}

}  // namespace

int check_senders(const std::string& url, const std::string& shop, int senders, const std::string& prefix,
                  std::string& summary) {
  const Instant now = parse_instant("2031-01-01T00:00:00Z", "now");  // everything due, no lease runs out
  std::fflush(stdout);
  std::vector<pid_t> pids;
  for (int s = 0; s < senders; ++s) {
    pid_t pid = fork();
    if (pid == 0) _exit(run_sender(url, shop, prefix + std::to_string(s), now));
    pids.push_back(pid);
  }
  int failures = 0;
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::printf("FAIL: a sender exited with status %d\n", status);
      ++failures;
    }
  }
  std::map<std::string, int> handed;
  for (int s = 0; s < senders; ++s) {
    std::ifstream in(prefix + std::to_string(s));
    for (std::string key; std::getline(in, key);) handed[key]++;
  }
  int twice = 0;
  for (const auto& [key, n] : handed) {
    if (n > 1 && twice++ < 5) std::printf("FAIL: %s was handed out %d times while leased\n", key.c_str(), n);
  }
  failures += twice;
  auto store = open_store(url, shop);
  int unsent = 0;
  for (const OutboxMessage& m : store->outbox("", 100'000, now)) {
    if (m.state != "sent" || !handed.count(m.key)) {
      if (unsent++ < 5) std::printf("FAIL: %s was never sent (%s)\n", m.key.c_str(), m.state.c_str());
    }
  }
  failures += unsent;
  summary = std::to_string(senders) + " senders drained " + std::to_string(handed.size()) + " messages, " +
            std::to_string(twice) + " handed out twice";
  return failures;
}

}  // namespace backorder::reliability
