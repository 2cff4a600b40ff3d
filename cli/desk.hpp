// The support desk and the merchant's report: `backorder brief`, `backorder report` (docs/cli.md).
#pragma once

#include <string>
#include <vector>

namespace bo_cli {

// args[0] is the command's name. Returns the exit status; throws Usage or Fatal.
int cmd_brief(const std::vector<std::string>& args);
int cmd_report(const std::vector<std::string>& args);

}  // namespace bo_cli
