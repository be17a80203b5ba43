#include "analysis/timevalue.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"

#include <cmath>

namespace cp {

namespace {

std::optional<int> monthsEarlier(const std::optional<int> &baseline, const std::optional<int> &other)
{
    if (!baseline || !other)
        return std::nullopt;
    return *baseline - *other;
}

} // namespace

TimeValue timeValue(const SolvedScenario &baseline, const SolvedScenario &other)
{
    const solver::Kpis &a = baseline.result.kpis;
    const solver::Kpis &b = other.result.kpis;
    TimeValue v;
    v.returns = a.returnsStated && b.returnsStated;
    v.fullPowerMonthsGained = monthsEarlier(a.fullPowerMonth, b.fullPowerMonth);
    v.firstComputeMonthsGained = monthsEarlier(a.firstComputeMonth, b.firstComputeMonth);
    v.acceleratorMonthsGained = other.result.monthly.energized.sum() - baseline.result.monthly.energized.sum();
    v.costAddedUsd = b.npvCostUsd - a.npvCostUsd;
    v.valueGainedUsd = (b.npvRevenueUsd + b.npvResidualValueUsd) - (a.npvRevenueUsd + a.npvResidualValueUsd);
    v.netUsd = v.returns ? b.npvNetUsd - a.npvNetUsd : -v.costAddedUsd;
    v.fromUsd = v.returns ? a.npvNetUsd : a.npvCostUsd;
    v.toUsd = v.returns ? b.npvNetUsd : b.npvCostUsd;

    // Net: costs pull the NPV down; cost bridge: they push it up.
    const double sign = v.returns ? -1.0 : 1.0;
    static constexpr const char *kCapexLabels[] = {"Compute capex", "Facility capex", "Power capex", "Cooling capex"};
    static constexpr const char *kOpexLabels[] = {"Energy", "Fuel", "Rent", "O&M", "Cloud rent"};
    for (int c = 0; c < solver::kCapexCategories; ++c) {
        const auto i = static_cast<std::size_t>(c);
        v.steps.push_back({solver::capexCategoryName(static_cast<solver::CapexCategory>(c)), kCapexLabels[i],
                           sign * (b.npvCapexByCategoryUsd[i] - a.npvCapexByCategoryUsd[i])});
    }
    for (int c = 0; c < solver::kOpexCategories; ++c) {
        const auto i = static_cast<std::size_t>(c);
        v.steps.push_back({solver::opexCategoryName(static_cast<solver::OpexCategory>(c)), kOpexLabels[i],
                           sign * (b.npvOpexByCategoryUsd[i] - a.npvOpexByCategoryUsd[i])});
    }
    if (v.returns) {
        v.steps.push_back({"revenue", "Revenue", b.npvRevenueUsd - a.npvRevenueUsd});
        v.steps.push_back({"residual", "Residual value", b.npvResidualValueUsd - a.npvResidualValueUsd});
    }
    return v;
}

QString timeValueSentence(const TimeValue &v, const QString &baselineName)
{
    QString when;
    if (v.fullPowerMonthsGained && *v.fullPowerMonthsGained != 0) {
        const int months = std::abs(*v.fullPowerMonthsGained);
        when = QStringLiteral("full power %1 %2").arg(format::nounCount(months, QStringLiteral("month"), QStringLiteral("months")),
                                                      *v.fullPowerMonthsGained > 0 ? QStringLiteral("earlier") : QStringLiteral("later"));
    } else if (v.fullPowerMonthsGained) {
        when = QStringLiteral("full power in the same month");
    } else {
        when = QStringLiteral("%1 accelerator-months %2").arg(format::count(std::abs(v.acceleratorMonthsGained)),
                                                           v.acceleratorMonthsGained >= 0 ? QStringLiteral("more") : QStringLiteral("fewer"));
    }
    const auto signedUsd = [](double usd) -> QString { return (usd >= 0 ? QStringLiteral("+") : QStringLiteral("-")) + format::usd(std::abs(usd)); };
    if (!v.returns)
        return QStringLiteral("Against %1: %2; NPV of costs %3. State a value of compute to weigh the months it buys.")
            .arg(baselineName, when, signedUsd(v.costAddedUsd));
    const QString verdict = v.netUsd >= 0 ? QStringLiteral("the difference pays for itself")
                                          : QStringLiteral("the difference does not pay for itself");
    return QStringLiteral("Against %1: %2; value gained %3, cost added %4: net %5, %6.")
        .arg(baselineName, when, signedUsd(v.valueGainedUsd), signedUsd(v.costAddedUsd), signedUsd(v.netUsd), verdict);
}

} // namespace cp
