#include "optimize/optimizer.h"
#include "optimizeplans.h"
#include "solver/risk.h"
#include "solver/solver.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace testplan;

// The optimizer. Its answers are checked the way a planner would check them: the
// chosen plan, solved again, costs what the optimizer says and reaches full power by the goal;
// and on problems small enough to try every combination, no combination does better.
namespace {

bool sameUsd(double a, double b)
{
    return std::abs(a - b) <= 1e-7 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

// Hand-worked case. One site, ready at once, 1,000 accelerators of 1 kW delivered in Jan 2024
// (PUE 1.0, so 1 MW of load), no capex anywhere, 0% discount (NPV is the plain sum), 100%
// utilization. The grid (1 MW, $40/MWh) arrives in Oct 2024. A rented 1 MW mobile turbine
// ($10,000 a month, fuel 10,000 Btu/kWh x $5/MMBtu = $50/MWh, one month lead) may be ordered
// Jan..Jun 2024 and retired Jul..Dec 2024 or never; it is optional.
// Goal: full power by Apr 2024. The turbine must arrive by Apr (order by Mar) and stay until
// the grid comes (retire Oct or later). Ordering earlier adds rent and fuel for months before
// the goal; retiring later adds $10,000 rent a month while the cheaper grid serves the load.
// Best: order Mar, retire Oct: rent Apr..Sep 6 x $10,000 = $60,000; fuel Apr..Sep
// (720+744+720+744+744+720 = 4,392 h) x $50 = $219,600; grid Oct..Dec (744+720+744 = 2,208 h)
// x $40 = $88,320. NPV $367,920. Full power Apr 2024.
// The earliest any choice reaches: order Jan, available Feb 2024.
Problem handWorked()
{
    Problem p;
    p.plan = basePlan(12);
    p.plan.assumptions.utilizationPct = 100;
    p.plan.assumptions.electricityUsdPerMwh = cp::solver::ThreePoint::fixed(40);
    p.plan.assumptions.gasUsdPerMmbtu = cp::solver::ThreePoint::fixed(5);
    Site &site = p.plan.sites[0];
    site.tranches.push_back(tranche("GPUs", 1000, 1.0, month(2024, 1), 0));
    site.sources.push_back(grid("Grid", 1.0, month(2024, 1), 9));
    PowerSource turbine;
    turbine.name = "Turbine";
    turbine.kind = PowerKind::MobileTurbine;
    turbine.capacityMw = 1.0;
    turbine.orderMonth = month(2024, 1);
    turbine.leadTimeMonths = ThreePoint::fixed(1);
    turbine.rented = true;
    turbine.rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(10000);
    turbine.heatRateBtuPerKwh = 10000;
    site.sources.push_back(turbine);
    p.decisions.push_back({ 0, ItemList::PowerSource, 1, true, MonthWindow { month(2024, 1), month(2024, 6) },
                            RetireWindow { month(2024, 7), month(2024, 12), true } });
    return p;
}

Goal goalBy(int month)
{
    Goal g;
    g.fullPowerBy = month;
    return g;
}

// What the brute force says for one goal month.
struct Best {
    std::optional<double> npvUsd;
    std::optional<int> earliest;
};
Best bestOf(const std::vector<Enumerated> &all, int goal)
{
    Best b;
    for (const Enumerated &e : all) {
        if (!e.fullPowerMonth)
            continue;
        b.earliest = b.earliest ? std::min(*b.earliest, *e.fullPowerMonth) : *e.fullPowerMonth;
        if (*e.fullPowerMonth <= goal)
            b.npvUsd = b.npvUsd ? std::min(*b.npvUsd, e.npvCostUsd) : e.npvCostUsd;
    }
    return b;
}

// The answer holds up when its plan is solved again.
void checkResolves(const Answer &a, int goal)
{
    QVERIFY(a.objectiveUsd);
    const Result again = solve(a.plan);
    QCOMPARE(again.kpis.npvCostUsd, *a.objectiveUsd);
    QVERIFY(again.kpis.fullPowerMonth);
    QVERIFY(*again.kpis.fullPowerMonth <= goal);
    QCOMPARE(a.fullPowerMonth, again.kpis.fullPowerMonth);
}

} // namespace

class TestOptimize : public QObject
{
    Q_OBJECT

private slots:
    void handWorkedCase()
    {
        const Answer a = optimize(handWorked(), goalBy(month(2024, 4)), Objective::Cost);
        QCOMPARE(a.status, Status::Optimal);
        QVERIFY(a.objectiveUsd);
        QCOMPARE(*a.objectiveUsd, 367920.0);
        QCOMPARE(a.fullPowerMonth, std::optional(month(2024, 4)));
        QCOMPARE(a.earliestFullPowerMonth, std::optional(month(2024, 2)));
        QCOMPARE(a.choices.size(), std::size_t(1));
        QCOMPARE(a.choices[0].itemName, std::string("Turbine"));
        QVERIFY(a.choices[0].kept);
        QCOMPARE(a.choices[0].orderMonth, month(2024, 3));
        QCOMPARE(a.choices[0].retireMonth, month(2024, 10));
        checkResolves(a, month(2024, 4));
    }

