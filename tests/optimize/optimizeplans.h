#pragma once

#include "optimize/optimizer.h"
#include "planbuilder.h"
#include "solver/solver.h"

#include <optional>
#include <random>
#include <vector>

// Small optimizer problems and the brute force that checks them: every combination of every
// decided item's choices, each solved by the solver.
namespace testplan {

using namespace cp::optimize;

// Every choice of one decision, in the optimizer's own terms.
inline std::vector<Choice> choicesOf(const Plan &plan, const Decision &d)
{
    const Site &site = plan.sites[static_cast<std::size_t>(d.site)];
    int order = 0, retire = kNever;
    switch (d.list) {
    case ItemList::PowerSource:
        order = site.sources[static_cast<std::size_t>(d.index)].orderMonth;
        retire = site.sources[static_cast<std::size_t>(d.index)].retireMonth;
        break;
    case ItemList::CoolingPlant:
        order = site.coolingPlants[static_cast<std::size_t>(d.index)].orderMonth;
        retire = site.coolingPlants[static_cast<std::size_t>(d.index)].retireMonth;
        break;
    case ItemList::Tranche:
        order = site.tranches[static_cast<std::size_t>(d.index)].orderMonth;
        retire = site.tranches[static_cast<std::size_t>(d.index)].retireMonth;
        break;
    }
    std::vector<int> orders, retires;
    if (d.orderWindow)
        for (int m = d.orderWindow->earliest; m <= d.orderWindow->latest; ++m)
            orders.push_back(m);
    else
        orders.push_back(order);
    if (d.retireWindow) {
        for (int m = d.retireWindow->earliest; m <= d.retireWindow->latest; ++m)
            retires.push_back(m);
        if (d.retireWindow->none)
            retires.push_back(kNever);
    } else {
        retires.push_back(retire);
    }
    std::vector<Choice> out;
    Choice c;
    c.site = d.site;
    c.list = d.list;
    c.index = d.index;
    if (d.optional) {
        c.kept = false;
        c.orderMonth = order;
        c.retireMonth = retire;
        out.push_back(c);
    }
    c.kept = true;
    for (int o : orders)
        for (int r : retires) {
            c.orderMonth = o;
            c.retireMonth = r;
            out.push_back(c);
        }
    return out;
}

struct Enumerated {
    std::optional<int> fullPowerMonth;
    double npvCostUsd = 0.0;
    double npvNetUsd = 0.0; // 0 unless the plan states returns
};

// Every combination, solved.
inline std::vector<Enumerated> enumerateAll(const Problem &problem)
{
    std::vector<std::vector<Choice>> lists;
    for (const Decision &d : problem.decisions)
        lists.push_back(choicesOf(problem.plan, d));
    std::vector<std::size_t> at(lists.size(), 0);
    std::vector<Enumerated> out;
    Solver solver;
    Result result;
    std::vector<Choice> chosen(lists.size());
    while (true) {
        for (std::size_t i = 0; i < lists.size(); ++i)
            chosen[i] = lists[i][at[i]];
        solver.solve(applyChoices(problem.plan, chosen), result, { false, false, -1 });
        out.push_back({ result.kpis.fullPowerMonth, result.kpis.npvCostUsd, result.kpis.npvNetUsd });
        std::size_t i = 0;
        while (i < lists.size() && ++at[i] == lists[i].size())
            at[i++] = 0;
        if (i == lists.size())
            break;
    }
    return out;
}

inline long long combinations(const Problem &problem)
{
    long long n = 1;
    for (const Decision &d : problem.decisions)
        n *= static_cast<long long>(choicesOf(problem.plan, d).size());
    return n;
}

// A greenfield site waiting for its grid, with optional bridges (rented turbines, owned
// engines, a battery, rental chillers) in order and retire windows, and sometimes an optional
// tranche: the shape of problem the optimizer is for, small enough to enumerate.
class ProblemGenerator
{
public:
    explicit ProblemGenerator(unsigned seed)
        : m_rng(seed)
    {
    }

    Problem next(int sites = 1, long long maxCombinations = 3000)
    {
        while (true) {
            Problem p = attempt(sites);
            if (combinations(p) <= maxCombinations)
                return p;
        }
    }

    // The same kind of problem with returns stated (for the net objective): a value of compute,
    // sometimes a burn-in, a tranche's own price or sold share, book residual value and salvage
    // shares. Drawn after next(), so the problems next() makes stay as they were.
    Problem nextWithReturns(int sites = 1, long long maxCombinations = 3000)
    {
        Problem p = next(sites, maxCombinations);
        Returns &r = p.plan.returns;
        r.stated = true;
        r.computePriceUsdPerAcceleratorHour = ThreePoint::fixed(uniform(0.5, 4.0));
        r.burnInMonths = chance(0.5) ? uniformInt(1, 3) : 0;
        if (chance(0.6)) {
            r.residualValue = ResidualValue::Book;
            for (double &pct : r.residualPctOfBook)
                pct = uniform(20, 100);
        }
        for (Site &site : p.plan.sites) {
            for (Tranche &t : site.tranches) {
                if (chance(0.3))
                    t.priceUsdPerAcceleratorHour = ThreePoint::fixed(uniform(0.5, 5.0));
                if (chance(0.3))
                    t.soldPct = uniform(40, 100);
                if (chance(0.3))
                    t.salvagePctOfBook = uniform(10, 60);
            }
            for (PowerSource &src : site.sources)
                if (!src.rented && chance(0.5))
                    src.salvagePctOfBook = uniform(10, 60);
        }
        return p;
    }

private:
    int uniformInt(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(m_rng); }
    bool chance(double p) { return uniform(0, 1) < p; }

