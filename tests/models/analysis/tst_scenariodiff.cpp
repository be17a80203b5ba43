#include "analysis/scenariodiff.h"
#include "solvedfixture.h"

#include <QTest>

using namespace cp;
using Kind = InputChange::Kind;

namespace {

QString describe(const InputChange &c)
{
    const char *kind = c.kind == Kind::Changed ? "changed" : (c.kind == Kind::Added ? "added" : "removed");
    return QLatin1String(kind) + QLatin1Char(' ') + c.path + QStringLiteral(": '") + c.before + QStringLiteral("' -> '")
        + c.after + QLatin1Char('\'');
}

QStringList describeAll(const std::vector<InputChange> &changes)
{
    QStringList out;
    for (const InputChange &c : changes)
        out << describe(c);
    return out;
}

} // namespace

class TestScenarioDiff : public QObject
{
    Q_OBJECT

private slots:
    void identicalScenariosHaveNoChanges()
    {
        const Scenario a = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        QVERIFY(diffScenarios(a, a).empty());
        Scenario renamed = a;
        renamed.name = QStringLiteral("Another name"); // the scenarios' own names are not inputs
        QVERIFY(diffScenarios(a, renamed).empty());
    }

    // hand-checked-b.json is hand-checked.json with the engine's lead time 8 -> 6, T2 at $30k
    // instead of $25k, the temporary turbine removed, and its own description.
    void handCheckedPair()
    {
        const Scenario a = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        const Scenario b = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked-b.json")));
        const std::vector<InputChange> changes = diffScenarios(a, b);
        QCOMPARE(changes.size(), std::size_t(4));
        QCOMPARE(changes[0].field, QStringLiteral("description"));
        QVERIFY(changes[0].site.isEmpty());

        QCOMPARE(describe(changes[1]), QStringLiteral("changed sites[0].compute[1].unitCapexUsd: '25000' -> '30000'"));
        QCOMPARE(changes[1].site, QStringLiteral("Alpha"));
        QCOMPARE(changes[1].list, QStringLiteral("compute"));
        QCOMPARE(changes[1].item, QStringLiteral("T2"));
        QCOMPARE(changes[1].field, QStringLiteral("unitCapexUsd"));
        QCOMPARE(describe(changes[2]), QStringLiteral("changed sites[0].power[1].leadTimeMonths: '8' -> '6'"));
        QCOMPARE(describe(changes[3]), QStringLiteral("removed sites[0].power[2]: 'mobile_turbine, 2 MW' -> ''"));
        QCOMPARE(changes[3].item, QStringLiteral("Temp turbine"));
        QVERIFY(changes[3].field.isEmpty());
    }

    void sitesFieldsAndRanges()
    {
        const Scenario a = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        Scenario b = a;
        b.horizonMonths = 24;
        b.assumptions.depreciationYears.compute = 4;
        b.sites[0].facility.buildMonths = ThreePoint{2, 3, 5};
        b.sites[0].facility.coolingMw = 8.0; // a.site leaves it to its default (itCapacityMw)
        b.sites[0].compute.push_back(b.sites[0].compute[0]);
        b.sites[0].compute.back().name = QStringLiteral("T3");
        Site beta = a.sites[0];
        beta.name = QStringLiteral("Beta");
        b.sites.push_back(beta);

        const QStringList changes = describeAll(diffScenarios(a, b));
        QCOMPARE(changes,
                 (QStringList{QStringLiteral("changed horizonMonths: '12' -> '24'"),
                              QStringLiteral("changed assumptions.depreciationYears.compute: '5' -> '4'"),
                              QStringLiteral("changed sites[0].facility.coolingMw: '' -> '8'"),
                              QStringLiteral("changed sites[0].facility.buildMonths: '3' -> '3 (2 to 5)'"),
                              QStringLiteral("added sites[0].compute[2]: '' -> '4000 x h100_sxm'"),
                              QStringLiteral("added sites[1]: '' -> '10 MW IT, 5 items'")}));
        // And back: what was added is removed.
        const QStringList back = describeAll(diffScenarios(b, a));
        QVERIFY2(back.contains(QStringLiteral("removed sites[1]: '10 MW IT, 5 items' -> ''")), qPrintable(back.join(u'\n')));
        QVERIFY(back.contains(QStringLiteral("removed sites[0].compute[2]: '4000 x h100_sxm' -> ''")));
    }
};

QTEST_GUILESS_MAIN(TestScenarioDiff)
#include "tst_scenariodiff.moc"
