#include <unistd.h>

#include <cstdio>
#include <random>

#include "crash.hpp"
#include "oplog.hpp"
#include "workload.hpp"

namespace backorder::reliability {

void run_writer(const std::string& url, const std::string& shop, std::uint64_t seed,
                const std::string& log_path) {
  try {
    OpLog log(log_path);
    auto store = open_store(url, shop);
    ShopDay day(seed, crash_start());
    std::mt19937_64 rng(seed * 7919 + 1);
    for (int i = 0; i < 100'000; ++i) {
      Step s = day.next();
      log.line("A " + std::to_string(i));
      store->apply_json(s.events);
      log.line("D " + std::to_string(i));
      if (rng() % 3 != 0) continue;
      // A sender's turn: claim a few, send each (the log is the mail server), then acknowledge them.
      int max = 1 + static_cast<int>(rng() % 8);
      log.line("C " + std::to_string(s.at) + " " + std::to_string(max));
      std::vector<std::int64_t> ids;
      for (const OutboxMessage& m : store->claim(max, kLeaseSeconds, s.at)) {
        log.line("S " + m.key);
        ids.push_back(m.id);
      }
      if (!ids.empty()) store->ack(ids);
      log.line("Y");
    }
    _exit(0);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "writer: %s\n", e.what());
    _exit(3);
  }
}

}  // namespace backorder::reliability
