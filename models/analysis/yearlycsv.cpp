#include "analysis/yearlycsv.h"

#include "analysis/yearlytotals.h"
#include "io/csvwriter.h"
#include "solver/textformat.h"

#include <cmath>
#include <string>

namespace cp {

namespace {

double cents(double usd)
{
    return std::round(usd * 100.0) / 100.0;
}

} // namespace

QByteArray writeYearlyCsv(const solver::Result &result, int fiscalYearStartMonth)
{
    io::CsvWriter csv;
    const bool returns = result.kpis.returnsStated;
    for (const char *column : {"year", "firstMonth", "lastMonth", "months", "capexUsd"})
        csv.text(column);
    for (int c = 0; c < solver::kCapexCategories; ++c)
        csv.text(std::string("capex_") + solver::capexCategoryName(static_cast<solver::CapexCategory>(c)) + "Usd");
    csv.text("opexUsd");
    for (int c = 0; c < solver::kOpexCategories; ++c)
        csv.text(std::string("opex_") + solver::opexCategoryName(static_cast<solver::OpexCategory>(c)) + "Usd");
    if (returns)
        for (const char *column : {"revenueUsd", "residualValueUsd", "netCashFlowUsd"})
            csv.text(column);
    csv.endRow();

    for (const YearTotals &y : yearlyTotals(result.monthly, result.startMonth, fiscalYearStartMonth)) {
        csv.text(yearPrefix(fiscalYearStartMonth) + std::to_string(y.fiscalYear));
        csv.text(solver::text::monthIso(y.firstMonth));
        csv.text(solver::text::monthIso(y.lastMonth));
        csv.number(y.lastMonth - y.firstMonth + 1);
        csv.number(cents(y.capexTotalUsd));
        for (double usd : y.capexUsd)
            csv.number(cents(usd));
        csv.number(cents(y.opexTotalUsd));
        for (double usd : y.opexUsd)
            csv.number(cents(usd));
        if (returns)
            for (double usd : {y.revenueUsd, y.residualValueUsd, y.netCashFlowUsd})
                csv.number(cents(usd));
        csv.endRow();
    }
    const std::string text = csv.take();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace cp
