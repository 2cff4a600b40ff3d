// Rule packs: the law and the marketplaces' rules as data (docs/compliance.md). One JSON document per source
// (the US FTC mail-order rule, EU CRD Art. 18, Google Merchant, ...), each rule naming one of the check kinds
// core implements, its parameters, severity, message, required action and citation. The built-in packs are
// core/rules/*.json, embedded at build time; a shop replaces one by giving a pack with the same id.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace backorder {

// "due": an obligation with a date still ahead; the other three are what a rule says when it is broken.
enum class Severity { violation, warning, due, info };
const char* severity_name(Severity s);

// Where a rule comes from, as shared/reference/rules.md states it.
struct Citation {
  std::string source;  // "16 CFR 435.2(b)(1)"
  std::string tag;     // "V" verified against the text, "S" secondary source, "U" unverified (rules.md)
  std::string note;    // which line of rules.md, or what is uncertain
  std::string url;
};

// A parameter of a rule: a whole number, a flag, a word or a list of words.
using RuleParam = std::variant<std::int64_t, bool, std::string, std::vector<std::string>>;

struct Rule {
  std::string id;     // "ftc.first_notice"; unique in its pack
  std::string check;  // a check kind (docs/compliance.md#check-kinds)
  // Every parameter of the check: the rule's own, else the pack's, else the check's default.
  std::map<std::string, RuleParam> params;
  Severity severity = Severity::violation;  // when the check finds the rule broken: violation, warning, info
  std::string message;                      // may hold the check's {placeholders}
  std::string action;                       // a machine-readable verb: "send_delay_notice", "fix_listing"
  Citation citation;
};

struct RulePack {
  std::string id;  // "us-ftc-mail-order"
  int version = 1;
  std::string title;
  std::string updated;                     // YYYY-MM-DD: when the pack was last checked against its sources
  std::vector<std::string> jurisdictions;  // upper case; empty: wherever the shop sells
  std::vector<std::string> channels;       // empty: every channel
  std::vector<Rule> rules;
};

// The policy's "compliance" section (docs/policy.md): packs that replace the built-in ones of the same id (or
// add new ones), and defaults for requests that do not say.
struct CompliancePolicy {
  std::vector<RulePack> packs;
  std::string jurisdiction;           // "US", "DE", "GB", ... for orders that name none
  std::vector<std::string> channels;  // for listings that name none
};

// The packs built into the library (core/rules/*.json), in id order. Parsed once.
const std::vector<RulePack>& builtin_rule_packs();

// Reads one pack document. Throws ValidationError with paths under `path` ("pack.rules[2].check").
RulePack parse_rule_pack(std::string_view json, const std::string& path = "pack");

// The check kinds a rule may use, in the order docs/compliance.md lists them.
std::vector<std::string> check_kind_names();

}  // namespace backorder
