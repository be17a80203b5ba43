#include "solver/kpis.h"

namespace cp::solver::detail {

Kpis computeKpis(const MonthlySeries &series, const PlanCalendar &calendar, int startMonth)
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
    if (k.energizedAcceleratorHours > 0)
        k.costPerAcceleratorHourUsd = (k.depreciationUsd + k.totalOpexUsd) / k.energizedAcceleratorHours;
    return k;
}

} // namespace cp::solver::detail
