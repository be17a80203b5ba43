#include "solver/checks.h"

#include "solver/textformat.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

namespace cp::solver::detail {

namespace {

constexpr double kEpsilonMw = 1e-9;

// Training loads swing by tens of MW in fractions of a second; batteries absorb the swing. The
// format's check (docs/scenario-format.md, section 6) compares the batteries with swingFraction x
// the peak IT load; batteries that arrive after the load starts are flagged too, with the months
// that run short.
void checkPowerSwing(const Plan &plan, const Site &site, const SiteFacts &facts, const Kpis &kpis,
                     std::vector<Warning> &warnings)
{
    const CheckParameters &checks = plan.checks;
    if (kpis.peakItMw <= checks.swingThresholdItMw)
        return;
    const double neededMw = checks.swingFraction * kpis.peakItMw;
    double atPeakMw = 0.0; // the most battery power in any month at the peak load
    int firstShort = -1;
    int lastShort = -1;
    for (const Segment &seg : facts.segments) {
        if (seg.itMw == kpis.peakItMw)
            atPeakMw = std::max(atPeakMw, seg.bessMw);
        if (seg.itMw > checks.swingThresholdItMw && seg.bessMw < checks.swingFraction * seg.itMw - kEpsilonMw) {
            if (firstShort < 0)
                firstShort = seg.start;
            lastShort = seg.start + seg.length - 1;
        }
    }
    if (firstShort < 0)
        return;
    const std::string need = text::concat(site.name, ": training power swings need ", text::megawatts(neededMw),
                                          " of smoothing (", text::fixed(checks.swingFraction * 100.0, 0), "% of the ",
                                          text::megawatts(kpis.peakItMw), " peak IT load); ");
    std::string message;
    if (atPeakMw < neededMw - kEpsilonMw) {
        message = text::concat(need, "batteries provide ", text::megawatts(atPeakMw),
                               " at the peak. Add battery storage (bess powerMw) or plan for the grid's "
                               "ride-through limits.");
    } else {
        const std::string from = text::monthLabel(plan.startMonth + firstShort);
        const std::string until = text::monthLabel(plan.startMonth + lastShort);
        message = text::concat(need, "the batteries arrive after the load: ", from, from == until ? "" : " to ",
                               from == until ? "" : until, " run without enough smoothing. Order them earlier.");
    }
    warnings.push_back({site.name, {}, "power_swing", std::move(message)});
}

// Hundreds of thousands of chips fail, some silently: say how often and how many spares.
void checkReliability(const Plan &plan, const Site &site, const Kpis &kpis, std::vector<Warning> &warnings)
{
    if (kpis.peakEnergized <= 0)
        return;
    const CheckParameters &checks = plan.checks;
    const double perDay = kpis.peakEnergized * checks.interruptionsPerAcceleratorYear / 365.0;
    const double spares = std::ceil(kpis.peakEnergized * checks.spareRatio);
    warnings.push_back({site.name, {}, "reliability",
                        text::concat(site.name, ": at its peak of ", text::count(kpis.peakEnergized),
                                     " energized accelerators expect about ", text::fixed(perDay, perDay >= 10 ? 0 : 1),
                                     " job interruptions a day (", text::fixed(checks.interruptionsPerAcceleratorYear, 2),
                                     " per accelerator-year); keep a spare pool of ", text::count(spares), " (",
                                     text::fixed(checks.spareRatio * 100.0, 0), "%).")});
}

void checkNeverEnergized(const Plan &plan, const Site &site, const SiteFacts &facts, std::vector<Warning> &warnings)
{
    for (std::size_t i = 0; i < site.tranches.size(); ++i) {
        const int deliveryRel = facts.deliveryMonth[i] - plan.startMonth;
        if (deliveryRel < 0 || deliveryRel >= plan.horizonMonths || facts.maxEnergized[i] > 0)
            continue;
        const Tranche &t = site.tranches[i];
        warnings.push_back({site.name, t.name, "never_energized",
                            text::concat(site.name, " / ", t.name, ": ", text::count(t.count),
                                         " accelerators delivered in ", text::monthLabel(facts.deliveryMonth[i]),
                                         " are never energized within the plan; their capital sits idle.")});
    }
}

void checkNotFullyEnergized(const Plan &plan, const Site &site, const SiteFacts &facts, std::vector<Warning> &warnings)
{
    const Segment &last = facts.segments.back();
    const double waiting = last.planned - last.energized;
    if (waiting <= 0)
        return;
    warnings.push_back({site.name, {}, "not_fully_energized",
                        text::concat(site.name, ": ", text::count(waiting), " of ", text::count(last.planned),
                                     " planned accelerators are still not energized at the end of the plan (",
                                     text::monthLabel(plan.startMonth + plan.horizonMonths - 1),
                                     "); the limit then is ", bindingName(last.binding), ".")});
}

void checkOutsideFlows(const Plan &plan, const Site &site, const SiteFacts &facts, std::vector<Warning> &warnings)
{
    for (const SiteFacts::OutsideFlows &flows : facts.outsideFlows) {
        const std::string &item = itemName(site, flows.item);
        std::string message = site.name + " / " + item + ": "
                              + text::usd(flows.beforeStartUsd + flows.afterEndUsd)
                              + " of payments fall outside the plan (";
        if (flows.beforeStartUsd != 0.0)
            message += text::usd(flows.beforeStartUsd) + " before " + text::monthLabel(plan.startMonth) + ", sunk";
        if (flows.beforeStartUsd != 0.0 && flows.afterEndUsd != 0.0)
            message += "; ";
        if (flows.afterEndUsd != 0.0)
            message += text::usd(flows.afterEndUsd) + " after "
                       + text::monthLabel(plan.startMonth + plan.horizonMonths - 1) + ", beyond the plan";
        message += "); they are not in the totals or the NPV.";
        warnings.push_back({site.name, item, "flows_outside_horizon", message});
    }
}

void checkCloudPower(const Site &site, std::vector<Warning> &warnings)
{
    if (!site.cloudPartner)
        return;
    for (const PowerSource &s : site.sources)
        if (s.kind != PowerKind::Bess && s.capacityMw * s.availabilityPct > 0)
            return;
    warnings.push_back({site.name, {}, "cloud_no_power",
                        site.name + ": a cloud-partner site with no firm power source never energizes anything; "
                                    "add the partner's grid or generation so the plan shows when capacity is real."});
}

// The power sources and cooling plants that leave service in `month` (absolute; retireMonth is
// the first month out).
std::vector<std::string> retiringIn(const Site &site, int month)
{
    std::vector<std::string> names;
    for (const PowerSource &s : site.sources)
        if (s.retireMonth == month)
            names.push_back(s.name);
    for (const CoolingPlant &p : site.coolingPlants)
        if (p.retireMonth == month)
            names.push_back(p.name);
    return names;
}

// Energized accelerators that fall while they are still planned (not retired tranches): a
// bridge retires before what replaces it is there, and delivered hardware goes dark. A board
// reads "full power from Dec 2028" as "and it stays so"; this says when it does not.
void checkEnergizedDrop(const Plan &plan, const Site &site, const SiteFacts &facts, std::vector<Warning> &warnings)
{
    for (std::size_t i = 1; i < facts.segments.size(); ++i) {
        const Segment &before = facts.segments[i - 1];
        const Segment &after = facts.segments[i];
        const double lost = std::min(before.energized, after.planned) - after.energized;
        if (lost < 0.5)
            continue;
        const int month = plan.startMonth + after.start;
        const std::vector<std::string> causes = retiringIn(site, month);
        std::string message = text::concat(site.name, ": energized accelerators fall from ",
                                           text::count(before.energized), " to ", text::count(after.energized),
                                           " in ", text::monthLabel(month));
        for (std::size_t c = 0; c < causes.size(); ++c)
            message += (c == 0 ? " at the retirement of " : c + 1 == causes.size() ? " and " : ", ") + causes[c];
        message += text::concat("; the limit then is ", bindingName(after.binding), ", and ", text::count(lost),
                                " delivered accelerators sit idle.");
        warnings.push_back({site.name, causes.empty() ? std::string{} : causes.front(), "energized_drop", message});
    }
}

// Delivered accelerators that wait for the building, power or cooling: capital that earns
// nothing. The money figure is the hardware waiting at the worst month, at the site's average
// unit capex (the mode); a cloud-partner site rents its accelerators and has none.
void checkIdleAccelerators(const Site &site, const SiteFacts &facts, std::vector<Warning> &warnings)
{
    double idleMonths = 0.0;
    double peakIdle = 0.0;
    int monthsWithIdle = 0;
    std::array<double, 5> byBinding{};
    for (const Segment &seg : facts.segments) {
        const double idle = seg.delivered - seg.energized;
        if (idle < 0.5)
            continue;
        idleMonths += idle * seg.length;
        byBinding[static_cast<std::size_t>(seg.binding)] += idle * seg.length;
        peakIdle = std::max(peakIdle, idle);
        monthsWithIdle += seg.length;
    }
    if (idleMonths < 1.0)
        return;
    double accelerators = 0.0;
    double hardwareUsd = 0.0;
    for (const Tranche &t : site.tranches) {
        accelerators += t.count;
        hardwareUsd += t.count * t.unitCapexUsd.mode;
    }
    const auto top = static_cast<Binding>(std::max_element(byBinding.begin(), byBinding.end()) - byBinding.begin());
    std::string message = text::concat(site.name, ": delivered accelerators sit idle for ", text::count(idleMonths),
                                       " accelerator-months over ", std::to_string(monthsWithIdle),
                                       monthsWithIdle == 1 ? " month" : " months", ", at most ", text::count(peakIdle),
                                       " at once");
    if (accelerators > 0.0 && hardwareUsd > 0.0)
        message += " (" + text::usd(peakIdle * hardwareUsd / accelerators) + " of hardware)";
    message += text::concat("; most of the time they wait for ", top == Binding::Facility ? "the building" : bindingName(top), ".");
    warnings.push_back({site.name, {}, "idle_accelerators", message});
}

// Rented power and cooling that pay rent before the site energizes anything: the months a bridge
// is hired too early.
void checkIdleRent(const Plan &plan, const Site &site, const SiteFacts &facts, std::optional<int> firstComputeMonth,
                   std::vector<Warning> &warnings)
{
    const int horizonEnd = plan.startMonth + plan.horizonMonths;
    const int firstLoad = firstComputeMonth.value_or(horizonEnd);
    auto check = [&](const std::string &name, int available, int retire, double rentUsdPerMonth) {
        const int from = std::max(available, plan.startMonth);
        const int until = std::min({firstLoad, retire, horizonEnd});
        if (rentUsdPerMonth <= 0.0 || until <= from)
            return;
        const int months = until - from;
        warnings.push_back({site.name, name, "idle_rent",
                            text::concat(site.name, " / ", name, ": ", text::usd(rentUsdPerMonth * months),
                                         " of rent over ", std::to_string(months), months == 1 ? " month" : " months", " (",
                                         text::monthLabel(from), " to ", text::monthLabel(until - 1),
                                         firstComputeMonth ? ") before the first accelerator is energized."
                                                           : ") with no accelerator energized.")});
    };
    for (std::size_t i = 0; i < site.sources.size(); ++i) {
        const PowerSource &s = site.sources[i];
        if (s.rented)
            check(s.name, facts.sourceAvailableMonth[i], s.retireMonth, s.rentUsdPerMwMonth.mode * s.nameplateMw());
    }
    for (std::size_t i = 0; i < site.coolingPlants.size(); ++i) {
        const CoolingPlant &p = site.coolingPlants[i];
        if (p.rented)
            check(p.name, facts.plantAvailableMonth[i], p.retireMonth, p.rentUsdPerMonth.mode);
    }
}

// A grid interconnect that is there while the site draws power, yet serves none of it: cheaper
// on-site generation is dispatched first, so what was paid for the grid buys only standby.
void checkUndispatchedGrid(const Plan &plan, const Site &site, const SiteFacts &facts, std::vector<Warning> &warnings)
{
    const int horizonEnd = plan.startMonth + plan.horizonMonths;
    for (std::size_t i = 0; i < site.sources.size(); ++i) {
        const PowerSource &grid = site.sources[i];
        if (grid.kind != PowerKind::Grid || facts.sourceServedMwMonths[i] > 0.0)
            continue;
        const int from = std::max(facts.sourceAvailableMonth[i], plan.startMonth) - plan.startMonth;
        const int until = std::min(grid.retireMonth, horizonEnd) - plan.startMonth;
        int loadMonths = 0;
        for (const Segment &seg : facts.segments) {
            const int overlap = std::min(seg.start + seg.length, until) - std::max(seg.start, from);
            if (overlap > 0 && seg.facilityMw > 0.0)
                loadMonths += overlap;
        }
        if (loadMonths == 0)
            continue;
        // The cheapest source that did serve: what undercuts the grid.
        const PowerSource *cheapest = nullptr;
        for (std::size_t j = 0; j < site.sources.size(); ++j) {
            const PowerSource &s = site.sources[j];
            if (facts.sourceServedMwMonths[j] > 0.0
                && (!cheapest || marginalCostUsdPerMwh(s, plan.assumptions) < marginalCostUsdPerMwh(*cheapest, plan.assumptions)))
                cheapest = &s;
        }
        if (!cheapest)
            continue;
        const int months = until - from;
        const double standingUsd = (grid.rented ? grid.rentUsdPerMwMonth.mode * grid.capacityMw
                                                : grid.fixedOmUsdPerKwYear * grid.capacityMw * 1000.0 / 12.0)
                                   * months;
        const double paidUsd = (grid.rented ? 0.0 : grid.capexUsd.mode) + standingUsd;
        warnings.push_back(
            {site.name, grid.name, "grid_not_dispatched",
             text::concat(site.name, " / ", grid.name, ": available for ", std::to_string(loadMonths),
                          loadMonths == 1 ? " month" : " months", " of load but never dispatched, because energy from ",
                          cheapest->name, " costs $", text::fixed(marginalCostUsdPerMwh(*cheapest, plan.assumptions), 2),
                          "/MWh against $", text::fixed(marginalCostUsdPerMwh(grid, plan.assumptions), 2),
                          "/MWh from the grid; the grid's ", text::usd(paidUsd),
                          grid.rented ? " of rent" : " of capex and fixed O&M", " in the plan buys standby only.")});
    }
}

} // namespace

void checkSite(const Plan &plan, const Site &site, const SiteFacts &facts, const Kpis &kpis,
               std::vector<Warning> &warnings)
{
    checkCloudPower(site, warnings);
    checkPowerSwing(plan, site, facts, kpis, warnings);
    checkNeverEnergized(plan, site, facts, warnings);
    checkNotFullyEnergized(plan, site, facts, warnings);
    checkEnergizedDrop(plan, site, facts, warnings);
    checkIdleAccelerators(site, facts, warnings);
    checkIdleRent(plan, site, facts, kpis.firstComputeMonth, warnings);
    checkUndispatchedGrid(plan, site, facts, warnings);
    checkOutsideFlows(plan, site, facts, warnings);
    checkReliability(plan, site, kpis, warnings);
}

} // namespace cp::solver::detail
