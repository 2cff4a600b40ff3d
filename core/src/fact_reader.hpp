// Reads the facts of a shop (items, stock, supply, suppliers, order lines) and changes to them from JSON,
// collecting every problem with its path. Private to core; shared by the label and promise wire formats.
#pragma once

#include "backorder/promise.hpp"
#include "json_reader.hpp"

namespace backorder::detail {

Item read_item(const json& j, const std::string& path, Reader& r);
StockPosition read_stock(const json& j, const std::string& path, Reader& r, bool with_sku);
Supply read_supply(const json& j, const std::string& path, Reader& r);
Supplier read_supplier(const json& j, const std::string& path, Reader& r);
OrderLine read_line(const json& j, const std::string& path, Reader& r);
// "expected": "2026-12-10" or {"from": "2026-12-08", "to": "2026-12-12"}, into s.arrive_from/arrive_to.
void read_arrival(const json& j, const std::string& path, Reader& r, Supply& s);
// A required ISO 8601 instant.
Instant read_instant(const json& obj, std::string_view key, const std::string& path, Reader& r);
// The facts arrays of a scenario or catalog request, whichever are present.
Facts read_facts(const json& j, Reader& r);
Change read_change(const json& j, Reader& r);

}  // namespace backorder::detail
