#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "domain/numbertext.h"
#include "io/resultcsv.h"
#include "io/resultjson.h"
#include "io/scenariojson.h"

#include <QTest>

#include <nlohmann/json.hpp>

// Plans at the edges of what the format allows (docs/scenario-format.md, section 7: count up to
// 10^7, unitCapexUsd up to 10^6, horizons and durations up to 600 months) compute exactly, and a
// value one step beyond is refused with the file, its JSON path and the rule. Expected figures are
// products of the inputs, each an integer far below 2^53, so a double holds them exactly.
namespace {

using json = nlohmann::json;

// One owned site whose only cost is one tranche of `count` accelerators at `unitCapexUsd`,
// delivered (and paid in full) in month 0.
json site(const std::string &name, double count, double unitCapexUsd)
{
    return {
        { "name", name },
        { "facility",
          { { "kind", "greenfield" },
            { "itCapacityMw", 20000 },
            { "permitStartMonth", "2025-01" },
            { "permitMonths", 0 },
            { "constructionStartMonth", "2025-01" },
            { "buildMonths", 0 },
            { "capexUsd", 0 },
            { "fixedOmUsdPerMwItYear", 0 } } },
        { "compute",
          { { { "name", "Tranche" },
              { "accelerator", "h100_sxm" },
              { "count", count },
              { "orderMonth", "2025-01" },
              { "leadTimeMonths", 0 },
              { "unitCapexUsd", unitCapexUsd },
              { "itKwPerAccelerator", 1 },
              { "depositPct", 0 } } } },
    };
}

json scenario(int horizonMonths, int sites)
{
    json document = { { "format", "clusterplan.scenario" },
                      { "formatVersion", 1 },
                      { "name", "At the limits" },
                      { "startMonth", "2025-01" },
                      { "horizonMonths", horizonMonths },
                      { "sites", json::array() } };
    for (int i = 0; i < sites; ++i)
        document["sites"].push_back(site("Site " + std::to_string(i + 1), 1e7, 1e6));
    return document;
}

QByteArray bytes(const json &document)
{
    const std::string text = document.dump();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

std::shared_ptr<const cp::SolvedScenario> solve(const json &document)
{
    const cp::io::ParseResult parsed
        = cp::io::parseScenarioJson(bytes(document), cp::Catalog::builtIn(), QStringLiteral("limits.json"));
    if (!parsed.ok()) {
        for (const cp::Problem &problem : parsed.problems)
            qWarning("%s", qPrintable(problem.toString()));
        return nullptr;
    }
    return cp::solveScenario(*parsed.scenario, cp::Catalog::builtIn(), cp::Month::fromYearMonth(2025, 1));
}

} // namespace

class TestDomainLimits : public QObject
{
    Q_OBJECT

private slots:
    void tenMillionAcceleratorsAtAMillionDollarsOver600Months()
    {
        const auto solved = solve(scenario(600, 1));
        QVERIFY(solved && solved->ok());
        const cp::solver::Result &result = solved->result;
        // 10^7 x $10^6 = $10^13, all paid in month 0 (delivered then, no deposit), not discounted.
        QCOMPARE(cp::io::numberString(result.kpis.totalCapexUsd), std::string("10000000000000"));
        QCOMPARE(cp::io::numberString(result.kpis.capexByCategory[0]), std::string("10000000000000"));
        QCOMPARE(cp::io::numberString(result.monthly.capexUsd[0]), std::string("10000000000000"));
        QCOMPARE(cp::io::numberString(result.kpis.npvCostUsd), std::string("10000000000000"));
        QCOMPARE(cp::io::numberString(result.kpis.plannedAccelerators), std::string("10000000"));
        QCOMPARE(result.monthly.delivered.size(), Eigen::Index(600));
        QCOMPARE(cp::io::numberString(result.monthly.delivered[599]), std::string("10000000"));

        // The files say the same, digit for digit; 600 months end in December 2074.
        const json written = json::parse(cp::io::writeResultJson(result).toStdString());
        QCOMPARE(written["kpis"]["totalCapexUsd"].dump(), std::string("10000000000000"));
        QCOMPARE(written["months"].size(), std::size_t(600));
        QCOMPARE(written["months"].back().get<std::string>(), std::string("2074-12"));
        const QByteArray csv = cp::io::writeResultCsv(result);
        QVERIFY(csv.contains("2025-01,portfolio,,10000000,"));
        QVERIFY(csv.contains(",10000000000000,10000000000000,")); // capexUsd, then capex_computeUsd
        QCOMPARE(csv.count("\r\n"), 1 + 600 * 2); // header; per month one site row and the portfolio row
    }

