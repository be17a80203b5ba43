#pragma once

#include "domain/scenario.h"
#include "optimize/optimizer.h"

#include <vector>

// Between the plan as written and the optimizer: the items a scenario leaves to
// decide, and the scenario once they are decided. Shared by `clusterplan-cli optimize` and the
// Optimize dialog.
namespace cp {

// True when any item is optional or has an order or retire window.
[[nodiscard]] bool hasOptimizerInputs(const Scenario &scenario);

// The optimizer's problem: the resolved plan (resolvePlan of `scenario`) and one Decision per
// item that is optional or has a window, in site order, then power, cooling, compute.
[[nodiscard]] optimize::Problem optimizeProblem(const Scenario &scenario, const solver::Plan &resolved);

// The scenario as chosen: dropped items removed, order and retire months set, and every
// optimizer field gone (the result decides nothing more). `choices` from optimize().
[[nodiscard]] Scenario chosenScenario(const Scenario &scenario, const std::vector<optimize::Choice> &choices);

} // namespace cp
