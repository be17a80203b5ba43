#include "domain/month.h"

#include "format/units.h"

namespace cp {

std::optional<Month> Month::parse(QStringView text)
{
    if (text.size() != 7 || text.at(4) != QLatin1Char('-'))
        return std::nullopt;
    int digits[6];
    const int positions[6] = {0, 1, 2, 3, 5, 6};
    for (int i = 0; i < 6; ++i) {
        const QChar c = text.at(positions[i]);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        digits[i] = c.unicode() - u'0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const int month = digits[4] * 10 + digits[5];
    if (month < 1 || month > 12)
        return std::nullopt;
    return fromYearMonth(year, month);
}

QString Month::toIso() const
{
    return format::monthIso(m_index);
}

QString Month::toLabel() const
{
    return format::monthLabel(m_index);
}

} // namespace cp
