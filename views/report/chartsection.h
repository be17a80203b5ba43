#pragma once

#include <QString>

#include <memory>
#include <vector>

namespace cp {
struct SolvedScenario;
}
namespace cp::views {
class ChartWidget;
}


// The charts of views/charts drawn into the report as vector graphics (each
// chart's render-into-a-painter), with their titles. The chart widgets are made here, never
// shown, and kept alive by the document until it is written. GUI thread only.
namespace cp::report {

class ReportDocument;

// Build timeline, power, accelerators, compute and spend of the whole plan.
void appendScenarioCharts(ReportDocument &document, const std::shared_ptr<const SolvedScenario> &solved);
// A chart at its own proportions across the page (it draws its own title and legend). With
// `layoutScale` > 1 it is laid out wider than the page and drawn smaller, for charts whose
// labels need more room than a page gives them (the tornado's input names).
void addChart(ReportDocument &document, views::ChartWidget *chart, const QString &note = QString(),
              double layoutScale = 1.0);
// Energized accelerators, cumulative spend and facility load of every scenario, overlaid.
void appendComparisonCharts(ReportDocument &document, const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios);

} // namespace cp::report
