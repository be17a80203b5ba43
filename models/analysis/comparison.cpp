#include "analysis/comparison.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "solver/result.h"
#include "solver/solver.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace cp {

namespace {

using solver::Kpis;

std::optional<double> monthValue(const std::optional<int> &absMonth)
{
    return absMonth ? std::optional<double>(*absMonth) : std::nullopt;
}

template<int C>
std::optional<double> capexCategory(const Kpis &k)
{
    return k.capexByCategory[C];
}

template<int C>
std::optional<double> opexCategory(const Kpis &k)
{
    return k.opexByCategory[C];
}

std::vector<KpiDefinition> makeDefinitions()
{
    using U = KpiUnit;
    using B = KpiBetter;
    return {
        {"totalCapexUsd", nullptr, "Total capex", U::Usd, B::Lower, [](const Kpis &k) -> std::optional<double> { return k.totalCapexUsd; }},
        {"compute", "capexByCategory", "Capex: compute", U::Usd, B::Lower, &capexCategory<0>},
        {"facility", "capexByCategory", "Capex: facility", U::Usd, B::Lower, &capexCategory<1>},
        {"power", "capexByCategory", "Capex: power", U::Usd, B::Lower, &capexCategory<2>},
        {"cooling", "capexByCategory", "Capex: cooling", U::Usd, B::Lower, &capexCategory<3>},
        {"totalOpexUsd", nullptr, "Total opex", U::Usd, B::Lower, [](const Kpis &k) -> std::optional<double> { return k.totalOpexUsd; }},
        {"energy", "opexByCategory", "Opex: energy", U::Usd, B::Lower, &opexCategory<0>},
        {"fuel", "opexByCategory", "Opex: fuel", U::Usd, B::Lower, &opexCategory<1>},
        {"rent", "opexByCategory", "Opex: rent", U::Usd, B::Lower, &opexCategory<2>},
        {"om", "opexByCategory", "Opex: O&M", U::Usd, B::Lower, &opexCategory<3>},
        {"cloud", "opexByCategory", "Opex: cloud", U::Usd, B::Lower, &opexCategory<4>},
        {"npvCostUsd", nullptr, "NPV of costs", U::Usd, B::Lower, [](const Kpis &k) -> std::optional<double> { return k.npvCostUsd; }},
        {"firstComputeMonth", nullptr, "First compute", U::Month, B::Earlier, [](const Kpis &k) { return monthValue(k.firstComputeMonth); }},
        {"fullPowerMonth", nullptr, "Full power", U::Month, B::Earlier, [](const Kpis &k) { return monthValue(k.fullPowerMonth); }},
        {"peakItMw", nullptr, "Peak IT load", U::Mw, B::Neither, [](const Kpis &k) -> std::optional<double> { return k.peakItMw; }},
        {"peakFacilityMw", nullptr, "Peak facility load", U::Mw, B::Neither, [](const Kpis &k) -> std::optional<double> { return k.peakFacilityMw; }},
        {"energyMwh", nullptr, "Energy", U::Mwh, B::Neither, [](const Kpis &k) -> std::optional<double> { return k.energyMwh; }},
        {"strandedAcceleratorMonths", nullptr, "Stranded accelerator-months", U::AcceleratorMonths, B::Lower,
         [](const Kpis &k) -> std::optional<double> { return k.strandedAcceleratorMonths; }},
        {"peakBf16Pflops", nullptr, "Peak BF16 compute", U::Pflops, B::Higher, [](const Kpis &k) -> std::optional<double> { return k.peakBf16Pflops; }},
        {"depreciationUsd", nullptr, "Depreciation", U::Usd, B::Lower, [](const Kpis &k) -> std::optional<double> { return k.depreciationUsd; }},
        {"costPerAcceleratorHourUsd", nullptr, "Cost per accelerator-hour", U::UsdPerHour, B::Lower,
         [](const Kpis &k) { return k.costPerAcceleratorHourUsd; }},
        {"plannedAccelerators", nullptr, "Planned accelerators", U::Count, B::Higher, [](const Kpis &k) -> std::optional<double> { return k.plannedAccelerators; }},
        {"peakEnergized", nullptr, "Peak energized accelerators", U::Count, B::Higher, [](const Kpis &k) -> std::optional<double> { return k.peakEnergized; }},
    };
}

} // namespace

const std::vector<KpiDefinition> &comparisonKpis()
{
    static const std::vector<KpiDefinition> definitions = makeDefinitions();
    return definitions;
}

KpiDelta kpiDelta(const KpiDefinition &kpi, std::optional<double> base, std::optional<double> value)
{
    if (!base || !value)
        return {};
    KpiDelta delta;
    delta.abs = *value - *base;
    if (kpi.unit != KpiUnit::Month && *base != 0.0)
        delta.pct = 100.0 * (*value - *base) / std::abs(*base);
    return delta;
}

