#include "format/riskinputlabel.h"

#include "solver/risk.h"

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
    return QString::fromStdString(field);
}

QString riskInputLabel(const solver::TornadoBar &bar, bool withSite)
{
    QString item = QString::fromStdString(bar.item);
    if (withSite)
        item = QString::fromStdString(bar.site) + QStringLiteral(" / ") + item;
    return item + QStringLiteral(": ") + riskFieldLabel(bar.field);
}

} // namespace cp::format
