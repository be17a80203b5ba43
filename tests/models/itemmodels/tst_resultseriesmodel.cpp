#include "itemmodels/itemroles.h"
#include "itemmodels/resultseriesmodel.h"
#include "solvedfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cp;
using Col = ResultSeriesModel::Column;

namespace {

double number(const ResultSeriesModel &model, int row, Col column)
{
    return model.data(model.index(row, column), roles::NumberRole).toDouble();
}

std::vector<double> column(const ResultSeriesModel &model, Col c)
{
    std::vector<double> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.push_back(number(model, row, c));
    return out;
}

std::vector<double> toVector(const Eigen::ArrayXd &values)
{
    return {values.data(), values.data() + values.size()};
}

} // namespace

class TestResultSeriesModel : public QObject
{
    Q_OBJECT

private slots:
    void holdsTheSolversNumbers_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &file : test::exampleFiles())
            QTest::newRow(qPrintable(file)) << test::examplePath(file);
    }

    // Every series column is the solver's array, number for number.
    void holdsTheSolversNumbers()
    {
        QFETCH(QString, file);
        const auto solved = test::solveFile(file);
        QVERIFY(solved);
        ResultSeriesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSolved(solved);
        const solver::MonthlySeries &s = solved->result.monthly;
        QCOMPARE(model.rowCount(), solved->result.horizonMonths);
        QCOMPARE(column(model, Col::Delivered), toVector(s.delivered));
        QCOMPARE(column(model, Col::Energized), toVector(s.energized));
        QCOMPARE(column(model, Col::Stranded), toVector(s.stranded));
        QCOMPARE(column(model, Col::FacilityMw), toVector(s.facilityMw));
        QCOMPARE(column(model, Col::PowerMw), toVector(s.powerMw));
        QCOMPARE(column(model, Col::Bf16Pflops), toVector(s.bf16Pflops));
        QCOMPARE(column(model, Col::CapexUsd), toVector(s.capexUsd));
        QCOMPARE(column(model, Col::OpexUsd), toVector(s.opexUsd));
        for (int c = 0; c < solver::kCapexCategories; ++c)
            QCOMPARE(column(model, ResultSeriesModel::capexColumn(c)), toVector(s.capexByCategory.col(c)));
        for (int c = 0; c < solver::kOpexCategories; ++c)
            QCOMPARE(column(model, ResultSeriesModel::opexColumn(c)), toVector(s.opexByCategory.col(c)));
        // The running sum ends at the KPI totals.
        const int last = model.rowCount() - 1;
        QCOMPARE(number(model, last, Col::CumulativeCapexUsd), solved->result.kpis.totalCapexUsd);
        QVERIFY(qFuzzyCompare(number(model, last, Col::CumulativeCostUsd),
                              solved->result.kpis.totalCapexUsd + solved->result.kpis.totalOpexUsd));
        QCOMPARE(number(model, 0, Col::Month), double(solved->result.startMonth));
        QCOMPARE(number(model, last, Col::PlanMonth), double(last));
    }

    void handCheckedSite()
    {
        ResultSeriesModel model;
        model.setSolved(test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json"))));
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.startMonth(), Month::fromYearMonth(2025, 1).index());
        // Idle capital (see tst_resultbreakdown): Apr $80M, May $48M, Jun $40M, Jul-Aug $80M.
        QCOMPARE(column(model, Col::StrandedCapitalUsd), (std::vector<double>{0, 0, 0, 80e6, 48e6, 40e6, 80e6, 80e6, 0, 0, 0, 0}));
        // Capex: facility $12M in Feb-Apr ($4M a month), T1 $80M in Apr, T2 $100M and the grid
        // $3M in Jun, the engine $5M in Sep. Running sum: 0, 4, 8, 92, 92, 195, 195, 195, 200...
        QCOMPARE(column(model, Col::CumulativeCapexUsd),
                 (std::vector<double>{0, 4e6, 8e6, 92e6, 92e6, 195e6, 195e6, 195e6, 200e6, 200e6, 200e6, 200e6}));
        // As a planner reads it.
        QCOMPARE(model.data(model.index(3, Col::StrandedCapitalUsd)).toString(), QStringLiteral("$80.0M"));
        QCOMPARE(model.data(model.index(8, Col::FacilityMw)).toString(), QStringLiteral("10.0 MW"));
        QCOMPARE(model.data(model.index(8, Col::Month)).toString(), QStringLiteral("Sep 2025"));
        QCOMPARE(model.headerData(8, Qt::Vertical).toString(), QStringLiteral("Sep 2025"));
        QCOMPARE(model.headerData(Col::Energized, Qt::Horizontal).toString(), QStringLiteral("Energized"));
    }

    // A site scope shows that site; switching scenarios keeps the site by name, or falls back to
    // the portfolio when the new scenario has no such site.
    void siteScopeFollowsTheScenario()
    {
        Scenario two = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        Site beta = two.sites[0];
        beta.name = QStringLiteral("Beta");
        beta.compute.resize(1); // T1 only: 4,000
        two.sites.push_back(beta);
        const auto solvedTwo = solveScenario(two, Catalog::builtIn(), Month::fromYearMonth(2025, 1));
        QVERIFY(solvedTwo->ok());

        ResultSeriesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy siteChanged(&model, &ResultSeriesModel::siteChanged);
        model.setSolved(solvedTwo);
        QCOMPARE(model.scopeName(), QStringLiteral("All sites"));
        QCOMPARE(number(model, 11, Col::Planned), 12000.0); // 8,000 + 4,000
        model.setSite(1);
        QCOMPARE(model.scopeName(), QStringLiteral("Beta"));
        QCOMPARE(number(model, 11, Col::Planned), 4000.0);
        QCOMPARE(column(model, Col::Energized), toVector(solvedTwo->result.sites[1].monthly().energized));
        QCOMPARE(siteChanged.count(), 1);

        // Beta is still there after an edit: the scope stays on it.
        model.setSolved(solveScenario(two, Catalog::builtIn(), Month::fromYearMonth(2025, 1)));
        QCOMPARE(model.site(), 1);
        QCOMPARE(siteChanged.count(), 1);
        // A scenario without Beta: back to all sites.
        model.setSolved(test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json"))));
        QCOMPARE(model.site(), -1);
        QCOMPARE(model.scopeName(), QStringLiteral("Alpha")); // a one-site plan's portfolio is its site
        QCOMPARE(siteChanged.count(), 2);
        // Nothing solved: an empty table.
        model.setSolved(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestResultSeriesModel)
#include "tst_resultseriesmodel.moc"
