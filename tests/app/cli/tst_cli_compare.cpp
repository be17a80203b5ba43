#include "clirun.h"
#include "storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>

// `clusterplan-cli compare` end to end: the compare document from files and from a
// workspace, a readable table without --json, and the usual exit codes.
namespace {

using json = nlohmann::json;

using namespace clitest;

json parse(const QByteArray &bytes)
{
    return json::parse(bytes.constData(), bytes.constData() + bytes.size());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString kAsOf = QStringLiteral("--as-of");
const QString kMonth = QStringLiteral("2026-01");

} // namespace

class TestCliCompare : public QObject
{
    Q_OBJECT

private slots:
    // The seed's question on the shipped twins: wait years for the grid, or rent turbines and run
    // now? The bridged plan costs more and earns more; the comparison must say it pays for itself.
    void theBridgedGreenfieldPaysForItself()
    {
        const Run r = cli({QStringLiteral("compare"), example("greenfield-grid-wait.json"),
                           example("greenfield-grid-wait-bridged.json"), QStringLiteral("--json"), QStringLiteral("-"),
                           kAsOf, kMonth});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json doc = parse(r.out);
        const json &bridged = doc.at("scenarios")[1];
        const json &value = bridged.at("timeValue");
        // Full power years earlier: the hall is ready long before the interconnect.
        QVERIFY(value.at("fullPowerMonthsGained").get<double>() >= 24);
        QVERIFY(value.at("costAddedUsd").get<double>() > 0);  // rent and gas cost money...
        QVERIFY(value.at("valueGainedUsd").get<double>() > value.at("costAddedUsd").get<double>()); // ...and earn more
        QVERIFY(value.at("netUsd").get<double>() > 0);
        // Net is value gained less cost added, and the NPV bridge adds up from one NPV to the other.
        QVERIFY(std::abs(value.at("netUsd").get<double>()
                         - (value.at("valueGainedUsd").get<double>() - value.at("costAddedUsd").get<double>()))
                < 1.0);
        const json &bridge = value.at("npvBridge");
        double sum = bridge.at("fromNpvNetUsd").get<double>();
        for (const json &step : bridge.at("steps"))
            sum += step.at("usd").get<double>();
        QVERIFY(std::abs(sum - bridge.at("toNpvNetUsd").get<double>()) < 1.0);
        QCOMPARE(bridge.at("toNpvNetUsd").get<double>() - bridge.at("fromNpvNetUsd").get<double>(),
                 value.at("netUsd").get<double>());
        // The rent of the turbines is the step that costs: negative in the net bridge.
        bool rentSeen = false;
        for (const json &step : bridge.at("steps"))
            if (step.at("category") == "rent") {
                rentSeen = true;
                QVERIFY(step.at("usd").get<double>() < 0);
            }
        QVERIFY(rentSeen);

        // The table says it in words.
        const Run text = cli({QStringLiteral("compare"), example("greenfield-grid-wait.json"),
                              example("greenfield-grid-wait-bridged.json"), kAsOf, kMonth});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains("the difference pays for itself"), text.out.constData());
    }

