// Shared by the ledger's tests that run on every backend (store_test, desk_test, store_compliance_test):
// unique shop names and the URL a test parameter stands for.
#pragma once

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace backorder::test {

// A name no other test, process or run uses: the PostgreSQL database is shared by all of them.
inline std::string unique_name(const std::string& prefix) {
  static std::atomic<int> n{0};
  return prefix + std::to_string(getpid()) + "-" + std::to_string(n++) + "-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

// The ledger URL of a test parameter: "sqlite::memory:" as it is; "sqlite-file" a database in a new folder,
// set in `dir` for the caller to remove; "postgresql" BO_TEST_POSTGRES_URL, or "" when it is not set (skip).
inline std::string backend_url(const std::string& param, const std::string& prefix,
                               std::filesystem::path& dir) {
  if (param == "postgresql") {
    const char* env = std::getenv("BO_TEST_POSTGRES_URL");
    return env != nullptr ? env : "";
  }
  if (param == "sqlite-file") {
    dir = std::filesystem::temp_directory_path() / unique_name(prefix);
    std::filesystem::create_directories(dir);
    return "sqlite:" + (dir / "ledger.db").string();
  }
  return param;
}

inline constexpr const char* kNoPostgres = "BO_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)";

}  // namespace backorder::test
