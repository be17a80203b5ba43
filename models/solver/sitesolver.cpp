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

} // namespace

void PlanCalendar::build(const Plan &plan)
{
    const int horizon = plan.horizonMonths;
    hours.resize(horizon);
    discount.resize(horizon);
    const double rate = plan.assumptions.discountRatePct / 100.0;
    for (int m = 0; m < horizon; ++m) {
        hours[m] = hoursInMonth(plan.startMonth + m);
        discount[m] = std::pow(1.0 + rate, -m / 12.0);
    }
}

void SiteSolver::collectEvents(int horizon)
{
    auto add = [this, horizon](long long month) {
        m_events.push_back(static_cast<int>(std::clamp<long long>(month, 0, horizon)));
    };
    m_events.clear();
    add(0);
    add(horizon);
    add(m_readyRel);
    for (std::size_t i = 0; i < m_deliveryRel.size(); ++i) {
        add(m_deliveryRel[i]);
        add(m_trancheRetireRel[i]);
    }
    for (std::size_t j = 0; j < m_sourceRel.size(); ++j) {
        add(m_sourceRel[j]);
        add(m_sourceRetireRel[j]);
    }
    for (std::size_t k = 0; k < m_plantRel.size(); ++k) {
        add(m_plantRel[k]);
        add(m_plantRetireRel[k]);
    }
    for (const Depreciable &d : m_depreciables) {
        add(d.firstMonth);
        add(static_cast<long long>(d.firstMonth) + d.months - 1); // the last month takes the remainder
        add(static_cast<long long>(d.firstMonth) + d.months);
    }
    std::sort(m_events.begin(), m_events.end());
    m_events.erase(std::unique(m_events.begin(), m_events.end()), m_events.end());
}