    void handWorkedInfeasible()
    {
        // Nothing arrives before Feb 2024, so Jan is out of reach: infeasible, earliest Feb.
        const Answer a = optimize(handWorked(), goalBy(month(2024, 1)), Objective::Cost);
        QCOMPARE(a.status, Status::Infeasible);
        QVERIFY(!a.objectiveUsd);
        QCOMPARE(a.earliestFullPowerMonth, std::optional(month(2024, 2)));
        QVERIFY(a.choices.empty());
    }

    void nothingToDecideReturnsThePlan()
    {
        Problem p = handWorked();
        p.decisions.clear();
        p.plan.sites[0].sources[1].orderMonth = month(2024, 2); // available Mar, never retired
        const Result written = solve(p.plan);
        const Answer a = optimize(p, goalBy(month(2024, 6)), Objective::Cost);
        QCOMPARE(a.status, Status::Optimal);
        QVERIFY(a.choices.empty());
        QCOMPARE(*a.objectiveUsd, written.kpis.npvCostUsd);
        QCOMPARE(a.fullPowerMonth, written.kpis.fullPowerMonth);
        QCOMPARE(a.plan.sites[0].sources.size(), p.plan.sites[0].sources.size());
        QCOMPARE(a.plan.sites[0].sources[1].orderMonth, month(2024, 2));
        QCOMPARE(a.earliestFullPowerMonth, written.kpis.fullPowerMonth);

        // A goal before the plan's own full power (Mar 2024) cannot be met.
        const Answer early = optimize(p, goalBy(month(2024, 2)), Objective::Cost);
        QCOMPARE(early.status, Status::Infeasible);
        QCOMPARE(early.earliestFullPowerMonth, written.kpis.fullPowerMonth);
    }

    void matchesBruteForce_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<int>("sites");
        for (unsigned seed = 1; seed <= 60; ++seed)
            QTest::addRow("seed %u", seed) << seed << (seed % 4 == 0 ? 2 : 1);
    }

