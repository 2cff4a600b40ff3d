// backorder: the command line. It calls only the C ABI (backorder.h); JSON is read and printed with
// nlohmann/json. See docs/cli.md.
//
// Exit status: 0 success; 1 the answer is "no" (an invalid policy for `validate`, a catalog row that
// could not be labelled for `labels`); 2 the command could not run (usage, files, a bad policy or request).
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "backorder.h"

namespace {

using nlohmann::json;

constexpr int kOk = 0;
constexpr int kNo = 1;
constexpr int kCannot = 2;

const char kUsage[] =
    "usage: backorder --version [--json]\n"
    "       backorder validate POLICY\n"
    "       backorder labels [--policy FILE] [--catalog FILE] [--stock FILE] [--locale TAG]\n"
    "                        [--now ISO8601] [--quantity N] [--format table|json]\n"
    "       backorder --help\n"
    "\n"
    "labels reads policy.json, catalog.json and stock.json from $BACKORDER_DATA, else "
    "from\n" BO_DEFAULT_DATA_DIR
    "\n"
    "--now defaults to the current time; --locale to the policy's; --quantity to 1.\n"
    "Exit status: 0 ok, 1 invalid policy or a row could not be labelled, 2 could not run.\n";

// Thrown for anything that stops the command: printed as "backorder: MESSAGE", exit status 2.
struct Fatal {
  std::string message;
};

struct Usage {
  std::string message;
};

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

struct FreeChars {
  void operator()(char* p) const { bo_free(p); }
};
struct FreeEngine {
  void operator()(bo_engine* e) const { bo_engine_free(e); }
};

json take_json(char* out, size_t len) {
  std::unique_ptr<char, FreeChars> owned(out);
  return json::parse(std::string_view(out, len));
}

// ---- version -------------------------------------------------------------------------------------

int cmd_version(bool as_json) {
  const bool abi_ok = bo_abi_version() == BO_ABI_VERSION;
  if (as_json) {
    json v = {{"cli",
               {{"version", std::to_string(BO_VERSION_MAJOR) + "." + std::to_string(BO_VERSION_MINOR) + "." +
                                std::to_string(BO_VERSION_PATCH)},
                {"abi_version", BO_ABI_VERSION}}},
              {"library",
               {{"version", bo_version_string()},
                {"version_number", bo_version_number()},
                {"abi_version", bo_abi_version()}}},
              {"compatible", abi_ok}};
    std::cout << v.dump(2) << "\n";
  } else {
    std::cout << "backorder " << BO_VERSION_MAJOR << "." << BO_VERSION_MINOR << "." << BO_VERSION_PATCH
              << "\n"
              << "library " << bo_version_string() << " (ABI " << bo_abi_version() << ")\n";
    if (!abi_ok) std::cout << "warning: this command was built for ABI " << BO_ABI_VERSION << "\n";
  }
  return abi_ok ? kOk : kCannot;
}

// ---- validate ------------------------------------------------------------------------------------

int cmd_validate(const std::string& file) {
  const std::string policy = read_file(file);
  char* out = nullptr;
  size_t len = 0;
  if (bo_policy_validate(&out, &len, policy.data(), policy.size()) != BO_OK) throw Fatal{last_error()};
  const json answer = take_json(out, len);
  if (answer.at("valid").get<bool>()) {
    std::cout << "ok\n";
    return kOk;
  }
  for (const auto& e : answer.at("errors")) {
    std::cout << e.at("path").get<std::string>() << ": " << e.at("message").get<std::string>() << "\n";
  }
  return kNo;
}

// ---- labels --------------------------------------------------------------------------------------

// Columns on a terminal: code points, two for East Asian wide ones, none for combining marks.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xF0) {
      cp = c & 0x07u;
      n = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0Fu;
      n = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1Fu;
      n = 2;
    }
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += n;
    if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || cp == 0x200E || cp == 0x200F) continue;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

std::string window_text(const json& w) {
  if (!w.is_object()) return "";
  const std::string from = w.at("from"), to = w.at("to");
  return from == to ? from : from + " \u2013 " + to;
}

std::string ship_window(const json& label) {
  const std::string now = window_text(label.value("now_window", json()));
  const std::string later = window_text(label.value("later_window", json()));
  if (!now.empty() && !later.empty()) return "now " + now + ", later " + later;
  return now.empty() ? later : now;
}

void print_table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& r : rows) {
    widths.resize(std::max(widths.size(), r.size()), 0);
    for (std::size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], display_width(r[c]));
  }
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) {
      line += r[c];
      if (c + 1 < r.size()) line.append(widths[c] - display_width(r[c]) + 2, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    std::cout << line << "\n";
  }
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
  return env != nullptr && *env != '\0' ? env : BO_DEFAULT_DATA_DIR;
}

const json& member_array(const json& doc, const char* key, const std::string& file) {
  if (!doc.is_object() || !doc.contains(key) || !doc.at(key).is_array()) {
    throw Fatal{file + ": expected an object with an array \"" + key + "\""};
  }
  return doc.at(key);
}

