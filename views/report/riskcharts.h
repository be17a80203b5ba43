#pragma once

namespace cp {
struct SolvedScenario;
}
namespace cp::solver {
struct RiskResult;
}

// The risk section's charts from views/risk, drawn into the report as vector graphics.
namespace cp::report {

class ReportDocument;

// The risk run's fans: energized accelerators and cumulative spend, P10 to P90 around the plan.
void appendRiskFans(ReportDocument &document, const SolvedScenario &solved, const solver::RiskResult &risk);
// The tornado of the NPV of costs.
void appendTornadoChart(ReportDocument &document, const SolvedScenario &solved, const solver::RiskResult &risk);
// Each site's training power-swing margin (sites above the format's 10 MW threshold).
void appendSwingMargins(ReportDocument &document, const SolvedScenario &solved);

} // namespace cp::report
