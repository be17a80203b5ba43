#include "planbuilder.h"
#include "solver/solver.h"

#include <QTest>

#include <cmath>

using namespace testplan;

// Golden scenarios: every expected number is worked out by hand in the comments, from the
// rules of docs/scenario-format.md, section 4. Plans start in Jan 2024 (plan month 0).
// Hours of 2024 months: Jan 744, Feb 696 (leap), Mar 744, Apr 720, May 744, Jun 720,
// Jul 744, Aug 744, Sep 720, Oct 744, Nov 720, Dec 744.

#define EXPECT_NEAR(actual, expected)                                                                                  \
    do {                                                                                                               \
        const double a_ = (actual);                                                                                    \
        const double e_ = (expected);                                                                                  \
        QVERIFY2(std::abs(a_ - e_) <= 1e-9 * std::max(1.0, std::abs(e_)),                                              \
                 qPrintable(QStringLiteral("%1 = %2, expected %3").arg(QLatin1String(#actual)).arg(a_, 0, 'g', 17).arg(e_, 0, 'g', 17))); \
    } while (false)

namespace {

bool hasWarning(const Result &r, const std::string &code, const std::string &item = {})
{
    for (const Warning &w : r.warnings)
        if (w.code == code && (item.empty() || w.item == item))
            return true;
    return false;
}

} // namespace

class TestSolverGolden : public QObject
{
    Q_OBJECT

private slots:
    // Permit 2024-01 + 3 = Apr 2024; construction 2024-01 + 2 = Mar 2024; ready = Apr (month 3).
    // 1,000 accelerators x 1.0 kW delivered Feb (order Jan + 1). Grid 20 MW from Jan. PUE 1.25.
    void gatedByPermit()
    {
        Plan plan = basePlan(12);
        Site &site = plan.sites[0];
        site.pue = cp::solver::ThreePoint::fixed(1.25);
        site.facility.permitMonths = ThreePoint::fixed(3);
        site.facility.buildMonths = ThreePoint::fixed(2);
        site.facility.itCapacityMw = 10;
        site.facility.coolingMw = 10;
        site.facility.capexUsd = ThreePoint::fixed(12e6); // $6M in Jan and $6M in Feb
        Tranche t = tranche("Phase 1", 1000, 1.0, month(2024, 1), 1, 10000); // $10M
        t.depositPct = 20; // $2M in Jan, $8M in Feb (delivery)
        site.tranches.push_back(t);
        site.sources.push_back(grid("Grid", 20, month(2024, 1), 0));

        const Result r = solve(plan);
        const MonthlySeries &s = r.monthly;
        QCOMPARE(r.sites[0].readyMonth, month(2024, 4));
        for (int m : {0, 1, 2}) {
            QCOMPARE(s.energized[m], 0.0);
            QCOMPARE(s.binding[static_cast<std::size_t>(m)], Binding::Facility);
        }
        QCOMPARE(s.delivered[0], 0.0);
        QCOMPARE(s.stranded[1], 1000.0);
        QCOMPARE(s.stranded[2], 1000.0);
        for (int m = 3; m < 12; ++m) {
            QCOMPARE(s.energized[m], 1000.0);
            QCOMPARE(s.binding[static_cast<std::size_t>(m)], Binding::None);
            EXPECT_NEAR(s.itMw[m], 1.0);
            EXPECT_NEAR(s.facilityMw[m], 1.25);
        }
        QCOMPARE(*r.kpis.firstComputeMonth, month(2024, 4));
        QCOMPARE(*r.kpis.fullPowerMonth, month(2024, 4));
        EXPECT_NEAR(r.kpis.strandedAcceleratorMonths, 2000);

        // Capex: Jan 6M facility + 2M deposit = 8M; Feb 6M + 8M = 14M.
        EXPECT_NEAR(s.capexUsd[0], 8e6);
        EXPECT_NEAR(s.capexUsd[1], 14e6);
        EXPECT_NEAR(r.kpis.totalCapexUsd, 22e6);
        EXPECT_NEAR(r.kpis.capexByCategory[0], 10e6); // compute
        EXPECT_NEAR(r.kpis.capexByCategory[1], 12e6); // facility

        // Energy Apr..Dec: 1.25 MW x (720x4 + 744x5 = 6600 h) x 0.9 = 7425 MWh, at $80 = $594,000.
        EXPECT_NEAR(r.kpis.energyMwh, 7425);
        EXPECT_NEAR(r.kpis.opexByCategory[0], 594000);
        EXPECT_NEAR(r.kpis.totalOpexUsd, 594000);

        // Depreciation: compute $10M / 60 from Feb (11 months) = 1,833,333.33;
        // facility $12M / 240 from Apr (9 months) = 450,000.
        EXPECT_NEAR(r.kpis.depreciationUsd, 10e6 / 60 * 11 + 12e6 / 240 * 9);
        // Cost per accelerator-hour: (depreciation + opex) / (1000 x 6600 h).
        EXPECT_NEAR(*r.kpis.costPerAcceleratorHourUsd, (10e6 / 60 * 11 + 12e6 / 240 * 9 + 594000) / 6.6e6);
    }

    // Permit 2024-01 + 1 = Feb; construction Feb + 4 = Jun 2024: ready month 5.
    // Facility capex $12M in four equal parts Feb..May.
    void gatedByConstruction()
    {
        Plan plan = basePlan(12);
        Site &site = plan.sites[0];
        site.facility.permitMonths = ThreePoint::fixed(1);
        site.facility.constructionStartMonth = month(2024, 2);
        site.facility.buildMonths = ThreePoint::fixed(4);
        site.facility.capexUsd = ThreePoint::fixed(12e6);
        site.tranches.push_back(tranche("T", 500, 1.0, month(2024, 1), 0));
        site.sources.push_back(grid("Grid", 10, month(2024, 1), 0));

        const Result r = solve(plan);
        QCOMPARE(r.sites[0].readyMonth, month(2024, 6));
        QCOMPARE(*r.kpis.firstComputeMonth, month(2024, 6));
        QCOMPARE(r.monthly.binding[4], Binding::Facility);
        QCOMPARE(r.monthly.binding[5], Binding::None);
        EXPECT_NEAR(r.monthly.capexUsd[0], 0);
        for (int m = 1; m <= 4; ++m)
            EXPECT_NEAR(r.monthly.capexUsd[m], 3e6);
        EXPECT_NEAR(r.monthly.capexUsd[5], 0);
        EXPECT_NEAR(r.kpis.strandedAcceleratorMonths, 500 * 5);
    }

    // Ready from month 0; the accelerators arrive Jul 2024 (order Jan + 6): binding "delivery"
    // while nothing delivered sits idle. buildMonths 0: the whole facility capex in Jan.
    void gatedByDelivery()
    {
        Plan plan = basePlan(12);
        Site &site = plan.sites[0];
        site.facility.capexUsd = ThreePoint::fixed(5e6);
        site.tranches.push_back(tranche("T", 2000, 1.0, month(2024, 1), 6));
        site.sources.push_back(grid("Grid", 10, month(2024, 1), 0));

        const Result r = solve(plan);
        for (int m = 0; m < 6; ++m)
            QCOMPARE(r.monthly.binding[static_cast<std::size_t>(m)], Binding::Delivery);
        QCOMPARE(r.monthly.binding[6], Binding::None);
        QCOMPARE(*r.kpis.firstComputeMonth, month(2024, 7));
        QCOMPARE(*r.kpis.fullPowerMonth, month(2024, 7));
        EXPECT_NEAR(r.kpis.strandedAcceleratorMonths, 0);
        EXPECT_NEAR(r.monthly.capexByCategory(0, 1), 5e6);
    }

    // 10,000 x 1.0 kW = 10 MW delivered in Jan. Grid 5 MW from Jan, another 10 MW from May.
    // PUE 1.25: budget Jan..Apr = 5 / 1.25 = 4 MW -> 4,000 energized, power binds;
    // from May 15 / 1.25 = 12 MW -> all 10,000.
    void gatedByPower()
    {
        Plan plan = basePlan(12);
        Site &site = plan.sites[0];
        site.pue = cp::solver::ThreePoint::fixed(1.25);
        site.facility.itCapacityMw = 20;
        site.facility.coolingMw = 20;
        site.tranches.push_back(tranche("T", 10000, 1.0, month(2024, 1), 0));
        site.sources.push_back(grid("Grid 1", 5, month(2024, 1), 0));
        site.sources.push_back(grid("Grid 2", 10, month(2024, 1), 4));

        const Result r = solve(plan);
        for (int m = 0; m < 4; ++m) {
            QCOMPARE(r.monthly.energized[m], 4000.0);
            QCOMPARE(r.monthly.binding[static_cast<std::size_t>(m)], Binding::Power);
            EXPECT_NEAR(r.monthly.powerMw[m], 5);
            EXPECT_NEAR(r.monthly.facilityMw[m], 5);
        }
        QCOMPARE(r.monthly.energized[4], 10000.0);
        EXPECT_NEAR(r.monthly.powerMw[4], 15);
        QCOMPARE(*r.kpis.fullPowerMonth, month(2024, 5));
        EXPECT_NEAR(r.kpis.strandedAcceleratorMonths, 4 * 6000);
        EXPECT_NEAR(r.kpis.peakItMw, 10);
        EXPECT_NEAR(r.kpis.peakFacilityMw, 12.5);
    }

    // The building rejects 6 MW of heat; a 5 MW rental chiller arrives in Apr at $100k/month.
    // Power 30 MW / 1.2 = 25 MW: cooling binds at 6 MW (6,000 energized) until April's 11 MW.
    void gatedByCooling()
    {
        Plan plan = basePlan(12);
        Site &site = plan.sites[0];
        site.pue = cp::solver::ThreePoint::fixed(1.2);
        site.facility.itCapacityMw = 20;
        site.facility.coolingMw = 6;
        site.tranches.push_back(tranche("T", 10000, 1.0, month(2024, 1), 0));
        site.sources.push_back(grid("Grid", 30, month(2024, 1), 0));
        site.coolingPlants.push_back(rentalChiller("Chillers", 5, month(2024, 1), 3, 100000));

        const Result r = solve(plan);
        for (int m = 0; m < 3; ++m) {
            QCOMPARE(r.monthly.energized[m], 6000.0);
            QCOMPARE(r.monthly.binding[static_cast<std::size_t>(m)], Binding::Cooling);
            EXPECT_NEAR(r.monthly.coolingMw[m], 6);
        }
        QCOMPARE(r.monthly.energized[3], 10000.0);
        EXPECT_NEAR(r.monthly.coolingMw[3], 11);
        // Rent Apr..Dec: 9 x $100k.
        EXPECT_NEAR(r.kpis.opexByCategory[2], 900000);
        EXPECT_NEAR(r.kpis.depreciationUsd, 0); // rented: not depreciated
    }

    // IT capacity 8 MW for 10 MW of accelerators: 8,000 energized for ever, facility binds,
    // full power never comes, and the plan says so.
    void gatedByItCapacity()
    {
        Plan plan = basePlan(6);
        Site &site = plan.sites[0];
        site.facility.itCapacityMw = 8;
        site.tranches.push_back(tranche("T", 10000, 1.0, month(2024, 1), 0));
        site.sources.push_back(grid("Grid", 50, month(2024, 1), 0));

        const Result r = solve(plan);
        for (int m = 0; m < 6; ++m) {
            QCOMPARE(r.monthly.energized[m], 8000.0);
            QCOMPARE(r.monthly.binding[static_cast<std::size_t>(m)], Binding::Facility);
        }
        QVERIFY(!r.kpis.fullPowerMonth.has_value());
        QCOMPARE(*r.kpis.firstComputeMonth, month(2024, 1));
        EXPECT_NEAR(r.kpis.strandedAcceleratorMonths, 6 * 2000);
        QVERIFY(hasWarning(r, "not_fully_energized"));
    }

    // Two tranches of different kW share 5 MW (PUE 1.0). "B200" (1,000 x 1.95 kW) arrives in Jan,
    // "H100" (3,000 x 1.4 kW) in Mar but is listed first: delivery order wins, so from Mar
    // B200 keeps its 1,000 (1.95 MW) and H100 gets floor(3.05 x 1000 / 1.4) = 2,178.
    void twoTranchesShareScarcePower()
    {
        Plan plan = basePlan(4);
        Site &site = plan.sites[0];
        Tranche h100 = tranche("H100", 3000, 1.4, month(2024, 1), 2);
        Tranche b200 = tranche("B200", 1000, 1.95, month(2024, 1), 0);
        b200.bf16Tflops = 2250;
        site.tranches.push_back(h100);
        site.tranches.push_back(b200);
        site.sources.push_back(grid("Grid", 5, month(2024, 1), 0));

        const Result r = solve(plan);
        const MonthlySeries &s = r.monthly;
        QCOMPARE(s.energized[0], 1000.0);
        QCOMPARE(s.binding[0], Binding::Delivery); // nothing delivered is idle
        EXPECT_NEAR(s.itMw[0], 1.95);
        QCOMPARE(s.energized[2], 3178.0);
        QCOMPARE(s.stranded[2], 822.0);
        QCOMPARE(s.binding[2], Binding::Power);
        EXPECT_NEAR(s.itMw[2], 1.95 + 2178 * 1.4 / 1000);
        // 1,000 x 2,250 + 2,178 x 989 TFLOPS = 4,404.042 PFLOPS.
        EXPECT_NEAR(r.kpis.peakBf16Pflops, 4404.042);
    }

    // Dispatch by marginal cost. Recip engines: 7,500 Btu/kWh x $3.5/MMBtu / 1000 = $26.25/MWh
    // fuel + $8 var O&M = $34.25 < grid $80: the engines (10 MW) run first, the grid serves
    // the remaining 14 MW of the 24 MW facility load (20 MW IT x PUE 1.2). January: 744 h, 90%.
    void dispatchGasBeforeGrid()
    {
        Plan plan = basePlan(1);
        Site &site = plan.sites[0];
        site.pue = cp::solver::ThreePoint::fixed(1.2);
        site.facility.itCapacityMw = 50;
        site.facility.coolingMw = 50;
        site.tranches.push_back(tranche("T", 20000, 1.0, month(2024, 1), 0));
        site.sources.push_back(grid("Grid", 50, month(2024, 1), 0));
        PowerSource engines;
        engines.name = "Engines";
        engines.kind = PowerKind::RecipEngine;
        engines.capacityMw = 10;
        engines.orderMonth = month(2024, 1);
        engines.heatRateBtuPerKwh = 7500;
        engines.varOmUsdPerMwh = 8;
        engines.fixedOmUsdPerKwYear = 20; // 20 x 10 MW x 1000 / 12 = $16,666.67 a month
        site.sources.push_back(engines);

        const Result r = solve(plan);
        // Engines: 10 x 744 x 0.9 = 6,696 MWh -> fuel $175,770, var O&M $53,568.
        // Grid: 14 x 744 x 0.9 = 9,374.4 MWh -> energy $749,952.
        EXPECT_NEAR(r.kpis.opexByCategory[1], 175770);
        EXPECT_NEAR(r.kpis.opexByCategory[0], 749952);
        EXPECT_NEAR(r.kpis.opexByCategory[3], 53568 + 20.0 * 10 * 1000 / 12);
        EXPECT_NEAR(r.kpis.energyMwh, 24 * 744 * 0.9);
    }

    // A cloud-partner site: 400,000 Trainium2 at 0.9 kW and $2.00 per accelerator-hour.
    // Power 400 MW, PUE 1.1: budget min(400, 400, 363.6) MW holds all 360 MW of IT.
    // It pays only rent per energized accelerator-hour (calendar hours, no utilization):
    // Jan 400,000 x 2 x 744 = $595.2M, Feb 400,000 x 2 x 696 = $556.8M. No capex at all.
    void cloudPartnerPaysOnlyRent()
    {
        Plan plan = basePlan(2);
        Site &site = plan.sites[0];
        site.cloudPartner = true;
        site.pue = cp::solver::ThreePoint::fixed(1.1);
        site.facility.itCapacityMw = 400;
        site.facility.coolingMw = 400;
        site.facility.capexUsd = ThreePoint::fixed(1e9);
        site.facility.fixedOmUsdPerMwItYear = 100000;
        Tranche t = tranche("Trainium2", 400000, 0.9, month(2024, 1), 0, 30000);
        t.rentUsdPerAcceleratorHour = cp::solver::ThreePoint::fixed(2.0);
        site.tranches.push_back(t);
        site.sources.push_back(grid("Partner grid", 400, month(2024, 1), 0, 50e6));

        const Result r = solve(plan);
        QCOMPARE(r.monthly.energized[0], 400000.0);
        EXPECT_NEAR(r.kpis.opexByCategory[4], 595.2e6 + 556.8e6);
        EXPECT_NEAR(r.kpis.totalOpexUsd, 595.2e6 + 556.8e6);
        EXPECT_NEAR(r.kpis.totalCapexUsd, 0);
        EXPECT_NEAR(r.kpis.depreciationUsd, 0);
        // Energy is still counted: 396 MW x (744 + 696) h x 0.9.
        EXPECT_NEAR(r.kpis.energyMwh, 396 * (744 + 696) * 0.9);
        QVERIFY(!hasWarning(r, "cloud_no_power"));
    }

    // NPV at 10%: $1M owned-source payments in months 0, 6, 24 and 48 are discounted by
    // 1.1^(-m/12): 1 + 1.1^-0.5 + 1.1^-2 + 1.1^-4 = 1 + 0.95346259 + 0.82644628 + 0.68301346.
    void discountingOverYears()
    {
        Plan plan = basePlan(49);
        plan.assumptions.discountRatePct = 10;
        Site &site = plan.sites[0];
        site.sources.push_back(grid("Now", 1, month(2024, 1), 0, 1e6));
        site.sources.push_back(grid("Half year", 1, month(2024, 7), 0, 1e6));
        site.sources.push_back(grid("Two years", 1, month(2026, 1), 0, 1e6));
        site.sources.push_back(grid("Four years", 1, month(2028, 1), 0, 1e6));

        const Result r = solve(plan);
        EXPECT_NEAR(r.kpis.totalCapexUsd, 4e6);
        EXPECT_NEAR(r.kpis.npvCostUsd, 1e6 * (1 + std::pow(1.1, -0.5) + std::pow(1.1, -2) + std::pow(1.1, -4)));
        // The same sum written out: 1 + 0.95346259 + 0.82644628 + 0.68301346 = 3.46292233 ($M).
        QVERIFY(std::abs(r.kpis.npvCostUsd - 3462922.33) < 0.01);
    }

    // Grid 1 (10 MW) retires in Jul 2024; Grid 2 arrives in Oct. 5,000 x 1 kW go dark for
    // Jul..Sep (power binds), full power from Oct. A source retiring at or before its arrival
    // contributes nothing.
    void sourceRetires()
    {
        Plan plan = basePlan(12);
        Site &site = plan.sites[0];
        site.tranches.push_back(tranche("T", 5000, 1.0, month(2024, 1), 0));
        PowerSource first = grid("Grid 1", 10, month(2024, 1), 0);
        first.retireMonth = month(2024, 7);
        site.sources.push_back(first);
        site.sources.push_back(grid("Grid 2", 10, month(2024, 1), 9));
        PowerSource never = grid("Never", 100, month(2024, 3), 0);
        never.retireMonth = month(2024, 2);
        site.sources.push_back(never);

        const Result r = solve(plan);
        for (int m = 0; m < 6; ++m)
            QCOMPARE(r.monthly.energized[m], 5000.0);
        for (int m = 6; m < 9; ++m) {
            QCOMPARE(r.monthly.energized[m], 0.0);
            EXPECT_NEAR(r.monthly.powerMw[m], 0);
            QCOMPARE(r.monthly.binding[static_cast<std::size_t>(m)], Binding::Power);
        }
        QCOMPARE(r.monthly.energized[9], 5000.0);
        QCOMPARE(*r.kpis.firstComputeMonth, month(2024, 1));
        QCOMPARE(*r.kpis.fullPowerMonth, month(2024, 10));
        EXPECT_NEAR(r.kpis.strandedAcceleratorMonths, 15000);
    }

    // Depreciation of a $100 item over 3 months (0.25 years): 33.33, 33.33 and the remainder.
    // Months before the plan are not in the arrays.
    void depreciationTakesRemainderInLastMonth()
    {
        Plan plan = basePlan(6);
        plan.assumptions.depreciationYearsPower = 0.25;
        Site &site = plan.sites[0];
        site.sources.push_back(grid("Small", 1, month(2024, 2), 0, 100));
        const Result r = solve(plan);
        EXPECT_NEAR(r.monthly.depreciationUsd[0], 0);
        EXPECT_NEAR(r.monthly.depreciationUsd[1], 100.0 / 3);
        EXPECT_NEAR(r.monthly.depreciationUsd[2], 100.0 / 3);
        EXPECT_NEAR(r.monthly.depreciationUsd[3], 100.0 - 2 * (100.0 / 3));
        EXPECT_NEAR(r.monthly.depreciationUsd[4], 0);
        EXPECT_NEAR(r.kpis.depreciationUsd, 100);
    }

    // Payments outside the horizon are left out of totals and named in a warning: a deposit
    // paid before the plan starts (sunk) and a delivery after it ends.
    void flowsOutsideHorizon()
    {
        Plan plan = basePlan(6);
        Site &site = plan.sites[0];
        Tranche t = tranche("Late", 100, 1.0, month(2023, 11), 12, 1000); // $100k: $50k Nov 2023, $50k Nov 2024
        t.depositPct = 50;
        site.tranches.push_back(t);
        site.sources.push_back(grid("Grid", 10, month(2024, 1), 0));
        const Result r = solve(plan);
        EXPECT_NEAR(r.kpis.totalCapexUsd, 0);
        QVERIFY(hasWarning(r, "flows_outside_horizon", "Late"));
    }

    // Colocation: no capex; lease $150/kW-month x 20 MW x 1000 = $3M a month from ready;
    // facility O&M $120k/MW-year x 20 / 12 = $200k a month; nothing depreciates.
    void colocationLeases()
    {
        Plan plan = basePlan(3);
        Site &site = plan.sites[0];
        site.facility.itCapacityMw = 20;
        site.facility.colocation = true;
        site.facility.capexUsd = ThreePoint::fixed(99e6);
        site.facility.leaseUsdPerKwMonth = 150;
        site.facility.fixedOmUsdPerMwItYear = 120000;
        const Result r = solve(plan);
        EXPECT_NEAR(r.kpis.totalCapexUsd, 0);
        EXPECT_NEAR(r.kpis.opexByCategory[2], 3 * 3e6);
        EXPECT_NEAR(r.kpis.opexByCategory[3], 3 * 200000);
        EXPECT_NEAR(r.kpis.depreciationUsd, 0);
    }

    // Rented mobile turbines pay rent on nameplate whether or not the site is ready:
    // 100 MW x $30,000/MW-month = $3M a month, available from Feb (order Jan + 1).
    void rentedSourcePaysFromAvailability()
    {
        Plan plan = basePlan(4);
        Site &site = plan.sites[0];
        site.facility.permitMonths = ThreePoint::fixed(3); // ready Apr
        PowerSource turbines;
        turbines.name = "Mobile turbines";
        turbines.kind = PowerKind::MobileTurbine;
        turbines.capacityMw = 100;
        turbines.orderMonth = month(2024, 1);
        turbines.leadTimeMonths = ThreePoint::fixed(1);
        turbines.rented = true;
        turbines.rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(30000);
        turbines.capexUsd = ThreePoint::fixed(5e6); // ignored: rented
        site.sources.push_back(turbines);
        const Result r = solve(plan);
        EXPECT_NEAR(r.monthly.opexByCategory(0, 2), 0);
        EXPECT_NEAR(r.monthly.opexByCategory(1, 2), 3e6);
        EXPECT_NEAR(r.kpis.opexByCategory[2], 9e6);
        EXPECT_NEAR(r.kpis.totalCapexUsd, 0);
    }

    // Power swings: 20,000 x 1 kW = 20 MW IT needs 60% = 12 MW of batteries. 5 MW is too
    // little; 12 MW arriving in Mar 2024 leaves Jan and Feb short.
    void powerSwingChecks()
    {
        auto plan = [](double bessMw, int bessLead) {
            Plan p = basePlan(6);
            Site &site = p.sites[0];
            site.tranches.push_back(tranche("T", 20000, 1.0, month(2024, 1), 0));
            site.sources.push_back(grid("Grid", 50, month(2024, 1), 0));
            PowerSource bess;
            bess.name = "Battery";
            bess.kind = PowerKind::Bess;
            bess.powerMw = bessMw;
            bess.energyMwh = 2 * bessMw;
            bess.orderMonth = month(2024, 1);
            bess.leadTimeMonths = ThreePoint::fixed(bessLead);
            site.sources.push_back(bess);
            return p;
        };
        auto swingMessage = [](const Result &r) {
            for (const Warning &w : r.warnings)
                if (w.code == "power_swing")
                    return w.message;
            return std::string();
        };
        const std::string small = swingMessage(solve(plan(5, 0)));
        QVERIFY2(small.find("need 12.0 MW of smoothing") != std::string::npos, small.c_str());
        QVERIFY2(small.find("batteries provide 5.0 MW at the peak") != std::string::npos, small.c_str());
        const std::string late = swingMessage(solve(plan(12, 2)));
        QVERIFY2(late.find("Jan 2024 to Feb 2024 run without enough smoothing") != std::string::npos, late.c_str());
        QVERIFY(swingMessage(solve(plan(12, 0))).empty()); // on time and big enough
        // The batteries add no firm power and no energy.
        QCOMPARE(solve(plan(12, 0)).monthly.powerMw[0], 50.0);
        QCOMPARE(solve(plan(12, 0)).monthly.bessMw[0], 12.0);
    }

    // Portfolio binding: the site with the most accelerators waiting names the limit.
    void portfolioBindingFollowsLargestGap()
    {
        Plan plan = basePlan(2);
        Site a = plan.sites[0];
        a.name = "Small gap";
        a.tranches.push_back(tranche("T", 100, 1.0, month(2024, 1), 0)); // no power: power binds, 100 waiting
        Site b = plan.sites[0];
        b.name = "Big gap";
        b.facility.permitMonths = ThreePoint::fixed(6); // not ready: facility binds, 1,000 waiting
        b.tranches.push_back(tranche("T", 1000, 1.0, month(2024, 1), 0));
        plan.sites = {a, b};
        const Result r = solve(plan);
        QCOMPARE(r.sites[0].monthly().binding[0], Binding::Power);
        QCOMPARE(r.sites[1].monthly().binding[0], Binding::Facility);
        QCOMPARE(r.monthly.binding[0], Binding::Facility);
        QCOMPARE(r.monthly.delivered[0], 1100.0);
    }
};

QTEST_APPLESS_MAIN(TestSolverGolden)
#include "tst_solvergolden.moc"
