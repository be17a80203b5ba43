#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "format/units.h"
#include "io/scenariojson.h"
#include "risk/fanchart.h"
#include "risk/riskpanel.h"
#include "risk/swingmarginchart.h"
#include "risk/tornadochart.h"
#include "solver/reliability.h"

#include <QDoubleSpinBox>

#include <algorithm>

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace cp;
using namespace cp::views;

// The Risk tab shows exactly what the risk run and the goodput model compute, and a long run
// can be cancelled.
namespace {

std::shared_ptr<const SolvedScenario> example(const char *name)
{
    const io::ParseResult parsed = io::readScenarioFile(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(name),
                                                        Catalog::builtIn());
    return solveScenario(*parsed.scenario, Catalog::builtIn(), Month::fromYearMonth(2026, 11));
}

QString cell(QTableWidget *table, int row, int column)
{
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

} // namespace

class TestRiskPanel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheRunsNumbers()
    {
        RiskPanel panel;
        panel.trialsBox()->setValue(300);
        panel.setSolved(example("meta-2gw-gas-campus.json"));
        QSignalSpy finished(&panel, &RiskPanel::finished);
        panel.run();
        QVERIFY(finished.wait(60000));
        const solver::RiskResult *r = panel.result();
        QVERIFY(r);
        QCOMPARE(r->trials, 300);

        // "Will we make our date?": the run's target is the plan's own full-power month, not the horizon.
        const auto solved = example("meta-2gw-gas-campus.json");
        QCOMPARE(std::optional<int>(r->targetMonth), solved->result.kpis.fullPowerMonth);

        QTableWidget *p = panel.percentileTable();
        QCOMPARE(cell(p, 1, 0), QStringLiteral("Full power"));
        QCOMPARE(cell(p, 1, 2), format::monthLabel(*r->fullPowerMonth.p50));
        QCOMPARE(cell(p, 3, 3), format::usd(r->npvCostUsd.p90));

        // Criticality rows plus the "fully powered" row.
        QCOMPARE(panel.criticalityTable()->rowCount(), static_cast<int>(r->criticality.size()) + 1);

        TornadoChart *tornado = panel.tornadoChart();
        QCOMPARE(tornado->rowCount(), std::min<int>(12, static_cast<int>(r->tornado.size())));
        const QList<QPointF> low = tornado->seriesPoints(TornadoChart::lowName());
        QCOMPARE(low.size(), tornado->rowCount());
        QCOMPARE(low.first().y(), r->tornado.front().npvAtLowUsd);

        const QList<QPointF> median = panel.energizedFan()->seriesPoints(FanChart::medianName());
        QCOMPARE(median.size(), static_cast<qsizetype>(r->energized.p50.size()));
        QCOMPARE(median.last().y(), r->energized.p50[r->energized.p50.size() - 1]);
    }

