#include "format/riskinputlabel.h"
#include "format/units.h"
#include "solver/risk.h"

#include <QTest>

using namespace cp;

// Every number on screen and in reports reads at a glance: a unit and a sensible scale.
class TestUnits : public QObject
{
    Q_OBJECT

private slots:
    void money_data()
    {
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << QStringLiteral("$0");
        QTest::newRow("cents") << 2.2 << QStringLiteral("$2.20");
        QTest::newRow("H100 unit") << 45000.0 << QStringLiteral("$45.0k");
        QTest::newRow("substation") << 30e6 << QStringLiteral("$30.0M");
        QTest::newRow("100k H100") << 4.5e9 << QStringLiteral("$4.50B");
        QTest::newRow("campus") << 83.4e9 << QStringLiteral("$83.4B");
        QTest::newRow("negative delta") << -1.25e6 << QStringLiteral("-$1.25M");
    }
    void money()
    {
        QFETCH(double, usd);
        QFETCH(QString, text);
        QCOMPARE(format::usd(usd), text);
    }

    void power()
    {
        QCOMPARE(format::megawatts(150), QStringLiteral("150 MW"));
        QCOMPARE(format::megawatts(17), QStringLiteral("17.0 MW"));
        QCOMPARE(format::megawatts(2150), QStringLiteral("2.15 GW"));
        QCOMPARE(format::megawatts(0.5), QStringLiteral("500 kW"));
        QCOMPARE(format::megawatts(0), QStringLiteral("0 MW"));
        QCOMPARE(format::megawattHours(1.59e6), QStringLiteral("1.59 TWh"));
    }

    void countsAndCompute()
    {
        QCOMPARE(format::count(100000), QStringLiteral("100,000"));
        QCOMPARE(format::count(1231388), QStringLiteral("1.23M"));
        QCOMPARE(format::count(12.4e6), QStringLiteral("12.4M"));
        QCOMPARE(format::flops(98900), QStringLiteral("98.9 EFLOPS"));
        QCOMPARE(format::flops(6240), QStringLiteral("6.24 EFLOPS"));
        QCOMPARE(format::flops(2.1e6), QStringLiteral("2,100 EFLOPS")); // 840k accelerators at 2.5 PFLOPS
        QCOMPARE(format::flops(445.5), QStringLiteral("446 PFLOPS"));
    }

    void months()
    {
        QCOMPARE(format::monthLabel(2025 * 12 + 2), QStringLiteral("Mar 2025"));
        QCOMPARE(format::monthIso(2025 * 12 + 2), QStringLiteral("2025-03"));
        QCOMPARE(format::percent(12.345), QStringLiteral("12.3%"));
    }

    // Counts read as English does, with no "(s)".
    void nounCounts()
    {
        QCOMPARE(format::nounCount(1, QStringLiteral("month"), QStringLiteral("months")), QStringLiteral("1 month"));
        QCOMPARE(format::nounCount(0, QStringLiteral("month"), QStringLiteral("months")), QStringLiteral("0 months"));
        QCOMPARE(format::nounCount(2000, QStringLiteral("trial"), QStringLiteral("trials")), QStringLiteral("2,000 trials"));
    }

    // An uncertain input is named by its item and what varies, the site only when it tells apart.
    void riskInputs()
    {
        solver::TornadoBar bar;
        bar.site = "Memphis";
        bar.item = "H100, first 50k";
        bar.field = "unitCapexUsd";
        QCOMPARE(format::riskInputLabel(bar, false), QStringLiteral("H100, first 50k: unit capex"));
        QCOMPARE(format::riskInputLabel(bar, true), QStringLiteral("Memphis / H100, first 50k: unit capex"));
        bar.item = "Facility";
        bar.field = "buildMonths";
        QCOMPARE(format::riskInputLabel(bar, false), QStringLiteral("Facility: build time"));
        QCOMPARE(format::riskFieldLabel("leadTimeMonths"), QStringLiteral("lead time"));
        QCOMPARE(format::riskFieldLabel("permitMonths"), QStringLiteral("permit time"));
        // Every sampled input's value carries its unit (PUE is a ratio and has none).
        QCOMPARE(format::riskFieldLabel("rentUsdPerMwMonth"), QStringLiteral("rent"));
        QCOMPARE(format::riskInputValue("leadTimeMonths", 14), QStringLiteral("14 months"));
        QCOMPARE(format::riskInputValue("electricityUsdPerMwh", 80), QStringLiteral("$80.00/MWh"));
        QCOMPARE(format::riskInputValue("gasUsdPerMmbtu", 3.5), QStringLiteral("$3.50/MMBtu"));
        QCOMPARE(format::riskInputValue("pue", 1.35), QStringLiteral("1.35"));
        QCOMPARE(format::riskInputValue("itKwPerAccelerator", 1.4), QStringLiteral("1.40 kW"));
        QCOMPARE(format::riskInputValue("rentUsdPerAcceleratorHour", 2.2), QStringLiteral("$2.20/accelerator-hour"));
        QCOMPARE(format::riskInputRange("rentUsdPerMwMonth", 15000, 50000),
                 format::usd(15000) + QStringLiteral("/MW-month to ") + format::usd(50000) + QStringLiteral("/MW-month"));
        QCOMPARE(format::riskInputValue("rentUsdPerMonth", 150000), format::usd(150000) + QStringLiteral("/month"));
        QCOMPARE(format::riskInputValue("unitCapexUsd", 45000), format::usd(45000));
        solver::TornadoBar other = bar;
        QVERIFY(!format::inputsSpanSites({bar, other}));
        other.site = "Johor";
        QVERIFY(format::inputsSpanSites({bar, other}));
    }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "tst_units.moc"
