#include "solver/kpis.h"

#include "solver/returns.h"

#include <algorithm>

namespace cp::solver::detail {

namespace {

void finishCostPerHour(Kpis &k)
{
    if (k.energizedAcceleratorHours > 0)
        k.costPerAcceleratorHourUsd = (k.depreciationUsd + k.totalOpexUsd) / k.energizedAcceleratorHours;
}

} // namespace

Kpis computeKpis(const MonthlySeries &series, const PlanCalendar &calendar, int startMonth, bool returns)
{
    Kpis k;
    const Eigen::Index horizon = series.energized.size();
    for (int c = 0; c < kCapexCategories; ++c)
        k.capexByCategory[static_cast<std::size_t>(c)] = series.capexByCategory.col(c).sum();
    for (int c = 0; c < kOpexCategories; ++c)
        k.opexByCategory[static_cast<std::size_t>(c)] = series.opexByCategory.col(c).sum();
    k.totalCapexUsd = series.capexUsd.sum();
    k.totalOpexUsd = series.opexUsd.sum();
    // Flows count at the start of their month; month 0 is not discounted.
    k.npvCostUsd = (series.capexUsd + series.opexUsd).matrix().dot(calendar.discount.matrix());
    for (int c = 0; c < kCapexCategories; ++c)
        k.npvCapexByCategoryUsd[static_cast<std::size_t>(c)] = series.capexByCategory.col(c).matrix().dot(calendar.discount.matrix());
    for (int c = 0; c < kOpexCategories; ++c)
        k.npvOpexByCategoryUsd[static_cast<std::size_t>(c)] = series.opexByCategory.col(c).matrix().dot(calendar.discount.matrix());

    for (Eigen::Index m = 0; m < horizon; ++m) {
        if (series.energized[m] > 0) {
            k.firstComputeMonth = startMonth + static_cast<int>(m);
            break;
        }
    }
    // Full power: the first month from which every planned accelerator stays energized to the
    // end of the horizon.
    Eigen::Index fullFrom = horizon;
    while (fullFrom > 0 && series.planned[fullFrom - 1] > 0 && series.energized[fullFrom - 1] == series.planned[fullFrom - 1])
        --fullFrom;
    if (fullFrom < horizon)
        k.fullPowerMonth = startMonth + static_cast<int>(fullFrom);

    k.peakItMw = series.itMw.maxCoeff();
    k.peakFacilityMw = series.facilityMw.maxCoeff();
    k.energyMwh = series.energyMwh.sum();
    k.strandedAcceleratorMonths = series.stranded.sum();
    k.peakBf16Pflops = series.bf16Pflops.maxCoeff();
    k.depreciationUsd = series.depreciationUsd.sum();
    k.plannedAccelerators = series.planned.maxCoeff();
    k.peakEnergized = series.energized.maxCoeff();
    k.energizedAcceleratorHours = series.energized.matrix().dot(calendar.hours.matrix());
    finishCostPerHour(k);
    if (returns)
        computeReturns(series, calendar, startMonth,
                       (series.energized * calendar.hours).matrix().dot(calendar.discount.matrix()), k);
    return k;
}

Kpis computeSiteKpis(const SiteFacts &facts, const PlanCalendar &calendar, double utilization, int startMonth,
                     bool returns, MonthlySeries &scratch)
{
    Kpis k;
    for (const Payment &p : facts.payments) {
        k.capexByCategory[static_cast<std::size_t>(p.category)] += p.usd;
        k.npvCostUsd += p.usd * calendar.discount[p.month];
    }
    for (double c : k.capexByCategory)
        k.totalCapexUsd += c;

    auto &opex = k.opexByCategory;
    double energizedHoursDiscounted = 0.0;
    for (const Segment &seg : facts.segments) {
        const int a = seg.start;
        const int b = seg.start + seg.length;
        const double hours = calendar.hoursPrefix[b] - calendar.hoursPrefix[a];
        const double discountSum = calendar.discountPrefix[b] - calendar.discountPrefix[a];
        const double hoursDiscounted = calendar.hoursDiscountPrefix[b] - calendar.hoursDiscountPrefix[a];
        opex[static_cast<std::size_t>(OpexCategory::Energy)] += seg.energyUsdPerHour * utilization * hours;
        opex[static_cast<std::size_t>(OpexCategory::Fuel)] += seg.fuelUsdPerHour * utilization * hours;
        opex[static_cast<std::size_t>(OpexCategory::Om)] += seg.varOmUsdPerHour * utilization * hours + seg.fixedOmUsdPerMonth * seg.length;
        opex[static_cast<std::size_t>(OpexCategory::Rent)] += seg.rentUsdPerMonth * seg.length;
        opex[static_cast<std::size_t>(OpexCategory::Cloud)] += seg.cloudUsdPerHour * hours;
        k.npvCostUsd += (seg.energyUsdPerHour + seg.fuelUsdPerHour + seg.varOmUsdPerHour) * utilization * hoursDiscounted
                        + seg.cloudUsdPerHour * hoursDiscounted
                        + (seg.rentUsdPerMonth + seg.fixedOmUsdPerMonth) * discountSum;

        if (!k.firstComputeMonth && seg.energized > 0)
            k.firstComputeMonth = startMonth + a;
        k.peakItMw = std::max(k.peakItMw, seg.itMw);
        k.peakFacilityMw = std::max(k.peakFacilityMw, seg.facilityMw);
        k.peakBf16Pflops = std::max(k.peakBf16Pflops, seg.bf16Pflops);
        k.peakEnergized = std::max(k.peakEnergized, seg.energized);
        k.plannedAccelerators = std::max(k.plannedAccelerators, seg.planned);
        k.energyMwh += seg.facilityMw * utilization * hours;
        k.strandedAcceleratorMonths += (seg.delivered - seg.energized) * seg.length;
        k.energizedAcceleratorHours += seg.energized * hours;
        k.strandedValueUsd += seg.strandedValueUsdPerHour * hours;
        energizedHoursDiscounted += seg.energized * hoursDiscounted;
    }
    for (double c : opex)
        k.totalOpexUsd += c;

    for (auto it = facts.segments.rbegin(); it != facts.segments.rend(); ++it) {
        if (it->planned <= 0 || it->energized != it->planned)
            break;
        k.fullPowerMonth = startMonth + it->start;
    }
    for (const DepreciationSegment &d : facts.depreciation)
        k.depreciationUsd += d.usdPerMonth * d.length;
    finishCostPerHour(k);
    if (returns) {
        expandSite(facts.segments, facts.depreciation, facts.payments, facts.residuals, startMonth, utilization, scratch);
        computeReturns(scratch, calendar, startMonth, energizedHoursDiscounted, k);
    }
    return k;
}

} // namespace cp::solver::detail