    void matchesBruteForce()
    {
        QFETCH(unsigned, seed);
        QFETCH(int, sites);
        ProblemGenerator generator(seed);
        const Problem p = generator.next(sites, sites == 1 ? 3000 : 1500);
        const std::vector<Enumerated> all = enumerateAll(p);
        const int first = p.plan.startMonth;
        const int last = first + p.plan.horizonMonths - 1;
        const Best overall = bestOf(all, last);
        // Goals: every third month, and the earliest reachable and the one before it.
        std::vector<int> goals;
        for (int g = first; g <= last; g += 3)
            goals.push_back(g);
        if (overall.earliest) {
            goals.push_back(*overall.earliest);
            if (*overall.earliest > first)
                goals.push_back(*overall.earliest - 1);
        }
        for (int goal : goals) {
            const Best expected = bestOf(all, goal);
            const Answer a = optimize(p, goalBy(goal), Objective::Cost);
            QVERIFY2(a.status != Status::Invalid, a.message.c_str());
            QCOMPARE(a.earliestFullPowerMonth, overall.earliest);
            if (!expected.npvUsd) {
                QCOMPARE(a.status, Status::Infeasible);
                continue;
            }
            QCOMPARE(a.status, Status::Optimal);
            QVERIFY2(sameUsd(*a.objectiveUsd, *expected.npvUsd),
                     qPrintable(QStringLiteral("goal %1: optimizer %2, enumeration %3")
                                    .arg(goal)
                                    .arg(*a.objectiveUsd, 0, 'f', 2)
                                    .arg(*expected.npvUsd, 0, 'f', 2)));
            checkResolves(a, goal);
        }
    }

