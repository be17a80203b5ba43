#pragma once

#include <cstddef>

namespace cp {
struct SolvedScenario;
}

namespace cp::report {

class ReportDocument;

// One site of the plan as solved: the facility, its compute tranches, power sources and cooling
// plants with every resolved value and its unit (catalog defaults marked), and what the site
// achieves.
void appendSiteSection(ReportDocument &document, const SolvedScenario &solved, std::size_t siteIndex);

// The plan at a glance: a row per site and a total.
void appendSitesOverview(ReportDocument &document, const SolvedScenario &solved);

} // namespace cp::report
