#pragma once

#include "domain/month.h"
#include "report/reportstyle.h"
#include "solver/risk.h"

#include <QDate>
#include <QString>

#include <memory>
#include <optional>

namespace cp {
struct SolvedScenario;
}

namespace cp::report {

class ReportDocument;
struct CoverInfo;

// Who the report is for and when: what the cover and the footers say.
struct ReportInfo {
    QString workspace;  // the workspace file the scenario came from; empty when read from a file
    QString sourceFile; // the scenario file, when not from a workspace
    QDate preparedOn;   // the report's date
    Month asOf;         // the month catalog values are judged from (stale after 24 months)
    Paper paper = Paper::A4;
    int fiscalYearStartMonth = 1; // the month the yearly table's years start in (1: calendar years)
};

struct ScenarioReportInput {
    std::shared_ptr<const SolvedScenario> solved; // must have solved (ok())
    std::optional<solver::RiskResult> risk;       // the report's risk run; absent: the section says so
    ReportInfo info;
    QString methodology; // Markdown of the methodology appendix (docs/methodology.md)
};

// Fills `document` with the scenario report: executive summary, sites, charts, warnings, risk,
// assumptions with sources, the methodology and the references. Draws charts, so it needs a
// QApplication and the GUI thread.
void buildScenarioReport(ReportDocument &document, const ScenarioReportInput &input);
[[nodiscard]] CoverInfo scenarioCover(const ScenarioReportInput &input);

} // namespace cp::report
