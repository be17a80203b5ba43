#pragma once

#include "domain/month.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QCoreApplication;
#include <vector>

namespace cp {
struct SolvedScenario;
}

namespace cp::cli {

// The PDF reports of `report` and `compare --pdf` draw charts (Qt Widgets, Charts, SVG), which
// clusterplan-cli does not link: it starts as a Qt Core program. Those two run in the helper
// clusterplan-cli-render (renderexec.h), which is the same command line plus this backend, set
// before the command runs. In clusterplan-cli renderBackend() is null and a drawing command never
// reaches its run(): runCli hands it to the helper first.
enum class ReportPaper { A4, Letter };
[[nodiscard]] QString reportPaperName(ReportPaper paper); // "A4", "Letter"

struct ScenarioReportRequest {
    std::shared_ptr<const SolvedScenario> solved; // solved (ok())
    QString workspace;  // the workspace file; empty when read from a file
    QString sourceFile; // the scenario file, when not from a workspace
    Month asOf;
    ReportPaper paper = ReportPaper::A4;
    int fiscalYearStartMonth = 1;
};

struct ComparisonReportRequest {
    std::vector<std::shared_ptr<const SolvedScenario>> scenarios; // two to four, the baseline first
    QString workspace;
    Month asOf;
    ReportPaper paper = ReportPaper::A4;
};

struct RenderedPdf {
    QByteArray pdf;
    int pageCount = 0;
};

class RenderBackend
{
public:
    virtual ~RenderBackend() = default;
    // The application object the drawing needs (a QApplication: charts are widgets).
    [[nodiscard]] virtual std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv) const = 0;
    [[nodiscard]] virtual RenderedPdf scenarioReport(const ScenarioReportRequest &request) const = 0;
    [[nodiscard]] virtual RenderedPdf comparisonReport(const ComparisonReportRequest &request) const = 0;
};

// The process's backend: null in clusterplan-cli, set by clusterplan-cli-render's main.
[[nodiscard]] const RenderBackend *renderBackend();
void setRenderBackend(const RenderBackend *backend);

} // namespace cp::cli
