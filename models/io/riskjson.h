#pragma once

#include "solver/risk.h"

#include <QByteArray>

// A risk run as the risk document (docs/scenario-format.md, section 5.4): what `clusterplan-cli
// risk --json` prints. Extensions: "targetMonth", "inputs" (how many three-point inputs were
// sampled), the tornado's fields, and "fan" (P10/P50/P90 per month of energized accelerators and
// cumulative spend) for charts.
namespace cp::io {

[[nodiscard]] QByteArray writeRiskJson(const solver::RiskResult &risk);

} // namespace cp::io
