// Reads the policy's `remedies` section (docs/remedies.md) with every problem's path. Private to core: kept
// apart from policy.cpp so each section of the policy reads in a file of its own.
#pragma once

#include <string>

#include "backorder/remedy_policy.hpp"
#include "json_reader.hpp"

namespace backorder::detail {

void read_remedies(const json& j, const std::string& path, Reader& r, RemediesPolicy& out);

}  // namespace backorder::detail
