// Refund quotes as JSON (docs/json.md#refunds): what the C ABI, the CLI and the PHP binding exchange.
#pragma once

#include <string>
#include <string_view>

#include "backorder/engine.hpp"
#include "backorder/refunds.hpp"

namespace backorder {

// {"now", "order": {...}, "cancel": "all" | [{"line_id", "quantity"}]} -> the quote. Throws ValidationError
// listing every problem with its path ("order.lines[2].shipped", "cancel[0].quantity").
std::string refund_json(const Engine& engine, std::string_view request_json);

// A quote as the JSON refund_json answers; dates and `now` in the engine's calendar.
std::string refund_quote_json(const RefundQuote& quote, const Engine& engine);

}  // namespace backorder
