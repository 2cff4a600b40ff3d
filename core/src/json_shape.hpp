// The shape limits of a JSON document (docs/limits.md), checked in one pass over its text before it is
// parsed: size, depth, elements per array or object, string sizes, NUL characters. Private to core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backorder/error.hpp"

namespace backorder::detail {

// True when `text` is within the limits. Otherwise adds one issue: at `doc_path` for the document as a
// whole ("request is larger than..."), else at the path of the first value past a limit, below `root`
// ("items[3].name", "policy.calendar").
bool check_shape(std::string_view text, const std::string& doc_path, const std::string& root,
                 std::vector<Issue>& issues);

}  // namespace backorder::detail
