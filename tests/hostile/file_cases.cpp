// Cases from cases.json: a base document (or "raw" text) with members set, removed or spliced in as raw
// text, and the status and path the call must answer with.
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "hostile.hpp"

namespace hostile {
namespace {

bo_status status_of(const std::string& name) {
  if (name == "EINVALID") return BO_EINVALID;
  if (name == "ENOTFOUND") return BO_ENOTFOUND;
  if (name == "EBUFSIZE") return BO_EBUFSIZE;
  throw std::runtime_error("cases.json: unknown status " + name);
}

// {"$repeat": [TEXT, N]} is TEXT N times; anything else is itself.
json expand(const json& v) {
  if (v.is_object() && v.contains("$repeat")) {
    std::string s;
    for (int i = 0; i < v["$repeat"][1].get<int>(); ++i) s += v["$repeat"][0].get<std::string>();
    return s;
  }
  return v;
}

// c[key], or an empty value of its kind.
const json& member(const json& c, const char* key, const json& none) {
  return c.contains(key) ? c[key] : none;
}

std::string input_of(const json& c) {
  static const json no_list = json::array(), no_map = json::object();
  if (c.contains("raw")) return unescape_bytes(c["raw"].get<std::string>());
  json doc = c.contains("doc") ? c["doc"] : Fixture::get().bases.at(c.at("base").get<std::string>());
  for (const auto& p : member(c, "remove", no_list)) {
    json::json_pointer ptr(p.get<std::string>());
    (void)doc.at(ptr);  // a typo in cases.json must not pass as a removal of nothing
    json& parent = doc[ptr.parent_pointer()];
    if (parent.is_array())
      parent.erase(std::stoul(ptr.back()));
    else
      parent.erase(ptr.back());
  }
  for (const auto& [ptr, v] : member(c, "set", no_map).items()) doc[json::json_pointer(ptr)] = expand(v);
  // Raw text goes where a marker string was put.
  std::vector<std::pair<std::string, std::string>> splices;
  for (const auto& [ptr, raw] : member(c, "splice", no_map).items()) {
    std::string marker = "@@splice" + std::to_string(splices.size()) + "@@";
    doc[json::json_pointer(ptr)] = marker;
    splices.emplace_back('"' + marker + '"', unescape_bytes(raw.get<std::string>()));
  }
  std::string text = doc.dump();
  for (const auto& [marker, raw] : splices) text.replace(text.find(marker), marker.size(), raw);
  return text;
}

}  // namespace

std::vector<Case> file_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  json file = json::parse(s.str());
  std::vector<Case> out;
  for (const json& c : file.at("cases")) {
    const std::string call = c.at("call");
    Expect want{status_of(c.value("status", "EINVALID")), c.at("path"), c.value("row", false)};
    out.push_back({call, c.at("name"), [c, call, want] { expect_refused(call, input_of(c), want); }});
  }
  return out;
}

}  // namespace hostile
