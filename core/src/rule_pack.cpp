// Rule pack documents: read, validated against the check kinds' parameter specs, and written back.
#include "backorder/rule_pack.hpp"

#include <algorithm>
#include <set>

#include "backorder/limits.hpp"
#include "compliance_checks.hpp"
#include "rule_pack_reader.hpp"

namespace backorder::detail {

// The packs of core/rules/*.json, embedded by core/cmake/embed_rules.cmake.
struct EmbeddedPack {
  const char* file;
  std::string_view text;
};
extern const EmbeddedPack kEmbeddedPacks[];
extern const std::size_t kEmbeddedPackCount;

namespace {

using Type = ParamSpec::Type;

bool is_name(std::string_view s, std::string_view extra) {
  if (s.empty() || s.size() > 100) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || extra.find(c) != std::string_view::npos;
  });
}

std::optional<RuleParam> read_param(const json& v, const ParamSpec& s, const std::string& path, Reader& r) {
  auto allowed = [&](const std::string& w) {
    return s.choices.empty() || std::find(s.choices.begin(), s.choices.end(), w) != s.choices.end();
  };
  auto choices = [&] {
    std::string out;
    for (auto c : s.choices) out += (out.empty() ? "" : ", ") + std::string(c);
    return out;
  };
  switch (s.type) {
    case Type::integer:
      if (!v.is_number_integer() || v.get<std::int64_t>() < s.min || v.get<std::int64_t>() > s.max) {
        r.fail(path,
               "expected a whole number from " + std::to_string(s.min) + " to " + std::to_string(s.max));
        return std::nullopt;
      }
      return RuleParam{v.get<std::int64_t>()};
    case Type::flag:
      if (!v.is_boolean()) {
        r.fail(path, "expected true or false");
        return std::nullopt;
      }
      return RuleParam{v.get<bool>()};
    case Type::word:
      if (!v.is_string() || !allowed(v.get<std::string>())) {
        r.fail(path, s.choices.empty() ? "expected text" : "expected one of " + choices());
        return std::nullopt;
      }
      return RuleParam{v.get<std::string>()};
    case Type::words: {
      if (!v.is_array()) {
        r.fail(path, "expected an array of words");
        return std::nullopt;
      }
      std::vector<std::string> out;
      bool ok = true;
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string() || !allowed(v[i].get<std::string>())) {
          r.fail(Reader::at(path, i), s.choices.empty() ? "expected text" : "expected one of " + choices());
          ok = false;
        } else {
          out.push_back(v[i].get<std::string>());
        }
      }
      if (!ok) return std::nullopt;
      return RuleParam{std::move(out)};
    }
  }
  return std::nullopt;
}

const ParamSpec* find_param(const CheckKind& k, std::string_view name) {
  for (const ParamSpec& p : k.params) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// Every {name} in a message must be one of the check's placeholders.
void check_placeholders(const std::string& message, const CheckKind& kind, const std::string& path,
                        Reader& r) {
  for (std::size_t open = message.find('{'); open != std::string::npos; open = message.find('{', open + 1)) {
    std::size_t close = message.find('}', open);
    if (close == std::string::npos) {
      r.fail(path, "an unclosed { in the message");
      return;
    }
    std::string_view name(message.data() + open + 1, close - open - 1);
    if (std::find(kind.placeholders.begin(), kind.placeholders.end(), name) == kind.placeholders.end()) {
      std::string known;
      for (auto p : kind.placeholders) known += (known.empty() ? "" : ", ") + std::string(p);
      r.fail(path, "unknown placeholder {" + std::string(name) + "}; " + std::string(kind.name) +
                       " fills in: " + (known.empty() ? "none" : known));
    }
  }
}

Citation read_citation(const json& j, const std::string& path, Reader& r) {
  Citation c;
  if (!r.object(j, path, {"source", "tag", "note", "url"})) return c;
  c.source = r.string(j, "source", path).value_or("");
  if (c.source.empty()) r.fail(Reader::at(path, "source"), "required: the law or rule cited");
  c.tag = r.string(j, "tag", path).value_or("");
  if (c.tag != "V" && c.tag != "S" && c.tag != "U") {
    r.fail(Reader::at(path, "tag"),
           "expected \"V\" (verified), \"S\" (secondary source) or \"U\" (unverified)");
  }
  c.note = r.string(j, "note", path, limits::kPatternBytes).value_or("");
  c.url = r.string(j, "url", path).value_or("");
  return c;
}

std::vector<std::string> read_words(const json& j, std::string_view key, const std::string& path, Reader& r,
                                    bool upper) {
  std::vector<std::string> out;
  const json* a = Reader::member(j, key);
  if (!a) return out;
  std::string p = Reader::at(path, key);
  if (!a->is_array()) {
    r.fail(p, "expected an array of codes");
    return out;
  }
  for (std::size_t i = 0; i < a->size(); ++i) {
    if (!(*a)[i].is_string() || (*a)[i].get<std::string>().empty()) {
      r.fail(Reader::at(p, i), "expected a non-empty code");
      continue;
    }
    std::string w = (*a)[i].get<std::string>();
    if (upper) std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::toupper(c); });
    out.push_back(std::move(w));
  }
  return out;
}

