#pragma once

#include <QString>

// How numbers read on screen and in reports: a unit on every number and a scale a planner
// reads at a glance ($4.5B, 150 MW, 1.2 GW, Mar 2025). One place, so the window, the charts
// and the PDF agree to the digit.
namespace cp::format {

// $45k, $4.50M, $4.5B; negative amounts keep their sign ("-$1.2M").
[[nodiscard]] QString usd(double amountUsd);
// 950 kW, 150 MW, 2.15 GW.
[[nodiscard]] QString megawatts(double mw);
// 1.59 TWh, 820 GWh, 410 MWh.
[[nodiscard]] QString megawattHours(double mwh);
// 100,000 / 1.23M: counts of accelerators or accelerator-months.
[[nodiscard]] QString count(double n);
// 950 PFLOPS / 2.10 EFLOPS (input in PFLOPS).
[[nodiscard]] QString flops(double pflops);
// "Mar 2025" for an absolute month index (year * 12 + month - 1).
[[nodiscard]] QString monthLabel(int absMonth);
// "2025-03", the exchange format's month.
[[nodiscard]] QString monthIso(int absMonth);
// 12.5%
[[nodiscard]] QString percent(double pct, int decimals = 1);
// "1 month", "3 months", "1,200 trials": a whole count with its noun in the right number.
[[nodiscard]] QString nounCount(long long n, const QString &one, const QString &many);

} // namespace cp::format
