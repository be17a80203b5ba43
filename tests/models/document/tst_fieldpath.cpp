#include "fields/fieldpath.h"

#include <QTest>

using cp::FieldPath;
using cp::ItemList;

Q_DECLARE_METATYPE(cp::FieldPath)

// Field addresses travel as their JSON paths (docs/scenario-format.md, section 7) and come back the
// same.
class TestFieldPath : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<FieldPath>("path");
        QTest::newRow("scenario") << QStringLiteral("horizonMonths")
                                  << FieldPath::scenario(QStringLiteral("horizonMonths"));
        QTest::newRow("assumption") << QStringLiteral("assumptions.discountRatePct")
                                    << FieldPath::assumptions(QStringLiteral("discountRatePct"));
        QTest::newRow("nested assumption") << QStringLiteral("assumptions.depreciationYears.power")
                                           << FieldPath::assumptions(QStringLiteral("depreciationYears.power"));
        QTest::newRow("site") << QStringLiteral("sites[3].pue") << FieldPath::ofSite(3, QStringLiteral("pue"));
        QTest::newRow("whole site") << QStringLiteral("sites[0]") << FieldPath::ofSite(0);
        QTest::newRow("facility") << QStringLiteral("sites[1].facility.buildMonths")
                                  << FieldPath::facility(1, QStringLiteral("buildMonths"));
        QTest::newRow("whole facility") << QStringLiteral("sites[1].facility") << FieldPath::facility(1);
        QTest::newRow("power field") << QStringLiteral("sites[0].power[1].leadTimeMonths")
                                     << FieldPath::item(0, ItemList::Power, 1, QStringLiteral("leadTimeMonths"));
        QTest::newRow("compute row") << QStringLiteral("sites[2].compute[10]")
                                     << FieldPath::item(2, ItemList::Compute, 10);
        QTest::newRow("cooling field") << QStringLiteral("sites[0].cooling[0].capacityMw")
                                       << FieldPath::item(0, ItemList::Cooling, 0, QStringLiteral("capacityMw"));
    }

    void roundTrip()
    {
        QFETCH(QString, json);
        QFETCH(FieldPath, path);
        QCOMPARE(path.toJsonPath(), json);
        const std::optional<FieldPath> parsed = FieldPath::fromJsonPath(json);
        QVERIFY(parsed);
        QVERIFY(*parsed == path);
    }

    void refusesMalformedPaths_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("negative index") << QStringLiteral("sites[-1].pue");
        QTest::newRow("unknown list") << QStringLiteral("sites[0].storage[0].name");
        QTest::newRow("unclosed") << QStringLiteral("sites[0.name");
        QTest::newRow("trailing dot") << QStringLiteral("sites[0].");
        QTest::newRow("index on a scenario key") << QStringLiteral("name[0]");
    }

    void refusesMalformedPaths()
    {
        QFETCH(QString, json);
        QVERIFY(!FieldPath::fromJsonPath(json));
    }

    void objectDropsTheKey()
    {
        const FieldPath field = FieldPath::item(0, ItemList::Power, 2, QStringLiteral("capacityMw"));
        QCOMPARE(field.object().toJsonPath(), QStringLiteral("sites[0].power[2]"));
    }
};

QTEST_APPLESS_MAIN(TestFieldPath)
#include "tst_fieldpath.moc"
