#include "itemmodels/itemroles.h"
#include "itemmodels/resulttimelinemodel.h"
#include "solvedfixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cp;
using Col = ResultTimelineModel::Column;

class TestResultTimelineModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreBars()
    {
        ResultTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSolved(test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json"))));
        // Permit, construction, grid, engine, temporary turbine, T1, T2.
        QCOMPARE(model.rowCount(), 7);
        QStringList items;
        for (int row = 0; row < model.rowCount(); ++row)
            items << model.data(model.index(row, Col::Item)).toString();
        QCOMPARE(items, (QStringList{QStringLiteral("Permit"), QStringLiteral("Construction"), QStringLiteral("Grid"),
                                     QStringLiteral("Engine"), QStringLiteral("Temp turbine"), QStringLiteral("T1"),
                                     QStringLiteral("T2")}));
        // The engine: ordered Jan 2025, 8 months, available Sep 2025, 4 MW firm, gates full power.
        const int engine = 3;
        QCOMPARE(model.data(model.index(engine, Col::Start)).toString(), QStringLiteral("Jan 2025"));
        QCOMPARE(model.data(model.index(engine, Col::End)).toString(), QStringLiteral("Sep 2025"));
        QCOMPARE(model.data(model.index(engine, Col::End), roles::NumberRole).toInt(), Month::fromYearMonth(2025, 9).index());
        QCOMPARE(model.data(model.index(engine, Col::Quantity)).toString(), QStringLiteral("4.0 MW"));
        QCOMPARE(model.data(model.index(engine, Col::Gating), roles::NumberRole).toInt(), 1);
        QCOMPARE(model.data(model.index(engine, Col::Site)).toString(), QStringLiteral("Alpha"));
        QCOMPARE(model.data(model.index(4, Col::Retire)).toString(), QStringLiteral("Jul 2025"));
        QVERIFY(std::isnan(model.data(model.index(engine, Col::Retire), roles::NumberRole).toDouble()));
        QCOMPARE(model.data(model.index(engine, Col::Item), Qt::ToolTipRole).toString(),
                 QStringLiteral("Engine, 4.0 MW\nOrdered Jan 2025, available Sep 2025 (8 months lead time)\n"
                                "Its arrival brings the site to full power."));
        QCOMPARE(model.data(model.index(6, Col::Item), Qt::ToolTipRole).toString(),
                 QStringLiteral("T2, 4,000 accelerators\nOrdered Feb 2025, delivered Jun 2025 (4 months lead time)"));
        model.setSolved(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestResultTimelineModel)
#include "tst_resulttimelinemodel.moc"
