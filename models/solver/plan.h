#pragma once

#include "solver/threepoint.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What the solver reads: a plan with every default already resolved (catalog values, the
// defaults of docs/scenario-format.md) into plain numbers. Months are absolute indices
// (year * 12 + month - 1, see calendar.h); durations are three-point values whose mode the
// deterministic solve uses. Built from the domain model by models/resolve; built directly by
// tests and benchmarks.
namespace cp::solver {

inline constexpr int kNever = INT_MAX; // a retire month that never comes

enum class PowerKind : std::uint8_t { Grid, GasCcgt, GasSimpleCycle, GasAero, RecipEngine, MobileTurbine, Bess };

[[nodiscard]] constexpr bool isGasKind(PowerKind kind) noexcept
{
    return kind != PowerKind::Grid && kind != PowerKind::Bess;
}

struct Assumptions {
    double discountRatePct = 9.0;
    // Prices and intensities below are three-point: the solve uses the mode; risk samples them.
    ThreePoint electricityUsdPerMwh = ThreePoint::fixed(80.0);
    ThreePoint gasUsdPerMmbtu = ThreePoint::fixed(3.5);
    double utilizationPct = 90.0;
    double depreciationYearsCompute = 5.0;
    double depreciationYearsFacility = 20.0;
    double depreciationYearsPower = 20.0;
    double depreciationYearsCooling = 15.0;
};

// Parameters of the section 6 checks, from the catalog's global defaults.
struct CheckParameters {
    double swingFraction = 0.6;            // smoothing needed, as a fraction of peak IT MW
    double swingThresholdItMw = 10.0;      // sites at or below this peak IT load need no smoothing
    double interruptionsPerAcceleratorYear = 0.17;
    double spareRatio = 0.05;
};

struct Facility {
    int permitStartMonth = 0;
    ThreePoint permitMonths;
    int constructionStartMonth = 0;
    ThreePoint buildMonths;
    double itCapacityMw = 0.0;
    double coolingMw = 0.0; // the building's own heat rejection, from the ready month
    bool colocation = false; // leased: no capex, lease rent from the ready month, not depreciated
    ThreePoint capexUsd;     // resolved: capexUsd, or capexUsdPerMwIt x itCapacityMw; unused for colocation
    double leaseUsdPerKwMonth = 0.0;
    double fixedOmUsdPerMwItYear = 0.0;
};

struct Tranche {
    std::string name;
    std::string acceleratorId;
    int count = 0;
    int orderMonth = 0;
    // Linked order: when set, orderMonth = the facility's ready month + this, kept so by
    // applyDateLinks (solver/datelinks.h) whenever permit or build months move.
    std::optional<int> orderAfterFacilityReadyMonths;
    ThreePoint leadTimeMonths;
    ThreePoint unitCapexUsd;
    ThreePoint itKwPerAccelerator = ThreePoint::fixed(1.0);
    double bf16Tflops = 0.0;
    ThreePoint rentUsdPerAcceleratorHour; // used on cloud-partner sites
    double depositPct = 0.0;
    int retireMonth = kNever;
    // Returns (docs/methodology.md, "Returns"): this tranche's own price and sold share, when
    // stated, win over the plan's; salvage is a share of book value received when it retires.
    std::optional<ThreePoint> priceUsdPerAcceleratorHour;
    std::optional<double> soldPct;
    double salvagePctOfBook = 0.0;
};

struct PowerSource {
    std::string name;
    PowerKind kind = PowerKind::Grid;
    double capacityMw = 0.0; // nameplate; unused for a bess
    double availabilityPct = 100.0;
    double powerMw = 0.0;    // bess only
    double energyMwh = 0.0;  // bess only
    int orderMonth = 0;
    ThreePoint leadTimeMonths;
    bool rented = false;
    ThreePoint rentUsdPerMwMonth; // rented sources: x nameplate (bess: powerMw) per available month
    ThreePoint capexUsd;            // owned sources, resolved from capexUsd or capexUsdPerKw
    double depositPct = 0.0;
    double fixedOmUsdPerKwYear = 0.0;
    double varOmUsdPerMwh = 0.0;
    double heatRateBtuPerKwh = 0.0; // gas kinds
    int retireMonth = kNever;
    // Linked retirement: when named, retireMonth = the arrival of that other source of
    // the same site + retireAfterPlusMonths (never before orderMonth), kept so by applyDateLinks.
    std::string retireAfterSource;
    int retireAfterPlusMonths = 0;
    double salvagePctOfBook = 0.0; // owned sources: share of book value received at retirement

