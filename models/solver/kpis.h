#pragma once

#include "solver/result.h"
#include "solver/sitesolver.h"

// KPIs (docs/scenario-format.md, section 5). One site's come straight from its segments and
// payments; the portfolio's from its monthly sums. Both follow the same rules.
namespace cp::solver::detail {

// With `returns`, also the returns figures (the site's from its arrays, expanded into `scratch`).
[[nodiscard]] Kpis computeKpis(const MonthlySeries &series, const PlanCalendar &calendar, int startMonth,
                               bool returns);
[[nodiscard]] Kpis computeSiteKpis(const SiteFacts &facts, const PlanCalendar &calendar, double utilization,
                                   int startMonth, bool returns, MonthlySeries &scratch);

} // namespace cp::solver::detail
