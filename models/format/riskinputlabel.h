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
// An input's value with its unit: "14 months", "$45k", "$80/MWh", "$3.50/MMBtu", "1.25" (PUE),
// "1.40 kW", "$2.20/accelerator-hour", "$30k/MW-month", "$150k/month".
[[nodiscard]] QString riskInputValue(const std::string &field, double value);
// "$15k/MW-month to $50k/MW-month"
[[nodiscard]] QString riskInputRange(const std::string &field, double low, double high);
// "H100, first 50k: unit capex"; with the site in front when the plan has several:
// "Memphis / H100, first 50k: unit capex".
[[nodiscard]] QString riskInputLabel(const solver::TornadoBar &bar, bool withSite);
// Whether the inputs come from more than one site, so their labels need the site's name.
[[nodiscard]] bool inputsSpanSites(const std::vector<solver::TornadoBar> &bars);

} // namespace cp::format
