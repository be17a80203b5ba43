#include "format/riskinputlabel.h"

#include "format/units.h"
#include "solver/risk.h"
#include "solver/textformat.h"

#include <algorithm>
#include <cmath>

namespace cp::format {

QString riskFieldLabel(const std::string &field)
{
    if (field == "permitMonths")
        return QStringLiteral("permit time");
    if (field == "buildMonths")
        return QStringLiteral("build time");
    if (field == "leadTimeMonths")
        return QStringLiteral("lead time");
    if (field == "unitCapexUsd")
        return QStringLiteral("unit capex");
    if (field == "capexUsd" || field == "capexUsdPerMwIt" || field == "capexUsdPerKw")
        return QStringLiteral("capex");
    if (field == "computePriceUsdPerAcceleratorHour" || field == "priceUsdPerAcceleratorHour")
        return QStringLiteral("price of compute");
    if (field == "electricityUsdPerMwh")
        return QStringLiteral("electricity price");
    if (field == "gasUsdPerMmbtu")
        return QStringLiteral("gas price");
    if (field == "pue")
        return QStringLiteral("PUE");
    if (field == "itKwPerAccelerator")
        return QStringLiteral("kW per accelerator");
    if (field == "rentUsdPerAcceleratorHour")
        return QStringLiteral("cloud rent");
    if (field == "rentUsdPerMwMonth" || field == "rentUsdPerMonth")
        return QStringLiteral("rent");
    return QString::fromStdString(field);
}

QString riskInputValue(const std::string &field, double value)
{
    if (field == "permitMonths" || field == "buildMonths" || field == "leadTimeMonths")
        return format::nounCount(std::lround(value), QStringLiteral("month"), QStringLiteral("months"));
    if (field == "pue") // a ratio of facility to IT power: no unit
        return QString::fromStdString(solver::text::fixed(value, 2));
    if (field == "itKwPerAccelerator")
        return QString::fromStdString(solver::text::fixed(value, 2)) + QStringLiteral(" kW");
    if (field == "electricityUsdPerMwh")
        return format::usd(value) + QStringLiteral("/MWh");
    if (field == "gasUsdPerMmbtu")
        return format::usd(value) + QStringLiteral("/MMBtu");
    if (field == "rentUsdPerAcceleratorHour" || field == "computePriceUsdPerAcceleratorHour"
        || field == "priceUsdPerAcceleratorHour")
        return format::usd(value) + QStringLiteral("/accelerator-hour");
    if (field == "rentUsdPerMwMonth")
        return format::usd(value) + QStringLiteral("/MW-month");
    if (field == "rentUsdPerMonth")
        return format::usd(value) + QStringLiteral("/month");
    return format::usd(value); // capex
}

QString riskInputRange(const std::string &field, double low, double high)
{
    return riskInputValue(field, low) + QStringLiteral(" to ") + riskInputValue(field, high);
}

QString riskInputLabel(const solver::TornadoBar &bar, bool withSite)
{
    QString item = QString::fromStdString(bar.item);
    if (bar.site.empty()) // a plan-wide input, such as the plan's price of compute
        return QStringLiteral("Plan: ") + riskFieldLabel(bar.field);
    if (withSite)
        item = QString::fromStdString(bar.site) + QStringLiteral(" / ") + item;
    return item + QStringLiteral(": ") + riskFieldLabel(bar.field);
}

bool inputsSpanSites(const std::vector<solver::TornadoBar> &bars)
{
    return std::any_of(bars.begin(), bars.end(),
                       [&bars](const solver::TornadoBar &bar) { return bar.site != bars.front().site; });
}

} // namespace cp::format
