#include "planbuilder.h"
#include "plangenerator.h"
#include "solver/risk.h"
#include "solver/solver.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace testplan;

// Risk runs (docs/scenario-format.md, section 5.4). Expected values are analytic where the
// distribution allows it; elsewhere the tests check what must hold for any sample.
namespace {

// A site that is ready at once, with all accelerators delivered at once, powered only by a grid
// interconnect whose lead time is triangular(low, mode, high): full power = order + lead.
Plan gridWaitPlan(ThreePoint leadTimeMonths, int horizon = 60)
{
    Plan plan = basePlan(horizon);
    Site &site = plan.sites[0];
    site.tranches.push_back(tranche("GPUs", 1000, 1.0, month(2024, 1), 0, 45000));
    PowerSource g = grid("Substation", 10, month(2024, 1), 0, 3e6);
    g.leadTimeMonths = leadTimeMonths;
    site.sources.push_back(g);
    return plan;
}

void widenRanges(Plan &plan, unsigned seed)
{
    std::mt19937 rng(seed);
    auto widen = [&](ThreePoint &v, bool whole) {
        std::uniform_real_distribution<double> f(0.0, 0.6);
        const double lowShare = f(rng), highShare = f(rng);
        v.low = v.mode * (1 - lowShare);
        v.high = v.mode * (1 + highShare);
        if (whole) {
            v.low = std::floor(v.low);
            v.high = std::ceil(v.high);
        }
    };
    for (Site &site : plan.sites) {
        widen(site.facility.buildMonths, true);
        widen(site.facility.capexUsd, false);
        for (Tranche &t : site.tranches)
            widen(t.leadTimeMonths, true);
        for (PowerSource &s : site.sources)
            widen(s.leadTimeMonths, true);
    }
}

bool sameBands(const FanBands &a, const FanBands &b)
{
    return (a.p10 == b.p10).all() && (a.p50 == b.p50).all() && (a.p90 == b.p90).all();
}

} // namespace

class TestRisk : public QObject
{
    Q_OBJECT

private slots:
    void nearestRank()
    {
        QCOMPARE(nearestRankIndex(10, 2000), std::size_t(199)); // rank 200, not 201
        QCOMPARE(nearestRankIndex(50, 2000), std::size_t(999));
        QCOMPARE(nearestRankIndex(90, 10), std::size_t(8));
        QCOMPARE(nearestRankIndex(50, 1), std::size_t(0));
        QCOMPARE(nearestRankIndex(10, 3), std::size_t(0)); // ceil(0.3) = 1
    }

    void triangularSamplesHitTheQuantiles()
    {
        const ThreePoint r{6, 12, 24};
        QCOMPARE(sampleTriangular(r, 0.0), 6.0);
        QCOMPARE(sampleTriangular(r, 1.0 / 3.0), 12.0); // F(mode) = (12 - 6) / 18
        QVERIFY(std::abs(sampleTriangular(r, 0.5) - (24 - std::sqrt(108.0))) < 1e-12);
        QCOMPARE(sampleTriangular(ThreePoint::fixed(5), 0.7), 5.0);
    }

    // Median of triangular(6, 12, 24): F(12) = 1/3 < 1/2, so the median is
    // 24 - sqrt(0.5 x 18 x 12) = 13.61 months after the Jan 2024 order: Feb 2025 (month 13.6,
    // rounded to 14 = Mar 2025 at most). P10 = 6 + sqrt(0.1 x 18 x 6) = 9.29, P90 = 24 - sqrt(0.1 x 18 x 12) = 19.35.
    void analyticMedianOfFullPower()
    {
        const Plan plan = gridWaitPlan({6, 12, 24});
        RiskOptions options;
        options.trials = 10000;
        options.seed = 7;
        const RiskResult r = runRisk(plan, options);
        const int order = month(2024, 1);
        QVERIFY(r.fullPowerMonth.p50.has_value());
        QVERIFY2(std::abs(*r.fullPowerMonth.p50 - (order + 13.61)) <= 1.0, qPrintable(QString::number(*r.fullPowerMonth.p50 - order)));
        QVERIFY(std::abs(*r.fullPowerMonth.p10 - (order + 9.29)) <= 1.0);
        QVERIFY(std::abs(*r.fullPowerMonth.p90 - (order + 19.35)) <= 1.0);
        // By default the question is the plan's own date: full power with the lead time's mode,
        // order + 12 months. A trial makes it when its lead time rounds to 12 or less (halves
        // up), i.e. is below 12.5: for the triangle (6, 12, 24), 1 - (24 - 12.5)^2 / (18 x 12) = 0.3877.
        QCOMPARE(r.targetMonth, order + 12);
        QVERIFY2(std::abs(r.probabilityFullPowerBy - 0.3877) < 0.015, qPrintable(QString::number(r.probabilityFullPowerBy)));
        QCOMPARE(r.inputCount, 1);
        // By the end of the horizon (5 years) every trial is at full power.
        options.targetMonth = plan.startMonth + plan.horizonMonths - 1;
        QCOMPARE(runRisk(plan, options).probabilityFullPowerBy, 1.0);
    }

