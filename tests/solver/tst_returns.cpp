#include "planbuilder.h"
#include "plangenerator.h"
#include "solver/returns.h"
#include "solver/solver.h"

#include <QTest>

#include <cmath>

using namespace testplan;

// Returns (docs/methodology.md, "Returns"): revenue, residual value, net cash flow, IRR,
// payback and levelized cost. Every expected number is worked by hand in the comments.
// Plans start in Jan 2024 (plan month 0). Hours of 2024 months: Jan 744, Feb 696 (leap),
// Mar 744, Apr 720, May 744, Jun 720, Jul 744, Aug 744, Sep 720, Oct 744, Nov 720, Dec 744;
// 8,784 in the year.

#define EXPECT_NEAR(actual, expected)                                                                                  \
    do {                                                                                                               \
        const double a_ = (actual);                                                                                    \
        const double e_ = (expected);                                                                                  \
        QVERIFY2(std::abs(a_ - e_) <= 1e-9 * std::max(1.0, std::abs(e_)),                                              \
                 qPrintable(QStringLiteral("%1 = %2, expected %3").arg(QLatin1String(#actual)).arg(a_, 0, 'g', 17).arg(e_, 0, 'g', 17))); \
    } while (false)

namespace {

constexpr double kHours2024[12] = {744, 696, 744, 720, 744, 720, 744, 744, 720, 744, 720, 744};

// One site, 1,000 accelerators of 1 kW at $30,000 each delivered in Jan 2024, a 100 MW grid
// from month 0 with free energy, no discounting: the only flows are the $30M purchase, the
// revenue and what the plan states of residual value.
Plan oneTranchePlan()
{
    Plan plan = basePlan(12);
    plan.assumptions.electricityUsdPerMwh = cp::solver::ThreePoint::fixed(0.0);
    Site &site = plan.sites[0];
    site.tranches.push_back(tranche("Phase A", 1000, 1.0, month(2024, 1), 0, 30000.0));
    site.sources.push_back(grid("Grid", 100.0, month(2024, 1), 0));
    plan.returns.stated = true;
    plan.returns.computePriceUsdPerAcceleratorHour = ThreePoint::fixed(2.0);
    site.tranches[0].soldPct = 100.0;
    return plan;
}

// NPV at a monthly rate, the spreadsheet's way: sum of f[m] / (1 + i)^m.
double npvAtMonthlyRate(const Eigen::ArrayXd &flows, double i)
{
    double sum = 0.0;
    for (Eigen::Index m = 0; m < flows.size(); ++m)
        sum += flows[m] / std::pow(1.0 + i, static_cast<double>(m));
    return sum;
}

} // namespace

class TestReturns : public QObject
{
    Q_OBJECT

private slots:
    // IRR on flows worked by hand.
    void irrOfHandFlows()
    {
        // -100 now, +110 a month later: 10% a month, 1.1^12 - 1 = 213.8428377% a year.
        Eigen::ArrayXd oneMonth(2);
        oneMonth << -100.0, 110.0;
        QVERIFY(monthlyIrr(oneMonth).has_value());
        EXPECT_NEAR(*monthlyIrr(oneMonth), 0.1);
        EXPECT_NEAR(*annualIrrPct(oneMonth), 100.0 * (std::pow(1.1, 12) - 1.0));

        // -100 now, +121 in month 24: (1 + i)^24 = 1.21, so (1 + i)^12 = 1.1: exactly 10% a year.
        Eigen::ArrayXd twoYears = Eigen::ArrayXd::Zero(25);
        twoYears[0] = -100.0;
        twoYears[24] = 121.0;
        EXPECT_NEAR(*annualIrrPct(twoYears), 10.0);

        // Flows that never change sign have no IRR.
        Eigen::ArrayXd allOut = Eigen::ArrayXd::Constant(12, -5.0);
        QVERIFY(!monthlyIrr(allOut).has_value());
        QVERIFY(!monthlyIrr(Eigen::ArrayXd::Zero(12)).has_value());

        // A loss: -100 now, +50 in a year: (1 + i)^12 = 0.5, -50% a year.
        Eigen::ArrayXd loss = Eigen::ArrayXd::Zero(13);
        loss[0] = -100.0;
        loss[12] = 50.0;
        EXPECT_NEAR(*annualIrrPct(loss), -50.0);
    }

    void paybackOfHandFlows()
    {
        Eigen::ArrayXd flows(5);
        flows << -10.0, 4.0, 4.0, 2.0, 1.0; // running: -10, -6, -2, 0, 1: paid back in month 3
        QCOMPARE(paybackPlanMonth(flows), std::optional<int>(3));
        Eigen::ArrayXd never(3);
        never << -10.0, 4.0, 4.0;
        QVERIFY(!paybackPlanMonth(never).has_value());
        Eigen::ArrayXd neverNegative(3);
        neverNegative << 0.0, 4.0, 4.0; // never below zero: nothing to pay back
        QVERIFY(!paybackPlanMonth(neverNegative).has_value());
    }

    // One tranche with a price and book residual value, worked by hand.
    void oneTrancheWithPriceAndBookValue()
    {
        Plan plan = oneTranchePlan();
        plan.returns.residualValue = ResidualValue::Book;
        const Result r = solve(plan);
        const Kpis &k = r.kpis;
        QVERIFY(k.returnsStated);

        // Revenue: 1,000 x $2 x hours each month; 1,000 x 2 x 8,784 = $17,568,000 in the year.
        for (int m = 0; m < 12; ++m)
            EXPECT_NEAR(r.monthly.revenueUsd[m], 2000.0 * kHours2024[m]);
        EXPECT_NEAR(k.revenueUsd, 17'568'000.0);
        EXPECT_NEAR(k.npvRevenueUsd, 17'568'000.0); // 0% discount

        // Depreciation $30M / 60 months = $500,000 a month from Jan; after 12 months the book
        // value is $24M, counted in Dec (plan month 11).
        EXPECT_NEAR(r.monthly.residualValueUsd[11], 24'000'000.0);
        EXPECT_NEAR(r.monthly.residualValueUsd.head(11).abs().sum(), 0.0);
        EXPECT_NEAR(k.residualValueUsd, 24'000'000.0);

        // Net: Jan 1,488,000 - 30,000,000 = -28,512,000; Dec 1,488,000 + 24,000,000.
        EXPECT_NEAR(r.monthly.netCashFlowUsd[0], -28'512'000.0);
        EXPECT_NEAR(r.monthly.netCashFlowUsd[11], 25'488'000.0);
        EXPECT_NEAR(k.npvNetUsd, 17'568'000.0 + 24'000'000.0 - 30'000'000.0);

        // Payback: the running sum is -28.512M in Jan, -13.92M at the end of Nov (Feb..Nov
        // bring 14.592M), +11.568M in Dec: paid back in Dec 2024.
        QCOMPARE(k.paybackMonth, std::optional<int>(month(2024, 12)));

        // IRR: the flows change sign once, so one rate; at it the NPV is zero within a cent,
        // reckoned the spreadsheet's way, and the annual figure is (1 + i)^12 - 1.
        QVERIFY(k.irrPct.has_value());
        const double i = std::pow(1.0 + *k.irrPct / 100.0, 1.0 / 12.0) - 1.0;
        QVERIFY2(std::abs(npvAtMonthlyRate(r.monthly.netCashFlowUsd, i)) < 0.01,
                 qPrintable(QString::number(npvAtMonthlyRate(r.monthly.netCashFlowUsd, i))));
        // Bracketed by hand: at 3% a month the Dec inflow is worth 25.488M / 1.03^11 = 18.41M and
        // Feb..Nov about 1.46M x 8.53 = 12.4M, together above the 28.512M of Jan; at 4% a month
        // 16.56M + 11.8M falls below it. A bisection in Python on the same twelve flows (an
        // independent tool) gives i = 3.9453357% a month, 59.0962987% a year.
        QVERIFY(i > 0.03 && i < 0.04);
        QVERIFY2(std::abs(*k.irrPct - 59.0962986652) < 1e-6, qPrintable(QString::number(*k.irrPct, 'g', 12)));

        // Levelized cost: (NPV of costs $30M - PV of residual $24M) / 8,784,000 accelerator-hours.
        QVERIFY(k.levelizedCostPerAcceleratorHourUsd.has_value());
        EXPECT_NEAR(*k.levelizedCostPerAcceleratorHourUsd, 6'000'000.0 / 8'784'000.0);
        EXPECT_NEAR(k.strandedValueUsd, 0.0);

        // The site's figures are the portfolio's (one site).
        EXPECT_NEAR(r.sites[0].kpis.npvNetUsd, k.npvNetUsd);
        QCOMPARE(r.sites[0].kpis.paybackMonth, k.paybackMonth);
        QVERIFY((r.sites[0].monthly().netCashFlowUsd == r.monthly.netCashFlowUsd).all());
    }

    void soldShareDefaultsToUtilization()
    {
        Plan plan = oneTranchePlan();
        plan.sites[0].tranches[0].soldPct.reset();
        plan.assumptions.utilizationPct = 75.0;
        const Result r = solve(plan);
        // 1,000 x $2 x 0.75 x 744 = $1,116,000 in Jan.
        EXPECT_NEAR(r.monthly.revenueUsd[0], 1'116'000.0);
    }

    void trancheOwnPriceWins()
    {
        Plan plan = oneTranchePlan();
        plan.sites[0].tranches[0].priceUsdPerAcceleratorHour = ThreePoint::fixed(3.0);
        const Result r = solve(plan);
        EXPECT_NEAR(r.monthly.revenueUsd[0], 3000.0 * 744.0);
    }

    void burnInEarnsNothing()
    {
        Plan plan = oneTranchePlan();
        plan.returns.burnInMonths = 2;
        const Result r = solve(plan);
        // Delivered Jan: Jan and Feb are burn-in, revenue from Mar.
        EXPECT_NEAR(r.monthly.revenueUsd[0], 0.0);
        EXPECT_NEAR(r.monthly.revenueUsd[1], 0.0);
        EXPECT_NEAR(r.monthly.revenueUsd[2], 2000.0 * 744.0);
        EXPECT_NEAR(r.kpis.revenueUsd, 2000.0 * (8784.0 - 744.0 - 696.0));
        // Burn-in changes nothing else.
        const Result plain = solve(oneTranchePlan());
        QVERIFY((r.monthly.energized == plain.monthly.energized).all());
        QCOMPARE(r.kpis.npvCostUsd, plain.kpis.npvCostUsd);
    }

    void residualShareByCategory()
    {
        Plan plan = oneTranchePlan();
        plan.returns.residualValue = ResidualValue::Book;
        plan.returns.residualPctOfBook[static_cast<std::size_t>(CapexCategory::Compute)] = 40.0;
        const Result r = solve(plan);
        EXPECT_NEAR(r.kpis.residualValueUsd, 0.4 * 24'000'000.0);
    }

    void notYetInServiceCountsWhatWasPaid()
    {
        // Ordered Jan 2024 with a 20% deposit and an 18-month lead time: in service after the
        // horizon. The $6M deposit paid in Jan is the residual value.
        Plan plan = oneTranchePlan();
        plan.sites[0].tranches[0].leadTimeMonths = ThreePoint::fixed(18);
        plan.sites[0].tranches[0].depositPct = 20.0;
        plan.returns.residualValue = ResidualValue::Book;
        const Result r = solve(plan);
        EXPECT_NEAR(r.kpis.totalCapexUsd, 6'000'000.0);
        EXPECT_NEAR(r.kpis.residualValueUsd, 6'000'000.0);
        EXPECT_NEAR(r.kpis.revenueUsd, 0.0);
    }

    void salvageAtRetirement()
    {
        // Retired in Jul 2024 (plan month 6) with 50% salvage: book value after six months of
        // $500,000 is $27M, so $13.5M comes back in Jul; nothing is left at the horizon.
        Plan plan = oneTranchePlan();
        plan.sites[0].tranches[0].retireMonth = month(2024, 7);
        plan.sites[0].tranches[0].salvagePctOfBook = 50.0;
        plan.returns.residualValue = ResidualValue::Book;
        const Result r = solve(plan);
        EXPECT_NEAR(r.monthly.residualValueUsd[6], 13'500'000.0);
        EXPECT_NEAR(r.kpis.residualValueUsd, 13'500'000.0);
        // Revenue only Jan..Jun: 2,000 x (744 + 696 + 744 + 720 + 744 + 720) = 8,736,000.
        EXPECT_NEAR(r.kpis.revenueUsd, 8'736'000.0);
    }

    // The seed's decision: wait six months for the grid, or rent a 2 MW mobile turbine now.
    // The bridge wins on net and loses on cost.
    void bridgeOrWait()
    {
        Plan wait = oneTranchePlan();
        wait.sites[0].sources[0].leadTimeMonths = ThreePoint::fixed(6); // the grid in Jul
        Plan bridge = wait;
        PowerSource turbine;
        turbine.name = "Mobile turbine";
        turbine.kind = PowerKind::MobileTurbine;
        turbine.capacityMw = 2.0;
        turbine.orderMonth = month(2024, 1);
        turbine.leadTimeMonths = ThreePoint::fixed(0);
        turbine.rented = true;
        turbine.rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(50'000.0);
        turbine.retireMonth = month(2024, 7);
        bridge.sites[0].sources.push_back(turbine);

        const Result w = solve(wait);
        const Result b = solve(bridge);
        // Wait: energized Jul..Dec (4,416 h) earns 2,000 x 4,416 = $8,832,000; the idle
        // Jan..Jun (4,368 h) would have earned $8,736,000.
        EXPECT_NEAR(w.kpis.revenueUsd, 8'832'000.0);
        EXPECT_NEAR(w.kpis.strandedValueUsd, 8'736'000.0);
        // Bridge: the whole year earns $17,568,000, for 6 months x 2 MW x $50,000 = $600,000 of
        // rent (free fuel: no heat rate).
        EXPECT_NEAR(b.kpis.revenueUsd, 17'568'000.0);
        EXPECT_NEAR(b.kpis.strandedValueUsd, 0.0);
        EXPECT_NEAR(b.kpis.npvCostUsd - w.kpis.npvCostUsd, 600'000.0);
        // Net: the bridge adds $8,736,000 - $600,000 = $8,136,000.
        EXPECT_NEAR(b.kpis.npvNetUsd - w.kpis.npvNetUsd, 8'136'000.0);
        QVERIFY(b.kpis.npvCostUsd > w.kpis.npvCostUsd);
        QVERIFY(b.kpis.npvNetUsd > w.kpis.npvNetUsd);
    }

    // Properties over generated plans.
    void noReturnsStatedKeepsV1AndNetIsMinusCosts()
    {
        PlanGenerator gen(31);
        Solver solver;
        Result r;
        for (int p = 0; p < 200; ++p) {
            const Plan plan = gen.next();
            solver.solve(plan, r);
            QVERIFY(!r.kpis.returnsStated);
            QCOMPARE(r.kpis.npvNetUsd, 0.0);
            QVERIFY((r.monthly.revenueUsd == 0.0).all());
            QVERIFY((r.monthly.residualValueUsd == 0.0).all());
            QVERIFY((r.monthly.netCashFlowUsd == -(r.monthly.capexUsd + r.monthly.opexUsd)).all());
        }
    }

    void statingAPriceChangesNoCostAndDoublingItDoublesRevenue()
    {
        PlanGenerator gen(32);
        Solver solver;
        Result plain, priced, doubled;
        for (int p = 0; p < 200; ++p) {
            Plan plan = gen.next();
            solver.solve(plan, plain);
            plan.returns.stated = true;
            plan.returns.computePriceUsdPerAcceleratorHour = ThreePoint::fixed(2.5);
            solver.solve(plan, priced);
            plan.returns.computePriceUsdPerAcceleratorHour = ThreePoint::fixed(5.0);
            solver.solve(plan, doubled);
            const QString at = QStringLiteral("plan %1").arg(p);
            QVERIFY2((plain.monthly.capexUsd == priced.monthly.capexUsd).all(), qPrintable(at));
            QVERIFY2((plain.monthly.opexUsd == priced.monthly.opexUsd).all(), qPrintable(at));
            QVERIFY2((plain.monthly.energized == priced.monthly.energized).all(), qPrintable(at));
            QCOMPARE(plain.kpis.npvCostUsd, priced.kpis.npvCostUsd);
            QVERIFY2(std::abs(doubled.kpis.revenueUsd - 2.0 * priced.kpis.revenueUsd)
                         <= 1e-9 * std::max(1.0, doubled.kpis.revenueUsd),
                     qPrintable(at));
            // Net = revenue - costs, month by month; NPV of net = NPV of revenue - NPV of costs.
            QVERIFY2(std::abs(priced.kpis.npvNetUsd - (priced.kpis.npvRevenueUsd - priced.kpis.npvCostUsd))
                         <= 1e-6 * std::max(1.0, std::abs(priced.kpis.npvCostUsd)),
                     qPrintable(at));
            // Where there is an IRR, the spreadsheet's NPV at its monthly rate is zero (within a
            // cent per $10B of discounted flows: at rates near -100% a year the discounted flows
            // reach 1e30), and the annual figure is (1 + i)^12 - 1. (The monthly rate is taken
            // directly: near -100% a year, the annual figure cannot give it back.)
            QCOMPARE(priced.kpis.irrPct.has_value(), monthlyIrr(priced.monthly.netCashFlowUsd).has_value());
            if (const std::optional<double> i = monthlyIrr(priced.monthly.netCashFlowUsd)) {
                double scale = 0.0;
                for (int m = 0; m < plan.horizonMonths; ++m)
                    scale += std::abs(priced.monthly.netCashFlowUsd[m]) / std::pow(1.0 + *i, m);
                QVERIFY2(std::abs(npvAtMonthlyRate(priced.monthly.netCashFlowUsd, *i)) <= std::max(0.01, 1e-12 * scale),
                         qPrintable(at));
                QCOMPARE(*priced.kpis.irrPct, 100.0 * (std::pow(1.0 + *i, 12.0) - 1.0));
            }
            // The portfolio's arrays are the sums of the sites'.
            Eigen::ArrayXd siteRevenue = Eigen::ArrayXd::Zero(plan.horizonMonths);
            for (const SiteResult &site : priced.sites)
                siteRevenue += site.monthly().revenueUsd;
            QVERIFY2(((siteRevenue - priced.monthly.revenueUsd).abs() <= 1e-6 * (1.0 + siteRevenue.abs())).all(),
                     qPrintable(at));
        }
    }
};

QTEST_APPLESS_MAIN(TestReturns)
#include "tst_returns.moc"
