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
