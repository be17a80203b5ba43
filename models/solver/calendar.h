#pragma once

// Months as plain integers: an absolute month index is year * 12 + (month - 1), so month
// arithmetic is integer addition and ordering is integer ordering. Years are 0..9999 (the
// format's four digits), so indices are never negative.

namespace cp::solver {

[[nodiscard]] constexpr int absoluteMonth(int year, int month1to12) noexcept
{
    return year * 12 + (month1to12 - 1);
}
[[nodiscard]] constexpr int yearOf(int absMonth) noexcept
{
    return absMonth / 12;
}
[[nodiscard]] constexpr int monthOf(int absMonth) noexcept // 1..12
{
    return absMonth - yearOf(absMonth) * 12 + 1;
}

[[nodiscard]] constexpr bool isLeapYear(int year) noexcept
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

[[nodiscard]] int daysInMonth(int absMonth) noexcept;

// Calendar hours of a month: its days x 24 (February 2028: 696).
[[nodiscard]] inline double hoursInMonth(int absMonth) noexcept
{
    return daysInMonth(absMonth) * 24.0;
}

} // namespace cp::solver
