#include "optimize/optimizer.h"

#include "optimize/relaxation.h"
#include "solver/calendar.h"
#include "solver/datelinks.h"
#include "solver/risk.h"
#include "solver/solver.h"
#include "solver/textformat.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <limits>
#include <numeric>

namespace cp::optimize {

using solver::constructionEndMonth;
using solver::kNever;
using solver::permitEndMonth;
using solver::Plan;
using solver::PowerKind;
using solver::Site;

const char *statusName(Status status) noexcept
{
    switch (status) {
    case Status::Optimal:
        return "optimal";
    case Status::Infeasible:
        return "infeasible";
    case Status::Limit:
        return "limit";
    case Status::Invalid:
        break;
    }
    return "invalid";
}

const char *objectiveName(Objective o) noexcept
{
    return o == Objective::Cost ? "cost" : "net";
}

double minimisedValue(Objective objective, const solver::Kpis &kpis) noexcept
{
    return objective == Objective::Net ? -kpis.npvNetUsd : kpis.npvCostUsd;
}

double reportedValue(Objective objective, const solver::Kpis &kpis) noexcept
{
    return objective == Objective::Cost ? minimisedValue(objective, kpis) : -minimisedValue(objective, kpis);
}

Objective defaultObjective(const solver::Plan &plan) noexcept
{
    bool priced = plan.returns.computePriceUsdPerAcceleratorHour.has_value();
    for (const solver::Site &site : plan.sites)
        for (const solver::Tranche &t : site.tranches)
            priced = priced || t.priceUsdPerAcceleratorHour.has_value();
    return priced && plan.returns.stated ? Objective::Net : Objective::Cost;
}

namespace {

using Clock = std::chrono::steady_clock;
using detail::kInfinity;

constexpr double kRowSlackMw = 1e-6;  // the relaxation's rows allow this much shortfall (floating point)
constexpr double kLpLeaves = 48.0;    // subtrees with more candidate plans than this get an LP bound
constexpr int kMaxChoicesPerItem = 20000;

// Pruning tolerance: a family of plans is dropped when its bound is within this of the best
// plan, so "optimal" means no plan is better by more than one part in a billion.
double tolerance(double value)
{
    return 1e-9 * std::abs(value);
}

std::size_t at(int i)
{
    return static_cast<std::size_t>(i);
}

int relative(int absolute, int start)
{
    return absolute == kNever ? INT_MAX : absolute - start;
}

// An item's written values, whichever list it is in.
struct ItemFacts {
    int orderMonth = 0;
    solver::ThreePoint lead;
    int retireMonth = kNever;
    double mw = 0.0;         // firm MW (sources, 0 for a battery), heat rejection MW (plants), IT MW (tranches)
    double usdPerMwh = 0.0;  // sources: marginal cost of a served MWh
    const std::string *name = nullptr;
};

ItemFacts factsOf(const Plan &plan, const Site &site, ItemList list, int index)
{
    ItemFacts f;
    switch (list) {
    case ItemList::PowerSource: {
        const solver::PowerSource &s = site.sources[at(index)];
        f = { s.orderMonth, s.leadTimeMonths, s.retireMonth, 0.0, 0.0, &s.name };
        if (s.kind != PowerKind::Bess) {
            f.mw = s.capacityMw * s.availabilityPct / 100.0;
            const double energy = s.kind == PowerKind::Grid ? plan.assumptions.electricityUsdPerMwh.mode
                                                             : s.heatRateBtuPerKwh * plan.assumptions.gasUsdPerMmbtu.mode / 1000.0;
            f.usdPerMwh = energy + s.varOmUsdPerMwh;
        }
        break;
    }
    case ItemList::CoolingPlant: {
        const solver::CoolingPlant &p = site.coolingPlants[at(index)];
        f = { p.orderMonth, p.leadTimeMonths, p.retireMonth, p.capacityMw, 0.0, &p.name };
        break;
    }
    case ItemList::Tranche: {
        const solver::Tranche &t = site.tranches[at(index)];
        f = { t.orderMonth, t.leadTimeMonths, t.retireMonth, t.count * t.itKwPerAccelerator.mode / 1000.0, 0.0, &t.name };
        break;
    }
    }
    return f;
}

int listSize(const Site &site, ItemList list)
{
    switch (list) {
    case ItemList::PowerSource:
        return static_cast<int>(site.sources.size());
    case ItemList::CoolingPlant:
        return static_cast<int>(site.coolingPlants.size());
    case ItemList::Tranche:
        break;
    }
    return static_cast<int>(site.tranches.size());
}

const char *listName(ItemList list)
{
    switch (list) {
    case ItemList::PowerSource:
        return "power";
    case ItemList::CoolingPlant:
        return "cooling";
    case ItemList::Tranche:
        break;
    }
    return "compute";
}

struct ItemChoice {
    bool kept = true;
    int orderMonth = 0;
    int retireMonth = kNever;
    double costUsd = 0.0; // NPV of the item's own payments (see Engine::prepare)
};

// Every item of the plan, decided or not: an item nobody decides has one choice, as written.
struct Item {
    int site = 0;
    ItemList list = ItemList::PowerSource;
    int index = 0;
    int decision = -1; // index in Problem::decisions, or -1
    ItemFacts facts;
    std::vector<ItemChoice> choices;
};

template<typename Fn> void forEachList(Fn fn)
{
    fn(ItemList::PowerSource);
    fn(ItemList::CoolingPlant);
    fn(ItemList::Tranche);
}

// One row of the relaxation's coverage: sum over items of coef[choice] >= lower.
struct RowTerm {
    int item = 0;
    std::vector<double> coef; // per choice
    double maxValid = 0.0;    // largest coef over the choices valid for the goal
};
struct Row {
    double lower = 0.0;
    std::vector<RowTerm> terms;
};

// What one search at one goal month found.
struct SearchResult {
    Status status = Status::Infeasible;
    std::optional<double> bestValue; // minimised value
    std::vector<int> best;           // choice per item
    std::optional<int> fullPowerMonth;
    std::optional<double> confidencePct;
    double bound = -std::numeric_limits<double>::infinity();
    long long nodes = 0;
    long long evaluations = 0;
};

constexpr double kUnbounded = std::numeric_limits<double>::infinity();

class Engine
{
public:
    Engine(const Problem &problem, const Goal &goal, Objective objective, const Options &options, Clock::time_point started)
        : m_problem(problem)
        , m_goal(goal)
        , m_objective(objective)
        , m_options(options)
        , m_started(started)
    {
        prepare();
    }

    // The best plan reaching full power by `goalMonth`. `warm`: a plan known to reach it (its
    // choices), to start from. feasibilityOnly: stop at the first plan that reaches it.
    SearchResult search(int goalMonth, const std::vector<int> *warm, bool feasibilityOnly);

    // The earliest goal month the relaxation allows (a lower bound on any plan's full power).
    std::optional<int> earliestRelaxed();

    std::optional<int> earliestReachable(int from, int to, bool *limited);

