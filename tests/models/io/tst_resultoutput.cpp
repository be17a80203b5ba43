#include "io/csvwriter.h"
#include "io/resultcsv.h"
#include "io/resultjson.h"
#include "solver/calendar.h"
#include "solver/solver.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace cp;

// The solve command's outputs: the result JSON and the monthly CSV. A user checks that
// the numbers in the files are the solver's numbers, and that a spreadsheet cannot be made to
// run a formula from a name.
namespace {

solver::Plan twoSitePlan(const std::string &firstSiteName)
{
    using namespace solver;
    Plan plan;
    plan.name = "Output test";
    plan.startMonth = absoluteMonth(2024, 11);
    plan.horizonMonths = 4;
    for (int s = 0; s < 2; ++s) {
        Site site;
        site.name = s == 0 ? firstSiteName : "Second";
        site.pue = cp::solver::ThreePoint::fixed(1.1);
        site.facility.permitStartMonth = plan.startMonth;
        site.facility.constructionStartMonth = plan.startMonth;
        site.facility.permitMonths = ThreePoint::fixed(s);
        site.facility.buildMonths = ThreePoint::fixed(0);
        site.facility.itCapacityMw = 10;
        site.facility.coolingMw = 10;
        site.facility.capexUsd = ThreePoint::fixed(3e7 / 7); // not a whole number
        Tranche t;
        t.name = "GPUs";
        t.count = 3000;
        t.itKwPerAccelerator = cp::solver::ThreePoint::fixed(1.4);
        t.orderMonth = plan.startMonth;
        t.unitCapexUsd = ThreePoint::fixed(45000);
        t.bf16Tflops = 989;
        site.tranches.push_back(t);
        PowerSource grid;
        grid.name = "Grid";
        grid.capacityMw = 3; // 3 / 1.1 = 2.727 MW: 1,948 of 3,000 fit
        grid.orderMonth = plan.startMonth;
        site.sources.push_back(grid);
        plan.sites.push_back(site);
    }
    return plan;
}

// A minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF rows.
std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    rows.pop_back(); // after the final CRLF
    return rows;
}

} // namespace

class TestResultOutput : public QObject
{
    Q_OBJECT

private slots:
    void jsonHoldsTheSolversNumbers()
    {
        const solver::Result r = solver::solve(twoSitePlan("First"));
        const QByteArray bytes = io::writeResultJson(r);
        const auto doc = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());

        QCOMPARE(doc.at("scenario").get<std::string>(), std::string("Output test"));
        QCOMPARE(doc.at("months").size(), std::size_t(4));
        QCOMPARE(doc.at("months")[0].get<std::string>(), std::string("2024-11"));
        QCOMPARE(doc.at("months")[3].get<std::string>(), std::string("2025-02"));

        const auto &kpis = doc.at("kpis");
        QCOMPARE(kpis.at("totalCapexUsd").get<double>(), r.kpis.totalCapexUsd);
        QCOMPARE(kpis.at("npvCostUsd").get<double>(), r.kpis.npvCostUsd);
        QCOMPARE(kpis.at("capexByCategory").at("facility").get<double>(), r.kpis.capexByCategory[1]);
        QCOMPARE(kpis.at("opexByCategory").at("energy").get<double>(), r.kpis.opexByCategory[0]);
        QCOMPARE(kpis.at("firstComputeMonth").get<std::string>(), std::string("2024-11"));
        QVERIFY(kpis.at("fullPowerMonth").is_null()); // 1,948 of 3,000 at each site, for ever
        QCOMPARE(kpis.at("costPerAcceleratorHourUsd").get<double>(), *r.kpis.costPerAcceleratorHourUsd);

        for (const char *key : {"delivered", "energized", "stranded", "itMw", "facilityMw", "powerMw", "energyMwh",
                                "capexUsd", "opexUsd", "depreciationUsd", "binding"})
            QCOMPARE(doc.at("monthly").at(key).size(), std::size_t(4));
        QCOMPARE(doc.at("monthly").at("energized")[0].get<double>(), 1948.0 + 0.0); // second site not ready yet
        QCOMPARE(doc.at("monthly").at("energized")[1].get<double>(), 2 * 1948.0);
        QCOMPARE(doc.at("monthly").at("binding")[0].get<std::string>(), std::string("facility"));
        QCOMPARE(doc.at("monthly").at("binding")[1].get<std::string>(), std::string("power"));
        for (Eigen::Index m = 0; m < 4; ++m)
            QCOMPARE(doc.at("monthly").at("itMw")[static_cast<std::size_t>(m)].get<double>(), r.monthly.itMw[m]);

