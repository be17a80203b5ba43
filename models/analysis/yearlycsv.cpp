#include "analysis/yearlycsv.h"

#include "analysis/yearlytotals.h"
#include "io/csvwriter.h"
#include "io/resultcsv.h"
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
    for (const char *column : {"year", "firstMonth", "lastMonth", "months"})
        csv.text(column);
    io::writeMoneyColumns(csv);
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