Rule read_rule(const json& j, const std::string& path, const json* pack_params, Reader& r) {
  Rule rule;
  if (!r.object(j, path, {"id", "check", "params", "severity", "message", "action", "citation"})) return rule;
  rule.id = r.string(j, "id", path).value_or("");
  if (!is_name(rule.id, "._-")) r.fail(Reader::at(path, "id"), "required: lower-case letters, digits, . _ -");
  rule.check = r.string(j, "check", path).value_or("");
  const CheckKind* kind = find_check_kind(rule.check);
  if (!kind) {
    r.fail(Reader::at(path, "check"), "unknown check kind \"" + rule.check + "\" (docs/compliance.md)");
  }
  std::string sev = r.string(j, "severity", path).value_or("");
  if (sev == "violation")
    rule.severity = Severity::violation;
  else if (sev == "warning")
    rule.severity = Severity::warning;
  else if (sev == "info")
    rule.severity = Severity::info;
  else
    r.fail(Reader::at(path, "severity"), "expected \"violation\", \"warning\" or \"info\"");
  rule.message = r.string(j, "message", path, limits::kPatternBytes).value_or("");
  if (rule.message.empty()) r.fail(Reader::at(path, "message"), "required");
  rule.action = r.string(j, "action", path).value_or("");
  if (!is_name(rule.action, "_")) r.fail(Reader::at(path, "action"), "required: a verb such as fix_listing");
  if (const json* c = Reader::member(j, "citation")) {
    rule.citation = read_citation(*c, Reader::at(path, "citation"), r);
  } else {
    r.fail(Reader::at(path, "citation"), "required: {\"source\", \"tag\"}");
  }
  if (!kind) return rule;
  check_placeholders(rule.message, *kind, Reader::at(path, "message"), r);

  // Defaults, then the pack's parameters this check takes, then the rule's own.
  for (const ParamSpec& s : kind->params) rule.params[std::string(s.name)] = s.fallback;
  if (pack_params && pack_params->is_object()) {
    for (auto it = pack_params->begin(); it != pack_params->end(); ++it) {
      if (const ParamSpec* s = find_param(*kind, it.key())) {
        Reader quiet;  // the pack's own reading reports a bad value once
        if (auto v = read_param(*it, *s, "", quiet)) rule.params[it.key()] = *v;
      }
    }
  }
  if (const json* ps = Reader::member(j, "params")) {
    std::string pp = Reader::at(path, "params");
    if (!ps->is_object()) {
      r.fail(pp, "expected an object of parameters");
    } else {
      for (auto it = ps->begin(); it != ps->end(); ++it) {
        const ParamSpec* s = find_param(*kind, it.key());
        if (!s) {
          std::string known;
          for (const auto& p : kind->params) known += (known.empty() ? "" : ", ") + std::string(p.name);
          r.fail(Reader::at(pp, it.key()), "unknown parameter of " + rule.check +
                                               " (it takes: " + (known.empty() ? "none" : known) + ")");
          continue;
        }
        if (auto v = read_param(*it, *s, Reader::at(pp, it.key()), r)) rule.params[it.key()] = *v;
      }
    }
  }
  return rule;
}

json param_json(const RuleParam& p) {
  return std::visit([](const auto& v) { return json(v); }, p);
}

}  // namespace

