#include "itemmodels/itemroles.h"
#include "itemmodels/resultpowermodel.h"
#include "solvedfixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cp;

namespace {

std::vector<double> group(const ResultPowerModel &model, int g)
{
    std::vector<double> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.push_back(model.data(model.index(row, ResultPowerModel::groupColumn(g)), roles::NumberRole).toDouble());
    return out;
}

} // namespace

class TestResultPowerModel : public QObject
{
    Q_OBJECT

private slots:
    void bySourceOnTheHandCheckedSite()
    {
        ResultPowerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSolved(test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json"))));
        QVERIFY(!model.groupedByKind()); // 3 sources: shown apart
        QCOMPARE(model.groupCount(), 3);
        QCOMPARE(model.groupName(0), QStringLiteral("Grid"));
        QCOMPARE(model.groupKind(1), solver::PowerKind::RecipEngine);
        QCOMPARE(model.groupName(2), QStringLiteral("Temp turbine"));
        // Grid 6 MW from Jun; engine 5 MW x 80% = 4 from Sep; turbine 2 MW Apr-Jun.
        QCOMPARE(group(model, 0), (std::vector<double>{0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6}));
        QCOMPARE(group(model, 1), (std::vector<double>{0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4}));
        QCOMPARE(group(model, 2), (std::vector<double>{0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0}));
        QCOMPARE(model.headerData(ResultPowerModel::groupColumn(1), Qt::Horizontal).toString(), QStringLiteral("Engine"));
        QCOMPARE(model.data(model.index(9, ResultPowerModel::groupColumn(1))).toString(), QStringLiteral("4.0 MW"));
    }

    void groupsAddUpToFirmPower_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("grouping");
        for (const QString &file : test::exampleFiles()) {
            QTest::newRow(qPrintable(file + QStringLiteral(" by source"))) << test::examplePath(file) << int(ResultPowerModel::Grouping::BySource);
            QTest::newRow(qPrintable(file + QStringLiteral(" by kind"))) << test::examplePath(file) << int(ResultPowerModel::Grouping::ByKind);
        }
    }

    void groupsAddUpToFirmPower()
    {
        QFETCH(QString, file);
        QFETCH(int, grouping);
        const auto solved = test::solveFile(file);
        QVERIFY(solved);
        ResultPowerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGrouping(static_cast<ResultPowerModel::Grouping>(grouping));
        model.setSolved(solved);
        const Eigen::ArrayXd &powerMw = solved->result.monthly.powerMw;
        QCOMPARE(model.rowCount(), int(powerMw.size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            double sum = 0.0;
            for (int g = 0; g < model.groupCount(); ++g)
                sum += model.firmMw(row, g);
            QVERIFY2(std::abs(sum - powerMw[row]) <= 1e-9 * std::max(1.0, powerMw[row]), qPrintable(QString::number(row)));
        }
        for (int g = 0; g < model.groupCount(); ++g)
            QVERIFY(model.groupKind(g) != solver::PowerKind::Bess); // batteries add no firm MW
    }

    // The Meta campus has six gas and grid sources (plus batteries): shown apart, the three
    // CCGTs in three shades of one colour; grouped by kind, one area per kind.
    void kindsAndShades()
    {
        ResultPowerModel model;
        model.setSolved(test::solveFile(test::examplePath(QStringLiteral("meta-2gw-gas-campus.json"))));
        QCOMPARE(model.groupCount(), 6);
        QStringList ccgtShades;
        for (int g = 0; g < model.groupCount(); ++g)
            if (model.groupKind(g) == solver::PowerKind::GasCcgt)
                ccgtShades << QString::number(model.groupShade(g));
        QCOMPARE(ccgtShades, (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}));
        model.setGrouping(ResultPowerModel::Grouping::ByKind);
        QVERIFY(model.groupedByKind());
        QCOMPARE(model.groupCount(), 4); // grid, CCGT, aeroderivative, reciprocating engines
        QCOMPARE(model.groupName(0), QStringLiteral("Grid interconnect"));
    }
};

QTEST_GUILESS_MAIN(TestResultPowerModel)
#include "tst_resultpowermodel.moc"
