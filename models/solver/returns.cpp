#include "solver/returns.h"

#include "solver/sitesolver.h"

#include <algorithm>
#include <array>
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

namespace {

// The scan's grid: x = ln(1 + i) from kLowest (i = -99% a month, raised for long horizons so
// that e^(-x m) stays below e^600, far from overflow) to 2.3 (i = +900% a month) in kSteps cells.
constexpr double kHighest = 2.3;
constexpr int kSteps = 690;

double lowestRate(const Eigen::ArrayXd &flows)
{
    return std::max(-4.6, -600.0 / static_cast<double>(std::max<Eigen::Index>(1, flows.size())));
}

double gridRate(double lowest, int s)
{
    return lowest + (kHighest - lowest) * s / kSteps;
}

// npvAt at the grid's points first..last into npv[first..last], eight points at a time: each
// point's sum takes the same steps in the same order as npvAt (so the same bits), and eight
// independent sums keep the processor busy where one waits on its previous step.
void npvOnGrid(const Eigen::ArrayXd &flows, double lowest, int first, int last, std::array<double, kSteps + 1> &npv)
{
    constexpr int kLanes = 8;
    for (int p = first; p <= last; p += kLanes) {
        const int lanes = std::min(kLanes, last - p + 1);
        std::array<double, kLanes> factor {};
        std::array<double, kLanes> sum {};
        for (int k = 0; k < lanes; ++k)
            factor[static_cast<std::size_t>(k)] = std::exp(-gridRate(lowest, p + k));
        for (Eigen::Index m = flows.size() - 1; m >= 0; --m) {
            const double f = flows[m];
            for (std::size_t k = 0; k < kLanes; ++k)
                sum[k] = sum[k] * factor[k] + f;
        }
        for (int k = 0; k < lanes; ++k)
            npv[static_cast<std::size_t>(p + k)] = sum[static_cast<std::size_t>(k)];
    }
}

// Scans the grid's cells firstCell..lastCell (cell s spans points s - 1 and s) for sign changes,
// bisects each bracket to the last bit and keeps the root nearest zero, the first on a tie.
std::optional<double> rootInCells(const Eigen::ArrayXd &flows, int firstCell, int lastCell)
{
    const double lowest = lowestRate(flows);
    std::array<double, kSteps + 1> npv {};
    npvOnGrid(flows, lowest, firstCell - 1, lastCell, npv);
    std::optional<double> best;
    double x0 = gridRate(lowest, firstCell - 1);
    double v0 = npv[static_cast<std::size_t>(firstCell - 1)];
    for (int s = firstCell; s <= lastCell; ++s) {
        const double x1 = gridRate(lowest, s);
        const double v1 = npv[static_cast<std::size_t>(s)];
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
    return best;
}

// Flows whose non-zero values change sign exactly once have exactly one rate (Descartes' rule
// of signs on the polynomial in e^(-x)), so the NPV changes sign once along the grid: a binary
// search finds its cell in about ten evaluations instead of 691, and scanning the cells next to
// it finds what the whole scan finds. nullopt when the search meets a value that is not finite
// or signs that do not fit one crossing; the caller then scans the whole grid.
std::optional<std::optional<double>> rootOfOneSignChange(const Eigen::ArrayXd &flows)
{
    int changes = 0;
    double previous = 0.0;
    for (const double f : flows) {
        if (f == 0.0)
            continue;
        if (previous != 0.0 && (f < 0.0) != (previous < 0.0))
            ++changes;
        previous = f;
    }
    if (changes != 1)
        return std::nullopt;

    const double lowest = lowestRate(flows);
    const double vLow = npvAt(flows, gridRate(lowest, 0));
    const double vHigh = npvAt(flows, gridRate(lowest, kSteps));
    if (!std::isfinite(vLow) || !std::isfinite(vHigh) || vLow == 0.0 || vHigh == 0.0 || (vLow < 0.0) == (vHigh < 0.0))
        return std::nullopt;
    int lo = 0;
    int hi = kSteps;
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        const double v = npvAt(flows, gridRate(lowest, mid));
        if (!std::isfinite(v))
            return std::nullopt;
        if ((v < 0.0) == (vLow < 0.0) && v != 0.0)
            lo = mid;
        else
            hi = mid;
    }
    // Cells lo + 1 (the crossing) and its neighbours, which hold a bracket too when the NPV
    // is exactly zero at a grid point.
    return rootInCells(flows, std::max(1, lo), std::min(kSteps, lo + 3));
}

} // namespace

namespace detail {
std::optional<double> monthlyIrrByWholeScan(const Eigen::ArrayXd &flows)
{
    const std::optional<double> root = rootInCells(flows, 1, kSteps);
    if (!root)
        return std::nullopt;
    return std::expm1(*root);
}
} // namespace detail

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
    if (const std::optional<std::optional<double>> fast = rootOfOneSignChange(flows)) {
        if (!*fast)
            return std::nullopt;
        return std::expm1(**fast);
    }
    return detail::monthlyIrrByWholeScan(flows);
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
