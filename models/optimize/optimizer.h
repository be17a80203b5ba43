#pragma once

#include "solver/plan.h"
#include "solver/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

// The optimizer: which optional power sources, cooling plants and compute tranches
// to keep, when to order them within their order windows and when to retire them within their
// retire windows, so the plan reaches full power by a goal month at the best objective.
//
// Exact under the solver's own rules: every candidate plan is solved by cp::solver and its
// KPIs decide; a linear relaxation (COIN-OR CBC and CLP) only bounds whole families of
// candidates so most are never solved. docs/optimizer.md explains the method.
// Plain C++ like the solver: no Qt.
namespace cp::optimize {

enum class ItemList : std::uint8_t { PowerSource, CoolingPlant, Tranche };

struct MonthWindow {
    int earliest = 0; // absolute months, both inclusive
    int latest = 0;
};

struct RetireWindow {
    int earliest = 0; // absolute months, both inclusive
    int latest = 0;
    bool none = false; // "never retire" is also allowed
};

// What may be decided about one item of the plan; items without a Decision stay as written.
struct Decision {
    int site = 0;
    ItemList list = ItemList::PowerSource;
    int index = 0; // in the site's list (Site::sources, coolingPlants or tranches)
    bool optional = false;                    // the optimizer decides whether to keep it
    std::optional<MonthWindow> orderWindow;   // it picks the order month
    std::optional<RetireWindow> retireWindow; // it picks the retire month (not for tranches)
};

struct Problem {
    solver::Plan plan; // the plan as written; decided items take their chosen values
    std::vector<Decision> decisions;
};

enum class Objective : std::uint8_t {
    Cost, // minimise the solver's NPV of costs (Kpis::npvCostUsd)
    Net,  // maximise the NPV of net cash flow (Kpis::npvNetUsd; the plan must state returns)
};

struct Goal {
    int fullPowerBy = 0; // absolute month: full power (Kpis::fullPowerMonth) in it or before
    // 0: the plan as solved (every duration at its mode). Above 0: full power by the goal in at
    // least this share of risk trials (solver/risk.h, the same trials and seed as `risk`).
    double confidencePct = 0.0;
    int trials = 2000;
    std::uint64_t seed = 1;
};

struct Progress {
    long long nodes = 0;       // branch-and-bound nodes visited
    long long evaluations = 0; // candidate plans solved by the solver
    std::optional<double> bestUsd; // objective of the best plan so far
    int goalsDone = 0;         // frontier: goal months finished
    int goalsTotal = 1;
};

struct Options {
    double timeLimitSeconds = 0.0; // 0: no limit
    const std::atomic<bool> *cancel = nullptr; // set from another thread to stop early (status Limit)
    std::function<void(const Progress &)> progress; // called from the optimizing thread now and then
    int riskThreads = 1; // threads for risk trials (confidence goals); 0: every core
};

enum class Status : std::uint8_t {
    Optimal,    // no plan meets the goal at a better objective
    Infeasible, // no choice meets the goal (earliestFullPowerMonth says when one can)
    Limit,      // time limit or cancel: the best plan found, a proven bound and the gap
    Invalid,    // the problem or goal is malformed (message says why)
};

[[nodiscard]] const char *statusName(Status status) noexcept;   // "optimal", "infeasible", ...
[[nodiscard]] const char *objectiveName(Objective o) noexcept;   // "cost", "net"

// The decision for one item, as chosen.
struct Choice {
    int site = 0;
    ItemList list = ItemList::PowerSource;
    int index = 0;
    std::string siteName;
    std::string itemName;
    bool kept = true;
    int orderMonth = 0;              // absolute
    int retireMonth = solver::kNever; // absolute, or kNever
};

struct Answer {
    Status status = Status::Invalid;
    std::string message; // why, for Invalid; a short explanation otherwise
    Objective objective = Objective::Cost;
    int goalMonth = 0;
    // The chosen plan's objective as the solver computes it (NPV of costs, or of net cash flow).
    std::optional<double> objectiveUsd;
    // Proven: no plan meeting the goal is better than this (equal to objectiveUsd when optimal).
    std::optional<double> boundUsd;
    std::optional<double> gapPct; // Limit: 100 x |objective - bound| / |objective|
    std::optional<int> fullPowerMonth;         // of the chosen plan (absolute)
    std::optional<int> earliestFullPowerMonth; // the earliest any choice reaches (absolute)
    std::optional<double> confidencePct;       // confidence goals: the chosen plan's share of trials
    std::vector<Choice> choices;               // one per Decision, in the problem's order
    solver::Plan plan;                         // the chosen plan (dropped items removed)
    long long nodes = 0;
    long long evaluations = 0;
    double seconds = 0.0;
};

// The best objective for each goal month, from the earliest reachable to the plan's last month.
struct FrontierPoint {
    int month = 0; // absolute goal month
    Status status = Status::Optimal;
    std::optional<double> objectiveUsd;
    std::optional<double> boundUsd;
    std::optional<int> fullPowerMonth;
    std::vector<Choice> choices; // the plan that reaches it
};

struct Frontier {
    Status status = Status::Optimal; // Limit when any point stopped early, Invalid/Infeasible as for Answer
    std::string message;
    std::optional<int> earliestFullPowerMonth;
    std::vector<FrontierPoint> points;
    double seconds = 0.0;
};

// The one place the objective is read from the solver's KPIs: the value optimize() minimises
// (Cost: npvCostUsd; Net: -npvNetUsd).
[[nodiscard]] double minimisedValue(Objective objective, const solver::Kpis &kpis) noexcept;
// The objective as reported (minimisedValue with the sign a planner reads).
[[nodiscard]] double reportedValue(Objective objective, const solver::Kpis &kpis) noexcept;
// The objective a plan asks for when none is given: Net when it states a value of compute (the
// plan's price per accelerator-hour or a tranche's own), else Cost.
[[nodiscard]] Objective defaultObjective(const solver::Plan &plan) noexcept;

// Why the problem cannot be optimized (empty: it can).
[[nodiscard]] std::string checkProblem(const Problem &problem, const Goal &goal, Objective objective);

[[nodiscard]] Answer optimize(const Problem &problem, const Goal &goal, Objective objective, const Options &options = {});

// `goal` gives the confidence, trials and seed; its month is ignored.
[[nodiscard]] Frontier frontier(const Problem &problem, const Goal &goal, Objective objective,
                                const Options &options = {});

// The plan with `choices` applied: dropped items removed, order and retire months set.
[[nodiscard]] solver::Plan applyChoices(const solver::Plan &plan, const std::vector<Choice> &choices);

} // namespace cp::optimize
