#include "solver/calendar.h"

namespace cp::solver {

int daysInMonth(int absMonth) noexcept
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int month = monthOf(absMonth);
    if (month == 2 && isLeapYear(yearOf(absMonth)))
        return 29;
    return kDays[month - 1];
}

} // namespace cp::solver