void SiteSolver::solve(const Plan &plan, const Site &site, const PlanCalendar &calendar, MonthlySeries &series,
                       SiteFacts &facts)
{
    const int horizon = plan.horizonMonths;
    const int start = plan.startMonth;
    const Assumptions &assume = plan.assumptions;
    const Facility &facility = site.facility;
    const bool owned = !site.cloudPartner;
    const double utilization = assume.utilizationPct / 100.0;

    // --- Timing of every item ------------------------------------------------------------------
    const int readyAbs = std::max(facility.permitStartMonth + wholeMonths(facility.permitMonths.mode),
                                  facility.constructionStartMonth + wholeMonths(facility.buildMonths.mode));
    m_readyRel = readyAbs - start;
    facts.readyMonth = readyAbs;

    const std::size_t trancheCount = site.tranches.size();
    m_deliveryRel.resize(trancheCount);
    m_trancheRetireRel.resize(trancheCount);
    facts.deliveryMonth.resize(trancheCount);
    facts.maxEnergized.assign(trancheCount, 0.0);
    for (std::size_t i = 0; i < trancheCount; ++i) {
        const Tranche &t = site.tranches[i];
        facts.deliveryMonth[i] = t.orderMonth + wholeMonths(t.leadTimeMonths.mode);
        m_deliveryRel[i] = facts.deliveryMonth[i] - start;
        m_trancheRetireRel[i] = relative(t.retireMonth, start);
    }

    const std::size_t sourceCount = site.sources.size();
    m_sourceRel.resize(sourceCount);
    m_sourceRetireRel.resize(sourceCount);
    facts.sourceAvailableMonth.resize(sourceCount);
    for (std::size_t j = 0; j < sourceCount; ++j) {
        const PowerSource &s = site.sources[j];
        facts.sourceAvailableMonth[j] = s.orderMonth + wholeMonths(s.leadTimeMonths.mode);
        m_sourceRel[j] = facts.sourceAvailableMonth[j] - start;
        m_sourceRetireRel[j] = relative(s.retireMonth, start);
    }

    const std::size_t plantCount = site.coolingPlants.size();
    m_plantRel.resize(plantCount);
    m_plantRetireRel.resize(plantCount);
    facts.plantAvailableMonth.resize(plantCount);
    for (std::size_t k = 0; k < plantCount; ++k) {
        const CoolingPlant &p = site.coolingPlants[k];
        facts.plantAvailableMonth[k] = p.orderMonth + wholeMonths(p.leadTimeMonths.mode);
        m_plantRel[k] = facts.plantAvailableMonth[k] - start;
        m_plantRetireRel[k] = relative(p.retireMonth, start);
    }

    // --- One-off payments (capex) and what depreciates ------------------------------------------
    facts.outsideFlows.clear();
    m_depreciables.clear();
    auto pay = [&](int relMonth, double amountUsd, CapexCategory category, SiteFacts::OutsideFlows &outside) {
        if (amountUsd == 0.0)
            return;
        if (relMonth < 0)
            outside.beforeStartUsd += amountUsd;
        else if (relMonth >= horizon)
            outside.afterEndUsd += amountUsd;
        else
            series.capexByCategory(relMonth, static_cast<int>(category)) += amountUsd;
    };
    // Deposit in the order month, the rest when the item arrives (spec: tranches, sources, plants).
    auto payWithDeposit = [&](const std::string &item, double totalUsd, double depositPct, int orderAbs,
                              int arrivalAbs, CapexCategory category) {
        SiteFacts::OutsideFlows outside{item, 0.0, 0.0};
        const double deposit = totalUsd * depositPct / 100.0;
        pay(orderAbs - start, deposit, category, outside);
        pay(arrivalAbs - start, totalUsd - deposit, category, outside);
        if (outside.beforeStartUsd != 0.0 || outside.afterEndUsd != 0.0)
            facts.outsideFlows.push_back(outside);
    };

    const double yearsCompute = assume.depreciationYearsCompute;
    const double yearsFacility = assume.depreciationYearsFacility;
    const double yearsPower = assume.depreciationYearsPower;
    const double yearsCooling = assume.depreciationYearsCooling;
    // Depreciation of each item goes to the site's one monthly depreciation array; categories
    // matter only for the schedule length.
    if (owned) {
        if (!facility.colocation) {
            const double capex = facility.capexUsd.mode;
            const int build = wholeMonths(facility.buildMonths.mode);
            SiteFacts::OutsideFlows outside{"Facility", 0.0, 0.0};
            if (build <= 0) {
                pay(facility.constructionStartMonth - start, capex, CapexCategory::Facility, outside);
            } else {
                const double part = capex / build;
                for (int b = 0; b < build; ++b)
                    pay(facility.constructionStartMonth - start + b, part, CapexCategory::Facility, outside);
            }
            if (outside.beforeStartUsd != 0.0 || outside.afterEndUsd != 0.0)
                facts.outsideFlows.push_back(outside);
            if (capex != 0.0)
                m_depreciables.push_back({capex, m_readyRel, depreciationMonths(yearsFacility)});
        }
        for (std::size_t i = 0; i < trancheCount; ++i) {
            const Tranche &t = site.tranches[i];
            const double cost = t.count * t.unitCapexUsd.mode;
            payWithDeposit(t.name, cost, t.depositPct, t.orderMonth, facts.deliveryMonth[i], CapexCategory::Compute);
            if (cost != 0.0)
                m_depreciables.push_back({cost, m_deliveryRel[i], depreciationMonths(yearsCompute)});
        }
        for (std::size_t j = 0; j < sourceCount; ++j) {
            const PowerSource &s = site.sources[j];
            if (s.rented)
                continue;
            const double cost = s.capexUsd.mode;
            payWithDeposit(s.name, cost, s.depositPct, s.orderMonth, facts.sourceAvailableMonth[j], CapexCategory::Power);
            if (cost != 0.0)
                m_depreciables.push_back({cost, m_sourceRel[j], depreciationMonths(yearsPower)});
        }
        for (std::size_t k = 0; k < plantCount; ++k) {
            const CoolingPlant &p = site.coolingPlants[k];
            if (p.rented)
                continue;
            const double cost = p.capexUsd.mode;
            payWithDeposit(p.name, cost, p.depositPct, p.orderMonth, facts.plantAvailableMonth[k], CapexCategory::Cooling);
            if (cost != 0.0)
                m_depreciables.push_back({cost, m_plantRel[k], depreciationMonths(yearsCooling)});
        }
    }

    // --- Orders that do not change from month to month ----------------------------------------
    m_trancheOrder.resize(trancheCount);
    std::iota(m_trancheOrder.begin(), m_trancheOrder.end(), 0);
    std::stable_sort(m_trancheOrder.begin(), m_trancheOrder.end(),
                     [this](int a, int b) { return m_deliveryRel[a] < m_deliveryRel[b]; });

    m_marginalCost.resize(sourceCount);
    m_dispatchOrder.clear();
    for (std::size_t j = 0; j < sourceCount; ++j) {
        const PowerSource &s = site.sources[j];
        if (s.kind == PowerKind::Bess)
            continue;
        const double energyPrice = s.kind == PowerKind::Grid ? assume.electricityUsdPerMwh
                                                             : s.heatRateBtuPerKwh * assume.gasUsdPerMmbtu / 1000.0;
        m_marginalCost[j] = energyPrice + s.varOmUsdPerMwh;
        m_dispatchOrder.push_back(static_cast<int>(j));
    }
    std::stable_sort(m_dispatchOrder.begin(), m_dispatchOrder.end(),
                     [this](int a, int b) { return m_marginalCost[a] < m_marginalCost[b]; });

    collectEvents(horizon);

    // --- Segment by segment --------------------------------------------------------------------
    m_energizedNow.resize(trancheCount);
    facts.bessMw.setZero(horizon);
    const double pue = site.pue;
    const int energyCol = static_cast<int>(OpexCategory::Energy);
    const int fuelCol = static_cast<int>(OpexCategory::Fuel);
    const int rentCol = static_cast<int>(OpexCategory::Rent);
    const int omCol = static_cast<int>(OpexCategory::Om);
    const int cloudCol = static_cast<int>(OpexCategory::Cloud);

    for (std::size_t e = 0; e + 1 < m_events.size(); ++e) {
        const int a = m_events[e];
        const int len = m_events[e + 1] - a;
        if (len <= 0)
            continue;
        const int m = a; // every quantity below is constant over [a, a + len)

        double delivered = 0.0;
        double planned = 0.0;
        for (std::size_t i = 0; i < trancheCount; ++i) {
            const double count = site.tranches[i].count;
            if (m < m_trancheRetireRel[i])
                planned += count;
            if (isAvailable(m, m_deliveryRel[i], m_trancheRetireRel[i]))
                delivered += count;
        }

        double firmMw = 0.0;
        double bessMw = 0.0;
        for (std::size_t j = 0; j < sourceCount; ++j) {
            if (!isAvailable(m, m_sourceRel[j], m_sourceRetireRel[j]))
                continue;
            const PowerSource &s = site.sources[j];
            if (s.kind == PowerKind::Bess)
                bessMw += s.powerMw;
            else
                firmMw += s.capacityMw * s.availabilityPct / 100.0;
        }

        const bool ready = m >= m_readyRel;
        double coolingMw = ready ? facility.coolingMw : 0.0;
        for (std::size_t k = 0; k < plantCount; ++k)
            if (isAvailable(m, m_plantRel[k], m_plantRetireRel[k]))
                coolingMw += site.coolingPlants[k].capacityMw;

        // Allocation: tranches take the IT budget in order of delivery, so a later delivery
        // never displaces an earlier one (spec section 4, in IEEE double as written there).
        std::fill(m_energizedNow.begin(), m_energizedNow.end(), 0.0);
        double budgetMw = 0.0;
        const double powerTermMw = firmMw / pue;
        if (ready) {
            budgetMw = std::min(facility.itCapacityMw, std::min(coolingMw, powerTermMw));
            double leftMw = budgetMw;
            for (const int i : m_trancheOrder) {
                if (!isAvailable(m, m_deliveryRel[i], m_trancheRetireRel[i]))
                    continue;
                const Tranche &t = site.tranches[i];
                const double fits = std::max(0.0, std::floor(leftMw * 1000.0 / t.itKwPerAccelerator + 1e-9));
                const double n = std::min(static_cast<double>(t.count), fits);
                m_energizedNow[i] = n;
                leftMw -= n * t.itKwPerAccelerator / 1000.0;
            }
        }
        double energized = 0.0;
        double itMw = 0.0;
        double bf16Pflops = 0.0;
        double cloudUsdPerHour = 0.0;
        for (std::size_t i = 0; i < trancheCount; ++i) {
            const double n = m_energizedNow[i];
            if (n == 0.0)
                continue;
            const Tranche &t = site.tranches[i];
            energized += n;
            itMw += n * t.itKwPerAccelerator / 1000.0;
            bf16Pflops += n * t.bf16Tflops / 1000.0;
            if (!owned) // a cloud-partner site pays rent per energized accelerator-hour, nothing else
                cloudUsdPerHour += n * t.rentUsdPerAcceleratorHour;
            facts.maxEnergized[i] = std::max(facts.maxEnergized[i], n);
        }
        const double facilityMw = itMw * pue;

        Binding binding;
        if (energized == planned)
            binding = Binding::None;
        else if (!ready)
            binding = Binding::Facility;
        else if (delivered == energized)
            binding = Binding::Delivery;
        else if (std::abs(budgetMw - facility.itCapacityMw) <= kBindingToleranceMw)
            binding = Binding::Facility;
        else if (std::abs(budgetMw - powerTermMw) <= kBindingToleranceMw)
            binding = Binding::Power;
        else
            binding = Binding::Cooling;

        // Dispatch: cheapest firm source first; each serves what it can of the facility load.
        // Rates are USD per hour of full-month supply; the fill multiplies by hours x utilization.
        double energyUsdRate = 0.0;
        double fuelUsdRate = 0.0;
        double varOmUsdRate = 0.0;
        double rentUsd = 0.0;
        double fixedOmUsd = 0.0;
        double depreciationUsd = 0.0;
        if (owned) {
            double remainingMw = facilityMw;
            for (const int j : m_dispatchOrder) {
                if (remainingMw <= 0.0)
                    break;
                if (!isAvailable(m, m_sourceRel[j], m_sourceRetireRel[j]))
                    continue;
                const PowerSource &s = site.sources[j];
                const double servedMw = std::min(remainingMw, s.capacityMw * s.availabilityPct / 100.0);
                remainingMw -= servedMw;
                if (s.kind == PowerKind::Grid)
                    energyUsdRate += servedMw * assume.electricityUsdPerMwh;
                else
                    fuelUsdRate += servedMw * (s.heatRateBtuPerKwh * assume.gasUsdPerMmbtu / 1000.0);
                varOmUsdRate += servedMw * s.varOmUsdPerMwh;
            }

            if (ready) {
                if (facility.colocation)
                    rentUsd += facility.leaseUsdPerKwMonth * facility.itCapacityMw * 1000.0;
                fixedOmUsd += facility.fixedOmUsdPerMwItYear * facility.itCapacityMw / 12.0;
            }
            for (std::size_t j = 0; j < sourceCount; ++j) {
                if (!isAvailable(m, m_sourceRel[j], m_sourceRetireRel[j]))
                    continue;
                const PowerSource &s = site.sources[j];
                if (s.rented)
                    rentUsd += s.rentUsdPerMwMonth * s.nameplateMw();
                fixedOmUsd += s.fixedOmUsdPerKwYear * s.nameplateMw() * 1000.0 / 12.0;
            }
            for (std::size_t k = 0; k < plantCount; ++k) {
                const CoolingPlant &p = site.coolingPlants[k];
                if (p.rented && isAvailable(m, m_plantRel[k], m_plantRetireRel[k]))
                    rentUsd += p.rentUsdPerMonth;
            }
            for (const Depreciable &d : m_depreciables) {
                const long long last = static_cast<long long>(d.firstMonth) + d.months - 1;
                if (m < d.firstMonth || m > last)
                    continue;
                const double monthly = d.costUsd / d.months;
                depreciationUsd += m < last ? monthly : d.costUsd - monthly * (d.months - 1);
            }
        }

        // --- Fill the segment ---
        series.delivered.segment(a, len).setConstant(delivered);
        series.energized.segment(a, len).setConstant(energized);
        series.stranded.segment(a, len).setConstant(delivered - energized);
        series.planned.segment(a, len).setConstant(planned);
        series.itMw.segment(a, len).setConstant(itMw);
        series.facilityMw.segment(a, len).setConstant(facilityMw);
        series.powerMw.segment(a, len).setConstant(firmMw);
        series.coolingMw.segment(a, len).setConstant(coolingMw);
        series.bf16Pflops.segment(a, len).setConstant(bf16Pflops);
        series.depreciationUsd.segment(a, len).setConstant(depreciationUsd);
        std::fill_n(series.binding.begin() + a, len, binding);
        facts.bessMw.segment(a, len).setConstant(bessMw);

        const auto hours = calendar.hours.segment(a, len);
        series.energyMwh.segment(a, len) = facilityMw * hours * utilization;
        series.opexByCategory.col(energyCol).segment(a, len) = energyUsdRate * hours * utilization;
        series.opexByCategory.col(fuelCol).segment(a, len) = fuelUsdRate * hours * utilization;
        series.opexByCategory.col(omCol).segment(a, len) = varOmUsdRate * hours * utilization + fixedOmUsd;
        series.opexByCategory.col(rentCol).segment(a, len).setConstant(rentUsd);
        series.opexByCategory.col(cloudCol).segment(a, len) = cloudUsdPerHour * hours;
    }

    series.capexUsd = series.capexByCategory.rowwise().sum();
    series.opexUsd = series.opexByCategory.rowwise().sum();
}

} // namespace cp::solver::detail