    [[nodiscard]] std::vector<Choice> choicesOf(const std::vector<int> &assignment) const;
    [[nodiscard]] Plan planOf(const std::vector<int> &assignment, const Plan &base) const;
    [[nodiscard]] bool stopped() const { return m_stop; }
    [[nodiscard]] long long nodes() const { return m_totalNodes; }
    [[nodiscard]] long long evaluations() const { return m_totalEvaluations; }
    void setProgressGoals(int done, int total)
    {
        m_goalsDone = done;
        m_goalsTotal = total;
    }

private:
    void prepare();
    double separableCost(int item, const ItemChoice &choice);
    [[nodiscard]] double separableValue(const solver::Kpis &kpis) const;
    [[nodiscard]] double revenueBound(const Item &item, const ItemChoice &c) const;
    void buildModel(int goalMonth);
    bool assign(int item, int choice);
    void unassign(int item, int choice);
    void markForLp(int item);
    void syncLp();
    double energyBound();
    void dfs(int depth, double costSoFar);
    void leaf();
    bool evaluate(const std::vector<int> &assignment, double *value, std::optional<int> *fullPower);
    bool checkStop();
    void report();
    [[nodiscard]] int arrivalRel(const Item &item, const ItemChoice &c) const
    {
        const double lead = m_goal.confidencePct > 0.0 ? item.facts.lead.low : item.facts.lead.mode;
        return c.orderMonth + solver::wholeMonths(lead) - m_problem.plan.startMonth;
    }
    [[nodiscard]] bool available(const Item &item, const ItemChoice &c, int m) const
    {
        return c.kept && arrivalRel(item, c) <= m && m < relative(c.retireMonth, m_problem.plan.startMonth);
    }
    [[nodiscard]] bool inService(const ItemChoice &c, int m) const
    {
        return c.kept && m < relative(c.retireMonth, m_problem.plan.startMonth);
    }
    [[nodiscard]] int readyRel(const Site &site) const
    {
        const solver::Facility &f = site.facility;
        const bool optimistic = m_goal.confidencePct > 0.0;
        const int permit = f.permitStartMonth + solver::wholeMonths(optimistic ? f.permitMonths.low : f.permitMonths.mode);
        const int build = f.constructionStartMonth + solver::wholeMonths(optimistic ? f.buildMonths.low : f.buildMonths.mode);
        return std::max(permit, build) - m_problem.plan.startMonth;
    }

    const Problem &m_problem;
    Goal m_goal;
    Objective m_objective;
    const Options &m_options;
    Clock::time_point m_started;

    Plan m_base;  // the plan without names (cheap to copy into m_work)
    Plan m_work;  // the candidate being solved
    solver::Solver m_solver;
    solver::Result m_result;
    std::vector<Item> m_items;
    std::vector<std::vector<std::vector<int>>> m_itemAt; // [site][list][index] -> item
    std::vector<double> m_siteConstantUsd; // NPV of each site's facility on its own

    // Per goal month.
    int m_goalRel = 0;
    std::vector<std::vector<char>> m_valid;     // [item][choice]
    std::vector<std::vector<double>> m_cost;    // [item][choice]: separable cost + cloud rent from the goal on
    std::vector<Row> m_rows;
    std::vector<std::vector<std::pair<int, int>>> m_itemRows; // [item] -> (row, term)
    std::vector<double> m_rowMax;
    std::unique_ptr<detail::Relaxation> m_lp;
    std::vector<int> m_column; // first column of each item's choices
    double m_constantUsd = 0.0;   // the sites' facilities on their own (the LP's constant)
    double m_fixedCostUsd = 0.0;  // items with one valid choice left
    std::vector<int> m_order;                // items the search branches on
    std::vector<std::vector<int>> m_byCost;  // [item] -> valid choices by cost
    std::vector<double> m_suffixMin;         // [depth]
    std::vector<double> m_leaves;            // [depth] candidate plans below
    std::vector<int> m_assigned;             // [item] -> choice or -1
    int m_energyMonths = 0;                  // energyBound() covers plan months [0, this)
    std::vector<double> m_hoursDiscount;     // [plan month] hours x discount x utilization
    std::vector<double> m_siteUsdPerMwh;     // [site] cheapest marginal cost of any source (0: none)
    std::vector<double> m_siteKwMax;         // [site] largest IT kW per accelerator
    std::vector<std::vector<double>> m_delta; // scratch: [site] IT, firm, cooling changes by month
    std::vector<char> m_lpStale;             // [item]: its LP bounds lag its assignment
    std::vector<int> m_lpStaleItems;
    bool m_boundsValid = true;
    bool m_feasibilityOnly = false;

    // Search state.
    SearchResult m_out;
    double m_openBound = kUnbounded;
    bool m_stop = false;  // time limit or cancel
    bool m_done = false;  // feasibility search found a plan
    long long m_totalNodes = 0;
    long long m_totalEvaluations = 0;
    Clock::time_point m_lastReport;
    int m_goalsDone = 0;
    int m_goalsTotal = 1;
};

void Engine::prepare()
{
    const Plan &plan = m_problem.plan;
    m_base = plan;
    for (Site &site : m_base.sites) {
        for (auto &t : site.tranches)
            t.name.clear();
        for (auto &s : site.sources)
            s.name.clear();
        for (auto &p : site.coolingPlants)
            p.name.clear();
    }
    m_itemAt.assign(plan.sites.size(), std::vector<std::vector<int>>(3));
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        forEachList([&](ItemList list) {
            const int n = listSize(plan.sites[s], list);
            auto &slots = m_itemAt[s][static_cast<std::size_t>(list)];
            for (int i = 0; i < n; ++i) {
                Item item;
                item.site = static_cast<int>(s);
                item.list = list;
                item.index = i;
                item.facts = factsOf(plan, plan.sites[s], list, i);
                slots.push_back(static_cast<int>(m_items.size()));
                m_items.push_back(std::move(item));
            }
        });
    }
    for (std::size_t d = 0; d < m_problem.decisions.size(); ++d) {
        const Decision &dec = m_problem.decisions[d];
        m_items[at(m_itemAt[at(dec.site)][static_cast<std::size_t>(dec.list)][at(dec.index)])].decision = static_cast<int>(d);
    }

    // The choices of each item: dropped (when optional), then every order month x retire month.
    for (Item &item : m_items) {
        const Decision *dec = item.decision >= 0 ? &m_problem.decisions[at(item.decision)] : nullptr;
        if (dec && dec->optional)
            item.choices.push_back({ false, item.facts.orderMonth, item.facts.retireMonth, 0.0 });
        std::vector<int> orders, retires;
        if (dec && dec->orderWindow)
            for (int m = dec->orderWindow->earliest; m <= dec->orderWindow->latest; ++m)
                orders.push_back(m);
        else
            orders.push_back(item.facts.orderMonth);
        if (dec && dec->retireWindow) {
            for (int m = dec->retireWindow->earliest; m <= dec->retireWindow->latest; ++m)
                retires.push_back(m);
            if (dec->retireWindow->none)
                retires.push_back(kNever);
        } else {
            retires.push_back(item.facts.retireMonth);
        }
        for (int o : orders)
            for (int r : retires)
                item.choices.push_back({ true, o, r, 0.0 });
    }

    // Separable costs. Every payment of an item (capex, rent, fixed O&M) depends only on its own
    // order and retire months, so the NPV of a plan is each site's facility on its own plus each
    // item's own payments plus what depends on who is energized (energy, fuel, variable O&M,
    // cloud rent). The first two parts are measured with the solver itself: a site with only its
    // facility, and the same site with one item added (nothing can be energized in either).
    m_siteConstantUsd.assign(plan.sites.size(), 0.0);
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        Plan single = m_base;
        single.sites = { m_base.sites[s] };
        single.sites[0].tranches.clear();
        single.sites[0].sources.clear();
        single.sites[0].coolingPlants.clear();
        m_solver.solve(single, m_result, { false, false, -1 });
        m_siteConstantUsd[s] = separableValue(m_result.kpis);
    }
    for (std::size_t i = 0; i < m_items.size(); ++i)
        for (ItemChoice &c : m_items[i].choices)
            c.costUsd = c.kept ? separableCost(static_cast<int>(i), c) : 0.0;
    m_lastReport = Clock::now();
}

double Engine::separableCost(int itemIndex, const ItemChoice &c)
{
    const Item &item = m_items[at(itemIndex)];
    Plan single = m_base;
    single.sites = { m_base.sites[at(item.site)] };
    Site &site = single.sites[0];
    const auto keepOnly = [&](auto &list) {
        auto one = list[at(item.index)];
        one.orderMonth = c.orderMonth;
        one.retireMonth = c.retireMonth;
        list.assign(1, one);
    };
    switch (item.list) {
    case ItemList::PowerSource:
        keepOnly(site.sources);
        site.coolingPlants.clear();
        site.tranches.clear();
        break;
    case ItemList::CoolingPlant:
        keepOnly(site.coolingPlants);
        site.sources.clear();
        site.tranches.clear();
        break;
    case ItemList::Tranche:
        keepOnly(site.tranches);
        site.sources.clear();
        site.coolingPlants.clear();
        break;
    }
    m_solver.solve(single, m_result, { false, false, -1 });
    double value = separableValue(m_result.kpis) - m_siteConstantUsd[at(item.site)];
    if (m_objective == Objective::Net && item.list == ItemList::Tranche)
        value -= revenueBound(item, c);
    return value;
}

