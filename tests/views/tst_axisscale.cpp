#include "charts/axisscale.h"

#include <QTest>

#include <limits>

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

    // Ticks between two NPVs: round values inside the span, about five; never an endless or huge
    // list, whatever the numbers (a tornado once looped forever on an infinite NPV).
    void spanTicksAreRoundAndBounded()
    {
        // -3.2M .. 7.9M: 11.1M / 5 = 2.22M a step, rounded up to 2.5M: -2.5M, 0, 2.5M, 5M, 7.5M.
        const std::vector<double> ticks = spanTicks(-3.2e6, 7.9e6, 5);
        QCOMPARE(ticks, (std::vector<double>{-2.5e6, 0.0, 2.5e6, 5e6, 7.5e6}));
        const double inf = std::numeric_limits<double>::infinity();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(spanTicks(-inf, inf).empty());
        QVERIFY(spanTicks(0, inf).empty());
        QVERIFY(spanTicks(nan, 1).empty());
        QVERIFY(spanTicks(-1.7e308, 1.7e308).empty()); // the span itself overflows
        QVERIFY(spanTicks(5, 5).empty());
        // A span too small to step at this magnitude: at most one tick, not a stalled loop.
        QVERIFY(spanTicks(1e300, 1e300 * (1 + 1e-15)).size() <= 12);
        QVERIFY(spanTicks(1e20, 1e20 + 4096).size() <= 12);
    }

    // Month ticks on an absurd span stay few and finish at once.
    void monthTicksAreBounded()
    {
        QVERIFY(monthTicks(0, std::numeric_limits<double>::infinity(), 0, 10).empty());
        QVERIFY(monthTicks(std::numeric_limits<double>::quiet_NaN(), 10, 0, 10).empty());
        const std::vector<AxisTick> ticks = monthTicks(0, 1e300, 24300, 10);
        QVERIFY(ticks.size() <= 12);
        // A normal 4-year span with 6 labels: a tick every year (48 / 6 = 8 months, rounded up to 12).
        QCOMPARE(monthTicks(0, 48, 2026 * 12, 6).size(), std::size_t(5));
    }
};

QTEST_APPLESS_MAIN(TestAxisScale)
#include "tst_axisscale.moc"
