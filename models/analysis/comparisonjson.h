#pragma once

#include <QByteArray>

namespace cp {

struct Comparison;

// The spec's compare document (scenario-v1 section 5): what `clusterplan-cli compare --json`
// prints. {"baseline": "A", "scenarios": [{"name", "kpis" (as in the result document),
// "deltas": {"totalCapexUsd": {"abs", "pct"}, "capexByCategory": {"compute": {"abs", "pct"}, ...},
// ...}}, ...]}. Month deltas are whole calendar months; nulls as the spec says.
[[nodiscard]] QByteArray writeComparisonJson(const Comparison &comparison);

} // namespace cp
