#include "catalog/catalogvalue.h"

namespace cp {

bool CatalogValue::isStale(Month today) const
{
    const std::optional<Month> month = asOfMonth();
    // An unreadable date cannot vouch for the value: treat it as stale. (The loader refuses
    // such dates, so this only matters for hand-built values.)
    return !month || month->monthsUntil(today) > kStaleAfterMonths;
}

QString CatalogValue::provenance() const
{
    QString text = source + QStringLiteral(", ") + asOf + QStringLiteral(", confidence ") + confidence;
    if (estimate)
        text += QStringLiteral(" (estimate)");
    if (!note.isEmpty())
        text += QStringLiteral(". ") + note;
    return text;
}

} // namespace cp
