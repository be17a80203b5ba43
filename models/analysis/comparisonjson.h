#pragma once

#include <QByteArray>

namespace cp {

struct Comparison;

// The compare document (docs/scenario-format.md, section 5.3): what `clusterplan-cli compare
// --json` prints. {"baseline": "A", "scenarios": [{"name", "kpis" (as in the result document),
// "deltas": {"totalCapexUsd": {"abs", "pct"}, "capexByCategory": {"compute": {"abs", "pct"}, ...},
// ...}}, ...]}. Month deltas are whole calendar months; nulls as the format says.
[[nodiscard]] QByteArray writeComparisonJson(const Comparison &comparison);

} // namespace cp
