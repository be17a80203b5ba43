#include "domain/month.h"

#include <QTest>

using cp::Month;

// Month strings follow docs/scenario-format.md, section 1, exactly: ^\d{4}-(0[1-9]|1[0-2])$, any year.
class TestMonth : public QObject
{
    Q_OBJECT

private slots:
    void parsesValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::newRow("start of 2024") << QStringLiteral("2024-01") << 2024 << 1;
        QTest::newRow("December") << QStringLiteral("2025-12") << 2025 << 12;
        QTest::newRow("year zero") << QStringLiteral("0000-06") << 0 << 6;
        QTest::newRow("far future") << QStringLiteral("9999-12") << 9999 << 12;
    }
    void parsesValid()
    {
        QFETCH(QString, text);
        QFETCH(int, year);
        QFETCH(int, month);
        const auto parsed = Month::parse(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->year(), year);
        QCOMPARE(parsed->month(), month);
        QCOMPARE(parsed->toIso(), text);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"2024-00", "2024-13", "2024-1", "24-01", "2024/01", " 2024-01", "2024-01 ",
                                "2024-01-01", "", "２０２４-01", "2024-0a", "+024-01"})
            QTest::newRow(bad) << QString::fromUtf8(bad);
    }
    void rejectsMalformed()
    {
        QFETCH(QString, text);
        QVERIFY(!Month::parse(text).has_value());
    }

    void arithmeticAndLabels()
    {
        const Month jan = Month::fromYearMonth(2024, 1);
        QCOMPARE(jan.plusMonths(14).toIso(), QStringLiteral("2025-03"));
        QCOMPARE(jan.plusMonths(14).toLabel(), QStringLiteral("Mar 2025"));
        QCOMPARE(jan.monthsUntil(Month::fromYearMonth(2027, 1)), 36);
        QVERIFY(jan < jan.plusMonths(1));
    }
};

QTEST_APPLESS_MAIN(TestMonth)
#include "tst_month.moc"
