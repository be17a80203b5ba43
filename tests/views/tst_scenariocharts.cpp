#include "charts/acceleratorchart.h"
#include "charts/buildtimelinechart.h"
#include "charts/computechart.h"
#include "charts/powerchart.h"
#include "charts/scenariochartspanel.h"
#include "charts/spendchart.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/resultgroupmodel.h"
#include "itemmodels/resultpowermodel.h"
#include "itemmodels/resultseriesmodel.h"
#include "itemmodels/yearlytotalsmodel.h"
#include "solvedfixture.h"

#include <QComboBox>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cp;
using namespace cp::views;
using Chart = ScenarioChartsPanel::Chart;
using Col = ResultSeriesModel::Column;

namespace {

QList<double> values(const QList<QPointF> &points)
{
    QList<double> out;
    for (const QPointF &p : points)
        out << p.y();
    return out;
}

QList<double> solverValues(const Eigen::ArrayXd &array)
{
    return QList<double>(array.data(), array.data() + array.size());
}

QList<double> cumulative(const Eigen::ArrayXd &a, const Eigen::ArrayXd &b)
{
    QList<double> out;
    double sum = 0.0;
    for (Eigen::Index m = 0; m < a.size(); ++m)
        out << (sum += a[m] + b[m]);
    return out;
}

std::shared_ptr<const SolvedScenario> handChecked()
{
    return test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
}

// The hand-checked site and a second site "Beta" with T1 only.
std::shared_ptr<const SolvedScenario> twoSites()
{
    Scenario two = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
    Site beta = two.sites[0];
    beta.name = QStringLiteral("Beta");
    beta.compute.resize(1);
    two.sites.push_back(beta);
    return solveScenario(two, Catalog::builtIn(), Month::fromYearMonth(2025, 1));
}

} // namespace

