#pragma once

#include <string>
#include <string_view>

// Number formatting for messages, in plain C++ so the solver's warnings and the Qt views print
// the same text (models/format/units.h wraps these). A unit on every number and a scale a
// planner reads at a glance: $4.50B, 150 MW, 2.15 GW, 100,000, Mar 2025.
namespace cp::solver::text {

[[nodiscard]] std::string usd(double amountUsd);
[[nodiscard]] std::string megawatts(double mw);
[[nodiscard]] std::string megawattHours(double mwh);
[[nodiscard]] std::string count(double n);          // 100,000 / 1.23M / 2.10B
[[nodiscard]] std::string flops(double pflops);     // 950 PFLOPS / 2.10 EFLOPS / 2,100 EFLOPS
[[nodiscard]] std::string monthLabel(int absMonth); // "Mar 2025"
[[nodiscard]] std::string monthIso(int absMonth);   // "2025-03"
[[nodiscard]] std::string fixed(double value, int decimals); // C locale, no grouping

// The parts one after another, in one allocation (warnings are written on every solve).
template<typename... Parts>
[[nodiscard]] std::string concat(const Parts &...parts)
{
    std::string out;
    out.reserve((std::string_view(parts).size() + ...));
    (out.append(std::string_view(parts)), ...);
    return out;
}

} // namespace cp::solver::text
