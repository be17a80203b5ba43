#include "planbuilder.h"
#include "solver/solver.h"

#include <QTest>

#include <algorithm>

using namespace testplan;

// The warnings about money that waits (docs/scenario-format.md, section 6, "money that waits"),
// on plans small enough to work out by hand.
namespace {

const Warning *find(const Result &result, const std::string &code)
{
    const auto it = std::find_if(result.warnings.begin(), result.warnings.end(),
                                 [&](const Warning &w) { return w.code == code; });
    return it == result.warnings.end() ? nullptr : &*it;
}

bool says(const Warning *w, const std::string &part)
{
    return w && w->message.find(part) != std::string::npos;
}

Result solved(const Plan &plan)
{
    Solver solver;
    Result result;
    solver.solve(plan, result);
    return result;
}

} // namespace

class TestChecks : public QObject
{
    Q_OBJECT

private slots:
    // 1,000 accelerators at $40,000 delivered in Jan 2024 into a building ready in Jul 2024
    // (a 6-month build), with power from the start: 1,000 x 6 = 6,000 accelerator-months idle
    // over 6 months, 1,000 at once, $40.0M of hardware, all waiting for the facility.
    void acceleratorsWaitingForTheBuilding()
    {
        Plan plan = basePlan(24);
        Site &site = plan.sites[0];
        site.facility.buildMonths = ThreePoint::fixed(6);
        site.tranches.push_back(tranche("GPUs", 1000, 1.0, month(2024, 1), 0, 40000));
        site.sources.push_back(grid("Substation", 10, month(2024, 1), 0));
        const Result result = solved(plan);
        const Warning *w = find(result, "idle_accelerators");
        QVERIFY(w);
        QVERIFY2(says(w, "sit idle for 6,000 accelerator-months over 6 months, at most 1,000 at once ($40.0M of hardware)"),
                 w->message.c_str());
        QVERIFY2(says(w, "wait for the building"), w->message.c_str());
        QCOMPARE(result.kpis.strandedAcceleratorMonths, 6000.0); // the same figure as the KPI
        QVERIFY(!find(result, "energized_drop"));
    }

    // Energized from the month of delivery: nothing waits, no warning.
    void nothingIdleNoWarning()
    {
        Plan plan = basePlan(12);
        plan.sites[0].tranches.push_back(tranche("GPUs", 1000, 1.0, month(2024, 1), 0, 40000));
        plan.sites[0].sources.push_back(grid("Substation", 10, month(2024, 1), 0));
        const Result result = solved(plan);
        QVERIFY(!find(result, "idle_accelerators"));
        QVERIFY(!find(result, "idle_rent"));
    }

    // 10 MW of mobile turbines rented at $50,000 per MW-month from Jan 2024; the accelerators
    // arrive in Apr 2024 (3-month lead): Jan, Feb and Mar pay 3 x $500,000 = $1.50M with no load.
    void rentBeforeTheFirstLoad()
    {
        Plan plan = basePlan(12);
        Site &site = plan.sites[0];
        site.tranches.push_back(tranche("GPUs", 1000, 1.0, month(2024, 1), 3, 40000));
        PowerSource turbines = grid("Mobile turbines", 10, month(2024, 1), 0);
        turbines.kind = PowerKind::MobileTurbine;
        turbines.rented = true;
        turbines.rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(50000);
        site.sources.push_back(turbines);
        const Result result = solved(plan);
        const Warning *w = find(result, "idle_rent");
        QVERIFY(w);
        QCOMPARE(w->item, std::string("Mobile turbines"));
        QVERIFY2(says(w, "$1.50M of rent over 3 months (Jan 2024 to Mar 2024) before the first accelerator is energized"),
                 w->message.c_str());
        QCOMPARE(result.kpis.firstComputeMonth, std::optional<int>(month(2024, 4)));
    }

    // A rented chiller hired two months before the building is ready also waits: 2 x $100,000.
    void rentedCoolingWaitsToo()
    {
        Plan plan = basePlan(12);
        Site &site = plan.sites[0];
        site.facility.buildMonths = ThreePoint::fixed(2);
        site.facility.coolingMw = 0;
        site.tranches.push_back(tranche("GPUs", 1000, 1.0, month(2024, 1), 0, 40000));
        site.sources.push_back(grid("Substation", 10, month(2024, 1), 0));
        site.coolingPlants.push_back(rentalChiller("Chillers", 5, month(2024, 1), 0, 100000));
        const Result result = solved(plan);
        const Warning *w = find(result, "idle_rent");
        QVERIFY(w);
        QCOMPARE(w->item, std::string("Chillers"));
        QVERIFY2(says(w, "$200k of rent over 2 months (Jan 2024 to Feb 2024)"), w->message.c_str());
    }

    // A 10 MW grid ($5M of capex, $12/kW-year of fixed O&M) beside 5 MW of gas engines that
    // carry the site's 1 MW (1,000 accelerators of 1 kW, PUE 1) all year. Engines: 8,000 Btu/kWh
    // x $2/MMBtu = $16.00/MWh; grid: $80.00/MWh; so the engines are dispatched first and the grid
    // serves nothing in 12 months of load. Its money: $5M + 10 MW x 1,000 x $12 / 12 x 12 months
    // = $5.12M. With gas at $20/MMBtu ($160.00/MWh) the grid is dispatched and nothing is said.
    void gridNeverDispatchedBecauseFuelIsCheaper()
    {
        Plan plan = basePlan(12);
        plan.assumptions.electricityUsdPerMwh = ThreePoint::fixed(80.0);
        plan.assumptions.gasUsdPerMmbtu = ThreePoint::fixed(2.0);
        Site &site = plan.sites[0];
        site.tranches.push_back(tranche("GPUs", 1000, 1.0, month(2024, 1), 0, 40000));
        PowerSource substation = grid("Substation", 10, month(2024, 1), 0, 5e6);
        substation.fixedOmUsdPerKwYear = 12.0;
        site.sources.push_back(substation);
        PowerSource engines = grid("Engines", 5, month(2024, 1), 0);
        engines.kind = PowerKind::RecipEngine;
        engines.heatRateBtuPerKwh = 8000.0;
        site.sources.push_back(engines);
        const Result result = solved(plan);
        const Warning *w = find(result, "grid_not_dispatched");
        QVERIFY(w);
        QCOMPARE(w->item, std::string("Substation"));
        QVERIFY2(says(w, "available for 12 months of load but never dispatched, because energy from Engines costs "
                         "$16.00/MWh against $80.00/MWh from the grid; the grid's $5.12M of capex and fixed O&M"),
                 w->message.c_str());
        QCOMPARE(result.kpis.opexByCategory[static_cast<std::size_t>(OpexCategory::Energy)], 0.0);

        plan.assumptions.gasUsdPerMmbtu = ThreePoint::fixed(20.0);
        const Result dearGas = solved(plan);
        QVERIFY(!find(dearGas, "grid_not_dispatched"));
        QVERIFY(dearGas.kpis.opexByCategory[static_cast<std::size_t>(OpexCategory::Energy)] > 0.0);
    }
};

QTEST_GUILESS_MAIN(TestChecks)
#include "tst_checks.moc"
