#include "clirun.h"
#include "storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <nlohmann/json.hpp>

// `clusterplan-cli solve` end to end, on the shipped examples: the figures the seed interview
// quotes must come out of the product a user installs.
namespace {

using json = nlohmann::json;

using namespace clitest;

json solveJson(const QString &file)
{
    const Run r = cli({QStringLiteral("solve"), file, QStringLiteral("--json"), QStringLiteral("-"), QStringLiteral("--as-of"), QStringLiteral("2026-11")});
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.err));
    return json::parse(r.out.constData(), r.out.constData() + r.out.size());
}

int monthIndex(const json &month)
{
    const std::string text = month.get<std::string>();
    return std::stoi(text.substr(0, 4)) * 12 + std::stoi(text.substr(5, 2)) - 1;
}

} // namespace

class TestCliSolve : public QObject
{
    Q_OBJECT

private slots:
    // 100k H100 at $45k is $4.5B of compute capex and ~140-150 MW of IT load; with its
    // facility, power and cooling the cluster lands around $5-6B (seed; reference 8a check).
    void memphisMatchesTheSeed()
    {
        const json r = solveJson(example("memphis-retrofit-100k-h100.json"));
        const json &k = r.at("kpis");
        QCOMPARE(k.at("capexByCategory").at("compute").get<double>(), 100000.0 * 45000.0);
        const double peakIt = k.at("peakItMw").get<double>();
        QVERIFY2(peakIt >= 140 && peakIt <= 150, qPrintable(QString::number(peakIt)));
        const double capex = k.at("totalCapexUsd").get<double>();
        QVERIFY2(capex >= 5e9 && capex <= 6e9, qPrintable(QString::number(capex)));
        // Bridge power: fully powered within months of the first delivery.
        const int first = monthIndex(k.at("firstComputeMonth"));
        const int full = monthIndex(k.at("fullPowerMonth"));
        const int start = monthIndex(r.at("months")[0]);
        QVERIFY2(full - start <= 12, "the retrofit is fully powered within its first year");
        QVERIFY(full - first <= 6);
        QCOMPARE(r.at("monthly").at("energized").size(), r.at("months").size());
        QCOMPARE(r.at("sites").size(), std::size_t(1));
    }