    // The share of trials at full power by month 12: P(round(lead) <= 12) = P(lead < 12.5)
    // = 1 - (24 - 12.5)^2 / (18 x 12) = 0.3877.
    void probabilityByTargetMonth()
    {
        const Plan plan = gridWaitPlan({6, 12, 24});
        RiskOptions options;
        options.trials = 20000;
        options.targetMonth = month(2024, 1) + 12;
        options.tornado = false;
        const RiskResult r = runRisk(plan, options);
        QVERIFY2(std::abs(r.probabilityFullPowerBy - 0.3877) < 0.015, qPrintable(QString::number(r.probabilityFullPowerBy)));
        // The substation is what holds the plan back whenever it is late.
        QVERIFY(!r.criticality.empty());
        QCOMPARE(r.criticality.front().item, std::string("Substation"));
        QVERIFY(std::abs(r.criticality.front().share - (1 - r.probabilityFullPowerBy)) < 1e-12);
    }

    // A bridge that retires on a fixed date before the grid it bridges to: 1,000 accelerators
    // (1 MW) on 10 MW of mobile turbines from Jan 2024, retiring Jan 2025 (month 12); the
    // substation's lead time is triangular (6, 18, 30). The plan (lead 18) goes dark from Jan 2025
    // to Jul 2025 and says so; a trial goes dark when its lead rounds above 12 months, i.e. is at
    // least 12.5: 1 - (12.5 - 6)^2 / (24 x 12) = 0.8533 of trials, always in Jan 2025.
    void bridgeThatRetiresBeforeTheGridIsAWarning()
    {
        Plan plan = gridWaitPlan({6, 18, 30});
        PowerSource bridge = grid("Mobile turbines", 10, month(2024, 1), 0);
        bridge.retireMonth = month(2025, 1);
        plan.sites[0].sources.push_back(bridge);

        Solver solver;
        Result planned;
        solver.solve(plan, planned);
        const auto drop = std::find_if(planned.warnings.begin(), planned.warnings.end(),
                                       [](const Warning &w) { return w.code == "energized_drop"; });
        QVERIFY(drop != planned.warnings.end());
        QCOMPARE(drop->item, std::string("Mobile turbines"));
        QVERIFY2(drop->message.find("fall from 1,000 to 0 in Jan 2025 at the retirement of Mobile turbines") != std::string::npos,
                 drop->message.c_str());
        QCOMPARE(planned.kpis.fullPowerMonth, std::optional<int>(month(2025, 7)));

        RiskOptions options;
        options.trials = 20000;
        options.tornado = false;
        const RiskResult r = runRisk(plan, options);
        QCOMPARE(r.energizedDrops.size(), std::size_t(1));
        QCOMPARE(r.energizedDrops[0].month, month(2025, 1));
        QVERIFY2(std::abs(r.energizedDrops[0].share - 0.8533) < 0.015, qPrintable(QString::number(r.energizedDrops[0].share)));
        QCOMPARE(r.energizedDrops[0].causes.size(), std::size_t(1));
        QCOMPARE(r.energizedDrops[0].causes[0].item, std::string("Mobile turbines"));

        // A bridge kept until the latest grid date never goes dark: no warning, no drop in any trial.
        plan.sites[0].sources.back().retireMonth = month(2026, 7);
        solver.solve(plan, planned);
        QVERIFY(std::none_of(planned.warnings.begin(), planned.warnings.end(),
                             [](const Warning &w) { return w.code == "energized_drop"; }));
        QVERIFY(runRisk(plan, options).energizedDrops.empty());
    }

