#include "charts/axisscale.h"

#include <QTest>

using namespace cp::views;

// What a reader sees along a value axis: round steps, one unit, numbers that read at a glance.
class TestAxisScale : public QObject
{
    Q_OBJECT

private slots:
    void dollarsShareOneScale()
    {
        const ValueScale scale = valueScale(4.6e9, AxisUnit::Usd, 5);
        QCOMPARE(scale.max, 5e9); // 4.6B / 5 = 0.92B a step, rounded up to $1B: the first step above $4.6B is $5B
        QCOMPARE(scale.ticks.front().label, QStringLiteral("$0"));
        QCOMPARE(scale.ticks[1].label, QStringLiteral("$1B"));
        QCOMPARE(scale.ticks.back().label, QStringLiteral("$5B"));
    }

    // Steps of half a gigawatt: every tick keeps the one decimal they need.
    void megawattsTurnIntoGigawatts()
    {
        const ValueScale scale = valueScale(1960, AxisUnit::Mw, 4);
        QCOMPARE(scale.ticks[1].label, QStringLiteral("0.5 GW"));
        QCOMPARE(scale.ticks.back().label, QStringLiteral("2.0 GW"));
        QCOMPARE(valueScale(140, AxisUnit::Mw, 4).ticks.back().label, QStringLiteral("150 MW"));
    }

    // An 840,000-accelerator campus peaks at 2,100 EFLOPS: four digits, grouped like a count.
    void thousandsOfExaflopsAreGrouped()
    {
        const ValueScale scale = valueScale(2.1e6, AxisUnit::Pflops, 3);
        QCOMPARE(scale.ticks.back().label, QStringLiteral("3,000 EFLOPS"));
        QCOMPARE(scale.ticks[1].label, QStringLiteral("1,000 EFLOPS"));
        // 450 / 3 ticks = 150 a step, rounded up to the nice step 200: 0, 200, 400, 600.
        QCOMPARE(valueScale(450, AxisUnit::Pflops, 3).ticks.back().label, QStringLiteral("600 PFLOPS"));
    }
};

QTEST_APPLESS_MAIN(TestAxisScale)
#include "tst_axisscale.moc"
