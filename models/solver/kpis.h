#pragma once

#include "solver/result.h"
#include "solver/sitesolver.h"

// KPIs of a monthly series (spec section 5), the same rules for one site and the portfolio.
namespace cp::solver::detail {

[[nodiscard]] Kpis computeKpis(const MonthlySeries &series, const PlanCalendar &calendar, int startMonth);

} // namespace cp::solver::detail