KpiVerdict kpiVerdict(const KpiDefinition &kpi, std::optional<double> base, std::optional<double> value)
{
    if (!base && !value)
        return KpiVerdict::Same;
    if (!base || !value) {
        // Only months are ever null in a solved plan, besides the cost per hour of a plan that
        // energizes nothing: having the figure (reaching the month) beats not having it.
        if (kpi.better == KpiBetter::Neither)
            return KpiVerdict::Neutral;
        return value ? KpiVerdict::Better : KpiVerdict::Worse;
    }
    const double difference = *value - *base;
    if (std::abs(difference) <= 1e-9 * std::max(std::abs(*base), std::abs(*value)))
        return KpiVerdict::Same;
    switch (kpi.better) {
    case KpiBetter::Lower:
    case KpiBetter::Earlier:
        return difference < 0 ? KpiVerdict::Better : KpiVerdict::Worse;
    case KpiBetter::Higher:
        return difference > 0 ? KpiVerdict::Better : KpiVerdict::Worse;
    case KpiBetter::Neither:
        break;
    }
    return KpiVerdict::Neutral;
}

std::vector<std::shared_ptr<const SolvedScenario>> Comparison::solved() const
{
    std::vector<std::shared_ptr<const SolvedScenario>> out;
    out.reserve(scenarios.size());
    for (const ComparedScenario &compared : scenarios)
        out.push_back(compared.solved);
    return out;
}

std::vector<std::shared_ptr<const SolvedScenario>> Comparison::ownSolved() const
{
    std::vector<std::shared_ptr<const SolvedScenario>> out;
    out.reserve(scenarios.size());
    for (const ComparedScenario &compared : scenarios)
        out.push_back(compared.own);
    return out;
}

namespace {

// The same plan solved over [start, start + months): only the plan's window changes.
std::shared_ptr<const SolvedScenario> solvedOver(const SolvedScenario &solved, int start, int months)
{
    auto copy = std::make_shared<SolvedScenario>(solved);
    copy->scenario.startMonth = Month::fromIndex(start);
    copy->scenario.horizonMonths = months;
    copy->resolved.plan.startMonth = start;
    copy->resolved.plan.horizonMonths = months;
    solver::Solver solver;
    solver.solve(copy->resolved.plan, copy->result);
    return copy;
}

} // namespace

QString windowSentence(const Comparison &comparison)
{
    if (!comparison.windowsDiffer || comparison.empty())
        return {};
    const bool common = std::any_of(comparison.scenarios.begin(), comparison.scenarios.end(), [](const ComparedScenario &c) {
        return c.solved->result.horizonMonths != c.ownHorizonMonths;
    });
    QString sentence = common ? QStringLiteral("Compared over the first %1 months of each plan").arg(comparison.windowMonths)
                              : QStringLiteral("Each plan over its own months; totals of unequal horizons do not compare");
    QStringList own;
    for (const ComparedScenario &c : comparison.scenarios)
        if (c.ownHorizonMonths != comparison.windowMonths)
            own << QStringLiteral("'%1' runs %2 months on its own (%3 to %4)")
                       .arg(c.name)
                       .arg(c.ownHorizonMonths)
                       .arg(format::monthLabel(c.ownStartMonth), format::monthLabel(c.ownStartMonth + c.ownHorizonMonths - 1));
    return sentence + (own.isEmpty() ? QString() : QStringLiteral("; ") + own.join(QStringLiteral("; "))) + QLatin1Char('.');
}

Comparison compareScenarios(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios, CompareWindow window)
{
    Comparison comparison;
    std::vector<std::shared_ptr<const SolvedScenario>> usable;
    for (const auto &solved : scenarios)
        if (solved && solved->ok())
            usable.push_back(solved);
    if (usable.empty())
        return comparison;
    // Like with like: every plan over the same number of months from its own start (the
    // shortest horizon), so a 72-month plan's totals are not set against a 60-month plan's.
    int months = usable.front()->result.horizonMonths;
    for (const auto &solved : usable)
        months = std::min(months, solved->result.horizonMonths);
    const bool common = window == CompareWindow::Common;
    comparison.windowMonths = common ? months : usable.front()->result.horizonMonths;

    const std::vector<KpiDefinition> &kpis = comparisonKpis();
    for (const auto &solved : usable) {
        ComparedScenario compared;
        compared.name = solved->scenario.name;
        compared.ownStartMonth = solved->result.startMonth;
        compared.ownHorizonMonths = solved->result.horizonMonths;
        const bool own = !common || compared.ownHorizonMonths == months;
        compared.own = solved;
        compared.solved = own ? solved : solvedOver(*solved, compared.ownStartMonth, months);
        comparison.windowsDiffer = comparison.windowsDiffer || compared.ownHorizonMonths != usable.front()->result.horizonMonths;
        compared.kpis.reserve(kpis.size());
        for (const KpiDefinition &kpi : kpis)
            compared.kpis.push_back({kpi.value(compared.solved->result.kpis), {}, KpiVerdict::Same});
        comparison.scenarios.push_back(std::move(compared));
    }
    const ComparedScenario &baseline = comparison.scenarios.front();
    for (ComparedScenario &compared : comparison.scenarios) {
        for (std::size_t i = 0; i < kpis.size(); ++i) {
            const std::optional<double> base = baseline.kpis[i].value;
            ComparedKpi &kpi = compared.kpis[i];
            kpi.delta = kpiDelta(kpis[i], base, kpi.value);
            kpi.verdict = kpiVerdict(kpis[i], base, kpi.value);
        }
    }
    return comparison;
}

} // namespace cp
