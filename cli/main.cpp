// backorder: the command line. It calls only the C ABI (backorder.h); JSON is read and printed with
// nlohmann/json. See docs/cli.md.
//
// Exit status: 0 success; 1 the answer is "no" (an invalid policy for `validate`, a catalog row that
// could not be labelled for `labels`); 2 the command could not run (usage, files, a bad policy or request).
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "backorder.h"
#include "cart.hpp"
#include "check.hpp"
#include "common.hpp"
#include "desk.hpp"
#include "facts.hpp"
#include "ledger.hpp"
#include "refund.hpp"

namespace {

using nlohmann::json;
using namespace bo_cli;

const char kUsage[] =
    "usage: backorder --version [--json]\n"
    "       backorder validate POLICY\n"
    "       backorder labels [--policy FILE] [--catalog FILE] [--stock FILE] [--locale TAG]\n"
    "                        [--now ISO8601] [--quantity N] [--format table|json]\n"
    "                        [--supply FILE] [--orders FILE] [--suppliers FILE] [--progress]\n"
    "       backorder promise [--policy FILE] [SCENARIO] [--items FILE] [--stock FILE] [--supply FILE]\n"
    "                         [--suppliers FILE] [--orders FILE] [--now ISO8601]\n"
    "                         [--change FILE ...] [--quote SKU[:QTY[:ZONE]] ...]\n"
    "                         [--format table|json] [--progress]\n"
    "       backorder checkout CART [--policy FILE] [--catalog FILE] [--stock FILE] [--supply FILE]\n"
    "                         [--orders FILE] [--suppliers FILE] [--locale TAG] [--zone ZONE] [--tier TIER]\n"
    "                         [--now ISO8601] [--choose STRATEGY] [--line ID=CHOICE ...]\n"
    "                         [--format table|json]\n"
    "       backorder refund REQUEST [--policy FILE] [--now ISO8601] [--format table|json]\n"
    "       backorder demo [--db FILE] [--story FILE]\n"
    "       backorder apply --db URL [--policy FILE] [--secret-file FILE] [--format text|json] EVENTS...\n"
    "       backorder outbox --db URL [--policy FILE] [--state pending|leased|sent] [--now ISO8601]\n"
    "                        [--drain] [--format text|json]\n"
    "       backorder tick --db URL [--policy FILE] [--secret-file FILE] [--now ISO8601] [--format "
    "text|json]\n"
    "       backorder check REQUEST [--order] [--policy FILE] [--pack FILE ...] [--now ISO8601]\n"
    "                       [--format table|json]      (exit 1 when a rule is violated)\n"
    "       backorder check --packs [--policy FILE]\n"
    "       backorder brief ORDER --db URL [--policy FILE] [--now ISO8601] [--locale TAG] [--format "
    "text|json]\n"
    "       backorder report --db URL [--policy FILE] [--now ISO8601] [--html FILE] [--format text|json]\n"
    "       backorder --help\n"
    "\n"
    "labels and checkout read policy.json, catalog.json and stock.json from $BACKORDER_DATA, else from\n"
    "the example shop installed with the command (`backorder --version --json` says which folder).\n"
    "--now defaults to the current time; --locale to the policy's; --quantity to 1.\n"
    "SCENARIO is a JSON scenario file or a directory of items/stock/supply/suppliers/orders files;\n"
    "every facts file is JSON, or CSV when its name ends in .csv (docs/cli.md).\n"
    "CART is {\"currency\", \"lines\": [...]} as JSON, or CSV with line_id,sku,quantity,unit_price columns;\n"
    "CHOICE is wait, notify_me, remove or alternative:SKU; --choose or --line prints the consent record.\n"
    "Exit status: 0 ok, 1 invalid policy or a row could not be labelled, 2 could not run\n"
    "(a cart the engine rejects included: every problem is listed).\n";

// ---- version -------------------------------------------------------------------------------------

int cmd_version(bool as_json) {
  const bool abi_ok = bo_abi_version() == BO_ABI_VERSION;
  if (as_json) {
    json v = {{"cli",
               {{"version", std::to_string(BO_VERSION_MAJOR) + "." + std::to_string(BO_VERSION_MINOR) + "." +
                                std::to_string(BO_VERSION_PATCH)},
                {"abi_version", BO_ABI_VERSION},
                {"data_dir", data_dir()}}},
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

struct LabelsOptions {
  std::string policy, catalog, stock;
  std::optional<std::string> locale, now;
  std::optional<std::int64_t> quantity;
  std::string format = "table";
  std::optional<std::string> supply, orders, suppliers;
  bool progress = false;
};

// The last error of a call over `facts`, located in its file: "orders.csv:5: quantity: must be at least 1".
std::string facts_error(const bo_cli::Facts& facts) {
  const std::string path = bo_last_error_path();
  const std::string message = bo_last_error_message();
  if (path.empty()) return message;
  return facts.locate(path) + ": " + message;
}

int cmd_labels(const LabelsOptions& o) {
  using bo_cli::FactKind;
  bo_cli::Progress progress(o.progress);
  bo_cli::Facts facts;
  facts.load(FactKind::items, o.catalog, progress);
  facts.load(FactKind::stock, o.stock, progress);
  if (o.supply) facts.load(FactKind::supply, *o.supply, progress);
  if (o.orders) facts.load(FactKind::orders, *o.orders, progress);
  if (o.suppliers) facts.load(FactKind::suppliers, *o.suppliers, progress);
  auto engine = make_engine(o.policy);

  json& request = facts.doc;
  request["now"] = o.now ? *o.now : now_utc_iso();
  if (o.locale) request["locale"] = *o.locale;
  if (o.quantity) request["quantity"] = *o.quantity;
  const std::string body = request.dump();
  char* out = nullptr;
  size_t len = 0;
  progress.begin("labelling");
  if (bo_engine_labels_json(&out, &len, engine.get(), body.data(), body.size()) != BO_OK) {
    throw Fatal{facts_error(facts)};
  }
  const json answer = take_json(out, len);
  progress.done();
  const json& items = request.at("items");

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
    const std::string path = e.at("path");
    std::cerr << "row " << e.at("row").get<std::int64_t>() << " (" << e.value("sku", std::string())
              << "): " << (facts.from_csv(path) ? facts.locate(path) : path) << ": "
              << e.at("message").get<std::string>() << "\n";
  }
  return errors.empty() ? kOk : kNo;
}

// ---- promise -------------------------------------------------------------------------------------

struct PromiseStep {
  enum Kind { quote, change } kind;
  std::string value;  // SKU[:QTY[:ZONE]], or a change file
};

struct PromiseOptions {
  std::string policy;
  std::optional<std::string> scenario, now;
  std::vector<std::pair<bo_cli::FactKind, std::string>> files;  // --items FILE and friends, in order
  std::vector<PromiseStep> steps;
  std::string format = "table";
  bool progress = false;
};

struct FreePromises {
  void operator()(bo_promises* p) const { bo_promises_free(p); }
};

std::int64_t parse_integer(const std::string& s, const std::string& what) {
  std::int64_t v = 0;
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc() || ptr != end)
    throw Usage{what + " needs an integer, not \"" + s + "\""};
  return v;
}

// SKU[:QTY[:ZONE]] -> {"sku", "quantity", "zone"}.
json quote_request(const std::string& spec) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t colon = spec.find(':', start);
    parts.push_back(spec.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() > 3 || parts[0].empty())
    throw Usage{"--quote takes SKU[:QTY[:ZONE]], not \"" + spec + "\""};
  json req = {{"sku", parts[0]}, {"quantity", 1}};
  if (parts.size() > 1) req["quantity"] = parse_integer(parts[1], "--quote " + spec + ": the quantity");
  if (parts.size() > 2) req["zone"] = parts[2];
  return req;
}

// "inbound PO-1001", "stock", "lead time"; "2 stock + 1 inbound PO-1001" for a line split across sources.
std::string source_text(const json& p) {
  auto one = [](const json& part) {
    const std::string source = part.at("source");
    if (source == "inbound" && part.contains("supply_id"))
      return "inbound " + part["supply_id"].get<std::string>();
    if (source == "lead_time") return std::string("lead time");
    return source;
  };
  std::string text;
  const json parts = p.value("parts", json::array());
  if (parts.size() > 1) {
    for (const auto& part : parts) {
      if (!text.empty()) text += " + ";
      text += std::to_string(part.at("quantity").get<std::int64_t>()) + " " + one(part);
    }
  } else if (parts.size() == 1) {
    text = one(parts[0]);
  } else {
    json q = {{"source", p.at("source")}};
    if (p.contains("supply_id")) q["supply_id"] = p["supply_id"];
    text = one(q);
  }
  if (p.value("late_supply", false)) text += " (late)";
  return text;
}

std::string queue_text(const json& p) {
  const std::int64_t lines = p.at("lines_ahead"), units = p.at("units_ahead");
  std::string text = std::to_string(lines) + " ahead";
  if (units != lines) text += " (" + std::to_string(units) + " units)";
  return text;
}

void print_promises(const json& answer) {
  std::vector<std::vector<std::string>> rows = {
      {"LINE", "SKU", "QTY", "SHIP", "SOURCE", "CONFIDENCE", "QUEUE", "DELIVERY"}};
  for (const auto& l : answer.at("lines")) {
    rows.push_back({l.at("order_id").get<std::string>() + "/" + l.at("line_id").get<std::string>(),
                    l.at("sku"), std::to_string(l.at("quantity").get<std::int64_t>()),
                    window_text(l.at("ship")), source_text(l), l.at("confidence"), queue_text(l),
                    window_text(l.value("delivery", json()))});
  }
  print_table(rows);
  const json& supply = answer.at("supply");
  if (!supply.empty()) {
    std::cout << "\n";
    std::vector<std::vector<std::string>> srows = {{"SUPPLY", "SKU", "QTY", "SHIP"}};
    for (const auto& s : supply) {
      srows.push_back({s.at("id"), s.at("sku"), std::to_string(s.at("quantity").get<std::int64_t>()),
                       window_text(s.at("ship"))});
    }
    print_table(srows);
  }
}

void print_quote(const json& q) {
  std::cout << "\nquote " << q.at("sku").get<std::string>() << " \u00d7 "
            << q.at("quantity").get<std::int64_t>() << ": ships " << window_text(q.at("ship")) << ", "
            << source_text(q) << ", " << q.at("confidence").get<std::string>() << ", " << queue_text(q);
  if (q.contains("delivery") && q["delivery"].is_object())
    std::cout << ", delivery " << window_text(q["delivery"]);
  std::cout << "\n";
}

void print_deltas(const std::string& file, const json& deltas) {
  std::cout << "\nchange " << file << ": " << deltas.size() << (deltas.size() == 1 ? " line" : " lines")
            << " moved\n";
  if (deltas.empty()) return;
  std::vector<std::vector<std::string>> rows = {{"LINE", "SKU", "BEFORE", "", "AFTER"}};
  for (const auto& d : deltas) {
    const json& before = d.value("before", json());
    const json& after = d.value("after", json());
    rows.push_back({d.at("order_id").get<std::string>() + "/" + d.at("line_id").get<std::string>(),
                    d.at("sku"), before.is_object() ? window_text(before.at("ship")) : "", "->",
                    after.is_object() ? window_text(after.at("ship")) : "removed"});
  }
  print_table(rows);
}

int cmd_promise(const PromiseOptions& o) {
  bo_cli::Progress progress(o.progress);
  bo_cli::Facts facts;
  if (o.scenario) {
    std::error_code ec;
    if (std::filesystem::is_directory(*o.scenario, ec)) {
      facts.load_directory(*o.scenario, progress);
    } else {
      facts.load_scenario(*o.scenario, progress);
    }
  }
  for (const auto& [kind, file] : o.files) facts.load(kind, file, progress);
  if (!o.scenario && o.files.empty())
    throw Usage{"promise needs a scenario file or directory, or --items and friends"};
  if (o.now) facts.doc["now"] = *o.now;
  if (!facts.doc.contains("now")) facts.doc["now"] = now_utc_iso();

  // Changes are read before anything is computed, so that a missing file stops the command early.
  std::vector<json> changes;
  for (const auto& step : o.steps) {
    if (step.kind != PromiseStep::change) continue;
    const json c = read_json(step.value);
    if (!c.is_object() && !c.is_array())
      throw Fatal{step.value + ": expected a change object or an array of them"};
    changes.push_back(c);
  }

  auto engine = make_engine(o.policy);
  progress.begin("computing promises");
  bo_promises* raw = nullptr;
  {
    std::string scenario = facts.doc.dump();
    facts.doc = json::object();  // only the sources are needed from here on (to locate errors)
    if (bo_promises_new(&raw, engine.get(), scenario.data(), scenario.size()) != BO_OK) {
      throw Fatal{facts_error(facts)};
    }
  }
  std::unique_ptr<bo_promises, FreePromises> promises(raw);
  char* out = nullptr;
  size_t len = 0;
  if (bo_promises_json(&out, &len, promises.get()) != BO_OK) throw Fatal{last_error()};
  json answer = take_json(out, len);
  progress.done(std::to_string(answer.at("lines").size()) + " lines");

  json steps = json::array();
  if (o.format == "table") print_promises(answer);
  std::size_t next_change = 0;
  for (const auto& step : o.steps) {
    if (step.kind == PromiseStep::quote) {
      const std::string req = quote_request(step.value).dump();
      if (bo_promises_quote_json(&out, &len, promises.get(), req.data(), req.size()) != BO_OK) {
        throw Fatal{"--quote " + step.value + ": " + last_error()};
      }
      json q = take_json(out, len);
      if (o.format == "table") print_quote(q);
      steps.push_back({{"quote", json::parse(req)}, {"answer", std::move(q)}});
      continue;
    }
    const json& c = changes[next_change++];
    const json list = c.is_array() ? c : json::array({c});
    json deltas = json::array();
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string body = list[k].dump();
      if (bo_promises_apply_json(&out, &len, promises.get(), body.data(), body.size()) != BO_OK) {
        throw Fatal{step.value + (c.is_array() ? " (change " + std::to_string(k) + ")" : std::string()) +
                    ": " + last_error()};
      }
      json answer_k = take_json(out, len);
      for (auto& d : answer_k.at("deltas")) deltas.push_back(std::move(d));
    }
    if (o.format == "table") print_deltas(step.value, deltas);
    steps.push_back({{"change", c}, {"deltas", std::move(deltas)}});
  }
  if (o.format == "json") {
    answer["steps"] = std::move(steps);
    std::cout << answer.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  }
  return kOk;
}

