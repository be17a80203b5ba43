#pragma once

#include "report/scenarioreport.h"

#include <memory>
#include <vector>

namespace cp::report {

class ReportDocument;
struct CoverInfo;

struct ComparisonReportInput {
    std::vector<std::shared_ptr<const SolvedScenario>> scenarios; // two to four, solved; the first is the baseline
    ReportInfo info;
};

// Fills `document` with the comparison report: what differs in a sentence per scenario, every
// KPI with its delta against the baseline, the overlaid charts and the input changes. Draws
// charts, so it needs a QApplication and the GUI thread.
void buildComparisonReport(ReportDocument &document, const ComparisonReportInput &input);
[[nodiscard]] CoverInfo comparisonCover(const ComparisonReportInput &input);

} // namespace cp::report
