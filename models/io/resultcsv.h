#pragma once

#include "solver/result.h"

#include <QByteArray>

// The monthly results as a CSV table for spreadsheets: one row per month and site, then the
// portfolio row of that month (scope "portfolio", site empty). Money in USD, power in MW,
// energy in MWh; capex and opex by category as their own columns. Needs each site's series.
namespace cp::io {

[[nodiscard]] QByteArray writeResultCsv(const solver::Result &result);

} // namespace cp::io
