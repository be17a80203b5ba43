#pragma once

#include <QString>

#include <memory>
#include <optional>
#include <vector>

// Saved scenarios side by side: each one's KPIs and its deltas against the first (the
// baseline), by the rules of the compare document (docs/scenario-format.md, section 5.3):
// numeric KPIs abs = x - base and pct = 100 (x - base) / |base| (null when base is 0 or either
// value is null); month KPIs as a difference in calendar months (null when either month is null;
// pct always null); capexByCategory and opexByCategory per key.
namespace cp {

struct SolvedScenario;

namespace solver {
struct Kpis;
}

enum class KpiUnit { Usd, UsdPerHour, Mw, Mwh, Count, AcceleratorMonths, Pflops, Month };
// Which way is better for a planner; Neither for figures that are a choice, not a merit (peak MW).
enum class KpiBetter { Lower, Higher, Earlier, Neither };

struct KpiDefinition {
    const char *key;      // spec name: "totalCapexUsd", or the category "compute" inside `group`
    const char *group;    // nullptr, "capexByCategory" or "opexByCategory"
    const char *label;    // what a planner reads: "Total capex", "Capex: compute"
    KpiUnit unit;
    KpiBetter better;
    // The KPI of a result; months as absolute month indices. nullopt when the KPI is null.
    std::optional<double> (*value)(const solver::Kpis &kpis);
};

// Every KPI of the result document in its order, categories expanded, then the
// extensions plannedAccelerators and peakEnergized.
[[nodiscard]] const std::vector<KpiDefinition> &comparisonKpis();

struct KpiDelta {
    std::optional<double> abs; // x - base (months: calendar months)
    std::optional<double> pct; // 100 (x - base) / |base|
};

enum class KpiVerdict { Same, Better, Worse, Neutral };

struct ComparedKpi {
    std::optional<double> value;
    KpiDelta delta;
    KpiVerdict verdict = KpiVerdict::Same;
};

struct ComparedScenario {
    QString name;
    // Solved over the comparison's months: the scenario as saved when its horizon is that long,
    // else the same plan solved again from its own start for windowMonths.
    std::shared_ptr<const SolvedScenario> solved;
    std::shared_ptr<const SolvedScenario> own; // as saved, over its own window
    int ownStartMonth = 0;    // absolute: the scenario's own window, as saved
    int ownHorizonMonths = 0;
    std::vector<ComparedKpi> kpis; // aligned with comparisonKpis()
};

struct Comparison {
    std::vector<ComparedScenario> scenarios; // [0] is the baseline; its deltas are against itself
    // How many months every figure covers, from each plan's own start. Plans of different
    // horizons are compared over the shortest, so a 72-month plan's opex is not set against a
    // 60-month plan's as if the 12 months were saved.
    int windowMonths = 0;
    bool windowsDiffer = false; // the scenarios' horizons are not all the same
    [[nodiscard]] bool empty() const { return scenarios.empty(); }
    // The compared scenarios' solves, the baseline first (what charts and exports take).
    [[nodiscard]] std::vector<std::shared_ptr<const SolvedScenario>> solved() const;
    // Each as saved, over its own window: month-by-month charts show every month of each plan
    // on one calendar; only totals need the common window.
    [[nodiscard]] std::vector<std::shared_ptr<const SolvedScenario>> ownSolved() const;
};

// What months the figures cover, for a reader; empty when every plan has the same window.
// "Compared over the first 60 months of each plan; 'Bridged' runs 72 months on its own (Jan
// 2025 to Dec 2030)."
[[nodiscard]] QString windowSentence(const Comparison &comparison);

[[nodiscard]] KpiDelta kpiDelta(const KpiDefinition &kpi, std::optional<double> base, std::optional<double> value);
// Better or worse than the baseline in the KPI's direction. Equal within a relative 1e-9 is
// Same; a month reached where the baseline never gets there is Better (and the reverse Worse).
[[nodiscard]] KpiVerdict kpiVerdict(const KpiDefinition &kpi, std::optional<double> base, std::optional<double> value);

enum class CompareWindow {
    Common, // every plan over the shortest horizon, each from its own start (default)
    Own,    // each plan over its own horizon, as saved (totals of unequal horizons do not compare)
};

// Scenarios that did not solve (problems) are skipped; names come from each scenario. With
// CompareWindow::Common, a longer plan is solved again over the shortest horizon (its payments
// after that are beyond the plan, as for any plan).
[[nodiscard]] Comparison compareScenarios(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios,
                                          CompareWindow window = CompareWindow::Common);

} // namespace cp
