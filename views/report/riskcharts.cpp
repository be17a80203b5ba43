#include "report/riskcharts.h"

#include "analysis/solvedscenario.h"
#include "report/chartsection.h"
#include "report/reportdocument.h"
#include "risk/fanchart.h"
#include "risk/swingmarginchart.h"
#include "risk/tornadochart.h"

namespace cp::report {

namespace {

Eigen::ArrayXd cumulativeSpend(const solver::Result &result)
{
    Eigen::ArrayXd cumulative(result.horizonMonths);
    double sum = 0.0;
    for (int m = 0; m < result.horizonMonths; ++m) {
        sum += result.monthly.capexUsd[m] + result.monthly.opexUsd[m];
        cumulative[m] = sum;
    }
    return cumulative;
}

} // namespace

void appendRiskFans(ReportDocument &document, const SolvedScenario &solved, const solver::RiskResult &risk)
{
    const solver::Result &result = solved.result;
    auto energized = std::make_shared<views::FanChart>(QStringLiteral("Energized accelerators"), views::AxisUnit::Count,
                                                       QStringLiteral("Accelerators"));
    energized->setBands(risk.energized, result.monthly.energized, risk.startMonth);
    auto spend = std::make_shared<views::FanChart>(QStringLiteral("Cumulative spend (capex + opex)"), views::AxisUnit::Usd,
                                                   QStringLiteral("USD"));
    spend->setBands(risk.cumulativeSpendUsd, cumulativeSpend(result), risk.startMonth);
    document.keepAlive(energized);
    document.keepAlive(spend);
    addChart(document, energized.get());
    addChart(document, spend.get());
}

void appendTornadoChart(ReportDocument &document, const SolvedScenario &solved, const solver::RiskResult &risk)
{
    if (risk.tornado.empty())
        return;
    auto tornado = std::make_shared<views::TornadoChart>();
    tornado->setBars(risk.tornado, risk.tornadoByNet ? solved.result.kpis.npvNetUsd : solved.result.kpis.npvCostUsd);
    document.keepAlive(tornado);
    addChart(document, tornado.get(), QString(), 1.5);
}

void appendSwingMargins(ReportDocument &document, const SolvedScenario &solved)
{
    const solver::Plan &plan = solved.resolved.plan;
    const solver::Result &result = solved.result;
    for (const solver::SiteResult &site : result.sites) {
        if (site.kpis.peakItMw <= plan.checks.swingThresholdItMw)
            continue;
        auto swing = std::make_shared<views::SwingMarginChart>();
        swing->setSite(QString::fromStdString(site.name), site.monthly(), plan.checks.swingFraction, result.startMonth);
        document.keepAlive(swing);
        addChart(document, swing.get());
    }
}

} // namespace cp::report
