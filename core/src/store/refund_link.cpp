// The ledger's side of easy cancellation: an order placed with what was paid ("paid", a refund request's
// "order", docs/json.md#refunds) gets, when its lines are cancelled, the exact refund quote of the refunds
// engine over the ledger's own record of what shipped and what was cancelled before.
#include <map>

#include "../json_reader.hpp"
#include "backorder/refund_wire.hpp"
#include "backorder/wire.hpp"
#include "ledger.hpp"

namespace backorder {

using detail::json;

namespace {

// The refunds engine names its paths from "order"; here the same document sits at `at`.
[[noreturn]] void rethrow_under(const ValidationError& e, const std::string& at) {
  std::vector<Issue> issues = e.issues();
  for (Issue& i : issues) {
    if (i.path.starts_with("order")) i.path = at + i.path.substr(5);
  }
  throw ValidationError(std::move(issues));
}

std::string quote(const Engine& engine, json order, const json& cancel, Instant now, const std::string& at) {
  json request = {{"now", format_instant(now, 0)}, {"order", std::move(order)}, {"cancel", cancel}};
  try {
    return refund_json(engine, detail::to_text(request));
  } catch (const ValidationError& e) {
    rethrow_under(e, at);
  }
}

}  // namespace

void check_paid(const Engine& engine, const std::string& paid, const std::vector<detail::PlacedLine>& lines,
                Instant at, const std::string& path) {
  const std::string where = detail::Reader::at(path, "paid");
  json order = json::parse(paid);
  const json* paid_lines = order.contains("lines") && order["lines"].is_array() ? &order["lines"] : nullptr;
  for (std::size_t i = 0; paid_lines && i < paid_lines->size(); ++i) {
    const json& l = (*paid_lines)[i];
    std::string id = l.is_object() ? l.value("line_id", "") : "";
    bool known = false;
    for (const auto& placed : lines)
      known = known || (placed.line_id == id && l.value("quantity", -1) == placed.quantity);
    if (!known)
      throw Error(ErrorCode::invalid, where + ".lines[" + std::to_string(i) + "]",
                  "every paid line must be a line of the order, with the same quantity");
  }
  quote(engine, std::move(order), "all", at, where);  // refuses what the refunds engine could not quote
}

std::string quote_cancellation(const Engine& engine, const std::string& paid,
                               const std::vector<StoredLine>& before,
                               const std::map<std::string, std::int64_t>& cancel, Instant now) {
  json order = json::parse(paid);
  json what = json::array();
  for (json& l : order["lines"]) {
    for (const StoredLine& s : before) {
      if (s.line_id != l.value("line_id", "")) continue;
      l["shipped"] = s.shipped;
      l["cancelled"] = s.cancelled;
      if (auto c = cancel.find(s.line_id); c != cancel.end() && c->second > 0)
        what.push_back({{"line_id", s.line_id}, {"quantity", c->second}});
    }
  }
  if (what.empty()) return "";
  return quote(engine, std::move(order), what, now, "paid");
}

}  // namespace backorder