// What the item alone adds to the minimised value, energy aside. Cost: its NPV of payments.
// Net: those less the NPV of its residual value (book value at the horizon, salvage when it
// retires), which depends only on its own months too. Nothing is energized in these solves, so
// they earn nothing: revenue is bounded apart (revenueBound).
double Engine::separableValue(const solver::Kpis &kpis) const
{
    return m_objective == Objective::Net ? kpis.npvCostUsd - kpis.npvResidualValueUsd : kpis.npvCostUsd;
}

// The most a tranche can earn (NPV of revenue) under a choice: every accelerator energized and
// sold from the end of its burn-in after delivery, and not before its building is ready, until
// it retires or the plan ends. The solver earns no more: revenue needs an energized, delivered
// accelerator past its burn-in in a ready building (plan as solved: durations at their modes). An upper bound, so the bound on -NPV(net) stays a lower
// bound and pruning stays exact.
double Engine::revenueBound(const Item &item, const ItemChoice &c) const
{
    if (!c.kept)
        return 0.0;
    const Plan &plan = m_problem.plan;
    const solver::Tranche &t = plan.sites[at(item.site)].tranches[at(item.index)];
    const solver::Returns &returns = plan.returns;
    const double price = t.priceUsdPerAcceleratorHour ? t.priceUsdPerAcceleratorHour->mode
                                                      : returns.computePriceUsdPerAcceleratorHour.value_or(solver::ThreePoint{}).mode;
    const double soldPerHour = t.count * price * t.soldPct.value_or(plan.assumptions.utilizationPct) / 100.0;
    if (!(soldPerHour > 0.0))
        return 0.0;
    const int start = plan.startMonth;
    // Nothing is energized before its building is ready (durations at their modes, as solved).
    const int readyRel = solver::readyMonth(plan.sites[at(item.site)].facility) - start;
    const int from = std::max({ 0, readyRel,
                                c.orderMonth + solver::wholeMonths(item.facts.lead.mode) - start + returns.burnInMonths });
    const int until = std::min(relative(c.retireMonth, start), plan.horizonMonths);
    const double rate = plan.assumptions.discountRatePct / 100.0;
    double hours = 0.0;
    for (int m = from; m < until; ++m)
        hours += solver::hoursInMonth(start + m) * std::pow(1.0 + rate, -m / 12.0);
    return soldPerHour * hours;
}

void Engine::buildModel(int goalMonth)
{
    const Plan &plan = m_problem.plan;
    const int start = plan.startMonth;
    const int horizon = plan.horizonMonths;
    m_goalRel = goalMonth - start;
    const bool deterministic = m_goal.confidencePct <= 0.0;
    const double rate = plan.assumptions.discountRatePct / 100.0;
    const double utilization = plan.assumptions.utilizationPct / 100.0;
    // Sum of hours x discount over plan months [a, b).
    const auto weight = [&](int a, int b) {
        double w = 0.0;
        for (int m = std::max(a, 0); m < std::min(b, horizon); ++m)
            w += solver::hoursInMonth(start + m) * std::pow(1.0 + rate, -m / 12.0);
        return w;
    };

    // Below the goal the energy is bounded in the search (energyBound); from the goal on, the
    // LP bounds it for deterministic goals. A confidence goal's plan need not be full after the
    // goal as solved, so there the search bounds every month.
    m_energyMonths = utilization > 0.0 ? (deterministic ? std::min(m_goalRel, horizon) : horizon) : 0;
    m_hoursDiscount.assign(at(std::max(m_energyMonths, 0)), 0.0);
    for (int m = 0; m < m_energyMonths; ++m)
        m_hoursDiscount[at(m)] = solver::hoursInMonth(start + m) * std::pow(1.0 + rate, -m / 12.0) * utilization;
    m_siteUsdPerMwh.assign(plan.sites.size(), 0.0);
    m_siteKwMax.assign(plan.sites.size(), 0.0);
    m_delta.resize(plan.sites.size());
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        double cheapest = std::numeric_limits<double>::infinity();
        for (const int i : m_itemAt[s][static_cast<std::size_t>(ItemList::PowerSource)])
            if (m_items[at(i)].facts.mw > 0.0)
                cheapest = std::min(cheapest, m_items[at(i)].facts.usdPerMwh);
        m_siteUsdPerMwh[s] = std::isfinite(cheapest) ? std::max(cheapest, 0.0) : 0.0;
        for (const solver::Tranche &t : plan.sites[s].tranches)
            m_siteKwMax[s] = std::max(m_siteKwMax[s], t.itKwPerAccelerator.mode);
    }

    const std::size_t n = m_items.size();
    m_valid.assign(n, {});
    m_cost.assign(n, {});
    for (std::size_t i = 0; i < n; ++i) {
        const Item &item = m_items[i];
        const Site &site = plan.sites[at(item.site)];
        m_valid[i].assign(item.choices.size(), 1);
        m_cost[i].resize(item.choices.size());
        for (std::size_t j = 0; j < item.choices.size(); ++j) {
            const ItemChoice &c = item.choices[j];
            m_cost[i][j] = c.costUsd;
            if (item.list != ItemList::Tranche || !c.kept)
                continue;
            // A tranche still in service at the goal must be delivered by then.
            if (inService(c, m_goalRel) && arrivalRel(item, c) > m_goalRel)
                m_valid[i][j] = 0;
            // A cloud-partner site pays rent for every accelerator-hour from the goal on.
            if (deterministic && site.cloudPartner) {
                const solver::Tranche &t = site.tranches[at(item.index)];
                m_cost[i][j] += t.count * t.rentUsdPerAcceleratorHour.mode
                    * weight(m_goalRel, std::min(relative(c.retireMonth, start), horizon));
            }
        }
    }

    // Coverage rows: from the goal to the plan's end, every tranche in service is energized,
    // so at each month the building, its cooling and its firm power carry all of them.
    m_rows.clear();
    m_lp = std::make_unique<detail::Relaxation>();
    m_column.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        m_column[i] = m_lp->columnCount();
        for (std::size_t j = 0; j < m_items[i].choices.size(); ++j)
            m_lp->addColumn(m_cost[i][j], 0.0, m_valid[i][j] ? 1.0 : 0.0, true);
    }
    m_constantUsd = std::accumulate(m_siteConstantUsd.begin(), m_siteConstantUsd.end(), 0.0);

    std::vector<std::pair<int, double>> terms;
    for (std::size_t i = 0; i < n; ++i) {
        terms.clear();
        for (std::size_t j = 0; j < m_items[i].choices.size(); ++j)
            terms.emplace_back(m_column[i] + static_cast<int>(j), 1.0);
        m_lp->addRow(terms, 1.0, 1.0);
    }

    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const Site &site = plan.sites[s];
        const int ready = readyRel(site);
        std::vector<int> siteItems;
        for (const auto &slots : m_itemAt[s])
            siteItems.insert(siteItems.end(), slots.begin(), slots.end());
        // Months where anything could change: the goal, every candidate arrival and retirement.
        std::vector<int> months { m_goalRel };
        const auto consider = [&](int m) {
            if (m > m_goalRel && m < horizon)
                months.push_back(m);
        };
        consider(ready);
        for (int i : siteItems) {
            const Item &item = m_items[at(i)];
            for (const ItemChoice &c : item.choices) {
                if (!c.kept)
                    continue;
                consider(arrivalRel(item, c));
                consider(relative(c.retireMonth, start));
            }
        }
        std::sort(months.begin(), months.end());
        months.erase(std::unique(months.begin(), months.end()), months.end());
        if (m_goalRel >= horizon)
            months.clear();

        for (std::size_t k = 0; k < months.size(); ++k) {
            const int m = months[k];
            Row power, cooling, it;
            power.lower = -kRowSlackMw;
            cooling.lower = -(m >= ready ? site.facility.coolingMw : 0.0) - kRowSlackMw;
            it.lower = -(m >= ready ? site.facility.itCapacityMw : 0.0) - kRowSlackMw;
            for (int i : siteItems) {
                const Item &item = m_items[at(i)];
                RowTerm term;
                term.item = i;
                term.coef.resize(item.choices.size());
                bool any = false;
                for (std::size_t j = 0; j < item.choices.size(); ++j) {
                    const ItemChoice &c = item.choices[j];
                    double v = 0.0;
                    if (item.list == ItemList::Tranche)
                        v = inService(c, m) ? -item.facts.mw : 0.0;
                    else
                        v = available(item, c, m) ? item.facts.mw : 0.0;
                    term.coef[j] = v;
                    any = any || v != 0.0;
                }
                if (!any)
                    continue;
                if (item.list == ItemList::Tranche) {
                    RowTerm scaled = term;
                    for (double &v : scaled.coef)
                        v *= site.pue.mode;
                    power.terms.push_back(std::move(scaled));
                    cooling.terms.push_back(term);
                    it.terms.push_back(std::move(term));
                } else if (item.list == ItemList::PowerSource) {
                    power.terms.push_back(std::move(term));
                } else {
                    cooling.terms.push_back(std::move(term));
                }
            }
            for (Row *row : { &power, &cooling, &it })
                m_rows.push_back(std::move(*row));

            // Energy from the goal on, served in merit order at least as cheaply as the LP
            // finds (deterministic goals only: a confidence goal need not be full in the plan
            // as solved, so its relaxation counts no energy).
            if (!deterministic || site.cloudPartner || utilization <= 0.0)
                continue;
            const int end = k + 1 < months.size() ? months[k + 1] : horizon;
            const double w = weight(m, end) * utilization;
            std::vector<std::pair<int, double>> demand;
            for (int i : siteItems) {
                const Item &item = m_items[at(i)];
                if (item.list == ItemList::Tranche) {
                    for (std::size_t j = 0; j < item.choices.size(); ++j)
                        if (inService(item.choices[j], m))
                            demand.emplace_back(m_column[at(i)] + static_cast<int>(j), -site.pue.mode * item.facts.mw);
                    continue;
                }
                if (item.list != ItemList::PowerSource || item.facts.mw <= 0.0)
                    continue;
                std::vector<std::pair<int, double>> cap;
                for (std::size_t j = 0; j < item.choices.size(); ++j)
                    if (available(item, item.choices[j], m))
                        cap.emplace_back(m_column[at(i)] + static_cast<int>(j), -item.facts.mw);
                if (cap.empty())
                    continue;
                const int q = m_lp->addColumn(item.facts.usdPerMwh * w, 0.0, item.facts.mw, false);
                cap.emplace_back(q, 1.0);
                m_lp->addRow(cap, -kInfinity, 0.0);
                demand.emplace_back(q, 1.0);
            }
            m_lp->addRow(demand, -kRowSlackMw * site.pue.mode, kInfinity);
        }
    }
    for (const Row &row : m_rows) {
        terms.clear();
        for (const RowTerm &t : row.terms)
            for (std::size_t j = 0; j < t.coef.size(); ++j)
                if (t.coef[j] != 0.0)
                    terms.emplace_back(m_column[at(t.item)] + static_cast<int>(j), t.coef[j]);
        m_lp->addRow(terms, row.lower, kInfinity);
    }
    m_lp->load();

    // Cheap bounds for the search: each row's largest reachable sum.
    m_itemRows.assign(n, {});
    m_rowMax.assign(m_rows.size(), 0.0);
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        for (std::size_t k = 0; k < m_rows[r].terms.size(); ++k) {
            RowTerm &t = m_rows[r].terms[k];
            t.maxValid = -std::numeric_limits<double>::infinity();
            for (std::size_t j = 0; j < t.coef.size(); ++j)
                if (m_valid[at(t.item)][j])
                    t.maxValid = std::max(t.maxValid, t.coef[j]);
            if (!std::isfinite(t.maxValid))
                t.maxValid = 0.0; // the item has no valid choice: the search stops before this matters
            m_rowMax[r] += t.maxValid;
            m_itemRows[at(t.item)].emplace_back(static_cast<int>(r), static_cast<int>(k));
        }
    }
}

