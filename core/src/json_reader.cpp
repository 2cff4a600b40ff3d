#include "json_reader.hpp"

#include "json_shape.hpp"

namespace backorder::detail {

json parse_json(std::string_view text, const std::string& path, std::vector<Issue>& issues,
                const std::string& root) {
  if (!check_shape(text, path, root, issues)) return json(json::value_t::discarded);
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    // nlohmann's message names the byte and the token; drop its "[json.exception...]" prefix.
    std::string what = e.what();
    auto pos = what.find("] ");
    issues.push_back(
        {path, valid_utf8("malformed JSON: " + (pos == std::string::npos ? what : what.substr(pos + 2)))});
    return json(json::value_t::discarded);
  }
}

json parse_json_or_throw(std::string_view text, const std::string& path, const std::string& root) {
  std::vector<Issue> issues;
  json j = parse_json(text, path, issues, root);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return j;
}

bool Reader::object(const json& j, const std::string& path, std::initializer_list<std::string_view> known) {
  if (!j.is_object()) {
    fail(path, "expected an object");
    return false;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool found = false;
    for (auto k : known) found = found || k == it.key();
    if (!found) fail(at(path, it.key()), "unknown field");
  }
  return true;
}

const json* Reader::member(const json& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::int64_t> Reader::integer(const json& obj, std::string_view key, const std::string& path,
                                            std::int64_t min, std::int64_t max) {
  const json* v = member(obj, key);
  if (!v) return std::nullopt;
  std::string p = at(path, key);
  if (!v->is_number_integer()) {
    fail(p, "expected an integer");
    return std::nullopt;
  }
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    fail(p, "must be at most " + std::to_string(max));
    return std::nullopt;
  }
  std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max) {
    fail(p, n < min ? "must be at least " + std::to_string(min) : "must be at most " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<std::string> Reader::string(const json& obj, std::string_view key, const std::string& path,
                                          std::size_t max_bytes) {
  const json* v = member(obj, key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    fail(at(path, key), "expected a string");
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    fail(at(path, key), "longer than " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  return s;
}

bool Reader::text_fits(std::string_view text, const std::string& path) {
  if (text.size() <= limits::kTextBytes) return true;
  fail(path, "longer than " + std::to_string(limits::kTextBytes) + " bytes");
  return false;
}

std::optional<bool> Reader::boolean(const json& obj, std::string_view key, const std::string& path) {
  const json* v = member(obj, key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    fail(at(path, key), "expected true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::pair<int, int>> Reader::range(const json& j, const std::string& path, int max) {
  if (!object(j, path, {"min", "max"})) return std::nullopt;
  auto lo = integer(j, "min", path, 0, max);
  auto hi = integer(j, "max", path, 0, max);
  if (!member(j, "min")) fail(at(path, "min"), "required");
  if (!member(j, "max")) fail(at(path, "max"), "required");
  if (!lo || !hi) return std::nullopt;
  if (*lo > *hi) {
    fail(path, "min (" + std::to_string(*lo) + ") is above max (" + std::to_string(*hi) + ")");
    return std::nullopt;
  }
  return std::pair{static_cast<int>(*lo), static_cast<int>(*hi)};
}

}  // namespace backorder::detail
