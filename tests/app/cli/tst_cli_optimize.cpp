#include "clirun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

// `clusterplan-cli optimize` end to end, on tests/fixtures/optimize/bridge-small.json: a hall
// ready in Apr 2025 (permit 2 months, build 3 from Jan), 2,000 GPUs delivered in Apr 2025, a
// grid arriving Jul 2026, and an optional rented turbine (2 months' lead) that may be ordered
// Jan..Jun 2025 and retired May..Oct 2026 or never.
// By hand: full power by Jun 2025 needs the turbine available by Jun, so ordered by Apr;
// ordering earlier only adds rent and energy before the goal, so the answer orders in Apr.
// Nothing can be at full power before the hall is ready: the earliest is Apr 2025 (turbine
// ordered Jan or Feb), so a goal of Mar 2025 is infeasible.
namespace {

using json = nlohmann::json;
using namespace clitest;

QString bridge()
{
    return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/tests/fixtures/optimize/bridge-small.json");
}

json parse(const QByteArray &bytes)
{
    return json::parse(bytes.constData(), bytes.constData() + bytes.size());
}

} // namespace

class TestCliOptimize : public QObject
{
    Q_OBJECT

private slots:
    void answerHasItsKeysAndHoldsUp()
    {
        QTemporaryDir dir;
        const Run r = cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                            QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(r.exitCode, 0);
        const json doc = parse(r.out);
        std::vector<std::string> keys; // in the order written
        const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(r.out.constData(), r.out.constData() + r.out.size());
        for (const auto &[key, value] : ordered.items())
            keys.push_back(key);
        QCOMPARE(keys, (std::vector<std::string> { "status", "objective", "objectiveUsd", "fullPowerMonth",
                                                   "earliestFullPowerMonth", "choices", "scenario" }));
        QCOMPARE(doc.at("status").get<std::string>(), std::string("optimal"));
        QCOMPARE(doc.at("objective").get<std::string>(), std::string("cost"));
        QCOMPARE(doc.at("earliestFullPowerMonth").get<std::string>(), std::string("2025-04"));
        QVERIFY(doc.at("fullPowerMonth").get<std::string>() <= std::string("2025-06"));
        QCOMPARE(doc.at("choices").size(), std::size_t(1));
        const json &turbine = doc.at("choices")[0];
        QCOMPARE(turbine.at("site").get<std::string>(), std::string("Hall"));
        QCOMPARE(turbine.at("item").get<std::string>(), std::string("Turbine"));
        QCOMPARE(turbine.at("kept").get<bool>(), true);
        QCOMPARE(turbine.at("orderMonth").get<std::string>(), std::string("2025-04"));

        // The chosen scenario decides nothing more, and solves to the answer's NPV and date.
        const json &scenario = doc.at("scenario");
        const std::string text = scenario.dump();
        QVERIFY(text.find("orderWindow") == std::string::npos);
        QVERIFY(text.find("retireWindow") == std::string::npos);
        QVERIFY(text.find("\"optional\"") == std::string::npos);
        const QString chosen = dir.filePath(QStringLiteral("chosen.json"));
        QFile file(chosen);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(scenario.dump(2)));
        file.close();
        const Run solved = cli({ QStringLiteral("solve"), chosen, QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(solved.exitCode, 0);
        const json result = parse(solved.out);
        QCOMPARE(result.at("kpis").at("npvCostUsd").get<double>(), doc.at("objectiveUsd").get<double>());
        QCOMPARE(result.at("kpis").at("fullPowerMonth").get<std::string>(), doc.at("fullPowerMonth").get<std::string>());
    }

    void infeasibleGoalIsAnAnswer()
    {
        const Run r = cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-03"),
                            QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(r.exitCode, 0);
        const json doc = parse(r.out);
        QCOMPARE(doc.at("status").get<std::string>(), std::string("infeasible"));
        QVERIFY(doc.at("objectiveUsd").is_null());
        QVERIFY(doc.at("scenario").is_null());
        QCOMPARE(doc.at("earliestFullPowerMonth").get<std::string>(), std::string("2025-04"));
        const Run text = cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-03") });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("infeasible"), text.out.constData());
        QVERIFY2(text.out.contains("Apr 2025"), text.out.constData());
    }

    void frontierRunsToThePlansEnd()
    {
        const Run r = cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                            QStringLiteral("--frontier"), QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(r.exitCode, 0);
        const json doc = parse(r.out);
        const json &frontier = doc.at("frontier");
        // Apr 2025 .. Dec 2027: 33 goal months.
        QCOMPARE(frontier.size(), std::size_t(33));
        QCOMPARE(frontier.front().at("fullPowerBy").get<std::string>(), std::string("2025-04"));
        QCOMPARE(frontier.back().at("fullPowerBy").get<std::string>(), std::string("2027-12"));
        double previous = 1e300;
        for (const json &point : frontier) {
            QCOMPARE(point.at("status").get<std::string>(), std::string("optimal"));
            const double usd = point.at("objectiveUsd").get<double>();
            QVERIFY(usd <= previous); // a later goal never costs more
            previous = usd;
            QVERIFY(point.at("fullPowerMonth").get<std::string>() <= point.at("fullPowerBy").get<std::string>());
            if (point.at("fullPowerBy").get<std::string>() == "2025-06")
                QCOMPARE(usd, doc.at("objectiveUsd").get<double>());
        }
        const Run text = cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                               QStringLiteral("--frontier") });
        QVERIFY2(text.out.contains("more than by"), text.out.constData());
    }

    void saveAsAddsAScenario()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("plans.clusterplan"));
        QCOMPARE(cli({ QStringLiteral("import"), bridge(), QStringLiteral("--workspace"), ws }).exitCode, 0);
        const Run r = cli({ QStringLiteral("optimize"), QStringLiteral("--workspace"), ws, QStringLiteral("--scenario"),
                            QStringLiteral("Small bridge"), QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                            QStringLiteral("--save-as"), QStringLiteral("Small bridge, optimized") });
        QCOMPARE(r.exitCode, 0);
        const Run list = cli({ QStringLiteral("list"), QStringLiteral("--workspace"), ws });
        QVERIFY2(list.out.contains("Small bridge, optimized"), list.out.constData());
        // The saved plan is the answer: exporting it shows the turbine ordered in Apr 2025, no windows.
        const Run exported = cli({ QStringLiteral("export"), QStringLiteral("--workspace"), ws, QStringLiteral("--scenario"),
                                   QStringLiteral("Small bridge, optimized"), QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(!exported.out.contains("orderWindow"));
        const json doc = parse(exported.out);
        QCOMPARE(doc.at("sites")[0].at("power")[1].at("orderMonth").get<std::string>(), std::string("2025-04"));
        // The same name again is refused; nothing is overwritten.
        const Run again = cli({ QStringLiteral("optimize"), QStringLiteral("--workspace"), ws, QStringLiteral("--scenario"),
                                QStringLiteral("Small bridge"), QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                                QStringLiteral("--save-as"), QStringLiteral("Small bridge, optimized") });
        QCOMPARE(again.exitCode, 1);
    }

    void shippedExampleHoldsUp()
    {
        // data/examples/greenfield-bridge-options.json: the hall is ready in Sep 2026 (construction
        // from Jun 2025, 15 months), so nothing reaches full power before then.
        QTemporaryDir dir;
        const Run r = cli({ QStringLiteral("optimize"), example("greenfield-bridge-options.json"), QStringLiteral("--full-power-by"),
                            QStringLiteral("2026-12"), QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(r.exitCode, 0);
        const json doc = parse(r.out);
        QCOMPARE(doc.at("status").get<std::string>(), std::string("optimal"));
        QCOMPARE(doc.at("earliestFullPowerMonth").get<std::string>(), std::string("2026-09"));
        QCOMPARE(doc.at("choices").size(), std::size_t(5));
        const QString chosen = dir.filePath(QStringLiteral("chosen.json"));
        QFile file(chosen);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(doc.at("scenario").dump(2)));
        file.close();
        const Run solved = cli({ QStringLiteral("solve"), chosen, QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(solved.exitCode, 0);
        const json result = parse(solved.out);
        QCOMPARE(result.at("kpis").at("npvCostUsd").get<double>(), doc.at("objectiveUsd").get<double>());
        QVERIFY(result.at("kpis").at("fullPowerMonth").get<std::string>() <= std::string("2026-12"));
    }

    // With a value of compute ($2.50 per accelerator-hour) the default objective is net: every
    // month at full power earns about 2,000 x $2.50 x 90% x 730 h = $3.3M, far more than the
    // turbine's $100,000 a month of rent and its fuel. So the turbine comes as early as it is of
    // use, with the hall in Apr 2025: ordered Feb (2 months' lead; Jan would only add a month of
    // rent), and stays until the grid comes in Jul 2026 (retire Jul: earlier loses revenue,
    // later adds rent).
    void netIsTheDefaultWhenThePlanStatesAValueOfCompute()
    {
        QTemporaryDir dir;
        QFile in(bridge());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray priced = in.readAll();
        priced.replace("\"horizonMonths\": 36,", "\"horizonMonths\": 36,\n  \"assumptions\": {\"computePriceUsdPerAcceleratorHour\": 2.5},");
        const QString path = dir.filePath(QStringLiteral("priced.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(priced);
        out.close();
        const Run r = cli({ QStringLiteral("optimize"), path, QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                            QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(r.exitCode, 0);
        const json doc = parse(r.out);
        QCOMPARE(doc.at("objective").get<std::string>(), std::string("net"));
        QCOMPARE(doc.at("status").get<std::string>(), std::string("optimal"));
        const json &turbine = doc.at("choices")[0];
        QCOMPARE(turbine.at("kept").get<bool>(), true);
        QCOMPARE(turbine.at("orderMonth").get<std::string>(), std::string("2025-02"));
        QCOMPARE(turbine.at("retireMonth").get<std::string>(), std::string("2026-07"));
        // objectiveUsd is the chosen plan's NPV of net cash flow, as `solve` reports it.
        const QString chosen = dir.filePath(QStringLiteral("chosen.json"));
        QFile file(chosen);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(doc.at("scenario").dump(2)));
        file.close();
        const Run solved = cli({ QStringLiteral("solve"), chosen, QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(solved.exitCode, 0);
        QCOMPARE(parse(solved.out).at("kpis").at("npvNetUsd").get<double>(), doc.at("objectiveUsd").get<double>());
        // --objective cost still asks for the least NPV of costs: the turbine as late as the goal allows.
        const Run cost = cli({ QStringLiteral("optimize"), path, QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                               QStringLiteral("--objective"), QStringLiteral("cost"), QStringLiteral("--json"), QStringLiteral("-") });
        QCOMPARE(cost.exitCode, 0);
        QCOMPARE(parse(cost.out).at("objective").get<std::string>(), std::string("cost"));
        QCOMPARE(parse(cost.out).at("choices")[0].at("orderMonth").get<std::string>(), std::string("2025-04"));
    }

    void errors()
    {
        // Usage: no goal, a malformed goal, an unknown objective, --save-as without a workspace.
        QCOMPARE(cli({ QStringLiteral("optimize"), bridge() }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-13") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                       QStringLiteral("--objective"), QStringLiteral("speed") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                       QStringLiteral("--save-as"), QStringLiteral("X") }).exitCode, 2);
        // Net needs what the plan earns (a value of compute or a residual value); it says so.
        const Run net = cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2025-06"),
                              QStringLiteral("--objective"), QStringLiteral("net") });
        QCOMPARE(net.exitCode, 2);
        QVERIFY2(net.err.contains(QStringLiteral("net")), qPrintable(net.err));
        // Invalid input: a goal outside the plan, a window that ends before it starts.
        QCOMPARE(cli({ QStringLiteral("optimize"), bridge(), QStringLiteral("--full-power-by"), QStringLiteral("2030-01") }).exitCode, 3);
        QTemporaryDir dir;
        QFile in(bridge());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bad = in.readAll();
        bad.replace("\"latest\": \"2025-06\"", "\"latest\": \"2024-06\"");
        const QString badPath = dir.filePath(QStringLiteral("bad.json"));
        QFile out(badPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bad);
        out.close();
        const Run invalid = cli({ QStringLiteral("optimize"), badPath, QStringLiteral("--full-power-by"), QStringLiteral("2025-06") });
        QCOMPARE(invalid.exitCode, 3);
        QVERIFY2(invalid.err.contains(QStringLiteral("sites[0].power[1].orderWindow")), qPrintable(invalid.err));
    }
};

QTEST_GUILESS_MAIN(TestCliOptimize)
#include "tst_cli_optimize.moc"
