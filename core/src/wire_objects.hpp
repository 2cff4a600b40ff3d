// Core results as JSON, shared by the wire formats (docs/json.md). Keys are written in sorted order, so the
// text is what a JSON library's canonical dump of the same document gives.
#pragma once

#include <optional>
#include <string_view>

#include "backorder/labels.hpp"
#include "json_reader.hpp"
#include "json_writer.hpp"

namespace backorder::detail {

json window_json(const Window& w);
void write_window(JsonWriter& w, const Window& window);
// A label; `row` adds the catalog row it answers.
void write_label(JsonWriter& w, const Label& label, std::string_view sku,
                 std::optional<std::size_t> row = {});

}  // namespace backorder::detail
