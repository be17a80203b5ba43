#pragma once

#include "solver/result.h"

#include <QByteArray>

// Capex and opex by year as CSV (docs/scenario-format.md, section 5.2, "Capex and opex by year"): one row per calendar or
// fiscal year of the portfolio, never site rows beside it, so a column sums to the plan's total.
// Money in USD rounded to cents.
namespace cp {

[[nodiscard]] QByteArray writeYearlyCsv(const solver::Result &result, int fiscalYearStartMonth = 1);

} // namespace cp
