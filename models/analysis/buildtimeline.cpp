#include "analysis/buildtimeline.h"

#include "analysis/solvedscenario.h"
#include "solver/solver.h"

namespace cp {

namespace {

using solver::Binding;

std::optional<int> retireOf(int retireMonth)
{
    return retireMonth == solver::kNever ? std::nullopt : std::optional<int>(retireMonth);
}

// The phases whose arrival can lift a binding constraint, most likely first.
std::vector<TimelinePhase> suspectsFor(Binding binding)
{
    switch (binding) {
    case Binding::Facility:
        return {TimelinePhase::Construction, TimelinePhase::Permit};
    case Binding::Power:
        return {TimelinePhase::Power};
    case Binding::Cooling:
        return {TimelinePhase::Cooling, TimelinePhase::Construction, TimelinePhase::Permit};
    case Binding::Delivery:
        return {TimelinePhase::Compute};
    case Binding::None:
        break;
    }
    return {TimelinePhase::Construction, TimelinePhase::Permit, TimelinePhase::Power, TimelinePhase::Cooling,
            TimelinePhase::Compute};
}

// Full power comes with an arrival in its month: the facility ready, a delivery, a source or a
// cooling plant available. Of the arrivals that month, the ones of the kind that held the site
// back the month before gate it.
void markGating(SiteTimeline &site)
{
    if (!site.fullPowerMonth)
        return;
    const int full = *site.fullPowerMonth;
    auto arrives = [&](const TimelineBar &bar) {
        if (bar.endMonth != full)
            return false;
        if (bar.phase == TimelinePhase::Permit || bar.phase == TimelinePhase::Construction)
            return site.readyMonth == full;
        // A battery adds no firm MW (docs/scenario-format.md, section 3): it never brings a site to
        // full power.
        return !(bar.phase == TimelinePhase::Power && (bar.powerKind == solver::PowerKind::Bess || bar.quantity <= 0.0));
    };
    auto markArrivals = [&](const std::vector<TimelinePhase> &phases) {
        for (const TimelinePhase phase : phases) {
            bool found = false;
            for (TimelineBar &bar : site.bars) {
                if (bar.phase == phase && arrives(bar)) {
                    bar.gating = true;
                    found = true;
                }
            }
            if (found)
                return true;
        }
        return false;
    };
    // When no arrival of the binding kind falls in that month, any arrival then is the gate.
    if (!markArrivals(suspectsFor(site.limitedBy)))
        markArrivals(suspectsFor(Binding::None));
}

} // namespace

QString phaseName(TimelinePhase phase)
{
    switch (phase) {
    case TimelinePhase::Permit:
        return QStringLiteral("Permit");
    case TimelinePhase::Construction:
        return QStringLiteral("Construction");
    case TimelinePhase::Power:
        return QStringLiteral("Power");
    case TimelinePhase::Cooling:
        return QStringLiteral("Cooling");
    case TimelinePhase::Compute:
        return QStringLiteral("Compute");
    }
    return {};
}

solver::Binding limitBeforeFullPower(const solver::Plan &plan, const solver::SiteResult &site)
{
    const int before = site.kpis.fullPowerMonth ? *site.kpis.fullPowerMonth - plan.startMonth - 1 : plan.horizonMonths - 1;
    return before >= 0 && before < site.series.months() ? site.series.at(before).binding : Binding::None;
}

std::vector<SiteTimeline> buildTimeline(const SolvedScenario &solved)
{
    std::vector<SiteTimeline> out;
    const solver::Plan &plan = solved.resolved.plan;
    if (!solved.ok() || plan.sites.size() != solved.result.sites.size())
        return out;
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const solver::Site &site = plan.sites[s];
        const solver::SiteResult &result = solved.result.sites[s];
        SiteTimeline timeline;
        timeline.name = QString::fromStdString(site.name);
        timeline.readyMonth = result.readyMonth;
        timeline.fullPowerMonth = result.kpis.fullPowerMonth;
        timeline.limitedBy = limitBeforeFullPower(plan, result);

        const solver::Facility &f = site.facility;
        timeline.bars.push_back({QStringLiteral("Permit"), TimelinePhase::Permit, f.permitStartMonth,
                                 solver::permitEndMonth(f), std::nullopt, 0.0, -1, {}, false});
        timeline.bars.push_back({QStringLiteral("Construction"), TimelinePhase::Construction, f.constructionStartMonth,
                                 solver::constructionEndMonth(f), std::nullopt, 0.0, -1,
                                 {}, false});
        for (std::size_t j = 0; j < site.sources.size(); ++j) {
            const solver::PowerSource &p = site.sources[j];
            const double mw = p.kind == solver::PowerKind::Bess ? p.powerMw : p.capacityMw * p.availabilityPct / 100.0;
            timeline.bars.push_back({QString::fromStdString(p.name), TimelinePhase::Power, p.orderMonth,
                                     solver::arrivalMonth(p), retireOf(p.retireMonth), mw,
                                     static_cast<int>(j), p.kind, false});
        }
        for (std::size_t k = 0; k < site.coolingPlants.size(); ++k) {
            const solver::CoolingPlant &c = site.coolingPlants[k];
            timeline.bars.push_back({QString::fromStdString(c.name), TimelinePhase::Cooling, c.orderMonth,
                                     solver::arrivalMonth(c), retireOf(c.retireMonth),
                                     c.capacityMw, static_cast<int>(k), {}, false});
        }
        for (std::size_t i = 0; i < site.tranches.size(); ++i) {
            const solver::Tranche &t = site.tranches[i];
            timeline.bars.push_back({QString::fromStdString(t.name), TimelinePhase::Compute, t.orderMonth,
                                     solver::arrivalMonth(t), retireOf(t.retireMonth),
                                     static_cast<double>(t.count), static_cast<int>(i), {}, false});
        }
        markGating(timeline);
        out.push_back(std::move(timeline));
    }
    return out;
}

} // namespace cp
