#include "analysis/comparisontext.h"

#include "format/units.h"

#include <cmath>
#include <cstdlib>

namespace cp {

namespace {

const QString kDash = QStringLiteral("\u2014");

QString signedText(double value, const QString &magnitudeText)
{
    // The formatters already print a minus sign; a plus sign marks growth.
    return value > 0 ? QLatin1Char('+') + magnitudeText : magnitudeText;
}

} // namespace

QString comparisonValueText(const KpiDefinition &kpi, const std::optional<double> &value)
{
    if (!value)
        return kpi.unit == KpiUnit::Month ? QStringLiteral("not within the plan") : kDash;
    const double v = *value;
    switch (kpi.unit) {
    case KpiUnit::Usd:
        return format::usd(v);
    case KpiUnit::UsdPerHour:
        return format::usd(v) + QStringLiteral("/h");
    case KpiUnit::Mw:
        return format::megawatts(v);
    case KpiUnit::Mwh:
        return format::megawattHours(v);
    case KpiUnit::Count:
    case KpiUnit::AcceleratorMonths:
        return format::count(v);
    case KpiUnit::Pflops:
        return format::flops(v);
    case KpiUnit::Month:
        return format::monthLabel(static_cast<int>(std::lround(v)));
    }
    return {};
}

QString comparisonDeltaText(const KpiDefinition &kpi, const KpiDelta &delta)
{
    if (!delta.abs)
        return kDash;
    const double abs = *delta.abs;
    if (kpi.unit == KpiUnit::Month) {
        const long months = std::lround(abs);
        if (months == 0)
            return QStringLiteral("same month");
        return signedText(abs, QString::number(months) + (std::labs(months) == 1 ? QStringLiteral(" month") : QStringLiteral(" months")));
    }
    QString text;
    switch (kpi.unit) {
    case KpiUnit::Usd:
        text = format::usd(abs);
        break;
    case KpiUnit::UsdPerHour:
        text = format::usd(abs) + QStringLiteral("/h");
        break;
    case KpiUnit::Mw:
        text = format::megawatts(abs);
        break;
    case KpiUnit::Mwh:
        text = format::megawattHours(abs);
        break;
    case KpiUnit::Count:
    case KpiUnit::AcceleratorMonths:
        text = format::count(abs);
        break;
    case KpiUnit::Pflops:
        text = format::flops(abs);
        break;
    case KpiUnit::Month:
        break;
    }
    text = signedText(abs, text);
    if (delta.pct)
        text += QStringLiteral(" (") + signedText(*delta.pct, format::percent(*delta.pct)) + QLatin1Char(')');
    return text;
}

} // namespace cp