    // Plans that state no returns keep the v1 compare document: no timeValue.
    void noReturnsNoTimeValue()
    {
        const Run r = cli({QStringLiteral("compare"), fixture("hand-checked.json"), fixture("hand-checked-b.json"),
                           QStringLiteral("--json"), QStringLiteral("-"), kAsOf, kMonth});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!parse(r.out).at("scenarios")[1].contains("timeValue"));
    }

    // hand-checked.json against hand-checked-b.json (see tst_comparison for the arithmetic).
    void filesGiveTheSpecDocument()
    {
        const Run r = cli({QStringLiteral("compare"), fixture("hand-checked.json"), fixture("hand-checked-b.json"),
                           QStringLiteral("--json"), QStringLiteral("-"), kAsOf, kMonth});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json doc = parse(r.out);
        QCOMPARE(doc.at("baseline").get<std::string>(), std::string("Hand-checked site"));
        QCOMPARE(doc.at("scenarios").size(), std::size_t(2));
        const json &b = doc.at("scenarios")[1];
        // $220M - $200M = +$20M, +10%.
        QCOMPARE(b.at("deltas").at("totalCapexUsd").at("abs").get<double>(), 20e6);
        QCOMPARE(b.at("deltas").at("totalCapexUsd").at("pct").get<double>(), 10.0);
        // Full power Jul against Sep: -2 months, no percentage.
        QCOMPARE(b.at("deltas").at("fullPowerMonth").at("abs").get<double>(), -2.0);
        QVERIFY(b.at("deltas").at("fullPowerMonth").at("pct").is_null());
        // No cooling capex in either: 0, and no percentage of 0.
        QCOMPARE(b.at("deltas").at("capexByCategory").at("cooling").at("abs").get<double>(), 0.0);
        QVERIFY(b.at("deltas").at("capexByCategory").at("cooling").at("pct").is_null());
        // The baseline against itself.
        QCOMPARE(doc.at("scenarios")[0].at("deltas").at("totalCapexUsd").at("pct").get<double>(), 0.0);

        // Each scenario's KPIs are exactly what `solve --json` prints for it.
        const Run solved = cli({QStringLiteral("solve"), fixture("hand-checked-b.json"), QStringLiteral("--json"),
                                QStringLiteral("-"), kAsOf, kMonth});
        QCOMPARE(solved.exitCode, 0);
        QVERIFY(b.at("kpis") == parse(solved.out).at("kpis"));
    }

    void workspaceScenariosByName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plans.clusterplan"));
        {
            auto opened = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite);
            QVERIFY2(opened.workspace, qPrintable(opened.error.message));
            QVERIFY(opened.workspace->createScenario(QStringLiteral("Retrofit"), readAll(example("memphis-retrofit-100k-h100.json"))));
            QVERIFY(opened.workspace->createScenario(QStringLiteral("Greenfield"), readAll(example("greenfield-grid-wait.json"))));
            QVERIFY(opened.workspace->createScenario(QStringLiteral("Small"), readAll(fixture("hand-checked.json"))));
        }
        const QString out = dir.filePath(QStringLiteral("compare.json"));
        const Run r = cli({QStringLiteral("compare"), QStringLiteral("--workspace"), path, QStringLiteral("--scenario"),
                           QStringLiteral("Greenfield"), QStringLiteral("--scenario"), QStringLiteral("Retrofit"),
                           QStringLiteral("--scenario"), QStringLiteral("Small"), QStringLiteral("--json"), out, kAsOf, kMonth});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.isEmpty()); // the document went to the file
        const json doc = parse(readAll(out));
        QCOMPARE(doc.at("baseline").get<std::string>(), std::string("Greenfield")); // the list's names, not the documents'
        QCOMPARE(doc.at("scenarios").size(), std::size_t(3));
        QCOMPARE(doc.at("scenarios")[2].at("name").get<std::string>(), std::string("Small"));
        // Each delta is x - base, from the values in the same document.
        const double base = doc.at("scenarios")[0].at("kpis").at("npvCostUsd").get<double>();
        const double retrofit = doc.at("scenarios")[1].at("kpis").at("npvCostUsd").get<double>();
        QCOMPARE(doc.at("scenarios")[1].at("deltas").at("npvCostUsd").at("abs").get<double>(), retrofit - base);

        const Run missing = cli({QStringLiteral("compare"), QStringLiteral("--workspace"), path, QStringLiteral("--scenario"),
                                 QStringLiteral("Greenfield"), QStringLiteral("--scenario"), QStringLiteral("Nope")});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY2(missing.err.contains(QStringLiteral("no scenario named 'Nope'")) && missing.err.contains(QStringLiteral("'Retrofit'")),
                 qPrintable(missing.err));
    }

    void tableWithoutJson()
    {
        const Run r = cli({QStringLiteral("compare"), fixture("hand-checked.json"), fixture("hand-checked-b.json"), kAsOf, kMonth});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("Hand-checked site (baseline)")), qPrintable(text));
        const QStringList lines = text.split(QLatin1Char('\n'));
        const auto capex = std::find_if(lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(QStringLiteral("Total capex")); });
        QVERIFY(capex != lines.end());
        QVERIFY2(capex->contains(QStringLiteral("$200M")) && capex->contains(QStringLiteral("$220M"))
                     && capex->contains(QStringLiteral("+$20.0M (+10.0%)")),
                 qPrintable(*capex));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString a = fixture("hand-checked.json");
        QTest::newRow("one scenario") << QStringList{QStringLiteral("compare"), a} << 2 << QStringLiteral("at least two");
        QTest::newRow("files and workspace")
            << QStringList{QStringLiteral("compare"), a, a, QStringLiteral("--workspace"), QStringLiteral("w.clusterplan")} << 2
            << QStringLiteral("not both");
        QTest::newRow("scenario without workspace")
            << QStringList{QStringLiteral("compare"), QStringLiteral("--scenario"), QStringLiteral("A"), QStringLiteral("--scenario"),
                           QStringLiteral("B")}
            << 2 << QStringLiteral("--scenario needs --workspace");
        QTest::newRow("bad as-of") << QStringList{QStringLiteral("compare"), a, a, kAsOf, QStringLiteral("soon")} << 2
                                   << QStringLiteral("YYYY-MM");
        QTest::newRow("missing file") << QStringList{QStringLiteral("compare"), a, QStringLiteral("/nonexistent/plan.json")} << 1
                                      << QStringLiteral("/nonexistent/plan.json");
        QTest::newRow("missing workspace")
            << QStringList{QStringLiteral("compare"), QStringLiteral("--workspace"), QStringLiteral("/nonexistent/w.clusterplan"),
                           QStringLiteral("--scenario"), QStringLiteral("A"), QStringLiteral("--scenario"), QStringLiteral("B")}
            << 1 << QStringLiteral("/nonexistent/w.clusterplan");
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    // A plan with a problem is named with its JSON path; nothing is printed.
    void invalidPlanIsRejected()
    {
        QTemporaryDir dir;
        json plan = parse(readAll(fixture("hand-checked-b.json")));
        plan["sites"][0]["compute"][1]["count"] = -5;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(plan.dump(2)));
        file.close();
        const Run r = cli({QStringLiteral("compare"), fixture("hand-checked.json"), bad, QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(bad) && r.err.contains(QStringLiteral("sites[0].compute[1].count")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_cli_compare.moc"