// ---- checkout ------------------------------------------------------------------------------------

struct CheckoutOptions {
  std::string cart, policy, catalog, stock;
  std::optional<std::string> supply, orders, suppliers, locale, zone, tier, now, strategy;
  std::vector<std::pair<std::string, json>> choices;  // --line ID=CHOICE, in order
  std::string format = "table";
};

// Digits after the decimal point of an ISO 4217 currency (ISO 4217's minor unit). 2 unless listed.
int currency_exponent(const std::string& code) {
  static const std::set<std::string> none = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
                                             "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  static const std::set<std::string> three = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  if (none.count(code) != 0) return 0;
  if (three.count(code) != 0) return 3;
  return 2;
}

// 595 USD -> "USD 5.95"; amounts are integer minor units, never floating point.
std::string money(std::int64_t minor, const std::string& currency) {
  const int exponent = currency_exponent(currency);
  const bool negative = minor < 0;
  // The magnitude without overflow for INT64_MIN.
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  std::string digits = std::to_string(magnitude);
  if (exponent > 0) {
    if (digits.size() <= static_cast<std::size_t>(exponent))
      digits.insert(0, static_cast<std::size_t>(exponent) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(exponent), ".");
  }
  return currency + " " + (negative ? "-" : "") + digits;
}

// --line ID=CHOICE: "wait", "notify_me", "remove" as they are; "alternative:SKU" -> {"alternative": SKU}.
std::pair<std::string, json> line_choice(const std::string& spec) {
  const std::size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
    throw Usage{"--line takes ID=CHOICE (wait, notify_me, remove, alternative:SKU), not \"" + spec + "\""};
  const std::string id = spec.substr(0, eq), choice = spec.substr(eq + 1);
  static const std::string alternative = "alternative:";
  if (choice.compare(0, alternative.size(), alternative) == 0) {
    if (choice.size() == alternative.size())
      throw Usage{"--line " + spec + ": alternative:SKU needs the SKU"};
    return {id, json{{"alternative", choice.substr(alternative.size())}}};
  }
  return {id, json(choice)};
}

