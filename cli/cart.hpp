// Carts for `backorder checkout`: a JSON file {"currency", "lines": [...], "customer": {...}} or a CSV file
// with the columns line_id, sku, quantity, unit_price (and currency), turned into the "cart" and "customer"
// members of a checkout request (docs/json.md#checkout), and error paths turned back into FILE:LINE.
// See docs/cli.md#checkout.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace bo_cli {

struct Cart {
  std::string file;
  bool csv = false;
  std::vector<std::size_t> lines;                      // for CSV: the line each cart line starts on
  nlohmann::json cart;                                 // {"currency", "lines": [...]}
  nlohmann::json customer = nlohmann::json::object();  // from a JSON cart's "customer", if any

  // "apparel.csv:3: sku" for "cart.lines[1].sku" of a CSV cart; "apparel.json: cart.lines[1].sku" for JSON;
  // "" for a path outside the cart.
  std::string locate(const std::string& path) const;
};

// Reads a cart from `text` (CSV when `file` ends in .csv). `default_currency` fills a missing "currency".
// Throws FactsError naming the file (and line, for CSV).
Cart parse_cart(std::string_view text, const std::string& file, const std::string& default_currency);

// The columns a CSV cart may have.
std::vector<std::string> cart_columns();

}  // namespace bo_cli
