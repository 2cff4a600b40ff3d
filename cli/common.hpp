// What the command's parts share: errors, files, the engine, JSON answers, arguments. Uses only the C ABI.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "backorder.h"

namespace bo_cli {

using nlohmann::json;

// Exit statuses (docs/cli.md).
constexpr int kOk = 0;
constexpr int kNo = 1;
constexpr int kCannot = 2;

// Thrown for anything that stops the command: printed as "backorder: MESSAGE", exit status 2.
struct Fatal {
  std::string message;
};

// A command line that makes no sense: printed with the usage, exit status 2.
struct Usage {
  std::string message;
};

std::string read_file(const std::string& path);
json read_json(const std::string& path);
// "path: message" of this thread's last library error.
std::string last_error();

struct FreeChars {
  void operator()(char* p) const { bo_free(p); }
};
struct FreeEngine {
  void operator()(bo_engine* e) const { bo_engine_free(e); }
};

// Parses and releases a JSON answer of the library.
json take_json(char* out, size_t len);
std::unique_ptr<bo_engine, FreeEngine> make_engine(const std::string& policy_file);

std::string now_utc_iso();
// $BACKORDER_DATA, else the built-in examples directory.
std::string data_dir();

// "--name value" or "--name=value".
bool take_option(const std::vector<std::string>& args, std::size_t& i, std::string_view name,
                 std::string& value);

}  // namespace bo_cli
