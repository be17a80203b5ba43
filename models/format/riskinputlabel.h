#pragma once

#include <QString>

#include <string>
#include <vector>

namespace cp::solver {
struct TornadoBar;
}

// How the Risk tab, the report and the command line name an uncertain input, so both read the same.
namespace cp::format {

// A JSON key as a planner reads it: "leadTimeMonths" -> "lead time".
[[nodiscard]] QString riskFieldLabel(const std::string &field);
// "H100, first 50k: unit capex"; with the site in front when the plan has several:
// "Memphis / H100, first 50k: unit capex".
[[nodiscard]] QString riskInputLabel(const solver::TornadoBar &bar, bool withSite);
// Whether the inputs come from more than one site, so their labels need the site's name.
[[nodiscard]] bool inputsSpanSites(const std::vector<solver::TornadoBar> &bars);

} // namespace cp::format
