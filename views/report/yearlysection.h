#pragma once

namespace cp {
struct SolvedScenario;
}

namespace cp::report {

class ReportDocument;

// "Capex and opex by year": the plan's payments summed over calendar or fiscal years
// (models/analysis/yearlytotals.h), by category, with a total row that equals the plan's totals.
void appendYearlyTable(ReportDocument &document, const SolvedScenario &solved, int fiscalYearStartMonth);

} // namespace cp::report
