// The policy's "compliance" section (docs/policy.md#compliance), read by policy.cpp. Private to core.
#pragma once

#include <string>

#include "backorder/rule_pack.hpp"
#include "json_reader.hpp"

namespace backorder::detail {

void read_compliance(const json& j, const std::string& path, Reader& r, CompliancePolicy& c);

}  // namespace backorder::detail