    // Memphis states a value of compute: the table adds NPV of net cash flow and IRR, and the
    // tornado measures NPV net.
    void returnsAddNetAndIrr()
    {
        RiskPanel panel;
        panel.trialsBox()->setValue(200);
        const auto solved = example("memphis-retrofit-100k-h100.json");
        panel.setSolved(solved);
        QSignalSpy finished(&panel, &RiskPanel::finished);
        panel.run();
        QVERIFY(finished.wait(60000));
        const solver::RiskResult *r = panel.result();
        QVERIFY(r && r->returnsStated && r->tornadoByNet && r->irrPct);
        QTableWidget *p = panel.percentileTable();
        QCOMPARE(cell(p, 4, 0), QStringLiteral("NPV of net cash flow"));
        QCOMPARE(cell(p, 4, 2), format::usd(r->npvNetUsd.p50));
        QCOMPARE(cell(p, 4, 4), format::usd(solved->result.kpis.npvNetUsd));
        QCOMPARE(cell(p, 5, 0), QStringLiteral("IRR"));
        QCOMPARE(cell(p, 5, 2), format::percent(r->irrPct->p50));
        // The price of compute is an input the tornado ranks.
        bool priced = false;
        for (const solver::TornadoBar &bar : r->tornado)
            priced = priced || bar.field == "computePriceUsdPerAcceleratorHour";
        QVERIFY(priced);
        // So is the turbines' rent (the catalog's $15k-$50k per MW-month), with its unit in the
        // chart's hover and its row named by the turbines.
        const auto rent = std::find_if(r->tornado.begin(), r->tornado.end(), [](const solver::TornadoBar &bar) {
            return bar.field == "rentUsdPerMwMonth" && bar.item == "Permitted turbines (15 x SMT-130)";
        });
        QVERIFY(rent != r->tornado.end());
        const int row = static_cast<int>(rent - r->tornado.begin());
        QVERIFY2(row < panel.tornadoChart()->rowCount(), qPrintable(QString::number(row)));
        const QString hover = panel.tornadoChart()->hoverText(row);
        QVERIFY2(hover.contains(QStringLiteral("Permitted turbines (15 x SMT-130): rent")), qPrintable(hover));
        QVERIFY2(hover.contains(format::usd(15000) + QStringLiteral("/MW-month to ") + format::usd(50000)
                                + QStringLiteral("/MW-month")),
                 qPrintable(hover));
    }

    // The bridged greenfield plan retires its rented turbines in Jul 2029 whatever the grid does:
    // in the trials where the grid is late, its accelerators go dark, and the tab says so above
    // the table, naming the month and the turbines. The site column goes for a one-site plan.
    void warnsWhenTrialsGoDark()
    {
        RiskPanel panel;
        panel.trialsBox()->setValue(400);
        panel.setSolved(example("greenfield-grid-wait-bridged.json"));
        QSignalSpy finished(&panel, &RiskPanel::finished);
        panel.run();
        QVERIFY(finished.wait(60000));
        const solver::RiskResult *r = panel.result();
        QVERIFY(r && !r->energizedDrops.empty());
        QCOMPARE(r->energizedDrops.front().month, Month::fromYearMonth(2029, 7).index());
        const QString text = panel.dropWarning()->text();
        QVERIFY2(!panel.dropWarning()->isHidden() && text.contains(QStringLiteral("fall in Jul 2029"))
                     && text.contains(QStringLiteral("Mobile turbines")),
                 qPrintable(text));
        QVERIFY(panel.criticalityTable()->isColumnHidden(0));

        // Memphis's turbines retire after its grid arrives in every trial: no warning.
        panel.setSolved(example("memphis-retrofit-100k-h100.json"));
        panel.run();
        QVERIFY(finished.wait(60000));
        QVERIFY(panel.result()->energizedDrops.empty());
        QVERIFY(panel.dropWarning()->isHidden());
    }

    void goodputAndSwingFollowTheSolve()
    {
        RiskPanel panel;
        const auto solved = example("memphis-retrofit-100k-h100.json");
        panel.setSolved(solved);
        const solver::Kpis &k = solved->result.sites[0].kpis;
        solver::GoodputInputs in;
        in.accelerators = k.peakEnergized;
        in.pflops = k.peakBf16Pflops;
        in.interruptionsPerAcceleratorYear = solved->resolved.plan.checks.interruptionsPerAcceleratorYear;
        in.spareRatio = solved->resolved.plan.checks.spareRatio;
        const solver::GoodputResult g = solver::goodput(in); // 1 min checkpoints, 5 min restarts: the panel's defaults
        QCOMPARE(cell(panel.goodputTable(), 0, 5), format::percent(100.0 * g.goodputFraction, 0));
        QCOMPARE(cell(panel.goodputTable(), 0, 7), format::count(g.sparePool));

        const QList<QPointF> batteries = panel.swingChart()->seriesPoints(SwingMarginChart::batteriesName());
        const Eigen::ArrayXd bess = solved->result.sites[0].monthly().bessMw;
        QCOMPARE(batteries.size(), static_cast<qsizetype>(bess.size()));
        for (int m = 0; m < bess.size(); ++m)
            QCOMPARE(batteries[m].y(), bess[m]);
    }

