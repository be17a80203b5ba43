#include "solver/calendar.h"

#include <QTest>

using namespace cp::solver;

class TestCalendar : public QObject
{
    Q_OBJECT

private slots:
    void hours_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::addColumn<double>("hours");
        QTest::newRow("Jan 2024: 31 days") << 2024 << 1 << 744.0;
        QTest::newRow("Feb 2024: leap year") << 2024 << 2 << 696.0;
        QTest::newRow("Feb 2028: leap year (spec example)") << 2028 << 2 << 696.0;
        QTest::newRow("Feb 2025: common year") << 2025 << 2 << 672.0;
        QTest::newRow("Feb 2100: century, not leap") << 2100 << 2 << 672.0;
        QTest::newRow("Feb 2000: 400-year, leap") << 2000 << 2 << 696.0;
        QTest::newRow("Apr 2025: 30 days") << 2025 << 4 << 720.0;
        QTest::newRow("Dec 2025: 31 days") << 2025 << 12 << 744.0;
    }
    void hours()
    {
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(double, hours);
        QCOMPARE(hoursInMonth(absoluteMonth(year, month)), hours);
    }

    void roundTripsYearAndMonth()
    {
        for (int year : {0, 1999, 2024, 9999})
            for (int month = 1; month <= 12; ++month) {
                const int abs = absoluteMonth(year, month);
                QCOMPARE(yearOf(abs), year);
                QCOMPARE(monthOf(abs), month);
            }
        QCOMPARE(absoluteMonth(2025, 1) - absoluteMonth(2024, 12), 1);
    }
};

QTEST_APPLESS_MAIN(TestCalendar)
#include "tst_calendar.moc"