        QCOMPARE(doc.at("sites").size(), std::size_t(2));
        QCOMPARE(doc.at("sites")[1].at("name").get<std::string>(), std::string("Second"));
        QCOMPARE(doc.at("sites")[1].at("readyMonth").get<std::string>(), std::string("2024-12"));
        QCOMPARE(doc.at("sites")[1].at("kpis").at("totalCapexUsd").get<double>(), r.sites[1].kpis.totalCapexUsd);
        QVERIFY(doc.at("warnings").is_array());
        for (const auto &w : doc.at("warnings"))
            for (const char *key : {"site", "item", "code", "message"})
                QVERIFY(w.at(key).is_string());
    }

    void csvParsesBackToTheSolversNumbers()
    {
        const solver::Result r = solver::solve(twoSitePlan("First"));
        const QByteArray bytes = io::writeResultCsv(r);
        const auto rows = parseCsv(bytes.toStdString());
        QCOMPARE(rows.size(), std::size_t(1 + 4 * 3)); // header + (2 sites + portfolio) x 4 months
        const auto &header = rows[0];
        auto column = [&](const std::string &name) {
            return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
        };
        QVERIFY(column("capex_facilityUsd") < header.size());
        for (const auto &row : rows)
            QCOMPARE(row.size(), header.size());
        // Row 1: Nov 2024, site "First"; row 3: Nov 2024 portfolio.
        QCOMPARE(rows[1][column("month")], std::string("2024-11"));
        QCOMPARE(rows[1][column("site")], std::string("First"));
        QCOMPARE(rows[3][column("scope")], std::string("portfolio"));
        QCOMPARE(std::stod(rows[1][column("capex_facilityUsd")]), r.sites[0].monthly().capexByCategory(0, 1));
        QCOMPARE(std::stod(rows[1][column("itMw")]), r.sites[0].monthly().itMw[0]);
        QCOMPARE(std::stod(rows[3][column("energyMwh")]), r.monthly.energyMwh[0]);
        QCOMPARE(std::stod(rows[12][column("opexUsd")]), r.monthly.opexUsd[3]);
    }

    void csvDefusesFormulas_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("cell");
        QTest::newRow("hyperlink") << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("minus") << QStringLiteral("-cmd") << QStringLiteral("'-cmd");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
        QTest::newRow("carriage return") << QStringLiteral("\rx") << QStringLiteral("\"'\rx\"");
        QTest::newRow("comma quoted") << QStringLiteral("Memphis, TN") << QStringLiteral("\"Memphis, TN\"");
        QTest::newRow("plain") << QStringLiteral("Memphis") << QStringLiteral("Memphis");
        // Semicolon-locale spreadsheets split at ';': quoted, and each formula after a ';' defused.
        QTest::newRow("semicolon formula") << QStringLiteral("Hall;=cmd|' /C calc'!A0;")
                                           << QStringLiteral("\"Hall;'=cmd|' /C calc'!A0;\"");
        QTest::newRow("semicolon plain") << QStringLiteral("Hall A;B") << QStringLiteral("\"Hall A;B\"");
    }
    void csvDefusesFormulas()
    {
        QFETCH(QString, name);
        QFETCH(QString, cell);
        QCOMPARE(QString::fromStdString(io::csvTextCell(name.toStdString())), cell);
    }

    void csvSiteNamedLikeAFormulaIsText()
    {
        const solver::Result r = solver::solve(twoSitePlan("=HYPERLINK(\"x\")"));
        const auto rows = parseCsv(io::writeResultCsv(r).toStdString());
        QCOMPARE(rows[1][2], std::string("'=HYPERLINK(\"x\")"));
        // Negative numbers are numbers, not text: they are never prefixed.
        io::CsvWriter w;
        w.number(-1.5);
        w.endRow();
        QCOMPARE(w.take(), std::string("-1.5\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestResultOutput)
#include "tst_resultoutput.moc"
