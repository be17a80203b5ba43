#include "io/resultcsv.h"

#include "io/csvwriter.h"
#include "solver/textformat.h"

#include <string>
#include <vector>

namespace cp::io {

namespace {

using solver::MonthlySeries;

void header(CsvWriter &csv, bool returns)
{
    for (const char *column : {"month", "scope", "site", "delivered", "energized", "stranded", "itMw", "facilityMw",
                               "powerMw", "coolingMw", "bessMw", "energyMwh", "bf16Pflops", "binding"})
        csv.text(column);
    writeMoneyColumns(csv);
    csv.text("depreciationUsd");
    if (returns) // docs/methodology.md, "Returns": only when the plan states them
        for (const char *column : {"revenueUsd", "residualValueUsd", "netCashFlowUsd"})
            csv.text(column);
    csv.endRow();
}

void row(CsvWriter &csv, const std::string &month, const char *scope, const std::string &site, const MonthlySeries &s, int m,
         bool returns)
{
    csv.text(month);
    csv.text(scope);
    csv.text(site);
    for (const Eigen::ArrayXd *a : {&s.delivered, &s.energized, &s.stranded, &s.itMw, &s.facilityMw, &s.powerMw,
                                    &s.coolingMw, &s.bessMw, &s.energyMwh, &s.bf16Pflops})
        csv.number((*a)[m]);
    csv.text(solver::bindingName(s.binding[static_cast<std::size_t>(m)]));
    csv.number(s.capexUsd[m]);
    for (int c = 0; c < solver::kCapexCategories; ++c)
        csv.number(s.capexByCategory(m, c));
    csv.number(s.opexUsd[m]);
    for (int c = 0; c < solver::kOpexCategories; ++c)
        csv.number(s.opexByCategory(m, c));
    csv.number(s.depreciationUsd[m]);
    if (returns)
        for (const Eigen::ArrayXd *a : {&s.revenueUsd, &s.residualValueUsd, &s.netCashFlowUsd})
            csv.number((*a)[m]);
    csv.endRow();
}

} // namespace

void writeMoneyColumns(CsvWriter &csv)
{
    csv.text("capexUsd");
    for (int c = 0; c < solver::kCapexCategories; ++c)
        csv.text(std::string("capex_") + solver::capexCategoryName(static_cast<solver::CapexCategory>(c)) + "Usd");
    csv.text("opexUsd");
    for (int c = 0; c < solver::kOpexCategories; ++c)
        csv.text(std::string("opex_") + solver::opexCategoryName(static_cast<solver::OpexCategory>(c)) + "Usd");
}

QByteArray writeResultCsv(const solver::Result &result, CsvScope scope)
{
    const bool sites = scope != CsvScope::Portfolio;
    const bool portfolio = scope != CsvScope::Sites;
    CsvWriter csv;
    const bool returns = result.kpis.returnsStated;
    header(csv, returns);
    const std::string none;
    std::vector<solver::MonthlySeries> siteMonthly;
    if (sites) {
        siteMonthly.reserve(result.sites.size());
        for (const solver::SiteResult &site : result.sites)
            siteMonthly.push_back(site.monthly());
    }
    for (int m = 0; m < result.horizonMonths; ++m) {
        const std::string month = solver::text::monthIso(result.startMonth + m);
        for (std::size_t s = 0; s < siteMonthly.size(); ++s)
            row(csv, month, "site", result.sites[s].name, siteMonthly[s], m, returns);
        if (portfolio)
            row(csv, month, "portfolio", none, result.monthly, m, returns);
    }
    const std::string text = csv.take();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace cp::io