    [[nodiscard]] double nameplateMw() const noexcept { return kind == PowerKind::Bess ? powerMw : capacityMw; }
};

enum class CoolingPlantKind : std::uint8_t { Chiller, RentalChiller };

struct CoolingPlant {
    std::string name;
    CoolingPlantKind kind = CoolingPlantKind::Chiller;
    double capacityMw = 0.0;
    int orderMonth = 0;
    ThreePoint leadTimeMonths;
    bool rented = false;
    ThreePoint rentUsdPerMonth;
    ThreePoint capexUsd;
    double depositPct = 0.0;
    int retireMonth = kNever;
    double salvagePctOfBook = 0.0; // owned plants: share of book value received at retirement
};

struct Site {
    std::string name;
    bool cloudPartner = false;
    ThreePoint pue = ThreePoint::fixed(1.2);
    Facility facility;
    std::vector<Tranche> tranches;
    std::vector<PowerSource> sources;
    std::vector<CoolingPlant> coolingPlants;
};

// A duration in whole months: the deterministic solve passes whole modes; risk samples are
// rounded to the nearest whole month, halves up (docs/scenario-format.md, section 2).
[[nodiscard]] inline int wholeMonths(double months) noexcept
{
    return static_cast<int>(std::floor(months + 0.5));
}

// The absolute month an item (tranche, power source, cooling plant) arrives in the solve: its
// order month plus its lead time (the mode; a risk trial writes its sample there).
template<typename Item>
[[nodiscard]] int arrivalMonth(const Item &item) noexcept
{
    return item.orderMonth + wholeMonths(item.leadTimeMonths.mode);
}

// The absolute months a facility's permit and construction end; it is ready at the later of
// the two (docs/scenario-format.md, section 3).
[[nodiscard]] inline int permitEndMonth(const Facility &f) noexcept
{
    return f.permitStartMonth + wholeMonths(f.permitMonths.mode);
}
[[nodiscard]] inline int constructionEndMonth(const Facility &f) noexcept
{
    return f.constructionStartMonth + wholeMonths(f.buildMonths.mode);
}
[[nodiscard]] inline int readyMonth(const Facility &f) noexcept
{
    return std::max(permitEndMonth(f), constructionEndMonth(f));
}

// What time is worth (docs/methodology.md, "Returns"). Nothing stated: no revenue, no residual
// value, and the result carries none of the returns figures (v1's output, number for number).
enum class ResidualValue : std::uint8_t { None, Book };

struct Returns {
    bool stated = false; // a price or a residual value was given: the result reports returns
    std::optional<ThreePoint> computePriceUsdPerAcceleratorHour; // value of an energized, sold accelerator-hour
    int burnInMonths = 0; // months after delivery an accelerator earns nothing
    ResidualValue residualValue = ResidualValue::None;
    // Share of book value counted at the horizon, by capex category (compute, facility, power, cooling).
    std::array<double, 4> residualPctOfBook{100.0, 100.0, 100.0, 100.0};
};

struct Plan {
    std::string name;
    int startMonth = 0;    // absolute month of plan month 0
    int horizonMonths = 1; // H: plan months 0 .. H-1
    Assumptions assumptions;
    CheckParameters checks;
    Returns returns;
    std::vector<Site> sites;
};

} // namespace cp::solver