    void zeroWidthRangesEqualTheDeterministicSolve()
    {
        PlanGenerator gen(21);
        for (int p = 0; p < 30; ++p) {
            const Plan plan = gen.next();
            const Result det = solve(plan);
            RiskOptions options;
            options.trials = 50;
            const RiskResult r = runRisk(plan, options);
            QCOMPARE(r.inputCount, 0);
            for (const auto &m : {r.fullPowerMonth.p10, r.fullPowerMonth.p50, r.fullPowerMonth.p90})
                QCOMPARE(m, det.kpis.fullPowerMonth);
            for (const auto &m : {r.firstComputeMonth.p10, r.firstComputeMonth.p50, r.firstComputeMonth.p90})
                QCOMPARE(m, det.kpis.firstComputeMonth);
            for (double v : {r.npvCostUsd.p10, r.npvCostUsd.p50, r.npvCostUsd.p90})
                QCOMPARE(v, det.kpis.npvCostUsd);
            for (double v : {r.totalCapexUsd.p10, r.totalCapexUsd.p90})
                QCOMPARE(v, det.kpis.totalCapexUsd);
            QVERIFY(r.tornado.empty());
            for (int m = 0; m < plan.horizonMonths; ++m)
                QCOMPARE(r.energized.p50[m], static_cast<double>(static_cast<float>(det.monthly.energized[m])));
        }
    }

    void percentilesAreOrdered()
    {
        PlanGenerator gen(22);
        for (int p = 0; p < 20; ++p) {
            Plan plan = gen.next();
            widenRanges(plan, static_cast<unsigned>(p));
            RiskOptions options;
            options.trials = 200;
            const RiskResult r = runRisk(plan, options);
            auto ordered = [](const MonthPercentiles &m) {
                const int never = INT_MAX;
                return m.p10.value_or(never) <= m.p50.value_or(never) && m.p50.value_or(never) <= m.p90.value_or(never);
            };
            QVERIFY(ordered(r.fullPowerMonth));
            QVERIFY(ordered(r.firstComputeMonth));
            QVERIFY(r.npvCostUsd.p10 <= r.npvCostUsd.p50 && r.npvCostUsd.p50 <= r.npvCostUsd.p90);
            QVERIFY(r.totalCapexUsd.p10 <= r.totalCapexUsd.p50 && r.totalCapexUsd.p50 <= r.totalCapexUsd.p90);
            QVERIFY((r.energized.p10 <= r.energized.p50).all() && (r.energized.p50 <= r.energized.p90).all());
            QVERIFY(r.probabilityFullPowerBy >= 0 && r.probabilityFullPowerBy <= 1);
            double shares = 0;
            for (const CriticalItem &c : r.criticality)
                shares += c.share;
            QVERIFY(shares <= 1.0 + 1e-12);
            for (std::size_t i = 1; i < r.tornado.size(); ++i)
                QVERIFY(r.tornado[i - 1].npvSwingUsd >= r.tornado[i].npvSwingUsd);
        }
    }

    void seedsReproduceAcrossThreadCounts()
    {
        PlanGenerator gen(23);
        Plan plan = gen.next();
        widenRanges(plan, 5);
        RiskOptions options;
        options.trials = 500;
        options.seed = 42;
        options.threads = 1;
        const RiskResult one = runRisk(plan, options);
        for (int threads : {2, 3, 8}) {
            options.threads = threads;
            const RiskResult many = runRisk(plan, options);
            QCOMPARE(many.npvCostUsd.p50, one.npvCostUsd.p50);
            QCOMPARE(many.npvCostUsd.p90, one.npvCostUsd.p90);
            QCOMPARE(many.fullPowerMonth.p90, one.fullPowerMonth.p90);
            QCOMPARE(many.probabilityFullPowerBy, one.probabilityFullPowerBy);
            QVERIFY(sameBands(many.cumulativeSpendUsd, one.cumulativeSpendUsd));
            QCOMPARE(many.criticality.size(), one.criticality.size());
        }
        options.seed = 43;
        const RiskResult other = runRisk(plan, options);
        QVERIFY(other.npvCostUsd.p50 != one.npvCostUsd.p50 || other.npvCostUsd.p90 != one.npvCostUsd.p90);
    }

