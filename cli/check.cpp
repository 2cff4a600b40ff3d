// `backorder check REQUEST.json [--order] [--policy FILE] [--pack FILE ...] [--now ISO8601]
// [--format table|json]`: runs the rule packs over a listing or an order (docs/compliance.md) and prints the
// findings. Uses only the C ABI.
#include "check.hpp"

#include <iostream>

#include "common.hpp"

namespace bo_cli {
namespace {

struct CheckOptions {
  std::string request, policy, format = "table";
  std::vector<std::string> packs;
  std::string now;
  bool order = false;
  bool show_packs = false;
};

// Every problem of the last failed call, one per line, located in the request file.
std::string every_issue(const std::string& file) {
  json issues = json::parse(bo_last_error_json(), nullptr, false);
  if (!issues.is_array() || issues.empty()) return file + ": " + last_error();
  std::string text;
  for (const auto& issue : issues) {
    const std::string path = issue.value("path", std::string());
    if (!text.empty()) text += "\nbackorder: ";
    text += file + ": " + (path.empty() ? "" : path + ": ") + issue.value("message", std::string());
  }
  return text;
}

void print_findings(const json& answer) {
  const json& findings = answer.at("findings");
  std::vector<std::vector<std::string>> rows = {{"SEVERITY", "DUE", "RULE", "ACTION", "MESSAGE"}};
  for (const auto& f : findings) {
    rows.push_back({f.at("severity"), f.at("due").is_string() ? f.at("due").get<std::string>() : "-",
                    f.at("rule_id"), f.at("action"), f.at("message")});
  }
  // Every column but the message is ASCII: pad by bytes.
  std::vector<std::size_t> width(4, 0);
  for (const auto& r : rows)
    for (std::size_t c = 0; c < 4; ++c) width[c] = std::max(width[c], r[c].size());
  std::string packs;
  for (const auto& p : answer.at("packs")) packs += (packs.empty() ? "" : ", ") + p.get<std::string>();
  if (findings.empty()) {
    std::cout << "no findings (packs: " << packs << ")\n";
    return;
  }
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < 4; ++c) std::cout << r[c] << std::string(width[c] - r[c].size() + 2, ' ');
    std::cout << r[4] << "\n";
  }
  std::cout << "\ncitations:\n";
  for (const auto& f : findings) {
    const json& c = f.at("citation");
    std::cout << "  " << f.at("rule_id").get<std::string>() << ": " << c.at("source").get<std::string>()
              << " [" << c.at("tag").get<std::string>() << "]\n";
  }
  std::cout << "\npacks: " << packs << "\n";
}

int run_check(const CheckOptions& o) {
  auto engine = make_engine(o.policy);
  char* out = nullptr;
  size_t len = 0;
  if (o.show_packs) {
    if (bo_engine_rule_packs_json(&out, &len, engine.get()) != BO_OK) throw Fatal{last_error()};
    std::cout << take_json(out, len).dump(2) << "\n";
    return kOk;
  }
  json request = read_json(o.request);
  if (!request.is_object()) throw Fatal{o.request + ": expected a request object (docs/json.md#compliance)"};
  if (!o.now.empty())
    request["now"] = o.now;
  else if (!request.contains("now"))
    request["now"] = now_utc_iso();
  if (!o.packs.empty()) {
    json& packs = request["packs"];
    if (!packs.is_array()) packs = json::array();
    for (const auto& file : o.packs) packs.push_back(read_json(file));
  }
  const bool order = o.order || request.contains("order");
  const std::string body = request.dump();
  const bo_status st = order
                           ? bo_engine_check_order_json(&out, &len, engine.get(), body.data(), body.size())
                           : bo_engine_check_listing_json(&out, &len, engine.get(), body.data(), body.size());
  if (st != BO_OK) throw Fatal{every_issue(o.request)};
  const json answer = take_json(out, len);
  if (o.format == "json")
    std::cout << answer.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  else
    print_findings(answer);
  for (const auto& f : answer.at("findings"))
    if (f.at("severity") == "violation") return kNo;
  return kOk;
}

}  // namespace

int cmd_check(const std::vector<std::string>& args) {
  CheckOptions o;
  o.policy = data_dir() + "/policy.json";
  bool have_request = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string v;
    if (take_option(args, i, "--policy", o.policy) || take_option(args, i, "--format", o.format) ||
        take_option(args, i, "--now", o.now)) {
      continue;
    }
    if (take_option(args, i, "--pack", v)) {
      o.packs.push_back(v);
    } else if (args[i] == "--order") {
      o.order = true;
    } else if (args[i] == "--packs") {
      o.show_packs = true;
    } else if (!args[i].empty() && args[i][0] == '-') {
      throw Usage{"check: unknown argument \"" + args[i] + "\""};
    } else if (have_request) {
      throw Usage{"check takes one request, not \"" + args[i] + "\" too"};
    } else {
      o.request = args[i];
      have_request = true;
    }
  }
  if (!have_request && !o.show_packs) throw Usage{"check needs a request file (or --packs)"};
  if (o.format != "table" && o.format != "json")
    throw Usage{"--format is table or json, not \"" + o.format + "\""};
  return run_check(o);
}

}  // namespace bo_cli