// The policy's currency, to fill a cart that does not say; "" when the policy cannot tell (the engine then
// reports the policy's own problem).
std::string policy_currency(const std::string& policy_file) {
  try {
    const json policy = json::parse(read_file(policy_file));
    if (policy.is_object() && policy.contains("currency") && policy["currency"].is_string())
      return policy["currency"];
  } catch (const json::exception&) {
  }
  return {};
}

// Every problem of the last failed call, one "backorder: LOCATION: MESSAGE" line each (the first without
// the prefix: main() adds it), located in the cart or the facts file they come from.
std::string every_issue(const bo_cli::Cart& cart, const bo_cli::Facts& facts,
                        const std::string& context = {}) {
  json issues;
  try {
    issues = json::parse(bo_last_error_json());
  } catch (const json::exception&) {
    return last_error();
  }
  if (!issues.is_array() || issues.empty()) return last_error();
  std::string text;
  for (const auto& issue : issues) {
    const std::string path = issue.value("path", std::string());
    const std::string message = issue.value("message", std::string());
    std::string where = cart.locate(path);
    if (where.empty()) where = path.empty() ? std::string() : facts.locate(path);
    if (!text.empty()) text += "\nbackorder: ";
    text += context + (where.empty() ? message : where + ": " + message);
  }
  return text;
}

