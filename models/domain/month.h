#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace cp {

// A calendar month, stored as an absolute index (year * 12 + month - 1) so arithmetic and
// ordering are integer operations. Written "YYYY-MM" in files (spec: ^\d{4}-(0[1-9]|1[0-2])$).
class Month
{
public:
    constexpr Month() = default;
    [[nodiscard]] static constexpr Month fromIndex(int absoluteIndex) { return Month(absoluteIndex); }
    [[nodiscard]] static constexpr Month fromYearMonth(int year, int month1to12)
    {
        return Month(year * 12 + month1to12 - 1);
    }
    // Accepts exactly "YYYY-MM"; anything else (spaces, "2024-1", "2024-13") is nullopt.
    [[nodiscard]] static std::optional<Month> parse(QStringView text);

    // The months a plan may name: a window around any plan a planner makes, so a stray year
    // (1900 from a spin box, 9999 from a typo) is refused where it is typed, imported or validated.
    [[nodiscard]] static constexpr Month earliestAccepted() { return fromYearMonth(1990, 1); }
    [[nodiscard]] static constexpr Month latestAccepted() { return fromYearMonth(2100, 12); }
    [[nodiscard]] constexpr bool isAccepted() const
    {
        return earliestAccepted() <= *this && *this <= latestAccepted();
    }

    [[nodiscard]] constexpr int index() const { return m_index; }
    [[nodiscard]] constexpr int year() const { return m_index / 12; }
    [[nodiscard]] constexpr int month() const { return m_index % 12 + 1; }
    [[nodiscard]] QString toIso() const;   // "2025-03"
    [[nodiscard]] QString toLabel() const; // "Mar 2025"

    [[nodiscard]] constexpr Month plusMonths(int months) const { return Month(m_index + months); }
    [[nodiscard]] constexpr int monthsUntil(Month later) const { return later.m_index - m_index; }

    friend constexpr auto operator<=>(Month, Month) = default;

private:
    constexpr explicit Month(int absoluteIndex)
        : m_index(absoluteIndex)
    {
    }
    int m_index = 0;
};

} // namespace cp
