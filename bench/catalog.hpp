// The benchmark catalog (bench/gen_catalog.py's JSON file) read into core's types and the C ABI's bo_item.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "backorder/availability.hpp"

namespace bench {

struct Row {
  backorder::Item item;
  backorder::StockPosition stock;
  std::int64_t quantity = 1;
};

struct Catalog {
  std::string now;     // ISO 8601 with offset, as written by the generator
  std::string locale;  // "en-US"
  std::vector<Row> rows;
  std::vector<std::string> row_json;  // each row as {"item", "stock", "quantity"} JSON (see label_request())
};

// Reads the generator's file; throws std::runtime_error with the reason.
Catalog load_catalog(const std::string& path);

// {"item": {...}, "stock": {...}, "quantity": q, "locale": ..., "now": ...} for row i (docs/json.md).
std::string label_request(const Catalog& c, std::size_t i);

std::string read_file(const std::string& path);

}  // namespace bench
