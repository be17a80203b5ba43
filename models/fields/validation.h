#pragma once

#include "domain/scenario.h"
#include "domain/problem.h"

#include <vector>

namespace cp {

class Catalog;

// What the product supports (docs/scenario-format.md, section 7.2): far beyond any plan a planner
// writes, and small enough that every command reads, solves and draws a plan at the limits in
// seconds and its stored form stays under the 64 MiB read limit.
inline constexpr std::size_t kMaxSites = 1000;
inline constexpr std::size_t kMaxItemsPerList = 1000;  // compute, power or cooling items of one site
inline constexpr std::size_t kMaxItems = 10000;        // items of all sites together
inline constexpr qsizetype kMaxNameChars = 200;         // scenario, site and item names; country
inline constexpr qsizetype kMaxDescriptionChars = 20000; // the scenario's description
inline constexpr int kMaxLinkShiftMonths = 600;          // a linked date's plusMonths, either way

// Every way `scenario` breaks the rules of docs/scenario-format.md, section 7 (and the few that
// follow from the model: names must not be empty, an owned tranche of a cloud-only chip must state
// its price), all at once, each with its JSON path. Empty when the scenario is valid. The GUI uses
// it to refuse an invalid edit, the importer to refuse a file; Problem::file is left empty.
[[nodiscard]] std::vector<Problem> validateScenario(const Scenario &scenario, const Catalog &catalog);

} // namespace cp
