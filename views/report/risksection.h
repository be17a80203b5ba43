#pragma once

#include "solver/risk.h"

namespace cp {
struct SolvedScenario;
}

namespace cp::report {

class ReportDocument;

// What could slip: P10/P50/P90 dates and costs, the chance of full power by the plan's end,
// what holds the plan back (criticality), which inputs swing it (tornado), and training
// goodput at each site's peak (Young/Daly).
void appendRiskSection(ReportDocument &document, const SolvedScenario &solved, const solver::RiskResult *risk);

} // namespace cp::report
