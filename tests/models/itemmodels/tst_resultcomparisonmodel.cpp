#include "itemmodels/itemroles.h"
#include "itemmodels/resultcomparisonmodel.h"
#include "itemmodels/resultoverlaymodel.h"
#include "solvedfixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cp;

namespace {

int rowOf(const char *key, const char *group = nullptr)
{
    const auto &kpis = comparisonKpis();
    for (std::size_t i = 0; i < kpis.size(); ++i) {
        const bool sameGroup = group ? (kpis[i].group && QByteArray(kpis[i].group) == group) : kpis[i].group == nullptr;
        if (sameGroup && QByteArray(kpis[i].key) == key)
            return static_cast<int>(i);
    }
    return -1;
}

std::vector<std::shared_ptr<const SolvedScenario>> handCheckedPair()
{
    return {test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json"))),
            test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked-b.json")))};
}

} // namespace

// The KPI table and the overlay series of the compare view (numbers: see tst_comparison).
class TestResultComparisonModel : public QObject
{
    Q_OBJECT

private slots:
    void kpiTable()
    {
        ResultComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(compareScenarios(handCheckedPair()));
        QCOMPARE(model.columnCount(), 4); // KPI | A | B | Δ B
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Hand-checked site (baseline)"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Hand-checked site, engine early"));
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("\u0394 Hand-checked site, engine early"));

        const int capex = rowOf("totalCapexUsd");
        QCOMPARE(model.data(model.index(capex, 0)).toString(), QStringLiteral("Total capex"));
        QCOMPARE(model.data(model.index(capex, 1)).toString(), QStringLiteral("$200M"));
        QCOMPARE(model.data(model.index(capex, 2)).toString(), QStringLiteral("$220M"));
        // $220M - $200M = +$20M, +10% of $200M; costs more: worse (red).
        QCOMPARE(model.data(model.index(capex, 3)).toString(), QStringLiteral("+$20.0M (+10.0%)"));
        QCOMPARE(model.data(model.index(capex, 3), roles::NumberRole).toDouble(), 20e6);
        QCOMPARE(model.data(model.index(capex, 3), ResultComparisonModel::VerdictRole).toInt(), int(KpiVerdict::Worse));
        model.setVerdictColors(Qt::green, Qt::red);
        QCOMPARE(model.data(model.index(capex, 3), Qt::ForegroundRole).value<QColor>(), QColor(Qt::red));

        // Full power two months sooner: better (green).
        const int full = rowOf("fullPowerMonth");
        QCOMPARE(model.data(model.index(full, 1)).toString(), QStringLiteral("Sep 2025"));
        QCOMPARE(model.data(model.index(full, 3)).toString(), QStringLiteral("-2 months"));
        QCOMPARE(model.data(model.index(full, 3), Qt::ForegroundRole).value<QColor>(), QColor(Qt::green));
        // Rent $180k -> $0: -$180k, -100%.
        QCOMPARE(model.data(model.index(rowOf("rent", "opexByCategory"), 3)).toString(), QStringLiteral("-$180k (-100.0%)"));
        // Cooling capex 0 against 0: no percentage, no colour.
        const int cooling = rowOf("cooling", "capexByCategory");
        QCOMPARE(model.data(model.index(cooling, 3)).toString(), QStringLiteral("$0"));
        QVERIFY(!model.data(model.index(cooling, 3), Qt::ForegroundRole).isValid());
        // First compute one month later.
        QCOMPARE(model.data(model.index(rowOf("firstComputeMonth"), 3)).toString(), QStringLiteral("+1 month"));
    }

    void threeScenarioColumns()
    {
        ResultComparisonModel model;
        auto scenarios = handCheckedPair();
        scenarios.push_back(scenarios.front());
        model.setComparison(compareScenarios(scenarios));
        QCOMPARE(model.columnCount(), 6); // KPI | A | B | Δ B | A | Δ A
        QCOMPARE(ResultComparisonModel::valueColumn(2), 4);
        QCOMPARE(ResultComparisonModel::deltaColumn(2), 5);
        QCOMPARE(model.data(model.index(rowOf("totalCapexUsd"), 5)).toString(), QStringLiteral("$0 (0.0%)"));
    }

    // One calendar for all: A and B share 2025, so 12 rows; each column is the solver's series,
    // and the running spend ends at capex + opex.
    void overlay()
    {
        const auto scenarios = handCheckedPair();
        ResultOverlayModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setScenarios(scenarios);
        QCOMPARE(model.scenarioCount(), 2);
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.firstMonth(), Month::fromYearMonth(2025, 1).index());
        for (int row = 0; row < 12; ++row)
            QCOMPARE(model.value(row, 1, ResultOverlayModel::Energized), scenarios[1]->result.monthly.energized[row]);
        const solver::Kpis &kb = scenarios[1]->result.kpis;
        QVERIFY(qFuzzyCompare(model.value(11, 1, ResultOverlayModel::CumulativeCostUsd), kb.totalCapexUsd + kb.totalOpexUsd));
        QCOMPARE(model.data(model.index(8, ResultOverlayModel::column(0, ResultOverlayModel::FacilityMw))).toString(),
                 QStringLiteral("10.0 MW"));

        // A scenario that starts a year later widens the calendar; the others have no values there.
        Scenario later = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        later.startMonth = Month::fromYearMonth(2026, 1);
        auto withLater = scenarios;
        withLater.push_back(solveScenario(later, Catalog::builtIn(), Month::fromYearMonth(2025, 1)));
        model.setScenarios(withLater);
        QCOMPARE(model.rowCount(), 24);
        QVERIFY(std::isnan(model.value(12, 0, ResultOverlayModel::Energized)));
        QVERIFY(std::isnan(model.value(0, 2, ResultOverlayModel::Energized)));
        QCOMPARE(model.value(23, 2, ResultOverlayModel::Energized), withLater[2]->result.monthly.energized[11]);
    }
};

QTEST_GUILESS_MAIN(TestResultComparisonModel)
#include "tst_resultcomparisonmodel.moc"
