// Reads the policy's "refunds" section. Private to core: policy.cpp calls it with one line.
#pragma once

#include <string>

#include "backorder/refund_policy.hpp"
#include "json_reader.hpp"

namespace backorder::detail {

void read_refunds(const json& j, const std::string& path, Reader& r, RefundPolicy& out);

}  // namespace backorder::detail
