#include "solver/returns.h"

#include "solver/sitesolver.h"

#include <cmath>
#include <vector>

namespace cp::solver {

namespace {

// NPV at the continuous monthly rate x = ln(1 + i): sum of flows[m] x e^(-x m), by Horner's rule
// from the last month so no power is taken.
double npvAt(const Eigen::ArrayXd &flows, double x)
{
    const double factor = std::exp(-x);
    double sum = 0.0;
    for (Eigen::Index m = flows.size() - 1; m >= 0; --m)
        sum = sum * factor + flows[m];
    return sum;
}

} // namespace

std::optional<double> monthlyIrr(const Eigen::ArrayXd &flows)
{
    bool negative = false;
    bool positive = false;
    for (const double f : flows) {
        negative = negative || f < 0.0;
        positive = positive || f > 0.0;
    }
    if (!negative || !positive)
        return std::nullopt;

    // Scan x = ln(1 + i) from -4.6 (i = -99% a month) to 2.3 (i = +900% a month) for sign
    // changes, then bisect each bracket to the last bit; keep the root nearest zero. Below zero
    // the discount factor grows as e^(-x m): the lowest rate is raised so that it stays below
    // e^600 over the horizon, far from overflow.
    const double kLowest = std::max(-4.6, -600.0 / static_cast<double>(std::max<Eigen::Index>(1, flows.size())));
    constexpr double kHighest = 2.3;
    constexpr int kSteps = 690;
    std::optional<double> best;
    double x0 = kLowest;
    double v0 = npvAt(flows, x0);
    for (int s = 1; s <= kSteps; ++s) {
        const double x1 = kLowest + (kHighest - kLowest) * s / kSteps;
        const double v1 = npvAt(flows, x1);
        if (!std::isfinite(v0) || !std::isfinite(v1)) {
            x0 = x1;
            v0 = v1;
            continue;
        }
        if (v0 == 0.0 || (v0 < 0.0) != (v1 < 0.0)) {
            double a = x0, b = x1, va = v0;
            if (v0 != 0.0) {
                for (int it = 0; it < 200; ++it) {
                    const double mid = 0.5 * (a + b);
                    if (mid <= a || mid >= b)
                        break;
                    const double vm = npvAt(flows, mid);
                    if (vm == 0.0) {
                        a = b = mid;
                        break;
                    }
                    if ((vm < 0.0) == (va < 0.0)) {
                        a = mid;
                        va = vm;
                    } else {
                        b = mid;
                    }
                }
            }
            // The end whose NPV is nearer zero.
            const double root = std::abs(npvAt(flows, a)) <= std::abs(npvAt(flows, b)) ? a : b;
            if (!best || std::abs(root) < std::abs(*best))
                best = root;
        }
        x0 = x1;
        v0 = v1;
    }
    if (!best)
        return std::nullopt;
    return std::expm1(*best);
}

std::optional<double> annualIrrPct(const Eigen::ArrayXd &flows)
{
    const std::optional<double> i = monthlyIrr(flows);
    if (!i)
        return std::nullopt;
    return 100.0 * (std::pow(1.0 + *i, 12.0) - 1.0);
}

std::optional<int> paybackPlanMonth(const Eigen::ArrayXd &flows)
{
    double running = 0.0;
    bool wasNegative = false;
    for (Eigen::Index m = 0; m < flows.size(); ++m) {
        running += flows[m];
        if (running < 0.0)
            wasNegative = true;
        else if (wasNegative)
            return static_cast<int>(m);
    }
    return std::nullopt;
}

namespace detail {

void computeReturns(const MonthlySeries &series, const PlanCalendar &calendar, int startMonth,
                    double energizedHoursDiscounted, Kpis &k)
{
    k.returnsStated = true;
    k.revenueUsd = series.revenueUsd.sum();
    k.npvRevenueUsd = series.revenueUsd.matrix().dot(calendar.discount.matrix());
    k.residualValueUsd = series.residualValueUsd.sum();
    k.npvResidualValueUsd = series.residualValueUsd.matrix().dot(calendar.discount.matrix());
    k.npvNetUsd = series.netCashFlowUsd.matrix().dot(calendar.discount.matrix());
    k.irrPct = annualIrrPct(series.netCashFlowUsd);
    if (const std::optional<int> m = paybackPlanMonth(series.netCashFlowUsd))
        k.paybackMonth = startMonth + *m;
    if (energizedHoursDiscounted > 0.0)
        k.levelizedCostPerAcceleratorHourUsd = (k.npvCostUsd - k.npvResidualValueUsd) / energizedHoursDiscounted;
}

} // namespace detail

} // namespace cp::solver
