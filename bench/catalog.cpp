#include "catalog.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "backorder/calendar.hpp"

namespace bench {

using nlohmann::json;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

const json kItemKeys = {"sku",          "name",         "backorders",    "lead_time_days",
                        "release_date", "discontinued", "max_backorder", "low_stock_threshold"};
const json kStockKeys = {"on_hand", "reserved", "safety_stock", "promised", "backordered"};

bool is_in(const json& keys, const std::string& k) {
  for (const auto& x : keys)
    if (x.get<std::string>() == k) return true;
  return false;
}

}  // namespace

Catalog load_catalog(const std::string& path) {
  json doc = json::parse(read_file(path));
  Catalog c;
  c.now = doc.at("now").get<std::string>();
  c.locale = doc.value("locale", std::string("en-US"));
  const json& rows = doc.at("rows");
  c.rows.reserve(rows.size());
  c.row_json.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& r = rows[i];
    Row row;
    json item = json::object(), stock = json::object();
    for (const auto& [k, v] : r.items()) {
      if (is_in(kItemKeys, k)) {
        item[k] = v;
      } else if (is_in(kStockKeys, k)) {
        stock[k] = v;
      } else if (k != "quantity") {
        throw std::runtime_error(path + ": rows[" + std::to_string(i) + "]: unknown field " + k);
      }
    }
    row.item.sku = r.at("sku").get<std::string>();
    if (r.contains("backorders")) row.item.backorders = r["backorders"].get<bool>();
    if (r.contains("lead_time_days")) {
      row.item.lead_min_days = r["lead_time_days"].at("min").get<int>();
      row.item.lead_max_days = r["lead_time_days"].at("max").get<int>();
    }
    if (r.contains("release_date")) {
      row.item.release_date = backorder::parse_day(r["release_date"].get<std::string>(), "release_date");
    }
    row.item.discontinued = r.value("discontinued", false);
    if (r.contains("max_backorder")) row.item.max_backorder = r["max_backorder"].get<std::int64_t>();
    if (r.contains("low_stock_threshold")) {
      row.item.low_stock_threshold = r["low_stock_threshold"].get<std::int64_t>();
    }
    row.stock.on_hand = r.value("on_hand", std::int64_t{0});
    row.stock.reserved = r.value("reserved", std::int64_t{0});
    row.stock.safety_stock = r.value("safety_stock", std::int64_t{0});
    row.stock.promised = r.value("promised", std::int64_t{0});
    row.stock.backordered = r.value("backordered", std::int64_t{0});
    row.quantity = r.value("quantity", std::int64_t{1});
    c.rows.push_back(std::move(row));
    json req = {{"item", item}, {"stock", stock}, {"quantity", c.rows.back().quantity}};
    c.row_json.push_back(req.dump());
  }
  return c;
}

std::string label_request(const Catalog& c, std::size_t i) {
  json req = json::parse(c.row_json[i]);
  req["locale"] = c.locale;
  req["now"] = c.now;
  return req.dump();
}

}  // namespace bench
