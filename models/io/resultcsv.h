#pragma once

#include "solver/result.h"

#include <QByteArray>

// The monthly results as a CSV table for spreadsheets: one row per month and site, then the
// portfolio row of that month (scope "portfolio", site empty). Money in USD, power in MW,
// energy in MWh; capex and opex by category as their own columns. Needs each site's series.
namespace cp::io {

// Which rows: both (v1's table), or only the sites' or only the portfolio's, so that a column
// sums to the plan's total without counting every dollar twice.
enum class CsvScope { All, Sites, Portfolio };

class CsvWriter;

// The money header cells every results table shares: capexUsd, capex_<category>Usd in category
// order, opexUsd, opex_<category>Usd.
void writeMoneyColumns(CsvWriter &csv);

[[nodiscard]] QByteArray writeResultCsv(const solver::Result &result, CsvScope scope = CsvScope::All);

} // namespace cp::io
