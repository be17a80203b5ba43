#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <vector>

// Monthly arrays of a solve (docs/scenario-format.md, section 4) and the categories they are split
// by. Months are plan months 0 .. H-1.
namespace cp::solver {

enum class CapexCategory : std::uint8_t { Compute, Facility, Power, Cooling };
enum class OpexCategory : std::uint8_t { Energy, Fuel, Rent, Om, Cloud };
inline constexpr int kCapexCategories = 4;
inline constexpr int kOpexCategories = 5;

// Spec names, in the format's order: "compute", "facility", "power", "cooling".
[[nodiscard]] const char *capexCategoryName(CapexCategory category) noexcept;
// "energy", "fuel", "rent", "om", "cloud".
[[nodiscard]] const char *opexCategoryName(OpexCategory category) noexcept;

// What limits the energized count in a month (docs/scenario-format.md, section 4, `binding`).
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
    // Returns (zero when the plan states none): value of sold energized hours, residual value
    // (at the horizon and salvage at retirements), and revenue + residual - capex - opex.
    Eigen::ArrayXd revenueUsd;
    Eigen::ArrayXd residualValueUsd;
    Eigen::ArrayXd netCashFlowUsd;
    Eigen::ArrayXXd capexByCategory; // H x 4, columns in CapexCategory order
    Eigen::ArrayXXd opexByCategory;  // H x 5, columns in OpexCategory order
    std::vector<Binding> binding;

    void prepare(int months); // sizes every array to H without clearing (for a writer that fills them all)
};

} // namespace cp::solver
