#pragma once

#include "solver/result.h"

#include <QByteArray>

// The solver's results as the result document (docs/scenario-format.md, section 5.1): what
// `clusterplan-cli solve --json` prints. Extensions beyond v1's fields: kpis "plannedAccelerators"
// and "peakEnergized", monthly "coolingMw", "bessMw" and "bf16Pflops", and each site's
// "readyMonth".
namespace cp::io {

[[nodiscard]] QByteArray writeResultJson(const solver::Result &result);

} // namespace cp::io