    // The same plan without its mobile turbines waits for the grid interconnect.
    void memphisWithoutTurbinesWaitsForTheGrid()
    {
        QFile file(example("memphis-retrofit-100k-h100.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        json plan = json::parse(file.readAll().toStdString());
        json &sources = plan.at("sites")[0].at("power");
        json kept = json::array();
        for (const json &s : sources)
            if (s.at("kind") != "mobile_turbine")
                kept.push_back(s);
        QVERIFY(kept.size() < sources.size());
        sources = kept;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no-turbines.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(plan.dump(2)));
        out.close();

        const json with = solveJson(example("memphis-retrofit-100k-h100.json"));
        const json without = solveJson(path);
        const json &fullWithout = without.at("kpis").at("fullPowerMonth");
        const int fullWith = monthIndex(with.at("kpis").at("fullPowerMonth"));
        QVERIFY(fullWithout.is_null() || monthIndex(fullWithout) > fullWith + 3);
        QVERIFY(without.at("kpis").at("strandedAcceleratorMonths").get<double>()
                > 2 * with.at("kpis").at("strandedAcceleratorMonths").get<double>());
    }

    // 100k H100 over 20k A100 is about 15x the BF16 compute (seed: 5x GPUs, 3x per GPU).
    void h100ClusterIsFifteenTimesTheA100Era()
    {
        const double h100 = solveJson(example("memphis-retrofit-100k-h100.json")).at("kpis").at("peakBf16Pflops").get<double>();
        const double a100 = solveJson(example("gpt4-era-20k-a100.json")).at("kpis").at("peakBf16Pflops").get<double>();
        const double ratio = h100 / a100;
        QVERIFY2(ratio > 14 && ratio < 17, qPrintable(QString::number(ratio)));
    }

    void everyExampleSolves_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name : {"memphis-retrofit-100k-h100.json", "meta-2gw-gas-campus.json",
                                 "anthropic-400k-trainium2-cloud.json", "gpt4-era-20k-a100.json", "greenfield-grid-wait.json",
                                 "us-cloud-johor-diffusion-rule.json"})
            QTest::newRow(name) << example(name);
    }
    void everyExampleSolves()
    {
        QFETCH(QString, file);
        const json r = solveJson(file);
        const std::size_t months = r.at("months").size();
        for (const auto &[key, values] : r.at("monthly").items())
            QCOMPARE(values.size(), months);
        double capex = 0;
        for (const auto &v : r.at("monthly").at("capexUsd"))
            capex += v.get<double>();
        QVERIFY(std::abs(capex - r.at("kpis").at("totalCapexUsd").get<double>()) <= 1e-6 * std::max(1.0, capex));
    }

    // The cloud-partner example pays rent only and earns the value of its compute, and the greenfield site's GPUs wait for the grid.
    void cloudPartnerAndGridWait()
    {
        const json cloud = solveJson(example("anthropic-400k-trainium2-cloud.json")).at("kpis");
        QCOMPARE(cloud.at("totalCapexUsd").get<double>(), 0.0);
        QVERIFY(cloud.at("opexByCategory").at("cloud").get<double>() > 0);
        QCOMPARE(cloud.at("opexByCategory").at("cloud").get<double>(), cloud.at("totalOpexUsd").get<double>());
        // Valued as the lab's side of the deal: $2.00 per energized Trainium2-hour (the catalog's
        // rent), sold at the plan's 90% utilization, against the $1.30 rent. Worked by hand from
        // the file: 200k chips energized Jun-Sep 2025 (the building is done in Jun 2025, the grid
        // since Apr 2025), 400k from Oct 2025 (ordered Apr 2025, 6 months' lead) to Dec 2028.
        // Hours: Jun-Sep 2025 122 days = 2,928 h; Oct 2025-Dec 2028 92 + 365 + 365 + 366 = 1,188
        // days = 28,512 h. Accelerator-hours 200,000 x 2,928 + 400,000 x 28,512 = 11,990,400,000;
        // rent 1.30 x that = $15,587,520,000; revenue 2.00 x 0.9 x that = $21,582,720,000; net
        // $5,995,200,000. Every month's net is 0.50 x its accelerator-hours, never below zero:
        // no IRR and nothing to pay back. The NPVs keep the same ratio: revenue 1.8/1.3 of cost.
        const auto near = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::abs(b); };
        QVERIFY(near(cloud.at("totalOpexUsd").get<double>(), 15'587'520'000.0));
        QVERIFY(near(cloud.at("revenueUsd").get<double>(), 21'582'720'000.0));
        QVERIFY(near(cloud.at("revenueUsd").get<double>() - cloud.at("totalOpexUsd").get<double>(), 5'995'200'000.0));
        QVERIFY(near(cloud.at("npvRevenueUsd").get<double>(), cloud.at("npvCostUsd").get<double>() * 1.8 / 1.3));
        QVERIFY(near(cloud.at("npvNetUsd").get<double>(), cloud.at("npvCostUsd").get<double>() * 0.5 / 1.3));
        QCOMPARE(cloud.at("residualValueUsd").get<double>(), 0.0);
        QVERIFY(cloud.at("irrPct").is_null());
        QVERIFY(cloud.at("paybackMonth").is_null());

        const json wait = solveJson(example("greenfield-grid-wait.json"));
        const json &k = wait.at("kpis");
        QVERIFY(k.at("strandedAcceleratorMonths").get<double>() > 0);
        bool powerBound = false;
        for (const auto &b : wait.at("monthly").at("binding"))
            powerBound = powerBound || b == "power";
        QVERIFY(powerBound);
    }

    // Export-control caps (seed): the Johor GPUs land while the 2025 diffusion rule is in force.
    void johorExpansionBreachesTheDiffusionRule()
    {
        const json r = solveJson(example("us-cloud-johor-diffusion-rule.json"));
        int breaches = 0;
        for (const json &w : r.at("warnings"))
            if (w.at("code") == "policy_breach") {
                ++breaches;
                QCOMPARE(w.at("site").get<std::string>(), std::string("Johor Bahru colocation"));
            }
        QCOMPARE(breaches, 3); // Tier 2 cap, 25% outside Tier 1, 7% in one Tier 2 country
    }

    void csvAndSummary()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        const Run r = cli({QStringLiteral("solve"), example("gpt4-era-20k-a100.json"), QStringLiteral("--csv"), csv});
        QCOMPARE(r.exitCode, 0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readLine().startsWith("month,scope,site,delivered,energized"));

        const Run summary = cli({QStringLiteral("solve"), example("gpt4-era-20k-a100.json")});
        QCOMPARE(summary.exitCode, 0);
        QVERIFY(summary.out.contains("Total capex"));
        QVERIFY(summary.out.contains("Full power"));
    }

    // What a spreadsheet user checks: the yearly file's columns add up to the monthly file's
    // portfolio rows of the same months (and never count a site twice).
    void yearlyCsvTiesOutToTheMonths()
    {
        QTemporaryDir dir;
        const QString monthly = dir.filePath(QStringLiteral("monthly.csv"));
        const QString yearly = dir.filePath(QStringLiteral("yearly.csv"));
        const Run r = cli({QStringLiteral("solve"), example("meta-2gw-gas-campus.json"), QStringLiteral("--csv"), monthly,
                           QStringLiteral("--yearly-csv"), yearly, QStringLiteral("--fiscal-year-start"), QStringLiteral("7")});
        QCOMPARE(r.exitCode, 0);
        auto rows = [](const QString &path) {
            QFile file(path);
            QList<QList<QByteArray>> out;
            if (file.open(QIODevice::ReadOnly))
                for (const QByteArray &line : file.readAll().trimmed().split('\n'))
                    out << line.trimmed().split(',');
            return out;
        };
        const QList<QList<QByteArray>> months = rows(monthly);
        const QList<QList<QByteArray>> years = rows(yearly);
        QVERIFY(months.size() > 1 && years.size() > 1);
        const auto mMonth = months[0].indexOf("month");
        const auto mScope = months[0].indexOf("scope");
        const auto yFirst = years[0].indexOf("firstMonth");
        const auto yLast = years[0].indexOf("lastMonth");
        for (const char *column : {"capexUsd", "capex_powerUsd", "opexUsd", "opex_fuelUsd"}) {
            const auto mc = months[0].indexOf(column);
            const auto yc = years[0].indexOf(column);
            QVERIFY2(mc >= 0 && yc >= 0, column);
            for (qsizetype y = 1; y < years.size(); ++y) {
                double sum = 0.0;
                for (qsizetype m = 1; m < months.size(); ++m)
                    if (months[m][mScope] == "portfolio" && months[m][mMonth] >= years[y][yFirst]
                        && months[m][mMonth] <= years[y][yLast])
                        sum += months[m][mc].toDouble();
                QVERIFY2(std::abs(sum - years[y][yc].toDouble()) <= 0.005,
                         qPrintable(QStringLiteral("%1 %2: months %3, year %4")
                                        .arg(QLatin1String(column), QLatin1String(years[y][0]))
                                        .arg(sum, 0, 'f', 2)
                                        .arg(QLatin1String(years[y][yc]))));
            }
        }
        // July years: FY2025 is Jul 2024 to Jun 2025.
        QVERIFY(years[1][0].startsWith("FY"));
        QVERIFY(years[1][yLast].endsWith("-06"));

        const Run bad = cli({QStringLiteral("solve"), example("gpt4-era-20k-a100.json"), QStringLiteral("--yearly-csv"),
                             QStringLiteral("-"), QStringLiteral("--fiscal-year-start"), QStringLiteral("13")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QStringLiteral("--fiscal-year-start")));
    }

    // Summing capexUsd over the v1 table counts every dollar twice (site and portfolio
    // rows); one scope sums to the plan's total capex.
    void csvScopeSumsOnce()
    {
        const QString file = example("us-cloud-johor-diffusion-rule.json");
        const json result = solveJson(file);
        const double totalCapex = result["kpis"]["totalCapexUsd"].get<double>();
        for (const QString &scope : {QStringLiteral("portfolio"), QStringLiteral("sites")}) {
            const Run r = cli({QStringLiteral("solve"), file, QStringLiteral("--as-of"), QStringLiteral("2026-11"),
                               QStringLiteral("--csv"), QStringLiteral("-"), QStringLiteral("--scope"), scope});
            QCOMPARE(r.exitCode, 0);
            const QList<QByteArray> lines = r.out.trimmed().split('\n');
            const QList<QByteArray> header = lines.front().trimmed().split(',');
            const auto scopeColumn = header.indexOf("scope");
            const auto capexColumn = header.indexOf("capexUsd");
            double capex = 0.0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QList<QByteArray> cells = lines[i].trimmed().split(',');
                QCOMPARE(QString::fromLatin1(cells[scopeColumn]), scope == QLatin1String("sites") ? QStringLiteral("site") : scope);
                capex += cells[capexColumn].toDouble();
            }
            QVERIFY2(std::abs(capex - totalCapex) <= 1e-6 * totalCapex,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(scope).arg(capex, 0, 'f', 2).arg(totalCapex, 0, 'f', 2)));
        }
        // Without --scope the table is v1's: site rows and portfolio rows.
        const Run all = cli({QStringLiteral("solve"), file, QStringLiteral("--csv"), QStringLiteral("-")});
        QVERIFY(all.out.contains(",site,") && all.out.contains(",portfolio,"));
        QCOMPARE(cli({QStringLiteral("solve"), file, QStringLiteral("--csv"), QStringLiteral("-"), QStringLiteral("--scope"),
                      QStringLiteral("everything")})
                     .exitCode,
                 2);
    }

    void fromWorkspace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.clusterplan"));
        {
            auto opened = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite);
            QVERIFY(opened.workspace);
            QFile file(example("gpt4-era-20k-a100.json"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(opened.workspace->createScenario(QStringLiteral("Baseline"), file.readAll()));
        }
        const Run r = cli({QStringLiteral("solve"), QStringLiteral("--workspace"), path, QStringLiteral("--scenario"),
                           QStringLiteral("Baseline"), QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 0);
        const json doc = json::parse(r.out.constData(), r.out.constData() + r.out.size());
        QCOMPARE(doc.at("scenario").get<std::string>(), std::string("Baseline"));

        const Run missing = cli({QStringLiteral("solve"), QStringLiteral("--workspace"), path, QStringLiteral("--scenario"), QStringLiteral("Nope")});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains(QStringLiteral("Baseline")));
    }

    void invalidPlanExitsThreeWithPaths()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format":"clusterplan.scenario","formatVersion":1,"name":"Bad","startMonth":"2024-13",
                      "horizonMonths":700,"sites":[]})");
        file.close();
        const Run r = cli({QStringLiteral("solve"), path, QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty()); // never a partial result
        QVERIFY2(r.err.contains(QStringLiteral("startMonth")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("horizonMonths")), qPrintable(r.err));
        QVERIFY(r.err.contains(path));
    }

    void usageErrors()
    {
        QCOMPARE(cli({QStringLiteral("solve")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("solve"), example("gpt4-era-20k-a100.json"), QStringLiteral("--workspace"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("solve"), example("gpt4-era-20k-a100.json"), QStringLiteral("--as-of"), QStringLiteral("soon")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("solve"), QStringLiteral("/nonexistent/plan.json")}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliSolve)
#include "tst_cli_solve.moc"