    void aThousandSites()
    {
        // 1,000 sites of 10^7 at $10^6: 10^10 accelerators and $10^16, still exact (each partial
        // sum k x 10^13 = k x 1220703125 x 2^13 has a significand below 2^53).
        const auto solved = solve(scenario(60, 1000));
        QVERIFY(solved && solved->ok());
        const cp::solver::Kpis &kpis = solved->result.kpis;
        QCOMPARE(solved->result.sites.size(), std::size_t(1000));
        QVERIFY(kpis.totalCapexUsd == 1e16);
        QVERIFY(kpis.plannedAccelerators == 1e10);
        QCOMPARE(cp::io::numberString(kpis.totalCapexUsd), std::string("1e+16"));
        QCOMPARE(cp::io::numberString(solved->result.sites[999].kpis.totalCapexUsd), std::string("10000000000000"));
    }

    void beyondTheLimitsIsRefusedPerField_data()
    {
        QTest::addColumn<QString>("pointer"); // where to put the value (JSON pointer)
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("path"); // the JSON path the one problem must name
        QTest::addColumn<QString>("rule"); // what the message must say

        const QString count = QStringLiteral("sites[0].compute[0].count");
        const QString capex = QStringLiteral("sites[0].compute[0].unitCapexUsd");
        QTest::newRow("count 10^7 + 1") << "/sites/0/compute/0/count" << QByteArray("10000001") << count
                                        << "Count must be a whole number from 1 to 10,000,000 (found 10000001)";
        QTest::newRow("count 10^7 + 0.5") << "/sites/0/compute/0/count" << QByteArray("10000000.5") << count
                                          << "must be a whole number (found 10000000.5)";
        QTest::newRow("count 10^300") << "/sites/0/compute/0/count" << QByteArray("1e300") << count
                                      << "Count must be a whole number from 1 to 10,000,000 (found 1e+300)";
        QTest::newRow("unit capex 10^6 + 1") << "/sites/0/compute/0/unitCapexUsd" << QByteArray("1000001") << capex
                                             << "Unit price must be from $0 to $1,000,000 (found 1000001)";
        QTest::newRow("unit capex high 10^6 + 1")
            << "/sites/0/compute/0/unitCapexUsd" << QByteArray(R"({"low": 1, "mode": 2, "high": 1000001})")
            << capex << "Unit price, high, must be from $0 to $1,000,000 (found 1000001)";
        QTest::newRow("horizon 601") << "/horizonMonths" << QByteArray("601") << "horizonMonths"
                                     << "must be a whole number of months from 1 to 600 (found 601)";
        QTest::newRow("lead time 601") << "/sites/0/compute/0/leadTimeMonths" << QByteArray("601")
                                       << "sites[0].compute[0].leadTimeMonths"
                                       << "must be a whole number of months from 0 to 600 (found 601)";
        QTest::newRow("build 601") << "/sites/0/facility/buildMonths" << QByteArray("601")
                                   << "sites[0].facility.buildMonths"
                                   << "must be a whole number of months from 0 to 600 (found 601)";
        QTest::newRow("IT MW 1e999") << "/sites/0/facility/itCapacityMw" << QByteArray("1e999")
                                     << "sites[0].facility.itCapacityMw" << "1e999 is not a finite number";
    }
    void beyondTheLimitsIsRefusedPerField()
    {
        QFETCH(QString, pointer);
        QFETCH(QByteArray, value);
        QFETCH(QString, path);
        QFETCH(QString, rule);
        json document = scenario(600, 1);
        // A placeholder replaced in the text, so values JSON libraries would reject (1e999) get in.
        document[json::json_pointer(pointer.toStdString())] = "@VALUE@";
        QByteArray input = bytes(document);
        input.replace("\"@VALUE@\"", value);

        const cp::io::ParseResult parsed
            = cp::io::parseScenarioJson(input, cp::Catalog::builtIn(), QStringLiteral("limits.json"));
        QVERIFY(!parsed.scenario);
        QCOMPARE(parsed.problems.size(), std::size_t(1));
        const cp::Problem &problem = parsed.problems.front();
        QCOMPARE(problem.file, QStringLiteral("limits.json"));
        QCOMPARE(problem.path, path);
        QVERIFY2(problem.message.contains(rule), qPrintable(problem.message));
    }
};

QTEST_GUILESS_MAIN(TestDomainLimits)
#include "tst_domainlimits.moc"