std::string quantity_at(std::int64_t quantity, const json& window) {
  if (quantity <= 0) return "";
  const std::string w = window_text(window);
  return std::to_string(quantity) + (w.empty() ? "" : " \u00d7 " + w);
}

std::string items_text(const json& items) {
  std::string text;
  for (const auto& it : items) {
    if (!text.empty()) text += ", ";
    text += "line " + it.at("line_id").get<std::string>() + " \u00d7" +
            std::to_string(it.at("quantity").get<std::int64_t>());
  }
  return text;
}

std::string payment_text(const json& payment) {
  if (!payment.is_object()) return "";
  std::string text = payment.value("advice", std::string());
  if (payment.contains("authorization_expires") && payment["authorization_expires"].is_string())
    text += " (authorization expires " + payment["authorization_expires"].get<std::string>() + ")";
  return text;
}

void print_plan(const json& plan) {
  const std::string currency = plan.at("currency");
  const json& lines = plan.at("lines");
  std::cout << "checkout at " << plan.at("now").get<std::string>() << " in "
            << plan.at("locale").get<std::string>() << ": " << lines.size()
            << (lines.size() == 1 ? " line" : " lines") << ", subtotal "
            << money(plan.at("subtotal"), currency) << "\n\n";

  std::vector<std::vector<std::string>> rows = {
      {"LINE", "SKU", "NAME", "QTY", "AMOUNT", "STATUS", "LABEL", "SHIPS NOW", "WAITS"}};
  for (const auto& l : lines) {
    const json& label = l.at("label");
    rows.push_back({l.at("line_id"), l.at("sku"), l.value("name", std::string()),
                    std::to_string(l.at("quantity").get<std::int64_t>()), money(l.at("amount"), currency),
                    label.at("status"), label.at("text"),
                    quantity_at(label.value("ship_now", std::int64_t{0}), label.value("now_window", json())),
                    quantity_at(label.value("later", std::int64_t{0}), label.value("later_window", json()))});
  }
  print_table(rows);

  for (const auto& l : lines) {
    const json& options = l.at("options");
    if (options.empty()) continue;
    std::string names;
    for (const auto& o : options) names += (names.empty() ? "" : ", ") + o.get<std::string>();
    std::cout << "\nline " << l.at("line_id").get<std::string>() << " (" << l.at("sku").get<std::string>()
              << ") options: " << names << "\n";
    const json& alternatives = l.at("alternatives");
    if (alternatives.empty()) continue;
    std::cout << "  alternatives:\n";
    std::vector<std::vector<std::string>> alt_rows;
    for (const auto& a : alternatives) {
      alt_rows.push_back({"  ", a.at("sku"), a.value("name", std::string()), money(a.at("price"), currency),
                          a.at("label").at("text"), window_text(a.at("label").value("now_window", json()))});
    }
    print_table(alt_rows);
  }

  const std::string default_id = plan.at("default_strategy");
  const std::string recommended_id = plan.at("recommended_strategy");
  const json& strategies = plan.at("strategies");
  std::cout << "\n";
  std::vector<std::vector<std::string>> ship_rows = {
      {"STRATEGY", "SHIPMENT", "SHIPS", "DELIVERY", "ITEMS", "CHARGE"}};
  for (const auto& s : strategies) {
    const json& shipments = s.at("shipments");
    for (std::size_t k = 0; k < shipments.size(); ++k) {
      const json& sh = shipments[k];
      ship_rows.push_back({s.at("id"), std::to_string(k + 1) + " of " + std::to_string(shipments.size()),
                           window_text(sh.at("ship")), window_text(sh.value("delivery", json())),
                           items_text(sh.at("items")), money(sh.at("charge"), currency)});
    }
  }
  print_table(ship_rows);
  std::cout << "\n";
  std::vector<std::vector<std::string>> sum_rows = {
      {"STRATEGY", "", "SHIPPING", "CUSTOMER PAYS", "SHOP PAYS", "COMPLETE", "PAYMENT"}};
  for (const auto& s : strategies) {
    const std::string id = s.at("id");
    std::string tags;
    if (id == default_id) tags = "default";
    if (id == recommended_id) tags += tags.empty() ? "recommended" : ", recommended";
    sum_rows.push_back({id, tags, money(s.at("shipping_total"), currency),
                        money(s.at("customer_pays"), currency), money(s.at("shop_pays"), currency),
                        window_text(s.value("complete", json())), payment_text(s.value("payment", json()))});
  }
  print_table(sum_rows);
  std::cout << "\n";
  for (const auto& s : strategies)
    std::cout << s.at("id").get<std::string>() << ": " << s.value("disclosure", std::string()) << "\n";

  if (strategies.size() > 1) {
    std::cout << "\ncost difference: " << money(plan.at("cost_difference"), currency)
              << " (what ship_available costs the shopper over ship_together)\n";
  }
  std::cout << (strategies.size() > 1 ? "" : "\n") << "default: " << default_id
            << "\nrecommended: " << recommended_id << " (" << plan.value("recommendation", std::string())
            << ")\n";

  const json& disclosures = plan.at("disclosures");
  if (!disclosures.empty()) {
    std::cout << "\ndisclosures:\n";
    for (const auto& d : disclosures) {
      std::string kind = d.at("kind");
      if (d.contains("line_id") && d["line_id"].is_string())
        kind += " (line " + d["line_id"].get<std::string>() + ")";
      std::cout << "  " << kind << ": " << d.at("text").get<std::string>() << "\n";
    }
  }
}

