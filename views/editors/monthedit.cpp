#include "editors/monthedit.h"

namespace cp::views {

namespace {
const QDate kEarliest(1900, 1, 1); // "none" for an optional month
const QDate kFirstMonth(1901, 1, 1);
const QDate kLast(9999, 12, 1);
} // namespace

MonthEdit::MonthEdit(QWidget *parent)
    : QDateEdit(parent)
{
    setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    setDisplayFormat(QStringLiteral("MMM yyyy"));
    setCalendarPopup(true);
    setKeyboardTracking(false);
    setDateRange(kFirstMonth, kLast);
    setCurrentSection(QDateTimeEdit::MonthSection);
}

void MonthEdit::setOptional(bool optional, const QString &emptyText)
{
    m_optional = optional;
    setMinimumDate(optional ? kEarliest : kFirstMonth);
    setSpecialValueText(optional ? emptyText : QString());
}

std::optional<Month> MonthEdit::month() const
{
    const QDate d = date();
    if (m_optional && d == kEarliest)
        return std::nullopt;
    return Month::fromYearMonth(d.year(), d.month());
}

void MonthEdit::setMonth(const std::optional<Month> &month)
{
    if (!month) {
        setDate(m_optional ? kEarliest : kFirstMonth);
        return;
    }
    setDate(QDate(month->year(), month->month(), 1));
}

} // namespace cp::views
