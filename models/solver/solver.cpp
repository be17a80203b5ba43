#include "solver/solver.h"

#include "solver/checks.h"
#include "solver/kpis.h"
#include "solver/portfoliosums.h"
#include "solver/sitesolver.h"

#include <cmath>

namespace cp::solver {

struct Solver::Scratch {
    detail::PlanCalendar calendar;
    detail::SiteSolver siteSolver;
    detail::SiteFacts facts;
    detail::PortfolioSums portfolio;
    MonthlySeries siteScratch; // a site's arrays, for its returns figures
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
    result.sites.resize(plan.sites.size());
    s.portfolio.reset(horizon);

    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        const Site &site = plan.sites[i];
        SiteResult &siteResult = result.sites[i];
        s.siteSolver.solve(plan, site, s.facts);

        siteResult.name = site.name;
        siteResult.readyMonth = s.facts.readyMonth;
        siteResult.kpis = detail::computeSiteKpis(s.facts, s.calendar, utilization, plan.startMonth,
                                                  plan.returns.stated && options.siteReturns, s.siteScratch);
        if (options.siteSeries)
            siteResult.series.assign(s.facts.segments, s.facts.depreciation, s.facts.payments, s.facts.residuals,
                                     plan.startMonth, utilization);
        else
            siteResult.series.clear();
        s.portfolio.add(s.facts, s.calendar, utilization);
        if (options.probeMonth >= 0 && options.probeMonth < horizon) {
            const Segment &seg = segmentAt(s.facts.segments, options.probeMonth);
            siteResult.probe = {seg.planned, seg.delivered, seg.energized, seg.binding};
        }

        if (options.warnings)
            detail::checkSite(plan, site, s.facts, siteResult.kpis, result.warnings);
    }

    s.portfolio.writeTo(result.monthly);
    result.kpis = detail::computeKpis(result.monthly, s.calendar, plan.startMonth, plan.returns.stated);
    for (const SiteResult &site : result.sites)
        result.kpis.strandedValueUsd += site.kpis.strandedValueUsd;
}

Result solve(const Plan &plan)
{
    Solver solver;
    Result result;
    solver.solve(plan, result);
    return result;
}

} // namespace cp::solver