bool Engine::assign(int item, int choice)
{
    m_assigned[at(item)] = choice;
    bool ok = true;
    for (const auto &[r, k] : m_itemRows[at(item)]) {
        const RowTerm &t = m_rows[at(r)].terms[at(k)];
        m_rowMax[at(r)] += t.coef[at(choice)] - t.maxValid;
        ok = ok && m_rowMax[at(r)] >= m_rows[at(r)].lower;
    }
    markForLp(item);
    return ok;
}

void Engine::unassign(int item, int choice)
{
    m_assigned[at(item)] = -1;
    for (const auto &[r, k] : m_itemRows[at(item)]) {
        const RowTerm &t = m_rows[at(r)].terms[at(k)];
        m_rowMax[at(r)] -= t.coef[at(choice)] - t.maxValid;
    }
    markForLp(item);
}

void Engine::markForLp(int item)
{
    if (!m_lpStale[at(item)]) {
        m_lpStale[at(item)] = 1;
        m_lpStaleItems.push_back(item);
    }
}

// The LP's column bounds follow the assignment lazily: only items changed since the last LP
// solve are touched, and only when an LP is solved (most nodes never solve one).
void Engine::syncLp()
{
    for (const int item : m_lpStaleItems) {
        const int base = m_column[at(item)];
        const int chosen = m_assigned[at(item)];
        for (std::size_t j = 0; j < m_valid[at(item)].size(); ++j) {
            const double upper = m_valid[at(item)][j] && (chosen < 0 || chosen == static_cast<int>(j)) ? 1.0 : 0.0;
            if (m_lp->columnUpper(base + static_cast<int>(j)) != upper)
                m_lp->setColumnUpper(base + static_cast<int>(j), upper);
        }
        m_lpStale[at(item)] = 0;
    }
    m_lpStaleItems.clear();
}

// Energy, fuel and variable O&M the solver charges in months [0, m_energyMonths), from below,
// using only the items already assigned: every other item can only add delivered accelerators,
// firm power or cooling, and the energized IT load (delivered, within the budget) never falls
// when they grow, less the floor() of whole accelerators (under one accelerator per tranche, at
// most the largest IT kW). Served at no less than the site's cheapest marginal cost.
double Engine::energyBound()
{
    const Plan &plan = m_problem.plan;
    const int months = m_energyMonths;
    if (months <= 0)
        return 0.0;
    double usd = 0.0;
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const Site &site = plan.sites[s];
        if (site.cloudPartner || m_siteUsdPerMwh[s] <= 0.0)
            continue;
        // Changes at each month: [0] delivered IT MW, [1] firm MW, [2] plants' cooling MW.
        std::vector<double> &d = m_delta[s];
        d.assign(3 * static_cast<std::size_t>(months + 1), 0.0);
        const auto add = [&](int kind, int from, int to, double mw) {
            from = std::max(from, 0);
            to = std::min(to, months);
            if (from >= to)
                return;
            d[3 * at(from) + at(kind)] += mw;
            d[3 * at(to) + at(kind)] -= mw;
        };
        bool any = false;
        for (const auto &slots : m_itemAt[s]) {
            for (const int i : slots) {
                const int j = m_assigned[at(i)];
                if (j < 0)
                    continue;
                const Item &item = m_items[at(i)];
                const ItemChoice &c = item.choices[at(j)];
                if (!c.kept || item.facts.mw <= 0.0)
                    continue;
                // The plan as solved: lead times at their modes.
                const int arrival = c.orderMonth + solver::wholeMonths(item.facts.lead.mode) - plan.startMonth;
                const int retire = relative(c.retireMonth, plan.startMonth);
                const int kind = item.list == ItemList::Tranche ? 0 : item.list == ItemList::PowerSource ? 1 : 2;
                add(kind, arrival, retire, item.facts.mw);
                any = any || kind == 0;
            }
        }
        if (!any)
            continue;
        const int ready = std::max(permitEndMonth(site.facility), constructionEndMonth(site.facility)) - plan.startMonth;
        double it = 0.0, firm = 0.0, cooling = 0.0;
        for (int m = 0; m < months; ++m) {
            it += d[3 * at(m)];
            firm += d[3 * at(m) + 1];
            cooling += d[3 * at(m) + 2];
            if (m < ready)
                continue;
            const double budget = std::min(site.facility.itCapacityMw,
                                           std::min(site.facility.coolingMw + cooling, firm / site.pue.mode));
            const double energizedMw = std::min(it, budget - m_siteKwMax[s] / 1000.0);
            if (energizedMw > 0.0)
                usd += energizedMw * site.pue.mode * m_hoursDiscount[at(m)] * m_siteUsdPerMwh[s];
        }
    }
    return usd;
}