    // The input with the widest effect on NPV comes first: a $3M substation whose lead time
    // spans 6..24 months swings energy bills far less than a facility capex range of $0..$1B.
    void tornadoRanksBySwing()
    {
        Plan plan = gridWaitPlan({6, 12, 24});
        plan.sites[0].facility.capexUsd = {0, 5e8, 1e9};
        RiskOptions options;
        options.trials = 10;
        const RiskResult r = runRisk(plan, options);
        QCOMPARE(r.tornado.size(), std::size_t(2));
        QCOMPARE(r.tornado[0].field, std::string("capexUsd"));
        QCOMPARE(r.tornado[0].item, std::string("Facility"));
        QVERIFY(std::abs(r.tornado[0].npvSwingUsd - 1e9) < 1.0); // paid in month 0, undiscounted
        QCOMPARE(r.tornado[1].field, std::string("leadTimeMonths"));
        QCOMPARE(*r.tornado[1].fullPowerAtLow, month(2024, 7));
        QCOMPARE(*r.tornado[1].fullPowerAtHigh, month(2026, 1));
        QCOMPARE(r.tornado[1].fullPowerSwingMonths, 18);
    }

    // Prices that vary nowhere take no draw: plans whose only ranges are durations and capex
    // give, for the same seed, exactly the figures they gave before prices could be sampled.
    // The table was printed by the code of commit de11535 (risk.cpp before the price
    // sampling) for these very plans, seed 7, 200 trials.
    void fixedPricesDrawAsBefore()
    {
        struct Before {
            int inputs;
            double npvP10, npvP50, npvP90, capexP50;
            double firstSwingUsd;
        };
        const Before before[] = {
            {14, 1654194981.6659272, 2294883820.08359, 2444611770.9770422, 2425477845.0327034, 655016959.80822778},
            {26, 22163793640.047577, 30325877330.73674, 31211108866.268356, 35653351459.399323, 8275021844.3359947},
            {14, 18825764155.015381, 23349330503.415154, 23659515493.143143, 23618225315.5574, 4588304242.6060867},
            {20, 33486927689.640766, 35628517432.50087, 36167808064.222633, 47559161299.284866, 3060254228.0091019},
        };
        PlanGenerator gen(22);
        for (int p = 0; p < 4; ++p) {
            Plan plan = gen.next();
            widenRanges(plan, static_cast<unsigned>(p));
            RiskOptions options;
            options.trials = 200;
            options.seed = 7;
            const RiskResult r = runRisk(plan, options);
            const Before &b = before[p];
            QCOMPARE(r.inputCount, b.inputs);
            QCOMPARE(r.npvCostUsd.p10, b.npvP10);
            QCOMPARE(r.npvCostUsd.p50, b.npvP50);
            QCOMPARE(r.npvCostUsd.p90, b.npvP90);
            QCOMPARE(r.totalCapexUsd.p50, b.capexP50);
            QCOMPARE(r.tornado.size(), static_cast<std::size_t>(b.inputs));
            QCOMPARE(r.tornado.front().npvSwingUsd, b.firstSwingUsd);
        }
    }

