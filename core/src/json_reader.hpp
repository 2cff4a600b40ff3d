// Reads JSON documents into core structs while collecting every problem with its JSON path.
// Private to core: the wire formats and the policy share it so errors read the same everywhere.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backorder/error.hpp"
#include "backorder/limits.hpp"

namespace backorder::detail {

using json = nlohmann::json;

// Serializes with ill-formed UTF-8 replaced, never throwing on it (a sku from a C host may hold any bytes).
inline std::string to_text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Parses `text` (the document named `path`: "request", "policy"); on failure returns a discarded value and
// adds one issue. Size, depth, element counts, string sizes and NUL characters are checked first
// (docs/limits.md); a breach inside the document is reported at its path below `root`, the path the
// document's readers use for its top level ("" for a request, "policy" for a policy).
json parse_json(std::string_view text, const std::string& path, std::vector<Issue>& issues,
                const std::string& root);
// Parses or throws ValidationError.
json parse_json_or_throw(std::string_view text, const std::string& path, const std::string& root);

class Reader {
 public:
  std::vector<Issue> issues;

  void fail(std::string path, std::string message) {
    issues.push_back({std::move(path), std::move(message)});
  }
  bool ok() const { return issues.empty(); }
  void throw_if_failed() const {
    if (!issues.empty()) throw ValidationError(issues);
  }

  // True when `j` is an object; each key not in `known` is reported as an unknown field.
  bool object(const json& j, const std::string& path, std::initializer_list<std::string_view> known);

  // Optional members of an object: nullopt when absent (or null); a wrong type or range is reported.
  std::optional<std::int64_t> integer(const json& obj, std::string_view key, const std::string& path,
                                      std::int64_t min, std::int64_t max);
  // A text field: at most `max_bytes` (limits::kTextBytes unless said).
  std::optional<std::string> string(const json& obj, std::string_view key, const std::string& path,
                                    std::size_t max_bytes = limits::kTextBytes);
  // Reports `text` at `path` when it is longer than limits::kTextBytes; true when it is not.
  bool text_fits(std::string_view text, const std::string& path);
  std::optional<bool> boolean(const json& obj, std::string_view key, const std::string& path);
  // {"min": int, "max": int} within 0..max, min <= max: both required when the object is there.
  std::optional<std::pair<int, int>> range(const json& j, const std::string& path, int max);
  // Present and not null?
  static const json* member(const json& obj, std::string_view key);

  // The root of a request is the empty path: its fields are named alone ("now", "items[3].sku").
  static std::string at(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
  static std::string at(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
  }
};

}  // namespace backorder::detail
