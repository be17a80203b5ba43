#include "solver/solver.h"

#include "solver/checks.h"
#include "solver/kpis.h"
#include "solver/sitesolver.h"

#include <cmath>

namespace cp::solver {

struct Solver::Scratch {
    detail::PlanCalendar calendar;
    detail::SiteSolver siteSolver;
    detail::SiteFacts facts;
    Eigen::ArrayXd mostWaiting; // portfolio binding: the most accelerators waiting at any site, per month
};

Solver::Solver()
    : m_scratch(std::make_unique<Scratch>())
{
}

Solver::~Solver() = default;

void Solver::solve(const Plan &plan, Result &result, const SolveOptions &options)
{
    Scratch &s = *m_scratch;
    const int horizon = plan.horizonMonths;
    const double utilization = plan.assumptions.utilizationPct / 100.0;
    s.calendar.build(plan);

    result.scenario = plan.name;
    result.startMonth = plan.startMonth;
    result.horizonMonths = horizon;
    result.warnings.clear();
    result.monthly.resize(horizon);
    result.sites.resize(plan.sites.size());
    s.mostWaiting.setZero(horizon);

    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        const Site &site = plan.sites[i];
        SiteResult &siteResult = result.sites[i];
        s.siteSolver.solve(plan, site, s.facts);

        siteResult.name = site.name;
        siteResult.readyMonth = s.facts.readyMonth;
        siteResult.kpis = detail::computeSiteKpis(s.facts, s.calendar, utilization, plan.startMonth);
        if (options.siteSeries)
            siteResult.series.assign(s.facts.segments, s.facts.depreciation, s.facts.payments, plan.startMonth,
                                     utilization);
        else
            siteResult.series.clear();
        detail::addToPortfolio(s.facts, s.calendar, utilization, result.monthly);
        if (options.probeMonth >= 0 && options.probeMonth < horizon) {
            for (const Segment &seg : s.facts.segments) {
                if (options.probeMonth < seg.start + seg.length) {
                    siteResult.probe = {seg.planned, seg.delivered, seg.energized, seg.binding};
                    break;
                }
            }
        }

        // Portfolio binding: the value of the site with the most planned-but-not-energized
        // accelerators, first listed on ties; none when every site is none.
        for (const Segment &seg : s.facts.segments) {
            if (seg.binding == Binding::None)
                continue;
            const double waiting = seg.planned - seg.energized;
            for (int m = seg.start; m < seg.start + seg.length; ++m) {
                if (waiting > s.mostWaiting[m]) {
                    s.mostWaiting[m] = waiting;
                    result.monthly.binding[static_cast<std::size_t>(m)] = seg.binding;
                }
            }
        }
        if (options.warnings)
            detail::checkSite(plan, site, s.facts, siteResult.kpis, result.warnings);
    }

    MonthlySeries &sum = result.monthly;
    const auto &capex = sum.capexByCategory;
    const auto &opex = sum.opexByCategory;
    sum.capexUsd = capex.col(0) + capex.col(1) + capex.col(2) + capex.col(3);
    sum.opexUsd = opex.col(0) + opex.col(1) + opex.col(2) + opex.col(3) + opex.col(4);
    result.kpis = detail::computeKpis(sum, s.calendar, plan.startMonth);
}

Result solve(const Plan &plan)
{
    Solver solver;
    Result result;
    solver.solve(plan, result);
    return result;
}

} // namespace cp::solver
