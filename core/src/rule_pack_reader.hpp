// Reads rule packs from JSON with every problem's path, for the policy's compliance section, a request's own
// packs and the built-in packs alike. Private to core.
#pragma once

#include <string>
#include <vector>

#include "backorder/rule_pack.hpp"
#include "json_reader.hpp"

namespace backorder::detail {

RulePack read_rule_pack(const json& j, const std::string& path, Reader& r);
// An array of packs; two with the same id are refused.
std::vector<RulePack> read_rule_packs(const json& j, const std::string& path, Reader& r);
// A pack as JSON (what docs/compliance.md shows), every parameter filled in.
json rule_pack_json(const RulePack& pack);

}  // namespace backorder::detail
