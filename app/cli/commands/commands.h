#pragma once

#include "clicommand.h"

#include <memory>
#include <vector>

namespace cp::cli {

std::unique_ptr<CliCommand> makeValidateCommand();
std::unique_ptr<CliCommand> makeImportCommand();
std::unique_ptr<CliCommand> makeListCommand();
std::unique_ptr<CliCommand> makeExportCommand();
std::unique_ptr<CliCommand> makeSolveCommand();
std::unique_ptr<CliCommand> makeCompareCommand();
std::unique_ptr<CliCommand> makeReportCommand();
std::unique_ptr<CliCommand> makeRiskCommand();
std::unique_ptr<CliCommand> makeOptimizeCommand();
std::unique_ptr<CliCommand> makePushCommand();
std::unique_ptr<CliCommand> makePullCommand();
std::unique_ptr<CliCommand> makeAdminCommand();
std::unique_ptr<CliCommand> makeAuditCommand();

// Every command, in the order `clusterplan-cli --help` lists them.
std::vector<std::unique_ptr<CliCommand>> allCommands();

} // namespace cp::cli
