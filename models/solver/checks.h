#pragma once

#include "solver/result.h"
#include "solver/sitesolver.h"

#include <vector>

// The section 6 checks of one site, as warnings naming the site and item. Never silent.
namespace cp::solver::detail {

void checkSite(const Plan &plan, const Site &site, const SiteFacts &facts, const Kpis &kpis,
               std::vector<Warning> &warnings);

} // namespace cp::solver::detail
