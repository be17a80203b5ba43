#pragma once

#include "solver/calendar.h"
#include "solver/plan.h"

#include <string>

// Small plans for hand-checked tests. Defaults are chosen so every number is easy to work out
// by hand: one site, ready from month 0, 100 MW of IT capacity and cooling, PUE 1.0, no
// catalog costs (zero O&M, zero capex) unless a test sets them.
namespace testplan {

using namespace cp::solver;

inline int month(int year, int m)
{
    return absoluteMonth(year, m);
}

inline Plan basePlan(int horizonMonths = 12)
{
    Plan plan;
    plan.name = "test";
    plan.startMonth = month(2024, 1);
    plan.horizonMonths = horizonMonths;
    plan.assumptions.discountRatePct = 0.0;
    Site site;
    site.name = "Site A";
    site.pue = cp::solver::ThreePoint::fixed(1.0);
    site.facility.permitStartMonth = month(2024, 1);
    site.facility.permitMonths = ThreePoint::fixed(0);
    site.facility.constructionStartMonth = month(2024, 1);
    site.facility.buildMonths = ThreePoint::fixed(0);
    site.facility.itCapacityMw = 100.0;
    site.facility.coolingMw = 100.0;
    site.facility.capexUsd = ThreePoint::fixed(0);
    plan.sites.push_back(site);
    return plan;
}

inline Tranche tranche(std::string name, int count, double itKw, int orderMonth, int leadMonths,
                       double unitCapexUsd = 0.0)
{
    Tranche t;
    t.name = std::move(name);
    t.acceleratorId = "h100_sxm";
    t.count = count;
    t.itKwPerAccelerator = cp::solver::ThreePoint::fixed(itKw);
    t.orderMonth = orderMonth;
    t.leadTimeMonths = ThreePoint::fixed(leadMonths);
    t.unitCapexUsd = ThreePoint::fixed(unitCapexUsd);
    t.bf16Tflops = 989;
    return t;
}

inline PowerSource grid(std::string name, double capacityMw, int orderMonth, int leadMonths, double capexUsd = 0.0)
{
    PowerSource s;
    s.name = std::move(name);
    s.kind = PowerKind::Grid;
    s.capacityMw = capacityMw;
    s.orderMonth = orderMonth;
    s.leadTimeMonths = ThreePoint::fixed(leadMonths);
    s.capexUsd = ThreePoint::fixed(capexUsd);
    return s;
}

inline CoolingPlant rentalChiller(std::string name, double capacityMw, int orderMonth, int leadMonths, double rentUsdPerMonth)
{
    CoolingPlant p;
    p.name = std::move(name);
    p.kind = CoolingPlantKind::RentalChiller;
    p.capacityMw = capacityMw;
    p.orderMonth = orderMonth;
    p.leadTimeMonths = ThreePoint::fixed(leadMonths);
    p.rented = true;
    p.rentUsdPerMonth = cp::solver::ThreePoint::fixed(rentUsdPerMonth);
    return p;
}

} // namespace testplan
