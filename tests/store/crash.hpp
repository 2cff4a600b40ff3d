// The crash test's two sides: a writer that applies a shop's day and drains the outbox until it is killed,
// and the check that runs after each kill (docs/store.md: no event and no message is lost; a message repeats
// only with its idempotency key).
#pragma once

#include <cstdint>
#include <string>

#include "backorder/calendar.hpp"

namespace backorder::reliability {

constexpr int kLeaseSeconds = 600;
inline Instant crash_start() { return parse_instant("2026-11-30T14:00:00Z", "start"); }

// The writer's log, one fsync'd line per fact (oplog.hpp):
//   A <step>           about to apply step <step> of ShopDay(seed)
//   D <step>           the apply call returned
//   C <now> <max>      about to claim
//   S <key>            a claimed message was sent (before it is acknowledged)
//   Y                  the acknowledgement of that claim returned
// Applies steps, and after some of them claims, sends and acknowledges, until it is killed; never returns.
[[noreturn]] void run_writer(const std::string& url, const std::string& shop, std::uint64_t seed,
                             const std::string& log_path);

struct TrialResult {
  std::string phase;             // where the kill landed: "start", "apply", "drain" or "between"
  int steps = 0;                 // steps the writer saw return
  int committed_unrecorded = 0;  // steps committed whose return the writer did not live to log
  int messages = 0, sent = 0;    // messages in the outbox; sent by the writer
  int redelivered = 0;           // sent, not acknowledged, handed out again with the same key
};

// After the kill: checks the ledger against the log and a replay of the same operations on a fresh
// in-memory ledger, re-applies what the writer attempted, and drains the rest. Throws std::runtime_error
// saying what was lost or repeated.
TrialResult check_trial(const std::string& url, const std::string& shop, std::uint64_t seed,
                        const std::string& log_path);

}  // namespace backorder::reliability
