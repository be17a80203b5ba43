#pragma once

#include "renderbackend.h"

namespace cp::cli {

// The PDF reports drawn by views/report, for clusterplan-cli-render (renderbackend.h).
class ViewsRenderBackend final : public RenderBackend
{
public:
    [[nodiscard]] std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv) const override;
    [[nodiscard]] RenderedPdf scenarioReport(const ScenarioReportRequest &request) const override;
    [[nodiscard]] RenderedPdf comparisonReport(const ComparisonReportRequest &request) const override;
};

} // namespace cp::cli