int cmd_checkout(const CheckoutOptions& o) {
  using bo_cli::FactKind;
  bo_cli::Progress progress(false);
  bo_cli::Facts facts;
  facts.load(FactKind::items, o.catalog, progress);
  facts.load(FactKind::stock, o.stock, progress);
  if (o.supply) facts.load(FactKind::supply, *o.supply, progress);
  if (o.orders) facts.load(FactKind::orders, *o.orders, progress);
  if (o.suppliers) facts.load(FactKind::suppliers, *o.suppliers, progress);
  bo_cli::Cart cart = bo_cli::parse_cart(bo_cli::read_text_file(o.cart), o.cart, policy_currency(o.policy));
  auto engine = make_engine(o.policy);

  json& request = facts.doc;
  request["now"] = o.now ? *o.now : now_utc_iso();
  json customer = cart.customer;
  if (o.locale) customer["locale"] = *o.locale;
  if (o.zone) customer["zone"] = *o.zone;
  if (o.tier) customer["tier"] = *o.tier;
  request["cart"] = cart.cart;
  request["customer"] = std::move(customer);
  const std::string body = request.dump();
  char* out = nullptr;
  size_t len = 0;
  if (bo_engine_checkout_json(&out, &len, engine.get(), body.data(), body.size()) != BO_OK)
    throw Fatal{every_issue(cart, facts)};
  json plan = take_json(out, len);

  // The consent record, when the shopper's choice is given: exactly the library's text, to keep as it is.
  std::string record;
  if (o.strategy || !o.choices.empty()) {
    json choice = json::object();
    if (o.strategy) choice["strategy"] = *o.strategy;
    json lines = json::object();
    for (const auto& [id, c] : o.choices) lines[id] = c;
    if (!lines.empty()) choice["lines"] = std::move(lines);
    const std::string consent_req = json{{"plan", plan}, {"choice", choice}, {"now", request["now"]}}.dump();
    if (bo_consent_json(&out, &len, consent_req.data(), consent_req.size()) != BO_OK)
      throw Fatal{every_issue(cart, facts, "the choice: ")};
    std::unique_ptr<char, FreeChars> owned(out);
    record.assign(out, len);
  }

  if (o.format == "json") {
    if (!record.empty()) plan["consent"] = json::parse(record);
    std::cout << plan.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  } else {
    print_plan(plan);
    if (!record.empty()) {
      std::cout << "\nconsent record (" << json::parse(record).value("strategy", std::string())
                << "), to keep with the order:\n"
                << record << "\n";
    }
  }
  return kOk;
}