RulePack read_rule_pack(const json& j, const std::string& path, Reader& r) {
  RulePack pack;
  if (!r.object(j, path, {"id", "version", "title", "updated", "applies", "params", "rules"})) return pack;
  pack.id = r.string(j, "id", path).value_or("");
  if (!is_name(pack.id, "-")) r.fail(Reader::at(path, "id"), "required: lower-case letters, digits and -");
  pack.version = static_cast<int>(r.integer(j, "version", path, 1, 1'000'000).value_or(1));
  pack.title = r.string(j, "title", path).value_or("");
  if (auto u = r.string(j, "updated", path)) {
    try {
      parse_day(*u, Reader::at(path, "updated"));
      pack.updated = *u;
    } catch (const Error& e) {
      r.fail(e.path(), e.what());
    }
  }
  if (const json* a = Reader::member(j, "applies")) {
    std::string ap = Reader::at(path, "applies");
    if (r.object(*a, ap, {"jurisdictions", "channels"})) {
      pack.jurisdictions = read_words(*a, "jurisdictions", ap, r, true);
      pack.channels = read_words(*a, "channels", ap, r, false);
    }
  }
  const json* rules = Reader::member(j, "rules");
  std::string rp = Reader::at(path, "rules");
  if (!rules || !rules->is_array()) {
    r.fail(rp, "required: an array of rules (empty turns the pack off)");
    return pack;
  }
  const json* params = Reader::member(j, "params");
  std::string pp = Reader::at(path, "params");
  if (params && !params->is_object()) r.fail(pp, "expected an object of parameters its rules share");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rules->size(); ++i) {
    Rule rule = read_rule((*rules)[i], Reader::at(rp, i), params, r);
    if (!rule.id.empty() && !ids.insert(rule.id).second)
      r.fail(Reader::at(Reader::at(rp, i), "id"), "listed twice");
    pack.rules.push_back(std::move(rule));
  }
  // A pack parameter no rule takes is a typo; one of the wrong type is reported once, here.
  if (params && params->is_object()) {
    for (auto it = params->begin(); it != params->end(); ++it) {
      const ParamSpec* spec = nullptr;
      for (const Rule& rule : pack.rules) {
        if (const CheckKind* k = find_check_kind(rule.check); k && !spec) spec = find_param(*k, it.key());
      }
      if (!spec) {
        r.fail(Reader::at(pp, it.key()), "no rule of this pack takes this parameter");
      } else {
        read_param(*it, *spec, Reader::at(pp, it.key()), r);
      }
    }
  }
  return pack;
}

std::vector<RulePack> read_rule_packs(const json& j, const std::string& path, Reader& r) {
  std::vector<RulePack> out;
  if (!j.is_array()) {
    r.fail(path, "expected an array of rule packs");
    return out;
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < j.size(); ++i) {
    std::string p = Reader::at(path, i);
    RulePack pack = read_rule_pack(j[i], p, r);
    if (!pack.id.empty() && !ids.insert(pack.id).second) r.fail(Reader::at(p, "id"), "listed twice");
    out.push_back(std::move(pack));
  }
  return out;
}

json rule_pack_json(const RulePack& pack) {
  json rules = json::array();
  for (const Rule& rule : pack.rules) {
    json params = json::object();
    for (const auto& [k, v] : rule.params) params[k] = param_json(v);
    json citation = {{"source", rule.citation.source}, {"tag", rule.citation.tag}};
    if (!rule.citation.note.empty()) citation["note"] = rule.citation.note;
    if (!rule.citation.url.empty()) citation["url"] = rule.citation.url;
    rules.push_back({{"id", rule.id},
                     {"check", rule.check},
                     {"params", std::move(params)},
                     {"severity", severity_name(rule.severity)},
                     {"message", rule.message},
                     {"action", rule.action},
                     {"citation", std::move(citation)}});
  }
  json out = {{"id", pack.id}, {"version", pack.version}, {"title", pack.title}, {"rules", std::move(rules)}};
  if (!pack.updated.empty()) out["updated"] = pack.updated;
  json applies = json::object();
  if (!pack.jurisdictions.empty()) applies["jurisdictions"] = pack.jurisdictions;
  if (!pack.channels.empty()) applies["channels"] = pack.channels;
  if (!applies.empty()) out["applies"] = std::move(applies);
  return out;
}

}  // namespace backorder::detail

namespace backorder {

RulePack parse_rule_pack(std::string_view text, const std::string& path) {
  detail::json j = detail::parse_json_or_throw(text, path, path);
  detail::Reader r;
  RulePack pack = detail::read_rule_pack(j, path, r);
  r.throw_if_failed();
  return pack;
}

const std::vector<RulePack>& builtin_rule_packs() {
  static const std::vector<RulePack> packs = [] {
    std::vector<RulePack> out;
    for (std::size_t i = 0; i < detail::kEmbeddedPackCount; ++i) {
      const auto& e = detail::kEmbeddedPacks[i];
      try {
        out.push_back(parse_rule_pack(e.text, std::string("core/rules/") + e.file));
      } catch (const Error& err) {
        // The build embeds what the tests check; a broken built-in pack is a bug of the library.
        throw Error(ErrorCode::internal, err.path(), std::string("built-in rule pack: ") + err.what());
      }
    }
    std::sort(out.begin(), out.end(), [](const RulePack& a, const RulePack& b) { return a.id < b.id; });
    return out;
  }();
  return packs;
}

}  // namespace backorder
