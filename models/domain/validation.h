#pragma once

#include "domain/scenario.h"
#include "io/problem.h"

#include <vector>

namespace cp {

class Catalog;

// Every way `scenario` breaks the rules of docs/scenario-format.md, section 7 (and the few that
// follow from the model: names must not be empty, an owned tranche of a cloud-only chip must state
// its price), all at once, each with its JSON path. Empty when the scenario is valid. The GUI uses
// it to refuse an invalid edit, the importer to refuse a file; Problem::file is left empty.
[[nodiscard]] std::vector<Problem> validateScenario(const Scenario &scenario, const Catalog &catalog);

} // namespace cp
