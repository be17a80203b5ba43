#pragma once

#include "report/comparisonreport.h"
#include "report/reportdocument.h"
#include "report/scenarioreport.h"
#include "solver/risk.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace cp {
struct SolvedScenario;
}

// The exports a planner takes away, for the window (ReportExportDialog) and the command line
// alike: the PDF of a scenario or of a comparison, the monthly CSV and the result JSON.
//
// A scenario report is made in two steps: runReportRisk() (seconds on a large plan; any thread,
// cancellable, with progress), then renderScenarioReport() (the PDF; draws charts, so the GUI
// thread).
namespace cp::report {

inline constexpr int kReportRiskTrials = 2000;
inline constexpr std::uint64_t kReportRiskSeed = 1;

// The report's risk run: 2,000 trials, seed 1, target month the plan's last.
[[nodiscard]] solver::RiskResult runReportRisk(const SolvedScenario &solved, const std::atomic<bool> *cancel = nullptr,
                                               std::atomic<int> *trialsDone = nullptr);

// docs/methodology.md as shipped inside the program.
[[nodiscard]] QString methodologyMarkdown();

struct RenderedReport {
    QByteArray pdf;  // empty when cancelled
    int pageCount = 0;
    bool cancelled = false;
};

[[nodiscard]] RenderedReport renderScenarioReport(const ScenarioReportInput &input,
                                                  const ReportDocument::Progress &progress = {});

[[nodiscard]] RenderedReport renderComparisonReport(const ComparisonReportInput &input,
                                                    const ReportDocument::Progress &progress = {});

// The monthly results (RFC 4180, formula-safe) and the result document (docs/scenario-format.md,
// section 5).
[[nodiscard]] QByteArray resultsCsv(const SolvedScenario &solved);
[[nodiscard]] QByteArray resultsJson(const SolvedScenario &solved);

// Writes `data` to `path` whole or not at all. On failure returns false and says why in *error.
bool saveExport(const QString &path, const QByteArray &data, QString *error);

} // namespace cp::report