// The charts hold the solver's numbers, follow the scenario and the site picked, and draw into
// images, SVG and PDF without being shown.
class TestScenarioCharts : public QObject
{
    Q_OBJECT

private slots:
    void seriesHoldTheSolversNumbers_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &file : test::exampleFiles())
            QTest::newRow(qPrintable(file)) << test::examplePath(file);
        QTest::newRow("hand-checked") << test::chartFixturePath(QStringLiteral("hand-checked.json"));
    }

    void seriesHoldTheSolversNumbers()
    {
        QFETCH(QString, file);
        const auto solved = test::solveFile(file);
        QVERIFY(solved);
        ScenarioChartsPanel panel;
        panel.setSolved(solved);
        const solver::MonthlySeries &s = solved->result.monthly;

        ChartWidget *accelerators = panel.chart(Chart::Accelerators);
        QCOMPARE(values(accelerators->seriesPoints(AcceleratorChart::energizedName())), solverValues(s.energized));
        QCOMPARE(values(accelerators->seriesPoints(AcceleratorChart::deliveredName())), solverValues(s.delivered));
        QCOMPARE(values(accelerators->seriesPoints(AcceleratorChart::strandedName())), solverValues(s.stranded));
        QCOMPARE(values(accelerators->seriesPoints(AcceleratorChart::plannedName())), solverValues(s.planned));

        ChartWidget *spend = panel.chart(Chart::Spend);
        for (int c = 0; c < solver::kCapexCategories; ++c)
            QCOMPARE(values(spend->seriesPoints(SpendChart::categoryName(c))), solverValues(s.capexByCategory.col(c)));
        QCOMPARE(values(spend->seriesPoints(SpendChart::cumulativeName())), cumulative(s.capexUsd, s.opexUsd));

        ChartWidget *compute = panel.chart(Chart::Compute);
        QCOMPARE(compute->seriesNames().size(), 1);
        QCOMPARE(values(compute->seriesPoints(compute->seriesNames().front())), solverValues(s.bf16Pflops));

        ChartWidget *power = panel.chart(Chart::Power);
        QCOMPARE(values(power->seriesPoints(PowerChart::facilityLoadName())), solverValues(s.facilityMw));
        // The stacked areas add up to the solver's firm MW, month by month.
        QList<double> firm(s.powerMw.size(), 0.0);
        for (const QString &name : power->seriesNames()) {
            if (name == PowerChart::facilityLoadName() || name == PowerChart::loadNeededName())
                continue;
            const QList<double> own = values(power->seriesPoints(name));
            QCOMPARE(own.size(), firm.size());
            for (qsizetype m = 0; m < own.size(); ++m)
                firm[m] += own[m];
        }
        for (qsizetype m = 0; m < firm.size(); ++m)
            QVERIFY2(std::abs(firm[m] - s.powerMw[m]) <= 1e-9 * std::max(1.0, s.powerMw[m]), qPrintable(QString::number(m)));
        // x is the plan month.
        QCOMPARE(accelerators->seriesPoints(AcceleratorChart::energizedName()).back().x(), double(solved->result.horizonMonths - 1));
    }

    void handCheckedDetails()
    {
        ScenarioChartsPanel panel;
        panel.setSolved(handChecked());
        ChartWidget *power = panel.chart(Chart::Power);
        // By source, in listed order; then the two load lines.
        QCOMPARE(power->seriesNames(),
                 (QStringList{QStringLiteral("Grid"), QStringLiteral("Engine"), QStringLiteral("Temp turbine"),
                              PowerChart::facilityLoadName(), PowerChart::loadNeededName()}));
        QCOMPARE(values(power->seriesPoints(QStringLiteral("Engine"))), (QList<double>{0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4}));
        // 4,000 x 1 kW x 1.25 from Apr, 8,000 from Jun.
        QCOMPARE(values(power->seriesPoints(PowerChart::loadNeededName())), (QList<double>{0, 0, 0, 5, 5, 10, 10, 10, 10, 10, 10, 10}));

        // Apr 2025: 4,000 delivered, none energized (the building is not ready): $80M idle.
        const QString april = panel.chart(Chart::Accelerators)->hoverText(3);
        QVERIFY2(april.contains(QStringLiteral("Apr 2025")) && april.contains(QStringLiteral("Delivered: 4,000"))
                     && april.contains(QStringLiteral("Energized: 0")) && april.contains(QStringLiteral("Stranded capital: $80.0M")),
                 qPrintable(april));
        // Jun 2025: T2 $100M + grid $3M of capex; $195M paid by then plus the month's opex.
        const QString june = panel.chart(Chart::Spend)->hoverText(5);
        QVERIFY2(june.contains(QStringLiteral("Capex, compute: $100M")) && june.contains(QStringLiteral("Capex, power: $3.00M"))
                     && june.contains(QStringLiteral("Capex: $103M")),
                 qPrintable(june));
        QVERIFY(panel.chart(Chart::Spend)->hoverText(12).isEmpty()); // beyond the plan

        // The timeline: the engine's bar runs Jan-Sep 2025 (plan months 0-8) and gates full power.
        ChartWidget *timeline = panel.chart(Chart::Timeline);
        QVERIFY(timeline->seriesNames().contains(QStringLiteral("Reciprocating engines")));
        QCOMPARE(timeline->seriesPoints(QStringLiteral("Reciprocating engines")), (QList<QPointF>{QPointF(0, 8)}));
        QCOMPARE(timeline->seriesPoints(QStringLiteral("Compute")), (QList<QPointF>{QPointF(0, 3), QPointF(1, 5)}));
        QVERIFY2(timeline->hoverText(8).contains(QStringLiteral("Engine available (gates full power)")), qPrintable(timeline->hoverText(8)));
        QCOMPARE(static_cast<BuildTimelineChart *>(timeline)->summary(), QStringLiteral("Full power Sep 2025, gated by Engine"));
    }

    // Five sites: the timeline's header says which site gates the portfolio in one line instead
    // of five run together. S5 loses its engine (the hand-checked site's second source) and never
    // reaches full power; the other four reach it in Sep 2025, gated by the engine.
    void manySitesAreSummarised()
    {
        Scenario five = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        const Site alpha = five.sites[0];
        five.sites.clear();
        for (int i = 1; i <= 5; ++i) {
            Site site = alpha;
            site.name = QStringLiteral("S%1").arg(i);
            five.sites.push_back(site);
        }
        five.sites[4].power.erase(five.sites[4].power.begin() + 1);
        ScenarioChartsPanel panel;
        panel.setSolved(solveScenario(five, Catalog::builtIn(), Month::fromYearMonth(2025, 1)));
        auto *timeline = static_cast<BuildTimelineChart *>(panel.chart(Chart::Timeline));
        QCOMPARE(timeline->summary(), QStringLiteral("4 of 5 sites at full power, the last S1 in Sep 2025 (gated by Engine); "
                                                     "1 not at full power within the plan: S5"));
    }

    // A 100-site portfolio split by site draws the seven sites that gate it most and the other 93
    // summed (8 series, a legend that fits), and the series add up to the portfolio month by
    // month; by country it draws one series per country, by region one per region.
    // Sites S10, S20, ..., S100 lose their engine and never reach full power: they gate the plan,
    // so the first seven of them come first (in plan order, as they tie). Countries
    // cycle US, DE, JP, SG, BR, so S10, S20, ... are all in BR: BR ranks first, then the others
    // in the order they appear; regions: Americas (US, BR), Europe (DE), Asia-Pacific (JP, SG).
    void manySitesSplitByGatingSite()
    {
        Scenario portfolio = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        const Site alpha = portfolio.sites[0];
        portfolio.sites.clear();
        const QStringList countries{QStringLiteral("US"), QStringLiteral("DE"), QStringLiteral("JP"), QStringLiteral("SG"),
                                    QStringLiteral("BR")};
        for (int i = 1; i <= 100; ++i) {
            Site site = alpha;
            site.name = QStringLiteral("S%1").arg(i);
            site.country = countries[(i - 1) % 5];
            if (i % 10 == 0)
                site.power.erase(site.power.begin() + 1);
            portfolio.sites.push_back(site);
        }
        const auto solved = solveScenario(portfolio, Catalog::builtIn(), Month::fromYearMonth(2025, 1));
        QVERIFY(solved->ok());
        const auto &total = solved->result.monthly;
        const int months = static_cast<int>(total.energized.size());

        ScenarioChartsPanel panel;
        panel.setSolved(solved);
        auto *picker = panel.page(ScenarioChartsPanel::PowerPage)->findChild<QComboBox *>(QStringLiteral("groupPicker"));
        QVERIFY(picker);
        QVERIFY(picker->isEnabled());
        QCOMPARE(panel.grouping(), ResultGroupModel::Grouping::Total); // as before until asked
        QCOMPARE(panel.chart(Chart::Accelerators)->seriesNames(),
                 (QStringList{AcceleratorChart::energizedName(), AcceleratorChart::strandedName(),
                              AcceleratorChart::deliveredName(), AcceleratorChart::plannedName()}));

        picker->setCurrentIndex(picker->findData(static_cast<int>(ResultGroupModel::Grouping::BySite)));
        QCOMPARE(panel.grouping(), ResultGroupModel::Grouping::BySite);
        QStringList expected;
        for (int i = 10; i <= 70; i += 10)
            expected << QStringLiteral("S%1").arg(i);
        expected << QStringLiteral("Other 93 sites");
        const QStringList fixed{AcceleratorChart::strandedName(), AcceleratorChart::deliveredName(), AcceleratorChart::plannedName()};
        QCOMPARE(panel.chart(Chart::Accelerators)->seriesNames(), expected + fixed);
        QCOMPARE(panel.chart(Chart::Compute)->seriesNames(), expected);
        QCOMPARE(panel.chart(Chart::Power)->seriesNames(), expected + QStringList({PowerChart::firmPowerName(), PowerChart::loadNeededName()}));
        QCOMPARE(panel.chart(Chart::Spend)->seriesNames().mid(0, expected.size()), expected);

        // Month by month the groups add up to the portfolio (another order of the same additions:
        // equal to rounding).
        const auto checkSums = [&](ChartWidget *chart, const QStringList &groups, const Eigen::ArrayXd &portfolioValues) {
            for (int m = 0; m < months; ++m) {
                double sum = 0.0;
                for (const QString &group : groups)
                    sum += chart->seriesPoints(group).at(m).y();
                if (std::abs(sum - portfolioValues[m]) > 1e-9 * std::max(1.0, std::abs(portfolioValues[m])))
                    return QStringLiteral("%1, month %2: %3 against %4").arg(chart->title()).arg(m).arg(sum).arg(portfolioValues[m]);
            }
            return QString();
        };
        const auto checkAll = [&](const QStringList &groups) {
            for (const QString &problem : {checkSums(panel.chart(Chart::Accelerators), groups, total.energized),
                                           checkSums(panel.chart(Chart::Compute), groups, total.bf16Pflops),
                                           checkSums(panel.chart(Chart::Power), groups, total.facilityMw),
                                           checkSums(panel.chart(Chart::Spend), groups, total.capexUsd)})
                if (!problem.isEmpty())
                    return problem;
            return QString();
        };
        QString problem = checkAll(expected);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(total.energized.maxCoeff() > 0.0 && total.capexUsd.maxCoeff() > 0.0);
        // A site that never reaches full power energizes less than one that does (the other 93
        // include 90 that do).
        QVERIFY(panel.chart(Chart::Accelerators)->seriesPoints(QStringLiteral("S10")).back().y()
                < panel.chart(Chart::Accelerators)->seriesPoints(QStringLiteral("Other 93 sites")).back().y() / 93.0);
        // The tooltip names the groups with their units.
        QVERIFY2(panel.chart(Chart::Power)->hoverText(months - 1).contains(QStringLiteral("Other 93 sites: ")),
                 qPrintable(panel.chart(Chart::Power)->hoverText(months - 1)));

        panel.setGrouping(ResultGroupModel::Grouping::ByCountry);
        const QStringList byCountry{QStringLiteral("BR"), QStringLiteral("US"), QStringLiteral("DE"), QStringLiteral("JP"),
                                    QStringLiteral("SG")};
        QCOMPARE(panel.chart(Chart::Compute)->seriesNames(), byCountry);
        QCOMPARE(picker->currentIndex(), picker->findData(static_cast<int>(ResultGroupModel::Grouping::ByCountry)));
        problem = checkAll(byCountry);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        panel.setGrouping(ResultGroupModel::Grouping::ByRegion);
        const QStringList byRegion{QStringLiteral("Americas"), QStringLiteral("Europe"), QStringLiteral("Asia-Pacific")};
        QCOMPARE(panel.chart(Chart::Compute)->seriesNames(), byRegion);
        problem = checkAll(byRegion);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // One site picked: nothing to split, the picker waits; all sites again: split again.
        panel.setSite(3);
        QVERIFY(!picker->isEnabled());
        QCOMPARE(panel.chart(Chart::Compute)->seriesNames(), QStringList{ComputeChart::computeName()});
        panel.setSite(-1);
        QVERIFY(picker->isEnabled());
        QCOMPARE(panel.chart(Chart::Compute)->seriesNames(), byRegion);
        // Back to the total.
        panel.setGrouping(ResultGroupModel::Grouping::Total);
        QCOMPARE(panel.chart(Chart::Compute)->seriesNames(), QStringList{ComputeChart::computeName()});
    }

    // Monthly quantities are steps: each month is drawn flat across its width and the change
    // falls halfway between two months, not on a slope from one month to the next.
    void powerIsDrawnInSteps()
    {
        ScenarioChartsPanel panel;
        panel.setSolved(handChecked());
        auto *power = static_cast<PowerChart *>(panel.chart(Chart::Power));
        const QList<QPointF> drawn = power->drawnPoints(PowerChart::loadNeededName());
        // Load needed: 0 in Jan-Mar, 5 MW in Apr-May, 10 MW from Jun (plan months 0-2, 3-4, 5-11).
        QVERIFY(drawn.contains(QPointF(2.5, 0)) && drawn.contains(QPointF(2.5, 5)));
        QVERIFY(drawn.contains(QPointF(4.5, 5)) && drawn.contains(QPointF(4.5, 10)));
        QVERIFY(!drawn.contains(QPointF(3, 2.5)));
        for (qsizetype i = 1; i < drawn.size(); ++i) // every piece is flat or vertical
            QVERIFY(drawn[i].y() == drawn[i - 1].y() || drawn[i].x() == drawn[i - 1].x());
        // The series still holds one value per month for hover and export.
        QCOMPARE(power->seriesPoints(PowerChart::loadNeededName()).size(), qsizetype(12));
    }

    // Spend: a month of GPUs ($2.75B in Memphis) is a hundred times a month's opex. On one scale
    // opex was a line of pixels and the cumulative line sat on another axis's gridlines. Capex,
    // opex and the total to date each have a panel and a value axis of their own; the opex axis
    // tops out near the largest month of opex (ticks fall on round numbers: 1, 2, 2.5, 5 x 10^n,
    // so the top is within 2.5x of the largest value, and at least it).
    void spendPanelsEachHaveTheirOwnScale()
    {
        const auto solved = test::solveFile(test::examplePath(QStringLiteral("memphis-retrofit-100k-h100.json")));
        ScenarioChartsPanel panel;
        panel.setSolved(solved);
        auto *spend = static_cast<SpendChart *>(panel.chart(Chart::Spend));
        QCOMPARE(spend->panelCount(), 3);
        const int capexPanel = spend->panelOf(SpendChart::categoryName(0));
        const int opexPanel = spend->panelOf(SpendChart::opexName());
        const int cumulativePanel = spend->panelOf(SpendChart::cumulativeName());
        QCOMPARE(capexPanel, 0);
        QVERIFY(opexPanel != capexPanel && opexPanel >= 0);
        QVERIFY(cumulativePanel != capexPanel && cumulativePanel != opexPanel && cumulativePanel >= 0);
        for (int c = 1; c < solver::kCapexCategories; ++c)
            QCOMPARE(spend->panelOf(SpendChart::categoryName(c)), capexPanel);

        const solver::MonthlySeries &s = solved->result.monthly;
        const double maxOpex = s.opexUsd.maxCoeff();
        const double maxCapex = s.capexUsd.maxCoeff();
        QVERIFY(maxCapex > 50 * maxOpex); // the case in point: capex dwarfs opex
        QCOMPARE(values(spend->seriesPoints(SpendChart::opexName())), solverValues(s.opexUsd));
        const double opexTop = spend->valueAxisMax(SpendChart::opexName());
        QVERIFY2(opexTop >= maxOpex && opexTop <= 2.5 * maxOpex, qPrintable(QStringLiteral("%1 vs %2").arg(opexTop).arg(maxOpex)));
        const double capexTop = spend->valueAxisMax(SpendChart::categoryName(0));
        QVERIFY(capexTop >= maxCapex && capexTop <= 2.5 * maxCapex);
        const double total = cumulative(s.capexUsd, s.opexUsd).back();
        const double cumulativeTop = spend->valueAxisMax(SpendChart::cumulativeName());
        QVERIFY(cumulativeTop >= total && cumulativeTop <= 2.5 * total);
        // The legend lists the capex categories; the opex and cumulative panels are named by their titles.
        QCOMPARE(spend->legendLabels(), (QStringList{SpendChart::categoryName(0), SpendChart::categoryName(1),
                                                     SpendChart::categoryName(2), SpendChart::categoryName(3)}));
    }

    // The pointer over a month of the opex panel: the tooltip names the month and gives capex,
    // opex and the total to date in dollars; the panels line up, so the same x is the same month
    // in each of them.
    void spendHoverShowsTheMonthsValues()
    {
        const auto solved = test::solveFile(test::examplePath(QStringLiteral("memphis-retrofit-100k-h100.json")));
        ScenarioChartsPanel panel;
        panel.resize(1000, 800);
        panel.setCurrentIndex(ScenarioChartsPanel::SpendPage);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSolved(solved);
        auto *spend = static_cast<SpendChart *>(panel.chart(Chart::Spend));
        auto *view = spend->findChild<QGraphicsView *>();
        QVERIFY(view);
        const int opexPanel = spend->panelOf(SpendChart::opexName());
        const QRectF opexPlot = spend->plotRect(opexPanel);
        QVERIFY2(opexPlot.height() > 40, qPrintable(QString::number(opexPlot.height())));
        for (int p = 0; p < spend->panelCount(); ++p) {
            QVERIFY(std::abs(spend->plotRect(p).left() - opexPlot.left()) <= 1.0);
            QVERIFY(std::abs(spend->plotRect(p).right() - opexPlot.right()) <= 1.0);
        }
        const int month = 30;
        const double span = spend->visibleLast() - spend->visibleFirst();
        const QPointF at(opexPlot.left() + (month - spend->visibleFirst()) / span * opexPlot.width(), opexPlot.center().y());
        QTest::mouseMove(view->viewport(), view->viewport()->mapFrom(spend, at.toPoint()));
        QTRY_COMPARE(spend->hoveredMonth(), month);
        const QString tip = spend->hoverTooltip();
        const solver::MonthlySeries &s = solved->result.monthly;
        const QString monthName = format::monthLabel(solved->result.startMonth + month);
        QVERIFY2(tip.contains(monthName), qPrintable(tip + QStringLiteral(" | ") + monthName));
        QVERIFY2(tip.contains(QStringLiteral("Opex: %1").arg(format::usd(s.opexUsd[month]))), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Capex: %1").arg(format::usd(s.capexUsd[month]))), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("%1: %2").arg(SpendChart::cumulativeName(),
                                                           format::usd(cumulative(s.capexUsd, s.opexUsd)[month]))),
                 qPrintable(tip));
        QVERIFY(tip.contains(QLatin1Char('$')));
        // Off the plot, no tooltip.
        QTest::mouseMove(view->viewport(), QPoint(2, 2));
        QTRY_COMPARE(spend->hoveredMonth(), -1);
    }

    // A legend click hides a series: it leaves the tooltip, and a hidden capex category leaves
    // the stack; clicking again brings it back. The data stays the solver's.
    void legendTogglesSeries()
    {
        ScenarioChartsPanel panel;
        panel.setSolved(handChecked());
        ChartWidget *spend = panel.chart(Chart::Spend);
        const QString compute = SpendChart::categoryName(0);
        QVERIFY(spend->isSeriesShown(compute));
        spend->setSeriesShown(compute, false);
        QVERIFY(!spend->isSeriesShown(compute));
        QVERIFY(spend->seriesNames().contains(compute)); // still in the legend, to be clicked back
        QVERIFY(!spend->hoverText(5).contains(QStringLiteral("Capex, compute")));
        QCOMPARE(values(spend->seriesPoints(compute)).at(5), 100e6);
        spend->setSeriesShown(compute, true);
        QVERIFY(spend->hoverText(5).contains(QStringLiteral("Capex, compute: $100M")));

        ChartWidget *power = panel.chart(Chart::Power);
        power->setSeriesShown(QStringLiteral("Grid"), false);
        QVERIFY(!power->hoverText(9).contains(QStringLiteral("Grid:")));
        QVERIFY2(power->hoverText(9).contains(QStringLiteral("Firm power shown: 4.0 MW")), qPrintable(power->hoverText(9)));
        // Hidden by name: it stays hidden in the next scenario that has a source of that name.
        panel.setSolved(test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked-b.json"))));
        QVERIFY(!power->isSeriesShown(QStringLiteral("Grid")));

        ChartWidget *timeline = panel.chart(Chart::Timeline);
        timeline->setSeriesShown(QStringLiteral("Compute"), false);
        QVERIFY(!timeline->isSeriesShown(QStringLiteral("Compute")));
    }

    // Two sites whose 200-character names differ only at their end: the power legend ("site:
    // source") shows each in at most 36 characters with the middle elided, so they still read
    // apart, and a click on either entry hides that series (found by its whole name), not the other's.
    void longNamesElideInTheMiddleOfTheLegend()
    {
        Scenario two = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        const QString stem = QStringLiteral("Kulai Data Centre Campus, North Hall Extension ").repeated(5).left(190);
        Site second = two.sites[0];
        two.sites[0].name = stem + QStringLiteral(" Phase One");
        second.name = stem + QStringLiteral(" Phase Two");
        two.sites.push_back(second);
        ScenarioChartsPanel panel;
        panel.setSolved(solveScenario(two, Catalog::builtIn(), Month::fromYearMonth(2025, 1)));
        auto *power = static_cast<PowerChart *>(panel.chart(Chart::Power));
        const QString gridOne = two.sites[0].name + QStringLiteral(": Grid");
        const QString gridTwo = second.name + QStringLiteral(": Grid");
        QVERIFY(power->seriesNames().contains(gridOne)); // series keep their whole names
        const QStringList labels = power->legendLabels();
        const auto endingIn = [&](const QString &end) {
            return std::find_if(labels.begin(), labels.end(), [&](const QString &l) { return l.endsWith(end); }) - labels.begin();
        };
        const qsizetype one = endingIn(QStringLiteral("Phase One: Grid"));
        const qsizetype other = endingIn(QStringLiteral("Phase Two: Grid"));
        QVERIFY2(one < labels.size() && other < labels.size(), qPrintable(labels.join(QLatin1Char('|'))));
        QVERIFY(labels[one].startsWith(QStringLiteral("Kulai Data Centre")));
        QVERIFY(labels[one].contains(QChar(0x2026)));
        QVERIFY(labels[one].size() <= 36);
        power->clickLegendEntry(one);
        QVERIFY(!power->isSeriesShown(gridOne));
        QVERIFY(power->isSeriesShown(gridTwo));
        power->clickLegendEntry(one);
        QVERIFY(power->isSeriesShown(gridOne));
    }

    // Charts follow the scenario: a new solve redraws every chart with the new numbers.
    void followsTheScenario()
    {
        ScenarioChartsPanel panel;
        panel.setSolved(handChecked());
        const auto b = test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked-b.json")));
        panel.setSolved(b);
        QCOMPARE(values(panel.chart(Chart::Accelerators)->seriesPoints(AcceleratorChart::energizedName())),
                 solverValues(b->result.monthly.energized));
        QCOMPARE(panel.chart(Chart::Power)->seriesNames().size(), 4); // no temporary turbine now
        panel.setSolved(nullptr);
        QVERIFY(panel.chart(Chart::Accelerators)->seriesPoints(AcceleratorChart::energizedName()).isEmpty());
        QVERIFY(panel.chart(Chart::Timeline)->seriesPoints(QStringLiteral("Compute")).isEmpty());
    }

    // The site picker (a real combo box) scopes every chart but the timeline to one site.
    void sitePicker()
    {
        const auto solved = twoSites();
        QVERIFY(solved->ok());
        ScenarioChartsPanel panel;
        panel.setSolved(solved);
        auto *picker = panel.page(ScenarioChartsPanel::SpendPage)->findChild<QComboBox *>(QStringLiteral("sitePicker"));
        QVERIFY(picker);
        QCOMPARE(picker->count(), 3); // all sites, Alpha, Beta
        QCOMPARE(values(panel.chart(Chart::Accelerators)->seriesPoints(AcceleratorChart::plannedName())).back(), 12000.0);
        picker->setCurrentIndex(2);
        QCOMPARE(panel.site(), 1);
        QCOMPARE(values(panel.chart(Chart::Accelerators)->seriesPoints(AcceleratorChart::plannedName())).back(), 4000.0);
        QCOMPARE(values(panel.chart(Chart::Spend)->seriesPoints(SpendChart::categoryName(0))),
                 solverValues(solved->result.sites[1].monthly().capexByCategory.col(0)));
        // Every page's picker shows the same site.
        auto *powerPicker = panel.page(ScenarioChartsPanel::PowerPage)->findChild<QComboBox *>(QStringLiteral("sitePicker"));
        QCOMPARE(powerPicker->currentIndex(), 2);
        QCOMPARE(values(panel.chart(Chart::Power)->seriesPoints(PowerChart::facilityLoadName())),
                 solverValues(solved->result.sites[1].monthly().facilityMw));
        // A scenario without Beta: back to all sites.
        panel.setSolved(handChecked());
        QCOMPARE(panel.site(), -1);
        QCOMPARE(picker->currentIndex(), 0);
    }

    // The Spend tab's capex and opex by year: the site picked, the year's start month (kept for
    // the next window), and a total row equal to what the key figures say.
    void yearlyTable()
    {
        const auto solved = twoSites();
        QVERIFY(solved->ok());
        ScenarioChartsPanel panel;
        panel.setSolved(solved);
        QWidget *spend = panel.page(ScenarioChartsPanel::SpendPage);
        auto *table = spend->findChild<QTableView *>(QStringLiteral("yearlyTable"));
        auto *start = spend->findChild<QComboBox *>(QStringLiteral("fiscalYearStart"));
        auto *picker = spend->findChild<QComboBox *>(QStringLiteral("sitePicker"));
        QVERIFY(table && start && picker);
        start->setCurrentIndex(0); // January: calendar years, whatever an earlier run kept
        QAbstractItemModel *model = table->model();
        const int total = model->rowCount() - 1;
        QCOMPARE(model->index(total, YearlyTotalsModel::Year).data().toString(), QStringLiteral("Total"));
        QCOMPARE(model->index(total, YearlyTotalsModel::Capex).data(roles::NumberRole).toDouble(),
                 solved->result.kpis.totalCapexUsd);
        // A category nobody pays into is not shown; capex itself always is.
        QVERIFY(table->isColumnHidden(YearlyTotalsModel::CapexFirst + 3)); // cooling: no chillers owned
        QVERIFY(!table->isColumnHidden(YearlyTotalsModel::Capex));

        picker->setCurrentIndex(2); // Beta
        const solver::MonthlySeries beta = solved->result.sites[1].monthly();
        QCOMPARE(model->index(model->rowCount() - 1, YearlyTotalsModel::Opex).data(roles::NumberRole).toDouble(),
                 beta.opexUsd.sum());

        start->setCurrentIndex(9); // October
        QCOMPARE(model->headerData(YearlyTotalsModel::Year, Qt::Horizontal).toString(), QStringLiteral("Fiscal year"));
        QVERIFY(model->index(0, YearlyTotalsModel::Year).data().toString().startsWith(QStringLiteral("FY")));
        QCOMPARE(QSettings().value(QStringLiteral("spend/fiscalYearStartMonth")).toInt(), 10);
        ScenarioChartsPanel next;
        QCOMPARE(next.yearlyTotals()->fiscalYearStartMonth(), 10);
        start->setCurrentIndex(0);
    }

    void zoomAndPan()
    {
        ScenarioChartsPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSolved(test::solveFile(test::examplePath(QStringLiteral("memphis-retrofit-100k-h100.json"))));
        panel.setCurrentIndex(ScenarioChartsPanel::SpendPage);
        ChartWidget *spend = panel.chart(Chart::Spend);
        QCOMPARE(spend->visibleFirst(), -0.5);
        QCOMPARE(spend->visibleLast(), 59.5); // 60 months
        spend->setFocus();
        QTest::keyClick(spend, Qt::Key_Plus);
        const double span = spend->visibleLast() - spend->visibleFirst();
        QCOMPARE(span, 60.0 / 1.5);
        QTest::keyClick(spend, Qt::Key_Right);
        QCOMPARE(spend->visibleFirst(), 10.0 + span / 4 - 0.5);
        spend->zoom(100, 30); // no closer than 3 months
        QCOMPARE(spend->visibleLast() - spend->visibleFirst(), 3.0);
        spend->pan(1000); // no further than the end
        QCOMPARE(spend->visibleLast(), 59.5);
        // An edit of the same plan keeps the zoom; another scenario shows all of itself.
        panel.setSolved(test::solveFile(test::examplePath(QStringLiteral("memphis-retrofit-100k-h100.json"))));
        QCOMPARE(spend->visibleLast() - spend->visibleFirst(), 3.0);
        QTest::keyClick(spend, Qt::Key_0);
        QCOMPARE(spend->visibleFirst(), -0.5);
        spend->zoom(2, 10);
        panel.setSolved(test::solveFile(test::examplePath(QStringLiteral("meta-2gw-gas-campus.json"))));
        QCOMPARE(spend->visibleLast(), 71.5);
        QCOMPARE(spend->visibleFirst(), -0.5);

        // The timeline zooms the same way.
        ChartWidget *timeline = panel.chart(Chart::Timeline);
        const double full = timeline->visibleLast() - timeline->visibleFirst();
        timeline->zoom(2, 20);
        QCOMPARE(timeline->visibleLast() - timeline->visibleFirst(), full / 2);
        timeline->resetZoom();
        QCOMPARE(timeline->visibleLast() - timeline->visibleFirst(), full);
    }

    // Drawing never needs a window: the panel here is never shown.
    void drawsIntoImagesSvgAndPdf()
    {
        ScenarioChartsPanel panel;
        panel.setSolved(test::solveFile(test::examplePath(QStringLiteral("memphis-retrofit-100k-h100.json"))));
        QTemporaryDir dir;
        for (ChartWidget *chart : panel.charts()) {
            const QString png = dir.filePath(chart->title() + QStringLiteral(".png"));
            QVERIFY(chart->exportPng(png, QSize(800, 450), 2.0));
            const QImage image(png);
            QCOMPARE(image.size(), QSize(1600, 900));
            // Something besides white was drawn, across the image.
            int coloured = 0;
            for (int y = 0; y < image.height(); y += 10)
                for (int x = 0; x < image.width(); x += 10)
                    coloured += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
            QVERIFY2(coloured > 300, qPrintable(chart->title()));

            const QString svg = dir.filePath(chart->title() + QStringLiteral(".svg"));
            QVERIFY(chart->exportSvg(svg));
            QFile svgFile(svg);
            QVERIFY(svgFile.open(QIODevice::ReadOnly));
            const QByteArray svgText = svgFile.readAll();
            QVERIFY(svgText.startsWith("<?xml"));
            QVERIFY2(svgText.contains(chart->title().toUtf8()), qPrintable(chart->title())); // text stays text
        }
        // Several charts on one PDF page, vector: text is searchable, the file stays small.
        const QString pdfPath = dir.filePath(QStringLiteral("charts.pdf"));
        {
            QPdfWriter pdf(pdfPath);
            pdf.setPageSize(QPageSize(QPageSize::A4));
            QPainter painter(&pdf);
            const double width = pdf.width();
            panel.chart(Chart::Spend)->render(painter, QRectF(0, 0, width, width * 0.55));
            panel.chart(Chart::Timeline)->render(painter, QRectF(0, width * 0.6, width, width * 0.55));
        }
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY2(bytes.size() < 2'000'000, qPrintable(QString::number(bytes.size())));
        // What is on screen is unchanged by drawing elsewhere at another size.
        QCOMPARE(panel.chart(Chart::Spend)->visibleLast(), 59.5);
    }

    void exportFileBySuffix()
    {
        ScenarioChartsPanel panel;
        panel.setSolved(handChecked());
        QTemporaryDir dir;
        ChartWidget *chart = panel.chart(Chart::Power);
        QVERIFY(chart->exportFile(dir.filePath(QStringLiteral("power.svg"))));
        QVERIFY(chart->exportFile(dir.filePath(QStringLiteral("power.PNG"))));
        QVERIFY(!chart->exportFile(dir.filePath(QStringLiteral("power.gif"))));
        QVERIFY(!chart->exportFile(dir.filePath(QStringLiteral("no/such/folder/power.png"))));
    }
};

QTEST_MAIN(TestScenarioCharts)
#include "tst_scenariocharts.moc"
