#pragma once

#include "planbuilder.h"

#include <random>

// Random but valid plans for property tests: a few sites with tranches, sources and plants
// ordered around the plan start, some before it and some after its end.
namespace testplan {

class PlanGenerator
{
public:
    explicit PlanGenerator(unsigned seed)
        : m_rng(seed)
    {
    }

    Plan next()
    {
        Plan plan = basePlan(uniformInt(1, 72));
        plan.assumptions.discountRatePct = uniform(0, 15);
        plan.assumptions.utilizationPct = uniform(50, 100);
        plan.assumptions.electricityUsdPerMwh = cp::solver::ThreePoint::fixed(uniform(40, 120));
        plan.assumptions.gasUsdPerMmbtu = cp::solver::ThreePoint::fixed(uniform(2, 6));
        plan.sites.clear();
        const int sites = uniformInt(1, 4);
        for (int s = 0; s < sites; ++s)
            plan.sites.push_back(site(plan, s));
        return plan;
    }

private:
    int uniformInt(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(m_rng); }
    bool chance(double p) { return uniform(0, 1) < p; }
    int monthNear(const Plan &plan) { return plan.startMonth + uniformInt(-6, plan.horizonMonths + 3); }

    Site site(const Plan &plan, int index)
    {
        Site s = basePlan().sites[0];
        s.name = "Site " + std::to_string(index);
        s.cloudPartner = chance(0.2);
        s.pue = cp::solver::ThreePoint::fixed(uniform(1.02, 1.6));
        s.facility.itCapacityMw = uniform(1, 300);
        s.facility.coolingMw = s.facility.itCapacityMw * uniform(0.3, 1.2);
        s.facility.permitStartMonth = monthNear(plan);
        s.facility.permitMonths = ThreePoint::fixed(uniformInt(0, 12));
        s.facility.constructionStartMonth = monthNear(plan);
        s.facility.buildMonths = ThreePoint::fixed(uniformInt(0, 18));
        s.facility.capexUsd = ThreePoint::fixed(uniform(0, 2e9));
        s.facility.colocation = chance(0.2);
        s.facility.leaseUsdPerKwMonth = uniform(80, 200);
        s.facility.fixedOmUsdPerMwItYear = uniform(0, 500000);
        const int tranches = uniformInt(0, 4);
        for (int i = 0; i < tranches; ++i) {
            Tranche t = tranche("T" + std::to_string(i), uniformInt(1, 200000), uniform(0.3, 2.4), monthNear(plan),
                                uniformInt(0, 12), uniform(10000, 80000));
            t.depositPct = chance(0.5) ? uniform(0, 50) : 0;
            t.bf16Tflops = uniform(300, 2500);
            t.rentUsdPerAcceleratorHour = cp::solver::ThreePoint::fixed(uniform(1, 6));
            if (chance(0.1))
                t.retireMonth = monthNear(plan);
            s.tranches.push_back(t);
        }
        const int sources = uniformInt(0, 4);
        for (int j = 0; j < sources; ++j) {
            PowerSource p = grid("P" + std::to_string(j), uniform(0, 400), monthNear(plan), uniformInt(0, 48),
                                 uniform(0, 1e9));
            p.kind = static_cast<PowerKind>(uniformInt(0, 6));
            p.availabilityPct = uniform(80, 100);
            p.heatRateBtuPerKwh = uniform(6000, 11000);
            p.varOmUsdPerMwh = uniform(0, 10);
            p.fixedOmUsdPerKwYear = uniform(0, 40);
            p.depositPct = chance(0.3) ? uniform(0, 30) : 0;
            p.powerMw = uniform(0, 200);
            p.energyMwh = p.powerMw * 2;
            p.rented = chance(0.25);
            p.rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(uniform(10000, 50000));
            if (chance(0.15))
                p.retireMonth = monthNear(plan);
            s.sources.push_back(p);
        }
        const int plants = uniformInt(0, 2);
        for (int k = 0; k < plants; ++k) {
            CoolingPlant c = rentalChiller("C" + std::to_string(k), uniform(0, 100), monthNear(plan), uniformInt(0, 6),
                                           uniform(50000, 500000));
            c.rented = chance(0.5);
            c.capexUsd = ThreePoint::fixed(uniform(0, 5e7));
            if (chance(0.15))
                c.retireMonth = monthNear(plan);
            s.coolingPlants.push_back(c);
        }
        return s;
    }

    std::mt19937 m_rng;
};

} // namespace testplan
