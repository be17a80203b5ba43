#pragma once

#include "solver/monthlyseries.h"

#include <array>
#include <vector>

// Capex and opex by year (docs/scenario-format.md, section 5.2, "Capex and opex by year"): the monthly arrays summed over
// calendar or fiscal years, the table finance asks for first. Each year is a plain sum of the
// months of the plan that fall in it, so the years add up to the plan's totals and a reader can
// check any year against the monthly CSV. A deposit shows in the year of its order, the rest in
// the year of delivery: the payment phasing as the solver pays it.
namespace cp {

struct YearTotals {
    int fiscalYear = 0;     // named by the calendar year in which it ends (FY2026: Oct 2025 - Sep 2026)
    int firstMonth = 0;     // absolute months of the plan inside this year (a partial year at either end)
    int lastMonth = 0;
    bool partial = false;   // the plan covers fewer than 12 of its months
    std::array<double, solver::kCapexCategories> capexUsd{};
    std::array<double, solver::kOpexCategories> opexUsd{};
    double capexTotalUsd = 0.0;
    double opexTotalUsd = 0.0;
    double revenueUsd = 0.0;
    double residualValueUsd = 0.0;
    double netCashFlowUsd = 0.0;
};

// `startMonth` is the plan's first absolute month; `fiscalYearStartMonth` 1 to 12 (1: calendar years).
[[nodiscard]] std::vector<YearTotals> yearlyTotals(const solver::MonthlySeries &monthly, int startMonth,
                                                   int fiscalYearStartMonth = 1);

// Column headings as a reader reads them, in CapexCategory and OpexCategory order.
inline constexpr std::array<const char *, solver::kCapexCategories> kCapexCategoryLabels {"Compute", "Facility", "Power",
                                                                                         "Cooling"};
inline constexpr std::array<const char *, solver::kOpexCategories> kOpexCategoryLabels {"Energy", "Fuel", "Rent", "O&M",
                                                                                       "Cloud rent"};

// "" for calendar years (2025), "FY" otherwise (FY2026).
[[nodiscard]] const char *yearPrefix(int fiscalYearStartMonth) noexcept;

} // namespace cp
