#include "clirun.h"

#include <QTest>

#include <nlohmann/json.hpp>

// `clusterplan-cli risk` end to end: the risk document, reproducible from its seed
// whatever the number of threads.
namespace {

using json = nlohmann::json;

using namespace clitest;

} // namespace

class TestCliRisk : public QObject
{
    Q_OBJECT

private slots:
    void documentHasTheSpecsShape()
    {
        const Run r = cli({QStringLiteral("risk"), example("meta-2gw-gas-campus.json"), QStringLiteral("--trials"),
                           QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--by"),
                           QStringLiteral("2028-06"), QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 0);
        const json doc = json::parse(r.out.constData(), r.out.constData() + r.out.size());
        QCOMPARE(doc.at("trials").get<int>(), 400);
        QCOMPARE(doc.at("seed").get<int>(), 9);
        for (const char *key : {"firstComputeMonth", "fullPowerMonth"}) {
            const json &p = doc.at("percentiles").at(key);
            for (const char *q : {"p10", "p50", "p90"})
                QVERIFY(p.at(q).is_null() || p.at(q).get<std::string>().size() == 7);
        }
        const json &npv = doc.at("percentiles").at("npvCostUsd");
        QVERIFY(npv.at("p10").get<double>() <= npv.at("p50").get<double>());
        QVERIFY(npv.at("p50").get<double>() <= npv.at("p90").get<double>());
        QCOMPARE(doc.at("probabilityFullPowerBy").at("month").get<std::string>(), std::string("2028-06"));
        const double p = doc.at("probabilityFullPowerBy").at("probability").get<double>();
        QVERIFY(p >= 0 && p <= 1);
        // The 2 GW campus is not at full power by mid-2028 in most trials: something gates it.
        QVERIFY(!doc.at("criticality").empty());
        for (const json &c : doc.at("criticality")) {
            QVERIFY(c.at("site").is_string() && c.at("item").is_string());
            QVERIFY(c.at("share").get<double>() > 0 && c.at("share").get<double>() <= 1);
        }
        QVERIFY(!doc.at("tornado").empty());
        QVERIFY(doc.at("tornado")[0].at("npvSwingUsd").get<double>() >= doc.at("tornado")[1].at("npvSwingUsd").get<double>());
    }

    void sameSeedSameAnswerAnyThreads()
    {
        QByteArray first;
        for (const char *threads : {"1", "2", "5"}) {
            const Run r = cli({QStringLiteral("risk"), example("memphis-retrofit-100k-h100.json"), QStringLiteral("--trials"),
                               QStringLiteral("300"), QStringLiteral("--threads"), QLatin1String(threads),
                               QStringLiteral("--json"), QStringLiteral("-")});
            QCOMPARE(r.exitCode, 0);
            if (first.isEmpty())
                first = r.out;
            QCOMPARE(r.out, first);
        }
    }

    void summaryAndErrors()
    {
        const Run summary = cli({QStringLiteral("risk"), example("greenfield-grid-wait.json"), QStringLiteral("--trials"), QStringLiteral("200")});
        QCOMPARE(summary.exitCode, 0);
        QVERIFY(summary.out.contains("P50"));
        QVERIFY(summary.out.contains("Full power"));
        QCOMPARE(cli({QStringLiteral("risk"), example("gpt4-era-20k-a100.json"), QStringLiteral("--trials"), QStringLiteral("0")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("risk"), example("gpt4-era-20k-a100.json"), QStringLiteral("--by"), QStringLiteral("2025-13")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("risk")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRisk)
#include "tst_cli_risk.moc"