struct LabelsOptions {
  std::string policy, catalog, stock;
  std::optional<std::string> locale, now;
  std::optional<std::int64_t> quantity;
  std::string format = "table";
};

int cmd_labels(const LabelsOptions& o) {
  const std::string policy = read_file(o.policy);
  const json catalog = read_json(o.catalog);
  const json stock = read_json(o.stock);
  const json& items = member_array(catalog, "items", o.catalog);
  const json& stock_rows = member_array(stock, "stock", o.stock);

  bo_engine* raw = nullptr;
  if (bo_engine_new(&raw, policy.data(), policy.size()) != BO_OK) {
    throw Fatal{o.policy + ": " + last_error() + " (backorder validate " + o.policy +
                " lists every problem)"};
  }
  std::unique_ptr<bo_engine, FreeEngine> engine(raw);

  json request = {{"now", o.now ? *o.now : now_utc_iso()}, {"items", items}, {"stock", stock_rows}};
  if (o.locale) request["locale"] = *o.locale;
  if (o.quantity) request["quantity"] = *o.quantity;
  const std::string body = request.dump();
  char* out = nullptr;
  size_t len = 0;
  if (bo_engine_labels_json(&out, &len, engine.get(), body.data(), body.size()) != BO_OK) {
    throw Fatal{last_error()};
  }
  const json answer = take_json(out, len);

  if (o.format == "json") {
    std::cout << answer.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  } else {
    std::vector<std::vector<std::string>> rows = {{"SKU", "NAME", "STATUS", "LABEL", "SHIP WINDOW"}};
    for (const auto& l : answer.at("labels")) {
      const std::size_t row = l.at("row");
      std::string name;
      if (row < items.size() && items[row].is_object() && items[row].contains("name") &&
          items[row]["name"].is_string()) {
        name = items[row]["name"];
      }
      rows.push_back({l.at("sku"), name, l.at("status"), l.at("text"), ship_window(l)});
    }
    print_table(rows);
  }
  const json& errors = answer.at("errors");
  for (const auto& e : errors) {
    std::cerr << "row " << e.at("row").get<std::int64_t>() << " (" << e.value("sku", std::string())
              << "): " << e.at("path").get<std::string>() << ": " << e.at("message").get<std::string>()
              << "\n";
  }
  return errors.empty() ? kOk : kNo;
}

// ---- arguments -----------------------------------------------------------------------------------

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

std::int64_t parse_quantity(const std::string& s) {
  try {
    std::size_t used = 0;
    const long long v = std::stoll(s, &used);
    if (used == s.size()) return v;
  } catch (const std::exception&) {
  }
  throw Usage{"--quantity needs an integer, not \"" + s + "\""};
}

int run(const std::vector<std::string>& args) {
  if (args.empty()) throw Usage{"no command"};
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return kOk;
  }
  if (cmd == "--version") {
    if (args.size() == 1) return cmd_version(false);
    if (args.size() == 2 && args[1] == "--json") return cmd_version(true);
    throw Usage{"--version takes only --json"};
  }
  if (bo_abi_version() != BO_ABI_VERSION) {
    throw Fatal{"libbackorder " + std::string(bo_version_string()) + " has ABI " +
                std::to_string(bo_abi_version()) + "; this command needs ABI " +
                std::to_string(BO_ABI_VERSION)};
  }
  if (cmd == "validate") {
    if (args.size() != 2) throw Usage{"validate takes one policy file"};
    return cmd_validate(args[1]);
  }
  if (cmd == "labels") {
    const std::string dir = data_dir();
    LabelsOptions o{dir + "/policy.json", dir + "/catalog.json", dir + "/stock.json", {}, {}, {}, "table"};
    for (std::size_t i = 1; i < args.size(); ++i) {
      std::string v;
      if (take_option(args, i, "--policy", o.policy) || take_option(args, i, "--catalog", o.catalog) ||
          take_option(args, i, "--stock", o.stock) || take_option(args, i, "--format", o.format)) {
        continue;
      }
      if (take_option(args, i, "--locale", v)) {
        o.locale = v;
      } else if (take_option(args, i, "--now", v)) {
        o.now = v;
      } else if (take_option(args, i, "--quantity", v)) {
        o.quantity = parse_quantity(v);
      } else {
        throw Usage{"labels: unknown argument \"" + args[i] + "\""};
      }
    }
    if (o.format != "table" && o.format != "json")
      throw Usage{"--format is table or json, not \"" + o.format + "\""};
    return cmd_labels(o);
  }
  throw Usage{"unknown command \"" + cmd + "\""};
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    const int status = run(std::vector<std::string>(argv + 1, argv + argc));
    std::cout.flush();
    return status;
  } catch (const Usage& u) {
    std::cerr << "backorder: " << u.message << "\n\n" << kUsage;
  } catch (const Fatal& f) {
    std::cerr << "backorder: " << f.message << "\n";
  } catch (const json::exception& e) {
    std::cerr << "backorder: unexpected answer from the library: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "backorder: " << e.what() << "\n";
  }
  return kCannot;
}
