#include "format/riskinputlabel.h"

#include "solver/risk.h"

#include <algorithm>

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
    return QString::fromStdString(field);
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
