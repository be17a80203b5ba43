#pragma once

#include "solver/plan.h"

#include <Eigen/Core>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What could slip (docs/scenario-format.md, section 5.4): Monte Carlo over every three-point input,
// sampled from its triangular distribution, durations rounded to whole months (halves up). Each
// trial draws from its own generator seeded by (seed, trial index), so the answer is the same on
// every machine and for any number of threads.
namespace cp::solver {

enum class UncertainField : std::uint8_t {
    PermitMonths,
    BuildMonths,
    FacilityCapex,
    TrancheLeadTime,
    TrancheUnitCapex,
    SourceLeadTime,
    SourceCapex,
    PlantLeadTime,
    PlantCapex,
    ComputePrice, // the plan's price of compute (site -1: shared by every site)
    TranchePrice, // a tranche's own price
    // Prices and intensities: plan-wide energy prices, a site's PUE, a tranche's kW
    // and cloud rent, a rented source's or plant's rent. Each is drawn only when the plan pays
    // it (rent on an owned site's rented items, cloud rent on a cloud-partner site).
    ElectricityPrice, // site -1
    GasPrice,         // site -1
    Pue,              // item -1
    TrancheItKw,
    TrancheRent,
    SourceRent,
    PlantRent,
};

// One three-point input of a plan whose range is not a single value.
struct UncertainInput {
    int site = 0; // -1 for a plan-wide input
    int item = -1; // index in the site's tranches, sources or plants; -1 for the facility
    UncertainField field = UncertainField::PermitMonths;
    ThreePoint range;

    [[nodiscard]] bool isDuration() const noexcept;
    [[nodiscard]] const char *fieldName() const noexcept; // the JSON key, e.g. "leadTimeMonths"
};

[[nodiscard]] std::vector<UncertainInput> uncertainInputs(const Plan &plan);
[[nodiscard]] ThreePoint &inputValue(Plan &plan, const UncertainInput &input);
[[nodiscard]] std::string inputItemName(const Plan &plan, const UncertainInput &input); // "Facility" for facility fields and PUE, "Plan" for plan-wide ones

// Triangular inverse CDF at u in [0, 1).
[[nodiscard]] double sampleTriangular(const ThreePoint &range, double u) noexcept;

struct MonthPercentiles {
    std::optional<int> p10, p50, p90; // absolute months; nullopt: not within the horizon
};
struct ValuePercentiles {
    double p10 = 0.0, p50 = 0.0, p90 = 0.0;
};
struct FanBands { // per plan month
    Eigen::ArrayXd p10, p50, p90;
};

struct CriticalItem {
    std::string site;
    std::string item;
    double share = 0.0; // of all trials: the item limited the plan at the target month
};

struct TornadoBar {
    std::string site;
    std::string item;
    std::string field;
    double low = 0.0;
    double high = 0.0;
    double npvAtLowUsd = 0.0;
    double npvAtHighUsd = 0.0;
    std::optional<int> fullPowerAtLow; // absolute months
    std::optional<int> fullPowerAtHigh;
    double npvSwingUsd = 0.0;     // |npvAtHigh - npvAtLow|
    // npvAt* are the NPV of costs, or of net cash flow when RiskResult::tornadoByNet.
    int fullPowerSwingMonths = 0; // months between the two full-power dates (a date beyond the horizon counts as the month after it)
};

// Trials in which energized accelerators fall while still planned (a bridge retires before what
// replaces it is there), grouped by the first month they fall.
struct EnergizedDrop {
    int month = 0;      // absolute
    double share = 0.0; // of all trials
    struct Cause {
        std::string site;
        std::string item; // a power source or cooling plant that retires that month
    };
    std::vector<Cause> causes;
};

struct RiskOptions {
    int trials = 2000;
    std::uint64_t seed = 1;
    int targetMonth = -1; // absolute; -1: the plan's own full-power month (the last month when it has none)
    int threads = 0;      // 0: every hardware thread
    bool tornado = true;
    const std::atomic<bool> *cancel = nullptr; // set from another thread to stop early
    std::atomic<int> *trialsDone = nullptr;    // progress, for a progress bar
};

struct RiskResult {
    int trials = 0;
    std::uint64_t seed = 0;
    int targetMonth = 0; // absolute
    int startMonth = 0;
    int horizonMonths = 0;
    bool cancelled = false;
    int inputCount = 0; // uncertain inputs sampled
    MonthPercentiles firstComputeMonth;
    MonthPercentiles fullPowerMonth;
    ValuePercentiles totalCapexUsd;
    ValuePercentiles npvCostUsd;
    // Returns, when the plan states them: NPV of net cash flow, and IRR over the trials that
    // have one (irrTrials of them; percentiles of those).
    bool returnsStated = false;
    ValuePercentiles npvNetUsd;
    std::optional<ValuePercentiles> irrPct;
    int irrTrials = 0;
    bool tornadoByNet = false; // the tornado measures NPV of net cash flow (returns stated)
    double probabilityFullPowerBy = 0.0; // share of trials at full power by the target month
    std::vector<CriticalItem> criticality; // by share, largest first
    std::vector<TornadoBar> tornado;       // by NPV swing, largest first
    std::vector<EnergizedDrop> energizedDrops; // by share, largest first
    FanBands energized;
    FanBands cumulativeSpendUsd; // capex + opex, cumulative from month 0
};

[[nodiscard]] RiskResult runRisk(const Plan &plan, const RiskOptions &options);

// Nearest-rank percentile (rank ceil(pct/100 x N)) of sorted values; pct in 1..100.
[[nodiscard]] std::size_t nearestRankIndex(int pct, std::size_t count) noexcept;

} // namespace cp::solver
