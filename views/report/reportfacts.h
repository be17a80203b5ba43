#pragma once

#include "domain/month.h"
#include "solver/result.h"
#include "solver/risk.h"

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace cp {
struct CatalogValue;
struct SolvedScenario;
} // namespace cp

// What a report says in words, derived from one solved scenario: the three sentences of the
// executive summary and the catalog values the plan rests on, grouped for the assumptions table.
namespace cp::report {

// What holds the plan back before it reaches full power (docs/scenario-format.md, section 4,
// `binding`).
struct GateFacts {
    solver::Binding binding = solver::Binding::None; // just before full power, or at the end of the plan
    QString site;                 // the site that sets the portfolio's full-power month, or waits most
    QStringList gatingItems;      // the arrivals that bring that site to full power
    bool buildingGates = false;   // one of them is the building (its permit or construction)
    std::optional<int> gateMonth; // absolute month they arrive (the site's full-power month)
    double waitingAtEnd = 0.0;    // planned accelerators of that site not energized at the end
    // Accelerator-months delivered but not energized, by what held them back (Binding order).
    std::array<double, 5> strandedByBinding{};
    double strandedTotal = 0.0;
};
[[nodiscard]] GateFacts gateFacts(const SolvedScenario &solved);

// "power", "cooling", "the building", "accelerator deliveries": what a binding waits for.
[[nodiscard]] QString bindingNoun(solver::Binding binding);

// The executive summary's three sentences, each with its lead ("When is it fully powered?").
struct SummarySentence {
    QString lead;
    QString text;
};
[[nodiscard]] std::vector<SummarySentence> summarySentences(const SolvedScenario &solved,
                                                            const solver::RiskResult *risk);

// One catalog value the plan rests on, with every field of the plan that takes it.
struct AssumptionRow {
    const CatalogValue *value = nullptr;
    QString what;        // "Unit capex (NVIDIA H100 SXM)", "PUE (direct liquid cooling)"
    QStringList usedBy;  // "Memphis / Phase 1"
    bool stale = false;  // dated more than 24 months before the as-of month
};
[[nodiscard]] std::vector<AssumptionRow> assumptionRows(const SolvedScenario &solved, Month asOf);

// A catalog value as read: "$45.0k per accelerator", "1.15", "0.17 per accelerator-year".
[[nodiscard]] QString catalogValueText(double value, const QString &unit);

// A catalog value's range, "$9.30M–$16.0M", "1.08–1.25".
[[nodiscard]] QString catalogRangeText(const CatalogValue &value);

// A catalog global's name as a planner reads it: "spareRatio" -> "Spare pool" (a scenario field's
// label is the field table's, fields/fieldtable.h); any other key as it is.
[[nodiscard]] QString fieldLabel(const QString &field);

// A warning code as a heading: "power_swing" -> "Power swing".
[[nodiscard]] QString warningLabel(const std::string &code);

} // namespace cp::report
