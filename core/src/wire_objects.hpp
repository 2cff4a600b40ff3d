// Core results as JSON objects, shared by the wire formats (docs/json.md).
#pragma once

#include <string_view>

#include "backorder/labels.hpp"
#include "json_reader.hpp"

namespace backorder::detail {

json window_json(const Window& w);
// The window, or null when `present` is false.
inline json window_json(const Window& w, bool present) { return present ? window_json(w) : json(nullptr); }
json label_object(const Label& label, std::string_view sku);

}  // namespace backorder::detail
