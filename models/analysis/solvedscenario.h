#pragma once

#include "domain/scenario.h"
#include "domain/problem.h"
#include "resolve/resolver.h"
#include "solver/result.h"

#include <memory>
#include <vector>

namespace cp {

class Catalog;

// One scenario, solved: what every screen, chart, report and CLI command reads. Immutable once
// made and shared as std::shared_ptr<const SolvedScenario>, so a background solve can hand it
// to the UI thread without copies or locks.
struct SolvedScenario {
    Scenario scenario;             // as written
    std::vector<Problem> problems; // validation problems; when any, nothing below is filled
    ResolvedPlan resolved;         // the solver's input and the catalog values it rests on
    solver::Result result;         // monthly arrays, KPIs, warnings (solver checks, stale catalog values, policy rules)
    double solveMilliseconds = 0.0;

    [[nodiscard]] bool ok() const { return problems.empty(); }
};

// Validates, resolves and solves. `today` dates the stale-catalog check (values more than two
// years older than it are flagged). Thread-safe: call it from any thread.
[[nodiscard]] std::shared_ptr<const SolvedScenario> solveScenario(const Scenario &scenario, const Catalog &catalog,
                                                                  Month today);

// The month a plan is looked at from: the current calendar month.
[[nodiscard]] Month currentMonth();

} // namespace cp