// ---- arguments -----------------------------------------------------------------------------------

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
  if (cmd == "demo") return cmd_demo(args);
  if (cmd == "apply") return cmd_apply(args);
  if (cmd == "outbox") return cmd_outbox(args);
  if (cmd == "tick") return cmd_tick(args);
  if (cmd == "brief") return cmd_brief(args);
  if (cmd == "report") return cmd_report(args);
  if (cmd == "refund") return cmd_refund(args);
  if (cmd == "check") return bo_cli::cmd_check(args);
  if (cmd == "validate") {
    if (args.size() != 2) throw Usage{"validate takes one policy file"};
    return cmd_validate(args[1]);
  }
  if (cmd == "labels") {
    const std::string dir = data_dir();
    LabelsOptions o;
    o.policy = dir + "/policy.json";
    o.catalog = dir + "/catalog.json";
    o.stock = dir + "/stock.json";
    for (std::size_t i = 1; i < args.size(); ++i) {
      std::string v;
      if (take_option(args, i, "--policy", o.policy) || take_option(args, i, "--catalog", o.catalog) ||
          take_option(args, i, "--stock", o.stock) || take_option(args, i, "--format", o.format)) {
        continue;
      }
      if (args[i] == "--progress") {
        o.progress = true;
      } else if (take_option(args, i, "--supply", v)) {
        o.supply = v;
      } else if (take_option(args, i, "--orders", v)) {
        o.orders = v;
      } else if (take_option(args, i, "--suppliers", v)) {
        o.suppliers = v;
      } else if (take_option(args, i, "--locale", v)) {
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
  if (cmd == "promise") {
    using bo_cli::FactKind;
    PromiseOptions o;
    o.policy = data_dir() + "/policy.json";
    for (std::size_t i = 1; i < args.size(); ++i) {
      std::string v;
      if (take_option(args, i, "--policy", o.policy) || take_option(args, i, "--format", o.format)) continue;
      if (args[i] == "--progress") {
        o.progress = true;
      } else if (take_option(args, i, "--now", v)) {
        o.now = v;
      } else if (take_option(args, i, "--change", v)) {
        o.steps.push_back({PromiseStep::change, v});
      } else if (take_option(args, i, "--quote", v)) {
        quote_request(v);  // checked now: a usage error before anything is read
        o.steps.push_back({PromiseStep::quote, v});
      } else if (take_option(args, i, "--items", v)) {
        o.files.emplace_back(FactKind::items, v);
      } else if (take_option(args, i, "--stock", v)) {
        o.files.emplace_back(FactKind::stock, v);
      } else if (take_option(args, i, "--supply", v)) {
        o.files.emplace_back(FactKind::supply, v);
      } else if (take_option(args, i, "--suppliers", v)) {
        o.files.emplace_back(FactKind::suppliers, v);
      } else if (take_option(args, i, "--orders", v)) {
        o.files.emplace_back(FactKind::orders, v);
      } else if (!args[i].empty() && args[i][0] == '-') {
        throw Usage{"promise: unknown argument \"" + args[i] + "\""};
      } else if (o.scenario) {
        throw Usage{"promise takes one scenario (a file or a directory), not \"" + args[i] + "\" too"};
      } else {
        o.scenario = args[i];
      }
    }
    if (o.format != "table" && o.format != "json")
      throw Usage{"--format is table or json, not \"" + o.format + "\""};
    return cmd_promise(o);
  }
  if (cmd == "checkout") {
    const std::string dir = data_dir();
    CheckoutOptions o;
    o.policy = dir + "/policy.json";
    o.catalog = dir + "/catalog.json";
    o.stock = dir + "/stock.json";
    bool have_cart = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
      std::string v;
      if (take_option(args, i, "--policy", o.policy) || take_option(args, i, "--catalog", o.catalog) ||
          take_option(args, i, "--stock", o.stock) || take_option(args, i, "--format", o.format)) {
        continue;
      }
      if (take_option(args, i, "--supply", v)) {
        o.supply = v;
      } else if (take_option(args, i, "--orders", v)) {
        o.orders = v;
      } else if (take_option(args, i, "--suppliers", v)) {
        o.suppliers = v;
      } else if (take_option(args, i, "--locale", v)) {
        o.locale = v;
      } else if (take_option(args, i, "--zone", v)) {
        o.zone = v;
      } else if (take_option(args, i, "--tier", v)) {
        o.tier = v;
      } else if (take_option(args, i, "--now", v)) {
        o.now = v;
      } else if (take_option(args, i, "--choose", v)) {
        o.strategy = v;
      } else if (take_option(args, i, "--line", v)) {
        o.choices.push_back(line_choice(v));
      } else if (!args[i].empty() && args[i][0] == '-') {
        throw Usage{"checkout: unknown argument \"" + args[i] + "\""};
      } else if (have_cart) {
        throw Usage{"checkout takes one cart, not \"" + args[i] + "\" too"};
      } else {
        o.cart = args[i];
        have_cart = true;
      }
    }
    if (!have_cart) throw Usage{"checkout needs a cart file"};
    if (o.format != "table" && o.format != "json")
      throw Usage{"--format is table or json, not \"" + o.format + "\""};
    return cmd_checkout(o);
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
  } catch (const bo_cli::FactsError& e) {
    std::cerr << "backorder: " << e.what() << "\n";
  } catch (const json::exception& e) {
    std::cerr << "backorder: unexpected answer from the library: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "backorder: " << e.what() << "\n";
  }
  return kCannot;
}
