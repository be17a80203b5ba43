#pragma once

#include "solver/monthlyseries.h"
#include "solver/siteseries.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

// What the solver produces (docs/scenario-format.md, sections 4 and 5): monthly arrays per site and
// for the portfolio, KPIs and the section 6 warnings. Months are plan months 0 .. H-1 unless a
// field says "absolute month" (year * 12 + month - 1).
namespace cp::solver {

struct Kpis {
    double totalCapexUsd = 0.0;
    std::array<double, kCapexCategories> capexByCategory{};
    double totalOpexUsd = 0.0;
    std::array<double, kOpexCategories> opexByCategory{};
    double npvCostUsd = 0.0;
    // The NPV of costs by category (portfolio only; zero for a site): what a cost bridge
    // between two plans is drawn from.
    std::array<double, kCapexCategories> npvCapexByCategoryUsd{};
    std::array<double, kOpexCategories> npvOpexByCategoryUsd{};
    std::optional<int> firstComputeMonth; // absolute month
    std::optional<int> fullPowerMonth;    // absolute month
    double peakItMw = 0.0;
    double peakFacilityMw = 0.0;
    double energyMwh = 0.0;
    double strandedAcceleratorMonths = 0.0;
    double peakBf16Pflops = 0.0;
    double depreciationUsd = 0.0;
    std::optional<double> costPerAcceleratorHourUsd;
    // Beyond v1's KPI list (docs/scenario-format.md, section 5.1), for screens and reports.
    double plannedAccelerators = 0.0;
    double peakEnergized = 0.0;
    double energizedAcceleratorHours = 0.0;

    // Returns (docs/methodology.md, "Returns"): filled only when the plan states a price of
    // compute, a residual value or a salvage share; otherwise zero and absent from every output.
    bool returnsStated = false;
    double revenueUsd = 0.0;
    double npvRevenueUsd = 0.0;
    double residualValueUsd = 0.0;
    double npvResidualValueUsd = 0.0;
    double npvNetUsd = 0.0; // NPV of netCashFlowUsd
    std::optional<double> irrPct;
    std::optional<int> paybackMonth; // absolute month
    std::optional<double> levelizedCostPerAcceleratorHourUsd;
    double strandedValueUsd = 0.0; // what delivered but idle accelerators would have earned
};

struct Warning {
    std::string site; // empty for a portfolio-wide warning
    std::string item; // empty for a site-wide warning
    std::string code; // stable identifier, e.g. "power_swing"
    std::string message;
};

// One site's values in one month, kept even when the monthly arrays are not (risk trials).
struct SiteProbe {
    double planned = 0.0;
    double delivered = 0.0;
    double energized = 0.0;
    Binding binding = Binding::None;
};

struct SiteResult {
    std::string name;
    int readyMonth = 0; // absolute month the facility is ready
    Kpis kpis;
    SiteSeries series; // empty when solved without site series (SolveOptions::siteSeries)
    SiteProbe probe;   // at SolveOptions::probeMonth

    // The site's monthly arrays, expanded from `series` on each call (a few microseconds for
    // 240 months): take it once, outside any loop over months.
    [[nodiscard]] MonthlySeries monthly() const { return series.expand(); }
};

struct Result {
    std::string scenario;
    int startMonth = 0; // absolute month of plan month 0
    int horizonMonths = 0;
    Kpis kpis;
    MonthlySeries monthly; // sums over sites
    std::vector<SiteResult> sites;
    std::vector<Warning> warnings;
};

} // namespace cp::solver
