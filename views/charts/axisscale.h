#pragma once

#include <QString>

#include <vector>

// Tick positions and labels for chart axes. Value ticks fall on round numbers (1, 2, 2.5, 5 x
// a power of ten) and share one unit along the axis ("$0", "$0.5B", "$1.0B"; "500 MW", "1 GW")
// so the axis reads at a glance; exact numbers go in tooltips (cp::format). Month ticks fall on
// calendar boundaries (every month, quarter, half year, year...) and name the year at January.
namespace cp::views {

enum class AxisUnit { Count, Usd, Mw, Pflops };

struct AxisTick {
    double value = 0.0;
    QString label;
};

struct ValueScale {
    double max = 1.0;             // the axis top: the first tick at or above the largest value
    std::vector<AxisTick> ticks;  // from 0 to max
};

// A scale from 0 to at least `maxValue` with about `targetTicks` intervals.
[[nodiscard]] ValueScale valueScale(double maxValue, AxisUnit unit, int targetTicks = 5);

// Round tick values inside [lo, hi] for an axis that does not start at 0 (a tornado's or a
// waterfall's NPV span): about `targetTicks` of them and never more than `maxTicks`, whatever the
// numbers (infinite, NaN, or a span too small to step through at that magnitude give none).
[[nodiscard]] std::vector<double> spanTicks(double lo, double hi, int targetTicks = 5, int maxTicks = 12);

// Ticks for x in [first, last], where x = 0 is the absolute month `offset`, at most `maxLabels`
// of them (non-finite or huge spans are bounded too). Labels are unique along the axis (a chart axis needs that).
[[nodiscard]] std::vector<AxisTick> monthTicks(double first, double last, int offset, int maxLabels);

} // namespace cp::views