Plan Engine::planOf(const std::vector<int> &assignment, const Plan &base) const
{
    Plan plan = base;
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        Site &site = plan.sites[s];
        const Site &from = base.sites[s];
        const auto rebuild = [&](auto &list, const auto &original, ItemList kind) {
            list.clear();
            const auto &slots = m_itemAt[s][static_cast<std::size_t>(kind)];
            for (std::size_t i = 0; i < original.size(); ++i) {
                const int item = slots[i];
                const ItemChoice &c = m_items[at(item)].choices[at(assignment[at(item)])];
                if (!c.kept)
                    continue;
                list.push_back(original[i]);
                list.back().orderMonth = c.orderMonth;
                list.back().retireMonth = c.retireMonth;
            }
        };
        rebuild(site.sources, from.sources, ItemList::PowerSource);
        rebuild(site.coolingPlants, from.coolingPlants, ItemList::CoolingPlant);
        rebuild(site.tranches, from.tranches, ItemList::Tranche);
    }
    solver::applyDateLinks(plan); // a moved grid moves the retirement linked to it
    return plan;
}

std::vector<Choice> Engine::choicesOf(const std::vector<int> &assignment) const
{
    std::vector<Choice> out;
    const Plan &plan = m_problem.plan;
    for (const Decision &d : m_problem.decisions) {
        const int item = m_itemAt[at(d.site)][static_cast<std::size_t>(d.list)][at(d.index)];
        const ItemChoice &c = m_items[at(item)].choices[at(assignment[at(item)])];
        Choice choice;
        choice.site = d.site;
        choice.list = d.list;
        choice.index = d.index;
        choice.siteName = plan.sites[at(d.site)].name;
        choice.itemName = *m_items[at(item)].facts.name;
        choice.kept = c.kept;
        choice.orderMonth = c.orderMonth;
        choice.retireMonth = c.retireMonth;
        out.push_back(std::move(choice));
    }
    return out;
}

bool Engine::evaluate(const std::vector<int> &assignment, double *value, std::optional<int> *fullPower)
{
    ++m_out.evaluations;
    ++m_totalEvaluations;
    m_work = planOf(assignment, m_base);
    m_solver.solve(m_work, m_result, { false, false, -1 });
    *value = minimisedValue(m_objective, m_result.kpis);
    *fullPower = m_result.kpis.fullPowerMonth;
    const int goal = m_problem.plan.startMonth + m_goalRel;
    if (m_goal.confidencePct <= 0.0)
        return fullPower->has_value() && **fullPower <= goal;
    return true; // the caller runs the trials only for plans worth keeping
}

bool Engine::checkStop()
{
    if (m_stop)
        return true;
    if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed))
        m_stop = true;
    else if (m_options.timeLimitSeconds > 0.0
             && std::chrono::duration<double>(Clock::now() - m_started).count() > m_options.timeLimitSeconds)
        m_stop = true;
    if (m_options.progress && Clock::now() - m_lastReport > std::chrono::milliseconds(100))
        report();
    return m_stop;
}

void Engine::report()
{
    m_lastReport = Clock::now();
    if (!m_options.progress)
        return;
    Progress p;
    p.nodes = m_totalNodes;
    p.evaluations = m_totalEvaluations;
    if (m_out.bestValue)
        p.bestUsd = m_objective == Objective::Cost ? *m_out.bestValue : -*m_out.bestValue;
    p.goalsDone = m_goalsDone;
    p.goalsTotal = m_goalsTotal;
    m_options.progress(p);
}

void Engine::leaf()
{
    double value = 0.0;
    std::optional<int> fullPower;
    std::optional<double> confidence;
    if (!evaluate(m_assigned, &value, &fullPower))
        return;
    if (!m_feasibilityOnly && m_out.bestValue && value >= *m_out.bestValue - tolerance(*m_out.bestValue))
        return;
    if (m_goal.confidencePct > 0.0) {
        solver::RiskOptions risk;
        risk.trials = m_goal.trials;
        risk.seed = m_goal.seed;
        risk.targetMonth = m_problem.plan.startMonth + m_goalRel;
        risk.threads = m_options.riskThreads;
        risk.tornado = false;
        risk.cancel = m_options.cancel;
        const solver::RiskResult r = solver::runRisk(m_work, risk);
        if (r.cancelled) {
            m_stop = true;
            return;
        }
        confidence = 100.0 * r.probabilityFullPowerBy;
        if (*confidence + 1e-9 < m_goal.confidencePct)
            return;
    }
    m_out.bestValue = value;
    m_out.best = m_assigned;
    m_out.fullPowerMonth = fullPower;
    m_out.confidencePct = confidence;
    if (m_feasibilityOnly)
        m_done = true;
}

void Engine::dfs(int depth, double costSoFar)
{
    ++m_out.nodes;
    ++m_totalNodes;
    if ((m_totalNodes & 63) == 0 && checkStop())
        return;
    double bound = m_constantUsd + m_fixedCostUsd + costSoFar + m_suffixMin[at(depth)];
    const auto pruned = [&](double b) {
        return m_boundsValid && !m_feasibilityOnly && m_out.bestValue && b >= *m_out.bestValue - tolerance(*m_out.bestValue);
    };
    if (pruned(bound))
        return;
    // The energy before the goal (which neither bound above counts), from the items assigned so far.
    const double early = m_boundsValid && !m_feasibilityOnly && m_out.bestValue ? energyBound() : 0.0;
    bound += early;
    if (pruned(bound))
        return;
    if (depth == static_cast<int>(m_order.size())) {
        leaf();
        return;
    }
    const int item = m_order[at(depth)];
    std::vector<int> children = m_byCost[at(item)];
    if (m_leaves[at(depth)] > kLpLeaves) {
        syncLp();
        const detail::Relaxation::LpResult lp = m_lp->solveLp();
        if (!lp.feasible)
            return;
        if (m_boundsValid)
            bound = std::max(bound, lp.value + m_constantUsd + early);
        if (pruned(bound))
            return;
        const int base = m_column[at(item)];
        std::stable_sort(children.begin(), children.end(),
                         [&](int a, int b) { return lp.x[base + a] > lp.x[base + b] + 1e-9; });
    }
    for (std::size_t c = 0; c < children.size(); ++c) {
        if (m_stop || m_done) {
            if (m_stop)
                m_openBound = std::min(m_openBound, bound);
            return;
        }
        const int j = children[c];
        if (assign(item, j))
            dfs(depth + 1, costSoFar + m_cost[at(item)][at(j)]);
        unassign(item, j);
    }
}

