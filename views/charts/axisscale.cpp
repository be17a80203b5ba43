#include "charts/axisscale.h"

#include "format/units.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cp::views {

namespace {

double niceStep(double rawStep)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(rawStep)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0})
        if (rawStep <= factor * magnitude * (1 + 1e-12))
            return factor * magnitude;
    return 10.0 * magnitude;
}

// Decimals that tell ticks `step` apart in units of `divisor`.
int decimalsFor(double step, double divisor)
{
    const double scaled = step / divisor;
    for (int decimals = 0; decimals < 3; ++decimals)
        if (std::abs(scaled * std::pow(10.0, decimals) - std::round(scaled * std::pow(10.0, decimals))) < 1e-6)
            return decimals;
    return 3;
}

// C locale digits with thousands grouped: only compute reaches four digits on an axis (the
// other units change scale first), and "3,000 EFLOPS" reads where "3000" makes one count.
QString number(double value, int decimals)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale.toString(value, 'f', decimals);
}

struct UnitScale {
    double divisor;
    QString prefix;
    QString suffix;
};

UnitScale unitScale(AxisUnit unit, double max)
{
    switch (unit) {
    case AxisUnit::Usd:
        if (max >= 1e9)
            return {1e9, QStringLiteral("$"), QStringLiteral("B")};
        if (max >= 1e6)
            return {1e6, QStringLiteral("$"), QStringLiteral("M")};
        if (max >= 1e3)
            return {1e3, QStringLiteral("$"), QStringLiteral("k")};
        return {1.0, QStringLiteral("$"), QString()};
    case AxisUnit::Mw:
        if (max >= 1000)
            return {1000.0, QString(), QStringLiteral(" GW")};
        return {1.0, QString(), QStringLiteral(" MW")};
    case AxisUnit::Pflops:
        if (max >= 1000)
            return {1000.0, QString(), QStringLiteral(" EFLOPS")};
        return {1.0, QString(), QStringLiteral(" PFLOPS")};
    case AxisUnit::Count:
        if (max >= 1e6)
            return {1e6, QString(), QStringLiteral("M")};
        if (max >= 1e3)
            return {1e3, QString(), QStringLiteral("k")};
        return {1.0, QString(), QString()};
    }
    return {1.0, QString(), QString()};
}

} // namespace

ValueScale valueScale(double maxValue, AxisUnit unit, int targetTicks)
{
    ValueScale scale;
    if (!(maxValue > 0) || !std::isfinite(maxValue))
        maxValue = unit == AxisUnit::Usd ? 1e6 : 1.0; // an empty chart still gets a readable axis
    const double step = niceStep(maxValue / std::max(1, targetTicks));
    // About targetTicks intervals; the bound keeps a subnormal or overflowing step from asking for more.
    const int intervals = std::clamp(static_cast<int>(std::min(1e6, std::ceil(maxValue / step - 1e-9))), 1,
                                     std::max(1, targetTicks) * 3);
    scale.max = intervals * step;
    const UnitScale units = unitScale(unit, scale.max);
    const int decimals = decimalsFor(step, units.divisor);
    for (int i = 0; i <= intervals; ++i) {
        const double value = i * step;
        const QString text = i == 0 ? (unit == AxisUnit::Usd ? QStringLiteral("$0") : QStringLiteral("0"))
                                    : units.prefix + number(value / units.divisor, decimals) + units.suffix;
        scale.ticks.push_back({value, text});
    }
    return scale;
}

std::vector<double> spanTicks(double lo, double hi, int targetTicks, int maxTicks)
{
    std::vector<double> ticks;
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo) || maxTicks <= 0)
        return ticks;
    const double span = hi - lo;
    if (!std::isfinite(span))
        return ticks;
    const double step = niceStep(span / std::max(1, targetTicks));
    if (!std::isfinite(step) || !(step > 0))
        return ticks;
    // Tick i is (first + i) x step: an index, not a running sum, so a step too small to change
    // a huge value cannot stall the loop, and the count is bounded before it starts.
    const double first = std::ceil(lo / step);
    const double last = std::floor(hi / step);
    if (!std::isfinite(first) || !std::isfinite(last) || last < first || last - first >= maxTicks)
        return ticks;
    const int count = static_cast<int>(last - first) + 1;
    for (int i = 0; i < count; ++i) {
        const double value = (first + i) * step;
        if (value >= lo && value <= hi && (ticks.empty() || value > ticks.back()))
            ticks.push_back(value); // at magnitudes where first + i == first, one tick, not several
    }
    return ticks;
}

std::vector<AxisTick> monthTicks(double first, double last, int offset, int maxLabels)
{
    std::vector<AxisTick> ticks;
    if (!std::isfinite(first) || !std::isfinite(last))
        return ticks;
    // Beyond 120 months a label nothing more can be shown; the loop below walks months, so the
    // span is cut there, and kept where an int month can hold it.
    constexpr double kMonthLimit = 1e8;
    first = std::clamp(first, -kMonthLimit, kMonthLimit);
    last = std::clamp(std::min(last, first + 120.0 * (std::max(1, maxLabels) + 1)), -kMonthLimit, kMonthLimit);
    const double span = last - first;
    if (!(span > 0))
        return ticks;
    int step = 1;
    for (const int candidate : {1, 2, 3, 6, 12, 24, 60, 120}) {
        step = candidate;
        if (span / candidate <= std::max(1, maxLabels))
            break;
    }
    const int firstMonth = static_cast<int>(std::ceil(first)) + offset;
    const int lastMonth = static_cast<int>(std::floor(last)) + offset;
    bool yearShown = false;
    for (int month = firstMonth; month <= lastMonth; ++month) {
        const int calendarMonth = ((month % 12) + 12) % 12;
        const int year = month / 12;
        if (step >= 12 ? (calendarMonth != 0 || year % (step / 12) != 0) : (calendarMonth % step != 0))
            continue;
        QString label;
        if (step >= 12) {
            label = QString::number(year);
        } else {
            // The year at January and on the first tick; the month alone in between.
            label = format::monthLabel(month);
            if (calendarMonth != 0 && yearShown)
                label = label.left(3) + QString(static_cast<qsizetype>(ticks.size()), QChar(0x200B)); // zero-width: unique, same look
            yearShown = true;
        }
        ticks.push_back({static_cast<double>(month - offset), label});
    }
    return ticks;
}

} // namespace cp::views
