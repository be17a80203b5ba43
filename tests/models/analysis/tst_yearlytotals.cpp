#include "analysis/yearlycsv.h"
#include "analysis/yearlytotals.h"
#include "domain/month.h"
#include "solvedfixture.h"

#include <QTest>

#include <cmath>
#include <map>

using namespace cp;

namespace {

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

// What a spreadsheet user does with the monthly table: add up the months whose calendar year
// (or fiscal year, named by the year it ends in) is Y. Independent of yearlyTotals' own loop.
std::map<int, double> sumByYear(const Eigen::ArrayXd &monthly, int startMonth, int fiscalStart)
{
    std::map<int, double> sums;
    for (Eigen::Index m = 0; m < monthly.size(); ++m) {
        const Month month = Month::fromIndex(startMonth + static_cast<int>(m));
        const int year = month.month() >= fiscalStart && fiscalStart > 1 ? month.year() + 1 : month.year();
        sums[year] += monthly[m];
    }
    return sums;
}

} // namespace

// Capex and opex by year: each year is the sum of its months, the years add up to the plan's
// totals, and fiscal years are named by the calendar year they end in.
class TestYearlyTotals : public QObject
{
    Q_OBJECT

private slots:
    void yearsAreSumsOfTheirMonths_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("fiscalStart");
        for (const QString &file : test::exampleFiles())
            for (int start : {1, 4, 10})
                QTest::addRow("%s from month %d", qPrintable(file), start) << file << start;
    }

    void yearsAreSumsOfTheirMonths()
    {
        QFETCH(QString, file);
        QFETCH(int, fiscalStart);
        const auto solved = test::solveFile(test::examplePath(file));
        QVERIFY(solved);
        const solver::Result &r = solved->result;
        const std::vector<YearTotals> years = yearlyTotals(r.monthly, r.startMonth, fiscalStart);
        const std::map<int, double> capex = sumByYear(r.monthly.capexUsd, r.startMonth, fiscalStart);
        const std::map<int, double> opex = sumByYear(r.monthly.opexUsd, r.startMonth, fiscalStart);
        QCOMPARE(years.size(), capex.size());

        double capexTotal = 0.0;
        double opexTotal = 0.0;
        int monthsCovered = 0;
        for (const YearTotals &y : years) {
            QVERIFY2(close(y.capexTotalUsd, capex.at(y.fiscalYear)), qPrintable(QString::number(y.fiscalYear)));
            QVERIFY(close(y.opexTotalUsd, opex.at(y.fiscalYear)));
            // The categories add up to the year's capex and opex.
            double categories = 0.0;
            for (double usd : y.capexUsd)
                categories += usd;
            QVERIFY(close(categories, y.capexTotalUsd));
            categories = 0.0;
            for (double usd : y.opexUsd)
                categories += usd;
            QVERIFY(close(categories, y.opexTotalUsd));
            capexTotal += y.capexTotalUsd;
            opexTotal += y.opexTotalUsd;
            monthsCovered += y.lastMonth - y.firstMonth + 1;
            QCOMPARE(y.partial, y.lastMonth - y.firstMonth + 1 < 12);
        }
        // Every month in exactly one year, and the years tie out to the key figures.
        QCOMPARE(monthsCovered, r.horizonMonths);
        QCOMPARE(years.front().firstMonth, r.startMonth);
        QCOMPARE(years.back().lastMonth, r.startMonth + r.horizonMonths - 1);
        QVERIFY(close(capexTotal, r.kpis.totalCapexUsd));
        QVERIFY(close(opexTotal, r.kpis.totalOpexUsd));
    }

    // Worked by hand: a plan of Jul 2024 to Jun 2026 in fiscal years from October is FY2024
    // (Jul to Sep 2024, 3 months), FY2025 (Oct 2024 to Sep 2025) and FY2026 (Oct 2025 to Jun
    // 2026, 9 months).
    void fiscalYearsByHand()
    {
        solver::MonthlySeries monthly;
        monthly.prepare(24);
        monthly.capexByCategory.setZero();
        monthly.opexByCategory.setZero();
        monthly.capexUsd.setZero();
        monthly.opexUsd.setZero();
        monthly.revenueUsd.setZero();
        monthly.residualValueUsd.setZero();
        monthly.netCashFlowUsd.setZero();
        // $1 of compute capex in every month, $10 of rent in the last.
        monthly.capexByCategory.col(0).setConstant(1.0);
        monthly.capexUsd.setConstant(1.0);
        monthly.opexByCategory(23, 2) = 10.0;
        monthly.opexUsd[23] = 10.0;
        const int jul2024 = Month::fromYearMonth(2024, 7).index();
        const std::vector<YearTotals> years = yearlyTotals(monthly, jul2024, 10);
        QCOMPARE(years.size(), std::size_t(3));
        QCOMPARE(years[0].fiscalYear, 2024);
        QCOMPARE(years[0].lastMonth, Month::fromYearMonth(2024, 9).index());
        QCOMPARE(years[0].capexTotalUsd, 3.0);
        QVERIFY(years[0].partial);
        QCOMPARE(years[1].fiscalYear, 2025);
        QCOMPARE(years[1].firstMonth, Month::fromYearMonth(2024, 10).index());
        QCOMPARE(years[1].lastMonth, Month::fromYearMonth(2025, 9).index());
        QCOMPARE(years[1].capexUsd[0], 12.0);
        QVERIFY(!years[1].partial);
        QCOMPARE(years[2].fiscalYear, 2026);
        QCOMPARE(years[2].capexTotalUsd, 9.0);
        QCOMPARE(years[2].opexUsd[2], 10.0);
        // Calendar years: 2024 (6 months), 2025, 2026 (6 months).
        const std::vector<YearTotals> calendar = yearlyTotals(monthly, jul2024, 1);
        QCOMPARE(calendar.size(), std::size_t(3));
        QCOMPARE(calendar[0].fiscalYear, 2024);
        QCOMPARE(calendar[0].capexTotalUsd, 6.0);
        QCOMPARE(calendar[1].capexTotalUsd, 12.0);
        QCOMPARE(calendar[2].capexTotalUsd, 6.0);
    }

    // The CSV: a row per year, money to the cent, columns that sum to the plan's totals.
    void csvSumsToThePlan()
    {
        const auto solved = test::solveFile(test::examplePath(QStringLiteral("memphis-retrofit-100k-h100.json")));
        QVERIFY(solved);
        const QList<QByteArray> lines = writeYearlyCsv(solved->result, 10).trimmed().split('\n');
        const QList<QByteArray> header = lines.front().trimmed().split(',');
        QCOMPARE(header.front(), QByteArray("year"));
        const auto capexColumn = header.indexOf("capexUsd");
        const auto opexColumn = header.indexOf("opexUsd");
        QVERIFY(capexColumn > 0 && opexColumn > 0);
        QVERIFY(header.contains("netCashFlowUsd")); // Memphis states a value of compute
        double capex = 0.0;
        double opex = 0.0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines[i].trimmed().split(',');
            QCOMPARE(cells.size(), header.size());
            QVERIFY(cells.front().startsWith("FY"));
            capex += cells[capexColumn].toDouble();
            // To the cent: at most two decimals.
            const QByteArray opexCell = cells[opexColumn];
            QVERIFY2(!opexCell.contains('.') || opexCell.size() - opexCell.indexOf('.') <= 3, opexCell.constData());
            opex += opexCell.toDouble();
        }
        QVERIFY(std::abs(capex - solved->result.kpis.totalCapexUsd) < 0.01 * lines.size());
        QVERIFY(std::abs(opex - solved->result.kpis.totalOpexUsd) < 0.01 * lines.size());
    }
};

QTEST_GUILESS_MAIN(TestYearlyTotals)
#include "tst_yearlytotals.moc"