    // 100,000 H100 in one job fail every 31 min and keep 62% goodput (tst_reliability works it
    // out): the tab says to split the job. With 0.1 min checkpoints and 0.5 min restarts the same
    // job (M = 30.918 min) checkpoints every tau = sqrt(6.1835) x 1.013585 - 0.1 = 2.4205 min and
    // keeps 2.4205 / 2.5205 x (1 - (0.5 + 1.2603) / 30.918) = 0.9603 x 0.9431 = 90.6%: no advice.
    void bigJobsAreToldToSplit()
    {
        RiskPanel panel;
        panel.setSolved(example("memphis-retrofit-100k-h100.json"));
        QLabel *advice = panel.goodputAdvice();
        QVERIFY(!advice->isHidden());
        QVERIFY(advice->text().startsWith(QStringLiteral("Memphis (former Electrolux plant): one job across all "
                                                         "100,000 accelerators keeps 62% goodput; jobs of up to ")));
        QVERIFY(advice->text().contains(QStringLiteral(" accelerators keep 80%")));

        auto *checkpoint = panel.findChild<QDoubleSpinBox *>(QStringLiteral("checkpointMinutes"));
        auto *restart = panel.findChild<QDoubleSpinBox *>(QStringLiteral("restartMinutes"));
        QVERIFY(checkpoint && restart);
        checkpoint->setValue(0.1);
        restart->setValue(0.5);
        QCOMPARE(cell(panel.goodputTable(), 0, 5), QStringLiteral("91%"));
        QVERIFY(advice->isHidden());
        QVERIFY(advice->text().isEmpty());

        checkpoint->setValue(1.0); // back to the defaults
        restart->setValue(5.0);
        QVERIFY(!advice->isHidden());
        panel.setSolved(example("gpt4-era-20k-a100.json")); // 20,000 A100 keep 86% at the defaults
        QVERIFY(advice->isHidden());
    }

    // A price of 1e305 validated once and made the NPVs infinite; the tornado's tick loop then never
    // ended. Whatever the numbers, painting finishes at once and the plan's axis is still drawn.
    void tornadoPaintsExtremeNumbersAtOnce()
    {
        const double inf = std::numeric_limits<double>::infinity();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<std::pair<double, double>> cases = {{1e305, -1e305}, {inf, 0.0}, {-inf, inf}, {nan, 1.0},
                                                              {1e20, 1e20 + 4096}, {1.7e308, -1.7e308}};
        for (const auto &[low, high] : cases) {
            solver::TornadoBar bar;
            bar.site = "Memphis";
            bar.field = "electricityPrice";
            bar.npvAtLowUsd = low;
            bar.npvAtHighUsd = high;
            bar.npvSwingUsd = std::abs(high - low);
            TornadoChart chart;
            chart.setBars({bar}, low);
            QImage image(800, 300, QImage::Format_ARGB32);
            QPainter painter(&image);
            QElapsedTimer timer;
            timer.start();
            chart.render(painter, QRectF(0, 0, 800, 300));
            QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 .. %2").arg(low).arg(high)));
        }
    }

    void cancelStopsALongRun()
    {
        RiskPanel panel;
        panel.trialsBox()->setValue(1'000'000);
        panel.setSolved(example("meta-2gw-gas-campus.json"));
        QSignalSpy finished(&panel, &RiskPanel::finished);
        panel.run();
        QVERIFY(panel.isRunning());
        panel.cancel();
        QVERIFY(!panel.isRunning());
        QTest::qWait(200);
        QCOMPARE(finished.count(), 0);
        // A new, short run still works after a cancel.
        panel.trialsBox()->setValue(200);
        panel.run();
        QVERIFY(finished.wait(60000));
        QCOMPARE(panel.result()->trials, 200);
    }
};

QTEST_MAIN(TestRiskPanel)
#include "tst_riskpanel.moc"
