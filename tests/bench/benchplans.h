#pragma once

#include "solver/calendar.h"
#include "solver/plan.h"

#include <string>

// Plans of a given shape for benchmarks: `sites` sites with `items` items each (tranches,
// power sources and cooling plants in a 4:4:2 ratio), staggered so every item adds events.
namespace bench {

using namespace cp::solver;

inline Plan shapedPlan(int sites, int itemsPerSite, int horizonMonths)
{
    Plan plan;
    plan.name = "bench";
    plan.startMonth = absoluteMonth(2025, 1);
    plan.horizonMonths = horizonMonths;
    for (int s = 0; s < sites; ++s) {
        Site site;
        site.name = "Site " + std::to_string(s);
        site.pue = cp::solver::ThreePoint::fixed(1.2);
        auto &f = site.facility;
        f.permitStartMonth = plan.startMonth;
        f.permitMonths = ThreePoint::fixed(3 + s % 5);
        f.constructionStartMonth = plan.startMonth + 2;
        f.buildMonths = ThreePoint::fixed(12 + s % 7);
        f.itCapacityMw = 150;
        f.coolingMw = 120;
        f.capexUsd = ThreePoint::fixed(1.8e9);
        f.fixedOmUsdPerMwItYear = 450000;
        for (int i = 0; i < itemsPerSite; ++i) {
            const int kind = i % 10;
            const int order = plan.startMonth + (i * 3 + s) % 24;
            if (kind < 4) {
                Tranche t;
                t.name = "Tranche " + std::to_string(i);
                t.count = 25000;
                t.itKwPerAccelerator = cp::solver::ThreePoint::fixed(1.4 + 0.1 * (i % 3));
                t.orderMonth = order;
                t.leadTimeMonths = ThreePoint::fixed(4 + i % 6);
                t.unitCapexUsd = ThreePoint::fixed(45000);
                t.bf16Tflops = 989;
                t.depositPct = 20;
                site.tranches.push_back(t);
            } else if (kind < 8) {
                PowerSource p;
                p.name = "Source " + std::to_string(i);
                p.kind = static_cast<PowerKind>(i % 6);
                p.capacityMw = 50;
                p.orderMonth = order;
                p.leadTimeMonths = ThreePoint::fixed(6 + i * 2 % 30);
                p.capexUsd = ThreePoint::fixed(1e8);
                p.heatRateBtuPerKwh = 7500;
                p.varOmUsdPerMwh = 4;
                p.fixedOmUsdPerKwYear = 12;
                p.rented = (i % 5) == 0;
                p.rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(30000);
                if (i % 7 == 0)
                    p.retireMonth = plan.startMonth + horizonMonths / 2;
                site.sources.push_back(p);
            } else {
                CoolingPlant c;
                c.name = "Chiller " + std::to_string(i);
                c.kind = CoolingPlantKind::RentalChiller;
                c.capacityMw = 20;
                c.orderMonth = order;
                c.leadTimeMonths = ThreePoint::fixed(2);
                c.rented = true;
                c.rentUsdPerMonth = cp::solver::ThreePoint::fixed(250000);
                site.coolingPlants.push_back(c);
            }
        }
        plan.sites.push_back(site);
    }
    return plan;
}

} // namespace bench
