#include "report/chartsection.h"

#include "analysis/solvedscenario.h"
#include "charts/chartwidget.h"
#include "charts/comparisonchart.h"
#include "charts/scenariochartspanel.h"
#include "itemmodels/resultoverlaymodel.h"
#include "report/reportdocument.h"

#include <QPainter>

#include <algorithm>

namespace cp::report {

namespace {

constexpr double kLayoutPixelsPerPoint = 96.0 / 72.0; // charts lay out in 1/96 inch
constexpr double kTallestChartPt = 430.0;             // leaves room on the page for what introduces it

} // namespace

void addChart(ReportDocument &document, views::ChartWidget *chart, const QString &note, double layoutScale)
{
    document.drawing(
        [chart, layoutScale](double widthPt) {
            const QSizeF size = chart->preferredRenderSize(widthPt * kLayoutPixelsPerPoint * layoutScale);
            return std::min(size.height() / kLayoutPixelsPerPoint / layoutScale, kTallestChartPt);
        },
        [chart, layoutScale](QPainter &painter, const QRectF &target) {
            const QSizeF layout = target.size() / painter.device()->logicalDpiX() * 96.0 * layoutScale;
            chart->render(painter, target, layout);
        },
        note);
}

void appendScenarioCharts(ReportDocument &document, const std::shared_ptr<const SolvedScenario> &solved)
{
    auto panel = std::make_shared<views::ScenarioChartsPanel>();
    panel->setSolved(solved);
    panel->setSite(-1);
    document.keepAlive(panel);
    document.heading1(QStringLiteral("Timelines"));
    document.paragraph(QStringLiteral("The whole plan month by month, all sites together: when each piece arrives, the "
                                      "firm power against the load, accelerators delivered and energized, the compute "
                                      "they give, and the money."));
    for (views::ChartWidget *chart : panel->charts())
        addChart(document, chart);
}

void appendComparisonCharts(ReportDocument &document, const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios)
{
    auto overlay = std::make_shared<ResultOverlayModel>();
    overlay->setScenarios(scenarios);
    document.keepAlive(overlay);
    document.heading1(QStringLiteral("Side by side"));
    document.paragraph(QStringLiteral("Each scenario on one calendar, the baseline drawn heavier."));
    for (int metric = 0; metric < ResultOverlayModel::MetricCount; ++metric) {
        auto chart = std::make_shared<views::ComparisonChart>(overlay.get(), static_cast<ResultOverlayModel::Metric>(metric));
        document.keepAlive(chart);
        addChart(document, chart.get());
    }
}

} // namespace cp::report