SearchResult Engine::search(int goalMonth, const std::vector<int> *warm, bool feasibilityOnly)
{
    m_out = SearchResult();
    m_openBound = kUnbounded;
    m_done = false;
    m_feasibilityOnly = feasibilityOnly;
    m_boundsValid = true; // Net: revenue has no bound here yet; set false so only feasibility prunes
    buildModel(goalMonth);

    const std::size_t n = m_items.size();
    m_assigned.assign(n, -1);
    m_lpStale.assign(n, 0);
    m_lpStaleItems.clear();
    m_byCost.assign(n, {});
    m_order.clear();
    std::vector<double> minCost(n, 0.0), spread(n, 0.0);
    double fixedCost = 0.0;
    bool ok = true;
    std::vector<std::pair<int, int>> preassigned;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m_valid[i].size(); ++j)
            if (m_valid[i][j])
                m_byCost[i].push_back(static_cast<int>(j));
        std::stable_sort(m_byCost[i].begin(), m_byCost[i].end(),
                         [&](int a, int b) { return m_cost[i][at(a)] < m_cost[i][at(b)]; });
        if (m_byCost[i].empty()) {
            ok = false;
            continue;
        }
        minCost[i] = m_cost[i][at(m_byCost[i].front())];
        spread[i] = m_cost[i][at(m_byCost[i].back())] - minCost[i];
        if (m_byCost[i].size() == 1)
            preassigned.emplace_back(static_cast<int>(i), m_byCost[i].front());
        else
            m_order.push_back(static_cast<int>(i));
    }
    for (const auto &[i, j] : preassigned) {
        ok = assign(i, j) && ok;
        fixedCost += m_cost[at(i)][at(j)];
    }
    // Tranches first (what is delivered when drives the energy bound), then the items whose
    // choices differ most in cost, so bounds bite near the root.
    std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
        const bool ta = m_items[at(a)].list == ItemList::Tranche, tb = m_items[at(b)].list == ItemList::Tranche;
        return ta != tb ? ta : spread[at(a)] > spread[at(b)];
    });
    const std::size_t depthCount = m_order.size();
    m_suffixMin.assign(depthCount + 1, 0.0);
    m_leaves.assign(depthCount + 1, 1.0);
    for (std::size_t d = depthCount; d-- > 0;) {
        const int i = m_order[d];
        m_suffixMin[d] = m_suffixMin[d + 1] + minCost[at(i)];
        m_leaves[d] = std::min(1e300, m_leaves[d + 1] * static_cast<double>(m_byCost[at(i)].size()));
    }
    for (std::size_t r = 0; ok && r < m_rows.size(); ++r)
        ok = m_rowMax[r] >= m_rows[r].lower;
    if (!ok) {
        m_out.status = Status::Infeasible;
        return m_out;
    }
    m_fixedCostUsd = fixedCost;
    const double lpConstant = m_constantUsd; // the LP's columns carry every item's cost

    // A known plan first (the previous goal's answer on a frontier).
    if (warm) {
        m_assigned = *warm;
        leaf();
        m_assigned.assign(n, -1);
        for (const auto &[i, j] : preassigned)
            m_assigned[at(i)] = j;
        if (m_done)
            return m_out;
    }

    // The MILP over every choice at once (CBC): a proven bound for every plan, and a candidate.
    double milpBound = -kUnbounded;
    // On a frontier the previous month's answer is a good start, and the search's own LP bounds
    // close the gap faster than a fresh MILP (CBC's root solve alone costs more than the search).
    if (!checkStop() && !(warm && m_out.bestValue)) {
        double seconds = 5.0;
        if (m_options.timeLimitSeconds > 0.0)
            seconds = std::min(seconds, m_options.timeLimitSeconds
                                            - std::chrono::duration<double>(Clock::now() - m_started).count());
        syncLp();
        const detail::Relaxation::MilpResult milp = m_lp->solveMilp(seconds, feasibilityOnly);
        if (milp.status == detail::Relaxation::MilpResult::Status::Infeasible) {
            m_out.status = Status::Infeasible;
            return m_out;
        }
        if (!feasibilityOnly && m_boundsValid && milp.bound > -kInfinity)
            milpBound = milp.bound + lpConstant;
        if (!milp.x.empty()) {
            std::vector<int> candidate(n, -1);
            for (std::size_t i = 0; i < n; ++i) {
                double best = -1.0;
                for (std::size_t j = 0; j < m_valid[i].size(); ++j) {
                    const double v = milp.x[at(m_column[i]) + j];
                    if (m_valid[i][j] && v > best) {
                        best = v;
                        candidate[i] = static_cast<int>(j);
                    }
                }
            }
            const std::vector<int> saved = m_assigned;
            m_assigned = candidate;
            leaf();
            m_assigned = saved;
        }
    }

    const bool closed = m_out.bestValue && *m_out.bestValue - milpBound <= tolerance(*m_out.bestValue);
    if (!m_done && !closed && !m_stop)
        dfs(0, 0.0);
    if (m_done) {
        m_out.status = Status::Optimal;
        return m_out;
    }
    if (m_stop) {
        m_out.status = Status::Limit;
        double bound = m_openBound;
        if (m_out.bestValue)
            bound = std::min(bound, *m_out.bestValue);
        m_out.bound = std::max(bound, milpBound);
        if (m_out.bestValue)
            m_out.bound = std::min(m_out.bound, *m_out.bestValue);
        return m_out;
    }
    m_out.status = m_out.bestValue ? Status::Optimal : Status::Infeasible;
    if (m_out.bestValue)
        m_out.bound = *m_out.bestValue;
    return m_out;
}