    // Rent, energy prices, PUE and kW per accelerator are drawn and ranked like every other range.
    // 1,000 accelerators of 1 kW (1 MW IT) on a 10 MW grid and 10 MW of rented turbines, both from
    // Jan 2024, over 12 months with no discounting and utilization 100%:
    // - turbine rent $15k-$50k per MW-month x 10 MW x 12 months: swing (50k - 15k) x 120 = $4.2M;
    // - electricity $40-$120 per MWh: the grid is cheaper than the turbines' gas ($100-$300 per
    //   MWh at 50,000 Btu/kWh), so it serves all 1 MW, 8,784 hours in 2024 (a leap year): swing
    //   80 x 8,784 = $702,720;
    // - a gas price range takes a bar too, though no gas is burnt: swing $0;
    // - a range with low = mode = high (PUE here) takes no draw and no bar.
    void priceRangesAreSampledAndRanked()
    {
        Plan plan = basePlan(12);
        plan.assumptions.utilizationPct = 100.0;
        Site &site = plan.sites[0];
        site.tranches.push_back(tranche("GPUs", 1000, 1.0, month(2024, 1), 0));
        site.sources.push_back(grid("Grid", 10, month(2024, 1), 0));
        PowerSource turbines = grid("Turbines", 10, month(2024, 1), 0);
        turbines.kind = PowerKind::MobileTurbine;
        turbines.heatRateBtuPerKwh = 50000; // gas at $100-$300 per MWh: dearer than the grid at its mode
        turbines.rented = true;
        turbines.rentUsdPerMwMonth = {15000, 30000, 50000};
        site.sources.push_back(turbines);
        plan.assumptions.electricityUsdPerMwh = {40, 80, 120};
        plan.assumptions.gasUsdPerMmbtu = {2, 3.5, 6};

        RiskOptions options;
        options.trials = 4000;
        const RiskResult r = runRisk(plan, options);
        QCOMPARE(r.inputCount, 3);
        QCOMPARE(r.tornado.size(), std::size_t(3));
        QCOMPARE(r.tornado[0].field, std::string("rentUsdPerMwMonth"));
        QCOMPARE(r.tornado[0].item, std::string("Turbines"));
        QCOMPARE(r.tornado[0].low, 15000.0);
        QCOMPARE(r.tornado[0].high, 50000.0);
        QVERIFY2(std::abs(r.tornado[0].npvSwingUsd - 4.2e6) < 1.0, qPrintable(QString::number(r.tornado[0].npvSwingUsd)));
        QCOMPARE(r.tornado[1].field, std::string("electricityUsdPerMwh"));
        QCOMPARE(r.tornado[1].site, std::string());
        QCOMPARE(r.tornado[1].item, std::string("Plan"));
        QVERIFY2(std::abs(r.tornado[1].npvSwingUsd - 702720.0) < 1.0, qPrintable(QString::number(r.tornado[1].npvSwingUsd)));
        QCOMPARE(r.tornado[2].field, std::string("gasUsdPerMmbtu"));
        QCOMPARE(r.tornado[2].npvSwingUsd, 0.0);

        // The trials vary: the cost's spread is the rent's and the price's. Its median is near the
        // plan's with both at their triangular medians (rent 31,292 $/MW-month: 50k - sqrt(0.5 x
        // 35k x 20k); electricity exactly 80): 120 x 31,292 + 80 x 8,784 = $4.458M (a 200,000-draw
        // Monte Carlo in Python of the sum gives $4.461M).
        QVERIFY(r.npvCostUsd.p10 < r.npvCostUsd.p50 && r.npvCostUsd.p50 < r.npvCostUsd.p90);
        QVERIFY2(std::abs(r.npvCostUsd.p50 - 4.458e6) < 0.06e6, qPrintable(QString::number(r.npvCostUsd.p50)));
        QVERIFY(r.npvCostUsd.p10 >= 120 * 15000.0 + 40 * 8784.0);
        QVERIFY(r.npvCostUsd.p90 <= 120 * 50000.0 + 120 * 8784.0);

        // A PUE range is drawn too (1.0 to 1.5: the 1.5 MW facility load still fits the grid); it
        // adds an input and a bar, as energy scales with PUE.
        plan.sites[0].pue = {1.0, 1.2, 1.5};
        const RiskResult withPue = runRisk(plan, options);
        QCOMPARE(withPue.inputCount, 4);
        QVERIFY(std::any_of(withPue.tornado.begin(), withPue.tornado.end(), [](const TornadoBar &b) {
            // Energy: 1 MW x PUE x 8,784 h x $80: swing 0.5 x 702,720 = $351,360.
            return b.field == "pue" && b.item == "Facility" && std::abs(b.npvSwingUsd - 351360.0) < 1.0;
        }));
    }

    void cancelStopsTheRun()
    {
        const Plan plan = gridWaitPlan({6, 12, 24});
        std::atomic<bool> cancel{true};
        std::atomic<int> done{0};
        RiskOptions options;
        options.trials = 100000;
        options.cancel = &cancel;
        options.trialsDone = &done;
        const RiskResult r = runRisk(plan, options);
        QVERIFY(r.cancelled);
        QVERIFY(done.load() < 100000);
    }
};

QTEST_APPLESS_MAIN(TestRisk)
#include "tst_risk.moc"
