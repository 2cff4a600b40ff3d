// `backorder refund REQUEST.json`: a refund quote for cancelling lines or all that has not shipped
// (docs/cli.md#refund).
#pragma once

#include <string>
#include <vector>

namespace bo_cli {

// args[0] is the command's name. Returns the exit status; throws Usage or Fatal.
int cmd_refund(const std::vector<std::string>& args);

}  // namespace bo_cli
