#include "analysis/riskrunner.h"
#include "solver/calendar.h"

#include <QSignalSpy>
#include <QTest>

using namespace cp;

// A risk run off the UI thread: progress, a result, Cancel, and a superseded run dropped.
namespace {

solver::Plan gridWait()
{
    using namespace solver;
    Plan plan;
    plan.startMonth = absoluteMonth(2025, 1);
    plan.horizonMonths = 36;
    Site site;
    site.name = "Site";
    site.pue = cp::solver::ThreePoint::fixed(1.0);
    site.facility.permitStartMonth = plan.startMonth;
    site.facility.constructionStartMonth = plan.startMonth;
    site.facility.itCapacityMw = 10;
    site.facility.coolingMw = 10;
    Tranche t;
    t.name = "GPUs";
    t.count = 1000;
    t.orderMonth = plan.startMonth;
    site.tranches.push_back(t);
    PowerSource grid;
    grid.name = "Grid";
    grid.capacityMw = 5;
    grid.orderMonth = plan.startMonth;
    grid.leadTimeMonths = {6, 12, 24};
    site.sources.push_back(grid);
    plan.sites.push_back(site);
    return plan;
}

} // namespace

class TestRiskRunner : public QObject
{
    Q_OBJECT

private slots:
    void runsAndReports()
    {
        RiskRunner runner;
        QSignalSpy finished(&runner, &RiskRunner::finished);
        QSignalSpy progress(&runner, &RiskRunner::progress);
        solver::RiskOptions options;
        options.trials = 3000;
        runner.start(gridWait(), options);
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(30000));
        QVERIFY(!runner.isRunning());
        const auto result = finished.takeFirst().at(0).value<std::shared_ptr<const solver::RiskResult>>();
        QVERIFY(result);
        QCOMPARE(result->trials, 3000);
        // The same answer as running it here.
        QCOMPARE(result->npvCostUsd.p50, solver::runRisk(gridWait(), options).npvCostUsd.p50);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 3000);
    }

    void cancelAndSupersede()
    {
        RiskRunner runner;
        QSignalSpy finished(&runner, &RiskRunner::finished);
        QSignalSpy cancelled(&runner, &RiskRunner::cancelled);
        solver::RiskOptions huge;
        huge.trials = 5'000'000;
        runner.start(gridWait(), huge);
        runner.cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!runner.isRunning());

        // A run started while another is in flight replaces it: only the second reports.
        runner.start(gridWait(), huge);
        solver::RiskOptions small;
        small.trials = 100;
        runner.start(gridWait(), small);
        QVERIFY(finished.wait(30000));
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).value<std::shared_ptr<const solver::RiskResult>>()->trials, 100);
    }

    void destroyingWhileRunningIsSafe()
    {
        auto runner = std::make_unique<RiskRunner>();
        solver::RiskOptions huge;
        huge.trials = 5'000'000;
        runner->start(gridWait(), huge);
        runner.reset(); // cancels and joins; no crash, no late signal
        QTest::qWait(50);
    }
};

QTEST_GUILESS_MAIN(TestRiskRunner)
#include "tst_riskrunner.moc"
