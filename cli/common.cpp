#include "common.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bo_cli {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Fatal{"cannot read " + path + ": " + std::strerror(errno)};
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Fatal{"cannot read " + path};
  return s.str();
}

json read_json(const std::string& path) {
  std::string text = read_file(path);
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw Fatal{path + ": not valid JSON: " + e.what()};
  }
}

std::string last_error() {
  std::string path = bo_last_error_path();
  std::string message = bo_last_error_message();
  return path.empty() ? message : path + ": " + message;
}

json take_json(char* out, size_t len) {
  std::unique_ptr<char, FreeChars> owned(out);
  return json::parse(std::string_view(out, len));
}

std::string now_utc_iso() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string data_dir() {
  const char* env = std::getenv("BACKORDER_DATA");
  if (env != nullptr && *env != '\0') return env;
  // Installed: <prefix>/bin/backorder reads <prefix>/share/backorder/apparel, wherever the prefix was moved.
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / BO_INSTALL_DATA_SUBDIR;
    if (std::filesystem::exists(installed / "policy.json", ec)) return installed.string();
  }
  return BO_DEFAULT_DATA_DIR;
}

std::unique_ptr<bo_engine, FreeEngine> make_engine(const std::string& policy_file) {
  const std::string policy = read_file(policy_file);
  bo_engine* raw = nullptr;
  if (bo_engine_new(&raw, policy.data(), policy.size()) != BO_OK) {
    throw Fatal{policy_file + ": " + last_error() + " (backorder validate " + policy_file +
                " lists every problem)"};
  }
  return std::unique_ptr<bo_engine, FreeEngine>(raw);
}

// "--name value" or "--name=value".
bool take_option(const std::vector<std::string>& args, std::size_t& i, std::string_view name,
                 std::string& value) {
  const std::string& a = args[i];
  if (a == name) {
    if (i + 1 >= args.size()) throw Usage{std::string(name) + " needs a value"};
    value = args[++i];
    return true;
  }
  if (a.size() > name.size() && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=') {
    value = a.substr(name.size() + 1);
    return true;
  }
  return false;
}

}  // namespace bo_cli
