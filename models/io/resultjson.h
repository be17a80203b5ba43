#pragma once

#include "solver/result.h"

#include <QByteArray>

// The solver's results as the spec's result document (scenario-v1 section 5): what
// `clusterplan-cli solve --json` prints. Extensions beyond the spec's fields: kpis
// "plannedAccelerators" and "peakEnergized", monthly "coolingMw", "bessMw" and "bf16Pflops", and each
// site's "readyMonth".
namespace cp::io {

[[nodiscard]] QByteArray writeResultJson(const solver::Result &result);

} // namespace cp::io
