#include "analysis/solvedscenario.h"

#include "catalog/catalog.h"
#include "fields/validation.h"
#include "policy/policyevaluator.h"
#include "solver/solver.h"

#include <QDate>

#include <chrono>

namespace cp {

std::shared_ptr<const SolvedScenario> solveScenario(const Scenario &scenario, const Catalog &catalog, Month today)
{
    auto solved = std::make_shared<SolvedScenario>();
    solved->scenario = scenario;
    solved->problems = validateScenario(scenario, catalog);
    if (!solved->problems.empty())
        return solved;

    const auto started = std::chrono::steady_clock::now();
    solved->resolved = resolvePlan(scenario, catalog);
    // A Solver per thread keeps its scratch buffers between solves of the live editor.
    thread_local solver::Solver solver;
    solver.solve(solved->resolved.plan, solved->result);
    auto &warnings = solved->result.warnings;
    const auto stale = staleCatalogWarnings(solved->resolved.catalogUses, today);
    warnings.insert(warnings.end(), stale.begin(), stale.end());
    const auto policy = evaluatePolicies(scenario, solved->resolved.plan, builtInPolicyPacks());
    warnings.insert(warnings.end(), policy.begin(), policy.end());
    solved->solveMilliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return solved;
}

Month currentMonth()
{
    const QDate today = QDate::currentDate();
    return Month::fromYearMonth(today.year(), today.month());
}

} // namespace cp
