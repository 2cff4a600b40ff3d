// Shared fixtures for the core tests: the apparel policy and a fixed `now`.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "backorder/engine.hpp"

namespace backorder::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string apparel_policy() {
  return read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/policy.json");
}

inline std::shared_ptr<const Engine> apparel_engine() { return Engine::from_json(apparel_policy()); }

// Monday 30 November 2026, 09:00 in New York: before the 14:00 cut-off on a working day.
inline Instant monday_morning() { return parse_instant("2026-11-30T09:00:00-05:00", "now"); }

}  // namespace backorder::test
