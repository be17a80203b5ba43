#pragma once

#include "solver/sitesolver.h"

#include <vector>

// The portfolio's monthly sums over sites (docs/scenario-format.md, section 4: portfolio arrays are
// sums of the sites'; its binding is the binding of the site with the most accelerators waiting).
// Internal to the solver.
//
// A site adds a handful of runs of constant months. The sums are kept month-major, one row of
// every summed quantity per month, so adding a run is one short loop over its months that
// touches three cache lines a month, where month arrays per quantity took twenty short loops
// a run. Sites are added in listed order, so every month's sum is added in the same order
// (and gives the same bits) as summing the sites' own monthly arrays.
namespace cp::solver::detail {

class PortfolioSums
{
public:
    void reset(int horizonMonths);
    void add(const SiteFacts &facts, const PlanCalendar &calendar, double utilization);
    // Writes every array of `portfolio` (sized to the horizon), totals and binding included.
    void writeTo(MonthlySeries &portfolio) const;

private:
    // One row per month. Fields before kHourly are constant over a run; from kHourly on they
    // accrue by the month's hours; capex and depreciation come from payments and their own runs.
    enum Field {
        Delivered, Energized, Stranded, Planned, ItMw, FacilityMw, Bf16Pflops, PowerMw, CoolingMw, BessMw, RentUsd,
        kHourly,
        EnergyMwh = kHourly, EnergyUsd, FuelUsd, OmUsd, CloudUsd, RevenueUsd,
        DepreciationUsd,
        ResidualUsd,
        CapexFirst, // kCapexCategories columns in CapexCategory order
        kFields = CapexFirst + kCapexCategories
    };
    static constexpr int kHourlyFields = DepreciationUsd - kHourly;

    int m_horizon = 0;
    std::vector<double> m_rows;        // m_horizon x kFields
    std::vector<double> m_mostWaiting; // most planned-but-not-energized accelerators at any site
    std::vector<Binding> m_binding;
    std::vector<double> m_siteCapex; // one site's payments by month and category; zero between sites
    std::vector<double> m_siteResidual; // one site's residual values by month; zero between sites
};

} // namespace cp::solver::detail
