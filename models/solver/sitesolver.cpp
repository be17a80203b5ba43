#include "solver/sitesolver.h"

#include "solver/calendar.h"
#include "solver/solver.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

namespace cp::solver::detail {

namespace {

constexpr double kBindingToleranceMw = 1e-9;

// Plan month of an absolute month; "never" stays beyond every horizon.
int relative(int absMonth, int startMonth)
{
    return absMonth == kNever ? INT_MAX : absMonth - startMonth;
}

int depreciationMonths(double years)
{
    return std::max(1, static_cast<int>(std::lround(12.0 * years)));
}

bool isAvailable(int month, int fromRel, int untilRel)
{
    return fromRel <= month && month < untilRel;
}

// Each item's arrival (absolute) and the plan months [from, until) it is in service.
template<typename Item>
void serviceWindows(const std::vector<Item> &items, int start, std::vector<int> &arrivalAbs, std::vector<int> &fromRel,
                    std::vector<int> &untilRel)
{
    arrivalAbs.resize(items.size());
    fromRel.resize(items.size());
    untilRel.resize(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        arrivalAbs[i] = arrivalMonth(items[i]);
        fromRel[i] = arrivalAbs[i] - start;
        untilRel[i] = relative(items[i].retireMonth, start);
    }
}

int clampToHorizon(long long month, int horizon)
{
    return static_cast<int>(std::clamp<long long>(month, 0, horizon));
}

} // namespace

const std::string &itemName(const Site &site, ItemRef item)
{
    static const std::string kFacility = "Facility";
    switch (item.kind) {
    case ItemKind::Facility: return kFacility;
    case ItemKind::Tranche: return site.tranches[static_cast<std::size_t>(item.index)].name;
    case ItemKind::PowerSource: return site.sources[static_cast<std::size_t>(item.index)].name;
    case ItemKind::CoolingPlant: return site.coolingPlants[static_cast<std::size_t>(item.index)].name;
    }
    return kFacility;
}

void PlanCalendar::build(const Plan &plan)
{
    const int horizon = plan.horizonMonths;
    if (plan.startMonth == m_startMonth && horizon == m_horizonMonths
        && plan.assumptions.discountRatePct == m_discountRatePct)
        return;
    m_startMonth = plan.startMonth;
    m_horizonMonths = horizon;
    m_discountRatePct = plan.assumptions.discountRatePct;

    hours.resize(horizon);
    discount.resize(horizon);
    hoursPrefix.resize(horizon + 1);
    discountPrefix.resize(horizon + 1);
    hoursDiscountPrefix.resize(horizon + 1);
    hoursPrefix[0] = discountPrefix[0] = hoursDiscountPrefix[0] = 0.0;
    const double rate = plan.assumptions.discountRatePct / 100.0;
    for (int m = 0; m < horizon; ++m) {
        hours[m] = hoursInMonth(plan.startMonth + m);
        discount[m] = std::pow(1.0 + rate, -m / 12.0);
        hoursPrefix[m + 1] = hoursPrefix[m] + hours[m];
        discountPrefix[m + 1] = discountPrefix[m] + discount[m];
        hoursDiscountPrefix[m + 1] = hoursDiscountPrefix[m] + hours[m] * discount[m];
    }
}

void SiteSolver::collectEvents(int horizon, int burnInMonths)
{
    m_events.clear();
    auto add = [this, horizon](long long month) { m_events.push_back(clampToHorizon(month, horizon)); };
    add(0);
    add(horizon);
    add(m_readyRel);
    for (std::size_t i = 0; i < m_deliveryRel.size(); ++i) {
        add(m_deliveryRel[i]);
        add(m_trancheRetireRel[i]);
        if (burnInMonths > 0) // revenue starts when burn-in ends
            add(static_cast<long long>(m_deliveryRel[i]) + burnInMonths);
    }
    for (std::size_t j = 0; j < m_sourceRel.size(); ++j) {
        add(m_sourceRel[j]);
        add(m_sourceRetireRel[j]);
    }
    for (std::size_t k = 0; k < m_plantRel.size(); ++k) {
        add(m_plantRel[k]);
        add(m_plantRetireRel[k]);
    }
    std::sort(m_events.begin(), m_events.end());
    m_events.erase(std::unique(m_events.begin(), m_events.end()), m_events.end());
}

// Depreciation: cost / N a month from the in-service month, the last month taking the
// remainder, on the full cost wherever the payments fall. Its own sweep over schedule starts,
// last months and ends; items are summed in a fixed order (facility, tranches, sources,
// plants) so every month's value is reproducible.
void SiteSolver::buildDepreciation(int horizon, SiteFacts &facts)
{
    facts.depreciation.clear();
    if (m_depreciables.empty())
        return;
    m_events.clear();
    for (const Depreciable &d : m_depreciables) {
        const long long last = static_cast<long long>(d.firstMonth) + d.months - 1;
        m_events.push_back(clampToHorizon(d.firstMonth, horizon));
        m_events.push_back(clampToHorizon(last, horizon));
        m_events.push_back(clampToHorizon(last + 1, horizon));
    }
    m_events.push_back(0);
    m_events.push_back(horizon);
    std::sort(m_events.begin(), m_events.end());
    m_events.erase(std::unique(m_events.begin(), m_events.end()), m_events.end());
    for (std::size_t e = 0; e + 1 < m_events.size(); ++e) {
        const int m = m_events[e];
        double usd = 0.0;
        for (const Depreciable &d : m_depreciables) {
            const long long last = static_cast<long long>(d.firstMonth) + d.months - 1;
            if (m < d.firstMonth || m > last)
                continue;
            const double monthly = d.costUsd / d.months;
            usd += m < last ? monthly : d.costUsd - monthly * (d.months - 1);
        }
        if (usd != 0.0)
            facts.depreciation.push_back({m, m_events[e + 1] - m, usd});
    }
}

// Residual value (returns): book value is the cost less the depreciation charged so far, on the
// schedule above. At the horizon's last month, each asset still in service is counted at its
// book value times its category's share (an asset not yet in service at what was paid for it
// within the horizon); an owned item that retires within the horizon brings its salvage share
// of book value in its retirement month.
void SiteSolver::buildResiduals(const Plan &plan, SiteFacts &facts) const
{
    facts.residuals.clear();
    const int horizon = plan.horizonMonths;
    const Returns &returns = plan.returns;
    auto bookValueAfter = [](const Depreciable &d, long long month) {
        const long long charged = std::clamp<long long>(month - d.firstMonth + 1, 0, d.months);
        return charged >= d.months ? 0.0 : d.costUsd - d.costUsd / d.months * static_cast<double>(charged);
    };
    for (const Depreciable &d : m_depreciables) {
        if (d.retireRel < horizon) {
            if (d.retireRel >= 0 && d.salvagePctOfBook > 0.0 && d.firstMonth < d.retireRel) {
                const double usd = bookValueAfter(d, d.retireRel - 1LL) * d.salvagePctOfBook / 100.0;
                if (usd != 0.0)
                    facts.residuals.push_back({d.retireRel, d.category, usd});
            }
            continue;
        }
        if (returns.residualValue != ResidualValue::Book || horizon <= 0)
            continue;
        const double book = d.firstMonth < horizon ? bookValueAfter(d, horizon - 1) : d.paidInHorizonUsd;
        const double usd = book * returns.residualPctOfBook[static_cast<std::size_t>(d.category)] / 100.0;
        if (usd != 0.0)
            facts.residuals.push_back({horizon - 1, d.category, usd});
    }
}

double marginalCostUsdPerMwh(const PowerSource &source, const Assumptions &assumptions)
{
    const double energyPrice = source.kind == PowerKind::Grid
                                   ? assumptions.electricityUsdPerMwh.mode
                                   : source.heatRateBtuPerKwh * assumptions.gasUsdPerMmbtu.mode / 1000.0;
    return energyPrice + source.varOmUsdPerMwh;
}

void SiteSolver::solve(const Plan &plan, const Site &site, SiteFacts &facts)
{
    const int horizon = plan.horizonMonths;
    const int start = plan.startMonth;
    const Assumptions &assume = plan.assumptions;
    const Facility &facility = site.facility;
    const bool owned = !site.cloudPartner;

    // --- Timing of every item ------------------------------------------------------------------
    const int readyAbs = readyMonth(facility);
    m_readyRel = readyAbs - start;
    facts.readyMonth = readyAbs;

    const std::size_t trancheCount = site.tranches.size();
    const std::size_t sourceCount = site.sources.size();
    const std::size_t plantCount = site.coolingPlants.size();
    serviceWindows(site.tranches, start, facts.deliveryMonth, m_deliveryRel, m_trancheRetireRel);
    serviceWindows(site.sources, start, facts.sourceAvailableMonth, m_sourceRel, m_sourceRetireRel);
    serviceWindows(site.coolingPlants, start, facts.plantAvailableMonth, m_plantRel, m_plantRetireRel);
    facts.maxEnergized.assign(trancheCount, 0.0);
    facts.sourceServedMwMonths.assign(site.sources.size(), 0.0);

    // --- One-off payments (capex) and what depreciates ------------------------------------------
    facts.payments.clear();
    facts.outsideFlows.clear();
    m_depreciables.clear();
    // Returns what of the amount falls within the horizon.
    auto pay = [&](int relMonth, double amountUsd, CapexCategory category, SiteFacts::OutsideFlows &outside) {
        if (amountUsd == 0.0)
            return 0.0;
        if (relMonth < 0) {
            outside.beforeStartUsd += amountUsd;
            return 0.0;
        }
        if (relMonth >= horizon) {
            outside.afterEndUsd += amountUsd;
            return 0.0;
        }
        facts.payments.push_back({relMonth, category, amountUsd});
        return amountUsd;
    };
    auto noteOutside = [&](const SiteFacts::OutsideFlows &outside) {
        if (outside.beforeStartUsd != 0.0 || outside.afterEndUsd != 0.0)
            facts.outsideFlows.push_back(outside);
    };
    // Deposit in the order month, the rest when the item arrives (tranches, sources, plants).
    auto payWithDeposit = [&](ItemRef item, double totalUsd, double depositPct, int orderAbs, int arrivalAbs,
                              CapexCategory category) {
        SiteFacts::OutsideFlows outside{item, 0.0, 0.0};
        const double deposit = totalUsd * depositPct / 100.0;
        double paid = pay(orderAbs - start, deposit, category, outside);
        paid += pay(arrivalAbs - start, totalUsd - deposit, category, outside);
        noteOutside(outside);
        return paid;
    };

    if (owned) {
        if (!facility.colocation) {
            const double capex = facility.capexUsd.mode;
            const int build = wholeMonths(facility.buildMonths.mode);
            SiteFacts::OutsideFlows outside{{ItemKind::Facility, 0}, 0.0, 0.0};
            double paid = 0.0;
            if (build <= 0) {
                paid = pay(facility.constructionStartMonth - start, capex, CapexCategory::Facility, outside);
            } else {
                const double part = capex / build;
                for (int b = 0; b < build; ++b)
                    paid += pay(facility.constructionStartMonth - start + b, part, CapexCategory::Facility, outside);
            }
            noteOutside(outside);
            if (capex != 0.0)
                m_depreciables.push_back({capex, m_readyRel, depreciationMonths(assume.depreciationYearsFacility),
                                          CapexCategory::Facility, INT_MAX, 0.0, paid});
        }
        for (std::size_t i = 0; i < trancheCount; ++i) {
            const Tranche &t = site.tranches[i];
            const double cost = t.count * t.unitCapexUsd.mode;
            const double paid = payWithDeposit({ItemKind::Tranche, static_cast<int>(i)}, cost, t.depositPct,
                                               t.orderMonth, facts.deliveryMonth[i], CapexCategory::Compute);
            if (cost != 0.0)
                m_depreciables.push_back({cost, m_deliveryRel[i], depreciationMonths(assume.depreciationYearsCompute),
                                          CapexCategory::Compute, m_trancheRetireRel[i], t.salvagePctOfBook, paid});
        }
        for (std::size_t j = 0; j < sourceCount; ++j) {
            const PowerSource &s = site.sources[j];
            if (s.rented)
                continue;
            const double cost = s.capexUsd.mode;
            const double paid = payWithDeposit({ItemKind::PowerSource, static_cast<int>(j)}, cost, s.depositPct,
                                               s.orderMonth, facts.sourceAvailableMonth[j], CapexCategory::Power);
            if (cost != 0.0)
                m_depreciables.push_back({cost, m_sourceRel[j], depreciationMonths(assume.depreciationYearsPower),
                                          CapexCategory::Power, m_sourceRetireRel[j], s.salvagePctOfBook, paid});
        }
        for (std::size_t k = 0; k < plantCount; ++k) {
            const CoolingPlant &p = site.coolingPlants[k];
            if (p.rented)
                continue;
            const double cost = p.capexUsd.mode;
            const double paid = payWithDeposit({ItemKind::CoolingPlant, static_cast<int>(k)}, cost, p.depositPct,
                                               p.orderMonth, facts.plantAvailableMonth[k], CapexCategory::Cooling);
            if (cost != 0.0)
                m_depreciables.push_back({cost, m_plantRel[k], depreciationMonths(assume.depreciationYearsCooling),
                                          CapexCategory::Cooling, m_plantRetireRel[k], p.salvagePctOfBook, paid});
        }
    }
    buildDepreciation(horizon, facts);
    buildResiduals(plan, facts);

    // --- Orders that do not change from month to month ----------------------------------------
    // Ties keep the listed order: compare the index second (std::stable_sort would allocate).
    m_trancheOrder.resize(trancheCount);
    std::iota(m_trancheOrder.begin(), m_trancheOrder.end(), 0);
    std::sort(m_trancheOrder.begin(), m_trancheOrder.end(), [this](int a, int b) {
        return m_deliveryRel[a] != m_deliveryRel[b] ? m_deliveryRel[a] < m_deliveryRel[b] : a < b;
    });

    m_marginalCost.resize(sourceCount);
    m_dispatchOrder.clear();
    for (std::size_t j = 0; j < sourceCount; ++j) {
        const PowerSource &s = site.sources[j];
        if (s.kind == PowerKind::Bess)
            continue;
        m_marginalCost[j] = marginalCostUsdPerMwh(s, assume);
        m_dispatchOrder.push_back(static_cast<int>(j));
    }
    std::sort(m_dispatchOrder.begin(), m_dispatchOrder.end(), [this](int a, int b) {
        return m_marginalCost[a] != m_marginalCost[b] ? m_marginalCost[a] < m_marginalCost[b] : a < b;
    });

    // Returns: each tranche's price and sold share, resolved once (none when no price is stated).
    const Returns &returns = plan.returns;
    const bool earns = returns.computePriceUsdPerAcceleratorHour.has_value()
                       || std::any_of(site.tranches.begin(), site.tranches.end(),
                                      [](const Tranche &t) { return t.priceUsdPerAcceleratorHour.has_value(); });
    const int burnIn = earns ? returns.burnInMonths : 0;
    m_soldValuePerHour.assign(trancheCount, 0.0);
    if (earns) {
        for (std::size_t i = 0; i < trancheCount; ++i) {
            const Tranche &t = site.tranches[i];
            const double price = t.priceUsdPerAcceleratorHour
                                     ? t.priceUsdPerAcceleratorHour->mode
                                     : returns.computePriceUsdPerAcceleratorHour.value_or(ThreePoint{}).mode;
            m_soldValuePerHour[i] = price * t.soldPct.value_or(assume.utilizationPct) / 100.0;
        }
    }

    collectEvents(horizon, burnIn);

    // --- Segment by segment --------------------------------------------------------------------
    m_energizedNow.resize(trancheCount);
    facts.segments.clear();
    const double pue = site.pue.mode;
    for (std::size_t e = 0; e + 1 < m_events.size(); ++e) {
        Segment seg;
        seg.start = m_events[e];
        seg.length = m_events[e + 1] - seg.start;
        const int m = seg.start;

        for (std::size_t i = 0; i < trancheCount; ++i) {
            const double count = site.tranches[i].count;
            if (m < m_trancheRetireRel[i])
                seg.planned += count;
            if (isAvailable(m, m_deliveryRel[i], m_trancheRetireRel[i]))
                seg.delivered += count;
        }

        for (std::size_t j = 0; j < sourceCount; ++j) {
            if (!isAvailable(m, m_sourceRel[j], m_sourceRetireRel[j]))
                continue;
            const PowerSource &s = site.sources[j];
            if (s.kind == PowerKind::Bess)
                seg.bessMw += s.powerMw;
            else
                seg.firmMw += s.capacityMw * s.availabilityPct / 100.0;
        }

        const bool ready = m >= m_readyRel;
        seg.coolingMw = ready ? facility.coolingMw : 0.0;
        for (std::size_t k = 0; k < plantCount; ++k)
            if (isAvailable(m, m_plantRel[k], m_plantRetireRel[k]))
                seg.coolingMw += site.coolingPlants[k].capacityMw;

        // Allocation: tranches take the IT budget in order of delivery, so a later delivery never
        // displaces an earlier one (docs/scenario-format.md, section 4, in IEEE double as written
        // there).
        std::fill(m_energizedNow.begin(), m_energizedNow.end(), 0.0);
        double budgetMw = 0.0;
        const double powerTermMw = seg.firmMw / pue;
        if (ready) {
            budgetMw = std::min(facility.itCapacityMw, std::min(seg.coolingMw, powerTermMw));
            double leftMw = budgetMw;
            for (const int i : m_trancheOrder) {
                if (!isAvailable(m, m_deliveryRel[i], m_trancheRetireRel[i]))
                    continue;
                const Tranche &t = site.tranches[i];
                const double fits = std::max(0.0, std::floor(leftMw * 1000.0 / t.itKwPerAccelerator.mode + 1e-9));
                const double n = std::min(static_cast<double>(t.count), fits);
                m_energizedNow[i] = n;
                leftMw -= n * t.itKwPerAccelerator.mode / 1000.0;
            }
        }
        for (std::size_t i = 0; i < trancheCount; ++i) {
            const double n = m_energizedNow[i];
            if (n == 0.0)
                continue;
            const Tranche &t = site.tranches[i];
            seg.energized += n;
            seg.itMw += n * t.itKwPerAccelerator.mode / 1000.0;
            seg.bf16Pflops += n * t.bf16Tflops / 1000.0;
            if (!owned) // a cloud-partner site pays rent per energized accelerator-hour, nothing else
                seg.cloudUsdPerHour += n * t.rentUsdPerAcceleratorHour.mode;
            facts.maxEnergized[i] = std::max(facts.maxEnergized[i], n);
        }
        if (earns) {
            for (std::size_t i = 0; i < trancheCount; ++i) {
                if (!isAvailable(m, m_deliveryRel[i], m_trancheRetireRel[i]))
                    continue;
                const double n = m_energizedNow[i];
                if (m >= static_cast<long long>(m_deliveryRel[i]) + burnIn)
                    seg.revenueUsdPerHour += n * m_soldValuePerHour[i];
                seg.strandedValueUsdPerHour += (site.tranches[i].count - n) * m_soldValuePerHour[i];
            }
        }
        seg.facilityMw = seg.itMw * pue;

        if (seg.energized == seg.planned)
            seg.binding = Binding::None;
        else if (!ready)
            seg.binding = Binding::Facility;
        else if (seg.delivered == seg.energized)
            seg.binding = Binding::Delivery;
        else if (std::abs(budgetMw - facility.itCapacityMw) <= kBindingToleranceMw)
            seg.binding = Binding::Facility;
        else if (std::abs(budgetMw - powerTermMw) <= kBindingToleranceMw)
            seg.binding = Binding::Power;
        else
            seg.binding = Binding::Cooling;

        if (owned) {
            // Dispatch: cheapest firm source first; each serves what it can of the facility load.
            double remainingMw = seg.facilityMw;
            for (const int j : m_dispatchOrder) {
                if (remainingMw <= 0.0)
                    break;
                if (!isAvailable(m, m_sourceRel[j], m_sourceRetireRel[j]))
                    continue;
                const PowerSource &s = site.sources[j];
                const double servedMw = std::min(remainingMw, s.capacityMw * s.availabilityPct / 100.0);
                remainingMw -= servedMw;
                facts.sourceServedMwMonths[static_cast<std::size_t>(j)] += servedMw * seg.length;
                if (s.kind == PowerKind::Grid)
                    seg.energyUsdPerHour += servedMw * assume.electricityUsdPerMwh.mode;
                else
                    seg.fuelUsdPerHour += servedMw * (s.heatRateBtuPerKwh * assume.gasUsdPerMmbtu.mode / 1000.0);
                seg.varOmUsdPerHour += servedMw * s.varOmUsdPerMwh;
            }

            if (ready) {
                if (facility.colocation)
                    seg.rentUsdPerMonth += facility.leaseUsdPerKwMonth * facility.itCapacityMw * 1000.0;
                seg.fixedOmUsdPerMonth += facility.fixedOmUsdPerMwItYear * facility.itCapacityMw / 12.0;
            }
            for (std::size_t j = 0; j < sourceCount; ++j) {
                if (!isAvailable(m, m_sourceRel[j], m_sourceRetireRel[j]))
                    continue;
                const PowerSource &s = site.sources[j];
                if (s.rented)
                    seg.rentUsdPerMonth += s.rentUsdPerMwMonth.mode * s.nameplateMw();
                seg.fixedOmUsdPerMonth += s.fixedOmUsdPerKwYear * s.nameplateMw() * 1000.0 / 12.0;
            }
            for (std::size_t k = 0; k < plantCount; ++k) {
                const CoolingPlant &p = site.coolingPlants[k];
                if (p.rented && isAvailable(m, m_plantRel[k], m_plantRetireRel[k]))
                    seg.rentUsdPerMonth += p.rentUsdPerMonth.mode;
            }
        }
        facts.segments.push_back(seg);
    }
}

} // namespace cp::solver::detail
