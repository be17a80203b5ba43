#pragma once

#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What the solver produces (spec section 4 and 5): monthly arrays per site and for the
// portfolio, KPIs and the section 6 warnings. Months are plan months 0 .. H-1 unless a field
// says "absolute month" (year * 12 + month - 1).
namespace cp::solver {

enum class CapexCategory : std::uint8_t { Compute, Facility, Power, Cooling };
enum class OpexCategory : std::uint8_t { Energy, Fuel, Rent, Om, Cloud };
inline constexpr int kCapexCategories = 4;
inline constexpr int kOpexCategories = 5;

// Spec names, in the spec's order: "compute", "facility", "power", "cooling".
[[nodiscard]] const char *capexCategoryName(CapexCategory category) noexcept;
// "energy", "fuel", "rent", "om", "cloud".
[[nodiscard]] const char *opexCategoryName(OpexCategory category) noexcept;

// What limits the energized count in a month (spec section 4, `binding`).
enum class Binding : std::uint8_t { None, Facility, Delivery, Power, Cooling };
[[nodiscard]] const char *bindingName(Binding binding) noexcept; // "none", "facility", ...

struct MonthlySeries {
    Eigen::ArrayXd delivered;       // accelerators delivered by the month (not yet retired)
    Eigen::ArrayXd energized;       // accelerators the IT budget powers
    Eigen::ArrayXd stranded;        // delivered - energized
    Eigen::ArrayXd planned;         // every accelerator of every tranche, delivered or not
    Eigen::ArrayXd itMw;            // IT load of energized accelerators
    Eigen::ArrayXd facilityMw;      // itMw x PUE
    Eigen::ArrayXd powerMw;         // firm MW of available sources
    Eigen::ArrayXd coolingMw;       // heat rejection available (0 before the ready month)
    Eigen::ArrayXd bessMw;          // battery power available to smooth training swings
    Eigen::ArrayXd energyMwh;       // facilityMw x hours x utilization
    Eigen::ArrayXd bf16Pflops;      // energized dense BF16 compute
    Eigen::ArrayXd capexUsd;        // sum of capexByCategory
    Eigen::ArrayXd opexUsd;         // sum of opexByCategory
    Eigen::ArrayXd depreciationUsd;
    Eigen::ArrayXXd capexByCategory; // H x 4, columns in CapexCategory order
    Eigen::ArrayXXd opexByCategory;  // H x 5, columns in OpexCategory order
    std::vector<Binding> binding;

    void resize(int months);  // sets every array to H zeros
    void prepare(int months); // sizes every array to H without clearing (the site solver writes them all)
};

struct Kpis {
    double totalCapexUsd = 0.0;
    std::array<double, kCapexCategories> capexByCategory{};
    double totalOpexUsd = 0.0;
    std::array<double, kOpexCategories> opexByCategory{};
    double npvCostUsd = 0.0;
    std::optional<int> firstComputeMonth; // absolute month
    std::optional<int> fullPowerMonth;    // absolute month
    double peakItMw = 0.0;
    double peakFacilityMw = 0.0;
    double energyMwh = 0.0;
    double strandedAcceleratorMonths = 0.0;
    double peakBf16Pflops = 0.0;
    double depreciationUsd = 0.0;
    std::optional<double> costPerAcceleratorHourUsd;
    // Beyond the spec's KPI list, for screens and reports.
    double plannedAccelerators = 0.0;
    double peakEnergized = 0.0;
    double energizedAcceleratorHours = 0.0;
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
    MonthlySeries monthly;
    SiteProbe probe; // at SolveOptions::probeMonth
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
