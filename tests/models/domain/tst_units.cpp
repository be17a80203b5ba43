#include "format/units.h"

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
        QCOMPARE(format::flops(445.5), QStringLiteral("446 PFLOPS"));
    }

    void months()
    {
        QCOMPARE(format::monthLabel(2025 * 12 + 2), QStringLiteral("Mar 2025"));
        QCOMPARE(format::monthIso(2025 * 12 + 2), QStringLiteral("2025-03"));
        QCOMPARE(format::percent(12.345), QStringLiteral("12.3%"));
    }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "tst_units.moc"
