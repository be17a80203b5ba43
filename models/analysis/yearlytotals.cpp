#include "analysis/yearlytotals.h"

#include <Eigen/Core>

namespace cp {

namespace {

// The fiscal year an absolute month (year * 12 + month - 1) belongs to.
int fiscalYearOf(int absMonth, int fiscalYearStartMonth) noexcept
{
    const int year = absMonth / 12;
    const int month = absMonth % 12 + 1;
    return fiscalYearStartMonth == 1 || month < fiscalYearStartMonth ? year : year + 1;
}

} // namespace

std::vector<YearTotals> yearlyTotals(const solver::MonthlySeries &monthly, int startMonth, int fiscalYearStartMonth)
{
    std::vector<YearTotals> years;
    const auto months = static_cast<int>(monthly.capexUsd.size());
    const bool returns = monthly.revenueUsd.size() == monthly.capexUsd.size();
    for (int m = 0; m < months; ++m) {
        const int abs = startMonth + m;
        const int fy = fiscalYearOf(abs, fiscalYearStartMonth);
        if (years.empty() || years.back().fiscalYear != fy) {
            years.push_back(YearTotals {});
            years.back().fiscalYear = fy;
            years.back().firstMonth = abs;
        }
        YearTotals &y = years.back();
        y.lastMonth = abs;
        for (int c = 0; c < solver::kCapexCategories; ++c)
            y.capexUsd[static_cast<std::size_t>(c)] += monthly.capexByCategory(m, c);
        for (int c = 0; c < solver::kOpexCategories; ++c)
            y.opexUsd[static_cast<std::size_t>(c)] += monthly.opexByCategory(m, c);
        y.capexTotalUsd += monthly.capexUsd[m];
        y.opexTotalUsd += monthly.opexUsd[m];
        if (returns) {
            y.revenueUsd += monthly.revenueUsd[m];
            y.residualValueUsd += monthly.residualValueUsd[m];
            y.netCashFlowUsd += monthly.netCashFlowUsd[m];
        }
    }
    for (YearTotals &y : years)
        y.partial = y.lastMonth - y.firstMonth + 1 < 12;
    return years;
}

const char *yearPrefix(int fiscalYearStartMonth) noexcept
{
    return fiscalYearStartMonth == 1 ? "" : "FY";
}

} // namespace cp
