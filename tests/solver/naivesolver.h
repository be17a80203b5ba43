#pragma once

#include "solver/calendar.h"
#include "solver/plan.h"
#include "solver/result.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

// A deliberately plain reference: docs/scenario-format.md, section 4, read literally, one month at
// a time, every item looked at in every month, no events or segments. Tests compare the real solver
// with it.
namespace testplan {

using namespace cp::solver;

struct NaiveSite {
    std::vector<double> delivered, energized, planned, itMw, facilityMw, powerMw, energyMwh, depreciation;
    std::vector<std::array<double, 4>> capex;
    std::vector<std::array<double, 5>> opex;
    std::vector<Binding> binding;
};

inline int naiveRound(double x)
{
    return static_cast<int>(std::floor(x + 0.5));
}

inline NaiveSite naiveSolveSite(const Plan &plan, const Site &site)
{
    const int H = plan.horizonMonths;
    NaiveSite out;
    out.delivered.assign(H, 0);
    out.energized.assign(H, 0);
    out.planned.assign(H, 0);
    out.itMw.assign(H, 0);
    out.facilityMw.assign(H, 0);
    out.powerMw.assign(H, 0);
    out.energyMwh.assign(H, 0);
    out.depreciation.assign(H, 0);
    out.capex.assign(H, {});
    out.opex.assign(H, {});
    out.binding.assign(H, Binding::None);
    const auto &f = site.facility;
    const bool own = !site.cloudPartner;
    const int ready = std::max(f.permitStartMonth + naiveRound(f.permitMonths.mode),
                               f.constructionStartMonth + naiveRound(f.buildMonths.mode));
    auto avail = [](int month, int from, int until) { return month >= from && month < until; };
    auto payAt = [&](int absMonth, double usd, int cat) {
        const int m = absMonth - plan.startMonth;
        if (m >= 0 && m < H)
            out.capex[m][cat] += usd;
    };
    auto depreciate = [&](double cost, int fromAbs, double years) {
        const int n = std::max(1, static_cast<int>(std::lround(12 * years)));
        for (int k = 0; k < n; ++k) {
            const int m = fromAbs + k - plan.startMonth;
            if (m >= 0 && m < H)
                out.depreciation[m] += (k < n - 1) ? cost / n : cost - (cost / n) * (n - 1);
        }
    };
    if (own) {
        if (!f.colocation) {
            const int build = naiveRound(f.buildMonths.mode);
            if (build == 0)
                payAt(f.constructionStartMonth, f.capexUsd.mode, 1);
            for (int b = 0; b < build; ++b)
                payAt(f.constructionStartMonth + b, f.capexUsd.mode / build, 1);
            if (f.capexUsd.mode != 0)
                depreciate(f.capexUsd.mode, ready, plan.assumptions.depreciationYearsFacility);
        }
        for (const auto &t : site.tranches) {
            const double total = t.count * t.unitCapexUsd.mode;
            const int delivery = t.orderMonth + naiveRound(t.leadTimeMonths.mode);
            payAt(t.orderMonth, total * t.depositPct / 100, 0);
            payAt(delivery, total - total * t.depositPct / 100, 0);
            if (total != 0)
                depreciate(total, delivery, plan.assumptions.depreciationYearsCompute);
        }
        for (const auto &s : site.sources) {
            if (s.rented)
                continue;
            const int at = s.orderMonth + naiveRound(s.leadTimeMonths.mode);
            payAt(s.orderMonth, s.capexUsd.mode * s.depositPct / 100, 2);
            payAt(at, s.capexUsd.mode - s.capexUsd.mode * s.depositPct / 100, 2);
            if (s.capexUsd.mode != 0)
                depreciate(s.capexUsd.mode, at, plan.assumptions.depreciationYearsPower);
        }
        for (const auto &p : site.coolingPlants) {
            if (p.rented)
                continue;
            const int at = p.orderMonth + naiveRound(p.leadTimeMonths.mode);
            payAt(p.orderMonth, p.capexUsd.mode * p.depositPct / 100, 3);
            payAt(at, p.capexUsd.mode - p.capexUsd.mode * p.depositPct / 100, 3);
            if (p.capexUsd.mode != 0)
                depreciate(p.capexUsd.mode, at, plan.assumptions.depreciationYearsCooling);
        }
    }

    for (int m = 0; m < H; ++m) {
        const int abs = plan.startMonth + m;
        const double hours = hoursInMonth(abs);
        const double util = plan.assumptions.utilizationPct;
        std::vector<double> deliveredI(site.tranches.size(), 0), n(site.tranches.size(), 0);
        for (std::size_t i = 0; i < site.tranches.size(); ++i) {
            const auto &t = site.tranches[i];
            const int delivery = t.orderMonth + naiveRound(t.leadTimeMonths.mode);
            if (abs < t.retireMonth)
                out.planned[m] += t.count;
            if (avail(abs, delivery, t.retireMonth))
                deliveredI[i] = t.count;
            out.delivered[m] += deliveredI[i];
        }
        double power = 0;
        for (const auto &s : site.sources)
            if (s.kind != PowerKind::Bess && avail(abs, s.orderMonth + naiveRound(s.leadTimeMonths.mode), s.retireMonth))
                power += s.capacityMw * s.availabilityPct / 100;
        out.powerMw[m] = power;
        double cooling = abs >= ready ? f.coolingMw : 0;
        for (const auto &p : site.coolingPlants)
            if (avail(abs, p.orderMonth + naiveRound(p.leadTimeMonths.mode), p.retireMonth))
                cooling += p.capacityMw;
        double B = 0;
        if (abs >= ready) {
            B = std::min({f.itCapacityMw, cooling, power / site.pue.mode});
            std::vector<std::size_t> order(site.tranches.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return site.tranches[a].orderMonth + naiveRound(site.tranches[a].leadTimeMonths.mode)
                       < site.tranches[b].orderMonth + naiveRound(site.tranches[b].leadTimeMonths.mode);
            });
            double left = B;
            for (std::size_t i : order) {
                const double kw = site.tranches[i].itKwPerAccelerator.mode;
                n[i] = std::min(deliveredI[i], std::max(0.0, std::floor(left * 1000 / kw + 1e-9)));
                left -= n[i] * kw / 1000;
            }
        }
        double cloudRent = 0;
        for (std::size_t i = 0; i < site.tranches.size(); ++i) {
            out.energized[m] += n[i];
            out.itMw[m] += n[i] * site.tranches[i].itKwPerAccelerator.mode / 1000;
            cloudRent += n[i] * site.tranches[i].rentUsdPerAcceleratorHour.mode * hours;
        }
        out.facilityMw[m] = out.itMw[m] * site.pue.mode;
        out.energyMwh[m] = out.facilityMw[m] * hours * util / 100;

        if (out.energized[m] == out.planned[m])
            out.binding[m] = Binding::None;
        else if (abs < ready)
            out.binding[m] = Binding::Facility;
        else if (out.delivered[m] == out.energized[m])
            out.binding[m] = Binding::Delivery;
        else if (std::abs(B - f.itCapacityMw) <= 1e-9)
            out.binding[m] = Binding::Facility;
        else if (std::abs(B - power / site.pue.mode) <= 1e-9)
            out.binding[m] = Binding::Power;
        else
            out.binding[m] = Binding::Cooling;

        if (!own) {
            out.opex[m][4] = cloudRent;
            continue;
        }
        // Dispatch in rising marginal cost, ties as listed.
        std::vector<std::size_t> order;
        for (std::size_t j = 0; j < site.sources.size(); ++j)
            if (site.sources[j].kind != PowerKind::Bess)
                order.push_back(j);
        auto marginal = [&](const PowerSource &s) {
            return (s.kind == PowerKind::Grid ? plan.assumptions.electricityUsdPerMwh.mode
                                              : s.heatRateBtuPerKwh * plan.assumptions.gasUsdPerMmbtu.mode / 1000)
                   + s.varOmUsdPerMwh;
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return marginal(site.sources[a]) < marginal(site.sources[b]); });
        double remaining = out.facilityMw[m];
        for (std::size_t j : order) {
            const auto &s = site.sources[j];
            if (!avail(abs, s.orderMonth + naiveRound(s.leadTimeMonths.mode), s.retireMonth))
                continue;
            const double served = std::min(remaining, s.capacityMw * s.availabilityPct / 100);
            remaining -= served;
            const double mwh = served * hours * util / 100;
            if (s.kind == PowerKind::Grid)
                out.opex[m][0] += mwh * plan.assumptions.electricityUsdPerMwh.mode;
            else
                out.opex[m][1] += mwh * s.heatRateBtuPerKwh * plan.assumptions.gasUsdPerMmbtu.mode / 1000;
            out.opex[m][3] += mwh * s.varOmUsdPerMwh;
        }
        for (const auto &s : site.sources) {
            if (!avail(abs, s.orderMonth + naiveRound(s.leadTimeMonths.mode), s.retireMonth))
                continue;
            const double nameplate = s.kind == PowerKind::Bess ? s.powerMw : s.capacityMw;
            if (s.rented)
                out.opex[m][2] += s.rentUsdPerMwMonth.mode * nameplate;
            out.opex[m][3] += s.fixedOmUsdPerKwYear * nameplate * 1000 / 12;
        }
        for (const auto &p : site.coolingPlants)
            if (p.rented && avail(abs, p.orderMonth + naiveRound(p.leadTimeMonths.mode), p.retireMonth))
                out.opex[m][2] += p.rentUsdPerMonth.mode;
        if (abs >= ready) {
            if (f.colocation)
                out.opex[m][2] += f.leaseUsdPerKwMonth * f.itCapacityMw * 1000;
            out.opex[m][3] += f.fixedOmUsdPerMwItYear * f.itCapacityMw / 12;
        }
    }
    return out;
}

} // namespace testplan
