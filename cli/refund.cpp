// `backorder refund`: reads a refund request (docs/json.md#refunds), asks bo_engine_refund_json and prints
// the quote as a table or as the library's JSON.
#include "refund.hpp"

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <optional>
#include <set>

#include "common.hpp"

namespace bo_cli {
namespace {

// Minor-unit digits of the ISO 4217 codes that do not have two; amounts stay integers, never floats.
int exponent_of(const std::string& code) {
  static const std::set<std::string> none = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
                                             "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  static const std::set<std::string> three = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  return none.count(code) ? 0 : three.count(code) ? 3 : 2;
}

// 13531 USD -> "USD 135.31"; `negative` prints a deduction ("USD -4.00").
std::string money(std::int64_t minor, const std::string& currency, bool negative = false) {
  const int exponent = exponent_of(currency);
  std::string digits = std::to_string(minor < 0 ? -minor : minor);
  if (exponent > 0) {
    if (digits.size() <= static_cast<std::size_t>(exponent))
      digits.insert(0, static_cast<std::size_t>(exponent) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(exponent), ".");
  }
  return currency + " " + ((minor < 0) != negative && minor != 0 ? "-" : "") + digits;
}

void print_rows(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& r : rows) {
    widths.resize(std::max(widths.size(), r.size()), 0);
    for (std::size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], r[c].size());
  }
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) {
      line += r[c];
      if (c + 1 < r.size()) line.append(widths[c] - r[c].size() + 2, ' ');
    }
    std::cout << line.erase(line.find_last_not_of(' ') + 1) << "\n";
  }
}

void print_quote(const json& q) {
  const std::string cur = q.at("currency");
  const bool included = q.at("tax_included");
  std::cout << "refund at " << q.at("now").get<std::string>() << " (" << cur << ", prices "
            << (included ? "include" : "exclude") << " tax)\n\n";
  std::vector<std::vector<std::string>> rows = {
      {"LINE", "SKU", "QTY", "ITEMS", "DISCOUNT", included ? "TAX (INCL.)" : "TAX", "DEPOSIT", "TOTAL"}};
  for (const auto& l : q.at("lines")) {
    rows.push_back({l.at("line_id"), l.value("sku", std::string()),
                    std::to_string(l.at("quantity").get<std::int64_t>()), money(l.at("items"), cur),
                    money(l.at("discount"), cur, true), money(l.at("tax"), cur), money(l.at("deposit"), cur),
                    money(l.at("total"), cur)});
  }
  print_rows(rows);
  std::cout << "\n";
  print_rows(
      {{"items", money(q.at("items"), cur)},
       {"discount", money(q.at("discount"), cur, true)},
       {included ? "tax (incl.)" : "tax", money(q.at("tax"), cur)},
       {"deposit", money(q.at("deposit"), cur)},
       {"shipping", money(q.at("shipping"), cur) + " (" + q.at("shipping_basis").get<std::string>() + ")"},
       {"total", money(q.at("total"), cur)}});
  const json& d = q.at("deadline");
  std::string unit = d.at("unit");
  std::replace(unit.begin(), unit.end(), '_', ' ');
  std::cout << "\nrefund by " << d.at("due").get<std::string>() << ": " << d.at("count").get<int>() << " "
            << unit << ", " << d.at("method").get<std::string>() << " (" << d.at("rule").get<std::string>()
            << ", " << d.at("jurisdiction").get<std::string>() << ", " << d.at("payment").get<std::string>()
            << ")\n  " << d.at("text").get<std::string>() << "\n  " << d.at("citation").get<std::string>()
            << "\n";
  std::cout << "still to ship: " << q.at("still_open").get<std::int64_t>() << " units\n";
}

// Every problem of the rejected request, one "backorder: FILE: PATH: MESSAGE" line each (main() adds the
// first prefix).
std::string every_problem(const std::string& file) {
  json issues;
  try {
    issues = json::parse(bo_last_error_json());
  } catch (const json::exception&) {
    return file + ": " + last_error();
  }
  if (!issues.is_array() || issues.empty()) return file + ": " + last_error();
  std::string text;
  for (const auto& i : issues) {
    const std::string path = i.value("path", std::string()), message = i.value("message", std::string());
    if (!text.empty()) text += "\nbackorder: ";
    text += file + ": " + (path.empty() ? message : path + ": " + message);
  }
  return text;
}

}  // namespace

int cmd_refund(const std::vector<std::string>& args) {
  std::string policy = data_dir() + "/policy.json", format = "table";
  std::optional<std::string> request_file, now;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string v;
    if (take_option(args, i, "--policy", policy) || take_option(args, i, "--format", format)) continue;
    if (take_option(args, i, "--now", v)) {
      now = v;
    } else if (!args[i].empty() && args[i][0] == '-') {
      throw Usage{"refund: unknown argument \"" + args[i] + "\""};
    } else if (request_file) {
      throw Usage{"refund takes one request, not \"" + args[i] + "\" too"};
    } else {
      request_file = args[i];
    }
  }
  if (!request_file) throw Usage{"refund needs a request file"};
  if (format != "table" && format != "json") throw Usage{"--format is table or json, not \"" + format + "\""};

  json request = read_json(*request_file);
  // `now` is an input: --now, else the request's, else this moment (only this edge reads the clock).
  if (request.is_object() && (now || !request.contains("now"))) request["now"] = now ? *now : now_utc_iso();
  auto engine = make_engine(policy);
  const std::string body = request.dump();
  char* out = nullptr;
  size_t len = 0;
  if (bo_engine_refund_json(&out, &len, engine.get(), body.data(), body.size()) != BO_OK)
    throw Fatal{every_problem(*request_file)};
  const json quote = take_json(out, len);
  if (format == "json")
    std::cout << quote.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  else
    print_quote(quote);
  return kOk;
}

}  // namespace bo_cli
