// The ledger's commands: `backorder demo`, `backorder apply`, `backorder outbox`, `backorder tick`
// (docs/cli.md).
#pragma once

#include <string>
#include <vector>

namespace bo_cli {

// args[0] is the command's name. Returns the exit status; throws Usage or Fatal.
int cmd_demo(const std::vector<std::string>& args);
int cmd_apply(const std::vector<std::string>& args);
int cmd_outbox(const std::vector<std::string>& args);
// Time passing: a tick event at --now (docs/store.md#compliance-scheduling).
int cmd_tick(const std::vector<std::string>& args);

}  // namespace bo_cli
