#pragma once

#include "solver/result.h"

#include <Eigen/Core>

#include <optional>

// The returns figures (docs/methodology.md, "Returns"): what the plan earns and keeps against
// what it spends, from the monthly net cash flow. Internal to the solver; exposed for tests.
namespace cp::solver {

// The monthly rate i at which sum over m of flows[m] x (1 + i)^(-m) is zero (month 0 not
// discounted); nullopt when the flows never change sign or no such rate above -100% exists.
// When several rates qualify (flows that change sign more than once), the one nearest zero.
[[nodiscard]] std::optional<double> monthlyIrr(const Eigen::ArrayXd &flows);

// 100 x ((1 + i)^12 - 1) of monthlyIrr.
[[nodiscard]] std::optional<double> annualIrrPct(const Eigen::ArrayXd &flows);

// The first plan month at which the running sum of flows from month 0 is at least zero after
// having been negative; nullopt if never.
[[nodiscard]] std::optional<int> paybackPlanMonth(const Eigen::ArrayXd &flows);

namespace detail {
struct PlanCalendar;

// monthlyIrr by scanning every cell of its grid, without the shortcut for flows that change
// sign once; the shortcut must find the same rate to the bit (tst_returns).
[[nodiscard]] std::optional<double> monthlyIrrByWholeScan(const Eigen::ArrayXd &flows);

// Fills k's returns figures from a site's or the portfolio's monthly arrays (netCashFlowUsd,
// revenueUsd, residualValueUsd filled) and the KPIs already computed (npvCostUsd).
void computeReturns(const MonthlySeries &series, const PlanCalendar &calendar, int startMonth,
                    double energizedHoursDiscounted, Kpis &k);
} // namespace detail

} // namespace cp::solver
