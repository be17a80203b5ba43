#include "render/viewsrenderbackend.h"

#include "report/reportexport.h"

#include <QApplication>
#include <QDate>

namespace cp::cli {

namespace {

report::Paper toPaper(ReportPaper paper)
{
    return paper == ReportPaper::Letter ? report::Paper::Letter : report::Paper::A4;
}

} // namespace

std::unique_ptr<QCoreApplication> ViewsRenderBackend::makeApplication(int &argc, char **argv) const
{
    return std::make_unique<QApplication>(argc, argv); // charts are widgets, even drawn into a PDF
}

RenderedPdf ViewsRenderBackend::scenarioReport(const ScenarioReportRequest &request) const
{
    report::ScenarioReportInput input;
    input.solved = request.solved;
    input.risk = report::runReportRisk(*request.solved);
    input.methodology = report::methodologyMarkdown();
    input.info.workspace = request.workspace;
    input.info.sourceFile = request.sourceFile;
    input.info.preparedOn = QDate::currentDate();
    input.info.asOf = request.asOf;
    input.info.paper = toPaper(request.paper);
    input.info.fiscalYearStartMonth = request.fiscalYearStartMonth;
    const report::RenderedReport rendered = report::renderScenarioReport(input);
    return {rendered.pdf, rendered.pageCount};
}

RenderedPdf ViewsRenderBackend::comparisonReport(const ComparisonReportRequest &request) const
{
    report::ComparisonReportInput input;
    input.scenarios = request.scenarios;
    input.info.workspace = request.workspace;
    input.info.preparedOn = QDate::currentDate();
    input.info.asOf = request.asOf;
    input.info.paper = toPaper(request.paper);
    const report::RenderedReport rendered = report::renderComparisonReport(input);
    return {rendered.pdf, rendered.pageCount};
}

} // namespace cp::cli