    std::optional<MonthWindow> window(int around, int maxWidth)
    {
        const int width = uniformInt(0, maxWidth);
        if (width == 0)
            return std::nullopt;
        const int earliest = around - uniformInt(0, width);
        return MonthWindow { earliest, earliest + width };
    }

    Problem attempt(int siteCount)
    {
        Problem p;
        p.plan = basePlan(uniformInt(18, 36));
        Plan &plan = p.plan;
        const int start = plan.startMonth;
        plan.assumptions.discountRatePct = uniform(0, 12);
        plan.assumptions.utilizationPct = uniform(60, 100);
        plan.assumptions.electricityUsdPerMwh = cp::solver::ThreePoint::fixed(uniform(40, 120));
        plan.assumptions.gasUsdPerMmbtu = cp::solver::ThreePoint::fixed(uniform(2, 6));
        const Site model = plan.sites[0];
        plan.sites.clear();
        for (int s = 0; s < siteCount; ++s) {
            Site site = model;
            site.name = "Site " + std::to_string(s);
            site.cloudPartner = chance(0.1);
            site.pue = cp::solver::ThreePoint::fixed(uniform(1.05, 1.4));
            site.facility.permitMonths = ThreePoint::fixed(uniformInt(0, 4));
            site.facility.buildMonths = ThreePoint::fixed(uniformInt(0, 6));
            site.facility.capexUsd = ThreePoint::fixed(uniform(1e7, 1e8));
            site.facility.fixedOmUsdPerMwItYear = uniform(0, 1e5);
            double itMw = 0.0;
            const int tranches = uniformInt(1, 2);
            for (int t = 0; t < tranches; ++t) {
                Tranche tr = tranche("GPUs " + std::to_string(t), uniformInt(2000, 20000), uniform(1.0, 1.5),
                                     start + uniformInt(0, 6), uniformInt(1, 6), uniform(2e4, 4e4));
                tr.depositPct = chance(0.5) ? 20 : 0;
                tr.rentUsdPerAcceleratorHour = cp::solver::ThreePoint::fixed(uniform(1, 3));
                itMw += tr.count * tr.itKwPerAccelerator.mode / 1000.0;
                const int index = static_cast<int>(site.tranches.size());
                site.tranches.push_back(tr);
                Decision d { s, ItemList::Tranche, index, chance(0.25), window(tr.orderMonth, 2), std::nullopt };
                if (d.optional || d.orderWindow)
                    p.decisions.push_back(d);
            }
            site.facility.itCapacityMw = itMw * uniform(1.0, 1.3);
            site.facility.coolingMw = itMw * uniform(0.5, 1.2);
            PowerSource g = grid("Grid", itMw * site.pue.mode * 1.2, start, uniformInt(6, 20), uniform(1e7, 5e7));
            g.fixedOmUsdPerKwYear = uniform(0, 20);
            site.sources.push_back(g);
            const int bridges = uniformInt(1, 3);
            for (int b = 0; b < bridges; ++b) {
                PowerSource src;
                const int kind = uniformInt(0, 2);
                src.name = "Bridge " + std::to_string(b);
                src.orderMonth = start + uniformInt(0, 6);
                src.leadTimeMonths = ThreePoint::fixed(uniformInt(1, 4));
                if (kind == 0) {
                    src.kind = PowerKind::MobileTurbine;
                    src.capacityMw = itMw * site.pue.mode * uniform(0.4, 1.2);
                    src.availabilityPct = 95;
                    src.rented = true;
                    src.rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(uniform(1e4, 3e4));
                    src.heatRateBtuPerKwh = uniform(9000, 11500);
                    src.varOmUsdPerMwh = uniform(2, 8);
                } else if (kind == 1) {
                    src.kind = PowerKind::RecipEngine;
                    src.capacityMw = itMw * site.pue.mode * uniform(0.3, 1.0);
                    src.availabilityPct = 97;
                    src.capexUsd = ThreePoint::fixed(src.capacityMw * uniform(6e5, 1.2e6));
                    src.depositPct = 10;
                    src.fixedOmUsdPerKwYear = uniform(10, 30);
                    src.heatRateBtuPerKwh = uniform(8000, 9500);
                    src.varOmUsdPerMwh = uniform(5, 12);
                } else {
                    src.kind = PowerKind::Bess;
                    src.powerMw = itMw * 0.6;
                    src.energyMwh = src.powerMw * 2;
                    src.capexUsd = ThreePoint::fixed(src.powerMw * 3e5);
                }
                const int index = static_cast<int>(site.sources.size());
                site.sources.push_back(src);
                Decision d { s, ItemList::PowerSource, index, chance(0.8), window(src.orderMonth, 3), std::nullopt };
                if (chance(0.6)) {
                    const int earliest = start + uniformInt(6, plan.horizonMonths);
                    d.retireWindow = RetireWindow { earliest, earliest + uniformInt(0, 3), chance(0.5) };
                }
                p.decisions.push_back(d);
            }
            if (site.facility.coolingMw < itMw) {
                CoolingPlant c = rentalChiller("Chillers", itMw * uniform(0.3, 0.8), start + uniformInt(0, 6),
                                               uniformInt(0, 2), uniform(1e5, 4e5));
                const int index = static_cast<int>(site.coolingPlants.size());
                site.coolingPlants.push_back(c);
                Decision d { s, ItemList::CoolingPlant, index, chance(0.7), window(c.orderMonth, 2), std::nullopt };
                if (chance(0.4))
                    d.retireWindow = RetireWindow { start + 12, start + 14, true };
                p.decisions.push_back(d);
            }
            plan.sites.push_back(site);
        }
        return p;
    }

    std::mt19937 m_rng;
};

} // namespace testplan
