#pragma once

#include <QString>

namespace cp::solver {
struct EnergizedDrop;
}

// How the Risk tab, the report and the command line say that energized accelerators fall in
// some trials, so all three read the same.
namespace cp::format {

// "In 62% of trials energized accelerators fall in Jul 2030, at the retirement of Mobile
// turbines: what replaces them is not there yet." With the site in front of each item when
// `withSite`.
[[nodiscard]] QString energizedDropSentence(const solver::EnergizedDrop &drop, bool withSite);

} // namespace cp::format