std::optional<int> Engine::earliestRelaxed()
{
    // Monotone: a plan full from month g is full from g + 1, and the relaxation at g + 1 drops
    // rows. Bisect on the LP's feasibility.
    const Plan &plan = m_problem.plan;
    const auto feasible = [&](int goal) {
        buildModel(goal);
        const std::size_t n = m_items.size();
        for (std::size_t i = 0; i < n; ++i)
            if (std::find(m_valid[i].begin(), m_valid[i].end(), 1) == m_valid[i].end())
                return false;
        for (std::size_t r = 0; r < m_rows.size(); ++r)
            if (m_rowMax[r] < m_rows[r].lower)
                return false;
        return m_lp->solveLp().feasible;
    };
    int lo = plan.startMonth;
    int hi = plan.startMonth + plan.horizonMonths - 1;
    if (!feasible(hi))
        return std::nullopt;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (feasible(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

std::optional<int> Engine::earliestReachable(int from, int to, bool *limited)
{
    *limited = false;
    for (int g = from; g <= to; ++g) {
        const SearchResult r = search(g, nullptr, true);
        if (r.status == Status::Optimal && r.bestValue)
            return g;
        if (r.status == Status::Limit) {
            *limited = true;
            return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace

std::string checkProblem(const Problem &problem, const Goal &goal, Objective objective)
{
    const Plan &plan = problem.plan;
    if (objective == Objective::Net && !plan.returns.stated)
        return "the net objective needs what the plan earns: state a value of compute "
               "(computePriceUsdPerAcceleratorHour) or a residual value, or use the cost objective";
    const int first = plan.startMonth;
    const int last = plan.startMonth + plan.horizonMonths - 1;
    if (goal.fullPowerBy < first || goal.fullPowerBy > last)
        return solver::text::concat("the goal month ", solver::text::monthLabel(goal.fullPowerBy),
                                    " is outside the plan (", solver::text::monthLabel(first), " to ",
                                    solver::text::monthLabel(last), ")");
    if (goal.confidencePct < 0.0 || goal.confidencePct > 100.0 || !std::isfinite(goal.confidencePct))
        return "the confidence must be a percentage from 0 to 100";
    if (goal.confidencePct > 0.0 && goal.trials < 1)
        return "a confidence goal needs at least one risk trial";
    std::vector<std::vector<std::vector<char>>> seen(plan.sites.size(), std::vector<std::vector<char>>(3));
    for (std::size_t s = 0; s < plan.sites.size(); ++s)
        forEachList([&](ItemList list) { seen[s][static_cast<std::size_t>(list)].assign(at(listSize(plan.sites[s], list)), 0); });
    for (const Decision &d : problem.decisions) {
        if (d.site < 0 || at(d.site) >= plan.sites.size())
            return "a decision names site " + std::to_string(d.site) + ", which the plan does not have";
        const Site &site = plan.sites[at(d.site)];
        if (d.index < 0 || d.index >= listSize(site, d.list))
            return solver::text::concat(site.name, ": a decision names ", listName(d.list), " item ",
                                        std::to_string(d.index), ", which the site does not have");
        char &mark = seen[at(d.site)][static_cast<std::size_t>(d.list)][at(d.index)];
        const std::string &name = *factsOf(plan, site, d.list, d.index).name;
        if (mark)
            return solver::text::concat(site.name, " / ", name, ": decided twice");
        mark = 1;
        if (d.orderWindow && d.orderWindow->earliest > d.orderWindow->latest)
            return solver::text::concat(site.name, " / ", name, ": the order window ends before it starts");
        if (d.retireWindow && d.list == ItemList::Tranche)
            return solver::text::concat(site.name, " / ", name, ": compute tranches have no retire window");
        if (d.retireWindow && d.retireWindow->earliest > d.retireWindow->latest)
            return solver::text::concat(site.name, " / ", name, ": the retire window ends before it starts");
        const long long orders = d.orderWindow ? d.orderWindow->latest - d.orderWindow->earliest + 1LL : 1LL;
        const long long retires = d.retireWindow ? d.retireWindow->latest - d.retireWindow->earliest + 1LL
                + (d.retireWindow->none ? 1 : 0)
                                                 : 1LL;
        if (orders * retires > kMaxChoicesPerItem)
            return solver::text::concat(site.name, " / ", name, ": ", std::to_string(orders * retires),
                                        " order and retire combinations; narrow the windows to at most ",
                                        std::to_string(kMaxChoicesPerItem));
    }
    return {};
}

solver::Plan applyChoices(const solver::Plan &plan, const std::vector<Choice> &choices)
{
    Plan out = plan;
    // Set months first, then drop items from the back so earlier indices stay valid.
    std::vector<const Choice *> dropped;
    for (const Choice &c : choices) {
        Site &site = out.sites[at(c.site)];
        switch (c.list) {
        case ItemList::PowerSource:
            site.sources[at(c.index)].orderMonth = c.orderMonth;
            site.sources[at(c.index)].retireMonth = c.retireMonth;
            break;
        case ItemList::CoolingPlant:
            site.coolingPlants[at(c.index)].orderMonth = c.orderMonth;
            site.coolingPlants[at(c.index)].retireMonth = c.retireMonth;
            break;
        case ItemList::Tranche:
            site.tranches[at(c.index)].orderMonth = c.orderMonth;
            site.tranches[at(c.index)].retireMonth = c.retireMonth;
            break;
        }
        if (!c.kept)
            dropped.push_back(&c);
    }
    std::sort(dropped.begin(), dropped.end(), [](const Choice *a, const Choice *b) {
        return std::tie(a->site, a->list, a->index) > std::tie(b->site, b->list, b->index);
    });
    for (const Choice *c : dropped) {
        Site &site = out.sites[at(c->site)];
        switch (c->list) {
        case ItemList::PowerSource:
            site.sources.erase(site.sources.begin() + c->index);
            break;
        case ItemList::CoolingPlant:
            site.coolingPlants.erase(site.coolingPlants.begin() + c->index);
            break;
        case ItemList::Tranche:
            site.tranches.erase(site.tranches.begin() + c->index);
            break;
        }
    }
    solver::applyDateLinks(out);
    return out;
}

namespace {

// The answer for a search result: the chosen plan solved once more, as the user will solve it.
void finishAnswer(Answer &answer, const Engine &engine, const SearchResult &r, const Problem &problem,
                  Objective objective, const Goal &goal)
{
    answer.status = r.status;
    answer.nodes = engine.nodes();
    answer.evaluations = engine.evaluations();
    if (!r.bestValue)
        return;
    answer.choices = engine.choicesOf(r.best);
    answer.plan = applyChoices(problem.plan, answer.choices);
    const solver::Result result = solver::solve(answer.plan);
    answer.objectiveUsd = reportedValue(objective, result.kpis);
    answer.fullPowerMonth = result.kpis.fullPowerMonth;
    answer.confidencePct = r.confidencePct;
    const double sign = objective == Objective::Cost ? 1.0 : -1.0;
    answer.boundUsd = sign * r.bound;
    if (r.status == Status::Optimal)
        answer.boundUsd = answer.objectiveUsd;
    if (r.status == Status::Limit && answer.objectiveUsd && std::abs(*answer.objectiveUsd) > 0.0)
        answer.gapPct = 100.0 * std::abs(*answer.objectiveUsd - *answer.boundUsd) / std::abs(*answer.objectiveUsd);
    (void)goal;
}

} // namespace

namespace {

Answer optimizeJoint(const Problem &problem, const Goal &goal, Objective objective, const Options &options)
{
    const Clock::time_point started = Clock::now();
    Answer answer;
    answer.objective = objective;
    answer.goalMonth = goal.fullPowerBy;
    answer.message = checkProblem(problem, goal, objective);
    if (!answer.message.empty()) {
        answer.status = Status::Invalid;
        return answer;
    }
    Engine engine(problem, goal, objective, options, started);
    const SearchResult r = engine.search(goal.fullPowerBy, nullptr, false);
    finishAnswer(answer, engine, r, problem, objective, goal);

    // The earliest month any choice reaches: no earlier than the relaxation allows, no later
    // than the goal when the goal is met.
    if (!engine.stopped()) {
        const std::optional<int> relaxed = engine.earliestRelaxed();
        if (relaxed) {
            const int last = r.bestValue ? goal.fullPowerBy - 1 : problem.plan.startMonth + problem.plan.horizonMonths - 1;
            bool limited = false;
            std::optional<int> earliest = engine.earliestReachable(*relaxed, last, &limited);
            if (!earliest && !limited && r.bestValue)
                earliest = goal.fullPowerBy;
            answer.earliestFullPowerMonth = earliest;
        }
    }
    if (answer.status == Status::Infeasible)
        answer.message = answer.earliestFullPowerMonth
            ? "no choice reaches full power by " + solver::text::monthLabel(goal.fullPowerBy) + "; the earliest is "
                + solver::text::monthLabel(*answer.earliestFullPowerMonth)
            : "no choice reaches full power within the plan";
    else if (answer.status == Status::Limit)
        answer.message = "stopped before proving the best plan (time limit or cancel)";
    answer.nodes = engine.nodes();
    answer.evaluations = engine.evaluations();
    answer.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return answer;
}

Frontier frontierJoint(const Problem &problem, const Goal &goal, Objective objective, const Options &options)
{
    const Clock::time_point started = Clock::now();
    Frontier out;
    Goal first = goal;
    first.fullPowerBy = problem.plan.startMonth + problem.plan.horizonMonths - 1;
    out.message = checkProblem(problem, first, objective);
    if (!out.message.empty()) {
        out.status = Status::Invalid;
        return out;
    }
    Engine engine(problem, goal, objective, options, started);
    const int last = first.fullPowerBy;
    const std::optional<int> relaxed = engine.earliestRelaxed();
    if (!relaxed) {
        out.status = Status::Infeasible;
        out.message = "no choice reaches full power within the plan";
        return out;
    }
    bool limited = false;
    engine.setProgressGoals(0, last - *relaxed + 1);
    out.earliestFullPowerMonth = engine.earliestReachable(*relaxed, last, &limited);
    if (!out.earliestFullPowerMonth) {
        out.status = limited ? Status::Limit : Status::Infeasible;
        out.message = limited ? "stopped before finding the earliest full power" : "no choice reaches full power within the plan";
        return out;
    }
    // The best plan for the last goal month first: it is the best of all plans that reach full
    // power within the plan, so for every goal from its own full-power month on it is the answer
    // too (it meets those goals, and no plan meeting them is better). Plain goals only: with a
    // confidence goal, meeting a later goal in enough trials is not implied by the plan as solved.
    std::optional<SearchResult> settled;
    int settledFrom = last + 1;
    const int total = last - *out.earliestFullPowerMonth + 1;
    if (goal.confidencePct <= 0.0) {
        SearchResult r = engine.search(last, nullptr, false);
        if (r.status == Status::Optimal && r.bestValue && r.fullPowerMonth) {
            settledFrom = std::max(*r.fullPowerMonth, *out.earliestFullPowerMonth);
            settled = std::move(r);
        }
    }
    // Month by month; each answer is a feasible start for the next month (full by g is full by g + 1).
    std::vector<int> previous;
    for (int g = *out.earliestFullPowerMonth; g <= last; ++g) {
        engine.setProgressGoals(g - *out.earliestFullPowerMonth, total);
        const SearchResult r = settled && g >= settledFrom ? *settled
                                                           : engine.search(g, previous.empty() ? nullptr : &previous, false);
        FrontierPoint point;
        point.month = g;
        point.status = r.status;
        if (r.bestValue) {
            const double sign = objective == Objective::Cost ? 1.0 : -1.0;
            const solver::Result result = solver::solve(applyChoices(problem.plan, engine.choicesOf(r.best)));
            point.objectiveUsd = reportedValue(objective, result.kpis);
            point.fullPowerMonth = result.kpis.fullPowerMonth;
            point.boundUsd = r.status == Status::Optimal ? point.objectiveUsd : std::optional(sign * r.bound);
            point.choices = engine.choicesOf(r.best);
            previous = r.best;
        }
        out.points.push_back(point);
        if (r.status == Status::Limit) {
            out.status = Status::Limit;
            out.message = "stopped before the last goal month (time limit or cancel)";
            break;
        }
    }
    out.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return out;
}

// Sites never share power or cooling, the NPV of costs is a sum over sites, and the portfolio is
// at full power from the month every site is: a plain goal (no confidence, whose trials draw all
// sites together) splits into one problem per site, solved apart and joined. Only when every
// site keeps some tranche (else a site could drop all its accelerators and have no full power
// of its own while the portfolio has one).
bool splitsBySite(const Problem &problem, const Goal &goal)
{
    if (goal.confidencePct > 0.0 || problem.plan.sites.size() < 2)
        return false;
    for (std::size_t s = 0; s < problem.plan.sites.size(); ++s) {
        bool keeps = false;
        for (std::size_t t = 0; t < problem.plan.sites[s].tranches.size() && !keeps; ++t) {
            keeps = true;
            for (const Decision &d : problem.decisions)
                if (at(d.site) == s && d.list == ItemList::Tranche && at(d.index) == t && d.optional)
                    keeps = false;
        }
        if (!keeps)
            return false;
    }
    return true;
}

Problem siteProblem(const Problem &problem, std::size_t site)
{
    Problem p;
    p.plan = problem.plan;
    p.plan.sites = { problem.plan.sites[site] };
    for (const Decision &d : problem.decisions) {
        if (at(d.site) != site)
            continue;
        p.decisions.push_back(d);
        p.decisions.back().site = 0;
    }
    return p;
}

// Site s's choices back in the problem's terms (site index and the problem's decision order).
void joinChoices(std::vector<Choice> &into, const Problem &problem, std::size_t site, std::vector<Choice> choices)
{
    for (Choice &c : choices) {
        c.site = static_cast<int>(site);
        into.push_back(std::move(c));
    }
    if (site + 1 == problem.plan.sites.size()) {
        // Every site is in: order as the problem's decisions.
        std::vector<Choice> ordered;
        for (const Decision &d : problem.decisions)
            for (const Choice &c : into)
                if (c.site == d.site && c.list == d.list && c.index == d.index)
                    ordered.push_back(c);
        into = std::move(ordered);
    }
}

} // namespace

Answer optimize(const Problem &problem, const Goal &goal, Objective objective, const Options &options)
{
    if (!checkProblem(problem, goal, objective).empty() || !splitsBySite(problem, goal))
        return optimizeJoint(problem, goal, objective, options);
    const Clock::time_point started = Clock::now();
    Answer answer;
    answer.objective = objective;
    answer.goalMonth = goal.fullPowerBy;
    answer.status = Status::Optimal;
    std::optional<int> earliest = problem.plan.startMonth;
    double boundUsd = 0.0;
    std::vector<Choice> choices;
    for (std::size_t s = 0; s < problem.plan.sites.size(); ++s) {
        const Answer a = optimizeJoint(siteProblem(problem, s), goal, objective, options);
        answer.nodes += a.nodes;
        answer.evaluations += a.evaluations;
        earliest = earliest && a.earliestFullPowerMonth ? std::optional(std::max(*earliest, *a.earliestFullPowerMonth)) : std::nullopt;
        if (a.status == Status::Infeasible || answer.status == Status::Infeasible)
            answer.status = Status::Infeasible;
        else if (a.status == Status::Limit)
            answer.status = Status::Limit;
        boundUsd += a.boundUsd.value_or(0.0);
        if (a.status == Status::Infeasible || !a.objectiveUsd)
            continue;
        joinChoices(choices, problem, s, a.choices);
    }
    if (answer.status == Status::Limit && choices.size() != problem.decisions.size())
        answer.status = Status::Limit; // some site found nothing yet: no plan to report
    answer.earliestFullPowerMonth = earliest;
    if (answer.status != Status::Infeasible && choices.size() == problem.decisions.size()) {
        answer.choices = std::move(choices);
        answer.plan = applyChoices(problem.plan, answer.choices);
        const solver::Result result = solver::solve(answer.plan);
        answer.objectiveUsd = reportedValue(objective, result.kpis);
        answer.fullPowerMonth = result.kpis.fullPowerMonth;
        answer.boundUsd = answer.status == Status::Optimal ? answer.objectiveUsd : std::optional(boundUsd);
        if (answer.status == Status::Limit && std::abs(*answer.objectiveUsd) > 0.0)
            answer.gapPct = 100.0 * std::abs(*answer.objectiveUsd - *answer.boundUsd) / std::abs(*answer.objectiveUsd);
    }
    if (answer.status == Status::Infeasible)
        answer.message = answer.earliestFullPowerMonth
            ? "no choice reaches full power by " + solver::text::monthLabel(goal.fullPowerBy) + "; the earliest is "
                + solver::text::monthLabel(*answer.earliestFullPowerMonth)
            : "no choice reaches full power within the plan";
    else if (answer.status == Status::Limit)
        answer.message = "stopped before proving the best plan (time limit or cancel)";
    answer.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return answer;
}

Frontier frontier(const Problem &problem, const Goal &goal, Objective objective, const Options &options)
{
    Goal last = goal;
    last.fullPowerBy = problem.plan.startMonth + problem.plan.horizonMonths - 1;
    if (!checkProblem(problem, last, objective).empty() || !splitsBySite(problem, goal))
        return frontierJoint(problem, goal, objective, options);
    const Clock::time_point started = Clock::now();
    Frontier out;
    std::vector<Frontier> sites;
    std::optional<int> earliest = problem.plan.startMonth;
    for (std::size_t s = 0; s < problem.plan.sites.size(); ++s) {
        sites.push_back(frontierJoint(siteProblem(problem, s), goal, objective, options));
        const Frontier &f = sites.back();
        earliest = earliest && f.earliestFullPowerMonth ? std::optional(std::max(*earliest, *f.earliestFullPowerMonth)) : std::nullopt;
        if (f.status == Status::Infeasible || f.status == Status::Invalid) {
            out.status = f.status;
            out.message = f.message;
            return out;
        }
        if (f.status == Status::Limit)
            out.status = Status::Limit;
    }
    out.earliestFullPowerMonth = earliest;
    if (!earliest) {
        out.status = Status::Limit;
        out.message = "stopped before finding the earliest full power";
        return out;
    }
    // Each goal month: every site's best plan for it, joined and solved as one.
    for (int g = *earliest; g <= last.fullPowerBy; ++g) {
        FrontierPoint point;
        point.month = g;
        std::vector<Choice> choices;
        bool complete = true;
        for (std::size_t s = 0; s < sites.size() && complete; ++s) {
            const auto &points = sites[s].points;
            const auto it = std::find_if(points.begin(), points.end(), [g](const FrontierPoint &p) { return p.month == g; });
            complete = it != points.end() && it->objectiveUsd && it->status == Status::Optimal;
            if (complete)
                joinChoices(choices, problem, s, it->choices);
        }
        if (!complete)
            break;
        point.choices = std::move(choices);
        const solver::Result result = solver::solve(applyChoices(problem.plan, point.choices));
        point.objectiveUsd = reportedValue(objective, result.kpis);
        point.boundUsd = point.objectiveUsd;
        point.fullPowerMonth = result.kpis.fullPowerMonth;
        out.points.push_back(std::move(point));
    }
    if (out.status == Status::Limit)
        out.message = "stopped before the last goal month (time limit or cancel)";
    out.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return out;
}

} // namespace cp::optimize
