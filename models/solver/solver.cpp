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
    MonthlySeries siteSeries;                // used when sites' series are not kept
    Eigen::ArrayXd mostUnenergized;          // portfolio binding: the site with the most waiting
};

Solver::Solver()
    : m_scratch(std::make_unique<Scratch>())
{
}

Solver::~Solver() = default;

int wholeMonths(double months) noexcept
{
    return static_cast<int>(std::floor(months + 0.5));
}

namespace {

void addInto(MonthlySeries &sum, const MonthlySeries &site)
{
    sum.delivered += site.delivered;
    sum.energized += site.energized;
    sum.stranded += site.stranded;
    sum.planned += site.planned;
    sum.itMw += site.itMw;
    sum.facilityMw += site.facilityMw;
    sum.powerMw += site.powerMw;
    sum.coolingMw += site.coolingMw;
    sum.energyMwh += site.energyMwh;
    sum.bf16Pflops += site.bf16Pflops;
    sum.capexUsd += site.capexUsd;
    sum.opexUsd += site.opexUsd;
    sum.depreciationUsd += site.depreciationUsd;
    sum.capexByCategory += site.capexByCategory;
    sum.opexByCategory += site.opexByCategory;
}

} // namespace

void Solver::solve(const Plan &plan, Result &result, const SolveOptions &options)
{
    Scratch &s = *m_scratch;
    const int horizon = plan.horizonMonths;
    s.calendar.build(plan);

    result.scenario = plan.name;
    result.startMonth = plan.startMonth;
    result.horizonMonths = horizon;
    result.warnings.clear();
    result.monthly.resize(horizon);
    result.sites.resize(plan.sites.size());
    s.mostUnenergized.setConstant(horizon, 0.0);

    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        const Site &site = plan.sites[i];
        SiteResult &siteResult = result.sites[i];
        MonthlySeries &series = options.siteSeries ? siteResult.monthly : s.siteSeries;
        series.resize(horizon);
        s.siteSolver.solve(plan, site, s.calendar, series, s.facts);

        siteResult.name = site.name;
        siteResult.readyMonth = s.facts.readyMonth;
        siteResult.kpis = detail::computeKpis(series, s.calendar, plan.startMonth);

        addInto(result.monthly, series);
        // Portfolio binding: the value of the site with the most planned-but-not-energized
        // accelerators, first listed on ties; none when every site is none.
        for (int m = 0; m < horizon; ++m) {
            const double waiting = series.planned[m] - series.energized[m];
            const Binding b = series.binding[static_cast<std::size_t>(m)];
            if (b != Binding::None && waiting > s.mostUnenergized[m]) {
                s.mostUnenergized[m] = waiting;
                result.monthly.binding[static_cast<std::size_t>(m)] = b;
            }
        }
        if (options.warnings)
            detail::checkSite(plan, site, series, s.facts, siteResult.kpis, result.warnings);
        if (!options.siteSeries)
            siteResult.monthly = MonthlySeries{};
    }
    result.kpis = detail::computeKpis(result.monthly, s.calendar, plan.startMonth);
}

Result solve(const Plan &plan)
{
    Solver solver;
    Result result;
    solver.solve(plan, result);
    return result;
}

} // namespace cp::solver
