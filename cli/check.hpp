// `backorder check`: compliance findings for a listing or an order request (docs/cli.md#check).
#pragma once

#include <string>
#include <vector>

namespace bo_cli {

// args[0] is "check". Exit status 0 without violations, 1 with one or more; throws Usage or Fatal.
int cmd_check(const std::vector<std::string>& args);

}  // namespace bo_cli