    void frontierMatchesBruteForce_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<int>("sites");
        for (unsigned seed = 101; seed <= 116; ++seed) // the last six: two sites, solved site by site
            QTest::addRow("seed %u", seed) << seed << (seed > 110 ? 2 : 1);
    }

    void frontierMatchesBruteForce()
    {
        QFETCH(unsigned, seed);
        QFETCH(int, sites);
        ProblemGenerator generator(seed);
        const Problem p = generator.next(sites, sites == 1 ? 2000 : 1500);
        const std::vector<Enumerated> all = enumerateAll(p);
        const int last = p.plan.startMonth + p.plan.horizonMonths - 1;
        const Frontier f = frontier(p, Goal(), Objective::Cost);
        const Best overall = bestOf(all, last);
        QCOMPARE(f.earliestFullPowerMonth, overall.earliest);
        if (!overall.earliest) {
            QCOMPARE(f.status, Status::Infeasible);
            QVERIFY(f.points.empty());
            return;
        }
        QCOMPARE(f.status, Status::Optimal);
        QCOMPARE(static_cast<int>(f.points.size()), last - *overall.earliest + 1);
        std::optional<double> previous;
        for (const FrontierPoint &point : f.points) {
            const Best expected = bestOf(all, point.month);
            QCOMPARE(point.status, Status::Optimal);
            QVERIFY(point.objectiveUsd && expected.npvUsd);
            QVERIFY(sameUsd(*point.objectiveUsd, *expected.npvUsd));
            QVERIFY(point.fullPowerMonth && *point.fullPowerMonth <= point.month);
            // A later goal never costs more: every plan that meets a goal meets the later ones.
            if (previous)
                QVERIFY(*point.objectiveUsd <= *previous + 1e-6 * std::abs(*previous));
            previous = point.objectiveUsd;
        }
    }

    void confidenceGoalMatchesBruteForce()
    {
        // The grid's lead time is uncertain (6 to 12 months, mode 9): the turbine must stay on
        // until the grid has come in enough trials. With 80% of trials required, retiring at the
        // mode's Oct 2024 is not enough; the enumeration finds the cheapest retire month that is.
        Problem p = handWorked();
        p.plan.sites[0].sources[0].leadTimeMonths = ThreePoint { 6, 9, 12 };
        Goal goal = goalBy(month(2024, 4));
        goal.confidencePct = 80;
        goal.trials = 200;
        goal.seed = 3;
        std::optional<double> best;
        for (const Choice &c : choicesOf(p.plan, p.decisions[0])) {
            const Plan plan = applyChoices(p.plan, { c });
            RiskOptions risk;
            risk.trials = goal.trials;
            risk.seed = goal.seed;
            risk.targetMonth = goal.fullPowerBy;
            risk.threads = 1;
            risk.tornado = false;
            if (100.0 * runRisk(plan, risk).probabilityFullPowerBy < goal.confidencePct)
                continue;
            const double npv = solve(plan).kpis.npvCostUsd;
            best = best ? std::min(*best, npv) : npv;
        }
        QVERIFY(best);
        const Answer a = optimize(p, goal, Objective::Cost);
        QCOMPARE(a.status, Status::Optimal);
        QVERIFY(sameUsd(*a.objectiveUsd, *best));
        QVERIFY(a.confidencePct && *a.confidencePct >= 80.0);
        QVERIFY(a.choices[0].retireMonth > month(2024, 10)); // later than the mode plan's best
    }

    void cancelStopsWithAnHonestBound()
    {
        ProblemGenerator generator(7);
        const Problem p = generator.next(2, 1500);
        std::atomic<bool> cancel { true };
        Options options;
        options.cancel = &cancel;
        const Answer a = optimize(p, goalBy(p.plan.startMonth + p.plan.horizonMonths - 1), Objective::Cost, options);
        QVERIFY(a.status == Status::Limit || a.status == Status::Infeasible);
        if (a.objectiveUsd) {
            QVERIFY(a.boundUsd);
            QVERIFY(*a.boundUsd <= *a.objectiveUsd + 1e-6);
        }
    }

    void netNeedsWhatThePlanEarns()
    {
        // The hand-worked plan states no price and no residual value: net means nothing there.
        const Answer a = optimize(handWorked(), goalBy(month(2024, 4)), Objective::Net);
        QCOMPARE(a.status, Status::Invalid);
        QVERIFY(a.message.find("value of compute") != std::string::npos);
        QCOMPARE(defaultObjective(handWorked().plan), Objective::Cost);
        Problem priced = handWorked();
        priced.plan.returns.stated = true;
        priced.plan.returns.computePriceUsdPerAcceleratorHour = ThreePoint::fixed(2.0);
        QCOMPARE(defaultObjective(priced.plan), Objective::Net);
        // A residual value alone allows net but does not make it the default.
        Problem residual = handWorked();
        residual.plan.returns.stated = true;
        residual.plan.returns.residualValue = ResidualValue::Book;
        QCOMPARE(defaultObjective(residual.plan), Objective::Cost);
        QCOMPARE(optimize(residual, goalBy(month(2024, 4)), Objective::Net).status, Status::Optimal);
    }

    // Hand-worked net: the case above with a value of compute of $2 per accelerator-hour, all
    // sold (utilization 100%). Revenue does not depend on the turbine's choice once full power
    // is reached, but a plan that reaches full power earlier than the goal earns more: ordering
    // the turbine in Jan (available Feb) earns Feb and Mar too. 1,000 x $2 = $2,000 an hour;
    // Feb + Mar 2024 = 696 + 744 = 1,440 h: $2.88M more revenue, against 2 more months of rent
    // ($20,000) and fuel (1,440 h x 1 MW x $50 = $72,000). So the best net orders in Jan and
    // retires in Oct (when the grid comes): net = revenue Feb..Dec (8,040 h x $2,000 = $16.08M)
    // - rent Feb..Sep (8 x $10,000) - fuel Feb..Sep (5,832 h x $50 = $291,600) - grid Oct..Dec
    // ($88,320) = $16,080,000 - $80,000 - $291,600 - $88,320 = $15,620,080.
    void handWorkedNet()
    {
        Problem p = handWorked();
        p.plan.returns.stated = true;
        p.plan.returns.computePriceUsdPerAcceleratorHour = ThreePoint::fixed(2.0);
        const Answer a = optimize(p, goalBy(month(2024, 4)), Objective::Net);
        QCOMPARE(a.status, Status::Optimal);
        QVERIFY(sameUsd(*a.objectiveUsd, 15'620'080.0));
        QCOMPARE(a.choices[0].orderMonth, month(2024, 1));
        QCOMPARE(a.choices[0].retireMonth, month(2024, 10));
        QCOMPARE(solve(a.plan).kpis.npvNetUsd, *a.objectiveUsd);
    }

    void netMatchesBruteForce_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<int>("sites");
        for (unsigned seed = 201; seed <= 240; ++seed)
            QTest::addRow("seed %u", seed) << seed << (seed % 4 == 0 ? 2 : 1);
    }

    // The most NPV of net cash flow, by enumeration, for goals across the plan.
    void netMatchesBruteForce()
    {
        QFETCH(unsigned, seed);
        QFETCH(int, sites);
        ProblemGenerator generator(seed);
        const Problem p = generator.nextWithReturns(sites, sites == 1 ? 2000 : 1200);
        QCOMPARE(defaultObjective(p.plan), Objective::Net);
        const std::vector<Enumerated> all = enumerateAll(p);
        const int first = p.plan.startMonth;
        const int last = first + p.plan.horizonMonths - 1;
        for (int goal = first; goal <= last; goal += 4) {
            std::optional<double> best;
            for (const Enumerated &e : all)
                if (e.fullPowerMonth && *e.fullPowerMonth <= goal)
                    best = best ? std::max(*best, e.npvNetUsd) : e.npvNetUsd;
            const Answer a = optimize(p, goalBy(goal), Objective::Net);
            QVERIFY2(a.status != Status::Invalid, a.message.c_str());
            if (!best) {
                QCOMPARE(a.status, Status::Infeasible);
                continue;
            }
            QCOMPARE(a.status, Status::Optimal);
            QCOMPARE(a.objective, Objective::Net);
            QVERIFY2(sameUsd(*a.objectiveUsd, *best),
                     qPrintable(QStringLiteral("goal %1: optimizer %2, enumeration %3")
                                    .arg(goal)
                                    .arg(*a.objectiveUsd, 0, 'f', 2)
                                    .arg(*best, 0, 'f', 2)));
            const Result again = solve(a.plan);
            QCOMPARE(again.kpis.npvNetUsd, *a.objectiveUsd);
            QVERIFY(again.kpis.fullPowerMonth && *again.kpis.fullPowerMonth <= goal);
        }
    }

    void netFrontierMatchesBruteForce()
    {
        for (unsigned seed = 301; seed <= 306; ++seed) {
            ProblemGenerator generator(seed);
            const Problem p = generator.nextWithReturns(1, 1500);
            const std::vector<Enumerated> all = enumerateAll(p);
            const Frontier f = frontier(p, Goal(), Objective::Net);
            if (f.status == Status::Infeasible)
                continue;
            QCOMPARE(f.status, Status::Optimal);
            std::optional<double> previous;
            for (const FrontierPoint &point : f.points) {
                std::optional<double> best;
                for (const Enumerated &e : all)
                    if (e.fullPowerMonth && *e.fullPowerMonth <= point.month)
                        best = best ? std::max(*best, e.npvNetUsd) : e.npvNetUsd;
                QVERIFY(point.objectiveUsd && best);
                QVERIFY2(sameUsd(*point.objectiveUsd, *best), qPrintable(QStringLiteral("seed %1").arg(seed)));
                // A later goal never earns less.
                if (previous)
                    QVERIFY(*point.objectiveUsd >= *previous - 1e-6 * std::abs(*previous));
                previous = point.objectiveUsd;
            }
        }
    }

    void invalidProblems()
    {
        Problem p = handWorked();
        QCOMPARE(optimize(p, goalBy(month(2023, 12)), Objective::Cost).status, Status::Invalid); // before the plan
        p.decisions[0].orderWindow = MonthWindow { month(2024, 5), month(2024, 4) };
        QCOMPARE(optimize(p, goalBy(month(2024, 4)), Objective::Cost).status, Status::Invalid);
        p = handWorked();
        p.decisions.push_back(p.decisions[0]); // the same item twice
        QCOMPARE(optimize(p, goalBy(month(2024, 4)), Objective::Cost).status, Status::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestOptimize)
#include "tst_optimize.moc"
