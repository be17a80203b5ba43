#pragma once

#include <QString>

#include <optional>
#include <vector>

// What a plan's months are worth against another's: the seed's "wait for the grid, or pay for
// bridge power and run now?" (docs/methodology.md, "Comparing plans: is the bridge worth it?").
namespace cp {

struct SolvedScenario;

// One step of the bridge from the baseline's NPV to the other plan's, by category. Costs
// count negative: a step is what the category adds to the other plan's NPV of net cash flow
// (or, without returns, to its NPV of costs, where costs count positive).
struct NpvStep {
    const char *key;   // "compute", "facility", "power", "cooling", "energy", "fuel", "rent", "om", "cloud", "revenue", "residual"
    const char *label; // "Compute capex", ..., "Revenue", "Residual value"
    double usd = 0.0;
};

struct TimeValue {
    bool returns = false; // both plans state returns: the bridge runs between NPVs of net cash flow
    std::optional<int> fullPowerMonthsGained;    // baseline's full power - the other's, in months (+: earlier)
    std::optional<int> firstComputeMonthsGained; // likewise for first compute
    double acceleratorMonthsGained = 0.0;        // energized accelerator-months, other - baseline
    double valueGainedUsd = 0.0;                 // NPV of revenue and residual value, other - baseline
    double costAddedUsd = 0.0;                   // NPV of costs, other - baseline
    double netUsd = 0.0;                         // valueGained - costAdded: NPV of net cash flow, other - baseline
    double fromUsd = 0.0;                        // the baseline's NPV (net, or costs without returns)
    double toUsd = 0.0;                          // the other plan's
    std::vector<NpvStep> steps;                  // from fromUsd to toUsd; they sum to toUsd - fromUsd
};

[[nodiscard]] TimeValue timeValue(const SolvedScenario &baseline, const SolvedScenario &other);

// The answer in one sentence, as the window, the CLI and the comparison PDF give it: "Against
// Greenfield, waiting for the grid: full power 34 months earlier; value gained $4.1B, cost added
// $0.4B: net +$3.7B, the difference pays for itself."
[[nodiscard]] QString timeValueSentence(const TimeValue &value, const QString &baselineName);

} // namespace cp
