// Carts from JSON or CSV files. See cart.hpp.
#include "cart.hpp"

#include <charconv>
#include <cstdint>
#include <map>
#include <system_error>
#include <utility>

#include "csv.hpp"
#include "facts.hpp"

namespace bo_cli {
namespace {

using nlohmann::json;

const std::vector<std::string>& columns() {
  static const std::vector<std::string> c = {"line_id", "sku", "quantity", "unit_price", "currency"};
  return c;
}

bool parse_integer(std::string_view s, std::int64_t& out) {
  if (s.empty() || s == "-") return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

std::string list_columns() {
  std::string text;
  for (const auto& c : columns()) text += (text.empty() ? "" : ", ") + c;
  return text;
}

Cart parse_csv(std::string_view text, const std::string& file) {
  Cart cart;
  cart.file = file;
  cart.csv = true;
  json lines = json::array();
  std::vector<std::string> header;
  try {
    read_csv(text, file, [&](std::size_t line, const std::vector<std::string>& fields) {
      if (header.empty()) {
        header = fields;
        std::map<std::string, int> seen;
        for (const auto& name : header) {
          bool known = false;
          for (const auto& c : columns()) known = known || c == name;
          if (!known) {
            throw CsvError(file, line,
                           "unknown column \"" + name + "\" (cart columns: " + list_columns() + ")");
          }
          if (++seen[name] > 1) throw CsvError(file, line, "column \"" + name + "\" appears twice");
        }
        if (seen.count("sku") == 0) throw CsvError(file, line, "a cart needs a sku column");
        return;
      }
      if (fields.size() != header.size()) {
        throw CsvError(
            file, line,
            std::to_string(fields.size()) + " fields, but the header has " + std::to_string(header.size()));
      }
      json row = json::object();
      for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string& name = header[c];
        const std::string& cell = fields[c];
        if (cell.empty()) continue;
        if (name == "quantity" || name == "unit_price") {
          std::int64_t v = 0;
          if (!parse_integer(cell, v))
            throw CsvError(file, line, "column " + name + ": \"" + cell + "\" is not an integer");
          row[name] = v;
        } else {
          row[name] = cell;
        }
      }
      // Without a line_id, lines are numbered 1, 2, 3 in file order.
      if (!row.contains("line_id")) row["line_id"] = std::to_string(lines.size() + 1);
      lines.push_back(std::move(row));
      cart.lines.push_back(line);
    });
  } catch (const CsvError& e) {
    throw FactsError(e.what());
  }
  if (header.empty()) throw FactsError(file + ": empty: a cart needs a header line and at least one line");
  cart.cart = {{"lines", std::move(lines)}};
  return cart;
}

Cart parse_json(std::string_view text, const std::string& file) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw FactsError(file + ": not valid JSON: " + e.what());
  }
  if (!doc.is_object()) throw FactsError(file + ": expected a cart object {\"currency\", \"lines\": [...]}");
  Cart cart;
  cart.file = file;
  if (doc.contains("customer")) {
    if (!doc["customer"].is_object()) throw FactsError(file + ": \"customer\" must be an object");
    cart.customer = std::move(doc["customer"]);
    doc.erase("customer");
  }
  cart.cart = std::move(doc);
  return cart;
}

// "cart.lines[3].sku" -> 3 and "sku"; false for another path.
bool split_line_path(const std::string& path, std::size_t& index, std::string& rest) {
  static const std::string prefix = "cart.lines[";
  if (path.compare(0, prefix.size(), prefix) != 0) return false;
  const std::size_t close = path.find(']', prefix.size());
  if (close == std::string::npos || close == prefix.size()) return false;
  std::size_t value = 0;
  for (std::size_t k = prefix.size(); k < close; ++k) {
    if (path[k] < '0' || path[k] > '9') return false;
    value = value * 10 + static_cast<std::size_t>(path[k] - '0');
  }
  index = value;
  rest = path.substr(close + 1);
  if (!rest.empty() && rest[0] == '.') rest.erase(0, 1);
  return true;
}

}  // namespace

std::vector<std::string> cart_columns() { return columns(); }

Cart parse_cart(std::string_view text, const std::string& file, const std::string& default_currency) {
  Cart cart = is_csv_path(file) ? parse_csv(text, file) : parse_json(text, file);
  if (!cart.cart.contains("currency") && !default_currency.empty()) cart.cart["currency"] = default_currency;
  return cart;
}

std::string Cart::locate(const std::string& path) const {
  if (path != "cart" && path.compare(0, 5, "cart.") != 0) return {};
  std::size_t index = 0;
  std::string rest;
  if (csv && split_line_path(path, index, rest) && index < lines.size()) {
    return file + ":" + std::to_string(lines[index]) + (rest.empty() ? "" : ": " + rest);
  }
  return file + ": " + path;
}

}  // namespace bo_cli
